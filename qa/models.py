"""`python -m qa.models`: the entry point; the command is qa/cli/models.py."""

import sys

from qa.cli.models import main

if __name__ == "__main__":
    sys.exit(main())
