"""Writing a summary from claim groups (qa/summarize/claim_groups.py): one sentence per group, every one checked.

* agreement — "<what they report>, according to <outlet A> [1] and <speaker>, cited by <outlet B> [2]." The
  statement is the model's wording when the verifier finds it supported by EVERY agreeing outlet's sentence,
  else the first claim's own content that is; when none is, the group is not presented as agreement (its
  claims become single-source items).
* conflict — deterministic, no model: "Accounts differ on whether this is confirmed: <speaker> confirmed that
  <content>, according to <outlet> [1]; <speaker> said that it could not confirm <...>, according to <outlet> [2]."
  Each account is checked against its own sentence; one that fails is quoted verbatim instead.
* single — "Only <outlet> reports that <speaker said what> [n]." (the model's wording when it passes the check).

Numbers and speakers come from the claims: the model words only the statement or restatement, and the verifier
rejects a wording whose number, speaker or certainty its sentence does not give. Outlets are named from metadata
(`ArticleClaim.outlet`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from qa.generate.llm import count_tokens
from qa.generate.messages import ChatMessage, MessageRole
from qa.generate.prompts import load_prompt, load_prompt_text
from qa.schema import AnswerSentence, Citation, Document, SummaryAccount, SummaryItem, SummarySection
from qa.summarize.claim_groups import NEGATIVE, ArticleClaim, ClaimGroup
from qa.summarize.loaded_terms import Lexicon, load_lexicon
from qa.summarize.metrics import own_voice_terms
from qa.verify.citations import defang
from qa.verify.support import check_support

HEADINGS = {"agreement": "What the sources agree on:", "conflict": "Where the accounts differ:",
            "single": "Reported by one source only:"}
KINDS = ("agreement", "conflict", "single")
DIFFER_LEADS = {"certainty": "Accounts differ on whether this is confirmed", "number": "Accounts of the number differ",
                "unit": "Accounts differ on the unit", "date": "Accounts of the date differ"}
MAX_ACCOUNTS = 4  # accounts per conflict sentence
MAX_ITEMS_PER_CALL = 4
_MARKER = re.compile(r"\s*\[\d+\]")
_NUMBERED = re.compile(r"^\s*(?:\d+[.):]|-|\*)\s*")
_ITEM_LABEL = re.compile(r"^\s*\**\s*item\s*\d+\s*\**\s*[:.)\-–]?\s*\**\s*", re.I)


@dataclass
class Checker:
    """The verifier as the writer uses it: a wording against one article sentence, with the article as
    context (for "he", "the president")."""

    threshold: float | None
    documents: dict[str, Document]
    lexicon: Lexicon | None = None

    def loaded(self, text: str) -> bool:
        """Whether `text` uses a loaded word in its own voice (then the article's sentence is quoted instead)."""
        return bool(own_voice_terms(text, self.lexicon or load_lexicon()))

    def __call__(self, text: str, claim: ArticleClaim) -> bool:
        doc = self.documents.get(claim.doc_id)
        evidence = doc.text[claim.cite_start:claim.end] if doc and claim.cite_start is not None else claim.text
        return check_support(text, [evidence], self.threshold, context=doc.text if doc else None).supported


@dataclass
class Written:
    """Items per section, the citations they use, the draft items (the model's wording before any fallback)
    and notes."""

    sections: list[SummarySection]
    draft: list[SummarySection]
    citations: list[Citation]
    notes: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)


def _strip_end(text: str) -> str:
    return re.sub(r"[\s.;,]+$", "", text.strip())


def _lower_first(text: str) -> str:
    """"The Pentagon said" -> "the Pentagon said" after a colon or "that"; names keep their capital."""
    return text[:1].lower() + text[1:] if re.match(
        r"(?:The|A|An|As|In|On|At|After|Before|While|When|Since|However|Meanwhile|Two|Three|Four|Five|Six|Seven|"
        r"Eight|Nine|Ten|Several|Some|Many|Most|Both)\s", text) else text


