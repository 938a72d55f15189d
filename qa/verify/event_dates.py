"""Dates named in an article's text ("on Thursday", "Thursday (June 12)", "June 12", "in 2011", "yesterday"),
resolved against the article's publication date only when that is possible and unambiguous.

Rules (docs/news.md):
- A weekday with its date in the text ("Thursday (June 12)", "Thursday, June 12, 2014") is that date; a missing
  year comes from the publication date (the year before when the month-day lies after it, or when only that year
  fits the weekday).
- A bare weekday ("on Thursday") needs a publication date known to the day: the most recent such day on or before
  it ("last Thursday": strictly before), or the next one after it when the clause speaks of the future ("will meet
  on Friday"). "next Friday" is ambiguous English (this coming one or the one after) and is not resolved. With a
  month-only or unknown publication date a bare weekday is never guessed: "a Friday (date not stated)".
- "today" / "yesterday" / "tomorrow" need a day-precision publication date; "this month" / "last month" a month.
- Relative spans that name no day ("earlier this week", "last week") are kept as mentions with no date.

Hand-written because no maintained library does this: dateparser resolves relative expressions against the
current time (or one base *day*), and would silently pick a day for a month-only base.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Literal

from pydantic import BaseModel

from qa.metadata import NO_DATE, PublishedDate, from_parts
from qa.sources import UNKNOWN

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
_MONTH_NUM = {m.lower(): i for i, m in enumerate(MONTHS, start=1)}
_MONTH_NUM |= {m[:3].lower(): i for i, m in enumerate(MONTHS, start=1)} | {"sept": 9}

Basis = Literal["explicit", "absolute", "weekday", "relative", "unresolved"]

# Month names are matched capitalised only ("march on Baghdad", "may" are words); abbreviations need a day.
_MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"


def _month_day(n: int) -> str:
    """"June 12", "June 12, 2014", "12 June 2014", "12th of June" with group names suffixed by `n`."""
    month = (rf"(?P<m{{a}}>{_MONTH_NAMES}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?(?=\s*\d))")
    day = r"(?P<d{a}>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
    year = r"(?P<y{a}>(?:19|20)\d\d)"
    a, b = f"{n}a", f"{n}b"
    return (rf"(?:{month.format(a=a)}\s+{day.format(a=a)}(?!\d)(?:,?\s+{year.format(a=a)}\b)?"
            rf"|{day.format(a=b)}\s+(?:of\s+)?{month.format(a=b)}(?:,?\s+{year.format(a=b)}\b)?)")


_PATTERN = re.compile(
    # "on Thursday", "last Friday", "Thursday (June 12)", "Thursday, June 12, 2014", "Thursday 12 June"
    rf"(?P<lead>\b(?:last|next|this|on)\s+)?\b(?P<wd>{'|'.join(WEEKDAYS)})\b"
    rf"(?:\s*(?P<open>[(,])?\s*{_month_day(1)}\s*(?(open)\)?))?"
    # "June 12", "12 June 2014"
    rf"|\b{_month_day(2)}"
    # "June 2014", "in June"
    rf"|(?P<mprep>\b(?:in|since|until|by|during)\s+)?\b(?P<mo>{_MONTH_NAMES})(?:\s+(?P<y5>(?:19|20)\d\d)\b)?"
    # "in 2011", "since 2003"
    r"|(?P<yprep>\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Dd]uring|[Ff]rom|early|late|mid-?)\s*)(?P<y6>(?:19|20)\d\d)\b"
    r"(?!\s*(?:%|percent|people|troops|soldiers|[a-z]+s\b))"
    r"|\b(?P<rel>today|tonight|yesterday|tomorrow|this month|last month|earlier this month|later this month"
    r"|earlier this week|later this week|this week|last week|earlier this year|this year|last year)\b")
_FUTURE = re.compile(r"\b(?:will|shall|'ll|is due to|are due to|is expected to|are expected to|plans? to|"
                     r"is scheduled|are scheduled|is set to|are set to)\b", re.I)
CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:but|while|whereas|and then)\b|\s+but\s+")


class TextDate(BaseModel):
    """A date named in a text: where (offsets into the text), as written, and what it resolves to."""

    mention: str
    start: int
    end: int
    iso: str = UNKNOWN  # "2014-06-12", "2014-06", "2014" or "unknown"
    as_int: int = 0  # yyyymmdd with 00 for unknown parts; 0 when the date is not known
    precision: str = UNKNOWN  # day | month | year | unknown
    label: str  # how it is shown: "Thursday (2014-06-12)", "a Friday (date not stated)"
    basis: Basis
    note: str = ""

    @property
    def known(self) -> bool:
        return self.as_int > 0


def _resolved(mention: str, start: int, end: int, when: PublishedDate, label: str, basis: Basis,
              note: str = "") -> TextDate:
    return TextDate(mention=mention, start=start, end=end, iso=when.iso, as_int=when.as_int,
                    precision=when.precision, label=label, basis=basis, note=note)


def _unresolved(mention: str, start: int, end: int, label: str, note: str) -> TextDate:
    return TextDate(mention=mention, start=start, end=end, label=label, basis="unresolved", note=note)


def _month_day_year(month: int, day: int, published: PublishedDate, weekday: int | None) -> tuple[PublishedDate, str]:
    """A month-day without a year, dated from the publication year: the year before when the day lies after the
    publication (a January article on "December 30"), or when only that year fits the stated weekday."""
    if not published.known:
        return NO_DATE, "the year is not stated and the publication date is unknown"
    year = published.as_int // 10000
    candidates = [year, year - 1]
    pub_last = published.last_day
    fits = [y for y in candidates if _valid(y, month, day) and y * 10000 + month * 100 + day <= pub_last]
    if weekday is not None:
        by_weekday = [y for y in candidates if _valid(y, month, day) and date(y, month, day).weekday() == weekday]
        if by_weekday:
            chosen = next((y for y in by_weekday if y in fits), by_weekday[0])
            return from_parts(chosen, month, day), ""
    if fits:
        note = "" if weekday is None else "the stated weekday does not fall on this date"
        return from_parts(fits[0], month, day), note
    if _valid(year, month, day):
        return from_parts(year, month, day), "after the publication date"
    return NO_DATE, "not a calendar date"


def _valid(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def resolve_weekday(weekday: str, published: PublishedDate, *, direction: str = "past") -> PublishedDate:
    """The date a bare weekday means in an article published on `published`, or NO_DATE when that is not
    unambiguous: the publication date must be known to the day. `direction`: "past" (on or before the publication
    day: "said on Friday"), "last" (strictly before), "future" (strictly after: "will meet on Friday");
    "next" is never resolved ("next Friday" means this coming Friday to some readers, the one after to others)."""
    wd = [w.lower() for w in WEEKDAYS].index(weekday.lower())
    if published.precision != "day" or direction == "next":
        return NO_DATE
    pub = date(published.as_int // 10000, published.as_int // 100 % 100, published.as_int % 100)
    if direction == "future":
        delta = (wd - pub.weekday()) % 7 or 7
    else:
        delta = -((pub.weekday() - wd) % 7)
        if direction == "last" and delta == 0:
            delta = -7
    day = pub + timedelta(days=delta)
    return from_parts(day.year, day.month, day.day)


def _weekday_date(m: re.Match, text: str, published: PublishedDate, start: int) -> TextDate:
    weekday = m.group("wd").capitalize()
    wd = WEEKDAYS.index(weekday)
    month_word = m.group("m1a") or m.group("m1b")
    if month_word:  # the text states the date
        month = _MONTH_NUM[month_word.rstrip(".").lower()]
        day = int(m.group("d1a") or m.group("d1b"))
        year = m.group("y1a") or m.group("y1b")
        if year:
            when = from_parts(int(year), month, day)
            note = "" if not when.known or date(int(year), month, day).weekday() == wd else \
                "the stated weekday does not fall on this date"
        else:
            when, note = _month_day_year(month, day, published, wd)
        s, e = m.start("wd"), m.start("wd") + len(text[m.start("wd"):m.end()].rstrip())
        if when.known:
            return _resolved(text[s:e], start + s, start + e, when, f"{weekday} ({when.iso})", "explicit", note)
        return _unresolved(text[s:e], start + s, start + e, f"{weekday} ({MONTHS[month - 1]} {day}, year not stated)",
                           note)
    lead = (m.group("lead") or "").strip().lower()
    clause = _clause_before(text, m.start())
    direction = {"last": "last", "next": "next"}.get(lead) or ("future" if _FUTURE.search(clause) else "past")
    when = resolve_weekday(weekday, published, direction=direction)
    s, e = start + m.start("wd") - (len(m.group("lead")) if lead in ("last", "next") else 0), start + m.end()
    shown = text[s - start:e - start]
    if when.known:
        return _resolved(shown, s, e, when, f"{weekday} ({when.iso})", "weekday",
                         f"the {'next' if direction == 'future' else 'latest'} {weekday} "
                         f"{'after' if direction == 'future' else 'before' if direction == 'last' else 'on or before'}"
                         f" the publication date {published.iso}")
    why = ("'next' is ambiguous" if direction == "next" else
           f"the publication date is known only to the {published.precision}" if published.known else
           "the publication date is unknown")
    article = "an" if weekday[0] in "AEIOU" else "a"
    prefix = {"last": "the last ", "next": "the next "}.get(direction, "")
    return _unresolved(shown, s, e, f"{prefix or article + ' '}{weekday} (date not stated)", why)


def _clause_before(text: str, pos: int) -> str:
    """The clause of `text` that ends at `pos` (for tense: "will meet on Friday")."""
    head = text[:pos]
    breaks = list(CLAUSE_BREAK.finditer(head))
    return head[breaks[-1].end():] if breaks else head


def _relative(word: str, s: int, e: int, mention: str, published: PublishedDate) -> TextDate:
    word = word.lower()
    if word in ("today", "tonight", "yesterday", "tomorrow"):
        if published.precision == "day":
            shift = {"yesterday": -1, "tomorrow": 1}.get(word, 0)
            d = date(published.as_int // 10000, published.as_int // 100 % 100, published.as_int % 100) \
                + timedelta(days=shift)
            when = from_parts(d.year, d.month, d.day)
            return _resolved(mention, s, e, when, f"{word} ({when.iso})", "relative",
                             f"relative to the publication date {published.iso}")
        return _unresolved(mention, s, e, f"{word} (date not stated)", "the publication day is not known")
    if word.endswith("month") and published.precision in ("day", "month"):
        year, month = published.as_int // 10000, published.as_int // 100 % 100
        if word == "last month":
            year, month = (year - 1, 12) if month == 1 else (year, month - 1)
        when = from_parts(year, month)
        return _resolved(mention, s, e, when, f"{word} ({when.iso})", "relative",
                         f"relative to the publication date {published.iso}")
    if word.endswith("year") and published.known:
        year = published.as_int // 10000 - (1 if word == "last year" else 0)
        when = from_parts(year)
        return _resolved(mention, s, e, when, f"{word} ({when.iso})", "relative",
                         f"relative to the publication date {published.iso}")
    return _unresolved(mention, s, e, f"{word} (date not stated)",
                       "names no day" if published.known else "the publication date is unknown")


def find_dates(text: str, published: PublishedDate = NO_DATE, offset: int = 0) -> list[TextDate]:
    """Every date named in `text`, in order, resolved against `published` where unambiguous; offsets are into
    `text` plus `offset` (pass a sentence's start to get article offsets)."""
    out: list[TextDate] = []
    for m in _PATTERN.finditer(text):
        s, e = offset + m.start(), offset + m.end()
        if m.group("wd"):
            out.append(_weekday_date(m, text, published, offset))
        elif m.group("m2a") or m.group("m2b"):
            month = _MONTH_NUM[(m.group("m2a") or m.group("m2b")).rstrip(".").lower()]
            day = int(m.group("d2a") or m.group("d2b"))
            year = m.group("y2a") or m.group("y2b")
            when, note = (from_parts(int(year), month, day), "") if year else \
                _month_day_year(month, day, published, None)
            out.append(_resolved(m.group(0), s, e, when, when.iso, "absolute", note) if when.known else
                       _unresolved(m.group(0), s, e, f"{m.group(0)} (year not stated)", note))
        elif m.group("mo"):
            if not (m.group("y5") or m.group("mprep")):
                continue  # a bare capitalised "May" or "March" may be a word or a name
            s = offset + m.start("mo")
            mention = text[m.start("mo"):m.end()]
            month = _MONTH_NUM[m.group("mo").lower()]
            if m.group("y5"):
                when = from_parts(int(m.group("y5")), month)
                out.append(_resolved(mention, s, e, when, when.iso, "absolute"))
            elif published.known:
                year = published.as_int // 10000
                if year * 10000 + month * 100 + 1 > published.last_day:
                    year -= 1  # "in December" in a January article: the December before
                when = from_parts(year, month)
                out.append(_resolved(mention, s, e, when, when.iso, "absolute",
                                     "year from the publication date"))
            else:
                out.append(_unresolved(mention, s, e, f"{mention} (year not stated)",
                                       "the publication date is unknown"))
        elif m.group("y6"):
            when = from_parts(int(m.group("y6")))
            s = offset + m.start("y6")
            out.append(_resolved(m.group("y6"), s, e, when, when.iso, "absolute"))
        elif m.group("rel"):
            out.append(_relative(m.group("rel"), s, e, m.group(0), published))
    return out
