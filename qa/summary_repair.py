"""Deterministic repairs of a checked summary (each one is reported in `Summary.notes`).

* A sentence the cited text does not support is removed.
* A loaded term in the summary's own voice is quoted when the cited article itself quotes that word and the
  sentence attributes it; otherwise replaced by the lexicon's neutral word when it has one; otherwise the
  sentence is removed. A repaired sentence must pass the support check again, or it is removed.
* A source no sentence cites gets one attributed sentence quoting its most informative claim verbatim.
* A sentence rejected only because of its [n] markers (none, or a neighbour's number) is cited post hoc to
  the shown passage(s) that support it (`recite`).
"""

from __future__ import annotations

import re

from qa import sources
from qa.embeddings import get_embedder
from qa.lexicon import Lexicon, TermMatch
from qa.schema import AnswerSentence, Citation, Passage
from qa.summary_metrics import has_attribution, own_voice_terms, quoted_spans
from qa.support import check_support

REPAIR_PREFIXES = ("Removed", "Replaced", "Quoted", "Added", "Corrected")
FALLBACK_REASON = "verbatim quote of the cited sentence"


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


def passage_spans(p: Passage) -> list[tuple[int, int]]:
    """Sentence spans of a passage, relative to its text."""
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
    result = check_support(text, [p.text for p in cited], threshold, spans=[passage_spans(p) for p in cited])
    if not result.supported:
        return None, [f'Removed a sentence whose loaded term could not be repaired without losing support '
                      f'({result.reason}): "{_short(sentence.text)}"']
    repaired = sentence.model_copy(update={"text": text, "support": result.score, "reason": result.reason})
    return repaired, [f'{what} in: "{_short(text)}"' for what in reversed(done)]


_PLURAL_OPENER = re.compile(r"^(?:both|the|all|several|two) (?:articles|sources|reports) (?:both )?report(?:ed)? that ",
                            re.I)


def singular_attribution(sentence: AnswerSentence, cited: list[Passage]) -> tuple[AnswerSentence, list[str]]:
    """"The articles report that X [2]" when [2] is the only source that supports X: say "An article
    reports that X" instead, so an agreement is never claimed on one source's word."""
    if len({p.doc_id for p in cited}) != 1 or not _PLURAL_OPENER.match(sentence.text):
        return sentence, []
    label = cited[0].source if cited[0].source not in ("", "unknown") else "An article"
    text = _PLURAL_OPENER.sub(f"{label} reports that ", sentence.text, count=1)
    return (sentence.model_copy(update={"text": text}),
            [f'Replaced a claim of agreement that only [{cited[0].n}] supports: "{_short(text)}"'])


def source_label(p: Passage) -> str:
    """How a summary names a source (qa.sources.source_label)."""
    return sources.source_label(p.title, p.source, p.doc_id)


def fallback_sentence(p: Passage, start: int, end: int, threshold: float | None = None
                      ) -> tuple[AnswerSentence, Citation]:
    """'According to <source>, “<its sentence>”.' for an uncited source, quoting article text[start:end]
    (which lies inside passage `p`) verbatim. The support check runs on the quoted claim, which is the
    article's own sentence; the label names the source from its metadata."""
    quote = p.text[start - p.start:end - p.start]
    body = quote[:-1] if quote.endswith(".") else quote
    text = f"According to {source_label(p)}, “{body}”."
    result = check_support(quote, [p.text], threshold, spans=[passage_spans(p)])
    reason = FALLBACK_REASON if result.supported else result.reason
    sentence = AnswerSentence(text=text, citations=[p.n], supported=result.supported, support=result.score,
                              reason=reason)
    citation = Citation(n=p.n, doc_id=p.doc_id, title=p.title, source=p.source, published=p.published, url=p.url,
                        quote=quote, start=start, end=end, score=p.score, passage=p.text,
                        passage_start=p.start, passage_end=p.end)
    return sentence, citation


def recite(sentences: list[AnswerSentence], items: list[list[Passage]], threshold: float | None) -> list[str]:
    """Post-hoc citation for sentences the check rejected because of their markers: the small model often
    restates a passage without its [n], or with a neighbour's number. Within the item (a pair, a group or
    a single passage) that supports the sentence best, the sentence cites every passage that supports it on
    its own; when none does but the item's passages together do ("X said ... but Y said ..."), it cites them
    all. (Citing only passages that are needed or sufficient keeps citation precision.) Sentences nothing
    shown supports stay unsupported. Returns notes describing each citation added or corrected."""
    todo = [s for s in sentences if not s.supported]
    if not todo:
        return []
    shown = list({p.n: p for group in items for p in group}.values())
    p_spans = {p.n: passage_spans(p) for p in shown}
    flat = [(p.n, s, e) for p in shown for s, e in p_spans[p.n]]
    vecs = get_embedder().embed([s.text for s in todo] + [next(p for p in shown if p.n == n).text[s:e]
                                                           for n, s, e in flat])
    sent_vec = {key: vecs[len(todo) + i] for i, key in enumerate(flat)}

    def check(i: int, option: list[Passage]):
        return check_support(todo[i].text, [p.text for p in option], threshold,
                             embeddings=(vecs[i], [sent_vec[(p.n, s, e)] for p in option for s, e in p_spans[p.n]]),
                             spans=[p_spans[p.n] for p in option])

    notes = []
    for i, s in enumerate(todo):
        best: tuple[float, list[Passage], list] | None = None
        for group in items:
            alone = [(p, check(i, [p])) for p in group]
            enough = [(p, r) for p, r in alone if r.supported]
            if enough:
                option, results = [p for p, _ in enough], [r for _, r in enough]
            elif len(group) > 1 and (joint := check(i, group)).supported:
                option, results = group, [joint]
            else:
                continue
            score = max(r.score for r in results)
            if best is None or score > best[0]:
                best = (score, option, results)
        if best is None:
            continue
        score, option, _results = best
        before = s.citations
        s.citations, s.supported, s.support = [p.n for p in option], True, score
        s.reason = "supported (citation corrected)" if before else "supported (citation added)"
        marks = "".join(f"[{p.n}]" for p in option)
        what = f"Corrected the citation to {marks} (the model cited {''.join(f'[{n}]' for n in before)})" \
            if before else f"Added the citation {marks} the model left out"
        notes.append(f'{what}: "{s.text[:100]}"')
    return notes
