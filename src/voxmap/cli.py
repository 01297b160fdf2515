"""Command line: parses arguments, calls one library function, renders what it returns."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from contextlib import closing, contextmanager
from importlib import resources
from pathlib import Path

from .errors import VoxmapError
from .outcome import EXIT_OK, EXIT_SOME_FAILED, exit_code

DEFAULT_POLNEAR = "../shared/data/polnear"
EXIT_USAGE = 2  # as argparse's own usage errors
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: what a shell reports for a Unix tool whose reader went away


class UsageError(Exception):
    """Arguments that parse but do not fit together: one line on stderr, exit 2."""


def sample_paths() -> list[Path]:
    folder = resources.files("voxmap") / "samples"
    return sorted(Path(str(entry)) for entry in folder.iterdir() if entry.name.endswith((".txt", ".jsonl", ".html")))


def _analyze(args: argparse.Namespace) -> int:
    from rich.console import Console

    from .readers import Skip
    from .render.analysis import print_report

    paths = list(args.paths) + (sample_paths() if args.sample else [])
    if not paths:
        raise UsageError("voxmap analyze: give at least one PATH (or --sample).")
    if args.format == "parquet":
        return _analyze_to_dataset(args, paths)
    if args.output:
        raise UsageError("voxmap analyze: -o is for --format parquet (the other formats print to standard output).")
    console = Console(highlight=False)
    ok = failed = 0
    results = []
    with _results(args, paths) as stream:
        for result in stream:
            if isinstance(result, Skip):
                failed += 1
                print(f"skipped {result}", file=sys.stderr)
                continue
            ok += 1
            if args.format == "jsonl":
                sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
            elif args.format == "json":
                results.append(result.to_dict())
            else:
                print_report(result, console)
    if args.format == "json":
        payload = results[0] if len(results) == 1 else results
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    return exit_code(ok, failed)


@contextmanager
def _results(args: argparse.Namespace, paths: list):
    """The analyses: here in input order, or from the Dask cluster as partitions complete."""
    if not args.dask:
        from .api import analyze_paths

        yield analyze_paths(paths, language=args.language)
        return
    from .corpus.cluster import analyses_on_cluster, open_cluster
    from .readers import read_paths

    with open_cluster(args.dask) as client:
        yield analyses_on_cluster(client, read_paths(paths), language=args.language)


def _analyze_to_dataset(args: argparse.Namespace, paths: list) -> int:
    from rich.progress import Progress

    from .corpus.cluster import open_cluster, write_dataset
    from .readers import read_paths

    if not args.output:
        raise UsageError("voxmap analyze: --format parquet writes a dataset folder: give -o DIR.")
    with open_cluster(args.dask or "local:1") as client, Progress(transient=True) as progress:
        task = progress.add_task("analyse (partitions)", total=None)
        report = write_dataset(
            client,
            read_paths(paths),
            args.output,
            language=args.language,
            progress=lambda r: progress.update(task, completed=r.parts_written + len(r.failures)),
        )
    for failure in report.failures:
        print(f"failed partition {failure.number} ({len(failure.inputs)} inputs): {failure.reason}", file=sys.stderr)
    print(
        f"{report.articles} articles in {report.parts_written} new parts ({report.parts_already_done} already "
        f"written), {report.skipped} inputs skipped, {len(report.failures)} partitions failed: {args.output}",
        file=sys.stderr,
    )
    return exit_code(report.articles, report.skipped + sum(len(f.inputs) for f in report.failures))


def _eval(args: argparse.Namespace) -> int:
    from .evaluation import gate, run
    from .render.scores import print_clusters, print_facts, print_scores

    if args.suite == "polnear":
        print_scores(run.evaluate_polnear(Path(args.data), args.split), args.json)
        return EXIT_OK
    if args.suite == "gold":
        print_scores(run.evaluate_gold_file(Path(args.file), args.language), args.json)
        return EXIT_OK
    if args.suite == "facts":
        from .evaluation.facts import evaluate_facts_file

        print_facts(evaluate_facts_file(Path(args.file)), args.json)
        return EXIT_OK
    if args.suite == "corpus":
        from .evaluation.corpus_gold import evaluate_corpus

        print_clusters(evaluate_corpus(Path(args.gold), Path(args.db)), args.json)
        return EXIT_OK
    if args.suite == "stories":
        from .evaluation.stories import evaluate_stories

        print_clusters(evaluate_stories(Path(args.gold), Path(args.db)), args.json)
        return EXIT_OK
    if args.suite == "echoes":
        from .evaluation.echo_judgments import evaluate_echo_judgments

        print_clusters(evaluate_echo_judgments(Path(args.gold), Path(args.db)), args.json)
        return EXIT_OK
    outcome = gate.check(Path(args.data), update=args.update, allow_lower=args.allow_lower)
    print(gate.format_outcome(outcome))
    return EXIT_OK if outcome["passed"] else EXIT_SOME_FAILED


def _ingest(args: argparse.Namespace) -> int:
    if bool(args.paths) == bool(args.from_parquet):
        raise UsageError("voxmap ingest: give PATHS to analyse, or --from-parquet DIR (analysed before), not both.")
    if args.watch:
        return _watch(args)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from .corpus.ingest import ingest

    columns = [
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]:.1f} articles/s"),
        TextColumn("{task.fields[bad]} skipped/failed"),
        TimeElapsedColumn(),
    ]
    with Progress(*columns, transient=False, disable=args.quiet) as progress:
        task = progress.add_task("ingest", total=None, rate=0.0, bad=0)
        started = [None]

        def update(report) -> None:
            import time

            started[0] = started[0] or time.monotonic()
            done = report.ok + report.unchanged + report.skipped + report.failed
            elapsed = max(time.monotonic() - started[0], 1e-6)
            progress.update(task, completed=done, rate=done / elapsed, bad=report.skipped + report.failed)

        report = ingest(
            args.paths,
            args.db,
            dask=args.dask,
            from_parquet=args.from_parquet,
            progress=update,
            **_ingest_options(args),
        )
    for problem in report.problems:
        print(problem, file=sys.stderr)
    duplicates = f", {report.duplicates} duplicate(s)" if report.duplicates else ""
    print(
        f"{report.ok} analysed, {report.unchanged} unchanged{duplicates}, {report.skipped} skipped, "
        f"{report.failed} failed; {report.actors} actors, {report.stories} stories in {args.db}",
        file=sys.stderr,
    )
    return report.exit_code


def _resolve(args: argparse.Namespace) -> int:
    from .corpus.rebuild import rebuild_store

    rebuilt = rebuild_store(args.db, args.aliases, args.beliefs, args.count_syndicated, args.knowledge, full=args.full)
    linked = rebuilt.linked or {}
    known = (
        f"; {linked['linked']} linked to the knowledge file, {linked['ambiguous']} ambiguous"
        if linked.get("linked") or linked.get("ambiguous")
        else ""
    )
    print(f"{rebuilt.actors} actors{known}", file=sys.stderr)
    return EXIT_OK


def _ingest_options(args: argparse.Namespace) -> dict:
    """The options `voxmap ingest` and its --watch rounds pass to the library's ingest."""
    from .corpus.stories import StoryOptions

    return {
        "workers": args.workers,
        "language": args.language,
        "metadata": args.metadata,
        "aliases": args.aliases,
        "stories": StoryOptions(args.story_window, args.story_threshold),
        "refetch": args.refetch,
        "knowledge": args.knowledge,
    }


