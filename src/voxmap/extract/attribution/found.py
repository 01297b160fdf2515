"""What a finder returns: a quote found in the text, the typed record of how it was found (its cue
rule), and how far each rule is trusted (one table)."""

from __future__ import annotations

from dataclasses import dataclass, field

DIRECT, INDIRECT, MIXED, PARTIAL = "direct", "indirect", "mixed", "partial"
BELIEF, EVIDENCE = "belief", "evidence"  # what a source thinks; what a document shows (who *speaks* leaves both out)

VERB = "verb"  # a verb around the quote: a speech verb, or any verb the structure makes a cue
FLOATING = "floating"  # no cue: the previous quote's speaker goes on


@dataclass(frozen=True, slots=True)
class Cue:
    """How a quote was attributed: the rule that found it, whether the cue stands right beside the
    quote (nothing but joiners between), and for a verb cue whether the verb is a speech verb."""

    rule: str
    adjacent: bool = False
    speech_verb: bool = False

    @property
    def name(self) -> str:
        """The rule as reviewers read it: a verb cue is 'speech-verb' or 'structure'."""
        if self.rule == VERB:
            return "speech-verb" if self.speech_verb else "structure"
        return self.rule

    @property
    def how(self) -> str:
        if self.rule == FLOATING:
            return FLOATING
        return "cue:" + ("adjacent " if self.adjacent else "") + self.name


# How far a quote of that kind found by that rule is trusted. A fragment the writer's sentence runs
# into (partial, mixed) is judged by its shape more than by its cue.
CONFIDENCE: dict[tuple[str, str], float] = {
    # from the quotation marks
    ("speech-verb", DIRECT): 0.9,
    ("incise", DIRECT): 0.85,
    ("structure", DIRECT): 0.8,
    ("name-after", DIRECT): 0.8,
    ("inverted-sequence", DIRECT): 0.75,
    ("subject-verb", DIRECT): 0.75,
    ("source-preposition", DIRECT): 0.75,
    ("source-after", DIRECT): 0.75,
    ("signature", DIRECT): 0.75,
    ("document", DIRECT): 0.7,
    ("colon", DIRECT): 0.7,
    ("transcript", DIRECT): 0.8,
    ("interview", DIRECT): 0.75,
    ("headline", DIRECT): 0.7,
    (FLOATING, DIRECT): 0.5,
    ("speech-verb", MIXED): 0.75,
    ("name-after", MIXED): 0.75,
    ("source-after", MIXED): 0.7,
    ("speech-verb", PARTIAL): 0.65,
    ("name-after", PARTIAL): 0.65,
    ("characterization", PARTIAL): 0.65,
    # reported speech
    ("clause", MIXED): 0.75,
    ("clause", INDIRECT): 0.7,
    ("source-preposition", INDIRECT): 0.7,
    ("source-preposition", MIXED): 0.7,
    ("source-clause", INDIRECT): 0.65,
    ("source-clause", MIXED): 0.65,
    ("source-relative", INDIRECT): 0.65,
    ("source-relative", MIXED): 0.65,
    ("parenthetical", INDIRECT): 0.6,
    ("parenthetical", MIXED): 0.6,
    ("stance", INDIRECT): 0.6,
    ("stance", MIXED): 0.6,
    ("appraisal", INDIRECT): 0.6,
    ("appraisal", MIXED): 0.6,
    ("headline", INDIRECT): 0.6,
    ("headline", MIXED): 0.6,
    ("object", INDIRECT): 0.55,
    ("object", MIXED): 0.6,
}


@dataclass(slots=True)
class RawQuote:
    kind: str
    spans: list[tuple[int, int]]  # characters
    cue: tuple[int, int] | None  # characters
    speaker: int | None  # token index of the speaker's head word
    found_by: Cue
    segments: list[int] = field(default_factory=list)  # indices of the quoted segments it covers
    # token range of the speaker's phrase where the words delimit it and the parse does not
    speaker_extent: tuple[int, int] | None = None
    confidence: float = field(init=False)

    def __post_init__(self) -> None:
        self.confidence = CONFIDENCE[(self.found_by.name, self.kind)]

    @property
    def how(self) -> str:
        return self.found_by.how

    @property
    def follows_previous(self) -> bool:
        """No cue of its own: the previous quote's speaker goes on."""
        return self.found_by.rule == FLOATING


@dataclass(slots=True)
class Findings:
    quotes: list[RawQuote]  # ordered by position, without overlaps
    in_quote: list[bool]  # for each token, whether it stands inside quotation marks
