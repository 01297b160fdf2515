"""Where the cue of a quoted segment stands: a verb around it, a name after it, or one of the layouts
that name a speaker without a verb (document, inverted sequence, colon, source preposition, dash
signature), and the characterisation of a quoted word. Cues inside the marks: incises.py."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..marks import QuotedSegment
from ..media import is_media
from ..mentions import demonstrative_subject, is_time_word
from ..syntax import VERB_POS, cue_tokens, is_word, subject_of, tokens_covering
from .context import (
    JOINERS,
    SENTENCE_ENDS,
    Context,
    after_closing,
    capital_after,
    char_range,
    cue_word,
    is_negative,
    is_speech,
    past_adverbs,
    past_aside,
    past_channel,
    relative_of_someone,
    reports_quoted_object,
    sequence_at,
)
from .found import VERB, Cue
from .inverted import may_speak, names_someone
from .speakers import (
    SENTENCE_STOPS,
    name_beside_role,
    object_after,
    past_former_marker,
    relative_aside_end,
    setting_source,
    speaker_phrase,
    start_before_cut,
    titled_complement,
    usable_subject,
)
from .written_layouts import dash_signature, document_cue

# No cue stands further than this from its quote inside a sentence; the bound keeps a hostile text
# (thousands of quotes in one endless sentence) linear rather than quadratic.
FRAME_TOKENS = 100


def sentence_frame(first: Token, last: Token) -> tuple[int, int]:
    """Token range of the sentences around the tokens first..last, at most FRAME_TOKENS on each side."""
    return max(first.sent.start, first.i - FRAME_TOKENS), min(last.sent.end, last.i + 1 + FRAME_TOKENS)


def frame_verbs(segment: QuotedSegment, ctx: Context) -> list[tuple[int, Token]]:
    """Verbs outside quotes in the sentences around `segment`, with their distance to it in tokens."""
    doc = ctx.doc
    first = tokens_covering(doc, segment.open_at, segment.open_at + 1)
    last = tokens_covering(doc, segment.outer_end - 1, segment.outer_end)
    if first is None or last is None:
        return []
    start, end = sentence_frame(first[0], last[-1])
    if _closes_its_sentence(segment, ctx.text):
        end = min(end, last[-1].i + 1)  # '…Je suis hors de moi." Les actes ont été critiqués par…': another sentence
    verbs = []
    for token in doc[start:end]:
        if token.pos_ in VERB_POS and ctx.outside(token):
            distance = first[0].i - token.i if token.i < first[0].i else token.i - last[-1].i
            verbs.append((distance, token))
    return verbs


def _closes_its_sentence(segment: QuotedSegment, text: str) -> bool:
    """The quote ends on its own sentence's end and a capital opens the next, which the parser may
    have run into the quote's sentence."""
    ends = segment.close_at is not None and text[segment.start : segment.end].rstrip()[-1:] in SENTENCE_ENDS
    return ends and capital_after(segment, text)


def only_joiners(doc: Doc, start: int, end: int, allowed: set[int] = frozenset()) -> bool:
    return all(doc[i].text in JOINERS or doc[i].is_space or i in allowed for i in range(start, end))


def adjacent_cue(verb: Token, subject: Token, segment_first: int, segment_last: int, ctx: Context) -> bool:
    """Structure makes a cue whatever the verb: '“…”, VERB Name' or 'Name VERB: “…”'."""
    doc = ctx.doc
    cue_start, cue_end = cue_tokens(verb)
    frame = set(range(cue_start, cue_end)) | {t.i for t in subject.subtree}
    if verb.i > segment_last:
        if subject.i < segment_last:
            return False  # 'The slogan, “…”, was everywhere': the subject frames the quote, not a cue
        return only_joiners(doc, segment_last + 1, min(cue_start, subject.left_edge.i), frame) or only_joiners(
            doc, segment_last + 1, cue_start, frame
        )
    if doc[segment_first - 1].text not in ":,":
        return False
    # "X said in a statement on Monday: “…”": what stands between cue and quote belongs to the cue.
    governed = {t.i for t in verb.subtree}
    return all(i in governed or not is_word(doc[i]) for i in range(cue_end, segment_first))


