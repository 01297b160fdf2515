"""What a speaker mention is: a name, an organisation, a pronoun, a description, an anonymous source."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from .dates import date_rules
from .descriptions import description_words
from .language import LanguageRules, first_name_gender_anywhere
from .media import is_media, is_outlet_kind, is_outlet_name
from .offices import institution_named, unaccented
from .syntax import named_modifier, named_possessor, phrase_tokens

# Mention kinds. Named kinds become actors directly; pronouns and definite descriptions are
# resolved to an actor; anonymous descriptions are kept as written.
PERSON, ORGANIZATION, GROUP, ANONYMOUS = "person", "organization", "group", "anonymous"
PRONOUN, DESCRIPTION, FIRST_PERSON = "pronoun", "description", "first_person"
NOTHING = "nothing"  # a day, a date or a dash the parser took for a subject: nobody speaks
NAMED = frozenset({PERSON, ORGANIZATION, GROUP})


@dataclass(slots=True)
class Mention:
    start: int  # characters
    end: int
    text: str
    head: int  # token index of the head word
    kind: str
    head_lemma: str
    gender: str | None = None  # "masculine" / "feminine" when the words tell it
    plural: bool = False
    office_holder: bool = False  # resolved as the unnamed holder of the office it writes in full
    bare: bool = False  # a determiner, adjectives and the head only: "the researcher", "l'ancien adjoint"
    named: bool = False  # a capitalised word right after the head: "le syndicat Rempart PN" names its body
    words: frozenset[str] = frozenset()  # its content words ("the Toledo Democrat": toledo, democrat)


def _determiner(tokens: Span) -> str:
    first = tokens[0]
    return first.lower_ if first.pos_ in ("DET", "PRON", "NUM") or first.dep_ in ("det", "poss", "nummod") else ""


def classify(
    head: Token, rules: LanguageRules, ents: list[Span | None], extent: tuple[int, int] | None = None
) -> Mention:
    """A mention for the noun phrase headed by `head`, typed by entity label, pronoun and determiner;
    `extent` is its token range where the words gave it and the parse is not to be trusted."""
    labels = rules.parser
    if not any(c.isalpha() for c in head.text):  # "selon-lui": the tagger's name for a stray hyphen
        return Mention(head.idx, head.idx + len(head.text), head.text, head.i, NOTHING, "")
    ent = ents[head.i]
    if ent is not None and (
        not any(t.text[:1].isupper() for t in ent)
        or (ent.label_ in labels.person_entities and is_junk_person_name(ent.text, rules))
    ):
        ent = None  # "le jeune homme brun", "[général de la Santé]": the model's person, but no name
    described = ent is not None and _described_by_entity(head, ent, rules)
    resident = _resident(head, rules)
    if described or resident:
        ent = None  # "a former DGSI", "an Rempart official": a person described, not named
    start, end = extent or phrase_tokens(head, labels, ent)
    doc = head.doc
    named_person = ent is not None and ent.label_ in labels.person_entities  # "Theresa May" is no month
    if is_time_word(head, rules) and not named_person:
        return Mention(head.idx, head.idx + len(head.text), head.text, head.i, NOTHING, head.lemma_.lower())
    start, end = _trimmed(doc, start, end, head, rules)
    phrase = doc[start:end]
    lemma = head.lemma_.lower()
    if head.lower_ in rules.anonymous_heads and lemma not in rules.anonymous_heads:
        lemma = head.lower_  # "le prévenu", which the tagger took for the verb "prévenir"
    # "l'ex-président" is a président that was: the title is its head word (the text keeps the prefix)
    prefix = next(
        (m for m in rules.former_markers if m.endswith("-") and lemma.startswith(m) and len(lemma) > len(m)), ""
    )
    lemma = lemma[len(prefix) :]
    plural = "Plur" in head.morph.get("Number") or head.tag_ in ("NNS", "NNPS")
    # "-Le Premier ministre a dit": the dash of a list or a subheading the text ran into is not the speaker's.
    dash = len(phrase.text) - len(phrase.text.lstrip("-–—")) if phrase[0].i != head.i else 0
    mention = Mention(phrase.start_char + dash, phrase.end_char, phrase.text[dash:], head.i, "", lemma, plural=plural)
    mention.named = (head.i + 1 < end and doc[head.i + 1].text[:1].isupper()) or (
        lemma in rules.anaphoric_organization_heads and apposed_body(doc[head.i + 1 : end], ents, labels) is not None
    )
    mention.words = description_words(phrase, rules)
    # An enclitic ("écrit-elle", "a-t-il") is a pronoun whatever the tagger says (it tags "-elle" PROPN).
    enclitic = head.text.startswith("-") and len(head.text) > 1
    pronoun = rules.pronoun_kind(head.text) if head.pos_ == "PRON" or enclitic else None
    if enclitic and (rules.is_impersonal(head.text) or (pronoun is None and head.text[1:].islower())):
        # "-t-on"; "Saurez-vous", "réjouissez-vous": the reader addressed (a name keeps its capital: "al-Adnan")
        return Mention(head.idx, head.idx + len(head.text), head.text, head.i, NOTHING, head.lemma_.lower())
    if lemma in rules.quantity_heads or head.lower_ in rules.quantity_heads:
        mention.kind = NOTHING  # "About 9 percent said": a poll's finding, no source
        return mention
    if (lemma in rules.campaign_heads and named_possessor(head, labels)) or (
        lemma in rules.campaign_heads | rules.organization_heads and not plural and named_modifier(head, labels)
    ):
        # "Clinton's campaign", "Mrs. Clinton's presidential campaign", "the Trump campaign", "the Saudi government"
        mention.kind = ORGANIZATION
        return mention
    party_member = (
        head.text[:1].isupper()
        and (ent is None or ent.label_ in labels.group_entities)  # "The Charlotte Observer" is a paper
        and not plural
        and lemma in rules.party_members
        and _determiner(phrase) in rules.definite_determiners
    )
    if head.text[:1].isupper() and is_media(phrase.text):
        mention.kind = ORGANIZATION  # "20 Minutes", "Le Parisien": an outlet, whatever the tagger made of it
    elif party_member:
        mention.kind = DESCRIPTION  # "the Toledo Democrat", "the Wisconsin Republican": someone described
        mention.bare = all(t.i == head.i or t.pos_ in ("DET", "ADJ", "PROPN") for t in phrase)
    elif described:
        # "le ministre de la Santé" (the model's organisation): an office holder to resolve, where "un
        # ministre" is an anonymous source.
        definite_role = lemma in rules.role_words and _determiner(phrase) in rules.definite_determiners
        mention.kind = DESCRIPTION if definite_role else ANONYMOUS
    elif ent is not None and ent.label_ in labels.person_entities:
        mention.kind = PERSON
    elif ent is not None and ent.label_ in labels.organization_entities:
        mention.kind = ORGANIZATION
    elif ent is not None and ent.label_ in labels.group_entities:
        mention.kind = GROUP
    elif resident:
        # "le nouveau Madrilène", "la jeune Lyonnaise": someone described by where they live, not the place
        mention.kind = DESCRIPTION if _determiner(phrase) in rules.definite_determiners else ANONYMOUS
        mention.head_lemma, mention.bare = rules.resident_word, True
        mention.gender = _grammatical_gender(phrase, rules)
    elif ent is not None and ent.label_ in labels.place_entities:
        mention.kind = ORGANIZATION  # "France said", "Washington warned": the state speaks
    elif demonstrative_subject(head, rules):
        mention.kind = DESCRIPTION  # "celui qui dirige l'agence": the person who just acted
        mention.gender = rules.demonstrative_heads[head.lower_]
    elif pronoun in ("first",):
        mention.kind = FIRST_PERSON
    elif pronoun is not None:
        mention.kind = PRONOUN
        mention.gender = pronoun if pronoun in ("masculine", "feminine") else None
        mention.plural = pronoun == "plural"
    elif (
        head.pos_ == "NOUN"
        and head.text[:1].isupper()
        and not _determiner(phrase)
        and head.text in person_surnames(doc, ents, labels)
    ):
        # "Sanders said…" tagged a plural noun: the surname of a person the article names.
        mention.kind = PERSON
    elif (head.pos_ == "PROPN" and not head.text.islower()) or (
        head.pos_ == "NOUN" and head.text[:1].isupper() and head.i != head.sent.start and not _determiner(phrase)
    ):
        # A capitalised noun without determiner inside a sentence is a name ("Statistique Canada"); an
        # acronym ("the CSMT", "FO") names a body, not a person. A word the tagger calls a proper noun
        # but written all in lower case is no name ("a serial liar, rampant xenophobe … who pledged").
        acronym = head.is_upper and 2 <= len(head.text) <= 6 and head.is_alpha
        known = institution_named(phrase.text, rules.language) is not None  # "Facebook a indiqué"
        body = lemma in rules.organization_heads or head.pos_ == "NOUN" or acronym or known
        mention.kind = ORGANIZATION if body else PERSON
    else:
        determiner = _determiner(phrase)
        definite = determiner in rules.definite_determiners
        person_like = lemma in rules.anonymous_heads or lemma in rules.role_words
        if lemma in rules.collective_heads or head.lower_ in rules.collective_heads:
            mention.kind = ANONYMOUS  # "la droite", "l'accusation": a camp described, no one person
            mention.gender = _grammatical_gender(phrase, rules)
        elif definite:
            mention.kind = DESCRIPTION
            mention.bare = all(t.i == head.i or t.pos_ in ("DET", "ADJ") for t in phrase)
            mention.gender = _grammatical_gender(phrase, rules)
        elif person_like or plural:  # "plusieurs organisations syndicales": bodies described, none named
            mention.kind = ANONYMOUS
            mention.gender = _grammatical_gender(phrase, rules)
        elif lemma in rules.organization_heads:
            mention.kind = ORGANIZATION
        else:
            mention.kind = ANONYMOUS if head.pos_ == "NOUN" else DESCRIPTION
    if mention.gender is None and mention.kind == PERSON:
        mention.gender = gender_of_name(phrase, rules)
    return mention


def _resident(head: Token, rules: LanguageRules) -> bool:
    """A capitalised word of a place's people ("Madrilène", rules' demonym_endings) after a determiner
    and an adjective in lower case: a place takes none ("le nouveau Madrilène" is a person)."""
    doc = head.doc
    return (
        head.i > 1
        and head.text[:1].isupper()
        and head.lower_.endswith(rules.demonym_endings)
        and doc[head.i - 1].pos_ == "ADJ"
        and doc[head.i - 1].is_lower
        and _determiner(doc[head.i - 2 : head.i]) != ""
    )


def demonstrative_subject(token: Token, rules: LanguageRules) -> bool:
    """ "celui qui dirige l'agence": a demonstrative its relative clause makes someone."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return (
        token.lower_ in rules.demonstrative_heads
        and following is not None
        and following.lower_ in rules.pronouns["relative"]
    )


