"""Sentence splitting and chunking: exact offsets, tricky sentence ends, overlap, and properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qa.errors import UsageError
from qa.ingest.chunking import chunk_document, split_sentences
from qa.ingest.readers import load_seed_documents, normalize_text
from qa.schema import Chunk, Document, chunk_id


def sentences_of(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


def check_sentences(text: str, spans: list[tuple[int, int]]) -> None:
    covered: set[int] = set()
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)  # ordered, non-overlapping, non-empty
        piece = text[start:end]
        assert piece == piece.strip() and piece.strip()
        covered.update(range(start, end))
        previous_end = end
    assert {i for i, ch in enumerate(text) if not ch.isspace()} <= covered


def check_chunks(doc: Document, chunks: list[Chunk], chunk_size: int) -> None:
    spans = split_sentences(doc.text)
    assert [c.chunk_index for c in chunks] == list(range(len(chunks)))
    assert [c.chunk_id for c in chunks] == [chunk_id(doc.doc_id, doc.content_hash, i) for i in range(len(chunks))]
    seen: list[tuple[int, int]] = []
    for chunk in chunks:
        assert chunk.doc_id == doc.doc_id
        assert doc.text[chunk.start:chunk.end] == chunk.text
        assert chunk.sentences, "every chunk holds at least one sentence"
        assert chunk.start == chunk.sentences[0][0] and chunk.end == chunk.sentences[-1][1]
        first = spans.index(tuple(chunk.sentences[0]))
        assert [tuple(s) for s in chunk.sentences] == spans[first:first + len(chunk.sentences)]
        assert len(chunk.text) <= chunk_size or len(chunk.sentences) == 1
        seen.extend(tuple(s) for s in chunk.sentences)
    assert sorted(set(seen)) == spans  # every sentence lands in some chunk
    last_sentences = [tuple(c.sentences[-1]) for c in chunks]
    assert last_sentences == sorted(set(last_sentences))  # each chunk brings at least one new sentence


# ---------------------------------------------------------------------------------------------- seeds


@pytest.fixture(scope="module")
def seeds() -> list[Document]:
    return load_seed_documents()


def test_seed_offsets_round_trip_for_every_sentence_and_chunk(seeds: list[Document]) -> None:
    for doc in seeds:
        spans = split_sentences(doc.text)
        check_sentences(doc.text, spans)
        for chunk_size, overlap in [(400, 1), (150, 0), (1000, 2), (1, 1)]:
            chunks = chunk_document(doc, chunk_size=chunk_size, overlap=overlap)
            check_chunks(doc, chunks, chunk_size)
        assert chunk_document(doc) == chunk_document(doc)  # deterministic, ids included


def test_seed_sentences_that_need_care(seeds: list[Document]) -> None:
    iran, kirby = sentences_of(seeds[0].text), sentences_of(seeds[1].text)
    assert [d.doc_id for d in seeds] == ["seed-000", "seed-003"]
    # "U.S." inside a sentence and "U.S" without its last stop do not end a sentence.
    assert ("The Iraqi government has turned to the U.S for military support and authorised airstrikes against "
            "insurgents in the looming battle for Baghdad.") in iran
    assert any(s.startswith("President Obama responded saying he would not rule out U.S. air strikes") and
               s.endswith("to help Iraq fight Islamist militants.") for s in iran)
    # Brackets with a date or a distance stay inside their sentence.
    assert ("The militant group took control of Saddam Hussein's hometown of Tikrit on Wednesday (June 11), but "
            "Revolutionary Guard and Iraqi troops overtook 85 percent of the city on Thursday (June 12).") in iran
    assert any("110km (68 miles) north of Baghdad - and are now bombing" in s for s in iran)
    # A paragraph that ends in a comma ends its sentence; a quotation's closing stop ends the sentence.
    assert ('During an appearance on state television Iranian President Hassan Rouhani called ISIS "an extremist, '
            'terrorist group that is acting savagely",') in iran
    assert iran[-2:] == ["Meanwhile, ISIS have vowed that it would soon march on Baghdad.",
                         '"Our final destination will be Baghdad, the decisive battle will be there."']
    # Curly quotes with an ellipsis inside, a colon before a quotation, a heading without a full stop.
    assert ("“I’ve seen the press reporting on that … but I have nothing to confirm that there are Iranian special "
            "forces inside Iraq,” spokesman Rear Admiral John Kirby said.") in kirby
    assert "Interior Ministry Spokesman Brigadier General Saad Maan told AFP: “We put in place a new plan to " \
           "protect Baghdad.”" in kirby
    assert "Presidential remarks" in kirby
    assert any(s.startswith("U.S. President Barack Obama said Friday he is weighing a range of options") and
               "the U.S. will not take military action" in s for s in kirby)
    assert "The last U.S. troops withdrew in 2011 after more than eight years of war." in kirby


# ---------------------------------------------------------------------------------------------- tricky


@pytest.mark.parametrize(("text", "expected"), [
    ('He said "we will win." Then he left.', ['He said "we will win."', "Then he left."]),
    ("Mr. Smith met Dr. Jones at 9 a.m. on Jan. 5. They talked.",
     ["Mr. Smith met Dr. Jones at 9 a.m. on Jan. 5.", "They talked."]),
    ("Gen. Lt. Col. Sgt. Rep. Sen. Mrs. Lee spoke in St. Louis. It rained.",
     ["Gen. Lt. Col. Sgt. Rep. Sen. Mrs. Lee spoke in St. Louis.", "It rained."]),
    ("The U.S. Army and the U.N. Security Council met in the U.K. Office. Fine.",
     ["The U.S. Army and the U.N. Security Council met in the U.K. Office.", "Fine."]),
    ("John F. Kennedy and George H. W. Bush were presidents. So was George H.W. Bush.",
     ["John F. Kennedy and George H. W. Bush were presidents.", "So was George H.W. Bush."]),
    ("He lives at No. 10 Downing Street. He said no. Then he left.",
     ["He lives at No. 10 Downing Street.", "He said no.", "Then he left."]),
    ("Use tools, e.g. Hammers, i.e. Heavy ones. Done vs. Undone.",
     ["Use tools, e.g. Hammers, i.e. Heavy ones.", "Done vs. Undone."]),
    ("Growth was 3.5 percent. Prices rose 2. Wages fell.",
     ["Growth was 3.5 percent.", "Prices rose 2.", "Wages fell."]),
    ("Really? Yes! Wait... Go on.", ["Really?", "Yes!", "Wait...", "Go on."]),
    ('"Is it over?" she asked. "No." (He agreed.) Then quiet.',
     ['"Is it over?" she asked.', '"No."', "(He agreed.)", "Then quiet."]),
    ("It ended at 5 p.m. on Friday. the lower-case start stays. Next.",
     ["It ended at 5 p.m. on Friday. the lower-case start stays.", "Next."]),
    ("Headline without a full stop\n\nBody starts here. And ends here.",
     ["Headline without a full stop", "Body starts here.", "And ends here."]),
    ("A line\nwrapped in the middle. Next sentence.", ["A line\nwrapped in the middle.", "Next sentence."]),
    ("In 2014. 500 people fled.", ["In 2014.", "500 people fled."]),
    ("北京下雨了。明天晴天！好吗？", ["北京下雨了。", "明天晴天！", "好吗？"]),
    ("", []),
    ("   \n\n  ", []),
])
def test_split_sentences_tricky_cases(text: str, expected: list[str]) -> None:
    assert sentences_of(text) == expected
    check_sentences(text, split_sentences(text))


# ---------------------------------------------------------------------------------------------- chunks


def numbered_doc(count: int, width: int = 50) -> Document:
    sentences = [f"Sentence number {i} says something.".ljust(width - 1, "x")[: width - 2] + "." for i in
                 range(count)]
    return Document(doc_id="doc-1", text=" ".join(sentences))


def test_overlap_shares_sentences_between_neighbours() -> None:
    doc = numbered_doc(8)  # 8 sentences of 49 characters, separated by one space
    one = chunk_document(doc, chunk_size=150, overlap=1)
    assert [len(c.sentences) for c in one] == [3, 3, 3, 2]
    for left, right in zip(one, one[1:], strict=False):
        assert left.sentences[-1] == right.sentences[0]
    none = chunk_document(doc, chunk_size=150, overlap=0)
    assert [len(c.sentences) for c in none] == [3, 3, 2]
    for left, right in zip(none, none[1:], strict=False):
        assert left.end < right.start
    check_chunks(doc, one, 150)
    check_chunks(doc, none, 150)


def test_overlap_larger_than_a_chunk_still_advances() -> None:
    doc = numbered_doc(6)
    chunks = chunk_document(doc, chunk_size=120, overlap=50)
    check_chunks(doc, chunks, 120)
    assert len(chunks) == 5  # each chunk drops one sentence and adds the next one
    assert all(len(c.sentences) == 2 for c in chunks)


def test_overlap_shrinks_when_the_next_sentence_would_not_fit() -> None:
    long_sentence = "This sentence is long " + "and goes on " * 20 + "until it stops."
    doc = Document(doc_id="d", text=f"Short one. Short two. {long_sentence} Short three.")
    chunks = chunk_document(doc, chunk_size=40, overlap=1)
    check_chunks(doc, chunks, 40)
    assert [c.text for c in chunks] == ["Short one. Short two.", long_sentence, "Short three."]


def test_a_sentence_longer_than_the_chunk_size_is_its_own_chunk() -> None:
    doc = numbered_doc(3, width=300)
    chunks = chunk_document(doc, chunk_size=100, overlap=1)
    assert [len(c.text) for c in chunks] == [299, 299, 299]
    check_chunks(doc, chunks, 100)


def test_chunk_ids_are_deterministic_for_the_same_content() -> None:
    doc = Document(doc_id="x", text="One. Two. Three.", content_hash="0123456789abcdef")
    first = chunk_document(doc, chunk_size=5, overlap=0)
    second = chunk_document(doc.model_copy(), chunk_size=5, overlap=0)
    assert first == second
    # the one id format: the same as the index's row ids, with the document version in it
    assert [c.chunk_id for c in first] == ["x::0123456789ab::0", "x::0123456789ab::1", "x::0123456789ab::2"]


def test_empty_document_has_no_chunks() -> None:
    assert chunk_document(Document(doc_id="e", text="")) == []


@pytest.mark.parametrize(("chunk_size", "overlap", "fragment"), [
    (0, 1, "chunk_size"), (-5, 1, "chunk_size"), (2.5, 1, "chunk_size"), (True, 1, "chunk_size"),
    (400, -1, "chunk_overlap"), (400, 0.5, "chunk_overlap"),
])
def test_invalid_settings_raise_usage_error(chunk_size: object, overlap: object, fragment: str) -> None:
    with pytest.raises(UsageError, match=fragment):
        chunk_document(Document(doc_id="d", text="One. Two."), chunk_size=chunk_size, overlap=overlap)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------- properties

# Text built from pieces that exercise the splitter: words, abbreviations, terminal punctuation,
# quotes, brackets, line and paragraph breaks, odd whitespace.
PIECES = st.sampled_from([
    "word", "Word", "USA", "Mr.", "Dr.", "U.S.", "H.W.", "a.m.", "No.", "e.g.", "3.5", "42", ".", "!", "?",
    "...", "…", '"', "'", "“", "”", "(", ")", "[", "]", "。", ",", " ", "  ", "\n", "\n\n", "\n \n", "\t",
    "\u00a0", "\u2028", "é", "e\u0301", "Ω", "北京", "\u200b",
])
TEXTS = st.one_of(st.lists(PIECES, max_size=60).map("".join), st.text(max_size=200))


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_sentence_spans_cover_any_text_exactly(text: str) -> None:
    check_sentences(text, split_sentences(text))


@settings(max_examples=200, deadline=None)
@given(TEXTS, st.integers(min_value=1, max_value=120), st.integers(min_value=0, max_value=4),
       st.booleans())
def test_chunks_round_trip_for_any_text(text: str, chunk_size: int, overlap: int, normalise: bool) -> None:
    doc = Document(doc_id="p", text=normalize_text(text) if normalise else text)
    check_chunks(doc, chunk_document(doc, chunk_size=chunk_size, overlap=overlap), chunk_size)
