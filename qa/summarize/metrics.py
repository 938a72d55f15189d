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
from collections.abc import Callable, Mapping, Sequence
from typing import Protocol

from qa.ingest.chunking import split_sentences
from qa.schema import Citation, Summary, SummaryItem, SummaryMetrics
from qa.summarize.loaded_terms import Lexicon, TermMatch, load_lexicon

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
                    doc_ids: Sequence[str] | None = None, support: SupportCheck | None = None,
                    texts: Mapping[str, str] | None = None) -> SummaryMetrics:
    """All metrics for `summary` that need no gold labels (`group_scores` needs them)."""
    def rounded(v: float | None) -> float | None:
        return None if v is None else round(v, 6)

    return SummaryMetrics(
        source_coverage=round(source_coverage(summary, doc_ids), 6),
        citation_balance=citation_balance(summary, doc_ids),
        attributed_ratio=round(attributed_ratio(summary), 6),
        unsupported_sentences=unsupported_sentences(summary),
        loaded_terms=loaded_terms(summary, lexicon),
        agreement_precision=rounded(agreement_precision(summary, support, texts)),
        attribution_accuracy=rounded(attribution_accuracy(summary)),
        conflicts_stated=sum(len(s.items) for s in summary.sections if s.kind == "conflict"),
    )


# ---- issue 18: metrics that can fail (agreement, conflicts, attribution) -----------------------------------
# Each reads the typed sections (`Summary.sections`); a summary without them (older JSON) is read as one
# untyped section, so its agreement precision is None and its attribution accuracy still counts.
SupportCheck = Callable[[str, str, str | None], bool]  # (statement, cited quote, its whole article or None)
_MARKERS = re.compile(r"\[(\d+)\]")


def _default_support(text: str, evidence: str, article: str | None = None) -> bool:
    from qa.config import Settings
    from qa.verify.support import check_support

    # the bar a summary sentence is written to (setting `summary_threshold`), not the single-claim threshold
    return check_support(text, [evidence], Settings.summary_threshold, context=article).supported


def _items(summary: Summary) -> list[SummaryItem]:
    if summary.sections:
        return [it for s in summary.sections for it in s.items]
    return [SummaryItem(kind="single", sentence=s) for s in summary.sentences]


def _statement(item: SummaryItem) -> str:
    """What an agreement sentence asserts: its recorded statement, else its text up to the attribution."""
    if item.statement:
        return item.statement
    text = _MARKERS.sub("", item.sentence.text)
    return re.split(r",?\s+according to\b|\s+(?:both\s+)?reports?\s+that\b", text, maxsplit=1, flags=re.I)[0]


def agreement_precision(summary: Summary, support: SupportCheck | None = None,
                        texts: Mapping[str, str] | None = None) -> float | None:
    """Share of the sentences presented as agreement whose statement at least two different cited outlets
    support, each on its own (the support scorer on each cited quote, with its article as context when `texts`
    gives it). None when there is no agreement."""
    texts = texts or {}
    support = support or _default_support
    by_n = {c.n: c for c in summary.citations}
    agreed = [it for s in summary.sections if s.kind == "agreement" for it in s.items]
    if not agreed:
        return None
    good = 0
    for it in agreed:
        statement = _statement(it)
        docs: dict[str, list[str]] = {}
        for n in it.sentence.citations:
            if n in by_n:
                docs.setdefault(by_n[n].doc_id, []).append(by_n[n].quote)
        backing = [d for d, quotes in docs.items() if any(support(statement, q, texts.get(d)) for q in quotes)]
        good += len(docs) >= 2 and len(backing) == len(docs)
    return good / len(agreed)


def _label(c: Citation) -> str:
    from qa.sources import source_label

    return source_label(c.title, c.source, c.doc_id)


def _segments(text: str, known: set[int]) -> list[tuple[str, list[int]]]:
    """The sentence cut after each run of markers: (text, the citations that text ends with). Markers only at
    the end (an answer-style sentence) make one segment for all its citations."""
    out, last = [], 0
    for m in re.finditer(r"(?:\s*\[\d+\])+", text):
        ns = [int(x) for x in _MARKERS.findall(m.group(0)) if int(x) in known]
        out.append((text[last:m.start()], ns))
        last = m.end()
    return [(t, ns) for t, ns in out if ns]


