"""Plain-text presentation for terminals, shared by the command-line shells (`qa.ask`, `qa.summarize`) and the
resident service (`qa.serve`): the library side of what they print, so no library module imports a CLI module."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from qa import sources
from qa.config import Settings

if TYPE_CHECKING:
    from qa.index import NewsIndex
    from qa.schema import Answer

OTHER_ACCOUNTS_HEADING = "What other articles attribute to whom"


def format_sources(answer: Answer) -> str:
    """The numbered source list (title, source, quote) and any unsupported sentences, for the terminal."""
    lines: list[str] = []
    unsupported = [s for s in answer.sentences if not s.supported]
    if answer.abstained:
        if answer.closest:
            lines.append("\nClosest passages:")
            for p in answer.closest:
                lines.append(f"  - {sources.header(p.title, p.source, p.doc_id, p.published)}: "
                             f"{textwrap.shorten(p.text, 160)}")
        return "\n".join(lines)
    if unsupported:
        lines.append("\nLeft out of the answer (the cited text does not support them):")
        for s in unsupported:
            lines.append(f"  ! {s.text}  [{s.reason}]")
    if answer.citations:
        lines.append("\nSources:")
        for c in answer.citations:
            lines.append(f"  [{c.n}] {sources.header(c.title, c.source, c.doc_id, c.published)} ({c.doc_id})"
                         + (f" {c.url}" if c.url else ""))
            lines.append(f"      \"{c.quote}\"")
    if answer.other_accounts:
        from qa.accounts import label

        lines.append(f"\n{OTHER_ACCOUNTS_HEADING}:")
        for o in answer.other_accounts:
            c = o.citation
            lines.append(f"  [{c.n}] {label(o)} — {sources.header(c.title, c.source, c.doc_id, c.published)} "
                         f"({c.doc_id})" + (f" {c.url}" if c.url else ""))
            lines.append(f"      \"{c.quote}\"")
    return "\n".join(lines)


def compute_answer(question: str, index: NewsIndex, settings: Settings, llm, *,
                   history: list[tuple[str, str]] | None = None, strict: bool | None = None,
                   on_token: Callable[[str], None] | None = None, filters=None,
                   on_sentence: Callable[[Any, str], None] | None = None) -> Answer:
    """One checked answer, its citations completed with their articles' metadata: what `qa.ask` prints. The
    resident service (`qa.serve`) calls this too, so both paths give the same Answer. `on_sentence` receives each
    checked sentence as it passes (qa.answer.SentenceStream)."""
    from qa.answer import answer_question
    from qa.metadata import fill_citation_metadata

    answer = answer_question(question, index, settings, llm, history=history, strict=strict, on_token=on_token,
                             filters=filters, on_sentence=on_sentence)
    fill_citation_metadata(answer.citations, index.committed_docs())
    return answer
