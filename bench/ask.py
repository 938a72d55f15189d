"""What a user waits for, on the default model: the cold CLI (a whole `python -m qa.ask` process, without and with
the resident service) and the warm library path, each with a per-stage breakdown.

    python bench/ask.py [--model default|fast|PATH] [--runs 5] [--question Q] [--skip-warm] [--compare-cmd CMD]

1. Cold CLI, in-process: `python -m qa.ask Q --timings` as a subprocess, one warm-up run (it also ingests the seeds
   into the bench's temporary index and fills the page cache), then `--runs` measured runs (the answerable
   questions in turn, the same sequence on every path; `--question Q` for one question): seconds from launch to
   the first line of the checked answer on stdout and to exit (median, min-max), and the stages the CLI reports
   with `--timings` (imports before main, model / embedder / index loading on their threads, retrieval, prompt
   tokens and prompt time, first token, generated tokens, verification).
2. Cold CLI with the service: `python -m qa.serve` started once (its ready time is reported), then the same runs,
   answered by it.
3. Warm library path: everything loaded in this process (`qa.runtime.preload`), then the 10 questions through
   `answer_question`, one row each: retrieve, prompt tokens (reused from the KV prefix / evaluated), prompt time,
   first token, generated tokens, generate, verify, total, next to the targets.

`--compare-cmd "python OTHER_ASK.py"` also runs another CLI on the same question, alternating with ours run by run,
so both see the same machine load; `--compare-tree DIR` runs another checkout's `qa.ask` that way (through
bench/other_tree.py: `PYTHONPATH=DIR` alone would still import this checkout, through the editable install).
Results: bench/results/ask.json (overwritten).
Figures depend on the machine's load: the load average before and after is recorded with them.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUESTIONS = [
    "Who confirmed that Revolutionary Guards were deployed to Iraq?",
    "Is the deployment of Iran's Revolutionary Guards in Iraq confirmed?",
    "What did the Pentagon say about Iranian forces in Iraq?",
    "How many Revolutionary Guard soldiers did Iran send to Iraq?",
    "Which cities did the militants capture?",
    "What did Rouhani say?",
    "How many battalions of the Quds Forces were fighting?",
    "How far is Samarra from Baghdad?",
    "What did Iraq's Interior Ministry say about protecting Baghdad?",
    "Who won the 2014 World Cup?",
]
# Issue 17's targets (medians, 2 cores, default model): the warm library path, then the cold CLI without and
# with the resident service as (first checked line, whole answer).
TARGETS = {"retrieve_p95_ms": 100.0, "first_token_median_s": 3.0, "total_median_s": 8.0}
COLD_TARGETS = {"cold_cli": (8.0, 15.0), "cold_cli_service": (3.0, 8.0)}
# Stages of one cold CLI run, as (label, path into the --timings JSON).
COLD_STAGES = [
    ("imports before main()", ("main_at_s",)),
    ("model: import llama.cpp", ("preload", "model_import_s")),
    ("model: load GGUF", ("preload", "model_load_s")),
    ("model: evaluate fixed prompt prefix", ("preload", "model_prefix_s")),
    ("embedder: import runtime (onnxruntime, or torch)", ("preload", "embedder_import_s")),
    ("embedder: load MiniLM + 1 query", ("preload", "embedder_load_s")),
    ("verifier: load parser (warm-up check)", ("preload", "embedder_verifier_s")),
    ("index: import chromadb", ("preload", "index_import_s")),
    ("index: open", ("preload", "index_open_s")),
    ("index: documents + BM25", ("preload", "index_bm25_s")),
    ("loading, wall (threads overlap)", ("preload", "load_wall_s")),
    ("retrieval", ("answer", "retrieve_s")),
    ("prompt tokens", ("llm_call", "prompt_tokens")),
    ("  of which reused (KV prefix)", ("llm_call", "reused_tokens")),
    ("prompt time (to first token)", ("llm_call", "prompt_s")),
    ("first token (from question)", ("answer", "first_token_s")),
    ("generated tokens", ("llm_call", "generated_tokens")),
    ("generation (incl. prompt)", ("answer", "generate_s")),
    ("verification", ("answer", "verify_s")),
    ("answer total (question to checked answer)", ("answer", "total_s")),
]


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def spread(values: list[float]) -> dict[str, float | None]:
    if not values:
        return {"median": None, "min": None, "max": None, "n": 0}
    return {"median": round(statistics.median(values), 2), "min": round(min(values), 2),
            "max": round(max(values), 2), "n": len(values)}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_cli(cmd: list[str], env: dict[str, str]) -> dict:
    """One CLI process: seconds to its first stdout line and to exit, and its --timings line (when it prints one)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first: list[float] = []
    out_lines: list[str] = []
    err_lines: list[str] = []

    def read_err() -> None:
        err_lines.extend(proc.stderr)

    reader = threading.Thread(target=read_err, daemon=True)
    reader.start()
    for line in proc.stdout:
        if not first and line.strip():
            first.append(time.perf_counter() - t0)
        out_lines.append(line)
    code = proc.wait()
    exit_s = time.perf_counter() - t0
    reader.join()
    timings = None
    for line in err_lines:
        if line.startswith("timings: "):
            timings = json.loads(line[len("timings: "):])
    if code != 0:
        raise SystemExit(f"{shlex.join(cmd)} exited {code}:\n{''.join(err_lines)[-2000:]}")
    return {"first_line_s": round(first[0], 2) if first else None, "exit_s": round(exit_s, 2),
            "timings": timings, "answer": "".join(out_lines).strip().splitlines()[0] if out_lines else "",
            "stderr_first_line": err_lines[0].strip() if err_lines else ""}


