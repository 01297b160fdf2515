"""Quotes that open an article or a section with no cue of their own: their speaker is found in
what follows them."""

from __future__ import annotations

from spacy.tokens import Doc

from ..records import Actor, Quote, Speaker
from .attribution.found import FLOATING, INDIRECT, MIXED
from .coref import Sighting
from .mentions import PERSON
from .syntax import VERB_POS

# How far an article's cue-less opening quote may be from the quote whose speaker it takes.
OPENING_REACH = 300


def opening_quotes_take_the_next_speaker(quotes: list[Quote], speakers: list[Actor | None]) -> None:
    """A quote that opens the article with no cue ('"Les Français ont été durement éprouvés…". "Il
    faut dire la vérité…", a déclaré l'ancien chef d'État') is the speaker's of the quote right after."""
    for i, quote in enumerate(quotes[:-1]):
        if quote.speaker.type != "unknown":
            return  # past the opening
        following = quotes[i + 1]
        if (
            quote.how.startswith(FLOATING)
            and following.speaker.type != "unknown"
            and following.spans[0].start - quote.spans[-1].end < OPENING_REACH
        ):
            quote.speaker = Speaker(following.speaker.name, following.speaker.type)
            quote.how += " speaker:next-quote"
            speakers[i] = speakers[i + 1]


# How many words of narration may stand between a cue-less quote and the cued quote it runs into.
RUN_IN_WORDS = 6


def floating_quotes_take_the_cue_after(quotes: list[Quote], speakers: list[Actor | None], doc: Doc) -> None:
    """A quote with no cue that runs into a quote with one, in the same paragraph, is that speaker's
    ('"Vous savez pourquoi la droite ne dépose pas" de motion de censure ? "Parce que…", a déclaré M.
    Bayrou'; '"No." "We will not," she said.'): the writer put one cue for both, after the second. It
    outweighs the previous quote's speaker, who spoke before other narration. A verb between is a cue
    of its own the rules did not know ('"…," assume l'entourage de la ministre. "…," reconnaît X')."""
    text = doc.text
    for i, quote in enumerate(quotes[:-1]):
        following = quotes[i + 1]
        if not quote.how.startswith(FLOATING) or following.how.startswith(FLOATING):
            continue
        if following.speaker.type == "unknown" or _opens_with_writers_words(following, text):
            continue
        if following.spans[0].start < quote.spans[-1].end:
            continue  # quotes in the order of their cues, not of their words: no narration runs between
        between = text[quote.spans[-1].end : following.spans[0].start]
        words = sum(1 for word in between.split() if any(c.isalnum() for c in word))
        if "\n" in between or words > RUN_IN_WORDS:
            continue
        narration = doc.char_span(quote.spans[-1].end, following.spans[0].start, alignment_mode="expand")
        if narration is not None and any(t.pos_ in VERB_POS for t in narration):
            continue
        quote.speaker = Speaker(following.speaker.name, following.speaker.type)
        quote.how = FLOATING + " speaker:cue-after"
        speakers[i] = speakers[i + 1]


def _opens_with_writers_words(quote: Quote, text: str) -> bool:
    """'"…Ce tournage m'a sauvée." Aujourd'hui, elle sort un livre, explique Voici': a report that opens
    with the writer's words is a sentence of its own, whose cue the quote before does not share."""
    return quote.kind in (INDIRECT, MIXED) and text[quote.spans[0].start].isalnum()


# How far after a cue-less quote opening a paragraph the person who said it may be named (characters).
AUTHOR_REACH = 400


def paragraph_openers_take_the_person_after(
    quotes: list[Quote], speakers: list[Actor | None], sightings: list[Sighting], text: str
) -> None:
    """A quote that opens a paragraph with no cue and no speaker is the person the paragraph then
    names acting ('“At 11 p.m., we turned the ambulances away.” Dr. Nadia Berrada remembers the
    night…'; '“Not one more hectare…” The email went out at dawn… It was signed by Hervé Lantier'),
    if one is named within AUTHOR_REACH characters."""
    for i, quote in enumerate(quotes):
        if quote.speaker.type != "unknown" or not quote.how.startswith(FLOATING):
            continue
        start, end = quote.spans[0].start, quote.spans[-1].end
        if any(c.isalnum() for c in text[text.rfind("\n", 0, start) + 1 : start]):
            continue  # words before it in its paragraph: not an opening
        paragraph_end = text.find("\n", end)
        reach = min(paragraph_end if paragraph_end >= 0 else len(text), end + AUTHOR_REACH)
        author = next(
            (s.actor for s in sightings if end < s.position < reach and s.subject and s.actor.type == PERSON), None
        )
        if author is not None:
            quote.speaker = Speaker(author.name, author.type)
            quote.how += " speaker:person-after"
            speakers[i] = author
