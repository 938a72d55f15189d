"""How the outlets differ: one cited paragraph per outlet (`python -m qa.summarize --by outlet`).

Each paragraph says what the outlet reports (its key sentences, quoted), whom it quotes (the speakers its
sentences name, each cited where it speaks), what only it reports (key sentences with no close sentence in any
other outlet's articles: cosine below qa.news.articles.DISPUTE_SIM) and where another outlet disputes it (one says it,
the other cannot confirm or denies it). Every sentence is a fixed frame around exact article quotes or names copied
from the cited sentence, so nothing in it is unchecked; no model is used (deterministic, and seconds not minutes).

Key sentences are ranked as in the summary's map step (qa.summarize.reading.score_sources: attribution, numbers, names,
the lead, closeness to the topic or to the article's centre). Articles whose outlet is unknown are never merged:
each is its own "outlet", named "<id> (outlet unknown)".
"""

from __future__ import annotations

import time

import numpy as np

from qa.news.articles import DISPUTE_SIM, Article, Citer, select_articles, speaker_at
from qa.news.schema import Comparison, OutletReport, OutletSentence
from qa.retrieve.filters import Filters
from qa.summarize.reading import SourceText, is_anaphoric, score_sources, stance_of

MAX_REPORTS = 2  # key sentences quoted per outlet
MAX_ONLY = 2
MAX_SPEAKERS = 5
MAX_QUOTE_CHARS = 400  # longer sentences are not quoted as a key claim (tables, run-ons)


def _outlets(articles: list[Article]) -> list[list[Article]]:
    """Articles grouped by outlet, in the order the outlets first appear."""
    groups: dict[str, list[Article]] = {}
    for art in articles:
        groups.setdefault(art.outlet_key, []).append(art)
    return list(groups.values())


def _scores(articles: list[Article]) -> dict[str, list[float]]:
    """Key-sentence scores per document (the summary's map-step ranking)."""
    topic_vec = next((a.topic_vec for a in articles if a.topic_vec is not None), None)
    texts = [SourceText(doc=a.doc, spans=a.spans, vectors=a.vectors) for a in articles]
    score_sources(texts, topic_vec)
    return {t.doc.doc_id: t.scores for t in texts}


def _quotable(art: Article, k: int) -> bool:
    text = art.text(k)
    return art.relevant[k] and len(text) <= MAX_QUOTE_CHARS and not is_anaphoric(text)


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def compare_outlets(articles: list[Article], topic: str | None = None, filters: Filters | None = None) -> Comparison:
    """One paragraph per outlet over these articles (from qa.news.articles.load_articles)."""
    groups = _outlets(articles)
    scores = _scores(articles)
    citer = Citer()
    notes = []
    if len(groups) == 1:
        notes.append("Only one outlet in the selection: there is no other outlet to compare it with.")
    reports = []
    for group in groups:
        name = group[0].outlet
        others = [a for g in groups if g is not group for a in g]
        other_vecs = np.vstack([a.vectors for a in others if len(a.spans)]) if any(len(a.spans) for a in others) \
            else None
        ranked = sorted(((scores[a.doc.doc_id][k], -a.order, -k, a, k) for a in group for k in range(len(a.spans))
                         if _quotable(a, k)), key=lambda x: x[:3], reverse=True)
        sentences: list[OutletSentence] = []
        used: set[tuple[str, int]] = set()

        def quote(art: Article, k: int) -> tuple[str, int]:
            s, e = art.spans[k]
            return art.doc.text[s:e], citer.cite(art, s, e)

        # What it reports.
        for i, (_score, _o, _k, art, k) in enumerate(ranked[:MAX_REPORTS]):
            text, n = quote(art, k)
            frame = f"{name} reports" if i == 0 else "It also reports"
            sentences.append(OutletSentence(text=f"{frame}: “{text}” [{n}]", kind="reports", citations=[n],
                                            quotes=[text]))
            used.add((art.doc.doc_id, k))
        # Whom it quotes: names copied from the sentence they speak in.
        speakers: dict[str, tuple[str, Article, int]] = {}
        for art in group:
            for k in range(len(art.spans)):
                if not art.relevant[k]:
                    continue
                who = speaker_at(art, k)
                where = k if who and who in art.text(k) else k - 1 if who and k and who in art.text(k - 1) else None
                folded = who.casefold()
                # "Maan" after "Interior Ministry Spokesman Brigadier General Saad Maan" is the same person
                if where is None or folded == name.casefold() or any(folded in w or w in folded for w in speakers):
                    continue
                speakers[folded] = (who, art, where)
        picked = [(who, citer.cite(art, *art.spans[k])) for who, art, k in list(speakers.values())[:MAX_SPEAKERS]]
        if picked:
            sentences.append(OutletSentence(
                text="It quotes " + _join([f"{who} [{n}]" for who, n in picked]), kind="quotes",
                citations=[n for _, n in picked], quotes=[who for who, _ in picked]))
        # What only it reports, and where another outlet disputes it.
        if other_vecs is not None:
            only = [(a, k) for _s, _o, _k, a, k in ranked
                    if float(np.max(other_vecs @ a.vectors[k])) < DISPUTE_SIM and (a.doc.doc_id, k) not in used]
            for i, (art, k) in enumerate(only[:MAX_ONLY]):
                text, n = quote(art, k)
                frame = f"Only {name} reports" if i == 0 else "Only it also reports"
                sentences.append(OutletSentence(text=f"{frame}: “{text}” [{n}]", kind="only", citations=[n],
                                                quotes=[text]))
            dispute = _dispute(group, others)
            if dispute:
                (a, k), (b, m) = dispute
                own, n1 = quote(a, k)
                theirs, n2 = quote(b, m)
                sentences.append(OutletSentence(
                    text=f"{b.outlet} differs — {name}: “{own}” [{n1}]; {b.outlet}: “{theirs}” [{n2}]",
                    kind="differs",
                    citations=[n1, n2], quotes=[own, theirs]))
        if not sentences:
            notes.append(f"{name}: no sentence close to the topic.")
        reports.append(OutletReport(
            outlet=name, source=group[0].doc.source, doc_ids=[a.doc.doc_id for a in group],
            published=list(dict.fromkeys(a.doc.published for a in group)), speakers=[w for w, _ in picked],
            paragraph=" ".join(s.text + "." for s in sentences), sentences=sentences))
    return Comparison(topic=topic, filters=filters.describe() if filters else "", outlets=reports,
                      citations=citer.citations, notes=notes)


