"""The generator: the local llama.cpp model or an OpenAI-compatible server, behind one small protocol.

Usage::

    from qa.config import load_settings
    from qa.generate.llm import get_llm, model_name, stream_text

    llm = get_llm(load_settings({"model": "fast"}))      # loaded once per process, then reused
    text, first_token_s = stream_text(llm, [{"role": "user", "content": "Say hello."}],
                                      on_token=lambda delta: print(delta, end="", flush=True))
    print(model_name(llm), first_token_s)

Backends (a registry, so adding one is one function) implement `ChatModel`: ``local`` wraps ``llama_cpp.Llama``
and calls ``create_chat_completion`` so the chat template stored in the GGUF (Qwen ChatML) is applied; ``openai``
uses the official ``openai`` client against ``settings.openai_base_url`` after a fast reachability check.
Every failure surfaces as ``qa.errors.ModelError`` with a one-line message. llama-index is not imported here
(see qa/generate/messages.py for why); `qa.integrations.llama_index` wraps a `ChatModel` as a llama-index LLM.
"""

from __future__ import annotations

import atexit
import functools
import math
import re
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from qa.config import Settings
from qa.errors import ModelError, UsageError
from qa.generate.messages import ChatDelta, ChatMessage, MessageRole
from qa.generate.models import resolve_model_path

Message = ChatMessage | dict[str, str]


@dataclass(frozen=True)
class ModelInfo:
    """What reports and prompt budgeting need to know of a model."""

    model_name: str
    context_window: int
    num_output: int


@dataclass(frozen=True)
class ChatReply:
    """A whole (non-streamed) reply."""

    message: ChatMessage
    raw: Any = None


@runtime_checkable
class ChatModel(Protocol):
    """A language model backend: chat messages in, text out (streamed or whole)."""

    @property
    def metadata(self) -> ModelInfo: ...

    def chat(self, messages: Sequence[Message], **kwargs: Any) -> ChatReply: ...

    def stream_chat(self, messages: Sequence[Message], **kwargs: Any) -> Iterator[ChatDelta]: ...


LLM = ChatModel  # the name the rest of the code annotates with

# Sampling options a call may override.
_CALL_OPTIONS = {"max_tokens", "temperature", "seed", "stop", "top_p", "top_k", "repeat_penalty"}


# ---------------------------------------------------------------------------------------------------------
# Local backend: llama.cpp


class _Sampling:
    """What both backends share: the model's name, context and the default sampling of every call."""

    model_name: str
    n_ctx: int
    max_tokens: int
    temperature: float
    seed: int

    @property
    def metadata(self) -> ModelInfo:
        return ModelInfo(model_name=self.model_name, context_window=self.n_ctx, num_output=self.max_tokens)

    def _params(self, kwargs: dict[str, Any]) -> dict[str, Any]:
        params = {"max_tokens": self.max_tokens, "temperature": self.temperature, "seed": self.seed}
        params.update({k: v for k, v in kwargs.items() if k in _CALL_OPTIONS})
        return params


class LlamaCppLLM(_Sampling):
    """A `ChatModel` over a loaded ``llama_cpp.Llama`` that uses the GGUF's own chat template.

    (llama-index's LlamaCPP integration formats prompts itself instead of using the GGUF template, and does
    not share one loaded model between settings; this wrapper is a few lines over ``create_chat_completion``.)
    Calls on the same object reuse llama.cpp's KV cache for the common prompt prefix.
    """

    def __init__(self, model_path: str, model_name: str, n_ctx: int = 2048, max_tokens: int = 256,
                 temperature: float = 0.0, seed: int = 42) -> None:
        self.model_path, self.model_name = model_path, model_name
        self.n_ctx, self.max_tokens, self.temperature, self.seed = n_ctx, max_tokens, temperature, seed
        self._llama: Any = None
        # llama.cpp contexts are not thread-safe and the UI may call in parallel
        self._lock: Any = None

    def attach(self, llama: Any, lock: threading.Lock) -> LlamaCppLLM:
        """Attach an already loaded ``Llama`` (shared between LLM objects that differ only in sampling)."""
        self._llama = llama
        self._lock = lock
        return self

    @property
    def llama(self) -> Any:
        """The underlying ``llama_cpp.Llama``."""
        return self._llama

    def chat(self, messages: Sequence[Message], **kwargs: Any) -> ChatReply:
        msgs = _dicts_of(messages)
        with self._lock:
            call = _CallStats.start(self._llama, msgs)
            try:
                raw = self._llama.create_chat_completion(messages=msgs, **self._params(kwargs))
            finally:
                call.finish(self._llama)
        text = raw["choices"][0]["message"].get("content") or ""
        return ChatReply(message=ChatMessage(role=MessageRole.ASSISTANT, content=text), raw=raw)

    def stream_chat(self, messages: Sequence[Message], **kwargs: Any) -> Iterator[ChatDelta]:
        msgs, params = _dicts_of(messages), self._params(kwargs)

        def gen() -> Iterator[ChatDelta]:
            text = ""
            with self._lock:  # held until the stream ends or the generator is closed
                call = _CallStats.start(self._llama, msgs)
                try:
                    for chunk in self._llama.create_chat_completion(messages=msgs, stream=True, **params):
                        delta = chunk["choices"][0]["delta"].get("content") or ""
                        if not delta:
                            continue
                        call.first_token()
                        text += delta
                        yield ChatDelta(delta=delta, text=text)
                finally:
                    call.finish(self._llama)

        return gen()


