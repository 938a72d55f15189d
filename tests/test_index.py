"""Foundation: ingestion into a real on-disk Chroma index with real embeddings."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from qa.cli.ingest import main as ingest_main
from qa.config import SEEDS_DIR, load_settings
from qa.index.embeddings import get_embedder
from qa.index.store import open_index
from qa.ingest.pipeline import ingest_paths
from qa.retrieve.hybrid import BM25Store
from qa.schema import chunk_id


def _state(settings):
    index = open_index(settings)
    rows = index.chunks.get(include=["metadatas"])
    return index.signature(), sorted(rows["ids"])


def test_seed_offsets_round_trip(seeded_index):
    docs = seeded_index.committed_docs()
    assert set(docs) == {"seed-000", "seed-003"}
    for doc_id in docs:
        doc = seeded_index.get_document(doc_id)
        rows = seeded_index.chunks.get(where={"doc_id": doc_id}, include=["documents", "metadatas"])
        assert len(rows["ids"]) == docs[doc_id].n_chunks > 0
        for text, meta in zip(rows["documents"], rows["metadatas"], strict=True):
            assert doc.text[meta["start"]:meta["end"]] == text
            for s, e in json.loads(meta["sentences"]):
                assert meta["start"] <= s < e <= meta["end"]
                assert doc.text[s:e].strip() == doc.text[s:e]


def test_reingest_is_noop(settings):
    first = ingest_paths([SEEDS_DIR], settings)
    assert first.added == 2 and first.chunks_written > 0
    before = _state(settings)
    again = ingest_paths([SEEDS_DIR], settings)
    assert (again.added, again.updated, again.unchanged, again.chunks_written) == (0, 0, 2, 0)
    assert _state(settings) == before


def _body(path: Path) -> str:
    """A seed's text without its YAML front matter: the article as another folder would hold it."""
    text = path.read_text()
    return text.split("\n---\n", 1)[1] if text.startswith("---\n") else text


def test_the_same_article_under_another_id_is_not_indexed_twice(settings, tmp_path: Path, capsys):
    ingest_paths([SEEDS_DIR], settings)
    before = _state(settings)
    raw = tmp_path / "raw"
    raw.mkdir()
    body = _body(SEEDS_DIR / "000_f3fb3571b5492621.txt")
    (raw / "iraq.txt").write_text(body)
    (raw / "iraq-copy.txt").write_text("  " + body.replace("\n", "\n\n"))  # whitespace differs only
    (raw / "other.txt").write_text("A different article about a harbour strike in a northern port town.\n")
    report = ingest_paths([raw], settings)
    assert (report.added, report.duplicates) == (1, 2)
    assert all("'seed-000'" in n for n in report.duplicate_notes)
    index = open_index(settings)
    assert set(index.committed_docs()) == {"seed-000", "seed-003", "other"}
    # the CLI says which file was skipped and why, and it is no failure
    (raw / "other.txt").unlink()
    assert ingest_main(["--db", str(settings.db_path), str(raw)]) == 0
    err = capsys.readouterr().err
    assert "iraq.txt: the same text is indexed as 'seed-000'; skipped" in err
    added = set(_state(settings)[1]) - set(before[1])
    assert added and all(i.startswith("other::") for i in added)  # only "other" was written


def test_modified_document_leaves_no_stale_chunks(settings, seeds_copy: Path):
    ingest_paths([seeds_copy], settings)
    index = open_index(settings)
    old_hash = index.committed_docs()["seed-000"].content_hash
    path = seeds_copy / "000_f3fb3571b5492621.txt"
    assert path.read_text().count("overtook 85 percent") == 1
    path.write_text(path.read_text().replace("overtook 85 percent", "overtook 75 percent"))
    report = ingest_paths([seeds_copy], settings)
    assert (report.updated, report.unchanged) == (1, 1)
    index.refresh()
    info = index.committed_docs()["seed-000"]
    assert info.content_hash != old_hash
    rows = index.chunks.get(where={"doc_id": "seed-000"}, include=["metadatas", "documents"])
    assert len(rows["ids"]) == info.n_chunks
    assert {m["content_hash"] for m in rows["metadatas"]} == {info.content_hash}
    assert any("overtook 75 percent" in t for t in rows["documents"])
    assert not any("overtook 85 percent" in t for t in rows["documents"])


def test_delete_removes_all_chunks(settings):
    ingest_paths([SEEDS_DIR], settings)
    assert ingest_main(["--db", str(settings.db_path), "--delete", "seed-003"]) == 0
    index = open_index(settings)
    assert "seed-003" not in index.committed_docs()
    assert index.chunks.get(where={"doc_id": "seed-003"})["ids"] == []
    assert index.chunks.get(where={"doc_id": "seed-000"})["ids"]
    assert ingest_main(["--db", str(settings.db_path), "--delete", "no-such-doc"]) == 2


