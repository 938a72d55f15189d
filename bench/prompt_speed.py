"""Prompt and generation speed of the installed llama.cpp build, with and without flash attention.

Raw `llama_cpp.Llama` on the default GGUF (no newsqa code in the timed path), the seeds' text as the prompt, the
configured thread count; prints the build's instruction sets (`llama_print_system_info`) and, per setting, the
prompt time of each run, prompt tokens/s (best run) and generated tokens/s (greedy). Used to choose the build
(`tools/llama_wheel.py`) and `flash_attention`; see docs/performance.md "The llama.cpp build".

    python bench/prompt_speed.py [--tokens 420] [--runs 3] [--rounds 2]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from qa.config import SEEDS_DIR, load_settings  # noqa: E402
from qa.generate.llm import check_llama_build  # noqa: E402
from qa.generate.models import resolve_model_path  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--tokens", type=int, default=420, help="prompt length in tokens (a typical QA prompt: ~420)")
    ap.add_argument("--runs", type=int, default=3, help="prompt evaluations per setting")
    ap.add_argument("--rounds", type=int, default=2, help="alternate the settings this many times (VM noise)")
    ap.add_argument("--generate", type=int, default=48, help="tokens generated per setting")
    args = ap.parse_args()
    settings = load_settings()
    check_llama_build()
    import llama_cpp

    print(llama_cpp.llama_print_system_info().decode().strip())
    path = resolve_model_path(settings)
    text = "\n\n".join(p.read_text(encoding="utf-8", errors="replace") for p in sorted(SEEDS_DIR.glob("*.txt")))
    for _ in range(args.rounds):
        for flash in (False, True):
            llama = llama_cpp.Llama(model_path=str(path), n_ctx=2048, n_threads=settings.threads,
                                    n_threads_batch=settings.threads, seed=settings.seed, flash_attn=flash,
                                    verbose=False)
            tokens = llama.tokenize(text.encode())[:args.tokens]
            times = []
            for _ in range(args.runs):
                llama.reset()
                start = time.perf_counter()
                llama.eval(tokens)
                times.append(time.perf_counter() - start)
            llama.reset()
            n, first = 0, 0.0
            for _tok in llama.generate(tokens, temp=0):
                n += 1
                if n == 1:
                    first = time.perf_counter()
                if n >= args.generate:
                    break
            gen = (n - 1) / (time.perf_counter() - first) if n > 1 else 0.0
            print(f"flash_attn={flash!s:5} prompt {len(tokens)} tokens: " + " ".join(f"{t:.2f}" for t in times)
                  + f" s -> {len(tokens) / min(times):.0f} tok/s; generation {gen:.1f} tok/s", flush=True)
            llama.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
