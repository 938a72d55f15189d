"""The web UI as a real process (`python app.py`), attacked and loaded over loopback.

- Load: 8 users ask at once while a 9th uploads and a CLI ingest runs against the same index; every request
  completes (queued, not crashed), every answer's citations are exact article spans, the index stays consistent.
  Bounded: one question per user with the FAST model (`--model fast`), on an index of the seeds plus the hostile
  injection articles (so answers under load also pass through the injection defences).
- Exposure: default bind 127.0.0.1 only; NEWSQA_AUTH enforced on pages, API and uploads; uploads size-limited;
  malformed API calls get a short message, never a stack trace (the trace goes to the server log).
- Hostile uploads: traversal file names, binary/deep/broken files; clear per-file messages, index intact.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import psutil
import pytest
from adv_util import cli_env, consistency_problems, index_state, ingest_cmd
from gradio_client import Client, handle_file
from injection_report import DATA, citation_problems, load_attacks

from qa.config import PROJECT_ROOT, SEEDS_DIR, load_settings
from qa.index.store import open_index
from qa.ingest.pipeline import ingest_paths
from qa.schema import Answer
from qa.verify.citations import strip_links

pytestmark = pytest.mark.llm  # the load test runs the real (fast) local model

QUESTIONS = [
    "Who confirmed that Revolutionary Guards were deployed to Iraq?",
    "What did the Pentagon say about Iranian forces in Iraq?",
    "How far is Samarra from Baghdad?",
    "What did Interior Ministry officials say about the plan to protect Baghdad?",
    "Why are U.S. drones flying over northern Iraq?",
    "How many Revolutionary Guard soldiers did Iran send to Iraq?",
    "Did Obama say he would send combat troops back to Iraq?",
    "Who won the 2014 World Cup?",
]
JOB_TIMEOUT_S = 900
# A browser waits for a page; httpx's 5 s default per request is not a product target. On a 2-core CI box shared
# with a CLI ingest, 9 simultaneous handshakes can take longer than 5 s without anything being wrong.
HTTP = {"timeout": 30}
START_TIMEOUT_S = 600


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _article(i: int, tag: str) -> str:
    return (f"---\nid: {tag}-{i:02d}\ntitle: {tag} report {i}\nsource: Test Wire\n---\n"
            f"The {tag} desk reported on day {i} that the harbour authority had handled {100 + i} ships. "
            f"Dock workers said the queue of vessels would shrink by the end of the week.\n\n"
            f"A spokesman for the {tag} harbour authority said report {i} gave the latest figures.\n")


class Server:
    """`python app.py` on a free loopback port, its log captured to a file."""

    def __init__(self, root: Path, db: Path, *extra: str, **env: str) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log_path = root / f"app-{self.port}.log"
        self.gradio_tmp = root / f"gradio-{self.port}"
        self.gradio_tmp.mkdir()
        self.log = self.log_path.open("w")
        self.proc = subprocess.Popen(
            [sys.executable, "app.py", "--db", str(db), "--port", str(self.port), *extra], cwd=PROJECT_ROOT,
            env=cli_env(GRADIO_TEMP_DIR=str(self.gradio_tmp), **env), stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            assert self.proc.poll() is None, self.log_text()
            try:
                if httpx.get(self.url, timeout=5).status_code in (200, 401, 403):
                    return
            except httpx.HTTPError:
                pass
            time.sleep(1)
        raise AssertionError(f"app did not start:\n{self.log_text()}")

    def log_text(self) -> str:
        self.log.flush()
        return self.log_path.read_text(errors="replace")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    root = tmp_path_factory.mktemp("ui")
    db = root / "db"
    settings = load_settings({"db": str(db)})
    files = [DATA / a["file"] for a in load_attacks()]
    report = ingest_paths([SEEDS_DIR, *files], settings)
    assert not report.errors
    server = Server(root, db, "--model", "fast")
    yield {"root": root, "db": db, "settings": settings, "server": server}
    server.stop()


def test_default_bind_is_loopback_only(world):
    listening = [c for c in psutil.Process(world["server"].proc.pid).net_connections(kind="inet")
                 if c.status == psutil.CONN_LISTEN]
    assert listening and {c.laddr.ip for c in listening} == {"127.0.0.1"}, listening


def test_eight_users_ask_while_one_uploads_and_the_cli_ingests(world):
    root, db, url = world["root"], world["db"], world["server"].url
    upload_dir, cli_dir = root / "upload", root / "cli"
    upload_dir.mkdir()
    cli_dir.mkdir()
    for i in range(12):
        (upload_dir / f"ui-{i:02d}.md").write_text(_article(i, "ui"), encoding="utf-8")
        (cli_dir / f"cli-{i:02d}.md").write_text(_article(i, "cli"), encoding="utf-8")
    results: dict[str, object] = {}
    statuses: dict[int, set[str]] = {}
    errors: list[str] = []

    def user(i: int) -> None:
        try:
            client = Client(url, verbose=False, httpx_kwargs=HTTP)
            job = client.submit(QUESTIONS[i], [], 4, "fast", "local", False, api_name="/ask")
            seen = statuses.setdefault(i, set())
            while not job.done():
                status = job.status()
                seen.add(f"{status.code.name}:{status.rank}")
                time.sleep(0.2)
            results[f"ask{i}"] = job.result(timeout=JOB_TIMEOUT_S)
        except Exception as exc:  # any failure of any user fails the test below
            errors.append(f"user {i}: {type(exc).__name__}: {exc}")

    def uploader() -> None:
        try:
            client = Client(url, verbose=False, httpx_kwargs=HTTP)
            paths = [handle_file(str(p)) for p in sorted(upload_dir.iterdir())]
            results["upload"] = client.predict(paths, api_name="/upload")
        except Exception as exc:
            errors.append(f"uploader: {type(exc).__name__}: {exc}")

    started = time.perf_counter()
    cli = subprocess.Popen(ingest_cmd(cli_dir, "--db", db, "--json"), cwd=PROJECT_ROOT, env=cli_env(),
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    threads = [threading.Thread(target=user, args=(i,)) for i in range(8)] + [threading.Thread(target=uploader)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=JOB_TIMEOUT_S)
    out, err = cli.communicate(timeout=JOB_TIMEOUT_S)
    seconds = time.perf_counter() - started
    print(f"\n8 users + 1 upload + 1 CLI ingest finished in {seconds:.0f} s (fast model)")

    assert not errors, errors
    assert cli.returncode == 0, err
    assert json.loads(out)["added"] == 12
    report_html, _files = results["upload"]
    assert "12 added" in report_html and "0 failed" in report_html, report_html
    # Queueing, not crashing: with one generation at a time, someone had to wait their turn.
    assert any(int(s.split(":")[1]) > 0 for seen in statuses.values() for s in seen
               if s.startswith("IN_QUEUE") and s.split(":")[1] not in ("None", "")), statuses

    index = open_index(world["settings"])
    for i in range(8):
        messages, answer_json, _box = results[f"ask{i}"]
        answer = Answer.model_validate(answer_json)
        assert answer.question == QUESTIONS[i]
        assert not citation_problems(answer, None, index), (QUESTIONS[i], citation_problems(answer, None, index))
        assert strip_links(answer.answer)[1] == []
        html = str(messages[-1]["content"])
        assert "<script" not in html.lower() and "javascript:" not in html.lower()
    assert results["ask7"][1]["abstained"]  # the World Cup is not in the articles
    assert not consistency_problems(index)
    docs = index.committed_docs()
    assert {f"ui-{i:02d}" for i in range(12)} | {f"cli-{i:02d}" for i in range(12)} <= set(docs)
    log = world["server"].log_text()
    assert "Traceback" not in log, log[-3000:]


def test_malformed_api_calls_get_a_message_not_a_stack_trace(world):
    url, server = world["server"].url, world["server"]
    before = index_state(world["settings"])
    bad_calls = [  # (endpoint, data, must be refused)
        ("ask", ["What did the Pentagon say?", "not a list", 4, "fast", "local", False], True),
        ("ask", ["What did the Pentagon say?", [], "many", "fast", "local", False], True),
        ("ask", ["x" * 5000, [], 4, "fast", "local", False], True),
        ("ask", ["What did the Pentagon say?", [], 4, "/etc/passwd", "local", False], True),
        ("delete", ["../../etc/passwd"], True),
        ("upload", [[{"path": "/etc/passwd", "meta": {"_type": "gradio.FileData"}}]], False),
        ("upload", ["not a list of files"], True),
    ]
    for name, data, refused in bad_calls:
        started = httpx.post(f"{url}gradio_api/call/{name}", json={"data": data}, timeout=60)
        if started.status_code != 200:
            body = started.text
        else:
            event_id = started.json()["event_id"]
            body = httpx.get(f"{url}gradio_api/call/{name}/{event_id}", timeout=JOB_TIMEOUT_S).text
        assert not refused or "event: error" in body or started.status_code >= 400, (name, data, body[:500])
        for leak in ("Traceback", 'File "', "site-packages", str(PROJECT_ROOT), "root:x:0:0"):
            assert leak not in body, (name, leak, body[:1000])
    assert index_state(world["settings"]) == before
    assert server.proc.poll() is None  # still serving
    assert "Traceback" in server.log_text()  # the details went to the server log instead


def test_hostile_uploads_are_reported_per_file_and_leave_the_index_intact(world):
    root, url = world["root"], world["server"].url
    hostile = root / "hostile"
    hostile.mkdir()
    (hostile / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (hostile / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (hostile / "broken.txt").write_bytes(b"\xc3\x28\xa0\xa1\x81\x8d\x8f\x90\x9d\xff\xfe\xfd" * 40)
    (hostile / "empty.md").write_bytes(b"")
    (hostile / "page.html").write_text("<html><head><title>&lt;script&gt;alert(1)&lt;/script&gt; Page</title>"
                                       "<script>alert('x')</script></head><body><p>Harbour traffic rose on Monday, "
                                       "officials said.</p></body></html>", encoding="utf-8")
    before = index_state(world["settings"])
    client = Client(url, verbose=False)
    report_html, _ = client.predict([handle_file(str(p)) for p in sorted(hostile.iterdir())], api_name="/upload")
    assert "1 added" in report_html and "4 failed" in report_html, report_html
    for name, reason in [("binary.txt", "binary"), ("deep.json", "nested too deeply"),
                         ("broken.txt", "not valid UTF-8"), ("empty.md", "empty")]:
        assert name in report_html and reason in report_html, (name, report_html)
    assert "<script" not in report_html.lower()
    after = index_state(world["settings"])
    assert {d: h for d, h in after.docs.items() if d in before.docs} == before.docs
    assert set(after.docs) - set(before.docs) == {"page"}
    assert "alert" not in open_index(world["settings"]).get_document("page").text

    # A multipart file name that walks up the tree is stored inside the upload folder, nowhere else.
    raw = httpx.post(f"{url}gradio_api/upload", files={"files": ("../../../../escape.txt", b"Escaped text.")},
                     timeout=60)
    assert raw.status_code == 200, raw.text
    (stored,) = raw.json()
    assert Path(stored).resolve().is_relative_to(world["server"].gradio_tmp.resolve()), stored
    inside = world["server"].gradio_tmp / "a" / "b"
    assert not any((inside / ("../" * k) / "escape.txt").resolve().exists() for k in range(1, 8))


def test_password_protects_pages_api_and_uploads_and_limits_upload_size(world):
    server = Server(world["root"], world["db"], "--model", "fast", NEWSQA_AUTH="alice:s3cret-pw",
                    NEWSQA_MAX_FILE_MB="0.01")
    try:
        url = server.url
        refused = [httpx.get(url + "config", timeout=30),
                   httpx.get(url + "gradio_api/info", timeout=30),
                   httpx.post(url + "gradio_api/call/list_docs", json={"data": []}, timeout=30),
                   httpx.post(url + "gradio_api/call/delete", json={"data": ["seed-000"]}, timeout=30),
                   httpx.post(url + "gradio_api/upload", files={"files": ("a.txt", b"Some article text.")},
                              timeout=30),
                   httpx.get(url + "gradio_api/info", auth=("alice", "wrong"), timeout=30)]
        assert all(r.status_code in (401, 403) for r in refused), [(r.request.url, r.status_code) for r in refused]
        with pytest.raises(Exception, match="(?i)login|credentials|auth"):
            Client(url, auth=("alice", "wrong"), verbose=False)
        client = Client(url, auth=("alice", "s3cret-pw"), verbose=False)
        assert {"seed-000", "seed-003"} <= {r[0] for r in client.predict(api_name="/list_docs")["data"]}
        assert "seed-000" in open_index(world["settings"]).committed_docs()  # the refused delete did nothing
        # Logged in, an upload over max_file_mb (10 KB here) is refused by the server itself.
        with httpx.Client(base_url=url, timeout=60) as session:
            assert session.post("login", data={"username": "alice", "password": "s3cret-pw"}).status_code == 200
            small = session.post("gradio_api/upload", files={"files": ("small.txt", b"A sentence. " * 20)})
            big = session.post("gradio_api/upload", files={"files": ("big.txt", b"A sentence. " * 2000)})
        assert small.status_code == 200, small.text[:300]
        assert big.status_code == 413, (big.status_code, big.text[:300])
        assert "s3cret-pw" not in server.log_text()
    finally:
        server.stop()
    assert os.path.isdir(world["db"])
