"""Reading article files: formats, metadata, normalisation, ids, and every bad-input message."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qa.config import SEEDS_DIR
from qa.errors import InputFileError
from qa.ingest.readers import (
    SUPPORTED_SUFFIXES,
    collect_files,
    load_seed_documents,
    max_bytes_for,
    normalize_text,
    read_path,
    sanitize_id,
)

LIMIT = max_bytes_for(5.0)


def read_one(path: Path):
    result = read_path(path, max_bytes=LIMIT)
    assert result.errors == []
    assert len(result.documents) == 1
    return result.documents[0]


def refused(path: Path, max_bytes: int = LIMIT) -> str:
    with pytest.raises(InputFileError) as info:
        read_path(path, max_bytes=max_bytes)
    message = str(info.value)
    assert message.startswith(str(path)), message
    assert "\n" not in message
    return message


# ---------------------------------------------------------------------------------------------- formats


def test_txt_id_is_the_file_stem_and_unstated_metadata_is_unknown(tmp_path: Path) -> None:
    path = tmp_path / "flood-report.txt"
    path.write_bytes(b"Rivers rose overnight.\r\n\r\n\r\n\r\nThousands   were\tevacuated.  \n")
    doc = read_one(path)
    assert doc.doc_id == "flood-report"
    assert doc.title == "unknown"  # a file name is not a title
    assert (doc.source, doc.published, doc.url) == ("unknown", "unknown", None)
    assert doc.text == "Rivers rose overnight.\n\nThousands were evacuated."
    assert doc.path == str(path.absolute())


def test_markdown_front_matter_fields_are_read_and_others_ignored(tmp_path: Path) -> None:
    path = tmp_path / "post.md"
    path.write_text(
        "---\nid: story/42\ntitle: \"Dams hold\"\nsource: [Reuters, AP]\npublished: 2014-06-13T10:00:00Z\n"
        "url: https://example.com/dams\nauthor_notes: not a field we keep\n---\n"
        "# Dams hold\n\nEngineers said *all* dams held, see [the map](http://x.example).\n",
        encoding="utf-8")
    doc = read_one(path)
    assert doc.doc_id == "story-42"
    assert doc.title == "Dams hold"
    assert doc.source == "Reuters, AP"
    assert doc.published == "2014-06-13"  # the ISO date as written (publisher's own day; see qa/metadata.py)
    assert doc.url == "https://example.com/dams"
    assert "author_notes" not in doc.text and "---" not in doc.text
    # Markdown syntax is rendered away so quotes read like the article.
    assert doc.text == "Dams hold\n\nEngineers said all dams held, see the map."


def test_markdown_without_front_matter_takes_its_title_from_the_first_heading(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text("# Storm warning\n\nWinds will reach 100 km/h.\n", encoding="utf-8")
    doc = read_one(path)
    assert doc.title == "Storm warning"
    assert doc.doc_id == "note"
    (tmp_path / "plain.md").write_text("Just text.\n", encoding="utf-8")
    assert read_one(tmp_path / "plain.md").title == "unknown"  # not the file name


def test_markdown_with_broken_front_matter_is_refused(tmp_path: Path) -> None:
    bad_yaml = tmp_path / "bad.md"
    bad_yaml.write_text("---\ntitle: [unclosed\n---\nText.\n", encoding="utf-8")
    assert "invalid YAML front matter" in refused(bad_yaml)
    unclosed = tmp_path / "open.md"
    unclosed.write_text("---\ntitle: x\nText without a closing fence.\n", encoding="utf-8")
    assert "never closed" in refused(unclosed)
    not_mapping = tmp_path / "list.md"
    not_mapping.write_text("---\n- a\n- b\n---\nText.\n", encoding="utf-8")
    assert "front matter must be a mapping" in refused(not_mapping)
    only_meta = tmp_path / "meta.md"
    only_meta.write_text("---\ntitle: x\n---\n\n", encoding="utf-8")
    assert refused(only_meta).endswith("no article text found")


HTML_PAGE = """<!DOCTYPE html>
<html><head><title>Flood toll rises</title>
<meta property="og:site_name" content="The Daily Example">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2014-06-13T10:00:00Z">
<link rel="canonical" href="https://example.com/flood">
<style>body { color: red; } .STYLE-MARKER {}</style>
<script>var SCRIPT_MARKER = 1;</script></head>
<body><nav><a href="/">NAV-MARKER home</a></nav>
<header><h1>Flood toll rises</h1></header>
<article><p>The toll   rose to
12 on Friday, <b>officials</b> said.</p><p>Rescue&nbsp;teams arrived.<br>More are coming.</p>
<ul><li>Item one</li><li>Item two</li></ul>
<div hidden>HIDDEN-MARKER</div><noscript>NOSCRIPT-MARKER</noscript><!-- COMMENT-MARKER -->
<form><input value="FORM-MARKER">FORM-MARKER</form></article>
<aside>ASIDE-MARKER</aside><footer>FOOTER-MARKER</footer>
<script>document.write("SCRIPT2-MARKER")</script></body></html>
"""


def test_html_keeps_article_paragraphs_and_drops_scripts_styles_and_boilerplate(tmp_path: Path) -> None:
    path = tmp_path / "flood.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    doc = read_one(path)
    assert doc.text == ("The toll rose to 12 on Friday, officials said.\n\nRescue teams arrived.\nMore are "
                        "coming.\n\nItem one\n\nItem two")
    for marker in ("MARKER", "color", "var ", "document.write", "home"):
        assert marker not in doc.text
    assert doc.title == "Flood toll rises"
    assert doc.source == "The Daily Example"  # og:site_name wins over the author
    assert doc.published == "2014-06-13"
    assert doc.url == "https://example.com/flood"


def test_html_title_falls_back_to_h1_and_an_author_is_not_an_outlet(tmp_path: Path) -> None:
    with_h1 = tmp_path / "page.htm"
    with_h1.write_text('<html><head><meta name="author" content="Jane Roe"></head><body><h1>Quake hits'
                       '</h1><p>Buildings shook.</p></body></html>', encoding="utf-8")
    doc = read_one(with_h1)
    assert doc.title == "Quake hits"
    assert doc.source == "unknown"  # the author meta tag names a person, not the outlet
    assert doc.text == "Quake hits\n\nBuildings shook."
    bare = tmp_path / "bare.html"
    bare.write_text("<p>Only a paragraph.</p>", encoding="utf-8")
    assert read_one(bare).title == "unknown"  # not the file name
    scripts_only = tmp_path / "empty.html"
    scripts_only.write_text("<html><body><script>x()</script></body></html>", encoding="utf-8")
    assert refused(scripts_only).endswith("no article text found")


def test_json_object_and_list_with_explicit_and_derived_ids(tmp_path: Path) -> None:
    single = tmp_path / "one.json"
    single.write_text(json.dumps({"text": "Markets fell.", "title": "Markets", "source": "Wire",
                                  "published": "June 13, 2014", "url": "https://example.com/m"}))
    doc = read_one(single)
    assert (doc.doc_id, doc.title, doc.source, doc.published, doc.url) == (
        "one", "Markets", "Wire", "2014-06-13", "https://example.com/m")  # parsed to ISO

    many = tmp_path / "batch.json"
    many.write_text(json.dumps([{"text": "First story.", "id": "alpha"}, {"text": "Second story."},
                                 "not an object", {"title": "no text"}]))
    result = read_path(many, max_bytes=LIMIT)
    assert [d.doc_id for d in result.documents] == ["alpha", "batch-2"]
    assert [d.title for d in result.documents] == ["unknown", "unknown"]
    assert result.errors == [f"{many} item 3: expected a JSON object, got a string",
                             f"{many} item 4: missing 'text' (a non-empty string)"]


def test_malformed_or_unusable_json_is_refused(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"text": "a",\n "title": }')
    message = refused(broken)
    assert "invalid JSON" in message and "line 2" in message
    scalar = tmp_path / "scalar.json"
    scalar.write_text("42")
    assert "expected a JSON object or a list of objects" in refused(scalar)
    no_text = tmp_path / "notext.json"
    no_text.write_text(json.dumps({"title": "x", "text": "   "}))
    assert refused(no_text) == f"{no_text}: missing 'text' (a non-empty string)"
    empty_list = tmp_path / "none.json"
    empty_list.write_text("[]")
    assert "empty" in refused(empty_list)
    all_bad = tmp_path / "allbad.json"
    all_bad.write_text(json.dumps([1, {"text": ""}]))
    assert "no usable articles in 2 items" in refused(all_bad)


def test_jsonl_bad_lines_are_reported_by_number_and_good_lines_kept(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join([
        json.dumps({"text": "Line one story.", "title": "One"}),
        json.dumps({"text": "Line two story.", "id": "custom id"}),
        '{"text": "broken", ',
        json.dumps({"title": "no text here"}),
        "",
        json.dumps({"text": 5}),
        json.dumps({"text": "Dup.", "id": "custom id"}),
        "[1, 2]",
        json.dumps({"text": "Line nine story."}),
    ]) + "\n", encoding="utf-8")
    result = read_path(path, max_bytes=LIMIT)
    assert [d.doc_id for d in result.documents] == ["a-1", "custom-id", "a-9"]
    assert [d.text for d in result.documents] == ["Line one story.", "Line two story.", "Line nine story."]
    assert len(result.errors) == 5
    assert result.errors[0].startswith(f"{path} line 3: invalid JSON: ")
    assert result.errors[1] == f"{path} line 4: missing 'text' (a non-empty string)"
    assert result.errors[2] == f"{path} line 6: missing 'text' (a non-empty string)"
    assert result.errors[3] == f"{path} line 7: duplicate id 'custom-id' (first used at line 2); skipped"
    assert result.errors[4] == f"{path} line 8: expected a JSON object, got a list"


def test_jsonl_where_every_line_is_bad_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{oops\n{"title": "x"}\n', encoding="utf-8")
    message = refused(path)
    assert "no usable articles in 2 lines" in message
    assert "line 1: invalid JSON" in message and "line 2: missing 'text'" in message


def test_seeds_are_the_real_articles_with_their_known_metadata() -> None:
    docs = load_seed_documents()
    assert [d.doc_id for d in docs] == ["seed-000", "seed-003"]
    ibt, other = docs
    assert ibt.source == "International Business Times UK" and ibt.url.startswith("https://www.ibtimes.co.uk/")
    assert (other.source, other.url) == ("unknown", None)  # not stated in the file: not guessed
    for doc in docs:
        assert doc.title == "unknown" and doc.published == "2014-06"
        assert normalize_text(doc.text) == doc.text and "---" not in doc.text
    # Every body paragraph of ../shared/seeds is a paragraph of the canonical text, exactly as given.
    shared = SEEDS_DIR.parent.parent / "shared" / "seeds"
    for doc, name in ((ibt, "000_f3fb3571b5492621.txt"), (other, "003_53ab3aff54686bd9.txt")):
        given = (shared / name).read_text(encoding="utf-8") if shared.is_dir() else \
            (SEEDS_DIR / name).read_text(encoding="utf-8").split("---\n", 2)[2]
        body = [line.strip() for line in given.splitlines() if len(line.split()) >= 8]
        paragraphs = doc.text.split("\n\n")
        for line in body:
            if "policemen climb onto a roof" in line:
                continue  # the photo caption
            assert line in paragraphs, line[:60]
    # The photo caption is not answerable body text; 003's heading is a paragraph of its own.
    assert ibt.text.startswith("Iran's elite Revolutionary Guards have been deployed to Iraq")
    assert "baghdad police" not in ibt.text and "policemen" not in ibt.text
    assert "\n\nPresidential remarks\n\n" in other.text
    assert "CNNreported on Friday" in other.text  # kept exactly as given


def test_a_leading_photo_caption_is_kept_out_of_a_text_body(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("flood waters\nResidents wade through a street in the old town REUTERS\n\n"
                    "Rivers rose overnight, officials said.\n\nThousands were evacuated.\n", encoding="utf-8")
    assert read_one(path).text == "Rivers rose overnight, officials said.\n\nThousands were evacuated."


def test_a_first_paragraph_that_is_a_sentence_is_never_taken_for_a_caption(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Rivers rose overnight.\nThousands were evacuated\n", encoding="utf-8")
    assert read_one(path).text == "Rivers rose overnight.\n\nThousands were evacuated"
    only_lines = tmp_path / "lines.txt"
    only_lines.write_text("flood waters\nrising fast\n", encoding="utf-8")
    assert read_one(only_lines).text == "flood waters\n\nrising fast"  # nothing but short lines: kept whole


def test_text_files_read_front_matter_and_one_paragraph_per_line(tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    path.write_text("---\nid: wire-1\nsource: Example Wire\npublished: 2014-06-13\n---\n"
                    "First paragraph, one line.\nSecond paragraph.\n", encoding="utf-8")
    doc = read_one(path)
    assert (doc.doc_id, doc.source, doc.published) == ("wire-1", "Example Wire", "2014-06-13")
    assert doc.text == "First paragraph, one line.\n\nSecond paragraph."


# ---------------------------------------------------------------------------------------- normalisation


def test_decomposed_characters_become_composed(tmp_path: Path) -> None:
    decomposed = "Cafe\u0301 owner Jose\u0301 spoke."
    assert unicodedata.normalize("NFC", decomposed) != decomposed
    path = tmp_path / "nfc.txt"
    path.write_text(decomposed, encoding="utf-8")
    doc = read_one(path)
    assert doc.text == "Café owner José spoke."
    assert "\u0301" not in doc.text


def test_normalisation_rules() -> None:
    raw = ("\ufeff  Title\u00a0line \r\n\r\nA\u200bB\tC\x07 D\u2028next\u2029para\x0cpage\n\n\n\n  end  \t\n"
           "zw\u200cnj stays")
    assert normalize_text(raw) == "Title line\n\nAB C D\nnext\n\npara\npage\n\nend\nzw\u200cnj stays"
    assert normalize_text("  \n\t\n ") == ""


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_normalisation_is_idempotent_and_nfc(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert "\n\n\n" not in once and "  " not in once and "\r" not in once
    assert once == once.strip()


# ---------------------------------------------------------------------------------------- bad inputs


def test_missing_file(tmp_path: Path) -> None:
    assert refused(tmp_path / "missing.txt").endswith("missing.txt: no such file or directory")


def test_empty_and_whitespace_only_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert refused(empty) == f"{empty}: file is empty"
    blank = tmp_path / "blank.md"
    blank.write_text(" \n\t\n  \u00a0 \n", encoding="utf-8")
    assert refused(blank) == f"{blank}: file is empty (whitespace only)"


def test_binary_files_are_refused(tmp_path: Path) -> None:
    with_nul = tmp_path / "image.txt"
    with_nul.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert refused(with_nul) == f"{with_nul}: looks like a binary file, not text"
    controls = tmp_path / "controls.txt"
    controls.write_bytes(bytes([1, 2, 3, 4, 5, 6, 14, 15]) * 20 + b"some text")
    assert refused(controls) == f"{controls}: looks like a binary file, not text"


def test_declared_latin1_html_is_accepted_and_undeclared_garbage_refused(tmp_path: Path) -> None:
    declared = tmp_path / "latin.html"
    page = ('<html><head><meta charset="iso-8859-1"><title>Grüße aus Köln</title></head>'
            '<body><p>Café in München, smart \x93quotes\x94.</p></body></html>')
    declared.write_bytes(page.encode("latin-1"))
    doc = read_one(declared)
    assert doc.title == "Grüße aus Köln"
    # A declared ISO-8859-1 is read as Windows-1252, as browsers do, so curly quotes survive.
    assert doc.text == "Café in München, smart \u201cquotes\u201d."

    undeclared_western = tmp_path / "french.txt"
    french = "Le président a déclaré que les élèves étaient très fâchés."
    undeclared_western.write_bytes(french.encode("cp1252"))
    assert read_one(undeclared_western).text == french

    garbage = tmp_path / "garbage.txt"
    garbage.write_bytes(bytes((i * 97 + 31) % 224 + 32 for i in range(3000)))  # printable-range noise
    with pytest.raises(UnicodeDecodeError):
        garbage.read_bytes().decode("utf-8")
    assert refused(garbage) == f"{garbage}: not valid UTF-8 and the encoding could not be determined"


def test_utf16_with_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes("Grüße. Zweiter Satz.".encode("utf-16"))
    assert read_one(path).text == "Grüße. Zweiter Satz."


def test_unreadable_file_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "locked.txt"
    target.write_text("Secret story.", encoding="utf-8")
    target.chmod(0)
    try:
        target.read_bytes()
        permission_enforced = False  # running as root: permission bits do not stop reads
    except PermissionError:
        permission_enforced = True
    if permission_enforced:
        expected = f"{target}: cannot be read: permission denied"
    else:
        target.chmod(0o644)
        target.unlink()
        target.mkdir()  # a folder with a file's name fails on read for every user, root included
        expected = f"{target}: cannot be read: it is a folder, not a file"
    try:
        assert refused(target) == expected
    finally:
        if target.is_file():
            target.chmod(0o644)


def test_over_the_size_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:  # sparse: 7.2 MB on paper, nothing on disk
        handle.truncate(int(7.2 * 1024 * 1024))
    assert refused(big, max_bytes_for(5)) == f"{big}: file is 7.2 MB, over the 5 MB limit (max_file_mb)"
    small = tmp_path / "small.txt"
    small.write_text("word " * 500, encoding="utf-8")
    assert refused(small, 1000) == f"{small}: file is 2.4 KB, over the 1000 bytes limit (max_file_mb)"
    assert read_path(small, max_bytes=2500).documents  # at or under the limit is fine


# ---------------------------------------------------------------------------------------- finding files


def test_collect_files_walks_folders_sorted_skipping_hidden_and_unsupported(tmp_path: Path) -> None:
    root = tmp_path / "news"
    (root / "b-dir").mkdir(parents=True)
    (root / ".hidden-dir").mkdir()
    for rel in ["z.txt", "a.md", "b-dir/c.HTML", "b-dir/d.jsonl", "notes.pdf", ".secret.txt",
                ".hidden-dir/x.txt", "e.json", "f.htm"]:
        (root / rel).write_text("x", encoding="utf-8")
    files, errors = collect_files([root])
    assert errors == []
    assert [p.relative_to(root).as_posix() for p in files] == [
        "a.md", "b-dir/c.HTML", "b-dir/d.jsonl", "e.json", "f.htm", "z.txt"]
    assert {p.suffix.lower() for p in files} <= SUPPORTED_SUFFIXES
    again, _ = collect_files([root])
    assert again == files  # deterministic


def test_collect_files_reports_missing_unsupported_empty_and_outside_symlinks(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "keep.txt").write_text("x", encoding="utf-8")
    outside = tmp_path / "outside.txt"
    outside.write_text("x", encoding="utf-8")
    (root / "escape.txt").symlink_to(outside)
    (root / "alias.txt").symlink_to(root / "keep.txt")  # inside: same file, listed once
    (root / "loop").symlink_to(root)  # inside, but walking it again would never end
    (root / "dangling.md").symlink_to(tmp_path / "gone.md")
    empty = tmp_path / "empty"
    empty.mkdir()
    pdf = tmp_path / "paper.pdf"
    pdf.write_text("x", encoding="utf-8")

    files, errors = collect_files([root, tmp_path / "missing.txt", pdf, empty, root / "keep.txt", outside])
    assert files == [root / "alias.txt", outside]
    assert errors == [
        f"{root / 'dangling.md'}: skipped: broken symlink",
        f"{root / 'escape.txt'}: skipped: symlink points outside {root.resolve()}",
        f"{tmp_path / 'missing.txt'}: no such file or directory",
        f"{pdf}: unsupported file type '.pdf' (supported: .htm, .html, .json, .jsonl, .md, .txt)",
        f"{empty}: no supported article files found (.htm, .html, .json, .jsonl, .md, .txt)",
    ]


# ---------------------------------------------------------------------------------------- ids and hashes


def test_ids_are_stable_and_content_hash_tracks_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "Story Draft (v2)!.md"
    path.write_text("---\ntitle: First title\n---\nThe vote passed.\n", encoding="utf-8")
    first = read_one(path)
    assert first.doc_id == "Story-Draft-v2"
    assert read_one(path) == first

    moved = tmp_path / "sub" / path.name
    moved.parent.mkdir()
    moved.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))  # same content, other place and line ends
    assert read_one(moved).content_hash == first.content_hash

    path.write_text("---\ntitle: First title\n---\nThe vote failed.\n", encoding="utf-8")
    edited = read_one(path)
    assert edited.doc_id == first.doc_id and edited.content_hash != first.content_hash

    path.write_text("---\ntitle: Second title\n---\nThe vote passed.\n", encoding="utf-8")
    retitled = read_one(path)
    assert retitled.doc_id == first.doc_id and retitled.content_hash != first.content_hash


def test_sanitize_id() -> None:
    assert sanitize_id("  Über/News: #1!  ") == "Uber-News-1"
    assert sanitize_id("a.b_c-D9") == "a.b_c-D9"
    assert sanitize_id("///") == ""
    long_a, long_b = "x" * 200 + "a", "x" * 200 + "b"
    assert len(sanitize_id(long_a)) <= 128
    assert sanitize_id(long_a) != sanitize_id(long_b)
    assert sanitize_id(long_a) == sanitize_id(long_a)


def test_explicit_id_that_sanitises_to_nothing_falls_back_to_the_stem(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text("---\nid: '***'\n---\nText.\n", encoding="utf-8")
    assert read_one(path).doc_id == "story"
