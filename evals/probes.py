"""Score the support scorer on the probe pairs in evals/data/probes/ (invented sentences without article context,
or, for a row with a `doc_id`, a paragraph of that seed article with the whole article as its context).

The helper_* files are tuning material, like the dev split: helper agents wrote them without seeing the scorer or
the repository, and the scorer was then tuned on them (their first readings are in the folder's README). Files named
heldout_* are held out: their figures are printed, their failures never (so they stay unread). None is part of the
gated eval. Usage: `python -m evals.probes [FILE ...] [--show-errors]`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from evals.dataset import DATA_DIR

PROBES_DIR = DATA_DIR / "probes"
HELD_OUT_PREFIX = "heldout_"  # a held-out file's failures are never listed: a set stays unread only while nobody looks


def score_file(path: Path) -> tuple[dict, list[dict]]:
    """({"supported_accepted", "unsupported_rejected", "balanced_accuracy", "per_kind"}, wrong rows)."""
    from qa.ingest.readers import load_seed_documents
    from qa.verify.api import check_text  # the same code path as `python -m qa.check --evidence`

    per_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    wrong = []
    articles: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if row.get("doc_id") and not articles:
            articles = {d.doc_id: d.text for d in load_seed_documents()}
        # a seed paragraph is read with its article, as the eval's judge and the answers read it
        result = check_text(row["claim"], row["evidence"], articles[row["doc_id"]] if row.get("doc_id") else None)
        right = result.supported == (row["label"] == "supported")
        per_kind[row["kind"]][0] += right
        per_kind[row["kind"]][1] += 1
        if not right:
            wrong.append({**row, "reason": result.reason})
    sup = [v for k, v in per_kind.items() if k in _SUPPORTED_KINDS]
    uns = [v for k, v in per_kind.items() if k not in _SUPPORTED_KINDS]
    acc = sum(r for r, _ in sup) / max(1, sum(n for _, n in sup))
    rej = sum(r for r, _ in uns) / max(1, sum(n for _, n in uns))
    return {"supported_accepted": acc, "unsupported_rejected": rej, "balanced_accuracy": (acc + rej) / 2,
            "per_kind": {k: f"{r}/{n}" for k, (r, n) in sorted(per_kind.items())}}, wrong


_SUPPORTED_KINDS = frozenset("paraphrase weaker coreference abbreviation number_unit".split())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.probes", description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path, help="probe files (default: every file in evals/data/probes)")
    parser.add_argument("--show-errors", action="store_true", help="list the pairs judged wrongly, with the reason")
    args = parser.parse_args(argv)
    files = args.files or sorted(PROBES_DIR.glob("*.jsonl"))
    for path in files:
        if not path.is_file():
            print(f"error: no such probe file: {path}", file=sys.stderr)
            return 2
        figures, wrong = score_file(path)
        print(f"{path.name}: balanced accuracy {figures['balanced_accuracy']:.3f} (supported accepted "
              f"{figures['supported_accepted']:.3f}, unsupported rejected {figures['unsupported_rejected']:.3f})")
        print("  " + ", ".join(f"{k} {v}" for k, v in figures["per_kind"].items()))
        if args.show_errors and path.name.startswith(HELD_OUT_PREFIX):
            print("  (held out: failures are not listed)")
        elif args.show_errors:
            for row in wrong:
                print(f"  {row['id']} {row['kind']} ({row['label']}): {row['reason']}\n    claim: {row['claim']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