def is_time_word(token: Token, rules: LanguageRules) -> bool:
    """A weekday, a month or a number: "dimanche", "26", "juin" (dates.toml's words)."""
    word = token.lower_.strip(".")
    return word in rules.time_words or word.isdigit()


def past_time_words(head: Token, rules: LanguageRules) -> Token:
    """The speaker's head word when the parser took the date before it for the subject ("a déclaré
    vendredi 26 juin le syndicat Alliance" → "syndicat"), else `head` itself."""
    if not is_time_word(head, rules):
        return head
    # "a reconnu mardi matin au micro de Franceinfo le ministre", "a répété ce mardi sur LCI puis sur
    # franceinfo l'ancien secrétaire général": the verb's next noun with no preposition of its own.
    verb = head.head
    after = (
        t
        for t in verb.children
        if t.i > head.i
        and t.pos_ in ("NOUN", "PROPN")
        and not is_time_word(t, rules)
        and not any(c.dep_ in rules.parser.case_marker for c in t.children)  # English hangs it above
    )
    found = next(after, None)
    if found is not None and verb.pos_ in ("VERB", "AUX") and verb.i < head.i and found.sent == head.sent:
        return found
    doc, i = head.doc, head.i
    while i < len(doc) and doc[i].sent == head.sent and (is_time_word(doc[i], rules) or not doc[i].is_alpha):
        i += 1
    if i == len(doc) or doc[i].sent != head.sent or doc[i].pos_ not in ("DET", "NOUN", "PROPN"):
        return head
    word = doc[i]
    while word.pos_ == "DET" and word.head.i > word.i:
        word = word.head
    return word if word.pos_ in ("NOUN", "PROPN") else head


