"""The cited question-answering pipeline: retrieve -> generate -> verify -> Answer.

`answer_question` is the single entry point used by the CLI, the UI and the eval suite.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from qa import sources
from qa.answer.dating import date_weekdays
from qa.answer.question import validate_question
from qa.config import Settings
from qa.errors import NewsqaError
from qa.generate.llm import model_name, stream_text
from qa.generate.prompts import load_prompt, load_prompt_text
from qa.index.store import NewsIndex
from qa.retrieve.filters import NoMatchError
from qa.retrieve.hybrid import RetrievalResult, retrieve_passages
from qa.schema import Answer, AnswerSentence, Citation, Passage
from qa.verify.citations import citation_for, defang, verify_draft, with_markers
from qa.verify.question_type import missing_answer_type
from qa.verify.repair import Quote, quote_answer, quote_draft_source

if TYPE_CHECKING:
    from qa.generate.messages import ChatMessage

ABSTAIN_TEXT = "The indexed articles do not say."


def format_passages(passages: list[Passage], heads: str = "date") -> str:
    """Passages as the numbered, delimited data block of the prompt. `heads` (the `passage_heads` setting): "date"
    puts only a full publication date before each passage; "outlet" the outlet and the date at its precision."""
    blocks = []
    for p in passages:
        # Article text (and its title/source) is data: marker look-alikes become (n), control tokens are disarmed.
        body = defang(p.text)
        if heads == "outlet":
            head = sources.display_name(None, p.source, p.doc_id) + (
                f", {p.published}" if sources.is_known(p.published) else "")
        else:
            # Names in the head were copied as the answer by the 1.5B model ("Who confirmed ...?" -> "International
            # Business Times UK"; "2014-06" pasted into sentences); the outlet is shown with each citation instead.
            head = f"published {p.published}" if re.fullmatch(r"\d{4}-\d\d-\d\d", p.published or "") else ""
        blocks.append(f"[{p.n}] {defang(head)}".rstrip() + f"\n{body}")
    return "\n\n".join(blocks)


def build_messages(question: str, passages: list[Passage], heads: str = "date") -> list[ChatMessage]:
    """System + user messages for the QA prompt."""
    from qa.generate.messages import ChatMessage, MessageRole

    user = load_prompt("qa").format(passages=format_passages(passages, heads), question=question)
    return [ChatMessage(role=MessageRole.SYSTEM, content=load_prompt_text("system")),
            ChatMessage(role=MessageRole.USER, content=user)]


def condense_question(question: str, history: list[tuple[str, str]], llm) -> str:
    """Rewrite a follow-up ("and what did the Pentagon say?") into a standalone question."""
    if not history:
        return question
    turns = "\n".join(f"User: {q}\nAssistant: {a}" for q, a in history[-3:])
    prompt = load_prompt("condense").format(history=turns, question=question)
    from qa.generate.messages import ChatMessage, MessageRole

    text, _ = stream_text(llm, [ChatMessage(role=MessageRole.USER, content=prompt)])
    text = text.strip().splitlines()[0].strip().strip('"') if text.strip() else ""
    return text if 8 <= len(text) <= 500 else question


def abstain(question: str, retrieval: RetrievalResult, model: str, timings: dict[str, float],
            standalone: str | None = None, why: str = "", sentences: list[AnswerSentence] | None = None,
            removed: int = 0, draft: str = "") -> Answer:
    """The answer for 'the articles do not say', with the closest passages to look at (and the checked draft
    sentences when the model wrote one)."""
    text = ABSTAIN_TEXT + (f" ({why})" if why else "")
    return Answer(question=question, answer=text, abstained=True, closest=retrieval.passages[:3],
                  standalone_question=standalone, model=model, timings=timings, sentences=sentences or [],
                  removed_sentences=removed, draft=draft)


def _articles(index: NewsIndex, passages: list[Passage]) -> dict[str, str]:
    """The whole text of each shown article: the verifier resolves "the president" / "he" within it."""
    out: dict[str, str] = {}
    for doc_id in dict.fromkeys(p.doc_id for p in passages):
        doc = index.get_document(doc_id)
        if doc is not None:
            out[doc_id] = doc.text
    return out


def _tee(*callbacks: Callable[[str], None] | None) -> Callable[[str], None] | None:
    live = [c for c in callbacks if c is not None]
    if not live:
        return None

    def call(text: str) -> None:
        for c in live:
            c(text)
    return call


class SentenceStream:
    """Checks the draft sentence by sentence while the model writes, and hands on each sentence that passed
    (`on_sentence(sentence, text with markers)`): a sentence is complete once the next one has begun (or the
    draft ended). Passed sentences are held back until together they answer the question's type
    (qa/verify/question_type.py),
    so nothing shown is later withdrawn by that check; the final answer is the whole draft checked again."""

    def __init__(self, question: str, passages: list[Passage], settings: Settings, strict: bool,
                 articles: Callable[[], dict[str, str]],
                 on_sentence: Callable[[AnswerSentence, str], None]) -> None:
        self.question, self.passages, self.settings, self.strict = question, passages, settings, strict
        self._articles_fn, self._articles = articles, None
        self.on_sentence = on_sentence
        self.text = ""
        self.done = 0  # complete draft sentences checked so far
        self.held: list[tuple[AnswerSentence, str]] = []
        self.open = False  # the held sentences answer the question: later ones go out at once

    def feed(self, delta: str) -> None:
        self.text += delta
        if not re.search(r"[.!?]\s", delta + " ") and "\n" not in delta:
            return  # a sentence can only have ended at a full stop or a line break
        self._check(final=False)

    def finish(self) -> None:
        self._check(final=True)

    def _check(self, final: bool) -> None:
        from qa.verify.citations import split_draft

        drafts = split_draft(self.text)
        upto = len(drafts) if final else len(drafts) - 1
        for d in drafts[self.done:upto]:
            if self._articles is None:
                self._articles = self._articles_fn()
            marked = d.text + "".join(f" [{m}]" for m in d.markers)
            sentences, _c, _t, _r = verify_draft(marked, self.passages, threshold=self.settings.support_threshold,
                                                 strict=self.strict, repoint_margin=self.settings.repoint_margin,
                                                 articles=self._articles, repair=True)
            by_n = {c.n: c for c in _c}
            for sent in sentences:
                if sent.supported:
                    sent = date_weekdays(sent, by_n, self._articles)
                    self.held.append((sent, with_markers(sent.text, sent.citations)))
        self.done = max(self.done, upto)
        if self.held and (self.open or not missing_answer_type(self.question, [s.text for s, _ in self.held])):
            self.open = True
            for sent, text in self.held:
                self.on_sentence(sent, text)
            self.held = []


def other_accounts(answer: Answer, retrieval: RetrievalResult, index: NewsIndex, settings: Settings,
                   articles: dict[str, str], filters=None) -> None:
    """Fill `answer.other_accounts` (qa/answer/accounts.py): from the retrieved passages of articles the answer does not
    cite, and from the passages of those articles closest to the answer itself (the question alone may not have
    brought them up). The extra passages are numbered after the shown ones."""
    from qa.answer.accounts import find_other_accounts

    cited = {c.doc_id for c in answer.citations}
    supported = [s.text for s in answer.sentences if s.supported]
    if not cited or not supported:
        return
    others = [d for d in index.committed_docs() if d not in cited]
    if not others:
        return
    pool = [p for p in retrieval.passages if p.doc_id not in cited]
    try:
        extra = retrieve_passages(" ".join(supported), index, settings, doc_ids=others, filters=filters).passages
    except NoMatchError:
        extra = []  # the filters (an outlet, a date range) leave no other article: nothing outside them is shown
    have = {p.chunk_id for p in retrieval.passages}
    n = max((p.n for p in retrieval.passages), default=0)
    for p in extra:
        if p.chunk_id not in have:
            n += 1
            have.add(p.chunk_id)
            pool.append(p.model_copy(update={"n": n}))
    for p in pool:
        if p.doc_id not in articles:
            doc = index.get_document(p.doc_id)
            if doc is not None:
                articles[p.doc_id] = doc.text
    answer.other_accounts = find_other_accounts(answer.sentences, answer.citations, pool, articles)


def question_constraint(question: str, index: NewsIndex):
    """The outlet / publication-date constraint the question states in words (qa/retrieve/question_filters.py)."""
    from qa.retrieve.question_filters import infer_filters

    def mentioned(name: str) -> bool:  # a substring search in Chroma: no article text is loaded for it
        return any(index.chunks.get(where_document={"$contains": form}, limit=1, include=[])["ids"]
                   for form in dict.fromkeys((name, name.lower(), name.upper(), name.title())))

    return infer_filters(question, index.committed_docs(), mentioned)


def shown_chunk_ids(question: str, index: NewsIndex, settings: Settings) -> tuple[str, ...]:
    """The chunks `answer_question` would show the model, in their order, for a question without history (empty
    when it would not call the model). Retrieval only: qa/answer/batch.py orders a list of questions by it."""
    try:
        filters = None
        if settings.question_filters:
            asked = question_constraint(validate_question(question, settings), index)
            if asked.unknown_outlet:
                return ()
            filters = asked.filters
        retrieval = retrieve_passages(question, index, settings, filters=filters)
    except (NewsqaError, ValueError):
        return ()
    if not retrieval.passages or retrieval.best_dense < settings.min_relevance:
        return ()
    return tuple(p.chunk_id for p in retrieval.passages)


def answer_question(question: str, index: NewsIndex, settings: Settings, llm,
                    history: list[tuple[str, str]] | None = None, strict: bool | None = None,
                    on_token: Callable[[str], None] | None = None, k: int | None = None,
                    filters=None, on_sentence: Callable[[AnswerSentence, str], None] | None = None) -> Answer:
    """Answer `question` from the indexed articles with verified, span-level citations (or abstain).
    `filters` (qa.retrieve.filters.Filters) restrict retrieval to matching articles (NoMatchError when none matches).
    `on_token` receives the raw, unchecked draft as it is generated (only for --show-draft); `on_sentence`
    receives each sentence (and its text with [n] markers) once it passed the check, while the model writes on
    (see `SentenceStream`)."""
    t0 = time.perf_counter()
    question = validate_question(question, settings)
    strict = settings.strict if strict is None else strict
    name = model_name(llm)
    standalone = condense_question(question, history or [], llm) if history else question
    shown_standalone = standalone if standalone != question else None
    asked = None
    if filters is None and settings.question_filters:  # "According to <outlet>, ..." / "published in May 2014"
        asked = question_constraint(standalone, index)
        if asked.unknown_outlet:
            return Answer(question=question, answer=f"{ABSTAIN_TEXT} ({asked.said})", abstained=True,
                          standalone_question=shown_standalone, model=name,
                          timings={"total_s": round(time.perf_counter() - t0, 3)})
        filters = asked.filters
    try:
        retrieval = retrieve_passages(standalone, index, settings, k=k, filters=filters)
    except NoMatchError as exc:
        if asked is None:
            raise  # filters the user set: the CLI reports them as an error
        return Answer(question=question, answer=f"{ABSTAIN_TEXT} ({asked.said}: {exc})", abstained=True,
                      standalone_question=shown_standalone, model=name,
                      timings={"total_s": round(time.perf_counter() - t0, 3)})
    timings = {"retrieve_s": round(retrieval.timings["retrieve_s"], 4)}
    if not retrieval.passages or retrieval.best_dense < settings.min_relevance:
        timings["total_s"] = round(time.perf_counter() - t0, 3)
        return abstain(question, retrieval, name, timings, shown_standalone, "nothing relevant was found")
    messages = build_messages(standalone, retrieval.passages, settings.passage_heads)
    t_gen = time.perf_counter()
    checked = SentenceStream(standalone, retrieval.passages, settings, strict, lambda: _articles(
        index, retrieval.passages), on_sentence) if on_sentence is not None else None
    draft, first = stream_text(llm, messages, _tee(on_token, checked.feed if checked else None))
    if checked is not None:
        checked.finish()
    timings["first_token_s"] = round((t_gen - t0) + (first or 0.0), 3)
    timings["generate_s"] = round(time.perf_counter() - t_gen, 3)
    t_check = time.perf_counter()
    articles = _articles(index, retrieval.passages)
    sentences, citations, text, removed = verify_draft(draft, retrieval.passages,
                                                       threshold=settings.support_threshold, strict=strict,
                                                       repoint_margin=settings.repoint_margin,
                                                       articles=articles, repair=True)
    why = "" if any(s.supported for s in sentences) else \
        "no sentence of the draft answer was supported by the passages it cited"
    why = why or missing_answer_type(standalone, [s.text for s in sentences if s.supported]) or ""
    if why:
        # Repair before abstaining: a retrieved sentence that answers the question, as an attributed exact quote.
        quoted = quote_answer(standalone, retrieval.passages, settings.support_threshold, articles) or \
            quote_draft_source(standalone, [s.text for s in sentences if not s.supported], retrieval.passages,
                               settings.support_threshold, articles)
        if quoted is None and (alone := _each_source_alone(standalone, sentences, retrieval.passages,
                                                            settings.support_threshold, articles, why)):
            sentences, citations, text = alone
        elif quoted is None:
            timings["verify_s"] = round(time.perf_counter() - t_check, 3)
            timings["total_s"] = round(time.perf_counter() - t0, 3)
            return abstain(question, retrieval, name, timings, shown_standalone, why, sentences,
                           len(sentences) if strict and not any(s.supported for s in sentences) else removed, draft)
        else:
            sentences, citations, text = _quoted(quoted, sentences, why)
    sentences, text = _dated(sentences, citations, text, articles)
    sentences, citations, text = _other_parts(standalone, sentences, citations, text, retrieval.passages,
                                              settings.support_threshold, articles)
    sentences, citations, text = _each_source(standalone, sentences, citations, text, retrieval.passages,
                                              settings.support_threshold, articles)
    timings["verify_s"] = round(time.perf_counter() - t_check, 3)
    answer = Answer(question=question, answer=text, abstained=False, sentences=sentences, citations=citations,
                    closest=[], standalone_question=shown_standalone, model=name, removed_sentences=removed,
                    timings=timings, draft=draft)
    t_acc = time.perf_counter()
    other_accounts(answer, retrieval, index, settings, articles, filters)
    answer.timings["accounts_s"] = round(time.perf_counter() - t_acc, 3)
    answer.timings["total_s"] = round(time.perf_counter() - t0, 3)
    return answer


def _dated(sentences: list[AnswerSentence], citations: list[Citation], text: str, articles: dict[str, str]
           ) -> tuple[list[AnswerSentence], str]:
    """Weekdays dated from the cited article's publication date (qa/answer/dating.py), in the sentences and in the
    answer text alike."""
    by_n = {c.n: c for c in citations}
    out = []
    for sent in sentences:
        dated = date_weekdays(sent, by_n, articles)
        before = with_markers(sent.text, sent.citations)
        if dated is not sent and before in text:
            text = text.replace(before, with_markers(dated.text, dated.citations), 1)
            sent = dated
        out.append(sent)
    return out, text


def _each_source(question: str, sentences: list[AnswerSentence], citations: list[Citation], text: str,
                 passages, threshold: float | None, articles: dict[str, str]
                 ) -> tuple[list[AnswerSentence], list[Citation], str]:
    """A question that compares the sources gets a quote from each retrieved article the answer does not cite
    (qa/answer/each_source.py), after the answer's own sentences."""
    from qa.answer.each_source import each_source_quotes

    reason = "supported (an exact quote of the cited text: the question asks what each source says)"
    return _with_quotes(each_source_quotes(question, sentences, citations, passages, threshold, articles), reason,
                        sentences, citations, text)


