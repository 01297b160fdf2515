"""Per-language rules, read from the TOML files under `voxmap/rules/<lang>/`.

The engine holds no word lists: everything that differs between English and French (speech verbs,
quotation marks, source descriptions, role words, parser labels) comes from here.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..errors import RulesError, UnsupportedLanguage
from .first_names import dictionary_first_names, listed_first_names

LANGUAGES = ("en", "fr")


@cache
def _compiled(pattern: str) -> re.Pattern:
    return re.compile(pattern)


def _words(table: dict, key: str) -> frozenset[str]:
    return frozenset(word.lower() for word in table.get(key, []))


def _verbs(cues: dict, key: str) -> frozenset[str]:
    """A list of verbs, each also in the spellings the language's reform allows ("reconnait" beside
    "reconnaît": cues.toml `reformed_spellings`), since the press prints both."""
    verbs = _words(cues, key)
    for old, new in cues.get("reformed_spellings", []):
        verbs |= {verb.replace(old, new) for verb in verbs}
    return verbs


def _verb_words(verbs: frozenset[str], reflexives: frozenset[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The speech verbs written in several words ("mettre en garde"), by their verb: the words that
    complete each. A reflexive one ("se féliciter") is its verb alone."""
    phrases: dict[str, list[tuple[str, ...]]] = {}
    for verb in verbs:
        first, *rest = verb.split()
        if rest and first not in reflexives:
            phrases.setdefault(first, []).append(tuple(rest))
    return {verb: tuple(rests) for verb, rests in phrases.items()}


def _sequences(table: dict, key: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(word.lower() for word in sequence) for sequence in table.get(key, []))


@dataclass(frozen=True)
class MarkRules:
    openers: dict[str, str]  # opening mark -> closing mark
    single: frozenset[str]
    inner_spaces: str
    dialogue_dashes: frozenset[str]
    # (opening, closing) of two pairs the scraped web mixes up: “…," closes as “…”
    mixed_closers: frozenset[tuple[str, str]] = frozenset()
    # closing marks a typist set where a quote opens ("”Mr. Trump embodies …” ― S. H."): they open a
    # quote they also close, standing before a word where no quote is open
    reversed_openers: frozenset[str] = frozenset()

    @property
    def closers(self) -> frozenset[str]:
        return frozenset(self.openers.values())

    @property
    def pattern(self) -> re.Pattern:
        """Any mark, longest first so that '' is one mark rather than two apostrophes."""
        marks = sorted(set(self.openers) | self.closers, key=len, reverse=True)
        return _compiled("|".join(re.escape(mark) for mark in marks))


@dataclass(frozen=True)
class ParserLabels:
    model: str
    subject: frozenset[str]
    passive_subject: frozenset[str]
    not_subjects: frozenset[str]
    passive_auxiliary: frozenset[str]
    auxiliary: frozenset[str]
    reflexive_clitics: frozenset[str]
    clause: frozenset[str]
    open_clause: frozenset[str]
    apposition: frozenset[str]
    name_parts: frozenset[str]
    relative_clause: frozenset[str]
    adverbial_clause: frozenset[str]
    apposed_participle: frozenset[str]  # ", jugeant X": the parser hangs the participle on the noun before
    adverb_participle: frozenset[str]  # ", précisant que…" taken for an adverb of the verb it hangs on
    direct_object: frozenset[str]
    subordinator: frozenset[str]
    particle: frozenset[str]
    possessive: frozenset[str]
    object_predicate: frozenset[str]
    prepositional_complement: frozenset[str]
    conjunct: frozenset[str]
    case_marker: frozenset[str]
    prep_object: frozenset[str]
    prepositional: frozenset[str]
    agent: frozenset[str]
    expletive: frozenset[str]
    attribute: frozenset[str]  # "is [a chartered accountant]"
    copula: frozenset[str]  # "est [comptable]": the copula hangs on the noun
    modifier: frozenset[str]  # "[retired] plumber", "[cereal] grower": words on a description's head
    person_entities: frozenset[str]
    organization_entities: frozenset[str]
    group_entities: frozenset[str]
    place_entities: frozenset[str]
    gerund_markers: frozenset[str]  # "en ironisant sur…": the participle shares the sentence's subject


