"""The claim layer of multi-source summaries: attributed claims per article, grouped across articles.

1. `extract_claims(doc)`: one `ArticleClaim` per article sentence that asserts something — who says it (the
   outermost attribution of the sentence; "he" takes the previous claim's speaker), how surely (confirmed / said /
   reportedly / not_confirmed / denied, or `stated` in the article's own voice), its main predicate, the argument
   words, numbers with units and dates. The reading is `qa.verify.claims.analyse` (the verifier's own parse), not a
   second parser. Headings, bylines and other lines that assert nothing are not claims.
2. `group_claims(claims)`: claims of different articles about the same thing are linked (embedding similarity of
   what is reported, plus a matching predicate or shared arguments) and grouped, each claim in at most one group.
3. Each group is classified: **conflict** when the same thing is given with a different number, unit, date or
   certainty (one account confirms or states it, another could not confirm or denies it), **agreement** when two
   or more articles report it, and every claim in no group is **single**-source.

Deterministic, general rules only (English attribution grammar, the verifier's word lists): nothing here knows a
name, place or phrase of any article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

import numpy as np
from pydantic import BaseModel, Field

from qa.ingest.chunking import split_sentences
from qa.schema import Document
from qa.sources import source_label
from qa.text import key, name_bases
from qa.verify.claims import IRREALIS_VERBS, Analysis, Attribution, analyse
from qa.verify.lexicon import same_sense

Certainty = Literal["confirmed", "said", "reportedly", "not_confirmed", "denied", "stated"]
GroupKind = Literal["agreement", "conflict", "single"]
DiffersOn = Literal["", "number", "unit", "date", "certainty"]

NEGATIVE = frozenset({"not_confirmed", "denied"})
LINK_SIM = 0.6  # cosine of two reported contents that are the same claim when their main actions share arguments
PRED_SIM = 0.5  # ... or when their main actions are the same verb (or a synonym) with a shared argument
TOPIC_SIM = 0.65  # ... or, at this cosine, when the two sentences share four argument words (different verbs)
SURE_SIM = 0.8  # cosine at which two contents are the same claim whatever their parse says
OPPOSE_SIM = 0.45  # cosine of a claim and another account that cannot confirm or denies it (plus shared arguments)
MIN_SHARED = 2  # argument words two linked claims must share when their predicates differ
MIN_WORDS = 5  # fewer words without a finite clause is a heading or a label, not a claim
_BYLINE = re.compile(r"^(?:by|photo(?:graph)?:?|image:?|credit:?|reporting by|editing by)\s+[A-Z]", re.I)
_TERMINAL = re.compile(r"[.!?][\"'”’)]*\s*$|[\"”’]\s*$")
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|we|we're|we've|our|us|my)\b", re.I)
# Length units the conversion check knows (metres per unit): "100 km" and "62 miles" are one value.
_LENGTH = {"km": 1000.0, "kilometre": 1000.0, "kilometer": 1000.0, "mile": 1609.344, "m": 1.0, "metre": 1.0,
           "meter": 1.0}


class NumberValue(BaseModel):
    """A number a claim gives: value, canonical unit (None when bare), and the words as written."""

    value: float
    unit: str | None = None
    text: str


class ArticleClaim(BaseModel):
    """One attributed claim: an article sentence with who says it, how surely, and what it is about."""

    id: str  # "<doc_id>#<sentence number>"
    doc_id: str
    outlet: str  # how a summary names the article (qa.sources.source_label: metadata, never a file name)
    index: int  # sentence number in the article
    start: int  # offsets of the sentence in the article text
    end: int
    text: str
    speaker: str = ""  # as the article names them; "" when the article states it in its own voice
    certainty: Certainty = "stated"
    verb: str = ""  # the attribution as written ("have confirmed", "could not confirm", "reportedly")
    content: str = ""  # what is reported, without the attribution (the whole sentence when it cannot be split)
    quoted: bool = False  # the content is the speaker's own words in quotation marks
    cite_start: int | None = None  # start of the sentence before, when that one names the speaker ("He said")
    predicate: str = ""  # lemma of the main reported action ("deploy", "send", "rule out")
    forms: list[str] = Field(default_factory=list)  # the main predicate's forms (for same-sense matching)
    contemplated: bool = False  # the main action is only considered, possible or future ("would consider")
    main_subject: list[str] = Field(default_factory=list)  # content words of the main action's doer
    main_arguments: list[str] = Field(default_factory=list)  # what the main action acts on, and its places
    arguments: list[str] = Field(default_factory=list)  # content words of every action's doers, objects, places
    numbers: list[NumberValue] = Field(default_factory=list)
    dates: list[str] = Field(default_factory=list)  # dates with a day or year ("june 12", "2011")


class ClaimGroup(BaseModel):
    """Claims about one thing: agreement (two or more articles), conflict (different values), or single."""

    id: str
    kind: GroupKind
    claims: list[ArticleClaim]
    differs_on: DiffersOn = ""
    about: list[str] = Field(default_factory=list)  # argument words the claims share

    @property
    def doc_ids(self) -> list[str]:
        return list(dict.fromkeys(c.doc_id for c in self.claims))


# ---- extraction --------------------------------------------------------------------------------------------
def is_claim_text(text: str, analysis: Analysis) -> bool:
    """False for headings, bylines, labels and fragments: a claim has a verb and reads as a sentence."""
    words = text.split()
    if _BYLINE.match(text.strip()) and len(words) <= 10:
        return False
    has_clause = any(not p.light or p.obj or p.preps for p in analysis.predicates) or any(
        a.speaker for a in analysis.attributions)
    if not has_clause:
        return False
    return len(words) >= MIN_WORDS or bool(_TERMINAL.search(text))


def _depth(analysis: Analysis, i: int) -> int:
    return sum(1 for _ in analysis.doc[i].ancestors) if 0 <= i < len(analysis.doc) else 99


def _as_written(analysis: Analysis, phrase: str) -> str:
    """A phrase the parser joined token by token ("Iran 's chief") as written in the sentence ("Iran's chief")."""
    tokens = phrase.split()
    if not tokens:
        return ""
    m = re.search(r"\s*".join(re.escape(t) for t in tokens), analysis.text)
    return m.group(0).strip(" ,–-") if m else phrase


def _main_attribution(analysis: Analysis) -> Attribution | None:
    """The attribution that governs the sentence: the reporting verb nearest the root ("X said ...", "...,
    sources have confirmed"), not one inside a subordinate clause ("after a video of militants threatening")."""
    named = [a for a in analysis.attributions if a.speaker and a.verb_i >= 0]
    if not named:
        return None
    best = min(named, key=lambda a: (_depth(analysis, a.verb_i), a.pronoun, a.verb_i))
    return best if _depth(analysis, best.verb_i) <= 1 else None


def _certainty(analysis: Analysis, main: Attribution | None) -> tuple[Certainty, str]:
    negative = [a for a in analysis.attributions if a.certainty in NEGATIVE]
    if negative:
        a = min(negative, key=lambda a: _depth(analysis, a.verb_i))
        return a.certainty, a.verb  # "said it could not confirm": the content is not confirmed
    if main is not None and main.certainty == "confirmed":
        return "confirmed", main.verb
    if analysis.hedged:
        return "reportedly", analysis.hedged
    if main is not None:
        return "said", main.verb
    return "stated", ""


def _content(analysis: Analysis, main: Attribution | None) -> tuple[str, bool]:
    """(what the speaker says, whether it is their own quoted words): the clause the reporting verb governs."""
    text = analysis.text.strip()
    if main is None or main.verb_i < 0 or main.verb.startswith("according to"):
        return text, False
    verb = analysis.doc[main.verb_i]
    comp = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp", "parataxis")), None)
    if comp is None:
        return text, False
    toks = sorted(comp.subtree, key=lambda t: t.i)
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
    clause = analysis.text[start:end].strip(" ,:;–-")
    before = analysis.text[:start].rstrip()
    quoted = before.endswith(("\"", "“", "'", "‘")) or analysis.text[start:start + 1] in "\"“" or bool(
        _FIRST_PERSON.search(clause))
    clause = re.sub(r"^that\s+", "", clause).strip("\"“”' ,")
    if len(clause.split()) < 3:
        return text, False
    return clause, quoted


def _arguments(analysis: Analysis, predicates: list | None = None, subject: bool = True) -> list[str]:
    words: set[str] = set()
    for p in analysis.predicates if predicates is None else predicates:
        words |= (p.subject | p.obj) if subject else p.obj
        for v in p.preps.values():
            words |= v
    return sorted(words)


def _main_predicate(analysis: Analysis, content: str):
    """The action the claim reports: the highest non-light predicate inside the reported content."""
    inside = [p for p in analysis.predicates if 0 <= p.i < len(analysis.doc) and analysis.doc[p.i].text in content]
    core = inside or analysis.predicates
    return min(core, key=lambda p: (p.light, _depth(analysis, p.i), p.i)) if core else None


def _resolve(speaker: str, pronoun: bool, previous: str) -> str:
    """"He said ..." names the speaker of the claim before (the article's own coreference, kept simple)."""
    if pronoun and previous:
        return previous
    return speaker


def extract_claims(doc: Document) -> list[ArticleClaim]:
    """The claims of one article, in order (see the module docstring)."""
    out: list[ArticleClaim] = []
    outlet = source_label(doc.title, doc.source, doc.doc_id)
    previous, previous_at = "", (-1, 0)  # the last named speaker, and (sentence number, start) where named
    for i, (s, e) in enumerate(split_sentences(doc.text)):
        text = doc.text[s:e]
        if not re.search(r"[A-Za-z]", text):
            continue
        a = analyse(text)
        if not is_claim_text(text, a):
            continue
        main = _main_attribution(a)
        speaker = _resolve(_as_written(a, main.speaker), main.pronoun, previous) if main else ""
        certainty, verb = _certainty(a, main)
        content, quoted = _content(a, main)
        if content == a.text.strip():
            content = text  # no reported clause apart from the attribution: the sentence as written
        cite_start = previous_at[1] if main and main.pronoun and previous and previous_at[0] == i - 1 else None
        if speaker and not (main and main.pronoun):
            previous, previous_at = speaker, (i, s)
        elif speaker:
            previous_at = (i, cite_start if cite_start is not None else s)
        main_pred = _main_predicate(a, content)
        out.append(ArticleClaim(
            id=f"{doc.doc_id}#{i}", doc_id=doc.doc_id, outlet=outlet, index=i, start=s, end=e, text=text,
            speaker=speaker, certainty=certainty, verb=verb, content=content, quoted=quoted, cite_start=cite_start,
            predicate=main_pred.lemma if main_pred else "",
            forms=sorted(main_pred.forms) if main_pred else [],
            contemplated=bool(main_pred and (main_pred.irrealis or main_pred.lemma in IRREALIS_VERBS)),
            main_subject=sorted(main_pred.subject) if main_pred else [],
            main_arguments=_arguments(a, [main_pred], subject=False) if main_pred else [], arguments=_arguments(a),
            numbers=[NumberValue(value=q.value, unit=q.unit, text=q.shown()) for q in a.quantities if not q.ordinal],
            dates=[d.value for d in a.dates if re.search(r"\d", d.value)]))
    return out


# ---- grouping ----------------------------------------------------------------------------------------------
def _expanded(words: Sequence[str]) -> list[set[str]]:
    return [name_bases(w) | {key(w)} for w in words]


def shared_arguments(a: ArticleClaim, b: ArticleClaim, main: bool = False) -> list[str]:
    """Argument words of `a` that `b` also has (a demonym matches its place: "Iranian" / "Iran"); with `main`,
    of what the two main actions act on (objects and places, not doers)."""
    mine, other = (a.main_arguments, b.main_arguments) if main else (a.arguments, b.arguments)
    return _shared(mine, other)


def _shared(mine: Sequence[str], other: Sequence[str]) -> list[str]:
    theirs = set().union(*_expanded(other)) if other else set()
    return [w for w, forms in zip(mine, _expanded(mine), strict=True) if forms & theirs]


def predicates_match(a: ArticleClaim, b: ArticleClaim) -> bool:
    return bool(a.forms and b.forms and same_sense(set(a.forms), set(b.forms)))


def _opposed(a: ArticleClaim, b: ArticleClaim) -> bool:
    return (a.certainty in NEGATIVE) != (b.certainty in NEGATIVE)


def link(a: ArticleClaim, b: ArticleClaim, sim: float) -> bool:
    """Whether two claims of different articles speak of the same thing."""
    if _opposed(a, b):
        return sim >= OPPOSE_SIM and len(shared_arguments(a, b)) >= MIN_SHARED
    if sim >= SURE_SIM:
        return True
    if a.contemplated != b.contemplated:
        return False  # "is considering sending troops" is not "has sent troops"
    acted_on = len(shared_arguments(a, b, main=True))
    doers = len(_shared(a.main_subject, b.main_subject))
    if sim >= PRED_SIM and predicates_match(a, b) and acted_on >= 1:
        return True
    if sim >= LINK_SIM and acted_on >= 1 and acted_on + doers >= MIN_SHARED:
        return True
    return sim >= TOPIC_SIM and len(shared_arguments(a, b)) >= 2 * MIN_SHARED


def claim_vectors(claims: Sequence[ArticleClaim]) -> np.ndarray:
    """Embeddings of what each claim reports (its content, not its attribution)."""
    from qa.index.embeddings import get_embedder

    return get_embedder().embed([c.content or c.text for c in claims])


def group_claims(claims: Sequence[ArticleClaim], vectors: np.ndarray | None = None) -> list[ClaimGroup]:
    """Agreement and conflict groups across articles, then one single-source group per remaining claim.

    Links are taken strongest first; a claim joins the group of a claim it links to (each claim in one group at
    most), so a group may hold several accounts of one article (a claim and that article's own doubt about it)."""
    claims = list(claims)
    if not claims:
        return []
    vecs = claim_vectors(claims) if vectors is None else vectors
    sims = vecs @ vecs.T
    links = [(float(sims[i, j]), i, j) for i in range(len(claims)) for j in range(i + 1, len(claims))
             if claims[i].doc_id != claims[j].doc_id and link(claims[i], claims[j], float(sims[i, j]))]
    links.sort(key=lambda x: (-x[0], x[1], x[2]))
    member: dict[int, int] = {}
    groups: list[list[int]] = []
    for _sim, i, j in links:
        gi, gj = member.get(i), member.get(j)
        if gi is None and gj is None:
            member[i] = member[j] = len(groups)
            groups.append([i, j])
        elif gi is None or gj is None:
            g, new = (gj, i) if gi is None else (gi, j)
            members = groups[g]
            # joins only when it speaks of the group's thing with every member of another article too
            if all(link(claims[new], claims[m], float(sims[new, m])) for m in members
                   if claims[m].doc_id != claims[new].doc_id):
                member[new] = g
                members.append(new)
    out: list[ClaimGroup] = []
    for members in groups:
        members.sort(key=lambda m: (claims[m].doc_id, claims[m].index))
        out.append(classify([claims[m] for m in members], f"g{len(out) + 1}"))
    for i, c in enumerate(claims):
        if i not in member:
            out.append(ClaimGroup(id=f"s{len(out) + 1}", kind="single", claims=[c]))
    return out


# ---- classification ----------------------------------------------------------------------------------------
def _metres(n: NumberValue) -> float | None:
    unit = (n.unit or "").rstrip("s")
    return n.value * _LENGTH[unit] if unit in _LENGTH else None


def number_difference(a: ArticleClaim, b: ArticleClaim) -> DiffersOn:
    """"number" when two claims give different values for a quantity of one kind (bare numbers, one unit, or
    lengths that do not convert into each other within 10%), "unit" when the same value comes with different
    length units, else "". Quantities of different kinds ("85 percent", "2 battalions") are not compared."""
    for x in a.numbers:
        for y in b.numbers:
            mx, my = _metres(x), _metres(y)
            if mx is not None and my is not None:
                if abs(mx - my) > 0.1 * max(mx, my):
                    return "unit" if x.value == y.value else "number"
            elif x.unit == y.unit and x.value != y.value:
                return "number"
    return ""


def classify(claims: list[ArticleClaim], group_id: str) -> ClaimGroup:
    """Conflict (certainty, number, unit or date differs between articles), else agreement (two or more
    articles), else single."""
    docs = list(dict.fromkeys(c.doc_id for c in claims))
    about = sorted(set(shared_arguments(claims[0], claims[1]))) if len(claims) > 1 else []
    if len(docs) < 2:
        return ClaimGroup(id=group_id, kind="single", claims=claims)
    pairs = [(a, b) for i, a in enumerate(claims) for b in claims[i + 1:] if a.doc_id != b.doc_id]
    if any(_opposed(a, b) for a, b in pairs):
        return ClaimGroup(id=group_id, kind="conflict", claims=claims, differs_on="certainty", about=about)
    for a, b in pairs:
        if not predicates_match(a, b):
            continue
        diff = number_difference(a, b)
        if diff:
            return ClaimGroup(id=group_id, kind="conflict", claims=claims, differs_on=diff, about=about)
        if a.dates and b.dates and not set(a.dates) & set(b.dates):
            return ClaimGroup(id=group_id, kind="conflict", claims=claims, differs_on="date", about=about)
    return ClaimGroup(id=group_id, kind="agreement", claims=claims, about=about)


def analyse_documents(docs: Sequence[Document]) -> tuple[list[ArticleClaim], list[ClaimGroup]]:
    """Every claim of `docs` and their groups."""
    claims = [c for d in docs for c in extract_claims(d)]
    return claims, group_claims(claims)
