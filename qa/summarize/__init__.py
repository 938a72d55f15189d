"""Multi-source summaries: attributed claims grouped across articles (claim_groups), their sentences read
from the sources (reading), written and checked (write), assembled (pipeline) and measured (metrics).

`python -m qa.summarize` is the CLI in qa/cli/summarize.py."""