def account_text(c: ArticleClaim, check: Checker) -> tuple[str, str]:
    """(who said what, phrasing): "<speaker> <verb> that <content>" when the verifier accepts it against the
    claim's sentence, else the sentence quoted verbatim."""
    content = _strip_end(c.content)
    if c.speaker and c.quoted:
        text = f"{c.speaker} said: “{content}”"
    elif c.speaker:
        verb = {"confirmed": "confirmed", "denied": "denied"}.get(c.certainty, "said")
        if c.certainty in NEGATIVE and not re.search(r"confirm|den(?:y|ied)|verif", content, re.I):
            verb = "said they could not confirm" if c.certainty == "not_confirmed" else "denied"
        text = f"{c.speaker} {verb} that {_lower_first(content)}"
    else:
        text = content
    if c.content != c.text and not check.loaded(text) and check(text, c):
        return text, "template"
    return f"“{_strip_end(c.text)}”", "quote"


def _account(c: ArticleClaim, n: int, value: str = "") -> SummaryAccount:
    return SummaryAccount(n=n, doc_id=c.doc_id, outlet=c.outlet, speaker=c.speaker, certainty=c.certainty,
                          value=value, claim=c.text, start=c.start, end=c.end)


def _cited_by(c: ArticleClaim, n: int) -> str:
    return f"{c.speaker}, cited by {c.outlet} [{n}]" if c.speaker else f"{c.outlet} [{n}]"


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


class Numbering:
    """Citation numbers: one per claim sentence used, in order of first use."""

    def __init__(self, documents: dict[str, Document]) -> None:
        self.documents = documents
        self.by_claim: dict[str, int] = {}
        self.citations: list[Citation] = []

    def __call__(self, c: ArticleClaim) -> int:
        if c.id not in self.by_claim:
            n = len(self.citations) + 1
            self.by_claim[c.id] = n
            d = self.documents.get(c.doc_id)
            meta = {"title": d.title, "source": d.source, "published": d.published, "url": d.url,
                    "author": d.author, "language": d.language, "published_int": d.published_int} if d else {}
            # a claim whose speaker is named in the sentence before ("He said ...") cites both sentences
            start = c.cite_start if c.cite_start is not None else c.start
            quote = d.text[start:c.end] if d else c.text
            self.citations.append(Citation(n=n, doc_id=c.doc_id, quote=quote, start=start, end=c.end,
                                           passage=quote, passage_start=start, passage_end=c.end, **meta))
        return self.by_claim[c.id]


def _sentence(text: str, ns: list[int], supported: bool, reason: str) -> AnswerSentence:
    return AnswerSentence(text=text, citations=list(dict.fromkeys(ns)), supported=supported,
                          support=1.0 if supported else 0.0, reason=reason)


# ---- conflicts: deterministic ------------------------------------------------------------------------------
def _sides(group: ClaimGroup) -> list[ArticleClaim]:
    """One account per article and side (confirming/stating vs not confirming/denying), unquoted ones first."""
    chosen: dict[tuple[str, bool], ArticleClaim] = {}
    for c in sorted(group.claims, key=lambda c: (c.quoted, c.index)):
        chosen.setdefault((c.doc_id, c.certainty in NEGATIVE), c)
    ordered = sorted(chosen.values(), key=lambda c: (c.certainty in NEGATIVE, c.doc_id, c.index))
    return ordered[:MAX_ACCOUNTS]


def _value(c: ArticleClaim, differs_on: str) -> str:
    if differs_on == "certainty":
        return c.certainty
    if differs_on in ("number", "unit"):
        return ", ".join(n.text for n in c.numbers)
    if differs_on == "date":
        return ", ".join(c.dates)
    return ""


def conflict_item(group: ClaimGroup, number: Numbering, check: Checker) -> SummaryItem:
    parts, accounts, ok, phrasing = [], [], True, "template"
    for c in _sides(group):
        n = number(c)
        text, how = account_text(c, check)
        phrasing = "quote" if how == "quote" else phrasing
        parts.append(f"{text}, according to {c.outlet} [{n}]")
        accounts.append(_account(c, n, _value(c, group.differs_on)))
    lead = DIFFER_LEADS.get(group.differs_on, "Accounts differ")
    text = f"{lead}: " + "; ".join(_lower_first(p) if i else p for i, p in enumerate(parts)) + "."
    sentence = _sentence(text, [a.n for a in accounts], ok, "each account checked against its own sentence")
    return SummaryItem(kind="conflict", sentence=sentence, differs_on=group.differs_on, accounts=accounts,
                       group_id=group.id, phrasing=phrasing)