# ---------------------------------------------------------------------------------------------------------
# The fixed prompt prefix's KV state, and what each call cost
#
# llama.cpp keeps the tokens of the last call in its context, and `Llama.generate` evaluates only what follows the
# longest prefix a new prompt shares with them. Consecutive answers therefore already share the system prompt
# and the first line of the QA template, but only in a warm process, and only until another prompt (a condensed
# follow-up, a summary) replaces the context. `prime_prefix` evaluates that fixed prefix once, at load time, and
# keeps its state; a later prompt that starts with it and shares less with the current context gets the state
# back first (`Llama.load_state`), so its prompt evaluation starts after the prefix.
#
# (llama-cpp-python's `LlamaRAMCache`, set with `Llama.set_cache`, does the same lookup generically but saves the
# state after every call, and `Llama.save_state` copies the logits buffer with it: about 0.6 MB per context token
# with this vocabulary, ~300 MB for a 500-token answer, per call. The prefix state here is saved once.)


class _Prefix:
    """The evaluated prefix of one loaded model: its tokens and its saved state."""

    def __init__(self, tokens: list[int], state: Any, formatter: Any) -> None:
        self.tokens, self.state, self.formatter = tokens, state, formatter


_PREFIXES: dict[int, _Prefix] = {}  # by id() of the loaded Llama
_LAST_CALL: dict[int, dict[str, float | int | None]] = {}  # by id() of the loaded Llama


def _chat_formatter(llama: Any) -> Any:
    """A formatter that renders messages exactly as `create_chat_completion` does for this model (its GGUF chat
    template), or None for a model that uses another chat handler."""
    if getattr(llama, "chat_handler", None) is not None or llama.chat_format != "chat_template.default":
        return None
    template = llama.metadata.get("tokenizer.chat_template")
    if not template:
        return None
    from llama_cpp.llama_chat_format import Jinja2ChatFormatter

    def text(token: int) -> str:
        return llama.detokenize([token], special=True).decode("utf-8", "replace") if token >= 0 else ""

    return Jinja2ChatFormatter(template=template, eos_token=text(llama.token_eos()), bos_token=text(llama.token_bos()))


def _prompt_tokens(llama: Any, formatter: Any, messages: list[dict[str, str]]) -> list[int]:
    """The tokens `create_chat_completion` evaluates for `messages` (its handler tokenizes the rendered template
    with special tokens and no extra BOS)."""
    rendered = formatter(messages=messages)
    return llama.tokenize(rendered.prompt.encode("utf-8"), add_bos=not rendered.added_special, special=True)


