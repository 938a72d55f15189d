"""Hybrid retrieval: dense (Chroma) + BM25 fused by reciprocal rank fusion, near-duplicates merged,
a per-document cap for diversity, and sentence windows so the prompt stays within its token budget.

`retrieve_passages` is what the answer and summary pipelines call; `qa.integrations.llama_index.HybridRetriever`
offers it to llama-index code.
"""

from __future__ import annotations

import json
import math
import os
import re
import shutil
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np

from qa.config import Settings
from qa.index.embeddings import get_embedder
from qa.index.store import NewsIndex, chunk_row_doc, chunk_sentences
from qa.retrieve.filters import Filters, NoMatchError, check_filters, dense_where
from qa.schema import Passage
from qa.sources import UNKNOWN
from qa.text import FUNCTION_WORDS

RRF_K = 60  # the constant from Cormack et al. (2009); rank fusion is insensitive to it
CANDIDATES = 24  # per retriever, before fusion
PROMPT_OVERHEAD_TOKENS = 170  # system + instructions + question, measured on the default templates
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'\-]*")


def content_words(text: str) -> list[str]:
    """Lower-cased words minus stop words: what lexical matching compares."""
    return [w for w in (m.group(0).lower() for m in _WORD.finditer(text)) if w not in FUNCTION_WORDS]


# ---- BM25 ----------------------------------------------------------------------------------------
class BM25Store:
    """A bm25s index over the committed chunks, persisted next to the index and rebuilt only when
    the corpus signature changes (never per query). The signature is the index's cached one: callers
    that want other processes' writes call `index.sync()` first (retrieve_passages does)."""

    def __init__(self, index: NewsIndex) -> None:
        self.index = index
        self._lock = threading.Lock()
        self._signature: str | None = None
        self._retriever = None
        self._ids: list[str] = []
        self._doc_of: np.ndarray | None = None  # per chunk position: its document's number in _doc_names
        self._doc_names: dict[str, int] = {}

    def _root(self) -> Path:
        settings = self.index.settings
        if settings.chroma_url:
            import hashlib

            key = hashlib.sha256(f"{settings.chroma_url}/{settings.collection}".encode()).hexdigest()[:12]
            return settings.home / "bm25" / key
        return settings.db_path / "bm25" / settings.collection

    def _ensure(self) -> None:
        signature = self.index.signature()
        if signature == self._signature:
            return
        import bm25s

        root = self._root()
        folder = root / signature
        ids_file = folder / "chunk_ids.json"
        if ids_file.is_file():
            retriever = bm25s.BM25.load(str(folder), mmap=False)
            ids = json.loads(ids_file.read_text())
        else:
            ids, texts = [], []
            for page_ids, page_texts, _ in self.index.iter_chunks(committed_only=True):
                ids.extend(page_ids)
                texts.extend(page_texts)
            retriever = bm25s.BM25()
            if texts:
                retriever.index(bm25s.tokenize(texts, stopwords="en", show_progress=False), show_progress=False)
            tmp = root / f".{signature}.tmp"
            shutil.rmtree(tmp, ignore_errors=True)
            tmp.mkdir(parents=True, exist_ok=True)
            if texts:
                retriever.save(str(tmp))
            (tmp / "chunk_ids.json").write_text(json.dumps(ids))
            shutil.rmtree(folder, ignore_errors=True)
            tmp.rename(folder)  # a reader never sees a half-written BM25 index
            for old in root.iterdir():
                if old.name != signature and not old.name.startswith("."):
                    shutil.rmtree(old, ignore_errors=True)
        self._retriever, self._ids, self._signature = retriever, ids, signature
        self._doc_of, self._doc_names = None, {}

    def _allowed_mask(self, allowed: set[str]) -> np.ndarray:
        """True at the positions of chunks whose document is in `allowed` (the document numbering is built once
        per corpus version, so a filtered query costs one vectorised lookup)."""
        if self._doc_of is None:
            names: dict[str, int] = {}
            self._doc_of = np.fromiter((names.setdefault(chunk_row_doc(cid)[0], len(names)) for cid in self._ids),
                                       dtype=np.int64, count=len(self._ids))
            self._doc_names = names
        wanted = np.zeros(len(self._doc_names) + 1, dtype=bool)
        for doc_id in allowed:
            code = self._doc_names.get(doc_id)
            if code is not None:
                wanted[code] = True
        return wanted[self._doc_of]

    def search(self, query: str, n: int, allowed: set[str] | None = None) -> list[tuple[str, float]]:
        """Best chunk ids for `query` with their BM25 scores (positive scores only); with `allowed`, only among the
        chunks of those documents (restricted before the top-n is taken, so n hits come from them when they can)."""
        import bm25s

        with self._lock:
            self._ensure()
            if not self._ids:
                return []
            tokens = bm25s.tokenize([query], stopwords="en", return_ids=False, show_progress=False)[0]
            vocab = self._retriever.vocab_dict
            tokens = [t for t in tokens if t in vocab]
            if not tokens:
                return []
            # get_scores is what retrieve() runs per query, minus the thread pool and progress bar it sets up on
            # every call; the top-n is taken among matching chunks only (_top_matches).
            scores = self._retriever.get_scores(tokens)
            if allowed is not None:
                scores = np.where(self._allowed_mask(allowed), scores, 0.0)
            scores, docs = _top_matches(scores, n)
        return [(self._ids[int(d)], float(s)) for d, s in zip(docs, scores, strict=True)]


