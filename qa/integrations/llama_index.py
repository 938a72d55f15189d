"""newsqa inside llama-index code: a retriever, an LLM and a query engine that keeps newsqa's checked citations.

newsqa's own pipeline does not import llama-index (it cost ~2 s of every cold CLI process, see qa/generate/messages.py);
this module does, for users who compose llama-index pipelines. Install with `pip install newsqa[llama-index]`.

    from qa.integrations.llama_index import NewsqaQueryEngine
    engine = NewsqaQueryEngine.from_settings(load_settings())
    response = engine.query("Who confirmed the deployment?")
    response.response        # the checked answer, with [n] markers
    response.source_nodes    # one node per citation: the exact quote, its outlet, date and offsets
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from llama_index.core.base.llms.types import (
    ChatMessage,
    ChatResponse,
    ChatResponseGen,
    CompletionResponse,
    CompletionResponseGen,
    LLMMetadata,
    MessageRole,
)
from llama_index.core.base.response.schema import Response
from llama_index.core.bridge.pydantic import PrivateAttr
from llama_index.core.llms.callbacks import llm_chat_callback, llm_completion_callback
from llama_index.core.llms.custom import CustomLLM
from llama_index.core.query_engine import CustomQueryEngine
from llama_index.core.retrievers import BaseRetriever
from llama_index.core.schema import NodeWithScore, QueryBundle, TextNode

from qa.config import Settings
from qa.generate.llm import ChatModel
from qa.index.store import NewsIndex
from qa.retrieve.hybrid import retrieve_passages
from qa.schema import Answer


class HybridRetriever(BaseRetriever):
    """newsqa's hybrid retrieval (dense + BM25, fused, diversified, sentence windows) as a llama-index retriever."""

    def __init__(self, index: NewsIndex, settings: Settings, k: int | None = None) -> None:
        super().__init__()
        self._index, self._settings, self._k = index, settings, k

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        result = retrieve_passages(query_bundle.query_str, self._index, self._settings, self._k)
        return [NodeWithScore(node=TextNode(id_=p.chunk_id, text=p.text, metadata={
            "doc_id": p.doc_id, "title": p.title, "source": p.source, "start": p.start, "end": p.end}),
            score=p.score) for p in result.passages]


class NewsqaLLM(CustomLLM):
    """A newsqa `ChatModel` (the local llama.cpp model with its GGUF chat template, or the OpenAI-compatible
    backend) as a llama-index LLM; completions are sent as one user message."""

    model_name: str = ""
    context_window: int = 2048
    num_output: int = 256
    _model: Any = PrivateAttr(default=None)

    def __init__(self, model: ChatModel, **kwargs: Any) -> None:
        info = model.metadata
        super().__init__(model_name=info.model_name, context_window=info.context_window,
                         num_output=info.num_output, **kwargs)
        self._model = model

    @classmethod
    def class_name(cls) -> str:
        return "newsqa_llm"

    @property
    def metadata(self) -> LLMMetadata:
        return LLMMetadata(context_window=self.context_window, num_output=self.num_output, is_chat_model=True,
                           model_name=self.model_name)

    @llm_chat_callback()
    def chat(self, messages: Sequence[ChatMessage], **kwargs: Any) -> ChatResponse:
        reply = self._model.chat(messages, **kwargs)
        return ChatResponse(message=ChatMessage(role=MessageRole.ASSISTANT, content=reply.message.content),
                            raw=reply.raw)

    @llm_chat_callback()
    def stream_chat(self, messages: Sequence[ChatMessage], **kwargs: Any) -> ChatResponseGen:
        stream = self._model.stream_chat(messages, **kwargs)

        def gen() -> ChatResponseGen:
            for piece in stream:
                yield ChatResponse(message=ChatMessage(role=MessageRole.ASSISTANT, content=piece.text),
                                   delta=piece.delta)

        return gen()

    @llm_completion_callback()
    def complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> CompletionResponse:
        reply = self._model.chat([{"role": "user", "content": prompt}], **kwargs)
        return CompletionResponse(text=reply.message.content, raw=reply.raw)

    @llm_completion_callback()
    def stream_complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> CompletionResponseGen:
        stream = self._model.stream_chat([{"role": "user", "content": prompt}], **kwargs)

        def gen() -> CompletionResponseGen:
            for piece in stream:
                yield CompletionResponse(text=piece.text, delta=piece.delta)

        return gen()


def answer_to_response(answer: Answer) -> Response:
    """A newsqa `Answer` as a llama-index `Response`: one source node per citation, whose text is the exact quote
    and whose metadata says where it is (document, offsets, outlet, date, URL)."""
    nodes = [NodeWithScore(node=TextNode(id_=f"{c.doc_id}:{c.start}:{c.end}", text=c.quote, metadata={
        "n": c.n, "doc_id": c.doc_id, "start": c.start, "end": c.end, "source": c.source, "title": c.title,
        "published": c.published, "url": c.url}), score=c.score) for c in answer.citations]
    return Response(response=answer.answer, source_nodes=nodes,
                    metadata={"abstained": answer.abstained, "model": answer.model, "newsqa_answer": answer})


class NewsqaQueryEngine(CustomQueryEngine):
    """newsqa's whole answer pipeline (retrieve, generate, verify each sentence, cite exact spans) as a llama-index
    query engine: composes with llama-index routers, tools and agents without giving up the checks."""

    index: Any
    settings: Any
    llm: Any

    @classmethod
    def from_settings(cls, settings: Settings) -> NewsqaQueryEngine:
        from qa.generate.llm import get_llm
        from qa.index.store import open_index

        return cls(index=open_index(settings), settings=settings, llm=get_llm(settings))

    def custom_query(self, query_str: str) -> Response:
        from qa.answer.pipeline import answer_question

        return answer_to_response(answer_question(query_str, self.index, self.settings, self.llm))
