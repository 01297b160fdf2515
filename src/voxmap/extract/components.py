"""spaCy pipeline components of voxmap. Each declares what it requires and assigns, and delegates
to a pure function; the Doc extensions are registered explicitly by `register_extensions()`."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token

from ..records import Actor, Quote
from . import actors, attribution, dates, events, figures, relations, tone
from .accents import accented, unaccented_capitals
from .coref import Resolver, RuleResolver
from .datelines import find_dateline
from .entity_names import names_completed, names_the_model_missed, parties_apart_from_bodies, people_apart_from_bodies
from .language import load_rules
from .markup import headline_line, labelled_lines, markup_regions, merged_regions, overlaps
from .participles import participle_rules, participles_read
from .roles import names_apart_from_offices
from .syntax import doc_text, entity_index

EXTENSIONS = (
    "voxmap_error",
    "voxmap_published",
    "voxmap_headline",
    "voxmap_markup",
    "voxmap_raw_quotes",
    "voxmap_quotes",
    "voxmap_actors",
    "voxmap_dates",
    "voxmap_figures",
    "voxmap_relations",
    "voxmap_events",
)


def guarded(call):
    """A voxmap component that breaks on one article marks that Doc failed (`doc._.voxmap_error`)
    instead of sinking the whole batch; later components leave a failed Doc alone."""

    @functools.wraps(call)
    def run(self, doc: Doc) -> Doc:
        if doc._.voxmap_error:
            return doc
        try:
            return call(self, doc)
        except Exception as error:  # one odd article must not stop a corpus; the reason is kept
            doc._.voxmap_error = f"{type(self).__name__}: {error.__class__.__name__}: {error}"
            return doc

    return run


def register_extensions() -> None:
    """Add voxmap's `Doc._` attributes; safe to call more than once."""
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


@dataclass
class QuoteFinder:
    """Finds attributed statements and their speaker's head token (`doc._.voxmap_raw_quotes`)."""

    language: str

    @guarded
    def __call__(self, doc: Doc) -> Doc:
        rules = load_rules(self.language)
        text = doc_text(doc)
        regions = merged_regions(markup_regions(text) + labelled_lines(text, rules.link_labels) + headline_line(text))
        findings = attribution.find_quotes(doc, rules)
        if regions:  # nothing is attributed inside embedded markup (voxmap.extract.markup)
            findings.quotes = [
                q for q in findings.quotes if not any(overlaps(regions, start, end) for start, end in q.spans)
            ]
        doc._.voxmap_markup = regions
        doc._.voxmap_raw_quotes = findings
        return doc


@dataclass
class SpeakerResolver:
    """Turns names into actors and gives each quote its speaker (`doc._.voxmap_quotes/actors`)."""

    language: str
    resolver: Resolver | None = None
    rules: object = field(init=False)

    def __post_init__(self) -> None:
        self.rules = load_rules(self.language)
        if self.resolver is None:
            self.resolver = RuleResolver(self.rules)

    @guarded
    def __call__(self, doc: Doc) -> Doc:
        findings = doc._.voxmap_raw_quotes or attribution.Findings([], [False] * len(doc))
        found_actors, quotes = actors.build(
            doc,
            self.rules,
            findings.quotes,
            # (people run into a body's name were split off in doc.ents by voxmap_names)
            names_completed(names_apart_from_offices(entity_index(doc), self.rules), self.language),
            self.resolver,
            findings.in_quote,
            doc._.voxmap_markup or [],
        )
        doc._.voxmap_actors = found_actors
        doc._.voxmap_quotes = quotes
        return doc


# No news sentence runs this long; cutting a longer run keeps every per-sentence scan bounded, so a
# hostile text (thousands of quotes and no full stop) costs linear time.
MAX_SENTENCE_TOKENS = 300


