"""Neutral multi-source summaries: `summarize(...)` and the CLI `python -m qa.summarize`.

sources (qa.summary_map): the chosen articles' usable sentences. claims (qa.claim_groups, deterministic): each
sentence's attributed claim (speaker, certainty, predicate, numbers, dates), grouped across articles and classed
agreement / conflict / single. writing (qa.summary_write): one sentence per group, conflicts by template with each
side's outlet and speaker, agreements and single items worded by the model only when the verifier accepts the
wording against every cited article. Typed sections (`Summary.sections`); metrics in qa.summary_metrics, of the
model's wording before the fallbacks (`draft_metrics`) and of the summary as shown.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

from qa.answer import model_name
from qa.claim_groups import claim_vectors, extract_claims, group_claims
from qa.cli import cli_entry
from qa.config import Settings, add_common_args, settings_from_args
from qa.errors import UsageError
from qa.filters import Filters, NoMatchError, add_filter_args, check_filters, filters_from_args
from qa.index import NewsIndex, open_index
from qa.lexicon import lexicon_for
from qa.metadata import fill_citation_metadata
from qa.retrieval import retrieve_passages
from qa.schema import Citation, Document, Summary, SummaryMetrics, SummarySection
from qa.sources import display_name
from qa.summary_map import load_sources
from qa.summary_metrics import compute_metrics
from qa.summary_write import HEADINGS as HEADINGS
from qa.summary_write import compose, write_summary

DEFAULT_MAX_SOURCES = 10
DEFAULT_BUDGET_TOKENS = 900  # kept for callers of the earlier pipeline
SECTIONS = ("agreement", "conflict", "single")
NOT_COVERED = "The indexed articles do not cover this topic."

OnToken = Callable[[str], None]


# ---- input checks and source selection -------------------------------------------------------------------
def validate_topic(topic: str | None, settings: Settings) -> str | None:
    """The topic stripped (None for none); UsageError when given but empty or too long."""
    if topic is None:
        return None
    t = topic.strip()
    if not t:
        raise UsageError("the topic is empty (leave out --topic to summarise all documents)")
    if len(t) > settings.max_question_chars:
        raise UsageError(f"the topic is {len(t):,} characters long; the limit is {settings.max_question_chars:,}")
    return t


def validate_limits(max_sentences: int, max_sources: int) -> None:
    """UsageError unless 1 <= max_sentences <= 30 and 1 <= max_sources <= 50."""
    if not 1 <= max_sentences <= 30:
        raise UsageError(f"max sentences must be between 1 and 30, got {max_sentences}")
    if not 1 <= max_sources <= 50:
        raise UsageError(f"max sources must be between 1 and 50, got {max_sources}")


def resolve_doc_ids(index: NewsIndex, doc_ids: list[str] | None) -> list[str] | None:
    """The requested ids without repeats; UsageError naming an unknown id and listing the known ones."""
    if doc_ids is None:
        return None
    wanted = list(dict.fromkeys(d.strip() for d in doc_ids if d and d.strip()))
    if not wanted:
        raise UsageError("no document ids given to --docs")
    known = index.committed_docs()
    for doc_id in wanted:
        if doc_id not in known:
            ids = sorted(known)
            listed = ", ".join(ids[:20]) + (f", … ({len(ids)} in all)" if len(ids) > 20 else "")
            raise UsageError(f"unknown document id '{doc_id}' (known: {listed or 'none, the index is empty'})")
    return wanted


def _retrieval_order(topic: str, index: NewsIndex, settings: Settings, allowed: list[str], want: int) -> list[str]:
    """Documents in order of their best passage for `topic` (retrieval repeated over the documents not
    yet found, since one retrieval caps the passages per document but not the documents per result)."""
    found: list[str] = []
    remaining = list(allowed)
    while remaining and len(found) < want:
        result = retrieve_passages(topic, index, settings, k=20, doc_ids=remaining)
        if not result.passages or result.best_dense < settings.min_relevance:
            break
        new = [d for d in dict.fromkeys(p.doc_id for p in result.passages) if d not in found]
        if not new:
            break
        found.extend(new)
        remaining = [d for d in remaining if d not in set(found)]
    return found


def pick_documents(index: NewsIndex, settings: Settings, topic: str | None, doc_ids: list[str] | None,
                   max_sources: int, filters: Filters | None = None) -> tuple[list[Document], list[str], bool]:
    """(documents to summarise, notes, whether they still need the topic-relevance filter). With `filters` only
    matching documents are candidates (NoMatchError when none is)."""
    notes: list[str] = []
    known = sorted(index.committed_docs())
    matching = check_filters(index, filters)
    if matching is not None:
        known = matching
        if doc_ids is not None:
            kept = [d for d in doc_ids if d in set(matching)]
            if not kept:
                raise NoMatchError(f"none of the documents given to --docs matches {filters.describe()}")
            if len(kept) < len(doc_ids):
                notes.append(f"Left out {len(doc_ids) - len(kept)} of the documents given to --docs: they do not "
                             f"match {filters.describe()}.")
            doc_ids = kept
    explicit = doc_ids is not None
    ids = doc_ids if explicit else known
    if topic and not explicit:
        ids = _retrieval_order(topic, index, settings, known, 2 * max_sources)
    elif topic and explicit:
        ranked = _retrieval_order(topic, index, settings, ids, len(ids))
        ids = ranked + [d for d in ids if d not in ranked]
    if len(ids) > max_sources and (explicit or not topic):
        notes.append(f"Summarised {max_sources} of {len(ids)} documents (max sources = {max_sources}); "
                     "choose others with --docs or narrow them with --topic.")
        ids = ids[:max_sources]
    docs = [d for d in (index.get_document(i) for i in ids) if d is not None]
    return docs, notes, bool(topic) and not explicit


# ---- the pipeline ----------------------------------------------------------------------------------------
def summarize(index: NewsIndex, settings: Settings, llm, topic: str | None = None, doc_ids: list[str] | None = None,
              max_sentences: int = 8, on_token: OnToken | None = None, max_sources: int = DEFAULT_MAX_SOURCES,
              budget_tokens: int = DEFAULT_BUDGET_TOKENS, filters: Filters | None = None) -> Summary:
    """A neutral summary of the sources on `topic` (or of `doc_ids`, or of every document), written from the
    claim groups: agreements (cited to every agreeing outlet), conflicts (each side with its outlet and speaker)
    and single-source items, every sentence checked, with metrics before and after the fallbacks.

    `on_token` receives each section as soon as it is written. `max_sentences` caps the sentences; an article
    no sentence cites still gets one single-source sentence on top. `budget_tokens` is kept for callers of the
    earlier pipeline (the model now sees one short item per group)."""
    t0 = time.perf_counter()
    topic = validate_topic(topic, settings)
    validate_limits(max_sentences, max_sources)
    doc_ids = resolve_doc_ids(index, doc_ids)
    lexicon = lexicon_for(settings)
    name = model_name(llm)
    emit = on_token or (lambda _t: None)

    docs, notes, filter_topic = pick_documents(index, settings, topic, doc_ids, max_sources, filters)
    sources, topic_vec = load_sources(docs, topic)
    if filter_topic:
        relevant = [s for s in sources if s.relevance >= settings.min_relevance]
        if len(relevant) < len(sources):
            notes.append(f"Left out {len(sources) - len(relevant)} retrieved document(s) with no sentence close "
                         "to the topic.")
        if len(relevant) > max_sources:
            notes.append(f"Summarised the {max_sources} documents closest to the topic (max sources).")
        sources = relevant[:max_sources]
    timings: dict[str, float] = {}
    if not sources:
        text = NOT_COVERED if topic else "The index holds no documents to summarise."
        emit(text)
        timings["total_s"] = round(time.perf_counter() - t0, 3)
        return Summary(topic=topic, summary=text, notes=notes, model=name, timings=timings)
    chosen = [s.doc for s in sources]
    doc_list = [d.doc_id for d in chosen]
    claims = [c for d in chosen for c in extract_claims(d)]
    vectors = claim_vectors(claims)
    groups = group_claims(claims, vectors)
    relevance = {c.id: float(v @ topic_vec) for c, v in zip(claims, vectors, strict=True)} \
        if topic_vec is not None else {}
    if topic_vec is not None:  # a topic summary is about the topic: groups far from it are left out
        groups = [g for g in groups if max(relevance[c.id] for c in g.claims) >= settings.min_relevance]
    timings["map_s"] = round(time.perf_counter() - t0, 3)

    multi = len(chosen) > 1
    lead = ""
    if not multi:
        d = chosen[0]
        lead = f"Only one source covers this: {display_name(d.title, d.source, d.doc_id)}."
        notes.insert(0, lead)
        emit(lead + "\n\n")
    t_write = time.perf_counter()
    written = write_summary(groups, {d.doc_id: d for d in chosen}, llm, settings.support_threshold, max_sentences,
                            emit=emit, headings=multi, relevance=relevance, lexicon=lexicon)
    notes.extend(written.notes)
    timings["write_s"] = round(time.perf_counter() - t_write, 3)
    timings.update(written.timings)

    summary = _assemble(written.sections, written.citations, lead, multi, topic, doc_list, notes, name)
    texts = {d.doc_id: d.text for d in chosen}
    summary.metrics = compute_metrics(summary, lexicon, doc_list, texts=texts)
    draft = _assemble(written.draft, written.citations, lead, multi, topic, doc_list, [], name)
    summary.draft_metrics = compute_metrics(draft, lexicon, doc_list, texts=texts)
    timings["total_s"] = round(time.perf_counter() - t0, 3)
    summary.timings = timings
    return summary


def _assemble(sections: list[SummarySection], citations: list[Citation], lead: str, multi: bool,
              topic: str | None, doc_ids: list[str], notes: list[str], model: str) -> Summary:
    """A Summary from typed sections: its text, flat sentences and the citations they use."""
    sentences = [it.sentence for s in sections for it in s.items]
    used = {n for s in sentences for n in s.citations}
    return Summary(topic=topic, doc_ids=doc_ids, summary=compose(sections, lead, headings=multi),
                   sentences=sentences, citations=[c for c in citations if c.n in used], notes=notes, model=model,
                   sections=sections)


# ---- CLI -------------------------------------------------------------------------------------------------
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


def format_report(summary: Summary, streamed: bool = False) -> str:
    """Blocks, sources (numbered, with quotes), notes and metrics (the draft's too), for the terminal. After a
    streamed summary the sentences are on screen already: only the conflicts' accounts are listed again."""
    from qa.schema import Answer
    from qa.terminal import format_sources

    as_answer = Answer(question=summary.topic or "", answer=summary.summary, sentences=summary.sentences,
                       citations=summary.citations)
    blocks = format_blocks(summary, conflicts_only=streamed) if summary.sections else ""
    lines = [("\n" + blocks) if streamed and blocks else blocks] if blocks else []
    lines.append(format_sources(as_answer))
    if summary.notes:
        lines.append("\nNotes:")
        lines.extend(f"  - {note}" for note in summary.notes)
    lines.append("\n" + format_metrics(summary.metrics))
    if summary.draft_metrics is not None:
        lines.append(format_metrics(summary.draft_metrics, "Draft (model wording, before fallbacks)"))
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m qa.summarize",
        description="A neutral summary of several news articles, written from their attributed claims: what the "
                    "outlets agree on (every agreeing outlet cited), where their accounts differ (each side with "
                    "its outlet and speaker: a different number, date or certainty, e.g. confirmed vs could not "
                    "confirm), and what only one outlet reports. Every sentence passes the verifier and cites the "
                    "exact sentence of its article; model wording that fails is replaced by a template around the "
                    "exact quote, and the notes say so. On an empty index the seed articles are ingested first.",
        epilog="Without --topic or --docs every document is summarised (up to --max-sources). Exit status 2 for "
               "bad usage (an unknown --docs id, an empty topic).")
    parser.add_argument("--topic", help="summarise the documents retrieved for this topic")
    parser.add_argument("--docs", metavar="ID,ID", help="summarise these document ids (comma-separated)")
    parser.add_argument("--max-sentences", type=int, default=8, metavar="N",
                        help="sentences the model writes (default 8; an uncited source adds one)")
    parser.add_argument("--max-sources", type=int, default=DEFAULT_MAX_SOURCES, metavar="N",
                        help=f"documents summarised at most (default {DEFAULT_MAX_SOURCES})")
    add_common_args(parser)
    parser.add_argument("--json", action="store_true", help="print the Summary as JSON (the documented contract)")
    # issue 15: the outlet comparison (qa/compare.py, no model) and exports (qa/export.py)
    parser.add_argument("--by", choices=["outlet"], help="compare the outlets instead: one cited paragraph per "
                        "outlet (what it reports, whom it quotes, what only it reports); no model is used")
    parser.add_argument("--format", choices=["md", "html", "json"], help="print the result as Markdown, standalone "
                        "HTML or JSON (quotes, outlets, dates, links)")
    parser.add_argument("--no-stream", action="store_true", help="print the summary only when complete")
    add_filter_args(parser)
    return parser