# ---- agreements and singles: the model words, the verifier decides ------------------------------------------
def _one_per_doc(group: ClaimGroup) -> list[ArticleClaim]:
    seen: dict[str, ArticleClaim] = {}
    for c in sorted(group.claims, key=lambda c: (c.quoted, c.index)):
        seen.setdefault(c.doc_id, c)
    return list(seen.values())


def agreed_statement(group: ClaimGroup, worded: str | None, check: Checker) -> tuple[str | None, str]:
    """(a statement every article of the group supports, phrasing): the model's wording, else a claim's own
    content; None when neither is supported by all of them."""
    claims = _one_per_doc(group)
    candidates = ([(worded, "model")] if worded else []) + [(_strip_end(c.content), "template") for c in claims]
    for text, how in candidates:
        text = _strip_end(_MARKER.sub("", text))
        if how == "model" and ("[" in text or re.search(r"[.!?]\s+\S", text)):
            continue  # one sentence, nothing bracketed
        if len(text.split()) >= 3 and not check.loaded(text) and all(check(text, c) for c in claims):
            return text, how
    return None, ""


def agreement_item(group: ClaimGroup, statement: str, phrasing: str, number: Numbering) -> SummaryItem:
    claims = _one_per_doc(group)
    ns = [number(c) for c in claims]
    text = f"{statement[:1].upper()}{statement[1:]}, according to " + _join(
        [_cited_by(c, n) for c, n in zip(claims, ns, strict=True)]) + "."
    sentence = _sentence(text, ns, True, "statement checked against every cited article")
    return SummaryItem(kind="agreement", sentence=sentence, statement=statement, group_id=group.id,
                       accounts=[_account(c, n) for c, n in zip(claims, ns, strict=True)], phrasing=phrasing)


def usable_wording(w: str, c: ArticleClaim) -> bool:
    """A model restatement may be checked at all: one sentence of at least three words, no bracketed additions,
    and the claim's speaker as the article names them (the speaker comes from the claim, never from the model:
    "He said ..." or a respelt name is not used)."""
    if len(w.split()) < 3 or "[" in w or re.search(r"[.!?]\s+\S", w):
        return False
    return not c.speaker or c.speaker.lower() in w.lower()


def single_item(c: ArticleClaim, worded: str | None, number: Numbering, check: Checker, group_id: str
                ) -> tuple[SummaryItem, SummaryItem | None]:
    """(the item, the model's draft item when its wording failed the check)."""
    n = number(c)
    draft = None
    if worded:
        w = _strip_end(_MARKER.sub("", worded))
        if usable_wording(w, c) and not check.loaded(w) and check(w, c):
            text = f"Only {c.outlet} reports that {_lower_first(w)} [{n}]."
            return SummaryItem(kind="single", sentence=_sentence(text, [n], True, "checked against its sentence"),
                               accounts=[_account(c, n)], group_id=group_id, phrasing="model"), None
        draft = SummaryItem(kind="single", accounts=[_account(c, n)], group_id=group_id, phrasing="model",
                            sentence=_sentence(f"Only {c.outlet} reports that {_lower_first(w)} [{n}].", [n], False,
                                               "the model's wording is not supported by its sentence"))
    text, how = account_text(c, check)
    lead = f"Only {c.outlet} reports this: " if how == "quote" else f"Only {c.outlet} reports that "
    body = text if how == "quote" else _lower_first(text)
    item = SummaryItem(kind="single", sentence=_sentence(f"{lead}{body} [{n}].", [n], True,
                                                         "checked against its sentence" if how != "quote"
                                                         else "verbatim quote of the cited sentence"),
                       accounts=[_account(c, n)], group_id=group_id, phrasing=how)
    return item, draft


