"""Long texts: time and peak memory of `voxmap.analyze` against text size, beside bare `nlp.pipe` on
the same windows, and runs of quotation marks (16,000 against 2,000). Figures to read, not a test.

    .venv/bin/python bench/long_texts.py                 # 0.25, 0.5, 1 and 4 MB, and the mark runs
    .venv/bin/python bench/long_texts.py --sizes 1 10    # sizes in MB (10 MB takes some minutes)

Each measure runs in a fresh process, so each peak RSS is that measure's own. The text is quote-dense
news (40 quoted sentences a paragraph), the case that costs most per character.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys

NAMES = ["Ann Roy", "Paul Marchand", "Fabienne Morel", "Karim Benali", "Sarah Whitfield", "Marc Ferrand"]
VERBS = ["said", "added", "warned", "told reporters", "insisted"]
WORDS = [
    "the",
    "union",
    "will",
    "not",
    "accept",
    "cuts",
    "to",
    "police",
    "budgets",
    "and",
    "officers",
    "expect",
    "the",
    "minister",
    "to",
    "keep",
    "his",
    "promise",
    "on",
    "bonuses",
    "this",
    "year",
]


def quote_dense(chars: int, seed: int = 1) -> str:
    """Paragraphs of 40 quoted sentences, each with its cue and speaker, up to `chars` characters."""
    rng = random.Random(seed)
    paragraphs, size = [], 0
    while size < chars:
        sentences = []
        for _ in range(40):
            words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 14))).capitalize()
            sentences.append(f"“{words},” {rng.choice(VERBS)} {rng.choice(NAMES)}.")
        paragraphs.append(" ".join(sentences))
        size += len(paragraphs[-1]) + 2
    return "\n\n".join(paragraphs)[:chars]


def _measure(kind: str, arg: str) -> dict:
    """Run one measure in this file as a child process; its JSON answer."""
    out = subprocess.run([sys.executable, __file__, "--child", kind, arg], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _child(kind: str, arg: str) -> None:
    import resource
    import time
    import warnings

    warnings.simplefilter("ignore")
    import voxmap
    from voxmap.extract.language import load_rules
    from voxmap.extract.pipeline import load_model
    from voxmap.extract.windows import plan_windows

    if kind == "runs":
        mark, language = json.loads(arg)
        voxmap.analyze("Warm up, she said.", language=language)
        timings = []
        for count in (2000, 16000):
            started = time.perf_counter()
            voxmap.analyze(mark * count, language=language)
            timings.append(time.perf_counter() - started)
        print(json.dumps({"ratio": timings[1] / timings[0], "seconds": timings}))
        return
    text = quote_dense(int(float(arg) * 1_000_000))
    started = time.perf_counter()
    if kind == "voxmap":
        voxmap.analyze("Warm up, she said.", language="en")
        loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        started = time.perf_counter()
        analysis = voxmap.analyze(text, language="en")
        bad = sum(1 for q in analysis.quotes for s in q.spans if text[s.start : s.end] != s.text)
        extra = {"quotes": len(analysis.quotes), "bad_offsets": bad}
    else:  # the bare model over the same windows, one at a time
        nlp = load_model("en")
        loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        started = time.perf_counter()
        windows = plan_windows(text, load_rules("en").marks)
        for _ in nlp.pipe((text[w.lead : w.end] for w in windows), batch_size=1):
            pass
        extra = {"windows": len(windows)}
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak, "loaded_mb": loaded, **extra}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="*", default=[0.25, 0.5, 1.0, 4.0], help="text sizes in MB")
    parser.add_argument("--no-runs", action="store_true", help="skip the runs of quotation marks")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(*args.child)
        return
    print(f"{'MB':>6} {'voxmap s':>9} {'bare s':>7} {'ratio':>6} {'voxmap peak MB':>15} {'bare peak MB':>13}  quotes")
    first = None
    for size in args.sizes:
        ours, bare = _measure("voxmap", str(size)), _measure("bare", str(size))
        first = first or (size, ours)
        print(
            f"{size:>6} {ours['seconds']:>9.1f} {bare['seconds']:>7.1f} {ours['seconds'] / bare['seconds']:>6.2f} "
            f"{ours['peak_mb']:>15.0f} {bare['peak_mb']:>13.0f}  {ours['quotes']} (bad offsets {ours['bad_offsets']})",
            flush=True,
        )
        if size != first[0]:
            growth = (ours["seconds"] / first[1]["seconds"]) / (size / first[0])
            print(f"{'':>6} time per character against {first[0]} MB: {growth:.2f}x", flush=True)
    if not args.no_runs:
        print("\nruns of marks: time of 16,000 against 2,000 (linear is 8)")
        for language, marks in (("en", ["“", '"', "’", "''"]), ("fr", ["«", "»", "„"])):
            for mark in marks:
                for unit in (mark, mark + " "):
                    result = _measure("runs", json.dumps([unit, language]))
                    print(f"  {language} {unit!r:>6}: {result['ratio']:.1f}x", flush=True)


if __name__ == "__main__":
    main()
