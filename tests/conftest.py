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
    from qa.ingest.pipeline import ingest_paths

    db = tmp_path_factory.mktemp("seeded") / "chroma"
    s = load_settings({"db": str(db)})
    report = ingest_paths([SEEDS_DIR], s)
    assert report.added == 2 and not report.errors
    return s


@pytest.fixture(scope="session")
def seeded_index(seeded_settings):
    from qa.index.store import open_index

    return open_index(seeded_settings)


@pytest.fixture(scope="session", autouse=True)
def _embed_each_text_once():
    """In this test process, the embedding of a given text is computed once per session.

    Many tests re-embed the same texts: every ingestion of the seeds, and the adversarial suite's consistency check,
    which re-embeds every stored row of an index to compare with its stored vector (after each kill and each
    re-run, on the same generated articles). The vectors are the model's own for that text (computed on first use,
    in whatever batch it came in; batches change a vector by ~1e-7, far inside the checks' tolerances), so every
    assertion compares the same things; only the repeated model calls go. Subprocesses (the CLI, the UI, the
    ingest runs killed by the crash tests) embed as always. Query embeddings (`embed_one`) are not memoised.
    """
    import numpy as np

    from qa.index import embeddings

    original = embeddings.Embedder.embed
    memo: dict[str, np.ndarray] = {}

    def embed(self, texts: list[str], batch_size: int | None = None, show_progress: bool = False) -> np.ndarray:
        texts = list(texts)
        missing = [t for t in dict.fromkeys(texts) if t not in memo]
        if missing:
            memo.update(zip(missing, original(self, missing, batch_size=batch_size, show_progress=show_progress),
                            strict=True))
        if not texts:
            return original(self, texts)
        return np.stack([memo[t] for t in texts]).astype(np.float32, copy=False)

    embeddings.Embedder.embed = embed
    yield
    embeddings.Embedder.embed = original


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the browser tests of the session (tests/app_server.py chromium())."""
    from app_server import chromium

    with chromium() as b:
        yield b
