"""The Chroma index: one collection of chunks and one of documents, both with our own embeddings.

Layout (contract): collection `<name>` holds one row per chunk — text, embedding and metadata
{doc_id, title, source, published, url, chunk_index, start, end, content_hash, sentences} plus the news metadata
{author, language, published_int, published_from, published_to, source_key} that filters use; collection
`<name>_docs` holds one row per document — its canonical text, the mean of its chunk embeddings, and
{doc_id, title, source, published, url, content_hash, n_chunks, path, entry_hash} plus the same news metadata.

Atomic document versions: a new version's chunks are written first under ids that include the content
hash, then the document row is upserted (the commit point), then the old version's chunks are deleted.
Readers only see chunks whose content_hash matches the committed document row, so a crash at any point
leaves every document fully at its old or its new version; leftovers are removed by `collect_garbage`.
`write_documents` does this for many documents with one batched call per step (chunk rows, document rows,
old chunk rows), so ingestion costs a few Chroma calls per 512 chunks instead of three per document.

Freshness across processes: every write stores a new random token under `newsqa:version` in the documents
collection's metadata. Readers keep the committed documents (and the corpus signature) in memory and `sync()`
compares the token, one O(1) collection lookup, before each query; only a changed token reloads the documents.
A token (rather than `docs.count()`) also catches updates that keep the count, and a random value (rather
than a counter) cannot be lost to two writers incrementing at once.
The same token tells an on-disk index that another process wrote: Chroma's embedded client keeps the vector
(HNSW) index in memory and never sees other processes' writes, so a stale one would miss new chunks, return
deleted ones, and, on this process's next write, save its stale copy over the other's. `sync()` reopens the client
first (see `_reopen_if_stale`).
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

from qa.config import Settings
from qa.errors import NewsqaError, UsageError
from qa.index.embeddings import ChromaEmbeddingFunction
from qa.metadata import date_range, parse_published, source_key
from qa.schema import Chunk, Document, chunk_id
from qa.sources import UNKNOWN

_PAGE = 5000
VERSION_KEY = "newsqa:version"  # documents-collection metadata: changes on every write (see module docstring)


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
    author: str = UNKNOWN
    language: str = UNKNOWN
    published_int: int = 0
    entry_hash: str = ""
    text_hash: str = ""  # "" for rows written before it was stored: such a row is never called a duplicate
    # False for rows written before chunks carried the filter fields (source_key, published_from/_to): filters
    # then match such a document's chunks by doc_id (qa.retrieve.filters).
    filterable: bool = True


def chunk_row_doc(row_id: str) -> tuple[str, str]:
    """(doc_id, first 12 hex digits of the content hash) of a `qa.schema.chunk_id` ("" for a part it lacks)."""
    doc_id, _, rest = row_id.partition("::")  # doc ids never contain ":"
    return doc_id, rest.partition("::")[0]


def _client(settings: Settings):
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if settings.chroma_url:
        parsed = urlparse(settings.chroma_url)
        if parsed.scheme not in {"http", "https"} or not parsed.hostname:
            raise UsageError(f"--chroma-url must look like http://HOST:PORT, got {settings.chroma_url!r}")
        _check_server(settings.chroma_url, settings.connect_timeout)
        try:
            client = chromadb.HttpClient(
                host=parsed.hostname,
                port=parsed.port or (443 if parsed.scheme == "https" else 8000),
                ssl=parsed.scheme == "https",
                settings=chroma_settings,
            )
            client.heartbeat()
        except Exception as exc:  # chromadb raises several unrelated types for "server not there"
            reason = str(exc).strip() or type(exc).__name__
            raise NewsqaError(f"cannot reach the Chroma server at {settings.chroma_url}: {reason}") from None
        return client
    path = settings.db_path
    if path.exists() and not path.is_dir():
        raise UsageError(f"index path {path} exists and is not a directory")
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=chroma_settings)


def _check_server(url: str, timeout: float) -> None:
    """Fail within `timeout` seconds unless a Chroma server answers at `url`.

    chromadb's HTTP client has no timeout: against a host that accepts connections but never answers
    (or drops packets) its first call would hang, so one bounded heartbeat request goes first.
    """
    import httpx  # comes with chromadb

    parsed = urlparse(url)
    base = f"{parsed.scheme}://{parsed.netloc}"
    hint = "start one with `chroma run --path DIR --host 127.0.0.1 --port PORT`, or drop --chroma-url"
    try:
        response = httpx.get(f"{base}/api/v2/heartbeat", timeout=timeout)
    except httpx.TimeoutException:
        raise NewsqaError(f"the Chroma server at {url} did not answer within {timeout:g} s ({hint})") from None
    except (httpx.HTTPError, ValueError, OSError) as exc:
        reason = str(exc).strip() or type(exc).__name__
        raise NewsqaError(f"cannot reach the Chroma server at {url}: {reason} ({hint})") from None
    if response.status_code != 200 or "heartbeat" not in response.text:
        raise NewsqaError(f"{url} does not look like a Chroma server (GET /api/v2/heartbeat answered HTTP "
                          f"{response.status_code})")


_OPENED: set[str] = set()  # indexes this process has opened a Chroma client for
_UNKNOWN = "unknown"  # never equal to a version token
_QUIET_NS = 200_000_000  # far above any filesystem's timestamp granularity (ext4: a kernel tick, <= 10 ms)


class NewsIndex:
    """Read/write access to the chunk and document collections."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.client = _client(settings)
        self._ef = ChromaEmbeddingFunction()
        space = {"hnsw:space": "cosine"}
        self.chunks = self.client.get_or_create_collection(settings.collection, embedding_function=self._ef,
                                                           metadata=space)
        self.docs = self.client.get_or_create_collection(f"{settings.collection}_docs",
                                                         embedding_function=self._ef, metadata=space)
        # Committed documents, the corpus signature and the version token they were loaded at.
        self._docs_cache: dict[str, DocInfo] | None = None
        self._signature: str | None = None
        self._version: str | None = None
        self._lock = threading.Lock()
        # The token our Chroma client's vector index is current at. A path this process opened before comes back
        # as the same cached (possibly stale) client, so the first sync() reopens it.
        key = settings.chroma_url or str(settings.db_path.resolve())
        self._client_version = _UNKNOWN if key in _OPENED else self._stored_version()
        _OPENED.add(key)
        self._quiet_stamp: tuple[int, ...] | None = None  # see sync()

    @property
    def location(self) -> str:
        return self.settings.chroma_url or str(self.settings.db_path)

    # ---- documents -------------------------------------------------------------------------------
    def _stored_version(self) -> str | None:
        """The version token the last writer stored (one collection lookup, independent of corpus size)."""
        meta = self.client.get_collection(self.docs.name, embedding_function=self._ef).metadata or {}
        return meta.get(VERSION_KEY)

    def _bump_version(self) -> str:
        token = uuid.uuid4().hex
        self.docs.modify(metadata={VERSION_KEY: token})
        return token

    def _docs(self) -> dict[str, DocInfo]:
        """The cached committed documents, loaded if needed (not copied, not re-checked: for hot paths)."""
        cache = self._docs_cache
        if cache is not None:
            return cache
        version = self._stored_version()  # read before the rows: a write in between only causes a reload
        out: dict[str, DocInfo] = {}
        offset = 0
        while True:
            page = self.docs.get(include=["metadatas"], limit=_PAGE, offset=offset)
            for doc_id, meta in zip(page["ids"], page["metadatas"], strict=True):
                out[doc_id] = _doc_info(doc_id, meta)
            if len(page["ids"]) < _PAGE:
                break
            offset += _PAGE
        with self._lock:
            self._docs_cache, self._signature, self._version = out, None, version
        return out

    def _db_stamp(self) -> tuple[int, ...] | None:
        """Identity and modification time of the embedded database file (None for a server, or no file)."""
        if self.settings.chroma_url:
            return None
        try:
            st = os.stat(self.settings.db_path / "chroma.sqlite3")
        except OSError:
            return None
        return st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns

    def sync(self) -> None:
        """Drop the cached documents if any process has written since they were loaded (cheap: compares the
        version token; called once per query and before every write)."""
        # Every write bumps the version token inside Chroma's SQLite file, so while that file is untouched since
        # the last full check nothing can have changed: a stat (microseconds) instead of a collection lookup.
        stamp = self._db_stamp()
        if stamp is not None and stamp == self._quiet_stamp:
            return
        checked_at = time.time_ns()
        stored = self._stored_version()
        self._reopen_if_stale(stored)
        if self._docs_cache is not None and stored != self._version:
            self.refresh()
        # Trust the stamp only if the file had been quiet for a while before the check (git's "racy clean" rule):
        # a write within the same timestamp tick as the one we saw could leave mtime and size unchanged.
        quiet = stamp is not None and checked_at - stamp[3] > _QUIET_NS
        self._quiet_stamp = stamp if quiet else None

    def _reopen_if_stale(self, stored: str | None) -> None:
        """Reopen the embedded Chroma client when another process wrote since it was current (its in-memory
        vector index would be stale). A Chroma server shares one view between processes: nothing to do."""
        if self.settings.chroma_url or stored == self._client_version:
            return
        from chromadb.api.client import SharedSystemClient

        with self._lock:
            if stored == self._client_version:
                return
            # PersistentClient(path) would hand back the cached, stale system; objects still holding the old one
            # keep working with it.
            SharedSystemClient.clear_system_cache()
            self.client = _client(self.settings)
            self.chunks = self.client.get_collection(self.settings.collection, embedding_function=self._ef)
            self.docs = self.client.get_collection(f"{self.settings.collection}_docs", embedding_function=self._ef)
            self._client_version = stored

    def committed_docs(self) -> dict[str, DocInfo]:
        """All committed documents by id (a copy; reloaded only when the index changed)."""
        self.sync()
        return dict(self._docs())

    def refresh(self) -> None:
        """Forget cached state (the next read reloads the documents)."""
        with self._lock:
            self._docs_cache, self._signature, self._version = None, None, None

    def signature(self) -> str:
        """A hash of every committed (doc_id, content_hash) as of the last load/sync: changes whenever the
        corpus changes. Cached with the documents, so calling it per query costs nothing."""
        cached = self._signature
        if cached is not None and self._docs_cache is not None:
            return cached
        docs = self._docs()
        digest = hashlib.sha256()
        for doc_id in sorted(docs):
            digest.update(f"{doc_id}\0{docs[doc_id].content_hash}\n".encode())
        signature = digest.hexdigest()[:16]
        with self._lock:
            if self._docs_cache is docs:
                self._signature = signature
        return signature

    def get_document(self, doc_id: str) -> Document | None:
        """The committed document with its canonical text, or None."""
        page = self.docs.get(ids=[doc_id], include=["documents", "metadatas"])
        if not page["ids"]:
            return None
        info = _doc_info(doc_id, page["metadatas"][0])
        return Document(doc_id=doc_id, text=page["documents"][0], title=info.title, source=info.source,
                        published=info.published, url=info.url, path=info.path,
                        content_hash=info.content_hash, author=info.author, language=info.language,
                        published_int=info.published_int, entry_hash=info.entry_hash)

    def is_current(self, doc: Document) -> bool:
        """True when `doc` is committed at exactly this content."""
        info = self._docs().get(doc.doc_id)
        return info is not None and info.content_hash == doc.content_hash


    def write_documents(self, items: list[tuple[Document, list[Chunk], np.ndarray]]) -> list[str]:
        """Write many document versions, each atomically, with batched calls; returns one status per item
        ("added", "updated" or "unchanged").

        Steps: all new chunk rows (invisible to readers until their document row matches), then all document
        rows in one upsert (the commit point of each document), then the version token, then the rows of the
        replaced versions (by id: each committed version knows its chunk count).
        """
        self.sync()
        committed = self._docs()
        statuses: list[str] = []
        todo: list[tuple[Document, list[Chunk], np.ndarray, DocInfo | None]] = []
        in_batch: set[str] = set()
        for doc, chunks, embeddings in items:
            if len(chunks) != len(embeddings):
                raise ValueError("one embedding per chunk is required")
            if not chunks:
                raise NewsqaError(f"{doc.doc_id}: no text to index")
            if doc.doc_id in in_batch:
                raise ValueError(f"document id '{doc.doc_id}' appears twice in one batch")
            previous = committed.get(doc.doc_id)
            if previous is not None and previous.content_hash == doc.content_hash:
                statuses.append("unchanged")
                continue
            in_batch.add(doc.doc_id)
            statuses.append("updated" if previous is not None else "added")
            todo.append((doc, chunks, embeddings, previous))
        if not todo:
            return statuses
        ids, texts, metas, vectors = [], [], [], []
        for doc, chunks, embeddings, _ in todo:
            ids.extend(chunk_id(doc.doc_id, doc.content_hash, c.chunk_index) for c in chunks)
            texts.extend(c.text for c in chunks)
            metas.extend(_chunk_meta(doc, c) for c in chunks)
            vectors.append(np.asarray(embeddings, dtype=np.float32))
        matrix = np.concatenate(vectors)
        for i in range(0, len(ids), _PAGE):
            self.chunks.upsert(ids=ids[i:i + _PAGE], documents=texts[i:i + _PAGE], embeddings=matrix[i:i + _PAGE],
                               metadatas=metas[i:i + _PAGE])
        means = []
        for _, _, embeddings, _ in todo:
            mean = np.asarray(embeddings, dtype=np.float32).mean(axis=0)
            means.append(mean / (np.linalg.norm(mean) or 1.0))
        doc_metas = [_doc_meta(doc, len(chunks)) for doc, chunks, _, _ in todo]
        for i in range(0, len(todo), _PAGE):
            part = todo[i:i + _PAGE]
            # The commit point: from here on readers see the new versions.
            self.docs.upsert(ids=[d.doc_id for d, _, _, _ in part], documents=[d.text for d, _, _, _ in part],
                             embeddings=means[i:i + _PAGE], metadatas=doc_metas[i:i + _PAGE])
        self._note_write({doc.doc_id: _doc_info(doc.doc_id, meta) for (doc, _, _, _), meta
                          in zip(todo, doc_metas, strict=True)}, removed=())
        old = [chunk_id(doc.doc_id, prev.content_hash, i) for doc, _, _, prev in todo if prev is not None
               for i in range(prev.n_chunks)]
        for i in range(0, len(old), _PAGE):
            self.chunks.delete(ids=old[i:i + _PAGE])
        return statuses

    def _note_write(self, changed: dict[str, DocInfo], removed: tuple[str, ...] | list[str]) -> None:
        """Publish a new version token and update this object's cache in place (no reload of every
        document after each write). If another process wrote since our last load, reload instead."""
        unseen_write = self._stored_version() != self._version
        token = self._bump_version()
        with self._lock:
            # Our client applied our own write; it is current unless someone wrote unseen (then reopen later).
            self._client_version = _UNKNOWN if unseen_write else token
            if unseen_write or self._docs_cache is None:
                self._docs_cache, self._signature, self._version = None, None, None
                return
            for doc_id in removed:
                self._docs_cache.pop(doc_id, None)
            self._docs_cache.update(changed)
            self._signature, self._version = None, token

    def delete_document(self, doc_id: str) -> int:
        """Remove a document and all its chunks; returns the number of chunks removed."""
        docs = self.committed_docs()
        if doc_id not in docs:
            known = ", ".join(sorted(docs)[:10]) or "none"
            raise UsageError(f"unknown document id '{doc_id}' (known: {known})")
        n = len(self.chunks.get(where={"doc_id": doc_id}, include=[])["ids"])
        self.docs.delete(ids=[doc_id])  # commit point: the document is gone for readers
        self._note_write({}, removed=[doc_id])
        self.chunks.delete(where={"doc_id": doc_id})
        return n

    def collect_garbage(self) -> int:
        """Delete chunk rows that belong to no committed document version (left by an interrupted write)."""
        committed = self.committed_docs()
        stale: list[str] = []
        for ids, _texts, metas in self.iter_chunks(committed_only=False, include_text=False):
            for row_id, meta in zip(ids, metas, strict=True):
                info = committed.get(meta.get("doc_id", ""))
                if info is None or info.content_hash != meta.get("content_hash"):
                    stale.append(row_id)
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
        """True when a chunk row belongs to the committed version of its document (per row: no copying)."""
        info = self._docs().get(meta.get("doc_id", ""))
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
        # No count() first: it scans the collection (O(corpus)), and Chroma returns fewer rows (or none)
        # when n_results exceeds the collection size. Over-fetch a little: rows of uncommitted versions are
        # filtered out after the query.
        res = self.chunks.query(query_embeddings=[embedding], n_results=n + 8, where=where,
                                include=["documents", "metadatas", "distances"])
        if not res["ids"] or not res["ids"][0]:
            return []
        out = []
        for cid, dist, text, meta in zip(res["ids"][0], res["distances"][0], res["documents"][0],
                                         res["metadatas"][0], strict=True):
            if meta is not None and self.is_visible(meta):  # None: a row deleted since the vector index was read
                out.append((cid, 1.0 - float(dist), text, meta))
        return out[:n]

    def is_visible_id(self, chunk_id: str) -> bool:
        """`is_visible` from the row id alone (ids carry the document and its version: no row read)."""
        doc_id, short_hash = chunk_row_doc(chunk_id)
        info = self._docs().get(doc_id)
        return info is not None and bool(short_hash) and info.content_hash[:12] == short_hash

    def query_ids(self, embedding: np.ndarray, n: int, where: dict | None = None) -> list[tuple[str, float]]:
        """Nearest committed chunks as (chunk_id, cosine similarity), best first, without reading their rows:
        retrieval reads texts and metadata only for the few passages it chooses (`get_chunks`)."""
        res = self.chunks.query(query_embeddings=[embedding], n_results=n + 8, where=where, include=["distances"])
        if not res["ids"] or not res["ids"][0]:
            return []
        out = [(cid, 1.0 - float(dist)) for cid, dist in zip(res["ids"][0], res["distances"][0], strict=True)
               if self.is_visible_id(cid)]
        return out[:n]

    def get_chunks(self, ids: list[str]) -> dict[str, tuple[str, dict]]:
        """Chunk rows by id: {id: (text, metadata)}."""
        if not ids:
            return {}
        res = self.chunks.get(ids=ids, include=["documents", "metadatas"])
        return {cid: (text, meta) for cid, text, meta in zip(res["ids"], res["documents"], res["metadatas"],
                                                              strict=True)}


