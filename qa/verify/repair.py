"""Repair before abstaining: a sentence that fails only on who said it or how surely is re-attributed, one whose
main part is supported loses the modifier that is not, and a question no draft sentence answers may be answered with
an exact, attributed quote.

* `reattribute`: the claim's content without its attribution ("Iranian security sources said X" -> "X") is checked
  alone; when the cited text supports it, the claim is rewritten with the speaker and verb the cited sentence gives
  ("A senior security official in Baghdad told the channel that X") — least certain verb first — and the rewrite
  must pass the same check. Deterministic: words come from the claim and the evidence only.
* `trim`: a sentence its own citation does not support is checked again without one modifier at a time (a "with"
  phrase, an apposition, a relative or participle clause set off by commas, a second predicate after "and"); the
  longest remainder that passes is shown, and the left-out words are named in the reason. Never under a negation.
* `quote_answer`: when nothing of the draft answers the question, a retrieved sentence that answers it by the
  question-type check (qa/verify/question_type.py) and speaks of what the question asks is given as an exact quote,
  attributed to its source by metadata ("According to <outlet>, “...”").

Hand-written because no maintained library rewrites attributions or picks answer sentences without a model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from qa import sources
from qa.schema import Passage
from qa.verify.support import DEFAULT_THRESHOLD, SupportResult, check_support

# A quote is given only when the question's content words are this well covered by the sentence.
MIN_QUESTION_COVERAGE = 0.5
ANSWERED_PART_COVERAGE = 0.75  # a part of a question in parts that a shown sentence already answers
# A failed draft sentence restates a retrieved sentence when this share of its content words is found there.
MIN_DRAFT_COVERAGE = 0.6
# A trimmed sentence must score this much above the support threshold (as a re-pointed citation must).
TRIM_MARGIN = 0.20
_FINITE = ("VBD", "VBZ", "VBP", "MD")


@dataclass
class Repair:
    """A rewritten sentence that passed the check, and what was changed (for the reason shown)."""

    text: str
    result: SupportResult
    was: str  # the claim's attribution as written ("Iranian officials said"), or "" when it had none
    now: str  # the attribution taken from the cited text ("a senior security official in Baghdad told")


def _content_clause(claim: str):
    """(content, attribution as written) of a claim with one attribution: the reported clause of "X said (that)
    C" / "C, X said", or the rest of "According to X, C". None when the claim has no attribution or its content
    cannot be cut out cleanly."""
    from qa.verify.claims import analyse

    a = analyse(claim)
    doc = a.doc
    for att in a.attributions:
        if att.verb_i < 0:
            continue
        verb = doc[att.verb_i]
        if verb.lower_ == "according":
            cut = {t.i for t in verb.subtree}
            rest = [t for t in doc if t.i not in cut]
            was = " ".join(t.text for t in verb.subtree)
        else:
            comp = next((c for c in verb.children if c.dep_ == "ccomp"), None)
            if comp is None:
                continue
            rest = [t for t in comp.subtree if not (t.dep_ == "mark" and t.head == comp and t.lower_ == "that")]
            was = f"{att.speaker} {att.verb}".strip()
        text = "".join(t.text_with_ws for t in rest).strip(" ,;:")
        text = re.sub(r"^[\"“”'‘’]+|[\"“”'‘’]+$", "", text).strip(" ,;:.")
        if len(re.findall(r"[A-Za-z]+", text)) < 3:
            continue
        first = next(iter(t for t in rest if not t.is_punct), None)
        if first is not None and first.pos_ != "PROPN" and not first.ent_type_ and first.text != "I" and \
                text[:1].isupper() and not text[:2].isupper():
            text = text[0].lower() + text[1:]
        return text, was
    return None


def _evidence_attributions(sentence: str) -> list:
    """The evidence sentence's attributions that can head a rewrite (a speaker and a finite verb), the least
    certain first; "he"/"it" take the speaker of the reporting verb above them."""
    from qa.verify.claims import CERTAINTY_RANK, analyse, resolve_pronoun

    a = analyse(sentence)
    out = []
    for att in a.attributions:
        if att.verb_i < 0 or not att.speaker:
            continue
        if att.pronoun:
            boss = resolve_pronoun(a, att)
            if boss is att:
                continue
            att = replace(att, speaker=boss.speaker, speaker_words=boss.speaker_words, pronoun=False)
        verb = a.doc[att.verb_i]
        if verb.lower_ != "according" and verb.tag_ not in _FINITE and not any(
                c.dep_ == "aux" and c.i < verb.i for c in verb.children):
            continue  # "nothing to confirm", "responded saying": not a verb a sentence can start with
        out.append((CERTAINTY_RANK.get(att.certainty, 2), att.verb_i, att))
    return [att for _, _, att in sorted(out, key=lambda o: (o[0], o[1]))]


def _rewrite(content: str, att) -> str:
    if att.verb.lower().startswith("according"):
        head = f"According to {att.speaker},"
    else:
        recipient = f" {att.recipient}" if att.recipient else ""
        head = f"{att.speaker} {att.verb}{recipient} that"
    text = f"{head} {content}".strip()
    return text[0].upper() + text[1:] + ("" if text.endswith((".", "!", "?")) else ".")


def reattribute(claim: str, cited: Sequence[Passage], threshold: float | None,
                contexts: Sequence[str | None]) -> Repair | None:
    """A rewrite of `claim` with the speaker and verb of the cited sentence that supports its content, when the
    claim failed only on its attribution (its content alone passes) and the rewrite passes the check."""
    texts = [p.text for p in cited]
    split = _content_clause(claim)
    if split is None:
        return None
    content, was = split
    # The content alone picks the evidence sentence; it need not pass by itself: "X confirmed C" for "X could not
    # confirm C" has content C that the text does not assert, and the rewrite with "could not confirm" is right.
    alone = check_support(content, texts, threshold, context=list(contexts))
    if not alone.per_evidence:
        return None
    j = max(range(len(alone.per_evidence)), key=lambda i: alone.per_evidence[i][2])
    s, e, _ = alone.per_evidence[j]
    for att in _evidence_attributions(texts[j][s:e]):
        candidate = _rewrite(content, att)
        if candidate == claim:
            continue
        res = check_support(candidate, texts, threshold, context=list(contexts))
        if res.supported:
            return Repair(candidate, res, was, f"{att.speaker} {att.verb}".strip())
    return None


# ---- an exact quote for a question the draft did not answer ------------------------------------------------------
_WH = frozenset("""who whom whose what which when where why how many much far long big large old exact precise day
date time year place city country part""".split())


def _stems(doc) -> set[str]:
    from qa.verify.claims import content_keys

    return {w for w in content_keys(doc) if w not in _WH}


def _covers(q: str, words: set[str]) -> bool:
    """A question word found among the sentence's words, also as a shared stem of five letters or more
    ("deployment" / "deploy")."""
    return q in words or any(len(q) >= 5 and len(w) >= 5 and (q.startswith(w) or w.startswith(q) or
                                                            q[:6] == w[:6]) for w in words)


def names_present(qnames: list[set[str]], sentence: str, article: str | None) -> bool:
    """Whether each question name (as its set of bases) is in the sentence, or in the lines just before it in its
    article (what "the city" or "the channel" there refers to)."""
    import re as _re

    from qa.text import name_bases, standard_expansion

    here: set[str] = set()
    for w in _re.findall(r"[A-Za-z][\w.'-]*", sentence.replace("\u2019", "'")):
        w = _re.sub(r"'s?$", "", w)  # "al-Maliki's" names al-Maliki
        here |= name_bases(w) | standard_expansion(w)  # "U.S" names the United States
        if "-" in w:  # "al-Maliki" is named by "Maliki" too, as the question parser splits it
            for part in w.split("-"):
                here |= name_bases(part) if part[:1].isupper() else set()
    if article:
        from qa.verify.context import article_context

        ctx = article_context(article)
        here |= ctx.names_before(ctx.locate(sentence))
    from qa.text import singular

    here_sg = {singular(w) for w in here}  # "Revolutionary Guards" asked, "Revolutionary Guard soldiers" written
    return all(bases & here or {singular(b) for b in bases} & here_sg for bases in qnames)


def _name_prefix(t) -> bool:
    """`t` is the first part of a hyphenated name ("al" in "al-Maliki"), not a name before a hyphenated word
    ("U.S." in "U.S.-led")."""
    doc = t.doc
    return (not t.whitespace_ and t.i + 2 < len(doc) and doc[t.i + 1].text == "-" and not doc[t.i + 1].whitespace_
            and doc[t.i + 2].text[:1].isupper())


_LOCATIVE_PREPS = frozenset("in at near inside into to toward towards across throughout around".split())
# Words by which a sentence refers to a place named before it.
_PLACE_REF = re.compile(r"\b(?:there|the\s+(?:city|town|village|capital|region|province|district|country|area|"
                        r"port|island))\b", re.IGNORECASE)


@dataclass
class Quote:
    passage: Passage
    start: int  # in the passage text
    end: int
    text: str  # the answer sentence: the source's name, then the exact quote
    result: SupportResult


# "What <noun> did/has/is ...": the wh-word picks a noun, and the verb only frames it.
_WH_NOUN = re.compile(r"^\s*(?:what|which)\s+[a-z]+\s+(?:did|does|do|has|have|had|is|was|were|are|will|would)\b",
                      re.IGNORECASE)


class AskedQuestion:
    """What a quote must speak of to answer a question: its content words, its names, its own verbs."""

    def __init__(self, question: str):
        from qa.text import name_bases
        from qa.verify.nlp import parse
        from qa.verify.question_type import title_keys

        self.question = question
        qdoc = parse(question.strip())
        self.words = _stems(qdoc)
        # One group of keys per question word: "American" gives six ("american", "america", "us", ...) and must
        # count once, as one word, however many of its forms a sentence holds.
        # A title ("PM", "President") counts by its words, and is no name the sentence must repeat.
        self.groups = [g for g in (_stems(t.doc[t.i:t.i + 1]) | title_keys(t.text) for t in qdoc) if g]
        # every name the question gives must be the sentence's (or its paragraph's): "... to Basra?" is not
        # answered by a sentence about another province
        # A hyphenated name is one word ("al-Maliki's": the parser's "al", "-", "Maliki", "'s" are in one entity);
        # its hyphen, its possessive and a prefix glued to the next part are no names of their own.
        # A verb is no name even inside an entity: the tagger puts a question's opening imperative ("Summarise
        # how ...") in a PERSON entity.
        self.names = [name_bases(t.text) for t in qdoc if (t.pos_ == "PROPN" or t.ent_type_ in (
            "GPE", "LOC", "FAC", "ORG", "PERSON", "NORP")) and not title_keys(t.text) and t.text[:1].isalnum()
            and t.tag_ != "POS" and t.pos_ not in ("VERB", "AUX", "DET", "ADP", "CCONJ") and not _name_prefix(t)]
        # A place the question puts the asked thing in ("fighting in Syria", "sent to Basra") must be the sentence's
        # own: the lines before it may name it for "the city" or "there", but a place they name in passing (in a
        # group's name, "Islamic State of Iraq and Syria") does not move a sentence about Iraq there.
        self.places = [name_bases(t.text) for t in qdoc if t.ent_type_ in ("GPE", "LOC") and t.dep_ == "pobj"
                       and t.head.lower_ in _LOCATIVE_PREPS]
        # The asked action: verbs of the question's own clauses, not of a clause describing a participant ("Who
        # commands the soldiers sent to X?" asks about commanding; "sent" only says which soldiers).
        verbs = [t for t in qdoc if t.pos_ == "VERB" and t.lemma_.lower() not in (
            "be", "do", "have", "say", "tell") and t.dep_ not in ("acl", "relcl", "amod")]
        self.verbs = [t.lemma_.lower() for t in verbs]
        # "What condition did X attach?" asks for a condition: the wh-word picks the verb's object, and the verb
        # only frames it. "What did X decide?" asks for the decision itself: there the verb is what is asked.
        self.content_verbs = [t.lemma_.lower() for t in verbs if not any(
            c.dep_ in ("dobj", "attr") and any(d.tag_ == "WDT" for d in c.children) for c in t.children)]
        if _WH_NOUN.match(question):  # "What support did X seek ...?" however the parser attaches "support"
            self.content_verbs = []

    def subject_in(self, sentence: str) -> bool:
        """Whether the sentence speaks of the question's subject (a word of it, a name through its bases, a title
        through its words); True when the question has none."""
        from qa.verify.nlp import parse

        subjects = [t for t in parse(self.question.strip()) if t.dep_ in ("nsubj", "nsubjpass")
                    and t.lower_ not in _WH and t.pos_ != "PRON"]
        if not subjects:
            return True
        words = _stems(parse(sentence))
        return all(any(_covers(k, words) for k in _stems(t.doc[t.i:t.i + 1])) for t in subjects)

    def coverage(self, sentence: str, article: str | None, framing_verbs: bool = True) -> float:
        """Share of the question's content words the sentence covers; 0 when it fails the question-type check,
        lacks a name the question gives or speaks of none of the asked actions (`framing_verbs=False`: of the
        verbs that are asked about themselves, not of one that only frames the asked thing)."""
        from qa.verify.lexicon import same_sense
        from qa.verify.nlp import parse
        from qa.verify.question_type import missing_answer_type

        if not sentence or not self.words or missing_answer_type(self.question, [sentence]) is not None:
            return 0.0
        if self.names and not names_present(self.names, sentence, article):
            return 0.0
        if self.places and not names_present(self.places, sentence, article if _PLACE_REF.search(sentence) else None):
            return 0.0
        sdoc = parse(sentence)
        words = _stems(sdoc)
        lemmas = {t.lemma_.lower() for t in sdoc}
        verbs = self.verbs if framing_verbs else self.content_verbs
        if verbs and not any(same_sense({v}, lemmas) or _covers(v, words) for v in verbs):
            return 0.0  # the sentence must speak of an asked action, not only of its participants
        return sum(any(_covers(q, words) for q in g) for g in self.groups) / len(self.groups)


def as_quote(p: Passage, s: int, e: int, threshold: float | None, articles: dict[str, str] | None
              ) -> Quote | None:
    """The sentence p.text[s:e] as an attributed exact quote, checked against its passage like any answer
    sentence."""
    quote = p.text[s:e].strip()
    s = p.text.index(quote, s)
    e = s + len(quote)
    res = check_support(quote, [p.text], threshold, context=(articles or {}).get(p.doc_id))
    if not res.supported:
        return None
    name = sources.source_label(p.title, p.source, p.doc_id)
    return Quote(p, s, e, f"According to {name}, “{quote}”", res)


# "Did X do Y?" / "Is X still Y?": the sentence that says what X did (its names, one of its verbs, most of its
# words) answers it either way, and the reader sees the article's own words.
_YES_NO = re.compile(r"^\s*(?:is|are|was|were|do|does|did|has|have|had|will|would|can|could|should)\b", re.I)


# A question in parts: "What did X request, and what condition did Y attach?", "Did they threaten it? What did they
# say?": the parts after the first begin with a question word after ", and" / "and" or after a question mark.
_PART = re.compile(r"(?:\?\s+|,?\s+and\s+)(?=(?:what|who|whom|which|when|where|how|why)\b)", re.IGNORECASE)


def question_parts(question: str) -> list[str]:
    """The parts of a question that asks several things, each as its own question (one part: [question])."""
    cuts = [(m.start(), m.end()) for m in _PART.finditer(question)]
    if not cuts:
        return [question]
    parts, start = [], 0
    for end, nxt in cuts:
        parts.append(question[start:end].strip(" ,"))
        start = nxt
    parts.append(question[start:].strip(" ,"))
    return [p if p.endswith("?") else p.rstrip(".") + "?" for p in parts if len(p.split()) >= 3]


def part_quote(part: str, shown: Sequence[str], passages: Sequence[Passage], threshold: float | None,
               articles: dict[str, str] | None = None, draft: Sequence[str] = ()) -> Quote | None:
    """For one part of a question in parts that no shown sentence speaks of (by `AskedQuestion.coverage`), the
    retrieved sentence that does, as an attributed exact quote: the one a failed `draft` sentence restates
    (`quote_draft_source`), else the sentence that gives every name the part gives, speaks of its asked action and
    covers most of its words (of several alike, the closest to the part in meaning); None otherwise."""
    from qa.verify.citations import passage_sentences

    asked = AskedQuestion(part)
    # answered already: a shown sentence covers nearly all of the part (half of it is not enough here: "the U.S." and
    # "Iraq" in a sentence about Obama's condition do not answer what Iraq asked the U.S. for)
    if not asked.verbs or any(asked.coverage(x, None, framing_verbs=False) >= ANSWERED_PART_COVERAGE for x in shown):
        return None
    # the sentence a failed sentence of the draft restates, when it speaks of the part: the model's own pick
    if draft and (q := quote_draft_source(part, draft, passages, threshold, articles)) is not None:
        return None if _restated(q.passage.text[q.start:q.end], shown) else q
    found: list[tuple[float, Passage, int, int]] = []
    for p in passages:
        for s, e in passage_sentences(p):
            sentence = p.text[s:e].strip()
            if not sentence or any(sentence in x for x in shown):
                continue
            coverage = asked.coverage(sentence, (articles or {}).get(p.doc_id), framing_verbs=False)
            if coverage >= MIN_QUESTION_COVERAGE:
                found.append((coverage, p, s, e))
    if not found:
        return None
    top = max(x[0] for x in found)
    found = [x for x in found if x[0] == top]
    if len(found) > 1:  # several cover the part alike: the one closest to it in meaning (MiniLM cosine)
        from qa.index.embeddings import get_embedder

        embedder = get_embedder()
        sims = embedder.embed([p.text[s:e].strip() for _, p, s, e in found]) @ embedder.embed_one(part)
        found = [found[int(sims.argmax())]]
    _, p, s, e = found[0]
    return None if _restated(p.text[s:e], shown) else as_quote(p, s, e, threshold, articles)


def _restated(sentence: str, shown: Sequence[str]) -> bool:
    """Whether a shown sentence already restates `sentence` (most of its words are the sentence's): the part is
    answered, in other words than the question's ("they" for the leaders it names)."""
    from qa.verify.nlp import parse

    words = _stems(parse(sentence.strip()))
    for x in shown:
        xw = _stems(parse(x))
        if xw and sum(_covers(w, words) for w in xw) / len(xw) >= MIN_DRAFT_COVERAGE:
            return True
    return False


def quote_answer(question: str, passages: Sequence[Passage], threshold: float | None,
                 articles: dict[str, str] | None = None) -> Quote | None:
    """The retrieved sentence that answers `question` (by the question-type check; only for question types the
    check knows, and for yes/no questions) and covers most of its content words and one of its verbs, as an
    attributed exact quote; None when no sentence does. The quote is checked against its passage like any answer
    sentence. For a yes/no question the sentence must also speak of the question's subject."""
    from qa.verify.citations import passage_sentences
    from qa.verify.question_type import question_type

    yes_no = question_type(question) is None
    if yes_no and not _YES_NO.match(question):
        return None
    asked = AskedQuestion(question)
    best: tuple[float, Passage, int, int] | None = None
    for p in passages:
        for s, e in passage_sentences(p):
            sentence = p.text[s:e].strip()
            if yes_no and not asked.subject_in(sentence):
                continue  # "Did the governor reopen it?" is not answered by what the mayor did
            coverage = asked.coverage(sentence, (articles or {}).get(p.doc_id))
            if coverage >= MIN_QUESTION_COVERAGE and (best is None or coverage > best[0]):
                best = (coverage, p, s, e)
    return None if best is None else as_quote(best[1], best[2], best[3], threshold, articles)


def quote_draft_source(question: str, claims: Sequence[str], passages: Sequence[Passage],
                       threshold: float | None, articles: dict[str, str] | None = None) -> Quote | None:
    """For any kind of question: when the draft's sentences all failed the check, the retrieved sentence one of
    them restates (it holds at least MIN_DRAFT_COVERAGE of the draft sentence's content words), as an attributed
    exact quote, provided it speaks of what the question asks (as `quote_answer` requires). The model's draft
    picks the sentence; the reader sees only the article's own words, never the failed rewording."""
    from qa.verify.citations import passage_sentences
    from qa.verify.nlp import parse

    asked = AskedQuestion(question)
    best: tuple[float, Passage, int, int] | None = None
    for claim in claims:
        cwords = _stems(parse(claim))
        if len(cwords) < 3:
            continue
        for p in passages:
            for s, e in passage_sentences(p):
                sentence = p.text[s:e].strip()
                words = _stems(parse(sentence)) if sentence else set()
                restated = sum(_covers(w, words) for w in cwords) / len(cwords)
                if restated < MIN_DRAFT_COVERAGE:
                    continue
                # "What condition did X attach?" frames its question with a verb the answer need not repeat;
                # the draft says which sentence is meant.
                coverage = asked.coverage(sentence, (articles or {}).get(p.doc_id), framing_verbs=False)
                if coverage >= MIN_QUESTION_COVERAGE and (best is None or restated + coverage > best[0]):
                    best = (restated + coverage, p, s, e)
    return None if best is None else as_quote(best[1], best[2], best[3], threshold, articles)


# ---- leaving out an unsupported modifier ---------------------------------------------------------------------------
# Constituents whose removal leaves a sentence the full one entails: a "with"/"including" phrase, an apposition or a
# relative clause set off by a comma, a relative clause on an indefinite noun, a participle clause after a comma, a
# second predicate after "and" (of any clause). Hand-written: no maintained library simplifies sentences without a
# model.
_TRIM_PREPS = frozenset({"with", "including"})
# Under a negation or a restricting word, leaving words out can make a sentence stronger ("did not fight with X").
_NO_TRIM_WORDS = frozenset("not n't no never without none nobody neither nor only unless if except".split())


def _trim_spans(doc) -> list[tuple[int, int]]:
    """Token ranges [start, end) of `doc` that can be left out without the rest saying more than the whole."""
    roots = [t for t in doc if t.dep_ == "ROOT"]
    if len(roots) != 1:
        return []
    root = roots[0]
    out = []
    for t in doc:
        sub = sorted(x.i for x in t.subtree)
        lo, hi = sub[0], sub[-1] + 1
        after_comma = lo > 0 and doc[lo - 1].text == ","
        # a relative clause on an indefinite noun ("a militant group that has seized towns") may go without commas:
        # "a group that did X" is "a group"
        indefinite = t.dep_ == "relcl" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in t.head.children)
        if (t.dep_ in ("appos", "relcl") and after_comma) or indefinite or \
                (t.dep_ == "prep" and t.lower_ in _TRIM_PREPS and t.i > t.head.i) or \
                (t.dep_ in ("advcl", "acl") and t.tag_ == "VBG" and after_comma):
            pass
        elif t.dep_ == "conj" and t.pos_ in ("VERB", "AUX") and t.head.pos_ in ("VERB", "AUX"):
            # "X did A and B" entails "X did A", in the main clause or in a reported or relative one
            cc = [c.i for c in t.head.children if c.dep_ == "cc" and c.i < lo]
            if not cc or cc[-1] != lo - 1 or doc[cc[-1]].lower_ != "and":
                continue
            lo = cc[-1]
        else:
            continue
        if hi < len(doc) and doc[hi].text not in (",", ".", ";", "!", "?"):
            continue  # set off from what follows, or the sentence's end: not a word the rest leans on
        if lo > 0 and doc[lo - 1].text == ",":
            lo -= 1
            if hi < root.i and doc[hi].text == ",":
                hi += 1  # "Mayor X, a former teacher, opened": both commas go with the apposition
        if lo <= root.i < hi or hi - lo >= len(doc) - 3:
            continue
        out.append((lo, hi))
    return out