def _channel_noun_after(doc, i: int, end: int, rules: LanguageRules) -> bool:
    """'le ministre au micro de la radio', 'à l'antenne de RTL': a preposition opening a channel's noun."""
    word = next((t for t in doc[i + 1 : end] if t.pos_ != "DET"), None)
    return word is not None and word.lower_ in rules.phrase_channel_nouns


def _addressee(doc, i: int, end: int, rules: LanguageRules) -> bool:
    """ "a dit le président français à son homologue russe": a channel preposition then a possessive
    opens whom the speaker addressed, no part of who speaks."""
    return (
        doc[i].lower_ in rules.inverted_channel_prepositions and i + 1 < end and doc[i + 1].morph.get("Poss") == ["Yes"]
    )


def _trimmed(doc, start: int, end: int, head: Token, rules: LanguageRules) -> tuple[int, int]:
    """The phrase without what the parser hung on it that is not the speaker: a date or a dash before
    it ("vendredi 26 juin le syndicat…", "-Le Premier ministre"), the channel or the occasion after
    its head ("le ministre sur BFMTV", "… lors d'une conférence de presse"); a verb group the parser
    hung on it before its head, with all that group brought ("», s'est insurgé lundi sur BFMTV l'ancien
    candidat": the cue, the day and the channel)."""
    groups = [t for t in doc[start : head.i] if t.pos_ == "VERB" and any(c.pos_ == "AUX" for c in t.children)]
    if groups:  # a verb with its auxiliary is a clause, not a modifier ("elected officials" keeps "elected")
        start = min([c.left_edge.i for c in head.lefts if c.i > groups[-1].right_edge.i] + [head.i])
    while start < head.i and (
        not any(c.isalnum() for c in doc[start].text)
        or doc[start].pos_ == "ADP"  # "de la République": no phrase of a speaker starts with a preposition
        or doc[start].pos_ == "AUX"  # "[est] l'auteur le plus lu de France": nor with an auxiliary
        or is_time_word(doc[start], rules)
        or doc[start].lower_ in rules.phrase_openers_dropped
    ):
        start += 1
    for i in range(head.i + 1, end):
        if i == head.i + 1 and doc[i].like_num and head.lower_ in rules.leader_titles:
            continue  # "the number 1 of the federation", "le numéro 2 du syndicat": the title's own number
        # a day ends the phrase ("le ministre lundi"), but not a name's ("le Journal du Dimanche")
        # (nor an outlet's written in lower case: "le Journal du dimanche")
        day = is_time_word(doc[i], rules) and not doc[i].is_title and not is_outlet_name(doc[start : i + 1].text)
        if doc[i].lower_ in rules.phrase_channel_words or day:
            end = i
            break
        if (
            doc[i].text in rules.articles
            and doc[i - 1].pos_ in ("NOUN", "PROPN", "ADJ")
            # "l'auteur le plus lu", "le parti les Républicains": a superlative, a name
            and (i + 1 == end or (doc[i + 1].is_lower and doc[i + 1].lower_ not in rules.superlative_adverbs))
        ):
            end = i  # "D'après le gouvernement la grève a coûté…": an article after a noun opens another phrase
            break
        if doc[i].pos_ == "SCONJ" or (i + 1 < end and doc[i].pos_ == "ADV" and doc[i + 1].pos_ == "SCONJ"):
            end = i  # "assure le procureur alors que…": a subordinate clause is no part of the speaker
            break
        infinitive = doc[i].pos_ == "VERB" and doc[i].is_lower and "Inf" in doc[i].morph.get("VerbForm")
        if infinitive and doc[i - 1].pos_ not in ("ADP", "PART"):
            end = i  # "qui pourrait selon des experts passer sous 47 %": the sentence's verb, not the source's
            break
        if rules.marks.pattern.fullmatch(doc[i].text) and doc[i].text not in rules.marks.single:
            end = i  # "qualifiée par les organisateurs de « troisième journée… »": the quote is no one's name
            break
        if (
            doc[i].pos_ == "ADP"
            and doc[i].lower_ not in rules.employer_prepositions
            and (
                is_media(doc[i + 1 : end].text)
                or _channel_noun_after(doc, i, end, rules)
                or _addressee(doc, i, end, rules)
            )
        ):
            end = i  # "la présidente du Rassemblement national à BFMTV": the channel, not the speaker
            break
    while end - 1 > head.i and (
        not any(c.isalnum() for c in doc[end - 1].text) or doc[end - 1].pos_ in ("ADP", "DET", "CCONJ")
    ):
        end -= 1  # what the cut left hanging: "l'employé d'un café à [20 Minutes]"
    if start > 0 and doc[start - 1].like_num and is_media(doc[start - 1 : end].text):
        start -= 1  # "selon 20 Minutes": the number is the outlet's name
    if end < len(doc) and doc[end].like_num:
        name = end - 1  # "le journaliste de France 2": the number ends the outlet the phrase ends with
        while name > start and doc[name - 1].is_title:
            name -= 1
        if is_media(doc[start : end + 1].text) or is_outlet_name(doc[name : end + 1].text):
            end += 1  # "a rapporté France 3": the channel, not the country
    return start, end


