"""Deterministic repairs of a checked summary (each one is reported in `Summary.notes`).

* A sentence the cited text does not support is removed.
* A loaded term in the summary's own voice is quoted when the cited article itself quotes that word and the
  sentence attributes it; otherwise replaced by the lexicon's neutral word when it has one; otherwise the
  sentence is removed. A repaired sentence must pass the support check again, or it is removed.
* A source no sentence cites gets one attributed sentence quoting its most informative claim verbatim.
"""

from __future__ import annotations

import re

from qa.lexicon import Lexicon, TermMatch
from qa.schema import AnswerSentence, Citation, Passage
from qa.summary_metrics import has_attribution, own_voice_terms, quoted_spans
from qa.support import check_support

REPAIR_PREFIXES = ("Removed", "Replaced", "Quoted", "Added")


def render_sentence(text: str, numbers: list[int]) -> str:
    """A sentence with its markers before the final punctuation, as the answer pipeline writes them."""
    marker = "".join(f"[{n}]" for n in numbers)
    if not marker:
        return text
    if re.search(r"[.!?][\"”’)]?$", text):
        return re.sub(r"([.!?][\"”’)]?)$", lambda m: f" {marker}{m.group(1)}", text)
    return f"{text} {marker}"


def _short(text: str, limit: int = 140) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _passage_spans(p: Passage) -> list[tuple[int, int]]:
    return [(s - p.start, e - p.start) for s, e in p.sentences if p.start <= s and e <= p.end] or [(0, len(p.text))]


def _quoted_in(match: TermMatch, passages: list[Passage]) -> bool:
    """True when a cited passage has this term inside quotation marks (the speaker's own word)."""
    for p in passages:
        for s, e in quoted_spans(p.text):
            if match.entry.pattern.search(p.text[s:e]):
                return True
    return False


def _tidy(text: str) -> str:
    text = re.sub(r"\s{2,}", " ", text)
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r"^[\s,;:]+", "", text)
    return text[:1].upper() + text[1:] if text else text


def _fix(text: str, match: TermMatch, passages: list[Passage]) -> tuple[str, str] | None:
    """(new text, what was done) for one loaded term in own voice, or None when it cannot be fixed safely."""
    inside = any(s <= match.start and match.end <= e for s, e in quoted_spans(text))
    if not inside and has_attribution(text) and _quoted_in(match, passages):
        return (text[:match.start] + f'"{match.word}"' + text[match.end:],
                f'Quoted "{match.word}" as the cited source\'s own word')
    replacement = match.entry.replacement
    if replacement is None:
        return None
    if replacement == "":
        return text[:match.start] + text[match.end:], f'Removed the loaded word "{match.word}"'
    if match.word[:1].isupper():
        replacement = replacement[:1].upper() + replacement[1:]
    return (text[:match.start] + replacement + text[match.end:],
            f'Replaced the loaded term "{match.word}" with "{replacement}"')


def repair_sentence(sentence: AnswerSentence, cited: list[Passage], lexicon: Lexicon,
                    threshold: float | None = None) -> tuple[AnswerSentence | None, list[str]]:
    """The sentence as kept (None when removed) and the notes describing what happened to it."""
    if not sentence.supported:
        return None, [f'Removed an unsupported sentence: "{_short(sentence.text)}" ({sentence.reason})']
    matches = own_voice_terms(sentence.text, lexicon)
    if not matches:
        return sentence, []
    text, done = sentence.text, []
    for match in sorted(matches, key=lambda m: m.start, reverse=True):  # right to left keeps offsets valid
        fixed = _fix(text, match, cited)
        if fixed is None:
            return None, [f'Removed a sentence with the loaded term "{match.word}" in its own voice: '
                          f'"{_short(sentence.text)}"']
        text, what = fixed
        done.append(what)
    text = _tidy(text)
    left = own_voice_terms(text, lexicon)
    if left:
        return None, [f'Removed a sentence with the loaded term "{left[0].word}" in its own voice: '
                      f'"{_short(sentence.text)}"']
    result = check_support(text, [p.text for p in cited], threshold, spans=[_passage_spans(p) for p in cited])
    if not result.supported:
        return None, [f'Removed a sentence whose loaded term could not be repaired without losing support '
                      f'({result.reason}): "{_short(sentence.text)}"']
    repaired = sentence.model_copy(update={"text": text, "support": result.score, "reason": result.reason})
    return repaired, [f'{what} in: "{_short(text)}"' for what in reversed(done)]


def source_label(p: Passage) -> str:
    """How a summary names a source: its outlet when known, else its title in quotation marks."""
    if p.source and p.source != "unknown":
        return p.source
    if p.title and p.title != "unknown":
        return f"the article “{p.title}”"
    return f"the article {p.doc_id}"


def fallback_sentence(p: Passage, start: int, end: int, threshold: float | None = None
                      ) -> tuple[AnswerSentence, Citation]:
    """'According to <source>, “<its sentence>”.' for an uncited source, quoting article text[start:end]
    (which lies inside passage `p`) verbatim. The support check runs on the quoted claim, which is the
    article's own sentence; the label names the source from its metadata."""
    quote = p.text[start - p.start:end - p.start]
    body = quote[:-1] if quote.endswith(".") else quote
    text = f"According to {source_label(p)}, “{body}”."
    result = check_support(quote, [p.text], threshold, spans=[_passage_spans(p)])
    reason = "verbatim quote of the cited sentence" if result.supported else result.reason
    sentence = AnswerSentence(text=text, citations=[p.n], supported=result.supported, support=result.score,
                              reason=reason)
    citation = Citation(n=p.n, doc_id=p.doc_id, title=p.title, source=p.source, published=p.published, url=p.url,
                        quote=quote, start=start, end=end, score=p.score, passage=p.text,
                        passage_start=p.start, passage_end=p.end)
    return sentence, citation