def _other_parts(question: str, sentences: list[AnswerSentence], citations: list[Citation], text: str,
                 passages, threshold: float | None, articles: dict[str, str]
                 ) -> tuple[list[AnswerSentence], list[Citation], str]:
    """A question in parts ("What did X request, and what condition did Y attach?"): each part no shown sentence
    speaks of gets the retrieved sentence that does, as an attributed exact quote after the answer."""
    from qa.verify.repair import part_quote, question_parts

    parts = question_parts(question)
    if len(parts) < 2:
        return sentences, citations, text
    failed = [s.text for s in sentences if not s.supported]
    for part in parts:
        shown = [s.text for s in sentences if s.supported]
        quote = part_quote(part, shown, passages, threshold, articles, draft=failed)
        if quote is not None:
            reason = f"supported (an exact quote of the cited text, for the part of the question the draft left " \
                     f"unanswered: '{part}')"
            sentences, citations, text = _with_quotes([quote], reason, sentences, citations, text, "quoted")
    return sentences, citations, text


def _each_source_alone(question: str, sentences: list[AnswerSentence], passages, threshold: float | None,
                       articles: dict[str, str], why: str
                       ) -> tuple[list[AnswerSentence], list[Citation], str] | None:
    """A comparison question none of whose draft sentences survived: each retrieved article's closest sentence, as
    attributed exact quotes, is the answer (None when no article has one). The draft's unsupported sentences stay
    listed apart, after the quotes."""
    from qa.answer.each_source import each_source_quotes

    quotes = each_source_quotes(question, sentences, [], passages, threshold, articles, alone=True)
    if not quotes:
        return None
    reason = f"supported (an exact quote of the cited text: the question asks what each source says, and in the " \
             f"draft {why})"
    out, citations, text = _with_quotes(quotes, reason, [], [], "")
    return [*out, *(x for x in sentences if not x.supported)], citations, text


