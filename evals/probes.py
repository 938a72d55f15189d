"""Score the support scorer on the probe pairs in evals/data/probes/ (invented sentences without article context,
or, for a row with a `doc_id`, a paragraph of that seed article with the whole article as its context).

The helper_* files are tuning material, like the dev split: helper agents wrote them without seeing the scorer or
the repository, and the scorer was then tuned on them (their first readings are in the folder's README). Files named
heldout_* are held out: their figures are printed, their failures never (so they stay unread). None is part of the
gated eval. Usage: `python -m evals.probes [FILE ...] [--show-errors | --by-check]`.
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


def _checked_rows(path: Path, check=None):
    """(row, verdict) for each pair of a probe file, checked by `check` (default: `qa.verify.api.check_text`, the
    same code path as `python -m qa.check --evidence`); a seed paragraph is read with its article, as the eval's
    judge and the answers read it."""
    from qa.ingest.readers import load_seed_documents
    from qa.verify.api import check_text

    check = check or check_text
    articles: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if row.get("doc_id") and not articles:
            articles = {d.doc_id: d.text for d in load_seed_documents()}
        yield row, check(row["claim"], row["evidence"], articles[row["doc_id"]] if row.get("doc_id") else None)


def score_file(path: Path) -> tuple[dict, list[dict]]:
    """({"supported_accepted", "unsupported_rejected", "balanced_accuracy", "per_kind"}, wrong rows)."""
    per_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    wrong = []
    for row, result in _checked_rows(path):
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


OVERLAP_THRESHOLD = "overlap threshold"  # a refusal no check named: the claim's score was under the threshold


def refusals_by_check(paths: list[Path]) -> dict[str, dict]:
    """Which check of the verifier made each refusal, and how often it was right: for each check (module.function:line
    of the `return` that gave the reason), the false claims it refused ("right"), the true ones ("wrong"), and "net",
    its share of the files' mean balanced accuracy (a refused false claim adds 1 / (2 * false claims in its file), a
    refused true one takes away 1 / (2 * true claims in its file); divided by the number of files). Counts only: no
    pair is returned, so held-out files may be read this way. Found by a profile hook on the verifier's functions,
    because a reason's wording is shared by several checks ("the cited text says 'X', not 'Y'")."""
    from qa.verify.api import check_text

    verify_dir = str(Path(check_text.__code__.co_filename).parent)
    returned: list[tuple[str, str]] = []

    def watch(frame, event, arg) -> None:
        if event == "return" and frame.f_code.co_filename.startswith(verify_dir):
            value = arg[0] if isinstance(arg, tuple) and arg and isinstance(arg[0], str) else arg
            if isinstance(value, str) and len(value) > 12:
                returned.append((f"{Path(frame.f_code.co_filename).stem}.{frame.f_code.co_name}:{frame.f_lineno}",
                                 value))

    def watched(claim: str, evidence: str, context: str | None):
        returned.clear()
        sys.setprofile(watch)
        try:
            return check_text(claim, evidence, context)
        finally:
            sys.setprofile(None)

    counts: dict[str, dict] = defaultdict(lambda: {"right": 0, "wrong": 0, "net": 0.0})
    for path in paths:
        rows = [(row["label"] == "supported", result, list(returned))
                for row, result in _checked_rows(path, watched)]
        true_n = max(1, sum(t for t, _, _ in rows))
        false_n = max(1, sum(not t for t, _, _ in rows))
        for true, result, seen in rows:
            if result.supported:
                continue
            # the innermost return of the whole reason (an outer check passes its inner check's reason on)
            found = [(site, value) for site, value in seen if value in result.reason]
            longest = max((len(value) for _, value in found), default=0)
            site = next((site for site, value in found if len(value) == longest), OVERLAP_THRESHOLD)
            counts[site]["wrong" if true else "right"] += 1
            counts[site]["net"] += (-1 / (2 * true_n) if true else 1 / (2 * false_n)) / len(paths)
    return dict(counts)


_SUPPORTED_KINDS = frozenset("paraphrase weaker coreference abbreviation number_unit".split())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.probes", description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path, help="probe files (default: every file in evals/data/probes)")
    parser.add_argument("--show-errors", action="store_true", help="list the pairs judged wrongly, with the reason")
    parser.add_argument("--by-check", action="store_true",
                        help="instead of the figures, count each check's right and wrong refusals over all the files "
                             "(counts only, held-out files included; slower: every return of the verifier is watched)")
    args = parser.parse_args(argv)
    files = args.files or sorted(PROBES_DIR.glob("*.jsonl"))
    for path in files:
        if not path.is_file():
            print(f"error: no such probe file: {path}", file=sys.stderr)
            return 2
    if args.by_check:
        counts = refusals_by_check(files)
        print(f"{'check (module.function:line)':58} {'right':>6} {'wrong':>6} {'net':>8}")
        for site, c in sorted(counts.items(), key=lambda kv: kv[1]["net"]):
            print(f"{site:58} {c['right']:6d} {c['wrong']:6d} {c['net']:+8.4f}")
        return 0
    for path in files:
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