@dataclass
class SentenceHints:
    """Boundaries the parser must keep (it honours preset ones): a line break ends a sentence, so
    titles and paragraphs never run into the next; a quotation mark never stands alone as one."""

    language: str

    def __call__(self, doc: Doc) -> Doc:
        marks = load_rules(self.language).marks
        # Only marks that cannot be read both ways constrain the parser: a straight " may as well
        # close one quote as open the next sentence's.
        openers = set(marks.openers) - marks.closers - marks.single
        closers = marks.closers - set(marks.openers) - marks.single
        # Written as one array: spaCy's per-token setter rescans the whole Doc on every call.
        starts = doc.to_array([SENT_START]).astype("int64")
        since_start = 0
        opening = False  # the token before is a mark opening a sentence: the sentence goes on after it
        for token in doc[1:]:
            before = doc[token.i - 1]
            since_start += 1
            if "\n" in before.text or "\n" in before.whitespace_ or since_start >= MAX_SENTENCE_TOKENS:
                starts[token.i] = 1
                since_start = 0
            elif before.text in openers or opening or token.text in closers or _glued_word(before, token):
                starts[token.i] = -1
            opening = _quote_after_stop(before, token, marks)
            if opening:
                starts[token.i] = 1
                since_start = 0
        dateline = find_dateline(doc.text, self.language)
        if dateline:  # "MOSCOW (Reuters) —" is its own sentence: the place is nobody's subject
            for token in doc:
                if token.idx >= dateline.end:
                    starts[token.i] = 1
                    break
                if token.idx >= dateline.start:
                    starts[token.i] = 1 if token.idx == dateline.start else -1
        doc.from_array([SENT_START], starts.astype("uint64"))
        return doc


_STOPS = (".", "!", "?", "…")


def _quote_after_stop(before: Token, token: Token, marks) -> bool:
    """'sans citer la 5G. "On se désole…", dit X': a mark set apart after a full stop and written
    against a capital opens the next sentence (the model ran the two together, and the narration
    before became part of the quote's clause). The stop may end a token with a digit ("5G.", "2018.")."""
    stop = before.text in _STOPS or (before.text[-1:] in _STOPS and any(c.isdigit() for c in before.text))
    if not stop or not before.whitespace_ or token.i + 1 >= len(token.doc):
        return False  # "Rep. Robert C. "Bobby" Scott": an initial or an abbreviation ends no sentence
    after = token.doc[token.i + 1]
    opens = token.text in marks.openers and token.text not in marks.single
    # A mark that also closes (") opens only against its word; « may keep its space.
    return opens and (not token.whitespace_ or token.text not in marks.closers) and after.text[:1].isupper()


def _glued_word(before: Token, token: Token) -> bool:
    """'Météo-France', 'Pannier-Runacher': a word or a hyphen written against a word goes on its word's
    sentence (the model split "Météo|-France" into two sentences and made "-" a speaker)."""
    return not before.whitespace_ and before.text[-1:].isalnum() and (token.text[:1].isalnum() or token.text[:1] == "-")


@dataclass
class MissedNames:
    """Adds the people the model's recogniser left untagged, named by a known first name, to `doc.ents`,
    and splits off a person's name it ran into an outlet's ("à l'[AFP Deniece Laurent-Mantey]"), so that
    the cue finders see the person after the channel, and a party it ran into the body a title names
    ("président [Les Républicains de la commission d'enquête]")."""

    language: str

    @guarded
    def __call__(self, doc: Doc) -> Doc:
        index = entity_index(doc)
        split = parties_apart_from_bodies(people_apart_from_bodies(index, self.language), self.language)
        missed = names_the_model_missed(doc, load_rules(self.language))
        if missed or split != index:
            doc.ents = (*{id(e): e for e in split if e is not None}.values(), *missed)
        return doc


@Language.factory(
    "voxmap_names", default_config={"language": "en"}, requires=["doc.ents", "token.lemma"], assigns=["doc.ents"]
)
def make_missed_names(nlp: Language, name: str, language: str) -> MissedNames:
    return MissedNames(language)


@dataclass
class AccentedCapitals:
    """Sets the norm the model reads of a sentence-opening capital written without its accent ("A")."""

    language: str

    def __call__(self, doc: Doc) -> Doc:
        return accented(doc, unaccented_capitals(self.language))


@Language.factory("voxmap_accents", default_config={"language": "en"}, assigns=["token.norm"])
def make_accented_capitals(nlp: Language, name: str, language: str) -> AccentedCapitals:
    return AccentedCapitals(language)