def _ask(llm, prompt_name: str, blocks: list[str], emit: Callable[[str], None] | None) -> tuple[list[str], int, int]:
    """The model's lines for numbered `blocks` (one line each, in order), prompt and generated token counts."""
    from qa.generate.llm import stream_text

    user = load_prompt(prompt_name).format(items="\n\n".join(blocks), count=len(blocks))
    messages = [ChatMessage(role=MessageRole.SYSTEM, content=load_prompt_text("system")),
                ChatMessage(role=MessageRole.USER, content=user)]
    text, _first = stream_text(llm, messages, emit)
    # the small model often echoes the item labels ("Item 1: ...") or opens with "Here are ...": strip, not drop
    lines = [_ITEM_LABEL.sub("", _NUMBERED.sub("", ln)).strip() for ln in text.splitlines() if ln.strip()]
    lines = [ln for ln in lines if ln and not ln.lower().startswith("here ")]
    prompt_tokens = sum(count_tokens(m.content or "", llm) for m in messages)
    return (lines + [""] * len(blocks))[:len(blocks)], prompt_tokens, count_tokens(text, llm)


def _wordings(llm, prompt_name: str, items: list[list[ArticleClaim]], stats: dict[str, float]) -> list[str]:
    out: list[str] = []
    for b in range(0, len(items), MAX_ITEMS_PER_CALL):
        batch = items[b:b + MAX_ITEMS_PER_CALL]
        blocks = [f"Item {i}:\n" + "\n".join(f"- {defang(' '.join(c.text.split()))}" for c in claims)
                  for i, claims in enumerate(batch, start=1)]
        lines, p, g = _ask(llm, prompt_name, blocks, None)
        stats["reduce_calls"] = stats.get("reduce_calls", 0) + 1
        stats["prompt_tokens"] = stats.get("prompt_tokens", 0) + p
        stats["generated_tokens"] = stats.get("generated_tokens", 0) + g
        out.extend(lines)
    return out


def _single_rank(c: ArticleClaim, relevance: dict[str, float]) -> tuple:
    attributed = {"not_confirmed": 3, "denied": 3, "confirmed": 2, "said": 1, "reportedly": 1}.get(c.certainty, 0)
    score = attributed + (1 if c.numbers else 0) + (1 if c.index < 3 else 0) - (1 if c.quoted else 0) \
        + 5 * relevance.get(c.id, 0.0)
    return (-score, c.index)


def pick_singles(singles: list[ArticleClaim], budget: int, covered: set[str],
                 relevance: dict[str, float] | None = None) -> list[ArticleClaim]:
    """Single-source claims within `budget`: articles nothing cites yet first, then round-robin, best first."""
    relevance = relevance or {}
    queues: dict[str, list[ArticleClaim]] = {}
    for c in sorted(singles, key=lambda c: _single_rank(c, relevance)):
        queues.setdefault(c.doc_id, []).append(c)
    order = [d for d in queues if d not in covered] + [d for d in queues if d in covered]
    out: list[ArticleClaim] = []
    while len(out) < budget and any(queues.values()):
        for d in order:
            if len(out) < budget and queues[d]:
                out.append(queues[d].pop(0))
    return out


