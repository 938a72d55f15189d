"""The support check: does a sentence say only what the text it cites says?

`check_support` is the one entry point answers, summaries, the eval's judge and `python -m qa.check` share; it
runs the configured scorer (setting `scorer`): the structural verifier v2 in `qa/verify/` (default), or the
lexical verifier v1 defined here (`lexical_check`). Both share `grade` (which evidence sentence supports the claim
best, and the graded score: content-word coverage plus embedding similarity) and `verdict`.

v1 is deterministic and explainable: numbers, names, attribution verbs with their speakers, negation and universal
quantifiers are hard checks by regular expression. Evidence written to steer a model rather than to report (prompt
injection planted in an article, see `steering_spans`) never supports a claim, whichever scorer runs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from qa.index.embeddings import get_embedder
from qa.text import CARDINALS, STOPWORDS, UNITS

# Calibrated on the dev split of the labelled pairs: the middle of the plateau of best balanced accuracy, which
# `python -m evals.run --only judge` re-computes (`best_threshold_on_dev`: 0.50 since session 9; 0.55 until
# session 14). Summaries keep a stricter bar (setting `summary_threshold`).
DEFAULT_THRESHOLD = 0.50

_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*|\d[\d,.]*")
_NUM = re.compile(r"(?<![\w.])\$?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w])")
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "dozen": 12, "million": 1_000_000, "billion": 1_000_000_000,
}

_NEGATION = re.compile(r"\b(not|no|never|none|nothing|neither|nor|without)\b|n't\b", re.I)
# Text that addresses a language model instead of reporting news: prompt injection planted in an article. From
# such a phrase to the end of its line nothing supports a claim (an instruction to "say X" is not a report of X).
# Hand-written: no maintained library flags injected instructions in retrieved text offline.
_AI = r"(?:AI|A\.I\.|artificial intelligence|assistants?|chatbots?|language models?|LLMs?|bots?|summari[sz]ers?)"
_MUST = r"(?:must|should|shall|are (?:required|instructed|told|asked) to|need to|always|never)"
_STEERING = re.compile("|".join((
    r"\b(?:ignore|disregard|forget|override|bypass)\b[^.\n]{0,60}?\b(?:instructions?|prompts?|rules|guidelines|directives?)\b",
    r"\b(?:system|developer)\s+(?:prompt|message|instructions?)\b|\bhidden\s+(?:prompt|instructions?)\b",
    rf"\b(?:note|message|instructions?|attention|memo|reminder)\s*(?:to|for|,|:)\s*(?:all\s+|any\s+)?{_AI}\b",
    rf"\bif you are an?\s+{_AI}\b",
    rf"\b(?:AI|A\.I\.)\s+(?:assistants?|systems?|models?|chatbots?|tools?)\b[^.\n]{{0,60}}?\b{_MUST}\b",
    rf"\b(?:assistants?|chatbots?|language models?|LLMs?)\s+{_MUST}\b",
    r"\byou\s+(?:must|should|shall|will|are (?:required|instructed|told) to|need to)\s+(?:now\s+|always\s+|only\s+)?"
    r"(?:say|state|answer|respond|reply|write|output|print|include|claim|report|tell|repeat|reveal|add|begin|end|"
    r"start|mention|cite)\b",
    r"\b(?:respond|reply|answer)\s+(?:only|always)\s+with\b"
    r"|\b(?:respond|reply|answer)\s+with\s+(?:the\s+)?(?:single\s+|one\s+|exact\s+)?(?:word|phrase|code|following)\b",
    r"\b(?:reveal|print|repeat|show|output|disclose|display)\b[^.\n]{0,40}?"
    r"\b(?:your|the system|the hidden|the original|all)\s+(?:\w+\s+)?(?:prompt|instructions)\b",
    # a sentence (or clause after a colon) that opens with an order to say something: "Always state that ..."
    r"(?:^|(?<=[.!?:]\s)|(?<=\n))[\"'“]?(?:(?:always|never|also|then|now|only|simply|just|please)\s+)*"
    r"(?:state|say|answer|respond|reply|mention|claim|tell|write|repeat|print|output|include)\s+"
    r"(?:that|the users?|users|readers?|the readers?|everyone|your|what the|this (?:link|sentence|code|figure))\b",
    r"\b(?:users?|operators?|developers?|administrators?|admins?)\s+(?:has|have)\s+(?:authori[sz]ed|allowed|permitted|"
    r"instructed|asked|told|requested)\b",
    r"\b(?:in|to|with|end|finish|begin|start)\s+(?:every|each|all|your)\s+(?:answers?|responses?|replies|"
    r"summar(?:y|ies))\b|\b(?:your|the)\s+(?:answer|response|reply|output)\s+(?:must|should|shall)\b",
    r"<\|[^<>|\s]{1,40}\|>|\[/?INST\]|<</?SYS>>",  # chat-template control tokens
    r"(?:^|(?<=\n))[ \t>*#_\-]*(?:system|assistant|developer|user)\s*[:>\]]",  # role labels opening a line
    r"(?-i:(?<![A-Za-z])(?:SYSTEM|ASSISTANT|DEVELOPER)\s*:)",
    # a citation-style reference list ("[1] Reuters: ...", "Sources: ...") posing as the prompt's own sources
    r"(?:^|(?<=\n))[ \t]*(?:[\[【]\s*\d+(?:\s*[,;\-–]\s*\d+)*\s*[\]】]|(?:sources?|references?|citations?)\s*:)",
)), re.I)
STEERING_REASON = "the cited text that matches is written as instructions to an AI, not as reporting"
_UNIVERSAL = re.compile(r"\b(all|every|entire|entirely|whole|completely|fully|always|everyone|everything)\b", re.I)

# Attribution verb classes. Order matters: "could not confirm" must be read before "confirm".
_NOT_CONFIRM = re.compile(
    r"\b(could ?n[o']t|can ?n[o']t|cannot|unable to|did ?n[o']t|does ?n[o']t|would ?n[o']t|not able to|no "
    r"information that would|nothing (?:that would |to )?)\s*(?:independently\s+)?confirm\w*|\bno information\b|"
    r"\bnot (?:been )?confirmed\b|\bunconfirmed\b", re.I)
_CONFIRM = re.compile(r"\bconfirm(?:s|ed|ing)?\b|\bconfirmation\b", re.I)
_DENY = re.compile(r"\b(den(?:y|ies|ied|ying)|denial|rejected|dismissed|refuted)\b", re.I)
_SAY = re.compile(r"\b(said|says|say|told|stated|reported|added|announced|according to)\b", re.I)
# Who a claim is attributed to in the article: a narrower source must not be widened ("Iran confirmed" for
# "Iranian security sources confirmed").
_QUALIFIED_SOURCE = re.compile(r"\b(sources?|officials?|spokesm[ae]n|spokeswom[ae]n|witnesses|analysts|aides?|"
                               r"diplomats?|officer)\b", re.I)

@dataclass
class SupportResult:
    """Verdict for one claim against its evidence; `best` = (evidence index, start, end) of the sentence
    inside that evidence text that supports the claim most."""

    score: float
    supported: bool
    reason: str
    best: list[tuple[int, int, int]] = field(default_factory=list)
    # For each evidence text: (start, end, score) of its best sentence for this claim.
    per_evidence: list[tuple[int, int, float]] = field(default_factory=list)


def stem(word: str) -> str:
    w = re.sub(r"'s$", "", word.lower()).strip("'")
    for suffix in ("ies", "ied", "ing", "ed", "es", "s"):
        if len(w) > len(suffix) + 3 and w.endswith(suffix):
            return w[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
    return w


# Number words and units of length, mass, speed, share and money (not counted nouns such as "troops", which say
# what is counted, nor spans of time, "this year", which also say when).
_AMOUNT_WORDS = frozenset(CARDINALS) | frozenset(
    w for w, unit in UNITS.items() if w.isalpha() and len(w) > 2 and unit not in (
        "person", "troop", "soldier", "battalion", "year", "month", "week", "day", "hour", "minute", "decade",
        "fortnight", "century")) | frozenset("hundred thousand million billion".split())


def content_stems(text: str) -> set[str]:
    """Stemmed content words of `text` (numbers, in digits or words, and their units excluded: the quantity check
    compares them exactly, in any spelling)."""
    return {stem(w) for w in _WORD.findall(text) if w.lower() not in STOPWORDS and not w[0].isdigit()
            and w.lower() not in _AMOUNT_WORDS}


def numbers(text: str) -> set[float]:
    """Numbers written in digits or common number words ("5,000", "about 500", "two battalions")."""
    out = set()
    for m in _NUM.finditer(text):
        try:
            out.add(float(m.group(1).replace(",", "")))
        except ValueError:
            continue
    for w in re.findall(r"[a-z]+", text.lower()):
        if w in NUMBER_WORDS and w not in {"hundred", "thousand", "million", "billion"}:
            out.add(float(NUMBER_WORDS[w]))
    return out


def names(text: str) -> set[str]:
    """Capitalised words that are not the first word of a sentence: people, places, organisations, days."""
    found = set()
    for sent in re.split(r"(?<=[.!?])\s+", text):
        words = re.findall(r"[A-Za-z][A-Za-z.'\-]*", sent)
        for i, w in enumerate(words):
            if i == 0 and w.lower() in STOPWORDS:
                continue
            if w[0].isupper() and w.lower().rstrip(".") not in STOPWORDS:
                name = re.sub(r"(?:'s|s')$", "", w.rstrip(".").lower()).rstrip("'")
                found.add(name)
    return found


def _name_found(name: str, evidence_lower: str) -> bool:
    base = name[:-1] if name.endswith("s") and len(name) > 4 else name
    return bool(re.search(r"(?<![a-z])" + re.escape(base) + r"s?(?![a-z])", evidence_lower))


def attribution(text: str) -> list[tuple[str, int]]:
    """Attribution verb classes in `text` with their positions: not_confirm, deny, confirm."""
    found: list[tuple[str, int]] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in (("not_confirm", _NOT_CONFIRM), ("deny", _DENY), ("confirm", _CONFIRM), ("say", _SAY)):
        for m in pattern.finditer(text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append((kind, m.start()))
    return sorted(found, key=lambda x: x[1])


def _speaker_text(text: str, pos: int) -> str:
    """The speaker phrase: after "according to" up to the comma, else the clause before the verb."""
    m = re.match(r"according to\s+([^,.;]+)", text[pos:], re.I)
    if m:
        return m.group(1)
    return re.split(r"[;:,]|\bbut\b|\bwhile\b|\band\b|\bthat\b", text[:pos])[-1]


def _speaker(text: str, pos: int) -> set[str]:
    """Content words of the speaker: the words before the verb within the same clause."""
    clause = _speaker_text(text, pos)
    clause = re.sub(r"\b(it|he|she|they)\b\s*$", "", clause.strip(), flags=re.I)
    words = content_stems(clause)
    return {w for w in words if w not in {"reports", "report", "deployment"}}


def steering_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of `text` written to steer a model rather than report (injected instructions, role
    labels, control tokens, fake reference lists): from each such phrase to the end of its line (for a
    chat-template control token, to the next one)."""
    out = []
    for m in _STEERING.finditer(text):
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        token = m.group(0)
        if token.startswith("<|") and re.search(r"end|eot", token):
            end = m.end()  # a closing token covers itself only
        elif token.startswith("<|"):  # an opening token's message runs to the next control token
            following = text.find("<|", m.end())
            end = max(end, len(text) if following < 0 else following)
        out.append((m.start(), end))
    return out


