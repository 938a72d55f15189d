"""Articles from the web: `python -m qa.ingest https://...` and `python -m qa.ingest --feed URL`.

This module only fetches; reading pages and entries into Documents is qa.ingest.readers's job (`read_web_page`,
`read_html_fragment`), behind the same hostile-HTML defences as local files, with trafilatura for the main text.

Fetching is bounded: http and https only; every wait (connect, each read) and the whole download at most
`timeout` seconds; at most `MAX_REDIRECTS` redirects, each one checked like the first address; at most
`max_bytes` of (decompressed) body, refused from Content-Length before reading when the server declares more.
A page must be HTML (Content-Type text/html or application/xhtml+xml). Every failure is one line naming the URL;
nothing of a failed URL is written, the others still are, and the run exits non-zero.

Feeds (RSS 0.9x/1.0/2.0 and Atom, via feedparser): each entry becomes one document, read from the page its link
points at (or from the entry's own content when it has no link). Its id comes from the entry id (guid), else
its link. The entry's fingerprint (id, link, title, dates, summary, content) is stored with the document, so
re-running the feed fetches only new or changed entries; the index then writes only what changed (content hash).
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from qa.config import Settings
from qa.errors import InputFileError, NewsqaError
from qa.ingest.readers import read_html_fragment, read_web_page, sanitize_id
from qa.metadata import normalize_language
from qa.schema import Document, IngestReport

DEFAULT_TIMEOUT = 20.0
MAX_REDIRECTS = 5
USER_AGENT = "newsqa/0.1 (news article ingestion)"
HTML_TYPES = {"text/html", "application/xhtml+xml"}
_REDIRECTS = {301, 302, 303, 307, 308}
_CHUNK = 64 * 1024


class FetchError(NewsqaError):
    """A URL that could not be fetched or is not what was asked for; the message starts with the URL."""


@dataclass
class Fetched:
    url: str  # as asked for
    final_url: str  # after redirects
    content_type: str  # media type, lower case, without parameters ("" when not sent)
    charset: str | None
    language: str | None  # the Content-Language header
    data: bytes


def is_url(text: str) -> bool:
    """True for what the ingest CLI treats as an address rather than a file: SCHEME://..."""
    head = text.split("://", 1)[0]
    return "://" in text and head.isascii() and head.replace("+", "").replace("-", "").replace(".", "").isalnum()


def _check_url(url: str, original: str) -> None:
    parts = urlsplit(url)
    if parts.scheme.lower() not in {"http", "https"}:
        where = "" if url == original else f" (redirected to {url})"
        raise FetchError(f"{original}: only http and https addresses can be fetched{where}")
    if not parts.hostname:
        raise FetchError(f"{original}: not a valid address (no host name)")


def _human(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} KB" if n >= 1024 else f"{n} bytes"


