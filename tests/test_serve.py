"""The resident service (`python -m qa.serve`) and how `qa.cli.ask` finds it or falls back: the protocol round trip on
127.0.0.1 (with a scripted fake model over the real seeded index; the real model in a subprocess is `-m llm`),
the one-line fallback message, and stale or foreign processes on the port, which must never hang the CLI."""

from __future__ import annotations

import dataclasses
import json
import os
import socket
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest

from qa.answer.pipeline import compute_answer
from qa.cli import ask
from qa.config import PROJECT_ROOT, Settings
from qa.errors import UsageError
from qa.runtime import service as serve
from tests.fake_llm import FakeScriptedLLM, passage_number

QUESTION = "Who confirmed that Revolutionary Guards were deployed to Iraq?"
SENTENCE = "Iranian security sources have confirmed the deployment"
HEAVY = ("torch", "llama_index", "llama_cpp", "chromadb", "sentence_transformers", "bm25s", "gradio", "spacy")


def _fake_llm() -> FakeScriptedLLM:
    def script(prompt: str) -> str:
        n = passage_number(prompt, "Iranian security sources have confirmed")
        return f"Revolutionary Guards have been deployed to Iraq, Iranian security sources have confirmed [{n}]."
    return FakeScriptedLLM(script)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _write_info(settings: Settings, port: int, token: str = "t" * 32, ident: dict | None = None) -> None:
    serve.write_info(serve.info_path(settings, port), {"port": port, "pid": os.getpid(), "token": token,
                                                      "identity": ident or serve.identity(settings)})


@pytest.fixture
def service_settings(seeded_settings, tmp_path: Path) -> Settings:
    """The seeded index, with the service files under a temporary home and a free port."""
    return dataclasses.replace(seeded_settings, home=tmp_path / "home", service_port=_free_port())


@pytest.fixture
def fake_service(service_settings, seeded_index):
    """A service on 127.0.0.1 serving the seeded index with a scripted fake model (no model load)."""
    service = serve.Service(service_settings, say=lambda m: None, loaded=(seeded_index, _fake_llm()))
    server = serve.bind(service_settings.service_port)
    server.RequestHandlerClass = serve.make_handler(service, lambda m: None)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    _write_info(service_settings, service_settings.service_port, service.token, service.identity)
    yield service
    server.shutdown()
    server.server_close()


