"""`python -m qa.serve`: a resident service that keeps the model, the embedder and the index loaded, so
`python -m qa.ask` answers in the time the answer takes instead of loading everything first.

    python -m qa.serve                 # 127.0.0.1, port `service_port` (default 7870); Ctrl-C to stop
    python -m qa.ask "Who confirmed the IRGC deployment?"   # answered by the service while it runs

Loopback only: the service binds 127.0.0.1 and nothing else. Its port is the `service_port` setting
(`NEWSQA_SERVICE_PORT`, `--port`). When ready it writes `<home>/service/<port>.json` (mode 0600: the port, its pid,
what it serves and a random token); clients send the token with every request, so only a user who can read that
file can use the service, and a foreign program listening on the port is never mistaken for it.

Protocol (HTTP/1.0 on 127.0.0.1, JSON):

* ``GET /health`` -> ``{"service": "newsqa", "protocol": 1, "identity": {...}, "pid": ..., "model": ...}``;
* ``POST /ask`` with ``{"question", "history", "strict", "filters", "stream", "settings"}`` -> one JSON object per
  line: ``{"event": "token", "text"}`` (with ``stream``), ``{"event": "note", "text"}`` (e.g. seeding),
  ``{"event": "wait"}`` every few seconds while working, then ``{"event": "answer", "answer": <Answer JSON>,
  "stats": {...}}`` or ``{"event": "error", "kind", "message", "exit_code"}``.

The service answers with the settings of the request (k, strict, thresholds, max_tokens, ...) but only for the
model and index it has loaded: a client whose `identity` (backend, model, n_ctx, seed, flash_attention, index
location and collection) differs gets HTTP 409 and `qa.cli.ask` loads in its own process instead, saying so.

Every client wait is bounded: connecting and the health check take at most `HEALTH_TIMEOUT_S`, and an answer
request fails over when no line arrives for `READ_TIMEOUT_S` (the service sends one every `KEEPALIVE_S` while it
works), so a stale or foreign process on the port cannot hang `qa.cli.ask`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hmac
import http.client
import json
import os
import secrets
import socket
import sys
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from qa.config import Settings, _coerce, as_dict
from qa.errors import ModelError, NewsqaError, UsageError

HOST = "127.0.0.1"
PROTOCOL = 1
HEALTH_TIMEOUT_S = 2.0  # connect + health check: a process that accepts but never answers costs at most this
READ_TIMEOUT_S = 30.0  # an answer request fails over after this long without a line from the service
KEEPALIVE_S = 5.0
MAX_BODY = 1 << 20
TOKEN_HEADER = "X-Newsqa-Token"

# What the service has loaded: a request must match these exactly. Every other setting is taken per request,
# except the ones that only concern this process.
IDENTITY_FIELDS = ("backend", "model", "n_ctx", "seed", "flash_attention", "openai_base_url", "openai_model",
                   "chroma_url", "collection")
_NOT_PER_REQUEST = {"home", "db", "n_threads", "openai_api_key", "use_service", "service_port", "connect_timeout",
                    "request_timeout", *IDENTITY_FIELDS}


def identity(settings: Settings) -> dict[str, Any]:
    """What a service must have loaded to answer for `settings` (paths made absolute: the client's working folder
    may not be the service's)."""
    out = {name: getattr(settings, name) for name in IDENTITY_FIELDS}
    if settings.backend == "local":
        out.pop("openai_base_url")
        out.pop("openai_model")
        if settings.model in ("default", "fast"):
            out["models_dir"] = str(settings.models_dir.expanduser().resolve())
        else:
            out["model"] = str(Path(settings.model).expanduser().resolve())
    out["db"] = None if settings.chroma_url else str(settings.db_path.expanduser().resolve())
    return out


def info_path(settings: Settings, port: int | None = None) -> Path:
    """The file a running service describes itself in (port, pid, token, identity)."""
    return settings.home / "service" / f"{port or settings.service_port}.json"


# ---------------------------------------------------------------------------------------------------------
# Client (used by qa.cli.ask)


class ServiceUnavailable(Exception):
    """The service could not be used; the message says why, for the one line qa.cli.ask prints before loading."""


class _CallerError(Exception):
    def __init__(self, error: BaseException) -> None:
        super().__init__(str(error))
        self.error = error


def _error_class(kind: str) -> type[NewsqaError]:
    from qa import errors

    cls = getattr(errors, kind, None)
    if isinstance(cls, type) and issubclass(cls, NewsqaError):
        return cls
    if kind == "NoMatchError":
        from qa.retrieve.filters import NoMatchError

        return NoMatchError
    return NewsqaError


class ServiceClient:
    """A connection to a running service that serves these settings' model and index."""

    def __init__(self, settings: Settings, port: int, token: str, health: dict[str, Any]) -> None:
        self.settings, self.port, self.token, self.health = settings, port, token, health
        self.last_stats: dict[str, Any] = {}

    @property
    def where(self) -> str:
        return f"{HOST}:{self.port}"

    @classmethod
    def connect(cls, settings: Settings) -> ServiceClient:
        """The service for `settings`, or ServiceUnavailable saying why not (within ~HEALTH_TIMEOUT_S)."""
        port = settings.service_port
        where = f"{HOST}:{port}"
        try:
            info = json.loads(info_path(settings, port).read_text(encoding="utf-8"))
            token = str(info["token"])
        except FileNotFoundError:
            raise ServiceUnavailable(f"no newsqa service on {where}") from None
        except (OSError, ValueError, KeyError, TypeError):
            raise ServiceUnavailable(f"no usable newsqa service on {where} (unreadable {info_path(settings, port)})"
                                     ) from None
        try:
            status, body = _request(port, "GET", "/health", token, None, HEALTH_TIMEOUT_S)
        except (OSError, http.client.HTTPException) as exc:
            reason = "it did not answer in time" if isinstance(exc, TimeoutError) else "it is not running"
            raise ServiceUnavailable(f"no newsqa service on {where} ({reason})") from None
        try:
            health = json.loads(body)
        except ValueError:
            health = None
        if status == 403 and isinstance(health, dict) and "token" in str(health.get("error")):
            raise ServiceUnavailable(f"the newsqa service on {where} refused the token in "
                                     f"{info_path(settings, port)} (restart the service)")
        if status != 200 or not isinstance(health, dict) or health.get("service") != "newsqa":
            raise ServiceUnavailable(f"no newsqa service on {where} (another program answers there)")
        if health.get("protocol") != PROTOCOL:
            raise ServiceUnavailable(f"the newsqa service on {where} speaks another protocol (restart it)")
        mine, theirs = identity(settings), health.get("identity") or {}
        if mine != theirs:
            diff = ", ".join(sorted(k for k in set(mine) | set(theirs) if mine.get(k) != theirs.get(k)))
            raise ServiceUnavailable(f"the newsqa service on {where} serves another {diff}")
        return cls(settings, port, token, health)

    def ask(self, question: str, *, history: list[tuple[str, str]] | None = None, strict: bool | None = None,
            filters: Any = None, on_token: Callable[[str], None] | None = None,
            on_note: Callable[[str], None] | None = None, on_sentence: Callable[[Any, str], None] | None = None
            ) -> Any:
        """The service's Answer. ServiceUnavailable when it failed before anything was passed to `on_token`
        (the caller can then answer in-process); NewsqaError for the service's own answer of an error."""
        payload = {"question": question, "history": [list(t) for t in history or []], "strict": strict,
                   "filters": dataclasses.asdict(filters) if filters is not None else None,
                   "stream": on_token is not None, "sentences": on_sentence is not None,
                   "settings": _request_settings(self.settings)}
        payload["identity"] = identity(self.settings)
        streamed = False
        conn = sock = None
        try:
            conn, sock = _connect(self.port, HEALTH_TIMEOUT_S)
            sock.settimeout(READ_TIMEOUT_S)
            body = json.dumps(payload).encode("utf-8")
            conn.request("POST", "/ask", body=body, headers={TOKEN_HEADER: self.token,
                                                             "Content-Type": "application/json"})
            from qa.schema import Answer  # imported (pydantic: ~0.1 s) while the service works on the answer

            response = conn.getresponse()
            if response.status != 200:
                detail = response.read(4096).decode("utf-8", "replace")
                try:
                    detail = json.loads(detail).get("error", detail)
                except (ValueError, AttributeError):
                    pass
                raise ServiceUnavailable(f"the newsqa service on {self.where} refused the request "
                                         f"(HTTP {response.status}: {detail})")
            for raw in response:
                event = json.loads(raw)
                kind = event.get("event")
                if kind == "token" and on_token is not None:
                    streamed = True
                    try:
                        on_token(event["text"])
                    except BaseException as exc:  # the caller's own failure (a closed terminal): not the service's
                        raise _CallerError(exc) from exc
                elif kind == "sentence" and on_sentence is not None:
                    from qa.schema import AnswerSentence

                    streamed = True
                    try:
                        on_sentence(AnswerSentence.model_validate(event["sentence"]), event["text"])
                    except BaseException as exc:
                        raise _CallerError(exc) from exc
                elif kind == "note" and on_note is not None:
                    on_note(event["text"])
                elif kind == "answer":
                    self.last_stats = event.get("stats") or {}
                    return Answer.model_validate(event["answer"])
                elif kind == "error":
                    raise _error_class(str(event.get("kind")))(str(event.get("message")),
                                                                int(event.get("exit_code") or 1))
            raise OSError("the connection closed before the answer")
        except _CallerError as wrapped:
            raise wrapped.error from None
        except (OSError, http.client.HTTPException, ValueError) as exc:
            reason = f"no reply for {READ_TIMEOUT_S:g} s" if isinstance(exc, TimeoutError) else \
                (str(exc) or type(exc).__name__)
            if streamed:
                raise ModelError(f"the newsqa service on {self.where} stopped during the answer: {reason}") from None
            raise ServiceUnavailable(f"the newsqa service on {self.where} failed ({reason})") from None
        finally:
            if conn is not None:
                conn.close()
                sock.close()


def _request_settings(settings: Settings) -> dict[str, Any]:
    values = as_dict(settings)
    return {k: v for k, v in values.items() if k not in _NOT_PER_REQUEST}


def _request(port: int, method: str, path: str, token: str, body: bytes | None, timeout: float
             ) -> tuple[int, bytes]:
    deadline = time.monotonic() + timeout
    conn, sock = _connect(port, timeout)
    try:
        conn.request(method, path, body=body, headers={TOKEN_HEADER: token})
        sock.settimeout(max(0.05, deadline - time.monotonic()))
        response = conn.getresponse()
        data = bytearray()
        while len(data) < MAX_BODY:  # bounded overall, not per read: a trickling peer cannot stretch the wait
            sock.settimeout(max(0.05, deadline - time.monotonic()))
            chunk = response.read1(65536)
            if not chunk:
                break
            data += chunk
            if time.monotonic() > deadline:
                raise TimeoutError("timed out")
        return response.status, bytes(data)
    finally:
        conn.close()
        sock.close()


def _connect(port: int, timeout: float) -> tuple[http.client.HTTPConnection, socket.socket]:
    """An HTTP connection to 127.0.0.1:port and its socket (kept: http.client lets go of the socket once a
    response has been read, and the read timeouts are set on it)."""
    sock = socket.create_connection((HOST, port), timeout=timeout)
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    conn.sock = sock
    return conn, sock


# ---------------------------------------------------------------------------------------------------------
# Server


class _Lines:
    """One JSON object per line to the client, from several threads; remembers when the client went away."""

    def __init__(self, wfile) -> None:
        self._wfile, self._lock, self.gone = wfile, threading.Lock(), False

    def send(self, event: dict[str, Any]) -> None:
        data = (json.dumps(event, ensure_ascii=False) + "\n").encode("utf-8")
        with self._lock:
            if self.gone:
                return
            try:
                self._wfile.write(data)
                self._wfile.flush()
            except OSError:
                self.gone = True


class _ClientGone(Exception):
    pass


class Service:
    """The loaded state and the request handling (no HTTP here)."""

    def __init__(self, settings: Settings, say: Callable[[str], None], loaded: tuple[Any, Any] | None = None) -> None:
        """Loads the model, the embedder and the index (`loaded`: an (index, llm) pair already loaded)."""
        self.settings = settings
        if loaded is None:
            from qa.runtime.preload import Preload

            self.preload = Preload(settings, say=say)
            loaded = self.preload.wait()
        self.index, self.llm = loaded
        self.identity = identity(settings)
        self.token = secrets.token_hex(16)
        self._seed_lock = threading.Lock()

    def health(self) -> dict[str, Any]:
        from qa.generate.llm import model_name

        return {"service": "newsqa", "protocol": PROTOCOL, "pid": os.getpid(), "identity": self.identity,
                "model": model_name(self.llm), "index": self.index.location}

    def request_settings(self, values: dict[str, Any]) -> Settings:
        changes = {}
        fields = {f.name for f in dataclasses.fields(Settings)}
        for name, value in (values or {}).items():
            if name in fields and name not in _NOT_PER_REQUEST:
                changes[name] = _coerce(name, value)
        return dataclasses.replace(self.settings, **changes)

    def answer(self, payload: dict[str, Any], lines: _Lines) -> dict[str, Any]:
        from qa.answer.pipeline import compute_answer
        from qa.generate.llm import get_llm, last_call_stats
        from qa.retrieve.filters import Filters

        settings = self.request_settings(payload.get("settings") or {})
        with self._seed_lock:
            if self.index.is_empty():
                from qa.ingest.pipeline import ensure_seeded

                ensure_seeded(self.index, settings, say=lambda m: lines.send({"event": "note", "text": m}))
        filters = Filters(**payload["filters"]) if payload.get("filters") else None
        stream = bool(payload.get("stream"))

        def on_token(text: str) -> None:
            if lines.gone:
                raise _ClientGone  # stops the generation: nobody waits for it any more
            if stream:
                lines.send({"event": "token", "text": text})

        def on_sentence(sentence, text: str) -> None:
            lines.send({"event": "sentence", "sentence": sentence.model_dump(mode="json"), "text": text})

        history = [(str(q), str(a)) for q, a in payload.get("history") or []]
        same = (settings.max_tokens, settings.temperature) == (self.settings.max_tokens, self.settings.temperature)
        llm = self.llm if same else get_llm(settings)  # another wrapper of the same loaded model
        answer = compute_answer(str(payload.get("question", "")), self.index, settings, llm, history=history or None,
                                strict=payload.get("strict"), on_token=on_token, filters=filters,
                                on_sentence=on_sentence if payload.get("sentences") else None)
        return {"event": "answer", "answer": answer.model_dump(mode="json"), "stats": last_call_stats(llm)}


def make_handler(service: Service, log: Callable[[str], None]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "newsqa-service"
        protocol_version = "HTTP/1.0"  # one request per connection; the response ends when the connection closes
        timeout = READ_TIMEOUT_S  # a client that connects and sends nothing does not keep a thread forever

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
            pass

        def _authorised(self) -> bool:
            if hmac.compare_digest(self.headers.get(TOKEN_HEADER, ""), service.token):
                return True
            self._json(403, {"error": "missing or wrong token (read it from the service file)"})
            return False

        def _json(self, status: int, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            if self.path != "/health":
                self._json(404, {"error": "unknown path"})
            elif self._authorised():
                self._json(200, service.health())

        def do_POST(self) -> None:  # noqa: N802
            if self.path != "/ask":
                self._json(404, {"error": "unknown path"})
                return
            if not self._authorised():
                return
            try:
                length = int(self.headers.get("Content-Length", "0"))
            except ValueError:
                length = -1
            if not 0 < length <= MAX_BODY:
                self._json(413 if length > MAX_BODY else 400, {"error": "a JSON body of at most 1 MB is required"})
                return
            try:
                payload = json.loads(self.rfile.read(length))
                if not isinstance(payload, dict):
                    raise ValueError("not an object")
                service.request_settings(payload.get("settings") or {})  # a bad value is the client's usage error
            except (ValueError, UnicodeDecodeError) as exc:
                self._json(400, {"error": f"bad request: {exc}"})
                return
            except NewsqaError as exc:
                self._json(400, {"error": str(exc)})
                return
            if payload.get("identity") != service.identity:
                self._json(409, {"error": "this service has another model or index loaded"})
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/x-ndjson")
            self.end_headers()
            lines = _Lines(self.wfile)
            done = threading.Event()

            def keepalive() -> None:
                while not done.wait(KEEPALIVE_S):
                    lines.send({"event": "wait"})

            threading.Thread(target=keepalive, daemon=True, name="newsqa-keepalive").start()
            t0 = time.perf_counter()
            try:
                lines.send(service.answer(payload, lines))
                log(f"answered in {time.perf_counter() - t0:.1f} s: {str(payload.get('question'))[:80]!r}")
            except _ClientGone:
                log("the client went away; generation stopped")
            except NewsqaError as exc:
                if isinstance(exc.__cause__, _ClientGone):
                    log("the client went away; generation stopped")
                else:
                    lines.send({"event": "error", "kind": type(exc).__name__, "message": str(exc),
                                "exit_code": exc.exit_code})
            except Exception as exc:  # noqa: BLE001 - reported to the client and logged, the service keeps running
                import traceback

                traceback.print_exc(file=sys.stderr)
                lines.send({"event": "error", "kind": "internal", "exit_code": 1,
                            "message": f"the newsqa service failed: {type(exc).__name__}: {exc}"})
            finally:
                done.set()

    return Handler


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def bind(port: int) -> ThreadingHTTPServer:
    """The listening socket on 127.0.0.1:port (before loading, so a taken port fails at once)."""
    try:
        return _Server((HOST, port), BaseHTTPRequestHandler, bind_and_activate=True)
    except OSError as exc:
        raise UsageError(f"cannot listen on {HOST}:{port}: {exc.strerror or exc} (another newsqa service? choose "
                         "another port with --port or service_port)") from None


def write_info(path: Path, body: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        path.parent.chmod(0o700)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(body, fh)
    os.replace(tmp, path)


def remove_info(path: Path, token: str) -> None:
    """Remove the service file if it is still ours (a newer service on the same port may have replaced it)."""
    with contextlib.suppress(OSError, ValueError):
        if json.loads(path.read_text(encoding="utf-8")).get("token") == token:
            path.unlink()
