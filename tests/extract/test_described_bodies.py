"""A body described by its kind takes up the one body the headline names (voxmap.extract.described),
unless the description names its own body."""

from __future__ import annotations

import pytest

from voxmap.extract.described import take_up_named_bodies
from voxmap.extract.language import load_rules
from voxmap.records import Actor, Quote, Span, Speaker


@pytest.mark.parametrize(
    ("named", "described", "speaker"),
    [
        ("Génération", "L'association", "Génération"),  # the kind alone: the headline's body
        # a name of its own: itself, unless it is the headline's body
        ("Génération", "L'association SOS Méditerranée", "L'association SOS Méditerranée"),
        ("Génération", "la compagnie Air Lorraine", "la compagnie Air Lorraine"),
        ("L214", "L'association L214", "L214"),
    ],
)
def test_a_body_described_by_its_kind(named, described, speaker):
    headline = f"{named} fait de Christophe Castaner un de ses membres"
    text = f"{named} a parlé. {described} a promis d'attaquer en diffamation."
    start = text.index(described)
    body = Actor("a1", named, "organization", mentions=[Span.of(text, 0, len(named))])
    kind = Actor("a2", described, "anonymous", mentions=[Span.of(text, start, start + len(described))])
    quote = Quote(
        "q1",
        "indirect",
        [Span.of(text, start, len(text))],
        None,
        Speaker(described, "anonymous", "a2", Span.of(text, start, start + len(described))),
        0.7,
    )
    quotes, speakers = [quote], [kind]
    take_up_named_bodies([body, kind], quotes, speakers, headline, load_rules("fr"))
    assert quotes[0].speaker.name == speaker
