"""`python app.py`: the newsqa web UI (Gradio) — Chat, Summary and Library tabs over the same library functions
the CLIs use (qa.answer.pipeline, qa.summarize.pipeline, qa.ingest.pipeline). Wiring only: HTML comes from
qa.present.html.

Binds 127.0.0.1:7860 by default; `--host/--port`, the common `--db/--model/--backend/-k` options, an optional
password (`NEWSQA_AUTH=user:pass`), an upload size limit (max_file_mb) and one generation at a time (one local
model per process). See docs/ui.md.
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import inspect
import logging
import os
import queue
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from filelock import Timeout

from qa.answer.pipeline import answer_question, validate_question
from qa.config import Settings, add_common_args, settings_from_args
from qa.errors import NewsqaError, UsageError
from qa.generate.llm import get_llm
from qa.index.store import NewsIndex, open_index
from qa.ingest.pipeline import ensure_seeded, format_report, ingest_paths, write_lock
from qa.ingest.readers import SUPPORTED_SUFFIXES
from qa.metadata import fill_citation_metadata
from qa.present import html as render
from qa.retrieve.filters import Filters

# Before gradio is imported: no usage statistics leave the machine.
os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
import gradio as gr  # noqa: E402

from qa.present import ui_news  # noqa: E402  (imports gradio too)

log = logging.getLogger("newsqa.app")

EXAMPLES = [
    "Who confirmed the IRGC deployment?",
    "Is the IRGC deployment confirmed?",
    "What did the Pentagon say?",
    "Who won the 2014 World Cup?",
]
GENERIC_ERROR = "Something went wrong on the server (details are in its log). Please try again."
WRITE_LOCK_WAIT_S = 60.0
STREAM_EVERY_S = 0.15  # UI refresh interval while tokens arrive


# ---- errors: NewsqaError messages reach the user; anything else is logged and stays on the server --------

def _user_error(exc: BaseException) -> gr.Error:
    if isinstance(exc, gr.Error):
        return exc
    if isinstance(exc, NewsqaError):
        return gr.Error(str(exc), print_exception=False)
    if isinstance(exc, Timeout):
        return gr.Error("another process is writing to this index; try again when it has finished",
                        print_exception=False)
    log.exception("unexpected error in a UI handler", exc_info=exc)
    return gr.Error(GENERIC_ERROR, print_exception=False)


def handled(fn: Callable) -> Callable:
    """Wrap a handler (plain or generator) so failures become short messages for the user."""
    if inspect.isgeneratorfunction(fn):
        @functools.wraps(fn)
        def gen_wrapper(*args, **kwargs):
            try:
                yield from fn(*args, **kwargs)
            except Exception as exc:
                raise _user_error(exc) from None
        return gen_wrapper

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except Exception as exc:
            raise _user_error(exc) from None
    return wrapper


def stream_call(fn: Callable[..., Any], **kwargs: Any) -> Iterator[tuple[str, Any]]:
    """Run `fn(on_token=..., **kwargs)` in a worker thread; yield ("text", text so far) at most every
    STREAM_EVERY_S, then ("done", result). The library call is synchronous with a token callback, and
    Gradio streams from generators, hence the thread and queue."""
    tokens: queue.Queue[str] = queue.Queue()
    outcome: dict[str, Any] = {}

    def work() -> None:
        try:
            outcome["result"] = fn(on_token=tokens.put, **kwargs)
        except BaseException as exc:  # handed to the generator, which re-raises it in the request thread
            outcome["error"] = exc

    worker = threading.Thread(target=work, name="newsqa-generate", daemon=True)
    worker.start()
    text, last = "", 0.0
    while worker.is_alive() or not tokens.empty():
        try:
            text += tokens.get(timeout=0.05)
        except queue.Empty:
            continue
        now = time.monotonic()
        if now - last >= STREAM_EVERY_S:
            last = now
            yield "text", text
    worker.join()
    if "error" in outcome:
        raise outcome["error"]
    yield "done", outcome["result"]


# ---- the app ----------------------------------------------------------------------------------------------

def build_app(settings: Settings) -> gr.Blocks:
    """The Blocks app for these settings (opens the index; ingests the seeds on an empty one, saying so)."""
    index: NewsIndex = open_index(settings)
    seeded = ensure_seeded(index, settings, say=log.info)
    model_choices = list(dict.fromkeys([settings.model, "default", "fast"]))

    def run_settings(model: str | None, backend: str | None) -> Settings:
        return dataclasses.replace(settings, model=model or settings.model, backend=backend or settings.backend)

    # -- chat --
    def ask(question: str, messages: list | None, history: list | None, k: float, model: str, backend: str,
            strict: bool, source: str | None = "", since: str | None = "", until: str | None = ""):
        messages = list(messages or [])
        history = list(history or [])
        question = validate_question(question, settings)
        filters = Filters.parse(source, since, until)  # a bad date: a clear message, before anything runs
        turn = f"c{len(history)}"
        messages += [{"role": "user", "content": render.esc(question)},
                     {"role": "assistant", "content": render.streaming_html("", "Searching the articles…")}]
        yield messages, history, None, ""
        run = run_settings(model, backend)

        checked: list[str] = []  # sentences that passed the check while the model writes on

        def call(on_token):
            llm = get_llm(run)  # loaded once per process and reused
            return answer_question(question, index, run, llm, history=render.history_pairs(history),
                                   strict=bool(strict), on_token=on_token, k=int(k),
                                   filters=filters if filters.active else None,
                                   on_sentence=lambda _s, text: checked.append(text))

        try:
            for kind, value in stream_call(call):
                if kind == "text":  # the unchecked draft is not shown: only checked sentences and progress
                    words = len(value.split())
                    messages[-1] = {"role": "assistant", "content": render.streaming_html(
                        " ".join(checked), f"Writing the answer ({words} words drafted); each sentence is shown "
                                           "once it is checked against its sources…")}
                    yield messages, history, None, ""
                else:
                    fill_citation_metadata(value.citations, index.committed_docs())  # author, language, date
                    messages[-1] = {"role": "assistant", "content": render.answer_html(value, turn)}
                    history.append((question, value.answer))
                    yield messages, history, value.model_dump(mode="json"), ""
        except Exception as exc:
            err = _user_error(exc)
            messages[-1] = {"role": "assistant", "content": render.notice_html(err.message, "error")}
            yield messages, history, None, question
            raise err from None

    def clear_chat():
        return [], [], None, ""

    # -- summary --
    def summarize(doc_ids: list[str] | None, topic: str | None, max_sentences: float, model: str, backend: str,
                  source: str | None = "", since: str | None = "", until: str | None = ""):
        filters = Filters.parse(source, since, until)
        try:
            from qa.summarize.pipeline import summarize as summarize_fn
        except ImportError:
            raise NewsqaError("summaries are not available in this installation (qa.summarize.pipeline is missing)") \
                from None
        topic = (topic or "").strip() or None
        doc_ids = list(doc_ids or []) or None  # neither documents nor topic: every document
        run = run_settings(model, backend)
        waiting = render.notice_html("The balance metrics appear when the summary is complete.", "info")
        yield render.streaming_html("", "Reading the articles…"), waiting, None

        def call(on_token):
            llm = get_llm(run)
            return summarize_fn(index, run, llm, topic=topic, doc_ids=doc_ids, max_sentences=int(max_sentences),
                                on_token=on_token, filters=filters if filters.active else None)

        for kind, value in stream_call(call):
            if kind == "text":
                yield render.streaming_html(value), waiting, None
            else:
                yield render.summary_html(value), render.metrics_html(value.metrics), value.model_dump(mode="json")

    # -- library --
    # Reads need no refresh: the index notices other processes' writes itself (NewsIndex.sync).
    def list_docs():
        return render.docs_rows(index.committed_docs())

    def refresh_pickers():
        choices = render.doc_choices(index.committed_docs())
        return gr.update(choices=choices, value=[]), gr.update(choices=choices, value=None)

    def upload(files: list[str] | None, progress=gr.Progress()):  # noqa: B008 (Gradio injects progress)
        paths = [Path(f) for f in files or []]
        if not paths:
            raise UsageError("choose one or more article files first")
        names = {str(p): p.name for p in paths}
        progress(0.05, desc="Reading files")
        total = [1]
        done = [0]

        def on_read(n: int) -> None:
            total[0] = max(1, n)
            progress(0.2, desc=f"Embedding {n} document(s)")

        def on_document(doc_id: str, status: str) -> None:
            done[0] += 1
            progress(0.2 + 0.8 * done[0] / total[0], desc=f"{doc_id}: {status}")

        report = ingest_paths(paths, settings, index=index, lock_timeout=WRITE_LOCK_WAIT_S, on_read=on_read,
                              on_document=on_document)
        log.info("upload: %s", format_report(report))
        return render.ingest_report_html(report, format_report(report), names), None

    def delete(doc_id: str | None):
        if not doc_id:
            raise UsageError("choose a document to delete")
        with write_lock(settings, timeout=WRITE_LOCK_WAIT_S):
            index.refresh()
            n = index.delete_document(doc_id)
        log.info("deleted %s (%d chunks)", doc_id, n)
        return render.notice_html(f"Deleted {doc_id} ({n} chunk{'' if n == 1 else 's'}).", "ok")

    # -- layout --
    with gr.Blocks(title="newsqa", analytics_enabled=False) as demo:
        # Styles and the marker-click handler ride on this header (Blocks-level css/js are launch() options).
        gr.HTML(f"<style>{render.UI_CSS}</style><h2 style='margin:0'>newsqa</h2>"
                "<div class='nq-note'>Answers from the indexed news articles only. Every sentence cites its "
                "source; click a marker such as [1] to see the exact quote.</div>",
                js_on_load=render.UI_JS, elem_id="nq-header")
        if seeded:
            ids = ", ".join(sorted(index.committed_docs()))
            # No server path in the notice: remote users need not know where the index lives.
            gr.HTML(render.notice_html(f"The index was empty, so the seed articles were ingested ({ids}). "
                                       "Add your own articles in the Library tab.", "info"),
                    elem_id="nq-seed-notice")
        with gr.Accordion("Settings", open=False):
            with gr.Row():
                k = gr.Slider(1, 20, value=settings.k, step=1, label="Passages per question (k)")
                model = gr.Radio(model_choices, value=settings.model, label="Model")
                backend = gr.Radio(["local", "openai"], value=settings.backend, label="Backend")
                strict = gr.Checkbox(value=settings.strict, label="Strict: remove unsupported sentences")
            with gr.Row():  # filters act inside retrieval (qa/retrieve/filters.py), for answers and summaries
                f_source = gr.Textbox(value="", label="Only this outlet", placeholder="any outlet",
                                      elem_id="nq-filter-source")
                f_since = gr.Textbox(value="", label="Published since", placeholder="e.g. 2014-06-01 or 7 days ago",
                                     elem_id="nq-filter-since")
                f_until = gr.Textbox(value="", label="Published until", placeholder="e.g. 2014-06-30",
                                     elem_id="nq-filter-until")

        with gr.Tab("Chat", id="chat"):
            chatbot = gr.Chatbot(label="Conversation", height=560, elem_id="nq-chat", feedback_options=None,
                                 latex_delimiters=[], buttons=[],
                                 placeholder="Ask a question about the indexed articles.")
            history = gr.State([])
            with gr.Row():
                question = gr.Textbox(placeholder="Ask about the news… (follow-ups keep the conversation)",
                                      show_label=False, scale=6, max_length=settings.max_question_chars,
                                      elem_id="nq-question", submit_btn=False)
                ask_btn = gr.Button("Ask", variant="primary", scale=1, elem_id="nq-ask")
                clear_btn = gr.Button("Clear", scale=1)
            examples = gr.Examples(EXAMPLES, inputs=[question], label="Examples")
            with gr.Accordion("Last answer as JSON", open=False):
                answer_json = gr.JSON(label="Answer")
            ui_news.export_controls("answer", answer_json, handled)  # md / html / json download (issue 15)

        with gr.Tab("Summary", id="summary"):
            with gr.Row():
                # allow_custom_value: the choices change at run time (uploads, the CLI) and the library
                # functions reject unknown ids with a clear message anyway.
                sum_docs = gr.Dropdown(choices=render.doc_choices(index.committed_docs()), multiselect=True,
                                       allow_custom_value=True, label="Documents",
                                       info="empty: pick by topic, or all documents", scale=3)
                sum_topic = gr.Textbox(label="…or a topic", placeholder="e.g. Iranian forces in Iraq", scale=2)
                sum_n = gr.Slider(2, 15, value=8, step=1, label="Max sentences", scale=1)
            sum_btn = gr.Button("Summarize", variant="primary")
            with gr.Row():
                with gr.Column(scale=3):
                    sum_out = gr.HTML(label="Summary", elem_id="nq-summary")
                with gr.Column(scale=2):
                    gr.Markdown("**Balance**")
                    sum_metrics = gr.HTML(elem_id="nq-metrics")
            with gr.Accordion("Summary as JSON", open=False):
                sum_json = gr.JSON(label="Summary")
            ui_news.export_controls("summary", sum_json, handled)  # md / html / json download (issue 15)

        # Compare and Timeline views (qa/present/ui_news.py; no model), with the filters of the Settings accordion.
        ui_news.news_tabs(index, settings, handled, [f_source, f_since, f_until])

        with gr.Tab("Library", id="library"):
            with gr.Row():
                with gr.Column(scale=2):
                    files = gr.File(file_count="multiple", type="filepath", label="Upload articles",
                                    file_types=sorted(SUPPORTED_SUFFIXES), elem_id="nq-files")
                    upload_btn = gr.Button("Add to index", variant="primary")
                    upload_out = gr.HTML(elem_id="nq-upload-report")
                with gr.Column(scale=1):
                    del_doc = gr.Dropdown(choices=render.doc_choices(index.committed_docs()), label="Document",
                                          allow_custom_value=True, elem_id="nq-delete-doc")
                    del_btn = gr.Button("Delete document", variant="stop")
                    del_out = gr.HTML()
            docs_table = gr.Dataframe(value=render.docs_rows(index.committed_docs()), headers=render.DOC_COLUMNS,
                                      interactive=False, label="Indexed documents", elem_id="nq-docs")
            refresh_btn = gr.Button("Refresh list", size="sm")

        # -- events --
        gen = {"concurrency_limit": 1, "concurrency_id": "generation"}  # one model call at a time
        writes = {"concurrency_limit": 1, "concurrency_id": "index-write"}
        ask_inputs = [question, chatbot, history, k, model, backend, strict, f_source, f_since, f_until]
        ask_outputs = [chatbot, history, answer_json, question]
        ask_btn.click(handled(ask), ask_inputs, ask_outputs, api_name="ask", **gen)
        question.submit(handled(ask), ask_inputs, ask_outputs, api_visibility="private", **gen)
        examples.load_input_event.then(handled(ask), ask_inputs, ask_outputs, api_visibility="private", **gen)
        clear_btn.click(clear_chat, None, ask_outputs, api_visibility="private", queue=False)
        chatbot.clear(clear_chat, None, ask_outputs, api_visibility="private", queue=False)

        sum_btn.click(handled(summarize), [sum_docs, sum_topic, sum_n, model, backend, f_source, f_since, f_until],
                      [sum_out, sum_metrics, sum_json], api_name="summarize", **gen)

        # Registered before the private list refreshes below, which would otherwise take the name "list_docs".
        refresh_btn.click(handled(list_docs), None, docs_table, api_name="list_docs", concurrency_limit=4)
        pickers = [sum_docs, del_doc]
        upload_btn.click(handled(upload), [files], [upload_out, files], api_name="upload", **writes) \
            .then(list_docs, None, docs_table, api_visibility="private") \
            .then(refresh_pickers, None, pickers, api_visibility="private")
        del_btn.click(handled(delete), [del_doc], [del_out], api_name="delete", **writes) \
            .then(list_docs, None, docs_table, api_visibility="private") \
            .then(refresh_pickers, None, pickers, api_visibility="private")
        demo.load(list_docs, None, docs_table, api_visibility="private", concurrency_limit=4) \
            .then(refresh_pickers, None, pickers, api_visibility="private", concurrency_limit=4)

    demo.queue(default_concurrency_limit=1)
    return demo


# ---- serving ----------------------------------------------------------------------------------------------

def auth_from_env() -> tuple[str, str] | None:
    """(user, password) from NEWSQA_AUTH=user:pass, or None. Kept out of Settings so it never shows up in
    settings dumps."""
    raw = os.environ.get("NEWSQA_AUTH", "")
    if not raw:
        return None
    user, sep, password = raw.partition(":")
    if not sep or not user or not password:
        raise UsageError("NEWSQA_AUTH must look like user:password")
    return user, password


def launch_options(settings: Settings, host: str = "127.0.0.1", port: int = 7860) -> dict[str, Any]:
    """Keyword arguments for `Blocks.launch`: local bind, no share link, no tracebacks to the browser, the
    upload limit, and the password when NEWSQA_AUTH is set."""
    return {"server_name": host, "server_port": port, "share": False, "show_error": False,
            "max_file_size": int(settings.max_file_mb * 1024 * 1024), "auth": auth_from_env(),
            "auth_message": "newsqa: log in with the credentials set in NEWSQA_AUTH."}


def _warm_up(settings: Settings) -> None:
    """Load the embedding model and the LLM before serving (both are cached per process).

    Loading them lazily on the first question imports torch and llama.cpp inside a request thread; those imports
    hold the GIL for seconds and starve Gradio's event loop, so other users' page loads time out."""
    from qa.index.embeddings import get_embedder

    get_embedder().embed_one("warm-up")
    log.info("embedding model ready")
    try:
        get_llm(settings)
        log.info("model ready")
    except NewsqaError as exc:
        log.warning("the model could not be loaded yet: %s", exc)
    except Exception:
        log.exception("unexpected error while loading the model")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python app.py",
        description="The newsqa web UI: cited chat answers, neutral summaries and the article library. "
                    "On an empty index the seed articles are ingested first.",
        epilog="Set NEWSQA_AUTH=user:password to require a login. See docs/ui.md.")
    add_common_args(parser)
    parser.add_argument("--host", default="127.0.0.1", help="interface to bind (default 127.0.0.1: this machine "
                        "only; 0.0.0.0 exposes the UI to the network)")
    parser.add_argument("--port", type=int, default=7860, help="port (default 7860)")
    return parser


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    args = build_parser().parse_args(argv)
    try:
        settings = settings_from_args(args)
        options = launch_options(settings, args.host, args.port)
        demo = build_app(settings)
    except NewsqaError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code
    _warm_up(settings)
    if options["auth"] is None and args.host not in {"127.0.0.1", "localhost", "::1"}:
        log.warning("serving on %s without a password: set NEWSQA_AUTH=user:pass", args.host)
    demo.launch(**options)
    return 0


if __name__ == "__main__":
    sys.exit(main())
