"""FakeScriptedLLM: a test-only llama-index LLM that replies with canned text (never used outside tests)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from llama_index.core.base.llms.types import (
    CompletionResponse,
    CompletionResponseGen,
    LLMMetadata,
)
from llama_index.core.llms.custom import CustomLLM


class FakeScriptedLLM(CustomLLM):
    """Replies with `script(prompt)`; records every prompt it was given."""

    script: Callable[[str], str]
    prompts: list[str] = []

    def __init__(self, script: Callable[[str], str] | str, **kwargs: Any) -> None:
        fn = script if callable(script) else (lambda _p, s=script: s)
        super().__init__(script=fn, prompts=[], **kwargs)

    @property
    def metadata(self) -> LLMMetadata:
        return LLMMetadata(model_name="fake-scripted-llm", is_chat_model=False)

    def complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> CompletionResponse:
        self.prompts.append(prompt)
        return CompletionResponse(text=self.script(prompt))

    def stream_complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> CompletionResponseGen:
        self.prompts.append(prompt)
        text = self.script(prompt)
        acc = ""
        for word in text.split(" "):
            piece = word if not acc else " " + word
            acc += piece
            yield CompletionResponse(text=acc, delta=piece)


def passage_number(prompt: str, sentence: str) -> int:
    """The [n] of the prompt passage that contains `sentence` (0 when none does)."""
    import re

    for n, text in re.findall(r"^\[(\d+)\][^\n]*\n(.*?)(?=\n\n\[\d+\]|\n\nQuestion:)", prompt, re.S | re.M):
        if sentence in text:
            return int(n)
    return 0
