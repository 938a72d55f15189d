"""Plain-text presentation for terminals: answers with their sources, summaries with their conflicts' accounts and
metrics. The command-line shells print these; the library side of what they print lives here, so no library module
imports a CLI module."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from qa import sources

if TYPE_CHECKING:
    from qa.schema import Answer, AnswerSentence, Citation, Summary, SummaryMetrics

OTHER_ACCOUNTS_HEADING = "What other articles attribute to whom"


def format_unsupported(sentences: list[AnswerSentence]) -> list[str]:
    """Sentences the check did not support, with the reason, and sentences it repaired, with what it changed, for
    the lines under an answer or summary."""
    unsupported = [s for s in sentences if not s.supported]
    repaired = [s for s in sentences if s.supported and s.status == "repaired"]
    lines = []
    if unsupported:
        lines += ["\nLeft out of the answer (the cited text does not support them):",
                  *(f"  ! {s.text}  [{s.reason}]" for s in unsupported)]
    if repaired:  # what the check changed in a sentence it kept: the draft's words it dropped or replaced
        lines += ["\nChanged by the check:", *(f"  ~ {s.text}  [{s.reason}]" for s in repaired)]
    return lines


def format_citations(citations: list[Citation]) -> list[str]:
    """The numbered source list: title, outlet, date, id and link, then the exact quote."""
    lines = ["\nSources:"] if citations else []
    for c in citations:
        lines.append(f"  [{c.n}] {sources.header(c.title, c.source, c.doc_id, c.published)} ({c.doc_id})"
                     + (f" {c.url}" if c.url else ""))
        lines.append(f"      \"{c.quote}\"")
    return lines


def format_sources(answer: Answer) -> str:
    """The numbered source list (title, source, quote) and any unsupported sentences, for the terminal."""
    lines: list[str] = []
    if answer.abstained:
        if answer.closest:
            lines.append("\nClosest passages:")
            for p in answer.closest:
                lines.append(f"  - {sources.header(p.title, p.source, p.doc_id, p.published)}: "
                             f"{textwrap.shorten(p.text, 160)}")
        return "\n".join(lines)
    lines += format_unsupported(answer.sentences) + format_citations(answer.citations)
    if answer.other_accounts:
        from qa.answer.accounts import label

        lines.append(f"\n{OTHER_ACCOUNTS_HEADING}:")
        for o in answer.other_accounts:
            c = o.citation
            lines.append(f"  [{c.n}] {label(o)} — {sources.header(c.title, c.source, c.doc_id, c.published)} "
                         f"({c.doc_id})" + (f" {c.url}" if c.url else ""))
            lines.append(f"      \"{c.quote}\"")
    return "\n".join(lines)


def format_blocks(summary: Summary, conflicts_only: bool = False) -> str:
    """The typed sections as terminal blocks; a conflict lists its accounts side by side. `conflicts_only`: just
    the conflicts' accounts (after the sentences were streamed)."""
    lines: list[str] = []
    for section in summary.sections:
        if conflicts_only and not any(it.kind == "conflict" for it in section.items):
            continue
        lines.append(f"== {section.heading}" + (" (accounts side by side)" if conflicts_only else ""))
        for it in section.items:
            if not conflicts_only:
                lines.append(f"  - {it.sentence.text}")
            if it.kind == "conflict":
                for a in it.accounts:
                    who = f" · {a.speaker}" if a.speaker else ""
                    lines.append(f"      [{a.n}] {a.outlet}{who} · {a.value or a.certainty}")
    return "\n".join(lines)


def _fmt(v: float | None) -> str:
    return "n/a" if v is None else f"{v:.2f}"


def format_metrics(m: SummaryMetrics, label: str = "Metrics") -> str:
    return (f"{label}: agreement precision {_fmt(m.agreement_precision)} · attribution accuracy "
            f"{_fmt(m.attribution_accuracy)} · conflicts stated {m.conflicts_stated} · source coverage "
            f"{m.source_coverage:.2f} · citation balance {m.citation_balance:.2f} · attributed "
            f"{m.attributed_ratio:.2f} · unsupported sentences {m.unsupported_sentences} · loaded terms: "
            f"{', '.join(m.loaded_terms) or 'none'}")


def format_summary(summary: Summary, streamed: bool = False) -> str:
    """Blocks, sources (numbered, with quotes), notes and metrics (the draft's too), for the terminal. After a
    streamed summary the sentences are on screen already: only the conflicts' accounts are listed again."""
    blocks = format_blocks(summary, conflicts_only=streamed) if summary.sections else ""
    lines = [("\n" + blocks) if streamed and blocks else blocks] if blocks else []
    lines += format_unsupported(summary.sentences) + format_citations(summary.citations)
    if summary.notes:
        lines.append("\nNotes:")
        lines.extend(f"  - {note}" for note in summary.notes)
    lines.append("\n" + format_metrics(summary.metrics))
    if summary.draft_metrics is not None:
        lines.append(format_metrics(summary.draft_metrics, "Draft (model wording, before fallbacks)"))
    return "\n".join(lines)