def find_cue(segment: QuotedSegment, ctx: Context) -> tuple[Token, Token, Cue] | None:
    """(cue verb, speaker head, how it was found) for a quoted segment, from the words around it."""
    doc = ctx.doc
    first = tokens_covering(doc, segment.open_at, segment.open_at + 1)
    last = tokens_covering(doc, segment.outer_end - 1, segment.outer_end)
    best: tuple[tuple, Token, Token, Cue] | None = None
    for distance, verb in frame_verbs(segment, ctx):
        subject = usable_subject(verb, ctx)
        if subject is None:
            continue
        speech = (
            is_speech(verb, ctx.rules)
            or verb.lemma_.lower() in ctx.rules.characterization_verbs
            or reports_quoted_object(verb, segment, ctx)
        )
        if not speech and relative_of_someone(verb, ctx):
            continue  # "« … » émirati, considère X, qui s'est retiré": the relative tells of X, not who spoke
        adjacent = adjacent_cue(verb, subject, first[0].i, last[-1].i, ctx)
        if not (speech or adjacent):
            continue
        rank = (0 if adjacent else 1, 0 if speech else 1, distance)
        if best is None or rank < best[0]:
            best = (rank, verb, subject, Cue(VERB, adjacent, speech))
    after = name_after(segment, ctx)
    if after is not None and (best is None or best[2].i < first[0].i or not best[3].adjacent):
        # 'One statement caused a stir: “…,” thundered Paul Marchand': the name after the cue speaks,
        # not a subject further on ('», a déclaré M. Jerebenkov, selon qui Paul Whelan a réagi…').
        return after[0], after[1], Cue("name-after", adjacent=True)
    # where the language puts the speaker after the verb after a statement (rules' inverted_reports):
    # "Les campagnes utilisent… : « … », a détaillé Nathaniel Gleicher": the layouts decide
    if best is None or (
        ctx.rules.inverted_reports and best[1].i < first[0].i and _inverted_speaker_after(segment, ctx)
    ):
        return None
    return best[1], best[2], best[3]


def _inverted_speaker_after(segment: QuotedSegment, ctx: Context) -> bool:
    """Whether a verb then a noun phrase that is no outlet follow the closing mark and its comma: the
    speaker of the quote, over a verb of the writer's sentence before it (an outlet after it relays)."""
    found = sequence_cue(segment, ctx)
    if found is None or found[1].pos_ not in ("NOUN", "PROPN") or not may_speak(found[1], ctx):
        return False  # "…», niant tout lien…": no one after the quote
    head = found[1]
    return not is_media(ctx.doc[head.left_edge.i : head.right_edge.i + 1].text)


def name_after(segment: QuotedSegment, ctx: Context) -> tuple[Token, Token] | None:
    """(verb, name) of an inverted cue right after the closing mark: '“…,” thundered Gérald Marsac'."""
    doc = ctx.doc
    i = after_closing(segment, ctx)
    if i is None:
        return None
    if i < len(doc) and doc[i].text == ",":
        i += 1
    if i + 1 >= len(doc) or not (
        doc[i].is_alpha and doc[i].is_lower and (doc[i].pos_ in VERB_POS or cue_word(doc[i], ctx.rules))
    ):
        return None
    # A quote that opens its sentence: past an auxiliary ("», a déclaré M. Jerebenkov") or a setting
    # ("», explique au milieu des automates Mathilde Bernard"); inside the writer's sentence, those are
    # the sequence finder's.
    whole = opens_sentence(segment, ctx)
    if whole and doc[i].pos_ == "AUX" and i + 2 < len(doc) and doc[i + 1].is_lower and cue_word(doc[i + 1], ctx.rules):
        i += 1
    name = speaker_phrase(i + 1, doc[i].sent.end, ctx) or (_person_past_setting(i + 1, ctx) if whole else None)
    if name is None or not (
        name.ent_type_ in ctx.rules.parser.person_entities | ctx.rules.parser.organization_entities
        or name.pos_ == "PROPN"
    ):
        return None
    return doc[i], name


