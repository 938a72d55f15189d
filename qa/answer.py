"""The cited question-answering pipeline: retrieve -> generate -> verify -> Answer.

`answer_question` is the single entry point used by the CLI, the UI and the eval suite.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from qa.citations import defang, verify_draft
from qa.config import Settings
from qa.errors import ModelError, UsageError
from qa.index import NewsIndex
from qa.prompts import load_prompt, load_prompt_text
from qa.quantity import missing_answer_type
from qa.retrieval import RetrievalResult, retrieve_passages
from qa.schema import Answer, AnswerSentence, Passage

if TYPE_CHECKING:
    from llama_index.core.base.llms.types import ChatMessage

ABSTAIN_TOKEN = "INSUFFICIENT"
ABSTAIN_TEXT = "The indexed articles do not say."


def validate_question(question: str, settings: Settings) -> str:
    """The question stripped; UsageError (exit 2) when empty or too long."""
    q = (question or "").strip()
    if not q:
        raise UsageError("the question is empty")
    if len(q) > settings.max_question_chars:
        raise UsageError(f"the question is {len(q):,} characters long; the limit is "
                         f"{settings.max_question_chars:,} (max_question_chars)")
    return q


def format_passages(passages: list[Passage]) -> str:
    """Passages as the numbered, delimited data block of the prompt."""
    blocks = []
    for p in passages:
        # Article text (and its title/source) is data: marker look-alikes become (n), control tokens are disarmed.
        body = defang(p.text)
        # Only a full publication date goes in the head. Names in the head were copied as the answer by the 1.5B
        # model ("Who confirmed ...?" -> "International Business Times UK"; "2014-06" pasted into sentences); the
        # outlet is shown with each citation instead.
        date = p.published if re.fullmatch(r"\d{4}-\d\d-\d\d", p.published or "") else ""
        head = defang(f"published {date}" if date else "")
        blocks.append(f"[{p.n}] {head}".rstrip() + f"\n{body}")
    return "\n\n".join(blocks)


def build_messages(question: str, passages: list[Passage]) -> list[ChatMessage]:
    """System + user messages for the QA prompt."""
    from llama_index.core.base.llms.types import ChatMessage, MessageRole  # on use: llama-index takes ~2 s to import

    user = load_prompt("qa").format(passages=format_passages(passages), question=question)
    return [ChatMessage(role=MessageRole.SYSTEM, content=load_prompt_text("system")),
            ChatMessage(role=MessageRole.USER, content=user)]


def stream_text(llm, messages: list[ChatMessage], on_token: Callable[[str], None] | None = None
                ) -> tuple[str, float | None]:
    """Run a chat completion, streaming deltas to `on_token`; returns (text, seconds to first token)."""
    t0 = time.perf_counter()
    first: float | None = None
    parts: list[str] = []
    try:
        for chunk in llm.stream_chat(messages):
            delta = chunk.delta or ""
            if delta and first is None:
                first = time.perf_counter() - t0
            parts.append(delta)
            if on_token and delta:
                on_token(delta)
    except ModelError:
        raise
    except Exception as exc:  # backends raise many types (HTTP, timeouts, llama.cpp); name the failure once
        raise ModelError(f"the language model failed: {exc}") from exc
    return "".join(parts), first


def condense_question(question: str, history: list[tuple[str, str]], llm) -> str:
    """Rewrite a follow-up ("and what did the Pentagon say?") into a standalone question."""
    if not history:
        return question
    turns = "\n".join(f"User: {q}\nAssistant: {a}" for q, a in history[-3:])
    prompt = load_prompt("condense").format(history=turns, question=question)
    from llama_index.core.base.llms.types import ChatMessage, MessageRole

    text, _ = stream_text(llm, [ChatMessage(role=MessageRole.USER, content=prompt)])
    text = text.strip().splitlines()[0].strip().strip('"') if text.strip() else ""
    return text if 8 <= len(text) <= 500 else question


def model_name(llm) -> str:
    """A readable name for the model behind `llm`."""
    try:
        return str(llm.metadata.model_name)
    except Exception:  # metadata is optional on custom LLMs
        return type(llm).__name__


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


def answer_question(question: str, index: NewsIndex, settings: Settings, llm,
                    history: list[tuple[str, str]] | None = None, strict: bool | None = None,
                    on_token: Callable[[str], None] | None = None, k: int | None = None,
                    filters=None) -> Answer:
    """Answer `question` from the indexed articles with verified, span-level citations (or abstain).
    `filters` (qa.filters.Filters) restrict retrieval to matching articles (NoMatchError when none matches)."""
    t0 = time.perf_counter()
    question = validate_question(question, settings)
    strict = settings.strict if strict is None else strict
    name = model_name(llm)
    standalone = condense_question(question, history or [], llm) if history else question
    retrieval = retrieve_passages(standalone, index, settings, k=k, filters=filters)
    timings = {"retrieve_s": round(retrieval.timings["retrieve_s"], 4)}
    shown_standalone = standalone if standalone != question else None
    if not retrieval.passages or retrieval.best_dense < settings.min_relevance:
        timings["total_s"] = round(time.perf_counter() - t0, 3)
        return abstain(question, retrieval, name, timings, shown_standalone, "nothing relevant was found")
    messages = build_messages(standalone, retrieval.passages)
    t_gen = time.perf_counter()
    draft, first = stream_text(llm, messages, on_token)
    timings["first_token_s"] = round((t_gen - t0) + (first or 0.0), 3)
    timings["generate_s"] = round(time.perf_counter() - t_gen, 3)
    if ABSTAIN_TOKEN in draft.upper() and len(draft.strip()) < 40 + len(ABSTAIN_TOKEN):
        timings["total_s"] = round(time.perf_counter() - t0, 3)
        return abstain(question, retrieval, name, timings, shown_standalone, "the model found no answer",
                       draft=draft)
    t_check = time.perf_counter()
    sentences, citations, text, removed = verify_draft(draft.replace(ABSTAIN_TOKEN, ""), retrieval.passages,
                                                       threshold=settings.support_threshold, strict=strict,
                                                       repoint_margin=settings.repoint_margin,
                                                       articles=_articles(index, retrieval.passages))
    timings["verify_s"] = round(time.perf_counter() - t_check, 3)
    timings["total_s"] = round(time.perf_counter() - t0, 3)
    if not any(s.supported for s in sentences):
        return abstain(question, retrieval, name, timings, shown_standalone,
                       "no sentence of the draft answer was supported by the passages it cited", sentences,
                       len(sentences) if strict else removed, draft)
    wrong_type = missing_answer_type(standalone, [s.text for s in sentences if s.supported])
    if wrong_type:
        return abstain(question, retrieval, name, timings, shown_standalone, wrong_type, sentences, removed, draft)
    return Answer(question=question, answer=text, abstained=False, sentences=sentences, citations=citations,
                  closest=[], standalone_question=shown_standalone, model=name, removed_sentences=removed,
                  timings=timings, draft=draft)
