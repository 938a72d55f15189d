"""Load what answering needs on threads at once: the LLM, the embedder, the index, and the verifier's parser.

Loaded one after another, a cold `python -m qa.ask` spent most of its time waiting for each in turn. Here each runs
on its own thread from the start:

* ``model``: llama.cpp, the GGUF file, then the fixed prompt prefix evaluated once
  (`qa.generate.llm.prime_prefix`), then the answer pipeline's modules;
* ``embedder``: torch and sentence-transformers, MiniLM, one query embedded, then a throw-away support check so
  the verifier's parser (spaCy) is loaded before the first real check needs it;
* ``index``: Chromadb, the index (the seed articles ingested when it is empty), its document list and BM25, then
  one retrieval once the embedder is there (Chroma loads its vector index on the first query).

llama.cpp and torch do most of their loading in native code without the GIL, so on two cores the model loads while
the Python-heavy imports run. Each heavy package is imported by one thread only: two threads entering one package
with internal import cycles can make Python's import locks report a deadlock. Should one still be reported, that
stage runs again on the calling thread once the others are done.

`Preload.timings()` gives each stage's duration and its start/end offsets, for `qa.cli.ask --timings` and
`bench/ask.py`.
"""

from __future__ import annotations

import importlib
import os
import threading
import time
from collections.abc import Callable
from typing import Any

from qa.config import Settings
from qa.heavy_imports import HEAVY_IMPORT_LOCK

# Imported on the calling thread before the stage threads start: modules more than one stage needs (otherwise two
# threads would import them at once). All are fast to import.
_SHARED_MODULES = ("asyncio", "concurrent.futures", "email.message", "email.utils", "http.client", "json",
                   "logging", "multiprocessing", "ssl", "subprocess", "urllib.request", "numpy", "pydantic", "tqdm",
                   "yaml", "jinja2", "charset_normalizer", "requests", "packaging.version", "qa.schema",
                   "qa.verify.citations")


def process_age() -> float | None:
    """Seconds since this process started (Linux; None elsewhere): what the user waited for, including the
    interpreter's start-up and the imports before `main()`."""
    try:
        with open("/proc/self/stat", encoding="ascii") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        start_ticks = int(fields[19])  # field 22 (starttime), counted after the ")" that ends field 2
        return time.clock_gettime(time.CLOCK_BOOTTIME) - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, AttributeError):
        return None


def qa_prefix_messages() -> list[dict[str, str]]:
    """The fixed beginning of every answer prompt: the system prompt and the QA template up to its passages (what
    `qa.answer.pipeline.build_messages` puts first), for `qa.generate.llm.prime_prefix`."""
    from qa.generate.prompts import load_prompt_text

    head = load_prompt_text("qa").split("{passages}")[0]
    return [{"role": "system", "content": load_prompt_text("system")}, {"role": "user", "content": head}]


def _is_import_deadlock(exc: BaseException) -> bool:
    return type(exc).__name__ == "_DeadlockError" or "deadlock detected" in str(exc)


class _Stage:
    def __init__(self, name: str) -> None:
        self.name = name
        self.ready = threading.Event()  # its result can be used (the index stage continues with a warm-up query)
        self.done = threading.Event()  # its thread has finished
        self.error: BaseException | None = None
        self.marks: dict[str, float] = {}  # step -> perf_counter at its end
        self.start = self.end = 0.0


