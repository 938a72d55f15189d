"""The web UI in a real headless browser (Debian's Chromium driven by Playwright): ask, click a citation marker,
see the exact quote highlighted; upload hostile markup and see it shown as text. Screenshots go to
test-artifacts/ (git-ignored); the chat screenshot is also saved as docs/screenshot-chat.png for the README."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from app_server import serve

from qa.config import PROJECT_ROOT, load_settings
from qa.index.store import open_index

pytestmark = pytest.mark.browser

ARTIFACTS = PROJECT_ROOT / "test-artifacts"
DOCS_SHOT = PROJECT_ROOT / "docs" / "screenshot-chat.png"
QUESTION = "Who confirmed that Revolutionary Guards were deployed to Iraq?"  # seed-000's first sentence
ANSWER_TIMEOUT_MS = 900_000  # the real model shares 2 cores with other work
UI_TIMEOUT_MS = 120_000
MAX_DOCS_SHOT_BYTES = 300 * 1024


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    home = tmp_path_factory.mktemp("ui-browser")
    settings = load_settings({"db": str(home / "chroma")})
    with serve(settings) as (_app, _demo, url):
        yield {"url": url, "settings": settings}


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    pg = context.new_page()
    dialogs: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.dialogs = dialogs
    pg.goto(server["url"], timeout=UI_TIMEOUT_MS)
    pg.wait_for_selector("#nq-question textarea", timeout=UI_TIMEOUT_MS)
    yield pg
    context.close()


def _save_small_png(png: bytes, dest: Path, limit: int) -> int:
    """Write a screenshot, reduced to a 256-colour palette when needed to stay under `limit` bytes."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    if len(png) > limit:
        from PIL import Image

        img = Image.open(io.BytesIO(png)).convert("RGB").quantize(colors=256)
        buf = io.BytesIO()
        img.save(buf, format="PNG", optimize=True)
        png = buf.getvalue()
    dest.write_bytes(png)
    return len(png)


def test_seed_notice_on_first_start(page):
    notice = page.locator("#nq-seed-notice")
    assert notice.is_visible()
    assert "seed-000" in notice.inner_text() and "seed-003" in notice.inner_text()


def test_ask_click_marker_highlights_the_quote(page, server):
    page.fill("#nq-question textarea", QUESTION)
    page.click("#nq-ask")
    bot = page.locator("#nq-chat [data-testid='bot']").last
    page.wait_for_selector("#nq-chat [data-testid='bot'] .nq-card", timeout=ANSWER_TIMEOUT_MS)
    assert not bot.locator(".nq-abstain").count(), bot.inner_text()
    assert "iranian security sources" in bot.locator(".nq-answer").inner_text().lower()

    markers = bot.locator("a.nq-cite")
    assert markers.count() >= 1
    card_ids = [h.lstrip("#") for h in markers.evaluate_all("els => els.map(e => e.getAttribute('href'))")]
    # Click the marker whose card is a seed-000 passage (the source of the confirmation).
    target = next(i for i, cid in enumerate(card_ids) if "seed-000" in bot.locator(f"#{cid} code").inner_text())
    markers.nth(target).click()
    card = page.locator(f"#{card_ids[target]}")
    page.wait_for_function("id => document.getElementById(id).classList.contains('nq-active')",
                           arg=card_ids[target], timeout=10_000)
    assert page.locator(".nq-card.nq-active").count() == 1
    mark = card.locator("mark.nq-quote")
    assert mark.count() == 1 and mark.is_visible()
    assert card.evaluate("el => { const r = el.getBoundingClientRect(); return r.bottom > 0 && "
                         "r.top < window.innerHeight; }")

    # The highlighted text is exactly the citation's quote: the article span the tooltip names.
    doc_id, start, end = re.fullmatch(r"(.+), characters (\d+)–(\d+)", mark.get_attribute("title")).groups()
    article = open_index(server["settings"]).get_document(doc_id).text
    assert doc_id == "seed-000"
    assert mark.inner_text().strip() == article[int(start):int(end)].strip()
    assert "Iranian security sources" in mark.inner_text()

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "chat-marker-clicked.png"), full_page=True)
    # README screenshot: the question at the top of the chat, then the answer and its highlighted source.
    page.evaluate("() => { const u = [...document.querySelectorAll(\"#nq-chat [data-testid='user']\")].pop();"
                  " u.scrollIntoView({block: 'start'}); window.scrollTo(0, 0);"
                  " const box = u.closest('.bubble-wrap') || u.parentElement; if (box) box.scrollBy(0, -40); }")
    size = _save_small_png(page.screenshot(), DOCS_SHOT, MAX_DOCS_SHOT_BYTES)
    assert 0 < size <= MAX_DOCS_SHOT_BYTES


def test_uploaded_markup_is_shown_as_text(page, tmp_path):
    evil = tmp_path / "hostile.md"
    evil.write_text("---\nid: hostile-doc\ntitle: <img src=x onerror=alert(1)><script>alert(2)</script>Bridge\n---\n"
                    "The bridge reopened on Monday after repairs, officials said.\n", encoding="utf-8")
    page.get_by_role("tab", name="Library").click()
    page.set_input_files("#nq-files input[type=file]", [str(evil)])
    page.wait_for_selector("#nq-files :text('hostile.md')", timeout=UI_TIMEOUT_MS)
    page.get_by_role("button", name="Add to index").click()
    page.wait_for_selector("#nq-upload-report .nq-okbox", timeout=UI_TIMEOUT_MS)
    assert "1 added" in page.inner_text("#nq-upload-report")
    page.wait_for_function("() => document.querySelector('#nq-docs').innerText.includes('hostile-doc')",
                           timeout=UI_TIMEOUT_MS)
    assert "<img src=x onerror=alert(1)><script>alert(2)</script>Bridge" in page.inner_text("#nq-docs")
    assert page.locator("#nq-docs img, #nq-docs script").count() == 0
    assert page.dialogs == []
    page.screenshot(path=str(ARTIFACTS / "library-after-upload.png"), full_page=True)
