"""Quotation marks: nested, multi-paragraph, unbalanced and stray marks, per language's rules."""

import pytest

from voxmap.extract.language import load_rules
from voxmap.extract.marks import find_quoted_segments

EN = load_rules("en").marks


def quoted(text: str, rules=EN) -> list[str]:
    return [text[s.start : s.end] for s in find_quoted_segments(text, rules)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("He said “we will win” today.", ["we will win"]),
        ("“One,” he said. “Two.”", ["One,", "Two."]),
        ('Straight "double quotes" work.', ["double quotes"]),
        ("NYT style ''doubled apostrophes'' too.", ["doubled apostrophes"]),
        ("Nested “outer ‘inner’ words” stay one.", ["outer ‘inner’ words"]),
        ("« Nous ne reculerons pas », a-t-il dit.", ["Nous ne reculerons pas"]),
        ("„German style“ marks.", ["German style"]),
        ("British ‘single marks’ around words.", ["single marks"]),
        # negatives: apostrophes, inch marks and stray closers are not quotes
        ("The Joneses’ house and Trump’s plan.", []),
        ('A 5" screen is small.', []),
        ("A stray ” closer alone.", []),
        ("", []),
    ],
)
def test_segments(text, expected):
    assert quoted(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # web copy mixes curly and straight marks: the other kind closes, set against the words before it
        (
            '“Immunity deals should not be a requirement," Jason Chaffetz said, adding they were "like candy."',
            ["Immunity deals should not be a requirement,", "like candy."],
        ),
        (
            '"Oz has a huge bully pulpit,” said David Gorski. “He can’t dispense with facts.”',
            ["Oz has a huge bully pulpit,", "He can’t dispense with facts."],
        ),
        # negatives: a straight pair nested in a curly quote stays inside it; a straight mark opening
        # words after a space opens, it does not close
        ('“He said "hello" to me,” she recalled.', ['He said "hello" to me,']),
        ('“We won and "nobody believed us," he added.', ['We won and "nobody believed us," he added.']),
    ],
)
def test_mixed_curly_and_straight_marks(text, expected):
    assert quoted(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a closing mark typed where a quote opens, closed by another
        (
            "”Mr. Trump embodies the legacy of racism. He represents our shame.” ― Sonya Herridge",
            ["Mr. Trump embodies the legacy of racism. He represents our shame."],
        ),
        ("Readers wrote: ”Fear. I am afraid.” ― Edwin Monroy", ["Fear. I am afraid."]),
        # negatives: one alone opens nothing; inside an open quote it closes; after a word it closes
        ("The end.” Then ”fine words", []),
        ("“We won ”and more” today", ["We won"]),
        ("He wrote the end.” And then it was over.”", []),
    ],
)
def test_a_reversed_opening_mark(text, expected):
    assert quoted(text) == expected


def test_unclosed_quote_ends_with_its_paragraph():
    text = "He said “this never closes\nNext paragraph is narration."
    assert quoted(text) == ["this never closes"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # scraped copy with no paragraphs: a straight mark left open closes where a sentence ends
        # before a mark, and the quotes after it pair as written
        (
            '"Le confinement aurait pu tout désorganiser, a-t-il dit. Nous avons réussi. "Le 7 septembre, '
            'le ministère comptait 28 classes fermées. "Si c\'était nécessaire, on le ferait", a-t-il déclaré.',
            [
                "Le confinement aurait pu tout désorganiser, a-t-il dit. Nous avons réussi.",
                "Si c'était nécessaire, on le ferait",
            ],
        ),
        # negatives: balanced marks are left as they pair; an open mark with no sentence end before a
        # later mark still ends with its paragraph
        ('Il a dit "oui" puis "non".', ["oui", "non"]),
        ('Il a parlé de "la réforme et de ses suites sans fin', ["la réforme et de ses suites sans fin"]),
    ],
)
def test_a_straight_mark_left_open_in_one_long_paragraph(text, expected):
    assert quoted(text, load_rules("fr").marks) == expected


def test_multi_paragraph_quote_reopens_without_closing():
    text = "“First paragraph of the quote\n“Second paragraph, closed.”\nNarration."
    segments = find_quoted_segments(text, EN)
    assert [text[s.start : s.end] for s in segments] == ["First paragraph of the quote", "Second paragraph, closed."]
    assert segments[0].continues and segments[0].close_at is None
    assert not segments[1].continues


def test_wrong_closing_mark_does_not_swallow_the_article():
    text = "He said “a quote“ and then went on.\nAnother paragraph “with its own quote.”"
    assert quoted(text)[-1] == "with its own quote."


def test_offsets_slice_back():
    text = "Intro. “Quoted words,” said Ann. « Autre » fin."
    for segment in find_quoted_segments(text, EN):
        assert text[segment.open_at] in "“«"
        assert text[segment.start : segment.end].strip() == text[segment.start : segment.end]


FR = load_rules("fr").marks


@pytest.mark.parametrize(
    "text, expected",
    [
        ("« Nous irons », a-t-il dit.", ["Nous irons"]),
        ("«\u202fNous irons\u202f», a-t-il dit.", ["Nous irons"]),
        ("«\u00a0Le “choc des savoirs” est un slogan\u00a0», dit-elle.", ["Le “choc des savoirs” est un slogan"]),
        ("— Nous irons jusqu'au bout, lance Jean Dupont.", ["Nous irons jusqu'au bout, lance Jean Dupont."]),
    ],
)
def test_french_segments(text, expected):
    assert quoted(text, FR) == expected


def test_french_continuation_reopens_with_a_closing_guillemet():
    text = "« Premier paragraphe\n» Deuxième paragraphe.\n» Troisième, fermé. »\nNarration."
    segments = find_quoted_segments(text, FR)
    assert [text[s.start : s.end] for s in segments] == [
        "Premier paragraphe",
        "Deuxième paragraphe.",
        "Troisième, fermé.",
    ]
    assert [s.continues for s in segments] == [True, True, False]


@pytest.mark.parametrize("shape", ["“word ", "“a” b ", "« x ", '" x ', "‘a’ “b” "])
def test_pairing_is_linear_in_the_number_of_marks(shape):
    """16,000 marks cost about 8 times 2,000 (under 12 allowed for noise), never the square."""
    import timeit

    small, large = shape * 2000, shape * 16000
    # Each timing long enough (tens of milliseconds) that a busy machine's noise stays small; best of 7.
    # A pause of the machine can still spoil one measurement, so up to three are taken: a quadratic
    # pairing gives about 64 every time, never under 12.
    ratios = []
    for _ in range(3):
        times = [
            min(timeit.repeat(lambda t=t: find_quoted_segments(t, EN), number=number, repeat=7)) / number
            for t, number in ((small, 16), (large, 2))
        ]
        ratios.append(times[1] / times[0])
        if ratios[-1] < 12:
            break
    assert min(ratios) < 12, ratios


@pytest.mark.parametrize(
    "text, expected",
    [
        ("— \n\n › they she", []),  # a dialogue dash alone on its line quotes nothing
        ("— Nous irons.", ["Nous irons."]),
        ("—\n", []),
    ],
)
def test_dialogue_dash_needs_words(text, expected):
    assert quoted(text, load_rules("fr").marks) == expected