# How many words a channel or place may hold between an inverted cue and the person's name.
SETTING_WORDS = 6


def _person_past_setting(i: int, ctx: Context) -> Token | None:
    """'», explique au milieu des automates Mathilde Bernard': the person named after a short phrase
    that a channel preposition opens at token `i`, with no verb or punctuation before the name."""
    doc, rules = ctx.doc, ctx.rules
    if i >= len(doc) or doc[i].lower_ not in rules.inverted_channel_prepositions:
        return None
    for token in doc[i + 1 : min(len(doc), i + 1 + SETTING_WORDS)]:
        if token.is_punct or token.pos_ in VERB_POS:
            return None
        if token.ent_iob_ == "B" and token.ent_type_ in rules.parser.person_entities:
            if doc[token.i - 1].pos_ == "ADP" and token.i - 1 > i:
                return None  # "affirme à RTL la mère de Simon Gautier": the name is a complement's
            # "explique à Paul Martin la directrice": the preposition's own object is whom it was said to
            return None if token.i == i + 1 or any(c.i == i for c in token.children) else token
    return None


def sequence_cue(segment: QuotedSegment, ctx: Context) -> tuple[tuple[int, int], Token] | None:
    """'», scandaient les agriculteurs.' / '», ajoute-t-elle.': after the closing mark and a comma, a
    verb then a noun phrase or a clitic pronoun make an inverted cue, whatever the verb and however
    the parser labelled its subject (the French model often calls it an object); without the comma,
    only a speech verb does."""
    doc = ctx.doc
    i = after_closing(segment, ctx)
    if i is None or i + 2 >= len(doc):
        return None
    # '« Ils vous contrôlent ! » conseille un couple': after "!" or "?" French sets no comma, and copy
    # sometimes drops it; a speech verb must then stand there.
    comma = doc[i].text == ","
    # '« … », qui ont fait 30.000 blessés à l'automne, rappelle Ammar Falah': the writer's relative on the
    # quote's last words, then the cue (a speech verb's only)
    aside = comma and relative_aside_end(i + 1, ctx)
    if aside:
        i = aside
    cue_start = j = i + 1 if comma else i
    clitic = None
    # The verb group: reflexive or object clitic, auxiliary, inverted clitics ("s'agace", "a-t-elle
    # poursuivi", "leur a-t-il dit").
    while j + 1 < len(doc) and (
        doc[j].lower_ in ctx.rules.parser.reflexive_clitics | ctx.rules.object_clitics
        or doc[j].pos_ == "AUX"
        or doc[j].text.startswith("-")
        or _adverb_in_group(doc, j, cue_start)  # "a ensuite ajouté", "a notamment souligné"
    ):
        if doc[j].text.startswith("-") and (
            ctx.rules.pronoun_kind(doc[j].text) or ctx.rules.is_impersonal(doc[j].text)
        ):
            clitic = doc[j]
        j += 1
    cue = doc[j]
    # "», a fait savoir la préfecture": a speech verb phrase (rules' speech_verb_phrases) ends at its second verb
    phrase = j + 1 < len(doc) and (cue.lemma_.lower(), doc[j + 1].lemma_.lower()) in ctx.rules.speech_verb_phrases
    if phrase:
        j += 1
        cue = doc[j]
    reflexive = any(t.lower_ in ctx.rules.parser.reflexive_clitics for t in doc[cue_start:j])
    speech = (
        phrase
        or cue.lemma_.lower() in ctx.rules.speech_verbs
        or cue.lower_ in ctx.rules.speech_verbs
        or (reflexive and cue.lemma_.lower() in ctx.rules.reflexive_speech_verbs)
    )
    if not cue.is_alpha or not cue.is_lower or not (cue.pos_ in VERB_POS or speech) or not (comma or speech):
        return None
    if aside and not speech:
        return None
    if not speech and not _opens_clause(segment, ctx):
        return None  # "…en cas de « danger immédiat », constitue le deuxième volet": the writer's own verb
    cue_end = cue.i
    while cue_end + 1 < len(doc) and doc[cue_end + 1].text.startswith("-"):  # "poursuit-elle"
        cue_end += 1
        if ctx.rules.pronoun_kind(doc[cue_end].text) or ctx.rules.is_impersonal(doc[cue_end].text):
            clitic = doc[cue_end]
    if clitic is not None and ctx.rules.is_impersonal(clitic.text):
        # "», a-t-on commenté dans l'entourage du ministre": the setting speaks for the impersonal "on"
        setting = setting_source(cue.sent, ctx)
        return char_range(doc, cue_start, cue_end + 1), setting if setting is not None else clitic
    if clitic is not None:
        return char_range(doc, cue_start, cue_end + 1), clitic
    # a speech verb's subject may follow an aside ("», explique, sous couvert d'anonymat, un officier")
    after = past_aside(doc, cue_end) if speech else cue_end
    rest = [
        t
        for t in doc[after + 1 : min(cue.sent.end, after + 1 + FRAME_TOKENS)]
        if t.lower_ not in ctx.rules.parser.not_subjects
    ]
    # ", intégrant étroitement les êtres…"
    people_labels = ctx.rules.parser.person_entities
    if speech:
        rest = past_adverbs(rest)
        # "», avait confié samedi au président un jeune homme": the day, then the channel, where a
        # phrase follows them ("», a martelé mardi devant la commission d'enquête le président du…"
        # keeps the reading past the day's noun, which finds the name)
        after_day = _past_closing_comma(past_channel(_past_time_phrase(rest, ctx), people_labels), rest, people_labels)
        speaking = after_day and after_day[0].pos_ in ("DET", "PROPN", "NOUN", "NUM")
        rest = after_day if speaking else past_channel(rest, people_labels)
    else:
        rest = past_channel(rest, people_labels)
    if speech and len(rest) > 1 and demonstrative_subject(rest[0], ctx.rules):
        return char_range(doc, cue_start, cue_end + 1), rest[0]  # "», a asséné celui qui dirige l'agence"
    if not rest or rest[0].pos_ not in ("DET", "PROPN", "NOUN", "NUM"):  # "avertissent six médecins"
        return None
    # "», assure cette dernière": the latter, an adjective standing for the person; "», confie un intime
    # au Parisien": a person's word, whatever its tag, before the preposition of the channel
    phrase = rest[: next((k for k, t in enumerate(rest) if t.pos_ == "ADP"), len(rest))]
    ordinals = ctx.rules.ordinal_words
    person = ctx.rules.anonymous_heads | ctx.rules.role_words | ordinals
    head = (
        next((t for t in phrase if t.pos_ in ("NOUN", "PROPN")), None)
        or past_former_marker([t for t in phrase if t.lower_ in person], ctx.rules)
        or next((t for t in rest if t.pos_ in ("NOUN", "PROPN") or t.lower_ in ordinals), None)
    )
    if head is None or head.i - rest[0].i > 3:
        return None
    while head.dep_ == "compound" and head.i < head.head.i <= head.i + 2:
        head = head.head  # "sighs the union leader": the leader
    # "», a affirmé le premier ministre François Lemire.": the name beside a title speaks (a name speaks
    # itself); never one in parentheses ("a expliqué Unilever (Dove, Knorr…)"), or a participle's phrase
    # ("a ajouté le président, accompagné de sa femme Melania", "s'amuse Nolan, dans le dossier de « Tenet »")
    stop = next((k for k, t in enumerate(rest) if _ends_title(t, head, ctx)), len(rest))
    people = () if head.pos_ == "PROPN" else ctx.rules.parser.person_entities
    # never a name after a preposition ("», assure un proche de Marine Le Pen": the title's complement,
    # not its holder), but the holder after it ("l'ancien secrétaire d'État de François Hollande, J.-M. L.")
    named = next(
        (
            t
            for t in rest[: min(stop, TITLE_REACH)]
            if t.ent_type_ in people and t.ent_iob_ == "B" and t.i > head.i and doc[t.i - 1].pos_ != "ADP"
        ),
        None,
    )
    if named is not None and titled_complement(head, named, ctx):
        named = None  # "un conseiller du ministre des Comptes publics Gérald Darmanin": the minister's name
    return char_range(doc, cue_start, cue_end + 1), named or head


