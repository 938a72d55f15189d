"""`python -m qa.ingest PATH_OR_URL... [--feed URL] [--db DIR] [--list] [--delete DOC_ID]`: add articles to the index
(a thin shell over qa.ingest.pipeline)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from filelock import Timeout

from qa.cli.shell import cli_entry, command_parser
from qa.config import add_common_args, settings_from_args
from qa.errors import UsageError
from qa.index.store import NewsIndex, open_index
from qa.ingest.pipeline import format_report, ingest_paths, ingest_web, merge_reports, write_lock
from qa.schema import IngestReport


def _list(index: NewsIndex) -> None:
    docs = index.committed_docs()
    if not docs:
        print(f"The index at {index.location} is empty.")
        return
    print(f"{'id':<28} {'chunks':>6}  {'published':<12} {'source':<18} {'author':<16} title")
    for doc_id, info in sorted(docs.items()):
        print(f"{doc_id:<28} {info.n_chunks:>6}  {info.published[:12]:<12} {info.source[:18]:<18} "
              f"{info.author[:16]:<16} {info.title}")
    print(f"{len(docs)} documents, {sum(i.n_chunks for i in docs.values())} chunks")


DESCRIPTION = """\
Add news articles to the newsqa index. Files or folders; .txt, .md (optional YAML front matter), .html, .json and
.jsonl (fields: text required; title, source, author, published, url, language, id optional); web pages (http/https
URLs) and RSS/Atom feeds (--feed). Re-ingesting unchanged files adds nothing; changed files replace their old
chunks; re-running a feed fetches only new or changed entries."""

EPILOG = """\
Exit status: 0 when every file and URL was ingested, 1 when any failed (the others are still ingested; a failed URL
leaves nothing behind), 2 for bad usage."""


def build_parser() -> argparse.ArgumentParser:
    parser = command_parser("ingest", DESCRIPTION, EPILOG)
    parser.add_argument("paths", nargs="*", metavar="PATH_OR_URL",
                        help="article files or folders, or http(s) addresses of article pages")
    parser.add_argument("--feed", metavar="URL", action="append", default=[],
                        help="an RSS or Atom feed: ingest its entries (repeatable)")
    parser.add_argument("--timeout", type=float, metavar="SECONDS",
                        help="per URL: the longest wait and the whole download (default 20)")
    add_common_args(parser, generation=False)
    parser.add_argument("--list", action="store_true", help="list the indexed documents and exit")
    parser.add_argument("--delete", metavar="DOC_ID", action="append", help="remove a document (repeatable)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--max-file-mb", dest="max_file_mb", type=float,
                        help="refuse files larger than this (default 5)")
    parser.add_argument("--no-progress", action="store_true", help="no progress bars")
    return parser


@cli_entry("interrupted: documents written so far are complete; re-run to finish")
def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        settings = settings_from_args(args)
        if not args.paths and not args.feed and not args.list and not args.delete:
            parser.print_usage(sys.stderr)
            print("error: give article files, folders or URLs, --feed URL, --list, or --delete DOC_ID",
                  file=sys.stderr)
            return 2
        if args.timeout is not None and not 0 < args.timeout <= 3600:
            raise UsageError(f"--timeout must be between 0 and 3600 seconds, got {args.timeout:g}")
        from qa.ingest.web import is_url

        urls = [p for p in args.paths if is_url(p)]
        paths = [Path(p) for p in args.paths if not is_url(p)]
        if args.delete:
            index = open_index(settings)
            with write_lock(settings):
                for doc_id in args.delete:
                    n = index.delete_document(doc_id)
                    print(f"deleted {doc_id} ({n} chunks)")
        if args.paths or args.feed:
            progress = not args.no_progress and sys.stderr.isatty()
            index = open_index(settings) if urls or args.feed else None  # files alone: opened only if any is read
            report = ingest_paths(paths, settings, index=index, progress=progress) if paths else IngestReport()
            if urls or args.feed:
                report = merge_reports(report, ingest_web(urls, args.feed, settings, index=index,
                                                          timeout=args.timeout, progress=progress))
            for note in report.duplicate_notes:
                print(f"note: {note}", file=sys.stderr)
            for err in report.errors:
                print(f"error: {err}", file=sys.stderr)
            print(report.model_dump_json(indent=2) if args.json else format_report(report))
            if report.failed or report.errors:
                return 1
        if args.list:
            _list(open_index(settings))
        return 0
    except Timeout:
        print("error: another process is writing to this index; try again when it has finished", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
