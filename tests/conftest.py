"""Shared fixtures. Unit tests build Docs by hand; tests that load a trained model live under
tests/model/ and are marked `model` (a slower tier that `make test` runs as well)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import POLNEAR


def pytest_collection_modifyitems(items):
    for item in items:
        if "/tests/model/" in str(item.path):
            item.add_marker(pytest.mark.model)


@pytest.fixture(scope="session")
def polnear() -> Path:
    if not (POLNEAR / "dev").is_dir():
        pytest.skip(f"PolNeAR is not at {POLNEAR} (it lives in ../shared beside the project)")
    return POLNEAR
