"""Quoted words that are no statement: an agency's subheading on its own line, a title or a term the
sentence mentions with no speaker and no speech verb."""

from __future__ import annotations

import pytest

from voxmap.extract.actors import _mentioned_only, _subheading
from voxmap.extract.attribution.found import FLOATING, VERB, Cue, RawQuote
from voxmap.extract.language import load_rules

FR = load_rules("fr")


def _raw(text: str, quoted: str, cue: Cue, kind: str = "direct") -> RawQuote:
    start = text.index(quoted)
    return RawQuote(kind, [(start, start + len(quoted))], None, None, cue)


@pytest.mark.parametrize(
    ("text", "quoted", "cue", "heading"),
    [
        ('Il a parlé.\n- "C\'est trop bien" -\nLui se radicalise.', "C'est trop bien", Cue(FLOATING), True),
        # negatives: a quote that goes on after another, or a subheading-like line with its own cue
        ('Il a parlé. "C\'est trop bien", dit-il.', "C'est trop bien", Cue(FLOATING), False),
        ('- "Partez", a dit le préfet -', "Partez", Cue(VERB, True, True), False),
    ],
)
def test_a_quoted_subheading_is_no_statement(text, quoted, cue, heading):
    assert _subheading(text, _raw(text, quoted, cue)) is heading


@pytest.mark.parametrize(
    ("text", "quoted", "cue", "mentioned"),
    [
        ('La chanson "Mercy" sera chantée.', "Mercy", Cue(VERB, True, False), True),
        ('en cas de "danger immédiat", précise le texte', "danger immédiat", Cue(VERB, True, False), True),
        # negatives: a speech verb, or a whole sentence in the marks
        ('"Jamais", a dit un témoin.', "Jamais", Cue(VERB, True, True), False),
        (
            '"Nous ne partirons pas de là", conclut le texte.',
            "Nous ne partirons pas de là",
            Cue(VERB, True, False),
            False,
        ),
    ],
)
def test_a_few_words_by_no_one_are_only_mentioned(text, quoted, cue, mentioned):
    assert _mentioned_only(text, _raw(text, quoted, cue), FR) is mentioned