def dig(d: dict | None, path: tuple[str, ...]):
    for key in path:
        if not isinstance(d, dict):
            return None
        d = d.get(key)
    return d


def stage_medians(runs: list[dict]) -> dict[str, float | None]:
    out = {}
    for label, path in COLD_STAGES:
        values = [v for r in runs if (v := dig(r["timings"], path)) is not None]
        out[label] = round(statistics.median(values), 3) if values else None
    return out


def print_cold(title: str, runs: list[dict], targets: tuple[float, float] | None = None) -> None:
    first, exit_ = spread([r["first_line_s"] for r in runs if r["first_line_s"]]), spread([r["exit_s"] for r in runs])
    print(f"\n{title}: {len(runs)} runs after one warm-up")
    for i, (label, d) in enumerate((("launch -> first checked answer line", first), ("launch -> exit", exit_))):
        verdict = ""
        if targets:
            ok = d["median"] is not None and d["median"] <= targets[i]
            verdict = f"   target <= {targets[i]:g} s   {'OK' if ok else 'MISSED'}"
        print(f"  {label:36s} median {d['median']} s  (min {d['min']} - max {d['max']}){verdict}")
    if any(r["timings"] for r in runs):
        print("  stages (median over runs; loading stages overlap on threads):")
        for label, value in stage_medians(runs).items():
            if value is not None:
                print(f"    {label:44s} {value:>9}")


def run_questions(args) -> list[str]:
    """The question of each measured run: `--question` every time, else the answerable questions in turn (a
    service that was asked the same question again would find the whole prompt in its KV cache)."""
    if args.question:
        return [args.question] * args.runs
    answerable = QUESTIONS[1:-1]
    return [answerable[i % len(answerable)] for i in range(args.runs)]


def cold_cli(args, db: Path, env: dict[str, str]) -> dict:
    def ours_cmd(q: str) -> list[str]:
        return [sys.executable, "-m", "qa.ask", q, "--db", str(db), "--model", args.model, "--timings"]

    def compare_cmd(q: str) -> list[str]:
        return shlex.split(args.compare_cmd) + [q, "--db", str(db), "--model", args.model]

    # No service on a free port: the CLI tries it and loads in-process, as for a user who never started one.
    no_service = {**env, "NEWSQA_SERVICE_PORT": str(free_port()), "NEWSQA_USE_SERVICE": "1"}
    print(f"cold CLI warm-up run (ingests the seeds into {db}) ...", flush=True)
    base = ours_cmd(QUESTIONS[0])
    warmup = run_cli(base, no_service)
    ours, theirs = [], []
    for i, q in enumerate(run_questions(args)):
        ours.append({"question": q, **run_cli(ours_cmd(q), no_service)})
        print(f"  run {i + 1}: first line {ours[-1]['first_line_s']} s, exit {ours[-1]['exit_s']} s", flush=True)
        if args.compare_cmd:
            compare = compare_cmd(q)
            theirs.append({"question": q, **run_cli(compare, no_service)})
            print(f"  compare {i + 1}: first line {theirs[-1]['first_line_s']} s, exit {theirs[-1]['exit_s']} s",
                  flush=True)
    result = {"command": shlex.join(ours_cmd("QUESTION")[1:]), "warmup": warmup, "runs": ours,
              "first_line_s": spread([r["first_line_s"] for r in ours if r["first_line_s"]]),
              "exit_s": spread([r["exit_s"] for r in ours]), "stages_median": stage_medians(ours),
              "fallback_message": warmup["stderr_first_line"]}
    if args.compare_cmd:
        result["compare"] = {"command": shlex.join(compare_cmd("QUESTION")), "runs": theirs,
                             "first_line_s": spread([r["first_line_s"] for r in theirs if r["first_line_s"]]),
                             "exit_s": spread([r["exit_s"] for r in theirs])}
    return result


