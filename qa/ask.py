"""`python -m qa.ask`: the entry point; the command is qa/cli/ask.py."""

import sys

from qa.cli.ask import main

if __name__ == "__main__":
    sys.exit(main())
