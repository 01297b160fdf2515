"""The pipeline: components declare what they need, models load once, the CLI speaks the contract."""
import json
import subprocess
import sys

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
    run = subprocess.run([sys.executable, "-m", "voxmap.cli", "analyze", str(tmp_path), "--language", "en"],
                         capture_output=True, text=True)
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
    run = subprocess.run([sys.executable, "-m", "voxmap.cli", "analyze", "--sample", "--format", "text"],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "Yoann Maras" in run.stdout and "professor of criminal law" in run.stdout


def test_a_component_that_breaks_fails_one_article_not_the_batch(monkeypatch):
    from voxmap.extract import attribution
    from voxmap.api import analyze_articles
    from voxmap.records import make_article

    real = attribution.find_quotes

    def fragile(doc, rules):
        if "boom" in doc.text:
            raise RuntimeError("boom")
        return real(doc, rules)

    monkeypatch.setattr(attribution, "find_quotes", fragile)
    articles = [make_article("“We will win,” said Ann Roy."), make_article("boom goes the article"),
                make_article("“We lost,” said Ann Roy.")]
    results = list(analyze_articles(articles, language="en"))
    assert [type(r).__name__ for r in results] == ["Analysis", "Skip", "Analysis"]
    assert results[1].status == "failed" and "boom" in results[1].reason
    assert results[2].quotes[0].text == "We lost,"
