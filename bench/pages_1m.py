"""Dashboard pages on a synthetic database of 1M quotes: p50/p95 of each page, in-process.

    .venv/bin/python bench/pages_1m.py [--quotes 1000000] [--db /tmp/voxmap-pages-1m.db] [--rounds 30]
    .venv/bin/python bench/pages_1m.py --db polnear.db --target 300   # any existing store, e.g. PolNeAR train+dev

The database is built once through the store's own writer (articles, actors, quotes with spans and
mentions, relations, full-text index), then actors, stories' voices and summaries are computed as an
ingest does; later runs reuse it. Each page is requested `rounds` times on varied ids and queries
(HTML and JSON alike) through the app with Starlette's TestClient, so the time includes routing,
SQL and template rendering. Target: every page's p95 under 200 ms (--target).
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
import warnings
from pathlib import Path

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # Starlette's notice that its TestClient will move to httpx2
    from fastapi.testclient import TestClient

from voxmap.corpus.store import connect
from voxmap.corpus.store.writer import save_analysis
from voxmap.records import Actor, Analysis, Quote, Relation, Span, Speaker, make_article
from voxmap.web import create_app

QUOTES_PER_ARTICLE = 20
ARTICLES_PER_STORY = 10


# Speakers: `people` distinct people, first name and surname (each surname shared by 40 of them, as
# in real news), written in full or, one time in seven, as a bare "Mr./Ms." surname.
FIRST_NAMES = [
    "Anna",
    "Paul",
    "Maria",
    "John",
    "Sofia",
    "David",
    "Laura",
    "Peter",
    "Emma",
    "Mark",
    "Julia",
    "Thomas",
    "Clara",
    "Daniel",
    "Nina",
    "Simon",
    "Alice",
    "Victor",
    "Ines",
    "Hugo",
    "Marta",
    "Louis",
    "Elena",
    "Oscar",
    "Rosa",
    "Felix",
    "Lena",
    "Adam",
    "Mila",
    "Leo",
    "Sara",
    "Ivan",
    "Nora",
    "Karl",
    "Eva",
    "Tom",
    "Lisa",
    "Jan",
    "Ida",
    "Max",
]


def _person(number: int, rng: random.Random) -> str:
    first = FIRST_NAMES[number % len(FIRST_NAMES)]
    rest = number // len(FIRST_NAMES)
    surname = ("Bar", "Kol", "Mer", "Tov", "Lan")[rest % 5] + "aeiou"[rest // 5 % 5]
    surname += ("nsky", "dine", "vell", "ton", "rez", "mark", "lin", "gard")[rest // 25 % 8]
    if rng.random() < 1 / 7:
        return f"{'Ms.' if FIRST_NAMES.index(first) % 2 == 0 else 'Mr.'} {surname}"
    return f"{first} {surname}"


def _vocabulary(rng: random.Random) -> list[str]:
    syllables = ["ba", "ko", "ri", "ste", "mon", "lu", "dar", "gre", "vi", "po", "sen", "tal", "ex", "nor"]
    return sorted({"".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(3000)})


def _article(n: int, rng: random.Random, words: list[str], weights: list[float], people: int, outlets: list[str]):
    """One synthetic article: QUOTES_PER_ARTICLE quotes, each “…,” said <speaker>, with its actors."""
    day = rng.randrange(365)
    published = f"2024-{1 + day // 31:02d}-{1 + day % 28:02d}T{rng.randrange(24):02d}:{rng.randrange(60):02d}:00"
    text, placed = "", []  # (quote start, quote end, mention start, mention end, actor key)
    for q in range(QUOTES_PER_ARTICLE):
        body = " ".join(rng.choices(words, weights, k=rng.randint(8, 20))).capitalize()
        anonymous = rng.random() < 0.1
        name = "a source close to the file" if anonymous else _person(rng.randrange(people), rng)
        mention = len(text) + len(f"“{body},” said ")
        placed.append(
            (len(text) + 1, len(text) + 1 + len(body), mention, mention + len(name), f"anon{q}" if anonymous else name)
        )
        text += f"“{body},” said {name}. "
    article = make_article(
        text,
        id=f"art{n}",
        title=f"Article {n}",
        source=rng.choice(outlets),
        published=published,
        story=f"story{n // ARTICLES_PER_STORY}",
        language="en",
    )
    actors: dict[str, Actor] = {}
    quotes = []
    for q, (start, end, m_start, m_end, key) in enumerate(placed):
        mention = Span.of(text, m_start, m_end)
        kind = "anonymous" if key.startswith("anon") else "person"
        actor = actors.setdefault(key, Actor(f"a{len(actors) + 1}", mention.text, kind))
        actor.mentions.append(mention)
        quotes.append(
            Quote(
                f"q{q + 1}",
                "direct",
                [Span.of(text, start, end)],
                Span.of(text, end + 3, end + 7),
                Speaker(mention.text, kind, actor.id, mention),
                0.9,
                {"score": rng.uniform(-1, 1), "intensity": 0.5, "method": "vader"},
                "bench",
            )
        )
    people_here = [a for a in actors.values() if a.type == "person"]
    relations = (
        [Relation(people_here[0].id, "met", people_here[1].id, Span.of(text, 0, min(len(text), 60)), 0.8)]
        if len(people_here) >= 2
        else []
    )
    return Analysis(article=article, quotes=quotes, actors=list(actors.values()), relations=relations)


def build(db: Path, quotes: int, seed: int = 11) -> None:
    from voxmap.corpus.aliases import Aliases
    from voxmap.corpus.rebuild import rebuild

    rng = random.Random(seed)
    words = _vocabulary(rng)
    weights = [1 / (rank + 1) for rank in range(len(words))]  # Zipf-like: some words are in many quotes
    outlets = [f"Outlet {i}" for i in range(20)]
    conn = connect(db)
    conn.execute("BEGIN")
    for n in range(quotes // QUOTES_PER_ARTICLE):
        save_analysis(conn, _article(n, rng, words, weights, people=5000, outlets=outlets))
        if n % 1000 == 999:
            conn.execute("COMMIT")
            conn.execute("BEGIN")
            print(f"  {n + 1} articles", flush=True)
    conn.execute("COMMIT")
    rebuild(conn, Aliases(), until="summaries")  # echoes have their own benchmark (bench/echoes_1m.py)
    conn.execute("ANALYZE")
    conn.close()


def _common_words(conn, count: int = 20) -> list[str]:
    """The words in the most quotes: the slowest searches (every match is ranked)."""
    counted: dict[str, int] = {}
    for (text,) in conn.execute("SELECT text FROM quotes LIMIT 20000"):
        for word in set(text.lower().replace(",", " ").split()):
            counted[word] = counted.get(word, 0) + 1
    return sorted(counted, key=counted.get, reverse=True)[:count]


def _timed(client: TestClient, path: str) -> float:
    started = time.perf_counter()
    response = client.get(path)
    elapsed = time.perf_counter() - started
    if response.status_code != 200:
        raise SystemExit(f"{path}: {response.status_code} {response.text[:300]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quotes", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=Path("/tmp/voxmap-pages-1m.db"))
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--target", type=float, default=200, help="the p95 every page must stay under (ms)")
    args = parser.parse_args()
    if not args.db.exists():
        started = time.perf_counter()
        build(args.db, args.quotes)
        print(f"built {args.db} in {time.perf_counter() - started:.0f} s")
    conn = connect(args.db)
    rng = random.Random(3)
    actors = [
        row[0]
        for row in conn.execute(
            "SELECT actor_id FROM voice_totals WHERE grouping = 'all' AND actor_id "
            "IS NOT NULL GROUP BY actor_id ORDER BY sum(quotes) DESC LIMIT 200"
        )
    ]
    stories = [row[0] for row in conn.execute("SELECT id FROM stories ORDER BY random() LIMIT 200")]
    articles = [row[0] for row in conn.execute("SELECT id FROM articles ORDER BY random() LIMIT 200")]
    quotes = [row[0] for row in conn.execute("SELECT quote_id FROM voices ORDER BY random() LIMIT 200")]
    common = _common_words(conn)
    outlets = [row[0] for row in conn.execute("SELECT DISTINCT source FROM articles LIMIT 20")]
    voices = [
        row[0]
        for row in conn.execute(
            "SELECT voice FROM voice_totals WHERE grouping = 'all' AND voice IS NOT NULL GROUP BY voice "
            "ORDER BY sum(quotes) DESC LIMIT 20"
        )
    ]
    span = conn.execute("SELECT min(published), max(published) FROM articles").fetchone()
    total = conn.execute("SELECT count(*) FROM voices").fetchone()[0]
    conn.close()
    client = TestClient(create_app(args.db))
    pages = {
        "overview": lambda i: "/" if i % 2 else "/.json",
        "actor (top 200)": lambda i: f"/actors/{actors[i % len(actors)]}" + (".json" if i % 2 else ""),
        "stories list": lambda i: "/stories" if i % 3 else f"/stories?q=story+{i}&page=1",
        "story": lambda i: f"/stories/{rng.choice(stories)}",
        "article": lambda i: f"/articles/{rng.choice(articles)}",
        "quote": lambda i: f"/quotes/{rng.choice(quotes)}.json",
        "search: common word": lambda i: f"/search?q={common[i % len(common)]}",
        "search: two words": lambda i: f"/search?q={common[i % len(common)]}+{common[(i + 3) % len(common)]}",
        "search: words + outlet + dates": lambda i: (
            f"/search?q={common[i % len(common)]}&outlet={rng.choice(outlets)}&since=2024-03-01&until=2024-05-31"
        ),
        "search: filters only": lambda i: f"/search?outlet={rng.choice(outlets)}&since=2024-06-01",
        "network": lambda i: "/network" if i % 2 else "/network.json",
        "edge evidence": lambda i: f"/network/edges/{actors[i % len(actors)]}-{actors[(i + 1) % len(actors)]}",
        "trends": lambda i: "/trends" if i % 2 else "/trends.json?period=month",
        "trends: outlet + voice + tone change": lambda i: (
            f"/trends?outlet={rng.choice(outlets)}&voice={voices[i % len(voices)]}"
            f"&change_voice={voices[i % len(voices)]}&change_at={span[0][:7]}-15"
        ),
        "trends.csv": lambda i: "/trends.csv",
        "first voices + head-to-head": lambda i: (
            f"/first?a={voices[i % len(voices)]}&b={voices[(i + 1) % len(voices)]}" if i % 2 else "/first.json"
        ),
        "actors index": lambda i: "/actors" if i % 2 else f"/actors.csv?sort=last_seen&outlet={rng.choice(outlets)}",
        "voices index": lambda i: "/voices" if i % 2 else "/voices.json?sort=name",
        "stories.csv": lambda i: "/stories.csv",
    }
    results = {}
    for name, path in pages.items():
        _timed(client, path(0))  # warm the page cache once
        times = sorted(_timed(client, path(i)) * 1000 for i in range(args.rounds))
        results[name] = {
            "p50_ms": round(statistics.median(times), 1),
            "p95_ms": round(times[max(0, int(0.95 * len(times)) - 1)], 1),
            "max_ms": round(times[-1], 1),
        }
    worst = max(r["p95_ms"] for r in results.values())
    target = args.target
    print(
        json.dumps(
            {
                "quotes": total,
                "rounds": args.rounds,
                "pages": results,
                "worst_p95_ms": worst,
                "target_p95_ms": target,
                "ok": worst < target,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
