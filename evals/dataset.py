"""The hand-written gold data in `evals/data/` as typed records (see evals/data/README.md).

    >>> from evals.dataset import load_qa, gold_spans
    >>> from qa.ingest.readers import load_seed_documents
    >>> item = load_qa("dev")[0]
    >>> gold_spans(item, load_seed_documents())[0][0]
    'seed-000'
"""

from __future__ import annotations

import calendar
import hashlib
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Literal, TypeVar, get_args

from pydantic import BaseModel, Field, ValidationError, model_validator

from qa.errors import InputFileError
from qa.schema import Document
from qa.sources import UNKNOWN

DATA_DIR = Path(__file__).resolve().parent / "data"
# v2: the real seed articles; questions and labelled pairs split into dev and test by evidence paragraph.
# v3: + labelled claim groups (agreement / conflict / single) and questions with outlet and date filters.
DATA_VERSION = "v3.2"
SPLITS = ("dev", "test")
# Every file of the frozen test split; checksum_status lists each one even when it is missing.
TEST_FILES = ("qa.jsonl", "support.jsonl", "summary_groups.jsonl", "qa_constrained.jsonl")
# Which split each body paragraph (counted from 1 in the canonical text) belongs to: evals/data/README.md.
PARAGRAPH_SPLITS: dict[str, dict[str, tuple[int, ...]]] = {
    "seed-000": {"dev": (1, 2, 4, 6, 8, 10, 12, 14), "test": (3, 5, 7, 9, 11, 13, 15)},
    "seed-003": {"dev": (1, 3, 5, 7, 9, 10, 11, 13), "test": (2, 4, 6, 8, 12, 14)},
}
# The frozen test split: sha256 of each file in data/test/. Changing a test file means a new data version
# (DATA_VERSION and these sums together, recorded in evals/data/README.md and in the report).
TEST_CHECKSUM_FILE = DATA_DIR / "test" / "SHA256SUMS"

Split = Literal["dev", "test"]
Category = Literal["fact", "number", "date", "place", "attribution", "conflict", "both_articles", "followup",
                   "unanswerable"]
CATEGORIES: tuple[str, ...] = get_args(Category)
Label = Literal["supported", "not_supported"]
# Error classes of unsupported claims (issue 13), and the kinds of supported ones.
ERROR_CLASSES = ("changed_number", "reversed_relation", "certainty_raised", "speaker_changed", "action_changed",
                 "wrong_date", "added_detail", "negation")
SUPPORTED_KINDS = ("paraphrase", "coreference", "abbreviation", "number_unit", "weaker")
Kind = Literal["changed_number", "reversed_relation", "certainty_raised", "speaker_changed", "action_changed",
               "wrong_date", "added_detail", "negation", "paraphrase", "coreference", "abbreviation",
               "number_unit", "weaker"]
KINDS: tuple[str, ...] = get_args(Kind)


class Turn(BaseModel):
    """One earlier exchange of a conversation (for follow-up questions)."""

    question: str
    answer: str


class GoldQuote(BaseModel):
    """A supporting sentence (or 2-3 sentences) copied exactly from one paragraph of an article."""

    doc_id: str
    quote: str = Field(min_length=1)


class QAItem(BaseModel):
    """A question with its reference answer, the facts an answer must convey, and where they are written."""

    id: str
    split: Split
    category: Category
    question: str = Field(min_length=1)
    history: list[Turn] = Field(default_factory=list)
    reference_answer: str = Field(min_length=1)
    key_facts: list[str] = Field(default_factory=list)
    must_abstain: bool = False
    gold: list[GoldQuote] = Field(default_factory=list)
    # For unanswerable items: the passage the question is a near miss of (fixes the item's split).
    near: list[GoldQuote] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> QAItem:
        if self.must_abstain and (self.key_facts or self.gold):
            raise ValueError("a must_abstain item has no key_facts and no gold quotes")
        if not self.must_abstain and not (self.key_facts and self.gold):
            raise ValueError("an answerable item needs key_facts and gold quotes")
        if (self.category == "unanswerable") != self.must_abstain:
            raise ValueError("must_abstain is true exactly for the 'unanswerable' category")
        if self.category == "followup" and not self.history:
            raise ValueError("a followup needs history")
        return self


