"""PolNeAR train+dev added in batches of 100 in shuffled order (a batch replacing articles with a new
date, one removing some, a reviewer's correction in between) holds after every batch the corpus
tables the full rebuild computes from the same articles: real text for the incremental stages."""

import dataclasses
import random

import pytest
from helpers import assert_same_corpus, corpus_state, full_rebuild_of

from voxmap.api import analyze_articles
from voxmap.corpus.rebuild import rebuild
from voxmap.corpus.remove import remove_articles
from voxmap.corpus.review import correct_quote
from voxmap.corpus.store import connect
from voxmap.corpus.store.writer import save_analysis
from voxmap.readers import read_paths
from voxmap.records import Analysis

BATCH = 100


@pytest.fixture(scope="module")
def analyses(polnear):
    folders = [polnear / split / "text" for split in ("train", "dev")]
    found = [a for a in analyze_articles(read_paths(folders, polnear / "metadata.tsv"), language="en", n_process=2)]
    return [a for a in found if isinstance(a, Analysis)]


def _store(conn, batch):
    with conn:
        conn.execute("BEGIN")
        for analysis in batch:
            save_analysis(conn, analysis)
    rebuild(conn)


def _redated(analysis: Analysis) -> Analysis:
    """The same article, published a day later (its content hash changes: it is replaced)."""
    published = analysis.article.published or "2016-06-01"
    later = f"{published[:8]}{min(int(published[8:10]) + 1, 28):02d}{published[10:]}"
    return dataclasses.replace(analysis, article=dataclasses.replace(analysis.article, published=later))


def test_polnear_added_in_batches_equals_its_full_rebuild(analyses, tmp_path):
    order = list(analyses)
    random.Random(7).shuffle(order)
    conn = connect(tmp_path / "polnear.db")
    try:
        for n, start in enumerate(range(0, len(order), BATCH)):
            _store(conn, order[start : start + BATCH])
            if n == 2:  # some stored articles come again, a day later
                _store(conn, [_redated(a) for a in order[: BATCH // 4]])
            if n == 4:  # an outlet retracts some articles
                remove_articles(conn, [a.article.id for a in order[BATCH : BATCH + 20]])
            if n == 6:  # a reviewer names a speaker
                quote = conn.execute("SELECT quote_id FROM voices ORDER BY quote_id LIMIT 1").fetchone()[0]
                correct_quote(conn, quote, speaker_name="Hillary Clinton", speaker_type="person")
            if n % 3 == 2 or start + BATCH >= len(order):
                assert_same_corpus(corpus_state(conn), full_rebuild_of(conn, tmp_path / f"full{n}.db"))
    finally:
        conn.close()