def _without(doc, spans: Sequence[tuple[int, int]]) -> str:
    gone = {i for lo, hi in spans for i in range(lo, hi)}
    parts: list[str] = []
    for t in doc:
        if t.i in gone:
            continue
        if t.i - 1 in gone and parts and not parts[-1].endswith(" ") and not t.is_punct:
            parts.append(" ")  # "Ortiz" lost its comma and the space came after it
        parts.append(t.text_with_ws)
    text = "".join(parts).strip()
    text = re.sub(r"\s+([,.;:!?])", r"\1", re.sub(r"\s{2,}", " ", text))
    text = re.sub(r"[,;:]\s*([.!?])?$", r"\1", text).strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def trim(claim: str, cited: Sequence[Passage], threshold: float | None,
         contexts: Sequence[str | None]) -> Repair | None:
    """The claim without the modifier its cited text does not support, when what is left passes the check: a
    sentence true in its main part keeps that part ("Kerrow is the region's second-largest town, with a population of
    40,000" -> "Kerrow is the region's second-largest town."). The longest passing remainder wins; nothing is
    added."""
    from qa.verify.nlp import parse

    doc = parse(claim)
    spans = _trim_spans(doc)
    if not spans:
        return None
    texts = [p.text for p in cited]
    candidates = [[s] for s in spans]
    disjoint = [s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)]
    if len(disjoint) > 1:
        candidates.append(disjoint)
    best: Repair | None = None
    for drop in candidates:
        gone = {i for lo, hi in drop for i in range(lo, hi)}
        if any(t.lower_ in _NO_TRIM_WORDS for t in doc if t.i not in gone):
            continue
        text = _without(doc, drop)
        if len(re.findall(r"[A-Za-z]+", text)) < 4:
            continue
        res = check_support(text, texts, threshold, context=list(contexts))
        # What is left is shorter than anything the model wrote and was chosen because it passes: it must clear
        # the stricter bar of a corrected citation (a bare "X has collapsed" passes on overlap alone).
        if res.supported and res.score >= (DEFAULT_THRESHOLD if threshold is None else threshold) + TRIM_MARGIN \
                and (best is None or len(text) > len(best.text)):
            dropped = " … ".join(doc[lo:hi].text.strip(" ,") for lo, hi in sorted(drop))
            best = Repair(text, res, dropped, "")
    return best
