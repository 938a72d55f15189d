"""Shared fixtures: real Chroma in temporary folders, real embeddings; models from the real NEWSQA_HOME
(so the model files are downloaded once per machine, not per test run)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from qa.config import SEEDS_DIR, Settings, load_settings

# Tests answer in their own process, never through a `python -m qa.serve` left running on this machine (it has its
# own model and index loaded); tests/test_serve.py starts the services it talks to. Subprocesses inherit this.
os.environ["NEWSQA_USE_SERVICE"] = "0"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings with a fresh, empty index directory."""
    return load_settings({"db": str(tmp_path / "chroma")})


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """A writable copy of the seed folder."""
    dest = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, dest)
    return dest


@pytest.fixture(scope="session")
def seeded_settings(tmp_path_factory) -> Settings:
    """Settings pointing at an index that holds the two seeds (built once per test session)."""
    from qa.ingest import ingest_paths

    db = tmp_path_factory.mktemp("seeded") / "chroma"
    s = load_settings({"db": str(db)})
    report = ingest_paths([SEEDS_DIR], s)
    assert report.added == 2 and not report.errors
    return s


@pytest.fixture(scope="session")
def seeded_index(seeded_settings):
    from qa.index import open_index

    return open_index(seeded_settings)
