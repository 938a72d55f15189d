"""From a draft answer with [n] markers to checked sentences and span-level citations.

Markers are parsed (odd forms too: `[1,2]`, `[1][2]`, `[1-3]`, markers after the full stop), markers that
point at no passage are dropped, every sentence is checked against the passages it cites, and each
citation is mapped to the exact supporting sentence span of the article (`quote == text[start:end]`).
Only passages actually cited are listed, keeping the numbers used in the answer (so a streamed answer
and its final form agree).

Defences against text planted in articles (see docs/reliability.md): `defang` shows article text to the model
with anything the marker parser would read as a citation turned into parentheses and chat-template control
tokens disarmed; links are removed from answers (a citation carries its article's URL), and a sentence whose
link is not in the text it cites is unsupported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from qa.index.embeddings import get_embedder
from qa.ingest.chunking import split_sentences
from qa.schema import AnswerSentence, Citation, Passage
from qa.sources import strip_own_attribution
from qa.verify.repair import reattribute, trim
from qa.verify.support import DEFAULT_THRESHOLD, SupportResult, check_support

# How far above the support threshold a passage the model did not cite must score before a sentence is
# re-pointed to it (or cited automatically): 0.70 in all, as before the threshold moved from 0.55 to 0.50.
REPOINT_MARGIN = 0.20
_MARKER = re.compile(r"[\[【]\s*(\d+(?:\s*(?:[,;]|-|–|and)\s*\d+)*)\s*[\]】]")
# Markers written after the sentence's full stop belong to that sentence: "... deployed. [1]".
_TRAILING = re.compile(r"([.!?][\"”’)]?)((?:[ \t]*[\[【][ \t]*\d[\d \t,;\-–and]*[\]】])+)")
_LEADING = re.compile(r"^\s*(?:(?:[\[【]\s*\d[\d\s,;\-–and]*[\]】])\s*)+")
_SOURCES_TAIL = re.compile(r"\n\s*(?:sources?|references?|citations?)\s*:.*\Z", re.I | re.S)
# Chat-template control tokens (<|im_start|>, <|eot_id|>, [INST], <<SYS>>, <s>): llama.cpp tokenizes the formatted
# prompt with special tokens enabled, so such a string inside an article would become a real role switch.
_CONTROL_TOKEN = re.compile(r"<\|[^<>|\s]{1,40}\|>|\[/?INST\]|<</?SYS>>|</?s>")
# Links: markdown links (the label is kept), URLs with a scheme or "www.", and bare host names on common TLDs.
_MD_LINK = re.compile(r"!?\[([^\]\n]*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
_URL_CHAR = r"[^\s<>\"'`\[\](){}]"
_URL_END = r"[^\s<>\"'`\[\](){}.,;:!?]"
_LINK = re.compile(
    rf"(?:\b(?:https?|ftp|file|javascript|data|vbscript):|\bwww\.){_URL_CHAR}*{_URL_END}"
    rf"|\b(?:[a-z0-9](?:[a-z0-9-]{{0,61}}[a-z0-9])?\.)+(?:com|net|org|info|io|ru|xyz|biz|co|top|site|online|news|"
    rf"app|ly|me|tk|cc|su)\b(?:/{_URL_CHAR}*{_URL_END})?", re.I)


def defang(text: str) -> str:
    """Article text as it may be shown to the model: data, never markup the pipeline acts on.

    Everything the marker parser would read as a citation (`[1]`, `[1, 2]`, `【3】`) becomes `(1)`, `(1, 2)`,
    `(3)`, and chat-template control tokens lose their angle/square brackets (`<|im_start|>` -> `‹|im_start|›`).
    """
    text = _CONTROL_TOKEN.sub(lambda m: m.group(0).translate(_DISARM), text)
    return _MARKER.sub(lambda m: f"({m.group(1)})", text)


_DISARM = str.maketrans({"<": "‹", ">": "›", "[": "(", "]": ")"})


def strip_links(text: str) -> tuple[str, list[str]]:
    """`text` without links (markdown links keep their label), and the links removed, in order."""
    found: list[str] = []

    def md(m: re.Match[str]) -> str:
        found.append(m.group(2))
        return m.group(1)

    def drop(m: re.Match[str]) -> str:
        found.append(m.group(0))
        return ""

    out = text
    while True:  # until nothing is left: a removal can join the pieces of a new link
        before = len(found)
        out = _LINK.sub(drop, _MD_LINK.sub(md, out))
        if len(found) == before:
            break
        out = re.sub(r"[(<]\s*[)>]", "", out)  # brackets that only held a link
        out = re.sub(r"\s+([.,;:!?])", r"\1", out)
        out = re.sub(r"\s{2,}", " ", out).strip()
    return (out, found) if found else (text, [])


def _link_in(link: str, text: str) -> bool:
    """Whether the cited text contains the link (compared without scheme, case and trailing slash)."""
    target = re.sub(r"^[a-z]+:(?://)?|^www\.", "", link.lower()).rstrip("/")
    return bool(target) and target in text.lower()


@dataclass
class DraftSentence:
    """A sentence of the model's draft: clean text and the passage numbers it cites (as written)."""

    text: str
    markers: list[int]
    links: list[str] = field(default_factory=list)  # links removed from `text` by verify_draft
    draft_markers: list[int] = field(default_factory=list)  # the model's own valid markers, before correction
    status: str = "kept"
    broken: str = ""  # why the sentence is no sentence without its markers (a marker written as a word), or ""
    answer_word: str = ""  # a leading "Yes" / "No" left out of `text` (see `_ANSWER_WORD`)


