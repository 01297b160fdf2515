"""The merge decision on names alone (voxmap.corpus.merging): which corpus key a written name takes."""

import pytest

from voxmap.corpus.aliases import Aliases
from voxmap.corpus.merging import NameKeys

UNION = [
    ("Rempart Police nationale", "organization"),
    ("Rempart", "organization"),
    ("Unité Santé", "organization"),
    ("le syndicat Unité Santé", "organization"),
    ("Marchand Industries", "organization"),
    ("Marchand Logistics", "organization"),
    ("Centre Hospitalier", "organization"),
]


@pytest.mark.parametrize(
    "written, key, rule",
    [
        # A one-word short form that begins exactly one longer name, whether or not its word is a generic head.
        ("Rempart", "organization:rempart police nationale", "short form"),
        ("le syndicat Unité Santé", "organization:unite sante", "same name without its kind"),
        ("RPN", "organization:rempart police nationale", "acronym"),
        # Negatives: a short form that begins two names stays apart; a name alone is its own key.
        ("Marchand", "organization:marchand", "same name"),
        ("Centre Hospitalier", "organization:centre hospitalier", "same name"),
    ],
)
def test_an_organisation_name_takes_its_key(written, key, rule):
    keys = NameKeys(UNION + [(written, "organization")], Aliases())
    assert keys.resolve(written, "organization") == (key, rule)
