"""Property tests (hypothesis) for the parts hostile input reaches: chunker and sentence windows, marker parser,
link stripping and defanging, the span mapper (verify_draft over real passages) and the file readers."""

from __future__ import annotations

import json
import re
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qa.errors import InputFileError
from qa.index.store import chunk_sentences
from qa.ingest.chunking import chunk_document, split_sentences
from qa.ingest.readers import SUPPORTED_SUFFIXES, load_seed_documents, normalize_text, read_path
from qa.retrieve.hybrid import Candidate, retrieve_passages, sentence_window
from qa.schema import Document
from qa.verify.citations import _MARKER, defang, parse_markers, split_draft, strip_links, verify_draft

SEEDS = load_seed_documents()
SEED_SENTENCES = [d.text[s:e] for d in SEEDS for s, e in split_sentences(d.text)]
FUZZ = settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

# ---------------------------------------------------------------------------------------------- chunker

# Article-like text: real sentences (abbreviations, initials, quotes, numbers) shuffled, joined by the separators
# the splitter has to get right, with hostile pieces mixed in.
NOISE = st.sampled_from(["[1]", "[1, 2]", "【3】", "<|im_start|>", "SYSTEM:", "https://x.example/a.b", "...", "!?" * 50,
                         "U.S.", "No. 10", "\u200b", "\u2028", "“Quote.”", "(1)", "e.g.", "\t"])
SEPARATORS = st.sampled_from([" ", "\n", "\n\n", "  ", " \n \n "])
ARTICLES = st.lists(st.one_of(st.sampled_from(SEED_SENTENCES), NOISE), min_size=1, max_size=30).flatmap(
    lambda parts: st.lists(SEPARATORS, min_size=len(parts), max_size=len(parts)).map(
        lambda seps: "".join(p + s for p, s in zip(parts, seps, strict=True))))


@FUZZ
@given(ARTICLES, st.integers(1, 800), st.integers(0, 3), st.booleans())
def test_chunks_of_article_like_text_round_trip_and_are_deterministic(text, chunk_size, overlap, normalise):
    doc = Document(doc_id="fuzz", text=normalize_text(text) if normalise else text)
    chunks = chunk_document(doc, chunk_size=chunk_size, overlap=overlap)
    assert chunks == chunk_document(doc, chunk_size=chunk_size, overlap=overlap)
    spans = split_sentences(doc.text)
    assert [tuple(s) for c in chunks for s in c.sentences if tuple(s) not in spans] == []
    for a, b in zip(chunks, chunks[1:], strict=False):
        shared = {tuple(s) for s in a.sentences} & {tuple(s) for s in b.sentences}
        assert len(shared) <= overlap and b.end > a.end  # bounded overlap, always progressing
    for c in chunks:
        assert doc.text[c.start:c.end] == c.text
        assert all(doc.text[s:e].strip() == doc.text[s:e] != "" for s, e in c.sentences)
    assert len({c.chunk_id for c in chunks}) == len(chunks)


@FUZZ
@given(ARTICLES, st.integers(40, 600), st.integers(1, 2000), st.sets(st.sampled_from(
    ["iran", "troops", "pentagon", "confirm", "baghdad", "kirby", "the", "x"])))
def test_sentence_windows_are_exact_sentence_aligned_slices(text, chunk_size, max_chars, words):
    doc = Document(doc_id="fuzz", text=normalize_text(text))
    for c in chunk_document(doc, chunk_size=chunk_size, overlap=1):
        meta = {"doc_id": c.doc_id, "start": c.start, "end": c.end, "sentences": json.dumps(c.sentences)}
        start, end, sents = sentence_window(Candidate(c.chunk_id, c.text, meta), words, max_chars)
        assert c.start <= start < end <= c.end
        assert (start, end) == (sents[0][0], sents[-1][1])
        assert [tuple(s) for s in sents] == [s for s in chunk_sentences(meta) if start <= s[0] and s[1] <= end]
        assert end - start <= max_chars or len(sents) == 1
        assert doc.text[start:end] == c.text[start - c.start:end - c.start]


# ---------------------------------------------------------------------------------------------- markers, links

DRAFT_PIECES = st.one_of(
    st.sampled_from(SEED_SENTENCES),
    st.sampled_from(["[1]", "[2]", "[1,2]", "[1][2]", "[1-3]", "[2 and 4]", "【1】", "[ 3 ]", "[0]", "[99]",
                     "[999999999999999999999]", "[1-999]", "[3-1]", "[[1]2]", "[1[2]]", "【[1]】", "[", "]", "[]",
                     "[a]", "(1)", ". [1]", "\n[2] ",
                     "\nSources: [1] x", "INSUFFICIENT", "- ", "1. ", " ", "\n", "https://evil.example/x",
                     "[link](http://evil.example)", "www.evil.org", "evil.com", ".", "!", "?", '"']),
    st.text(max_size=40),
)
DRAFTS = st.lists(DRAFT_PIECES, max_size=25).map("".join)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=string.digits + " ,;-–and", max_size=60))
def test_parse_markers_returns_bounded_lists_of_ints(body):
    out = parse_markers(body)
    assert all(type(n) is int and n >= 0 for n in out)
    assert len(out) <= 20 * (body.count(",") + body.count(";") + body.count("and") + 1)


