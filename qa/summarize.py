"""Neutral multi-source summaries: `summarize(...)` and the CLI `python -m qa.summarize`.

map (qa.summary_map, deterministic): pick the sources, condense each to its key attributed claims within a
token budget, relate the claims across sources (agree / differ / only one source).
reduce (the model): one short call per section batch writes attributed sentences with [n] markers; the
passages are exact article spans, so `qa.citations.verify_draft` checks every sentence and maps its
citations to article offsets exactly as for answers.
repair (qa.summary_repair): unsupported sentences and loaded words in the summary's own voice are removed
or fixed; a source left uncited gets a quoted, attributed sentence. Metrics: qa.summary_metrics.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

from llama_index.core.base.llms.types import ChatMessage, MessageRole

from qa.answer import model_name, stream_text
from qa.citations import defang, verify_draft
from qa.cli import cli_entry
from qa.config import Settings, add_common_args, settings_from_args
from qa.embeddings import get_embedder
from qa.errors import UsageError
from qa.filters import Filters, NoMatchError, add_filter_args, check_filters, filters_from_args
from qa.index import NewsIndex, open_index
from qa.lexicon import Lexicon, lexicon_for
from qa.llm import count_tokens
from qa.metadata import fill_citation_metadata
from qa.prompts import load_prompt, load_prompt_text
from qa.retrieval import retrieve_passages
from qa.schema import AnswerSentence, Citation, Document, Passage, Summary, SummaryMetrics
from qa.sources import display_name
from qa.summary_map import SummaryPlan, load_sources, plan_summary
from qa.summary_metrics import compute_metrics
from qa.summary_repair import (
    FALLBACK_REASON,
    REPAIR_PREFIXES,
    fallback_sentence,
    passage_spans,
    recite,
    render_sentence,
    repair_sentence,
    singular_attribution,
)
from qa.support import check_support

DEFAULT_MAX_SOURCES = 10
DEFAULT_BUDGET_TOKENS = 900  # article text shown to the model, over all sources (split evenly per source)
MAX_ITEMS_PER_CALL = 4  # pairs/groups/passages per model call: keeps each prompt and answer short
HEADINGS = {
    "agree": "What the sources agree on:",
    "differ": "Where they differ or one cannot confirm what another reports:",
    "single": "What only one source reports:",
}
SECTIONS = ("agree", "differ", "single")
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


# ---- reduce: prompts and model calls ---------------------------------------------------------------------
def _line(p: Passage, plan: SummaryPlan) -> str:
    """`[n] (who: speaker) passage text` — the claim's speaker as the article attributes it."""
    speakers = list(dict.fromkeys(c.speaker for c in plan.claims.get(p.n, []) if c.speaker))
    who = "; ".join(speakers) if speakers else (p.source if p.source not in ("", "unknown") else "the article")
    return f"[{p.n}] (who: {defang(who)}) {defang(' '.join(p.text.split()))}"


def section_items(plan: SummaryPlan) -> dict[str, list[list[int]]]:
    """Passage numbers per item of each section (a difference pair, an agreement group, a single claim)."""
    return {"agree": plan.agreements, "differ": [list(p) for p in plan.differences],
            "single": [[n] for n in plan.singles]}


def build_reduce_messages(section: str, items: list[list[int]], plan: SummaryPlan) -> list[ChatMessage]:
    """System + user messages asking for one sentence per item of `section`."""
    by_n = {p.n: p for p in plan.passages}
    blocks = []
    for i, ns in enumerate(items, start=1):
        lines = "\n".join(_line(by_n[n], plan) for n in ns)
        label = {"agree": "Group", "differ": "Pair"}.get(section)
        blocks.append(f"{label} {i}:\n{lines}" if label else lines)
    count = f"{len(items)} sentence" + ("s" if len(items) > 1 else "")
    user = load_prompt("summary_reduce").format(passages="\n\n".join(blocks),
                                                task=load_prompt_text(f"summary_task_{section}"), count=count)
    return [ChatMessage(role=MessageRole.SYSTEM, content=load_prompt_text("system")),
            ChatMessage(role=MessageRole.USER, content=user)]