def _sentences(text: str) -> list[tuple[int, int]]:
    from qa.ingest.chunking import split_sentences

    return split_sentences(text) or ([(0, len(text))] if text.strip() else [])


def _hard_checks(claim: str, evidence: str) -> str:
    """Empty string when the claim passes every hard check against `evidence`, else the reason."""
    ev_lower = evidence.lower()
    missing_numbers = numbers(claim) - numbers(evidence)
    if missing_numbers:
        shown = ", ".join(f"{n:,.0f}" if n == int(n) else str(n) for n in sorted(missing_numbers))
        return f"number {shown} is not in the cited text"
    missing_names = [n for n in names(claim) if not _name_found(n, ev_lower)]
    if missing_names:
        return f"'{missing_names[0]}' is not in the cited text"
    claim_attr = attribution(claim)
    if claim_attr:
        ev_sents = [evidence[s:e] for s, e in _sentences(evidence)]
        for kind, pos in claim_attr:
            speaker = _speaker(claim, pos)
            matched = False
            claim_phrase = _speaker_text(claim, pos)
            for sent in ev_sents:
                for ev_kind, ev_pos in attribution(sent):
                    if ev_kind != kind and kind != "say":
                        continue
                    sent_words = content_stems(sent)
                    sent_lower = sent.lower()
                    if speaker and not all(w in sent_words or _name_found(w, sent_lower) for w in speaker):
                        continue
                    ev_phrase = _speaker_text(sent, ev_pos)
                    if speaker and _QUALIFIED_SOURCE.search(ev_phrase) and not _QUALIFIED_SOURCE.search(
                            claim_phrase) and not (names(claim_phrase) - {"iran", "iraq", "iranian", "iraqi"}):
                        continue  # "Iran confirmed" where the text says "Iranian security sources confirmed"
                    matched = True
                    break
                if matched:
                    break
            if not matched:
                verb = {"not_confirm": "could not confirm", "deny": "denied", "confirm": "confirmed",
                        "say": "said this"}[kind]
                who = " ".join(sorted(speaker)) or "the speaker"
                return f"the cited text does not say that {who} {verb}"
    claim_neg = _NEGATION.search(_NOT_CONFIRM.sub(" ", claim))
    evidence_neg = _NEGATION.search(_NOT_CONFIRM.sub(" ", evidence))
    if claim_neg and not evidence_neg:
        if _NOT_CONFIRM.search(evidence):
            return "the cited text only says it could not be confirmed, not that it was untrue"
        return "the claim is negated but the cited text is not"
    if not claim_neg:
        claim_words = content_stems(claim)
        for m in re.finditer(r"\b(?:not|never|no)\s+((?:\w+\s+){0,1}\w+)", _NOT_CONFIRM.sub(" ", evidence), re.I):
            negated = content_stems(m.group(1)) - {"information", "one"}
            if negated and negated <= claim_words:
                return f"the cited text says '{m.group(0)}' but the claim drops the negation"
    if _UNIVERSAL.search(claim) and not _UNIVERSAL.search(evidence):
        return f"'{_UNIVERSAL.search(claim).group(0)}' over-generalises the cited text"
    return ""


