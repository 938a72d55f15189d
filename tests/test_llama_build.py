"""The CPU-specific llama.cpp build: which extensions tools/llama_wheel.py compiles for, and the library's refusal
to load a build this CPU cannot run (it would die of SIGILL instead of raising)."""

import importlib.util
from pathlib import Path

import pytest

from qa.errors import ModelError
from qa.generate import llm as llm_module

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("llama_wheel", ROOT / "tools" / "llama_wheel.py")
llama_wheel = importlib.util.module_from_spec(spec)
spec.loader.exec_module(llama_wheel)

BASE_FLAGS = {"sse4_2", "avx", "avx2", "fma", "f16c", "bmi2"}
AVX512_FLAGS = {"avx512f", "avx512cd", "avx512vl", "avx512dq", "avx512bw", "avx512_vnni"}


def test_unknown_cpu_keeps_the_portable_build():
    options, needed = llama_wheel.build_options(None)
    assert options == ["-DGGML_NATIVE=OFF"] and needed == []
    assert llama_wheel.tag(options, needed) == "portable"


def test_avx2_cpu_gets_no_avx512():
    options, needed = llama_wheel.build_options(BASE_FLAGS | {"avx512f"})  # avx512f alone is not enough
    assert "-DGGML_AVX2=ON" in options
    assert not any("AVX512" in o for o in options)
    assert set(needed) == BASE_FLAGS
    assert llama_wheel.tag(options, needed) == "avx2"


def test_avx512_vnni_cpu_gets_both_and_needs_them():
    options, needed = llama_wheel.build_options(BASE_FLAGS | AVX512_FLAGS)
    assert "-DGGML_AVX512=ON" in options and "-DGGML_AVX512_VNNI=ON" in options
    assert "-DGGML_AVX512_BF16=ON" not in options  # not in the flags
    assert AVX512_FLAGS <= set(needed)
    assert llama_wheel.tag(options, needed) == "avx2-avx512-vnni"


def test_a_missing_baseline_extension_is_switched_off():
    options, needed = llama_wheel.build_options(BASE_FLAGS - {"avx2"})
    assert "-DGGML_AVX2=OFF" in options and "avx2" not in needed
    assert llama_wheel.tag(*llama_wheel.build_options(BASE_FLAGS - {"bmi2"})) == "avx2-nobmi2"  # its own wheelhouse


def _venv_with_marker(tmp_path: Path, flags: set[str]) -> Path:
    options, needed = llama_wheel.build_options(flags)
    (tmp_path / llm_module.LLAMA_BUILD_MARKER).write_text(
        llama_wheel.marker_text("0.0.0", llama_wheel.tag(options, needed), needed))
    return tmp_path


def test_a_build_for_missing_cpu_features_is_refused_with_the_fix(tmp_path, monkeypatch):
    venv = _venv_with_marker(tmp_path, BASE_FLAGS | AVX512_FLAGS)
    monkeypatch.setattr(llm_module, "_cpu_flags", lambda: frozenset(BASE_FLAGS))
    with pytest.raises(ModelError) as err:
        llm_module.check_llama_build(venv)
    assert "avx512_vnni" in str(err.value) and "make clean-venv && make setup" in str(err.value)


def test_a_build_this_cpu_runs_and_no_marker_both_load(tmp_path, monkeypatch):
    monkeypatch.setattr(llm_module, "_cpu_flags", lambda: frozenset(BASE_FLAGS | AVX512_FLAGS | {"sse3"}))
    built = tmp_path / "built"
    built.mkdir()
    llm_module.check_llama_build(_venv_with_marker(built, BASE_FLAGS | AVX512_FLAGS))
    llm_module.check_llama_build(tmp_path)  # no marker: a stock wheel, nothing recorded to check