def fetch(url: str, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int, max_redirects: int = MAX_REDIRECTS,
          accept: str = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5") -> Fetched:
    """GET `url` within the limits described in the module docstring; FetchError (one line, starting with the
    URL) for anything else: a timeout, an HTTP error status, too many redirects, a body over `max_bytes`."""
    import httpx

    _check_url(url, url)
    deadline = time.monotonic() + timeout
    current = url
    headers = {"User-Agent": USER_AGENT, "Accept": accept}
    try:
        with httpx.Client(timeout=httpx.Timeout(timeout), follow_redirects=False, headers=headers) as client:
            for _hop in range(max_redirects + 1):
                with client.stream("GET", current) as response:
                    if response.status_code in _REDIRECTS and response.headers.get("location"):
                        current = urljoin(current, response.headers["location"])
                        _check_url(current, url)
                        continue
                    if response.status_code != 200:
                        reason = response.reason_phrase or ""
                        raise FetchError(f"{url}: HTTP {response.status_code} {reason}".rstrip())
                    declared = response.headers.get("content-length", "")
                    if declared.isdigit() and int(declared) > max_bytes:
                        raise FetchError(f"{url}: the response is {_human(int(declared))}, over the "
                                         f"{_human(max_bytes)} limit (max_file_mb)")
                    body = bytearray()
                    for piece in response.iter_bytes(_CHUNK):
                        body.extend(piece)
                        if len(body) > max_bytes:
                            raise FetchError(f"{url}: the response is over the {_human(max_bytes)} limit "
                                             "(max_file_mb)")
                        if time.monotonic() > deadline:
                            raise FetchError(f"{url}: timed out after {timeout:g} s (download not finished)")
                    media, _, params = response.headers.get("content-type", "").partition(";")
                    charset = next((v.strip().strip("\"'") for k, _, v in
                                    (p.strip().partition("=") for p in params.split(";"))
                                    if k.strip().lower() == "charset" and v.strip()), None)
                    return Fetched(url=url, final_url=str(response.url), content_type=media.strip().lower(),
                                   charset=charset, language=response.headers.get("content-language"),
                                   data=bytes(body))
            raise FetchError(f"{url}: more than {max_redirects} redirects")
    except httpx.TimeoutException:
        raise FetchError(f"{url}: timed out after {timeout:g} s") from None
    except httpx.HTTPError as exc:  # connection refused, DNS failure, TLS errors, broken responses ...
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise FetchError(f"{url}: cannot fetch: {reason}") from None
    except (ValueError, UnicodeError) as exc:  # an address httpx cannot even parse
        raise FetchError(f"{url}: not a valid address ({exc})") from None


def _looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in head


def _clean_url(url: str) -> str:
    """An address without its fragment and tracking parameters (utm_*, fbclid, gclid): for ids."""
    parts = urlsplit(url.strip())
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not k.lower().startswith("utm_") and k.lower() not in {"fbclid", "gclid"}]
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path, urlencode(query), ""))


def web_doc_id(key: str, feed_url: str | None = None) -> str:
    """A readable, stable document id for an address ("example.com-news-flood") or a feed entry id (prefixed
    with the feed's host when it is not an address itself, so bare guids such as "123" of two feeds differ)."""
    if is_url(key):
        parts = urlsplit(_clean_url(key))
        raw = parts.netloc.removeprefix("www.") + parts.path + (f"?{parts.query}" if parts.query else "")
    else:
        host = urlsplit(feed_url or "").netloc.removeprefix("www.")
        raw = f"{host}-{key}" if host else key
    return sanitize_id(raw) or "web-" + hashlib.sha256(key.encode()).hexdigest()[:16]


def read_page(url: str, settings: Settings, *, timeout: float, doc_id: str | None = None,
              defaults: dict[str, Any] | None = None, entry_hash: str = "") -> Document:
    """Fetch one article page and read it into a Document (FetchError / InputFileError on failure)."""
    got = fetch(url, timeout=timeout, max_bytes=int(settings.max_file_mb * 1024 * 1024))
    if got.content_type not in HTML_TYPES and not (got.content_type in {"", "application/octet-stream"}
                                                   and _looks_like_html(got.data)):
        raise FetchError(f"{url}: not an HTML page (Content-Type: {got.content_type or 'none'})")
    return read_web_page(got.data, got.final_url, doc_id=doc_id or web_doc_id(url), charset=got.charset,
                         language=normalize_language(got.language) if got.language else None,
                         defaults=defaults, entry_hash=entry_hash)


# ---- feeds -------------------------------------------------------------------------------------------------
def _entry_fingerprint(entry: Any) -> str:
    contents = [c.get("value", "") for c in entry.get("content", []) if isinstance(c, dict)]
    # dict.get: FeedParserDict.get("updated") would fall back to "published" (with a deprecation warning)
    payload = {k: dict.get(entry, k) for k in ("id", "link", "title", "published", "updated", "summary", "author")}
    payload["content"] = contents
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()[:16]


def _entry_meta(entry: Any, feed: Any) -> dict[str, Any]:
    """What a feed entry says about its article: title, author, date, language, and the outlet as the feed
    names itself (used only where the page does not say)."""
    authors = [a.get("name") for a in entry.get("authors", []) if isinstance(a, dict) and a.get("name")]
    source = entry.get("source", {}).get("title") if isinstance(entry.get("source"), dict) else None
    return {"title": entry.get("title"), "author": authors or entry.get("author"),
            "published": dict.get(entry, "published") or dict.get(entry, "updated"),
            "source": source or feed.get("title"), "language": feed.get("language")}


