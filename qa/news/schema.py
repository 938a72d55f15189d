"""Typed results of the news views: the timeline (`python -m qa.timeline`) and the outlet comparison
(`python -m qa.summarize --by outlet`). Stable JSON: fields may be added, never renamed (docs/news.md).

Every quote is an exact article span (`quote == article_text[start:end]`), cited through `citations[n]` like
answers and summaries, so exports and the UI show only text that can be checked against the article.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from qa.schema import Citation
from qa.sources import UNKNOWN

Certainty = Literal["confirmed", "said", "reportedly", "stated", "not_confirmed", "denied"]
CERTAINTY_WORDS: dict[str, str] = {
    "confirmed": "confirmed", "said": "said", "reportedly": "reportedly (second-hand)",
    "stated": "stated by the article", "not_confirmed": "could not confirm", "denied": "denied",
}


class EventDate(BaseModel):
    """When an event happened, as far as its text says: an ISO date at its precision, or unknown."""

    iso: str = UNKNOWN  # "2014-06-12", "2014-06", "2014" or "unknown"
    as_int: int = 0  # yyyymmdd, 00 for unknown parts, 0 when unknown
    precision: str = UNKNOWN
    label: str = "date not stated"  # "Thursday (2014-06-12)", "a Friday (date not stated)"
    mention: str = ""  # the words of the article that date it ("on Thursday (June 12)"), "" when none
    basis: str = "none"  # explicit | absolute | weekday | relative | unresolved | none
    note: str = ""

    @property
    def known(self) -> bool:
        return self.as_int > 0


class Account(BaseModel):
    """One article's account of an event: its exact quote (citation `n`), who says it and how surely."""

    n: int
    doc_id: str
    outlet: str  # display name: the outlet, else the title, else "<id> (outlet unknown)"
    published: str = UNKNOWN  # the article's publication date
    quote: str
    start: int
    end: int
    speaker: str = ""  # as the article names it ("the Pentagon"); "" when the article says it in its own voice
    certainty: Certainty = "stated"
    date: EventDate = Field(default_factory=EventDate)
    quantities: list[str] = Field(default_factory=list)  # numbers as written ("about 500")


class TimelineEvent(BaseModel):
    """An event and every account of it. `relation`: one account, accounts that agree, or accounts that conflict
    (a different certainty — one confirms what another could not confirm or denies — a different number, or a
    different date); `conflict` says why."""

    date: EventDate
    relation: Literal["single", "agree", "conflict"] = "single"
    conflict: str = ""
    accounts: list[Account]


class Timeline(BaseModel):
    topic: str | None = None
    filters: str = ""  # the filters as flags ("--source 'X' --since 2014-06-01"), "" for none
    doc_ids: list[str] = Field(default_factory=list)
    events: list[TimelineEvent] = Field(default_factory=list)  # dated events in order, then the undated ones
    citations: list[Citation] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    timings: dict[str, float] = Field(default_factory=dict)

    @property
    def dated(self) -> list[TimelineEvent]:
        return [e for e in self.events if e.date.known]

    @property
    def undated(self) -> list[TimelineEvent]:
        return [e for e in self.events if not e.date.known]


class OutletSentence(BaseModel):
    """One sentence of an outlet's paragraph: a fixed frame around exact quotes or quoted names, with citations."""

    text: str
    kind: Literal["reports", "quotes", "only", "differs"]
    citations: list[int] = Field(default_factory=list)
    # The exact article spans the sentence is built from (each `doc_text[start:end] == quote`).
    quotes: list[str] = Field(default_factory=list)


class OutletReport(BaseModel):
    outlet: str  # display name
    source: str = UNKNOWN  # the metadata value ("unknown" stays unknown)
    doc_ids: list[str] = Field(default_factory=list)
    published: list[str] = Field(default_factory=list)
    speakers: list[str] = Field(default_factory=list)  # whom it quotes, as written
    paragraph: str = ""
    sentences: list[OutletSentence] = Field(default_factory=list)


class Comparison(BaseModel):
    topic: str | None = None
    filters: str = ""
    outlets: list[OutletReport] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    timings: dict[str, float] = Field(default_factory=dict)
