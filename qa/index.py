"""The Chroma index: one collection of chunks and one of documents, both with our own embeddings.

Layout (contract): collection `<name>` holds one row per chunk — text, embedding and metadata
{doc_id, title, source, published, url, chunk_index, start, end, content_hash, sentences}; collection
`<name>_docs` holds one row per document — its canonical text, the mean of its chunk embeddings, and
{doc_id, title, source, published, url, content_hash, n_chunks, path}.

Atomic document versions: a new version's chunks are written first under ids that include the content
hash, then the document row is upserted (the commit point), then the old version's chunks are deleted.
Readers only see chunks whose content_hash matches the committed document row, so a crash at any point
leaves every document fully at its old or its new version; leftovers are removed by `collect_garbage`.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

from qa.config import Settings
from qa.embeddings import ChromaEmbeddingFunction
from qa.errors import NewsqaError, UsageError
from qa.schema import Chunk, Document

_PAGE = 5000


@dataclass(frozen=True)
class DocInfo:
    """A committed document as recorded in the documents collection."""

    doc_id: str
    content_hash: str
    title: str
    source: str
    published: str
    url: str | None
    n_chunks: int
    path: str | None


def chunk_row_id(doc_id: str, content_hash: str, chunk_index: int) -> str:
    """Chunk ids carry the version so a new version never overwrites rows a reader may be using."""
    return f"{doc_id}::{content_hash[:12]}::{chunk_index}"


def _client(settings: Settings):
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if settings.chroma_url:
        parsed = urlparse(settings.chroma_url)
        if parsed.scheme not in {"http", "https"} or not parsed.hostname:
            raise UsageError(f"--chroma-url must look like http://HOST:PORT, got {settings.chroma_url!r}")
        try:
            client = chromadb.HttpClient(
                host=parsed.hostname,
                port=parsed.port or (443 if parsed.scheme == "https" else 8000),
                ssl=parsed.scheme == "https",
                settings=chroma_settings,
            )
            client.heartbeat()
        except Exception as exc:  # chromadb raises several unrelated types for "server not there"
            raise NewsqaError(f"cannot reach the Chroma server at {settings.chroma_url}: {exc}") from None
        return client
    path = settings.db_path
    if path.exists() and not path.is_dir():
        raise UsageError(f"index path {path} exists and is not a directory")
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=chroma_settings)


class NewsIndex:
    """Read/write access to the chunk and document collections."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.client = _client(settings)
        ef = ChromaEmbeddingFunction()
        space = {"hnsw:space": "cosine"}
        self.chunks = self.client.get_or_create_collection(settings.collection, embedding_function=ef,
                                                           metadata=space)
        self.docs = self.client.get_or_create_collection(f"{settings.collection}_docs", embedding_function=ef,
                                                         metadata=space)
        self._docs_cache: dict[str, DocInfo] | None = None
        self._lock = threading.Lock()

    @property
    def location(self) -> str:
        return self.settings.chroma_url or str(self.settings.db_path)

    # ---- documents -------------------------------------------------------------------------------
    def committed_docs(self) -> dict[str, DocInfo]:
        """All committed documents by id (cached until this object writes)."""
        with self._lock:
            if self._docs_cache is None:
                out: dict[str, DocInfo] = {}
                offset = 0
                while True:
                    page = self.docs.get(include=["metadatas"], limit=_PAGE, offset=offset)
                    for doc_id, meta in zip(page["ids"], page["metadatas"], strict=True):
                        out[doc_id] = _doc_info(doc_id, meta)
                    if len(page["ids"]) < _PAGE:
                        break
                    offset += _PAGE
                self._docs_cache = out
            return dict(self._docs_cache)

    def refresh(self) -> None:
        """Forget cached state (another process may have written)."""
        with self._lock:
            self._docs_cache = None

    def signature(self) -> str:
        """A hash of every committed (doc_id, content_hash): changes whenever the corpus changes."""
        digest = hashlib.sha256()
        for doc_id, info in sorted(self.committed_docs().items()):
            digest.update(f"{doc_id}\0{info.content_hash}\n".encode())
        return digest.hexdigest()[:16]

    def get_document(self, doc_id: str) -> Document | None:
        """The committed document with its canonical text, or None."""
        page = self.docs.get(ids=[doc_id], include=["documents", "metadatas"])
        if not page["ids"]:
            return None
        info = _doc_info(doc_id, page["metadatas"][0])
        return Document(doc_id=doc_id, text=page["documents"][0], title=info.title, source=info.source,
                        published=info.published, url=info.url, path=info.path,
                        content_hash=info.content_hash)

    def is_current(self, doc: Document) -> bool:
        """True when `doc` is committed at exactly this content."""
        info = self.committed_docs().get(doc.doc_id)
        return info is not None and info.content_hash == doc.content_hash

    def write_document(self, doc: Document, chunks: list[Chunk], embeddings: np.ndarray) -> str:
        """Write one document version atomically; returns "added", "updated" or "unchanged"."""
        if len(chunks) != len(embeddings):
            raise ValueError("one embedding per chunk is required")
        if not chunks:
            raise NewsqaError(f"{doc.doc_id}: no text to index")
        previous = self.committed_docs().get(doc.doc_id)
        if previous is not None and previous.content_hash == doc.content_hash:
            return "unchanged"
        h = doc.content_hash
        ids = [chunk_row_id(doc.doc_id, h, c.chunk_index) for c in chunks]
        metas = [_chunk_meta(doc, c) for c in chunks]
        for i in range(0, len(ids), _PAGE):
            self.chunks.upsert(ids=ids[i:i + _PAGE], documents=[c.text for c in chunks[i:i + _PAGE]],
                               embeddings=embeddings[i:i + _PAGE], metadatas=metas[i:i + _PAGE])
        mean = embeddings.mean(axis=0)
        mean = mean / (np.linalg.norm(mean) or 1.0)
        # The commit point: from here on readers see the new version.
        self.docs.upsert(ids=[doc.doc_id], documents=[doc.text], embeddings=[mean],
                         metadatas=[_doc_meta(doc, len(chunks))])
        self.chunks.delete(where={"$and": [{"doc_id": doc.doc_id}, {"content_hash": {"$ne": h}}]})
        with self._lock:
            self._docs_cache = None
        return "updated" if previous is not None else "added"

    def delete_document(self, doc_id: str) -> int:
        """Remove a document and all its chunks; returns the number of chunks removed."""
        if doc_id not in self.committed_docs():
            known = ", ".join(sorted(self.committed_docs())[:10]) or "none"
            raise UsageError(f"unknown document id '{doc_id}' (known: {known})")
        n = len(self.chunks.get(where={"doc_id": doc_id}, include=[])["ids"])
        self.docs.delete(ids=[doc_id])  # commit point: the document is gone for readers
        self.chunks.delete(where={"doc_id": doc_id})
        with self._lock:
            self._docs_cache = None
        return n

    def collect_garbage(self) -> int:
        """Delete chunk rows that belong to no committed document version (left by an interrupted write)."""
        committed = self.committed_docs()
        stale: list[str] = []
        for ids, _texts, metas in self.iter_chunks(committed_only=False, include_text=False):
            for chunk_id, meta in zip(ids, metas, strict=True):
                info = committed.get(meta.get("doc_id", ""))
                if info is None or info.content_hash != meta.get("content_hash"):
                    stale.append(chunk_id)
        for i in range(0, len(stale), _PAGE):
            self.chunks.delete(ids=stale[i:i + _PAGE])
        return len(stale)

    # ---- chunks ----------------------------------------------------------------------------------
    def count_chunks(self) -> int:
        """Number of chunk rows (including any not yet garbage-collected)."""
        return self.chunks.count()

    def is_empty(self) -> bool:
        return self.docs.count() == 0

    def is_visible(self, meta: dict) -> bool:
        """True when a chunk row belongs to the committed version of its document."""
        info = self.committed_docs().get(meta.get("doc_id", ""))
        return info is not None and info.content_hash == meta.get("content_hash")

    def iter_chunks(self, committed_only: bool = True, include_text: bool = True
                    ) -> Iterator[tuple[list[str], list[str], list[dict]]]:
        """Pages of (ids, texts, metadatas) over all chunk rows."""
        include = ["metadatas", "documents"] if include_text else ["metadatas"]
        offset = 0
        while True:
            page = self.chunks.get(include=include, limit=_PAGE, offset=offset)
            ids, metas = page["ids"], page["metadatas"]
            texts = page["documents"] if include_text else [""] * len(ids)
            if committed_only:
                keep = [i for i, m in enumerate(metas) if self.is_visible(m)]
                ids, texts, metas = [ids[i] for i in keep], [texts[i] for i in keep], [metas[i] for i in keep]
            yield ids, texts, metas
            if len(page["ids"]) < _PAGE:
                break
            offset += _PAGE

    def query_dense(self, embedding: np.ndarray, n: int, where: dict | None = None
                    ) -> list[tuple[str, float, str, dict]]:
        """Nearest committed chunks as (chunk_id, cosine similarity, text, metadata), best first."""
        total = self.chunks.count()
        if total == 0:
            return []
        # Over-fetch a little: rows of uncommitted versions are filtered out after the query.
        res = self.chunks.query(query_embeddings=[embedding], n_results=min(total, n + 8), where=where,
                                include=["documents", "metadatas", "distances"])
        out = []
        for cid, dist, text, meta in zip(res["ids"][0], res["distances"][0], res["documents"][0],
                                         res["metadatas"][0], strict=True):
            if self.is_visible(meta):
                out.append((cid, 1.0 - float(dist), text, meta))
        return out[:n]

    def get_chunks(self, ids: list[str]) -> dict[str, tuple[str, dict]]:
        """Chunk rows by id: {id: (text, metadata)}."""
        if not ids:
            return {}
        res = self.chunks.get(ids=ids, include=["documents", "metadatas"])
        return {cid: (text, meta) for cid, text, meta in zip(res["ids"], res["documents"], res["metadatas"],
                                                              strict=True)}


