"""`python -m qa.timeline`: the entry point; the command is qa/cli/timeline.py."""

import sys

from qa.cli.timeline import main

if __name__ == "__main__":
    sys.exit(main())
