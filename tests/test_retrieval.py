"""Hybrid retrieval: fusion of dense and BM25 hits, with BM25 on its own thread."""

from __future__ import annotations

import os
import threading

from qa.retrieve import hybrid as retrieval
from qa.retrieve.hybrid import retrieve_passages

QUESTIONS = ["Who confirmed that Revolutionary Guards were deployed to Iraq?", "How far is Samarra from Baghdad?",
             "What did the Pentagon say about Iranian forces in Iraq?", "What help did China offer Baghdad?"]


def _key(result) -> list[tuple[str, int, int]]:
    return [(p.chunk_id, p.start, p.end) for p in result.passages]


def test_both_retrievers_contribute_and_timings_are_reported(seeded_index, seeded_settings):
    result = retrieve_passages("How many Revolutionary Guard soldiers did Iran send to Iraq?", seeded_index,
                               seeded_settings)
    assert result.passages
    assert any(p.bm25_rank is not None for p in result.passages)
    assert any(p.dense_rank is not None for p in result.passages)
    assert set(result.timings) >= {"sync_s", "embed_s", "dense_s", "bm25_s", "fuse_s", "retrieve_s"}
    parts = sum(result.timings[k] for k in ("sync_s", "embed_s", "dense_s", "bm25_s", "fuse_s"))
    assert abs(parts - result.timings["retrieve_s"]) < 1e-3


def test_concurrent_callers_get_the_same_passages_as_one_caller(seeded_index, seeded_settings):
    expected = {q: _key(retrieve_passages(q, seeded_index, seeded_settings)) for q in QUESTIONS}
    got: dict[str, list] = {}
    errors: list[BaseException] = []

    def ask(q: str) -> None:
        try:
            for _ in range(3):
                got.setdefault(q, []).append(_key(retrieve_passages(q, seeded_index, seeded_settings)))
        except BaseException as exc:  # surfaced by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=ask, args=(q,)) for q in QUESTIONS]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors
    for q in QUESTIONS:
        assert got[q] == [expected[q]] * 3, q


def test_a_forked_child_gets_its_own_bm25_thread(seeded_index, seeded_settings, monkeypatch):
    pool = retrieval._bm25_pool()
    assert retrieval._bm25_pool() is pool  # one worker per process
    monkeypatch.setattr(os, "getpid", lambda: -1)  # what a forked child sees: another pid
    assert retrieval._bm25_pool() is not pool


# ---- rows are read only for what selection walks ------------------------------------------------------------
def _fused(index, question: str):
    from qa.index.embeddings import get_embedder

    emb = get_embedder().embed_one(question)
    dense = index.query_ids(emb, retrieval.CANDIDATES)
    bm25 = retrieval.bm25_store(index).search(question, retrieval.CANDIDATES)
    return retrieval.fuse(dense, bm25)


class CountingFetch:
    """index.get_chunks, recording which ids were asked for (optionally pretending some rows are gone)."""

    def __init__(self, index, gone: set[str] = frozenset()) -> None:
        self.index, self.gone, self.asked = index, gone, []

    def __call__(self, ids):
        self.asked.append(list(ids))
        return {cid: row for cid, row in self.index.get_chunks(ids).items() if cid not in self.gone}


def test_query_ids_ranks_like_the_query_that_reads_rows(seeded_index):
    from qa.index.embeddings import get_embedder

    for q in QUESTIONS:
        emb = get_embedder().embed_one(q)
        with_rows = [(cid, round(sim, 6)) for cid, sim, _, _ in seeded_index.query_dense(emb, 10)]
        ids_only = [(cid, round(sim, 6)) for cid, sim in seeded_index.query_ids(emb, 10)]
        assert ids_only == with_rows, q


def test_lazy_selection_chooses_what_reading_every_candidate_chooses(seeded_index, seeded_settings):
    k = seeded_settings.k
    for q in QUESTIONS:
        eager = _fused(seeded_index, q)
        rows = seeded_index.get_chunks([c.chunk_id for c in eager])
        for c in eager:
            c.text, c.meta = rows[c.chunk_id]
        lazy = _fused(seeded_index, q)
        fetch = CountingFetch(seeded_index)
        want = [c.chunk_id for c in retrieval.select_diverse(eager, k)]
        got = [c.chunk_id for c in retrieval.select_diverse(lazy, k, fetch)]
        assert got == want, q
        asked = [cid for batch in fetch.asked for cid in batch]
        assert asked == [c.chunk_id for c in lazy[:len(asked)]]  # a prefix of the fused order, no id twice
        assert len(asked) < len(lazy), (q, len(asked), len(lazy))  # the tail's rows were never read


def test_a_row_deleted_after_the_search_is_skipped(seeded_index, seeded_settings):
    k = seeded_settings.k
    q = QUESTIONS[0]
    first = [c.chunk_id for c in retrieval.select_diverse(_fused(seeded_index, q), k, seeded_index.get_chunks)]
    fetch = CountingFetch(seeded_index, gone={first[0]})
    chosen = [c.chunk_id for c in retrieval.select_diverse(_fused(seeded_index, q), k, fetch)]
    assert first[0] not in chosen and len(chosen) == k
    # the same choice as if the row had never been a candidate
    rest = [c for c in _fused(seeded_index, q) if c.chunk_id != first[0]]
    assert chosen == [c.chunk_id for c in retrieval.select_diverse(rest, k, seeded_index.get_chunks)]


def test_row_loader_reads_batches_in_order_and_stops_where_iteration_stops():
    cands = [retrieval.Candidate(f"d{i}::h::{i}") for i in range(10)]
    asked: list[list[str]] = []

    def fetch(ids):
        asked.append(list(ids))
        return {cid: (cid, {"doc_id": cid.split("::")[0], "start": 0, "end": 1}) for cid in ids if cid != "d1::h::1"}

    loader = retrieval.RowLoader(cands, fetch, batch=4, first=2)
    first_five = [c.chunk_id for _, c in zip(range(5), loader, strict=False)]
    assert first_five == ["d0::h::0", "d2::h::2", "d3::h::3", "d4::h::4", "d5::h::5"]
    assert asked == [["d0::h::0", "d1::h::1"], ["d2::h::2", "d3::h::3", "d4::h::4", "d5::h::5"]]
    assert [c.chunk_id for c in loader][-1] == "d9::h::9" and len(asked) == 3  # a second walk reuses the rows
    assert asked[2] == ["d6::h::6", "d7::h::7", "d8::h::8", "d9::h::9"]


def test_top_matches_is_the_best_positive_scores_ties_by_position():
    import numpy as np

    rng = np.random.default_rng(3)
    for n_docs, matching, n in ((1000, 30, 24), (1000, 5, 24), (50_000, 4000, 24), (10, 0, 3), (200, 200, 1)):
        scores = np.zeros(n_docs, dtype=np.float32)
        hit = rng.choice(n_docs, size=matching, replace=False)
        scores[hit] = rng.integers(1, 6, size=matching).astype(np.float32)  # few distinct values: many ties
        want = sorted((-float(scores[i]), int(i)) for i in np.flatnonzero(scores))[:n]
        values, positions = retrieval._top_matches(scores, n)
        assert [(-float(v), int(p)) for v, p in zip(values, positions, strict=True)] == want