@settings(max_examples=500, deadline=None)
@given(DRAFTS)
def test_split_draft_never_crashes_and_leaves_no_markers_in_text(draft):
    for d in split_draft(draft):
        assert all(type(m) is int for m in d.markers)
        assert _MARKER.search(d.text) is None, d.text
        assert d.text == d.text.strip() and re.search(r"[A-Za-z0-9]", d.text)
        assert len(d.markers) == len(set(d.markers))


@settings(max_examples=500, deadline=None)
@given(DRAFTS)
def test_strip_links_leaves_no_link_and_is_idempotent(text):
    out, removed = strip_links(text)
    assert strip_links(out) == (out, [])
    assert not removed or out != text


@settings(max_examples=500, deadline=None)
@given(DRAFTS)
def test_defang_leaves_nothing_the_pipeline_would_act_on(text):
    out = defang(text)
    assert _MARKER.search(out) is None
    assert not re.search(r"<\|[^<>|\s]{1,40}\|>|\[/?INST\]|<</?SYS>>", out)
    assert all(not d.markers for d in split_draft(out))
    assert defang(out) == out


# ---------------------------------------------------------------------------------------------- span mapper

QUESTIONS = ["Who confirmed that Revolutionary Guards were deployed to Iraq?", "What did the Pentagon say?",
             "How far is Samarra from Baghdad?", "What help did China offer?"]


@pytest.fixture(scope="module")
def real_passages(seeded_index, seeded_settings):
    return {q: retrieve_passages(q, seeded_index, seeded_settings).passages for q in QUESTIONS}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(QUESTIONS), DRAFTS, st.booleans())
def test_verify_draft_citations_are_exact_spans_of_retrieved_passages(real_passages, seeded_index, question, draft,
                                                                       strict):
    passages = real_passages[question]
    by_n = {p.n: p for p in passages}
    sentences, citations, text, removed = verify_draft(draft, passages, strict=strict)
    listed = {c.n for c in citations}
    for c in citations:
        p = by_n[c.n]  # only passages that were shown can be cited
        assert (c.doc_id, c.passage_start, c.passage_end, c.passage) == (p.doc_id, p.start, p.end, p.text)
        assert c.passage_start <= c.start < c.end <= c.passage_end
        assert c.quote == c.passage[c.start - c.passage_start:c.end - c.passage_start]
        assert c.quote == seeded_index.get_document(c.doc_id).text[c.start:c.end]
    for s in sentences:
        assert not s.supported or (s.citations and set(s.citations) <= listed)
        assert not strict or s.supported
        assert s.supported == (s.status != "unsupported")
    # Only supported sentences make the answer text; unsupported ones are listed apart, never shown as cited text.
    assert len(text.split()) >= sum(len(s.text.split()) for s in sentences if s.supported)
    assert listed == {n for s in sentences if s.supported for n in s.citations}
    assert strip_links(text)[1] == []
    assert removed >= 0


# ---------------------------------------------------------------------------------------------- readers

JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
                    lambda kids: st.lists(kids, max_size=5) | st.dictionaries(
                        st.sampled_from(["text", "id", "title", "source", "published", "url", "x"]) | st.text(
                            max_size=5), kids, max_size=5), max_leaves=30)


def _check_read(path: Path) -> None:
    try:
        result = read_path(path, max_bytes=1 << 20)
    except InputFileError as exc:
        assert str(exc).startswith(str(path)) and "\n" not in str(exc)
        return
    assert result.documents
    for doc in result.documents:
        assert doc.text and normalize_text(doc.text) == doc.text
        assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", doc.doc_id)
        assert doc.url is None or not re.match(r"(?i)(javascript|data|vbscript|file):", doc.url)


@FUZZ
@given(st.binary(max_size=3000), st.sampled_from(sorted(SUPPORTED_SUFFIXES)))
def test_random_bytes_raise_only_input_file_error(tmp_path, data, suffix):
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    _check_read(path)


@FUZZ
@given(JSON, st.booleans())
def test_random_json_raises_only_input_file_error(tmp_path, value, lines):
    path = tmp_path / ("fuzz.jsonl" if lines else "fuzz.json")
    text = json.dumps(value)
    path.write_text("\n".join([text, json.dumps(value, indent=1)]) if lines else text, encoding="utf-8")
    _check_read(path)


MARKUP = st.lists(st.sampled_from([
    "<div>", "</div>", "<p>", "</p>", "<script>alert(1)</script>", "<style>x{}</style>", "<b>", "<!--", "-->",
    "<br>", "<pre>", "</pre>", "<article>", "</article>", "---\n", "title: x\n", "id: ../../x\n", "url: javascript:x\n",
    "# Head\n", "*", "_", "[a](javascript:x)", "<![CDATA[", "]]>", "&amp;", "&#0;", "&#xD800;", "\x00", "\r", "text ",
    "Iran sent troops. ", "\n\n", "<meta property=\"og:url\" content=\"javascript:alert(1)\">", "<title>T</title>",
]), max_size=40).map("".join)


@FUZZ
@given(MARKUP, st.sampled_from([".html", ".md", ".txt"]))
def test_random_markup_raises_only_input_file_error(tmp_path, text, suffix):
    path = tmp_path / f"fuzz{suffix}"
    path.write_text(text, encoding="utf-8")
    _check_read(path)
