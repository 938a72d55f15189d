"""The eval gate can fail: a pipeline whose citations point at the wrong article text (the top complaint about
citation engines) is caught, while the same test-only fake generator with correct citations passes."""

from __future__ import annotations

import re

import pytest

from evals import metrics as M
from evals.dataset import load_qa
from evals.run import load_gate, run
from qa.answer import answer_question
from tests.fake_llm import FakeScriptedLLM

GATED = ("faithfulness", "citation_recall", "citation_precision")


def _gold_answering_llm() -> FakeScriptedLLM:
    """Answers with the gold quote of the question it is asked, citing the passage that holds it."""
    items = {i.question: i for i in load_qa() if i.gold and not i.history}

    def script(prompt: str) -> str:
        question = re.search(r"Question: (.*)", prompt).group(1).strip()
        passages = dict(re.findall(r"^\[(\d+)\] [^\n]*\n(.*?)(?=\n\n\[\d+\] |\n\nQuestion:)", prompt, re.S | re.M))
        quote = items[question].gold[0].quote
        holding = [int(n) for n, text in passages.items() if quote in text]
        if not holding:
            return "INSUFFICIENT"
        return f"{quote} [{holding[0]}]"

    return FakeScriptedLLM(script)


def _factory(broken: bool):
    """The answer function; `broken` swaps every citation's text for the other article's opening paragraph
    (as a citation mapper that points at the wrong chunk would)."""
    def factory(index, settings):
        llm = _gold_answering_llm()
        other = {"seed-000": "seed-003", "seed-003": "seed-000"}

        def answer(item):
            ans = answer_question(item.question, index, settings, llm)
            if broken:
                for c in ans.citations:
                    wrong = index.get_document(other[c.doc_id]).text.split("\n\n")[0]
                    c.passage = c.quote = wrong
            return ans
        return answer
    return factory


@pytest.fixture(scope="module")
def items_subset():
    return [i for i in load_qa() if i.gold and not i.history][:8]


def _run(settings, shuffle, monkeypatch, items):
    monkeypatch.setattr("evals.run.load_qa", lambda: items)
    return run(settings, only="qa", answer_fn_factory=_factory(shuffle), progress=False)


def test_shuffled_citations_fail_the_gate(settings, monkeypatch, items_subset):
    thresholds, tolerance, baseline = load_gate()
    honest = _run(settings, False, monkeypatch, items_subset)["metrics"]
    broken = _run(settings, True, monkeypatch, items_subset)["metrics"]
    gated = {k: v for k, v in thresholds.items() if k in GATED}
    assert gated, "the committed gate must threshold faithfulness and citation metrics"
    assert M.check_gate(honest, gated, {}, tolerance) == []
    failures = M.check_gate(broken, gated, {}, tolerance)
    assert any(f.startswith("citation_recall") for f in failures)
    assert broken["citation_recall"] < honest["citation_recall"]
