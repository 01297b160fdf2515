import pytest

from voxmap.errors import RulesError, UnsupportedLanguage, VoxmapError
from voxmap.extract.language import load_rules


def test_english_rules_are_data():
    rules = load_rules("en")
    assert {"say", "tell", "warn"} <= rules.speech_verbs
    assert rules.marks.openers["“"] == "”"
    assert "nsubj" in rules.parser.subject
    assert rules.pronoun_kind("He") == "masculine"
    assert rules.pronoun_kind("table") is None


def test_unknown_language_is_a_clear_error():
    with pytest.raises(UnsupportedLanguage) as error:
        load_rules("de")
    assert isinstance(error.value, VoxmapError)
    assert error.value.code == "V001" and "--language" in str(error.value)


def test_rules_error_has_a_code():
    assert RulesError("x").code == "V004"