def _chunk_meta(doc: Document, chunk: Chunk) -> dict:
    return {
        "doc_id": doc.doc_id, "title": doc.title, "source": doc.source, "published": doc.published,
        "url": doc.url or "", "chunk_index": chunk.chunk_index, "start": chunk.start, "end": chunk.end,
        "content_hash": doc.content_hash, "sentences": json.dumps(chunk.sentences),
    }


def _doc_meta(doc: Document, n_chunks: int) -> dict:
    return {
        "doc_id": doc.doc_id, "title": doc.title, "source": doc.source, "published": doc.published,
        "url": doc.url or "", "content_hash": doc.content_hash, "n_chunks": n_chunks, "path": doc.path or "",
    }


def _doc_info(doc_id: str, meta: dict) -> DocInfo:
    return DocInfo(doc_id=doc_id, content_hash=meta.get("content_hash", ""), title=meta.get("title", "unknown"),
                   source=meta.get("source", "unknown"), published=meta.get("published", "unknown"),
                   url=meta.get("url") or None, n_chunks=int(meta.get("n_chunks", 0)),
                   path=meta.get("path") or None)


def chunk_sentences(meta: dict) -> list[tuple[int, int]]:
    """The absolute sentence spans stored with a chunk row."""
    return [tuple(s) for s in json.loads(meta.get("sentences", "[]"))]


def open_index(settings: Settings) -> NewsIndex:
    """Open (creating if needed) the index the settings point at."""
    return NewsIndex(settings)


def lock_path(settings: Settings) -> Path:
    """The file lock that serialises writers of one index (ingest CLI, UI uploads)."""
    if settings.chroma_url:
        key = hashlib.sha256(settings.chroma_url.encode()).hexdigest()[:12]
        settings.home.mkdir(parents=True, exist_ok=True)
        return settings.home / f"chroma-{key}.lock"
    settings.db_path.mkdir(parents=True, exist_ok=True)
    return settings.db_path / ".newsqa-write.lock"
