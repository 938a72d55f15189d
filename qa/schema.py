"""Data contracts that cross module boundaries (stable JSON: fields may be added, never renamed).

See `../shared/design.md` ("JSON shapes") and the README for the shapes.
"""

from __future__ import annotations

import hashlib
from typing import Literal

from pydantic import BaseModel, Field

from qa.sources import UNKNOWN


class SourceFields(BaseModel):
    """What is known of the article a document, passage or citation comes from ("unknown" when not known).
    `published` is the ISO date at its stated precision ("2014-06-13", "2014-06", "2014"); `published_int` the same
    as yyyymmdd with 00 for unknown parts (20140600), 0 for none (docs/corpus.md)."""

    title: str = UNKNOWN
    source: str = UNKNOWN
    published: str = UNKNOWN
    url: str | None = None
    author: str = UNKNOWN
    language: str = UNKNOWN  # primary language subtag ("en")
    published_int: int = 0


class Document(SourceFields):
    """One article after reading and normalisation. Every offset in the system is into `text`."""

    doc_id: str
    text: str
    path: str | None = None
    content_hash: str = ""
    entry_hash: str = ""  # fingerprint of the feed entry the document came from ("" when not from a feed)

    @property
    def text_hash(self) -> str:
        """sha256 of the body alone, whitespace collapsed: the same article under another id or other metadata."""
        return hashlib.sha256(" ".join(self.text.split()).encode("utf-8")).hexdigest()


def chunk_id(doc_id: str, content_hash: str, chunk_index: int) -> str:
    """The one chunk id format, `<doc_id>::<first 12 hex of content_hash>::<chunk_index>`: it carries the document
    version, so a new version never overwrites rows a reader may be using; doc ids never contain ":"."""
    return f"{doc_id}::{content_hash[:12]}::{chunk_index}"


class Chunk(BaseModel):
    """A sentence-aligned slice of a document: `document.text[start:end] == text`."""

    chunk_id: str
    doc_id: str
    chunk_index: int
    text: str
    start: int
    end: int
    # Sentence spans (absolute offsets into the document text) that make up this chunk.
    sentences: list[tuple[int, int]] = Field(default_factory=list)


class Passage(SourceFields):
    """A retrieved piece of context shown to the model as [n]."""

    n: int
    chunk_id: str
    doc_id: str
    text: str
    start: int
    end: int
    sentences: list[tuple[int, int]] = Field(default_factory=list)
    score: float = 0.0
    dense_rank: int | None = None
    bm25_rank: int | None = None


class Citation(SourceFields):
    """A source actually used by an answer; `quote == article_text[start:end]`."""

    n: int
    doc_id: str
    quote: str
    start: int
    end: int
    score: float = 0.0
    passage: str = ""
    passage_start: int = 0
    passage_end: int = 0


SentenceStatus = Literal["kept", "repointed", "auto_cited", "unsupported", "repaired", "quoted", "source_quote"]


class DateNote(BaseModel):
    """A weekday in an answer sentence dated from the cited article's publication date: "Thursday" shown as
    "Thursday (June 12)". `shown` is the text added after the weekday; the sentence was checked without it."""

    weekday: str  # as written in the answer ("Thursday")
    date: str  # ISO day ("2014-06-12")
    shown: str  # what was added after the weekday (" (June 12)")
    doc_id: str  # the cited article whose publication date resolves it
    basis: str = ""  # how: "the latest Thursday on or before the publication date 2014-06-13"


class AnswerSentence(BaseModel):
    """One checked sentence. `draft_citations` are the markers the model wrote (before any correction);
    `status` says what the check did: kept the model's citation, re-pointed it, cited a sentence the model left
    without a marker, or found it unsupported (then it is not part of the answer text); "repaired": rewritten with
    the speaker and verb the cited text gives, then re-checked; "quoted": an exact sentence of the cited text,
    attributed to its source, given when no draft sentence answered the question; "source_quote": an exact sentence
    of a retrieved article the answer did not cite, added because the question asks what each source says
    (qa/answer/each_source.py)."""

    text: str
    citations: list[int] = Field(default_factory=list)
    supported: bool = False
    support: float = 0.0
    reason: str = ""
    draft_citations: list[int] = Field(default_factory=list)
    status: SentenceStatus = "kept"
    dates: list[DateNote] = Field(default_factory=list)  # weekdays dated after the check (qa/answer/dating.py)


