"""The hand-written gold data in `evals/data/` as typed records (see evals/data/README.md).

    >>> from evals.dataset import load_qa, gold_spans
    >>> from qa.corpus import load_seed_documents
    >>> item = load_qa()[0]
    >>> gold_spans(item, load_seed_documents())[0][0]
    'seed-000'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Literal, TypeVar, get_args

from pydantic import BaseModel, Field, ValidationError, model_validator

from qa.errors import InputFileError
from qa.schema import Document

DATA_DIR = Path(__file__).resolve().parent / "data"
DATA_VERSION = "v1"

Category = Literal["fact", "attribution", "number", "place", "both_articles", "conflict", "followup",
                   "unanswerable"]
CATEGORIES: tuple[str, ...] = get_args(Category)
Label = Literal["supported", "not_supported"]
# changed_place and changed_date were added to the traps named in issue 6 (they are traps of their own kind).
Trap = Literal["none", "paraphrase", "changed_number", "changed_place", "changed_date", "swapped_speaker",
               "negation", "denied_vs_could_not_confirm", "overgeneralisation", "other_article", "unrelated"]
TRAPS: tuple[str, ...] = get_args(Trap)
SUPPORTED_TRAPS = frozenset({"none", "paraphrase"})


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
    category: Category
    question: str = Field(min_length=1)
    history: list[Turn] = Field(default_factory=list)
    reference_answer: str = Field(min_length=1)
    key_facts: list[str] = Field(default_factory=list)
    must_abstain: bool = False
    gold: list[GoldQuote] = Field(default_factory=list)

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
    point: str = Field(min_length=1)
    keywords: list[str] = Field(min_length=1)
    doc_id: str


class SupportPair(BaseModel):
    """A sentence, a passage from a seed, and whether the passage alone supports the sentence."""

    id: str
    sentence: str = Field(min_length=1)
    passage: str = Field(min_length=1)
    label: Label
    trap: Trap

    @model_validator(mode="after")
    def _trap_matches_label(self) -> SupportPair:
        if (self.label == "supported") != (self.trap in SUPPORTED_TRAPS):
            raise ValueError(f"trap '{self.trap}' does not fit label '{self.label}'")
        return self

    @property
    def supported(self) -> bool:
        return self.label == "supported"


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


def load_qa(path: Path | None = None) -> list[QAItem]:
    """The gold questions (`evals/data/qa.jsonl` unless `path` is given)."""
    return _load_jsonl(path or DATA_DIR / "qa.jsonl", QAItem)


def load_summary_points(path: Path | None = None) -> list[SummaryPoint]:
    """The key points a neutral summary of the seeds must contain (`evals/data/summary.jsonl`)."""
    return _load_jsonl(path or DATA_DIR / "summary.jsonl", SummaryPoint)


def load_support_pairs(path: Path | None = None) -> list[SupportPair]:
    """The labelled (sentence, passage) pairs for judging the support scorer (`evals/data/support.jsonl`)."""
    return _load_jsonl(path or DATA_DIR / "support.jsonl", SupportPair)


class GoldSpanError(ValueError):
    """A gold quote that is not in its document's canonical text (the data or the corpus changed)."""


def gold_spans(item: QAItem, documents: Iterable[Document] | Mapping[str, Document]
               ) -> list[tuple[str, int, int]]:
    """Resolve each gold quote of `item` to (doc_id, start, end) offsets into the canonical document text.

    `documents` is what `qa.corpus.load_seed_documents()` returns (or a doc_id -> Document mapping).
    The first occurrence is used; the data tests check that every quote occurs exactly once.
    """
    by_id = dict(documents) if isinstance(documents, Mapping) else {d.doc_id: d for d in documents}
    spans: list[tuple[str, int, int]] = []
    for gold in item.gold:
        doc = by_id.get(gold.doc_id)
        if doc is None:
            raise GoldSpanError(f"{item.id}: unknown document '{gold.doc_id}'")
        start = doc.text.find(gold.quote)
        if start < 0:
            raise GoldSpanError(f"{item.id}: quote not found in {gold.doc_id}: {gold.quote[:60]!r}")
        spans.append((gold.doc_id, start, start + len(gold.quote)))
    return spans
