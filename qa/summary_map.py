"""The map step of a multi-source summary: condense each source to its key claims, deterministically.

Per source document, every sentence is scored (attribution verbs — "could not confirm" and denials most —,
numbers, names, the lead, similarity to the topic or to the article's centre, and overlap with the other
sources) and the best ones are kept within a per-source token budget, so a long article costs the prompt no
more than a short one. Each kept sentence becomes a claim with WHO said it (the article's own attribution,
parsed from the sentence; "He said ..." takes the speaker of the sentence before) and its stance.
Claims of different sources are then related: a claim one source makes and another denies or cannot confirm
is a *difference*; near-identical claims are an *agreement*; the rest are reported by *only one* source.

Claims are extracted by rules, not by the model. Why: in a trial on four key sentences of seed-000 asking
Qwen2.5-Coder-1.5B for "WHO | WHAT | [n]" lines, it listed entities instead of claims and gave "the article"
as the speaker of every line, even of "... according to Iranian security sources" and "Rouhani said ...";
and it costs one call per source (that one took 241 s on the shared cores, ~6 s at the model's uncontended
75 prompt / 26 generated tokens per second). News attribution follows a few fixed patterns that
rules read exactly, with the character offsets the citations need. The model's job is the reduce step:
wording the summary from these claims, which the support check then verifies sentence by sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from qa.chunking import split_sentences
from qa.embeddings import get_embedder
from qa.schema import Document, Passage
from qa.summary_metrics import has_attribution
from qa.support import attribution, names, numbers

MAX_SCAN_SENTENCES = 400  # sentences scored per source (news puts the substance first)
MAX_SENTENCE_CHARS = 600  # longer "sentences" (tables, run-ons) are not shown to the small model
MIN_SENTENCE_CHARS = 25
AGREE_SIM = 0.65  # cosine between two sources' sentences that report the same thing (seeds: 0.78)
CONFLICT_SIM = 0.5  # cosine between a claim and a denial / "could not confirm" of it (seeds: 0.54-0.61)
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
class Claim:
    """A key sentence of a source: who said it, its stance, and where it is (offsets into the article)."""

    doc_id: str
    index: int  # sentence number in the article
    start: int
    end: int
    text: str
    speaker: str | None
    stance: str  # not_confirm | deny | confirm | said | none
    score: float
    n: int = 0  # passage number shown to the model (set when passages are built)


@dataclass
class SourceText:
    """One source document with its scored sentences."""

    doc: Document
    spans: list[tuple[int, int]]
    vectors: np.ndarray
    scores: list[float] = field(default_factory=list)
    relevance: float = 1.0  # best cosine of a sentence to the topic (1.0 without a topic)
    total_sentences: int = 0


@dataclass
class SummaryPlan:
    """Everything the reduce step needs: numbered passages and the claims grouped by relation."""

    sources: list[SourceText]
    passages: list[Passage]
    claims: dict[int, list[Claim]]  # by passage number: the claims whose sentences the passage holds
    differences: list[tuple[int, int]]  # passage pairs: a claim, and another source's denial / non-confirmation
    agreements: list[list[int]]  # passage groups from at least two sources reporting the same thing
    singles: list[int]  # passages with claims only one source makes
    fallback: dict[str, Claim]  # doc_id -> its most informative quotable claim (for an uncited source)
    notes: list[str] = field(default_factory=list)


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


def _window(src: SourceText, k: int) -> tuple[int, int]:
    """Sentence indexes (first, last) shown for sentence k: its antecedent too when it starts "They said"."""
    s, e = src.spans[k]
    if k > 0 and is_anaphoric(src.doc.text[s:e]) and src.spans[k - 1][1] <= s:
        return k - 1, k
    return k, k


def _claim(src: SourceText, k: int) -> Claim:
    s, e = src.spans[k]
    text = src.doc.text[s:e]
    speaker = speaker_of(text)
    if (speaker is None or is_anaphoric(speaker)) and is_anaphoric(text) and k > 0:
        ps, pe = src.spans[k - 1]
        speaker = speaker_of(src.doc.text[ps:pe]) or speaker
    return Claim(doc_id=src.doc.doc_id, index=k, start=s, end=e, text=text, speaker=speaker,
                 stance=stance_of(text), score=src.scores[k])


def select_claims(src: SourceText, budget_chars: int, max_claims: int) -> list[int]:
    """Sentence indexes of the source's key claims, best first, within `budget_chars` of shown text."""
    order = sorted(range(len(src.spans)), key=lambda k: (-src.scores[k], k))
    chosen: list[int] = []
    used: set[int] = set()
    spent = 0
    for k in order:
        if len(chosen) >= max_claims:
            break
        lo, hi = _window(src, k)
        cost = sum(src.spans[j][1] - src.spans[j][0] + 1 for j in range(lo, hi + 1) if j not in used)
        if chosen and spent + cost > budget_chars:
            continue
        chosen.append(k)
        used.update(range(lo, hi + 1))
        spent += cost
    return chosen


