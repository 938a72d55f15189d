"""The web UI served in-process and driven through its API with gradio_client (as a remote user would).

One server per module on a fresh index: build_app ingests the seeds itself (first start on an empty index).
The upload limit is set to 10 KB so the same server also shows that bigger uploads are refused.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from app_server import free_port, load_app, serve
from gradio_client import Client, handle_file

from qa.config import load_settings
from qa.errors import UsageError
from qa.ingest.chunking import chunk_document
from qa.ingest.readers import max_bytes_for, read_path
from qa.schema import Answer, AnswerSentence

QUESTION = "Who confirmed that Revolutionary Guards were deployed to Iraq?"  # seed-000's first sentence
TIMEOUT_S = 900  # the real model shares 2 cores with other work
ARTICLE = """---
id: ui-upload-test
title: City council approves new tram line
source: Test Gazette
published: 2024-05-02
---
The city council approved a new tram line on Tuesday after a three-hour debate, the mayor's office said.

The line will run 12 kilometres from the central station to the university campus and is expected to open in
2027. Council members who opposed the plan said the budget of 400 million euros was too optimistic.

A spokeswoman for the transport authority said construction would begin next spring and that bus routes along
the corridor would be changed while the work goes on.
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    home = tmp_path_factory.mktemp("ui-client")
    settings = load_settings({"db": str(home / "chroma"), "max_file_mb": 0.01})
    with serve(settings) as (app, demo, url):
        client = Client(url, verbose=False)
        yield {"app": app, "demo": demo, "url": url, "client": client, "settings": settings, "home": home}


def _table(client: Client) -> dict[str, list]:
    table = client.predict(api_name="/list_docs")
    assert table["headers"] == ["id", "title", "source", "published", "chunks"]
    return {row[0]: row for row in table["data"]}


def test_first_start_ingests_the_seeds(server):
    rows = _table(server["client"])
    assert {"seed-000", "seed-003"} <= set(rows)
    assert all(int(r[4]) > 0 for r in rows.values())


def test_api_names_are_stable(server):
    names = set(server["client"].view_api(print_info=False, return_format="dict")["named_endpoints"])
    assert {"/ask", "/summarize", "/upload", "/delete", "/list_docs"} <= names


def test_generation_runs_one_at_a_time(server):
    fns = {fn.api_name: fn for fn in server["demo"].fns.values()}
    for name in ("ask", "summarize"):
        assert fns[name].concurrency_limit == 1 and fns[name].concurrency_id == "generation"
    assert fns["list_docs"].concurrency_limit > 1  # cheap reads do not queue behind the model


def test_upload_lists_chunk_count_then_delete(server, tmp_path):
    client, settings = server["client"], server["settings"]
    path = tmp_path / "tram.md"
    path.write_text(ARTICLE, encoding="utf-8")
    (doc,) = read_path(path, max_bytes=max_bytes_for(settings.max_file_mb)).documents
    expected_chunks = len(chunk_document(doc, chunk_size=settings.chunk_size, overlap=settings.chunk_overlap))
    assert expected_chunks >= 2

    report, _files = client.predict([handle_file(str(path))], api_name="/upload")
    assert "1 added" in report and "ui-upload-test" in report
    rows = _table(client)
    assert rows["ui-upload-test"][1] == "City council approves new tram line"
    assert int(rows["ui-upload-test"][4]) == expected_chunks

    notice = client.predict("ui-upload-test", api_name="/delete")
    assert f"Deleted ui-upload-test ({expected_chunks} chunks)" in notice
    assert "ui-upload-test" not in _table(client)
    assert {"seed-000", "seed-003"} <= set(_table(client))


def test_uploading_an_article_already_indexed_under_another_id_is_skipped_and_said(server, tmp_path):
    client = server["client"]
    from qa.config import SEEDS_DIR

    seed = (SEEDS_DIR / "003_53ab3aff54686bd9.txt").read_text(encoding="utf-8")
    path = tmp_path / "same-story.txt"
    path.write_text(seed.split("\n---\n", 1)[1], encoding="utf-8")  # the body without its front matter
    before = set(_table(client))
    report, _files = client.predict([handle_file(str(path))], api_name="/upload")
    assert "1 duplicate skipped" in report
    assert "same-story.txt: the same text is indexed as" in report and "seed-003" in report
    assert set(_table(client)) == before