def _past_closing_comma(after: list[Token], tokens: list[Token], people: frozenset[str]) -> list[Token]:
    """`after` (what follows the day and the channel of `tokens`) past a comma that closes the channel
    ("», a expliqué à l'AFP, le délégué CGT, Éric Dupont"); a comma right after the verb closes nothing,
    nor one after a name the channel ran into ("auprès de l'AFP Marie Dupont, porte-parole de…")."""
    if not (len(after) > 1 and after[0].text == "," and tokens and after[0].i > tokens[0].i):
        return after
    # the channel alone before the comma: one name ("à l'AFP", "au Parisien", "sur Europe 1")
    passed = tokens[0].doc[tokens[0].i : after[0].i]
    names = [t for t in passed if t.pos_ not in ("ADP", "DET", "NUM") and is_word(t)]
    return after[1:] if len(names) == 1 and names[0].ent_type_ not in people else after


def _ends_title(token: Token, head: Token, ctx: Context) -> bool:
    """What ends a title's words before its holder's name: parentheses, a participle, a comma but one
    before a person's name or an apposed title and a name ("un éditeur de 45 ans, Richard", "sa fille,
    l'actrice Rachael Stirling"; not "…, dont l'actrice X")."""
    if token.text == "(" or (token.i > head.i and token.pos_ in VERB_POS):
        return True
    if token.text != ",":
        return False
    for after in token.doc[token.i + 1 : token.i + 5]:
        if after.ent_iob_ == "B" and after.ent_type_ in ctx.rules.parser.person_entities:
            return False
        if after.pos_ not in ("DET", "NOUN", "ADJ"):
            return True
    return True