def _common_prefix(a: Sequence[int], b: Sequence[int]) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def prime_prefix(llm: LLM, messages: Sequence[Message]) -> int:
    """Evaluate the fixed beginning of a prompt once and keep its KV state for later calls on this model.

    `messages`: the prompt's fixed messages, the last one cut where its variable part starts (for answers: the
    system prompt and the QA template up to its passages). Only the tokens every such prompt shares are kept, so a
    template whose last fixed token could merge with what follows loses that token rather than mismatching.
    Returns the number of tokens kept (0: nothing to do, e.g. another backend or chat handler). Outputs do not
    depend on it beyond llama.cpp's usual batch-split rounding: a warm process already reuses the same prefix.
    """
    if not isinstance(llm, LlamaCppLLM) or llm.llama is None:
        return 0
    llama, lock = llm.llama, llm._lock
    formatter = _chat_formatter(llama)
    if formatter is None:
        return 0
    fixed = [dict(m) for m in _dicts_of(messages)]

    def tokens(tail: str) -> list[int]:
        msgs = [*fixed[:-1], {**fixed[-1], "content": fixed[-1]["content"] + tail}]
        return _prompt_tokens(llama, formatter, msgs)

    first, second = tokens("[1] The first"), tokens("Question: what")
    n = _common_prefix(first, second)
    if n < 2:
        return 0
    prefix = first[:n]
    with lock:
        llama.reset()
        llama.eval(prefix)
        state = llama.save_state()
        if getattr(llama, "_logits_all", True) is False:
            # Without logits_all, llama-cpp-python samples from the context's own logits and never reads the saved
            # rows (uninitialised memory at this point); one zero row broadcasts in `load_state` instead of
            # copying n_tokens x n_vocab floats (~40 MB here) on every restore.
            state.scores = np.zeros((1, state.scores.shape[1]), dtype=np.single)
        _PREFIXES[id(llama)] = _Prefix(prefix, state, formatter)
    return n


def _dicts_of(messages: Sequence[Message]) -> list[dict[str, str]]:
    """Messages as chat-completion dicts: ours, plain dicts, or any object with `role` and `content` (a
    llama-index ChatMessage, for code that mixes both)."""
    out = []
    for m in messages:
        if isinstance(m, dict):
            out.append({"role": str(m["role"]), "content": str(m.get("content") or "")})
        else:
            out.append({"role": str(getattr(m.role, "value", m.role)), "content": str(m.content or "")})
    return out


class _CallStats:
    """Restores the prefix state when it helps, then measures one call (callers hold the model's lock)."""

    def __init__(self, llama: Any, prompt: list[int] | None, reused: int | None) -> None:
        self.llama, self.prompt, self.reused = llama, prompt, reused
        self.t0 = time.perf_counter()
        self.first_s: float | None = None

    @classmethod
    def start(cls, llama: Any, messages: list[dict[str, str]]) -> _CallStats:
        prefix = _PREFIXES.get(id(llama))
        formatter = prefix.formatter if prefix else _chat_formatter(llama)
        prompt = reused = None
        if formatter is not None:
            try:
                prompt = _prompt_tokens(llama, formatter, messages)
            except Exception:  # only statistics and the prefix state depend on it; the call itself does not
                prompt = None
        if prompt is not None:
            current = llama.input_ids[:llama.n_tokens].tolist()
            reused = _common_prefix(current, prompt)
            if prefix is not None and reused < len(prefix.tokens) <= _common_prefix(prefix.tokens, prompt):
                llama.load_state(prefix.state)
                reused = len(prefix.tokens)
            reused = min(reused, len(prompt) - 1)  # llama.cpp evaluates at least the last prompt token
        return cls(llama, prompt, reused)

    def first_token(self) -> None:
        if self.first_s is None:
            self.first_s = time.perf_counter() - self.t0

    def finish(self, llama: Any) -> None:
        total = time.perf_counter() - self.t0
        n_prompt = len(self.prompt) if self.prompt is not None else None
        # The context ends with every generated token but the last one sampled (never evaluated).
        generated = llama.n_tokens - n_prompt + 1 if n_prompt is not None and llama.n_tokens >= n_prompt else None
        _LAST_CALL[id(llama)] = {
            "prompt_tokens": n_prompt, "reused_tokens": self.reused,
            "evaluated_prompt_tokens": None if n_prompt is None else n_prompt - (self.reused or 0),
            "prompt_s": None if self.first_s is None else round(self.first_s, 3),
            "generated_tokens": generated, "call_s": round(total, 3),
        }


def last_call_stats(llm: LLM) -> dict[str, float | int | None]:
    """Token counts and times of the most recent call on `llm`'s loaded model (empty for other backends):
    prompt_tokens, reused_tokens (KV prefix not evaluated again), evaluated_prompt_tokens, prompt_s (to the first
    token), generated_tokens, call_s."""
    if not isinstance(llm, LlamaCppLLM) or llm.llama is None:
        return {}
    return dict(_LAST_CALL.get(id(llm.llama), {}))


_CACHE_LOCK = threading.Lock()
_LLAMAS: dict[tuple, tuple[Any, threading.Lock]] = {}
_LLMS: dict[tuple, LLM] = {}
_last_llama: Any = None  # most recently loaded model, for count_tokens


LLAMA_BUILD_MARKER = "newsqa-llama-cpu.txt"  # written into the venv by tools/llama_wheel.py


