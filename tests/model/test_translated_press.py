"""Translated-press conventions, one table per pattern, with the negatives that must stay quiet."""

import pytest

from voxmap.api import analyze


def found(text):
    analysis = analyze(text, language="en")
    return [(q.kind, " / ".join(s.text for s in q.spans), q.speaker.name) for q in analysis.quotes]


@pytest.mark.parametrize(
    "text, expected",
    [
        # An incise inside the marks, whatever the tagger made of its verb: two content spans, the name after.
        (
            "“The ministry stopped disowning its officers, rewinds Paul Marchand, historian at the University of Lyon. "
            "Even against the courts.”",
            [("direct", "The ministry stopped disowning its officers / Even against the courts.", "Paul Marchand")],
        ),
        (
            "“This reform sorts pupils at eleven, denounces Maxime Perrin, general secretary of SNES. It is the end.”",
            [("direct", "This reform sorts pupils at eleven / It is the end.", "Maxime Perrin")],
        ),
        # Words on a document speak for the organisation whose document it is.
        (
            "“Police stations are closing!” can we read in a leaflet Rempart published in June.",
            [("direct", "Police stations are closing!", "Rempart")],
        ),
        # Characterisation: the one who called it so said it; the object comes with the quoted word (a
        # mixed quote, as PolNeAR annotates it).
        (
            "Its author, Jean Roux, who called the union “factious”, has not changed his mind.",
            [("mixed", "the union “factious”", "Jean Roux")],
        ),
        # The name after the cue wins over a subject before the quote.
        (
            "One statement caused a stir: “Officers will never be a budget variable,” thundered Gérald Marsac "
            "before the Assembly.",
            [("direct", "Officers will never be a budget variable,", "Gérald Marsac")],
        ),
        # A described person before a colon.
        (
            "A senior official at the ministry confides: “The minister reads the union's communiqués first.”",
            [("direct", "The minister reads the union's communiqués first.", "A senior official at the ministry")],
        ),
    ],
)
def test_translated_press_patterns(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The book “The Silent Street” told that story in 2019.",  # a title
        "The so-called “pact” between the two men is a rumour, say their aides.",  # a scare quote
        "“We will go, and the union will follow, as always in the spring of each year,” nobody doubts.",
    ],
)
def test_what_is_not_a_statement(text):
    assert all(kind != "partial" for kind, _, _ in found(text)) and not any(
        q[1] in ("The Silent Street", "pact") for q in found(text)
    )


@pytest.mark.parametrize(
    "text, language, kind",
    [
        ("Clinton believes that the election will be close.", "en", "belief"),
        ("Data show that crime fell in 2015.", "en", "evidence"),
        ("The union's report says that officers are tired.", "en", "indirect"),  # a document with an owner: its owner
        ("Trump said that the race was rigged.", "en", "indirect"),
        ("Le ministre pense que la réforme passera.", "fr", "belief"),
    ],
)
def test_beliefs_and_evidence_are_typed(text, language, kind):
    analysis = analyze(text, language=language)
    assert [q.kind for q in analysis.quotes] == [kind]


def test_a_subject_hung_on_the_auxiliary_still_speaks():
    # "a quant à lui dénoncé": the French model attaches the subject to "a", not to the verb.
    analysis = analyze("Le député Paul Durand a quant à lui dénoncé « une provocation inacceptable ».", language="fr")
    assert [(q.spans[0].text, q.speaker.name) for q in analysis.quotes] == [
        ("une provocation inacceptable", "Paul Durand")
    ]
