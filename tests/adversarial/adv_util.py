"""Helpers shared by the adversarial tests: CLI subprocesses, file-tree snapshots and index consistency checks."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from qa.config import PROJECT_ROOT, Settings
from qa.index.store import NewsIndex, open_index
from qa.schema import chunk_id


def cli_env(**extra: str) -> dict[str, str]:
    """The environment for CLI subprocesses: this one, minus any NEWSQA_* settings that would leak in."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSQA_") or k == "NEWSQA_HOME"}
    env["PYTHONUNBUFFERED"] = "1"
    env.update(extra)
    return env


def ingest_cmd(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "qa.ingest", *map(str, args), "--no-progress"]


def run_ingest(*args: str | Path, timeout: float = 900) -> subprocess.CompletedProcess:
    """`python -m qa.ingest ARGS --no-progress` in the project root; output captured as text."""
    return subprocess.run(ingest_cmd(*args), capture_output=True, text=True, cwd=PROJECT_ROOT, env=cli_env(),
                          timeout=timeout, check=False)


def snapshot(root: Path, skip: Path | None = None) -> dict[str, tuple[int, int, str]]:
    """Every file and symlink under `root` (except under `skip`): relative path -> (size, mtime_ns, sha256)."""
    out: dict[str, tuple[int, int, str]] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        if skip is not None and (here == skip or skip in here.parents):
            dirnames[:] = []
            continue
        for name in filenames + [d for d in dirnames if (here / d).is_symlink()]:
            path = here / name
            st = path.lstat()
            digest = ""
            if path.is_file() and not path.is_symlink() and st.st_size < 64 * 1024 * 1024:
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
            elif path.is_symlink():
                digest = "-> " + os.readlink(path)
            out[str(path.relative_to(root))] = (st.st_size, st.st_mtime_ns, digest)
    return out


@dataclass
class IndexState:
    signature: str
    docs: dict[str, str]  # doc_id -> committed content_hash
    rows: int  # chunk rows, visible or not


def index_state(settings: Settings) -> IndexState:
    """What a fresh reader sees in the index."""
    index = open_index(settings)
    docs = index.committed_docs()
    return IndexState(index.signature(), {d: i.content_hash for d, i in docs.items()}, index.count_chunks())


def consistency_problems(index: NewsIndex) -> list[str]:
    """Ways the index breaks the atomic-version contract (empty list: consistent).

    For every committed document: its rows at the committed content hash are exactly chunk_id(doc, hash,
    0..n_chunks-1), each row's text is document.text[start:end] and its sentences lie inside it; readers see no
    row of any other version; a dense query returns only visible rows.
    """
    problems: list[str] = []
    index.sync()
    index.refresh()
    committed = index.committed_docs()
    rows: dict[str, list[tuple[str, str, dict]]] = {}
    for ids, texts, metas in index.iter_chunks(committed_only=False, include_text=True):
        for cid, text, meta in zip(ids, texts, metas, strict=True):
            rows.setdefault(meta.get("doc_id", ""), []).append((cid, text, meta))
    for doc_id, info in committed.items():
        doc = index.get_document(doc_id)
        if doc is None or doc.content_hash != info.content_hash:
            problems.append(f"{doc_id}: document row unreadable or inconsistent")
            continue
        current = {cid: (text, meta) for cid, text, meta in rows.get(doc_id, [])
                   if meta.get("content_hash") == info.content_hash}
        expected = {chunk_id(doc_id, info.content_hash, i) for i in range(info.n_chunks)}
        if set(current) != expected:
            missing, extra = sorted(expected - set(current))[:3], sorted(set(current) - expected)[:3]
            problems.append(f"{doc_id}: {len(current)} rows at the committed version, expected {info.n_chunks} "
                            f"(missing {missing}, extra {extra})")
        for cid, (text, meta) in current.items():
            start, end = int(meta["start"]), int(meta["end"])
            if doc.text[start:end] != text:
                problems.append(f"{cid}: text is not document.text[{start}:{end}]")
            for s, e in json.loads(meta.get("sentences", "[]")):
                if not start <= s < e <= end:
                    problems.append(f"{cid}: sentence {s}:{e} outside the chunk")
    visible = 0
    for ids, _t, metas in index.iter_chunks(committed_only=True, include_text=False):
        for cid, meta in zip(ids, metas, strict=True):
            visible += 1
            info = committed.get(meta.get("doc_id", ""))
            if info is None or info.content_hash != meta.get("content_hash"):
                problems.append(f"{cid}: visible but not at its document's committed version")
    if visible:
        from qa.index.embeddings import get_embedder

        query = get_embedder().embed_one("Iran Iraq troops officials said")
        for cid, _sim, _text, meta in index.query_dense(query, 20):
            if not index.is_visible(meta):
                problems.append(f"{cid}: returned by a dense query but not visible")
    problems += _vector_index_problems(index, rows)
    return problems