def sentence_start(segment: QuotedSegment, ctx: Context) -> int:
    """The first character of the sentence the quote's opening mark stands in."""
    first = tokens_covering(ctx.doc, segment.open_at, segment.open_at + 1)
    return first[0].sent[0].idx if first is not None else segment.open_at


def _before_opening(segment: QuotedSegment, ctx: Context) -> Span | None:
    """The tokens of the quote's sentence before its opening mark."""
    first = tokens_covering(ctx.doc, segment.open_at, segment.open_at + 1)
    return ctx.doc[first[0].sent.start : first[0].i] if first is not None else None


def _opens_clause(segment: QuotedSegment, ctx: Context) -> bool:
    """The quote opens its sentence but for linking words and other quotes before it ("Déjà, « … »",
    "« Nous avons faim », « nous avons besoin… »"), not the writer's clause ("en cas de « … »")."""
    before = _before_opening(segment, ctx)
    return before is not None and all(not is_word(t) or not ctx.outside(t) or t.pos_ in LINKING_POS for t in before)


def opens_sentence(segment: QuotedSegment, ctx: Context) -> bool:
    """A floating quote stands as a sentence of its own, not inside the writer's sentence."""
    before = _before_opening(segment, ctx)
    return before is not None and all(not is_word(t) for t in before)


# How many words a description may take between a closing mark and the verb it speaks with.
SUBJECT_TOKENS = 9
TITLE_REACH = 12  # a title's words before its holder's name ("la ministre de la Santé et des Affaires sociales X")


