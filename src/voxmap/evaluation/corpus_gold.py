"""Score actors and voices of an ingested corpus against a corpus-level gold
(`voxmap eval corpus GOLD --db DB`, docs/corpus-evaluation.md).

The gold is a TOML file: `[[speaker]]` tables with the person's `canonical` name, the `names` an
article writes them by (matched after normalisation: case, accents, honorifics aside) and the
`voices` acceptable for the corpus's period; `junk` lists texts that are not speakers, `places` places
that are never voices. Scored over the quotes whose speaker, as the article names them, is a gold name:
- actors: B-cubed precision and recall of the corpus actors against the gold speakers;
- voices: the share of those quotes whose voice is one of the speaker's acceptable voices;
- junk: how many of the `top` actors by quotes are junk, and how many quotes have a place as voice.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path

from ..corpus.names import normalize
from ..corpus.store.db import connect, store_errors
from ..corpus.voices import quote_speakers
from ..errors import GoldFormatError
from .clusters import bcubed

TOP = 200


def read_corpus_gold(path: Path) -> dict:
    try:
        table = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        speakers, owner = [], {}
        for entry in table["speaker"]:
            canonical = entry["canonical"]
            names = {normalize(n) for n in [canonical, *entry.get("names", [])]}
            for name in names:
                if name in owner and owner[name] != canonical:
                    raise ValueError(f"{name!r} names both {owner[name]} and {canonical}")
                owner[name] = canonical
            speakers.append(
                {
                    "canonical": canonical,
                    "voices": {normalize(v) for v in entry.get("voices", [])},
                    "gender": entry.get("gender"),
                }
            )
        return {
            "owner": owner,
            "speakers": {s["canonical"]: s for s in speakers},
            "junk": {normalize(n) for n in table.get("junk", [])},
            "places": {normalize(n) for n in table.get("places", [])},
        }
    except (OSError, KeyError, TypeError, ValueError, tomllib.TOMLDecodeError) as error:
        raise GoldFormatError(f"{path}: {error}") from error


def score_corpus(gold: dict, quotes: list[dict], top_actors: list[dict]) -> dict:
    """`quotes`: quote_id, name (as the article names the speaker), actor_id, voice;
    `top_actors`: name and quotes of the actors with the most quotes."""
    owner = gold["owner"]
    scored = [q for q in quotes if normalize(q["name"] or "") in owner]
    speaker_of = {q["quote_id"]: owner[normalize(q["name"])] for q in scored}
    actors = bcubed(speaker_of, {q["quote_id"]: q["actor_id"] for q in scored if q["actor_id"] is not None})
    right = sum(normalize(q["voice"] or "") in gold["speakers"][speaker_of[q["quote_id"]]]["voices"] for q in scored)
    wrong = Counter(
        (speaker_of[q["quote_id"]], q["voice"])
        for q in scored
        if normalize(q["voice"] or "") not in gold["speakers"][speaker_of[q["quote_id"]]]["voices"]
    )
    gendered = [q for q in scored if gold["speakers"][speaker_of[q["quote_id"]]]["gender"]]
    told = [q for q in gendered if q.get("gender")]
    gender_right = sum(q["gender"] == gold["speakers"][speaker_of[q["quote_id"]]]["gender"] for q in told)
    junk = [a["name"] for a in top_actors if normalize(a["name"]) in gold["junk"]]
    place_voices = Counter(q["voice"] for q in quotes if normalize(q["voice"] or "") in gold["places"])
    return {
        "actors": {**actors, "speakers": len(set(speaker_of.values()))},
        "voices": {
            "quotes": len(scored),
            "right": right,
            "accuracy": round(right / len(scored), 4) if scored else 0.0,
            "wrong": [{"speaker": s, "voice": v, "quotes": n} for (s, v), n in wrong.most_common(15)],
        },
        # Of the quotes whose speaker's gender the gold gives: how many got one, and how many the right one.
        "gender": {
            "quotes": len(gendered),
            "known": len(told),
            "right": gender_right,
            "coverage": round(len(told) / len(gendered), 4) if gendered else 0.0,
            "accuracy": round(gender_right / len(told), 4) if told else 0.0,
        },
        # Shares of clean results, so that the quality gate's floors read "at least": 1.0 is no junk at all.
        "junk": {
            "top": len(top_actors),
            "junk_in_top": len(junk),
            "names": junk,
            "clean_share": round(1 - len(junk) / len(top_actors), 4) if top_actors else 1.0,
            "place_voice_quotes": sum(place_voices.values()),
            "place_free_share": round(1 - sum(place_voices.values()) / len(quotes), 4) if quotes else 1.0,
            "place_voices": [{"voice": v, "quotes": n} for v, n in place_voices.most_common(10)],
        },
    }


def evaluate_corpus(gold_path: Path, db: Path, top: int = TOP) -> dict:
    gold = read_corpus_gold(gold_path)
    with store_errors(db):
        conn = connect(db, create=False)
        quotes, top_actors = quote_speakers(conn, top)
    result = score_corpus(gold, quotes, top_actors)
    result["suite"] = Path(gold_path).stem
    return result