def _watch(args: argparse.Namespace) -> int:
    from .corpus.watch import watch

    def said(round_number, report) -> None:
        for problem in report.problems:
            print(problem, file=sys.stderr)
        print(
            f"round {round_number}: {report.ok} analysed, {report.unchanged} unchanged, {report.skipped} skipped, "
            f"{report.failed} failed; {report.actors} actors, {report.stories} stories in {args.db}",
            file=sys.stderr,
        )

    print(f"watching {', '.join(map(str, args.paths))} every {args.every:g} s (Ctrl-C stops)", file=sys.stderr)
    try:
        watch(args.paths, args.db, every=args.every, on_round=said, **_ingest_options(args))
    except KeyboardInterrupt:
        print("stopped: what was committed stays; the next run rebuilds what this one could not", file=sys.stderr)
    return EXIT_OK


def _remove(args: argparse.Namespace) -> int:
    from .corpus.remove import remove_articles, selected
    from .corpus.store.db import connect, store_errors

    with store_errors(args.db), closing(connect(args.db, create=False)) as conn:
        chosen = selected(conn, tuple(args.ids), args.source, args.before)
        if args.dry_run:
            print("\n".join(chosen))
            print(f"{len(chosen)} articles would be removed from {args.db}", file=sys.stderr)
            return EXIT_OK
        removed = remove_articles(conn, chosen)
    print(f"{removed} articles removed from {args.db}; the corpus was rebuilt from the others", file=sys.stderr)
    return EXIT_OK


