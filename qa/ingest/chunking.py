"""Sentence splitting and sentence-aligned chunking, with exact character offsets into `Document.text`."""

from __future__ import annotations

import re

from qa.errors import UsageError
from qa.schema import Chunk, Document, chunk_id

# Hand-written rule-based splitter: nltk's punkt (behind llama-index's SentenceSplitter; its English
# data ships inside llama-index-core) splits "USS George H.W. | Bush" and "No. | 10", both in news copy.
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n")
_OPENERS = "\"'“‘«([{"
_CLOSERS = "\"'”’»)]}"
# Sentence-final punctuation, optionally followed by closing quotes/brackets. Latin-script marks need
# whitespace after them; CJK full stops do not. A run is only matched from its first mark and never
# backtracked (lookbehind + possessive quantifiers): otherwise a hostile file of 20,000 "!?" takes minutes.
_TERMINAL = re.compile(r"(?:(?<![.!?])[.!?]++|(?<!…)…++)[\"'”’»)\]}]*+(?=\s)|[。！？]+[」』”’)）]*")
_DOTTED = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")  # U.S, U.N, H.W, a.m, e.g (before the final ".")
# Lower-cased words that end in "." without ending the sentence (titles, months, company words...).
_ABBREVIATIONS = frozenset("""
    mr mrs ms messrs dr prof gen lt col sgt capt cmdr cpl pvt maj adm brig rep reps sen sens gov pres
    rev hon st mt ft jr sr inc corp co ltd bros dept univ ave blvd vs v al approx est fig
    jan feb mar apr jun jul aug sep sept oct nov dec ph.d
""".split())
# Abbreviations that are only abbreviations before a number ("No. 10", not "He said no. Then ...").
_NUMBER_ABBREVIATIONS = frozenset({"no", "nos", "vol", "art", "p", "pp", "ch"})


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _is_boundary(text: str, match: re.Match[str], block_start: int, block_end: int) -> bool:
    """Whether the sentence really ends after `match` (terminal punctuation followed by more text)."""
    after = match.end()
    while after < block_end and text[after].isspace():
        after += 1
    if after >= block_end:
        return False  # the paragraph ends here anyway
    following = text[after]
    if following.islower() or not (following.isalnum() or following in _OPENERS):
        return False
    mark = match.group()
    if mark[0] in "。！？" or mark != ".":
        return True  # "?", "!", "...", or a period followed by a closing quote/bracket
    word_start = match.start()
    while word_start > block_start and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start:match.start()].lstrip(_OPENERS)
    lowered = word.lower()
    if lowered in _ABBREVIATIONS or _DOTTED.fullmatch(word):
        return False
    if lowered in _NUMBER_ABBREVIATIONS and following.isdigit():
        return False
    if len(word) == 1 and word.isupper():  # an initial, as in "John F. Kennedy"
        return False
    return True


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans `(start, end)` into `text`, in order, without surrounding whitespace.

    Sentences end at `.`, `!`, `?` (and closing quotes/brackets after them) followed by whitespace and
    a capital letter, digit or opening quote, except after common abbreviations and initials; a
    paragraph break (blank line) always ends a sentence. Together the spans cover every
    non-whitespace character of `text`.
    """
    spans: list[tuple[int, int]] = []
    for block_start, block_end in _paragraphs(text):
        start = block_start
        for match in _TERMINAL.finditer(text, block_start, block_end):
            if _is_boundary(text, match, block_start, block_end):
                span = _trimmed(text, start, match.end())
                if span:
                    spans.append(span)
                start = match.end()
        span = _trimmed(text, start, block_end)
        if span:
            spans.append(span)
    return spans


def chunk_document(doc: Document, chunk_size: int = 400, overlap: int = 1) -> list[Chunk]:
    """Group consecutive sentences of `doc.text` into chunks of at most about `chunk_size` characters.

    A sentence is never split: one longer than `chunk_size` becomes a chunk of its own. Neighbouring
    chunks share up to `overlap` sentences (fewer when sharing them would push the next chunk over
    `chunk_size`), and every chunk adds at least one new sentence, so the loop always advances.
    `doc.text[chunk.start:chunk.end] == chunk.text` for every chunk.
    """
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, int) or chunk_size <= 0:
        raise UsageError(f"chunk_size must be a positive number of characters, got {chunk_size!r}")
    if isinstance(overlap, bool) or not isinstance(overlap, int) or overlap < 0:
        raise UsageError(f"chunk_overlap must be 0 or more sentences, got {overlap!r}")
    sentences = split_sentences(doc.text)
    chunks: list[Chunk] = []
    first = 0
    while first < len(sentences):
        start = sentences[first][0]
        last = first + 1  # exclusive; always at least one sentence
        while last < len(sentences) and sentences[last][1] - start <= chunk_size:
            last += 1
        end = sentences[last - 1][1]
        chunks.append(Chunk(chunk_id=chunk_id(doc.doc_id, doc.content_hash, len(chunks)), doc_id=doc.doc_id,
                            chunk_index=len(chunks), text=doc.text[start:end], start=start, end=end,
                            sentences=sentences[first:last]))
        if last == len(sentences):
            break
        # Earliest start that keeps at most `overlap` shared sentences and still fits sentence `last`.
        first = max(last - overlap, first + 1)
        while first < last and sentences[last][1] - sentences[first][0] > chunk_size:
            first += 1
    return chunks