def write_summary(groups: list[ClaimGroup], documents: dict[str, Document], llm, threshold: float | None,
                  max_sentences: int, emit: Callable[[str], None] | None = None, headings: bool = True,
                  relevance: dict[str, float] | None = None, lexicon: Lexicon | None = None) -> Written:
    """Sentences for the groups within `max_sentences` (conflicts first, then agreements, then single-source
    claims), each section emitted as soon as it is written."""
    check = Checker(threshold, documents, lexicon)
    number = Numbering(documents)
    say = emit or (lambda _t: None)
    notes: list[str] = []
    stats: dict[str, float] = {}
    conflicts = [g for g in groups if g.kind == "conflict"][:max(1, max_sentences // 2)]
    # what two or more articles report inside a certainty conflict is also an agreement ("A and B report X;
    # C could not confirm it"): both are stated
    shared = [ClaimGroup(id=f"{g.id}-agreed", kind="agreement",
                         claims=[c for c in g.claims if c.certainty not in NEGATIVE])
              for g in conflicts if g.differs_on == "certainty"]
    shared = [g for g in shared if len(g.doc_ids) >= 2]
    agreements = (shared + [g for g in groups if g.kind == "agreement"])[:max(0, max_sentences - len(conflicts))]
    items: dict[str, list[SummaryItem]] = {k: [] for k in KINDS}
    drafts: dict[str, list[SummaryItem]] = {k: [] for k in KINDS}

    worded = _wordings(llm, "summary_claims_agree", [_one_per_doc(g) for g in agreements], stats) \
        if agreements and llm is not None else []
    demoted: list[ArticleClaim] = []
    for g, w in zip(agreements, worded + [""] * len(agreements), strict=False):
        statement, how = agreed_statement(g, w or None, check)
        if statement is None and g.id.endswith("-agreed"):
            continue  # its claims are stated in their conflict sentence already
        if statement is None:
            notes.append(f"Not presented as agreement: no wording of group {g.id} is supported by every article "
                         "it holds; its claims are reported one by one.")
            demoted.extend(_one_per_doc(g))
            continue
        item = agreement_item(g, statement, how, number)
        items["agreement"].append(item)
        if w and how != "model":
            drafts["agreement"].append(item.model_copy(update={"phrasing": "model", "statement": _strip_end(w),
                                                               "sentence": item.sentence.model_copy(update={
                                                                   "supported": False, "text": w})}))
            notes.append(f'Replaced the model\'s wording of an agreement, which not every cited article supports: '
                         f'"{w[:100]}"')
        else:
            drafts["agreement"].append(item)
    _emit_section(say, "agreement", items["agreement"], headings)
    for g in conflicts:
        item = conflict_item(g, number, check)
        items["conflict"].append(item)
        drafts["conflict"].append(item)
    _emit_section(say, "conflict", items["conflict"], headings)

    covered = {a.doc_id for k in ("agreement", "conflict") for it in items[k] for a in it.accounts}
    budget = max(0, max_sentences - len(items["agreement"]) - len(items["conflict"]))
    pool = [c for g in groups if g.kind == "single" for c in g.claims] + demoted
    chosen = pick_singles(pool, budget, covered, relevance)
    # an article no sentence cites still gets one single-source sentence (no source is silently dropped)
    for d in documents:
        if d not in covered and not any(c.doc_id == d for c in chosen):
            extra = pick_singles([c for c in pool if c.doc_id == d], 1, set(), relevance)
            chosen.extend(extra)
    group_of = {c.id: g.id for g in groups for c in g.claims}
    singles_worded = _wordings(llm, "summary_claims_single", [[c] for c in chosen], stats) \
        if chosen and llm is not None else []
    for c, w in zip(chosen, singles_worded + [""] * len(chosen), strict=False):
        item, draft = single_item(c, w or None, number, check, group_of.get(c.id, ""))
        items["single"].append(item)
        drafts["single"].append(draft or item)
        if draft is not None:
            notes.append(f'Replaced the model\'s wording, which its sentence does not support or whose speaker '
                         f'is not the claim\'s: "{w[:100]}"')
    _emit_section(say, "single", items["single"], headings)

    def sections(by_kind: dict[str, list[SummaryItem]]) -> list[SummarySection]:
        return [SummarySection(kind=k, heading=HEADINGS[k], items=by_kind[k]) for k in KINDS if by_kind[k]]

    return Written(sections=sections(items), draft=sections(drafts), citations=number.citations, notes=notes,
                   timings=stats)


def _emit_section(say: Callable[[str], None], kind: str, items: list[SummaryItem], headings: bool) -> None:
    if not items:
        return
    head = f"{HEADINGS[kind]}\n" if headings else ""
    say(head + " ".join(it.sentence.text for it in items) + "\n\n")


def compose(sections: list[SummarySection], lead: str = "", headings: bool = True) -> str:
    """The summary text: the lead, then each section with its heading (none for a single source)."""
    blocks = [lead] if lead else []
    for s in sections:
        body = " ".join(it.sentence.text for it in s.items)
        blocks.append(f"{s.heading}\n{body}" if headings else body)
    return "\n\n".join(blocks)
