"""Eval metrics on small hand-built cases; every expected value is worked out by hand in the comments."""

from __future__ import annotations

import math
from collections.abc import Sequence

import pytest

from evals import metrics as M
from evals.dataset import SummaryPoint
from evals.metrics import (
    abstention_scores,
    aggregate,
    answer_similarity,
    balanced_accuracy,
    check_gate,
    citation_precision,
    citation_recall,
    faithfulness,
    key_fact_recall,
    mean,
    mrr,
    retrieval_recall_at_k,
    span_hit,
    summary_keypoint_coverage,
    tokens,
)
from qa.schema import Answer, AnswerSentence, Citation


def word_support(sentence: str, passages: Sequence[str]) -> bool:
    """Test support_fn: a sentence is supported when every one of its words occurs in the joined passages."""
    available = set(" ".join(passages).split())
    return set(sentence.split()) <= available


def cite(n: int, passage: str, quote: str = "q") -> Citation:
    return Citation(n=n, doc_id="d", quote=quote, start=0, end=len(quote), passage=passage)


def sent(text: str, citations: list[int], supported: bool = False) -> AnswerSentence:
    return AnswerSentence(text=text, citations=citations, supported=supported)


CITATIONS = [cite(1, "x y"), cite(2, "x"), cite(3, "y"), cite(4, "z"), cite(5, "y x")]


def answer(*sentences: AnswerSentence, abstained: bool = False, citations=CITATIONS) -> Answer:
    return Answer(question="q", answer="a", abstained=abstained, sentences=list(sentences),
                  citations=citations)


# --- faithfulness


def test_faithfulness_counts_sentences_of_non_abstained_answers():
    answers = [
        answer(sent("a", [], True), sent("b", [], False)),
        answer(sent("c", [], True)),
        answer(sent("d", [], False), abstained=True),  # ignored: abstained
    ]
    assert faithfulness(answers) == pytest.approx(2 / 3)
    assert faithfulness([answer(abstained=True)]) is None


# --- ALCE citation recall and precision


def test_redundant_citation_is_penalised():
    # [1] "x y" supports alone; [2] "x" does not, and [1] still supports without it -> [2] irrelevant.
    a = answer(sent("x y", [1, 2]))
    assert citation_recall(a, word_support) == 1.0
    assert citation_precision(a, word_support) == 0.5


def test_citations_needed_together_are_not_penalised():
    # Neither [2] "x" nor [3] "y" supports alone, but removing either breaks support -> both relevant.
    a = answer(sent("x y", [2, 3]))
    assert citation_recall(a, word_support) == 1.0
    assert citation_precision(a, word_support) == 1.0


def test_two_sufficient_citations_are_both_relevant():
    # [1] and [5] each support alone (condition (a) fails), so neither is irrelevant.
    assert citation_precision(answer(sent("x y", [1, 5])), word_support) == 1.0


def test_citation_scores_over_a_mixed_answer():
    a = answer(
        sent("x y", [1, 2]),  # supported; 1 of 2 citations relevant
        sent("x y", [2, 3]),  # supported; 2 of 2 relevant
        sent("x y", [4]),  # not supported by "z"; 0 of 1 relevant
        sent("y", []),  # no citation: recall 0, no citations counted
        sent("x", [9]),  # marker 9 matches no citation: recall 0, 0 of 1 relevant
    )
    assert citation_recall(a, word_support) == pytest.approx(2 / 5)
    assert citation_precision(a, word_support) == pytest.approx(3 / 6)


def test_citation_text_is_the_passage_else_the_quote():
    # Passage "x y" supports "x y" although the quote is only "x"; with no passage the quote is used.
    assert citation_recall(answer(sent("x y", [1]), citations=[cite(1, "x y", quote="x")]), word_support) == 1
    assert citation_recall(answer(sent("x y", [1]), citations=[cite(1, "", quote="x y")]), word_support) == 1
    assert citation_recall(answer(sent("x y", [1]), citations=[cite(1, "", quote="x")]), word_support) == 0


def test_citation_metrics_edge_cases():
    assert citation_recall(answer(sent("x", [1]), abstained=True), word_support) is None
    assert citation_precision(answer(), word_support) is None
    # Sentences but no citations at all: ALCE gives precision 0.
    assert citation_precision(answer(sent("x", [])), word_support) == 0.0


# --- key facts


def test_tokens_normalise_case_punctuation_numbers_and_contractions():
    assert tokens("Iran's 1,000 GUARDS can't, two!") == ["iran", "1000", "guard", "can", "not", "2"]


