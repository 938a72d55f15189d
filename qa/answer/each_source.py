"""Each source's account: a question that compares the articles gets every retrieved article's say.

A question like "How do the two reports describe X?" or "Is it confirmed that X?" is answered well only from every
article that speaks of X, and a small model tends to answer from the first passage alone. When the question
compares sources (by its wording, `asks_each_source`) and the checked answer cites only some of the retrieved
articles, the sentence of each other retrieved article closest to what is asked (embedding similarity to the
question without its words about articles and sources) is added as an attributed exact quote ("According to
<outlet>, “...” [n]"), checked against its passage like any quote. Nothing unchecked is shown.

Hand-written: choosing which article sentence to quote for a comparison is specific to newsqa's answers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from qa.schema import AnswerSentence, Citation, Passage

if TYPE_CHECKING:
    from qa.verify.repair import Quote

# Words that make a question about several sources: "the two reports", "both articles", "each outlet", "do the
# newspapers agree". Generic news vocabulary, not any corpus's wording. "Sources" only with a count ("both sources"):
# "the security sources" are people. A singular only after "each" / "every" ("the Pentagon report" is one).
_PLURAL = r"(?:articles|reports|stories|pieces|outlets|papers|newspapers|accounts|publications)"
_SINGULAR = r"(?:article|report|story|piece|source|outlet|paper|newspaper|account|publication)"
_MANY_SOURCES = re.compile(
    rf"\b(?:both|two|three|all|these|those|different|several|various|the)\s+(?:\w+\s+)?{_PLURAL}\b"
    rf"|\b(?:both|two|three|different|several|various)\s+(?:\w+\s+)?sources\b"
    rf"|\b(?:each|every)\s+(?:\w+\s+)?{_SINGULAR}\b", re.IGNORECASE)
# "Is it confirmed that ...?", "Is it true that ...?", "Has this been verified?": whether a claim holds is a matter
# of who says it how surely. ("Did the Pentagon confirm it?" asks about one speaker: not this.)
# "How sure can we be that ...?" asks the same ("How sure was the minister?" asks about one speaker).
# "Is the deployment confirmed?" and "Is anyone sceptical?" ask it of a thing or of anyone, not of one speaker.
_CONFIRMATION = re.compile(r"^\s*(?:is|was|has|had|did|does|can)\s+(?:it|this|that|there|anyone|anybody|someone)\b"
                           r"[^?]*\b(?:confirm\w*|true|verified|certain|evidence|proof)\b"
                           r"|^\s*(?:is|was|are|were|has|have|had)\s+(?:the|this|that|these|those)\s[^?]*"
                           r"\b(?:confirmed|verified)\b"
                           r"|\b(?:is|are|was|were)\s+(?:anyone|anybody|someone)\s+(?:sceptical|skeptical|doubtful)\b"
                           r"|^\s*how\s+(?:sure|certain|confident)\s+(?:can|could|should|are|is)\s+(?:we|one|you|it)\b",
                           re.IGNORECASE)
# Words that set accounts side by side without naming them as articles: "Compare the Times story with ...", "the
# figures differ depending on where I read it", "conflicting accounts".
# ("differ" or "disagree" alone may be a party's: "Did Iran disagree with the plan?")
_COMPARING = re.compile(r"\b(?:compare|comparing|compared\s+with|conflicting\s+(?:reports|accounts|claims|figures)|"
                        r"discrepanc(?:y|ies)|depending\s+on\s+where|different\s+(?:figures|numbers|versions|"
                        r"accounts|claims))\b", re.IGNORECASE)
# Words of the question that speak of the sources rather than of what is asked; left out before it is compared
# with the articles' sentences.
_META = re.compile(rf"{_MANY_SOURCES.pattern}|\b(?:summari[sz]e[sd]?|describe[sd]?|characteri[sz]e[sd]?|"
                   r"portray(?:s|ed)?|present(?:s|ed)?|cover(?:s|ed)?|give|gives|say|says|report|compare|differ|agree)\b",
                   re.IGNORECASE)
MIN_SIMILARITY = 0.25  # cosine (all-MiniLM-L6-v2) of the quoted sentence to the asked topic; set on the dev split


def asks_each_source(question: str) -> bool:
    """Whether the question asks what several sources say (a comparison) or whether a claim is confirmed."""
    return bool(_MANY_SOURCES.search(question) or _CONFIRMATION.search(question) or _COMPARING.search(question))


def topic_of(question: str) -> str:
    """The question without its words about articles and sources ("How do the two stories characterise ISIS?" ->
    "How do ISIS?"): what a quoted sentence must be close to."""
    return re.sub(r"\s+", " ", _META.sub(" ", question)).strip()


def each_source_quotes(question: str, sentences: Sequence[AnswerSentence], citations: Sequence[Citation],
                       passages: Sequence[Passage], threshold: float | None,
                       articles: dict[str, str] | None = None, alone: bool = False) -> list[Quote]:
    """For a question that asks each source (`asks_each_source`), one attributed exact quote per retrieved article
    the answer does not cite, in retrieval order: its sentence closest to the question's topic, when that closeness
    reaches MIN_SIMILARITY and the quote passes the check. Beside a supported sentence of the answer, or
    (`alone`) as the whole answer when no sentence of the draft survived: what each article says is itself the
    answer to a comparison, and every word of it is the article's own."""
    if not asks_each_source(question) or not (alone or any(s.supported for s in sentences)):
        return []
    cited = {c.doc_id for c in citations}
    shown = {c.quote.strip() for c in citations}
    confirming = bool(_CONFIRMATION.search(question))
    # "Is it confirmed ...?" answered only by who says or confirms it: a cited article's own "could not confirm"
    # (or a confirmation, where the answer only doubts) is the other side, and is quoted too
    sides = {_side(s.text) for s in sentences if s.supported} - {""}
    candidates: dict[str, list[tuple[Passage, int, int]]] = {}
    from qa.verify.citations import passage_sentences

    for p in passages:
        if p.doc_id in cited and not confirming:
            continue
        for s, e in passage_sentences(p):
            sentence = p.text[s:e].strip()
            if not sentence or sentence in shown:
                continue
            if p.doc_id in cited and _side(sentence) in sides | {""}:
                continue
            candidates.setdefault(p.doc_id, []).append((p, s, e))
    if not candidates:
        return []
    from qa.index.embeddings import get_embedder
    from qa.verify.repair import AskedQuestion, as_quote, names_present

    names = _content_names(question, AskedQuestion(question).names, passages)
    embedder = get_embedder()
    topic = embedder.embed_one(topic_of(question))
    quotes = []
    for doc_id, cands in candidates.items():
        article = (articles or {}).get(doc_id)
        # every name the question gives must be the sentence's (or its paragraph's), as for any quoted answer
        cands = [c for c in cands if not names or names_present(names, c[0].text[c[1]:c[2]].strip(), article)]
        if not cands:
            continue
        sims = embedder.embed([p.text[s:e].strip() for p, s, e in cands]) @ topic
        # "Is it confirmed ...?" is answered by who confirms, doubts or denies: such a sentence comes first
        order = sorted(range(len(cands)), key=lambda i: (
            not (confirming and _states_certainty(cands[i][0].text[cands[i][1]:cands[i][2]])), -float(sims[i])))
        for i in order:
            if float(sims[i]) < MIN_SIMILARITY:
                continue
            p, s, e = cands[i]
            quote = as_quote(p, s, e, threshold, articles)
            if quote is not None:
                quotes.append(quote)
                break
    return quotes