class OtherAccount(BaseModel):
    """What another article (one the answer does not cite) attributes to whom about the same event: an exact
    sentence of that article (`citation.quote`), with the speaker and reporting verb as written in it."""

    speaker: str = ""  # as written ("a senior security official in Baghdad"); "" for a bare hedge ("reportedly")
    verb: str = ""  # as written ("told", "could not confirm", "reportedly")
    certainty: str = "said"  # confirmed | said | reportedly | not_confirmed | denied
    recipient: str = ""  # who was told, as written ("the channel")
    recipient_refers_to: str = ""  # the name the same article gives that recipient earlier ("CNN"), if any
    about: int = 0  # index (in Answer.sentences) of the answer sentence it is an account of
    similarity: float = 0.0
    citation: Citation


class Answer(BaseModel):
    question: str
    answer: str
    abstained: bool = False
    sentences: list[AnswerSentence] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)
    # Closest passages shown when abstaining (and for debugging); not citations.
    closest: list[Passage] = Field(default_factory=list)
    standalone_question: str | None = None
    model: str = ""
    removed_sentences: int = 0
    timings: dict[str, float] = Field(default_factory=dict)
    # The model's raw output before any check: kept so that evals score the draft, not the repaired answer.
    draft: str = ""
    # What articles the answer does not cite attribute to whom about the same event (exact quotes,
    # qa/answer/accounts.py).
    other_accounts: list[OtherAccount] = Field(default_factory=list)


class SummaryMetrics(BaseModel):
    source_coverage: float = 0.0
    citation_balance: float = 0.0
    attributed_ratio: float = 0.0
    unsupported_sentences: int = 0
    loaded_terms: list[str] = Field(default_factory=list)
    # Issue 18 (qa/summarize/metrics.py): None when the summary has no such sentence.
    agreement_precision: float | None = None  # agreement sentences whose statement >= 2 cited outlets support
    attribution_accuracy: float | None = None  # sentences naming the outlet (and a speaker) of each citation
    conflicts_stated: int = 0


SectionKind = Literal["agreement", "conflict", "single"]


class SummaryAccount(BaseModel):
    """One outlet's account inside a summary sentence: who said it, how surely, and the citation [n]."""

    n: int
    doc_id: str
    outlet: str
    speaker: str = ""  # "" when the article states it in its own voice
    certainty: str = "stated"  # confirmed | said | reportedly | not_confirmed | denied | stated
    value: str = ""  # what differs in a conflict: the number, date or certainty as this account gives it
    claim: str = ""  # the article sentence the account comes from
    start: int = 0  # its offsets in the article
    end: int = 0


class SummaryItem(BaseModel):
    """One summary sentence written from one claim group (qa/summarize/claim_groups.py)."""

    kind: SectionKind
    sentence: AnswerSentence
    statement: str = ""  # agreement: what every cited outlet reports (checked against each of them)
    differs_on: str = ""  # conflict: number | unit | date | certainty
    accounts: list[SummaryAccount] = Field(default_factory=list)
    group_id: str = ""
    phrasing: str = "template"  # model | template | quote


class SummarySection(BaseModel):
    """The typed sections of a summary: agreements, conflicts and single-source items, in that order."""

    kind: SectionKind
    heading: str
    items: list[SummaryItem] = Field(default_factory=list)


class Summary(BaseModel):
    topic: str | None = None
    doc_ids: list[str] = Field(default_factory=list)
    summary: str
    sentences: list[AnswerSentence] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)
    metrics: SummaryMetrics = Field(default_factory=SummaryMetrics)
    # The same metrics of the model's draft sentences before repair (None when nothing was drafted).
    draft_metrics: SummaryMetrics | None = None
    # Typed sections (issue 18): read these instead of parsing `summary`.
    sections: list[SummarySection] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    model: str = ""
    timings: dict[str, float] = Field(default_factory=dict)


class IngestReport(BaseModel):
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    chunks_written: int = 0
    seconds: float = 0.0
    errors: list[str] = Field(default_factory=list)
    doc_ids: list[str] = Field(default_factory=list)
    # documents not written because the same text is already indexed (or read earlier in this run) under another id
    duplicates: int = 0
    duplicate_notes: list[str] = Field(default_factory=list)
