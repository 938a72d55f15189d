"""Chroma client/server mode: a real `chroma run` on a free loopback port, ingestion through the CLI in a
subprocess, and retrieval through the library that must match the embedded on-disk index exactly."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from qa.config import SEEDS_DIR, Settings, load_settings
from qa.errors import NewsqaError
from qa.index.store import open_index
from qa.retrieve.hybrid import retrieve_passages
from tests.procs import stop_process

CHROMA = Path(sys.executable).parent / "chroma"
QUESTIONS = [
    "Who confirmed that Revolutionary Guards were deployed to Iraq?",
    "What did the Pentagon say about Iranian forces in Iraq?",
    "What help did China offer the Baghdad government?",
    "How far is Samarra from Baghdad?",
    "How many battalions of the Quds Forces were fighting?",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSQA_")}
    env.update({"NEWSQA_HOME": str(home), **extra})
    return env


def _ingest(url: str, home: Path, *args: str, collection: str | None = None) -> subprocess.CompletedProcess:
    extra = {"NEWSQA_COLLECTION": collection} if collection else {}
    return subprocess.run([sys.executable, "-m", "qa.ingest", "--chroma-url", url, "--no-progress", *args],
                          env=_env(home, **extra), capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory) -> Iterator[str]:
    """A real Chroma server on a free loopback port with a temporary data directory; always stopped."""
    assert CHROMA.is_file(), f"the chroma CLI should come with the chromadb package at {CHROMA}"
    root = tmp_path_factory.mktemp("chroma-server")
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    with (root / "server.log").open("wb") as log:
        proc = subprocess.Popen([str(CHROMA), "run", "--path", str(root / "data"), "--host", "127.0.0.1",
                                 "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 120
        while True:
            assert proc.poll() is None, (root / "server.log").read_text(errors="replace")[-2000:]
            try:
                if httpx.get(f"{url}/api/v2/heartbeat", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "chroma run did not come up within 120 s"
            time.sleep(0.5)
        yield url
    finally:
        stop_process(proc)


@pytest.fixture(scope="module")
def server_settings(chroma_url: str, tmp_path_factory) -> Settings:
    """The seeds ingested into the server through `python -m qa.ingest --chroma-url` in a subprocess."""
    home = tmp_path_factory.mktemp("server-home")
    done = _ingest(chroma_url, home, "--json", str(SEEDS_DIR))
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert (report["added"], report["failed"], report["chunks_written"] > 0) == (2, 0, True)
    return load_settings({"chroma_url": chroma_url, "home": str(home)})


def test_server_index_lists_and_reingests_as_noop(server_settings: Settings):
    listing = _ingest(server_settings.chroma_url, server_settings.home, "--list")
    assert listing.returncode == 0, listing.stderr
    assert "seed-000" in listing.stdout and "seed-003" in listing.stdout
    again = _ingest(server_settings.chroma_url, server_settings.home, "--json", str(SEEDS_DIR))
    assert again.returncode == 0, again.stderr
    report = json.loads(again.stdout)
    assert (report["added"], report["updated"], report["unchanged"], report["chunks_written"]) == (0, 0, 2, 0)
    # Nothing of the server-mode index lives next to the embedded default index.
    assert not (server_settings.home / "chroma").exists()


def test_server_retrieval_equals_embedded(server_settings: Settings, seeded_settings: Settings):
    server = open_index(server_settings)
    embedded = open_index(seeded_settings)
    assert server.signature() == embedded.signature()
    assert server.count_chunks() == embedded.count_chunks()
    for question in QUESTIONS:
        got = retrieve_passages(question, server, server_settings)
        want = retrieve_passages(question, embedded, seeded_settings)
        assert [(p.chunk_id, p.start, p.end, p.text, p.dense_rank, p.bm25_rank) for p in got.passages] == \
               [(p.chunk_id, p.start, p.end, p.text, p.dense_rank, p.bm25_rank) for p in want.passages], question
        assert got.best_dense == pytest.approx(want.best_dense, abs=1e-5)
        assert [p.score for p in got.passages] == pytest.approx([p.score for p in want.passages])
    # The server-mode BM25 index is persisted under NEWSQA_HOME, keyed by URL and collection.
    assert list((server_settings.home / "bm25").rglob("chunk_ids.json"))


def test_reader_sees_other_process_writes_without_refresh(chroma_url: str, tmp_path: Path):
    """A long-lived reader (like the UI) picks up documents added and *updated* by another process: an update
    keeps the document count, so only the version token reveals it."""
    home = tmp_path / "home"
    folder = tmp_path / "articles"
    folder.mkdir()
    article = folder / "ferry.md"
    article.write_text("---\nid: ferry-001\ntitle: New ferry route\n---\nThe ferry operator Kilwa Lines launched a "
                       "hydrofoil service between Dar es Salaam and Zanzibar on Monday. The company said the "
                       "crossing now takes ninety minutes.\n", encoding="utf-8")
    done = _ingest(chroma_url, home, str(SEEDS_DIR), collection="fresh")
    assert done.returncode == 0, done.stderr
    settings = load_settings({"chroma_url": chroma_url, "home": str(home), "collection": "fresh"})
    reader = open_index(settings)
    question = "What service did Kilwa Lines launch between Dar es Salaam and Zanzibar?"
    before = retrieve_passages(question, reader, settings)
    assert "ferry-001" not in {p.doc_id for p in before.passages}

    done = _ingest(chroma_url, home, str(folder), collection="fresh")
    assert done.returncode == 0, done.stderr
    added = retrieve_passages(question, reader, settings)
    assert added.passages[0].doc_id == "ferry-001"
    assert "hydrofoil" in added.passages[0].text

    article.write_text(article.read_text(encoding="utf-8").replace("hydrofoil", "catamaran"), encoding="utf-8")
    done = _ingest(chroma_url, home, "--json", str(folder), collection="fresh")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["updated"] == 1
    updated = retrieve_passages(question, reader, settings)
    ferry = [p for p in updated.passages if p.doc_id == "ferry-001"]
    assert ferry and "catamaran" in ferry[0].text
    assert not any("hydrofoil" in p.text for p in updated.passages)


def test_unreachable_server_is_a_clear_error(tmp_path: Path):
    port = _free_port()  # nothing listens here
    done = _ingest(f"http://127.0.0.1:{port}", tmp_path, "--list")
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: cannot reach the Chroma server at http://127.0.0.1:{port}")
    assert "Traceback" not in done.stderr
    with pytest.raises(NewsqaError, match="cannot reach the Chroma server"):
        open_index(load_settings({"chroma_url": f"http://127.0.0.1:{port}", "home": str(tmp_path)}))


def test_silent_server_times_out_instead_of_hanging(tmp_path: Path):
    """A host that accepts connections but never answers: chromadb's own client has no timeout."""
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        url = f"http://127.0.0.1:{silent.getsockname()[1]}"
        done = subprocess.run([sys.executable, "-m", "qa.ingest", "--chroma-url", url, "--list"],
                              env=_env(tmp_path, NEWSQA_CONNECT_TIMEOUT="1"), capture_output=True, text=True,
                              timeout=300)
    assert done.returncode == 1
    assert f"the Chroma server at {url} did not answer within 1 s" in done.stderr
    assert "Traceback" not in done.stderr


def test_malformed_url_is_a_usage_error(tmp_path: Path):
    done = _ingest("localhost:8000", tmp_path, "--list")
    assert done.returncode == 2
    assert "--chroma-url must look like http://HOST:PORT" in done.stderr


@pytest.mark.llm
def test_real_model_answers_through_the_server(server_settings: Settings):
    from qa.answer.pipeline import answer_question
    from qa.generate.llm import get_llm
    from qa.generate.models import resolve_model_path

    # The model files live in the real NEWSQA_HOME; the index and BM25 files in the test's.
    model = resolve_model_path(load_settings({"model": "default"}))
    settings = load_settings({"chroma_url": server_settings.chroma_url, "home": str(server_settings.home),
                              "model": str(model)})
    index = open_index(settings)
    answer = answer_question(QUESTIONS[0], index, settings, get_llm(settings))
    assert not answer.abstained, answer.answer
    assert any(c.doc_id == "seed-000" for c in answer.citations)
    for citation in answer.citations:
        document = index.get_document(citation.doc_id)
        assert document is not None and document.text[citation.start:citation.end] == citation.quote