def parse_markers(marker_body: str) -> list[int]:
    """'1, 2' -> [1, 2]; '1-3' -> [1, 2, 3]; '2 and 4' -> [2, 4]."""
    out: list[int] = []
    for part in re.split(r"\s*(?:[,;]|and)\s*", marker_body.strip()):
        if not part:
            continue
        rng = re.fullmatch(r"(\d+)\s*[-–]\s*(\d+)", part)
        if rng:
            a, b = int(rng.group(1)), int(rng.group(2))
            if a <= b and b - a < 20:
                out.extend(range(a, b + 1))
            continue
        if part.isdigit():
            out.append(int(part))
    return out


# A marker written where words belong: as the object of a preposition ("has been halted in [1].") or as the one who
# reports ("[2] reports that ...", "while [3] states that ..."). Without the marker the sentence is broken English,
# which the word-by-word check would pass.
_MARKER_RUN = r"(?:\[[^\]\n]*\]\s*)+"
_MARKER_AS_OBJECT = re.compile(r"\b(\w+)\s+(in|on|at|near|from|of|to|with|for|into|by|about|towards|than)\s+"
                               rf"{_MARKER_RUN}(?=[.!?,;:]|$)", re.IGNORECASE)
_MARKER_AS_SUBJECT = re.compile(rf"(?:^\s*|\b(?:while|and|but|whereas|whilst)\s+){_MARKER_RUN}(?:also\s+)?"
                                r"(?:reports?|says?|states?|confirms?|adds?|notes?|claims?|writes?|describes?|"
                                r"mentions?|suggests?|cites?|quotes?|reported|said|stated|confirmed|noted|wrote)\b")
# Verb forms that take "in" / "on" as a particle before a marker ("Iran stepped in [1].").
_PARTICLE_FORMS = frozenset("""give gives gave given step steps stepped go goes went gone carry carries carried come
comes came weigh weighs weighed move moves moved cave caved join joined close closed set sets sign signed hold holds
held press pressed push pushed call called take takes took taken turn turned hand handed phase phased drag dragged
stay stayed keep kept pour poured back""".split())


def marker_as_word(sentence: str) -> str:
    """Why `sentence` (with its markers) uses a citation marker as a word, or ""."""
    m = _MARKER_AS_SUBJECT.search(sentence)
    if m:
        return "a citation marker stands where the source's name should be"
    for m in _MARKER_AS_OBJECT.finditer(sentence):
        if not (m.group(2).lower() in ("in", "on") and m.group(1).lower() in _PARTICLE_FORMS):
            return f"the sentence breaks off after '{m.group(2)}' (a citation marker stands where words should be)"
    return ""


