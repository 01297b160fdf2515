"""PolNeAR train+dev ingested as one corpus, for the suites that score corpus-level results (stories,
actors, voices). Built once per process in a temporary folder: about two minutes on two cores."""

from __future__ import annotations

import tempfile
from functools import cache
from pathlib import Path

from ..corpus.ingest import ingest
from ..errors import GoldFormatError


@cache
def polnear_db(data: Path, workers: int = 2) -> Path:
    data = Path(data)
    folders = [data / split / "text" for split in ("train", "dev")]
    missing = [str(folder) for folder in folders if not folder.is_dir()]
    if missing:
        raise GoldFormatError(f"no PolNeAR text at {', '.join(missing)}")
    db = Path(tempfile.mkdtemp(prefix="voxmap-polnear-")) / "polnear.db"
    ingest(folders, db, workers=workers, language="en", metadata=data / "metadata.tsv")
    return db
