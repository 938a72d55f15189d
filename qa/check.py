"""`python -m qa.check`: the entry point; the command is qa/cli/check.py."""

import sys

from qa.cli.check import main

if __name__ == "__main__":
    sys.exit(main())