def _news_meta(doc: Document) -> dict:
    """News metadata stored on document and chunk rows; the date also as integers so Chroma can filter on it."""
    first, last = date_range(doc.published_int)
    return {"author": doc.author, "language": doc.language, "published_int": doc.published_int,
            "published_from": first, "published_to": last, "source_key": source_key(doc.source)}


def _chunk_meta(doc: Document, chunk: Chunk) -> dict:
    return {
        "doc_id": doc.doc_id, "title": doc.title, "source": doc.source, "published": doc.published,
        "url": doc.url or "", "chunk_index": chunk.chunk_index, "start": chunk.start, "end": chunk.end,
        "content_hash": doc.content_hash, "sentences": json.dumps(chunk.sentences), **_news_meta(doc),
    }


def _doc_meta(doc: Document, n_chunks: int) -> dict:
    return {
        "doc_id": doc.doc_id, "title": doc.title, "source": doc.source, "published": doc.published,
        "url": doc.url or "", "content_hash": doc.content_hash, "n_chunks": n_chunks, "path": doc.path or "",
        "entry_hash": doc.entry_hash, "text_hash": doc.text_hash, **_news_meta(doc),
    }


def _doc_info(doc_id: str, meta: dict) -> DocInfo:
    published = meta.get("published", UNKNOWN)
    stored_int = meta.get("published_int")
    if stored_int is None:  # a row written before dates were stored as integers
        stored_int = parse_published(published, iso_only=True).as_int
    return DocInfo(doc_id=doc_id, content_hash=meta.get("content_hash", ""), title=meta.get("title", UNKNOWN),
                   source=meta.get("source", UNKNOWN), published=published,
                   url=meta.get("url") or None, n_chunks=int(meta.get("n_chunks", 0)),
                   path=meta.get("path") or None, author=meta.get("author", UNKNOWN),
                   language=meta.get("language", UNKNOWN),
                   published_int=int(stored_int),
                   entry_hash=meta.get("entry_hash", ""), text_hash=meta.get("text_hash", ""),
                   filterable="source_key" in meta)


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
