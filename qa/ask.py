"""`python -m qa.ask "QUESTION"`: a cited answer from the indexed articles (no question: interactive chat)."""

from __future__ import annotations

import argparse
import sys
import textwrap

from qa import sources
from qa.answer import answer_question
from qa.citations import revises_draft
from qa.cli import cli_entry
from qa.config import Settings, add_common_args, settings_from_args
from qa.errors import NewsqaError
from qa.index import NewsIndex, open_index
from qa.ingest import ensure_seeded
from qa.schema import Answer


def format_sources(answer: Answer) -> str:
    """The numbered source list (title, source, quote) and any unsupported sentences, for the terminal."""
    lines: list[str] = []
    unsupported = [s for s in answer.sentences if not s.supported]
    if answer.abstained:
        if answer.closest:
            lines.append("\nClosest passages:")
            for p in answer.closest:
                lines.append(f"  - {sources.header(p.title, p.source, p.doc_id, p.published)}: "
                             f"{textwrap.shorten(p.text, 160)}")
        return "\n".join(lines)
    if unsupported:
        lines.append("\nLeft out of the answer (the cited text does not support them):")
        for s in unsupported:
            lines.append(f"  ! {s.text}  [{s.reason}]")
    if answer.citations:
        lines.append("\nSources:")
        for c in answer.citations:
            lines.append(f"  [{c.n}] {sources.header(c.title, c.source, c.doc_id, c.published)} ({c.doc_id})"
                         + (f" {c.url}" if c.url else ""))
            lines.append(f"      \"{c.quote}\"")
    return "\n".join(lines)


def _run_one(question: str, index: NewsIndex, settings: Settings, llm, args, history) -> Answer:
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

    answer = answer_question(question, index, settings, llm, history=history, strict=args.strict,
                             on_token=on_token if stream else None)
    if args.json:
        print(answer.model_dump_json(indent=2, exclude={"closest"} if not answer.abstained else None))
        return answer
    if stream:
        print(file=sys.stderr)
        if revises_draft("".join(streamed), answer.sentences):
            print("(the check changed the draft; the checked answer follows)", file=sys.stderr)
    print(answer.answer)
    if answer.standalone_question:
        print(f"(understood as: {answer.standalone_question})")
    print(format_sources(answer))
    return answer


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m qa.ask",
        description="Answer a question from the indexed news articles. Every sentence cites the passage it "
                    "relies on, each citation quotes the exact supporting sentence of the article, and "
                    "sentences the cited text does not support are left out and listed apart with the reason. "
                    "When the articles do not answer the question, it says so and shows the closest passages. "
                    "On an empty index the seed articles are ingested first.",
        epilog="Without a question: an interactive chat where follow-ups ('and what did the Pentagon say?') are "
               "rewritten into standalone questions. Exit status 2 for an empty or oversized question.")
    parser.add_argument("question", nargs="?", help="the question (omit for interactive chat)")
    add_common_args(parser)
    parser.add_argument("--json", action="store_true", help="print the Answer as JSON (the documented contract)")
    parser.add_argument("--strict", action="store_true", default=None,
                        help="do not even list the sentences that fail the support check")
    parser.add_argument("--show-draft", action="store_true",
                        help="also stream the model's raw, unchecked draft (to stderr, labelled as such)")
    parser.add_argument("--no-stream", action="store_true", help=argparse.SUPPRESS)  # kept for old scripts
    return parser


@cli_entry()
def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    settings = settings_from_args(args)
    if args.question is not None:
        from qa.answer import validate_question

        validate_question(args.question, settings)  # fail fast, before loading any model
    from qa.llm import get_llm

    index = open_index(settings)
    ensure_seeded(index, settings, say=lambda m: print(m, file=sys.stderr))
    llm = get_llm(settings)
    if args.question is not None:
        _run_one(args.question, index, settings, llm, args, None)
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
            ans = _run_one(q, index, settings, llm, args, history)
            history.append((q, ans.answer))
        except NewsqaError as exc:
            print(f"error: {exc}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
