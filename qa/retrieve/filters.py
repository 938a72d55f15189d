"""Retrieval filters: only articles from one outlet and/or published in a date range.

Filters act inside retrieval, not after it: the dense search gets a Chroma `where` on the chunks' metadata
(`source_key`, `published_from`, `published_to`) and BM25 scores only the chunks of matching documents, so the k
passages always come from the filtered set. A filter that matches no indexed article is an error that says so
(`NoMatchError`), never an answer from other articles.

Dates: `--since`/`--until` take ISO dates ("2014-06-13", "2014-06", "2014") or what dateparser reads ("7 days
ago", "yesterday", "last month"); both ends are inclusive. An article dated only to a month or a year matches
when any day of that month or year is in the range ("2014-06" matches --since 2014-06-13). Articles without
a date never match a date filter.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from qa.errors import NewsqaError, UsageError
from qa.metadata import date_range, int_to_iso, parse_filter_date, source_key

DATE_HELP = "ISO date (2014-06-13, 2014-06, 2014) or e.g. '7 days ago', 'yesterday'"


class NoMatchError(NewsqaError):
    """The filters match no indexed article (exit code 1; the message says which filter and what there is)."""


@dataclass(frozen=True)
class Filters:
    """What retrieval is restricted to. `since`/`until` are inclusive days as yyyymmdd; the `*_text` fields keep
    what the user wrote, for messages."""

    source: str | None = None
    since: int | None = None
    until: int | None = None
    since_text: str = ""
    until_text: str = ""

    @classmethod
    def parse(cls, source: str | None = None, since: str | None = None, until: str | None = None,
              now: datetime | None = None) -> Filters:
        """Filters from user input (blank values mean no filter); UsageError (exit 2) for a bad date."""
        source = " ".join((source or "").split()) or None
        if source and not source_key(source):
            raise UsageError(f"--source: '{source}' is not an outlet name (articles whose outlet is unknown cannot "
                             "be selected by outlet)")
        since_text, until_text = (since or "").strip(), (until or "").strip()
        since_day = _parse_date("--since", since_text, end=False, now=now) if since_text else None
        until_day = _parse_date("--until", until_text, end=True, now=now) if until_text else None
        if since_day and until_day and since_day > until_day:
            raise UsageError(f"--since {since_text} ({int_to_iso(since_day)}) is after --until {until_text} "
                             f"({int_to_iso(until_day)}): no date can match")
        return cls(source=source, since=since_day, until=until_day, since_text=since_text, until_text=until_text)

    @property
    def active(self) -> bool:
        return bool(self.source or self.since or self.until)

    def describe(self) -> str:
        """The filters as the flags that set them: `--source 'X' --since 2014-06-01 (7 days ago)`."""
        parts = []
        if self.source:
            parts.append(f"--source '{self.source}'")
        for flag, day, text in (("--since", self.since, self.since_text), ("--until", self.until, self.until_text)):
            if day:
                iso = int_to_iso(day)
                parts.append(f"{flag} {iso}" + (f" ({text})" if text and text != iso else ""))
        return " ".join(parts)

    def matches(self, source: str | None, published_int: int) -> bool:
        """Whether a document with this outlet and date (yyyymmdd, 00 for unknown parts, 0 for none) matches."""
        if self.source and source_key(source) != source_key(self.source):
            return False
        if self.since or self.until:
            first, last = date_range(published_int)
            if not first:
                return False
            if self.since and last < self.since:
                return False
            if self.until and first > self.until:
                return False
        return True

    def chunk_where(self) -> dict | None:
        """The Chroma `where` on chunk metadata for these filters (None when inactive)."""
        conds: list[dict[str, Any]] = []
        if self.source:
            conds.append({"source_key": {"$eq": source_key(self.source)}})
        if self.since:
            conds.append({"published_to": {"$gte": self.since}})
        if self.until:
            conds.append({"published_from": {"$lte": self.until}})
            conds.append({"published_from": {"$gt": 0}})  # an undated article is not "before" anything
        return _all(conds)


def _parse_date(flag: str, text: str, *, end: bool, now: datetime | None) -> int:
    try:
        return parse_filter_date(text, end=end, now=now)
    except ValueError:
        raise UsageError(f"{flag}: cannot read {text!r} as a date (use {DATE_HELP})") from None


def _all(conds: list[dict[str, Any]]) -> dict | None:
    if not conds:
        return None
    return conds[0] if len(conds) == 1 else {"$and": conds}


def matching_doc_ids(docs: Mapping[str, Any], filters: Filters) -> list[str]:
    """Ids of the committed documents (`{doc_id: DocInfo}`) the filters match, sorted."""
    return sorted(d for d, info in docs.items() if filters.matches(info.source, info.published_int))


def no_match_message(docs: Mapping[str, Any], filters: Filters) -> str:
    """"no indexed article matches --source 'X'", plus what the index does hold, so the user can correct it."""
    message = f"no indexed article matches {filters.describe()}"
    if not docs:
        return message + " (the index is empty)"
    hints = []
    if filters.source:
        outlets = sorted({info.source for info in docs.values() if source_key(info.source)})
        shown = ", ".join(outlets[:10]) + (f", … ({len(outlets)} in all)" if len(outlets) > 10 else "")
        hints.append(f"outlets in the index: {shown or 'none is known'}")
    if filters.since or filters.until:
        dated = sorted(info.published for info in docs.values() if info.published_int > 0)
        undated = len(docs) - len(dated)
        span = f"published {dated[0]} … {dated[-1]}" if dated else "no article has a known date"
        hints.append(span + (f"; {undated} without a date" if dated and undated else ""))
    return message + (f" ({'; '.join(hints)})" if hints else "")


def dense_where(docs: Mapping[str, Any], filters: Filters, matching: list[str],
                doc_ids: list[str] | None = None) -> dict | None:
    """The Chroma `where` for the dense search: the chunk-metadata filter, widened by doc_id for matching documents
    whose rows predate the filter fields, and narrowed to `doc_ids` when the caller restricts documents too."""
    if doc_ids is not None:
        return {"doc_id": {"$in": matching}}  # matching is already within doc_ids: a short explicit list
    where = filters.chunk_where()
    legacy = [d for d in matching if not getattr(docs[d], "filterable", True)]
    if legacy and where is not None:
        where = {"$or": [where, {"doc_id": {"$in": legacy}}]}
    return where


def check_filters(index, filters: Filters | None) -> list[str] | None:
    """The ids of the committed documents the filters match (None when there are no filters); NoMatchError when
    none does. Cheap: the index keeps its documents in memory."""
    if filters is None or not filters.active:
        return None
    docs = index.committed_docs()
    matching = matching_doc_ids(docs, filters)
    if not matching:
        raise NoMatchError(no_match_message(docs, filters))
    return matching


def add_filter_args(parser: argparse.ArgumentParser) -> None:
    """--source, --since and --until, as qa.cli.ask and qa.summarize.pipeline take them."""
    group = parser.add_argument_group("filters (applied inside retrieval)")
    group.add_argument("--source", metavar="NAME", help="only articles from this outlet (case-insensitive exact "
                       "name, e.g. 'International Business Times UK')")
    group.add_argument("--since", metavar="DATE", help=f"only articles published on or after DATE ({DATE_HELP})")
    group.add_argument("--until", metavar="DATE", help=f"only articles published on or before DATE ({DATE_HELP})")


def filters_from_args(args: argparse.Namespace) -> Filters | None:
    """The Filters of parsed CLI arguments (None when no filter is given); UsageError for a bad date."""
    for flag in ("source", "since", "until"):
        value = getattr(args, flag, None)
        if value is not None and not value.strip():
            raise UsageError(f"--{flag} is empty (leave it out to use no {flag} filter)")
    filters = Filters.parse(getattr(args, "source", None), getattr(args, "since", None), getattr(args, "until", None))
    return filters if filters.active else None
