"""Speakers across a long article (issue 26): sources introduced in narration before they speak,
taken up paragraphs later by a pronoun, a description or "our interlocutor"; each row with the
speaker a reader gives every quote, negatives beside."""

import pytest

from voxmap.api import analyze

pytestmark = pytest.mark.model


def speakers(text):
    return [(q.spans[0].text.rstrip(",. "), q.speaker.name) for q in analyze(text, language="en").quotes]


@pytest.mark.parametrize(
    "text, expected",
    [
        # an anonymous source introduced in narration, then "he", then "our interlocutor" after narration
        (
            "Marc Dubois, a historian at the University of Lyon, has studied the plan for ten years.\n\n"
            "“The plan was dead on arrival,” he says.\n\n"
            "A former adviser in the minister's cabinet, who followed the file until 2022, agreed to meet us.\n\n"
            "“We knew it would fail,” he explains.\n\nThe leak was never traced. “Everyone knew,” our interlocutor goes on.",
            [
                ("The plan was dead on arrival", "Marc Dubois"),
                ("We knew it would fail", "A former adviser in the minister's cabinet"),
                ("Everyone knew", "A former adviser in the minister's cabinet"),
            ],
        ),
        # a description written paragraphs later finds the person an apposition described…
        (
            "Yves Larrouy, a retired plumber who has lived in the district for forty years, chairs the association.\n\n"
            "The fixed part of the bill has risen by a third. A retired person living alone pays twice as much.\n\n"
            "“I spent my life repairing pipes,” the retiree says.",
            [("I spent my life repairing pipes", "Yves Larrouy")],
        ),
        # …a party and a place written as a title ("the Toledo Democrat"), not the last person named…
        (
            "Ramon Ortiz, a Democrat from Toledo who sits on the committee, opposed the bill. Gary Sutter, a "
            "Republican from Lancaster, chairs the committee.\n\n“You can't make that up,” the Toledo Democrat said.",
            [("You can't make that up", "Ramon Ortiz")],
        ),
        # …and a noun phrase opening a sentence about her ("A retired schoolteacher…, she")
        (
            "Denise Kowalczyk noticed the bill before most. A retired schoolteacher from Parma, she has run a volunteer "
            "group since 2015.\n\nEllen Brightwater, a professor of economics, estimated the cost at $4 a month.\n\n"
            "“Three minutes, after they had four hours,” the retired teacher said.",
            [("Three minutes, after they had four hours", "Denise Kowalczyk")],
        ),
        # a quote opening the article is the person the paragraph then names acting
        (
            "“At 11 p.m., we turned the ambulances away.” Dr. Nadia Berrada remembers the night of 14 March precisely.",
            [("At 11 p.m., we turned the ambulances away", "Nadia Berrada")],
        ),
        # a description then its speech verb after the closing mark, whatever the tagger made of the verb
        (
            "Claire Dumoulin, a sociologist at the university, has studied the federation for fifteen years.\n\n"
            "“It will not be the last time,” the sociologist predicts.",
            [("It will not be the last time", "Claire Dumoulin")],
        ),
        # a named person's phrase then the verb, however the tagger read the place before the title
        (
            "The U.S. Department of Justice is investigating the shooting.\n“I will just make this promise to you: "
            "We will achieve justice in this case,” Tulsa police Chief Chuck Jordan said Monday. “I want to assure "
            "our community.”",
            [("I will just make this promise to you: We will achieve justice in this case", "Chuck Jordan")],
        ),
        # a sentence ending on a colon in the paragraph before the quote introduces its speaker: a pronoun
        # opening it, or its main clause's subject
        (
            "Hillary Clinton talked about gun control. Donald Trump responded with the example of Chicago.\n\n"
            "He said:\n\n“We have a situation where our inner cities are living in hell because it's so dangerous.”",
            [
                (
                    "We have a situation where our inner cities are living in hell because it's so dangerous",
                    "Donald Trump",
                )
            ],
        ),
        (
            "PolitiFact treated the two candidates differently.\n\nOn July 6, 2015, Bernie Sanders made the "
            "following comment:\n\n“For young people who have graduated high school, the unemployment rate is "
            "very high.”",
            [("For young people who have graduated high school, the unemployment rate is very high", "Bernie Sanders")],
        ),
        # negative: a colon after no one's sentence
        (
            "The school posted its new rules on Monday. The rules are these:\n\n“No phones after ten. No visitors "
            "after eight.”",
            [("No phones after ten. No visitors after eight", None)],
        ),
        # "the number 1 of the federation": the leader of a body of that kind, not a later leader of another
        (
            "Paul Lantier, the president of the farmers' federation, signed the email. Yannick Le Goff, director of "
            "public affairs of the manufacturers' association, praised it.\n\n"
            "“We will be there before the others,” the number 1 of the federation promises.",
            [("We will be there before the others", "Paul Lantier")],
        ),
        # a document or a statement with a possessive owner speaks for its owner
        (
            "Harbour Care Group runs 143 homes. “Staffing levels are reviewed every month,” the company's statement said.",
            [("Staffing levels are reviewed every month", "Harbour Care Group")],
        ),
        # a quote with no cue goes on with the previous speaker, unless the narration shows someone else
        # acting in between: then the person its paragraph names after it
        (
            "“It was offensive,” said Ari Fleischer.\n\n“Nobody in the room will forget it for a long time.”",
            [
                ("It was offensive", "Ari Fleischer"),
                ("Nobody in the room will forget it for a long time", "Ari Fleischer"),
            ],
        ),
        (
            "“It was offensive,” said Ari Fleischer.\n\nOscar Quintero, a cook, listened without a word.\n\n"
            "“Maybe we can build a wall around him and his friends.” Steve Quinlan, a retired teacher, laughed.",
            [
                ("It was offensive", "Ari Fleischer"),
                ("Maybe we can build a wall around him and his friends", "Steve Quinlan"),
            ],
        ),
        # "one of them", described beside: a source of its own, whom "this senior official" takes up
        (
            "Paul Morel leads the federation.\n\nThree people took part in the talks. One of them, then a "
            "senior official at the ministry, describes a closed room.\n\n“We wrote for them,” this senior "
            "official recalls.",
            [("We wrote for them", "a senior official at the ministry")],
        ),
        # the one person the narration shows since the last quote, not someone described alike earlier
        (
            "Sophie Marchetti, a dairy farmer from the Cantal, chairs the cooperative. “We will hold,” she says.\n\n"
            "In the Beauce, Julien Carrère is less philosophical. “They won,” says the goat farmer.",
            [("We will hold", "Sophie Marchetti"), ("They won", "Julien Carrère")],
        ),
        # "she": the woman set beside the subject, or the one a copula presents, over one named before
        (
            "Caroline Ashby chairs the residents' group. She fought the plan for years.\n\n"
            "Mr Mottram's successor as council leader, Fiona Beckett, was elected in May. She said that the "
            "council would not revisit the decision.",
            [("that the council would not revisit the decision", "Fiona Beckett")],
        ),
        (
            "Denise Kowalczyk runs the group. She said the bill was bad.\n\nIn the Senate, the bill's sponsor "
            "was Karen Whitlock, a Republican from Findlay. She said in an interview that her husband had "
            "played no role in her decision.",
            [
                ("the bill was bad", "Denise Kowalczyk"),
                ("that her husband had played no role in her decision", "Karen Whitlock"),
            ],
        ),
        # a description by a profession or a station in life, taking up the person just shown
        (
            "Gisèle Thomas, 71, is one of its founders. In January, her husband had a stroke.\n\n"
            "“Seventy kilometres is far,” the retiree says.",
            [("Seventy kilometres is far", "Gisèle Thomas")],
        ),
        # a body written by its kind: the management, the chamber
        (
            "The hospital's management says it has no knowledge of this case.",
            [("it has no knowledge of this case", "The hospital's management")],
        ),
        # a document taken up speaks for the author an earlier sentence gave it; one that opened a
        # sentence as its subject names none
        (
            "In a letter to the fund's investors, Nicholas Vane set out his plans for the homes. "
            "“Demographics are our friend,” the letter added.",
            [("Demographics are our friend", "Nicholas Vane")],
        ),
        (
            "A memo sent to the branches sets out the strategy. “Occupy the ground first,” the memo reads.",
            [("Occupy the ground first", "the memo")],
        ),
        # negatives: a slogan opening a paragraph that names nobody, a quote no speech verb follows
        (
            "“We will wait as long as it takes.” The members sit down in silence.",
            [("We will wait as long as it takes", None)],
        ),
        (
            "“Not one more hectare.” The slogan is painted on every barn of the valley.",
            [("Not one more hectare", None)],
        ),
    ],
)
def test_speakers_across_a_long_article(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize(
    "text, name, gender",
    [
        # a French name in an English article, one the model took for an organisation among them
        ("Marie-Hélène Rousseau has been the mayor of Bourges for ten years.", "Marie-Hélène Rousseau", "feminine"),
        ("Étienne Falcoz has run the Jacques-Cœur hospital since 2020.", "Étienne Falcoz", "masculine"),
        # a name no table knows tells nothing
        ("Rakeyia Scott can be heard yelling to the officers.", "Rakeyia Scott", None),
    ],
)
def test_the_gender_of_a_name_from_another_language(text, name, gender):
    actors = {a.name: a for a in analyze(text, language="en").actors}
    assert actors[name].gender == gender
