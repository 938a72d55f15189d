"""The question as the user typed it, checked before anything heavy loads (a light module: the CLI calls it before
it connects to the service or loads a model, and importing the answer pipeline takes ~0.3 s)."""

from __future__ import annotations

from qa.config import Settings
from qa.errors import UsageError


def validate_question(question: str, settings: Settings) -> str:
    """The question stripped; UsageError (exit 2) when empty or too long."""
    q = (question or "").strip()
    if not q:
        raise UsageError("the question is empty")
    if len(q) > settings.max_question_chars:
        raise UsageError(f"the question is {len(q):,} characters long; the limit is "
                         f"{settings.max_question_chars:,} (max_question_chars)")
    return q
