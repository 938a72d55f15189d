"""The generator with the real fast model: locally through llama.cpp and through a real OpenAI-compatible
server (llama-cpp-python's own server as a subprocess)."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from qa.config import Settings
from qa.errors import ModelError
from qa.generate.llm import LlamaCppLLM, count_tokens, get_llm, model_name, stream_text
from qa.generate.models import pull
from qa.ingest.readers import load_seed_documents
from tests.procs import stop_process

pytestmark = pytest.mark.llm

QUESTION = "Which city is Saddam Hussein's hometown? Answer in one short sentence using only the passage."


def _seed_passage() -> str:
    doc = next(d for d in load_seed_documents() if d.doc_id == "seed-000")
    passage = "\n\n".join(doc.text.split("\n\n")[:3])  # up to the paragraph that names the hometown
    assert "Saddam Hussein's hometown of Tikrit" in passage
    return passage


def _messages() -> list[dict[str, str]]:
    return [
        {"role": "system", "content": "You answer questions about a news passage, using only the passage."},
        {"role": "user", "content": f"Passage:\n{_seed_passage()}\n\nQuestion: {QUESTION}"},
    ]


@pytest.fixture(scope="module")
def fast_settings() -> Settings:
    settings = Settings(model="fast", max_tokens=48)
    pull("fast", settings.models_dir, progress=False)  # no-op once the model is on this machine
    return settings


@pytest.fixture(scope="module")
def fast_llm(fast_settings):
    return get_llm(fast_settings)


def _generate(llm) -> str:
    return stream_text(llm, _messages())[0]


def test_local_model_answers_over_a_seed_passage_streaming(fast_llm):
    deltas: list[str] = []
    start = time.perf_counter()
    text, first_token_s = stream_text(fast_llm, _messages(), on_token=deltas.append)
    assert len(deltas) >= 3
    assert "".join(deltas) == text
    assert "Tikrit" in text
    assert model_name(fast_llm) == "qwen2.5-coder-0.5b-instruct-q4_k_m"
    assert first_token_s is not None and time.perf_counter() - start >= first_token_s


def test_local_model_is_loaded_once_and_non_streaming_matches(fast_settings, fast_llm):
    assert get_llm(fast_settings) is fast_llm
    streamed = _generate(fast_llm)
    whole = fast_llm.chat(_messages()).message.content
    assert whole == streamed  # temperature 0: same text either way


def test_parallel_calls_are_serialised_safely(fast_llm):
    expected = _generate(fast_llm)
    results: list[str] = []
    threads = [threading.Thread(target=lambda: results.append(_generate(fast_llm)))
               for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert results == [expected, expected]


def test_count_tokens_uses_the_model_tokenizer(fast_llm):
    assert isinstance(fast_llm, LlamaCppLLM)
    text = _seed_passage()
    exact = count_tokens(text, fast_llm)
    assert exact == len(fast_llm.llama.tokenize(text.encode(), add_bos=False))
    assert count_tokens("hello world", fast_llm) == 2
    assert count_tokens("hello world") == 2  # a local model is loaded in this process, so it is used
    assert 0.5 * len(text) / 4 < exact < 2 * len(text) / 4


def test_prompt_longer_than_the_context_is_a_model_error(fast_settings):
    llm = get_llm(Settings(model="fast", n_ctx=512, max_tokens=8))
    with pytest.raises(ModelError, match="does not fit the model's context"):
        stream_text(llm, [{"role": "user", "content": "word " * 2000}])


# --- OpenAI-compatible server -------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def _llama_server(model: Path, log: Path) -> Iterator[str]:
    """Run `python -m llama_cpp.server` on `model`; yield its /v1 base URL; always stop it."""
    port = _free_port()
    with open(log, "w") as log_fh:
        proc = subprocess.Popen(
            [sys.executable, "-m", "llama_cpp.server", "--model", str(model), "--model_alias", "fast",
             "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "2048"],
            stdout=log_fh, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + 180
        while True:
            if proc.poll() is not None:
                pytest.fail(f"llama_cpp.server exited with {proc.returncode}: {log.read_text()[-2000:]}")
            try:
                if httpx.get(f"{base}/models", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"llama_cpp.server did not come up: {log.read_text()[-2000:]}")
            time.sleep(0.5)
        yield base
    finally:
        stop_process(proc)


FAST_FILE = "qwen2.5-coder-0.5b-instruct-q4_k_m.gguf"


@pytest.fixture(scope="module")
def llama_server(fast_settings, tmp_path_factory) -> Iterator[str]:
    log = tmp_path_factory.mktemp("server") / "log"
    with _llama_server(fast_settings.models_dir / FAST_FILE, log) as base:
        yield base


def test_openai_backend_through_a_real_server(llama_server):
    llm = get_llm(Settings(backend="openai", openai_base_url=llama_server, model="fast", max_tokens=48))
    assert llm.metadata.model_name == "fast"
    deltas: list[str] = []
    text, _ = stream_text(llm, _messages(), on_token=deltas.append)
    assert len(deltas) >= 3
    assert "Tikrit" in text
    assert model_name(llm) == "fast"


def test_openai_backend_at_a_closed_port_is_a_model_error():
    port = _free_port()  # bound then released: nothing listens there
    settings = Settings(backend="openai", openai_base_url=f"http://127.0.0.1:{port}/v1", connect_timeout=2)
    with pytest.raises(ModelError, match="cannot reach the OpenAI-compatible server"):
        get_llm(settings)


def test_openai_backend_server_dying_after_the_check_is_a_model_error(fast_settings, tmp_path):
    with _llama_server(fast_settings.models_dir / FAST_FILE, tmp_path / "log") as base:
        llm = get_llm(Settings(backend="openai", openai_base_url=base, model="fast", max_tokens=8))
    # The server has been stopped: the next request fails fast and is reported as a ModelError.
    with pytest.raises(ModelError, match=f"OpenAI-compatible server at {base} failed"):
        _generate(llm)


def test_stream_stops_when_the_draft_loops_on_one_marker():
    """The 1.5B model sometimes writes "[1] [1] [1] ..." until max_tokens after its last sentence; the stream is cut
    there (and the backend's generator closed, which stops llama.cpp), while several different markers are kept."""
    from qa.generate.llm import stream_text
    from tests.fake_llm import FakeScriptedLLM

    looping = FakeScriptedLLM("The Pentagon could not confirm it. [1] Kirby said so. [1]" + " [1]" * 200)
    text, _ = stream_text(looping, [{"role": "user", "content": "q"}])
    assert text.startswith("The Pentagon could not confirm it. [1] Kirby said so. [1]")
    assert text.count("[1]") == 5  # the sentence's own marker, then three more: cut at the fourth in a row
    several = "Both said so. [1] [2] [3] [4] And more. [2]"
    assert stream_text(FakeScriptedLLM(several), [{"role": "user", "content": "q"}])[0] == several
