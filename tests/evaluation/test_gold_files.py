"""The French gold set: its JSONL is built from the annotated source and every span is sound."""

import json

from helpers import ROOT

GOLD = ROOT / "tests" / "gold"


def test_jsonl_is_built_from_the_annotated_source():
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_gold", GOLD / "build_gold.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    built = module.build(GOLD / "fr_quotes.txt", "fr")
    stored = [json.loads(line) for line in (GOLD / "fr_quotes.jsonl").read_text(encoding="utf-8").splitlines()]
    assert built == stored, "run tests/gold/build_gold.py after editing fr_quotes.txt"


def test_french_gold_covers_enough_quotes_and_kinds():
    articles = [json.loads(line) for line in (GOLD / "fr_quotes.jsonl").read_text(encoding="utf-8").splitlines()]
    quotes = [q for a in articles for q in a["quotes"]]
    assert len(quotes) >= 60
    assert {q["kind"] for q in quotes} >= {"direct", "indirect", "mixed"}
    for article in articles:
        for quote in article["quotes"]:
            for start, end in quote["spans"] + quote["speaker_spans"]:
                assert article["text"][start:end].strip() == article["text"][start:end]