def _top_matches(scores: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """The n best positive scores and their positions, best first, ties by position.

    Hand-written because bm25s's topk partitions all N scores, and np.argpartition over an array that is mostly
    zeros (every chunk without a query word) was the BM25 tail at 100k chunks: p95 17 ms against 1.2 ms here.
    """
    hits = np.flatnonzero(scores > 0)
    values = scores[hits]
    if len(hits) > n:
        kth = np.partition(values, len(values) - n)[len(values) - n]  # the n-th best score
        better = np.flatnonzero(values > kth)
        tied = np.flatnonzero(values == kth)[:n - len(better)]  # hits are in position order
        keep = np.concatenate([better, tied])
        hits, values = hits[keep], values[keep]
    order = np.lexsort((hits, -values))
    return values[order], hits[order]


# ---- fusion and selection ------------------------------------------------------------------------
@dataclass
class Candidate:
    """A fused hit. Its row (text, metadata) is read only when selection reaches it (`RowLoader`)."""

    chunk_id: str
    text: str = ""
    meta: dict | None = None
    fused: float = 0.0
    dense: float | None = None
    dense_rank: int | None = None
    bm25_rank: int | None = None

    @cached_property
    def shingles(self) -> set[str]:
        return _shingles(self.text)

    @property
    def doc_id(self) -> str:
        return self.meta["doc_id"] if self.meta else chunk_row_doc(self.chunk_id)[0]

    @property
    def span(self) -> tuple[int, int]:
        return int(self.meta["start"]), int(self.meta["end"])


@dataclass
class RetrievalResult:
    """Passages numbered [1]..[k] for the prompt, plus what abstention and evals need."""

    passages: list[Passage]
    best_dense: float
    query_embedding: np.ndarray | None = None
    timings: dict[str, float] = field(default_factory=dict)


def _shingles(text: str) -> set[str]:
    words = content_words(text)
    return {" ".join(words[i:i + 3]) for i in range(max(1, len(words) - 2))}


def _near_duplicate(a: Candidate, b: Candidate) -> bool:
    if a.doc_id == b.doc_id:
        (s1, e1), (s2, e2) = a.span, b.span
        overlap = min(e1, e2) - max(s1, s2)
        return overlap > 0.5 * min(e1 - s1, e2 - s2)
    sa, sb = a.shingles, b.shingles
    return bool(sa and sb) and len(sa & sb) / len(sa | sb) > 0.7  # syndicated copies of one story


def fuse(dense: list[tuple[str, float]], bm25: list[tuple[str, float]]) -> list[Candidate]:
    """Reciprocal rank fusion of two ranked lists of (chunk_id, score): candidates without rows yet, best first."""
    cands: dict[str, Candidate] = {}
    for rank, (cid, sim) in enumerate(dense):
        cands[cid] = Candidate(cid, fused=1.0 / (RRF_K + rank + 1), dense=sim, dense_rank=rank + 1)
    for rank, (cid, _score) in enumerate(bm25):
        cand = cands.setdefault(cid, Candidate(cid))
        cand.fused += 1.0 / (RRF_K + rank + 1)
        cand.bm25_rank = rank + 1
    return sorted(cands.values(), key=lambda c: c.fused, reverse=True)


class RowLoader:
    """Reads candidates' rows in fused order, a batch per round trip, only as far as selection walks:
    first `first` rows, then `batch` at a time. At 100k chunks 94% of questions choose their k passages from
    the first k candidates, so a query reads k rows instead of every candidate's (a row not in the page cache
    costs a disk read)."""

    def __init__(self, cands: list[Candidate], fetch, batch: int, first: int | None = None) -> None:
        self._cands, self._fetch, self._batch = cands, fetch, max(1, batch)
        self._next = max(1, first or batch)
        self._done = 0
        self._loaded: list[Candidate] = []  # candidates whose row exists, in fused order

    def __iter__(self):
        i = 0
        while True:
            while i >= len(self._loaded) and self._done < len(self._cands):
                self._load_next()
            if i >= len(self._loaded):
                return
            yield self._loaded[i]
            i += 1

    def _load_next(self) -> None:
        window = self._cands[self._done:self._done + self._next]
        todo = [c for c in window if c.meta is None]
        rows = self._fetch([c.chunk_id for c in todo]) if todo else {}
        for cand in window:
            if cand.meta is None and cand.chunk_id in rows:
                cand.text, cand.meta = rows[cand.chunk_id]
            if cand.meta is not None:  # a row deleted since the search is skipped
                self._loaded.append(cand)
        self._done += len(window)
        self._next = self._batch


def select_diverse(cands: list[Candidate], k: int, fetch=None) -> list[Candidate]:
    """Top-k in fused order, skipping near-duplicates, with at most ceil(k/2) passages per document
    when other documents have candidates (so one long article cannot crowd out another).
    `fetch(ids) -> {id: (text, meta)}` reads rows not loaded yet (k, then 2k at a time)."""
    docs = {c.doc_id for c in cands}
    cap = k if len(docs) <= 1 else max(1, math.ceil(k / 2))
    rows = RowLoader(cands, fetch or (lambda ids: {}), batch=2 * k, first=k)
    chosen: list[Candidate] = []
    per_doc: dict[str, int] = {}
    for cand in rows:
        if any(_near_duplicate(cand, c) for c in chosen):
            continue
        if per_doc.get(cand.doc_id, 0) >= cap:
            continue
        chosen.append(cand)
        per_doc[cand.doc_id] = per_doc.get(cand.doc_id, 0) + 1
        if len(chosen) == k:
            break
    if len(chosen) < k:  # fewer documents than slots: relax the cap rather than return less context
        for cand in rows:
            if cand not in chosen and not any(_near_duplicate(cand, c) for c in chosen):
                chosen.append(cand)
                if len(chosen) == k:
                    break
    return chosen


def sentence_window(cand: Candidate, query_words: set[str], max_chars: int) -> tuple[int, int, list]:
    """The slice of the chunk around its best-matching sentence that fits `max_chars`
    (the whole chunk when it fits): (start, end, sentence spans inside)."""
    start, end = cand.span
    sents = [s for s in chunk_sentences(cand.meta) if start <= s[0] and s[1] <= end] or [(start, end)]
    if end - start <= max_chars:
        return start, end, sents

    def score(span: tuple[int, int]) -> float:
        words = set(content_words(cand.text[span[0] - start:span[1] - start]))
        return len(words & query_words)

    best = max(range(len(sents)), key=lambda i: score(sents[i]))
    lo = hi = best
    while True:  # grow symmetrically while the window fits
        grown = False
        for nlo, nhi in ((lo - 1, hi), (lo, hi + 1)):
            if 0 <= nlo and nhi < len(sents) and sents[nhi][1] - sents[nlo][0] <= max_chars:
                lo, hi, grown = nlo, nhi, True
                break
        if not grown:
            break
    return sents[lo][0], sents[hi][1], sents[lo:hi + 1]


# ---- public API ----------------------------------------------------------------------------------
_bm25_stores: dict[int, BM25Store] = {}
# BM25 runs on this thread while the calling thread embeds the question and queries Chroma: torch, numpy and
# Chroma's Rust core spend most of their time outside the GIL, so a query costs max(...) rather than the sum.
_pool: tuple[int, ThreadPoolExecutor] | None = None


def _bm25_pool() -> ThreadPoolExecutor:
    """The BM25 worker thread of this process (a forked child gets its own: threads do not survive a fork)."""
    global _pool
    if _pool is None or _pool[0] != os.getpid():
        _pool = (os.getpid(), ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsqa-bm25"))
    return _pool[1]


def bm25_store(index: NewsIndex) -> BM25Store:
    """The BM25 store for an index object (one per process and index)."""
    store = _bm25_stores.get(id(index))
    if store is None or store.index is not index:
        store = _bm25_stores[id(index)] = BM25Store(index)
    return store


def retrieve_passages(question: str, index: NewsIndex, settings: Settings, k: int | None = None,
                      doc_ids: list[str] | None = None, embedding: np.ndarray | None = None,
                      filters: Filters | None = None) -> RetrievalResult:
    """The k passages to show the model for `question` (optionally only from `doc_ids`, and only from articles
    the `filters` match: outlet, date range; `embedding`: the question's embedding when the caller already has
    it). Raises qa.retrieve.filters.NoMatchError when the filters match no indexed article."""
    k = k or settings.k
    t0 = time.perf_counter()
    index.sync()  # another process may have written: one O(1) check, a reload only if it did
    matching = check_filters(index, filters)  # None without filters
    if matching is not None and doc_ids:
        matching = [d for d in matching if d in set(doc_ids)]
        if not matching:
            raise NoMatchError(f"no indexed article among the {len(set(doc_ids))} requested documents matches "
                               f"{filters.describe()}")
    allowed = set(matching) if matching is not None else None
    # BM25 needs only the words: it runs on its own thread while this one embeds the question and queries Chroma.
    bm25_job = _bm25_pool().submit(bm25_store(index).search, question,
                                   CANDIDATES * (3 if doc_ids and allowed is None else 1), allowed)
    t_embed = time.perf_counter()
    q_emb = get_embedder().embed_one(question) if embedding is None else embedding
    t1 = time.perf_counter()
    where = {"doc_id": {"$in": doc_ids}} if doc_ids else None
    if matching is not None:
        where = dense_where(index.committed_docs(), filters, matching, doc_ids if doc_ids else None)
    dense = index.query_ids(q_emb, CANDIDATES, where=where)
    t2 = time.perf_counter()
    bm25 = bm25_job.result()  # bm25_s below is only the wait left after the embedding and the dense query
    if doc_ids:
        allowed = set(doc_ids)
        bm25 = [(cid, s) for cid, s in bm25 if chunk_row_doc(cid)[0] in allowed]
    t3 = time.perf_counter()
    chosen = select_diverse(fuse(dense, bm25), k, index.get_chunks)
    t_rows = time.perf_counter()
    budget_chars = max(200, int((settings.prompt_budget_tokens - PROMPT_OVERHEAD_TOKENS) * 4 / max(1, k)))
    qwords = set(content_words(question))
    passages = []
    for n, cand in enumerate(chosen, start=1):
        ws, we, sents = sentence_window(cand, qwords, budget_chars)
        cs, _ = cand.span
        m = cand.meta
        passages.append(Passage(
            n=n, chunk_id=cand.chunk_id, doc_id=m["doc_id"], title=m.get("title", UNKNOWN),
            source=m.get("source", UNKNOWN), published=m.get("published", UNKNOWN), url=m.get("url") or None,
            text=cand.text[ws - cs:we - cs], start=ws, end=we, sentences=[tuple(s) for s in sents],
            score=round(cand.fused, 6), dense_rank=cand.dense_rank, bm25_rank=cand.bm25_rank,
            author=m.get("author", UNKNOWN), language=m.get("language", UNKNOWN),
            published_int=int(m.get("published_int", 0) or 0)))
    t4 = time.perf_counter()
    best = max((sim for _, sim in dense), default=0.0)
    return RetrievalResult(passages=passages, best_dense=best, query_embedding=q_emb, timings={
        "sync_s": t_embed - t0, "embed_s": t1 - t_embed, "dense_s": t2 - t1, "bm25_s": t3 - t2,
        "select_s": t_rows - t3, "window_s": t4 - t_rows, "fuse_s": t4 - t3, "retrieve_s": t4 - t0})