def person_surnames(doc, ents: list[Span | None], labels) -> frozenset[str]:
    """Last words of the person entities of `doc`, gathered once per Doc."""
    surnames = doc.user_data.get("voxmap_surnames")
    if surnames is None:
        surnames = doc.user_data["voxmap_surnames"] = frozenset(
            ent[-1].text for ent in ents if ent is not None and ent.label_ in labels.person_entities and len(ent) > 1
        )
    return surnames


def _grammatical_gender(phrase: Span, rules: LanguageRules) -> str | None:
    """The gender the words of a description write: a person word's own form first ("l'agricultrice",
    which the tagger may read as masculine), else the first word the tagger gives one."""
    for token in phrase:
        if token.lower_ in rules.person_word_genders:
            return rules.person_word_genders[token.lower_]
    for token in phrase:
        gender = token.morph.get("Gender")
        if gender:
            return {"Masc": "masculine", "Fem": "feminine"}.get(gender[0])
    return None


def _described_by_entity(head: Token, ent: Span, rules: LanguageRules) -> bool:
    doc = head.doc
    return (
        any(
            child.i < ent.start
            and child.pos_ == "DET"
            and child.lower_ in rules.indefinite_determiners
            # "a leaflet Rempart published": the document is Rempart's, Rempart is not described
            and not any(t.lemma_.lower() in rules.organization_channels for t in doc[child.i + 1 : ent.start])
            for child in head.children
        )
        or (ent.label_ not in rules.parser.person_entities and head.lemma_.lower() in rules.anonymous_heads)
    )


