"""What the timeline and the outlet comparison share: choosing the articles (filters, --docs, topic), their
sentences with vectors, who says each sentence and how surely, and citations of exact article spans.

Everything here is deterministic (rules and embeddings, no model): the views quote the articles' own sentences,
so nothing unchecked is shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from qa import sources
from qa.errors import UsageError
from qa.index.store import NewsIndex
from qa.metadata import PublishedDate, parse_published, source_key
from qa.retrieve.filters import Filters, check_filters
from qa.schema import Citation, Document
from qa.summarize.reading import is_anaphoric, speaker_of, stance_of, usable_spans

# Two sentences of different articles report the same thing (cosine of MiniLM vectors; qa/summarize/reading.py measured
# 0.78 for the seeds' shared claims) or one disputes what the other reports (a claim and its "could not confirm":
# 0.54-0.61 on the seeds).
SAME_SIM = 0.65
DISPUTE_SIM = 0.5
NEGATIVE = frozenset({"not_confirmed", "denied"})
_PRONOUN = re.compile(r"^(?:he|she|they|it|we|i|you|this|that|these|those)$", re.I)
_HEDGE = re.compile(r"\b(?:reportedly|allegedly|purportedly|apparently|supposedly|according to (?:media )?"
                    r"reports)\b", re.I)
MAX_TOPIC_CHARS = 2000


@dataclass
class Article:
    """One article with its usable sentences (offsets into `doc.text`) and their unit vectors."""

    doc: Document
    published: PublishedDate
    spans: list[tuple[int, int]]
    vectors: np.ndarray
    order: int = 0  # position among the chosen articles (publication date, then id)
    relevant: list[bool] = field(default_factory=list)  # sentence close enough to the topic (all True without one)
    topic_vec: np.ndarray | None = None

    @property
    def outlet(self) -> str:
        """The outlet's name, or "<id> (outlet unknown)": a title or a guess never stands in for an outlet."""
        return self.doc.source if sources.is_known(self.doc.source) else f"{self.doc.doc_id} (outlet unknown)"

    @property
    def outlet_key(self) -> str:
        """Articles of one outlet share this; an unknown outlet is never merged with another article's."""
        return source_key(self.doc.source) or f"doc:{self.doc.doc_id}"

    def text(self, k: int) -> str:
        s, e = self.spans[k]
        return self.doc.text[s:e]


def validate_topic(topic: str | None) -> str | None:
    """The topic stripped, None for none; UsageError when it is empty or too long."""
    if topic is None:
        return None
    t = " ".join(topic.split())
    if not t:
        raise UsageError("the topic is empty (leave out --topic to use every article)")
    if len(t) > MAX_TOPIC_CHARS:
        raise UsageError(f"the topic is {len(t):,} characters long; the limit is {MAX_TOPIC_CHARS:,}")
    return t


def choose_documents(index: NewsIndex, filters: Filters | None = None,
                     doc_ids: list[str] | None = None) -> list[Document]:
    """The committed articles the filters and `doc_ids` select, oldest first (NoMatchError when the filters match
    none, UsageError for an unknown id or an empty index)."""
    known = index.committed_docs()
    if not known:
        raise UsageError("the index holds no articles (add some with python -m qa.ingest)")
    matching = check_filters(index, filters)
    ids = sorted(known) if matching is None else matching
    if doc_ids is not None:
        wanted = list(dict.fromkeys(d.strip() for d in doc_ids if d.strip()))
        if not wanted:
            raise UsageError("no document ids given to --docs")
        for d in wanted:
            if d not in known:
                listed = ", ".join(sorted(known)[:20])
                raise UsageError(f"unknown document id '{d}' (known: {listed})")
        ids = [d for d in wanted if d in set(ids)]
        if not ids:
            raise UsageError(f"none of the documents given to --docs matches {filters.describe()}")
    docs = [d for d in (index.get_document(i) for i in ids) if d is not None]
    return sorted(docs, key=lambda d: (parse_published(d.published, iso_only=True).first_day or 99999999, d.doc_id))


def load_articles(docs: list[Document], topic: str | None, min_relevance: float) -> list[Article]:
    """Every article's sentences embedded in one batch; with a topic, each sentence marked relevant when its cosine
    to the topic reaches `min_relevance`."""
    from qa.index.embeddings import get_embedder

    prepared = [(doc, usable_spans(doc.text)[0]) for doc in docs]
    texts = [doc.text[s:e] for doc, spans in prepared for s, e in spans]
    vecs = get_embedder().embed(texts + ([topic] if topic else []))
    topic_vec = vecs[-1] if topic else None
    out, pos = [], 0
    for order, (doc, spans) in enumerate(prepared):
        v = vecs[pos:pos + len(spans)]
        pos += len(spans)
        relevant = [True] * len(spans) if topic_vec is None else [float(x) >= min_relevance for x in v @ topic_vec]
        out.append(Article(doc=doc, published=parse_published(doc.published), spans=spans, vectors=v, order=order,
                           relevant=relevant, topic_vec=topic_vec))
    return out


