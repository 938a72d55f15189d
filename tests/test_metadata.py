"""News metadata: outlet, author, publication date (ISO at its stated precision, and as yyyymmdd), URL and language,
from front matter, JSON fields and HTML pages; stored with each document and chunk. Test data is invented."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from qa.config import load_settings
from qa.index.store import open_index
from qa.ingest.pipeline import ingest_paths
from qa.ingest.readers import content_hash, read_path
from qa.metadata import (
    NO_DATE,
    date_range,
    fill_citation_metadata,
    from_int,
    normalize_language,
    parse_filter_date,
    parse_published,
)
from qa.retrieve.hybrid import retrieve_passages
from qa.schema import Citation

LIMIT = 5 * 1024 * 1024


def read_one(path: Path):
    [doc] = read_path(path, max_bytes=LIMIT).documents
    return doc


@pytest.mark.parametrize(("raw", "iso", "as_int"), [
    ("2014-06-13", "2014-06-13", 20140613),
    ("2014-06-13T23:30:00-05:00", "2014-06-13", 20140613),  # the publisher's day, not converted to UTC
    ("2014-06", "2014-06", 20140600),  # month precision stays month precision
    ("2014", "2014", 20140000),
    ("20140613", "2014-06-13", 20140613),
    ("Fri, 13 Jun 2014 10:00:00 GMT", "2014-06-13", 20140613),  # RSS pubDate
    ("June 13, 2014", "2014-06-13", 20140613),
    ("June 2014", "2014-06", 20140600),
    ("13 juin 2014", "2014-06-13", 20140613),
    ("2 hours ago", "unknown", 0),  # relative dates are not publication dates
    ("2014-02-30", "unknown", 0),
    ("sometime last summer", "unknown", 0),
    ("unknown", "unknown", 0),
    ("", "unknown", 0),
    (None, "unknown", 0),
    (2014, "2014", 20140000),  # YAML gives a bare year as a number
])
def test_publication_dates_keep_their_precision(raw, iso, as_int) -> None:
    date = parse_published(raw)
    assert (date.iso, date.as_int) == (iso, as_int)
    assert from_int(as_int) == (date if as_int else NO_DATE)


def test_date_ranges_and_filter_dates() -> None:
    assert date_range(20140613) == (20140613, 20140613)
    assert date_range(20140600) == (20140601, 20140630)
    assert date_range(20140200) == (20140201, 20140228)
    assert date_range(20160200) == (20160201, 20160229)
    assert date_range(20140000) == (20140101, 20141231)
    assert date_range(0) == (0, 0)
    now = datetime(2014, 6, 20, 9, 0)
    assert parse_filter_date("7 days ago", end=False, now=now) == 20140613
    assert parse_filter_date("yesterday", end=True, now=now) == 20140619
    assert parse_filter_date("2014-06", end=False) == 20140601
    assert parse_filter_date("2014-06", end=True) == 20140630
    assert parse_filter_date("June 2014", end=True) == 20140630
    for bad in ("", "blah", "2014-13", "2014-06-31"):
        with pytest.raises(ValueError):
            parse_filter_date(bad, end=False)


def test_languages() -> None:
    assert [normalize_language(v) for v in ("en-GB", "en_US", "FR", "de-DE, en", "und", "English", None, "")] == [
        "en", "en", "fr", "de", "unknown", "unknown", "unknown", "unknown"]


def test_front_matter_fields(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\nid: a1\ntitle: Dam holds\nsource: Valley Wire\nauthor: [Tomas Reed, By Ana Vell]\n"
                    "published: 2014-06\nlanguage: en-GB\nurl: https://example.com/a1\n---\nThe dam held.\n",
                    encoding="utf-8")
    doc = read_one(path)
    assert (doc.source, doc.author, doc.language, doc.url) == ("Valley Wire", "Tomas Reed, Ana Vell", "en",
                                                               "https://example.com/a1")
    assert (doc.published, doc.published_int) == ("2014-06", 20140600)  # no day invented


def test_json_fields_and_their_aliases(tmp_path: Path) -> None:
    path = tmp_path / "items.jsonl"
    path.write_text("\n".join(json.dumps(o) for o in [
        {"id": "x", "text": "A.", "outlet": "Harbour Courier", "byline": "By Mara Quell", "date": "13/06/2014",
         "lang": "fr", "link": "https://example.com/x"},
        {"id": "y", "text": "B.", "author": {"role": "an object without a name is no author"}},
        {"id": "z", "text": "C.", "author": [{"name": "Kit Morrow"}, "https://example.com/profile/kit", "Kit Morrow"],
         "published": "not a date at all"},
    ]), encoding="utf-8")
    x, y, z = read_path(path, max_bytes=LIMIT).documents
    assert (x.source, x.author, x.published, x.published_int, x.language, x.url) == (
        "Harbour Courier", "Mara Quell", "2014-06-13", 20140613, "fr", "https://example.com/x")
    assert (y.source, y.author, y.published, y.language, y.published_int) == ("unknown",) * 4 + (0,)
    assert (z.author, z.published) == ("Kit Morrow", "unknown")  # a profile URL is not a name; no repeats


def test_html_meta_tags_author_is_not_outlet(tmp_path: Path) -> None:
    path = tmp_path / "p.html"
    path.write_text('<html lang="de-AT"><head><title>Title | Site</title>'
                    '<meta name="author" content="Jane Roe"><meta property="article:author" '
                    'content="https://facebook.example/janeroe"><meta name="DC.date.issued" content="2014-06-12">'
                    '</head><body><p>Water rose.</p></body></html>', encoding="utf-8")
    doc = read_one(path)
    assert (doc.source, doc.author) == ("unknown", "Jane Roe")  # the author is not recorded as the outlet
    assert (doc.published, doc.language, doc.title) == ("2014-06-12", "de", "Title | Site")


def test_html_dates_from_time_elements_and_htmldate_never_invent_a_day(tmp_path: Path) -> None:
    timed = tmp_path / "t.html"
    timed.write_text('<html><body><article><time itemprop="datePublished" datetime="2014-06-11T08:00">June 11'
                     '</time><p>Water rose.</p></article></body></html>', encoding="utf-8")
    assert read_one(timed).published == "2014-06-11"
    month = tmp_path / "m.html"  # only htmldate finds this one, and answers "2014-06-01" for it
    month.write_text('<html><head><meta property="og:updated_time" content="2014-06"></head><body><time '
                     'datetime="2014-06">June 2014</time><p>Water rose.</p></body></html>', encoding="utf-8")
    doc = read_one(month)
    assert (doc.published, doc.published_int) == ("2014-06", 20140600)
    # htmldate fills a month-only date with today's day of the month (2014-06-02 on a 2nd): whatever today is,
    # the day is not recorded unless the page states it; a stated first of the month is kept.
    first = tmp_path / "f.html"
    first.write_text('<html><head><meta property="og:updated_time" content="2014-06-01"></head><body><p>Water rose.'
                     '</p></body></html>', encoding="utf-8")
    assert read_one(first).published == "2014-06-01"
    undated = tmp_path / "u.html"
    undated.write_text("<html><body><p>Water rose on a day nobody wrote down.</p></body></html>", encoding="utf-8")
    assert (read_one(undated).published, read_one(undated).published_int) == ("unknown", 0)


def test_content_hash_covers_the_new_fields_but_not_when_unknown() -> None:
    base = content_hash("t", "T", "S", "2014-06", None)
    assert base == content_hash("t", "T", "S", "2014-06", None, author="unknown", language="unknown", entry_hash="")
    assert base != content_hash("t", "T", "S", "2014-06", None, author="Jane Roe")
    assert base != content_hash("t", "T", "S", "2014-06", None, language="en")
    assert base != content_hash("t", "T", "S", "2014-06", None, entry_hash="abc")


def test_metadata_is_stored_with_documents_chunks_and_passages(tmp_path: Path) -> None:
    settings = load_settings({"db": str(tmp_path / "chroma")})
    path = tmp_path / "story.md"
    path.write_text("---\nid: story\ntitle: Dam holds\nsource: Valley Wire\nauthor: Tomas Reed\n"
                    "published: Tue, 17 Jun 2014 12:00:00 +0100\nlanguage: en\n---\n"
                    "Engineers said the dam above Kilnford held through the night.\n\n"
                    "Water levels fell by morning, the county said.\n", encoding="utf-8")
    assert ingest_paths([path], settings).added == 1
    index = open_index(settings)
    info = index.committed_docs()["story"]
    assert (info.author, info.language, info.published, info.published_int) == ("Tomas Reed", "en", "2014-06-17",
                                                                                 20140617)
    doc = index.get_document("story")
    assert (doc.author, doc.language, doc.published_int) == ("Tomas Reed", "en", 20140617)
    assert doc.content_hash == info.content_hash
    rows = index.chunks.get(where={"doc_id": "story"}, include=["metadatas"])["metadatas"]
    assert rows and all((m["author"], m["language"], m["published_int"], m["published_from"], m["published_to"],
                         m["source_key"]) == ("Tomas Reed", "en", 20140617, 20140617, 20140617, "valley wire")
                        for m in rows)
    [passage, *_] = retrieve_passages("Did the dam above Kilnford hold?", index, settings, k=1).passages
    assert (passage.author, passage.language, passage.published_int, passage.published) == (
        "Tomas Reed", "en", 20140617, "2014-06-17")
    # Changing only the author is an update (metadata is part of the content hash).
    path.write_text(path.read_text(encoding="utf-8").replace("Tomas Reed", "Ana Vell"), encoding="utf-8")
    report = ingest_paths([path], settings)
    assert (report.updated, report.added) == (1, 0)
    citations = [Citation(n=1, doc_id="story", quote="q", start=0, end=1)]
    fill_citation_metadata(citations, index.committed_docs())
    assert (citations[0].author, citations[0].language, citations[0].published_int) == ("Ana Vell", "en", 20140617)


def test_seed_metadata_stays_as_recorded() -> None:
    from qa.ingest.readers import load_seed_documents

    seeds = {d.doc_id: d for d in load_seed_documents()}
    assert (seeds["seed-000"].source, seeds["seed-000"].published, seeds["seed-000"].published_int) == (
        "International Business Times UK", "2014-06", 20140600)
    assert (seeds["seed-003"].source, seeds["seed-003"].author, seeds["seed-003"].url) == ("unknown", "unknown", None)
