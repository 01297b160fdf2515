"""Score story grouping against hand-grouped stories (`voxmap eval stories GOLD --db DB`).

The gold is a TOML file of `[[story]]` tables, each with a `label` and the `articles` of one news
event, named by file name (without extension) or by article key. Articles of the gold that the
database lacks are counted as missing and left out of the score; the score is B-cubed precision and
recall over the others (voxmap.evaluation.clusters), with the shape of the stories in the corpus.
"""

from __future__ import annotations

import tomllib
from pathlib import Path, PurePath

from ..corpus.store.db import connect, store_errors
from ..corpus.stories import article_stories, story_shape
from ..errors import GoldFormatError
from .clusters import bcubed


def read_story_gold(path: Path) -> dict[str, str]:
    """article name -> story label."""
    try:
        table = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        gold: dict[str, str] = {}
        for number, story in enumerate(table["story"], start=1):
            label = str(story.get("label") or f"story {number}")
            for name in story["articles"]:
                if name in gold:
                    raise ValueError(f"{name} is in two stories ({gold[name]!r} and {label!r})")
                gold[name] = label
        return gold
    except (OSError, KeyError, TypeError, ValueError, tomllib.TOMLDecodeError) as error:
        raise GoldFormatError(f"{path}: {error}") from error


def _name(key: str) -> str:
    return PurePath(key.split(":", 1)[-1]).stem


def score_stories(gold: dict[str, str], stories: dict[str, int | None]) -> dict:
    by_name = {}
    for key, story in stories.items():
        by_name[key] = story
        by_name.setdefault(_name(key), story)
    present = {name: label for name, label in gold.items() if name in by_name}
    predicted = {name: by_name[name] for name in present if by_name[name] is not None}
    result = bcubed(present, predicted)
    result["gold_stories"] = len(set(gold.values()))
    result["missing"] = len(gold) - len(present)
    return result


def evaluate_stories(gold_path: Path, db: Path) -> dict:
    gold = read_story_gold(gold_path)
    with store_errors(db):
        conn = connect(db, create=False)
        result = {
            "suite": Path(gold_path).stem,
            "stories": score_stories(gold, article_stories(conn)),
            "shape": story_shape(conn),
        }
    return result
