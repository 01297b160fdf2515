"""A store lookup answers as the store would, reading each key once, in chunks."""

import pytest

from voxmap.corpus.store.lookup import StoreLookup

STORED = {"a": 1, "b": 2, "c": 3}


@pytest.fixture
def lookup():
    asked: list[list] = []

    def fetch(chunk):
        asked.append(list(chunk))
        return [(key, STORED[key]) for key in chunk if key in STORED]

    found = StoreLookup(fetch)
    found.asked = asked
    return found


def test_it_answers_as_the_store_holds(lookup):
    assert (lookup["a"], "b" in lookup, "z" in lookup, None in lookup) == (1, True, False, False)
    assert (lookup.get("c"), lookup.get("z", 0)) == (3, 0)
    with pytest.raises(KeyError):
        lookup["z"]


def test_it_reads_many_at_once_and_each_key_once(lookup):
    lookup.read(["b", "a", "z", None, "a"])
    assert "z" not in lookup and lookup["a"] == 1 and lookup["b"] == 2
    assert lookup.asked == [["a", "b", "z"]]  # the absent "z" is remembered, not asked again
