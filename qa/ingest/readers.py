"""Reading article files into normalised `Document`s (the canonical text every offset refers to).

Formats: `.txt`, `.md` (optional YAML front matter), `.html`/`.htm`, `.json` (an object or a list of
objects) and `.jsonl` (one object per line). See docs/corpus.md for the rules and the error messages.
"""

from __future__ import annotations

import codecs
import datetime
import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml
from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.dammit import EncodingDetector
from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction
from charset_normalizer import from_bytes
from markdown_it import MarkdownIt

from qa.config import SEEDS_DIR, Settings
from qa.errors import InputFileError
from qa.metadata import NO_DATE, PublishedDate, from_parts, normalize_language, parse_published
from qa.schema import Document
from qa.sources import UNKNOWN

SUPPORTED_SUFFIXES = {".txt", ".md", ".html", ".htm", ".json", ".jsonl"}
MAX_ID_CHARS = 128

_MIB = 1024 * 1024
DEFAULT_MAX_BYTES = int(Settings.max_file_mb * _MIB)


def max_bytes_for(max_file_mb: float) -> int:
    """The byte limit `read_path` expects for a `max_file_mb` setting (MB here means MiB)."""
    return int(max_file_mb * _MIB)


@dataclass
class ReadResult:
    """What one file yielded: its documents, plus one-line messages for items that were skipped."""

    documents: list[Document] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------------------------------
# Finding files


def _supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES


def _supported_list() -> str:
    return ", ".join(sorted(SUPPORTED_SUFFIXES))


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _shown(path: Path) -> str:
    """A path for messages: control characters in hostile file names (terminal escapes, newlines) as \\xNN."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", str(path))


def _is_within(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def collect_files(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """Expand files and folders into article files, in a deterministic order.

    Folders are walked recursively in sorted name order; hidden entries (".name") and unsupported
    suffixes are skipped; symlinks that lead outside the folder being walked are reported and skipped.
    A file named explicitly must have a supported suffix. Each path appears once (by real location).
    Returns (files, errors); errors are one-line messages that start with the path.
    """
    files: list[Path] = []
    errors: list[str] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        real = path.resolve()
        if real not in seen:
            seen.add(real)
            files.append(path)

    for raw in paths:
        path = Path(raw)
        if not path.exists():
            broken = " (broken symlink)" if path.is_symlink() else ""
            errors.append(f"{_shown(path)}: no such file or directory{broken}")
        elif path.is_dir():
            errors_before = len(errors)
            found = _walk(path, path.resolve(), add, errors, {path.resolve()})
            if not found and len(errors) == errors_before:
                errors.append(f"{_shown(path)}: no supported article files found ({_supported_list()})")
        elif not _supported(path):
            kind = f"'{path.suffix}'" if path.suffix else "without a suffix"
            errors.append(f"{_shown(path)}: unsupported file type {kind} (supported: {_supported_list()})")
        else:
            add(path)
    return files, errors


def _walk(folder: Path, root: Path, add: Callable[[Path], None], errors: list[str],
          visited: set[Path]) -> int:
    """Add the supported files under `folder` (sorted by name); returns how many were found."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        errors.append(f"{_shown(folder)}: cannot read folder: {_os_reason(exc)}")
        return 0
    found = 0
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = folder / entry.name
        if entry.is_symlink():
            if not path.exists():
                errors.append(f"{_shown(path)}: skipped: broken symlink")
                continue
            if not _is_within(path.resolve(), root):
                errors.append(f"{_shown(path)}: skipped: symlink points outside {_shown(root)}")
                continue
        if path.is_dir():
            real = path.resolve()
            if real not in visited:  # a symlink back up the tree would otherwise never end
                found += _walk(path, root, add, errors, visited | {real})
        elif path.is_file() and _supported(path):
            add(path)
            found += 1
    return found


# --------------------------------------------------------------------------------------------------
# Normalisation


_LINE_BREAKS = str.maketrans({"\r": "\n", "\x0b": "\n", "\x0c": "\n", "\x85": "\n", "\u2028": "\n",
                              "\u2029": "\n\n"})
# ZWNJ/ZWJ carry meaning in Persian, Indic scripts and emoji sequences, so they stay.
_KEEP_FORMAT = {"\u200c", "\u200d"}
_SPACES = re.compile(r" {2,}")
_ASCII_JUNK = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_BLANK_RUNS = re.compile(r"\n{3,}")


