"""Articles from the web (qa/ingest/web.py), offline: a loopback HTTP server started by each test (127.0.0.1, port 0)
serves the hand-written test fixtures in tests/fixtures/web/ and broken responses. No other address is contacted."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from qa.cli.ingest import main as ingest_main
from qa.config import load_settings
from qa.errors import InputFileError
from qa.index.store import open_index
from qa.ingest.web import FetchError, fetch, is_url, read_web, web_doc_id
from qa.schema import IngestReport

FIXTURES = Path(__file__).parent / "fixtures" / "web"
HTML = "text/html; charset=utf-8"
Route = Callable[[BaseHTTPRequestHandler], None]


class Site:
    """The loopback test server: `routes[path]` is (status, headers, body) or a function writing the response."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, dict[str, str], bytes] | Route] = {}
        self.hits: Counter[str] = Counter()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                site.hits[self.path] += 1
                route = site.routes.get(self.path)
                if route is None:
                    route = (404, {"Content-Type": HTML}, b"<html><body>not found</body></html>")
                if callable(route):
                    route(self)
                    return
                status, headers, body = route
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                if "Content-Length" not in headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:  # keep the test output clean
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def fixture(self, path: str, name: str, content_type: str = HTML) -> str:
        body = (FIXTURES / name).read_text(encoding="utf-8").replace("{{BASE}}", self.base).encode("utf-8")
        self.routes[path] = (200, {"Content-Type": content_type}, body)
        return self.base + path

    def url(self, path: str) -> str:
        return self.base + path


@pytest.fixture
def site():
    s = Site()
    s.thread.start()
    yield s
    s.server.shutdown()
    s.server.server_close()


def _slow(seconds: float) -> Route:
    def respond(handler: BaseHTTPRequestHandler) -> None:
        time.sleep(seconds)
        try:
            handler.send_response(200)
            handler.send_header("Content-Type", HTML)
            handler.end_headers()
            handler.wfile.write(b"<html><body><p>Too late.</p></body></html>")
        except OSError:  # the client gave up already
            pass
    return respond


def _drip(handler: BaseHTTPRequestHandler) -> None:
    """A byte every 0.1 s for 3 s: no single wait is long, the whole download is."""
    try:
        handler.send_response(200)
        handler.send_header("Content-Type", HTML)
        handler.end_headers()
        for _ in range(30):
            handler.wfile.write(b" ")
            handler.wfile.flush()
            time.sleep(0.1)
    except OSError:
        pass