def _vector_index_problems(index: NewsIndex, rows: dict[str, list[tuple[str, str, dict]]]) -> list[str]:
    """The vector index holds exactly the stored rows, each with the embedding of its own text.

    Checked by id, not by graph search: Chroma's local get(include=["embeddings"]) reads each vector from the HNSW
    segment's id map (and fails for an id the index lacks). A search for every row is not a presence check: Chroma
    1.5.9's HNSW can leave a live row unreachable by any query after deletes and upserts (chroma-core/chroma#7758;
    measured here at about 1 in 300 re-opens of the same files), which `unreachable_by_search` reports.
    """
    import numpy as np

    from qa.index.embeddings import get_embedder

    stored = [(cid, text) for doc_rows in rows.values() for cid, text, _meta in doc_rows]
    if not stored:
        return []
    ids = [cid for cid, _ in stored]
    try:
        got = index.chunks.get(ids=ids, include=["embeddings"])
    except Exception as exc:  # noqa: BLE001 - any failure here means a row without a vector
        return [f"vector index lacks stored rows: {type(exc).__name__}: {str(exc)[:200]}"]
    by_id = dict(zip(got["ids"], got["embeddings"], strict=True))
    if set(by_id) != set(ids):
        return [f"vector index returned {len(by_id)} vectors for {len(ids)} stored rows"]
    expected = get_embedder().embed([text for _, text in stored])
    vectors = np.asarray([by_id[cid] for cid in ids], dtype=np.float32)
    cosines = np.sum(vectors * expected, axis=1) / (np.linalg.norm(vectors, axis=1) * np.linalg.norm(expected, axis=1))
    wrong = [cid for cid, cos in zip(ids, cosines, strict=True) if cos < 0.999]
    problems = [f"{cid}: the vector index holds a vector that is not its text's embedding" for cid in wrong[:10]]
    res = index.chunks.query(query_embeddings=[expected.mean(axis=0)], n_results=len(ids), include=["metadatas"])
    unknown = set(res["ids"][0]) - set(ids)
    if unknown or any(meta is None for meta in res["metadatas"][0]):
        problems.append(f"a search returned {len(unknown)} rows that are not stored: {sorted(unknown)[:3]}")
    return problems


def unreachable_by_search(index: NewsIndex) -> list[str]:
    """Stored rows that a search for every row does not return (present in the HNSW index but not reachable in its
    graph, chroma-core/chroma#7758): a measured figure, not a crash-safety property."""
    every = [cid for ids, _t, _m in index.iter_chunks(committed_only=False, include_text=False) for cid in ids]
    if not every:
        return []
    from qa.index.embeddings import get_embedder

    query = get_embedder().embed_one("Iran Iraq troops officials said")
    res = index.chunks.query(query_embeddings=[query], n_results=len(every), include=[])
    return sorted(set(every) - set(res["ids"][0]))