class SummaryPoint(BaseModel):
    """A point a neutral summary of the seeds must make; covered when every keyword is present."""

    id: str
    split: Split
    point: str = Field(min_length=1)
    keywords: list[str] = Field(min_length=1)
    doc_id: str


class SupportPair(BaseModel):
    """A claim written the way a model paraphrases, an exact evidence span of one paragraph of a seed, and
    whether the evidence supports the claim (the article is the context for coreference)."""

    id: str
    split: Split
    doc_id: str
    para: int
    evidence: str = Field(min_length=1)
    claim: str = Field(min_length=1)
    label: Label
    kind: Kind
    pair: str | None = None  # an unsupported claim's supported paraphrase of the same evidence
    note: str = ""
    # "synthetic": a dev pair over a short invented passage (not a seed), to test that rules generalise; its
    # `context` is that whole passage (the article for coreference) and `doc_id` names no seed.
    origin: Literal["seed", "synthetic"] = "seed"
    context: str = ""

    @model_validator(mode="after")
    def _kind_matches_label(self) -> SupportPair:
        if (self.label == "supported") != (self.kind in SUPPORTED_KINDS):
            raise ValueError(f"kind '{self.kind}' does not fit label '{self.label}'")
        if self.origin == "synthetic" and (self.split != "dev" or self.evidence not in self.context):
            raise ValueError("a synthetic pair is dev-only and its evidence is part of its context passage")
        return self

    @property
    def supported(self) -> bool:
        return self.label == "supported"


class QueryFilters(BaseModel):
    """The outlet and date constraint a question's wording implies (issue 15). Dates are inclusive ISO days."""

    source: str | None = None  # the outlet's name as the corpus records it, or an outlet not in the corpus
    since: date | None = None
    until: date | None = None

    @model_validator(mode="after")
    def _sane(self) -> QueryFilters:
        if self.source is not None and not self.source.strip():
            raise ValueError("source is blank (use null for no outlet constraint)")
        if self.since and self.until and self.since > self.until:
            raise ValueError("since is after until")
        return self

    @property
    def active(self) -> bool:
        return bool(self.source or self.since or self.until)


class ConstrainedQAItem(QAItem):
    """A question whose wording names an outlet and/or a publication period (`filters`)."""

    filters: QueryFilters

    @model_validator(mode="after")
    def _has_a_constraint(self) -> ConstrainedQAItem:
        if not self.filters.active:
            raise ValueError("a constrained question needs a source, since or until filter")
        return self


GroupKind = Literal["agreement", "conflict", "single"]
DiffersOn = Literal["number", "speaker_certainty", "date", "unit", "place", "other"]


class Account(BaseModel):
    """One article's account of a claim: the exact quote, who the article says says it, and the value claimed."""

    doc_id: str
    quote: str = Field(min_length=1)
    speaker: str = Field(min_length=1)  # "the article" when the article states it unattributed
    value: str = Field(min_length=1)


class SummaryGroup(BaseModel):
    """Claims about one subject across the articles (issue 18): both report it (`agreement`), they differ on a
    value or on certainty (`conflict`, with `differs_on`), or only one article reports it (`single`)."""

    id: str
    split: Split
    kind: GroupKind
    about: str = Field(min_length=1)
    differs_on: DiffersOn | None = None
    accounts: list[Account] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> SummaryGroup:
        docs = {a.doc_id for a in self.accounts}
        if (self.kind == "conflict") != (self.differs_on is not None):
            raise ValueError("differs_on is set exactly for conflict groups")
        if self.kind == "single" and len(docs) != 1:
            raise ValueError("a single-source group has accounts from one article only")
        if self.kind != "single" and len(docs) < 2:
            raise ValueError(f"an {self.kind} group needs accounts from at least two articles")
        return self