def _knowledge_import(args: argparse.Namespace) -> int:
    from .knowledge.base import write_knowledge
    from .knowledge.importers import import_sources

    count = write_knowledge(import_sources(args.sources), args.output)
    print(f"{count} entries written to {args.output}", file=sys.stderr)
    return EXIT_OK


def _report(args: argparse.Namespace) -> int:
    from .corpus.measures import Period
    from .corpus.report import report
    from .corpus.store.db import connect, store_errors
    from .render.corpus import print_report, report_csv

    with store_errors(args.db), closing(connect(args.db, create=False)) as conn:
        top = args.top or (10**9 if args.format == "csv" else 50)
        data = report(conn, by=args.by, window=Period(args.since, args.until), limit=top)
    if args.format == "json":
        print(json.dumps(data, ensure_ascii=False, indent=2))
    elif args.format == "csv":
        sys.stdout.write(("\ufeff" if args.excel else "") + report_csv(data))
    else:
        print_report(data, width=args.width)
    return EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from .web import bound_socket, create_app, missing_assets

    app = create_app(args.db, review_mode=args.review, openapi=args.openapi)
    listening = bound_socket(args.host, args.port)  # bound before the address is announced
    missing = missing_assets()
    if missing:
        print(
            f"warning: front-end libraries missing ({', '.join(missing)}): run `make venv`; "
            "charts and the network will not show",
            file=sys.stderr,
        )
    print(
        f"voxmap dashboard on http://{args.host}:{args.port}/" + (" (review mode)" if args.review else ""),
        file=sys.stderr,
    )
    if args.review and args.host not in ("127.0.0.1", "localhost", "::1"):
        print(
            "warning: review mode has no login: anyone who reaches this address can change the corrections",
            file=sys.stderr,
        )
    uvicorn.Server(uvicorn.Config(app, log_level="warning")).run(sockets=[listening])
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from .corpus.exports import COUNTED, export
    from .corpus.measures import Period
    from .corpus.store.db import connect, store_errors

    with store_errors(args.db), closing(connect(args.db, create=False)) as conn:
        count = export(
            conn,
            args.format,
            args.output,
            Period(args.since, args.until),
            top_edges=args.top_edges,
            min_weight=args.min_weight,
            excel=args.excel,
        )
    print(
        f"{count} {COUNTED[args.format]} written to {'standard output' if args.output == '-' else args.output}",
        file=sys.stderr,
    )
    return EXIT_OK


def positive(value: str) -> int:
    """A whole number of at least 1 (argparse turns the ValueError into a usage error)."""
    try:
        number = int(value)
        if number < 1:
            raise ValueError
        return number
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {value!r}") from None


def iso_date(value: str) -> str:
    """A calendar date written YYYY-MM-DD (argparse turns the error into a usage error)."""
    from .corpus.trends import checked_date
    from .errors import InvalidFilter

    try:
        checked = checked_date(value, "date")
    except InvalidFilter:
        checked = None
    if checked is None:  # an empty value is no date either
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {value!r}")
    return checked