def _with_quotes(quotes: list[Quote], reason: str, sentences: list[AnswerSentence], citations: list[Citation],
                 text: str, status: str = "source_quote") -> tuple[list[AnswerSentence], list[Citation], str]:
    """Each quote appended to the answer's sentences, citations (one per passage) and text."""
    for q in quotes:
        sentence, citation = _quote_parts(q, reason, status)
        sentences = [*sentences, sentence]
        if all(c.n != citation.n for c in citations):
            citations = [*citations, citation]
        text = f"{text} {q.text} [{citation.n}]".strip()
    return sentences, citations, text


def _quote_parts(q: Quote, reason: str, status: str) -> tuple[AnswerSentence, Citation]:
    """An attributed exact quote as an answer sentence and the citation of its passage's supporting span."""
    p = q.passage
    s, e, _ = q.result.per_evidence[0] if q.result.per_evidence else (q.start, q.end, 0.0)
    return (AnswerSentence(text=q.text, citations=[p.n], supported=True, support=q.result.score, reason=reason,
                           status=status), citation_for(p, p.n, s, e))


def _quoted(quoted: Quote, sentences: list[AnswerSentence], why: str
            ) -> tuple[list[AnswerSentence], list[Citation], str]:
    """The answer made of one attributed exact quote; the draft's unsupported sentences stay listed apart (its
    supported ones did not answer the question and are dropped)."""
    reason = f"supported (an exact quote of the cited text, given because in the draft {why})"
    sentence, citation = _quote_parts(quoted, reason, "quoted")
    kept = [x for x in sentences if not x.supported]
    # the marker after the closing quotation mark: inside it, it would read as part of the article's words
    return [sentence, *kept], [citation], f"{quoted.text} [{citation.n}]"


def compute_answer(question: str, index: NewsIndex, settings: Settings, llm, *,
                   history: list[tuple[str, str]] | None = None, strict: bool | None = None,
                   on_token: Callable[[str], None] | None = None, filters=None,
                   on_sentence: Callable[[Any, str], None] | None = None) -> Answer:
    """One checked answer, its citations completed with their articles' metadata: what `qa.cli.ask` prints. The
    resident service (`qa.runtime.service`) calls this too, so both paths give the same Answer. `on_sentence`
    receives each checked sentence as it passes (qa.answer.pipeline.SentenceStream)."""
    from qa.metadata import fill_citation_metadata

    answer = answer_question(question, index, settings, llm, history=history, strict=strict, on_token=on_token,
                             filters=filters, on_sentence=on_sentence)
    fill_citation_metadata(answer.citations, index.committed_docs())
    return answer
