"""Export (qa/present/export.py): every result type in every format, with hostile article text that must stay text.

The results are built by the real timeline / comparison code over a FIXTURE article written for this test whose
text and metadata carry markup, plus hand-made Answer and Summary objects (the export only formats them)."""

from __future__ import annotations

import json
import re

import pytest

from qa.errors import UsageError
from qa.news.articles import load_articles
from qa.news.compare import compare_outlets
from qa.news.schema import Comparison, Timeline
from qa.news.timeline import build_timeline
from qa.present.export import FORMATS, export, md_escape
from qa.schema import Answer, AnswerSentence, Citation, Summary

EVIL = '<script>alert(1)</script><img src=x onerror=alert(2)>'
# FIXTURE articles (written for this test): markup in the text, the outlet name and the link.
HOSTILE = dict(doc_id="fx-evil", source=f"Evil {EVIL} News", published="2023-03-10", published_int=20230310,
               url="javascript:alert(3)", title="[click](javascript:alert(4))",
               text=f"Officials confirmed on Tuesday that the bridge {EVIL} reopened. "
                    "The mayor said the [repairs](javascript:alert(5)) cost less than planned.")
PLAIN = dict(doc_id="fx-plain", source="Plain Post", published="2023-03", published_int=20230300,
             url="https://example.org/bridge?a=1&b=2",
             text="A city engineer said he could not confirm that the bridge reopened. Traffic was light.")


def _citation(n: int, d: dict, quote: str) -> Citation:
    start = d["text"].index(quote)
    return Citation(n=n, doc_id=d["doc_id"], source=d["source"], published=d["published"], url=d.get("url"),
                    title=d.get("title", "unknown"), quote=quote, start=start, end=start + len(quote))


@pytest.fixture(scope="module")
def results():
    from qa.schema import Document

    articles = load_articles([Document(**HOSTILE), Document(**PLAIN)], None, 0.25)
    quote = HOSTILE["text"].split(". ")[0] + "."
    answer = Answer(question=f"What about {EVIL}?", answer="x", sentences=[
        AnswerSentence(text=f"The bridge {EVIL} reopened.", citations=[1], supported=True),
        AnswerSentence(text="Unsupported <b>claim</b>.", citations=[2], supported=False, reason="not in <i>text</i>")],
        citations=[_citation(1, HOSTILE, quote)])
    summary = Summary(topic=EVIL, summary=f"The bridge {EVIL} reopened.", sentences=[
        AnswerSentence(text=f"The bridge {EVIL} reopened.", citations=[1], supported=True)],
        citations=[_citation(1, HOSTILE, quote)], notes=[f"note {EVIL}"])
    return {"answer": answer, "summary": summary, "timeline": build_timeline(articles),
            "comparison": compare_outlets(articles)}


@pytest.mark.parametrize("kind", ["answer", "summary", "timeline", "comparison"])
def test_html_escapes_article_text_and_links_only_http(results, kind):
    page = export(results[kind], "html")
    assert page.startswith("<!DOCTYPE html>") and "Content-Security-Policy" in page
    assert "<script" not in page.lower() and "<img" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # shown as text
    assert "javascript:" not in re.findall(r'href="([^"]*)"', page).__str__()
    for href in re.findall(r'href="([^"]*)"', page):
        assert href.startswith(("#src-", "https://")), href
    assert "<mark>" in page and "fx-evil" in page


@pytest.mark.parametrize("kind", ["answer", "summary", "timeline", "comparison"])
def test_markdown_escapes_markup_and_keeps_quotes_outlets_dates(results, kind):
    md = export(results[kind], "md")
    # every "<" and "]" from the article is backslash-escaped: no raw HTML, no link to javascript:
    assert not re.search(r"(?<!\\)<(?!https://)", md) and not re.search(r"(?<!\\)\]\(", md)
    assert r"\<script\>alert(1)\</script\>" in md
    assert "fx-evil" in md and "2023-03-10" in md
    assert re.search(r"\[1\]", md)  # citation markers survive the escaping


def test_json_round_trips_to_the_same_typed_result(results):
    types = {"answer": Answer, "summary": Summary, "timeline": Timeline, "comparison": Comparison}
    for kind, result in results.items():
        text = export(result, "json")
        assert types[kind].model_validate(json.loads(text)) == result


def test_outlets_dates_and_safe_links_are_exported(results):
    tl = results["timeline"]
    page = export(tl, "html")
    assert 'href="https://example.org/bridge?a=1&amp;b=2"' in page and 'rel="noopener noreferrer"' in page
    md = export(tl, "md")
    assert "<https://example.org/bridge?a=1&b=2>" in md and "Plain Post" in md and "2023-03" in md
    conflict = [e for e in tl.events if e.relation == "conflict"]
    assert conflict and "conflicting accounts" in md and "conflicting accounts" in page


def test_unknown_format_is_a_usage_error(results):
    assert set(FORMATS) == {"md", "html", "json"}
    with pytest.raises(UsageError, match="unknown export format"):
        export(results["answer"], "pdf")


def test_md_escape_is_one_line():
    assert md_escape("a\n\n# b *c* [d](e)") == r"a # b \*c\* \[d\](e)"
