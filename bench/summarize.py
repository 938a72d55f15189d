"""Latency of neutral multi-source summaries on the default model: the two seeds, and ten longer generated
articles (2-core machine).

    python bench/summarize.py [--model default|fast|PATH] [--runs N] [--only seeds|ten]

Each scenario gets its own temporary index. Printed per run: total, map (source selection, condensation and
cross-source relations, deterministic), reduce (model calls), verify (support checks), time to first token,
model calls, prompt and generated tokens (exact, from the model's tokenizer; chat-template tokens not
included), generation speed (generated tokens / reduce time, which includes prompt processing), the 1-minute
load average at the end of the run (other jobs share the 2 cores), sentences and the summary metrics.
Results also go to bench/results/summarize.json.

The ten articles are GENERATED benchmark data, not real news: seed paragraphs recombined in a per-article
order (first paragraph kept as the lead), each with a distinct id, title and outlet name, ~3,000-4,500 chars.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qa.config import SEEDS_DIR, load_settings  # noqa: E402
from qa.generate.llm import get_llm  # noqa: E402
from qa.index.store import open_index  # noqa: E402
from qa.ingest.pipeline import ingest_paths  # noqa: E402
from qa.ingest.readers import read_path  # noqa: E402
from qa.summarize.pipeline import summarize  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "summarize.json"


def write_generated_articles(folder: Path, n: int = 10, seed: int = 5) -> None:
    """n generated articles recombining the seeds' paragraphs (deterministic for a given seed)."""
    paragraphs: list[str] = []
    for path in sorted(SEEDS_DIR.glob("*.md")):
        for doc in read_path(path, max_bytes=10_000_000).documents:
            paragraphs.extend(p.strip() for p in doc.text.split("\n\n") if p.strip())
    rng = random.Random(seed)
    for i in range(n):
        lead = paragraphs[i % len(paragraphs)]
        rest = [p for p in paragraphs if p != lead]
        rng.shuffle(rest)
        body = "\n\n".join([lead] + rest[: rng.randint(9, 13)])
        (folder / f"gen-{i:02d}.md").write_text(
            f"---\nid: gen-{i:02d}\ntitle: Generated report {i + 1} on Iraq and Iran\nsource: Bench Outlet {i + 1}\n"
            f"note: generated benchmark data (recombined seed text), not a real article\n---\n{body}\n",
            encoding="utf-8")


def run_scenario(name: str, folder: Path, model: str, runs: int) -> dict:
    with tempfile.TemporaryDirectory(prefix="newsqa-bench-sum-") as tmp:
        settings = load_settings({"db": str(Path(tmp) / "chroma"), "model": model})
        report = ingest_paths([folder], settings)
        index = open_index(settings)
        llm = get_llm(settings)
        chars = sum(len(index.get_document(d).text) for d in index.committed_docs())
        rows = []
        for r in range(runs):
            t0 = time.perf_counter()
            summary = summarize(index, settings, llm)
            wall = time.perf_counter() - t0
            t = summary.timings
            m = summary.metrics
            row = {"run": r + 1, "total_s": round(wall, 2), "map_s": t.get("map_s"), "reduce_s": t.get("reduce_s"),
                   "verify_s": t.get("verify_s"), "repair_s": t.get("repair_s"),
                   "first_token_s": t.get("first_token_s"), "calls": int(t.get("reduce_calls", 0)),
                   "prompt_tokens": int(t.get("prompt_tokens", 0)),
                   "generated_tokens": int(t.get("generated_tokens", 0)),
                   "gen_tok_per_s": round(t.get("generated_tokens", 0) / max(1e-9, t.get("reduce_s") or 0), 2),
                   "load_avg_1m": round(os.getloadavg()[0], 2), "sentences": len(summary.sentences),
                   "coverage": m.source_coverage, "balance": m.citation_balance,
                   "attributed": m.attributed_ratio, "unsupported": m.unsupported_sentences,
                   "loaded_terms": m.loaded_terms}
            rows.append(row)
            print(f"[{name}] run {r + 1}: " + ", ".join(f"{k}={v}" for k, v in row.items() if k != "run"), flush=True)
        print(f"[{name}] summary of the last run:\n{summary.summary}\n", flush=True)
        return {"scenario": name, "documents": report.added, "article_chars": chars, "model": summary.model,
                "runs": rows, "median_total_s": statistics.median(r["total_s"] for r in rows)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="default")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--only", choices=["seeds", "ten"])
    args = parser.parse_args()
    results = []
    if args.only in (None, "seeds"):
        results.append(run_scenario("seeds", SEEDS_DIR, args.model, args.runs))
    if args.only in (None, "ten"):
        with tempfile.TemporaryDirectory(prefix="newsqa-bench-gen-") as folder:
            write_generated_articles(Path(folder))
            results.append(run_scenario("ten", Path(folder), args.model, args.runs))
    for res in results:
        print(f"{res['scenario']}: {res['documents']} documents, {res['article_chars']:,} chars, "
              f"median total {res['median_total_s']} s ({res['model']})")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"time": time.strftime("%Y-%m-%d %H:%M:%S"), "results": results}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