@cli_entry()
def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    settings = settings_from_args(args)
    topic = validate_topic(args.topic, settings)  # fail fast, before loading any model
    validate_limits(args.max_sentences, args.max_sources)
    doc_ids = args.docs.split(",") if args.docs is not None else None
    filters = filters_from_args(args)  # a bad date is a usage error before any model is loaded
    if args.by == "outlet":
        from qa.compare import main_by_outlet

        return main_by_outlet(args, settings, topic, doc_ids, filters)
    from qa.ingest import ensure_seeded
    from qa.llm import get_llm

    index = open_index(settings)
    ensure_seeded(index, settings, say=lambda m: print(m, file=sys.stderr))
    doc_ids = resolve_doc_ids(index, doc_ids)
    check_filters(index, filters)
    llm = get_llm(settings)
    stream = not args.json and not args.no_stream and not args.format

    def on_token(t: str) -> None:
        sys.stdout.write(t)
        sys.stdout.flush()

    summary = summarize(index, settings, llm, topic=topic, doc_ids=doc_ids, max_sentences=args.max_sentences,
                        on_token=on_token if stream else None, max_sources=args.max_sources, filters=filters)
    fill_citation_metadata(summary.citations, index.committed_docs())
    if args.format:
        from qa.export import export

        print(export(summary, args.format), end="")
        return 0
    if args.json:
        print(summary.model_dump_json(indent=2))
        return 0
    if stream:
        print()  # the checked sentences are on screen: the sources, notes and metrics follow
    elif not summary.sections:
        print(summary.summary)  # e.g. "nothing to summarise": no typed sections to list
    print(format_report(summary, streamed=stream))
    return 0


if __name__ == "__main__":
    sys.exit(main())
