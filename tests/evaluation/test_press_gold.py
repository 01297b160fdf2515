"""Gold by reference: offsets into a corpus's stored text follow the reader's repairs, and a corpus
whose text changed is refused."""

from __future__ import annotations

import hashlib
import json

import pytest

from voxmap.errors import GoldFormatError
from voxmap.evaluation.press_gold import CORPORA, _voice_right, read_press_gold

RAW = 'Le syndicat a protesté.Le ministre a répondu : "Nous verrons", a-t-il dit.'


def _setup(tmp_path, text=RAW, sha=None):
    corpus = tmp_path / CORPORA["orangesum"]
    corpus.parent.mkdir(parents=True)
    corpus.write_text(json.dumps({"id": "a1", "text": text, "language": "fr"}) + "\n", encoding="utf-8")
    start = RAW.index("Nous verrons")
    gold = {
        "ref": {"corpus": "orangesum", "id": "a1"},
        "sha1": sha or hashlib.sha1(RAW.encode("utf-8")).hexdigest(),
        "quotes": [
            {"spans": [[start, start + len("Nous verrons")]], "speaker": "le ministre", "voice": [], "kind": "direct"}
        ],
    }
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(gold) + "\n", encoding="utf-8")
    return path


def test_offsets_follow_the_space_the_reader_put_back(tmp_path):
    (press,) = read_press_gold(_setup(tmp_path), tmp_path)
    assert press.article.text.startswith("Le syndicat a protesté. Le ministre")
    ((start, end),) = press.gold.quotes[0].spans
    assert press.gold.text[start:end] == "Nous verrons"


def test_a_corpus_whose_text_changed_is_refused(tmp_path):
    with pytest.raises(GoldFormatError, match="sha1"):
        read_press_gold(_setup(tmp_path, sha="0" * 40), tmp_path)


@pytest.mark.parametrize(
    ("voice", "accepted", "right"),
    [
        ("Ministère de l'Économie", ("ministère de l'Economie",), True),  # accents, case
        ("CGT", ("CGT", "Confédération générale du travail"), True),
        ("Alliance police nationale", ("Alliance",), False),  # a variant is not the voice
        (None, (), True),  # a medium cited: no voice, as the gold says
        ("Le Parisien", (), False),
        (None, ("CGT",), False),
    ],
)
def test_a_voice_is_right_when_the_gold_accepts_it(voice, accepted, right):
    assert _voice_right(voice, accepted) is right
