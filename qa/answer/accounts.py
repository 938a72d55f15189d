"""Other accounts: what the articles an answer does not cite attribute to whom about the same event.

An answer cites the passages its sentences rest on; another article may tell the same event through another
speaker ("a senior official told the channel") or with another certainty ("could not confirm"). After the answer
is checked, this step looks at the retrieved passages of the other articles for sentences that

* are about the same event: what the source is quoted as reporting (the sentence without its speaker and
  reporting verb) has an embedding similarity of at least `MIN_SIMILARITY` to an answer sentence or its cited
  quote, and shares at least `MIN_SHARED` content words or names with them (names compared through their bases,
  "Iranian" ~ "Iran");
* carry an attribution (qa.verify's analysis: speaker, reporting verb, certainty, or a hedge like "reportedly")
  whose speaker differs from every speaker the answer and its quotes give, or whose certainty differs;

and returns them as exact article sentences with their offsets, so nothing unchecked is shown. Hand-written
selection rules because no maintained library compares attributions across articles; every rule is generic.
"""

from __future__ import annotations

from collections.abc import Sequence

from qa.schema import AnswerSentence, Citation, OtherAccount, Passage
from qa.verify.claims import CONTENT_POS, content_keys, resolve_pronoun

PREFILTER_SIMILARITY = 0.4  # cosine (all-MiniLM-L6-v2) of the whole candidate sentence: parse only these
# cosine between what the candidate reports and an answer sentence or its quote; set on the dev split (the same
# event told by another source scored 0.58-0.75 there, other events of the same story 0.51-0.55)
MIN_SIMILARITY = 0.55
MIN_SHARED = 2  # content words / names a candidate shares with the answer side
LIMIT = 4  # accounts shown at most


def _shared(doc, keys: set[str]) -> int:
    """How many distinct content words of `doc` the answer side has (a name counts once, whatever its bases)."""
    from qa.text import key

    return len({key(t.lemma_ if t.pos_ != "PROPN" else t.text) for t in doc
                if not t.is_stop and not t.is_punct and t.pos_ in CONTENT_POS and content_keys(t.doc[t.i:t.i + 1])
                & keys})


