"""A subheading in quotation marks whose line break the scraper lost is no quote: it stands between a
sentence's end and the next sentence's capital with no mark of its own that ends a sentence. Shapes
of OrangeSum articles (and a PolNeAR nested quote among the negatives)."""

import pytest

from voxmap.extract.attribution.from_marks import scraped_heading
from voxmap.extract.language import load_rules
from voxmap.extract.marks import find_quoted_segments


def _headings(text: str, language: str) -> list[str]:
    marks = load_rules(language).marks
    closers = frozenset("".join(marks.closers))
    return [text[s.start : s.end] for s in find_quoted_segments(text, marks) if scraped_heading(s, text, closers)]


@pytest.mark.parametrize(
    "text, language, headings",
    [
        (
            'Il a conclu ainsi. "Apprendre à désamorcer un dialogue tendu" Si l\'on pourrait croire le contraire, '
            "la mission est rude.",
            "fr",
            ["Apprendre à désamorcer un dialogue tendu"],
        ),
        (
            'Il rappelait ses convictions "de gauche"."PLUS JAMAIS SOCIALISTE" Selon des propos rapportés, il a voté.',
            "fr",
            ["PLUS JAMAIS SOCIALISTE"],
        ),
        (
            "Le débat a repris.\n« Un avant et un après » Pour lui, les choses sont claires.",
            "fr",
            ["Un avant et un après"],
        ),
        # negatives: a quote ends on its own sentence mark, or a comma before its cue
        (
            "Elle s'indigne. \"Quand des casseurs s'en prennent à l'hôpital, je suis sans voix !\" La chanteuse "
            "est touchée.",
            "fr",
            [],
        ),  # fmt: skip
        ("Il a parlé. « Nous allons gagner », a dit Paul Roux.", "fr", []),
        (
            "\n“You say you ‘accept responsibility, and it was the fault of those 5,000 people,’” Merkley said.",
            "en",
            [],
        ),
        # negatives: words of the sentence before the marks, or no capital after them
        ('Il a dénoncé un "acte lâche" Paris a réagi.', "fr", []),
        ('Le texte est publié. "Une réforme injuste" selon la CGT, qui manifestera.', "fr", []),
    ],
)
def test_a_quoted_subheading_run_into_the_text_is_no_quote(text, language, headings):
    assert _headings(text, language) == headings


def test_a_quote_of_several_sentences_left_open_is_no_heading():
    text = (
        "« Il s'agissait de CDD déguisés », dénonce Paul Roux. « Cet évènement est symptomatique du dialogue "
        "social en France. Plutôt que de négocier, le patron préfère déguerpir en catimini » Contacté par la "
        "radio, le gérant dénonce une situation intenable."
    )
    assert _headings(text, "fr") == []
