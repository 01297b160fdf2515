"""The article's table of actors: which name a model's organisation is a person."""

import pytest

from voxmap.extract.actors import ActorTable
from voxmap.extract.language import load_rules


@pytest.mark.parametrize(
    "name, kind",
    [
        # a first name the tables know makes a person of what the model took for a body
        ("Marie-Hélène Rousseau", "person"),
        ("Fabien Delacourt", "person"),
        # a body's name with no first name stays a body
        ("Unité Santé", "organization"),
    ],
)
def test_a_first_name_makes_a_person_of_a_model_s_organisation(name, kind):
    assert ActorTable(load_rules("en")).named(name, "organization").type == kind