def test_list_shows_what_the_cli_ingested_meanwhile(server, tmp_path):
    article = tmp_path / "cli-added.md"
    article.write_text(ARTICLE.replace("ui-upload-test", "cli-added"), encoding="utf-8")
    assert "cli-added" not in _table(server["client"])
    done = subprocess.run([sys.executable, "-m", "qa.ingest", "--no-progress", "--db", str(server["settings"].db_path),
                           str(article)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "cli-added" in _table(server["client"])
    server["client"].predict("cli-added", api_name="/delete")


def test_per_file_errors_are_reported_with_the_file_name(server, tmp_path):
    bad = tmp_path / "broken.json"
    bad.write_text("{not json", encoding="utf-8")
    report, _files = server["client"].predict([handle_file(str(bad))], api_name="/upload")
    assert "1 failed" in report and "broken.json" in report and "JSON" in report
    assert "/tmp/gradio" not in report  # the temporary upload path is not shown


def test_uploads_over_the_size_limit_are_refused(server, tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("A sentence about the news. " * 1000, encoding="utf-8")  # ~27 KB > 10 KB
    limit = int(server["settings"].max_file_mb * 1024 * 1024)
    with pytest.raises(ValueError, match=f"exceeds the maximum file size of {limit} bytes"):
        server["client"].predict([handle_file(str(big))], api_name="/upload")
    # The server enforces it too, for clients that do not check first.
    with big.open("rb") as fh:
        raw = httpx.post(server["url"] + "gradio_api/upload", files={"files": ("big.txt", fh)}, timeout=60)
    assert raw.status_code == 413, raw.text
    assert "big" not in _table(server["client"])


def test_user_errors_show_their_message(server):
    client = server["client"]
    with pytest.raises(Exception, match="unknown document id 'nope'"):
        client.predict("nope", api_name="/delete")
    with pytest.raises(Exception, match="the question is empty"):
        client.predict("   ", [], 4, "default", "local", False, api_name="/ask")


def test_unexpected_errors_are_logged_not_shown(server, monkeypatch, caplog):
    def boom(_docs):
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(server["app"].render, "docs_rows", boom)
    with caplog.at_level(logging.ERROR, logger="newsqa.app"):
        with pytest.raises(Exception) as err:
            server["client"].predict(api_name="/list_docs")
    assert "secret internal detail" not in str(err.value)
    assert "Something went wrong" in str(err.value)
    assert "secret internal detail" in caplog.text and "Traceback" in caplog.text


def test_follow_ups_pass_the_conversation_and_settings(server, monkeypatch):
    """Wiring only, with a fake answer_question (named as fake): the second question gets the first exchange as
    history, and the settings accordion's values reach the library call."""
    app = server["app"]
    calls: list[dict] = []

    def fake_answer_question(question, index, settings, llm, history=None, strict=None, on_token=None, k=None,
                             filters=None, on_sentence=None):
        calls.append({"question": question, "history": list(history or []), "k": k, "strict": strict,
                      "model": settings.model, "llm": llm, "filters": filters})
        for token in ("Unchecked ", "draft ", "words."):
            on_token(token)
            time.sleep(0.3)  # longer than the UI's streaming interval: each token could be shown
        checked = AnswerSentence(text=f"Fake answer to {question}", supported=True)
        if on_sentence is not None:  # a sentence that passed the check may be shown while the model writes on
            on_sentence(checked, checked.text)
            time.sleep(0.3)
        return Answer(question=question, answer=f"Fake answer to {question}", sentences=[checked])

    monkeypatch.setattr(app, "answer_question", fake_answer_question)
    monkeypatch.setattr(app, "get_llm", lambda settings: f"fake-llm-{settings.model}")
    client = Client(server["url"], verbose=False)  # a fresh session: an empty conversation
    job = client.submit("First question?", [], 3, "fast", "local", True, api_name="/ask")
    m1, a1, _ = job.result()
    # While generating, the chat shows progress and checked sentences only: the unchecked draft never reaches the page.
    steps = [str(out[0][-1]["content"]) for out in job.outputs()[:-1]]
    assert steps and all("nq-status" in step or "Fake answer to First question?" in step for step in steps)
    assert not any("Unchecked" in step or "draft words" in step for step in steps + [str(m1[-1]["content"])])
    m2, a2, _ = client.predict("And then?", m1, 3, "fast", "local", True, api_name="/ask")
    assert [c["history"] for c in calls] == [[], [("First question?", "Fake answer to First question?")]]
    assert calls[1] | {"history": None} == {"question": "And then?", "history": None, "k": 3, "strict": True,
                                            "model": "fast", "llm": "fake-llm-fast", "filters": None}
    assert a2["answer"] == "Fake answer to And then?"
    assert [m["role"] for m in m2] == ["user", "assistant", "user", "assistant"]
    assert "Fake answer to And then?" in str(m2[-1]["content"])


def test_launch_options_are_safe_by_default(monkeypatch):
    app = load_app()
    monkeypatch.delenv("NEWSQA_AUTH", raising=False)
    settings = load_settings({"max_file_mb": 2})
    opts = app.launch_options(settings)
    assert opts["server_name"] == "127.0.0.1" and opts["server_port"] == 7860
    assert opts["share"] is False and opts["show_error"] is False and opts["auth"] is None
    assert opts["max_file_size"] == 2 * 1024 * 1024
    assert os.environ["GRADIO_ANALYTICS_ENABLED"] == "False"
    args = app.build_parser().parse_args(["--port", "9999", "--db", "/x", "--model", "fast", "--backend", "openai"])
    assert (args.host, args.port, args.db, args.model, args.backend) == ("127.0.0.1", 9999, "/x", "fast", "openai")
    monkeypatch.setenv("NEWSQA_AUTH", "no-colon")
    with pytest.raises(UsageError):
        app.launch_options(settings)


def test_password_protects_the_ui_and_the_api(server, monkeypatch):
    monkeypatch.setenv("NEWSQA_AUTH", "alice:s3cret-pw")
    with serve(server["settings"]) as (_app, _demo, url):
        refused = [httpx.get(url + "config", timeout=30),
                   httpx.post(url + "gradio_api/call/list_docs", json={"data": []}, timeout=30),
                   httpx.get(url + "gradio_api/info", timeout=30)]
        assert all(r.status_code in (401, 403) for r in refused), [r.status_code for r in refused]
        with pytest.raises(ValueError, match="(?i)login|credentials|auth"):
            Client(url, auth=("alice", "wrong"), verbose=False)
        rows = Client(url, auth=("alice", "s3cret-pw"), verbose=False).predict(api_name="/list_docs")
        assert {"seed-000", "seed-003"} <= {r[0] for r in rows["data"]}


def test_main_refuses_a_bad_setting_without_a_traceback(capsys):
    app = load_app()
    assert app.main(["-k", "99", "--port", str(free_port())]) == 2
    err = capsys.readouterr().err
    assert "k must be between 1 and 20" in err and "Traceback" not in err


@pytest.mark.llm
def test_ask_streams_a_cited_answer(server):
    job = server["client"].submit(QUESTION, [], 4, "default", "local", False, api_name="/ask")
    messages, answer, box = job.result(timeout=TIMEOUT_S)
    assert not answer["abstained"], answer["answer"]
    docs = {c["doc_id"] for c in answer["citations"]}
    assert "seed-000" in docs
    assert "iranian security sources" in answer["answer"].lower()
    # The chat shows the question and the rendered answer: linked markers and highlighted quotes.
    assert messages[-2]["role"] == "user" and QUESTION in str(messages[-2]["content"])
    html = str(messages[-1]["content"])
    assert 'class="nq-cite" href="#nq-c0-' in html and '<mark class="nq-quote"' in html
    assert box == ""
    # Every citation's quote is the exact article span it names.
    from qa.index.store import open_index

    index = open_index(server["settings"])
    for c in answer["citations"]:
        assert index.get_document(c["doc_id"]).text[c["start"]:c["end"]] == c["quote"]


@pytest.mark.llm
def test_summarize_two_seeds(server):
    job = server["client"].submit(["seed-000", "seed-003"], "", 4, "default", "local", api_name="/summarize")
    html, metrics_html, summary = job.result(timeout=TIMEOUT_S)
    assert set(summary["doc_ids"]) == {"seed-000", "seed-003"}
    assert summary["citations"], summary["summary"]
    m = summary["metrics"]
    assert 0.0 <= m["source_coverage"] <= 1.0 and 0.0 <= m["citation_balance"] <= 1.0
    assert f"{round(m['source_coverage'] * 100)}%" in metrics_html
    # five balance metrics plus agreement precision and attribution accuracy (issue 18)
    assert metrics_html.count('class="nq-metric"') == 7 and "Attribution accuracy" in metrics_html
    assert '<mark class="nq-quote"' in html and 'href="#nq-sum-' in html
    # the typed sections as separate blocks; the seeds' confirmed / could-not-confirm conflict side by side
    kinds = [s["kind"] for s in summary["sections"]]
    assert "conflict" in kinds and 'class="nq-block nq-conflict"' in html
    assert html.count('class="nq-side"') >= 2


def test_no_share_link_and_local_bind(server):
    demo = server["demo"]
    assert demo.share is False
    assert demo.server_name == "127.0.0.1"
    assert Path(server["settings"].db_path).is_dir()
