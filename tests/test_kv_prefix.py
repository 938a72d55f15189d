"""The fixed prompt prefix's KV state (`qa.generate.llm.prime_prefix`): evaluated once, restored after other prompts,
exact token accounting, and the same answers as without it. Real fast model (`-m llm`)."""

from __future__ import annotations

import pytest

from qa.answer.pipeline import build_messages
from qa.config import load_settings
from qa.generate.llm import (
    _PREFIXES,
    _common_prefix,
    _prompt_tokens,
    get_llm,
    last_call_stats,
    prime_prefix,
    stream_text,
)
from qa.runtime.preload import qa_prefix_messages
from qa.schema import Passage

PASSAGES = [
    Passage(n=1, chunk_id="a::0::0", doc_id="a", source="Wire One", start=0, end=80,
            text="The Pentagon said on Friday it could not confirm reports of Iranian forces in Iraq."),
    Passage(n=2, chunk_id="b::0::0", doc_id="b", source="Wire Two", start=0, end=90,
            text="Iranian security sources confirmed that Revolutionary Guards were deployed to Baghdad."),
]
QUESTIONS = ["Who confirmed the deployment?", "What did the Pentagon say?"]


def test_common_prefix():
    assert _common_prefix([1, 2, 3], [1, 2, 4, 5]) == 2
    assert _common_prefix([], [1]) == 0 and _common_prefix([7, 8], [7, 8]) == 2


@pytest.mark.llm
def test_prefix_is_reused_after_other_prompts_and_answers_do_not_change():
    from qa.generate.messages import ChatMessage, MessageRole

    llm = get_llm(load_settings({"model": "fast", "max_tokens": 24}))
    llama = llm.llama
    other = [ChatMessage(role=MessageRole.USER, content="Reply with the word OK.")]

    def answers() -> list[str]:
        out = []
        for q in QUESTIONS:
            out.append(stream_text(llm, build_messages(q, PASSAGES))[0])
            stream_text(llm, other)  # another prompt replaces the context (like a condensed follow-up)
        return out

    _PREFIXES.pop(id(llama), None)
    llama.reset()
    plain = answers()
    n = prime_prefix(llm, qa_prefix_messages())
    assert n > 20  # the system prompt and the QA template's first line
    try:
        primed = answers()
        stream_text(llm, other)
        stream_text(llm, build_messages(QUESTIONS[0], PASSAGES))
        stats = last_call_stats(llm)
        assert stats["reused_tokens"] == n  # restored after the other prompt
        assert stats["evaluated_prompt_tokens"] == stats["prompt_tokens"] - n
        msgs = [{"role": m.role.value, "content": m.content} for m in build_messages(QUESTIONS[0], PASSAGES)]
        tokens = _prompt_tokens(llama, _PREFIXES[id(llama)].formatter, msgs)
        assert llama.input_ids[:len(tokens)].tolist() == tokens  # our count is what llama.cpp evaluated
        assert primed == plain
    finally:
        _PREFIXES.pop(id(llama), None)  # other tests in this process see the model as get_llm leaves it