def with_service(args, db: Path, env: dict[str, str]) -> dict:
    port = free_port()
    senv = {**env, "NEWSQA_SERVICE_PORT": str(port), "NEWSQA_USE_SERVICE": "1"}
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "qa.serve", "--db", str(db), "--model", args.model, "--quiet"],
                            cwd=ROOT, env=senv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        for line in proc.stderr:
            if "newsqa service ready" in line:
                break
        else:
            raise SystemExit(f"qa.runtime.service exited {proc.wait()} before it was ready")
        ready_s = time.perf_counter() - t0
        print(f"\nservice ready in {ready_s:.1f} s; asking through it ...", flush=True)
        threading.Thread(target=lambda: [None for _ in proc.stderr], daemon=True).start()
        def cmd(q: str) -> list[str]:
            return [sys.executable, "-m", "qa.ask", q, "--db", str(db), "--model", args.model, "--timings"]

        warmup = run_cli(cmd(QUESTIONS[0]), senv)
        runs = []
        for i, q in enumerate(run_questions(args)):
            runs.append({"question": q, **run_cli(cmd(q), senv)})
            print(f"  run {i + 1}: first line {runs[-1]['first_line_s']} s, exit {runs[-1]['exit_s']} s", flush=True)
        assert all(dig(r["timings"], ("path",)) == "service" for r in [warmup, *runs]), "a run did not use the service"
    finally:
        proc.terminate()
        proc.wait(timeout=60)
    return {"service_ready_s": round(ready_s, 2), "command": shlex.join(cmd("QUESTION")[1:]), "runs": runs,
            "first_line_s": spread([r["first_line_s"] for r in runs if r["first_line_s"]]),
            "exit_s": spread([r["exit_s"] for r in runs]), "stages_median": stage_medians(runs)}


def warm_library(args, db: Path) -> dict:
    from qa.answer.pipeline import answer_question
    from qa.config import load_settings
    from qa.generate.llm import last_call_stats
    from qa.runtime.preload import Preload

    settings = load_settings({"db": str(db), "model": args.model})
    t = time.perf_counter()
    preload = Preload(settings)
    index, llm = preload.wait()
    load_s = time.perf_counter() - t
    print(f"\nwarm library path: loaded in {load_s:.1f} s (threads); {len(QUESTIONS)} questions", flush=True)
    head = (f"{'question':44s} {'retr ms':>7s} {'prompt':>6s} {'reused':>6s} {'prompt s':>8s} {'ttft s':>6s} "
            f"{'gen tok':>7s} {'gen s':>6s} {'verify s':>8s} {'total s':>7s}")
    print(head)
    rows = []
    for q in QUESTIONS:
        ans = answer_question(q, index, settings, llm)
        called = "first_token_s" in ans.timings
        stats = last_call_stats(llm) if called else {}
        row = {"question": q, "retrieve_ms": round(ans.timings["retrieve_s"] * 1000, 1),
               "prompt_tokens": stats.get("prompt_tokens"), "reused_tokens": stats.get("reused_tokens"),
               "prompt_s": stats.get("prompt_s"), "first_token_s": ans.timings.get("first_token_s"),
               "generated_tokens": stats.get("generated_tokens"), "generate_s": ans.timings.get("generate_s"),
               "verify_s": ans.timings.get("verify_s"), "total_s": ans.timings["total_s"], "abstained": ans.abstained}
        rows.append(row)

        def f(v, fmt):
            return "-" if v is None else format(v, fmt)

        print(f"{q[:44]:44s} {row['retrieve_ms']:7.1f} {f(row['prompt_tokens'], 'd'):>6s} "
              f"{f(row['reused_tokens'], 'd'):>6s} {f(row['prompt_s'], '.2f'):>8s} "
              f"{f(row['first_token_s'], '.2f'):>6s} {f(row['generated_tokens'], 'd'):>7s} "
              f"{f(row['generate_s'], '.2f'):>6s} {f(row['verify_s'], '.2f'):>8s} {row['total_s']:7.2f}", flush=True)
    called = [r for r in rows if r["first_token_s"] is not None]
    verified = [r for r in rows if r["verify_s"] is not None]

    def med(key, rs):
        values = [r[key] for r in rs if r[key] is not None]
        return round(statistics.median(values), 3) if values else None

    summary = {
        "load_s": round(load_s, 2), "load_stages": preload.timings(),
        "retrieve_p95_ms": pct([r["retrieve_ms"] for r in rows], 0.95),
        "first_token_median_s": med("first_token_s", called), "total_median_s": med("total_s", rows),
        "prompt_tokens_median": med("prompt_tokens", called), "reused_tokens_median": med("reused_tokens", called),
        "prompt_s_median": med("prompt_s", called), "generated_tokens_median": med("generated_tokens", called),
        "generate_s_median": med("generate_s", called), "verify_s_median": med("verify_s", verified),
        "verify_share_of_total": round(sum(r["verify_s"] for r in verified) / sum(r["total_s"] for r in verified), 3)
        if verified else None,
    }
    print()
    for key, target in TARGETS.items():
        value = summary[key]
        ok = value is not None and value <= target
        print(f"{key:24s} measured {value!s:>8}   target <= {target:g}   {'OK' if ok else 'MISSED'}")
    print(f"median prompt {summary['prompt_tokens_median']} tokens ({summary['reused_tokens_median']} reused), "
          f"{summary['generated_tokens_median']} generated; verification {summary['verify_s_median']} s median, "
          f"{summary['verify_share_of_total']:.0%} of answer time" if summary["verify_share_of_total"] is not None
          else "")
    return {"summary": summary, "rows": rows}


