"""`python -m qa.ingest`: the entry point; the command is qa/cli/ingest.py."""

import sys

from qa.cli.ingest import main

sys.exit(main())
