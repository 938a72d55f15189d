"""The Compare and Timeline tabs in a real headless browser (Debian's Chromium driven by Playwright): build the
view, click a citation marker, see its card opened with exactly the quoted article span highlighted; download an
export; article markup shows as text. Screenshots go to test-artifacts/ (git-ignored)."""

from __future__ import annotations

import re

import pytest
from app_server import serve

from qa.config import PROJECT_ROOT, load_settings
from qa.index.store import open_index
from qa.ingest.pipeline import ingest_paths

pytestmark = pytest.mark.browser

ARTIFACTS = PROJECT_ROOT / "test-artifacts"
UI_TIMEOUT_MS = 120_000
# FIXTURE article (written for this test): markup in its outlet name and text must show as text.
HOSTILE = """---
id: fx-hostile
title: Bridge reopens
source: "<img src=x onerror=alert(1)>Gazette"
published: 2014-06-20
---
The old bridge reopened on Friday (June 20) after repairs <script>alert(2)</script> officials said.
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    home = tmp_path_factory.mktemp("ui-news-browser")
    settings = load_settings({"db": str(home / "chroma")})
    article = home / "hostile.txt"
    article.write_text(HOSTILE, encoding="utf-8")
    from qa.config import SEEDS_DIR

    report = ingest_paths([SEEDS_DIR, article], settings)
    assert report.added == 3 and not report.errors
    with serve(settings) as (_app, _demo, url):
        yield {"url": url, "settings": settings}


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, accept_downloads=True)
    pg = context.new_page()
    dialogs: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.dialogs = dialogs
    pg.goto(server["url"], timeout=UI_TIMEOUT_MS)
    pg.wait_for_selector("#nq-question textarea", timeout=UI_TIMEOUT_MS)
    yield pg
    context.close()


def _click_marker_and_check_quote(page, scope: str, marker, server) -> str:
    """Click `marker`; its card becomes the active one and highlights exactly the article span it names."""
    card_id = marker.get_attribute("href").lstrip("#")
    marker.click()
    page.wait_for_function("id => document.getElementById(id).classList.contains('nq-active')", arg=card_id,
                           timeout=10_000)
    card = page.locator(f"{scope} #{card_id}")
    mark = card.locator("mark.nq-quote")
    assert mark.count() == 1 and mark.is_visible()
    doc_id, start, end = re.fullmatch(r"(.+), characters (\d+)–(\d+)", mark.get_attribute("title")).groups()
    article = open_index(server["settings"]).get_document(doc_id).text
    assert mark.inner_text().strip() == article[int(start):int(end)].strip()
    return doc_id


def test_timeline_tab(page, server):
    page.get_by_role("tab", name="Timeline").click()
    page.click("#nq-timeline-run")
    page.wait_for_selector("#nq-timeline .nq-event", timeout=UI_TIMEOUT_MS)
    whens = page.locator("#nq-timeline .nq-when").all_inner_texts()
    assert whens.index("Wednesday (2014-06-11)") < whens.index("Thursday (2014-06-12)") < whens.index(
        "Friday (2014-06-20)")
    conflict = page.locator("#nq-timeline .nq-event.nq-conflict").first
    assert "conflicting accounts" in conflict.inner_text()
    accounts = conflict.locator(".nq-account")
    assert accounts.count() >= 2  # side by side
    boxes = [accounts.nth(i).bounding_box() for i in range(2)]
    assert abs(boxes[0]["y"] - boxes[1]["y"]) < 5 and boxes[0]["x"] != boxes[1]["x"]
    doc_ids = {_click_marker_and_check_quote(page, "#nq-timeline", accounts.nth(i).locator("a.nq-cite"), server)
               for i in range(accounts.count())}
    assert doc_ids == {"seed-000", "seed-003"}
    # markup from an article is text
    view = page.locator("#nq-timeline")
    assert "<img src=x onerror=alert(1)>Gazette" in view.inner_text() and "<script>alert(2)</script>" in \
        view.inner_text()
    assert view.locator("img, script").count() == 0 and page.dialogs == []
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "timeline-marker-clicked.png"), full_page=True)

    page.locator("#nq-timeline-format label", has_text="html").click()
    page.click("#nq-timeline-export")
    link = page.locator("#nq-timeline-file a").first
    link.wait_for(timeout=UI_TIMEOUT_MS)
    with page.expect_download(timeout=UI_TIMEOUT_MS) as info:
        link.click()
    saved = info.value.path()
    text = open(saved, encoding="utf-8").read()
    assert info.value.suggested_filename.endswith(".html") and text.startswith("<!DOCTYPE html>")
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in text and "<script" not in text.lower()


def test_compare_tab(page, server):
    page.get_by_role("tab", name="Compare").click()
    page.fill("#nq-compare-topic textarea", "Iranian forces in Iraq")
    page.click("#nq-compare-run")
    page.wait_for_selector("#nq-compare .nq-outlet", timeout=UI_TIMEOUT_MS)
    heads = page.locator("#nq-compare .nq-subhead").all_inner_texts()
    assert heads[:2] == ["International Business Times UK", "seed-003 (outlet unknown)"]
    first = page.locator("#nq-compare .nq-outlet").first
    assert "reports:" in first.inner_text() and "It quotes" in first.inner_text()
    doc_id = _click_marker_and_check_quote(page, "#nq-compare", first.locator("a.nq-cite").first, server)
    assert doc_id == "seed-000"
    assert page.locator("#nq-compare img, #nq-compare script").count() == 0
    page.screenshot(path=str(ARTIFACTS / "compare-marker-clicked.png"), full_page=True)