def _dispute(group: list[Article], others: list[Article]) -> tuple[tuple[Article, int], tuple[Article, int]] | None:
    """The closest pair (a sentence of this outlet, one of another) where one cannot confirm or denies what the
    other says (cosine >= DISPUTE_SIM), or None."""
    def negative(art: Article, k: int) -> bool:
        return stance_of(art.text(k)) in ("not_confirm", "deny")

    best = None
    for a in group:
        for k in range(len(a.spans)):
            if not a.relevant[k]:
                continue
            for b in others:
                for m in range(len(b.spans)):
                    if negative(a, k) == negative(b, m):
                        continue
                    sim = float(a.vectors[k] @ b.vectors[m])
                    if sim >= DISPUTE_SIM and (best is None or sim > best[0]):
                        best = (sim, (a, k), (b, m))
    return (best[1], best[2]) if best else None


def compare(index, settings, topic: str | None = None, filters: Filters | None = None,
            doc_ids: list[str] | None = None) -> Comparison:
    """The outlet comparison of the indexed articles the filters, `doc_ids` and `topic` select."""
    t0 = time.perf_counter()
    topic, articles = select_articles(index, settings, topic, filters, doc_ids)
    result = compare_outlets(articles, topic, filters)
    result.timings["total_s"] = round(time.perf_counter() - t0, 3)
    return result


def format_comparison(result: Comparison) -> str:
    """The comparison as plain text: a paragraph per outlet, then the numbered quotes."""
    lines = [f"How the outlets report{f' on {result.topic!r}' if result.topic else ''}"
             + (f" ({result.filters})" if result.filters else "") + ":"]
    for r in result.outlets:
        dates = ", ".join(r.published)
        lines.append(f"\n{r.outlet} ({len(r.doc_ids)} article{'s' if len(r.doc_ids) != 1 else ''}: "
                     f"{', '.join(r.doc_ids)}; published {dates})")
        lines.append(r.paragraph or "(nothing on this topic)")
    if result.citations:
        lines.append("\nSources:")
        for c in result.citations:
            lines.append(f"  [{c.n}] {c.doc_id}, characters {c.start}-{c.end}" + (f" {c.url}" if c.url else ""))
            lines.append(f"      \"{' '.join(c.quote.split())}\"")
    if result.notes:
        lines.append("\nNotes:")
        lines.extend(f"  - {n}" for n in result.notes)
    return "\n".join(lines)
