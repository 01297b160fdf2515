"""A headline's attribution ("Sanders: Clinton needs to…"), with the real model: a source, a colon, what
the source said, on the article's first line. Negatives: kickers, a name running past the colon, a
question, a source with a verb, a colon further down the article."""

import pytest

from voxmap.api import analyze

pytestmark = pytest.mark.model


def _headline(text):
    return [(q.kind, q.text, q.speaker.name) for q in analyze(text, language="en").quotes if "headline" in q.how]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a surname the model missed at the headline's start, named in full below
        (
            "Sanders: Clinton needs to 'get away from all of this personality stuff' with Trump.\n\n"
            "Bernie Sanders spoke on Friday.",
            [
                (
                    "indirect",
                    "Clinton needs to 'get away from all of this personality stuff' with Trump.",
                    "Bernie Sanders",
                )
            ],
        ),
        # a document word: what it shows is evidence
        (
            "Poll: Clinton and Trump in dead heat heading into first debate.\n\nThe poll was released on Monday.",
            [("evidence", "Clinton and Trump in dead heat heading into first debate.", "Poll")],
        ),
        # a title before the name
        (
            "A lesson from Loretta Lynch: “Be the voice that people hear.”\n\nLoretta Lynch spoke to students.",
            [("direct", "Be the voice that people hear.", "Loretta Lynch")],
        ),
        # negatives
        ("The Latest: Trump urges supporters to monitor polling places.\n\nWASHINGTON (AP) — The Latest.", []),
        ("Ted Cruz: Constitutional conservative or career politician?\n\nTed Cruz spoke.", []),
        # a verb in the source: the name ending it is not who speaks
        ("Carly Fiorina Endorses Ted Cruz: I Am ‘Horrified’ By Donald Trump.\n\nCarly Fiorina spoke.", []),
        ("Hillary Clinton spoke on Monday.\n\nSanders: We will keep fighting.", []),
    ],
)
def test_a_headline_source_and_colon(text, expected):
    assert _headline(text) == expected