# ---- relations between sources --------------------------------------------------------------------------
@dataclass
class _Link:
    sim: float
    a: tuple[int, int]  # (source index, sentence index)
    b: tuple[int, int]


def relate(sources: list[SourceText], chosen: dict[int, list[int]]) -> tuple[list[_Link], list[_Link]]:
    """Candidate differences and agreements between each chosen sentence and the sentences of the other
    sources (partners need not have been chosen: the best evidence of a disagreement may rank lower).
    A difference links a claim to every opposing sentence close enough; an agreement to the closest one."""
    stances = {(i, k): stance_of(src.doc.text[s:e]) for i, src in enumerate(sources)
               for k, (s, e) in enumerate(src.spans)}
    differ: list[_Link] = []
    agree: list[_Link] = []
    for i, ks in chosen.items():
        for j, other in enumerate(sources):
            if j == i or not len(other.spans):
                continue
            sims = sources[i].vectors[ks] @ other.vectors.T
            for row, k in enumerate(ks):
                neg = stances[(i, k)] in NEGATIVE
                for m in range(len(other.spans)):
                    if (stances[(j, m)] in NEGATIVE) != neg and sims[row, m] >= CONFLICT_SIM:
                        pos, negative = ((i, k), (j, m)) if not neg else ((j, m), (i, k))
                        differ.append(_Link(float(sims[row, m]), pos, negative))
                same = [m for m in range(len(other.spans)) if (stances[(j, m)] in NEGATIVE) == neg]
                if same:
                    m = max(same, key=lambda m: (sims[row, m], -m))
                    if sims[row, m] >= AGREE_SIM:
                        agree.append(_Link(float(sims[row, m]), (i, k), (j, m)))
    key = lambda link: (-link.sim, link.a, link.b)  # noqa: E731 - a sort key
    unique = {(link.a, link.b): link for link in differ}  # found from both sides
    return sorted(unique.values(), key=key), sorted(agree, key=key)