def test_ask_module_and_help_import_nothing_heavy():
    code = (f"import sys, qa.cli.ask, qa.runtime.service, qa.runtime.preload; "
            f"heavy = [m for m in {HEAVY!r} if m in sys.modules]; "
            "print(','.join(heavy))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=PROJECT_ROOT, check=True)
    assert done.stdout.strip() == ""
    helped = subprocess.run([sys.executable, "-m", "qa.ask", "--help"], capture_output=True, text=True,
                            cwd=PROJECT_ROOT)
    assert helped.returncode == 0 and "--no-service" in helped.stdout


def test_round_trip_gives_the_same_answer_as_this_process(fake_service, service_settings, seeded_index):
    client = serve.ServiceClient.connect(service_settings)
    tokens: list[str] = []
    got = client.ask(QUESTION, on_token=tokens.append)
    here = compute_answer(QUESTION, seeded_index, service_settings, _fake_llm())
    assert not got.abstained and got.citations and "Iranian security sources" in got.answer
    drop = {"timings"}
    assert got.model_dump(exclude=drop) == here.model_dump(exclude=drop)
    assert "".join(tokens).strip() == got.draft.strip()  # --show-draft streams through the service


def test_service_reports_errors_with_their_exit_codes(fake_service, service_settings):
    client = serve.ServiceClient.connect(service_settings)
    with pytest.raises(UsageError) as err:
        client.ask("   ")
    assert err.value.exit_code == 2 and "empty" in str(err.value)


def test_per_request_settings_are_used_but_identity_must_match(fake_service, service_settings):
    strict = dataclasses.replace(service_settings, k=2)
    assert len(serve.ServiceClient.connect(strict).ask(QUESTION).citations) >= 1
    other = dataclasses.replace(service_settings, collection="another")
    with pytest.raises(serve.ServiceUnavailable, match="serves another collection"):
        serve.ServiceClient.connect(other)


def test_a_wrong_token_is_refused(fake_service, service_settings):
    _write_info(service_settings, service_settings.service_port, token="0" * 32, ident=fake_service.identity)
    with pytest.raises(serve.ServiceUnavailable, match="refused the token"):
        serve.ServiceClient.connect(service_settings)


def test_cli_says_in_one_line_when_it_falls_back(monkeypatch, capsys, tmp_path):
    settings = Settings(home=tmp_path, db=tmp_path / "db", service_port=_free_port())
    created = []
    monkeypatch.setattr(ask, "_InProcess", lambda s: created.append(s) or object())
    answerer = ask._Answerer(settings, use_service=True)
    err = capsys.readouterr().err
    assert created and answerer.path == "in-process"
    assert err.count("\n") == 1
    assert err.startswith(f"(no newsqa service on 127.0.0.1:{settings.service_port}; loading the model in this "
                          "process, ~")
    ask._Answerer(settings, use_service=False)  # --no-service / use_service = false: nothing to say
    assert capsys.readouterr().err == ""


def _connect_within(settings: Settings, seconds: float = 30.0) -> serve.ServiceUnavailable:
    """connect() on another thread; fails the test (instead of hanging it) when it does not return in time."""
    out: list[BaseException | None] = []

    def run() -> None:
        try:
            serve.ServiceClient.connect(settings)
            out.append(None)
        except BaseException as exc:  # noqa: BLE001 - inspected below
            out.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert out, "connect() did not return: a stale process on the port hung the client"
    assert isinstance(out[0], serve.ServiceUnavailable), out[0]
    return out[0]


def test_a_stale_service_file_with_nothing_listening(tmp_path):
    settings = Settings(home=tmp_path, db=tmp_path / "db", service_port=_free_port())
    _write_info(settings, settings.service_port)
    assert "not running" in str(_connect_within(settings))


def test_a_process_that_accepts_but_never_answers_does_not_hang_the_cli(tmp_path):
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)  # the kernel accepts connections; nobody ever reads or writes
        settings = Settings(home=tmp_path, db=tmp_path / "db", service_port=listener.getsockname()[1])
        _write_info(settings, settings.service_port)
        assert "did not answer in time" in str(_connect_within(settings))


def test_a_foreign_http_server_on_the_port_is_not_used(tmp_path):
    class Foreign(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            body = b'{"hello": "world"}'
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Foreign)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    try:
        settings = Settings(home=tmp_path, db=tmp_path / "db", service_port=server.server_address[1])
        _write_info(settings, settings.service_port)
        assert "another program" in str(_connect_within(settings))
    finally:
        server.shutdown()
        server.server_close()


def test_a_taken_port_is_a_clear_error():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        with pytest.raises(UsageError, match="cannot listen on 127.0.0.1"):
            serve.bind(taken.getsockname()[1])


@pytest.mark.llm
def test_qa_ask_is_answered_by_a_real_service_subprocess(seeded_settings, tmp_path):
    from qa.config import load_settings
    from qa.generate.models import resolve_model_path

    model = str(resolve_model_path(load_settings({"model": "fast"})))
    port = _free_port()
    env = {**os.environ, "NEWSQA_HOME": str(tmp_path / "home"), "NEWSQA_SERVICE_PORT": str(port),
           "NEWSQA_USE_SERVICE": "1"}
    common = ["--db", str(seeded_settings.db_path), "--model", model]
    proc = subprocess.Popen([sys.executable, "-m", "qa.serve", *common, "--quiet"], cwd=PROJECT_ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        for line in proc.stderr:  # wait for "ready" (the model, the embedder and the index are loaded)
            if "newsqa service ready" in line:
                break
        else:
            pytest.fail(f"the service exited with {proc.wait()} before it was ready")
        done = subprocess.run([sys.executable, "-m", "qa.ask", QUESTION, "--json", "--timings", *common],
                              cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr
        assert "loading the model in this process" not in done.stderr
        timings = json.loads(done.stderr.split("timings: ", 1)[1])
        assert timings["path"] == "service"
        out = json.loads(done.stdout)
        assert set(out) >= {"answer", "sentences", "citations", "timings"} and out["model"].startswith("qwen")
    finally:
        proc.terminate()
        proc.wait(timeout=60)
    assert not serve.info_path(load_settings({"home": str(tmp_path / "home")}), port).exists()
