"""Running a suite: a failed article scores as one where nothing was found, and the rest keep their gold."""

from voxmap.evaluation import run
from voxmap.evaluation.gold import GoldArticle, GoldQuote
from voxmap.readers.common import Skip
from voxmap.records import Analysis, Quote, Span, Speaker

TEXTS = ['"We won," Ann said.', '"We lost," Bob said.', '"We tied," Cy said.']


def _gold(number, text):
    words = text.split('"')[1]
    start = text.index(words)
    speaker = text.split()[-2]
    return GoldArticle(f"g{number}", text, [GoldQuote([(start, start + len(words))], speaker=speaker, kind="direct")])


def test_a_failed_article_misses_its_quotes_and_shifts_no_other(monkeypatch):
    def analyze(articles, language="auto"):
        for number, article in enumerate(articles):
            if number == 1:
                yield Skip(article.id, "analysis failed: boom", status="failed")
                continue
            words = article.text.split('"')[1]
            start = article.text.index(words)
            name = article.text.split()[-2]
            span = Span(start, start + len(words), words)
            yield Analysis(article, [Quote("q1", "direct", [span], None, Speaker(name, "person"), 0.9)])

    monkeypatch.setattr(run, "analyze_articles", analyze)
    result = run.evaluate([_gold(n, t) for n, t in enumerate(TEXTS)], language="en")
    assert result["failed"] == 1
    assert result["all"]["recall"] == round(2 / 3, 4) and result["all"]["precision"] == 1.0