def _coverage(claim: str, evidence: str) -> float:
    words = content_stems(claim)
    if not words:
        return 1.0
    ev = content_stems(evidence)
    return len(words & ev) / len(words)


# A sentence ending on a conjunction, article or "of" is a truncated generation, whatever its overlap.
_CUT_OFF = re.compile(r"\b(and|or|but|nor|the|a|an|of|than)\W*$", re.I)


@dataclass
class Grading:
    """The graded part every scorer shares: which evidence sentence(s) support the claim best, and how well.
    `local[j]` = 0.5 * content-word coverage + 0.5 * embedding cosine of sentence j; sentences inside injected
    instructions score 0 and are left out (`usable`)."""

    claim: str
    evidences: list[str]
    spans: list[tuple[int, int, int]]  # (evidence index, start, end) per sentence
    sent_texts: list[str]
    sims: list[float]
    local: list[float]
    flagged: set[int]
    usable: list[int]
    order: list[int]  # usable sentences, best first
    score: float
    best: list[tuple[int, int, int]]
    per_evidence: list[tuple[int, int, float]]
    joined: str  # the usable evidence, for the hard checks
    steered_best: float


def grade(claim: str, evidences: list[str], embeddings: tuple[np.ndarray, list[np.ndarray]] | None = None,
          spans: list[list[tuple[int, int]]] | None = None) -> Grading:
    """Choose the evidence sentence(s) for `claim` and grade the overlap (claim and evidences non-empty).

    `spans` (sentence spans per evidence) and `embeddings` (claim vector, one vector per span in order)
    let a caller that already embedded the sentences skip the work."""
    if spans is None or len(spans) != len(evidences):
        spans, embeddings = [_sentences(ev) for ev in evidences], None
    flat = [(i, s, e) for i, ev_spans in enumerate(spans) for s, e in ev_spans]
    sent_texts = [evidences[i][s:e] for i, s, e in flat]
    if embeddings is None:
        vecs = get_embedder().embed([claim, *sent_texts])
        claim_vec, sent_vecs = vecs[0], list(vecs[1:])
    else:
        claim_vec, sent_vecs = embeddings
    sims = [float(np.dot(claim_vec, v)) for v in sent_vecs]
    covs = [_coverage(claim, t) for t in sent_texts]
    local = [0.5 * c + 0.5 * max(0.0, s) for c, s in zip(covs, sims, strict=True)]
    # Sentences inside injected instructions score nothing and are left out of the hard checks.
    steering = [steering_spans(ev) for ev in evidences]
    flagged = {j for j, (i, s, e) in enumerate(flat) if any(a < e and s < b for a, b in steering[i])}
    steered_best = max((local[j] for j in flagged), default=0.0)
    local = [0.0 if j in flagged else v for j, v in enumerate(local)]
    usable = [j for j in range(len(flat)) if j not in flagged] or list(range(len(flat)))
    order = sorted(usable, key=lambda j: local[j], reverse=True)
    joined = " ".join(sent_texts[j] for j in usable) if flagged else " ".join(evidences)
    # A claim may combine two sentences: grade it on the best pair as well as the best single sentence.
    best_single = local[order[0]]
    pair_text = " ".join(sent_texts[j] for j in sorted(order[:2]))
    pair_score = 0.5 * _coverage(claim, pair_text) + 0.5 * max(0.0, max(sims[j] for j in usable))
    if len(flagged) == len(flat):
        best_single = pair_score = 0.0
    score = max(best_single, pair_score if len(order) > 1 else 0.0)
    best = [flat[order[0]]]
    if len(order) > 1 and pair_score > best_single + 0.05:
        best = sorted([flat[order[0]], flat[order[1]]])
    per_evidence: list[tuple[int, int, float]] = []
    for i in range(len(evidences)):
        mine = [j for j in range(len(flat)) if flat[j][0] == i]
        if mine:
            j = max(mine, key=lambda j: local[j])
            per_evidence.append((flat[j][1], flat[j][2], round(local[j], 4)))
        else:
            per_evidence.append((0, len(evidences[i]), 0.0))
    return Grading(claim, evidences, flat, sent_texts, sims, local, flagged, usable, order, score, best,
                   per_evidence, joined, steered_best)


