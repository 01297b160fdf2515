"""Echoes measured on a corpus written for it (tests/gold/echoes.jsonl, fictional, English and French):
the phrases that travel, with the kind of every use, and phrases that must not count (a journalist's
phrase later quoted; "we are waiting for answers" said by unrelated people; a speaker repeating
herself). Precision and recall over (origin, phrase) and over uses."""

import pytest
from helpers import ROOT

from voxmap.corpus.echoes import echoes
from voxmap.corpus.ingest import ingest
from voxmap.corpus.store import connect

CORPUS = ROOT / "tests" / "gold" / "echoes.jsonl"
EXPECTED = [  # (origin article, words of the phrase, {article: kind of its use})
    ("e1", "goodwill of exhausted nurses", {"e2": "quote", "e3": "narration", "e4": "same-speaker"}),
    ("f1", "saignée industrielle pour tout le bassin du Berry", {"f2": "quote", "f3": "narration"}),
]


@pytest.fixture(scope="module")
def found(tmp_path_factory):
    db = tmp_path_factory.mktemp("echoes") / "echoes.db"
    ingest([CORPUS], db)
    return echoes(connect(db))


def matches(echo, expected) -> bool:
    origin, words, _ = expected
    return echo["origin"]["article"] == origin and words in echo["phrase"]


def test_echoes_precision_and_recall(found):
    true = [e for e in found if any(matches(e, x) for x in EXPECTED)]
    precision = len(true) / len(found) if found else 0.0
    recall = sum(any(matches(e, x) for e in found) for x in EXPECTED) / len(EXPECTED)
    assert (precision, recall) == (1.0, 1.0), [e["phrase"] for e in found]


def test_every_use_has_its_kind(found):
    for expected in EXPECTED:
        echo = next(e for e in found if matches(e, expected))
        assert {u["article"]: u["kind"] for u in echo["uses"]} == expected[2]
