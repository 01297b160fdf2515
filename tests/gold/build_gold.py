"""Turn an annotated gold source (tests/gold/*.txt, markup described at its top) into voxmap's gold
JSONL format (docs/gold-format.md).

    .venv/bin/python tests/gold/build_gold.py tests/gold/fr_quotes.txt tests/gold/fr_quotes.jsonl --language fr
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

MARK = re.compile(r"⟦([qsfd]\d+)\|(.*?)⟧", re.S)


def parse_article(block: str, language: str) -> dict:
    header, _, rest = block.partition("\n")
    fields = [part.strip() for part in header.split("|")]
    article_id, metadata = fields[0], dict(part.split("=", 1) for part in fields[1:])
    language = metadata.pop("language", language)
    listing, _, marked = rest.partition("\n---\n")
    quotes: dict[str, dict] = {}
    facts: dict[str, dict] = {}
    relations = []
    for line in listing.strip().splitlines():
        if line.startswith("r "):
            subject, predicate, obj, *flags = (part.strip() for part in line[2:].split("|"))
            relations.append({"subject": subject, "predicate": predicate, "object": obj, "former": "former" in flags})
        elif line.startswith("f"):
            key, value, *unit = line.split(" ")
            facts[key] = {"spans": [], "value": float(value), "unit": " ".join(unit) or None}
        elif line.startswith("d"):
            key, value = line.split(" ", 1)
            facts[key] = {"spans": [], "value": None if value == "null" else value}
        else:
            key, kind, speaker = line.split(" ", 2)
            quotes[key] = {"spans": [], "speaker": speaker, "speaker_spans": [], "kind": kind}
    text, position, cursor = [], 0, 0
    for match in MARK.finditer(marked):
        text.append(marked[cursor : match.start()])
        position += match.start() - cursor
        label, inner = match.group(1), match.group(2)
        if label[0] in "fd":
            facts[label]["spans"].append([position, position + len(inner)])
        else:
            target = quotes["q" + label[1:]]
            (target["spans"] if label[0] == "q" else target["speaker_spans"]).append([position, position + len(inner)])
        text.append(inner)
        position += len(inner)
        cursor = match.end()
    text.append(marked[cursor:])
    body = "".join(text).strip("\n")
    offset = len("".join(text)) - len("".join(text).lstrip("\n"))
    for quote in quotes.values():
        for key in ("spans", "speaker_spans"):
            quote[key] = [[s - offset, e - offset] for s, e in quote[key]]
        assert quote["spans"], f"{article_id}: a quote has no content"
    for key, fact in facts.items():
        fact["spans"] = [[s - offset, e - offset] for s, e in fact["spans"]]
        assert fact["spans"], f"{article_id}: {key} is not marked in the text"
    article = {"id": article_id, "language": language, **metadata, "text": body, "quotes": list(quotes.values())}
    if relations or facts:
        article["relations"] = relations
        article["figures"] = [fact for key, fact in facts.items() if key.startswith("f")]
        article["dates"] = [fact for key, fact in facts.items() if key.startswith("d")]
    return article


def build(source: Path, language: str) -> list[dict]:
    content = "\n".join(
        line for line in source.read_text(encoding="utf-8").splitlines() if not line.startswith("# ") and line != "#"
    )
    blocks = [block.strip("\n") for block in content.split("### ") if block.strip()]
    return [parse_article(block, language) for block in blocks]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("--language", default="fr")
    args = parser.parse_args()
    lines = [json.dumps(article, ensure_ascii=False) for article in build(args.source, args.language)]
    # A language given in an article's header wins over --language.
    args.output.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
