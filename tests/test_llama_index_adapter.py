"""newsqa inside llama-index code (qa/integrations/llama_index.py): the retriever returns exact article spans, the
query engine keeps newsqa's checked citations as source nodes, and the LLM adapter gives the same text as newsqa's
own call. The core pipeline itself must not import llama-index (its import cost is what the adapter avoids)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from qa.config import Settings
from tests.fake_llm import FakeScriptedLLM, passage_number

GUARDS = ("Iran's elite Revolutionary Guards have been deployed to Iraq, to help government troops defend the capital "
          "city of Baghdad from the escalating threat of ISIS insurgents, Iranian security sources have confirmed")


def test_core_answer_path_does_not_import_llama_index() -> None:
    code = ("import sys, qa.cli.ask, qa.answer.pipeline, qa.generate.llm, qa.generate.prompts, qa.summarize.pipeline, "
            "qa.retrieve.hybrid; "
            "print(any(m == 'llama_index' or m.startswith('llama_index.') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_retriever_nodes_are_exact_article_spans(seeded_index, seeded_settings) -> None:
    from llama_index.core.schema import QueryBundle

    from qa.integrations.llama_index import HybridRetriever

    nodes = HybridRetriever(seeded_index, seeded_settings, k=3).retrieve(QueryBundle("Who confirmed the deployment?"))
    assert 1 <= len(nodes) <= 3
    for node in nodes:
        meta = node.node.metadata
        doc = seeded_index.get_document(meta["doc_id"])
        assert doc.text[meta["start"]:meta["end"]] == node.node.get_content()


def test_query_engine_keeps_checked_citations(seeded_index, seeded_settings) -> None:
    from qa.integrations.llama_index import NewsqaQueryEngine

    fake = FakeScriptedLLM(lambda prompt: f"{GUARDS} [{passage_number(prompt, GUARDS)}].")  # FAKE model
    engine = NewsqaQueryEngine(index=seeded_index, settings=seeded_settings, llm=fake)
    response = engine.query("Who confirmed that Revolutionary Guards were deployed to Iraq?")
    assert "Iranian security sources" in str(response)
    assert response.metadata["abstained"] is False
    assert response.source_nodes
    for node in response.source_nodes:
        meta = node.node.metadata
        doc = seeded_index.get_document(meta["doc_id"])
        assert doc.text[meta["start"]:meta["end"]] == node.node.get_content()
    # An invented claim is not passed through as a cited source.
    liar = FakeScriptedLLM("Iran sent 9,000 tanks to Tikrit [1].")  # FAKE model
    bad = NewsqaQueryEngine(index=seeded_index, settings=seeded_settings, llm=liar).query(
        "How many tanks did Iran send?")
    assert "9,000" not in str(bad) and not bad.source_nodes


@pytest.mark.llm
def test_llm_adapter_matches_newsqa_generation() -> None:
    from qa.generate.llm import get_llm
    from qa.generate.models import pull
    from qa.integrations.llama_index import NewsqaLLM

    settings = Settings(model="fast", max_tokens=24)
    pull("fast", settings.models_dir, progress=False)
    model = get_llm(settings)
    prompt = "Name the capital of Iraq in one word."
    want = model.chat([{"role": "user", "content": prompt}]).message.content
    adapter = NewsqaLLM(model)
    assert adapter.metadata.model_name == model.metadata.model_name
    assert adapter.complete(prompt).text == want
    assert "".join(r.delta for r in adapter.stream_complete(prompt)) == want
