"""Neutral multi-source summaries: `summarize(...)` and the CLI `python -m qa.summarize`.

sources (qa.summarize.reading): the chosen articles' usable sentences. claims (qa.summarize.claim_groups,
deterministic): each
sentence's attributed claim (speaker, certainty, predicate, numbers, dates), grouped across articles and classed
agreement / conflict / single. writing (qa.summarize.write): one sentence per group, conflicts by template with each
side's outlet and speaker, agreements and single items worded by the model only when the verifier accepts the
wording against every cited article. Typed sections (`Summary.sections`); metrics in qa.summarize.metrics, of the
model's wording before the fallbacks (`draft_metrics`) and of the summary as shown.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from qa.config import Settings
from qa.errors import UsageError
from qa.generate.llm import model_name
from qa.index.store import NewsIndex
from qa.retrieve.filters import Filters, NoMatchError, check_filters
from qa.retrieve.hybrid import retrieve_passages
from qa.schema import Citation, Document, Summary, SummarySection
from qa.sources import display_name
from qa.summarize.claim_groups import claim_vectors, extract_claims, group_claims
from qa.summarize.loaded_terms import lexicon_for
from qa.summarize.metrics import compute_metrics
from qa.summarize.reading import load_sources
from qa.summarize.write import HEADINGS as HEADINGS
from qa.summarize.write import compose, write_summary

DEFAULT_MAX_SOURCES = 10
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
              filters: Filters | None = None) -> Summary:
    """A neutral summary of the sources on `topic` (or of `doc_ids`, or of every document), written from the
    claim groups: agreements (cited to every agreeing outlet), conflicts (each side with its outlet and speaker)
    and single-source items, every sentence checked, with metrics before and after the fallbacks.

    `on_token` receives each section as soon as it is written. `max_sentences` caps the sentences; an article
    no sentence cites still gets one single-source sentence on top."""
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
    written = write_summary(groups, {d.doc_id: d for d in chosen}, llm, settings.summary_threshold, max_sentences,
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
