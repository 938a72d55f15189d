"""Eval metrics: small pure functions, every value in [0, 1], higher is better.

`None` means "not applicable" (nothing to measure: an abstained answer has no sentences, an unanswerable
question has no key facts, a precision with no predicted positives); `mean` and `aggregate` skip it, so
it never counts as a 0 or a 1. The support scorer and the embedding model are parameters
(`support_fn`, `embed_fn`) so the pipeline's shared ones plug in and tests can pass simple ones.

    >>> key_fact_recall("A senior security official said about 500 were sent.", ["about 500", "Pentagon"])
    0.5
    >>> key_fact_recall("Obama ruled out sending combat troops.", ["sending combat troops"])
    0.0
    >>> check_gate({"faithfulness": 0.70}, {"faithfulness": 0.80}, {}, 0.05)
    ['faithfulness = 0.700 is below the threshold 0.800']
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from typing import Protocol

from qa.answer.dating import checked_text
from qa.schema import Answer, AnswerSentence, Citation, Summary

# support_fn(sentence, [cited passage texts]) -> True when the passages together support the sentence.
SupportFn = Callable[[str, Sequence[str]], bool]
# embed_fn([text, ...]) -> one vector per text.
EmbedFn = Callable[[Sequence[str]], Sequence[Sequence[float]]]
# (doc_id, start, end): character offsets into a document's canonical text.
Span = tuple[str, int, int]

_EPS = 1e-9  # float slack for threshold comparisons (0.8 - 0.05 must not fail 0.75)


class _HasKeywords(Protocol):
    keywords: list[str]


# --------------------------------------------------------------------------------------------------
# Aggregation


def mean(values: Iterable[float | None]) -> float | None:
    """Mean of the values that are not None; None when there are none."""
    defined = [v for v in values if v is not None]
    return sum(defined) / len(defined) if defined else None


def aggregate(rows: Iterable[Mapping[str, float | None]]) -> dict[str, float | None]:
    """Per-metric mean over per-item rows (a metric absent or None in a row is skipped for that row)."""
    columns: dict[str, list[float | None]] = {}
    for row in rows:
        for name, value in row.items():
            columns.setdefault(name, []).append(value)
    return {name: mean(values) for name, values in columns.items()}


def bootstrap_intervals(rows: Sequence[Mapping], metric_fn: Callable[[list], Mapping[str, float | None]],
                        names: Iterable[str], resamples: int = 1000, level: float = 0.95,
                        seed: int = 0) -> dict[str, tuple[float, float]]:
    """Percentile bootstrap over items: resample `rows` with replacement `resamples` times, recompute `metric_fn`
    on each sample, and return for each of `names` the interval holding `level` of the recomputed values. It says
    how far a figure would move had other questions of the same kind been asked; a metric undefined on most
    samples gets no interval."""
    import random

    rng = random.Random(seed)
    names = list(names)
    values: dict[str, list[float]] = {n: [] for n in names}
    for _ in range(resamples if rows else 0):
        sample = [rows[rng.randrange(len(rows))] for _ in rows]
        got = metric_fn(sample)
        for n in names:
            if got.get(n) is not None:
                values[n].append(float(got[n]))
    out = {}
    for n, vs in values.items():
        if len(vs) >= resamples // 2:
            vs.sort()
            lo = vs[int((1 - level) / 2 * (len(vs) - 1))]
            hi = vs[int((1 + level) / 2 * (len(vs) - 1))]
            out[n] = (round(lo, 4), round(hi, 4))
    return out


# --------------------------------------------------------------------------------------------------
# Faithfulness and citations


def draft_scores(sentences: Sequence[tuple[str, Sequence[int]]], passages: Mapping[int, str],
                 support_fn: SupportFn) -> dict[str, float | None]:
    """Metrics of the model's draft as generated, before any citation was re-pointed or sentence removed.

    `sentences` are (text, the markers the model wrote); `passages` the texts it was shown, by number.
    faithfulness: share of draft sentences that the shown passages, together, support (a hallucination
    measure independent of where the markers point); citation recall / precision: ALCE on the model's own
    markers. All None for a draft without sentences.
    """
    if not sentences:
        return {"faithfulness": None, "citation_recall": None, "citation_precision": None}
    shown = list(passages.values())
    faithful = sum(bool(shown) and support_fn(text, shown) for text, _ in sentences) / len(sentences)
    as_answer = Answer(question="", answer="", sentences=[
        AnswerSentence(text=text, citations=[m for m in markers if m in passages]) for text, markers in sentences],
        citations=[Citation(n=n, doc_id="", quote=t, start=0, end=len(t), passage=t) for n, t in passages.items()])
    recall, precision = citation_scores(as_answer, support_fn)
    return {"faithfulness": faithful, "citation_recall": recall, "citation_precision": precision}


def faithfulness(answers: Iterable[Answer | Summary]) -> float | None:
    """Share of the sentences of non-abstained answers that the shared support scorer marked supported."""
    flags = [s.supported for a in answers if not getattr(a, "abstained", False) for s in a.sentences]
    return sum(flags) / len(flags) if flags else None


def _citation_texts(citations: Iterable[Citation]) -> dict[int, str]:
    """Marker number -> the text the marker points at (the passage shown to the model, else the quote)."""
    return {c.n: c.passage or c.quote for c in citations}


def _cited_texts(sentence: AnswerSentence, texts: Mapping[int, str]) -> list[str] | None:
    """Texts a sentence cites, in marker order without repeats; None if a marker points nowhere."""
    numbers = list(dict.fromkeys(sentence.citations))
    if any(n not in texts for n in numbers):
        return None
    return [texts[n] for n in numbers]


def citation_scores(answer: Answer | Summary, support_fn: SupportFn) -> tuple[float | None, float | None]:
    """(citation_recall, citation_precision) of one answer, computed in one pass (see the two functions).

    Follows the ALCE reference implementation (Gao et al. 2023): a sentence with no citation, or with a
    marker that matches no citation, has recall 0 and its citations count as irrelevant; citations of a
    sentence its citations do not jointly support are all irrelevant; an answer with sentences but no
    citations has precision 0. An abstained answer, or one with no sentences, gives (None, None).
    """
    if getattr(answer, "abstained", False) or not answer.sentences:
        return None, None
    texts = _citation_texts(answer.citations)
    supported_sentences = relevant = total = 0
    for sentence in answer.sentences:
        cited = _cited_texts(sentence, texts)
        total += len(set(sentence.citations))
        claim = checked_text(sentence)  # the weekdays' dates come from metadata, not from the cited words
        if not cited or not support_fn(claim, cited):
            continue
        supported_sentences += 1
        if len(cited) == 1:
            relevant += 1
            continue
        for i, text in enumerate(cited):
            others = cited[:i] + cited[i + 1:]
            redundant = not support_fn(claim, [text]) and support_fn(claim, others)
            relevant += not redundant
    recall = supported_sentences / len(answer.sentences)
    precision = relevant / total if total else 0.0
    return recall, precision


def citation_recall(answer: Answer | Summary, support_fn: SupportFn) -> float | None:
    """ALCE citation recall: share of sentences whose cited passages, joined, support the sentence."""
    return citation_scores(answer, support_fn)[0]


def citation_precision(answer: Answer | Summary, support_fn: SupportFn) -> float | None:
    """ALCE citation precision: share of citations that are relevant to the sentence citing them.

    A citation is irrelevant when (a) on its own it does not support the sentence and (b) the sentence's
    other citations still support it without it (it was redundant); see `citation_scores` for edge cases.
    """
    return citation_scores(answer, support_fn)[1]


# --------------------------------------------------------------------------------------------------
# Key facts and key points (token matching)

# Function words that carry no fact; negations ("not", "no", "never") are deliberately kept.
_STOPWORDS = frozenset("""
a an the of to in on at by for from with and or as is are was were be been being has have had do does did
will would can could should may might shall it its this that these those he she they them his her their
we our you your i me my there here which who whom what when where why how about around some also than
then so but if into onto over under up out
""".split())
_NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
_TOKEN = re.compile(r"\d+(?:\.\d+)?|[^\W\d_]+")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")


def _fold(token: str) -> str:
    """Number words to digits, and a light plural fold so "Guards"/"Guard" and "miles"/"mile" match."""
    token = _NUMBER_WORDS.get(token, token)
    if token.isalpha() and len(token) > 4 and token.endswith("ies"):
        return token[:-3] + "y"
    if token.isalpha() and len(token) > 3 and token.endswith("s") and not token.endswith("ss"):
        return token[:-1]
    return token


_FOLDED_STOPWORDS = frozenset(_fold(w) for w in _STOPWORDS)  # "this" folds to "thi" like any token


def tokens(text: str) -> list[str]:
    """Normalised word tokens: case-folded, punctuation-insensitive, "1,000" -> "1000", "can't" -> "can not".

    Apostrophes are dropped inside words (so "Iran's" folds to "iran"); stopwords are kept here.
    """
    text = unicodedata.normalize("NFKC", text).casefold().replace("\u2019", "'")
    text = text.replace("can't", "can not").replace("won't", "will not").replace("cannot", "can not")
    text = re.sub(r"n't\b", " not", text)
    text = _THOUSANDS.sub("", text).replace("'", "")
    return [_fold(t) for t in _TOKEN.findall(text)]


def content_tokens(text: str) -> list[str]:
    """`tokens` without stopwords (all tokens if the text is nothing but stopwords)."""
    all_tokens = tokens(text)
    content = [t for t in all_tokens if t not in _FOLDED_STOPWORDS]
    return content or all_tokens


def phrase_found(phrase: str, text_tokens: set[str]) -> bool:
    """True when, for at least one "a|b" alternative of `phrase`, every content token is in `text_tokens`."""
    alternatives = [a for a in phrase.split("|") if a.strip()]
    return any(set(content_tokens(alt)) <= text_tokens for alt in alternatives)


# Words that turn a fact around: "ruled out sending combat troops" does not convey "sending combat troops".
_NEGATORS = frozenset({"not", "no", "never", "without", "neither", "nor", "denied", "deny", "refused", "unable"})
_NEGATOR_BIGRAMS = frozenset({("ruled", "out"), ("rule", "out")})
_NEG_WINDOW = 3  # tokens before a fact in which a negation applies to it ("ruled out sending | combat troops")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+")


def _negated(toks: Sequence[str]) -> bool:
    pairs = zip(toks, toks[1:], strict=False)
    return any(t in _NEGATORS for t in toks) or any(pair in _NEGATOR_BIGRAMS for pair in pairs)


def _shortest_window(need: set[str], sent: list[str]) -> tuple[int, int] | None:
    """(first, last) of the shortest run of the sentence holding every needed token, or None."""
    best: tuple[int, int] | None = None
    for i, tok in enumerate(sent):
        if tok not in need:
            continue
        seen: set[str] = set()
        for j in range(i, len(sent)):
            if sent[j] in need:
                seen.add(sent[j])
            if seen == need:
                if best is None or j - i < best[1] - best[0]:
                    best = (i, j)
                break
    return best


def _fact_in_sentence(alternative: str, sent: list[str]) -> bool:
    """All content tokens of the fact in one sentence, with the fact's polarity: a positive fact must not be
    preceded by a negation ("ruled out sending combat troops" does not convey "combat troops"); a negative
    fact ("could not confirm") needs its negation there."""
    need = set(content_tokens(alternative))
    window = _shortest_window(need, sent)
    if window is None:
        return False
    first, last = window
    before = sent[max(0, first - _NEG_WINDOW):first]
    if _negated(tokens(alternative)):
        return _negated(before) or _negated(sent[first:last + 2])
    return not _negated(before)


def key_facts_found(answer_text: str, key_facts: Sequence[str]) -> list[bool]:
    """For each key fact, whether one sentence of the answer conveys it: all content tokens of one "a|b"
    alternative present in that sentence, and not negated there unless the fact itself is a negation."""
    sentences = [tokens(s) for s in _SENTENCE_END.split(answer_text) if s.strip()]
    return [any(_fact_in_sentence(alt, sent) for alt in fact.split("|") if alt.strip() for sent in sentences)
            for fact in key_facts]


def key_fact_recall(answer_text: str, key_facts: Sequence[str]) -> float | None:
    """Share of key facts found in the answer text; None when the item has no key facts."""
    found = key_facts_found(answer_text, key_facts)
    return sum(found) / len(found) if found else None


def covered_points(summary_text: str, points: Sequence[_HasKeywords]) -> list[bool]:
    """For each summary key point, whether all of its keywords appear in the summary."""
    present = set(tokens(summary_text))
    return [all(phrase_found(k, present) for k in p.keywords) for p in points]


def summary_keypoint_coverage(summary_text: str, points: Sequence[_HasKeywords]) -> float | None:
    """Share of the key points a summary covers (a point is covered when all its keywords are present)."""
    covered = covered_points(summary_text, points)
    return sum(covered) / len(covered) if covered else None


# --------------------------------------------------------------------------------------------------
# Similarity


def answer_similarity(answer_text: str, reference: str, embed_fn: EmbedFn) -> float:
    """Cosine similarity of the answer's and the reference's embeddings, clipped to [0, 1]."""
    a, b = (list(map(float, v)) for v in embed_fn([answer_text, reference]))
    if len(a) != len(b):
        raise ValueError(f"embeddings differ in size ({len(a)} vs {len(b)})")
    norm = math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b))
    if norm == 0.0:
        return 0.0
    cosine = sum(x * y for x, y in zip(a, b, strict=True)) / norm
    return min(1.0, max(0.0, cosine))


# --------------------------------------------------------------------------------------------------
# Abstention and classification


def abstention_scores(items: Iterable[tuple[bool, bool]]) -> dict[str, float | None]:
    """Precision and recall of abstaining (must-abstain items are the positives), and overall accuracy.

    `items` are (abstained, must_abstain) pairs. Returns `abstention_precision` (share of abstentions that
    were required), `abstention_recall` (share of must-abstain items abstained on) and
    `abstention_accuracy` (share of all items where abstained == must_abstain); None when undefined.
    """
    pairs = [(bool(a), bool(m)) for a, m in items]
    true_pos = sum(a and m for a, m in pairs)
    abstained = sum(a for a, _ in pairs)
    required = sum(m for _, m in pairs)
    return {
        "abstention_precision": true_pos / abstained if abstained else None,
        "abstention_recall": true_pos / required if required else None,
        "abstention_accuracy": sum(a == m for a, m in pairs) / len(pairs) if pairs else None,
    }


def balanced_accuracy(labels: Sequence[Hashable], predictions: Sequence[Hashable]) -> float | None:
    """Mean over the classes present in `labels` of the share of that class predicted correctly."""
    if len(labels) != len(predictions):
        raise ValueError(f"{len(labels)} labels but {len(predictions)} predictions")
    recalls = []
    for cls in dict.fromkeys(labels):
        idx = [i for i, label in enumerate(labels) if label == cls]
        recalls.append(sum(predictions[i] == cls for i in idx) / len(idx))
    return sum(recalls) / len(recalls) if recalls else None


# --------------------------------------------------------------------------------------------------
# Retrieval


def span_hit(retrieved: Span, gold: Span) -> bool:
    """True when `retrieved` is in the gold span's document and covers at least half of its characters."""
    doc, start, end = retrieved
    gold_doc, gold_start, gold_end = gold
    if gold_end <= gold_start:
        raise ValueError(f"empty gold span {gold}")
    overlap = min(end, gold_end) - max(start, gold_start)
    return doc == gold_doc and overlap >= (gold_end - gold_start) / 2


