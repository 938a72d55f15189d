"""News metadata rules: publication dates (ISO, with their precision), languages and outlet keys.

A publication date is kept at the precision it was stated in: "2014-06-13" (day), "2014-06" (month) or "2014"
(year); a day is never invented. As an integer it is `yyyymmdd` with `00` for what is not known: 20140613,
20140600, 20140000; 0 when there is no date. Filters compare ranges: "2014-06" covers 20140601..20140630.
Dates that are not already ISO are read with `dateparser` (absolute dates only: "2 hours ago" in an article's
metadata is not a date), so "Fri, 13 Jun 2014 10:00:00 GMT", "June 13, 2014", "13 juin 2014" and "June 2014"
all work. The date stays the one the publisher wrote (no time-zone conversion: "2014-06-13T23:30-05:00" is
June 13th).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from qa.sources import UNKNOWN

_MAX_DATE_CHARS = 120  # longer "dates" are prose, not metadata; dateparser would only waste time on them


@dataclass(frozen=True)
class PublishedDate:
    """A publication date at its stated precision."""

    iso: str = UNKNOWN  # "2014-06-13", "2014-06", "2014" or "unknown"
    as_int: int = 0  # 20140613, 20140600, 20140000 or 0
    precision: str = UNKNOWN  # "day", "month", "year" or "unknown"

    @property
    def known(self) -> bool:
        return self.as_int > 0

    @property
    def first_day(self) -> int:
        """The first day the date can mean, as yyyymmdd (0 when unknown)."""
        return date_range(self.as_int)[0]

    @property
    def last_day(self) -> int:
        """The last day the date can mean, as yyyymmdd (0 when unknown)."""
        return date_range(self.as_int)[1]


NO_DATE = PublishedDate()


def from_parts(year: int, month: int | None = None, day: int | None = None) -> PublishedDate:
    """A PublishedDate from its known parts; NO_DATE when they are not a real date."""
    if not 1 <= year <= 9999:
        return NO_DATE
    if month is None:
        return PublishedDate(f"{year:04d}", year * 10000, "year")
    if not 1 <= month <= 12:
        return NO_DATE
    if day is None:
        return PublishedDate(f"{year:04d}-{month:02d}", year * 10000 + month * 100, "month")
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return NO_DATE
    return PublishedDate(f"{year:04d}-{month:02d}-{day:02d}", year * 10000 + month * 100 + day, "day")


def date_range(as_int: int) -> tuple[int, int]:
    """(first day, last day) as yyyymmdd that a date integer can mean; (0, 0) for no date."""
    if as_int <= 0:
        return 0, 0
    year, month, day = as_int // 10000, as_int // 100 % 100, as_int % 100
    if month == 0:
        return year * 10000 + 101, year * 10000 + 1231
    if day == 0:
        last = calendar.monthrange(year, month)[1]
        return year * 10000 + month * 100 + 1, year * 10000 + month * 100 + last
    return as_int, as_int


def from_int(as_int: int) -> PublishedDate:
    """The PublishedDate an integer stands for (NO_DATE for 0 or nonsense)."""
    if as_int <= 0:
        return NO_DATE
    year, month, day = as_int // 10000, as_int // 100 % 100, as_int % 100
    return from_parts(year, month or None, day or None) if month or not day else NO_DATE


# ISO 8601 as written in most metadata: 2014, 2014-06, 2014-06-13, 2014-06-13T10:00:00Z, 20140613.
_ISO = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?"
                  r"\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT)?)?)?)?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_DATEPARSER_SETTINGS = {"PARSERS": ["timestamp", "custom-formats", "absolute-time"],
                        "RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DAY_OF_MONTH": "first"}
_parsers: dict[str, Any] = {}


def _date_parser(languages: tuple[str, ...] | None = None):
    key = ",".join(languages or ())
    parser = _parsers.get(key)
    if parser is None:
        from dateparser.date import DateDataParser  # imported only for dates that are not ISO already

        parser = _parsers[key] = DateDataParser(languages=list(languages) if languages else None,
                                                settings=_DATEPARSER_SETTINGS)
    return parser


def parse_published(value: Any, *, iso_only: bool = False) -> PublishedDate:
    """A metadata date value at its stated precision; NO_DATE when absent, "unknown" or not a date.
    `iso_only`: only the ISO forms (no dateparser: for hot paths over many stored rows)."""
    if value is None or isinstance(value, (dict, list, bool)):
        return NO_DATE
    if isinstance(value, date):
        return from_parts(value.year, value.month, value.day)
    text = " ".join(str(value).split())
    if not text or text.lower() in {UNKNOWN, "none", "null", "n/a"} or len(text) > _MAX_DATE_CHARS:
        return NO_DATE
    match = _ISO.fullmatch(text)
    if match:
        year, month, day = match.groups()
        return from_parts(int(year), int(month) if month else None, int(day) if day else None)
    match = _COMPACT.fullmatch(text)
    if match:
        return from_parts(*(int(g) for g in match.groups()))
    if iso_only:
        return NO_DATE
    try:
        data = _date_parser().get_date_data(text)
    except Exception:  # dateparser raises assorted errors on odd input; a bad date is just no date
        return NO_DATE
    if data is None or data.date_obj is None:
        return NO_DATE
    d = data.date_obj
    if data.period == "year":
        return from_parts(d.year)
    if data.period == "month":
        return from_parts(d.year, d.month)
    return from_parts(d.year, d.month, d.day)


def parse_filter_date(text: str, *, end: bool, now: Any = None) -> int:
    """A --since/--until value as yyyymmdd: ISO dates ("2014-06-13", "2014-06", "2014") and what dateparser
    reads ("7 days ago", "yesterday", "June 2014"). A month or a year means its first day for --since
    (`end=False`) and its last day for --until (`end=True`). ValueError when it is not a date."""
    text = " ".join((text or "").split())
    if not text:
        raise ValueError("empty date")
    iso_like = bool(_ISO.fullmatch(text) or _COMPACT.fullmatch(text))
    published = parse_published(text) if iso_like else NO_DATE
    if iso_like and not published.known:
        raise ValueError(f"not a date: {text!r}")
    if not published.known:
        settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
        if now is not None:
            settings["RELATIVE_BASE"] = now
        from dateparser.date import DateDataParser

        try:
            data = DateDataParser(languages=["en"], settings=settings).get_date_data(text)
        except Exception:
            data = None
        if data is None or data.date_obj is None:
            raise ValueError(f"not a date: {text!r}")
        d = data.date_obj
        if data.period == "year":
            published = from_parts(d.year)
        elif data.period == "month":
            published = from_parts(d.year, d.month)
        else:
            published = from_parts(d.year, d.month, d.day)
        if not published.known:
            raise ValueError(f"not a date: {text!r}")
    return published.last_day if end else published.first_day


def int_to_iso(day: int) -> str:
    """yyyymmdd as YYYY-MM-DD."""
    return f"{day // 10000:04d}-{day // 100 % 100:02d}-{day % 100:02d}"


_LANG = re.compile(r"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*")


def normalize_language(value: Any) -> str:
    """The primary language subtag in lower case ("en-GB", "en_GB", "EN" -> "en"), or "unknown"."""
    if not isinstance(value, str):
        return UNKNOWN
    text = value.strip().split(",")[0].strip()  # Content-Language may list several
    match = _LANG.fullmatch(text)
    if not match or match.group(1).lower() in {"und", "mul", "zxx", "xx"}:
        return UNKNOWN
    return match.group(1).lower()


def source_key(source: str | None) -> str:
    """How outlets are compared: case-insensitive, spacing ignored ("" for an unknown outlet)."""
    text = " ".join((source or "").split()).casefold()
    return "" if text in {"", UNKNOWN} else text


def fill_citation_metadata(citations: list, docs: dict) -> None:
    """Copy author, language and published_int from the committed documents (`{doc_id: DocInfo}`) onto citations
    built without them (in place)."""
    for citation in citations:
        info = docs.get(citation.doc_id)
        if info is not None:
            citation.author, citation.language = info.author, info.language
            citation.published_int = info.published_int
