"""`python -m qa.timeline [--topic TEXT]`: the dated events of the indexed articles in time order, each with its
exact quote, outlet and date; events whose date the articles do not state come after the dated ones; accounts of
the same event from different articles are shown together, and flagged when they conflict (one confirms what
another could not confirm or denies, or they give different numbers or dates).

Deterministic, no model: an event is an article sentence (or, when a sentence dates two things, the clause) that
names a date (qa.verify.event_dates: weekdays resolved against the publication date only when unambiguous), or that
confirms, denies or cannot confirm something. Accounts of one event are sentences of different articles whose
embeddings are close (qa.news.articles.SAME_SIM), or a claim and a close sentence that disputes it (DISPUTE_SIM).
Speaker and certainty come from the rules of qa.summarize.reading / qa.verify.support and the verifier's parse
(qa.verify).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from qa.config import Settings
from qa.news.articles import (
    DISPUTE_SIM,
    SAME_SIM,
    Article,
    Citer,
    certainty_of,
    counted,
    is_negative,
    quantities_of,
    select_articles,
    speaker_at,
)
from qa.news.schema import CERTAINTY_WORDS, Account, EventDate, Timeline, TimelineEvent
from qa.retrieve.filters import Filters
from qa.summarize.reading import stance_of
from qa.verify.event_dates import CLAUSE_BREAK, TextDate, find_dates

MAX_EVENTS = 200  # a timeline longer than this is not read; the note says how many were left out


@dataclass
class _Node:
    art: int  # index into the articles
    k: int  # sentence index
    start: int  # the quoted span (a sentence or one clause of it)
    end: int
    date: TextDate | None
    negative: bool


def _segments(text: str, s: int, e: int, found: list[TextDate]) -> list[tuple[int, int, TextDate]]:
    """(start, end, date) per dated clause of the sentence text[s:e]: the whole sentence when it names one date, one
    clause per date when it names several ("took Tikrit on Wednesday (June 11), but ... on Thursday (June 12)")."""
    if len({d.label for d in found}) <= 1:
        return [(s, e, next((d for d in found if d.known), found[0]))]
    breaks = list(CLAUSE_BREAK.finditer(text[s:e]))
    bounds = [(s, s + breaks[0].start() if breaks else e)]
    bounds += [(s + m.end(), s + (breaks[i + 1].start() if i + 1 < len(breaks) else e - s))
               for i, m in enumerate(breaks)]
    pieces: list[tuple[int, int, list[TextDate]]] = []
    for a, b in bounds:
        dated = [d for d in found if a <= d.start < b]
        if dated or not pieces:
            pieces.append((a, b, dated))
        else:  # a clause without a date belongs to the one before
            pieces[-1] = (pieces[-1][0], b, pieces[-1][2])
    out = []
    for a, b, dated in pieces:
        if not dated and out:
            continue
        a, b = _trim(text, a, b)
        if b > a:
            out.append((a, b, next((d for d in dated if d.known), dated[0] if dated else found[0])))
    return out


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    """The span without surrounding spaces and a trailing comma or semicolon (still an exact article span)."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",;:"):
        b -= 1
    return a, b


def find_events(articles: list[Article]) -> list[_Node]:
    """The event sentences and clauses of the articles (only the topic-relevant sentences)."""
    nodes = []
    for ai, art in enumerate(articles):
        for k, (s, e) in enumerate(art.spans):
            if not art.relevant[k]:
                continue
            sentence = art.doc.text[s:e]
            found = find_dates(sentence, art.published, offset=s)
            negative = is_negative(sentence)
            if found:
                nodes.extend(_Node(ai, k, a, b, d, negative) for a, b, d in _segments(art.doc.text, s, e, found))
            elif negative or stance_of(sentence) == "confirm":
                nodes.append(_Node(ai, k, s, e, None, negative))
    return nodes


