"""Measurement helpers shared by bench/ingest.py and bench/run_all.py: an RSS sampler, CPU/wall timers,
percentiles, directory sizes, and the ingestion measurement itself (ours vs raw SentenceTransformer.encode
on the same chunk texts, in the same process)."""

from __future__ import annotations

import os
import resource
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import psutil

MB = 1024 * 1024


class PeakRSS:
    """Samples this process's RSS in a background thread; `peak_mb` is the highest value seen while active.
    (ru_maxrss is the peak of the whole process life; this one covers just the `with` block.)"""

    def __init__(self, interval: float = 0.05) -> None:
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._proc = psutil.Process()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._proc.memory_info().rss)
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakRSS:
        self.peak = self._proc.memory_info().rss
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._proc.memory_info().rss)

    @property
    def peak_mb(self) -> float:
        return self.peak / MB


class Timer:
    """Wall and process-CPU seconds of a `with` block (CPU time is steadier than wall time on a shared
    machine: other people's load slows our wall clock, not our CPU seconds)."""

    def __enter__(self) -> Timer:
        self.wall0, self.cpu0 = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc) -> None:
        self.wall = time.perf_counter() - self.wall0
        self.cpu = time.process_time() - self.cpu0


def rss_mb() -> float:
    return psutil.Process().memory_info().rss / MB


def max_rss_mb() -> float:
    """Peak RSS of this process so far (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def loadavg() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def dir_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / MB if path.exists() else 0.0


def page_cache(path: Path) -> dict | None:
    """How much of a file is in the page cache (util-linux `fincore`; None where it is missing)."""
    import shutil
    import subprocess

    if not shutil.which("fincore") or not path.is_file():
        return None
    proc = subprocess.run(["fincore", "--bytes", "--noheadings", "--output", "RES,SIZE", str(path)],
                          capture_output=True, text=True)
    if proc.returncode != 0 or not proc.stdout.split():
        return None
    res, size = (int(x) for x in proc.stdout.split()[:2])
    return {"file_mb": round(size / 2**20, 1), "cached_mb": round(res / 2**20, 1)}


def evict_page_cache(path: Path) -> None:
    """Drop a file's clean pages from the page cache (as after a reboot, or on a busy machine)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)


def percentiles(values: list[float]) -> dict[str, float]:
    """p50/p95/mean in milliseconds for a list of seconds."""
    ms = np.asarray(values) * 1000
    return {"p50_ms": round(float(np.percentile(ms, 50)), 2), "p95_ms": round(float(np.percentile(ms, 95)), 2),
            "mean_ms": round(float(ms.mean()), 2), "n": len(values)}


@dataclass
class IngestFigures:
    documents: int
    chunks: int
    seconds: float
    cpu_seconds: float
    peak_rss_mb: float
    raw_chunks: int
    raw_seconds: float
    raw_cpu_seconds: float
    raw_split_chunks_per_s: tuple[float, float] = (0.0, 0.0)  # raw encode before / after ingestion

    def as_dict(self) -> dict:
        ours = self.chunks / self.seconds
        raw = self.raw_chunks / self.raw_seconds
        ours_cpu = self.chunks / self.cpu_seconds
        raw_cpu = self.raw_chunks / self.raw_cpu_seconds
        return {
            "documents": self.documents, "chunks": self.chunks, "seconds": round(self.seconds, 2),
            "cpu_seconds": round(self.cpu_seconds, 2), "docs_per_s": round(self.documents / self.seconds, 2),
            "chunks_per_s": round(ours, 2), "peak_rss_mb": round(self.peak_rss_mb, 1),
            "raw_chunks": self.raw_chunks, "raw_seconds": round(self.raw_seconds, 2),
            "raw_cpu_seconds": round(self.raw_cpu_seconds, 2), "raw_chunks_per_s": round(raw, 2),
            "raw_before_after_chunks_per_s": [round(x, 2) for x in self.raw_split_chunks_per_s],
            "ratio_wall": round(ours / raw, 3),
            # chunks per CPU-second, ours / raw: the same comparison with other people's load factored out
            "ratio_cpu": round(ours_cpu / raw_cpu, 3),
        }


def measure_ingestion(paths: list[Path], settings, raw_max: int = 10_000) -> IngestFigures:
    """Ingest `paths` into the (empty) index of `settings` with `ingest_paths`, and encode the same chunk
    texts with the raw SentenceTransformer in the same process (at most `raw_max` of them, spread evenly;
    half before and half after ingestion so a change in machine load hits both sides alike)."""
    from qa.index.embeddings import get_embedder
    from qa.ingest.chunking import chunk_document
    from qa.ingest.pipeline import ingest_paths, read_documents
    from qa.schema import IngestReport

    # The exact chunk texts ingestion will embed: same reader, same normalisation, same chunker.
    docs = read_documents(paths, settings, IngestReport())
    texts = [c.text for d in docs
             for c in chunk_document(d, chunk_size=settings.chunk_size, overlap=settings.chunk_overlap)]
    picks = np.linspace(0, len(texts) - 1, num=min(raw_max, len(texts))).round().astype(int)
    sample = [texts[i] for i in picks]
    model = get_embedder().model  # loaded once: neither side pays the model load
    model.encode(sample[:16], batch_size=settings.embed_batch_size)  # warm-up (first-call allocations)

    def raw(part: list[str]) -> Timer:
        with Timer() as t:
            model.encode(part, batch_size=settings.embed_batch_size, normalize_embeddings=True,
                         convert_to_numpy=True, show_progress_bar=False)
        return t

    half = len(sample) // 2
    before = raw(sample[:half])
    with PeakRSS() as mem, Timer() as t:
        report = ingest_paths(paths, settings)
    after = raw(sample[half:])
    if report.failed or report.errors:
        raise RuntimeError(f"ingestion failed: {report.errors[:3]}")
    return IngestFigures(documents=report.added, chunks=report.chunks_written, seconds=t.wall, cpu_seconds=t.cpu,
                         peak_rss_mb=mem.peak_mb, raw_chunks=len(sample), raw_seconds=before.wall + after.wall,
                         raw_cpu_seconds=before.cpu + after.cpu,
                         raw_split_chunks_per_s=(half / before.wall, (len(sample) - half) / after.wall))