@functools.cache
def _cpu_flags() -> frozenset[str] | None:
    """/proc/cpuinfo's flags (tools/llama_wheel.py reads them the same way; it runs before the package exists)."""
    try:
        m = re.search(r"^flags\s*:\s*(.*)$", Path("/proc/cpuinfo").read_text(errors="replace"), re.M)
    except OSError:
        return None
    return frozenset(m.group(1).split()) if m else None


def check_llama_build(prefix: Path | None = None) -> None:
    """Raise ModelError when this environment's llama.cpp was compiled (by tools/llama_wheel.py) for CPU
    extensions this CPU lacks: loading it would kill the process with SIGILL, not raise."""
    marker = Path(prefix or sys.prefix) / LLAMA_BUILD_MARKER
    try:
        lines = marker.read_text(encoding="utf-8").splitlines()
    except OSError:
        return  # not built by tools/llama_wheel.py (a stock wheel or the portable default): nothing recorded
    have = _cpu_flags()
    if have is None or len(lines) < 2:
        return
    missing = sorted(set(lines[1].split()) - have)
    if missing:
        raise ModelError(f"llama-cpp-python in {marker.parent} was compiled for CPU features this CPU lacks "
                         f"({', '.join(missing)}); rebuild it on this machine: make clean-venv && make setup")


def _load_llama(path: Path, n_ctx: int, threads: int, seed: int,
                flash_attn: bool = False) -> tuple[Any, threading.Lock]:
    """Load (once per process) a GGUF with llama.cpp; callers hold `_CACHE_LOCK`."""
    global _last_llama
    key = (str(path), n_ctx, threads, seed, flash_attn)
    if key not in _LLAMAS:
        check_llama_build()
        from llama_cpp import Llama  # imported lazily: the openai backend does not need it

        try:
            llama = Llama(model_path=str(path), n_ctx=n_ctx, n_threads=threads, n_threads_batch=threads,
                          seed=seed, flash_attn=flash_attn, verbose=False)
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
        _PREFIXES.clear()
        _LAST_CALL.clear()
        _last_llama = None


def _local_llm(settings: Settings) -> LLM:
    path = resolve_model_path(settings).resolve()
    key = ("local", str(path), settings.n_ctx, settings.threads, settings.seed, settings.flash_attention,
           settings.temperature, settings.max_tokens)
    with _CACHE_LOCK:
        if key not in _LLMS:
            llama, lock = _load_llama(path, settings.n_ctx, settings.threads, settings.seed,
                                      settings.flash_attention)
            name = path.name.removesuffix(".gguf")
            _LLMS[key] = LlamaCppLLM(model_path=str(path), model_name=name, n_ctx=settings.n_ctx,
                                     max_tokens=settings.max_tokens, temperature=settings.temperature,
                                     seed=settings.seed).attach(llama, lock)
        return _LLMS[key]


# ---------------------------------------------------------------------------------------------------------
# OpenAI-compatible backend


class OpenAIChatLLM(_Sampling):
    """A `ChatModel` over any OpenAI-compatible chat-completions server, through the official `openai` client
    (imported on first use: only this backend needs it). No retries: a failed call is reported at once."""

    def __init__(self, base_url: str, model: str, api_key: str, timeout: float, n_ctx: int, max_tokens: int,
                 temperature: float, seed: int) -> None:
        from openai import OpenAI

        self.api_base, self.model, self.model_name = base_url, model, model
        self.n_ctx, self.max_tokens, self.temperature, self.seed = n_ctx, max_tokens, temperature, seed
        self._client = OpenAI(base_url=base_url, api_key=api_key, timeout=timeout, max_retries=0)

    def _params(self, kwargs: dict[str, Any]) -> dict[str, Any]:
        params = super()._params(kwargs)
        extra = {k: params.pop(k) for k in ("top_k", "repeat_penalty") if k in params}  # not in the OpenAI API
        if extra:
            params["extra_body"] = extra
        return params

    def chat(self, messages: Sequence[Message], **kwargs: Any) -> ChatReply:
        raw = self._client.chat.completions.create(model=self.model, messages=_dicts_of(messages),
                                                   **self._params(kwargs))
        text = (raw.choices[0].message.content if raw.choices else "") or ""
        return ChatReply(message=ChatMessage(role=MessageRole.ASSISTANT, content=text), raw=raw)

    def stream_chat(self, messages: Sequence[Message], **kwargs: Any) -> Iterator[ChatDelta]:
        stream = self._client.chat.completions.create(model=self.model, messages=_dicts_of(messages),
                                                      stream=True, **self._params(kwargs))

        def gen() -> Iterator[ChatDelta]:
            text = ""
            try:
                for chunk in stream:
                    delta = (chunk.choices[0].delta.content if chunk.choices else None) or ""
                    if delta:
                        text += delta
                        yield ChatDelta(delta=delta, text=text)
            finally:
                stream.close()

        return gen()


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
    llm = OpenAIChatLLM(base_url=base, model=name, api_key=settings.openai_api_key or "not-needed",
                        timeout=settings.request_timeout, n_ctx=settings.n_ctx, max_tokens=settings.max_tokens,
                        temperature=settings.temperature, seed=settings.seed)
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