@dataclass(frozen=True)
class LanguageRules:
    language: str
    marks: MarkRules
    parser: ParserLabels
    speech_verbs: frozenset[str]
    speech_verb_words: dict[str, tuple[tuple[str, ...], ...]]  # "mettre" -> ("en", "garde"): "met-elle en garde"
    speech_verb_phrases: frozenset[tuple[str, str]]
    middle_voice_verbs: frozenset[str]  # "l'enquête se poursuit": reflexive, these verbs report no speech
    reflexive_speech_verbs: frozenset[str]  # "», se désole le commerçant": a cue only with its clitic
    passive_measure_verbs: frozenset[str]  # "sera évalué par le Parlement": passive, these verbs measure
    restrictive_negations: frozenset[str]  # "n'assurent que les affaires courantes": only, no report
    characterization_verbs: frozenset[str]
    source_prepositions: tuple[tuple[str, ...], ...]
    sentence_initial_source_prepositions: tuple[tuple[str, ...], ...]
    topic_openers: tuple[tuple[str, ...], ...]  # "Quant à X, il…": X is whom the sentence is about, acting
    source_sentence_holds_quotes: bool  # "…a nationwide “walk-in”, according to X": one mixed quote
    source_phrase_leaves_a_speaker_his_clause: bool  # "Selon Le Parisien, le préfet a affirmé…": the préfet's
    source_settings: tuple[tuple[str, ...], ...]
    impersonal_subjects: frozenset[str]
    spokesman_phrases: tuple[tuple[str, ...], ...]
    topic_words: frozenset[str]  # "Concernant X, Y estime…": X is the topic, not the speaker
    object_clitics: frozenset[str]  # "», leur a-t-il dit": a pronoun object before an inverted cue
    source_relatives: tuple[tuple[str, ...], ...]
    source_clause_marks: frozenset[str]  # "comme le raconte X, …", "as X reported, …": X vouches for the sentence
    source_clause_clitics: frozenset[str]  # the object pronoun such a clause holds ("le", "l'"); none: not required
    compliance_verbs: frozenset[str]  # "as he had promised": what was wanted, done; no source clause
    min_floating_words: int
    min_partial_words: int
    pronouns: dict[str, frozenset[str]]  # masculine/feminine/plural/neuter/first/relative
    gendered_organization_pronouns: bool  # "le ministère …, mais il a précisé": "il" may be a body
    definite_determiners: frozenset[str]
    interlocutor_determiners: frozenset[str]
    latter_words: frozenset[str]
    pair_ordinals: dict[str, int]  # "the former", "la seconde": which of the last two people named
    demonstrative_heads: dict[str, str]  # "celui" -> masculine: "celui qui dirige l'agence" is who just acted
    back_reference_heads: frozenset[str]  # "our interlocutor", "this source": the last source introduced
    back_reference_determiners: frozenset[str]
    copulas: frozenset[str]  # "be", "être": "X is a Y" describes X
    sources_before_quotes: bool  # an unnamed person the sentence before a quote introduces is a source
    source_introductions: frozenset[str]  # "agreed to meet us", "on condition of anonymity": a source introduced
    partitive_ones: frozenset[str]  # "One of them, a senior official, …": one of a group
    partitive_pronouns: frozenset[str]  # … "of them"
    party_members: frozenset[str]  # "the Toledo Democrat": a person described, though capitalised
    first_person_possessives: frozenset[str]  # "my father": the writer's, described by no one
    description_weak_words: frozenset[str]  # "former", "then": they tell nothing of who someone is
    description_kin: dict[str, frozenset[str]]  # word -> the words for the same kind of person
    articles: frozenset[str]
    superlative_adverbs: frozenset[str]  # "les données les plus récentes": an article that opens no phrase
    complementizers: frozenset[str]
    inverted_reports: bool  # read "statement, a annoncé X" from the words (attribution/inverted.py)
    informant_verbs: frozenset[str]  # "…, a-t-on appris auprès du parquet": the informant speaks
    informant_prepositions: tuple[tuple[str, ...], ...]
    inverted_channel_prepositions: frozenset[str]  # "…, a déclaré à l'AFP X": the channel, then the subject
    framing_openings: frozenset[str]  # "Alors que …, Y, remarque X": the writer's clause before Y
    relative_ends_quote: bool  # a relative clause between two quoted segments makes the second its own quote
    quote_resumes_after_sentence: bool  # '"A," she said. "B."': one statement, or two
    indefinite_determiners: frozenset[str]
    anonymous_heads: frozenset[str]
    describes_another: frozenset[str]
    party_heads: frozenset[str]  # "le prévenu": a party to a trial, never whoever acted last
    bodies_named_after_people: frozenset[str]  # "le lycée Victor Hugo": the name after it is the body's
    demonym_endings: tuple[str, ...]  # "le nouveau Madrilène": a place's people, someone described
    resident_word: str  # the head word such a description reads as ("habitant")
    collective_heads: frozenset[
        str
    ]  # "la droite", "the prosecution": a source described, never resolved  # "the spokesman", "l'avocat": speaks for or about someone else
    organization_heads: frozenset[str]
    anaphoric_organization_heads: frozenset[str]  # "the company": takes up the organisation just named
    organization_channels: frozenset[str]
    document_author_prepositions: frozenset[str]  # "the report of the Audit Commission"
    document_scene_prepositions: frozenset[str]  # "In a letter…, X described"
    honorifics: dict[str, frozenset[str]]  # masculine/feminine/neutral
    honorific_titles: dict[str, str]  # "me" -> "avocat": the title an honorific implies
    first_names: dict[str, frozenset[str]]  # masculine/feminine, the rule file's own
    gendered_first_names: dict[str, frozenset[str]]  # those and a packaged list's, for pronoun agreement
    dictionary_first_names: dict[str, frozenset[str]]  # a name dictionary's others, for a name's gender only
    role_words: frozenset[str]
    # "agricultrice" -> feminine, "agriculteur" -> masculine: the two forms of a person word, where the
    # tagger may read the gender wrong ("l'agricultrice" tagged masculine)
    person_word_genders: dict[str, str]
    office_titles: frozenset[str]
    office_equivalents: dict[str, str]  # "chef de l'état" -> "président de la république"
    leader_titles: frozenset[str]
    bare_office_takes_up_acting_person: bool
    titles_before_names: bool  # "le secrétaire général de FO Yves Veyrier" read from the words (roles.py)
    roles_from_descriptions: bool  # a description resolved to a person is a role of theirs (actors.py)
    organization_prepositions: frozenset[str]
    locative_prepositions: frozenset[str]  # "an adviser in Eau Claire": a place there is where, not a body
    place_body_heads: frozenset[str]  # "la région Île-de-France": the body, not the place
    title_modifiers: frozenset[str]  # "Press Secretary": a word of the title, whatever the model tagged it
    second_in_rank: frozenset[str]  # "deputy mayor", "adjoint au maire": another office than the mayor's
    kin_words: frozenset[str]  # "the nominee's daughter": a relative, never a role
    contracted_articles: frozenset[str]  # "au", "aux": a preposition with its article, which may open a title
    membership_prepositions: frozenset[str]  # "X, de la CGT,": the body a person belongs to
    membership_title: str
    age_units: frozenset[str]  # "Redouane, 27 ans,": a name an age follows is a person's
    former_markers: frozenset[str]
    title_abbreviations: dict[str, str]  # "sen." -> "senator": "the senator" takes up "Sen. Bernie Sanders"
    headline_verbs: frozenset[str]  # "Trump Wants": a verb closing a capitalised headline is not a name
    belief_verbs: frozenset[str]  # "X believes that…": a thought, typed `belief`
    characterization_prepositions: frozenset[str]  # "described X as Y"
    demand_phrases: frozenset[tuple[str, str]]  # ("call", "for"): "called for more investment"
    reproach_phrases: frozenset[tuple[str, str]]  # ("attack", "for"): "attacked Clinton for her support…"
    stance_verbs: frozenset[str]  # "vowed to form…", "urges supporters to…": a stated position in an infinitive
    bare_infinitive_reports: bool  # "explique, par exemple, avoir été suivi": an infinitive after an aside reports
    object_report_verbs: frozenset[str]  # "denied the allegations", "a annoncé l'annulation des vols": a noun's report
    min_object_words: int  # fewer words in that object ("denied it", "a confirmé l'info") report nothing
    unrealized_modals: frozenset[str]  # "devait annoncer les priorités": what is yet to be said
    sequence_prepositions: frozenset[str]  # "avant de lancer « … »": an infinitive its verb's subject says
    physical_sense_verbs: frozenset[str]  # "le vent qui soufflait": a verb of saying in its other sense
    reason_participles: frozenset[str]  # "…, citing a settlement agreement": a reason, not a statement
    aside_relatives: frozenset[str]  # "…, which makes him an outlier": the writer's aside after a reported object
    narration_marks: frozenset[str]  # "…, although he had backed it": the writer's words after a reported clause
    quote_joiners: frozenset[str]  # "“a big problem” but “nobody…”": words that join two quotes of one cue
    verb_endings: tuple[str, ...]  # "rewinds" is "rewind" + "s": a cue word the tagger mistook for a noun
    evidence_sources: frozenset[str]  # "data show that…": a document or data without an owner, typed `evidence`
    no_source_words: frozenset[str]  # "selon la tradition": a source preposition naming no source
    thing_subjects: frozenset[str]  # "Cela explique que…": a pronoun for a fact, never a speaker
    work_nouns: frozenset[str]  # "le roman « La maison du guet »": a title in marks, not speech
    name_particles: frozenset[str]  # "de" in "Dominique de Villepin" belongs to the name
    participle_endings: tuple[str, ...]  # "[Injecting Clinton]'s troubles": a sentence's participle, not a name
    place_words_before: frozenset[str]  # "le cours [Georges-Clemenceau]": a street, not a person
    place_words_after: frozenset[str]  # "[Martin Luther King] Boulevard"
    place_name_endings: frozenset[str]  # "[Trump Tower]": a person's name the model ran into a building's
    link_labels: frozenset[str]  # "READ MORE: …": a line that links elsewhere holds no attribution
    question_labels: frozenset[str]  # "Q: …": an interviewer's question, no source's statement
    answer_labels: frozenset[str]  # "A: …": the interviewee's answer
    time_words: frozenset[str]  # weekdays and months (dates.toml): never part of a speaker's name
    phrase_openers_dropped: frozenset[str]  # "où le Premier ministre": words a speaker phrase never starts with
    phrase_channel_words: frozenset[str]  # "le ministre sur BFMTV": where the speaker's phrase ends
    phrase_channel_nouns: frozenset[str]  # "le ministre au micro de la radio": so does a channel's noun
    employer_prepositions: frozenset[str]  # "le journaliste de l'AFP": the outlet employs, no channel
    body_suffixes: frozenset[str]  # "Alliance police nationale" is Alliance (voxmap/corpus/names.py)
    affiliation_suffixes: frozenset[str]  # "Unité SGP Police-FO" is Unité SGP Police
    campaign_heads: frozenset[str]  # "Clinton's campaign": an organisation, not an anonymous source
    ambiguous_possessives: frozenset[str]  # "son": a person's or a body's (roles._subject_is_a_body)
    spokesperson_titles: frozenset[str]  # "Cameron's spokesman": the named principal speaks (documents.py)
    spokesperson_prepositions: frozenset[str]  # "a spokesman for X", "le porte-parole de X"
    quantity_heads: frozenset[str]  # "About 9 percent said": a poll's finding, no source

    def pronoun_kind(self, word: str) -> str | None:
        lowered = word.lower().lstrip("-")
        return next((kind for kind, words in self.pronouns.items() if lowered in words), None)

    @property
    def ordinal_words(self) -> frozenset[str]:
        """Words that stand for a person just named: "cette dernière", "la seconde", "the former"."""
        return self.latter_words | self.pair_ordinals.keys()

    def is_impersonal(self, word: str) -> bool:
        """An impersonal subject, enclitic or not ("on", "-on", "-t-on")."""
        return word.lower().replace("-t-", "-").lstrip("-") in self.impersonal_subjects


