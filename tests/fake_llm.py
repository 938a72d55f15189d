"""FakeScriptedLLM: a test-only chat model that replies with canned text (never used outside tests)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any

from qa.generate.llm import ChatReply, ModelInfo, _dicts_of
from qa.generate.messages import ChatDelta, ChatMessage, MessageRole


class FakeScriptedLLM:
    """Replies with `script(prompt)`; records every prompt it was given. The prompt is the chat messages joined as
    "role: content" lines ending in "assistant: " (the form llama-index's CustomLLM gave, which tests parse)."""

    def __init__(self, script: Callable[[str], str] | str, **_kwargs: Any) -> None:
        self.script = script if callable(script) else (lambda _p, s=script: s)
        self.prompts: list[str] = []

    @property
    def metadata(self) -> ModelInfo:
        return ModelInfo(model_name="fake-scripted-llm", context_window=2048, num_output=256)

    def _prompt(self, messages: Sequence[Any]) -> str:
        prompt = "".join(f"{m['role']}: {m['content']}\n" for m in _dicts_of(messages)) + "assistant: "
        self.prompts.append(prompt)
        return prompt

    def chat(self, messages: Sequence[Any], **kwargs: Any) -> ChatReply:
        text = self.script(self._prompt(messages))
        return ChatReply(message=ChatMessage(role=MessageRole.ASSISTANT, content=text))

    def stream_chat(self, messages: Sequence[Any], **kwargs: Any) -> Iterator[ChatDelta]:
        text = self.script(self._prompt(messages))
        acc = ""
        for word in text.split(" "):
            piece = word if not acc else " " + word
            acc += piece
            yield ChatDelta(delta=piece, text=acc)


def passage_number(prompt: str, sentence: str) -> int:
    """The [n] of the prompt passage that contains `sentence` (0 when none does)."""
    import re

    for n, text in re.findall(r"^\[(\d+)\][^\n]*\n(.*?)(?=\n\n\[\d+\]|\n\nQuestion:)", prompt, re.S | re.M):
        if sentence in text:
            return int(n)
    return 0


def use_scripted_llm(monkeypatch, script: Callable[[str], str] | str) -> None:
    """Make the commands (`qa.ask`, `qa.summarize`) answer with a FakeScriptedLLM: no model file is needed (the
    commands' up-front check that the local model was downloaded is skipped as well, so these tests also run while
    `make test` is still pulling the real models)."""
    from pathlib import Path

    monkeypatch.setattr("qa.generate.llm.get_llm", lambda settings: FakeScriptedLLM(script))
    monkeypatch.setattr("qa.generate.models.resolve_model_path", lambda settings, models=None: Path("scripted.gguf"))
