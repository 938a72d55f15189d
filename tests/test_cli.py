"""The shared command-line shell: messages and exit codes instead of tracebacks."""

from __future__ import annotations

import subprocess
import sys

from qa.cli.shell import cli_entry
from qa.config import PROJECT_ROOT
from qa.errors import ModelError, UsageError


def test_expected_errors_become_one_line_and_their_exit_code(capsys):
    @cli_entry()
    def usage(argv=None) -> int:
        raise UsageError("the question is empty")

    @cli_entry()
    def model(argv=None) -> int:
        raise ModelError("model file missing")

    assert usage() == 2
    assert capsys.readouterr().err == "error: the question is empty\n"
    assert model() == 1
    assert capsys.readouterr().err == "error: model file missing\n"


def test_ctrl_c_exits_130_with_the_given_message(capsys):
    @cli_entry("interrupted: re-run to finish")
    def main(argv=None) -> int:
        raise KeyboardInterrupt

    assert main() == 130
    assert capsys.readouterr().err == "interrupted: re-run to finish\n"


def test_unexpected_errors_are_not_swallowed():
    @cli_entry()
    def main(argv=None) -> int:
        raise ValueError("a bug")

    try:
        main()
    except ValueError as exc:
        assert str(exc) == "a bug"
    else:
        raise AssertionError("a bug must surface, not be turned into an exit code")


def test_a_closed_pipe_ends_quietly():
    code = ("import sys\nfrom qa.cli.shell import cli_entry\n"
            "@cli_entry()\ndef main():\n    for i in range(200000):\n        print('line', i)\n    return 0\n"
            "sys.exit(main())\n")
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=PROJECT_ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    proc.stdout.readline()
    proc.stdout.close()  # like `| head -1`
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 141
    assert "Traceback" not in err and "BrokenPipe" not in err, err
