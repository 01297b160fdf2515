"""First names by gender from a packaged frequency list: who wins, and who tells nothing."""

import pytest
import spacy

from voxmap.errors import RulesError
from voxmap.extract.first_names import listed_first_names
from voxmap.extract.language import load_rules
from voxmap.extract.mentions import gender_of_name

CENSUS = {"masculine": "names:dist.male.first", "feminine": "names:dist.female.first"}


@pytest.mark.parametrize(
    "name, gender",
    [
        ("dwight", "masculine"),
        ("brenda", "feminine"),
        ("tamika", "feminine"),
        ("rodney", "masculine"),
        ("leslie", None),  # on both lists, neither twice as frequent: no gender
        ("jessie", None),
        ("casey", None),
    ],
)
def test_census_lists(name, gender):
    listed = listed_first_names(CENSUS)
    assert [g for g, names in listed.items() if name in names] == ([gender] if gender else [])


def test_a_missing_list_is_a_rules_error():
    with pytest.raises(RulesError):
        listed_first_names({"masculine": "no_such_package_here:names.txt"})


def test_the_rule_file_wins_and_only_pronoun_agreement_uses_the_list():
    rules = load_rules("en")
    assert "jean" in rules.gendered_first_names["masculine"]  # the English table's own choice
    assert "jean" not in rules.gendered_first_names["feminine"]
    # "Virginia Tech", "Morgan Stanley": the long list never turns an organisation into a person
    assert "virginia" in rules.gendered_first_names["feminine"] and "virginia" not in rules.first_names["feminine"]


@pytest.mark.parametrize(
    "name, gender",
    [
        ("Jean-Michel Blanquer", "masculine"),  # a compound first name: its first part
        ("Anne-Laure Cattelot", "feminine"),
        ("Cécile Duflot", "feminine"),  # the census list writes it without its accent
        ("Jeanne Blanc", "feminine"),
        ("Stephane Le Foll", "masculine"),  # unaccented in scraped copy; the census list says otherwise
        ("Jean Castex", "masculine"),  # the census list's "Jean" is a woman's: the French table wins
        ("Dominique Martin", None),  # a name that tells nothing in French
        ("Andrea Tornielli", None),
        ("Koenigsegg", None),
    ],
)
def test_french_first_names_tell_a_gender_or_nothing(name, gender):
    doc = spacy.blank("fr")(name)
    assert gender_of_name(doc[:], load_rules("fr")) == gender


@pytest.mark.parametrize(
    "name, gender",
    [
        # a French name in an English article: the census list lacks it, the French table tells
        ("Étienne Falcoz", "masculine"),
        ("Laurent Viguier", "masculine"),
        # the English tables still come first, and a name no table knows tells nothing
        ("Jean Smith", "masculine"),
        ("Rakeyia Scott", None),
    ],
)
def test_another_language_s_table_tells_a_name_the_article_s_lists_lack(name, gender):
    doc = spacy.blank("en")(name)
    assert gender_of_name(doc[:], load_rules("en")) == gender