def test_key_fact_recall():
    text = "Iranian security sources said about 500 IRGC members were sent to Iraq."
    # "about 500" and "Iranian security sources" found, "Pentagon" not: 2/3.
    facts = ["about 500", "Iranian security sources", "Pentagon"]
    assert key_fact_recall(text, facts) == pytest.approx(2 / 3)
    assert key_fact_recall("1,000 people fled", ["1000"]) == 1.0
    assert key_fact_recall("about 5,000 were sent", ["about 500"]) == 0.0
    assert key_fact_recall("as many as 500,000 fled", ["500"]) == 0.0
    assert key_fact_recall("two battalions fought", ["2 battalions"]) == 1.0
    assert key_fact_recall("REVOLUTIONARY GUARDS!", ["Revolutionary Guard"]) == 1.0
    assert key_fact_recall("The Pentagon couldn't confirm it.", ["cannot confirm|could not confirm"]) == 1.0
    # Negations are content: "confirmed" does not convey "could not confirm".
    assert key_fact_recall("The Pentagon confirmed it.", ["Pentagon could not confirm"]) == 0.0
    assert key_fact_recall("anything", []) is None


def test_a_negated_or_scattered_fact_is_not_conveyed():
    # "send combat troops" must not match "ruled out sending combat troops" (issue 13).
    assert key_fact_recall("Obama ruled out sending combat troops to Iraq.", ["sending combat troops"]) == 0.0
    assert key_fact_recall("Obama said he would not send combat troops.", ["send combat troops"]) == 0.0
    assert key_fact_recall("Obama ruled out sending combat troops.", ["ruled out", "combat troops"]) == 0.5
    # A negative fact needs its negation; a negation elsewhere in the sentence does not flip a fact.
    assert key_fact_recall("He would not rule out air strikes.", ["not rule out"]) == 1.0
    assert key_fact_recall("He would rule out air strikes.", ["not rule out"]) == 0.0
    assert key_fact_recall("The Pentagon could not confirm it, but Iranian sources confirmed about 500 troops.",
                           ["about 500"]) == 1.0
    # All words of a fact must be in one sentence.
    assert key_fact_recall("Iranian forces are in Iraq. Security sources said so.", ["Iranian security sources"]) \
        == 0.0


def test_draft_scores_grade_the_draft_as_written():
    """Draft metrics use the model's own markers: a true sentence citing the wrong passage has recall 0 even if
    another shown passage supports it (no re-pointing in the metric)."""
    def support(sentence, texts):
        return any(sentence.rstrip(".") in t for t in texts)

    passages = {1: "Rivers rose overnight.", 2: "Thousands were evacuated."}
    right = M.draft_scores([("Rivers rose overnight.", [1])], passages, support)
    wrong = M.draft_scores([("Rivers rose overnight.", [2])], passages, support)
    invented = M.draft_scores([("Ten bridges collapsed.", [1])], passages, support)
    assert right == {"faithfulness": 1.0, "citation_recall": 1.0, "citation_precision": 1.0}
    assert wrong["faithfulness"] == 1.0 and wrong["citation_recall"] == 0.0
    assert invented["faithfulness"] == 0.0 and invented["citation_recall"] == 0.0
    assert M.draft_scores([], passages, support)["faithfulness"] is None


def test_summary_keypoint_coverage():
    points = [
        SummaryPoint(id="s1", split="dev", point="p", keywords=["500", "Revolutionary Guard|IRGC"], doc_id="a"),
        SummaryPoint(id="s2", split="dev", point="p", keywords=["Pentagon", "not confirm|cannot confirm"], doc_id="b"),
        SummaryPoint(id="s3", split="test", point="p", keywords=["Obama", "combat troops"], doc_id="b"),
    ]
    summary = "Iranian sources said about 500 IRGC members went to Iraq; the Pentagon could not confirm it."
    assert summary_keypoint_coverage(summary, points) == pytest.approx(2 / 3)
    assert summary_keypoint_coverage("As many as 500,000 fled; IRGC units", points[:1]) == 0.0


# --- similarity


def test_answer_similarity_is_a_clipped_cosine():
    vectors = {"a": [1.0, 0.0], "b": [1.0, 1.0], "c": [-1.0, 0.0], "zero": [0.0, 0.0]}

    def fake_embed(texts: Sequence[str]) -> list[list[float]]:
        return [vectors[t] for t in texts]

    assert answer_similarity("a", "b", fake_embed) == pytest.approx(1 / math.sqrt(2))
    assert answer_similarity("a", "a", fake_embed) == pytest.approx(1.0)
    assert answer_similarity("a", "c", fake_embed) == 0.0  # cosine -1, clipped
    assert answer_similarity("a", "zero", fake_embed) == 0.0


# --- abstention and classification


def test_abstention_scores():
    # (abstained, must_abstain): TP = 2, abstentions = 3, required = 3, agreements = 3 of 5.
    items = [(True, True), (True, False), (False, True), (False, False), (True, True)]
    scores = abstention_scores(items)
    assert scores["abstention_precision"] == pytest.approx(2 / 3)
    assert scores["abstention_recall"] == pytest.approx(2 / 3)
    assert scores["abstention_accuracy"] == pytest.approx(3 / 5)
    never = abstention_scores([(False, True), (False, False)])
    assert never["abstention_precision"] is None
    assert never["abstention_recall"] == 0.0
    assert never["abstention_accuracy"] == 0.5