def link_accounts(articles: list[Article], nodes: list[_Node]) -> list[list[_Node]]:
    """Groups of nodes that are accounts of one event: each event sentence is linked to the closest sentence of
    every other article that reports the same (cosine >= SAME_SIM, same polarity) and to every one that disputes
    it (cosine >= DISPUTE_SIM, opposite polarity); partners that are not events themselves join as accounts."""
    negs: dict[tuple[int, int], bool] = {}

    def neg(ai: int, k: int) -> bool:
        if (ai, k) not in negs:
            negs[(ai, k)] = is_negative(articles[ai].text(k))
        return negs[(ai, k)]

    by_sentence: dict[tuple[int, int], int] = {}
    for i, n in enumerate(nodes):
        by_sentence.setdefault((n.art, n.k), i)
    parent = list(range(len(nodes)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def node_for(aj: int, m: int) -> int:
        if (aj, m) not in by_sentence:
            art = articles[aj]
            s, e = art.spans[m]
            found = find_dates(art.text(m), art.published, offset=s)
            nodes.append(_Node(aj, m, s, e, found[0] if found else None, neg(aj, m)))
            parent.append(len(nodes) - 1)
            by_sentence[(aj, m)] = len(nodes) - 1
        return by_sentence[(aj, m)]

    # A non-confirmation and the quote that follows it in the same article ("X said it could not confirm ...",
    # "\u201cI have nothing to confirm ...\u201d, a spokesman said") are one account of one event.
    for i, a in enumerate(nodes):
        for j, b in enumerate(nodes):
            if (b.art == a.art and b.k == a.k + 1 and a.negative and b.negative
                    and float(articles[a.art].vectors[a.k] @ articles[a.art].vectors[b.k]) >= DISPUTE_SIM):
                parent[find(j)] = find(i)
    for i in range(len(nodes)):
        a = nodes[i]
        if (a.art, a.k) in by_sentence and by_sentence[(a.art, a.k)] != i:
            continue  # a later clause of the same sentence: linked through the first
        vec = articles[a.art].vectors[a.k]
        for aj, other in enumerate(articles):
            if aj == a.art or not len(other.spans):
                continue
            sims = other.vectors @ vec
            same = [m for m in range(len(other.spans)) if neg(aj, m) == a.negative]
            partners = [m for m in range(len(other.spans)) if neg(aj, m) != a.negative and sims[m] >= DISPUTE_SIM]
            if same:
                best = max(same, key=lambda m: (float(sims[m]), -m))
                if sims[best] >= SAME_SIM:
                    partners.append(best)
            for m in partners:
                j = node_for(aj, m)
                parent[find(j)] = find(i)
    groups: dict[int, list[_Node]] = {}
    for i, n in enumerate(nodes):
        groups.setdefault(find(i), []).append(n)
    return list(groups.values())


def _event_date(accounts: list[Account]) -> EventDate:
    known = sorted((a.date for a in accounts if a.date.known), key=lambda d: (_first(d), d.as_int))
    if known:
        return known[0]
    mentioned = [a.date for a in accounts if a.date.mention]
    return mentioned[0] if mentioned else EventDate()


def _first(d: EventDate) -> int:
    from qa.metadata import date_range

    return date_range(d.as_int)[0]


def _relation(accounts: list[Account]) -> tuple[str, str]:
    """("single" | "agree" | "conflict", why they conflict)."""
    docs = {a.doc_id for a in accounts}
    if len(docs) < 2:
        return "single", ""
    sides = {a.certainty in ("not_confirmed", "denied") for a in accounts}
    if len(sides) == 2:
        seen = dict.fromkeys(f"{a.outlet}: {CERTAINTY_WORDS[a.certainty]}"
                             + (f" ({a.speaker})" if a.speaker else "") for a in accounts)
        return "conflict", "different certainty — " + "; ".join(seen)
    units: dict[str, dict[str, set[float]]] = {}
    written: dict[str, list[str]] = {}
    for a in accounts:
        measures = [(v, u, w) for v, u, w in quantities_of(a.quote) if u] + \
            [(v, f"count of {noun}", w) for v, noun, w in counted(a.quote)]
        for value, unit, shown in measures:
            units.setdefault(unit, {}).setdefault(a.doc_id, set()).add(value)
            written.setdefault(unit, []).append(f"{a.outlet}: {shown}")
    for unit, per_doc in units.items():
        values = {frozenset(v) for v in per_doc.values()}
        if len(per_doc) > 1 and len(values) > 1:
            return "conflict", "different numbers — " + "; ".join(dict.fromkeys(written[unit]))
    days = {a.date.iso for a in accounts if a.date.precision == "day"}
    if len(days) > 1:
        return "conflict", "different dates — " + "; ".join(f"{a.outlet}: {a.date.label}" for a in accounts
                                                            if a.date.precision == "day")
    return "agree", ""


def build_timeline(articles: list[Article], topic: str | None = None, filters: Filters | None = None) -> Timeline:
    """The timeline of these articles (from qa.news.articles.load_articles): events, accounts, citations."""
    nodes = find_events(articles)
    groups = link_accounts(articles, nodes)
    drafts: list[tuple[EventDate, list[tuple[_Node, Account]]]] = []
    for group in groups:
        accounts = []
        for n in sorted(group, key=lambda n: (articles[n.art].order, n.start)):
            art = articles[n.art]
            sentence = art.text(n.k)
            date = EventDate(**n.date.model_dump(include=set(EventDate.model_fields) - {"mention"}),
                             mention=n.date.mention) if n.date else EventDate()
            accounts.append((n, Account(n=0, doc_id=art.doc.doc_id, outlet=art.outlet, published=art.doc.published,
                                        quote=art.doc.text[n.start:n.end], start=n.start, end=n.end,
                                        speaker=speaker_at(art, n.k), certainty=certainty_of(sentence), date=date,
                                        quantities=[q[2] for q in quantities_of(art.doc.text[n.start:n.end])])))
        drafts.append((_event_date([a for _, a in accounts]), accounts))

    def order(item):
        when, accounts = item
        first = accounts[0][0]
        where = (articles[first.art].order, first.start)
        return (0, _first(when), when.as_int, *where) if when.known else (1, 0, 0, *where)

    drafts.sort(key=order)
    notes = []
    if len(drafts) > MAX_EVENTS:
        notes.append(f"Showing the first {MAX_EVENTS} of {len(drafts)} events; narrow them with --topic or filters.")
        drafts = drafts[:MAX_EVENTS]
    citer = Citer()
    events = []
    for when, accounts in drafts:
        for node, account in accounts:
            account.n = citer.cite(articles[node.art], node.start, node.end)
        relation, why = _relation([a for _, a in accounts])
        events.append(TimelineEvent(date=when, relation=relation, conflict=why, accounts=[a for _, a in accounts]))
    if not events:
        notes.append("No dated event, and no sentence that confirms, denies or cannot confirm something"
                     + (" on this topic." if topic else "."))
    return Timeline(topic=topic, filters=filters.describe() if filters else "",
                    doc_ids=[a.doc.doc_id for a in articles], events=events, citations=citer.citations, notes=notes)


def timeline(index, settings: Settings, topic: str | None = None, filters: Filters | None = None,
             doc_ids: list[str] | None = None) -> Timeline:
    """The timeline of the indexed articles the filters, `doc_ids` and `topic` select."""
    t0 = time.perf_counter()
    topic, articles = select_articles(index, settings, topic, filters, doc_ids)
    result = build_timeline(articles, topic, filters)
    if topic:
        left_out = [a.doc.doc_id for a in articles if not any(a.relevant)]
        if left_out:
            result.notes.append(f"No sentence close to the topic in {', '.join(left_out)}.")
    result.timings["total_s"] = round(time.perf_counter() - t0, 3)
    return result


# ---- terminal output ---------------------------------------------------------------------------------------
def format_timeline(result: Timeline) -> str:
    """The timeline as plain text: dated events in order, then those without a date; conflicts flagged."""
    lines = []
    what = f"{len(result.doc_ids)} article{'s' if len(result.doc_ids) != 1 else ''}"
    lines.append(f"Timeline of {what}" + (f" on '{result.topic}'" if result.topic else "")
                 + (f" ({result.filters})" if result.filters else "") + ":")
    shown_undated = False
    for event in result.events:
        if not event.date.known and not shown_undated:
            lines.append("\nDate not stated in the articles:")
            shown_undated = True
        head = event.date.label
        flag = {"conflict": "  ⚠ CONFLICTING ACCOUNTS", "agree": "  (reported by several articles)"}.get(
            event.relation, "")
        lines.append(f"\n{head}{flag}")
        if event.conflict:
            lines.append(f"    {event.conflict}")
        for a in event.accounts:
            who = f" — {a.speaker}: {CERTAINTY_WORDS[a.certainty]}" if a.speaker else \
                f" — {CERTAINTY_WORDS[a.certainty]}"
            when = f" [dated: {a.date.label}]" if event.relation != "single" and a.date.mention else ""
            lines.append(f"  [{a.n}] {a.outlet}, published {a.published}{who}{when}")
            lines.append(f"      \"{_one_line(a.quote)}\"")
    if result.citations:
        lines.append("\nSources:")
        for c in result.citations:
            lines.append(f"  [{c.n}] {c.doc_id}, characters {c.start}-{c.end}" + (f" {c.url}" if c.url else ""))
    if result.notes:
        lines.append("\nNotes:")
        lines.extend(f"  - {n}" for n in result.notes)
    return "\n".join(lines)


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