def retrieval_recall_at_k(retrieved_spans: Sequence[Span], gold_spans: Sequence[Span],
                          k: int | None = None) -> float | None:
    """Share of gold spans hit by at least one of the first `k` retrieved passages (all if k is None)."""
    if not gold_spans:
        return None
    top = retrieved_spans[:k] if k is not None else retrieved_spans
    return sum(any(span_hit(r, g) for r in top) for g in gold_spans) / len(gold_spans)


def mrr(retrieved_spans: Sequence[Span], gold_spans: Sequence[Span], k: int | None = None) -> float | None:
    """Reciprocal rank of the first retrieved passage (within `k`) that hits any gold span; 0 if none."""
    if not gold_spans:
        return None
    top = retrieved_spans[:k] if k is not None else retrieved_spans
    for rank, r in enumerate(top, start=1):
        if any(span_hit(r, g) for g in gold_spans):
            return 1.0 / rank
    return 0.0


# --------------------------------------------------------------------------------------------------
# Gate


def check_gate(metrics: Mapping[str, float | None], thresholds: Mapping[str, float],
               baseline: Mapping[str, float | None], tolerance: float) -> list[str]:
    """Human-readable gate failures: a metric below its threshold, missing, or more than `tolerance` below
    its baseline value. An empty list means the gate passes."""
    if tolerance < 0:
        raise ValueError(f"tolerance must be >= 0, got {tolerance}")
    failures: list[str] = []
    missing: set[str] = set()
    for name, minimum in thresholds.items():
        value = metrics.get(name)
        if value is None:
            missing.add(name)
            failures.append(f"{name} is missing from the report (threshold {minimum:.3f})")
        elif value < minimum - _EPS:
            failures.append(f"{name} = {value:.3f} is below the threshold {minimum:.3f}")
    for name, before in baseline.items():
        if before is None or name in missing:
            continue
        value = metrics.get(name)
        if value is None:
            failures.append(f"{name} is missing from the report (baseline {before:.3f})")
        elif value < before - tolerance - _EPS:
            failures.append(f"{name} = {value:.3f} dropped {before - value:.3f} below the baseline "
                            f"{before:.3f} (tolerance {tolerance:.3f})")
    return failures
