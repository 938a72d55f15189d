"""`python -m qa.summarize`: the entry point; the command is qa/cli/summarize.py."""

import sys

from qa.cli.summarize import main

sys.exit(main())
