"""What every command-line entry point shares: `cli_entry` (expected failures become one line on stderr and an
exit code, never a traceback; Ctrl-C exits 130), `command_parser` (the `python -m qa.<command>` parser), `parse`
(arguments and the settings they give) and `seeded_index` (the index, with the seeds ingested when it is empty)."""

from __future__ import annotations

import argparse
import functools
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from qa.config import Settings, settings_from_args
from qa.errors import NewsqaError

if TYPE_CHECKING:
    from qa.index.store import NewsIndex


def cli_entry(interrupted: str | None = None) -> Callable[[Callable[..., int]], Callable[..., int]]:
    """Decorate a `main(argv) -> int`: `NewsqaError` prints `error: <message>` and returns its exit code;
    KeyboardInterrupt prints `interrupted` (when given) and returns 130; a closed output pipe returns 141 quietly."""

    def wrap(main: Callable[..., int]) -> Callable[..., int]:
        @functools.wraps(main)
        def run(*args: Any, **kwargs: Any) -> int:
            try:
                return main(*args, **kwargs)
            except NewsqaError as exc:
                print(f"error: {exc}", file=sys.stderr)
                return exc.exit_code
            except KeyboardInterrupt:
                if interrupted:
                    print(interrupted, file=sys.stderr)
                return 130
            except BrokenPipeError:
                # The reader went away (`... | head`): the Python docs' recipe, so the exit flush does not raise again.
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
                return 141

        return run

    return wrap


def command_parser(command: str, description: str, epilog: str | None = None, *,
                   raw: bool = False) -> argparse.ArgumentParser:
    """The parser of `python -m qa.<command>`. `raw`: the epilog's line breaks are kept (examples)."""
    return argparse.ArgumentParser(
        prog=f"python -m {command}" if "." in command else f"python -m qa.{command}",
        description=description, epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter if raw else argparse.HelpFormatter)


def parse(parser: argparse.ArgumentParser, argv: list[str] | None) -> tuple[argparse.Namespace, Settings]:
    """The command line's arguments and the settings they give (a bad value is a usage error)."""
    args = parser.parse_args(argv)
    return args, settings_from_args(args)


def seeded_index(settings: Settings) -> NewsIndex:
    """The index the settings name; when it is empty the seed articles are ingested first, said on stderr."""
    from qa.index.store import open_index
    from qa.ingest.pipeline import ensure_seeded

    index = open_index(settings)
    ensure_seeded(index, settings, say=lambda m: print(m, file=sys.stderr))
    return index