def _clean_char(ch: str) -> str:
    if ch == "\n":
        return ch
    if ch == "\t":
        return " "
    category = unicodedata.category(ch)
    if category == "Zs":
        return " "
    if category in {"Cc", "Cs"} or (category == "Cf" and ch not in _KEEP_FORMAT):
        return ""
    return ch


def normalize_text(text: str) -> str:
    """Canonical form of article text; every character offset in newsqa is into this string.

    Line endings to "\\n"; control and zero-width characters removed; NFC; any run of horizontal
    whitespace becomes one space; lines stripped; paragraphs separated by exactly one blank line;
    the whole text stripped. Idempotent.
    """
    text = text.replace("\r\n", "\n").translate(_LINE_BREAKS)
    if text.isascii():  # the common case, without a Python-level loop over every character
        text = _ASCII_JUNK.sub("", text).replace("\t", " ")
    else:
        text = unicodedata.normalize("NFC", "".join(map(_clean_char, text)))
    lines = (_SPACES.sub(" ", line).strip(" ") for line in text.split("\n"))
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()


def _normalize_meta(value: Any) -> str | None:
    """A metadata value as one clean line, or None when absent/empty/not a scalar (or list of scalars)."""
    if value is None or isinstance(value, dict):
        return None
    if isinstance(value, list):
        items = [_normalize_meta(v) for v in value if not isinstance(v, (list, dict))]
        value = ", ".join(v for v in items if v)
    text = " ".join(normalize_text(str(value)).split())
    return text or None


# --------------------------------------------------------------------------------------------------
# Ids and hashes


_ID_BAD = re.compile(r"[^A-Za-z0-9._-]+")


def sanitize_id(raw: str) -> str:
    """Keep [A-Za-z0-9._-] (accents dropped, other runs become "-"), at most 128 characters; "" if none left.

    Over-long ids keep a prefix plus a short hash of the whole, so distinct long ids stay distinct.
    """
    ascii_ish = "".join(ch for ch in unicodedata.normalize("NFKD", raw) if not unicodedata.combining(ch))
    cleaned = _ID_BAD.sub("-", ascii_ish.strip()).strip("-.")
    if len(cleaned) > MAX_ID_CHARS:
        digest = hashlib.sha256(cleaned.encode()).hexdigest()[:8]
        cleaned = cleaned[: MAX_ID_CHARS - 9].rstrip("-.") + "-" + digest
    return cleaned


def content_hash(text: str, title: str, source: str, published: str, url: str | None, *, author: str = UNKNOWN,
                 language: str = UNKNOWN, entry_hash: str = "") -> str:
    """sha256 over the canonical text and the metadata, so an edited title (or author, date...) counts as an update
    too. Author, language and feed-entry fingerprint enter only when known, so documents without them keep the
    hash they had before these fields existed (re-ingesting them stays free)."""
    fields: dict[str, Any] = {"text": text, "title": title, "source": source, "published": published, "url": url}
    extra = {"author": author, "language": language, "entry_hash": entry_hash}
    fields.update({k: v for k, v in extra.items() if v and v != UNKNOWN})
    payload = json.dumps(fields, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


_FOREIGN_SCHEME = re.compile(r"(?!https?:)[a-z][a-z0-9+.\-]*:(?!\d)", re.I)  # a scheme other than http(s)


# Metadata field names read from front matter, JSON objects and feeds, first present wins.
SOURCE_FIELDS = ("source", "outlet", "publisher", "site_name")
AUTHOR_FIELDS = ("author", "authors", "byline")
PUBLISHED_FIELDS = ("published", "date", "published_at", "pubdate", "pubDate")
LANGUAGE_FIELDS = ("language", "lang")
URL_FIELDS = ("url", "link")


def _first(meta: dict[str, Any], names: tuple[str, ...]) -> Any:
    for name in names:
        value = meta.get(name)
        if value is not None and value != "" and value != []:
            return value
    return None


_BY = re.compile(r"^\s*by\s+", re.I)


def person_names(value: Any) -> str | None:
    """Author metadata as "Name, Name": strings, lists, or objects with a `name` (JSON-LD); a leading "By " is
    dropped; profile URLs (article:author often holds one) are not names."""
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items[:20]:
        if isinstance(item, dict):
            item = item.get("name")
        if isinstance(item, list):
            item = person_names(item)
        name = _normalize_meta(item) if isinstance(item, (str, int, float)) else None
        if not name or re.match(r"(?:https?:)?//|www\.", name, re.I):
            continue
        name = _BY.sub("", name).strip()
        if name and name.lower() != UNKNOWN and name not in names:
            names.append(name)
    return ", ".join(names) or None


def _make_document(text: str, meta: dict[str, Any], fallback_id: str, path: Path | None,
                   default_title: str = UNKNOWN, entry_hash: str = "") -> Document:
    explicit = _normalize_meta(meta.get("id"))
    doc_id = (sanitize_id(explicit) if explicit else "") or sanitize_id(fallback_id) or "doc"
    title = _normalize_meta(meta.get("title")) or default_title
    source = _normalize_meta(_first(meta, SOURCE_FIELDS)) or UNKNOWN
    author = person_names(_first(meta, AUTHOR_FIELDS)) or UNKNOWN
    date = meta.get("_published_date")  # an HTML page's date already read at its precision
    if not isinstance(date, PublishedDate) or not date.known:
        date = parse_published(_first(meta, PUBLISHED_FIELDS))
    published = date.iso
    language = normalize_language(_normalize_meta(_first(meta, LANGUAGE_FIELDS)))
    url = _normalize_meta(_first(meta, URL_FIELDS))
    if url is not None and (url.lower() in {"null", "none", UNKNOWN} or _FOREIGN_SCHEME.match(url)):
        url = None  # javascript:, data:, file: ... are not article addresses (and are dangerous as links)
    return Document(doc_id=doc_id, text=text, title=title, source=source, published=published, url=url,
                    path=str(path.absolute()) if path is not None else None, author=author, language=language,
                    published_int=date.as_int, entry_hash=entry_hash,
                    content_hash=content_hash(text, title, source, published, url, author=author,
                                              language=language, entry_hash=entry_hash))


# --------------------------------------------------------------------------------------------------
# Bytes to text


_SNIFF = 8192
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Browsers read these declared labels as windows-1252 (WHATWG Encoding Standard); so do we.
_WHATWG_ALIASES = {"iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
                   "ascii": "cp1252", "us-ascii": "cp1252", "l1": "cp1252"}
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"
_MAX_CHAOS = 0.1  # charset_normalizer "mess" ratio above which a guess is not trusted


def _looks_binary(data: bytes) -> bool:
    sample = data[:_SNIFF]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b in _CONTROL_BYTES)
    return controls > 0.05 * len(sample)