M = TypeVar("M", bound=BaseModel)


def _load_jsonl(path: Path, model: type[M]) -> list[M]:
    """Parse and validate one record per non-empty line; errors name the file and line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputFileError(f"{path}: cannot read eval data: {exc.strerror or exc}") from None
    records: list[M] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = model.model_validate_json(line)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "record"
            raise InputFileError(f"{path} line {number}: {where}: {first['msg']}") from None
        record_id = getattr(record, "id", None)
        if record_id in seen:
            raise InputFileError(f"{path} line {number}: duplicate id '{record_id}' (first on line "
                                 f"{seen[record_id]})")
        seen[record_id] = number
        records.append(record)
    return records


def _load_split(name: str, split: str | None, model: type[M], root: Path | None = None) -> list[M]:
    """Records of `name`.jsonl from data/dev and data/test (or one of them), each checked to be in its folder."""
    root = root or DATA_DIR
    out: list[M] = []
    for sp in SPLITS if split is None else (split,):
        if sp not in SPLITS:
            raise InputFileError(f"unknown eval split '{sp}' (dev or test)")
        path = root / sp / f"{name}.jsonl"
        for record in _load_jsonl(path, model):
            if getattr(record, "split", sp) != sp:
                raise InputFileError(f"{path}: item {getattr(record, 'id', '?')} says split "
                                     f"'{record.split}' but is in {sp}/")
            out.append(record)
    return out


def load_qa(split: str | None = None, root: Path | None = None) -> list[QAItem]:
    """The gold questions of one split (`dev` or `test`), or of both (dev first)."""
    return _load_split("qa", split, QAItem, root)


def load_blind_pairs(root: Path | None = None) -> list[SupportPair]:
    """Synthetic labelled pairs written by someone who never saw the scorer, kept out of tuning
    (`data/blind/support.jsonl`; its records say split "dev" because a synthetic pair is never test data, and the
    eval reports them as their own column, "blind")."""
    return _load_jsonl((root or DATA_DIR) / "blind" / "support.jsonl", SupportPair)


def load_summary_points(path: Path | None = None) -> list[SummaryPoint]:
    """The key points a neutral summary of the seeds must contain (`evals/data/summary.jsonl`)."""
    return _load_jsonl(path or DATA_DIR / "summary.jsonl", SummaryPoint)


def load_support_pairs(split: str | None = None, root: Path | None = None) -> list[SupportPair]:
    """The labelled claim/evidence pairs of one split, or of both (dev first)."""
    return _load_split("support", split, SupportPair, root)


def load_constrained_qa(split: str | None = None, root: Path | None = None) -> list[ConstrainedQAItem]:
    """The questions with outlet/date constraints of one split, or of both (dev first)."""
    return _load_split("qa_constrained", split, ConstrainedQAItem, root)


def load_summary_groups(split: str | None = None, root: Path | None = None) -> list[SummaryGroup]:
    """The labelled agreement / conflict / single-source claim groups of one split, or of both (dev first)."""
    return _load_split("summary_groups", split, SummaryGroup, root)


def load_summary_reference(path: Path | None = None) -> str:
    """The hand-written neutral reference summary of both seeds (markdown; its heading and notes excluded)."""
    path = path or DATA_DIR / "summary_reference.md"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputFileError(f"{path}: cannot read eval data: {exc.strerror or exc}") from None
    body = [line for line in text.splitlines() if not line.startswith(("#", ">"))]
    return "\n".join(body).strip()


def paragraph_split(doc_id: str, para: int) -> str:
    """The split ("dev"/"test") of body paragraph `para` (from 1) of a seed; InputFileError if not in the table."""
    for sp, paras in PARAGRAPH_SPLITS.get(doc_id, {}).items():
        if para in paras:
            return sp
    raise InputFileError(f"{doc_id} paragraph {para} has no split in PARAGRAPH_SPLITS")


def _month_only_range(published: str) -> tuple[date, date] | None:
    """The days a publication date written as YYYY, YYYY-MM or YYYY-MM-DD can mean; None when unknown.
    Written here rather than taken from qa.metadata so the gold meaning of a filter cannot move with the
    system."""
    parts = published.strip().split("-")
    try:
        numbers = [int(x) for x in parts]
        if len(numbers) == 1:
            return date(numbers[0], 1, 1), date(numbers[0], 12, 31)
        if len(numbers) == 2:
            last = calendar.monthrange(numbers[0], numbers[1])[1]
            return date(numbers[0], numbers[1], 1), date(numbers[0], numbers[1], last)
        if len(numbers) == 3:
            day = date(*numbers)
            return day, day
    except ValueError:
        return None
    return None


def filter_matches(filters: QueryFilters, document: Document) -> bool:
    """Whether `document` is one the question's constraint allows, in the plain meaning of the words: the outlet
    is the same name (case and spacing aside; an unknown outlet never matches), and a date known only to the
    month or year matches when any of its days lies in the inclusive range."""
    if filters.source:
        wanted, have = (" ".join(x.split()).casefold() for x in (filters.source, document.source))
        if have in {"", UNKNOWN} or have != wanted:
            return False
    if filters.since or filters.until:
        days = _month_only_range(document.published)
        if days is None:
            return False
        if filters.since and days[1] < filters.since:
            return False
        if filters.until and days[0] > filters.until:
            return False
    return True


def file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def checksum_status(root: Path | None = None) -> dict[str, dict[str, str]]:
    """{file name: {"recorded": sum in SHA256SUMS, "actual": sum of the file now}} for the test split."""
    root = root or DATA_DIR
    sums_file = root / "test" / "SHA256SUMS"
    recorded = {}
    for line in sums_file.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            digest, name = line.split(maxsplit=1)
            recorded[name.strip()] = digest
    names = sorted(set(recorded) | set(TEST_FILES) | {p.name for p in (root / "test").glob("*.jsonl")})
    return {n: {"recorded": recorded.get(n, ""),
                "actual": file_sha256(root / "test" / n) if (root / "test" / n).is_file() else ""} for n in names}


class GoldSpanError(ValueError):
    """A gold quote that is not in its document's canonical text (the data or the corpus changed)."""


