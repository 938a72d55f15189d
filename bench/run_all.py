"""Scale benchmark: ingestion and retrieval at growing corpus sizes, one report.

Usage::

    .venv/bin/python bench/run_all.py                      # 1k, 10k and 100k chunks (100k: hours on 2 cores)
    .venv/bin/python bench/run_all.py --sizes 1000,10000   # what CI-sized machines can afford
    .venv/bin/python bench/run_all.py --report-only        # rebuild report.md / scale.png from saved results

For each size, in two fresh subprocesses (so RSS is per configuration):

* ingest: deterministic synthetic articles (bench/synthetic.py; the two seeds included) are ingested with
  `ingest_paths` next to raw `SentenceTransformer.encode` on the same chunk texts; chunks/s, the ratio
  (wall and CPU time), peak RSS during ingestion and the on-disk index size.
* query: the default LLM is loaded with `qa.generate.llm.get_llm` (query-time RSS), then each question is timed
  through raw Chroma `collection.query(query_embeddings=..., n_results=k)`, our dense query, BM25 and the
  fused `retrieve_passages`; p50/p95. The seed eval questions check retrieval quality at every size.

Results: bench/results/scale_<size>.json (one per size, so sizes can be run separately), run_all.json,
report.md (with bench/results/llm.json and ingest.json when present) and scale.png.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from measure import (  # noqa: E402
    Timer,
    dir_mb,
    evict_page_cache,
    loadavg,
    max_rss_mb,
    measure_ingestion,
    page_cache,
    percentiles,
    rss_mb,
)

RESULTS = ROOT / "bench" / "results"
DEFAULT_SIZES = "1000,10000,100000"
DEFAULT_WORK = Path("/tmp/newsqa-bench")
TARGETS = {"ingest_ratio": 0.8, "fused_p95_ms": 150.0, "fused_vs_raw": 2.0, "ingest_rss_mb": 3 * 1024,
           "query_rss_mb": 4 * 1024}


# ---- workers (each runs in its own process) --------------------------------------------------------------
def _settings(folder: Path):
    from qa.config import load_settings

    return load_settings({"db": str(folder / "chroma")})


INGEST_KEYS = ("expected_chunks", "ingest", "chroma_mb", "chroma_mb_per_1k_chunks", "ingest_process_max_rss_mb",
               "loadavg_ingest", "reingest_unchanged_s", "ingest_one_more_article_s")


def worker_ingest(size: int, work: Path, raw_max: int) -> dict:
    from synthetic import documents_for_chunks, generate_documents, write_jsonl

    from qa.ingest.pipeline import ingest_paths

    folder = work / str(size)
    shutil.rmtree(folder, ignore_errors=True)
    docs, expected = documents_for_chunks(size)
    paths = write_jsonl(docs, folder / "articles")
    settings = _settings(folder)
    load0 = loadavg()
    figures = measure_ingestion(paths, settings, raw_max=raw_max).as_dict()
    chroma_mb = dir_mb(folder / "chroma")
    out = {"size": size, "expected_chunks": expected, "ingest": figures, "chroma_mb": round(chroma_mb, 1),
           "chroma_mb_per_1k_chunks": round(chroma_mb / (figures["chunks"] / 1000), 2),
           "ingest_process_max_rss_mb": round(max_rss_mb(), 1), "loadavg_ingest": [load0, loadavg()]}
    # What later ingestion runs cost on an index of this size: everything unchanged, then one new article.
    with Timer() as t:
        again = ingest_paths(paths, settings)
    assert again.unchanged == len(docs) and again.chunks_written == 0, again
    out["reingest_unchanged_s"] = round(t.wall, 2)
    extra = next(generate_documents(1, seed=99)).model_copy(update={"doc_id": "extra-000"})
    with Timer() as t:
        one = ingest_paths(write_jsonl([extra], folder / "extra"), settings)
    assert one.added == 1, one
    out["ingest_one_more_article_s"] = round(t.wall, 2)
    return out


def _seed_questions() -> list[tuple[str, set[str]]]:
    """The answerable single-turn questions of the eval data's dev split (the test split stays held out)."""
    from evals.dataset import load_qa

    return [(item.question, {g.doc_id for g in item.gold}) for item in load_qa("dev")
            if not item.must_abstain and not item.history and item.gold]