# ---- the pipeline ----------------------------------------------------------------------------------------
def summarize(index: NewsIndex, settings: Settings, llm, topic: str | None = None, doc_ids: list[str] | None = None,
              max_sentences: int = 8, on_token: OnToken | None = None, max_sources: int = DEFAULT_MAX_SOURCES,
              budget_tokens: int = DEFAULT_BUDGET_TOKENS, filters: Filters | None = None) -> Summary:
    """A neutral summary of the sources on `topic` (or of `doc_ids`, or of every document), organised as
    agreement / difference / single-source sections, every sentence cited and checked, with metrics.

    `on_token` receives the section headings and the model's text as it is generated. `max_sentences` caps
    the sentences the model writes; a source left uncited still gets one quoted sentence on top."""
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
    plan = plan_summary(sources, topic_vec, max_sentences, budget_tokens)
    notes.extend(plan.notes)
    doc_list = [s.doc.doc_id for s in sources]
    timings["map_s"] = round(time.perf_counter() - t0, 3)

    lead = ""
    if len(sources) == 1:
        d = sources[0].doc
        lead = f"Only one source covers this: {display_name(d.title, d.source, d.doc_id)}."
        notes.insert(0, lead)
        emit(lead + "\n\n")

    reduced = reduce_sections(plan, llm, settings, emit, multi=len(sources) > 1)
    notes.extend(reduced.notes)
    timings.update(reduced.timings)
    if reduced.first_token_s is not None:
        timings["first_token_s"] = round((reduced.started - t0) + reduced.first_token_s, 3)

    t_repair = time.perf_counter()
    kept, extra, repair_notes = repair_sections(reduced.drafted, plan, lexicon, settings, max_sentences, doc_list)
    notes.extend(repair_notes)
    timings["repair_s"] = round(time.perf_counter() - t_repair, 3)

    sentences = [s for section in SECTIONS for s in kept[section]]
    by_n = {p.n: p for p in plan.passages}
    summary = Summary(topic=topic, doc_ids=doc_list, summary=_compose(kept, lead, multi=len(sources) > 1),
                      sentences=sentences, citations=cite_spans(sentences, by_n, extra),
                      notes=notes, model=name)
    summary.metrics = compute_metrics(summary, lexicon, doc_list)
    summary.draft_metrics = draft_metrics(reduced.raw, by_n, lexicon, doc_list)
    timings["total_s"] = round(time.perf_counter() - t0, 3)
    summary.timings = timings
    return summary


@dataclass
class Reduced:
    """What the model wrote, checked: sentences per section, notes, timings."""

    drafted: dict[str, list[AnswerSentence]]
    raw: list[AnswerSentence]  # the model's sentences as checked before any citation fix or cap (for metrics)
    notes: list[str]
    timings: dict[str, float]
    started: float
    first_token_s: float | None


def reduce_sections(plan: SummaryPlan, llm, settings: Settings, emit: OnToken, multi: bool) -> Reduced:
    """One model call per batch of items per section (headings and text go to `emit`); every draft is checked
    against the passages it was shown (verify_draft), and sentences rejected for their markers are cited
    post hoc (`recite`)."""
    started = time.perf_counter()
    by_n = {p.n: p for p in plan.passages}
    out = Reduced(drafted={s: [] for s in SECTIONS}, raw=[], notes=[], timings={}, started=started,
                  first_token_s=None)
    prompt_tokens = generated_tokens = calls = 0
    verify_s = 0.0
    for section, items in section_items(plan).items():
        if not items:
            continue
        if multi:
            emit(HEADINGS[section] + "\n")
        for b in range(0, len(items), MAX_ITEMS_PER_CALL):
            batch = items[b:b + MAX_ITEMS_PER_CALL]
            messages = build_reduce_messages(section, batch, plan)
            prompt_tokens += sum(count_tokens(m.content or "", llm) for m in messages)
            t_call = time.perf_counter()
            draft, first = stream_text(llm, messages, emit)
            calls += 1
            generated_tokens += count_tokens(draft, llm)
            if out.first_token_s is None and first is not None:
                out.first_token_s = (t_call - started) + first
            emit("\n")
            t_verify = time.perf_counter()
            shown = [by_n[n] for ns in batch for n in ns]
            # Wrong markers are corrected by `recite` below, which knows the items (pairs, groups) and says so.
            sentences, _citations, _text, _removed = verify_draft(draft, shown, threshold=settings.support_threshold,
                                                                  correct_markers=False, repoint_margin=0.0)
            out.raw.extend(s.model_copy(deep=True) for s in sentences)
            out.notes.extend(f'Added the citation {"".join(f"[{n}]" for n in s.citations)} the model left out: '
                             f'"{s.text[:100]}"' for s in sentences if "cited automatically" in s.reason)
            out.notes.extend(recite(sentences, [[by_n[n] for n in ns] for ns in batch], settings.support_threshold))
            verify_s += time.perf_counter() - t_verify
            cap = sum(len(p.sentences) for p in shown)  # restating each shown sentence is fine; more is padding
            out.drafted[section].extend(sentences[:cap])
            if len(sentences) > cap:
                out.notes.append(f"Removed {len(sentences) - cap} sentence(s) the model added beyond the passages "
                                 f"it was shown ({section} section).")
        emit("\n")
    out.timings = {"reduce_s": round(time.perf_counter() - started - verify_s, 3), "verify_s": round(verify_s, 3),
                   "reduce_calls": float(calls), "prompt_tokens": float(prompt_tokens),
                   "generated_tokens": float(generated_tokens)}
    return out