class Preload:
    """Starts loading at construction; `index()`, `llm()` and `wait()` block until their part is ready and raise
    what went wrong there (a NewsqaError for the user's problems: a missing model, a bad index path)."""

    def __init__(self, settings: Settings, *, say: Callable[[str], None] | None = None, prime: bool = True,
                 warm_verifier: bool = True) -> None:
        self.settings = settings
        self._say = say
        self._prime = prime
        self._warm_verifier = warm_verifier
        self.t0 = time.perf_counter()
        age = process_age()
        self.process_t0 = self.t0 - age if age is not None else None
        for name in _SHARED_MODULES:
            try:
                __import__(name)
            except ImportError:
                pass
        self.shared_imports_s = time.perf_counter() - self.t0
        self._index: Any = None
        self._llm: Any = None
        self.seeded = False
        self.prefix_tokens = 0
        self._stages = {name: _Stage(name) for name in ("index", "embedder", "model")}
        for name, fn in (("index", self._load_index), ("embedder", self._load_embedder), ("model", self._load_model)):
            # Daemon threads: an early error (an unknown --source) must not wait for the model to finish loading.
            threading.Thread(target=self._run, args=(self._stages[name], fn), name=f"newsqa-load-{name}",
                             daemon=True).start()

    # ---- stages ----------------------------------------------------------------------------------------
    def _run(self, stage: _Stage, fn: Callable[[_Stage], None]) -> None:
        stage.start = time.perf_counter()
        try:
            fn(stage)
        except BaseException as exc:  # noqa: BLE001 - handed to the thread that waits for this stage
            stage.error = exc
        finally:
            stage.end = time.perf_counter()
            stage.ready.set()
            stage.done.set()

    @staticmethod
    def _mark(stage: _Stage, step: str) -> None:
        stage.marks[step] = time.perf_counter()

    def _load_model(self, stage: _Stage) -> None:
        if self.settings.backend == "local":  # a missing or corrupt model file is said before llama.cpp loads
            from qa.generate.models import resolve_model_path

            resolve_model_path(self.settings)
        from qa.generate import llm as llm_module

        self._mark(stage, "import")
        llm = llm_module.get_llm(self.settings)
        self._mark(stage, "load")
        if self._prime:
            self.prefix_tokens = llm_module.prime_prefix(llm, qa_prefix_messages())
            self._mark(stage, "prefix")
        import qa.answer.pipeline  # noqa: F401 - the answer pipeline's own modules, imported here rather than later

        self._mark(stage, "pipeline_import")
        self._llm = llm

    def _load_embedder(self, stage: _Stage) -> None:
        embeddings = importlib.import_module("qa.index.embeddings")  # first: it sets the offline / quiet environment
        with HEAVY_IMPORT_LOCK:  # torch among them when the ONNX copy is missing
            for name in embeddings.planned_imports():
                importlib.import_module(name)
        self._mark(stage, "import")
        get_embedder = embeddings.get_embedder

        get_embedder().embed_one("warm-up")
        self._mark(stage, "load")
        if self._warm_verifier:
            try:
                _warm_verifier()
            except Exception:  # noqa: BLE001 - a warm-up only: the real check reports its own errors
                pass
            self._mark(stage, "verifier")

    def _load_index(self, stage: _Stage) -> None:
        import chromadb  # noqa: F401

        self._mark(stage, "import")
        from qa.index.store import open_index

        index = open_index(self.settings)
        self._mark(stage, "open")
        if index.is_empty():
            from qa.ingest.pipeline import ensure_seeded

            self.seeded = ensure_seeded(index, self.settings, say=self._say)
            self._mark(stage, "seed")
        from qa.retrieve.hybrid import bm25_store

        bm25_store(index).search("warm-up", 1)  # the document list and the BM25 index, from disk
        self._mark(stage, "bm25")
        self._index = index
        stage.ready.set()  # the index is usable from here; the warm-up query below only moves a cost earlier
        embedder = self._stages["embedder"]
        embedder.ready.wait()
        if embedder.error is None:
            from qa.retrieve.hybrid import retrieve_passages

            try:
                retrieve_passages("warm-up", index, self.settings)
            except Exception:  # noqa: BLE001 - a warm-up only: a real query reports its own errors
                pass
            self._mark(stage, "first_query")

    # ---- results ---------------------------------------------------------------------------------------
    def _result(self, name: str, fn: Callable[[_Stage], None]) -> None:
        stage = self._stages[name]
        stage.ready.wait()
        if stage.error is not None:
            if not _is_import_deadlock(stage.error):
                raise stage.error
            for other in self._stages.values():
                other.done.wait()
            stage.error = None
            stage.marks.clear()
            stage.ready.clear()
            stage.done.clear()
            self._run(stage, fn)  # the rare import deadlock: again, alone, on this thread
            if stage.error is not None:
                raise stage.error

    def index(self) -> Any:
        """The opened index (seeded when it was empty)."""
        self._result("index", self._load_index)
        return self._index

    def llm(self) -> Any:
        """The loaded LLM."""
        self._result("model", self._load_model)
        return self._llm

    def wait(self) -> tuple[Any, Any]:
        """Everything loaded: (index, llm). Raises the error of the first stage that fails, as soon as it does
        (a missing model file is reported without waiting for the index and the embedder)."""
        loaders = {"index": self._load_index, "model": self._load_model, "embedder": self._load_embedder}
        pending = list(loaders)
        while pending:
            for name in [n for n in pending if self._stages[n].ready.is_set()]:
                self._result(name, loaders[name])
                pending.remove(name)
            if pending:
                self._stages[pending[0]].ready.wait(0.02)
        for stage in self._stages.values():  # the index stage's warm-up query
            stage.done.wait()
        index, llm = self._index, self._llm
        self.wall_s = time.perf_counter() - self.t0
        return index, llm

    def timings(self) -> dict[str, float | int | None]:
        """Seconds per stage and step (`model_load_s`, `embedder_import_s`, ...), each stage's start and end after
        the preload started (`*_at_s`), the wall time of the whole load, and the process age when it started."""
        out: dict[str, float | int | None] = {"shared_imports_s": round(self.shared_imports_s, 3)}
        for stage in self._stages.values():
            previous = stage.start
            for step, at in stage.marks.items():
                out[f"{stage.name}_{step}_s"] = round(at - previous, 3)
                previous = at
            if stage.end:
                out[f"{stage.name}_s"] = round(stage.end - stage.start, 3)
                out[f"{stage.name}_end_at_s"] = round(stage.end - self.t0, 3)
        out["load_wall_s"] = round(getattr(self, "wall_s", time.perf_counter() - self.t0), 3)
        out["started_at_process_s"] = None if self.process_t0 is None else round(self.t0 - self.process_t0, 3)
        out["prefix_tokens"] = self.prefix_tokens
        return out


def _warm_verifier() -> None:
    """One support check of a made-up sentence against a made-up passage: loads everything the first real check
    needs (the structural scorer's spaCy pipeline, its tables)."""
    from qa.schema import Passage
    from qa.verify.citations import verify_draft

    text = "Officials in the capital said on Monday that the bridge would reopen in May."
    passage = Passage(n=1, chunk_id="warm-up::0::0", doc_id="warm-up", text=text, start=0, end=len(text),
                      sentences=[(0, len(text))])
    verify_draft("Officials said the bridge would reopen in May [1].", [passage])