def gender_of_name(phrase: Span, rules: LanguageRules) -> str | None:
    """Gender told by an honorific just before or inside the name, or by the name's first word when it
    is a known first name written as a name ("Will Smith", not "he will")."""
    tokens = list(phrase)
    if phrase.start > 0:
        tokens.insert(0, phrase.doc[phrase.start - 1])
    for gender in ("masculine", "feminine"):
        if any(t.lower_ in rules.honorifics[gender] for t in tokens):
            return gender
    honorifics = set().union(*rules.honorifics.values())
    first = next((t for t in phrase if t.lower_ not in honorifics and t.text.replace("-", "").isalpha()), None)
    if first is not None and first.is_title:
        # "Jean-Michel", "Anne-Laure": a compound first name has the gender of its first part; a
        # packaged list writes "Cecile", "Etienne" without their accents
        part = first.lower_.split("-")[0]
        words = dict.fromkeys((first.lower_, part, unaccented(part)))
        for word in words:
            for gender in ("masculine", "feminine"):
                if word in rules.gendered_first_names[gender]:
                    return gender
        # a name of another language's news ("Étienne Falcoz" in an English article), then the name
        # dictionary ("Serge Aurier", "Murielle Bolle")
        told = next(filter(None, map(first_name_gender_anywhere, words)), None)
        return told or next(
            (gender for word in words for gender, names in rules.dictionary_first_names.items() if word in names), None
        )
    return None


def name_key(text: str, rules: LanguageRules) -> tuple[str, ...]:
    """Words of a name without honorifics and possessives, lower-cased: the key actors merge on."""
    honorifics = rules.honorifics["masculine"] | rules.honorifics["feminine"] | rules.honorifics["neutral"]
    words = [w.strip(".,").lower() for w in text.replace("’s", "").replace("'s", "").split()]
    return tuple(w for w in words if w and w not in honorifics and w + "." not in honorifics)


_MARKUP_CHARACTERS = re.compile(r"[<>=@#{}\\|►▶•■]|https?:|www\.|\.com\b|/")


def is_headline_verb(word: str, rules: LanguageRules) -> bool:
    """'Remarks', 'Endorses': a speech or headline verb in its third person, as headlines write it."""
    word = word.lower()
    verbs = rules.speech_verbs | rules.headline_verbs
    return word.endswith("s") and (word[:-1] in verbs or (word.endswith("es") and word[:-2] in verbs))