def repair_sections(drafted: dict[str, list[AnswerSentence]], plan: SummaryPlan, lexicon: Lexicon,
                    settings: Settings, max_sentences: int, doc_ids: list[str]
                    ) -> tuple[dict[str, list[AnswerSentence]], dict[int, Citation], list[str]]:
    """Repair or remove each drafted sentence, keep at most `max_sentences`, then give every source no kept
    sentence cites its fallback sentence. Returns (kept sentences per section, fallback citations, notes)."""
    by_n = {p.n: p for p in plan.passages}
    notes: list[str] = []
    kept: dict[str, list[AnswerSentence]] = {s: [] for s in SECTIONS}
    seen: set[str] = set()
    for section in SECTIONS:
        for sentence in drafted[section]:
            cited = [by_n[n] for n in sentence.citations if n in by_n]
            fixed, what = repair_sentence(sentence, cited, lexicon, settings.support_threshold)
            notes.extend(what)
            if fixed is not None and section == "agree":
                fixed, what = singular_attribution(fixed, cited)
                notes.extend(what)
            if fixed is not None and fixed.text.lower() not in seen:
                seen.add(fixed.text.lower())
                kept[section].append(fixed)
    over = sum(len(v) for v in kept.values()) - max_sentences
    for section in ("single", "agree", "differ"):  # trim the least contested material first
        while over > 0 and kept[section]:
            dropped = kept[section].pop()
            over -= 1
            notes.append(f'Removed a sentence over the limit of {max_sentences}: "{dropped.text[:100]}"')
    extra: dict[int, Citation] = {}
    cited_docs = {by_n[n].doc_id for sents in kept.values() for s in sents for n in s.citations}
    for doc_id in doc_ids:
        if doc_id in cited_docs:
            continue
        claim = plan.fallback.get(doc_id)
        if claim is None:
            notes.append(f"{doc_id} could not be cited: it has no sentence usable for a summary.")
            continue
        sentence, citation = fallback_sentence(by_n[claim.n], claim.start, claim.end, settings.support_threshold)
        kept["single"].append(sentence)
        extra[claim.n] = citation
        notes.append(f"Added an attributed sentence for {doc_id}, which no summary sentence cited: "
                     f"“{claim.text[:100]}{'…' if len(claim.text) > 100 else ''}”")
    return kept, extra, notes


def cite_spans(sentences: list[AnswerSentence], by_n: dict[int, Passage], extra: dict[int, Citation]
               ) -> list[Citation]:
    """One citation per passage the kept sentences cite. Its quote is the exact article span from the first
    to the last passage sentence that the kept sentences rely on (each sentence's best-supporting sentence
    in each passage it cites, by the support scorer); a fallback sentence's quote is its verbatim sentence."""
    rely: dict[int, list[tuple[int, int]]] = {}
    for n, c in extra.items():
        rely.setdefault(n, []).append((c.start, c.end))
    checked = [s for s in sentences if s.citations and s.reason != FALLBACK_REASON]
    p_spans = {n: passage_spans(by_n[n]) for s in checked for n in s.citations}
    flat = [(n, a, b) for n, spans in p_spans.items() for a, b in spans]
    vecs = get_embedder().embed([s.text for s in checked] + [by_n[n].text[a:b] for n, a, b in flat])
    sent_vec = {key: vecs[len(checked) + i] for i, key in enumerate(flat)}
    for i, s in enumerate(checked):
        res = check_support(s.text, [by_n[n].text for n in s.citations],
                            embeddings=(vecs[i], [sent_vec[(n, a, b)] for n in s.citations for a, b in p_spans[n]]),
                            spans=[p_spans[n] for n in s.citations])
        for n, (a, b, _score) in zip(s.citations, res.per_evidence, strict=True):
            rely.setdefault(n, []).append((by_n[n].start + a, by_n[n].start + b))
    out: list[Citation] = []
    for n in sorted({n for s in sentences for n in s.citations}):
        p = by_n[n]
        parts = rely.get(n) or [p.sentences[0]]
        start, end = min(a for a, _ in parts), max(b for _, b in parts)
        out.append(Citation(n=n, doc_id=p.doc_id, title=p.title, source=p.source, published=p.published, url=p.url,
                            quote=p.text[start - p.start:end - p.start], start=start, end=end, score=p.score,
                            passage=p.text, passage_start=p.start, passage_end=p.end))
    return out


