"""Chat messages and prompt templates: the types the pipeline hands to a language model backend.

Small on purpose: the pipeline needs a role, a text and `{name}` substitution. llama-index's equivalents cost ~2 s
of import in every cold `python -m qa.ask` (measured: `import llama_index.core.llms` 1.96 s on this machine), for
three classes; `qa.integrations.llama_index` converts both ways for code that works with llama-index.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class MessageRole(StrEnum):
    """Chat roles as OpenAI-style chat templates name them."""

    SYSTEM = "system"
    USER = "user"
    ASSISTANT = "assistant"


@dataclass(frozen=True)
class ChatMessage:
    """One chat message."""

    role: MessageRole
    content: str = ""

    def as_dict(self) -> dict[str, str]:
        """The message as a chat-completion API takes it."""
        return {"role": self.role.value, "content": self.content or ""}


@dataclass(frozen=True)
class ChatDelta:
    """One streamed piece of a reply: `delta` is the new text, `text` everything so far."""

    delta: str
    text: str


_FIELD = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")


@dataclass(frozen=True)
class PromptTemplate:
    """A prompt file's text with `{name}` fields. `format` fills the names it is given and leaves any other brace
    text as written (as llama-index's PromptTemplate did), so a template may show literal `{...}`."""

    template: str

    def format(self, **values: object) -> str:
        return _FIELD.sub(lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0), self.template)
