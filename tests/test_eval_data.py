"""The hand-written eval data is consistent with the seed articles and with itself."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from evals.dataset import (
    CATEGORIES,
    TRAPS,
    GoldSpanError,
    QAItem,
    gold_spans,
    load_qa,
    load_summary_points,
    load_support_pairs,
)
from evals.metrics import covered_points, key_fact_recall
from qa.corpus import load_seed_documents
from qa.errors import InputFileError
from qa.schema import Document


@pytest.fixture(scope="module")
def docs() -> dict[str, Document]:
    return {d.doc_id: d for d in load_seed_documents()}


@pytest.fixture(scope="module")
def qa() -> list[QAItem]:
    return load_qa()


def _paragraphs_containing(text: str, docs: dict[str, Document], doc_id: str | None = None) -> int:
    """How many paragraphs (of one document, or of all) contain `text`."""
    chosen = [docs[doc_id]] if doc_id else list(docs.values())
    return sum(text in p for d in chosen for p in d.text.split("\n\n"))


def test_the_seeds_are_the_two_documents_the_data_refers_to(docs):
    assert set(docs) == {"seed-000", "seed-003"}


def test_every_gold_quote_is_exact_unique_and_within_one_paragraph(qa, docs):
    for item in qa:
        for gold in item.gold:
            assert docs[gold.doc_id].text.count(gold.quote) == 1, (item.id, gold.quote)
            assert _paragraphs_containing(gold.quote, docs, gold.doc_id) == 1, (item.id, gold.quote)


def test_gold_spans_resolve_to_the_quoted_text(qa, docs):
    for item in qa:
        spans = gold_spans(item, list(docs.values()))
        assert len(spans) == len(item.gold)
        for (doc_id, start, end), gold in zip(spans, item.gold, strict=True):
            assert doc_id == gold.doc_id
            assert docs[doc_id].text[start:end] == gold.quote


def test_gold_spans_reports_a_quote_missing_from_the_article(docs):
    item = QAItem(id="x1", category="fact", question="q?", reference_answer="a", key_facts=["a"],
                  gold=[{"doc_id": "seed-000", "quote": "Iran has sent 5,000 units"}])
    with pytest.raises(GoldSpanError, match="x1"):
        gold_spans(item, docs)


def test_every_support_passage_is_an_exact_span_of_one_paragraph(docs):
    for pair in load_support_pairs():
        assert _paragraphs_containing(pair.passage, docs) == 1, (pair.id, pair.passage)


def test_question_counts_categories_and_followups(qa):
    assert len(qa) >= 44
    assert len({i.id for i in qa}) == len(qa)
    counts = Counter(i.category for i in qa)
    assert set(counts) == set(CATEGORIES)
    assert sum(i.must_abstain for i in qa) >= 10
    assert counts["followup"] >= 4
    for item in qa:
        if item.category == "followup":
            assert item.history and all(t.question and t.answer for t in item.history)
        if item.must_abstain:
            assert not item.key_facts and not item.gold


def test_answerable_items_are_grounded(qa):
    """Each key fact is stated in the reference answer and in the gold quotes (so it is checkable)."""
    for item in qa:
        if item.must_abstain:
            continue
        assert key_fact_recall(item.reference_answer, item.key_facts) == 1.0, item.id
        quotes = " ".join(g.quote for g in item.gold)
        assert key_fact_recall(quotes, item.key_facts) == 1.0, item.id


def test_required_conflict_questions_are_present(qa):
    by_question = {i.question: i for i in qa}
    who = by_question["Who confirmed the IRGC deployment?"]
    confirmed = by_question["Is the IRGC deployment to Iraq confirmed?"]
    for item in (who, confirmed):
        assert item.category == "conflict"
        assert "Iranian security sources" in item.key_facts
        assert {g.doc_id for g in item.gold} == {"seed-000", "seed-003"}
    # An answer that repeats the Iranian claim without the Pentagon's or Tehran's response misses a fact.
    assert key_fact_recall("Iranian security sources confirmed about 500 IRGC members were deployed.",
                           confirmed.key_facts) == 0.5


def test_both_articles_items_cite_both_articles(qa):
    for item in qa:
        if item.category == "both_articles":
            assert {g.doc_id for g in item.gold} == {"seed-000", "seed-003"}, item.id


def test_support_pairs_are_balanced_and_cover_every_trap():
    pairs = load_support_pairs()
    assert len(pairs) >= 90
    assert len({p.id for p in pairs}) == len(pairs)
    labels = Counter(p.label for p in pairs)
    assert 0.4 <= labels["supported"] / len(pairs) <= 0.6
    traps = Counter(p.trap for p in pairs)
    assert set(traps) == set(TRAPS)
    for trap, n in traps.items():
        if trap not in {"none", "paraphrase"}:
            assert n >= 4, trap


def test_summary_points_span_both_articles_and_are_coverable(docs):
    points = load_summary_points()
    assert len(points) >= 6
    assert len({p.id for p in points}) == len(points)
    assert {p.doc_id for p in points} == {"seed-000", "seed-003"}
    assert any("Pentagon" in p.keywords and "could not confirm" in p.point for p in points)
    for point in points:
        # A point's keywords must be satisfiable by its own wording and by the article it comes from.
        assert covered_points(point.point, [point]) == [True], point.id
        assert covered_points(docs[point.doc_id].text, [point]) == [True], point.id


def test_loader_names_the_line_of_a_bad_record(tmp_path: Path):
    good = load_support_pairs()[0].model_dump_json()
    path = tmp_path / "support.jsonl"
    path.write_text(good + "\n" + good.replace('"supported"', '"maybe"') + "\n", encoding="utf-8")
    with pytest.raises(InputFileError, match="line 2: label"):
        load_support_pairs(path)
    path.write_text(good + "\n\n" + good + "\n", encoding="utf-8")
    with pytest.raises(InputFileError, match="line 3: duplicate id"):
        load_support_pairs(path)


def test_loader_rejects_inconsistent_items(tmp_path: Path):
    item = load_qa()[0].model_copy(update={"must_abstain": True})
    path = tmp_path / "qa.jsonl"
    path.write_text(item.model_dump_json() + "\n", encoding="utf-8")
    with pytest.raises(InputFileError, match="line 1"):
        load_qa(path)