def draft_metrics(raw: list[AnswerSentence], by_n: dict[int, Passage], lexicon: Lexicon, doc_ids: list[str]
                  ) -> SummaryMetrics:
    """The summary metrics of the model's sentences before repair (no fix, no removal, no fallback sentence):
    the figures after repair are partly guaranteed by the repair itself, so both are reported."""
    draft = Summary(summary=" ".join(s.text for s in raw), sentences=raw, doc_ids=doc_ids, citations=[
        Citation(n=n, doc_id=by_n[n].doc_id, quote=by_n[n].text, start=by_n[n].start, end=by_n[n].end)
        for n in sorted({n for s in raw for n in s.citations if n in by_n})])
    return compute_metrics(draft, lexicon, doc_ids)


def _compose(kept: dict[str, list[AnswerSentence]], lead: str, multi: bool) -> str:
    """The summary text: the sections with their headings (none for a single source)."""
    blocks = [lead] if lead else []
    for section in SECTIONS:
        if not kept[section]:
            continue
        body = " ".join(render_sentence(s.text, s.citations) for s in kept[section])
        blocks.append(f"{HEADINGS[section]}\n{body}" if multi else body)
    return "\n\n".join(blocks)


def was_repaired(summary: Summary) -> bool:
    """True when the repair step changed the model's draft (removed, replaced, quoted or added a sentence)."""
    return any(note.startswith(REPAIR_PREFIXES) for note in summary.notes)


# ---- CLI -------------------------------------------------------------------------------------------------
def format_report(summary: Summary) -> str:
    """Sources (numbered, with quotes), notes and metrics, for the terminal."""
    from qa.ask import format_sources
    from qa.schema import Answer

    as_answer = Answer(question=summary.topic or "", answer=summary.summary, sentences=summary.sentences,
                       citations=summary.citations)
    lines = [format_sources(as_answer)]
    if summary.notes:
        lines.append("\nNotes:")
        lines.extend(f"  - {note}" for note in summary.notes)
    m = summary.metrics
    lines.append(f"\nMetrics: source coverage {m.source_coverage:.2f} · citation balance {m.citation_balance:.2f} · "
                 f"attributed {m.attributed_ratio:.2f} · unsupported sentences {m.unsupported_sentences} · "
                 f"loaded terms: {', '.join(m.loaded_terms) or 'none'}")
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m qa.summarize",
        description="A neutral summary of several news articles: what the sources agree on, where they differ "
                    "or one cannot confirm what another reports, and what only one source reports. Every sentence "
                    "says who reported what and cites the exact sentence of its article; unsupported sentences "
                    "and loaded words in the summary's own voice are removed or repaired, and no source is "
                    "silently dropped. On an empty index the seed articles are ingested first.",
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
    from qa.ingest import ensure_seeded
    from qa.llm import get_llm

    index = open_index(settings)
    ensure_seeded(index, settings, say=lambda m: print(m, file=sys.stderr))
    doc_ids = resolve_doc_ids(index, doc_ids)
    check_filters(index, filters)
    llm = get_llm(settings)
    stream = not args.json and not args.no_stream

    def on_token(t: str) -> None:
        sys.stdout.write(t)
        sys.stdout.flush()

    summary = summarize(index, settings, llm, topic=topic, doc_ids=doc_ids, max_sentences=args.max_sentences,
                        on_token=on_token if stream else None, max_sources=args.max_sources, filters=filters)
    fill_citation_metadata(summary.citations, index.committed_docs())
    if args.json:
        print(summary.model_dump_json(indent=2))
        return 0
    if not stream:
        print(summary.summary)
    elif was_repaired(summary) and summary.sentences:
        print(f"=> Checked summary:\n{summary.summary}")
    print(format_report(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
