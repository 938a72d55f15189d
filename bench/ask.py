"""Per-question latency of cited answers on the default model: retrieve, prompt tokens, time to first token,
total — for 10 questions, printed next to the targets (2-core machine).

    python bench/ask.py [--model default|fast|PATH] [--db DIR]

Uses its own temporary index of the seeds, so it measures the product as a new user meets it.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from qa.answer import answer_question, build_messages  # noqa: E402
from qa.config import SEEDS_DIR, load_settings  # noqa: E402
from qa.index import open_index  # noqa: E402
from qa.ingest import ingest_paths  # noqa: E402
from qa.llm import count_tokens, get_llm  # noqa: E402
from qa.retrieval import retrieve_passages  # noqa: E402

QUESTIONS = [
    "Who confirmed the IRGC deployment?",
    "Is the IRGC deployment confirmed?",
    "What did the Pentagon say about Iranian forces in Iraq?",
    "How many Revolutionary Guard members were deployed?",
    "Which cities did the militants capture?",
    "What did Rouhani say?",
    "Who commands the Quds Force?",
    "Which ships were sent to the Persian Gulf?",
    "What did Iran's Foreign Ministry say?",
    "Who won the 2014 World Cup?",
]
TARGETS = {"retrieve_p95_ms": 100.0, "first_token_median_s": 8.0, "total_median_s": 20.0}


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default="default")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "results" / "ask.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings({"db": str(Path(tmp) / "chroma"), "model": args.model})
        ingest_paths([SEEDS_DIR], settings)
        index = open_index(settings)
        t = time.perf_counter()
        llm = get_llm(settings)
        load_s = time.perf_counter() - t
        retrieve_passages("warm-up", index, settings)  # first query pays for loading BM25 from disk
        rows = []
        print(f"{'question':58s} {'retr ms':>8s} {'prompt tok':>10s} {'ttft s':>7s} {'total s':>8s}")
        for q in QUESTIONS:
            r = retrieve_passages(q, index, settings)
            msgs = build_messages(q, r.passages)
            ptoks = count_tokens("\n".join(m.content for m in msgs), llm)
            ans = answer_question(q, index, settings, llm)
            row = {"question": q, "retrieve_ms": round(ans.timings["retrieve_s"] * 1000, 1), "prompt_tokens": ptoks,
                   "first_token_s": ans.timings.get("first_token_s"), "total_s": ans.timings["total_s"],
                   "abstained": ans.abstained}
            rows.append(row)
            ft = "-" if row["first_token_s"] is None else f"{row['first_token_s']:.2f}"
            print(f"{q[:58]:58s} {row['retrieve_ms']:8.1f} {ptoks:10d} {ft:>7s} {row['total_s']:8.2f}")
    answered = [r for r in rows if r["first_token_s"] is not None]
    summary = {
        "model": args.model, "model_load_s": round(load_s, 2),
        "retrieve_p95_ms": pct([r["retrieve_ms"] for r in rows], 0.95),
        "first_token_median_s": statistics.median(r["first_token_s"] for r in answered) if answered else None,
        "total_median_s": statistics.median(r["total_s"] for r in rows),
        "prompt_tokens_median": statistics.median(r["prompt_tokens"] for r in rows),
    }
    print()
    for key, target in TARGETS.items():
        value = summary[key]
        ok = value is not None and value < target
        print(f"{key:24s} measured {value!s:>8}   target < {target:g}   {'OK' if ok else 'MISSED'}")
    print(f"model load {summary['model_load_s']} s, median prompt {summary['prompt_tokens_median']} tokens")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"summary": summary, "rows": rows}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