def worker_query(size: int, work: Path, n_queries: int, llm: bool, answer: bool) -> dict:
    from synthetic import questions

    from qa.index.embeddings import get_embedder
    from qa.index.store import open_index
    from qa.retrieve.hybrid import CANDIDATES, BM25Store, bm25_store, retrieve_passages

    folder = work / str(size)
    settings = _settings(folder)
    load0 = loadavg()
    out: dict = {"size": size, "k": settings.k, "candidates": CANDIDATES}
    with Timer() as t:
        index = open_index(settings)
        embedder = get_embedder()
        embedder.embed_one("warm-up")
    out["open_s"] = round(t.wall, 2)
    out["chunks_indexed"] = index.count_chunks()
    out["documents_indexed"] = len(index.committed_docs())
    out["rss_index_open_mb"] = round(rss_mb(), 1)
    llm_obj = None
    if llm:
        from qa.generate.llm import get_llm

        with Timer() as t:
            try:
                llm_obj = get_llm(settings)
                out["llm"] = getattr(llm_obj.metadata, "model_name", "?")
            except Exception as exc:  # a missing model must not sink the retrieval figures
                out["llm_error"] = str(exc)
        out["llm_load_s"] = round(t.wall, 2)
    out["rss_llm_loaded_mb"] = round(rss_mb(), 1)
    # First query after ingestion: BM25 is built from the committed chunks and persisted.
    with Timer() as t:
        bm25_store(index).search("warm-up query", 1)
    out["bm25_build_s"] = round(t.wall, 2)
    with Timer() as t:  # what a new process pays: load the persisted BM25 index
        BM25Store(index).search("warm-up query", 1)
    out["bm25_load_s"] = round(t.wall, 3)
    out["bm25_mb"] = round(dir_mb(folder / "chroma" / "bm25"), 1)
    retrieve_passages("warm-up question", index, settings)

    steps = ("sync_s", "dense_s", "bm25_s", "select_s", "window_s")
    qs = questions(n_queries)

    def time_questions() -> dict:
        timings: dict[str, list[float]] = {m: [] for m in ("embed", "raw", "dense", "bm25", "fused", "fused_no_embed",
                                                           "fused_given_embedding", "sync", *steps)}

        def run(method: str, q: str, emb) -> None:
            t0 = time.perf_counter()
            if method == "raw":
                index.chunks.query(query_embeddings=[emb], n_results=settings.k)
            elif method == "dense":
                index.query_ids(emb, CANDIDATES)
            elif method == "bm25":
                bm25_store(index).search(q, CANDIDATES)
            elif method == "fused_given_embedding":  # the like-for-like comparison: both start from the vector
                retrieve_passages(q, index, settings, embedding=emb)
            else:
                result = retrieve_passages(q, index, settings)
                timings["fused_no_embed"].append(result.timings["retrieve_s"] - result.timings["embed_s"])
                for step in steps:
                    timings[step].append(result.timings[step])
            timings[method].append(time.perf_counter() - t0)

        methods = ["raw", "dense", "bm25", "fused", "fused_given_embedding"]
        for i, q in enumerate(qs):
            t0 = time.perf_counter()
            emb = embedder.embed_one(q)
            timings["embed"].append(time.perf_counter() - t0)
            shift = i % len(methods)  # rotate the order so load spikes (and first reads of a row) hit all alike
            for m in methods[shift:] + methods[:shift]:
                run(m, q, emb)
            t0 = time.perf_counter()
            index.sync()
            timings["sync"].append(time.perf_counter() - t0)
        lat = {m: percentiles(v) for m, v in timings.items()}
        lat["raw_plus_embed"] = percentiles([a + b for a, b in zip(timings["raw"], timings["embed"], strict=True)])
        return {"latency": lat,
                "fused_vs_raw_p95": round(lat["fused_no_embed"]["p95_ms"] / lat["raw"]["p95_ms"], 2),
                "fused_given_embedding_vs_raw_p95": round(lat["fused_given_embedding"]["p95_ms"]
                                                          / lat["raw"]["p95_ms"], 2),
                "fused_vs_raw_plus_embed_p95": round(lat["fused"]["p95_ms"] / lat["raw_plus_embed"]["p95_ms"], 2)}

    # Cold: Chroma's SQLite file (texts and metadata; the vectors are in memory) is dropped from the page cache
    # first, so every row a question needs the first time comes from disk, as after a reboot or on a machine
    # short of memory (this VM itself keeps only ~2.5 GB of page cache and evicts a 100k index's file within
    # minutes). Then the same questions again, their rows now cached.
    sqlite_file = folder / "chroma" / "chroma.sqlite3"
    out["page_cache_before"] = page_cache(sqlite_file)
    evict_page_cache(sqlite_file)
    out["page_cache_evicted"] = page_cache(sqlite_file)
    out.update(time_questions())
    out["repeat"] = time_questions()

    seeds = _seed_questions()
    hits = 0
    for q, gold in seeds:
        got = {p.doc_id for p in retrieve_passages(q, index, settings).passages}
        hits += bool(got & gold)
    out["seed_questions"] = len(seeds)
    out["seed_hit_at_k"] = round(hits / len(seeds), 3) if seeds else None

    if llm_obj is not None and answer:
        from qa.answer.pipeline import answer_question

        with Timer() as t:
            ans = answer_question("Who confirmed the IRGC deployment?", index, settings, llm_obj)
        out["answer_s"] = round(t.wall, 1)
        out["answer_abstained"] = ans.abstained
        out["answer_cites"] = sorted({c.doc_id for c in ans.citations})
    out["rss_end_mb"] = round(rss_mb(), 1)
    out["query_process_max_rss_mb"] = round(max_rss_mb(), 1)
    out["index_mb_total"] = round(dir_mb(folder / "chroma"), 1)
    out["loadavg_query"] = [load0, loadavg()]
    return out