def _window_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--since", type=iso_date, help="only articles published on or after this date (YYYY-MM-DD)")
    parser.add_argument("--until", type=iso_date, help="only articles published on or before this date (YYYY-MM-DD)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="voxmap", description="Who speaks in the news, for whom, and first.")
    commands = parser.add_subparsers(dest="command", required=True)

    analyze = commands.add_parser("analyze", help="find quotes, speakers and roles in articles")
    analyze.add_argument(
        "paths",
        nargs="*",
        help="files, folders (recursed) or http(s) addresses: .txt .html .jsonl .csv .warc .docx (Nexis), "
        "Europresse exports, RSS/Atom feeds, a .txt of URLs one a line",
    )
    analyze.add_argument(
        "--format",
        choices=("jsonl", "json", "text", "parquet"),
        default="jsonl",
        help="jsonl: one voxmap.analysis/1 object per line; json: indented (a list if several); "
        "text: a report grouped by speaker; parquet: a dataset folder (-o DIR, docs/scaling.md)",
    )
    analyze.add_argument(
        "-o", "--output", help="with --format parquet: the dataset folder (re-runs skip written parts)"
    )
    analyze.add_argument(
        "--dask",
        metavar="ADDRESS",
        help="analyse on a Dask cluster: tcp://HOST:8786 (a running scheduler) or local:N workers",
    )
    analyze.add_argument(
        "--language",
        choices=("auto", "en", "fr"),
        default="auto",
        help="language of the articles (auto: detected per article)",
    )
    analyze.add_argument("--sample", action="store_true", help="also analyse the sample article bundled with voxmap")
    analyze.set_defaults(handler=_analyze)

    ingest = commands.add_parser("ingest", help="analyse a corpus into a SQLite database")
    ingest.add_argument(
        "paths",
        nargs="*",
        help="files, folders or http(s) addresses: .txt .html .jsonl .csv .tsv .warc(.gz) .docx (Nexis), "
        "Europresse exports, RSS/Atom feeds, a .txt of URLs one a line",
    )
    ingest.add_argument(
        "--refetch", action="store_true", help="fetch the pages of feeds and addresses again (kept in the store)"
    )
    ingest.add_argument(
        "--knowledge", metavar="KB", help="a knowledge file (kb.jsonl) to link actors to (kept in the store)"
    )
    ingest.add_argument(
        "--watch", action="store_true", help="keep watching PATHS: ingest new and changed files every --every seconds"
    )
    ingest.add_argument(
        "--every", type=float, default=60.0, metavar="SECONDS", help="with --watch: seconds between rounds"
    )
    ingest.add_argument(
        "--dask", metavar="ADDRESS", help="analyse on a Dask cluster (tcp://HOST:8786 or local:N); this process stores"
    )
    ingest.add_argument(
        "--from-parquet",
        metavar="DIR",
        help="store a dataset `voxmap analyze --format parquet` wrote, without analysing again",
    )
    ingest.add_argument("--db", required=True, help="the database file (created if missing)")
    ingest.add_argument("--workers", type=int, default=1, help="processes for the analysis (nlp.pipe n_process)")
    ingest.add_argument("--language", choices=("auto", "en", "fr"), default="auto", help="language of the articles")
    ingest.add_argument("--metadata", help="a sidecar CSV/TSV with filename, title, source, published, url columns")
    ingest.add_argument("--aliases", help="a TOML alias file: forced merges, splits, canonical names")
    ingest.add_argument("--story-window", type=int, default=4, help="days a story stays open to new articles")
    ingest.add_argument(
        "--story-threshold", type=float, default=0.10, help="TF-IDF cosine similarity an article needs to join a story"
    )
    ingest.add_argument("--quiet", action="store_true", help="no progress bar")
    ingest.set_defaults(handler=_ingest)

    resolve = commands.add_parser("resolve", help="re-apply actor merging (after editing the alias file)")
    resolve.add_argument("--db", required=True, help="the database file")
    resolve.add_argument("--aliases", help="a TOML alias file: forced merges, splits, canonical names")
    resolve.add_argument(
        "--beliefs",
        choices=("exclude", "include"),
        help="count thoughts and what documents show (kinds belief, evidence) in the measures "
        "of who speaks (default: exclude; remembered)",
    )
    resolve.add_argument(
        "--count-syndicated",
        choices=("once", "per-outlet"),
        help="wire copies (one dispatch in several outlets): count their quotes once, in the first "
        "publication, or once per outlet (default: once; remembered)",
    )
    resolve.add_argument(
        "--knowledge", metavar="KB", help="a knowledge file (kb.jsonl) to link actors to (replaces the one kept)"
    )
    resolve.add_argument(
        "--full",
        action="store_true",
        help="recompute every corpus table from the articles up, ignoring what the stages kept "
        "(the reference an incremental ingest equals)",
    )
    resolve.set_defaults(handler=_resolve)

    remove = commands.add_parser("remove", help="remove articles (by id, outlet or date) and rebuild the corpus")
    remove.add_argument("ids", nargs="*", help="article ids or input keys")
    remove.add_argument("--db", required=True, help="the database file")
    remove.add_argument("--source", help="the articles of this outlet (with --before: those published before it)")
    remove.add_argument("--before", type=iso_date, help="the articles published before this date (YYYY-MM-DD)")
    remove.add_argument("--dry-run", action="store_true", help="list what would be removed, change nothing")
    remove.set_defaults(handler=_remove)

    knowledge = commands.add_parser("knowledge", help="knowledge of actors: dated facts, Wikidata ids, gender")
    knowledge_commands = knowledge.add_subparsers(dest="knowledge_command", required=True, help="what to do")
    importer = knowledge_commands.add_parser(
        "import", help="write a knowledge file from congress-legislators YAML, Wikidata entity JSON or a CSV"
    )
    importer.add_argument(
        "sources", nargs="+", help="a congress-legislators folder or .yaml, a .csv, a Wikidata .json(.bz2)"
    )
    importer.add_argument("-o", "--output", required=True, help="the knowledge file to write (kb.jsonl)")
    importer.set_defaults(handler=_knowledge_import)

    report = commands.add_parser("report", help="share of voice, first voice, anonymity, tone, networks")
    report.add_argument("--db", required=True, help="the database file")
    report.add_argument("--format", choices=("text", "json", "csv"), default="text", help="how to print the report")
    report.add_argument("--by", choices=("outlet", "month", "story", "language"), help="group the shares by")
    report.add_argument(
        "--top", type=positive, metavar="N", help="share of voice: the top N per group (default 50; csv: all)"
    )
    report.add_argument("--width", type=positive, help="text: the line width (default: the terminal's, or 160)")
    report.add_argument(
        "--excel", action="store_true", help="csv: write a UTF-8 byte-order mark, which Excel needs to show accents"
    )
    _window_options(report)
    report.set_defaults(handler=_report)

    export = commands.add_parser("export", help="quotes, networks and entities for other tools")
    export.add_argument("--db", required=True, help="the database file")
    export.add_argument(
        "--format",
        required=True,
        choices=("jsonl", "csv", "parquet", "gexf", "graphml", "ftm", "gold"),
        help="jsonl/csv/parquet: quotes as reviewed; gexf (Gephi, time-stamped)/graphml: actor network; "
        "ftm: FollowTheMoney entities for Aleph (optional extra); gold: the reviewed articles "
        "in the gold format `voxmap eval gold` scores",
    )
    export.add_argument(
        "-o", "--output", required=True, help="the file to write (- for standard output); written whole or not at all"
    )
    export.add_argument(
        "--top-edges", type=positive, metavar="K", help="gexf/graphml: keep each actor's K strongest co-quotation edges"
    )
    export.add_argument(
        "--min-weight",
        type=positive,
        default=1,
        metavar="W",
        help="gexf/graphml: keep co-quotation edges of weight W or more (stories plus articles shared)",
    )
    export.add_argument(
        "--excel", action="store_true", help="csv: write a UTF-8 byte-order mark, which Excel needs to show accents"
    )
    _window_options(export)
    export.set_defaults(handler=_export)

    serve = commands.add_parser(
        "serve", help="the dashboard: browse voices, stories and evidence; review with --review"
    )
    serve.add_argument("--db", required=True, help="the database file (made by `voxmap ingest`)")
    serve.add_argument("--host", default="127.0.0.1", help="the address to listen on (default: this machine only)")
    serve.add_argument("--port", type=int, default=8008, help="the port to listen on (default 8008)")
    serve.add_argument("--review", action="store_true", help="allow corrections (accept, reject, fix, merge, split)")
    serve.add_argument(
        "--openapi", action="store_true", help="serve the OpenAPI schema of the JSON twins at /openapi.json"
    )
    serve.set_defaults(handler=_serve)

    evaluate = commands.add_parser("eval", help="score voxmap against gold annotations")
    suites = evaluate.add_subparsers(dest="suite", required=True)
    polnear = suites.add_parser("polnear", help="PolNeAR brat files (train or dev split)")
    polnear.add_argument("--data", default=DEFAULT_POLNEAR, help="folder holding PolNeAR's train/ and dev/")
    polnear.add_argument("--split", choices=("dev", "train"), default="dev", help="which split to score")
    polnear.add_argument("--json", action="store_true", help="print the scores as JSON")
    gold = suites.add_parser("gold", help="a gold file in voxmap's JSONL format (docs/gold-format.md)")
    gold.add_argument("file", help="the gold JSONL file")
    gold.add_argument("--language", choices=("auto", "en", "fr"), default="auto", help="language of its articles")
    gold.add_argument("--json", action="store_true", help="print the scores as JSON")
    facts = suites.add_parser("facts", help="relations, figures and dates of a gold JSONL file")
    facts.add_argument("file", help="the gold JSONL file (tests/gold/facts.jsonl is voxmap's own)")
    facts.add_argument("--json", action="store_true", help="print the scores as JSON")
    stories = suites.add_parser("stories", help="story grouping against hand-grouped stories (B-cubed)")
    stories.add_argument("gold", help="a TOML file of [[story]] tables (tests/gold/polnear_stories.toml)")
    stories.add_argument("--db", required=True, help="the database the stories were grouped in")
    stories.add_argument("--json", action="store_true", help="print the scores as JSON")
    echo_suite = suites.add_parser("echoes", help="the echoes a corpus lists against echoes judged by hand")
    echo_suite.add_argument("gold", help="a TOML file of [[echo]] tables (tests/gold/polnear_echoes.toml)")
    echo_suite.add_argument("--db", required=True, help="the database of the ingested corpus")
    echo_suite.add_argument("--json", action="store_true", help="print the scores as JSON")
    corpus = suites.add_parser("corpus", help="actors (B-cubed), voices and junk speakers against a corpus gold")
    corpus.add_argument("gold", help="a TOML file of [[speaker]] tables (tests/gold/polnear_corpus.toml)")
    corpus.add_argument("--db", required=True, help="the database of the ingested corpus")
    corpus.add_argument("--json", action="store_true", help="print the scores as JSON")
    gate_parser = suites.add_parser("gate", help="check every suite against the floors in quality/baseline.json")
    gate_parser.add_argument("--data", default=DEFAULT_POLNEAR, help="folder holding PolNeAR")
    gate_parser.add_argument("--update", action="store_true", help="raise the floors to the measured figures")
    gate_parser.add_argument("--allow-lower", action="store_true", help="with --update, also lower floors")
    evaluate.set_defaults(handler=_eval)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except UsageError as error:
        print(error, file=sys.stderr)
        return EXIT_USAGE
    except VoxmapError as error:
        print(f"voxmap: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader of standard output went away ("voxmap export -o - | head"): stop quietly, as Unix
        # tools do, and keep Python from complaining again when it flushes at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE


if __name__ == "__main__":
    raise SystemExit(main())
