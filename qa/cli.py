"""The shell every command-line entry point shares: expected failures become one line on stderr and an exit
code, never a traceback; Ctrl-C exits 130."""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from typing import Any

from qa.errors import NewsqaError


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
