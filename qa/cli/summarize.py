"""`python -m qa.summarize [--topic TEXT] [--by outlet]`: a neutral multi-source summary or an outlet comparison (a
thin shell over qa.summarize.pipeline and qa.news.compare)."""

from __future__ import annotations

import argparse
import sys

from qa.cli.shell import cli_entry, command_parser, parse, seeded_index
from qa.config import Settings, add_common_args
from qa.metadata import fill_citation_metadata
from qa.news.compare import compare, format_comparison
from qa.present.terminal import format_summary
from qa.retrieve.filters import Filters, add_filter_args, check_filters, filters_from_args
from qa.summarize.pipeline import (
    DEFAULT_MAX_SOURCES,
    resolve_doc_ids,
    summarize,
    validate_limits,
    validate_topic,
)
from qa.summarize.write import HEADINGS as HEADINGS

DESCRIPTION = """\
A neutral summary of several news articles, written from their attributed claims: what the outlets agree on (every
agreeing outlet cited), where their accounts differ (each side with its outlet and speaker: a different number, date
or certainty, e.g. confirmed vs could not confirm), and what only one outlet reports. Every sentence passes the
verifier and cites the exact sentence of its article; model wording that fails is replaced by a template around the
exact quote, and the notes say so. On an empty index the seed articles are ingested first."""

EPILOG = """\
Without --topic or --docs every document is summarised (up to --max-sources). Exit status 2 for bad usage (an
unknown --docs id, an empty topic)."""


def build_parser() -> argparse.ArgumentParser:
    parser = command_parser("summarize", DESCRIPTION, EPILOG)
    parser.add_argument("--topic", help="summarise the documents retrieved for this topic")
    parser.add_argument("--docs", metavar="ID,ID", help="summarise these document ids (comma-separated)")
    parser.add_argument("--max-sentences", type=int, default=8, metavar="N",
                        help="sentences the model writes (default 8; an uncited source adds one)")
    parser.add_argument("--max-sources", type=int, default=DEFAULT_MAX_SOURCES, metavar="N",
                        help=f"documents summarised at most (default {DEFAULT_MAX_SOURCES})")
    add_common_args(parser)
    parser.add_argument("--json", action="store_true", help="print the Summary as JSON (the documented contract)")
    # issue 15: the outlet comparison (qa/news/compare.py, no model) and exports (qa/present/export.py)
    parser.add_argument("--by", choices=["outlet"], help="compare the outlets instead: one cited paragraph per "
                        "outlet (what it reports, whom it quotes, what only it reports); no model is used")
    parser.add_argument("--format", choices=["md", "html", "json"], help="print the result as Markdown, standalone "
                        "HTML or JSON (quotes, outlets, dates, links)")
    parser.add_argument("--no-stream", action="store_true", help="print the summary only when complete")
    add_filter_args(parser)
    return parser


@cli_entry()
def main(argv: list[str] | None = None) -> int:
    args, settings = parse(build_parser(), argv)
    topic = validate_topic(args.topic, settings)  # fail fast, before loading any model
    validate_limits(args.max_sentences, args.max_sources)
    doc_ids = args.docs.split(",") if args.docs is not None else None
    filters = filters_from_args(args)  # a bad date is a usage error before any model is loaded
    if args.by == "outlet":
        return _compare_outlets(args, settings, topic, doc_ids, filters)
    from qa.generate.llm import get_llm
    index = seeded_index(settings)
    doc_ids = resolve_doc_ids(index, doc_ids)
    check_filters(index, filters)
    llm = get_llm(settings)
    stream = not args.json and not args.no_stream and not args.format

    def on_token(t: str) -> None:
        sys.stdout.write(t)
        sys.stdout.flush()

    summary = summarize(index, settings, llm, topic=topic, doc_ids=doc_ids, max_sentences=args.max_sentences,
                        on_token=on_token if stream else None, max_sources=args.max_sources, filters=filters)
    fill_citation_metadata(summary.citations, index.committed_docs())
    if args.format:
        from qa.present.export import export

        print(export(summary, args.format), end="")
        return 0
    if args.json:
        print(summary.model_dump_json(indent=2))
        return 0
    if stream:
        print()  # the checked sentences are on screen: the sources, notes and metrics follow
    elif not summary.sections:
        print(summary.summary)  # e.g. "nothing to summarise": no typed sections to list
    print(format_summary(summary, streamed=stream))
    return 0


def _compare_outlets(args, settings: Settings, topic: str | None, doc_ids: list[str] | None,
                     filters: Filters | None) -> int:
    """`--by outlet`: print the comparison (text, or --format md|html|json / --json); no model is loaded."""
    index = seeded_index(settings)
    result = compare(index, settings, topic=topic, filters=filters, doc_ids=doc_ids)
    fmt = getattr(args, "format", None) or ("json" if getattr(args, "json", False) else None)
    if fmt:
        from qa.present.export import export

        print(export(result, fmt), end="")
    else:
        print(format_comparison(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