def plan_summary(sources: list[SourceText], topic_vec: np.ndarray | None, max_sentences: int,
                 budget_tokens: int) -> SummaryPlan:
    """Condense every source (from `load_sources`), relate the claims across sources and number the
    passages to show; `budget_tokens` of article text are shared evenly by the sources."""
    score_sources(sources, topic_vec)
    notes: list[str] = []
    per_source_chars = max(240, budget_tokens * 4 // max(1, len(sources)))
    per_source_claims = max(1, min(5, (max_sentences * 2) // max(1, len(sources))))
    chosen: dict[int, list[int]] = {}
    for i, src in enumerate(sources):
        if not src.spans:
            notes.append(f"{src.doc.doc_id} has no sentence usable for a summary")
            continue
        chosen[i] = select_claims(src, per_source_chars, per_source_claims)
        if src.total_sentences > len(chosen[i]) + 2:
            notes.append(f"{src.doc.doc_id}: condensed to {len(chosen[i])} of {src.total_sentences} sentences")

    differ_links, agree_links = relate(sources, chosen) if len(sources) > 1 else ([], [])
    cap_pairs = max(1, max_sentences // 3)
    taken: set[tuple[int, int]] = set()
    pairs: list[_Link] = []
    # Differences: every denial / "could not confirm" is used once; the claim it opposes is reused only
    # when no unused claim opposes it (first pass: both sides new; second pass: the claim may repeat).
    for reuse in (False, True):
        for link in differ_links:
            if len(pairs) >= cap_pairs:
                break
            if link.b in taken or (link.a in taken and not reuse) or link in pairs:
                continue
            pairs.append(link)
            taken.update({link.a, link.b})
    groups: list[list[tuple[int, int]]] = []
    for link in agree_links:
        # a third source reporting the same thing joins the group of the sentence it matches
        home = next((g for g in groups if link.a in g or link.b in g), None)
        if home is not None:
            new = link.b if link.a in home else link.a
            if new not in taken and all(new[0] != member[0] for member in home):
                home.append(new)
                taken.add(new)
            continue
        if link.a in taken or link.b in taken or len(groups) >= max(1, max_sentences // 3):
            continue
        groups.append([link.a, link.b])
        taken.update({link.a, link.b})
    # Single-source claims: sources not covered yet first, then the best remaining claims, round-robin.
    budget_left = max(0, max_sentences - len(pairs) - len(groups))
    covered = {a[0] for p in pairs for a in (p.a, p.b)} | {a[0] for g in groups for a in g}
    # A claim another source also makes (or disputes) is not "only one source": leave it out when the
    # caps above left no room for it.
    linked = {a for link in differ_links + agree_links for a in (link.a, link.b)}
    queues = {i: [k for k in ks if (i, k) not in linked] for i, ks in chosen.items()}
    singles: list[tuple[int, int]] = []
    order = [i for i in chosen if i not in covered] + [i for i in chosen if i in covered]
    while budget_left > 0 and any(queues.values()):
        for i in order:
            if budget_left and queues[i]:
                singles.append((i, queues[i].pop(0)))
                budget_left -= 1

    # The passages: every sentence used above plus each source's best claim (for the fallback sentence).
    used: dict[int, set[int]] = {}
    for i, k in [a for p in pairs for a in (p.a, p.b)] + [a for g in groups for a in g] + singles:
        used.setdefault(i, set()).add(k)
    for i, ks in chosen.items():
        if ks:
            used.setdefault(i, set()).add(_best_quotable(sources[i], ks))
    passages: list[Passage] = []
    claims: dict[int, list[Claim]] = {}
    where: dict[tuple[int, int], int] = {}
    for i in sorted(used):
        src, d = sources[i], sources[i].doc
        for lo, hi, ks in _merged_windows(src, sorted(used[i])):
            n = len(passages) + 1
            start, end = src.spans[lo][0], src.spans[hi][1]
            passages.append(Passage(n=n, chunk_id=f"{d.doc_id}::summary::{lo}", doc_id=d.doc_id, title=d.title,
                                    source=d.source, published=d.published, url=d.url, text=d.text[start:end],
                                    start=start, end=end, sentences=list(src.spans[lo:hi + 1]),
                                    score=max(src.scores[k] for k in ks)))
            for k in ks:
                claim = _claim(src, k)
                claim.n = n
                claims.setdefault(n, []).append(claim)
                where[(i, k)] = n
    differences = list(dict.fromkeys((where[p.a], where[p.b]) for p in pairs))
    agreements = [sorted(set(where[a] for a in g)) for g in groups]
    shown = {n for pair in differences for n in pair} | {n for g in agreements for n in g}
    single_ns = [n for n in dict.fromkeys(where[s] for s in singles) if n not in shown]
    fallback = {}
    for i, ks in chosen.items():
        if ks:
            k = _best_quotable(sources[i], ks)
            fallback[sources[i].doc.doc_id] = next(c for c in claims[where[(i, k)]] if c.index == k)
    return SummaryPlan(sources=sources, passages=passages, claims=claims, differences=differences,
                       agreements=[g for g in agreements if len(g) > 1], singles=single_ns, fallback=fallback,
                       notes=notes)


def _merged_windows(src: SourceText, ks: list[int]) -> list[tuple[int, int, list[int]]]:
    """The windows of sentences `ks`, overlapping ones merged (at most 3 sentences): (first, last, ks)."""
    out: list[tuple[int, int, list[int]]] = []
    for k in ks:
        lo, hi = _window(src, k)
        if out and lo <= out[-1][1] and max(hi, out[-1][1]) - out[-1][0] < 3:
            plo, phi, pks = out[-1]
            out[-1] = (plo, max(hi, phi), pks + [k])
        else:
            out.append((lo, hi, [k]))
    return out


def _best_quotable(src: SourceText, ks: list[int]) -> int:
    """The best claim that reads on its own when quoted (not "They said ..."), attributed if possible."""
    def rank(k: int) -> tuple:
        s, e = src.spans[k]
        text = src.doc.text[s:e]
        return (is_anaphoric(text), stance_of(text) == "none", -src.scores[k], k)

    return min(ks, key=rank)