def _read_tables(language: str) -> dict:
    merged: dict = {}
    folder = resources.files("voxmap.extract.rules") / language
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            try:
                merged.update(tomllib.loads(entry.read_text(encoding="utf-8")))
            except tomllib.TOMLDecodeError as error:
                raise RulesError(f"{language}/{entry.name}: {error}") from error
    return merged


def _gendered_first_names(sources: dict) -> dict[str, frozenset[str]]:
    """The rule file's own first names, then a packaged list's (`first_name_lists`); a name the rule
    file gives one gender is not given the other by the list. For a mention's gender only: the
    curated tables alone decide that a model's "organisation" is a person (a long list holds
    "Morgan", "Virginia", "Grant")."""
    own = {kind: _words(sources, f"first_names_{kind}") for kind in ("masculine", "feminine")}
    listed = listed_first_names(sources.get("first_name_lists", {}))
    claimed = own["masculine"] | own["feminine"] | _words(sources, "first_names_either")
    return {kind: own[kind] | (listed.get(kind, frozenset()) - claimed) for kind in own}


def _dictionary_first_names(sources: dict, known: dict[str, frozenset[str]]) -> dict[str, frozenset[str]]:
    """The name dictionary's first names (`first_name_dictionary`) that the tables and lists above do not
    give: only what gender a written name tells, never whether a word is a name (the dictionary holds
    "Line", "Eden", "Paris")."""
    reference = sources.get("first_name_dictionary")
    found = dictionary_first_names(reference) if reference else {}
    claimed = known["masculine"] | known["feminine"] | _words(sources, "first_names_either")
    return {kind: found.get(kind, frozenset()) - claimed for kind in ("masculine", "feminine")}