def test_balanced_accuracy():
    # supported: 3 of 4 right; not supported: 1 of 2 right -> (0.75 + 0.5) / 2.
    labels = [True, True, True, True, False, False]
    preds = [True, True, True, False, True, False]
    assert balanced_accuracy(labels, preds) == pytest.approx(0.625)
    # Always answering the majority class scores 0.5, though plain accuracy would be 0.8.
    assert balanced_accuracy(["s"] * 8 + ["n"] * 2, ["s"] * 10) == pytest.approx(0.5)
    with pytest.raises(ValueError):
        balanced_accuracy([True], [True, False])


# --- retrieval


def test_span_hit_needs_half_of_the_gold_span():
    gold = ("d", 100, 200)
    assert span_hit(("d", 150, 260), gold)  # overlap 50 of 100
    assert not span_hit(("d", 151, 300), gold)  # overlap 49
    assert not span_hit(("e", 100, 200), gold)  # other document
    assert span_hit(("d", 0, 1000), gold)


def test_retrieval_recall_at_k_and_mrr():
    gold = [("d", 100, 200), ("d", 300, 340)]
    retrieved = [("d", 0, 90), ("d", 290, 400), ("d", 120, 220)]  # miss, hits gold 2, hits gold 1 (80 chars)
    assert retrieval_recall_at_k(retrieved, gold, k=1) == 0.0
    assert retrieval_recall_at_k(retrieved, gold, k=2) == 0.5
    assert retrieval_recall_at_k(retrieved, gold, k=3) == 1.0
    assert mrr(retrieved, gold) == 0.5
    assert mrr(retrieved, gold, k=1) == 0.0
    assert retrieval_recall_at_k(retrieved, []) is None


# --- aggregation and gate


def test_mean_and_aggregate_skip_not_applicable_values():
    assert mean([1.0, None, 0.0]) == 0.5
    assert mean([None]) is None
    rows = [{"a": 1.0, "b": None}, {"a": 0.5, "b": 0.25}, {"a": 0.0}]
    assert aggregate(rows) == {"a": 0.5, "b": 0.25}


def test_gate_reports_thresholds_missing_metrics_and_regressions():
    metrics = {"faithfulness": 0.70, "citation_recall": 0.80, "key_fact_recall": 0.90}
    thresholds = {"faithfulness": 0.75, "citation_recall": 0.50, "answer_similarity": 0.50}
    baseline = {"citation_recall": 0.90, "key_fact_recall": 0.92}
    failures = check_gate(metrics, thresholds, baseline, tolerance=0.05)
    # faithfulness under threshold; answer_similarity missing; citation_recall fell 0.10 > 0.05;
    # key_fact_recall fell 0.02, within tolerance.
    assert len(failures) == 3
    assert any(f.startswith("faithfulness = 0.700 is below the threshold 0.750") for f in failures)
    assert any(f.startswith("answer_similarity is missing") for f in failures)
    regression = "citation_recall = 0.800 dropped 0.100 below the baseline 0.900"
    assert any(f.startswith(regression) for f in failures)


def test_gate_passes_at_the_edges():
    # Exactly at the threshold and exactly `tolerance` below the baseline both pass.
    assert check_gate({"m": 0.85}, {"m": 0.85}, {"m": 0.90}, tolerance=0.05) == []
    with pytest.raises(ValueError):
        check_gate({}, {}, {}, tolerance=-0.1)


def test_bootstrap_intervals_bracket_the_figure_and_shrink_with_agreement():
    from evals.metrics import aggregate, bootstrap_intervals

    same = [{"m": 0.8}] * 40
    assert bootstrap_intervals(same, aggregate, ["m"]) == {"m": (0.8, 0.8)}
    mixed = [{"m": float(i % 2)} for i in range(100)]  # mean 0.5
    lo, hi = bootstrap_intervals(mixed, aggregate, ["m"])["m"]
    assert lo < 0.5 < hi and 0.1 < hi - lo < 0.3  # ~ +-1.96 * sqrt(0.25 / 100)
    assert bootstrap_intervals(mixed, aggregate, ["m"]) == bootstrap_intervals(mixed, aggregate, ["m"])  # seeded
    assert "m" not in bootstrap_intervals([{"m": None}] * 30, aggregate, ["m"])  # never defined: no interval


def test_the_citation_judge_reads_a_cited_passage_with_its_own_article():
    """evals.run.make_support_fn: "she" in a cited passage is the person its article named before (TEST FIXTURE
    article), as the answer pipeline reads it; a passage from no indexed article is judged on its own words."""
    from evals.run import make_support_fn
    from qa.schema import Document

    article = ("Mayor Helen Cruz visited the flooded district on Monday. She promised that the city would pay for "
               "all repairs.")
    doc = Document(doc_id="d1", text=article, title="Floods")
    judge = make_support_fn({"d1": doc}, 0.55)
    passage = "She promised that the city would pay for all repairs."
    assert judge("Helen Cruz promised that the city would pay for all repairs.", [passage])
    assert not judge("Governor Tom Reyes promised that the city would pay for all repairs.", [passage])
