"""`python -m qa.ask "QUESTION"`: a cited answer from the indexed articles (no question: interactive chat)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

# Only light modules at import time (`--help` answers at once, and with the service running nothing heavy is ever
# imported): the model, the embedder and the index load in `_InProcess`, on threads (qa/runtime/preload.py).
from qa.cli.shell import cli_entry, command_parser
from qa.config import Settings, add_common_args, settings_from_args
from qa.errors import NewsqaError
from qa.present.terminal import OTHER_ACCOUNTS_HEADING, format_sources  # noqa: F401 - re-exported
from qa.retrieve.filters import add_filter_args, check_filters, filters_from_args

if TYPE_CHECKING:
    from qa.schema import Answer

DEFAULT_LOAD_ESTIMATE_S = 15
_exit_fast = False  # set by main(): skip the interpreter's teardown once the answer is out (see the end of file)


def _load_estimate(settings: Settings) -> int:
    """Seconds the last in-process load took on this machine (a default before the first one)."""
    try:
        return max(1, round(float((settings.home / "service" / "last-load-seconds").read_text())))
    except (OSError, ValueError):
        return DEFAULT_LOAD_ESTIMATE_S


def _note_load_time(settings: Settings, seconds: float) -> None:
    try:
        folder = settings.home / "service"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "last-load-seconds").write_text(f"{seconds:.1f}\n")
    except OSError:
        pass


class _InProcess:
    """Answers in this process. The model, the embedder and the index start loading at once, on threads."""

    def __init__(self, settings: Settings) -> None:
        from qa.runtime.preload import Preload

        self.settings = settings
        # One question, then exit. The verifier's parser (spaCy, ~1 s since it loads without torch) loads on the
        # embedder's thread while the model loads: first checked line 6.97 -> 6.39 s median (bench/ask.py, 6
        # alternating runs); it used to be loaded at the first sentence check, after generation. Priming the fixed
        # prompt prefix as well measured no gain (6.35 s without, 6.54 s with). The service loads both up front.
        self.preload = Preload(settings, say=lambda m: print(m, file=sys.stderr, flush=True), prime=False)
        self.last_stats: dict[str, Any] = {}

    def check_filters(self, filters) -> None:
        """NoMatchError for filters that match no article: as soon as the index is open, not after the model."""
        if filters is not None:
            check_filters(self.preload.index(), filters)

    def ask(self, question: str, *, history=None, strict=None, filters=None, on_token=None, on_note=None,
            on_sentence=None) -> Answer:
        fresh = not hasattr(self.preload, "wall_s")
        index, llm = self.preload.wait()  # nothing heavy is imported on this thread before: the loaders import it
        from qa.answer.pipeline import compute_answer
        from qa.generate.llm import last_call_stats

        if fresh:
            _note_load_time(self.settings, self.preload.wall_s)
        answer = compute_answer(question, index, self.settings, llm, history=history, strict=strict,
                                on_token=on_token, filters=filters, on_sentence=on_sentence)
        self.last_stats = last_call_stats(llm)
        return answer


class _Answerer:
    """The resident service when one runs for these settings (`python -m qa.serve`), else this process, saying
    so in one line on stderr; a service that fails before showing anything is replaced by this process too."""

    def __init__(self, settings: Settings, use_service: bool) -> None:
        self.settings = settings
        self.service = None
        self.local: _InProcess | None = None
        if use_service:
            from qa.runtime.service import ServiceClient, ServiceUnavailable

            try:
                self.service = ServiceClient.connect(settings)
            except ServiceUnavailable as exc:
                self._load_here(str(exc))
        else:
            self.local = _InProcess(settings)

    @property
    def path(self) -> str:
        return "service" if self.service is not None else "in-process"

    def _load_here(self, why: str) -> None:
        print(f"({why}; loading the model in this process, ~{_load_estimate(self.settings)} s; "
              "`python -m qa.serve` keeps it loaded)", file=sys.stderr, flush=True)
        self.local = _InProcess(self.settings)

    def check_filters(self, filters) -> None:
        if self.local is not None:
            self.local.check_filters(filters)  # the service checks them itself, with the answer

    def ask(self, question: str, **kw) -> Answer:
        if self.service is not None:
            from qa.runtime.service import ServiceUnavailable

            try:
                return self.service.ask(question, **kw)
            except ServiceUnavailable as exc:
                self.service = None
                self._load_here(str(exc))
        return self.local.ask(question, **kw)

    @property
    def last_stats(self) -> dict[str, Any]:
        return (self.service or self.local).last_stats


def _run_one(question: str, answerer: _Answerer, settings: Settings, args, history) -> Answer:
    # Only checked text is shown as the answer: the model's raw draft streams only on request (--show-draft),
    # on stderr and labelled as unchecked.
    stream = args.show_draft and not args.json
    streamed: list[str] = []

    def on_token(t: str) -> None:
        if not streamed:
            sys.stderr.write("draft (unchecked): ")
        streamed.append(t)
        sys.stderr.write(t)
        sys.stderr.flush()

    if not args.json and not stream and sys.stderr.isatty():
        print("(retrieving passages, writing and checking the answer ...)", file=sys.stderr, flush=True)

    shown: list[str] = []  # checked sentences printed while the model still writes

    def on_sentence(_sentence, text: str) -> None:
        if stream and not shown:
            print(file=sys.stderr)  # end the draft line before checked text starts
        shown.append(text)
        print(text, end=" ", flush=True)

    plain = not args.json and not getattr(args, "format", None)
    answer = answerer.ask(question, history=history, strict=args.strict, on_token=on_token if stream else None,
                          filters=getattr(args, "filters", None), on_note=lambda m: print(m, file=sys.stderr),
                          on_sentence=on_sentence if plain else None)
    if getattr(args, "format", None):
        from qa.present.export import export

        print(export(answer, args.format), end="")
        return answer
    if args.json:
        print(answer.model_dump_json(indent=2, exclude={"closest"} if not answer.abstained else None))
        return answer
    if stream:
        from qa.verify.citations import revises_draft

        print(file=sys.stderr)
        if revises_draft("".join(streamed), answer.sentences):
            print("(the check changed the draft; the checked answer follows)", file=sys.stderr)
    so_far = " ".join(shown)
    if shown and answer.answer.startswith(so_far):
        print(answer.answer[len(so_far):].lstrip())  # the rest of the checked answer
    else:
        if shown:
            print("\n(the whole draft, checked together, reads:)")
        print(answer.answer)
    if answer.standalone_question:
        print(f"(understood as: {answer.standalone_question})")
    print(format_sources(answer))
    return answer


DESCRIPTION = """\
Answer a question from the indexed news articles. Every sentence cites the passage it relies on, each citation
quotes the exact supporting sentence of the article, and sentences the cited text does not support are left out and
listed apart with the reason. When the articles do not answer the question, it says so and shows the closest
passages. On an empty index the seed articles are ingested first."""

EPILOG = """\
Without a question: an interactive chat where follow-ups ('and what did the Pentagon say?') are rewritten into
standalone questions. Exit status 2 for an empty or oversized question or an unreadable --since/--until date; 1 when
--source/--since/--until match no indexed article (nothing is answered from other articles)."""


def build_parser() -> argparse.ArgumentParser:
    parser = command_parser("ask", DESCRIPTION, EPILOG)
    parser.add_argument("question", nargs="?", help="the question (omit for interactive chat)")
    add_common_args(parser)
    parser.add_argument("--json", action="store_true", help="print the Answer as JSON (the documented contract)")
    parser.add_argument("--format", choices=["md", "html", "json"], help="print the answer as Markdown, standalone "
                        "HTML or JSON, with its quotes, outlets, dates and links (qa/present/export.py)")
    parser.add_argument("--strict", action="store_true", default=None,
                        help="do not even list the sentences that fail the support check")
    parser.add_argument("--show-draft", action="store_true",
                        help="also stream the model's raw, unchecked draft (to stderr, labelled as such)")
    parser.add_argument("--no-stream", action="store_true", help=argparse.SUPPRESS)  # kept for old scripts
    parser.add_argument("--no-service", action="store_true",
                        help="load the model in this process even when `python -m qa.serve` is running")
    parser.add_argument("--timings", action="store_true", help=argparse.SUPPRESS)  # stage timings on stderr (bench)
    add_filter_args(parser)
    return parser


def _print_timings(answerer: _Answerer, answer: Answer, main_at: float | None) -> None:
    """One JSON line on stderr: where the time went (for bench/ask.py)."""
    from qa.runtime.preload import process_age

    out: dict[str, Any] = {"path": answerer.path, "main_at_s": main_at, "done_at_s": process_age(),
                           "answer": answer.timings, "llm_call": answerer.last_stats}
    if answerer.local is not None:
        out["preload"] = answerer.local.preload.timings()
    print("timings: " + json.dumps(out), file=sys.stderr, flush=True)


@cli_entry()
def main(argv: list[str] | None = None) -> int:
    from qa.runtime.preload import process_age

    main_at = process_age()
    args = build_parser().parse_args(argv)
    settings = settings_from_args(args)
    if args.question is not None:
        from qa.answer.question import validate_question

        validate_question(args.question, settings)  # fail fast, before loading any model
    args.filters = filters_from_args(args)  # a bad --since/--until is a usage error (exit 2), also before the model
    answerer = _Answerer(settings, settings.use_service and not args.no_service)
    answerer.check_filters(args.filters)  # "no indexed article matches --source X": said before the model is ready
    if args.question is not None:
        answer = _run_one(args.question, answerer, settings, args, None)
        if args.timings:
            _print_timings(answerer, answer, main_at)
        _allow_fast_exit(answerer)
        return 0
    print("newsqa chat — ask about the indexed articles; empty line or Ctrl-D to quit.", file=sys.stderr)
    history: list[tuple[str, str]] = []
    while True:
        try:
            q = input("\n? ").strip()
        except EOFError:
            break
        if not q:
            break
        try:
            ans = _run_one(q, answerer, settings, args, history)
            history.append((q, ans.answer))
        except NewsqaError as exc:
            print(f"error: {exc}", file=sys.stderr)
    _allow_fast_exit(answerer)
    return 0


def _allow_fast_exit(answerer: _Answerer) -> None:
    """After an in-process answer, tearing the interpreter down (torch, transformers, spaCy, Chroma's modules) took
    ~2.5 s between the last line of output and the exit. Skipped when this process wrote nothing to the index (it
    did when it ingested the seeds): the exit handlers still run, then the process ends."""
    global _exit_fast
    _exit_fast = answerer.local is not None and not answerer.local.preload.seeded


if __name__ == "__main__":
    code = main()
    if _exit_fast:
        import atexit
        import os

        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except OSError:  # a closed pipe: nothing more can be said
                pass
        atexit._run_exitfuncs()  # the model is closed there (qa.generate.llm), before the process ends
        os._exit(code)
    sys.exit(code)
