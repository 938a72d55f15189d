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
from qa.index import NewsIndex, chunk_row_id, open_index


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

    For every committed document: its rows at the committed content hash are exactly chunk_row_id(doc, hash,
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
        expected = {chunk_row_id(doc_id, info.content_hash, i) for i in range(info.n_chunks)}
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
        from qa.embeddings import get_embedder

        query = get_embedder().embed_one("Iran Iraq troops officials said")
        for cid, _sim, _text, meta in index.query_dense(query, 20):
            if not index.is_visible(meta):
                problems.append(f"{cid}: returned by a dense query but not visible")
        # The vector index must hold exactly the stored rows: a query for all of them returns each once.
        every = {cid for ids, _t, _m in index.iter_chunks(committed_only=False, include_text=False) for cid in ids}
        res = index.chunks.query(query_embeddings=[query], n_results=len(every), include=["metadatas"])
        found = res["ids"][0]
        if any(meta is None for meta in res["metadatas"][0]) or set(found) != every or len(found) != len(every):
            problems.append(f"vector index disagrees with the rows: {len(set(found) - every)} unknown, "
                            f"{len(every - set(found))} missing of {len(every)}")
    return problems