def split_draft(draft: str) -> list[DraftSentence]:
    """Split the model's draft into sentences with their markers (markers removed from the text).

    Markers at the start of a line ("[3] Kirby said ... He added ...") cover every sentence of that line
    that has none of its own; identical sentences (small models repeat one per passage) are merged."""
    text = _SOURCES_TAIL.sub("", draft.strip())  # a model-written source list is not part of the answer
    text = _TRAILING.sub(lambda m: f"{m.group(2)}{m.group(1)}", text)
    out: list[DraftSentence] = []
    for line in text.splitlines():
        lead = _LEADING.match(line)
        inherited = parse_markers(",".join(_MARKER.findall(lead.group(0)))) if lead else []
        for s, e in split_sentences(line):
            clean = line[s:e]
            broken = marker_as_word(clean)
            markers: list[int] = []
            while found := list(_MARKER.finditer(clean)):  # again: removing "[1]" from "[[1]2]" leaves "[2]"
                for m in found:
                    markers.extend(parse_markers(m.group(1)))
                clean = _MARKER.sub("", clean)
            markers = markers or list(inherited)
            clean = re.sub(r"\s+([.,;:!?])", r"\1", clean)
            clean = re.sub(r"\s{2,}", " ", clean).strip()
            clean = re.sub(r"^(?:[-*•]|\d+[.)])\s*", "", clean)
            if not re.search(r"[A-Za-z0-9]", clean):
                if markers and out:  # a stray marker: it belongs to the sentence before
                    out[-1].markers.extend(m for m in markers if m not in out[-1].markers)
                continue
            same = next((d for d in out if d.text == clean), None)
            if same is not None:
                same.markers.extend(m for m in markers if m not in same.markers)
                continue
            out.append(DraftSentence(clean, list(dict.fromkeys(markers)), broken=broken))
    return out


def revises_draft(draft: str, sentences: list[AnswerSentence]) -> bool:
    """True when the checked sentences differ from what the streamed `draft` showed: a sentence removed, merged
    or changed, or a citation added, dropped or renumbered (so a terminal that streamed the draft must show
    the checked answer too)."""
    return [(d.text, d.markers) for d in split_draft(draft)] != [(s.text, s.citations) for s in sentences]


# A draft sentence that opens with "Yes," / "No," answers a yes/no question in the model's own word: the support
# check can check what follows against the cited text, never whether the cited text means yes or no.
_ANSWER_WORD = re.compile(r"^(Yes|No)\s*[,;:]\s+(.+)$", re.DOTALL)