# ---- orchestration -----------------------------------------------------------------------------------------
def _run_worker(args: list[str]) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), *args]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"worker {' '.join(args)} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def run_size(size: int, args: argparse.Namespace) -> dict:
    started = time.strftime("%Y-%m-%d %H:%M:%S")
    if args.query_only:  # re-time queries on a kept index: its ingestion figures come from the saved results
        saved = RESULTS / f"scale_{size}.json"
        if not (args.work / str(size)).is_dir() or not saved.is_file():
            raise SystemExit(f"--query-only needs the kept index {args.work / str(size)} (run with --keep) "
                             f"and its saved results {saved}")
        previous = json.loads(saved.read_text())
        ingest = {k: previous[k] for k in INGEST_KEYS if k in previous}
        started = previous.get("started", started)
    else:
        print(f"[{size:,} chunks] ingesting (load average {loadavg()}) ...", flush=True)
        ingest = _run_worker(["--worker", "ingest", "--size", str(size), "--work", str(args.work),
                              "--raw-max", str(args.raw_max)])
    f = ingest["ingest"]
    print(f"[{size:,} chunks] ingestion {f['chunks_per_s']:.1f} chunks/s vs raw encode {f['raw_chunks_per_s']:.1f} "
          f"-> ratio {f['ratio_wall']:.2f} wall, {f['ratio_cpu']:.2f} CPU (target >= {TARGETS['ingest_ratio']}); "
          f"peak RSS {f['peak_rss_mb']:.0f} MB", flush=True)
    print(f"[{size:,} chunks] querying ...", flush=True)
    qargs = ["--worker", "query", "--size", str(size), "--work", str(args.work), "--queries", str(args.queries)]
    qargs += ["--no-llm"] if args.no_llm else []
    qargs += ["--answer"] if args.answer else []
    query = _run_worker(qargs)
    lat = query["latency"]
    print(f"[{size:,} chunks] p95 ms: raw {lat['raw']['p95_ms']}, dense {lat['dense']['p95_ms']}, "
          f"bm25 {lat['bm25']['p95_ms']}, fused {lat['fused']['p95_ms']} (without query embedding "
          f"{lat['fused_no_embed']['p95_ms']}, from a given embedding {lat['fused_given_embedding']['p95_ms']}) -> "
          f"fused/raw {query['fused_vs_raw_p95']}x, {query['fused_given_embedding_vs_raw_p95']}x from the vector; "
          f"asked again: {_ratios(query.get('repeat'))}; "
          f"query RSS {query['query_process_max_rss_mb']:.0f} MB", flush=True)
    result = {"size": size, "started": started, "finished": time.strftime("%Y-%m-%d %H:%M:%S"),
              **ingest, **query}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"scale_{size}.json").write_text(json.dumps(result, indent=2) + "\n")
    if not args.keep and not args.query_only:
        shutil.rmtree(args.work / str(size), ignore_errors=True)
    return result