def llama_build() -> str:
    """Which llama.cpp build the figures are for (tools/llama_wheel.py records it in the venv)."""
    from qa.generate.llm import LLAMA_BUILD_MARKER

    marker = Path(sys.prefix) / LLAMA_BUILD_MARKER
    return marker.read_text().splitlines()[0] if marker.exists() else "not recorded (a stock or hand-built wheel)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default="default")
    parser.add_argument("--runs", type=int, default=5, help="measured cold runs per path (after one warm-up)")
    parser.add_argument("--question", default="", help="ask this in every measured run (default: the answerable "
                        "questions in turn, the same sequence on every path)")
    parser.add_argument("--skip-cold", action="store_true")
    parser.add_argument("--skip-service", action="store_true")
    parser.add_argument("--skip-warm", action="store_true")
    parser.add_argument("--compare-cmd", default="", help="another CLI to time on the same question, alternating")
    parser.add_argument("--compare-tree", metavar="DIR", help="another checkout's qa.ask (e.g. `git worktree add "
                                                              "DIR COMMIT`), as --compare-cmd; see bench/other_tree.py")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "results" / "ask.json")
    args = parser.parse_args()
    if args.compare_tree:
        args.compare_cmd = shlex.join([sys.executable, str(Path(__file__).with_name("other_tree.py")),
                                       str(Path(args.compare_tree).resolve()), "qa.ask"])
    report: dict = {"model": args.model, "questions": run_questions(args), "cpus": len(os.sched_getaffinity(0)),
                    "load_average_before": os.getloadavg(), "date": time.strftime("%Y-%m-%d %H:%M"),
                    "llama_build": llama_build()}
    print(f"llama-cpp-python build: {report['llama_build']}")
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    with tempfile.TemporaryDirectory(prefix="newsqa-bench-ask-") as tmp:
        db = Path(tmp) / "chroma"
        env["NEWSQA_HOME"] = os.environ.get("NEWSQA_HOME", str(Path.home() / ".newsqa"))  # the models
        if not args.skip_cold:
            report["cold_cli"] = cold_cli(args, db, env)
            print_cold("cold CLI, no service", report["cold_cli"]["runs"], COLD_TARGETS["cold_cli"])
            if "compare" in report["cold_cli"]:
                print_cold(f"compare: {args.compare_cmd}", report["cold_cli"]["compare"]["runs"])
        if not args.skip_service:
            report["cold_cli_service"] = with_service(args, db, env)
            print_cold("cold CLI, answered by `python -m qa.serve`", report["cold_cli_service"]["runs"],
                       COLD_TARGETS["cold_cli_service"])
        if not args.skip_warm:
            if args.skip_cold:
                from qa.config import SEEDS_DIR, load_settings
                from qa.ingest.pipeline import ingest_paths

                ingest_paths([SEEDS_DIR], load_settings({"db": str(db)}))
            report["warm"] = warm_library(args, db)
    report["load_average_after"] = os.getloadavg()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2))
    print(f"\nwrote {args.out} (load average before {report['load_average_before'][0]:.1f}, "
          f"after {report['load_average_after'][0]:.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