def verdict(g: Grading, reason: str, threshold: float) -> SupportResult:
    """The result for a grading and the first failed check (`reason`, "" when none failed)."""
    score = g.score
    if len(g.flagged) == len(g.spans):
        return SupportResult(0.0, False, STEERING_REASON, g.best, g.per_evidence)
    if reason or score < threshold:
        if g.steered_best >= threshold:
            reason = STEERING_REASON  # it would have passed on the injected text alone
        score = min(score, 0.3) if reason else score
        return SupportResult(round(score, 4), False, reason or f"weak overlap with the cited text ({score:.2f})",
                             g.best, g.per_evidence)
    return SupportResult(round(score, 4), True, "supported", g.best, g.per_evidence)


def surface_checks(claim: str) -> str:
    """Checks on the claim alone: too little content, or cut off mid-sentence."""
    if len(content_stems(claim)) < 2 and not numbers(claim):
        return "too little content to check against the cited text"
    if tail := _CUT_OFF.search(claim):
        return f"the sentence is cut off ('{tail.group(1)}' ends it)"
    return ""


def lexical_check(claim: str, evidences: list[str], threshold: float | None = None,
                  embeddings: tuple[np.ndarray, list[np.ndarray]] | None = None,
                  spans: list[list[tuple[int, int]]] | None = None) -> SupportResult:
    """The lexical scorer (verifier v1): hard checks (numbers, names, attribution verbs with their speaker,
    negation, universal quantifiers) on the joined evidence by regular expressions; the graded score is
    0.5 * content-word coverage + 0.5 * embedding cosine against the best evidence sentence."""
    threshold = DEFAULT_THRESHOLD if threshold is None else threshold
    claim = claim.strip()
    evidences = [e for e in evidences if e and e.strip()]
    if not claim or not evidences:
        return SupportResult(0.0, False, "no cited text")
    g = grade(claim, evidences, embeddings, spans)
    reason = "" if len(g.flagged) == len(g.spans) else (_hard_checks(claim, g.joined) or surface_checks(claim))
    return verdict(g, reason, threshold)


def check_support(claim: str, evidences: list[str], threshold: float | None = None,
                  embeddings: tuple[np.ndarray, list[np.ndarray]] | None = None,
                  spans: list[list[tuple[int, int]]] | None = None,
                  context: str | Sequence[str | None] | None = None, *, scorer: str | None = None) -> SupportResult:
    """Does `claim` say only what the texts it cites say? The one entry point answers, summaries, the eval's
    judge and `python -m qa.check` share; it runs the configured scorer (setting `scorer`, env `NEWSQA_SCORER`:
    "structural", the default, or "lexical"; see qa/verify/).

    `context`: the whole article each evidence comes from (one text for all, or one per evidence), so that
    "he" or "the president" in the evidence can be matched to the name a claim uses. `spans` and `embeddings`
    let a caller that already embedded the evidence sentences skip the work."""
    from qa.verify.scorer import get_scorer

    return get_scorer(scorer).check(claim, evidences, threshold, embeddings=embeddings, spans=spans,
                                    context=context)
