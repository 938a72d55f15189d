"""Reading summary sources: each article's usable sentences with their embeddings and scores, and the rules that
read who said a sentence and how surely (`speaker_of`, `stance_of`), shared by summaries (qa/summarize/pipeline.py,
qa/summarize/claim_groups.py), the timeline and the outlet comparison.

Speakers are read by rules, not by the model. Why: in a trial on four key sentences of seed-000 asking
Qwen2.5-Coder-1.5B for "WHO | WHAT | [n]" lines, it listed entities instead of claims and gave "the article"
as the speaker of every line, even of "... according to Iranian security sources" and "Rouhani said ...".
News attribution follows a few fixed patterns that rules read exactly, with the character offsets citations need.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from qa.index.embeddings import get_embedder
from qa.ingest.chunking import split_sentences
from qa.schema import Document
from qa.summarize.metrics import has_attribution
from qa.verify.support import attribution, names, numbers

MAX_SCAN_SENTENCES = 400  # sentences scored per source (news puts the substance first)
MAX_SENTENCE_CHARS = 600  # longer "sentences" (tables, run-ons) are not shown to the small model
MIN_SENTENCE_CHARS = 25
NEGATIVE = frozenset({"not_confirm", "deny"})
_ANAPHORA = re.compile(r"^(?:he|she|they|it|its|their|his|her|this|these|those|the (?:sources?|officials?|"
                       r"spokes(?:man|woman|person)|ministry|minister|group|agency))\b", re.I)
_VERBS = (r"(?:said|says|told|tells|confirmed|confirms|denied|denies|reported|estimated|stated|announced|added|"
          r"could not confirm|cannot confirm|did not confirm|has said|had said)")
_SETTING = re.compile(r"^(?:(?:In|On|At|By|From|Later|Earlier)\b[^,]{0,40},\s*)")
_LEADING = re.compile(rf"^((?:[A-Z\"“]|the |an? )[^,;:\"“”]{{1,90}}?)(?:,[^,]{{1,70}},)?\s+{_VERBS}\b")
_TRAILING = re.compile(r"[,”\"]\s+((?:an? |the )?[^,\"“”]{2,80}?)\s+(?:ha(?:ve|s|d)\s+)?"
                       r"(?:said|told|added|reported|confirmed|denied)\b[^,\"“”]{0,40}$")
_ACCORDING = re.compile(r"\baccording to ([^,.;:\"“”]{2,80})")
_ANYWHERE = re.compile(rf"\b((?:the |an? )?[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){{0,5}})\s+{_VERBS}\b")


@dataclass
class SourceText:
    """One source document with its scored sentences."""

    doc: Document
    spans: list[tuple[int, int]]
    vectors: np.ndarray
    scores: list[float] = field(default_factory=list)
    relevance: float = 1.0  # best cosine of a sentence to the topic (1.0 without a topic)
    total_sentences: int = 0


# ---- claims: speaker and stance --------------------------------------------------------------------------
def stance_of(text: str) -> str:
    """not_confirm / deny / confirm (from the support scorer's attribution classes), said, or none."""
    kinds = {kind for kind, _ in attribution(text)}
    for kind in ("not_confirm", "deny", "confirm"):
        if kind in kinds:
            return kind
    return "said" if has_attribution(text) else "none"


def _clean_speaker(raw: str) -> str | None:
    speaker = re.sub(r"\s+", " ", raw).strip(" ,\"“”'")
    if re.search(r"\b(?:was|were|is|are|been|be|being)$", speaker, re.I):
        return None  # a passive ("forces were reported to be ...") names no speaker
    speaker = re.sub(r"\s+(?:on|in|at|by)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                     r"telephone)\b.*$", "", speaker)
    if not speaker or len(speaker.split()) > 10:
        return None
    return speaker


def speaker_of(text: str) -> str | None:
    """Who the sentence says made its claim ("Iranian security sources", "The Pentagon", "he"), or None
    when the article states it in its own voice."""
    m = _ACCORDING.search(text)
    if m:
        return _clean_speaker(m.group(1))
    m = _TRAILING.search(text.rstrip(".!?\"”’ "))
    if m and (text.lstrip().startswith(("\"", "“")) or len(m.group(1).split()) <= 8):
        return _clean_speaker(m.group(1))
    body = _SETTING.sub("", text.strip())
    m = _LEADING.match(body)
    if m:
        return _clean_speaker(m.group(1))
    m = _ANYWHERE.search(text)
    if m:
        return _clean_speaker(m.group(1))
    return None


def is_anaphoric(text: str) -> bool:
    """True when the sentence starts by referring back ("They said ...", "The sources said ...")."""
    return bool(_ANAPHORA.match(text.strip().lstrip("\"“")))


# ---- scoring and selection -------------------------------------------------------------------------------
def usable_spans(text: str) -> tuple[list[tuple[int, int]], int]:
    """Sentence spans worth scoring (the first MAX_SCAN_SENTENCES) and the article's sentence count."""
    spans = split_sentences(text)
    keep = [(s, e) for s, e in spans[:MAX_SCAN_SENTENCES]
            if MIN_SENTENCE_CHARS <= e - s <= MAX_SENTENCE_CHARS and re.search(r"[a-z]", text[s:e])]
    return keep, len(spans)


def load_sources(docs: list[Document], topic: str | None) -> tuple[list[SourceText], np.ndarray | None]:
    """Split and embed every source's sentences (one embedding batch for all sources)."""
    prepared = [(doc, *usable_spans(doc.text)) for doc in docs]
    texts = [doc.text[s:e] for doc, spans, _ in prepared for s, e in spans]
    embedder = get_embedder()
    vecs = embedder.embed(texts + ([topic] if topic else []))
    topic_vec = vecs[-1] if topic else None
    out, pos = [], 0
    for doc, spans, total in prepared:
        v = vecs[pos:pos + len(spans)]
        pos += len(spans)
        src = SourceText(doc=doc, spans=spans, vectors=v, total_sentences=total)
        if topic_vec is not None and len(spans):
            src.relevance = float(np.max(v @ topic_vec))
        out.append(src)
    return out, topic_vec


def score_sources(sources: list[SourceText], topic_vec: np.ndarray | None) -> None:
    """Informativeness of every sentence (deterministic: ties are broken by position later)."""
    for i, src in enumerate(sources):
        if not src.spans:
            src.scores = []
            continue
        if topic_vec is not None:
            focus = 10.0 * np.clip(src.vectors @ topic_vec, 0, None)  # a topic summary is about the topic
        else:
            centre = src.vectors.mean(axis=0)
            centre = centre / (np.linalg.norm(centre) or 1.0)
            focus = 2.0 * np.clip(src.vectors @ centre, 0, None)
        others = [o.vectors for j, o in enumerate(sources) if j != i and len(o.spans)]
        cross = np.max(src.vectors @ np.vstack(others).T, axis=1) if others else np.zeros(len(src.spans))
        scores = []
        for k, (s, e) in enumerate(src.spans):
            text = src.doc.text[s:e]
            stance = stance_of(text)
            score = {"not_confirm": 3.0, "deny": 3.0, "confirm": 2.0, "said": 1.5, "none": 0.0}[stance]
            score += 1.0 if numbers(text) else 0.0
            score += min(1.0, 0.25 * len(names(text)))
            score += 1.5 if k == 0 else 0.5 if k == 1 else 0.0
            score += float(focus[k]) + 2.0 * max(0.0, float(cross[k]) - 0.35)
            score -= 2.0 if e - s < 40 else 0.0
            scores.append(round(score, 6))
        src.scores = scores