def _same_speaker(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two speaker descriptions name the same source: one's words contain the other's, or most are shared."""
    if not a or not b:
        return False
    return a <= b or b <= a or len(a & b) / len(a | b) >= 0.5


def _answer_side(texts: Sequence[str]) -> tuple[set[str], list[tuple[frozenset[str], str]], bool]:
    """(content keys, [(speaker words, certainty)], hedged) of the answer sentences and their quotes."""
    from qa.verify.claims import analyse

    keys: set[str] = set()
    speakers: list[tuple[frozenset[str], str]] = []
    hedged = False
    for text in texts:
        a = analyse(text)
        keys |= content_keys(a.doc)
        hedged = hedged or bool(a.hedged)
        for att in a.attributions:
            att = resolve_pronoun(a, att)
            if att.speaker_words:
                speakers.append((att.speaker_words, att.certainty))
    return keys, speakers, hedged


def _recipient_name(article: str | None, sentence: str, recipient: str) -> str:
    """The name the same article gives a recipient like "the channel" earlier (coreference within the article,
    as the verifier resolves it), written as in the article; "" when unresolved or already a name."""
    if not article or not recipient or recipient.split()[0].lower() not in ("the", "this", "that"):
        return ""
    from qa.text import key
    from qa.verify.context import article_context

    ctx = article_context(article)
    offset = ctx.locate(sentence)
    words = ctx.referent(offset, recipient.split()[-1]) if offset >= 0 else frozenset()
    if not words:
        return ""
    import re

    found = [w for w in re.findall(r"[A-Z][\w.&'-]*", ctx.text[:offset]) if key(w) in words]
    return found[-1] if found else ""


CERTAINTY_LABEL = {"confirmed": "confirms", "said": "says", "reportedly": "reportedly",
                   "not_confirmed": "cannot confirm", "denied": "denies"}


def label(o: OtherAccount) -> str:
    """How a reader is told who says it and how surely: the speaker and verb as quoted, then the certainty class
    in brackets ("a senior security official in Baghdad told the channel (CNN) [says]")."""
    recipient = f" {o.recipient}" if o.recipient and o.recipient not in o.verb else ""
    named = f" ({o.recipient_refers_to})" if o.recipient_refers_to else ""
    verb = "" if o.verb.startswith("to ") else o.verb  # "nothing to confirm": the class below says it
    who = " ".join(x for x in (o.speaker, f"{verb}{recipient}{named}".strip()) if x)
    cls = CERTAINTY_LABEL.get(o.certainty, o.certainty)
    return f"{who} [{cls}]" if who != cls else f"[{cls}]"


def find_other_accounts(sentences: Sequence[AnswerSentence], citations: Sequence[Citation],
                        passages: Sequence[Passage], articles: dict[str, str] | None = None,
                        limit: int = LIMIT) -> list[OtherAccount]:
    """Sentences of the passages from articles the answer does not cite that tell the same event with another
    speaker or certainty, as exact quotes (best first, at most `limit`, one per sentence). `articles` (doc id ->
    text) lets a quote's "the channel" be named; offsets are always into the article."""
    import numpy as np  # on use: `label` is imported by the CLI, which stays light

    from qa.index.embeddings import get_embedder
    from qa.verify.citations import passage_sentences
    from qa.verify.claims import analyse

    supported = [(i, s) for i, s in enumerate(sentences) if s.supported]
    cited_docs = {c.doc_id for c in citations}
    if not supported or not cited_docs:
        return []
    by_n = {c.n: c for c in citations}
    # answer side: each supported sentence with the quotes it cites
    sides = [(i, [s.text, *(by_n[n].quote for n in s.citations if n in by_n)]) for i, s in supported]
    keys, speakers, hedged = _answer_side([t for _, texts in sides for t in texts])
    cands: list[tuple[Passage, int, int]] = []
    seen: set[tuple[str, int, int]] = set()
    for p in passages:
        if p.doc_id in cited_docs:
            continue
        for s, e in passage_sentences(p):
            spot = (p.doc_id, p.start + s, p.start + e)
            if spot not in seen and p.text[s:e].strip():
                seen.add(spot)
                cands.append((p, s, e))
    if not cands:
        return []
    side_texts = [t for _, texts in sides for t in texts]
    owner = [i for i, texts in sides for _ in texts]
    embed = get_embedder().embed
    side_vecs = embed(side_texts)
    sims = embed([p.text[s:e] for p, s, e in cands]) @ side_vecs.T
    picked = []
    for ci, (p, s, e) in enumerate(cands):
        if float(sims[ci].max()) < PREFILTER_SIMILARITY:
            continue
        a = analyse(p.text[s:e])
        att = _pick_attribution(a, speakers, hedged)
        if att is not None:
            picked.append((p, s, e, att, _reported(a, att)))
    if not picked:
        return []
    # the same event: what the source is quoted as saying, not the whole sentence ("As militants advance ...,
    # CNN reported" is about the advance only through its reported clause)
    content_sims = embed([c for *_, c in picked]) @ side_vecs.T
    found: list[OtherAccount] = []
    for (p, s, e, att, content), row in zip(picked, content_sims, strict=True):
        best = int(np.argmax(row))
        sim = float(row[best])
        if sim < MIN_SIMILARITY or _shared(analyse(content).doc, keys) < MIN_SHARED:
            continue
        speaker, verb, certainty, recipient, _ = att
        text = p.text[s:e]
        article = (articles or {}).get(p.doc_id)
        start, end = p.start + s, p.start + e
        quote = article[start:end] if article and article[start:end] == text else text
        found.append(OtherAccount(
            speaker=speaker, verb=verb, certainty=certainty, recipient=recipient,
            recipient_refers_to=_recipient_name(article, text, recipient), about=owner[best],
            similarity=round(sim, 3),
            citation=Citation(n=p.n, doc_id=p.doc_id, title=p.title, source=p.source, published=p.published,
                              url=p.url, quote=quote, start=start, end=end, score=p.score, passage=p.text,
                              passage_start=p.start, passage_end=p.end, author=p.author, language=p.language,
                              published_int=p.published_int)))
    found.sort(key=lambda o: -o.similarity)
    return sorted(found[:limit], key=lambda o: (o.citation.doc_id, o.citation.start))


def _reported(a, att: tuple[str, str, str, str, int]) -> str:
    """What the attribution reports: the sentence without the speaker phrase, the reporting verb and whom it
    was told; for a bare hedge, the whole sentence."""
    verb_i = att[4]
    doc = a.doc
    if verb_i < 0:
        return doc.text
    verb = doc[verb_i]
    head = verb
    while head.lower_ != "according" and head.dep_ in ("xcomp", "aux") and head.head is not head:
        head = head.head  # "nothing to confirm" reports what "have nothing" governs
    drop = {verb.i, head.i}
    for c in [*verb.children, *head.children]:
        if c.dep_ in ("nsubj", "nsubjpass", "agent", "aux", "neg", "dative", "punct") or (
                c.dep_ == "dobj" and verb.lemma_.lower() in ("tell", "warn")) or c.ent_type_ in ("DATE", "TIME"):
            drop |= {t.i for t in c.subtree}
    if verb.lower_ == "according":
        drop |= {t.i for t in verb.subtree}
        keep = [t for t in doc if t.i not in drop]
    else:
        keep = [t for t in head.subtree if t.i not in drop]
    text = "".join(t.text_with_ws for t in keep).strip(" ,;:")
    return text if len(text.split()) >= 3 else doc.text


def _pick_attribution(a, speakers: list[tuple[frozenset[str], str]], hedged: bool
                      ) -> tuple[str, str, str, str, int] | None:
    """(speaker, verb, certainty, recipient, verb index) of the sentence's attribution that differs from the
    answer's: another speaker, or the same speaker with another certainty; a hedge ("reportedly") when the answer
    has none. The least certain differing attribution wins (a "could not confirm" is what a reader most needs to
    see)."""
    from dataclasses import replace

    from qa.verify.claims import CERTAINTY_RANK, REPORT_NOUNS

    options = []
    for att in a.attributions:
        if att.pronoun:  # "the Pentagon said it could not confirm": the Pentagon could not confirm
            boss = resolve_pronoun(a, att)
            if boss is att:
                continue
            att = replace(att, speaker=boss.speaker, speaker_words=boss.speaker_words, pronoun=False)
        if not att.speaker_words or att.speaker_words <= REPORT_NOUNS | {"press", "media"}:
            continue  # "the press reporting": not a source a reader can weigh
        same = [cert for words, cert in speakers if _same_speaker(words, att.speaker_words)]
        if att.certainty in same:
            continue  # the answer already gives this source with this certainty
        options.append((CERTAINTY_RANK.get(att.certainty, 2), att.verb_i, att))
    if options:
        att = min(options, key=lambda o: (o[0], o[1]))[2]
        return att.speaker, att.verb, att.certainty, att.recipient, att.verb_i
    if a.hedged and not hedged:
        return "", a.hedged, "reportedly", "", -1
    return None