def test_bad_inputs_leave_index_as_it_was(settings, tmp_path: Path, capsys):
    ingest_paths([SEEDS_DIR], settings)
    before = _state(settings)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_text("")
    (bad / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    (bad / "latin.txt").write_bytes("Caf\xe9 \xe0 la cr\xe8me, \xff\xfe\xfd".encode("latin-1") * 3)
    (bad / "lines.jsonl").write_text('{"text": "A good line about Baghdad."}\n{not json\n')
    (bad / "big.txt").write_text("word " * (2 * 1024 * 1024 // 5 + 10))
    db = str(settings.db_path)
    code = ingest_main(["--db", db, "--max-file-mb", "1", "--no-progress", str(bad), str(tmp_path / "missing.md")])
    err = capsys.readouterr().err
    assert code == 1
    assert "empty.txt" in err and "binary.txt" in err and "big.txt" in err
    assert "lines.jsonl line 2" in err
    assert "missing.md" in err
    sig, ids = _state(settings)
    # The good JSONL line and the obviously Latin-1 file are kept; nothing else was written.
    index = open_index(settings)
    assert set(index.committed_docs()) == {"seed-000", "seed-003", "lines-1", "latin"}
    assert index.get_document("latin").text.startswith("Café à la crème")
    assert set(before[1]) <= set(ids)


def test_deployment_question_retrieves_seed_000_paragraph_first(seeded_index):
    q = get_embedder().embed_one("Who confirmed that Revolutionary Guards were deployed to Iraq?")
    hits = seeded_index.query_dense(q, 3)
    chunk_id, _sim, text, meta = hits[0]
    assert meta["doc_id"] == "seed-000"
    assert "Iranian security sources have confirmed" in text


def test_uncommitted_version_is_invisible_and_collected(settings):
    ingest_paths([SEEDS_DIR], settings)
    index = open_index(settings)
    fake_hash = "f" * 64
    cid = chunk_id("seed-000", fake_hash, 0)
    vec = get_embedder().embed(["Iranian security sources confirmed a crash."])
    meta = {"doc_id": "seed-000", "content_hash": fake_hash, "start": 0, "end": 10, "chunk_index": 0,
            "title": "x", "source": "x", "published": "x", "url": "", "sentences": "[]"}
    index.chunks.upsert(ids=[cid], embeddings=vec, documents=["Iranian security sources confirmed a crash."],
                        metadatas=[meta])
    hits = index.query_dense(vec[0], 20)
    assert cid not in [h[0] for h in hits]
    assert hits and cid not in [h[0] for h in index.query_ids(vec[0], 20)]  # the id alone says "uncommitted"
    assert index.collect_garbage() == 1
    assert index.chunks.get(ids=[cid])["ids"] == []


def test_bm25_survives_restart(settings):
    ingest_paths([SEEDS_DIR], settings)
    store = BM25Store(open_index(settings))
    first = store.search("Kirby Pentagon confirm", 3)
    assert first and first[0][0].startswith("seed-003::")
    persisted = list((settings.db_path / "bm25").rglob("chunk_ids.json"))
    assert len(persisted) == 1
    # A new process: fresh objects load the persisted index instead of rebuilding it.
    fresh = BM25Store(open_index(load_settings({"db": str(settings.db_path)})))
    mtime = persisted[0].stat().st_mtime
    assert fresh.search("Kirby Pentagon confirm", 3) == first
    assert persisted[0].stat().st_mtime == mtime


def test_embeddings_are_unit_vectors():
    vecs = get_embedder().embed(["Baghdad", "Revolutionary Guards"])
    assert vecs.shape == (2, 384)
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-4)


def test_sync_sees_another_processes_write_after_a_quiet_check(settings, tmp_path: Path):
    import os
    import subprocess
    import sys
    import time

    ingest_paths([SEEDS_DIR], settings)
    index = open_index(settings)
    time.sleep(0.3)  # the database file is now quiet: the check below arms the stat-only fast path
    index.sync()
    assert index._quiet_stamp is not None
    assert "extra-1" not in index.committed_docs()
    article = tmp_path / "extra-1.md"
    article.write_text("---\ntitle: Extra\nsource: Test Wire\n---\n"
                       "A ferry sank off Lesbos on Monday, officials said.\n")
    subprocess.run([sys.executable, "-m", "qa.ingest", str(article), "--db", str(settings.db_path), "--no-progress"],
                   check=True, capture_output=True, env={**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)})
    index.sync()
    assert "extra-1" in index.committed_docs()
    from qa.retrieve.hybrid import retrieve_passages

    assert retrieve_passages("Where did a ferry sink?", index, settings).passages[0].doc_id == "extra-1"


def test_sync_does_not_trust_a_database_file_written_just_before_the_check(settings):
    import os
    import time

    ingest_paths([SEEDS_DIR], settings)
    index = open_index(settings)
    db_file = settings.db_path / "chroma.sqlite3"
    now = time.time_ns()
    os.utime(db_file, ns=(now, now))  # as if a write had just landed
    index.sync()
    assert index._quiet_stamp is None  # a write in the same timestamp tick could follow unseen: check again
    os.utime(db_file, ns=(now - 10**9, now - 10**9))
    index.sync()
    assert index._quiet_stamp is not None
    index.sync()  # the stat-only path
    assert index._quiet_stamp is not None