@dataclass
class UnknownParticiples:
    """Tags a speech verb's participle the model did not know ("a tweeté") and its auxiliary."""

    language: str

    def __call__(self, doc: Doc) -> Doc:
        return participles_read(doc, participle_rules(self.language))


@Language.factory(
    "voxmap_participles",
    default_config={"language": "en"},
    requires=["token.lemma"],
    assigns=["token.pos", "token.lemma", "token.morph"],
)
def make_unknown_participles(nlp: Language, name: str, language: str) -> UnknownParticiples:
    return UnknownParticiples(language)


@Language.factory("voxmap_paragraphs", default_config={"language": "en"}, assigns=["token.is_sent_start"])
def make_sentence_hints(nlp: Language, name: str, language: str) -> SentenceHints:
    return SentenceHints(language)


@Language.factory(
    "voxmap_quotes",
    default_config={"language": "en"},
    # token.pos is used too: the English model's attribute_ruler sets it without declaring it.
    requires=["token.dep", "token.lemma", "token.is_sent_start"],
    assigns=["doc._.voxmap_raw_quotes", "doc._.voxmap_markup"],
)
def make_quote_finder(nlp: Language, name: str, language: str) -> QuoteFinder:
    return QuoteFinder(language)


@Language.factory(
    "voxmap_speakers",
    default_config={"language": "en"},
    requires=["doc._.voxmap_raw_quotes", "doc._.voxmap_markup", "doc.ents", "token.dep"],
    assigns=["doc._.voxmap_quotes", "doc._.voxmap_actors"],
)
def make_speaker_resolver(nlp: Language, name: str, language: str) -> SpeakerResolver:
    return SpeakerResolver(language)


@dataclass
class DateFinder:
    """Date expressions, valued against the publication date in `doc._.voxmap_published`."""

    language: str

    @guarded
    def __call__(self, doc: Doc) -> Doc:
        doc._.voxmap_dates = dates.find_dates(doc_text(doc), self.language, doc._.voxmap_published)
        return doc


# It reads doc._.voxmap_published, which the caller sets on the Doc (no component assigns it).
@Language.factory("voxmap_dates", default_config={"language": "en"}, assigns=["doc._.voxmap_dates"])
def make_date_finder(nlp: Language, name: str, language: str) -> DateFinder:
    return DateFinder(language)


@dataclass
class FactFinder:
    """Figures (credited to whoever is quoted saying them), typed relations, dated events, and
    the tone of every quote."""

    language: str

    @guarded
    def __call__(self, doc: Doc) -> Doc:
        rules = load_rules(self.language)
        quotes, found_actors = doc._.voxmap_quotes or [], doc._.voxmap_actors or []
        found_dates = doc._.voxmap_dates or []
        taken = [(d.start, d.end) for d in found_dates]
        doc._.voxmap_figures = found_figures = figures.find_figures(doc, self.language, taken)
        for figure in found_figures:
            figure.attributed_to = next(
                (
                    q.speaker.actor
                    for q in quotes
                    for span in q.spans
                    if span.start <= figure.start and figure.end <= span.end
                ),
                None,
            )
        actor_at = relations.actor_index(doc, found_actors)  # built once, shared by both finders
        doc._.voxmap_relations = relations.find_relations(doc, rules, found_actors, found_dates, actor_at)
        doc._.voxmap_events = events.find_events(doc, rules, found_actors, found_dates, actor_at)
        for quote in quotes:
            quote.tone = tone.tone_of(quote.text, self.language)
        return doc


@Language.factory(
    "voxmap_facts",
    default_config={"language": "en"},
    requires=["doc._.voxmap_quotes", "doc._.voxmap_actors", "doc._.voxmap_dates"],
    assigns=["doc._.voxmap_figures", "doc._.voxmap_relations", "doc._.voxmap_events"],
)
def make_fact_finder(nlp: Language, name: str, language: str) -> FactFinder:
    return FactFinder(language)


def doc_quotes(doc: Doc) -> tuple[list[Quote], list[Actor]]:
    return doc._.voxmap_quotes or [], doc._.voxmap_actors or []