def _decode_as(data: bytes, encoding: str) -> str | None:
    try:
        codecs.lookup(encoding)
        return data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return None


def _decode(data: bytes, name: str, suffix: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _decode_as(data[len(bom):], encoding)
            if text is None:
                raise InputFileError(f"{name}: starts with a {encoding} byte-order mark but is not valid "
                                     f"{encoding}")
            return text
    if _looks_binary(data):
        raise InputFileError(f"{name}: looks like a binary file, not text")
    text = _decode_as(data, "utf-8")
    if text is not None:
        return text
    declared = EncodingDetector.find_declared_encoding(data[:_SNIFF * 4], is_html=suffix in {".html", ".htm"},
                                                       search_entire_document=False)
    if declared:
        label = declared.strip().lower()
        for encoding in (_WHATWG_ALIASES.get(label, label), label):
            text = _decode_as(data, encoding)
            if text is not None:
                return text
    text = _guess(data)
    if text is not None:
        return text
    raise InputFileError(f"{name}: not valid UTF-8 and the encoding could not be determined")


def _guess(data: bytes) -> str | None:
    """charset_normalizer's reading of `data`, only when it is not a toss-up between different texts.

    A tie that includes Windows-1252 goes to Windows-1252 (Western European), as browsers do.
    """
    results = list(from_bytes(data))
    if not results:
        return None
    least = min(m.chaos for m in results)
    if least > _MAX_CHAOS:
        return None
    tied = [m for m in results if m.chaos <= least + 0.01]
    readings = {str(m) for m in tied}
    if len(readings) > 1:
        coherence = max(m.coherence for m in tied)
        western = [m for m in tied if "cp1252" in m.could_be_from_charset and m.coherence >= coherence]
        if not western:
            return None
        tied = western[:1]
    text = _decode_as(data, "cp1252") if len(readings) > 1 else str(tied[0])
    return None if text is None or _mostly_unprintable(text) else text


def _mostly_unprintable(text: str) -> bool:
    bad = sum(1 for ch in text if unicodedata.category(ch) in {"Cc", "Co", "Cn"} and ch not in "\t\n\r\f")
    return bad > 0.05 * max(len(text), 1)


def _read_bytes(path: Path, name: str, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputFileError(f"{name}: cannot be read: {_os_reason(exc)}") from None
    if size > max_bytes:
        raise InputFileError(_too_big(name, size, max_bytes))
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)  # a file that grew since stat(), or a device, stays bounded
    except OSError as exc:
        raise InputFileError(f"{name}: cannot be read: {_os_reason(exc)}") from None
    if len(data) > max_bytes:
        raise InputFileError(_too_big(name, len(data), max_bytes))
    return data


def _too_big(name: str, size: int, max_bytes: int) -> str:
    return f"{name}: file is {_human_size(size)}, over the {_human_size(max_bytes)} limit (max_file_mb)"


def _human_size(n: float) -> str:
    for unit, scale in (("MB", _MIB), ("KB", 1024)):
        if n >= scale:
            return f"{n / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{int(n)} bytes"


def _os_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "it is a folder, not a file"
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    return (exc.strerror or type(exc).__name__).lower()


# --------------------------------------------------------------------------------------------------
# Formats


def read_path(path: Path, *, max_bytes: int) -> ReadResult:
    """Read one article file into documents.

    Raises InputFileError (message starts with the file name) when the whole file is unusable: missing,
    unreadable, over `max_bytes`, empty, binary, undecodable, malformed JSON or front matter, no text,
    or a JSON/JSONL file none of whose items is usable. Problems with single JSON/JSONL items are
    returned in `ReadResult.errors` and the good items are kept.
    """
    path = Path(path)
    name = _shown(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise InputFileError(f"{name}: unsupported file type '{suffix}' (supported: {_supported_list()})")
    if not path.exists():
        raise InputFileError(f"{name}: no such file or directory")
    if not path.is_file():  # a FIFO or device named like an article would block or never end
        kind = "a folder, not a file" if path.is_dir() else "not a regular file"
        raise InputFileError(f"{name}: cannot be read: it is {kind}")
    data = _read_bytes(path, name, max_bytes)
    if not data.strip():
        raise InputFileError(f"{name}: file is empty")
    raw = _decode(data, name, suffix).lstrip("\ufeff")
    if not raw.strip():
        raise InputFileError(f"{name}: file is empty (whitespace only)")

    stem = path.stem
    if suffix in {".json", ".jsonl"}:
        return _read_json_items(raw, path, name, lines=suffix == ".jsonl")
    if suffix in {".html", ".htm"}:
        text, meta = _html_to_text(raw)
    elif suffix == ".md":
        text, meta = _markdown_to_text(raw, name)
    else:
        text, meta = _plain_text(raw, name)
    if not text:
        raise InputFileError(f"{name}: no article text found")
    # An unstated title stays unknown: a file name is not a headline (and must never be shown as a source's name).
    return ReadResult(documents=[_make_document(text, meta, stem, path)])


# Hand-written because it is a few lines; the YAML itself is parsed by PyYAML.
_FRONT_MATTER_OPEN = re.compile(r"\A---[ \t]*\n")
_FRONT_MATTER_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


class _StringDatesLoader(yaml.SafeLoader):
    """SafeLoader that leaves dates and times as the strings written (`published` is kept as given)."""


_StringDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _split_front_matter(raw: str, name: str) -> tuple[dict[str, Any], str]:
    opening = _FRONT_MATTER_OPEN.match(raw)
    if not opening:
        return {}, raw
    closing = _FRONT_MATTER_CLOSE.search(raw, opening.end())
    if not closing:
        raise InputFileError(f"{name}: front matter opened with '---' on line 1 is never closed")
    try:
        meta = yaml.load(raw[opening.end():closing.start()], Loader=_StringDatesLoader)  # noqa: S506
    except yaml.YAMLError as exc:
        reason = " ".join(str(exc).split())
        raise InputFileError(f"{name}: invalid YAML front matter: {reason}") from None
    except RecursionError:  # PyYAML's composer recurses once per nesting level
        raise InputFileError(f"{name}: front matter is {_TOO_DEEP}") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise InputFileError(f"{name}: front matter must be a mapping of fields (title: ..., source: ...)")
    return {str(k): v for k, v in meta.items()}, raw[closing.end():]


_SENTENCE_END = re.compile(r"[.!?…:;\"'”’)\]]$")
_MAX_CAPTION_WORDS = 40


def _plain_text(raw: str, name: str) -> tuple[str, dict[str, Any]]:
    """A `.txt` article: optional YAML front matter, one paragraph per line when the text has no blank lines
    (the usual layout of copied news text), and a leading photo caption or kicker kept out of the body."""
    meta, body = _split_front_matter(raw.replace("\r\n", "\n").replace("\r", "\n"), name)
    text = normalize_text(body)
    if "\n\n" not in text:
        text = text.replace("\n", "\n\n")
    caption, text = split_leading_caption(text)
    if caption:
        meta.setdefault("caption", caption)
    return text, meta


def split_leading_caption(text: str) -> tuple[str, str]:
    """(caption, body): short paragraphs before the first sentence-like paragraph that end without sentence
    punctuation ("baghdad police" / "Iraqi policemen climb onto a roof ... AFP") are a photo caption or
    kicker, not reported text; they are kept out of the answerable body. A text made only of such lines is
    left whole."""
    paragraphs = text.split("\n\n")
    lead = 0
    for paragraph in paragraphs:
        lines = paragraph.split("\n")
        if any(_SENTENCE_END.search(line) or len(line.split()) > _MAX_CAPTION_WORDS for line in lines):
            break
        lead += 1
    if lead == 0 or lead == len(paragraphs):
        return "", text
    return " / ".join(" ".join(paragraphs[:lead]).split("\n")), "\n\n".join(paragraphs[lead:])


_MARKDOWN = MarkdownIt("commonmark")


def _markdown_to_text(raw: str, name: str) -> tuple[str, dict[str, Any]]:
    meta, body = _split_front_matter(raw.replace("\r\n", "\n").replace("\r", "\n"), name)
    # Rendered to HTML and read back, so emphasis, link syntax and heading marks don't end up in quotes.
    text, html_meta = _html_to_text(_MARKDOWN.render(body), markdown=True)
    if not meta.get("title") and html_meta.get("title"):
        meta["title"] = html_meta["title"]
    return text, meta


_DROP_TAGS = ["script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg",
              "template", "button", "select"]
_BLOCK_TAGS = {"address", "article", "blockquote", "caption", "dd", "details", "dialog", "div", "dl", "dt",
               "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "main",
               "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "ul"}
_CELL_TAGS = {"td", "th"}
_SKIP_STRINGS = (Comment, Declaration, Doctype, ProcessingInstruction)
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")
_INVISIBLE_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?![.\d])", re.I)


def _meta_content(metas: list[Tag], *keys: str) -> str | None:
    # Over the page's <meta> tags found once: a soup.find per key walks the whole tree each time (slow on huge pages).
    for key in keys:
        key = key.lower()
        for attr in ("property", "name", "itemprop", "http-equiv"):
            tag = next((m for m in metas if str(m.get(attr) or "").strip().lower() == key), None)
            if tag is not None and str(tag.get("content") or "").strip():
                return str(tag.get("content"))
    return None


# <meta> names, most specific first. The outlet, the author and the date are separate facts: a byline is never
# recorded as the outlet.
_SITE_KEYS = ("og:site_name", "application-name", "dc.publisher", "publisher")
_AUTHOR_KEYS = ("author", "article:author", "byl", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator",
                "citation_author")
_DATE_KEYS = ("article:published_time", "og:published_time", "datePublished", "date", "pubdate", "publishdate",
              "publish-date", "publish_date", "dc.date", "dc.date.issued", "dcterms.issued", "dcterms.created",
              "sailthru.date", "parsely-pub-date", "citation_publication_date")
_LANGUAGE_KEYS = ("og:locale", "content-language", "dc.language", "language")
_ARTICLE_TYPES = re.compile(r"(?:\w*Article|BlogPosting|Report|LiveBlogPosting)", re.I)
_MAX_JSON_LD_CHARS = 200_000


def _json_ld_article(soup: BeautifulSoup) -> dict[str, Any]:
    """The first schema.org article object in the page's JSON-LD blocks (also inside lists and @graph), or {}."""
    for script in soup.find_all("script", type=re.compile(r"^\s*application/ld\+json", re.I))[:20]:
        raw = script.string or script.get_text()
        if not raw or len(raw) > _MAX_JSON_LD_CHARS:
            continue
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            continue
        todo = [data]
        for _ in range(200):  # bounded walk: a hostile page cannot make this loop long
            if not todo:
                break
            item = todo.pop(0)
            if isinstance(item, list):
                todo.extend(item[:50])
            elif isinstance(item, dict):
                kinds = item.get("@type")
                kinds = kinds if isinstance(kinds, list) else [kinds]
                if any(isinstance(k, str) and _ARTICLE_TYPES.fullmatch(k) for k in kinds):
                    return item
                if isinstance(item.get("@graph"), list):
                    todo.extend(item["@graph"][:50])
    return {}


def _ld_name(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    return value if isinstance(value, str) and value.strip() else None


def _html_date(raw: str, url: str | None) -> PublishedDate:
    """htmldate's reading of the page's publication date (without guessing from the running text). htmldate
    always answers with a day: a month-only date gets the first of the month or today's day of the month (its date
    parser's default: "2014-06" became 2014-06-02 on the 2nd), so a day the page does not state as such is kept at
    month precision: a day is never invented."""
    try:
        from htmldate import find_date

        found = find_date(raw, extensive_search=False, original_date=True, url=url, outputformat="%Y-%m-%d")
    except Exception:  # htmldate/lxml raise assorted errors on hostile markup; no date is the answer then
        return NO_DATE
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", found or "")
    if not match:
        return NO_DATE
    year, month, day = (int(g) for g in match.groups())
    today = datetime.date.today()
    filled = {1, today.day, (today - datetime.timedelta(days=1)).day}  # around midnight htmldate's today may differ
    stated = any(f"{year:04d}{sep}{month:02d}{sep}{day:02d}" in raw for sep in "-/.")
    return from_parts(year, month) if day in filled and not stated else from_parts(year, month, day)


def _page_meta(soup: BeautifulSoup, raw: str, url: str | None = None) -> dict[str, Any]:
    """Outlet, author, publication date, URL, language and headline from an HTML page's <meta> tags, JSON-LD,
    <time> elements and <html lang> (htmldate as the last resort for the date)."""
    metas = [m for m in soup.find_all("meta") if isinstance(m, Tag)]
    ld = _json_ld_article(soup)
    meta: dict[str, Any] = {}
    meta["headline"] = _meta_content(metas, "og:title") or (ld.get("headline") if isinstance(ld.get("headline"), str)
                                                             else None)
    meta["source"] = _meta_content(metas, *_SITE_KEYS) or _ld_name(ld.get("publisher"))
    meta["author"] = person_names(ld.get("author")) or person_names(
        [str(m.get("content")) for key in _AUTHOR_KEYS for m in metas
         if str(m.get("name") or m.get("property") or "").strip().lower() == key and m.get("content")])
    date = parse_published(_meta_content(metas, *_DATE_KEYS))
    if not date.known:
        date = parse_published(ld.get("datePublished"))
    if not date.known:
        time_tag = soup.find("time", attrs={"itemprop": "datePublished"}) or soup.find("time", attrs={"pubdate": True})
        if isinstance(time_tag, Tag):
            date = parse_published(time_tag.get("datetime") or time_tag.get_text(" ", strip=True))
    if not date.known:
        date = _html_date(raw, url)
    meta["_published_date"] = date
    canonical = soup.find("link", rel="canonical")
    meta["url"] = _meta_content(metas, "og:url") or (
        str(canonical.get("href")) if isinstance(canonical, Tag) and canonical.get("href") else None)
    html_tag = soup.find("html")
    lang = html_tag.get("lang") if isinstance(html_tag, Tag) else None
    meta["language"] = next((v for v in (lang, _meta_content(metas, *_LANGUAGE_KEYS), _ld_name(ld.get("inLanguage")))
                             if normalize_language(v) != UNKNOWN), None)
    return meta


def _sanitize(soup: BeautifulSoup) -> None:
    """The hostile-HTML defences: drop scripts, styles, navigation and forms, and every element a browser would
    not show (`hidden`, display:none, visibility:hidden, font-size:0, aria-hidden), a classic hiding place for
    instructions aimed at AI readers."""
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(attrs={"hidden": True}):
        tag.decompose()
    for tag in soup.find_all(style=_INVISIBLE_STYLE) + soup.find_all(attrs={"aria-hidden": "true"}):
        tag.decompose()


def _soup_text(soup: BeautifulSoup) -> str:
    articles = soup.find_all("article")
    root = articles[0] if len(articles) == 1 else (soup.find("main") or soup.find("body") or soup)
    parts: list[str] = []
    _collect_text(root, parts, preformatted=False)
    return normalize_text("".join(parts))


def _html_to_text(raw: str, *, markdown: bool = False, url: str | None = None,
                  main_text: bool = False) -> tuple[str, dict[str, Any]]:
    """(text, metadata) of an HTML page (or of rendered Markdown: then no page metadata). `main_text`: the
    article body as trafilatura extracts it from the page once the hostile-HTML defences have run (web pages,
    where menus, teasers and comments surround the article); falls back to the whole visible text."""
    soup = BeautifulSoup(raw, "html.parser")
    meta: dict[str, Any] = {}
    title_tag = soup.find("title")
    h1 = soup.find("h1")
    for candidate in (title_tag, h1):
        if isinstance(candidate, Tag) and candidate.get_text(strip=True):
            meta["title"] = candidate.get_text(" ", strip=True)
            break
    if not markdown:
        page = _page_meta(soup, raw, url)
        headline = _normalize_meta(page.pop("headline"))
        if headline:  # og:title / JSON-LD headline: the article's headline, without the " | Site" of <title>
            meta["title"] = headline
        meta.update(page)
    _sanitize(soup)
    text = _main_text(str(soup), url) if main_text else ""
    return text or _soup_text(soup), meta


def _main_text(html: str, url: str | None) -> str:
    """trafilatura's main-content extraction of (already sanitised) HTML, laid out like any other page's text;
    "" when it finds no article body."""
    try:
        import trafilatura

        extracted = trafilatura.extract(html, url=url, output_format="html", include_comments=False,
                                        include_tables=True, include_images=False, include_links=False,
                                        favor_precision=True, with_metadata=False, deduplicate=False)
    except Exception:  # trafilatura/lxml on hostile markup: fall back to the defended full-page text
        return ""
    return _soup_text(BeautifulSoup(extracted, "html.parser")) if extracted else ""


def _collect_text(node: Tag | BeautifulSoup, parts: list[str], *, preformatted: bool) -> None:
    """Text of `node` as a browser would lay it out: block elements become paragraphs, <br> a line break.

    Iterative (an explicit stack), so a hostile page nested 100,000 elements deep cannot hit the recursion limit.
    """
    stack: list[tuple[Iterator[Any], bool, str]] = [(iter(node.children), preformatted, "")]
    while stack:
        children, pre, closing = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            parts.append(closing)
            continue
        if isinstance(child, _SKIP_STRINGS):
            continue
        if isinstance(child, NavigableString):
            parts.append(str(child) if pre else _HTML_SPACE.sub(" ", str(child)))
            continue
        if not isinstance(child, Tag) or child.name in {"title", "head"}:
            continue
        if child.name == "br":
            parts.append("\n")
            continue
        separator = "\n\n" if child.name in _BLOCK_TAGS else (" " if child.name in _CELL_TAGS else "")
        parts.append(separator)
        stack.append((iter(child.children), pre or child.name == "pre", separator))


# json and PyYAML parse recursively; nesting beyond the recursion limit is refused with this message.
_TOO_DEEP = "nested too deeply (more levels than can be read safely)"


def _read_json_items(raw: str, path: Path, name: str, *, lines: bool) -> ReadResult:
    """`.json` (object or list of objects) or `.jsonl` (one object per line), each needing a `text`."""
    items: list[tuple[str, str, Any]] = []  # (label for messages, number for the derived id, value)
    result = ReadResult()
    single = False
    if lines:
        for number, line in enumerate(raw.split("\n"), start=1):
            if not line.strip():
                continue
            try:
                items.append((f"line {number}", str(number), json.loads(line)))
            except json.JSONDecodeError as exc:
                result.errors.append(f"{name} line {number}: invalid JSON: {exc.msg} (column {exc.colno})")
            except RecursionError:
                result.errors.append(f"{name} line {number}: JSON is {_TOO_DEEP}")
    else:
        try:
            value = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise InputFileError(f"{name}: invalid JSON: {exc.msg} (line {exc.lineno} column {exc.colno})"
                                 ) from None
        except RecursionError:
            raise InputFileError(f"{name}: JSON is {_TOO_DEEP}") from None
        if isinstance(value, dict):
            items.append(("", "", value))
            single = True
        elif isinstance(value, list):
            if not value:
                raise InputFileError(f"{name}: the JSON list is empty (expected article objects)")
            items.extend((f"item {i}", str(i), v) for i, v in enumerate(value, start=1))
        else:
            raise InputFileError(f"{name}: expected a JSON object or a list of objects, got "
                                 f"{type(value).__name__}")

    first_seen: dict[str, str] = {}
    for label, number, value in items:
        where = f"{name} {label}".rstrip()
        if not isinstance(value, dict):
            result.errors.append(f"{where}: expected a JSON object, got {_json_type(value)}")
            continue
        text_value = value.get("text")
        if not isinstance(text_value, str) or not text_value.strip():
            result.errors.append(f"{where}: missing 'text' (a non-empty string)")
            continue
        text = normalize_text(text_value)
        if not text:
            result.errors.append(f"{where}: 'text' has no visible characters")
            continue
        fallback = f"{path.stem}-{number}" if number else path.stem
        doc = _make_document(text, value, fallback, path)
        if doc.doc_id in first_seen:
            result.errors.append(f"{where}: duplicate id '{doc.doc_id}' (first used at "
                                 f"{first_seen[doc.doc_id]}); skipped")
            continue
        first_seen[doc.doc_id] = label or "the top level"
        result.documents.append(doc)
    if not result.documents and single:
        raise InputFileError(result.errors[0])
    if not result.documents:
        kind = "lines" if lines else "items"
        detail = "; ".join(_strip_prefix(e, name) for e in result.errors[:3])
        more = f" (+{len(result.errors) - 3} more)" if len(result.errors) > 3 else ""
        raise InputFileError(f"{name}: no usable articles in {len(result.errors)} {kind}: {detail}{more}")
    return result


def _strip_prefix(message: str, name: str) -> str:
    return message.removeprefix(name).lstrip(" :")


def _json_type(value: Any) -> str:
    return {list: "a list", str: "a string", bool: "a boolean", type(None): "null"}.get(
        type(value), "a number" if isinstance(value, (int, float)) else type(value).__name__)


# --------------------------------------------------------------------------------------------------
# Web pages and feed entries (fetched by qa.ingest.web; read here like any other article)

_META_DEFAULTS = ("title", "source", "author", "published", "language")


def _url_host(url: str | None) -> str:
    host = (urlsplit(url or "").hostname or "").lower()
    return host.removeprefix("www.")


def read_web_page(data: bytes, url: str, *, doc_id: str, charset: str | None = None, language: str | None = None,
                  defaults: dict[str, Any] | None = None, entry_hash: str = "") -> Document:
    """A fetched HTML page as a Document. The hostile-HTML defences run first, then trafilatura extracts the
    article body; metadata comes from the page (<meta>, JSON-LD, <html lang>), then the HTTP Content-Language
    header (`language`), then `defaults` (a feed entry's title, outlet, author, date). The recorded URL is the
    page's canonical URL when it is on the same site, else the address it was fetched from.
    Raises InputFileError (message starts with the URL) for an empty, undecodable or textless page."""
    name = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", url)
    if not data.strip():
        raise InputFileError(f"{name}: the page is empty")
    raw = None
    if charset and not any(data.startswith(bom) for bom, _ in _BOMS):
        label = charset.strip().strip("\"'").lower()
        raw = _decode_as(data, _WHATWG_ALIASES.get(label, label))
    if raw is None:
        raw = _decode(data, name, ".html")
    text, meta = _html_to_text(raw.lstrip("\ufeff"), url=url, main_text=True)
    if not text:
        raise InputFileError(f"{name}: no article text found")
    if not meta.get("language") and language:
        meta["language"] = language
    for key, value in (defaults or {}).items():
        if key in _META_DEFAULTS and not meta.get(key) and value:
            meta[key] = value
    page_date, stated = meta.get("_published_date", NO_DATE), parse_published((defaults or {}).get("published"))
    if stated.known and (not page_date.known or (page_date.first_day <= stated.first_day <= stated.last_day
                                                 <= page_date.last_day)):
        meta["_published_date"] = stated  # the feed's date, when the page has none or a vaguer one ("2014-06")
    stated = _normalize_meta(meta.get("url"))
    meta["url"] = stated if stated and stated.lower().startswith(("http://", "https://")) and \
        _url_host(stated) == _url_host(url) else url
    return _make_document(text, meta, doc_id, None, entry_hash=entry_hash)


def read_html_fragment(html: str, name: str, *, doc_id: str, meta: dict[str, Any], entry_hash: str = "") -> Document:
    """A feed entry's own HTML content (no page to fetch) as a Document with the entry's metadata `meta`; the
    same hostile-HTML defences apply. InputFileError when no text is left."""
    text, _ = _html_to_text(html, markdown=True)  # markdown=True: a fragment has no page metadata of its own
    if not text:
        raise InputFileError(f"{name}: no article text found")
    return _make_document(text, meta, doc_id, None, entry_hash=entry_hash)


# --------------------------------------------------------------------------------------------------
# Seeds


def read_all(paths: Iterable[Path], *, max_bytes: int = DEFAULT_MAX_BYTES) -> ReadResult:
    """Collect and read every article under `paths`; file-level failures become messages in `errors`."""
    files, errors = collect_files(list(paths))
    result = ReadResult(errors=list(errors))
    for path in files:
        try:
            one = read_path(path, max_bytes=max_bytes)
        except InputFileError as exc:
            result.errors.append(str(exc))
            continue
        result.documents.extend(one.documents)
        result.errors.extend(one.errors)
    return result


def load_seed_documents() -> list[Document]:
    """The bundled seed articles (`seeds/`); raises InputFileError if any of them cannot be read."""
    result = read_all([SEEDS_DIR])
    if result.errors:
        raise InputFileError("seed articles are broken: " + "; ".join(result.errors))
    return result.documents
