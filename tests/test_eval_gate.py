"""The eval gate can fail, on realistic failures: a wrong number with a correct citation, a wrong speaker, a
citation pointing at the wrong text, and over-abstention are each caught, while the same test-only scripted
generator answering with the gold sentences passes. (FakeScriptedLLM is a scripted fake for control flow only;
the real model's figures come from `python -m evals.run`.)"""

from __future__ import annotations

import re

import pytest

from evals import metrics as M
from evals.dataset import load_qa
from evals.run import load_gate, run
from qa.answer.pipeline import answer_question
from tests.fake_llm import FakeScriptedLLM


def _mutate_number(text: str) -> str:
    """Every figure multiplied by ten ("about 500" -> "about 5000"): the sentence still cites the right passage."""
    return re.sub(r"\d+", lambda m: str(int(m.group()) * 10), text)


def _mutate_speaker(text: str) -> str:
    """The sentence credited to someone the passage does not name."""
    return f"The Chinese government said that {text[0].lower()}{text[1:]}"


def _gold_llm(mutate=None, decline: bool = False) -> FakeScriptedLLM:
    """Answers with the gold quote of the question it is asked (optionally mutated), citing the passage that
    holds it; with `decline`, writes nothing an answer could be made of."""
    items = {i.question: i for i in load_qa("dev") if i.gold and not i.history}

    def script(prompt: str) -> str:
        if decline:
            return "I cannot tell from these passages."
        question = re.search(r"Question: (.*)", prompt).group(1).strip()
        passages = dict(re.findall(r"^\[(\d+)\][^\n]*\n(.*?)(?=\n\n\[\d+\]|\n\nQuestion:)", prompt, re.S | re.M))
        quote = items[question].gold[0].quote
        holding = [int(n) for n, text in passages.items() if quote in text]
        if not holding:
            return "The passages do not say."
        return f"{mutate(quote) if mutate else quote} [{holding[0]}]"

    return FakeScriptedLLM(script)


def _factory(mutate=None, decline=False, wrong_citation=False):
    def factory(index, settings):
        llm = _gold_llm(mutate, decline)
        other = {"seed-000": "seed-003", "seed-003": "seed-000"}

        def answer(item):
            ans = answer_question(item.question, index, settings, llm)
            if wrong_citation:  # a citation mapper that points at the wrong chunk
                for c in ans.citations:
                    c.passage = c.quote = index.get_document(other[c.doc_id]).text.split("\n\n")[0]
                    c.doc_id = other[c.doc_id]
            return ans
        return answer
    return factory


@pytest.fixture(scope="module")
def items_subset():
    """Dev items only (the gate test must not touch the test split), answerable and with gold numbers."""
    dev = [i for i in load_qa("dev") if i.gold and not i.history]
    return [i for i in dev if re.search(r"\d", i.gold[0].quote)][:5] + \
        [i for i in dev if not re.search(r"\d", i.gold[0].quote)][:3]


def _metrics(settings, monkeypatch, items, **kw):
    monkeypatch.setattr("evals.run.load_qa", lambda: items)
    return run(settings, only="qa", answer_fn_factory=_factory(**kw), progress=False)["metrics"]


@pytest.fixture(scope="module")
def gate():
    thresholds, tolerance, _baseline = load_gate()
    return thresholds, tolerance


def _failures(metrics, gate):
    thresholds, tolerance = gate
    measured = {k: v for k, v in thresholds.items() if metrics.get(k) is not None}
    return M.check_gate(metrics, measured, {}, tolerance)


def test_the_honest_scripted_pipeline_passes_the_gate(settings, monkeypatch, items_subset, gate):
    honest = _metrics(settings, monkeypatch, items_subset)
    assert _failures(honest, gate) == []


def test_a_wrong_number_with_a_correct_citation_fails_the_gate(settings, monkeypatch, items_subset, gate):
    broken = _metrics(settings, monkeypatch, items_subset, mutate=_mutate_number)
    failures = _failures(broken, gate)
    assert any(f.startswith(("faithfulness", "citation_recall", "key_fact_recall")) for f in failures), failures


def test_a_wrong_speaker_fails_the_gate(settings, monkeypatch, items_subset, gate):
    broken = _metrics(settings, monkeypatch, items_subset, mutate=_mutate_speaker)
    failures = _failures(broken, gate)
    assert any(f.startswith(("faithfulness", "citation_recall")) for f in failures), failures


def test_citations_pointing_at_the_wrong_text_fail_the_gate(settings, monkeypatch, items_subset, gate):
    broken = _metrics(settings, monkeypatch, items_subset, wrong_citation=True)
    failures = _failures(broken, gate)
    assert any(f.startswith(("citation_gold_hit", "citation_recall_final")) for f in failures), failures


def test_over_abstention_fails_the_gate(settings, monkeypatch, items_subset, gate):
    broken = _metrics(settings, monkeypatch, items_subset, decline=True)
    failures = _failures(broken, gate)
    assert any(f.startswith(("key_fact_recall", "abstention_accuracy")) for f in failures), failures


def test_the_markdown_report_lists_wrong_test_pairs_but_only_counts_blind_ones(tmp_path):
    from evals.run import write_markdown

    def pair(i, split, claim):
        return {"id": i, "split": split, "kind": "negation", "label": "not_supported", "predicted": "supported",
                "reason": "supported", "claim": claim}

    report = {"model": "m", "settings": {"backend": "local"}, "timings": {"total_s": 1}, "metrics": {},
              "gate": {"passed": True, "failures": []}, "splits": {"test": {"key_fact_recall": 0.6}},
              "intervals": {"test": {"key_fact_recall": (0.41, 0.77)}}, "categories": {}, "judge": {},
              "repair": {}, "items": {"qa": [], "judge": [pair("t1", "test", "A test claim."),
                                                          pair("b1", "blind", "A blind claim."),
                                                          pair("b2", "blind", "Another blind claim.")]}}
    write_markdown(report, tmp_path / "report.md")
    text = (tmp_path / "report.md").read_text()
    assert "A test claim." in text
    assert "blind claim" not in text and "b1" not in text
    assert "2 blind pairs judged against their label" in text
    assert "| key_fact_recall |  | 0.600 [0.41, 0.77] |" in text  # the figure with its bootstrap interval
