"""User-facing errors: each carries a message meant for a person and a process exit code."""

from __future__ import annotations


class NewsqaError(Exception):
    """An expected failure with a clear message; CLIs print it (no traceback) and exit with `exit_code`."""

    exit_code = 1

    def __init__(self, message: str, exit_code: int | None = None) -> None:
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code


class UsageError(NewsqaError):
    """Bad command-line input (empty question, unknown id, ...): exit code 2."""

    exit_code = 2


class InputFileError(NewsqaError):
    """An article file that cannot be read or parsed; the message names the file and the problem."""


class ModelError(NewsqaError):
    """A model file that is missing, corrupt or cannot be loaded, or a backend that does not answer."""
