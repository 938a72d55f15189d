"""`python -m qa.check`: is a claim supported by the news articles (or by a text you give)?"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from qa.cli.shell import cli_entry, command_parser, parse, seeded_index
from qa.config import add_common_args
from qa.errors import InputFileError, UsageError
from qa.verify.api import ClaimCheck, check_index, check_text, check_texts, read_pairs

DESCRIPTION = """\
Check whether a claim says only what its evidence says (the same support check answers and summaries get). Without
--evidence the claim is checked against the passages the index retrieves for it (on an empty index the seed articles
are ingested first), and the exact supporting span of the article is shown. The verdict names the part that failed:
a number, a date, a name, the speaker, how sure the source is, negation, who did what to whom, or the action itself."""

EPILOG = """\
Examples:
  python -m qa.check "Samarra is 110 kilometres north of Baghdad"
  python -m qa.check "Baghdad is north of Samarra" --evidence "Samarra, a city 110km north of Baghdad"
  python -m qa.check --pairs pairs.jsonl > verdicts.jsonl
--pairs reads one JSON object a line, {"claim": ..., "evidence": ..., "context": ...} (context optional: the
whole article; without it the evidence is its own context, so "she" in its second sentence is the person its
first names), and writes one line per input, in order: {"supported", "score", "reason", "evidence_start",
"evidence_end"}.
Exit status: 0 when the check ran (whatever the verdict), 1 for unreadable input (a bad --pairs line, named), 2 for
a usage error."""


def build_parser() -> argparse.ArgumentParser:
    parser = command_parser("check", DESCRIPTION, EPILOG, raw=True)
    parser.add_argument("claim", nargs="?", help="the claim to check (one sentence)")
    parser.add_argument("--evidence", metavar="TEXT", help="check against this text instead of the index")
    parser.add_argument("--context-file", metavar="PATH", help="with --evidence: the whole article the evidence "
                        "comes from (lets the claim name who 'he' or 'the president' is; without it the "
                        "evidence text is its own context)")
    parser.add_argument("--pairs", metavar="FILE", help="check every {\"claim\", \"evidence\"} JSON line of FILE "
                        "('-' for standard input) and print one JSON verdict a line")
    parser.add_argument("--json", action="store_true", help="print the verdict as JSON")
    parser.add_argument("--scorer", choices=["structural", "lexical"],
                        help="support scorer (default: the 'scorer' setting, structural)")
    add_common_args(parser, generation=False)
    return parser


def _print(result: ClaimCheck, as_json: bool) -> None:
    if as_json:
        print(json.dumps(result.as_dict(), ensure_ascii=False))
        return
    print(("SUPPORTED" if result.supported else "NOT SUPPORTED") + f" (score {result.score:.2f})")
    print(f"why: {result.reason}")
    where = f"{result.doc_id} " if result.doc_id else ""
    print(f"evidence: {where}[{result.evidence_start}:{result.evidence_end}] \"{result.quote}\"")


def _run_pairs(path: str, settings) -> int:
    if path == "-":
        lines = sys.stdin.read().splitlines()
        source = "standard input"
    else:
        file = Path(path)
        if not file.is_file():
            raise UsageError(f"pairs file not found: {file}")
        try:
            lines = file.read_text(encoding="utf-8").splitlines()
        except UnicodeDecodeError:
            raise InputFileError(f"{file}: not UTF-8 text") from None
        source = str(file)
    pairs = list(read_pairs(lines, source))  # validate every line before printing any verdict
    for r in check_texts(pairs, threshold=settings.support_threshold, scorer=settings.scorer,
                         processes=settings.threads):
        print(json.dumps({"supported": r.supported, "score": r.score, "reason": r.reason,
                          "evidence_start": r.evidence_start, "evidence_end": r.evidence_end}, ensure_ascii=False))
    return 0


@cli_entry()
def main(argv: list[str] | None = None) -> int:
    args, settings = parse(build_parser(), argv)
    if args.pairs is not None:
        if args.claim is not None or args.evidence is not None:
            raise UsageError("--pairs takes its claims and evidence from the file: give no CLAIM or --evidence")
        return _run_pairs(args.pairs, settings)
    if args.claim is None or not args.claim.strip():
        raise UsageError("give a claim to check (or --pairs FILE); see --help")
    if args.context_file and args.evidence is None:
        raise UsageError("--context-file goes with --evidence (the index supplies articles itself)")
    if args.evidence is not None:
        if not args.evidence.strip():
            raise UsageError("--evidence is empty")
        context = None
        if args.context_file:
            path = Path(args.context_file)
            if not path.is_file():
                raise UsageError(f"context file not found: {path}")
            context = path.read_text(encoding="utf-8", errors="replace")
        result = check_text(args.claim, args.evidence, context, threshold=settings.support_threshold,
                            scorer=settings.scorer)
    else:
        index = seeded_index(settings)
        result = check_index(args.claim, index, settings)
    _print(result, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
