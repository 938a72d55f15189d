"""Outlet and publication-date constraints a question states in words ("According to <outlet>, ...", "What did
<outlet> report ...", "articles published since January 2015") turned into the same `Filters` that `--source`,
`--since` and `--until` set, so such a question is answered from those articles only, or says that none match.

Written by hand: no library maps question wording to metadata filters (llama-index's auto-retriever asks an LLM,
which the 1.5B local model does not do reliably). The rules are English phrasings of *constraints*, never names:
an outlet is recognised only as one the index records (its name, the name without "The", or its web address's
brand, e.g. "nytimes" for nytimes.com), and a name the index does not hold counts as an outlet only when no
indexed article even mentions it (a speaker quoted in an article is not an outlet).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from qa.metadata import int_to_iso, parse_filter_date, source_key
from qa.retrieve.filters import Filters
from qa.sources import outlet_names

# A name as written in a question: capitalised words (with inner "of", "the", "and", "&"), e.g. "The New York
# Times", "International Business Times UK", "IBTimes UK", "Al Jazeera".
_NAME = r"(?P<name>(?:The\s+)?[A-Z][\w&'.-]*(?:\s+(?:of|and|&|the|[A-Z][\w&'.-]*))*)"
# Where a question names the outlet whose account it wants, and whether that wording can only mean an outlet
# (reporting, publishing, coverage) or may also mean a person quoted ("according to X", "what did X say").
_OUTLET_PATTERNS: list[tuple[bool, re.Pattern[str]]] = [
    (False, re.compile(r"\b(?i:according to) " + _NAME)),
    (False, re.compile(r"\b(?i:what|how|when|where|who|why|which)\b[^?]*?\b(?i:did|does|do|has|have) " + _NAME
                       + r"\s+(?i:say|said|describe|claim|state)\b")),
    (True, re.compile(r"\b(?i:what|how|when|where|who|why|which)\b[^?]*?\b(?i:did|does|do|has|have) " + _NAME
                      + r"\s+(?i:report|reported|write|wrote|publish|published|cover)\b")),
    (True, re.compile(r"\b(?i:articles?|reports?|reporting|coverage|stories|story) (?i:from|by|in|of) " + _NAME)),
    (True, re.compile(r"\b(?i:in|from) " + _NAME + r"(?:'s)? (?i:articles?|reports?|reporting|coverage|stories)\b")),
]
_MONTHS = re.compile(r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s|$)", re.I)
_DATE_TEXT = r"(?P<date>(?:\d{4}-\d{2}(?:-\d{2})?)|(?:[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})|" \
             r"(?:\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4})|(?:[A-Z][a-z]+\.?\s+\d{4})|(?:\d{4}))"
# Publication-date constraints: the words must be about articles or reporting, not about events.
_PUBLISHED = (r"(?:published|dated|written|articles?|reports?|reporting|reported|coverage|stories|say|says|said|"
              r"writes?|wrote)")
_DATE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("on_or_after", re.compile(_PUBLISHED + r"\b[^?]{0,20}?\bon or after " + _DATE_TEXT)),
    ("on_or_before", re.compile(_PUBLISHED + r"\b[^?]{0,20}?\bon or before " + _DATE_TEXT)),
    ("since", re.compile(_PUBLISHED + r"\b[^?]{0,20}?\b(?P<w>since|after|from) " + _DATE_TEXT)),
    ("before", re.compile(_PUBLISHED + r"\b[^?]{0,20}?\bbefore " + _DATE_TEXT)),
    ("until", re.compile(_PUBLISHED + r"\b[^?]{0,20}?\b(?:until|till|by) " + _DATE_TEXT)),
    ("during", re.compile(_PUBLISHED + r"\b[^?]{0,20}?\b(?:in|on|during) " + _DATE_TEXT)),
]
_STOP_TAIL = {"the", "of", "and", "&"}


@dataclass(frozen=True)
class QuestionFilters:
    """What a question's wording constrains: `filters` for retrieval (None: nothing), or `unknown_outlet` when it
    asks for an outlet the index does not hold and no article mentions; `said` explains it in one line."""

    filters: Filters | None = None
    unknown_outlet: str | None = None
    said: str = ""


def _trim(name: str) -> str:
    words = name.split()
    while words and words[-1].lower() in _STOP_TAIL:
        words.pop()
    return " ".join(words).rstrip(".,;:'")


def outlet_aliases(source: str, url: str | None) -> set[str]:
    """Ways a question may name an outlet the index records (`qa.sources.outlet_names`), as compared keys."""
    return {source_key(n) for n in outlet_names(source, url)} - {""}


def _mentions(question: str) -> list[tuple[str, bool]]:
    """(name, only_an_outlet) for each name the question asks an account of, in order of appearance."""
    found: dict[str, tuple[int, bool]] = {}
    for only_outlet, pattern in _OUTLET_PATTERNS:
        for m in pattern.finditer(question):
            name = _trim(m.group("name"))
            if not name or _MONTHS.match(name):  # "reported in May 2014" names a date, not an outlet
                continue
            pos, was = found.get(name, (m.start("name"), False))
            found[name] = (pos, was or only_outlet)
    return [(name, only) for name, (_pos, only) in sorted(found.items(), key=lambda kv: kv[1][0])]


def _shift(day: int, days: int) -> int:
    d = date(day // 10000, day // 100 % 100, day % 100) + timedelta(days=days)
    return d.year * 10000 + d.month * 100 + d.day


def _date_bounds(question: str) -> tuple[int | None, int | None, str]:
    since = until = None
    said: list[str] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _DATE_PATTERNS:
        m = pattern.search(question)
        if not m or any(a < m.end("date") and m.start("date") < b for a, b in taken):
            continue  # "on or after June 13" is not also "after June 13"
        taken.append((m.start("date"), m.end("date")))
        text = m.group("date")
        try:
            first, last = parse_filter_date(text, end=False), parse_filter_date(text, end=True)
        except ValueError:
            continue
        if kind == "on_or_after":
            since = first
        elif kind == "since":  # "after June 2014" starts once June is over; "since"/"from" include it
            since = _shift(last, 1) if m.group("w") == "after" else first
        elif kind == "on_or_before":
            until = last
        elif kind == "before":
            until = _shift(first, -1)
        elif kind == "until":
            until = last
        elif since is None and until is None:  # "in June 2014": the whole period
            since, until = first, last
        said.append(f"{kind.replace('_', ' ')} {text}")
    return since, until, ", ".join(said)


def mentioned_in(texts: Iterable[str]) -> Callable[[str], bool]:
    """A `mentioned` test over article texts held in memory (whole words, any case)."""
    texts = list(texts)
    return lambda name: any(re.search(r"\b" + re.escape(name) + r"\b", t, re.I) for t in texts)


def infer_filters(question: str, docs: Mapping[str, Any],
                  mentioned: Callable[[str], bool] = lambda _name: True) -> QuestionFilters:
    """The constraint `question` states. `docs`: the index's documents ({doc_id: info with .source, .url});
    `mentioned(name)`: whether any indexed article mentions the name, which tells an outlet that is not indexed
    from a speaker the articles quote (asked only for a name in reporting wording that no outlet matches)."""
    by_alias: dict[str, str] = {}
    for info in docs.values():
        for alias in outlet_aliases(info.source, getattr(info, "url", None)):
            by_alias.setdefault(alias, info.source)
    source = None
    unknown = None
    for name, only_outlet in _mentions(question):
        bare = re.sub(r"^the\s+", "", name, flags=re.I)
        known = by_alias.get(source_key(name)) or by_alias.get(source_key(bare))
        if known:
            source = known
            break
        if not only_outlet or unknown is not None:
            continue  # "according to X" / "what did X say" may ask about a person the articles quote
        if not mentioned(bare):
            unknown = name
    since, until, said_dates = _date_bounds(question)
    if source is None and unknown is not None:
        return QuestionFilters(unknown_outlet=unknown, said=f"the question asks for {unknown}, which no indexed "
                               "article is from or mentions")
    if source is None and since is None and until is None:
        return QuestionFilters()
    filters = Filters(source=source, since=since, until=until,
                      since_text=int_to_iso(since) if since else "", until_text=int_to_iso(until) if until else "")
    said = "; ".join(x for x in (f"outlet {source}" if source else "", said_dates) if x)
    return QuestionFilters(filters=filters, said=f"the question asks for {said}")
