"""First names by gender from a packaged frequency list: who wins, and who tells nothing."""

import pytest
import spacy

from voxmap.errors import RulesError
from voxmap.extract.first_names import dictionary_first_names, listed_first_names
from voxmap.extract.language import load_rules
from voxmap.extract.mentions import gender_of_name

CENSUS = {"masculine": "names:dist.male.first", "feminine": "names:dist.female.first"}
DICTIONARY = "gender_guesser:data/nam_dict.txt"


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


@pytest.mark.parametrize(
    "name, gender",
    [
        ("serge", "masculine"),
        ("murielle", "feminine"),
        ("laeticia", "feminine"),
        ("jean-pierre", "masculine"),  # written "Jean+Pierre" in the dictionary
        ("camille", "feminine"),  # "F" and "?F" (mostly female) agree
        ("dominique", None),  # "?": either
        ("andrea", None),  # a woman's name in some countries, a man's in Italy
        ("paris", None),  # no name at all
    ],
)
def test_name_dictionary(name, gender):
    told = dictionary_first_names(DICTIONARY)
    assert [g for g, names in told.items() if name in names] == ([gender] if gender else [])


@pytest.mark.parametrize("reference", ["no_such_package_here:names.txt", "gender_guesser:data/no_such_file.txt"])
def test_a_missing_list_is_a_rules_error(reference):
    with pytest.raises(RulesError):
        listed_first_names({"masculine": reference})
    with pytest.raises(RulesError):
        dictionary_first_names(reference)


def test_the_rule_file_wins_and_only_pronoun_agreement_uses_the_list():
    rules = load_rules("en")
    assert "jean" in rules.gendered_first_names["masculine"]  # the English table's own choice
    assert "jean" not in rules.gendered_first_names["feminine"]
    # "Virginia Tech", "Morgan Stanley": the long list never turns an organisation into a person
    assert "virginia" in rules.gendered_first_names["feminine"] and "virginia" not in rules.first_names["feminine"]
    # the dictionary tells a written name's gender only, after the lists ("Line Renaud", never "the line")
    french = load_rules("fr")
    assert "line" in french.dictionary_first_names["feminine"]
    assert all("line" not in names for names in (*french.gendered_first_names.values(), *french.first_names.values()))
    assert "jean" not in french.dictionary_first_names["feminine"]  # the tables' names are theirs


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
        # on no table or US list: the name dictionary tells
        ("Serge Aurier", "masculine"),
        ("Murielle Bolle", "feminine"),
        ("Laeticia Hallyday", "feminine"),
        ("Nabilla Benattia", None),  # nor in the dictionary
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
        ("Silvio Berlusconi", "masculine"),  # the name dictionary's
    ],
)
def test_another_language_s_table_tells_a_name_the_article_s_lists_lack(name, gender):
    doc = spacy.blank("en")(name)
    assert gender_of_name(doc[:], load_rules("en")) == gender