# ---- report ------------------------------------------------------------------------------------------------
def _load_results() -> list[dict]:
    return sorted((json.loads(p.read_text()) for p in RESULTS.glob("scale_*.json")), key=lambda r: r["size"])


def _ok(flag: bool) -> str:
    return "met" if flag else "**missed**"


def _llm_section() -> list[str]:
    path = RESULTS / "llm.json"
    if not path.is_file():
        return ["", "## LLM", "", "bench/results/llm.json is not there yet (run `python bench/llm.py`)."]
    data = json.loads(path.read_text())
    lines = ["", "## LLM (from bench/results/llm.json, written by bench/llm.py)", "",
             f"Prompt ~{data.get('prompt_tokens_target')} tokens, {data.get('gen_tokens')} generated tokens. "
             "The table: "
             "medians of separate processes per stack (load time, first token, peak RSS); the ratios below it: "
             "back-to-back pairs of both stacks in one process, which this VM's run-to-run noise affects far less.",
             "",
             "| model | stack | load s | first token s | prompt tok/s | gen tok/s | peak RSS MB |",
             "|---|---|---:|---:|---:|---:|---:|"]
    for r in data.get("results", []):
        lines.append(f"| {r.get('model')} | {r.get('stack')} | {r.get('load_s', 0):.2f} | "
                     f"{r.get('first_token_s', 0):.1f} | {r.get('prompt_tok_s', 0):.1f} | "
                     f"{r.get('gen_tok_s', 0):.2f} | {r.get('peak_rss_mb', 0):.0f} |")
    for c in data.get("comparison", []):
        if "prompt_ratio_ci95" not in c:  # written by an older bench/llm.py (medians of separate processes)
            lines.append(f"\n{c.get('model')}: ours/raw prompt {c.get('prompt_ratio', 0):.2f}, generation "
                         f"{c.get('gen_ratio', 0):.2f} (target >= {data.get('target_ratio')}): "
                         f"{'within target' if c.get('within_target') else 'outside target'}.")
            continue
        pci, gci = c["prompt_ratio_ci95"], c["gen_ratio_ci95"]
        lines.append(f"\n{c.get('model')}: ours/raw, median of {c.get('pairs')} back-to-back pairs: prompt "
                     f"{c['prompt_ratio']:.3f} (95% CI {pci[0]:.3f}-{pci[1]:.3f}), generation {c['gen_ratio']:.3f} "
                     f"(95% CI {gci[0]:.3f}-{gci[1]:.3f}); CPU time: prompt {c['prompt_cpu_ratio']:.3f}, "
                     f"generation {c['gen_cpu_ratio']:.3f} (target >= {data.get('target_ratio')}): "
                     f"{'within target' if c.get('within_target_wall') else 'outside target'}.")
    return lines