def select_articles(index: NewsIndex, settings, topic: str | None, filters: Filters | None,
                    doc_ids: list[str] | None) -> tuple[str | None, list[Article]]:
    """(the checked topic, the articles) a news view works on: the filters and `doc_ids` choose the documents,
    `topic` marks their relevant sentences. Usage errors come before any document is read."""
    topic = validate_topic(topic)
    docs = choose_documents(index, filters, doc_ids)
    return topic, load_articles(docs, topic, settings.min_relevance)


def speaker_at(article: Article, k: int) -> str:
    """Who sentence k says made its claim, as the article writes it ("the Pentagon"); a pronoun ("He said ...")
    takes the speaker of the sentence before; "" when the article says it in its own voice."""
    text = article.text(k)
    speaker = speaker_of(text) or ""
    if (not speaker or _PRONOUN.match(speaker) or is_anaphoric(speaker)) and k > 0 and is_anaphoric(text):
        speaker = speaker_of(article.text(k - 1)) or ""
    if _PRONOUN.match(speaker):
        return ""
    return speaker


def certainty_of(text: str) -> str:
    """How surely the sentence asserts its content: not_confirmed / denied (rules of qa.verify.support), else confirmed,
    reportedly (a hedge or "according to reports") or said from the verifier's parse (qa.verify.claims), else
    stated (the article's own voice)."""
    stance = stance_of(text)
    if stance == "not_confirm":
        return "not_confirmed"
    if stance == "deny":
        return "denied"
    from qa.verify.claims import analyse

    analysis = analyse(text)
    kinds = {a.certainty for a in analysis.attributions}
    if "confirmed" in kinds or stance == "confirm":
        return "confirmed"
    if analysis.hedged or _HEDGE.search(text):
        return "reportedly"
    if kinds & {"said"} or stance == "said":
        return "said"
    return "stated"


def quantities_of(text: str) -> list[tuple[float, str | None, str]]:
    """(value, unit, as written) of the numbers in `text` that are not ordinals (qa.verify's reader)."""
    from qa.text import quantities

    return [(q.value, q.unit, q.shown()) for q in quantities(text) if not q.ordinal]


_COUNTED = re.compile(r"\b(\d{1,3}(?:,\d{3})+|\d+)\s+(?:[a-z-]+\s+)?([a-z]{3,}s)\b")


def counted(text: str) -> list[tuple[float, str, str]]:
    """(value, counted noun, as written) for "300 workers", "500 elite soldiers": numbers of things, which
    qa.verify's reader keeps without a unit, so that two accounts giving different counts can be told apart."""
    from qa.text import key

    return [(float(m.group(1).replace(",", "")), key(m.group(2)), m.group(0)) for m in _COUNTED.finditer(text)]


def is_negative(text: str) -> bool:
    """The sentence cannot confirm or denies what it is about (cheap: no parse)."""
    return stance_of(text) in ("not_confirm", "deny")


class Citer:
    """Numbers exact article spans as citations [1], [2], ... (one number per span), with the sentence before and
    after as the passage a card shows."""

    def __init__(self) -> None:
        self.citations: list[Citation] = []
        self._by_span: dict[tuple[str, int, int], int] = {}

    def cite(self, article: Article, start: int, end: int) -> int:
        key = (article.doc.doc_id, start, end)
        if key in self._by_span:
            return self._by_span[key]
        doc = article.doc
        before = [s for s, e in article.spans if e <= start]
        after = [e for s, e in article.spans if s >= end]
        p_start, p_end = (before[-1] if before else start), (after[0] if after else end)
        n = len(self.citations) + 1
        quote = doc.text[start:end]
        self.citations.append(Citation(
            n=n, doc_id=doc.doc_id, title=doc.title, source=doc.source, published=doc.published, url=doc.url,
            quote=quote, start=start, end=end, passage=doc.text[p_start:p_end], passage_start=p_start,
            passage_end=p_end, author=doc.author, language=doc.language, published_int=doc.published_int))
        self._by_span[key] = n
        return n


def check_quotes(citations: list[Citation], docs: dict[str, Document]) -> list[str]:
    """Problems with citations whose quote is not exactly their article's span (empty when all are exact)."""
    problems = []
    for c in citations:
        doc = docs.get(c.doc_id)
        if doc is None or doc.text[c.start:c.end] != c.quote:
            problems.append(f"[{c.n}] {c.doc_id} {c.start}-{c.end} is not an exact quote")
    return problems