def verify_draft(draft: str, passages: list[Passage], threshold: float | None = None, strict: bool = False,
                 correct_markers: bool = True, repoint_margin: float = REPOINT_MARGIN,
                 articles: dict[str, str] | None = None, repair: bool = False,
                 ) -> tuple[list[AnswerSentence], list[Citation], str, int]:
    """Check every sentence of `draft` against the passages it cites.

    Returns (sentences, citations, cleaned answer text, number of sentences removed).
    Markers outside 1..len(passages) are dropped. A sentence its markers do not support (or without markers)
    is cited to the single shown passage that supports it best, when one does (for wrong markers only with
    `correct_markers`; summaries correct them per item themselves); otherwise it is unsupported. A citation the
    model did not write must clear a stricter bar (`threshold + repoint_margin`): a near-miss passage must not
    lend its support to an invented claim.
    `articles` (doc id -> whole article text), when given, is the support check's context: a sentence may then
    name the person a passage calls "he" or "the president".
    The answer text holds only supported sentences; unsupported ones stay in `sentences` (supported=False,
    status "unsupported") so they can be listed apart with their reason. With `strict` they are removed from
    `sentences` too (and counted).
    With `repair`, a sentence its citations do not support but whose content they do (only the speaker or the
    certainty is wrong) is rewritten with the speaker and verb of the cited sentence and checked again
    (qa/verify/repair.py; status "repaired")."""
    bar = (DEFAULT_THRESHOLD if threshold is None else threshold) + repoint_margin
    by_n = {p.n: p for p in passages}

    def context_of(p: Passage) -> str | None:
        return articles.get(p.doc_id) if articles else None

    drafts = []
    for d in split_draft(draft):
        d.text, d.links = strip_links(d.text)
        if (said := _ANSWER_WORD.match(d.text)) and re.search(r"[A-Za-z]{2}", said.group(2)):
            d.answer_word, d.text = said.group(1), said.group(2)[:1].upper() + said.group(2)[1:]
        if not re.search(r"[A-Za-z0-9]", d.text):
            continue  # the sentence was only a link
        d.markers = [m for m in d.markers if m in by_n]
        d.draft_markers = list(d.markers)
        drafts.append(d)
    # Embed every claim and every passage sentence once.
    passage_sents = {p.n: passage_sentences(p) for p in passages}
    flat = [(n, s, e) for n, spans in passage_sents.items() for s, e in spans]
    texts = [d.text for d in drafts] + [by_n[n].text[s:e] for n, s, e in flat]
    vecs = get_embedder().embed(texts) if texts else np.zeros((0, 384), dtype=np.float32)
    claim_vecs = vecs[: len(drafts)]
    sent_vec = {key: vecs[len(drafts) + i] for i, key in enumerate(flat)}

    def best_single(d: DraftSentence, cvec: np.ndarray, skip: set[int]) -> tuple[int, SupportResult] | None:
        """The one passage that supports the sentence best on its own, if any passes the support check."""
        best: tuple[int, SupportResult] | None = None
        for p in passages:
            if p.n in skip:
                continue
            res = check_support(own_words(d.text, [p]), [p.text], threshold,
                                embeddings=(cvec, [sent_vec[(p.n, s, e)] for s, e in passage_sents[p.n]]),
                                spans=[passage_sents[p.n]], context=[context_of(p)])
            if res.supported and res.score >= bar and (best is None or res.score > best[1].score):
                best = (p.n, res)
        return best

    results: list[tuple[DraftSentence, SupportResult | None]] = []
    for d, cvec in zip(drafts, claim_vecs, strict=True):
        if d.broken:  # no re-pointing or repair makes broken English a sentence
            results.append((d, SupportResult(0.0, False, d.broken)))
            continue
        if not d.markers:
            # Small models sometimes drop the markers: cite the one passage that supports the sentence best,
            # if any passes the same support check (never a passage that does not).
            found = best_single(d, cvec, set())
            if found is None:
                results.append((d, None))
                continue
            d.markers, res = [found[0]], found[1]
            d.status = "auto_cited"
            res.reason = "supported (cited automatically: the model gave no marker)"
        else:
            evid = [by_n[m].text for m in d.markers]
            evid_vecs = [sent_vec[(m, s, e)] for m in d.markers for s, e in passage_sents[m]]
            res = check_support(own_words(d.text, [by_n[m] for m in d.markers]), evid, threshold,
                                embeddings=(cvec, evid_vecs),
                                spans=[passage_sents[m] for m in d.markers],
                                context=[context_of(by_n[m]) for m in d.markers])
            # Small models often cite a neighbour's number: point the citation at the passage that holds the
            # words rather than leave a true sentence pointing at the wrong chunk. A sentence no shown passage
            # supports keeps the model's markers and stays flagged.
            found = None if res.supported or not correct_markers else best_single(d, cvec, set(d.markers))
            if found is not None:
                cited = "".join(f"[{m}]" for m in d.markers)
                d.markers, res = [found[0]], found[1]
                d.status = "repointed"
                res.reason = f"supported (citation corrected: the model cited {cited})"
            elif not res.supported and repair:
                cited_ps = [by_n[m] for m in d.markers]
                fixed = reattribute(own_words(d.text, cited_ps), cited_ps, threshold,
                                    [context_of(p) for p in cited_ps])
                if fixed is not None:
                    d.text, res = fixed.text, fixed.result
                    d.status = "repaired"
                    res.reason = (f"supported (repaired: the draft said '{fixed.was}', the cited text says "
                                  f"'{fixed.now}')")
                elif (cut := trim(own_words(d.text, cited_ps), cited_ps, threshold,
                                  [context_of(p) for p in cited_ps])) is not None:
                    d.text, res = cut.text, cut.result
                    d.status = "repaired"
                    res.reason = f"supported (repaired: left out '{cut.was}', which the cited text does not say)"
        if d.answer_word and res is not None and res.supported:
            # the check compares the sentence with the cited text, not with the question: "Yes" to "Did the
            # council decide?" above "the council would consider it" would be the model's word, unchecked
            if d.status == "kept":
                d.status = "repaired"
                res.reason = f"supported (repaired: left out '{d.answer_word}', which answers the question; " \
                             f"the cited text is checked for the rest, not for whether it answers '{d.answer_word}')"
            else:
                res.reason += f"; left out '{d.answer_word}', which answers the question and is not checked"
        foreign = [u for u in d.links if not any(_link_in(u, by_n[m].text) for m in d.markers)]
        if foreign and res.supported:
            res.supported, res.reason = False, f"link not in the cited text: {foreign[0]}"
        results.append((d, res))

    removed = 0
    kept: list[tuple[DraftSentence, SupportResult | None]] = []
    for d, res in results:
        if strict and (res is None or not res.supported):
            removed += 1
            continue
        if res is not None:
            _drop_redundant_markers(d, res, by_n)
        kept.append((d, res))

    # Cited passages keep their numbers; each quote is the passage's own best sentence for its claims.
    renumber: dict[int, int] = {}
    quote_spans: dict[int, list[tuple[int, int]]] = {}
    for d, res in kept:
        if res is None or not res.supported:
            continue  # not part of the answer: its markers are not listed as sources
        for m in d.markers:
            renumber.setdefault(m, m)
        for m, (s, e, _score) in zip(d.markers, res.per_evidence, strict=True):
            p = by_n[m]
            quote_spans.setdefault(m, []).append((p.start + s, p.start + e))

    sentences: list[AnswerSentence] = []
    parts: list[str] = []
    for d, res in kept:
        supported = bool(res and res.supported)
        nums = [renumber.get(m, m) for m in d.markers]
        sentences.append(AnswerSentence(text=d.text, citations=nums, supported=supported,
                                        support=res.score if res else 0.0,
                                        reason=res.reason if res else "no valid citation",
                                        draft_citations=d.draft_markers,
                                        status=d.status if supported else "unsupported"))
        if not supported:
            continue
        parts.append(with_markers(d.text, nums))

    citations: list[Citation] = []
    for old_n, new_n in sorted(renumber.items()):
        p = by_n[old_n]
        spans = quote_spans.get(old_n) or [_first_sentence(p)]
        start, end = min(s for s, _ in spans), max(e for _, e in spans)
        citations.append(Citation(
            n=new_n, doc_id=p.doc_id, title=p.title, source=p.source, published=p.published, url=p.url,
            quote=p.text[start - p.start:end - p.start], start=start, end=end, score=p.score,
            passage=p.text, passage_start=p.start, passage_end=p.end, author=p.author, language=p.language,
            published_int=p.published_int))
    return sentences, citations, " ".join(parts), removed