def _ingest_section() -> list[str]:
    path = RESULTS / "ingest.json"
    if not path.is_file():
        return []
    d = json.loads(path.read_text())
    f = d["ingest"]
    return ["", "## bench/ingest.py (1,000 articles)", "",
            f"{f['documents']:,} documents, {f['chunks']:,} chunks in {f['seconds']:.0f} s: {f['docs_per_s']:.2f} "
            f"documents/s, {f['chunks_per_s']:.1f} chunks/s; raw encode of the same {f['raw_chunks']:,} chunks "
            f"{f['raw_chunks_per_s']:.1f} chunks/s -> ratio {f['ratio_wall']:.2f} (wall), {f['ratio_cpu']:.2f} (CPU "
            f"time); target >= {TARGETS['ingest_ratio']}: {_ok(max(f['ratio_wall'], f['ratio_cpu']) >= 0.8)}. "
            f"Peak RSS {f['peak_rss_mb']:.0f} MB. Load average {d.get('loadavg')} ({d.get('finished', '')})."]


def _ratios(q: dict | None) -> str:
    if not q:
        return "not measured"
    lat = q["latency"]
    return (f"fused p95 {lat['fused']['p95_ms']:.1f} ms; {q['fused_given_embedding_vs_raw_p95']:.2f}x raw from a given "
            f"embedding ({_ok(q['fused_given_embedding_vs_raw_p95'] <= TARGETS['fused_vs_raw'])}), "
            f"{q['fused_vs_raw_p95']:.2f}x with the embedding time taken out "
            f"({_ok(q['fused_vs_raw_p95'] <= TARGETS['fused_vs_raw'])}), "
            f"{q['fused_vs_raw_plus_embed_p95']:.2f}x raw + embedding")


