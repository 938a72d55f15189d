"""Incremental ingestion: `python -m qa.ingest PATH_OR_URL... [--feed URL] [--db DIR] [--list] [--delete DOC_ID]`.

Unchanged documents (same id and content hash) cost nothing; changed ones replace their old chunks
atomically (see qa.index.store); every bad file gets a one-line message and the run goes on.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable
from contextlib import nullcontext
from pathlib import Path

from filelock import FileLock
from tqdm import tqdm

from qa.config import SEEDS_DIR, Settings
from qa.errors import InputFileError, NewsqaError
from qa.index.embeddings import get_embedder
from qa.index.store import NewsIndex, lock_path, open_index
from qa.ingest.chunking import chunk_document
from qa.ingest.readers import collect_files, read_path
from qa.schema import Chunk, Document, IngestReport

EMBED_GROUP = 512  # chunks embedded together: big enough for full batches, small enough for bounded memory


def write_lock(settings: Settings, timeout: float = 600.0) -> FileLock:
    """The writer lock for this index; a second writer waits instead of interleaving writes."""
    return FileLock(str(lock_path(settings)), timeout=timeout)


def read_documents(paths: Iterable[Path], settings: Settings, report: IngestReport,
                   progress: bool = False) -> list[Document]:
    """Read and normalise every supported file under `paths`; problems go to `report.errors`."""
    files, errors = collect_files([Path(p) for p in paths])
    report.errors.extend(errors)
    report.failed += len(errors)
    docs: list[Document] = []
    seen: dict[str, str] = {}
    max_bytes = int(settings.max_file_mb * 1024 * 1024)
    for path in tqdm(files, desc="reading", unit="file", disable=not progress or len(files) < 20):
        try:
            result = read_path(path, max_bytes=max_bytes)
        except InputFileError as exc:
            report.errors.append(str(exc))
            report.failed += 1
            continue
        report.errors.extend(result.errors)
        for doc in result.documents:
            if doc.doc_id in seen:
                report.errors.append(f"{path}: document id '{doc.doc_id}' is already used by {seen[doc.doc_id]}; "
                                     "give one of them an explicit id")
                report.failed += 1
                continue
            seen[doc.doc_id] = str(path)
            docs.append(doc)
    return docs


def ingest_documents(docs: list[Document], index: NewsIndex, settings: Settings, report: IngestReport,
                     progress: bool = False, on_document: Callable[[str, str], None] | None = None) -> None:
    """Chunk, embed (in large batches across documents) and write the documents that changed."""
    todo: list[tuple[Document, list[Chunk]]] = []
    # the same article under another id (another folder, another file name, other front matter) is not indexed
    # twice: two copies would fill the answer's passages with one text and count one outlet as two
    bodies = {info.text_hash: doc_id for doc_id, info in index.committed_docs().items() if info.text_hash}
    for doc in docs:
        if index.is_current(doc):
            report.unchanged += 1
            report.doc_ids.append(doc.doc_id)
            bodies.setdefault(doc.text_hash, doc.doc_id)
            if on_document:
                on_document(doc.doc_id, "unchanged")
            continue
        first = bodies.get(doc.text_hash)
        if first is not None and first != doc.doc_id:
            report.duplicates += 1
            report.duplicate_notes.append(
                f"{doc.path or doc.doc_id}: the same text is indexed as '{first}'; skipped (to index it under "
                f"'{doc.doc_id}' instead, first run: python -m qa.ingest --delete {first})")
            if on_document:
                on_document(doc.doc_id, "duplicate")
            continue
        bodies[doc.text_hash] = doc.doc_id
        chunks = chunk_document(doc, chunk_size=settings.chunk_size, overlap=settings.chunk_overlap)
        if not chunks:
            report.failed += 1
            report.errors.append(f"{doc.path or doc.doc_id}: no text to index")
            continue
        todo.append((doc, chunks))
    total = sum(len(c) for _, c in todo)
    if not todo:
        return
    embedder = get_embedder()
    bar = tqdm(total=total, desc="embedding", unit="chunk", disable=not progress)
    group: list[tuple[Document, list[Chunk]]] = []
    size = 0

    def flush() -> None:
        nonlocal group, size
        texts = [c.text for _, chunks in group for c in chunks]
        vectors = embedder.embed(texts, batch_size=settings.embed_batch_size)
        items, pos = [], 0
        for doc, chunks in group:
            items.append((doc, chunks, vectors[pos:pos + len(chunks)]))
            pos += len(chunks)
        # One batched write per group (each document still atomic): per-document Chroma calls made
        # writing cost more than embedding.
        statuses = index.write_documents(items)
        for (doc, chunks), status in zip(group, statuses, strict=True):
            if status == "added":
                report.added += 1
            elif status == "updated":
                report.updated += 1
            else:
                report.unchanged += 1
            if status != "unchanged":
                report.chunks_written += len(chunks)
            report.doc_ids.append(doc.doc_id)
            if on_document:
                on_document(doc.doc_id, status)
        bar.update(len(texts))
        group, size = [], 0

    for item in todo:
        group.append(item)
        size += len(item[1])
        if size >= EMBED_GROUP:
            flush()
    if group:
        flush()
    bar.close()


def ingest_paths(paths: Iterable[Path], settings: Settings, index: NewsIndex | None = None,
                 progress: bool = False, lock: bool = True, lock_timeout: float = 600.0,
                 on_read: Callable[[int], None] | None = None,
                 on_document: Callable[[str, str], None] | None = None) -> IngestReport:
    """Ingest files/folders into the index the settings point at; returns what happened.

    `on_read(n_documents)` is called once the files are read, `on_document(doc_id, status)` after each
    document is written (the UI's progress bar)."""
    started = time.perf_counter()
    report = IngestReport()
    docs = read_documents(paths, settings, report, progress=progress)
    if on_read:
        on_read(len(docs))
    if docs:
        index = index or open_index(settings)
        with write_lock(settings, lock_timeout) if lock else nullcontext():
            index.refresh()
            index.collect_garbage()
            ingest_documents(docs, index, settings, report, progress=progress, on_document=on_document)
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def ingest_web(urls: list[str], feeds: list[str], settings: Settings, index: NewsIndex | None = None,
               timeout: float | None = None, progress: bool = False, lock_timeout: float = 600.0) -> IngestReport:
    """Fetch article pages and feeds (qa.ingest.web), then ingest what was read like files: unchanged documents cost
    nothing, feed entries already committed at the same fingerprint are not even fetched. Every URL is fetched
    and read completely before anything is written, so a failed URL leaves nothing behind."""
    from qa.ingest.web import DEFAULT_TIMEOUT, read_web

    started = time.perf_counter()
    report = IngestReport()
    index = index or open_index(settings)
    known = index.committed_docs() if feeds else {}
    say = (lambda u: print(f"fetching {u}", file=sys.stderr)) if progress else None
    docs = read_web(urls, feeds, settings, report, timeout=timeout or DEFAULT_TIMEOUT, known=known, on_url=say)
    if docs:
        with write_lock(settings, lock_timeout):
            index.refresh()
            index.collect_garbage()
            ingest_documents(docs, index, settings, report, progress=progress)
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def merge_reports(a: IngestReport, b: IngestReport) -> IngestReport:
    """The counts, errors and ids of two runs as one report."""
    return IngestReport(added=a.added + b.added, updated=a.updated + b.updated, unchanged=a.unchanged + b.unchanged,
                        failed=a.failed + b.failed, chunks_written=a.chunks_written + b.chunks_written,
                        seconds=round(a.seconds + b.seconds, 3), errors=a.errors + b.errors,
                        doc_ids=a.doc_ids + b.doc_ids, duplicates=a.duplicates + b.duplicates,
                        duplicate_notes=a.duplicate_notes + b.duplicate_notes)


def ensure_seeded(index: NewsIndex, settings: Settings, say: Callable[[str], None] | None = None) -> bool:
    """On an empty index, ingest the seed articles (saying so); returns True when it did."""
    if not index.is_empty():
        return False
    if say:
        say(f"The index at {index.location} is empty: ingesting the seed articles from {SEEDS_DIR} ...")
    report = ingest_paths([SEEDS_DIR], settings, index=index)
    if report.failed:
        raise NewsqaError("could not ingest the seed articles: " + "; ".join(report.errors))
    return True


def format_report(report: IngestReport) -> str:
    """The one-line end-of-run summary."""
    n = report.chunks_written
    new = "0 new chunks" if n == 0 else f"{n} chunk{'' if n == 1 else 's'} written"
    dup = f", {report.duplicates} duplicate{'' if report.duplicates == 1 else 's'} skipped" if report.duplicates \
        else ""
    return (f"{report.added} added, {report.updated} updated, {report.unchanged} unchanged{dup}, "
            f"{report.failed} failed; {new}; {report.seconds:.1f} s")
