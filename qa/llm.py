"""The generator: a llama-index LLM for the local llama.cpp model or an OpenAI-compatible server.

Usage::

    from qa.config import load_settings
    from qa.llm import generate, get_llm

    llm = get_llm(load_settings({"model": "fast"}))      # loaded once per process, then reused
    gen = generate(llm, [{"role": "user", "content": "Say hello."}])
    for delta in gen:                                    # text deltas as they are produced
        print(delta, end="", flush=True)
    print(gen.model, gen.first_token_s, gen.total_s)

Backends (a registry, so adding one is one function): ``local`` wraps ``llama_cpp.Llama`` and calls
``create_chat_completion`` so the chat template stored in the GGUF (Qwen ChatML) is applied; ``openai``
is llama-index's ``OpenAILike`` pointed at ``settings.openai_base_url`` after a fast reachability check.
Every failure surfaces as ``qa.errors.ModelError`` with a one-line message.
"""

from __future__ import annotations

import atexit
import math
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
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
from llama_index.core.bridge.pydantic import PrivateAttr
from llama_index.core.llms import LLM
from llama_index.core.llms.callbacks import llm_chat_callback, llm_completion_callback
from llama_index.core.llms.custom import CustomLLM

from qa.config import Settings
from qa.errors import ModelError, NewsqaError, UsageError
from qa.models import resolve_model_path

Message = ChatMessage | dict[str, str]


# ---------------------------------------------------------------------------------------------------------
# Local backend: llama.cpp


class LlamaCppLLM(CustomLLM):
    """A llama-index LLM over a loaded ``llama_cpp.Llama`` that uses the GGUF's own chat template.

    (llama-index's LlamaCPP integration formats prompts itself instead of using the GGUF template, and does
    not share one loaded model between settings; this wrapper is a few lines over ``create_chat_completion``.)
    Calls on the same object reuse llama.cpp's KV cache for the common prompt prefix.
    """

    model_path: str
    model_name: str
    n_ctx: int = 2048
    max_tokens: int = 256
    temperature: float = 0.0
    seed: int = 42

    _llama: Any = PrivateAttr(default=None)
    # llama.cpp contexts are not thread-safe and the UI may call in parallel
    _lock: Any = PrivateAttr(default=None)

    def attach(self, llama: Any, lock: threading.Lock) -> LlamaCppLLM:
        """Attach an already loaded ``Llama`` (shared between LLM objects that differ only in sampling)."""
        self._llama = llama
        self._lock = lock
        return self

    @property
    def llama(self) -> Any:
        """The underlying ``llama_cpp.Llama``."""
        return self._llama

    @classmethod
    def class_name(cls) -> str:
        return "newsqa_llama_cpp"

    @property
    def metadata(self) -> LLMMetadata:
        return LLMMetadata(context_window=self.n_ctx, num_output=self.max_tokens, is_chat_model=True,
                           model_name=self.model_name)

    def _params(self, kwargs: dict[str, Any]) -> dict[str, Any]:
        params = {"max_tokens": self.max_tokens, "temperature": self.temperature, "seed": self.seed}
        params.update({k: v for k, v in kwargs.items() if k in {"max_tokens", "temperature", "seed", "stop",
                                                                   "top_p", "top_k", "repeat_penalty"}})
        return params

    @staticmethod
    def _dicts(messages: Sequence[ChatMessage]) -> list[dict[str, str]]:
        return [{"role": m.role.value, "content": m.content or ""} for m in messages]

    @llm_chat_callback()
    def chat(self, messages: Sequence[ChatMessage], **kwargs: Any) -> ChatResponse:
        with self._lock:
            raw = self._llama.create_chat_completion(messages=self._dicts(messages), **self._params(kwargs))
        text = raw["choices"][0]["message"].get("content") or ""
        return ChatResponse(message=ChatMessage(role=MessageRole.ASSISTANT, content=text), raw=raw)

    @llm_chat_callback()
    def stream_chat(self, messages: Sequence[ChatMessage], **kwargs: Any) -> ChatResponseGen:
        msgs, params = self._dicts(messages), self._params(kwargs)

        def gen() -> ChatResponseGen:
            text = ""
            with self._lock:  # held until the stream ends or the generator is closed
                for chunk in self._llama.create_chat_completion(messages=msgs, stream=True, **params):
                    delta = chunk["choices"][0]["delta"].get("content") or ""
                    if not delta:
                        continue
                    text += delta
                    yield ChatResponse(message=ChatMessage(role=MessageRole.ASSISTANT, content=text),
                                       delta=delta, raw=chunk)

        return gen()

    @llm_completion_callback()
    def complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> CompletionResponse:
        response = self.chat([ChatMessage(role=MessageRole.USER, content=prompt)], **kwargs)
        return CompletionResponse(text=response.message.content or "", raw=response.raw)

    @llm_completion_callback()
    def stream_complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> CompletionResponseGen:
        stream = self.stream_chat([ChatMessage(role=MessageRole.USER, content=prompt)], **kwargs)

        def gen() -> CompletionResponseGen:
            for response in stream:
                yield CompletionResponse(text=response.message.content or "", delta=response.delta,
                                         raw=response.raw)

        return gen()