def write_report() -> None:
    results = _load_results()
    if not results:
        raise SystemExit("no bench/results/scale_*.json yet: run bench/run_all.py first")
    (RESULTS / "run_all.json").write_text(json.dumps({"targets": TARGETS, "results": results}, indent=2) + "\n")
    head = "| | " + " | ".join(f"{r['size']:,}" for r in results) + " |"
    sep = "|---|" + "---:|" * len(results)

    def row(label: str, fn) -> str:
        cells = []
        for r in results:
            try:
                cells.append(fn(r))
            except (KeyError, TypeError, ZeroDivisionError):
                cells.append("–")
        return f"| {label} | " + " | ".join(cells) + " |"

    def lat(name: str, which: str):
        return lambda r: f"{r['latency'][name][which]:.1f}"

    def rep(name: str, which: str):
        return lambda r: f"{r['repeat']['latency'][name][which]:.1f}"

    def ratio_rows(timed) -> list[str]:  # timed(r): the figures of one pass over the questions
        return [row(label, lambda r, key=key: f"{timed(r)[key]:.2f}") for label, key in (
            ("fused/raw p95, both from a given embedding", "fused_given_embedding_vs_raw_p95"),
            ("fused/raw p95 (both without embedding)", "fused_vs_raw_p95"),
            ("fused/(raw+embedding) p95", "fused_vs_raw_plus_embed_p95"))]

    lines = ["# newsqa scale benchmark", "",
             "Generated by `python bench/run_all.py` (see docs/performance.md). Synthetic articles recombine the seed "
             "sentences with other names, places and numbers; the two seeds are in every corpus. 2 CPU cores; "
             "the load average (1/5/15 min, at the start and end of each phase) is recorded next to the figures "
             "(about 2 means the benchmark alone was using both cores), and ingestion is also compared in CPU "
             "time, which other processes' load affects much less. The fused retrieval runs BM25 on its own "
             "thread while the question is embedded and Chroma is queried, so \"fused without query embedding\" "
             "is the wait beyond the embedding; \"fused from a given embedding\" starts, like the raw query, from the "
             "vector.", "",
             "## Corpus size (columns: target chunks)", "", head, sep,
             row("documents", lambda r: f"{r['documents_indexed']:,}"),
             row("chunks indexed", lambda r: f"{r['chunks_indexed']:,}"),
             "| **ingestion** | " + " | " * len(results),
             row("chunks/s (ours)", lambda r: f"{r['ingest']['chunks_per_s']:.1f}"),
             row("documents/s (ours)", lambda r: f"{r['ingest']['docs_per_s']:.2f}"),
             row("chunks/s raw encode (same texts)", lambda r: f"{r['ingest']['raw_chunks_per_s']:.1f}"),
             row("raw encode sample (chunks)", lambda r: f"{r['ingest']['raw_chunks']:,}"),
             row("raw chunks/s before / after ingestion",
                 lambda r: " / ".join(f"{x:.1f}" for x in r["ingest"]["raw_before_after_chunks_per_s"])),
             row("ratio ours/raw, wall", lambda r: f"{r['ingest']['ratio_wall']:.2f}"),
             row("ratio ours/raw, CPU time", lambda r: f"{r['ingest']['ratio_cpu']:.2f}"),
             row("peak RSS during ingestion MB", lambda r: f"{r['ingest']['peak_rss_mb']:.0f}"),
             row("Chroma on disk MB per 1k chunks", lambda r: f"{r['chroma_mb_per_1k_chunks']:.2f}"),
             row("index on disk MB (Chroma + BM25)", lambda r: f"{r['index_mb_total']:.0f}"),
             row("load average during ingestion", lambda r: f"{r['loadavg_ingest'][0][0]}→{r['loadavg_ingest'][1][0]}"),
             row("re-ingest everything unchanged s", lambda r: f"{r['reingest_unchanged_s']:.1f}"),
             row("ingest one more article s", lambda r: f"{r['ingest_one_more_article_s']:.1f}"),
             "| **retrieval, ms** | " + " | " * len(results),
             row("raw Chroma query p50", lat("raw", "p50_ms")), row("raw Chroma query p95", lat("raw", "p95_ms")),
             row("query embedding p50", lat("embed", "p50_ms")),
             row("dense (ours) p50", lat("dense", "p50_ms")), row("dense (ours) p95", lat("dense", "p95_ms")),
             row("BM25 p50", lat("bm25", "p50_ms")), row("BM25 p95", lat("bm25", "p95_ms")),
             row("fused retrieve_passages p50", lat("fused", "p50_ms")),
             row("fused retrieve_passages p95", lat("fused", "p95_ms")),
             row("fused without query embedding p95", lat("fused_no_embed", "p95_ms")),
             row("fused from a given embedding p50", lat("fused_given_embedding", "p50_ms")),
             row("fused from a given embedding p95", lat("fused_given_embedding", "p95_ms")),
             row("steps of fused, p95: freshness check", lat("sync_s", "p95_ms")),
             row("steps of fused, p95: dense query", lat("dense_s", "p95_ms")),
             row("steps of fused, p95: BM25 wait after dense", lat("bm25_s", "p95_ms")),
             row("steps of fused, p95: fusion + selection (row reads)", lat("select_s", "p95_ms")),
             row("steps of fused, p95: sentence windows", lat("window_s", "p95_ms")),
             *ratio_rows(lambda r: r),
             row("SQLite file in the page cache after eviction, MB",
                 lambda r: f"{r['page_cache_evicted']['cached_mb']:.0f} of {r['page_cache_evicted']['file_mb']:.0f}"),
             "| **same questions again, ms** | " + " | " * len(results),
             row("raw Chroma query p95", rep("raw", "p95_ms")),
             row("fused retrieve_passages p95", rep("fused", "p95_ms")),
             row("fused without query embedding p95", rep("fused_no_embed", "p95_ms")),
             row("fused from a given embedding p95", rep("fused_given_embedding", "p95_ms")),
             row("steps of fused, p95: fusion + selection (row reads)", rep("select_s", "p95_ms")),
             *ratio_rows(lambda r: r["repeat"]),
             row("BM25 build after ingestion s", lambda r: f"{r['bm25_build_s']:.1f}"),
             row("BM25 load in a new process s", lambda r: f"{r['bm25_load_s']:.2f}"),
             row("seed questions with a gold document in the top k",
                 lambda r: f"{r['seed_hit_at_k']:.2f} of {r['seed_questions']}"),
             row("load average during queries", lambda r: f"{r['loadavg_query'][0][0]}→{r['loadavg_query'][1][0]}"),
             "| **memory at query time, MB** | " + " | " * len(results),
             row("RSS index open", lambda r: f"{r['rss_index_open_mb']:.0f}"),
             row("RSS with the default LLM loaded", lambda r: f"{r['rss_llm_loaded_mb']:.0f}"),
             row("peak RSS of the query process", lambda r: f"{r['query_process_max_rss_mb']:.0f}"),
             row("one cited answer, s", lambda r: f"{r['answer_s']:.0f}"),
             ]
    lines += ["", "## Targets", ""]
    biggest = results[-1]
    for r in results:
        f = r["ingest"]
        lines.append(f"- {r['size']:,} chunks: ingestion ratio {f['ratio_wall']:.2f} wall / {f['ratio_cpu']:.2f} CPU "
                     f"(target >= {TARGETS['ingest_ratio']}: {_ok(f['ratio_cpu'] >= TARGETS['ingest_ratio'])} by CPU "
                     f"time, {_ok(f['ratio_wall'] >= TARGETS['ingest_ratio'])} by wall clock); peak ingestion RSS "
                     f"{f['peak_rss_mb']:.0f} MB (< {TARGETS['ingest_rss_mb']} MB: "
                     f"{_ok(f['peak_rss_mb'] < TARGETS['ingest_rss_mb'])}).")
    lat_b = biggest["latency"]
    lines += [
        f"- Fused p95 at {biggest['size']:,} chunks: {lat_b['fused']['p95_ms']:.1f} ms including the query embedding "
        f"(< {TARGETS['fused_p95_ms']:.0f} ms: {_ok(lat_b['fused']['p95_ms'] < TARGETS['fused_p95_ms'])}); "
        f"{biggest['fused_given_embedding_vs_raw_p95']:.2f}x a raw Chroma query of the same k, both from a given "
        f"embedding (<= {TARGETS['fused_vs_raw']}x: "
        f"{_ok(biggest['fused_given_embedding_vs_raw_p95'] <= TARGETS['fused_vs_raw'])}); "
        f"{biggest['fused_vs_raw_p95']:.2f}x with the question's embedding time taken out of ours (<= "
        f"{TARGETS['fused_vs_raw']}x: {_ok(biggest['fused_vs_raw_p95'] <= TARGETS['fused_vs_raw'])}); "
        f"{biggest['fused_vs_raw_plus_embed_p95']:.2f}x raw Chroma + embedding, both from the question text. "
        f"Cold (SQLite file dropped from the page cache first); the same questions again: "
        + _ratios(biggest.get("repeat")) + ".",
        f"- Query-time peak RSS with the default LLM loaded at {biggest['size']:,} chunks: "
        f"{biggest['query_process_max_rss_mb']:.0f} MB (< {TARGETS['query_rss_mb']} MB: "
        f"{_ok(biggest['query_process_max_rss_mb'] < TARGETS['query_rss_mb'])})"
        + ("" if biggest.get("llm") else f" — LLM not loaded: {biggest.get('llm_error', 'skipped')}") + ".",
    ]
    lines += [f"- Note ({r['size']:,} chunks): {r['note']}" for r in results if r.get("note")]
    if biggest["size"] < 100_000:
        lines.append("- The 100,000-chunk size has not been run yet (`python bench/run_all.py --sizes 100000`).")
    lines += _ingest_section() + _llm_section()
    lines += ["", "![latency and memory against corpus size](scale.png)", ""]
    (RESULTS / "report.md").write_text("\n".join(lines) + "\n")
    _plot(results)
    print(f"wrote {RESULTS / 'report.md'}, {RESULTS / 'scale.png'} and {RESULTS / 'run_all.json'}")


