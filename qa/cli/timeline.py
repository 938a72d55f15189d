"""`python -m qa.timeline [--topic TEXT]`: the dated events of the indexed articles in time order (a thin shell over
qa.news.timeline)."""

from __future__ import annotations

import argparse
import sys

from qa.cli.shell import cli_entry, command_parser, parse, seeded_index
from qa.config import add_common_args
from qa.news.articles import (
    validate_topic,
)
from qa.news.timeline import format_timeline, timeline
from qa.retrieve.filters import add_filter_args, filters_from_args

DESCRIPTION = """\
The events of the indexed articles in time order, each with the exact sentence that reports it, its outlet and date.
Weekdays ('on Thursday') are dated from the publication date only when that is unambiguous; events without a stated
date come last. Accounts of the same event from different articles are shown together, and conflicting ones (one
confirms what another could not confirm, different numbers or dates) are flagged. No model is used."""

EPILOG = """\
Exit status 2 for bad usage (an empty topic, an unreadable --since/--until, an unknown --docs id); 1 when the
filters match no indexed article."""


def build_parser() -> argparse.ArgumentParser:
    parser = command_parser("timeline", DESCRIPTION, EPILOG)
    parser.add_argument("--topic", help="only sentences close to this topic")
    parser.add_argument("--docs", metavar="ID,ID", help="only these document ids (comma-separated)")
    parser.add_argument("--format", choices=("text", "md", "html", "json"), default="text",
                        help="output format (default text; md, html and json for export)")
    add_common_args(parser)
    add_filter_args(parser)
    return parser


@cli_entry()
def main(argv: list[str] | None = None) -> int:
    args, settings = parse(build_parser(), argv)
    topic = validate_topic(args.topic)
    filters = filters_from_args(args)
    index = seeded_index(settings)
    result = timeline(index, settings, topic=topic, filters=filters,
                      doc_ids=args.docs.split(",") if args.docs is not None else None)
    if args.format == "text":
        print(format_timeline(result))
    else:
        from qa.present.export import export

        print(export(result, args.format))
    return 0


if __name__ == "__main__":
    sys.exit(main())
