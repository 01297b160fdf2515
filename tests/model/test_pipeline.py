"""The pipeline: components declare what they need, models load once, the CLI speaks the contract."""

import json
import subprocess
import sys

from voxmap import analyze
from voxmap.extract.pipeline import get_pipeline


def test_components_declare_requires_and_assigns():
    nlp = get_pipeline("en")
    analysis = nlp.analyze_pipes()
    assert not any(analysis["problems"].values()), analysis["problems"]
    assert nlp.pipe_names[-4:] == ["voxmap_quotes", "voxmap_speakers", "voxmap_dates", "voxmap_facts"]


def test_model_loads_once_per_process():
    assert get_pipeline("en") is get_pipeline("en")


def test_cli_jsonl_contract_and_exit_code(tmp_path):
    (tmp_path / "a.txt").write_text("Title\n\n“We will win,” said Ann Roy.", encoding="utf-8")
    (tmp_path / "b.bin").write_bytes(b"\x00\x00binary")
    run = subprocess.run(
        [sys.executable, "-m", "voxmap.cli", "analyze", str(tmp_path), "--language", "en"],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1, run.stderr  # one of two inputs skipped
    assert "skipped" in run.stderr and "binary" in run.stderr
    (line,) = run.stdout.splitlines()
    data = json.loads(line)
    assert set(data) >= {"schema", "article", "quotes", "actors", "relations", "figures", "dates"}
    quote = data["quotes"][0]
    assert set(quote) >= {"id", "kind", "text", "spans", "cue", "speaker", "confidence", "tone"}
    assert set(quote["speaker"]) == {"name", "type", "actor", "mention"}
    assert data["article"]["title"] == "Title"


def test_cli_text_report_of_the_sample():
    run = subprocess.run(
        [sys.executable, "-m", "voxmap.cli", "analyze", "--sample", "--format", "text"], capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    assert "Yoann Marest" in run.stdout and "professor of criminal law" in run.stdout


def test_a_component_that_breaks_fails_one_article_not_the_batch(monkeypatch):
    from voxmap.api import analyze_articles
    from voxmap.extract import attribution
    from voxmap.records import make_article

    real = attribution.find_quotes

    def fragile(doc, rules):
        if "boom" in doc.text:
            raise RuntimeError("boom")
        return real(doc, rules)

    monkeypatch.setattr(attribution, "find_quotes", fragile)
    articles = [
        make_article("“We will win,” said Ann Roy."),
        make_article("boom goes the article"),
        make_article("“We lost,” said Ann Roy."),
    ]
    results = list(analyze_articles(articles, language="en"))
    assert [type(r).__name__ for r in results] == ["Analysis", "Skip", "Analysis"]
    assert results[1].status == "failed" and "boom" in results[1].reason
    assert results[2].quotes[0].text == "We lost,"


def test_a_long_text_in_windows_finds_what_the_whole_finds(monkeypatch):
    """Six copies of the sample article, analysed whole and in windows of 3,000 characters (the
    lead-in lets "he said" at a window's top find the person named above): the same quotes, with
    the same speakers, at the same offsets."""
    from voxmap.cli import sample_paths
    from voxmap.extract import windows
    from voxmap.extract.language import load_rules

    text = "\n\n".join([sample_paths()[0].read_text(encoding="utf-8")] * 6)
    whole = analyze(text, language="en")
    monkeypatch.setattr(windows, "WINDOW_CHARS", 3000)
    assert len(windows.plan_windows(text, load_rules("en").marks, 3000)) > 2
    windowed = analyze(text, language="en")

    def found(analysis):
        return [(q.kind, [(s.start, s.end) for s in q.spans], q.speaker.name) for q in analysis.quotes]

    assert found(windowed) == found(whole) and len(whole.quotes) > 10
    for quote in windowed.quotes:
        for span in quote.spans + ([quote.speaker.mention] if quote.speaker.mention else []):
            assert text[span.start : span.end] == span.text
    assert sorted(a.name for a in windowed.actors) == sorted(a.name for a in whole.actors)