def _plot(results: list[dict]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = [r["size"] for r in results]
    fig, axes = plt.subplots(1, 3, figsize=(16, 4.8))
    ax = axes[0]
    for name, label in (("raw", "raw Chroma query"), ("dense", "dense (ours)"), ("bm25", "BM25"),
                        ("fused", "fused retrieve_passages")):
        ax.plot(sizes, [r["latency"][name]["p95_ms"] for r in results], marker="o", label=f"{label} p95")
        ax.plot(sizes, [r["latency"][name]["p50_ms"] for r in results], marker=".", linestyle=":",
                color=ax.lines[-1].get_color(), label=f"{label} p50")
    ax.axhline(TARGETS["fused_p95_ms"], color="grey", linestyle="--", linewidth=1, label="fused p95 target")
    ax.set(xscale="log", xlabel="chunks indexed", ylabel="ms", title="Retrieval latency")
    ax.legend(fontsize=7)
    ax = axes[1]
    ax.plot(sizes, [r["ingest"]["peak_rss_mb"] for r in results], marker="o", label="peak RSS, ingestion")
    ax.plot(sizes, [r["query_process_max_rss_mb"] for r in results], marker="o", label="peak RSS, queries + LLM")
    ax.plot(sizes, [r["index_mb_total"] for r in results], marker="s", label="index on disk")
    ax.axhline(TARGETS["ingest_rss_mb"], color="tab:blue", linestyle="--", linewidth=1, label="ingestion target")
    ax.axhline(TARGETS["query_rss_mb"], color="tab:orange", linestyle="--", linewidth=1, label="query target")
    ax.set(xscale="log", xlabel="chunks indexed", ylabel="MB", title="Memory and disk")
    ax.legend(fontsize=7)
    ax = axes[2]
    ax.plot(sizes, [r["ingest"]["chunks_per_s"] for r in results], marker="o", label="ingestion (ours), wall")
    ax.plot(sizes, [r["ingest"]["raw_chunks_per_s"] for r in results], marker="o", label="raw encode, wall")
    ax.plot(sizes, [r["ingest"]["chunks"] / r["ingest"]["cpu_seconds"] for r in results], marker="s",
            linestyle=":", color="tab:blue", label="ingestion (ours), per CPU-second")
    ax.plot(sizes, [r["ingest"]["raw_chunks"] / r["ingest"]["raw_cpu_seconds"] for r in results], marker="s",
            linestyle=":", color="tab:orange", label="raw encode, per CPU-second")
    ax.set(xscale="log", xlabel="chunks indexed", ylabel="chunks/s", title="Ingestion throughput")
    ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(RESULTS / "scale.png", dpi=110)
    plt.close(fig)


def main() -> None:
    global RESULTS
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help=f"comma-separated chunk counts ({DEFAULT_SIZES})")
    parser.add_argument("--queries", type=int, default=100, help="timed questions per size (default 100)")
    parser.add_argument("--raw-max", type=int, default=10_000,
                        help="raw-encode at most this many of the chunk texts, evenly spread (default 10000)")
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK, help=f"index folders (default {DEFAULT_WORK})")
    parser.add_argument("--keep", action="store_true", help="keep the index folders afterwards")
    parser.add_argument("--query-only", action="store_true",
                        help="only re-time the queries on indexes kept by an earlier --keep run")
    parser.add_argument("--no-llm", action="store_true", help="do not load the LLM in the query phase")
    parser.add_argument("--answer", action="store_true",
                        help="also time one cited answer per size (minutes per size on 2 busy cores)")
    parser.add_argument("--results", type=Path, default=RESULTS, help=f"output folder (default {RESULTS})")
    parser.add_argument("--report-only", action="store_true", help="only rebuild the report from saved results")
    parser.add_argument("--worker", choices=["ingest", "query"], help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    RESULTS = args.results
    if args.worker == "ingest":
        print(json.dumps(worker_ingest(args.size, args.work, args.raw_max)))
        return
    if args.worker == "query":
        print(json.dumps(worker_query(args.size, args.work, args.queries, not args.no_llm, args.answer)))
        return
    if not args.report_only:
        for size in (int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()):
            run_size(size, args)
    write_report()


if __name__ == "__main__":
    main()