def _person_word_genders(words: frozenset[str], endings: list[list[str]]) -> dict[str, str]:
    """The gender of each person word whose other form the lists hold too ("agricultrice" and
    "agriculteur", "spokeswoman" and "spokesman"), by the rules' (masculine, feminine) endings."""
    genders: dict[str, str] = {}
    for word in sorted(words):
        for masculine_end, feminine_end in endings:
            if word.endswith(feminine_end) and len(word) > len(feminine_end):
                other = word[: len(word) - len(feminine_end)] + masculine_end
                if other != word and other in words:
                    genders[word], genders[other] = "feminine", "masculine"
                    break
    return genders


def _kin(classes: list[list[str]]) -> dict[str, frozenset[str]]:
    """Each word of a class of descriptions mapped to its whole class (a word in several classes
    to their union)."""
    kin: dict[str, set[str]] = {}
    for words in classes:
        group = {word.lower() for word in words}
        for word in group:
            kin.setdefault(word, set()).update(group)
    return {word: frozenset(group) for word, group in kin.items()}


@cache
def load_rules(language: str) -> LanguageRules:
    """The rules of `language` ('en' or 'fr'), read once per process."""
    if language not in LANGUAGES:
        raise UnsupportedLanguage(f"voxmap has no rules for language {language!r}.")
    tables = _read_tables(language)
    try:
        marks, cues, sources, roles, parser = (
            tables["marks"],
            tables["cues"],
            tables["sources"],
            tables["roles"],
            tables["parser"],
        )
    except KeyError as missing:
        raise RulesError(f"rules for {language!r} lack the [{missing.args[0]}] table") from None
    # Labels are case-sensitive (spaCy's "PERSON", "nsubj"), so they are kept as written.
    labels = ParserLabels(
        model=parser["model"],
        **{key: frozenset(parser.get(key, [])) for key in ParserLabels.__dataclass_fields__ if key != "model"},
    )
    gendered_first_names = _gendered_first_names(sources)
    return LanguageRules(
        language=language,
        marks=MarkRules(
            openers={opening: closing for opening, closing in marks["pairs"]},
            single=frozenset(marks.get("single", [])),
            inner_spaces="".join(marks.get("inner_spaces", [" "])),
            dialogue_dashes=frozenset(marks.get("dialogue_dashes", [])),
            mixed_closers=frozenset((opening, closing) for opening, closing in marks["mixed_closers"]),
            reversed_openers=frozenset(marks["reversed_openers"]),
        ),
        parser=labels,
        speech_verbs=_verbs(cues, "speech_verbs"),
        speech_verb_words=_verb_words(_verbs(cues, "speech_verbs"), _words(parser, "reflexive_clitics")),
        speech_verb_phrases=frozenset(
            (head.lower(), verb.lower()) for head, verb in cues.get("speech_verb_phrases", [])
        ),
        middle_voice_verbs=frozenset(cues["middle_voice_verbs"]),
        reflexive_speech_verbs=frozenset(cues["reflexive_speech_verbs"]),
        passive_measure_verbs=frozenset(cues["passive_measure_verbs"]),
        restrictive_negations=frozenset(cues["restrictive_negations"]),
        characterization_verbs=_words(cues, "characterization_verbs"),
        source_prepositions=_sequences(cues, "source_prepositions"),
        source_sentence_holds_quotes=bool(cues["source_sentence_holds_quotes"]),
        source_phrase_leaves_a_speaker_his_clause=bool(cues["source_phrase_leaves_a_speaker_his_clause"]),
        sentence_initial_source_prepositions=_sequences(cues, "sentence_initial_source_prepositions"),
        topic_openers=_sequences(cues, "topic_openers"),
        source_settings=_sequences(sources, "source_settings"),
        impersonal_subjects=_words(sources, "impersonal_subjects"),
        spokesman_phrases=_sequences(sources, "spokesman_phrases"),
        topic_words=_words(sources, "topic_words"),
        object_clitics=_words(sources, "object_clitics"),
        source_relatives=_sequences(cues, "source_relatives"),
        source_clause_marks=_words(cues, "source_clause_marks"),
        source_clause_clitics=_words(cues, "source_clause_clitics"),
        compliance_verbs=_words(cues, "compliance_verbs"),
        min_floating_words=int(cues.get("min_floating_words", 4)),
        min_partial_words=int(cues.get("min_partial_words", 2)),
        gendered_organization_pronouns=bool(sources["gendered_organization_pronouns"]),
        pronouns={
            kind: _words(sources, f"pronouns_{kind}")
            for kind in ("masculine", "feminine", "plural", "neuter", "first", "relative")
        },
        definite_determiners=_words(sources, "definite_determiners"),
        interlocutor_determiners=_words(sources, "interlocutor_determiners"),
        latter_words=_words(sources, "latter_words"),
        pair_ordinals={word.lower(): int(n) for word, n in sources.get("pair_ordinals", {}).items()},
        demonstrative_heads={word.lower(): gender for word, gender in sources.get("demonstrative_heads", {}).items()},
        back_reference_heads=_words(sources, "back_reference_heads"),
        back_reference_determiners=_words(sources, "back_reference_determiners"),
        copulas=_words(sources, "copulas"),
        source_introductions=_words(sources, "source_introductions"),
        sources_before_quotes=bool(sources["sources_before_quotes"]),
        partitive_ones=_words(sources, "partitive_ones"),
        partitive_pronouns=_words(sources, "partitive_pronouns"),
        party_members=_words(sources, "party_members"),
        first_person_possessives=_words(sources, "first_person_possessives"),
        description_weak_words=_words(sources, "description_weak_words"),
        description_kin=_kin(sources.get("description_kin", [])),
        articles=_words(sources, "articles"),
        superlative_adverbs=_words(sources, "superlative_adverbs"),
        complementizers=_words(cues, "complementizers"),
        inverted_reports=bool(cues.get("inverted_reports", False)),
        informant_verbs=_words(cues, "informant_verbs"),
        informant_prepositions=_sequences(cues, "informant_prepositions"),
        inverted_channel_prepositions=_words(cues, "inverted_channel_prepositions"),
        framing_openings=_words(cues, "framing_openings"),
        relative_ends_quote=bool(cues["relative_ends_quote"]),
        quote_resumes_after_sentence=bool(cues["quote_resumes_after_sentence"]),
        indefinite_determiners=_words(sources, "indefinite_determiners"),
        anonymous_heads=_words(sources, "anonymous_heads"),
        describes_another=_words(sources, "describes_another"),
        party_heads=_words(sources, "party_heads"),
        collective_heads=_words(sources, "collective_heads"),
        bodies_named_after_people=_words(sources, "bodies_named_after_people"),
        demonym_endings=tuple(sources["demonym_endings"]),
        resident_word=sources["resident_word"],
        organization_heads=_words(sources, "organization_heads"),
        anaphoric_organization_heads=_words(sources, "anaphoric_organization_heads"),
        organization_channels=_words(sources, "organization_channels"),
        document_author_prepositions=_words(sources, "document_author_prepositions"),
        document_scene_prepositions=_words(sources, "document_scene_prepositions"),
        honorifics={kind: _words(sources, f"honorifics_{kind}") for kind in ("masculine", "feminine", "neutral")},
        honorific_titles={word.lower(): title for word, title in sources.get("honorific_titles", [])},
        first_names={kind: _words(sources, f"first_names_{kind}") for kind in ("masculine", "feminine")},
        gendered_first_names=gendered_first_names,
        dictionary_first_names=_dictionary_first_names(sources, gendered_first_names),
        role_words=_words(roles, "role_words"),
        person_word_genders=_person_word_genders(
            _words(roles, "role_words") | _words(sources, "anonymous_heads"), roles["feminine_endings"]
        ),
        office_titles=_words(roles, "office_titles"),
        office_equivalents={written.lower(): office.lower() for written, office in roles["office_equivalents"]},
        leader_titles=_words(roles, "leader_titles"),
        bare_office_takes_up_acting_person=bool(roles["bare_office_takes_up_acting_person"]),
        titles_before_names=bool(roles.get("titles_before_names", False)),
        roles_from_descriptions=bool(roles.get("roles_from_descriptions", False)),
        organization_prepositions=_words(roles, "organization_prepositions"),
        locative_prepositions=_words(roles, "locative_prepositions"),
        place_body_heads=_words(roles, "place_body_heads"),
        title_modifiers=_words(roles, "title_modifiers"),
        second_in_rank=_words(roles, "second_in_rank"),
        kin_words=_words(roles, "kin_words"),
        contracted_articles=_words(roles, "contracted_articles"),
        membership_prepositions=_words(roles, "membership_prepositions"),
        membership_title=roles["membership_title"],
        age_units=_words(roles, "age_units"),
        former_markers=_words(roles, "former_markers"),
        title_abbreviations={short.lower(): full.lower() for short, full in roles.get("title_abbreviations", [])},
        headline_verbs=_words(sources, "headline_verbs"),
        belief_verbs=_verbs(cues, "belief_verbs"),
        narration_marks=_words(cues, "narration_marks"),
        quote_joiners=_words(cues, "quote_joiners"),
        stance_verbs=_verbs(cues, "stance_verbs"),
        bare_infinitive_reports=bool(cues["bare_infinitive_reports"]),
        object_report_verbs=_verbs(cues, "object_report_verbs"),
        reason_participles=_verbs(cues, "reason_participles"),
        aside_relatives=_words(cues, "aside_relatives"),
        min_object_words=int(cues["min_object_words"]),
        unrealized_modals=_words(cues, "unrealized_modals"),
        sequence_prepositions=_words(cues, "sequence_prepositions"),
        physical_sense_verbs=_words(cues, "physical_sense_verbs"),
        characterization_prepositions=_words(cues, "characterization_prepositions"),
        demand_phrases=frozenset(
            (verb.lower(), preposition.lower()) for verb, preposition in cues.get("demand_phrases", [])
        ),
        reproach_phrases=frozenset(
            (verb.lower(), preposition.lower()) for verb, preposition in cues.get("reproach_phrases", [])
        ),
        verb_endings=tuple(cues.get("verb_endings", [])),
        evidence_sources=_words(cues, "evidence_sources"),
        no_source_words=_words(cues, "no_source_words"),
        thing_subjects=_words(cues, "thing_subjects"),
        work_nouns=_words(cues, "work_nouns"),
        name_particles=_words(sources, "name_particles"),
        participle_endings=tuple(sources.get("participle_endings", [])),
        place_words_before=_words(sources, "place_words_before"),
        place_words_after=_words(sources, "place_words_after"),
        place_name_endings=_words(sources, "place_name_endings"),
        link_labels=_words(sources, "link_labels"),
        question_labels=_words(sources, "question_labels"),
        answer_labels=_words(sources, "answer_labels"),
        time_words=frozenset(word.lower() for key in ("weekdays", "months") for word in tables["dates"][key])
        | _words(sources, "time_nouns"),
        phrase_openers_dropped=_words(sources, "phrase_openers_dropped"),
        phrase_channel_words=_words(sources, "phrase_channel_words"),
        phrase_channel_nouns=_words(sources, "phrase_channel_nouns"),
        employer_prepositions=_words(sources, "employer_prepositions"),
        body_suffixes=_words(sources, "body_suffixes"),
        affiliation_suffixes=_words(sources, "affiliation_suffixes"),
        campaign_heads=_words(sources, "campaign_heads"),
        ambiguous_possessives=_words(sources, "ambiguous_possessives"),
        spokesperson_titles=_words(sources, "spokesperson_titles"),
        spokesperson_prepositions=_words(sources, "spokesperson_prepositions"),
        quantity_heads=_words(sources, "quantity_heads"),
    )


@cache
def every_first_name() -> frozenset[str]:
    """Every language's own first names (rules/<lang>/sources.toml), lower case: news in one language
    names people of the other ("Pascale Irigoyen" in an English article)."""
    return frozenset(
        name for language in LANGUAGES for names in load_rules(language).first_names.values() for name in names
    )


@cache
def known_first_names() -> frozenset[str]:
    """Every language's first names, its packaged list's included, lower case: what a word glued to
    another is checked against ("flash-ballChristian Garcia")."""
    return frozenset(
        name for language in LANGUAGES for names in load_rules(language).gendered_first_names.values() for name in names
    )


@cache
def first_name_gender_anywhere(name: str) -> str | None:
    """The gender every language's own first-name lists agree on for `name` (lower case), None where
    none or several give one: "Étienne" in an English article, whose packaged list lacks it."""
    genders = {
        kind for language in LANGUAGES for kind, names in load_rules(language).first_names.items() if name in names
    }
    return genders.pop() if len(genders) == 1 else None
