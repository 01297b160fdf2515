"""Resolve pronouns and definite descriptions ("he", "the number 1", "our interlocutor") to an actor
named earlier in the article.

`Resolver` is the interface; `RuleResolver` is the rule-based implementation used by default. A
learned resolver can replace it by implementing `resolve`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Protocol

from ..records import Actor, Role
from .descriptions import Described, description_score, kin
from .language import LanguageRules
from .media import is_outlet_name, outlet_kinds
from .mentions import ANONYMOUS, DESCRIPTION, ORGANIZATION, PERSON, PRONOUN, Mention
from .offices import institution_of, load_voice_rules, unaccented
from .pronouns import pronoun_antecedent
from .recent import (
    DESCRIBED_BODY_WINDOW,
    PRONOUN_WINDOW,
    last_acting,
    last_named_organization,
    last_outlet,
    last_person,
    last_source,
)
from .roles import body_written


@dataclass(slots=True)
class Sighting:
    """An actor seen at a position of the article, outside quotation marks."""

    position: int  # characters
    actor: Actor
    subject: bool  # the grammatical subject of its clause
    speaker: bool  # the speaker of a quote
    topic: bool = False  # the subject of its sentence's main clause
    gender: str | None = None  # the grammatical gender of the words that named it there ("le groupe")


@dataclass(frozen=True, slots=True)
class OfficeWritten:
    """A definite description headed by an office title, outside quotation marks: "le ministre",
    "du ministre de l'Économie" (`in_full` when it names its body)."""

    start: int  # characters
    end: int
    text: str
    head: str  # the title's lemma
    in_full: bool


@dataclass(slots=True)
class History:
    """What the article has said before the mention being resolved, in order."""

    sightings: list[Sighting] = field(default_factory=list)
    offices: list[OfficeWritten] = field(default_factory=list)
    # (position, actor, description): what the article wrote that someone is ("a Democrat from Toledo")
    descriptions: list[tuple[int, Actor, Described]] = field(default_factory=list)
    quote_ends: list[int] = field(default_factory=list)  # where each quote attributed so far ends
    # id of an unnamed spokesperson -> the named person or body they speak for ("a spokesman for X")
    spoken_for: dict[int, Actor] = field(default_factory=dict)

    def before(self, position: int) -> list[Sighting]:
        return [s for s in self.sightings if s.position < position]

    def possessor_body(self, position: int) -> Actor | None:
        """The body a possessive at `position` stands for ("its general secretary"): the latest named
        just before it, never a place ("leur candidat" after "Virginie" is no Virginia's)."""
        bodies = [
            s.actor
            for s in self.before(position)
            if s.actor.type == ORGANIZATION and not s.actor.place and position - s.position < POSSESSOR_REACH
        ]
        return bodies[-1] if bodies else None

    def described(self, actor: Actor, position: int) -> Described:
        """All the article wrote of `actor` before `position`."""
        found = Described()
        for at, described, said in self.descriptions:
            if described is actor and at < position:
                found |= said
        return found


class Resolver(Protocol):
    def resolve(self, mention: Mention, history: History) -> Actor | None: ...

    def described(self, mention: Mention, history: History) -> Actor | None: ...


# How far back (in characters) a possessive title ("its general secretary") looks for its body.
POSSESSOR_REACH = 300
# How far back a bare office title ("le ministre") looks for the person acting just before it.
BARE_OFFICE_WINDOW = 400
# How far an office written in full ("le ministre de l'Intérieur") looks for its unnamed holder.
OFFICE_WINDOW = 300


@dataclass
class RuleResolver:
    rules: LanguageRules

    def resolve(self, mention: Mention, history: History) -> Actor | None:
        seen = history.before(mention.start)
        if mention.kind == PRONOUN:
            return pronoun_antecedent(mention, seen, history, self.rules)
        if mention.kind == DESCRIPTION:
            mention = self._as_office(mention)
            return (
                self._description(mention, seen, history)
                or self._office_holder(mention, history)
                or self._bare_office(mention, seen, history)
            )
        return None

    def _as_office(self, mention: Mention) -> Mention:
        """ "Le chef de l'État" read as "Le président de la République": the office's own name."""
        determiner = determiner_of(mention.text)
        written = mention.text[len(determiner) :].strip(" '’").lower() if determiner else mention.text.lower()
        office = self.rules.office_equivalents.get(written)
        if office is None:
            return mention
        words = frozenset(w for w in office.split() if len(w) > 3)
        text = f"{mention.text[: len(mention.text) - len(written)]}{office}"
        return replace(mention, text=text, head_lemma=office.split()[0], words=words, bare=False)

    def _bare_office(self, mention: Mention, seen: list[Sighting], history: History) -> Actor | None:
        """ "…, a soutenu Bruno Le Maire ce lundi. Le ministre a appelé…": a bare office title takes up
        the person acting just before it, when no role of theirs is another title and no office is
        written between them (after "X a rencontré le ministre de l'Intérieur", "le ministre" is
        someone else)."""
        head = mention.head_lemma
        if (
            not self.rules.bare_office_takes_up_acting_person
            or head not in self.rules.office_titles
            or not mention.bare
            or mention.plural
            or determiner_of(mention.text) not in self.rules.definite_determiners
        ):
            return None
        acting = [
            s
            for s in seen
            if (s.subject or s.speaker)
            and mention.start - s.position < BARE_OFFICE_WINDOW
            and s.actor.type != ANONYMOUS
        ]
        if not acting or acting[-1].actor.type != PERSON:
            return None
        last = acting[-1]
        person = last.actor
        if mention.gender is not None and person.gender not in (None, mention.gender):
            return None
        if person.roles and not any(head in role.title.lower().split() for role in person.roles):
            return None
        if any(last.position < office.start < mention.start for office in history.offices):
            return None
        return person

    def _names_its_body(self, text: str) -> bool:
        return names_its_body(text, self.rules)

    def _same_body(self, written: str, held: str) -> bool:
        """Whether a body a description writes is the one a role names: the same words ("Medef",
        "le Medef"), the words of one among the other's ("Santé" / "ministère de la Santé"), or one
        the other's acronym ("FO" / "Force ouvrière")."""
        small = self.rules.articles | self.rules.organization_prepositions

        def words(text: str) -> list[str]:
            split = text.replace("’", "'").replace("'", "' ").lower().split()
            return [w for w in split if w not in small and w.strip(".,")]

        a, b = words(written), words(held)
        if not a or not b:
            return False
        if self._by_kind_only(written):
            return True  # "the number 1 of the union (in the region)": the article's body, by its kind
        initials = lambda ws: "".join(w[0] for w in ws) if len(ws) > 1 else ""
        return set(a) <= set(b) or set(b) <= set(a) or "".join(a) == initials(b) or "".join(b) == initials(a)

    def _kind(self, body: str) -> str:
        """The kind a body written by its kind only names ("the union in the region" → "union")."""
        words = [w.split("'")[-1] for w in body.replace("’", "'").lower().split()]
        return unaccented(next((w for w in words if w and w not in self.rules.articles), ""))

    def _by_kind_only(self, written: str) -> bool:
        """ "the union", "the union in the region", "la fédération": a body written by its kind, with no
        name ("the union Rempart", "la police de Lyon") nor other words ("la police locale")."""
        words = [w.split("'")[-1] for w in written.replace("’", "'").lower().split()]
        words = [w for w in words if w and w not in self.rules.articles]
        if not words or words[0] not in self.rules.organization_heads:
            return False
        named = any(w[:1].isupper() for w in written.split()[1:])
        return len(words) == 1 or (words[1] in self.rules.organization_prepositions and not named)

    def _office_holder(self, mention: Mention, history: History) -> Actor | None:
        """An office written in full that no role of the article matched, "… « … », a affirmé le
        ministre de l'Intérieur": its holder is the person named last before it, acting, with no role
        of their own and nobody named between; else, in agency style ("…, a annoncé la ministre de la
        Santé. …, a indiqué Agnès Buzyn"), the first person named after it, if role-less and acting.
        Never further than OFFICE_WINDOW characters: a role-less head of state must not collect every
        office the article mentions."""
        if mention.head_lemma not in self.rules.office_titles or mention.bare or mention.plural:
            return None
        if not self._names_its_body(mention.text):
            return None  # "the president", "le maire": the office is not written in full
        fits = lambda s: (
            not s.actor.roles
            and (s.subject or s.speaker)
            and (mention.gender is None or s.actor.gender in (None, mention.gender))
        )
        people = [s for s in history.sightings if s.actor.type == PERSON]
        before = [s for s in people if s.position < mention.start][-1:]
        after = [s for s in people if s.position > mention.start][:1]
        near = [s for s in before if mention.start - s.position < OFFICE_WINDOW] + [
            s for s in after if s.position - mention.start < OFFICE_WINDOW
        ]
        holder = next((s.actor for s in near if fits(s)), None)
        mention.office_holder = holder is not None
        return holder

    def described(self, mention: Mention, history: History) -> Actor | None:
        """The person a description's words match, by a role or a description the article gave them
        ("the accountant"); None where only recency would tell ("the young woman")."""
        if mention.kind != DESCRIPTION:
            return None
        # "le chef du gouvernement" matches the Prime Minister as "le Premier ministre" would
        return self._matching(self._as_office(mention), history.before(mention.start), history)

    def _matching(self, mention: Mention, seen: list[Sighting], history: History) -> Actor | None:
        """The actor seen before whose roles, name or descriptions fit the description best, the
        latest among equals."""
        head = mention.head_lemma
        is_role = head in self.rules.role_words
        # Content words only: "of" or "the" must not tie a description to an organisation.
        words = {w.lower().strip(".,") for w in mention.text.split() if len(w) > 3 or w[:1].isupper()}
        words -= self.rules.definite_determiners | {head}
        best: tuple[int, int, Actor] | None = None
        in_full = self._names_its_body(mention.text)
        body = body_written(mention.text, self.rules)
        leader = head in self.rules.leader_titles
        # "the accountant", "the Toledo Democrat": a person described, not a body nor a campaign; "my
        # father" is the writer's, never someone the article described
        rules = self.rules
        person_words = (
            head not in rules.organization_heads | rules.anaphoric_organization_heads | rules.campaign_heads
            and determiner_of(mention.text) not in rules.first_person_possessives
        )
        person_word = head in rules.role_words or head in rules.anonymous_heads
        man_for_woman = mention.gender == "feminine" and person_word
        # "le syndicat" is the Syndicat X, "les gendarmes" the gendarmerie; "l'agricultrice" is no
        # Jeunes agriculteurs: one person is no body
        one_person = person_word and not mention.plural
        for order, sighting in enumerate(seen):
            actor = sighting.actor
            if actor.type in (PERSON, ANONYMOUS) and bool(actor.plural) != mention.plural:
                continue  # "les deux candidats ciblés" are not one candidate, nor "le candidat" several
            if man_for_woman and actor.type == PERSON and actor.gender == "masculine":
                continue  # "la chercheuse de l'Inserm" is no man of the Inserm ("le ministre" may be a woman)
            score = 0
            names = actor.name.lower()
            rival = False  # a role of theirs is another office or in another body than the one written
            # "Le géant des boissons gazeuses" is a body, never the person whose title names it ("le PDG
            # du géant mondial")
            roles = actor.roles if person_words or actor.type != PERSON else []
            for role in roles:
                if in_full and another_office(role, mention.text, self.rules):
                    rival = True
                    continue  # "le maire de Pau" is not the "maire de Lyon" named before
                held = role.organization or role.institution
                same_body = bool(body and held) and self._same_body(body, held)
                if body and held and not same_body:
                    rival = True
                    continue  # "le patron de FO" is not the "patron du Medef" named before
                title = role.title.lower()
                expanded = {self.rules.title_abbreviations.get(w, w) for w in title.split()}
                same_title = head in title.split() or head in title or head in expanded
                # "la magistrate" is the procureure named before, "the lawmaker" the senator: a general word
                # of the office's kind (rules' description_kin), never one office for another
                kind_of = (
                    head not in self.rules.office_titles and expanded & kin(head, self.rules) & self.rules.office_titles
                )
                same_title = same_title or bool(kind_of)
                # "le maire" is not the "adjoint au maire" ("the deputy mayor"), unless written so
                second = (expanded & self.rules.second_in_rank) - set(mention.text.lower().split())
                same_title = same_title and not second
                # "le patron de FO": whoever leads that body, whatever the title written ("le chef de la
                # police locale" is not the president of another body, nor one of none)
                same_title = same_title or (leader and same_body and bool(self.rules.leader_titles & expanded))
                if same_title:
                    score += 2
                    # "the number 1 of the federation": a body of that kind, of all the leaders' bodies
                    if body and held and self._by_kind_only(body) and self._kind(body) in unaccented(held.lower()):
                        score += 1
                # The organisation backs a matching title; alone it would make "le ministre de la Santé"
                # the secretary of a health union.
                if same_title and is_role and role.organization and words & set(role.organization.lower().split()):
                    score += 1
            if rival and in_full and actor.type == PERSON:
                continue  # "le président français" is not whoever is "président turc", whatever else he is
            if actor.type == ORGANIZATION and body and not self._same_body(body, actor.name):
                continue  # "le ministère japonais des Affaires étrangères" is not the ministère de la Santé
            if actor.type == ORGANIZATION and head in names and not one_person:
                score += 2
            if actor.type == ORGANIZATION and not person_words:
                # "The Care Quality Commission, the regulator, … the regulator said"
                described = history.described(actor, mention.start)
                score = max(score, description_score(head, mention.words, described, self.rules))
            if actor.type == ANONYMOUS and actor.name.lower().split()[-1:] == [head]:
                score += 2
            if actor.type == ANONYMOUS and head in names.split():
                score += 1
            if (
                person_words
                and not rival
                and actor.type in (PERSON, ANONYMOUS)
                and bool(actor.plural) == mention.plural
            ):
                # a title written beside a name is a role and a description: it counts once
                described = history.described(actor, mention.start)
                score = max(score, description_score(head, mention.words, described, self.rules))
            if score and (best is None or (score, order) >= best[:2]):
                best = (score, order, actor)
        return best[2] if best is not None else None

    def _description(self, mention: Mention, seen: list[Sighting], history: History) -> Actor | None:
        head = mention.head_lemma
        determiner = determiner_of(mention.text)
        if head in self.rules.back_reference_heads and (
            determiner in self.rules.interlocutor_determiners | self.rules.back_reference_determiners
            or any(w.lower() in self.rules.back_reference_determiners for w in mention.text.split()[1:-1])
        ):
            return last_source(seen, mention)
        if determiner in self.rules.first_person_possessives:
            return None  # "my father": the writer's, someone new
        if head in self.rules.demonstrative_heads:  # "celui qui dirige l'agence": who acted or spoke last
            return last_source(seen, mention) or last_person(seen, mention)
        if head in outlet_kinds(self.rules.language) and determiner in self.rules.definite_determiners:
            return None if mention.named else last_outlet(seen, mention)
        last_word = mention.text.split()[-1].lower()
        pair = last_word in self.rules.pair_ordinals  # "la seconde", never "le Premier ministre"
        ordinal = last_word if pair else next((w for w in (head, last_word) if w in self.rules.latter_words), None)
        if ordinal is not None:
            # "assure cette dernière": the last person seen, of the gender written; "a promis la
            # première", "a ajouté la seconde": one of the last two named, whoever spoke since
            people = [
                s.actor
                for s in seen
                if s.actor.type == PERSON
                and mention.start - s.position < PRONOUN_WINDOW
                and (mention.gender is None or s.actor.gender in (None, mention.gender))
                and not (pair and s.speaker)
            ]
            latest = list({id(actor): actor for actor in reversed(people)}.values())  # last seen first
            if pair:
                return latest[2 - self.rules.pair_ordinals[ordinal]] if len(latest) > 1 else None
            return latest[0] if latest else None
        matched = self._matching(mention, seen, history)
        focus = self._in_focus(mention, seen, history)
        if focus is not None and (matched is None or not (self._titled(matched, mention) or _echoed(matched, mention))):
            return focus
        if matched is not None:
            return matched
        body = body_written(mention.text, self.rules)
        owned = self._possessor_s_body(mention, seen)
        if owned is not None:
            return owned
        if (
            head in self.rules.anaphoric_organization_heads
            and not mention.plural
            and determiner in self.rules.definite_determiners
            and not mention.named  # "le syndicat Rempart PN" names its own body
        ):
            # "Peabody Energy announced… The company said…": a generic head takes up the organisation
            # last seen acting or speaking (an institution such as "the government" names itself);
            # failing that, "l'association", "l'entreprise spécialiste des vols…" the one last named.
            return last_acting(seen, mention, ORGANIZATION) or last_named_organization(seen, mention)
        definite = determiner in self.rules.definite_determiners | self.rules.interlocutor_determiners
        if (
            (mention.bare or definite)
            and not mention.plural
            and head not in self.rules.office_titles
            and not self._of_someone_else(mention)
            and (head in self.rules.anonymous_heads or head in self.rules.role_words)
        ):
            # "the researcher", "l'élue", "the number 1 of the union": a definite description takes up
            # the person just named (an indefinite one, "a nurse", is someone new; a plural one, "their
            # aides", is a group). An office ("the prefect") may be a new person, so it needs a matching
            # role instead. One that writes a body ("le chef de la police locale") is not someone whose
            # roles are all elsewhere ("le président Marc Durand"); someone with no role yet, seen
            # lately, may be it, unless the body is an outlet: "le journaliste de l'AFP" reports on
            # whoever acted before.
            person = last_acting(seen, mention, PERSON)
            if (
                person is not None
                and head in self.rules.party_heads
                and self._described_otherwise(person, mention, history)
            ):
                return None  # "a répondu le prévenu" after the prosecutor Matthieu Bourrette spoke
            if (
                person is not None
                and body
                and (
                    person.roles
                    or is_outlet_name(body)
                    or last_acting(seen, mention, PERSON, DESCRIBED_BODY_WINDOW) is not person
                )
                and not any(self._same_body(body, role.organization or role.institution or "") for role in person.roles)
            ):
                return None
            return person
        return None

    def _possessor_s_body(self, mention: Mention, seen: list[Sighting]) -> Actor | None:
        """'Laurent Berger, secrétaire général de la CFDT, … alors que son syndicat appelle…': a body's
        kind after a possessive ("son syndicat", "son parti") is the body the person acting last leads,
        where their role names it and the article named it (an employee's "son syndicat" is not their
        company)."""
        rules = self.rules
        if (
            mention.head_lemma not in rules.anaphoric_organization_heads
            or determiner_of(mention.text) not in rules.ambiguous_possessives
        ):
            return None
        acting = [s for s in seen if (s.subject or s.speaker) and mention.start - s.position < PRONOUN_WINDOW]
        if not acting or acting[-1].actor.type != PERSON:
            return None
        held = {
            role.organization
            for role in acting[-1].actor.roles
            if role.organization and set(role.title.lower().split()) & (rules.leader_titles | rules.spokesperson_titles)
        }
        bodies = {id(s.actor): s.actor for s in seen if s.actor.type == ORGANIZATION and s.actor.name in held}
        return next(iter(bodies.values())) if len(bodies) == 1 else None

    def _in_focus(self, mention: Mention, seen: list[Sighting], history: History) -> Actor | None:
        """ "Julien Carrère is less philosophical. “They won,” says the goat farmer": the one person the
        narration shows since the last quote is whom a definite description of a person takes up,
        before anyone the article described alike earlier ("a dairy farmer" three sources back). Not a
        person whose titles are all others ("the mayor" is not someone introduced as "the prefect")."""
        rules = self.rules
        head = mention.head_lemma
        if (
            mention.plural
            or determiner_of(mention.text) not in rules.definite_determiners
            or not (head in rules.role_words or head in rules.anonymous_heads)
            or self._of_someone_else(mention)  # "His ex-wife agreed": a relative of the person shown, not them
            or body_written(mention.text, rules)  # "le patron de FO": whoever leads that body
        ):
            return None
        # after the last quote and its speaker ("…,” he predicts. In the Beauce, Julien Carrère…")
        since = max(
            max((end for end in history.quote_ends if end <= mention.start), default=-1),
            max((s.position for s in seen if s.speaker), default=-1),
        )
        # a name written in someone else's role is not shown ("chef du service … de Robert Debré")
        in_roles = [(s.actor, r.evidence) for s in seen for r in s.actor.roles if r.evidence is not None]
        shown = [
            s
            for s in seen
            if s.position > since
            and not s.actor.place
            and not any(e.start <= s.position < e.end and a is not s.actor for a, e in in_roles)
            and (s.actor.type == PERSON or (s.actor.type == ANONYMOUS and s.actor.human and not s.actor.plural))
        ]
        # the one a sentence is about, whoever else is named beside ("In the Beauce, Julien Carrère is…"; not
        # "…, hours after Trump unleashed a flurry of tweets"); failing that,
        # the one named ("For Rachel Pennington, oversight is the point")
        # (of those, the one of the gender written: "L'actrice britannique" after "Anthony Hopkins et Kate
        # Winslet")
        pool = [s for s in shown if s.topic] or shown
        people = {id(s.actor): s.actor for s in pool if mention.gender != "feminine" or s.actor.gender != "masculine"}
        # "X a rencontré le ministre de l'Intérieur. Le ministre a appelé…": an office written is someone too
        if len(people) != 1 or any(since < office.start < mention.start for office in history.offices):
            return None
        (person,) = people.values()
        if mention.gender is not None and person.gender not in (None, mention.gender):
            return None
        written = self._qualifiers(mention.text)
        if person.roles and not any(written & self._qualifiers(role.title) for role in person.roles):
            return None
        if self._names_its_body(mention.text) and any(
            another_office(role, mention.text, rules) for role in person.roles
        ):
            return None  # "le maire de Pau" is not the "maire de Lyon" shown before
        return person

    def _described_otherwise(self, person: Actor, mention: Mention, history: History) -> bool:
        """Whether the article gave `person` a title other than the one written ("le procureur"; "croyant"
        is no title)."""
        titles = self.rules.role_words | self.rules.anonymous_heads
        described = history.described(person, mention.start).core & titles
        return bool(person.roles or described - {mention.head_lemma})

    def _of_someone_else(self, mention: Mention) -> bool:
        """Whether a description names someone's relative ("his wife", "la mère de Maëlys"), or someone
        who speaks for another through a possessive ("her entourage", "son avocat"), not the person it
        points at ("cette mère de famille": that mother herself)."""
        determiner = determiner_of(mention.text)
        if mention.head_lemma in self.rules.describes_another:
            return determiner not in self.rules.back_reference_determiners | self.rules.articles
        return mention.head_lemma in self.rules.kin_words and determiner not in self.rules.back_reference_determiners

    def _titled(self, actor: Actor, mention: Mention) -> bool:
        """Whether one of `actor`'s titles is the description's head, in the body it writes if any ("the
        nominee": Hillary Clinton, the Democratic nominee, whoever the narration showed since; "the
        hospital's director" is not the agency's director general)."""
        head = mention.head_lemma
        expand = self.rules.title_abbreviations
        body = body_written(mention.text, self.rules)
        written = self._qualifiers(mention.text, head)
        for role in actor.roles:
            title = {expand.get(w, w) for w in self._qualifiers(role.title)}
            held = role.organization or role.institution
            if head not in title or (body and held and not self._same_body(body, held)):
                continue
            if not (written and title - {head}) or written & title:
                return True
        return False

    def _qualifiers(self, text: str, head: str = "") -> set[str]:
        """The words of a title or description besides its head, determiners and weak words ("the
        hospital's director": hospital)."""
        words = {w.lower().removesuffix("'s").removesuffix("’s").strip(".,") for w in text.split()}
        rules = self.rules
        small = rules.definite_determiners | rules.articles | rules.organization_prepositions
        return words - small - rules.description_weak_words - {head, ""}


def _echoed(actor: Actor, mention: Mention) -> bool:
    """Whether a description repeats the head of an unnamed source's own words ("une source judiciaire
    … la source judiciaire"): that source, whoever the narration showed since."""
    return actor.type == ANONYMOUS and mention.head_lemma in actor.name.lower().split()


def names_its_body(text: str, rules: LanguageRules) -> bool:
    """ "le ministre de l'Intérieur", "le président du parti Les Républicains": an office whose
    institution the words give, or that names a body (a capitalised word after a preposition)."""
    if institution_of(text, None, None, False, load_voice_rules(rules.language)) is not None:
        return True
    words = text.replace("’", "'").split()
    skip = rules.articles | rules.organization_prepositions
    for i, word in enumerate(words[:-1]):
        if word.lower() in rules.organization_prepositions:
            following = next((w for w in words[i + 1 :] if w.lower() not in skip), "")
            if following[:1].isupper():
                return True
    return False


def another_office(role: Role, office: str, rules: LanguageRules) -> bool:
    """Whether a person's role is an office of the same kind as `office` but another one ("maire de
    Lyon" for "le maire de Pau"): the person then is not its holder. A role of another kind
    ("président du MoDem" for "le maire de Pau") is no obstacle: people hold several."""

    def words(text: str) -> list[str]:
        return text.replace("’", "'").lower().split()

    if not set(words(role.title)) & set(words(office)) & rules.office_titles:
        return False
    wanted = " ".join(words(office))
    if role.organization:  # "maire PS" of Dijon is "le maire de Dijon": the body decides, not the title's words
        return any(w not in wanted for w in words(role.organization))
    return " ".join(words(role.title)) not in wanted


def determiner_of(text: str) -> str:
    """The determiner a description opens with, elided ones included ("l'association" → "l'")."""
    first = text.split()[0].lower() if text.split() else ""
    for mark in ("'", "’"):
        if mark in first[:-1]:
            return first[: first.index(mark) + 1]
    return first
