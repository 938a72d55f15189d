"""LLM speed through our stack (get_llm + streaming chat) versus raw llama_cpp.Llama, for both models.

Usage::

    .venv/bin/python bench/llm.py            # both models, 3 runs each, ~5 minutes on 2 cores
    .venv/bin/python bench/llm.py --models fast --runs 2

Every run is a fresh subprocess (so peak RSS is per configuration) that loads the model and streams a chat
answer to a ~1,000-token prompt, generating 64 tokens; run i uses the same prompt on both stacks, and raw and
ours runs alternate so that load from other processes affects both alike. Figures are medians over runs
(peak RSS: the maximum). Results also go to bench/results/llm.json.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "llm.json"
PROMPT_TOKENS = 1000
GEN_TOKENS = 64
TARGET_RATIO = 0.95  # ours must be within 5% of raw llama.cpp


def _messages(llama, run: int) -> list[dict[str, str]]:
    """A ~PROMPT_TOKENS-token chat whose user text differs from the first token between runs."""
    sys.path.insert(0, str(ROOT))
    from qa.config import SEEDS_DIR

    text = "\n\n".join(p.read_text(encoding="utf-8").split("---", 2)[2].strip()
                       for p in sorted(SEEDS_DIR.glob("*.md")))
    tokens = llama.tokenize(text.encode(), add_bos=False)
    while len(tokens) < PROMPT_TOKENS:
        tokens = tokens + tokens
    # Rotate the article text per run so no two runs share a prompt prefix beyond the chat template.
    shift = (run * 997) % len(tokens)
    body_tokens = (tokens[shift:] + tokens[:shift])[: PROMPT_TOKENS - 60]
    body = llama.detokenize(body_tokens).decode("utf-8", errors="ignore")
    return [
        {"role": "system", "content": "You are a careful news analyst."},
        {"role": "user", "content": f"Run {run}. Articles:\n{body}\n\nSummarise these articles in detail, "
                                    "in at least 200 words."},
    ]


def _prompt_tokens(llama, messages: list[dict[str, str]]) -> int:
    from llama_cpp.llama_chat_format import Jinja2ChatFormatter

    eos = llama.detokenize([llama.token_eos()], special=True).decode()
    fmt = Jinja2ChatFormatter(template=llama.metadata["tokenizer.chat_template"], eos_token=eos, bos_token="")
    return len(llama.tokenize(fmt(messages=messages).prompt.encode(), add_bos=False, special=True))


def worker(model: str, stack: str, runs: int, first_run: int = 0) -> dict:
    """Measure one configuration in this process and return its figures."""
    sys.path.insert(0, str(ROOT))
    t0 = time.perf_counter()
    from qa.config import Settings
    from qa.models import resolve_model_path

    settings = Settings(model=model, max_tokens=GEN_TOKENS, n_ctx=2048, temperature=0.0)
    path = resolve_model_path(settings)
    if stack == "ours":
        from qa.llm import generate, get_llm

        import_s = time.perf_counter() - t0
        t1 = time.perf_counter()
        llm = get_llm(settings)
        load_s = time.perf_counter() - t1
        llama = llm.llama

        def stream(messages):
            gen = generate(llm, messages)
            for _ in gen:
                pass
            return gen.first_token_s, gen.total_s, gen.deltas
    else:
        from llama_cpp import Llama

        import_s = time.perf_counter() - t0
        t1 = time.perf_counter()
        llama = Llama(model_path=str(path), n_ctx=settings.n_ctx, n_threads=settings.threads,
                      n_threads_batch=settings.threads, seed=settings.seed, verbose=False)
        load_s = time.perf_counter() - t1

        def stream(messages):
            start = time.perf_counter()
            first, n = None, 0
            for chunk in llama.create_chat_completion(messages=messages, stream=True, max_tokens=GEN_TOKENS,
                                                      temperature=0.0, seed=settings.seed):
                if chunk["choices"][0]["delta"].get("content"):
                    n += 1
                    if first is None:
                        first = time.perf_counter() - start
            return first, time.perf_counter() - start, n

    per_run = []
    for run in range(first_run, first_run + runs):
        messages = _messages(llama, run)
        n_prompt = _prompt_tokens(llama, messages)
        ttft, total, n_gen = stream(messages)
        per_run.append({"prompt_tokens": n_prompt, "gen_tokens": n_gen, "first_token_s": ttft,
                        "total_s": total, "prompt_tok_s": n_prompt / ttft,
                        "gen_tok_s": (n_gen - 1) / (total - ttft) if n_gen > 1 else 0.0})
    med = {k: statistics.median(r[k] for r in per_run) for k in per_run[0]}
    peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB
    return {"model": model, "file": path.name, "stack": stack, "threads": settings.threads, "runs": runs,
            "import_s": import_s, "load_s": load_s, "peak_rss_mb": peak_rss_mb,
            **{k: med[k] for k in ("prompt_tokens", "gen_tokens", "first_token_s", "prompt_tok_s",
                                   "gen_tok_s")},
            "loadavg_after": os.getloadavg()[0], "per_run": per_run}


class _InstantFakeLlama:
    """A stand-in for ``llama_cpp.Llama`` that streams N chunks at once, to time our wrapper alone."""

    def __init__(self, n: int) -> None:
        self.n = n

    def create_chat_completion(self, messages, stream=False, **kwargs):
        yield {"choices": [{"delta": {"role": "assistant"}}]}
        for _ in range(self.n):
            yield {"choices": [{"delta": {"content": " word"}}]}


def wrapper_overhead_us(n: int = 5000) -> float:
    """Microseconds our stack adds per streamed token (llama-index events, pydantic objects, bookkeeping).

    Unlike the end-to-end figures this does not depend on how busy the machine is.
    """
    import threading

    sys.path.insert(0, str(ROOT))
    from qa.llm import LlamaCppLLM, generate

    fake = _InstantFakeLlama(n)
    start = time.perf_counter()
    for chunk in fake.create_chat_completion([], stream=True):
        chunk["choices"][0]["delta"].get("content")
    raw = time.perf_counter() - start
    llm = LlamaCppLLM(model_path="fake", model_name="fake").attach(fake, threading.Lock())
    start = time.perf_counter()
    gen = generate(llm, [{"role": "user", "content": "x"}])
    gen.collect()
    ours = time.perf_counter() - start
    assert gen.deltas == n
    return (ours - raw) / n * 1e6


def _run_worker(model: str, stack: str, run: int) -> dict:
    cmd = [sys.executable, __file__, "--worker", model, stack, "--runs", "1", "--first-run", str(run)]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"worker {model}/{stack} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _aggregate(model: str, stack: str, samples: list[dict]) -> dict:
    keys = ("import_s", "load_s", "prompt_tokens", "gen_tokens", "first_token_s", "prompt_tok_s", "gen_tok_s")
    out = {"model": model, "file": samples[0]["file"], "stack": stack, "threads": samples[0]["threads"],
           "runs": len(samples), **{k: statistics.median(s[k] for s in samples) for k in keys},
           "peak_rss_mb": max(s["peak_rss_mb"] for s in samples)}
    out["per_run"] = [{k: s[k] for k in (*keys, "peak_rss_mb", "loadavg_after")} for s in samples]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--models", default="fast,default", help="comma-separated: fast,default")
    parser.add_argument("--runs", type=int, default=3, help="runs per configuration (median reported)")
    parser.add_argument("--worker", nargs=2, metavar=("MODEL", "STACK"), help=argparse.SUPPRESS)
    parser.add_argument("--first-run", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(worker(args.worker[0], args.worker[1], args.runs, args.first_run)))
        return 0

    # Other processes on a 2-core machine distort every figure: record how busy it was, and alternate
    # raw/ours runs (each in a fresh process) so that background load hits both stacks alike.
    loadavg_before = os.getloadavg()[0]
    print(f"load average before: {loadavg_before:.2f} (cores: {os.cpu_count()})", flush=True)
    overhead = wrapper_overhead_us()
    print(f"our wrapper adds {overhead:.0f} us per streamed token (measured with an instant fake llama)",
          flush=True)
    results = []
    for model in args.models.split(","):
        samples: dict[str, list[dict]] = {"raw": [], "ours": []}
        for run in range(args.runs):
            for stack in ("raw", "ours") if run % 2 == 0 else ("ours", "raw"):
                samples[stack].append(_run_worker(model, stack, run))
        for stack in ("raw", "ours"):
            r = _aggregate(model, stack, samples[stack])
            results.append(r)
            print(f"{model:8s} {stack:5s} load {r['load_s']:5.2f}s  prompt {r['prompt_tok_s']:6.1f} tok/s  "
                  f"gen {r['gen_tok_s']:5.1f} tok/s  first token {r['first_token_s']:5.2f}s "
                  f"({r['prompt_tokens']:.0f} prompt tokens)  peak RSS {r['peak_rss_mb']:6.0f} MB",
                  flush=True)

    comparison = []
    print(f"\nours / raw (target >= {TARGET_RATIO:.2f}, i.e. within 5%):")
    for model in args.models.split(","):
        raw = next(r for r in results if r["model"] == model and r["stack"] == "raw")
        ours = next(r for r in results if r["model"] == model and r["stack"] == "ours")
        row = {"model": model, "prompt_ratio": ours["prompt_tok_s"] / raw["prompt_tok_s"],
               "gen_ratio": ours["gen_tok_s"] / raw["gen_tok_s"],
               "first_token_ratio": ours["first_token_s"] / raw["first_token_s"]}
        row["within_target"] = row["prompt_ratio"] >= TARGET_RATIO and row["gen_ratio"] >= TARGET_RATIO
        comparison.append(row)
        print(f"{model:8s} prompt {row['prompt_ratio']:.3f}  generation {row['gen_ratio']:.3f}  "
              f"-> {'within target' if row['within_target'] else 'OUTSIDE target'}")

    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    summary = {"loadavg_before": loadavg_before, "wrapper_overhead_us_per_token": overhead,
               "prompt_tokens_target": PROMPT_TOKENS,
               "gen_tokens": GEN_TOKENS, "target_ratio": TARGET_RATIO, "results": results,
               "comparison": comparison}
    RESULTS.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