def test_loading_a_model_checks_the_build_before_llama_cpp_runs(tmp_path, monkeypatch):
    (tmp_path / llm_module.LLAMA_BUILD_MARKER).write_text("0.0.0 test\nno_such_cpu_flag\n")
    monkeypatch.setattr(llm_module.sys, "prefix", str(tmp_path))
    with pytest.raises(ModelError, match="no_such_cpu_flag"):
        llm_module._load_llama(tmp_path / "never-read.gguf", 512, 1, 0)


def test_flash_attention_setting_reaches_llama_cpp(tmp_path, monkeypatch):
    import llama_cpp

    from qa.config import load_settings

    seen = {}

    class RecordingLlama:  # stands in for llama_cpp.Llama: records the arguments, loads nothing
        def __init__(self, **kwargs):
            seen.update(kwargs)

    monkeypatch.setattr(llama_cpp, "Llama", RecordingLlama)
    monkeypatch.setattr(llm_module.sys, "prefix", str(tmp_path))  # no build marker here
    monkeypatch.setattr(llm_module, "_LLAMAS", {})
    assert load_settings().flash_attention is False  # the default (docs/performance.md says why)
    llm_module._load_llama(tmp_path / "m.gguf", 512, 1, 0, load_settings({"flash_attention": True}).flash_attention)
    assert seen["flash_attn"] is True and seen["n_ctx"] == 512


def _fake_venv(tmp_path: Path, pip_script: str) -> Path:
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    pip = venv / "bin" / "pip"
    pip.write_text("#!/bin/sh\n" + pip_script)
    pip.chmod(0o755)
    return venv


def test_a_failed_build_says_so_and_leaves_no_wheelhouse(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    venv = _fake_venv(tmp_path, "echo 'compiler exploded' >&2; exit 3\n")  # stands in for pip: the build fails
    with pytest.raises(SystemExit) as done:
        llama_wheel.main(["--venv", str(venv)])
    assert "building llama-cpp-python failed (exit 3)" in str(done.value) and "CMAKE_ARGS" in str(done.value)
    house = tmp_path / "cache" / "newsqa" / "wheels"
    assert not any(house.glob("*")) if house.exists() else True  # no wheelhouse, not even a temporary one
    assert not (venv / llama_wheel.MARKER).exists()  # nothing recorded as installed


def test_a_built_wheel_is_kept_installed_and_recorded_then_reused(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    log = tmp_path / "pip.log"
    # stands in for pip: `wheel ... -w DIR` writes a wheel file into DIR; `install` is logged
    venv = _fake_venv(tmp_path, f'''echo "$1" >> {log}
echo "$@ | $CMAKE_ARGS" >> {log}.args
if [ "$1" = wheel ]; then
  while [ "$1" != -w ]; do shift; done
  touch "$2/llama_cpp_python-0.0-py3-none-any.whl"
fi
''')
    assert llama_wheel.main(["--venv", str(venv)]) == 0
    assert log.read_text().split() == ["wheel", "install"]
    wheel_call = (tmp_path / "pip.log.args").read_text().splitlines()[0]
    # built from source with this CPU's flags, never a prebuilt binary that would ignore them
    assert "--no-binary llama-cpp-python" in wheel_call and "-DGGML_NATIVE=OFF" in wheel_call
    marker = (venv / llama_wheel.MARKER).read_text().splitlines()
    assert marker[0].startswith(llama_wheel.pinned_version())
    wheels = list((tmp_path / "cache" / "newsqa" / "wheels").glob("*/llama_cpp_python-*.whl"))
    assert len(wheels) == 1
    assert llama_wheel.main(["--venv", str(venv)]) == 0  # the venv already has this build: nothing runs
    assert log.read_text().split() == ["wheel", "install"]
    (venv / llama_wheel.MARKER).unlink()  # a new venv on the same machine: installed from the kept wheel
    assert llama_wheel.main(["--venv", str(venv)]) == 0
    assert log.read_text().split() == ["wheel", "install", "install"]


def test_no_pip_is_a_clear_error(tmp_path):
    with pytest.raises(SystemExit, match="no pip at"):
        llama_wheel.main(["--venv", str(tmp_path / "missing")])