def gold_spans(item: QAItem, documents: Iterable[Document] | Mapping[str, Document]
               ) -> list[tuple[str, int, int]]:
    """Resolve each gold quote of `item` to (doc_id, start, end) offsets into the canonical document text.

    `documents` is what `qa.ingest.readers.load_seed_documents()` returns (or a doc_id -> Document mapping).
    The first occurrence is used; the data tests check that every quote occurs exactly once.
    """
    return _quote_spans(item.id, item.gold, documents)


def account_spans(group: SummaryGroup, documents: Iterable[Document] | Mapping[str, Document]
                  ) -> list[tuple[str, int, int]]:
    """(doc_id, start, end) of each account's quote of a claim group, in the canonical document text."""
    return _quote_spans(group.id, group.accounts, documents)


def _quote_spans(owner: str, quotes: Iterable[GoldQuote | Account],
                 documents: Iterable[Document] | Mapping[str, Document]) -> list[tuple[str, int, int]]:
    by_id = dict(documents) if isinstance(documents, Mapping) else {d.doc_id: d for d in documents}
    spans: list[tuple[str, int, int]] = []
    for gold in quotes:
        doc = by_id.get(gold.doc_id)
        if doc is None:
            raise GoldSpanError(f"{owner}: unknown document '{gold.doc_id}'")
        start = doc.text.find(gold.quote)
        if start < 0:
            raise GoldSpanError(f"{owner}: quote not found in {gold.doc_id}: {gold.quote[:60]!r}")
        spans.append((gold.doc_id, start, start + len(gold.quote)))
    return spans
