"""Neutrality and grounding metrics of a Summary: pure functions (the eval suite reuses them).

* source_coverage — share of the input sources cited by at least one supported sentence.
* citation_balance — normalised Shannon entropy of the citation counts over the input sources
  (1.0 = every source cited equally often, 0.0 = one source only); with a single input source it is 1.0
  when that source is cited and 0.0 when it is not (entropy is undefined there).
* attributed_ratio — share of sentences that carry an attribution phrase AND are supported by a citation.
* unsupported_sentences — sentences the support scorer did not accept.
* loaded_terms — loaded words in the summary's own voice: outside quotation marks, or inside quotation
  marks in a sentence that attributes nothing to anyone (scare quotes are still the summary's voice).

The input sources are `summary.doc_ids` unless given explicitly.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from qa.chunking import split_sentences
from qa.lexicon import Lexicon, TermMatch, load_lexicon
from qa.schema import Summary, SummaryMetrics

# Neutral attribution: who said it. ("could not confirm" and "had no information" contain a verb below.)
ATTRIBUTION = re.compile(
    r"\b(?:said|says|say|saying|told|tells|reported|reports|report|according to|confirm(?:ed|s)?|den(?:ied|ies|y)|"
    r"stated|announced|estimated|added|wrote|quoted)\b|\bno information\b", re.I)
# Straight quotes pair with each other; curly quotes pair with their closing mark.
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|‘[^’]*’")


def has_attribution(text: str) -> bool:
    """True when `text` says who reported something, with a neutral verb or "according to"."""
    return bool(ATTRIBUTION.search(text))


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of text inside quotation marks (marks included). An unmatched opening mark quotes nothing,
    so a stray quote cannot hide a loaded word."""
    return [m.span() for m in _QUOTED.finditer(text)]


def own_voice_terms(text: str, lexicon: Lexicon) -> list[TermMatch]:
    """Loaded terms that `text` (one sentence) uses in its own voice."""
    quotes = quoted_spans(text)
    attributed = has_attribution(text)
    out = []
    for match in lexicon.find(text):
        inside = any(s <= match.start and match.end <= e for s, e in quotes)
        if not inside or not attributed:
            out.append(match)
    return out


def _sentence_texts(summary: Summary) -> list[str]:
    if summary.sentences:
        return [s.text for s in summary.sentences]
    return [summary.summary[s:e] for s, e in split_sentences(summary.summary)]


def cited_counts(summary: Summary) -> Counter[str]:
    """How many times each document is cited by a supported sentence (one count per sentence and source)."""
    doc_of = {c.n: c.doc_id for c in summary.citations}
    counts: Counter[str] = Counter()
    for sentence in summary.sentences:
        if not sentence.supported:
            continue
        for doc_id in dict.fromkeys(doc_of[n] for n in sentence.citations if n in doc_of):
            counts[doc_id] += 1
    return counts


def source_coverage(summary: Summary, doc_ids: Sequence[str] | None = None) -> float:
    """Share of the input sources cited by at least one supported sentence (0.0 with no sources)."""
    sources = list(dict.fromkeys(doc_ids if doc_ids is not None else summary.doc_ids))
    if not sources:
        return 0.0
    counts = cited_counts(summary)
    return sum(1 for d in sources if counts.get(d, 0) > 0) / len(sources)


def citation_balance(summary: Summary, doc_ids: Sequence[str] | None = None) -> float:
    """Normalised Shannon entropy of the citation counts over the input sources (see the module docstring)."""
    sources = list(dict.fromkeys(doc_ids if doc_ids is not None else summary.doc_ids))
    counts = cited_counts(summary)
    values = [counts.get(d, 0) for d in sources]
    total = sum(values)
    if not sources or total == 0:
        return 0.0
    if len(sources) == 1:
        return 1.0
    entropy = -sum((v / total) * math.log(v / total) for v in values if v)
    return round(entropy / math.log(len(sources)), 6)


def attributed_ratio(summary: Summary) -> float:
    """Share of sentences with an attribution phrase and a supported citation (0.0 with no sentences)."""
    if not summary.sentences:
        return 0.0
    good = [s for s in summary.sentences if s.supported and s.citations and has_attribution(s.text)]
    return len(good) / len(summary.sentences)


def unsupported_sentences(summary: Summary) -> int:
    """Number of sentences the support scorer did not accept."""
    return sum(1 for s in summary.sentences if not s.supported)


def loaded_terms(summary: Summary, lexicon: Lexicon | None = None) -> list[str]:
    """Loaded words used in the summary's own voice (lower-cased, first occurrence order, no repeats)."""
    lexicon = lexicon or load_lexicon()
    found = [m.word.lower() for text in _sentence_texts(summary) for m in own_voice_terms(text, lexicon)]
    return list(dict.fromkeys(found))


def compute_metrics(summary: Summary, lexicon: Lexicon | None = None,
                    doc_ids: Sequence[str] | None = None) -> SummaryMetrics:
    """All five metrics for `summary`."""
    return SummaryMetrics(
        source_coverage=round(source_coverage(summary, doc_ids), 6),
        citation_balance=citation_balance(summary, doc_ids),
        attributed_ratio=round(attributed_ratio(summary), 6),
        unsupported_sentences=unsupported_sentences(summary),
        loaded_terms=loaded_terms(summary, lexicon),
    )