def is_junk_name(text: str, rules: LanguageRules) -> bool:
    """Text the model tagged as a name that names no one: markup and handles (`author="@…"`, URLs),
    headline fragments in capitals ("IOWA POLLS"), headline verbs ("Clinton Remarks", "Trump Says") and
    dates ("Mardi")."""
    if _MARKUP_CHARACTERS.search(text) or ":" in text:
        return True  # ":" joins a headline's speaker to their words ("De Blasio: Trust Bratton")
    words = [w for w in re.split(r"[\s\u00a0]+", text.strip()) if w]
    letters = [w for w in words if any(c.isalpha() for c in w)]
    if len(letters) >= 2 and all(w.isupper() and len(w.strip(".,")) > 1 for w in letters):
        return True  # "IOWA POLLS"; a one-word acronym ("FBI", "NATO") is a name
    if len(words) >= 2 and words[-1][:1].isupper() and is_headline_verb(words[-1], rules):
        return True  # "Clinton Remarks", "Trump Wants": a headline, not a name
    folded = [w.lower().strip(".,") for w in words]
    if any(w in date_rules(rules.language).weekdays for w in folded) and all(
        w in rules.time_words or w.isdigit() for w in folded
    ):
        return True  # "Mardi", "Lundi 3 juin": a date opening a sentence, no one ("Avril" may be someone)
    return bool(words) and words[0].lower().startswith(("anti-", "pro-"))  # "anti-Obama" is a stance


def is_junk_person_name(text: str, rules: LanguageRules) -> bool:
    """`is_junk_name`, or a person's name opening with two words in lower case: "de la Santé",
    "général de la Santé" are an office's words the model took for a name ("de Villepin" is a name;
    "ministre de l'Agriculture" tagged an organisation is an office, its ministry's voice); or one with a
    bracket, a scrap of glued copy ("Somme).Les")."""
    words = [w for w in re.split(r"[\s\u00a0]+", text.strip()) if w]
    lowered = len(words) >= 2 and words[0].islower() and (words[1].islower() or words[1][:2].lower() in ("l'", "l’"))
    return lowered or any(c in "()[]" for c in text) or is_junk_name(text, rules)


def apposed_body(words: Span, ents: list[Span | None], labels) -> Span | None:
    """The body a body's description names further on: "l'organisation de défense des droits humains
    [Amnesty International]". A body after a preposition is another, whose part or owner this one
    is ("la filiale de Renault", "le ministère de la [Justice]"), as is a person ("la firme de Mark
    Zuckerberg")."""
    for t in words:
        ent = ents[t.i]
        if ent is None or ent.start != t.i or ent.end > words.end or ent.label_ not in labels.organization_entities:
            continue
        before = t.doc[t.i - 1]
        if before.pos_ == "DET" and t.i > 1:
            before = t.doc[t.i - 2]
        if before.pos_ != "ADP":
            return ent
    return None


def apposed_body_of(head: Token, mention: Mention, ents, rules: LanguageRules) -> Span | None:
    """The body named further on in a body's description (`apposed_body`)."""
    end = next((t.i for t in head.doc[head.i :] if t.idx >= mention.end), len(head.doc))
    return apposed_body(head.doc[head.i + 1 : end], ents, rules.parser)


def body_inside(head: Token, mention: Mention, ents, rules: LanguageRules) -> str | None:
    """The organisation a description of a body names after its head ("la compagnie Air Lorraine")."""
    ent = _body_entity_inside(head, mention, ents, rules)
    return ent.text if ent is not None else None


def _body_entity_inside(head: Token, mention: Mention, ents, rules: LanguageRules) -> Span | None:
    for token in head.doc[head.i + 1 :]:
        if token.idx >= mention.end:
            return None
        ent = ents[token.i]
        if ent is not None and ent.label_ in rules.parser.organization_entities:
            return ent if ent.end_char <= mention.end else None
    return None


def outlet_inside(head: Token, mention: Mention, ents, rules: LanguageRules) -> Span | None:
    """The outlet a description by its kind names after its head ("le quotidien La Dépêche", "la chaîne
    BFMTV"): it is the source, relaying, not someone described."""
    if not is_outlet_kind(head.lemma_ or head.text, rules.language):
        return None
    body = _body_entity_inside(head, mention, ents, rules)
    return body if body is not None and is_media(body.text) else None