def _words_in(words: frozenset[str], quote: str) -> bool:
    from qa.text import key, name_bases, normalize

    have: set[str] = set()
    for w in re.findall(r"[\w'’.-]+", normalize(quote)):
        have |= name_bases(w) | {key(w)}
    return all(w in have or name_bases(w) & have for w in words)


def sentence_attribution_ok(text: str, citations: list[Citation]) -> bool:
    """Each cited outlet is named (by its metadata label) in the part of the sentence its marker closes, and
    every speaker named there is one its cited sentence names."""
    from qa.verify.claims import analyse

    by_n = {c.n: c for c in citations}
    segments = _segments(text, set(by_n))
    if not segments:
        return False
    for part, ns in segments:
        labels = [_label(by_n[n]) for n in ns]
        # the label as a name of its own: "Reuters" inside a file name ("reuters-guards-killed") does not count
        if not all(re.search(rf"(?<![\w-]){re.escape(label)}(?![\w-])", part, re.I) for label in labels):
            return False
        masked = part
        for label in labels:
            masked = re.sub(re.escape(label), "the outlet", masked, flags=re.I)
        quotes = " ".join(by_n[n].quote for n in ns)
        for att in analyse(masked.strip(" ;,")).attributions:
            words = frozenset(w for w in att.speaker_words if w not in ("outlet", "article"))
            if att.pronoun or not words:
                continue
            if not _words_in(words, quotes):
                return False
    return True


def attribution_accuracy(summary: Summary) -> float | None:
    """Share of the sentences whose named outlets and speakers match their citations (see
    `sentence_attribution_ok`). None when the summary has no cited sentence."""
    items = [it for it in _items(summary) if it.sentence.citations]
    if not items:
        return None
    return sum(sentence_attribution_ok(it.sentence.text, summary.citations) for it in items) / len(items)


class GoldAccount(Protocol):
    doc_id: str
    quote: str
    value: str


class GoldGroup(Protocol):
    kind: str
    accounts: Sequence[GoldAccount]


def _gold_span(account: GoldAccount, texts: Mapping[str, str]) -> tuple[int, int] | None:
    start = texts.get(account.doc_id, "").find(account.quote)
    return None if start < 0 else (start, start + len(account.quote))


def _matches(item: SummaryItem, gold: GoldGroup, texts: Mapping[str, str], by_n: Mapping[int, Citation]) -> bool:
    """The item cites (overlapping spans) accounts of at least two gold sides: two values for a conflict, two
    articles for an agreement."""
    sides: set[str] = set()
    for account in gold.accounts:
        span = _gold_span(account, texts)
        if span is None:
            continue
        for n in item.sentence.citations:
            c = by_n.get(n)
            if c is not None and c.doc_id == account.doc_id and c.start < span[1] and span[0] < c.end:
                sides.add(account.value if gold.kind == "conflict" else account.doc_id)
    return len(sides) >= 2


def group_scores(summary: Summary, gold: Sequence[GoldGroup], texts: Mapping[str, str]) -> dict[str, float | None]:
    """Conflict recall and precision, and agreement recall, of `summary` against hand-labelled groups.

    A gold conflict is found when one conflict sentence cites two of its sides (accounts with different values);
    a conflict sentence is correct when it finds some gold conflict. None where a denominator is zero."""
    by_n = {c.n: c for c in summary.citations}
    stated = [it for s in summary.sections if s.kind == "conflict" for it in s.items]
    agreed = [it for s in summary.sections if s.kind == "agreement" for it in s.items]
    conflicts = [g for g in gold if g.kind == "conflict"]
    agreements = [g for g in gold if g.kind == "agreement"]

    def share(hits: int, total: int) -> float | None:
        return hits / total if total else None

    return {
        "conflict_recall": share(sum(any(_matches(it, g, texts, by_n) for it in stated) for g in conflicts),
                                 len(conflicts)),
        "conflict_precision": share(sum(any(_matches(it, g, texts, by_n) for g in conflicts) for it in stated),
                                    len(stated)),
        "agreement_recall": share(sum(any(_matches(it, g, texts, by_n) for it in agreed) for g in agreements),
                                  len(agreements)),
    }