def read_feed(feed_url: str, settings: Settings, *, timeout: float, known: dict[str, Any],
              report: IngestReport) -> list[Document]:
    """The documents of a feed's new or changed entries. `known` holds the committed documents ({doc_id:
    DocInfo}): an entry whose fingerprint is already committed is counted unchanged without fetching its page.
    Problems go to `report` (one line each, starting with the URL concerned)."""
    import feedparser

    got = fetch(feed_url, timeout=timeout, max_bytes=int(settings.max_file_mb * 1024 * 1024),
                accept="application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5")
    # sanitize_html=False: the entries' HTML goes through newsqa's own defences (qa.ingest.readers), which drop
    # hidden text that feedparser's sanitiser would make visible by removing its style.
    parsed = feedparser.parse(got.data, sanitize_html=False, response_headers={"content-location": got.final_url,
                                                          "content-type": got.content_type or "application/xml"})
    if not parsed.get("version") or (parsed.get("bozo") and not parsed.entries):
        problem = parsed.get("bozo_exception")
        detail = f": {' '.join(str(problem).split())}" if problem else ""
        raise FetchError(f"{feed_url}: not a valid RSS or Atom feed{detail}")
    docs: list[Document] = []
    seen: set[str] = set()
    for number, entry in enumerate(parsed.entries, start=1):
        link = entry.get("link") or ""
        key = entry.get("id") or link
        where = link or f"{feed_url} entry {number}"
        if not key:
            report.errors.append(f"{feed_url} entry {number}: no id and no link; skipped")
            report.failed += 1
            continue
        doc_id = web_doc_id(key, feed_url)
        if doc_id in seen:
            continue  # the same entry twice in one feed
        seen.add(doc_id)
        fingerprint = _entry_fingerprint(entry)
        info = known.get(doc_id)
        if info is not None and getattr(info, "entry_hash", "") == fingerprint:
            report.unchanged += 1
            report.doc_ids.append(doc_id)
            continue
        meta = _entry_meta(entry, parsed.feed)
        try:
            if link and is_url(link) and urlsplit(link).scheme.lower() in {"http", "https"}:
                docs.append(read_page(link, settings, timeout=timeout, doc_id=doc_id, defaults=meta,
                                      entry_hash=fingerprint))
            else:
                content = entry.get("content") or []
                html = (content[0].get("value") if content and isinstance(content[0], dict) else None) \
                    or entry.get("summary") or ""
                docs.append(read_html_fragment(html, where, doc_id=doc_id, meta=meta, entry_hash=fingerprint))
        except (FetchError, InputFileError) as exc:
            report.errors.append(str(exc))
            report.failed += 1
    return docs


def read_web(urls: list[str], feeds: list[str], settings: Settings, report: IngestReport, *,
             timeout: float = DEFAULT_TIMEOUT, known: dict[str, Any] | None = None,
             on_url: Callable[[str], None] | None = None) -> list[Document]:
    """Fetch and read article pages and feeds (nothing is written here); one error line per failed URL in
    `report`. Duplicate addresses are fetched once; a document id produced twice is reported."""
    docs: list[Document] = []
    for url in dict.fromkeys(urls):
        if on_url:
            on_url(url)
        try:
            docs.append(read_page(url, settings, timeout=timeout))
        except (FetchError, InputFileError) as exc:
            report.errors.append(str(exc))
            report.failed += 1
    for feed in dict.fromkeys(feeds):
        if on_url:
            on_url(feed)
        try:
            docs.extend(read_feed(feed, settings, timeout=timeout, known=known or {}, report=report))
        except (FetchError, InputFileError) as exc:
            report.errors.append(str(exc))
            report.failed += 1
    unique: dict[str, Document] = {}
    for doc in docs:
        if doc.doc_id in unique:
            report.errors.append(f"{doc.url or doc.doc_id}: document id '{doc.doc_id}' was already read from "
                                 f"{unique[doc.doc_id].url}; skipped")
            report.failed += 1
            continue
        unique[doc.doc_id] = doc
    return list(unique.values())