def set_threads(llm: LLM, threads: int) -> int | None:
    """Let a loaded llama.cpp model use `threads` threads from its next call on (prompt and generation); return
    the number it used before, or None for a backend without threads (a server, a test fake). The output does
    not depend on it: ggml computes each output row on one thread (docs/performance.md, session 16)."""
    llama = getattr(llm, "llama", None)
    lock = getattr(llm, "_lock", None)
    if llama is None or lock is None or not hasattr(llama, "context_params"):
        return None
    import llama_cpp

    with lock:
        before = int(llama.context_params.n_threads)
        llama_cpp.llama_set_n_threads(llama.ctx, threads, threads)
        llama.context_params.n_threads = llama.context_params.n_threads_batch = threads
        llama.n_threads = llama.n_threads_batch = threads
    return before


def model_name(llm: LLM) -> str:
    """A short name for reports: the GGUF file stem (local) or the served model id (openai); the class name for a
    custom model without metadata."""
    try:
        return str(llm.metadata.model_name)
    except Exception:  # metadata is optional on custom models
        return type(llm).__name__


def stream_text(llm: LLM, messages: Sequence[Message], on_token: Callable[[str], None] | None = None
                ) -> tuple[str, float | None]:
    """The one streaming path: run a chat completion, passing deltas to `on_token`; returns (text, seconds to the
    first token). Backend failures become one ModelError line."""
    t0 = time.perf_counter()
    first: float | None = None
    parts: list[str] = []
    tail = ""
    try:
        stream = llm.stream_chat(messages)
        for chunk in stream:
            delta = chunk.delta or ""
            if delta and first is None:
                first = time.perf_counter() - t0
            parts.append(delta)
            if on_token and delta:
                on_token(delta)
            tail = (tail + delta)[-80:]
            if _looping_markers(tail):
                close = getattr(stream, "close", None)
                if close is not None:
                    close()  # a closed llama.cpp stream stops generating
                break
    except ModelError:
        raise
    except Exception as exc:  # backends raise many types (HTTP, timeouts, llama.cpp); name the failure once
        raise ModelError(describe_failure(llm, exc)) from exc
    return "".join(parts), first


# A run of citation markers with nothing between them in which a number repeats ("[1] [1] [1] [1]"): the small model
# sometimes falls into this loop after its last sentence and writes markers until max_tokens (seen in the eval: ~7 s
# of a 10.6 s answer). A sentence may cite several passages ("[1] [2] [4]"), never the same one twice in a row.
_MARKER_RUN = re.compile(r"(?:\[(\d+)\]\s*){4,}$")


def _looping_markers(tail: str) -> bool:
    run = _MARKER_RUN.search(tail)
    if not run:
        return False
    numbers = re.findall(r"\[(\d+)\]", run.group(0))
    return len(numbers) != len(set(numbers))


def describe_failure(llm: LLM, exc: Exception) -> str:
    """One line naming what failed: the context size, the server, or the model."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if "exceed context window" in text:
        return (f"the prompt does not fit the model's context ({text}); lower prompt_budget_tokens or raise "
                "n_ctx")
    where = getattr(llm, "api_base", None)
    if where:
        return f"the OpenAI-compatible server at {where} failed: {text}"
    return f"generation with {model_name(llm)} failed: {text}"


def count_tokens(text: str, llm: LLM | None = None) -> int:
    """Tokens in `text`: exact with a loaded local model's tokenizer, else a cheap estimate (chars / 4)."""
    llama = llm.llama if isinstance(llm, LlamaCppLLM) else (_last_llama if llm is None else None)
    if llama is not None:
        return len(llama.tokenize(text.encode("utf-8"), add_bos=False, special=False))
    return math.ceil(len(text) / 4)