def subject_then_verb(segment: QuotedSegment, ctx: Context) -> tuple[tuple[int, int], Token, tuple[int, int]] | None:
    """'“…,” the sociologist predicts.', '“…,” the number 1 of the federation promises.': after the
    closing mark, a description then a speech verb that closes the clause, whatever the tagger made
    of the verb (the small English model takes "promises", "answers" for nouns there). The words, not
    the parse, delimit the speaker's phrase (its token range comes third)."""
    doc, rules = ctx.doc, ctx.rules
    i = after_closing(segment, ctx)
    if i is not None and i < len(doc) and doc[i].text == ",":
        i += 1
    if i is None or i >= len(doc):
        return None
    # "“…,” Tulsa police Chief Chuck Jordan said Monday.": a named person's phrase, however tagged
    named = doc[i].text[:1].isupper() and doc[i].is_alpha
    if doc[i].lower_ not in rules.definite_determiners and not named:
        return None
    if not opens_sentence(segment, ctx):
        return None  # a fragment inside the writer's sentence ("he cited are “…”, the paper says")
    for j in range(i + 2, min(len(doc) - 1, i + SUBJECT_TOKENS)):
        word = doc[j]
        end = j + 1
        while end < len(doc) - 1 and doc[end].lower_ in rules.time_words:
            end += 1  # "said Monday."
        if word.is_lower and cue_word(word, rules) and doc[end].text in (".", ",", ";"):
            start = i
            if named:  # the person's name within the phrase ("Tulsa police Chief [Chuck Jordan]")
                person = [t.i for t in doc[i:j] if t.ent_type_ in rules.parser.person_entities and t.ent_iob_ == "B"]
                if not person:
                    return None
                start = person[0]
            head = speaker_phrase(start, j, ctx)
            return (char_range(doc, j, j + 1), head, (i, j)) if head is not None else None
        if not (word.is_alpha or word.like_num or word.text in ("'s", "’s", "-")):
            return None
    return None


def _adverb_in_group(doc: Doc, j: int, start: int) -> bool:
    """An adverb after the auxiliary of an inverted cue's verb group ("», a ensuite ajouté X"); never a
    negation ("», n'a pas précisé X" reports nothing)."""
    return doc[j].pos_ == "ADV" and not is_negative(doc[j]) and any(t.pos_ == "AUX" for t in doc[start:j])


def _past_time_phrase(tokens: list[Token], ctx: Context) -> list[Token]:
    """`tokens` past the day and the hour that lead them ("», a répondu samedi matin 7 avril l'ancien
    secrétaire d'État…"), where a phrase or a name follows."""
    lead = 0
    while lead < len(tokens) and (
        (tokens[lead].is_lower and is_time_word(tokens[lead], ctx.rules)) or (lead and tokens[lead].like_num)
    ):
        lead += 1
    following = tokens[lead] if lead < len(tokens) else None
    return tokens[lead:] if lead and following is not None and following.pos_ in ("DET", "ADP", "PROPN") else tokens


