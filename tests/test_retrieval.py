"""Hybrid retrieval: fusion of dense and BM25 hits, with BM25 on its own thread."""

from __future__ import annotations

import os
import threading

from qa import retrieval
from qa.retrieval import retrieve_passages

QUESTIONS = ["Who confirmed the IRGC deployment?", "How many people fled Mosul?",
             "What did the Pentagon say about Iranian forces in Iraq?", "Which ships went to the Persian Gulf?"]


def _key(result) -> list[tuple[str, int, int]]:
    return [(p.chunk_id, p.start, p.end) for p in result.passages]


def test_both_retrievers_contribute_and_timings_are_reported(seeded_index, seeded_settings):
    result = retrieve_passages("How many people fled Mosul?", seeded_index, seeded_settings)
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
