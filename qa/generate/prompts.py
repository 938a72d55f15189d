"""Prompt templates live as files in `prompts/` and are loaded by name."""

from __future__ import annotations

from functools import cache

from qa.config import PROMPTS_DIR
from qa.errors import NewsqaError
from qa.generate.messages import PromptTemplate


@cache
def load_prompt_text(name: str) -> str:
    """The raw text of `prompts/<name>.txt` (trailing whitespace stripped)."""
    path = PROMPTS_DIR / f"{name}.txt"
    if not path.is_file():
        raise NewsqaError(f"prompt template '{name}' not found at {path}")
    return path.read_text(encoding="utf-8").rstrip()


def load_prompt(name: str) -> PromptTemplate:
    """`prompts/<name>.txt` as a PromptTemplate ({variables} are filled by `.format(...)`)."""
    return PromptTemplate(load_prompt_text(name))