def colon_cue(segment: QuotedSegment, ctx: Context) -> tuple[tuple[int, int] | None, Token] | None:
    """'Hélène Vasseur, médecin à Gap, reste prudente : « … »': whatever the parse made of it, a
    sentence that opens on a name and ends on a colon introduces that person's words."""
    doc = ctx.doc
    first = tokens_covering(doc, segment.open_at, segment.open_at + 1)
    if first is None:
        return None
    # "He said:" may close the paragraph before the quote: the colon, past the line breaks
    colon = next((t for t in reversed(doc[max(0, first[0].i - 3) : first[0].i]) if not t.is_space), None)
    if colon is None or colon.text != ":":
        return None
    sent = colon.sent if colon.i + 1 < first[0].i else first[0].sent
    opener = doc[sent.start]
    setting = next((t for t in doc[opener.i : colon.i] if t.text == ","), None) if opener.pos_ == "ADP" else None
    if setting is not None:
        opener = doc[setting.i + 1]  # "Sur Twitter, l'animatrice écrit :": the setting first, then who writes
    while opener.i < colon.i and not is_word(opener):
        opener = doc[opener.i + 1]
    named = opener.ent_type_ in ctx.rules.parser.person_entities | ctx.rules.parser.organization_entities
    if not (named or ctx.rules.pronoun_kind(opener.text) in ("masculine", "feminine")):
        subject = subject_of(sent.root, ctx.rules.parser) if sent.root.i < colon.i else None
        if subject is not None and (
            subject.ent_type_ in ctx.rules.parser.person_entities
            or ctx.rules.pronoun_kind(subject.text) in ("masculine", "feminine")
        ):
            # "On July 6, 2015, Sanders made the following comment:": the main clause's subject
            return char_range(doc, *cue_tokens(sent.root)), subject
        # "A senior official at Beauvau confides: “…”": a description of a person opens the sentence.
        described = speaker_phrase(opener.i, colon.i, ctx)
        if described is None or described.lemma_.lower() not in ctx.rules.anonymous_heads | ctx.rules.role_words:
            return None
        verbs = [t for t in doc[described.i + 1 : colon.i] if t.pos_ in VERB_POS]
        return (char_range(doc, *cue_tokens(verbs[-1])) if verbs else None), described
    head = opener
    while head.i + 1 < colon.i and doc[head.i + 1].ent_iob_ == "I":
        head = doc[head.i + 1]
    verbs = [t for t in doc[head.i + 1 : colon.i] if t.pos_ in VERB_POS]
    cue = char_range(doc, *cue_tokens(verbs[-1])) if verbs else None
    return cue, head


def preposition_source(segment: QuotedSegment, ctx: Context) -> tuple[tuple[int, int], Token] | None:
    """'Selon X, « … »' / 'Pour X, « … »': a source preposition before the quote in its sentence."""
    doc = ctx.doc
    first = tokens_covering(doc, segment.open_at, segment.open_at + 1)
    if first is None:
        return None
    # the parser may end a sentence inside a name ("selon l'analyste Neil Saunders de GlobalData |
    # Retail, « … »"): the sentence runs back to the last stop, never past a line's end
    sent_start = start_before_cut(first[0].sent, ctx, FRAME_TOKENS, (*SENTENCE_STOPS, ":", ";"))
    for token in doc[max(sent_start, first[0].i - FRAME_TOKENS) : first[0].i]:
        if not ctx.outside(token):
            continue
        sequences = list(ctx.rules.source_prepositions)
        if token.i == sent_start:
            sequences += ctx.rules.sentence_initial_source_prepositions
        for words in sequences:
            if sequence_at(doc, token.i, words):
                source = object_after(doc, token.i + len(words), ctx)
                if source is None or source.i >= first[0].i:
                    continue
                if words in ctx.rules.sentence_initial_source_prepositions and not names_someone(source, ctx):
                    continue  # "Pour le reste, …", "Pour le public, …": no one's words
                return char_range(doc, token.i, token.i + len(words)), name_beside_role(source, ctx)
    return None


def sourced_verb(verb: Token, ctx: Context) -> bool:
    """Whether a source phrase hangs on the verb after it ("X mène, selon eux, …")."""
    return any(
        child.i > verb.i
        and any(sequence_at(ctx.doc, child.left_edge.i, words) for words in ctx.rules.source_prepositions)
        for child in verb.children
    )


def _apposition_ends_sentence(doc, comma: int) -> bool:
    """A comma then words with no verb to the sentence's end: the source's apposition."""
    if doc[comma].text != ",":
        return False
    rest = doc[comma + 1 : doc[comma].sent.end]
    return len(rest) > 1 and not any(t.pos_ in VERB_POS for t in rest)


