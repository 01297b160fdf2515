"""A transcript's labelled paragraphs (issue 26): each is the labelled person's direct quote, the label
taken up as the person the article names; a kicker ("UPDATE:") is nobody's."""

import pytest

from voxmap.api import analyze

pytestmark = pytest.mark.model


def _labelled(text, language="en"):
    return [(q.speaker.name, q.text) for q in analyze(text, language=language).quotes if "transcript" in q.how]


@pytest.mark.parametrize(
    "text, language, expected",
    [
        # labels of people the article names
        (
            "Jake Tapper interviewed Governor Mary Fallin on Sunday.\n\nTAPPER: Do you think he has campaigned as "
            "a racial healer?\n\nFALLIN: I think he is trying to campaign as a racial healer.",
            "en",
            [
                ("Jake Tapper", "Do you think he has campaigned as a racial healer?"),
                ("Mary Fallin", "I think he is trying to campaign as a racial healer."),
            ],
        ),
        # a dialogue shows its speakers even where the article names one of them nowhere else (the label
        # is then the name, as written)
        (
            "Donald Trump and Hillary Clinton met on Wednesday night.\n\nWALLACE: Do you accept the result?\n\n"
            "TRUMP: I will look at it at the time.\n\nWALLACE: There is a tradition.",
            "en",
            [
                ("WALLACE", "Do you accept the result?"),
                ("Donald Trump", "I will look at it at the time."),
                ("WALLACE", "There is a tradition."),
            ],
        ),
        # labels the model tags as nobody: the dialogue alone shows them
        (
            "The debate took place on Wednesday.\n\nMODERATOR: Welcome to the debate.\n\nOKAFOR: Thank you for "
            "having me.\n\nMODERATOR: Let us begin with taxes.",
            "en",
            [
                ("Moderator", "Welcome to the debate."),
                ("Okafor", "Thank you for having me."),
                ("Moderator", "Let us begin with taxes."),
            ],
        ),
        # French sets a space before the colon
        (
            "Le débat a opposé Marine Tondelier à Paul Roche.\n\nROCHE : Nous ne reculerons pas sur les retraites."
            "\n\nTONDELIER : Vous avez déjà reculé sur tout.",
            "fr",
            [
                ("Paul Roche", "Nous ne reculerons pas sur les retraites."),
                ("Marine Tondelier", "Vous avez déjà reculé sur tout."),
            ],
        ),
        # a transcript quoted whole: each paragraph reopens the mark; a paragraph reopened before the next
        # label is the same speaker's, a stage direction and the words after the last label are not
        (
            'Partial transcript as follows:\n\n"WALLACE: Will she be there?\n\n"PENCE: She will not. Look.\n\n'
            '"We are focused on the issues.\n\n"(CROSSTALK.)\n\n"WALLACE: Governor, one more.\n\n'
            '"PENCE: That is why we will win.\n\n"Follow Pam Key on Twitter."',
            "en",
            [
                ("WALLACE", "Will she be there?"),
                ("Pence", "She will not. Look.\nWe are focused on the issues."),
                ("WALLACE", "Governor, one more."),
                ("Pence", "That is why we will win."),
            ],
        ),
        # negatives: kickers name nobody and make no dialogue; one label alone is no transcript
        (
            "The plan was announced on Monday.\n\nUPDATE: The plan was withdrawn on Tuesday.\n\n"
            "EXCLUSIVE: Papers show it was drafted in May.",
            "en",
            [],
        ),
        ("Paul Roche spoke on Monday.\n\nROCHE: We will not back down.", "en", []),
    ],
)
def test_a_transcript_label_is_its_person_s_quote(text, language, expected):
    assert _labelled(text, language) == expected


def _interview(text, language="en"):
    return [(q.speaker.name, q.text) for q in analyze(text, language=language).quotes if "interview" in q.how]


@pytest.mark.parametrize(
    "text, language, expected",
    [
        # the answers are the person the opening names most; the interviewer, named once, asks no quote
        (
            "Senator Ruth Okonkwo talks farm policy.\n\nRuth Okonkwo met reporter Dan Hale in Ames on Friday. "
            "Okonkwo has chaired the committee since 2019.\n\nQ: What will the bill change?\n\nA: It ends the "
            "subsidy cliff for small farms.\n\nQ: Will it pass?\n\nA: We have the votes in committee.",
            "en",
            [
                ("Ruth Okonkwo", "It ends the subsidy cliff for small farms."),
                ("Ruth Okonkwo", "We have the votes in committee."),
            ],
        ),
        # answers alone, the questions set apart without a label
        (
            "Governor Alan Pierce sat down with us. Pierce leaves office in May.\n\nWhy leave now?\n\nA: Because "
            "the state needs new blood.\n\nWhat comes next?\n\nA: Teaching, I hope.",
            "en",
            [("Alan Pierce", "Because the state needs new blood."), ("Alan Pierce", "Teaching, I hope.")],
        ),
        # French: "Q :" and "R :"
        (
            "Entretien avec Claire Vasseur, maire de Tulle. Claire Vasseur répond à nos questions.\n\n"
            "Q : Le budget sera-t-il voté ?\n\nR : Oui, dès le mois de mars.\n\nQ : Et les impôts ?\n\n"
            "R : Ils ne bougeront pas.",
            "fr",
            [("Claire Vasseur", "Oui, dès le mois de mars."), ("Claire Vasseur", "Ils ne bougeront pas.")],
        ),
        # negatives: nobody named before the first label; one answer alone is no interview
        (
            "The interview took place on Friday.\n\nQ: What will the bill change?\n\nA: It ends the subsidy "
            "cliff.\n\nQ: Will it pass?\n\nA: We have the votes.",
            "en",
            [],
        ),
        ("Governor Alan Pierce spoke on Monday.\n\nA: Because the state needs new blood.", "en", []),
    ],
)
def test_an_interview_answer_is_the_interviewee_s_quote(text, language, expected):
    assert _interview(text, language) == expected


def test_an_interview_question_is_nobody_s_quote():
    text = "Ruth Okonkwo met Dan Hale. Okonkwo spoke first.\n\nQ: What will the bill change?\n\nA: It ends the cliff."
    text += "\n\nQ: Will it pass?\n\nA: We have the votes."
    assert not [q for q in analyze(text, language="en").quotes if q.text.startswith("What will")]