# A name the question gives as a source rather than as what is asked: "the piece citing CNN", "according to AFP".
_SOURCE_CUE = re.compile(r"\b(?:citing|quoting|according\s+to|reported\s+by|quoted\s+by|told)\s+"
                         r"((?:the\s+)?(?:[A-Z][\w.&'-]*\s*)+)")


def _content_names(question: str, names: list[set[str]], passages: Sequence[Passage]) -> list[set[str]]:
    """The question's names without the sources it names ("Compare the International Business Times story with the
    piece citing CNN"): an outlet of a retrieved passage (its metadata) or a name after "citing" / "according to".
    A quote need not repeat them; each article speaks for itself and its sentence is attributed."""
    from qa import sources
    from qa.text import name_bases

    outlet: set[str] = set()
    for p in passages:
        if sources.is_known(p.source):
            for w in str(p.source).split():
                outlet |= name_bases(w)
    for m in _SOURCE_CUE.finditer(question):
        for w in m.group(1).split():
            outlet |= name_bases(w)
    return [n for n in names if not n & outlet]


def _side(sentence: str) -> str:
    """Which side of "is it confirmed?" the sentence is on: "confirmed", "doubted" (could not confirm, denied) or ""
    (it only says or reports it)."""
    from qa.verify.claims import analyse

    kinds = {att.certainty for att in analyse(sentence).attributions}
    return "doubted" if kinds & {"not_confirmed", "denied"} else "confirmed" if "confirmed" in kinds else ""


def _states_certainty(sentence: str) -> bool:
    """The sentence says who confirms, cannot confirm or denies something (qa.verify's attribution analysis)."""
    return _side(sentence) != ""
