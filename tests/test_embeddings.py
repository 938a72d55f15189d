"""The two embedding runtimes (torch and the ONNX copy) give the same vectors, and the ONNX path is used only when
its copy exists and passed the equivalence check at export."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from qa.index import embeddings
from qa.index.embeddings import OnnxEmbedder, TorchEmbedder, export_onnx

TEXTS = [
    "Who confirmed the deployment?",
    "Government forces stalled the advance near a city 110km (68 miles) north of the capital.",
    "“I’ve seen the press reporting on that … but I have nothing to confirm,” a spokesman said.",
    "x",
    "A long paragraph. " * 200,  # past the 256-piece limit: both runtimes must truncate alike
]


@pytest.fixture(scope="module")
def torch_embedder() -> TorchEmbedder:
    return TorchEmbedder()


@pytest.fixture(scope="module")
def onnx_file(torch_embedder, tmp_path_factory):
    path = tmp_path_factory.mktemp("onnx") / "minilm.onnx"
    assert export_onnx(torch_embedder, path)
    return path


def test_onnx_matches_torch(torch_embedder, onnx_file) -> None:
    onnx = OnnxEmbedder(onnx_file)
    want = TorchEmbedder._encode(torch_embedder, TEXTS, 64, False)
    got = onnx.embed(TEXTS, batch_size=2)  # small batches: padding differs per batch, vectors must not
    assert got.shape == (len(TEXTS), embeddings.EMBEDDING_DIM)
    assert float(np.abs(got - want).max()) < 1e-4
    assert np.allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)
    one = onnx.embed_one(TEXTS[1])
    assert float(np.abs(one - want[1]).max()) < 1e-4


def test_export_leaves_nothing_when_onnx_missing(torch_embedder, tmp_path, monkeypatch) -> None:
    import builtins

    real_import = builtins.__import__

    def no_onnx(name, *args, **kwargs):
        if name == "onnx":
            raise ImportError("onnx not installed")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_onnx)
    path = tmp_path / "m.onnx"
    assert export_onnx(torch_embedder, path) is False
    assert list(tmp_path.iterdir()) == []


def test_runtime_choice(tmp_path, monkeypatch, onnx_file) -> None:
    monkeypatch.setenv("NEWSQA_HOME", str(tmp_path))
    assert not embeddings.onnx_path().exists()
    assert embeddings.planned_imports() == ("torch", "sentence_transformers")
    embeddings.onnx_path().parent.mkdir(parents=True)
    embeddings.onnx_path().write_bytes(onnx_file.read_bytes())
    assert embeddings.planned_imports() == ("onnxruntime", "tokenizers")
    monkeypatch.setenv("NEWSQA_EMBEDDER", "torch")
    assert embeddings.planned_imports() == ("torch", "sentence_transformers")


def test_damaged_copy_falls_back_to_torch(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("NEWSQA_HOME", str(tmp_path))
    monkeypatch.setenv("NEWSQA_EMBEDDER", "auto")
    path = embeddings.onnx_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a model")
    monkeypatch.setattr(embeddings, "export_onnx", lambda e, p: False)  # only the choice is under test here
    embeddings._load_embedder.cache_clear()
    try:
        chosen = embeddings._load_embedder()
        assert chosen.runtime == "torch"
    finally:
        embeddings._load_embedder.cache_clear()


def test_pull_embedder_makes_or_keeps_the_onnx_copy(tmp_path, monkeypatch, onnx_file, capsys) -> None:
    """`python -m qa.models pull embedder` (run by make demo / make test): a present copy is kept, a missing one is
    exported, and a failed export says the torch runtime stays in use, without failing the command."""
    from qa.cli import models as models_cli

    monkeypatch.setenv("NEWSQA_HOME", str(tmp_path))
    monkeypatch.delenv("NEWSQA_EMBEDDER", raising=False)
    path = embeddings.onnx_path()
    exported: list[Path] = []

    def export(_torch_embedder, target: Path) -> bool:  # the real export is tested above; here the control flow
        exported.append(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(onnx_file.read_bytes())
        return True

    monkeypatch.setattr(embeddings, "export_onnx", export)
    assert models_cli.main(["pull", "embedder"]) == 0
    assert exported == [path] and path.is_file()
    assert capsys.readouterr().out.strip() == str(path)
    assert embeddings.prepare_onnx() == (path, "present")  # a second pull does nothing
    assert exported == [path]
    path.write_bytes(b"not a model")  # damaged: made again
    monkeypatch.setattr(embeddings, "export_onnx", lambda e, p: False)
    made, why = embeddings.prepare_onnx()
    assert made is None and "torch runtime" in why
    monkeypatch.setenv("NEWSQA_EMBEDDER", "torch")
    assert embeddings.prepare_onnx()[0] is None
