"""The Compare and Timeline views and the export downloads, served in-process and driven with gradio_client (as a
remote user would). A fresh index: build_app ingests the real seeds. No model is needed for these views."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from app_server import serve
from gradio_client import Client

from qa.config import load_settings
from qa.ingest.readers import load_seed_documents
from qa.news.schema import Comparison, Timeline


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    home = tmp_path_factory.mktemp("ui-news")
    settings = load_settings({"db": str(home / "chroma")})
    with serve(settings) as (_app, demo, url):
        yield {"client": Client(url, verbose=False), "demo": demo}


@pytest.fixture(scope="module")
def seeds():
    return {d.doc_id: d.text for d in load_seed_documents()}


def test_the_new_endpoints_are_named(server):
    names = set(server["client"].view_api(print_info=False, return_format="dict")["named_endpoints"])
    assert {"/compare", "/timeline", "/export_answer", "/export_summary", "/export_comparison",
            "/export_timeline"} <= names


def test_timeline_view_has_markers_cards_and_flagged_conflicts(server, seeds):
    html, data = server["client"].predict("", "", "", "", api_name="/timeline")
    t = Timeline.model_validate(data)
    assert t.events and all(seeds[c.doc_id][c.start:c.end] == c.quote for c in t.citations)
    assert html.count('class="nq-card"') == len(t.citations)
    for c in t.citations:  # every marker has its card, whose highlighted span is the quote
        assert f'href="#nq-tl-{c.n}"' in html and f'id="nq-tl-{c.n}"' in html
    assert "⚠ conflicting accounts" in html and "Date not stated in the articles" in html
    assert html.index("Wednesday (2014-06-11)") < html.index("Thursday (2014-06-12)")


def test_compare_view_with_an_outlet_filter(server, seeds):
    html, data = server["client"].predict("", "International Business Times UK", "", "", api_name="/compare")
    c = Comparison.model_validate(data)
    assert [r.outlet for r in c.outlets] == ["International Business Times UK"]
    assert "Only one outlet in the selection" in html
    assert all(seeds[x.doc_id][x.start:x.end] == x.quote for x in c.citations)
    both, data = server["client"].predict("Iranian forces", "", "", "", api_name="/compare")
    assert [r.outlet for r in Comparison.model_validate(data).outlets] == [
        "International Business Times UK", "seed-003 (outlet unknown)"]
    assert 'class="nq-cite"' in both and "<mark" in both


def test_bad_filters_and_topics_give_clear_messages(server):
    with pytest.raises(Exception, match="no indexed article matches --source 'Nobody'"):
        server["client"].predict("", "Nobody", "", "", api_name="/timeline")
    with pytest.raises(Exception, match="cannot read 'soon' as a date"):
        server["client"].predict("", "", "soon", "", api_name="/compare")


def test_export_downloads(server, seeds):
    client = server["client"]
    _html, data = client.predict("", "", "", "", api_name="/timeline")
    path = Path(client.predict(data, "html", api_name="/export_timeline"))
    page = path.read_text(encoding="utf-8")
    assert path.suffix == ".html" and page.startswith("<!DOCTYPE html>") and "Content-Security-Policy" in page
    assert "a Friday (date not stated)" in page and "seed-003 (outlet unknown)" in page
    md = Path(client.predict(data, "md", api_name="/export_timeline")).read_text(encoding="utf-8")
    assert md.startswith("# Timeline") and "## Sources" in md
    as_json = json.loads(Path(client.predict(data, "json", api_name="/export_timeline")).read_text())
    assert Timeline.model_validate(as_json) == Timeline.model_validate(data)
    _html, cdata = client.predict("", "", "", "", api_name="/compare")
    cmp_md = Path(client.predict(cdata, "md", api_name="/export_comparison")).read_text(encoding="utf-8")
    assert "## International Business Times UK" in cmp_md
    assert re.search(r"<https://www\.ibtimes\.co\.uk/[^>]+>", cmp_md)


def test_exporting_before_anything_was_made_says_so(server):
    with pytest.raises(Exception, match="nothing to export yet: make an answer first"):
        server["client"].predict(None, "md", api_name="/export_answer")
    with pytest.raises(Exception, match="nothing to export yet: make a summary first"):
        server["client"].predict(None, "html", api_name="/export_summary")
