"""Checking one claim as a person or a script asks for it: against a given text, against a batch of pairs, or
against the passages the index retrieves for it. `python -m qa.check` is a thin shell over these."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

from qa.errors import InputFileError, UsageError
from qa.verify.batch import CheckJob, check_many
from qa.verify.support import check_support

if TYPE_CHECKING:
    from qa.config import Settings
    from qa.index.store import NewsIndex


@dataclass
class ClaimCheck:
    """The verdict on a claim and where its evidence is: `quote == text[evidence_start:evidence_end]` of the
    evidence text (with `doc_id`: of that article)."""

    claim: str
    supported: bool
    score: float
    reason: str
    evidence_start: int
    evidence_end: int
    quote: str
    doc_id: str | None = None
    scorer: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


def check_text(claim: str, evidence: str, context: str | None = None, *, threshold: float | None = None,
               scorer: str | None = None) -> ClaimCheck:
    """Check `claim` against one evidence text (`context`: the article it comes from; by default the evidence
    itself, so that "the minister" in its second sentence is the minister its first sentence names)."""
    return check_texts([(claim, evidence, context)], threshold=threshold, scorer=scorer)[0]


def check_texts(pairs: Sequence[tuple[str, str, str | None]], *, threshold: float | None = None,
                scorer: str | None = None, processes: int = 1) -> list[ClaimCheck]:
    """`check_text` for each (claim, evidence, context), in order, on up to `processes` processes
    (qa/verify/batch.py)."""
    from qa.verify.scorer import get_scorer

    chosen = get_scorer(scorer)
    results = check_many([CheckJob(claim, evidence, context or evidence, threshold) for claim, evidence, context
                          in pairs], scorer=chosen.name, processes=processes)
    out = []
    for (claim, evidence, _context), res in zip(pairs, results, strict=True):
        start, end, _ = res.per_evidence[0] if res.per_evidence else (0, 0, 0.0)
        out.append(ClaimCheck(claim, res.supported, res.score, res.reason, start, end, evidence[start:end],
                              scorer=chosen.name))
    return out


def read_pairs(lines: Iterable[str], source: str = "input") -> Iterator[tuple[str, str, str | None]]:
    """(claim, evidence, context) per JSON line `{"claim": ..., "evidence": ..., "context": ...}`; blank lines are
    skipped; the first malformed line raises `InputFileError` naming it."""
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputFileError(f"{source} line {n}: not valid JSON ({exc.msg})") from None
        if not isinstance(row, dict):
            raise InputFileError(f"{source} line {n}: expected an object with \"claim\" and \"evidence\"")
        claim, evidence, context = row.get("claim"), row.get("evidence"), row.get("context")
        for name, value in (("claim", claim), ("evidence", evidence)):
            if not isinstance(value, str) or not value.strip():
                raise InputFileError(f"{source} line {n}: \"{name}\" must be a non-empty string")
        if context is not None and not isinstance(context, str):
            raise InputFileError(f"{source} line {n}: \"context\" must be a string when given")
        yield claim, evidence, context


def check_index(claim: str, index: NewsIndex, settings: Settings, *, scorer: str | None = None) -> ClaimCheck:
    """Check `claim` against the passages the index retrieves for it, each with its whole article as context;
    the verdict is the best supporting passage's, else the closest passage's. Offsets are in the article."""
    from qa.retrieve.hybrid import retrieve_passages
    from qa.verify.scorer import get_scorer

    chosen = get_scorer(scorer or settings.scorer)
    passages = retrieve_passages(claim, index, settings).passages
    if not passages:
        raise UsageError("the index holds no passages to check against (ingest some articles first)")
    articles: dict[str, str] = {}
    best: tuple[tuple[bool, float], ClaimCheck] | None = None
    for p in passages:
        if p.doc_id not in articles:
            doc = index.get_document(p.doc_id)
            articles[p.doc_id] = doc.text if doc else ""
        article = articles[p.doc_id]
        res = check_support(claim, [p.text], settings.support_threshold, context=article or None,
                            scorer=chosen.name)
        s, e, _ = res.per_evidence[0]
        start, end = p.start + s, p.start + e
        quote = article[start:end] if article else p.text[s:e]
        found = ClaimCheck(claim, res.supported, res.score, res.reason, start, end, quote, p.doc_id, chosen.name)
        rank = (res.supported, res.score)
        if best is None or rank > best[0]:
            best = (rank, found)
    assert best is not None
    return best[1]