_CACHE_LOCK = threading.Lock()
_LLAMAS: dict[tuple, tuple[Any, threading.Lock]] = {}
_LLMS: dict[tuple, LLM] = {}
_last_llama: Any = None  # most recently loaded model, for count_tokens


def _load_llama(path: Path, n_ctx: int, threads: int, seed: int) -> tuple[Any, threading.Lock]:
    """Load (once per process) a GGUF with llama.cpp; callers hold `_CACHE_LOCK`."""
    global _last_llama
    key = (str(path), n_ctx, threads, seed)
    if key not in _LLAMAS:
        from llama_cpp import Llama  # imported lazily: the openai backend does not need it

        try:
            llama = Llama(model_path=str(path), n_ctx=n_ctx, n_threads=threads, n_threads_batch=threads,
                          seed=seed, verbose=False)
        except (ValueError, RuntimeError, OSError) as exc:
            raise ModelError(f"cannot load model file {path}: {exc}") from None
        _LLAMAS[key] = (llama, threading.Lock())
        _last_llama = llama
    return _LLAMAS[key]


@atexit.register
def _close_llamas() -> None:
    """Free loaded models while llama.cpp is still importable; left to `Llama.__del__` at interpreter shutdown
    they print 'NoneType object is not callable' tracebacks."""
    global _last_llama
    with _CACHE_LOCK:
        for llama, lock in _LLAMAS.values():
            if lock.acquire(timeout=5):  # a daemon thread mid-generation keeps its model; closing it could crash
                try:
                    llama.close()
                finally:
                    lock.release()
        _LLAMAS.clear()
        _LLMS.clear()
        _last_llama = None


def _local_llm(settings: Settings) -> LLM:
    path = resolve_model_path(settings).resolve()
    key = ("local", str(path), settings.n_ctx, settings.threads, settings.seed, settings.temperature,
           settings.max_tokens)
    with _CACHE_LOCK:
        if key not in _LLMS:
            llama, lock = _load_llama(path, settings.n_ctx, settings.threads, settings.seed)
            name = path.name.removesuffix(".gguf")
            _LLMS[key] = LlamaCppLLM(model_path=str(path), model_name=name, n_ctx=settings.n_ctx,
                                     max_tokens=settings.max_tokens, temperature=settings.temperature,
                                     seed=settings.seed).attach(llama, lock)
        return _LLMS[key]


# ---------------------------------------------------------------------------------------------------------
# OpenAI-compatible backend


def check_server(base_url: str, api_key: str, timeout: float) -> list[str]:
    """GET {base_url}/models within `timeout` seconds; return the served model ids or raise ModelError."""
    import httpx  # comes with the openai client

    url = base_url.rstrip("/") + "/models"
    headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
    try:
        response = httpx.get(url, headers=headers, timeout=timeout)
    except (httpx.HTTPError, ValueError) as exc:
        reason = str(exc) or type(exc).__name__
        raise ModelError(f"cannot reach the OpenAI-compatible server at {base_url}: {reason} (start the "
                         "server or set NEWSQA_OPENAI_BASE_URL)") from None
    if response.status_code in (401, 403):
        raise ModelError(f"the OpenAI-compatible server at {base_url} refused the API key (HTTP "
                         f"{response.status_code}); set OPENAI_API_KEY or NEWSQA_OPENAI_API_KEY")
    if response.status_code == 404:
        raise ModelError(f"{base_url} does not look like an OpenAI-compatible API (no {url}); the base URL "
                         "usually ends in /v1")
    if response.status_code != 200:
        raise ModelError(f"the OpenAI-compatible server at {base_url} answered HTTP {response.status_code} "
                         f"for {url}")
    try:
        return [str(m["id"]) for m in response.json().get("data", []) if "id" in m]
    except (ValueError, AttributeError, TypeError):
        return []


def _openai_llm(settings: Settings) -> LLM:
    base = settings.openai_base_url.rstrip("/")
    name = settings.openai_model or settings.model
    key = ("openai", base, name, settings.openai_api_key, settings.request_timeout, settings.n_ctx,
           settings.temperature, settings.max_tokens, settings.seed)
    with _CACHE_LOCK:
        if key in _LLMS:
            return _LLMS[key]
    served = check_server(base, settings.openai_api_key, settings.connect_timeout)
    if name in {"", "default", "fast"} and served:
        name = served[0]  # our local aliases mean nothing to a server: use what it serves
    from llama_index.llms.openai_like import OpenAILike  # imported lazily: it pulls in transformers

    llm = OpenAILike(model=name, api_base=base, api_key=settings.openai_api_key or "not-needed",
                     is_chat_model=True, context_window=settings.n_ctx, max_tokens=settings.max_tokens,
                     temperature=settings.temperature, timeout=settings.request_timeout, max_retries=0,
                     additional_kwargs={"seed": settings.seed})
    with _CACHE_LOCK:
        return _LLMS.setdefault(key, llm)


