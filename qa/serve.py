"""`python -m qa.serve`: the entry point; the command is qa/cli/serve.py."""

import sys

from qa.cli.serve import main

if __name__ == "__main__":
    sys.exit(main())