def with_markers(text: str, nums: list[int]) -> str:
    """A sentence with its [n] markers before its final punctuation ("... said [2].")."""
    marker_text = "".join(f"[{n}]" for n in nums)
    if not marker_text:
        return text
    if re.search(r"[.!?][\"”’)]?$", text):
        return re.sub(r"([.!?][\"”’)]?)$", lambda m: f" {marker_text}{m.group(1)}", text)
    return f"{text} {marker_text}"


def citation_for(p: Passage, n: int, start: int, end: int) -> Citation:
    """The citation of passage `p` as [n], quoting its text[start:end] (offsets relative to the passage)."""
    return Citation(n=n, doc_id=p.doc_id, title=p.title, source=p.source, published=p.published, url=p.url,
                    quote=p.text[start:end], start=p.start + start, end=p.start + end, score=p.score,
                    passage=p.text, passage_start=p.start, passage_end=p.end, author=p.author,
                    language=p.language, published_int=p.published_int)


def own_words(text: str, cited: list[Passage]) -> str:
    """The claim without an attribution to the cited article's own outlet ("According to <outlet>, ..."): the
    outlet's name comes from metadata, so only the rest can be checked against the article's words."""
    for p in cited:
        stripped = strip_own_attribution(text, p.title, p.source, p.published, p.doc_id, p.url)
        if stripped != text:
            return stripped
    return text


def passage_sentences(p: Passage) -> list[tuple[int, int]]:
    """Sentence spans relative to the passage text (from the index when stored, else re-split)."""
    spans = [(s - p.start, e - p.start) for s, e in p.sentences if p.start <= s and e <= p.end]
    return spans or split_sentences(p.text) or [(0, len(p.text))]


def _first_sentence(p: Passage) -> tuple[int, int]:
    s, e = passage_sentences(p)[0]
    return p.start + s, p.start + e


def _drop_redundant_markers(d: DraftSentence, res: SupportResult, by_n: dict[int, Passage]) -> None:
    """Keep a citation only when its passage adds evidence: drop a marker whose best sentence is the very
    same article sentence as an earlier marker's (overlapping chunks), or whose passage scores far below
    the best one (ALCE would count it irrelevant)."""
    if len(d.markers) < 2 or len(res.per_evidence) != len(d.markers):
        return  # a sentence rejected before any passage was read (a marker written as a word) has no evidence scores
    top = max(score for _, _, score in res.per_evidence)
    seen: set[tuple[str, int, int]] = set()
    keep: list[tuple[int, tuple[int, int, float]]] = []
    for m, ev in zip(d.markers, res.per_evidence, strict=True):
        p = by_n[m]
        key = (p.doc_id, p.start + ev[0], p.start + ev[1])
        if key in seen or ev[2] < 0.5 * top:
            continue
        seen.add(key)
        keep.append((m, ev))
    if keep:
        d.markers = [m for m, _ in keep]
        res.per_evidence = [ev for _, ev in keep]
