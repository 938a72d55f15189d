# newsqa: `make demo` and `make test` do all the set-up on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.newsqa-installed
QUESTION ?= Who confirmed the IRGC deployment?
EVAL_OUT ?= evals/out

.PHONY: setup models demo test unit evals lint bench browser clean-venv

# torch==2.13.0 goes in first (a local CPU wheel); installing it later lets another package pull CUDA builds.
# llama-cpp-python is an sdist: tools/llama_wheel.py compiles it once for the extensions this CPU has (AVX-512 and
# VNNI nearly double prompt speed where present), keeps the wheel under ~/.cache/newsqa/wheels (pip's cache cannot
# tell builds apart) and installs it; the first build takes ~5-8 minutes on 2 cores.
$(STAMP): pyproject.toml constraints.txt tools/llama_wheel.py
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q torch==2.13.0
	$(PY) tools/llama_wheel.py --venv $(VENV)
	CMAKE_ARGS="-DGGML_NATIVE=OFF" $(PIP) install -q -c constraints.txt -e '.[dev]'
	@touch $(STAMP)

setup: $(STAMP)

models: setup
	$(PY) -m qa.models pull default

demo: models
	$(PY) -m qa.ingest seeds/
	$(PY) -m qa.ask "$(QUESTION)"

# Debian's Chromium for the browser tests (Playwright drives /usr/bin/chromium; nothing is downloaded by Playwright).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium is missing: run 'sudo apt-get install chromium' for the browser tests"; exit 1; fi; }

test: setup browser
	$(PY) -m qa.models pull default
	$(PY) -m qa.models pull fast
	@# Tests that need no LLM or browser run on both cores (pytest-xdist); the model's and the browser's tests then
	@# run on their own, since llama.cpp already uses both cores. Together: every test, as one `pytest` would run.
	$(PY) -m pytest -q -n 2 -m "not llm and not browser" --durations=10
	$(PY) -m pytest -q -m "llm or browser" --durations=25
	$(PY) -m evals.run --out $(EVAL_OUT)

unit: setup
	$(PY) -m pytest -q -n 2 -m "not llm and not browser"

evals: setup
	$(PY) -m evals.run --out $(EVAL_OUT)

lint: setup
	$(VENV)/bin/ruff check qa evals tests bench tools app.py

bench: setup
	$(PY) bench/run_all.py

clean-venv:
	rm -rf $(VENV)