# ---------------------------------------------------------------------------------------------------------
# Public API

BACKENDS: dict[str, Callable[[Settings], LLM]] = {"local": _local_llm, "openai": _openai_llm}


def get_llm(settings: Settings) -> LLM:
    """The LLM for `settings` (backend, model, n_ctx, sampling), created once per process and reused."""
    factory = BACKENDS.get(settings.backend)
    if factory is None:
        raise UsageError(f"unknown backend '{settings.backend}' (choose {' or '.join(BACKENDS)})")
    return factory(settings)


def model_name(llm: LLM) -> str:
    """A short name for reports: the GGUF file stem (local) or the served model id (openai)."""
    return llm.metadata.model_name


def _as_chat_messages(messages: Sequence[Message]) -> list[ChatMessage]:
    out = []
    for m in messages:
        if isinstance(m, ChatMessage):
            out.append(m)
        else:
            out.append(ChatMessage(role=MessageRole(m["role"]), content=m["content"]))
    return out


def _describe_failure(llm: LLM, exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if "exceed context window" in text:
        return (f"the prompt does not fit the model's context ({text}); lower prompt_budget_tokens or raise "
                "n_ctx")
    where = getattr(llm, "api_base", None)
    if where:
        return f"the OpenAI-compatible server at {where} failed: {text}"
    return f"generation with {model_name(llm)} failed: {text}"


class Generation:
    """One model call. Iterate for text deltas; afterwards `text`, `first_token_s` and `total_s` are set.

    Reading `text` before iterating runs the call to the end (so ``generate(llm, msgs).text`` is the whole
    answer); during iteration it is the text so far. ``deltas`` counts streamed pieces (about one per token).
    """

    def __init__(self, llm: LLM, messages: Sequence[Message], stream: bool = True, **kwargs: Any) -> None:
        self.llm = llm
        self.model = model_name(llm)
        self._text = ""
        self._started = False
        self.deltas = 0
        self.first_token_s: float | None = None
        self.total_s: float | None = None
        self._iter = self._run(_as_chat_messages(messages), stream, kwargs)

    def __iter__(self) -> Iterator[str]:
        return self._iter

    def __next__(self) -> str:
        return next(self._iter)

    def collect(self) -> str:
        """Run to the end and return the whole text."""
        for _ in self._iter:
            pass
        return self._text

    @property
    def text(self) -> str:
        """The text generated so far (the whole text if read before iterating)."""
        return self._text if self._started else self.collect()

    @property
    def timings(self) -> dict[str, float | None]:
        """`first_token_s` and `total_s` (seconds) for reports."""
        return {"first_token_s": self.first_token_s, "total_s": self.total_s}

    def _run(self, messages: list[ChatMessage], stream: bool, kwargs: dict[str, Any]) -> Iterator[str]:
        self._started = True
        start = time.perf_counter()
        try:
            if stream:
                for response in self.llm.stream_chat(messages, **kwargs):
                    delta = response.delta or ""
                    if delta:
                        yield self._record(delta, start)
            else:
                response = self.llm.chat(messages, **kwargs)
                yield self._record(response.message.content or "", start)
        except NewsqaError:
            raise
        except Exception as exc:  # backend errors (HTTP, llama.cpp) become one clear line
            raise ModelError(_describe_failure(self.llm, exc)) from exc
        finally:
            self.total_s = time.perf_counter() - start

    def _record(self, delta: str, start: float) -> str:
        if self.first_token_s is None:
            self.first_token_s = time.perf_counter() - start
        self._text += delta
        self.deltas += 1
        return delta


def generate(llm: LLM, messages: Sequence[Message], stream: bool = True, **kwargs: Any) -> Generation:
    """Start a chat call; returns a `Generation` to iterate for text deltas (see the module docstring)."""
    return Generation(llm, messages, stream=stream, **kwargs)


def count_tokens(text: str, llm: LLM | None = None) -> int:
    """Tokens in `text`: exact with a loaded local model's tokenizer, else a cheap estimate (chars / 4)."""
    llama = llm.llama if isinstance(llm, LlamaCppLLM) else (_last_llama if llm is None else None)
    if llama is not None:
        return len(llama.tokenize(text.encode("utf-8"), add_bos=False, special=False))
    return math.ceil(len(text) / 4)
