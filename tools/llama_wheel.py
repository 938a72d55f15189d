"""Build (once) and install llama-cpp-python compiled for the instruction sets this CPU has.

Why: llama-cpp-python is an sdist. Built with `GGML_NATIVE=OFF` it uses AVX2 only; on a CPU with AVX-512 and
VNNI, prompt evaluation of the 1.5B model runs at ~160 instead of ~85 tokens/s (measured on the 2-core machine),
and prompt evaluation is most of a local answer's wait. `-march=native` is not used: it records nothing about
what was enabled, so nothing could check it later. Instead each extension is switched on by name from
/proc/cpuinfo, the list is written next to the venv (`newsqa-llama-cpu.txt`) and `qa.generate.llm` refuses,
with a message, to load the library on a CPU that lacks one of them (it would die of SIGILL otherwise).

pip's own wheel cache is keyed by the sdist, not by the build flags, so the wheel is kept in a wheelhouse of its
own: `$XDG_CACHE_HOME/newsqa/wheels/<version>-<flags>/` (default `~/.cache/...`). The first build takes ~5-8
minutes on 2 cores; later set-ups on the same kind of CPU reuse the wheel.

Standard library only: this runs before the project is installed.
    python3 tools/llama_wheel.py --venv .venv [--print-flags]
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARKER = "newsqa-llama-cpu.txt"  # in the venv: the /proc/cpuinfo flags the installed build needs

# ggml's baseline x86 options (ON by default when GGML_NATIVE=OFF), each with the cpuinfo flag it needs.
BASE = [("GGML_SSE42", "sse4_2"), ("GGML_AVX", "avx"), ("GGML_AVX2", "avx2"), ("GGML_FMA", "fma"),
        ("GGML_F16C", "f16c"), ("GGML_BMI2", "bmi2")]
# Options OFF by default, switched on when the CPU has every flag listed.
AVX512 = ["avx512f", "avx512cd", "avx512vl", "avx512dq", "avx512bw"]  # what GGML_AVX512 compiles for
EXTRA = [("GGML_AVX_VNNI", ["avx_vnni"]), ("GGML_AVX512", AVX512),
         ("GGML_AVX512_VBMI", AVX512 + ["avx512vbmi"]), ("GGML_AVX512_VNNI", AVX512 + ["avx512_vnni"]),
         ("GGML_AVX512_BF16", AVX512 + ["avx512_bf16"])]
# AMX is left out on purpose: ggml's AMX path is not measured here (this machine has none).


def cpu_flags() -> set[str] | None:
    """The CPU's feature flags, or None where /proc/cpuinfo does not say (not Linux on x86)."""
    if platform.machine().lower() not in ("x86_64", "amd64"):
        return None
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    m = re.search(r"^flags\s*:\s*(.*)$", text, re.M)
    return set(m.group(1).split()) if m else None


def build_options(flags: set[str] | None) -> tuple[list[str], list[str]]:
    """(cmake -D options, cpuinfo flags the build will need)."""
    options = ["-DGGML_NATIVE=OFF"]
    if flags is None:  # unknown CPU: today's portable default
        return options, []
    needed: list[str] = []
    for opt, flag in BASE:
        on = flag in flags
        options.append(f"-D{opt}={'ON' if on else 'OFF'}")
        if on:
            needed.append(flag)
    for opt, required in EXTRA:
        if all(f in flags for f in required):
            options.append(f"-D{opt}=ON")
            needed += [f for f in required if f not in needed]
    return options, needed


def pinned_version() -> str:
    m = re.search(r"^llama[-_]cpp[-_]python==(\S+)", (ROOT / "constraints.txt").read_text(), re.M | re.I)
    if not m:
        sys.exit("tools/llama_wheel.py: constraints.txt pins no llama_cpp_python version")
    return m.group(1)


def tag(options: list[str], needed: list[str]) -> str:
    """A short name for the build, e.g. 'avx2-avxvnni-avx512-vbmi-vnni-bf16' (names the wheelhouse): every
    baseline extension switched off is named too ('avx2-nobmi2'), so two different builds never share a name."""
    if not needed:
        return "portable"
    extras = [o[len("-DGGML_"):-len("=ON")].lower().replace("avx512_", "") for o in options
              if o.endswith("=ON") and any(o.startswith(f"-D{name}=") for name, _ in EXTRA)]
    missing = ["no" + flag.replace("_", "") for _, flag in BASE if flag not in needed]
    return "-".join(["avx2" if "avx2" in needed else "base"] + missing + [e.replace("_", "") for e in extras])


def marker_text(version: str, variant: str, needed: list[str]) -> str:
    """What the venv's marker holds: the build on line 1, the cpuinfo flags it needs on line 2."""
    return f"{version} {variant}\n" + " ".join(needed) + "\n"


def wheelhouse(version: str, variant: str) -> Path:
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "newsqa" / "wheels" / f"llama-cpp-python-{version}-{variant}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--venv", type=Path, required=True, help="the venv to install into")
    ap.add_argument("--print-flags", action="store_true", help="print the cmake options and exit")
    args = ap.parse_args(argv)

    options, needed = build_options(cpu_flags())
    version = pinned_version()
    variant = tag(options, needed)
    if args.print_flags:
        print(variant, " ".join(options))
        return 0
    pip = args.venv / "bin" / "pip"
    if not pip.exists():
        sys.exit(f"tools/llama_wheel.py: no pip at {pip}; create the venv first")
    marker = args.venv / MARKER
    want = marker_text(version, variant, needed)
    if marker.exists() and marker.read_text() == want:
        return 0  # this venv already has this build

    house = wheelhouse(version, variant)
    wheels = sorted(house.glob("llama_cpp_python-*.whl"))
    if not wheels:
        print(f"Building llama-cpp-python {version} for this CPU ({variant}); about 5-8 minutes on 2 cores, once. "
              f"The wheel is kept in {house}.", flush=True)
        house.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=house.name + ".", dir=house.parent))
        env = dict(os.environ, CMAKE_ARGS=" ".join(options))
        try:
            # --no-binary: a prebuilt wheel on some index would ignore CMAKE_ARGS and be filed under these flags
            subprocess.run([str(pip), "wheel", "-q", "--no-deps", "--no-cache-dir", "--no-binary", "llama-cpp-python",
                            "-w", str(tmp), f"llama-cpp-python=={version}"], check=True, env=env)
            built = sorted(tmp.glob("llama_cpp_python-*.whl"))
            if not built:
                sys.exit("tools/llama_wheel.py: pip built no llama_cpp_python wheel")
            if house.exists():  # another set-up finished first: keep its wheel
                shutil.rmtree(tmp)
            else:
                tmp.rename(house)  # whole or nothing: a failed build leaves no wheelhouse
        except subprocess.CalledProcessError as e:
            shutil.rmtree(tmp, ignore_errors=True)
            sys.exit(f"tools/llama_wheel.py: building llama-cpp-python failed (exit {e.returncode}); "
                     f"CMAKE_ARGS were: {' '.join(options)}")
        wheels = sorted(house.glob("llama_cpp_python-*.whl"))
    subprocess.run([str(pip), "install", "-q", "--no-deps", "--force-reinstall", str(wheels[-1])], check=True)
    marker.write_text(want)
    print(f"llama-cpp-python {version} ({variant}) installed from {wheels[-1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
