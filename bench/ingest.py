"""Ingestion throughput: 1,000 synthetic articles through `ingest_paths` next to raw
`SentenceTransformer.encode` on the same chunk texts, in the same process and run.

Usage::

    .venv/bin/python bench/ingest.py                  # 1,000 articles (~11,800 chunks); ~40 min on 2 busy cores
    .venv/bin/python bench/ingest.py --articles 200

Prints documents/s and chunks/s, raw encode chunks/s and the ratio (target >= 80%), by wall clock and by CPU
time (CPU time is what other people's load on a shared machine distorts least). Results also go to
bench/results/ingest.json.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from measure import loadavg, max_rss_mb, measure_ingestion  # noqa: E402
from synthetic import generate_documents, write_jsonl  # noqa: E402

from qa.config import load_settings  # noqa: E402

TARGET = 0.8


def main() -> None:
    parser = argparse.ArgumentParser(description="Ingestion throughput vs raw SentenceTransformer.encode.")
    parser.add_argument("--articles", type=int, default=1000, help="synthetic articles to ingest (default 1000)")
    parser.add_argument("--raw-max", type=int, default=0,
                        help="raw-encode at most this many chunks, evenly spread (default 0: all of them)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "ingest.json")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="newsqa-bench-ingest-"))
    try:
        docs = list(generate_documents(args.articles))
        paths = write_jsonl(docs, work / "articles")
        settings = load_settings({"db": str(work / "chroma")})
        load0 = loadavg()
        started = time.strftime("%Y-%m-%d %H:%M:%S")
        figures = measure_ingestion(paths, settings, raw_max=args.raw_max or 10 ** 9).as_dict()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    result = {"articles": args.articles, "started": started, "finished": time.strftime("%Y-%m-%d %H:%M:%S"),
              "loadavg": [load0, loadavg()], "process_max_rss_mb": round(max_rss_mb(), 1), "target_ratio": TARGET,
              "ingest": figures}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    f = figures
    print(f"ingested {f['documents']:,} documents / {f['chunks']:,} chunks in {f['seconds']:.1f} s: "
          f"{f['docs_per_s']:.2f} documents/s, {f['chunks_per_s']:.1f} chunks/s")
    print(f"raw SentenceTransformer.encode on the same {f['raw_chunks']:,} chunks: "
          f"{f['raw_chunks_per_s']:.1f} chunks/s")
    for kind in ("wall", "cpu"):
        ratio = f[f"ratio_{kind}"]
        print(f"ratio ours/raw ({'wall clock' if kind == 'wall' else 'CPU time'}): {ratio:.2f} "
              f"(target >= {TARGET}: {'met' if ratio >= TARGET else 'MISSED'})")
    print(f"peak RSS during ingestion {f['peak_rss_mb']:.0f} MB; load average {load0} -> {loadavg()}")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