def trailing_source(segment: QuotedSegment, ctx: Context) -> tuple[tuple[int, int], Token] | None:
    """'« Insuffisant », pour la CFDT-Cheminots.', '"…", selon lui.': a source preposition right after
    the closing mark, its phrase ending the sentence (a "pour X" that goes on is the writer's: "…",
    pour les enfants du quartier, la mairie…)."""
    doc = ctx.doc
    i = after_closing(segment, ctx)
    if i is None or i >= len(doc):
        return None
    if doc[i].text == ",":
        i += 1
    for words in ctx.rules.source_prepositions + ctx.rules.sentence_initial_source_prepositions:
        if i >= len(doc) or not sequence_at(doc, i, words) or not ctx.outside(doc[i]):
            continue
        start = end = i + len(words)
        while end < len(doc) and end - start <= MAX_TRAILING_SOURCE and doc[end].sent == doc[i].sent:
            joined = doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_
            if (doc[end].is_punct and not joined) or doc[end].is_space or not ctx.outside(doc[end]):
                break  # "CFDT-Cheminots" goes on
            end += 1
        closes = (
            end >= len(doc)
            or doc[end].sent != doc[i].sent
            or doc[end].text in (".", ":", ";")
            or doc[end].is_space
            or _apposition_ends_sentence(doc, end)  # '"…", selon Cédric Moudjeb, secrétaire de la Capa-VTC.'
        )
        source = object_after(doc, start, ctx)
        if not closes or source is None or source.i >= end or doc[start].pos_ not in ("DET", "PROPN", "PRON", "NOUN"):
            return None
        # "pour" names a source only where someone follows ("…", pour la CFDT), not a purpose ("…" pour
        # l'invitation)
        if words in ctx.rules.sentence_initial_source_prepositions and not names_someone(source, ctx):
            return None
        return char_range(doc, i, start), name_beside_role(source, ctx)
    return None


# The longest source phrase after a quote: "selon une source proche du dossier".
MAX_TRAILING_SOURCE = 8


# Words that may open a sentence before its quote ("Déjà, « … »", "Mais « … »").
LINKING_POS = frozenset({"ADV", "CCONJ", "SCONJ"})


def characterization(segment: QuotedSegment, ctx: Context) -> tuple[Token, Token] | None:
    """'Jean Roux, who called the union “factious”': a characterising verb just before the marks, with
    nothing but its object between; its subject (a relative pronoun: the name it hangs on) said it.
    Returns (verb, speaker)."""
    doc, rules = ctx.doc, ctx.rules
    first = tokens_covering(doc, segment.open_at, segment.open_at + 1)
    if first is None:
        return None
    before = doc[max(first[0].sent.start, first[0].i - 6) : first[0].i]
    verb = next(
        (t for t in reversed(before) if t.lemma_.lower() in rules.characterization_verbs and t.pos_ in VERB_POS), None
    )
    if verb is None or any(t.pos_ in VERB_POS | {"PUNCT"} for t in doc[verb.i + 1 : first[0].i]):
        return None
    speaker = usable_subject(verb, ctx)
    return (verb, speaker) if speaker is not None else None


# The layouts that name a speaker when no verb around the quote does, tried in this order.
FALLBACK_LAYOUTS = (
    ("document", document_cue),
    ("inverted-sequence", sequence_cue),
    ("subject-verb", subject_then_verb),
    ("colon", colon_cue),
    ("source-preposition", preposition_source),
    ("source-after", trailing_source),
    ("signature", dash_signature),
)


def fallback_cue(
    segment: QuotedSegment, ctx: Context
) -> tuple[tuple[int, int] | None, Token, tuple[int, int] | None, Cue] | None:
    """(cue characters, speaker head, speaker token range where the words give it, how) from the
    first of the FALLBACK_LAYOUTS that names a speaker: a document and its owner, an inverted
    verb-then-subject sequence, a description then its verb, a colon after a name or description, a
    source preposition before or after the quote, a signature after a dash."""
    for rule, finder in FALLBACK_LAYOUTS:
        found = finder(segment, ctx)
        if found is not None:
            cue_chars, head, *extent = found
            return cue_chars, head, extent[0] if extent else None, Cue(rule)
    return None