def _stream_without_length(size: int) -> Route:
    def respond(handler: BaseHTTPRequestHandler) -> None:
        handler.protocol_version = "HTTP/1.0"  # body ends when the connection closes: no Content-Length
        try:
            handler.send_response(200)
            handler.send_header("Content-Type", HTML)
            handler.end_headers()
            chunk = b"<p>" + b"x" * 1020 + b"</p>"
            for _ in range(size // len(chunk) + 1):
                handler.wfile.write(chunk)
        except OSError:
            pass
    return respond


def _settings(tmp_path: Path, **extra):
    return load_settings({"db": str(tmp_path / "chroma"), **extra})


# ---- reading pages and feeds (no index) ---------------------------------------------------------------------
def test_a_page_gives_its_main_text_and_metadata(site, tmp_path: Path) -> None:
    url = site.fixture("/news/flood", "flood.html")
    report = IngestReport()
    [doc] = read_web([url], [], _settings(tmp_path), report)
    assert not report.errors
    assert "burst its banks on Friday evening and flooded about 300 homes" in doc.text
    assert "volunteers handed out blankets" in doc.text
    for marker in ("NAV-MARKER", "COMMENT-MARKER", "ASIDE-MARKER", "FOOTER-MARKER", "SCRIPT-MARKER", "HIDDEN-MARKER",
                   "Ignore previous instructions"):
        assert marker not in doc.text, marker
    assert doc.title == "River Alder floods lower town"  # og:title, without " | The Harbour Courier"
    assert doc.source == "The Harbour Courier"
    assert doc.author == "Mara Quell"  # the author meta tag is the author, not the outlet
    assert (doc.published, doc.published_int) == ("2014-06-13", 20140613)  # the publisher's own day, no UTC shift
    assert doc.language == "en"
    assert doc.url == url  # the canonical URL, on the same site
    assert doc.path is None
    assert doc.doc_id == web_doc_id(url) == f"127.0.0.1-{url.split(':')[2].split('/')[0]}-news-flood"


def test_json_ld_metadata_and_a_month_only_date(site, tmp_path: Path) -> None:
    url = site.fixture("/news/bridge", "bridge.html")
    [doc] = read_web([url], [], _settings(tmp_path), IngestReport())
    assert doc.source == "Valley Wire"  # the NewsArticle's publisher, not the WebSite object's name
    assert doc.author == "Tomas Reed, Ana Vell"
    assert (doc.published, doc.published_int) == ("2014-06", 20140600)  # month precision: no day invented
    assert doc.language == "en"
    assert doc.text.startswith("Old Kiln Bridge to close for repairs")


def test_each_broken_url_gets_one_error_line_and_nothing_is_read(site, tmp_path: Path) -> None:
    site.routes["/slow"] = _slow(3.0)
    site.routes["/drip"] = _drip
    site.routes["/pdf"] = (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4 not a web page")
    site.routes["/huge"] = (200, {"Content-Type": HTML}, b"<p>" + b"y" * 200_000 + b"</p>")
    site.routes["/huge-streamed"] = _stream_without_length(200_000)
    site.routes["/loop"] = (302, {"Location": "/loop"}, b"")
    site.routes["/to-file"] = (302, {"Location": "file:///etc/passwd"}, b"")
    site.routes["/empty"] = (200, {"Content-Type": HTML}, b"<html><body><script>x()</script></body></html>")
    settings = _settings(tmp_path, max_file_mb=0.05)
    urls = [site.url(p) for p in ("/missing", "/slow", "/drip", "/pdf", "/huge", "/huge-streamed", "/loop",
                                  "/to-file", "/empty")]
    report = IngestReport()
    started = time.monotonic()
    docs = read_web(urls, [], settings, report, timeout=0.5)
    assert time.monotonic() - started < 6  # the slow and dripping servers were abandoned
    assert docs == []
    assert report.failed == len(urls) == len(report.errors)
    by_url = {next(u for u in urls if e.startswith(u + ":")): e for e in report.errors}
    assert set(by_url) == set(urls)
    assert by_url[site.url("/missing")].endswith("HTTP 404 Not Found")
    assert "timed out after 0.5 s" in by_url[site.url("/slow")]
    assert "timed out after 0.5 s (download not finished)" in by_url[site.url("/drip")]
    assert "not an HTML page (Content-Type: application/pdf)" in by_url[site.url("/pdf")]
    assert "over the 51 KB limit" in by_url[site.url("/huge")]
    assert "over the 51 KB limit" in by_url[site.url("/huge-streamed")]
    assert "more than 5 redirects" in by_url[site.url("/loop")]
    assert "only http and https addresses can be fetched (redirected to file:///etc/passwd)" in \
        by_url[site.url("/to-file")]
    assert by_url[site.url("/empty")].endswith("no article text found")


def test_redirects_are_followed_up_to_the_limit(site) -> None:
    target = site.fixture("/news/flood", "flood.html")
    for n in range(1, 6):
        site.routes[f"/r{n}"] = (301, {"Location": f"/r{n - 1}" if n > 1 else "/news/flood"}, b"")
    got = fetch(site.url("/r5"), max_bytes=1_000_000, timeout=5)
    assert got.final_url == target and got.content_type == "text/html" and got.charset == "utf-8"
    with pytest.raises(FetchError, match="more than 4 redirects"):
        fetch(site.url("/r5"), max_bytes=1_000_000, timeout=5, max_redirects=4)


def test_feeds_malformed_or_not_a_feed_are_refused(site, tmp_path: Path) -> None:
    broken = site.fixture("/broken.rss", "broken.rss", "application/rss+xml")
    page = site.fixture("/news/flood", "flood.html")
    report = IngestReport()
    assert read_web([], [broken, page, site.url("/gone.rss")], _settings(tmp_path), report) == []
    assert report.failed == 3
    assert report.errors[0].startswith(f"{broken}: not a valid RSS or Atom feed")
    assert report.errors[1].startswith(f"{page}: not a valid RSS or Atom feed")
    assert report.errors[2] == f"{site.url('/gone.rss')}: HTTP 404 Not Found"


def test_a_feed_entry_whose_page_fails_is_reported_and_the_others_are_read(site, tmp_path: Path) -> None:
    site.fixture("/news/ferry", "ferry.html")  # /news/bridge is not served: 404
    feed = site.fixture("/feed.rss", "feed.rss", "application/rss+xml")
    report = IngestReport()
    docs = read_web([], [feed], _settings(tmp_path), report)
    assert [d.title for d in docs] == ["Ferry service resumes after storm"]
    assert report.errors == [f"{site.url('/news/bridge')}: HTTP 404 Not Found"]
    assert report.failed == 1


def test_atom_entry_with_its_own_content_keeps_the_defences(site, tmp_path: Path) -> None:
    feed = site.fixture("/feed.atom", "feed.atom", "application/atom+xml")
    [doc] = read_web([], [feed], _settings(tmp_path), IngestReport())
    assert doc.text == ("The harbour regatta planned for Saturday has been cancelled because of the flood, the "
                        "organisers said.\n\nEntry fees will be refunded, a spokesman said.")  # no HIDDEN-MARKER
    assert (doc.title, doc.source, doc.author) == ("Harbour regatta cancelled", "The Harbour Courier", "Mara Quell")
    assert (doc.published, doc.language) == ("2014-06-14", "en")
    assert doc.doc_id == web_doc_id("urn:test:harbour-courier:regatta", feed)
    assert doc.doc_id.startswith("127.0.0.1-")  # a bare entry id is prefixed with the feed's host
    assert doc.entry_hash


def test_urls_and_ids() -> None:
    assert is_url("https://example.com/a") and is_url("ftp://example.com/a") and not is_url("seeds/a.txt")
    assert not is_url("C:\\news\\a.txt")
    a = web_doc_id("https://www.example.com/news/flood?utm_source=rss&id=7#comments")
    assert a == web_doc_id("https://example.com/news/flood?id=7") == "example.com-news-flood-id-7"
    assert web_doc_id("123", "https://one.example/feed") != web_doc_id("123", "https://two.example/feed")


# ---- through the CLI into a real index ----------------------------------------------------------------------
def test_cli_ingests_a_page_and_reports_each_bad_url(site, tmp_path: Path, capsys) -> None:
    good = site.fixture("/news/flood", "flood.html")
    db = str(tmp_path / "chroma")
    code = ingest_main([good, site.url("/missing"), "ftp://127.0.0.1/x", "--db", db, "--no-progress"])
    out, err = capsys.readouterr()
    assert code == 1  # one URL failed: non-zero, and the good one is still ingested
    assert [line for line in err.splitlines() if line.startswith("error:")] == [
        f"error: {site.url('/missing')}: HTTP 404 Not Found",
                                "error: ftp://127.0.0.1/x: only http and https addresses can be fetched"]
    assert out.startswith("1 added, 0 updated, 0 unchanged, 2 failed;")
    index = open_index(_settings(tmp_path))
    [(doc_id, info)] = index.committed_docs().items()
    assert (info.source, info.author, info.published, info.published_int) == (
        "The Harbour Courier", "Mara Quell", "2014-06-13", 20140613)
    rows = index.chunks.get(where={"doc_id": doc_id}, include=["metadatas"])["metadatas"]
    assert rows and all(m["author"] == "Mara Quell" and m["source_key"] == "the harbour courier"
                        and (m["published_from"], m["published_to"]) == (20140613, 20140613) for m in rows)
    # The same page again: nothing new is written.
    assert ingest_main([good, "--db", db, "--no-progress"]) == 0
    assert capsys.readouterr().out.startswith("0 added, 0 updated, 1 unchanged, 0 failed; 0 new chunks")


def test_rerunning_a_feed_fetches_and_writes_only_new_or_changed_entries(site, tmp_path: Path, capsys) -> None:
    site.fixture("/news/ferry", "ferry.html")
    site.fixture("/news/bridge", "bridge.html")
    site.fixture("/news/flood", "flood.html")
    feed = site.fixture("/feed.rss", "feed.rss", "application/rss+xml")
    db = str(tmp_path / "chroma")
    assert ingest_main(["--feed", feed, "--db", db, "--no-progress"]) == 0
    assert capsys.readouterr().out.startswith("2 added, 0 updated, 0 unchanged, 0 failed;")
    index = open_index(_settings(tmp_path))
    docs = index.committed_docs()
    ferry, bridge = docs[web_doc_id("valley-wire-ferry-1", feed)], docs[web_doc_id("valley-wire-bridge-1", feed)]
    assert (ferry.source, ferry.author, ferry.published, ferry.language) == ("Valley Wire", "Ana Vell", "2014-06-20",
                                                                             "en")
    # The page says only "2014-06"; the feed's day falls inside that month, so the day is the feed's, not invented.
    assert (bridge.published, bridge.author) == ("2014-06-17", "Tomas Reed, Ana Vell")
    assert site.hits["/news/ferry"] == site.hits["/news/bridge"] == 1

    assert ingest_main(["--feed", feed, "--db", db, "--no-progress"]) == 0
    assert capsys.readouterr().out.startswith("0 added, 0 updated, 2 unchanged, 0 failed; 0 new chunks")
    assert site.hits["/news/ferry"] == site.hits["/news/bridge"] == 1  # unchanged entries are not even fetched

    body = site.routes["/feed.rss"][2].decode()
    body = body.replace("The island ferry is running again.", "The island ferry is running again (updated).")
    new_item = (f"<item><title>River Alder floods lower town</title><link>{site.base}/news/flood</link>"
                "<guid>harbour-flood-1</guid></item>\n</channel>")
    site.routes["/feed.rss"] = (200, {"Content-Type": "application/rss+xml"}, body.replace("</channel>", new_item)
                                .encode())
    assert ingest_main(["--feed", feed, "--db", db, "--no-progress"]) == 0
    assert capsys.readouterr().out.startswith("1 added, 1 updated, 1 unchanged, 0 failed;")
    assert (site.hits["/news/ferry"], site.hits["/news/bridge"], site.hits["/news/flood"]) == (2, 1, 1)
    index.refresh()
    assert len(index.committed_docs()) == 3


def test_a_url_that_fails_midway_leaves_the_index_as_it_was(site, tmp_path: Path, capsys) -> None:
    site.routes["/huge-streamed"] = _stream_without_length(200_000)
    site.routes["/feed-with-bad-link.rss"] = (200, {"Content-Type": "application/rss+xml"}, (
        '<?xml version="1.0"?><!-- TEST FIXTURE --><rss version="2.0"><channel><title>T</title>'
        f'<item><title>x</title><link>{site.base}/huge-streamed</link><guid>x1</guid></item>'
        "</channel></rss>").encode())
    db = str(tmp_path / "chroma")
    code = ingest_main([site.url("/huge-streamed"), "--feed", site.url("/feed-with-bad-link.rss"), "--db", db,
                        "--max-file-mb", "0.05", "--no-progress"])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("over the 51 KB limit") == 2
    index = open_index(_settings(tmp_path))
    assert index.committed_docs() == {} and index.count_chunks() == 0


def test_bad_timeout_is_a_usage_error(tmp_path: Path, capsys) -> None:
    assert ingest_main(["http://127.0.0.1:9/x", "--timeout", "0", "--db", str(tmp_path / "db")]) == 2
    assert "--timeout must be between 0 and 3600 seconds" in capsys.readouterr().err


def test_reader_refuses_an_empty_page() -> None:
    from qa.ingest.readers import read_web_page

    with pytest.raises(InputFileError, match=r"^http://127.0.0.1/x: the page is empty$"):
        read_web_page(b"  \n", "http://127.0.0.1/x", doc_id="x")
