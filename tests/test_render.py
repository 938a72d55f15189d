"""Unit tests for qa/present/html.py: the UI's HTML (markers, source cards, highlighting, escaping, flags)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from qa.present.html import (
    answer_html,
    card_id,
    citation_card,
    doc_choices,
    docs_rows,
    esc,
    highlight_quote,
    ingest_report_html,
    marker_html,
    metrics_html,
    sentence_html,
    streaming_html,
    summary_html,
)
from qa.present.terminal import format_unsupported
from qa.schema import Answer, AnswerSentence, Citation, IngestReport, Passage, Summary, SummaryMetrics

# TEST FIXTURE: a three-sentence article written for these rendering tests (invented, not from any seed or outlet).
ARTICLE = ("The town council opened the new river bridge on Monday, according to council officials. "
           "Council officials said about 500 cars had crossed the bridge in the first hour. "
           "The officials said a second bridge was also being planned.")
P_START = 1000  # the passage's offset in its article: citations use absolute offsets


def _citation(n: int = 1, quote_sentence: int = 1, **kw) -> Citation:
    sents = [m.span() for m in re.finditer(r"[^.]+\.\s?", ARTICLE)]
    s, e = sents[quote_sentence]
    quote = ARTICLE[s:e].rstrip()
    e = s + len(quote)
    fields = {"n": n, "doc_id": "fixture-1", "title": "Bridge opens", "source": "Fixture Gazette",
              "published": "2014-06-13", "quote": quote, "start": P_START + s, "end": P_START + e,
              "passage": ARTICLE, "passage_start": P_START, "passage_end": P_START + len(ARTICLE)}
    fields.update(kw)
    return Citation(**fields)


class _Collector(HTMLParser):
    """Collects tags, attributes and the text inside <mark> (a real HTML parse, not string matching)."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.marks: list[str] = []
        self._in_mark = 0
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "mark":
            self._in_mark += 1
            self.marks.append("")

    def handle_endtag(self, tag):
        if tag == "mark":
            self._in_mark -= 1

    def handle_data(self, data):
        self.text.append(data)
        if self._in_mark:
            self.marks[-1] += data


def parse(html_text: str) -> _Collector:
    c = _Collector()
    c.feed(html_text)
    c.close()
    return c


def test_marker_is_an_anchor_to_its_card():
    html_text = marker_html("c3", 2)
    (tag, attrs), = parse(html_text).tags
    assert tag == "a" and "nq-cite" in attrs["class"]
    assert attrs["href"] == "#" + card_id("c3", 2) == "#nq-c3-2"
    assert parse(html_text).text == ["[2]"]


def test_card_id_keeps_only_safe_characters():
    assert card_id('x"><script>', 1) == "nq-xscript-1"


def test_answer_markers_link_to_the_cards_of_the_same_answer():
    cit = [_citation(1, 1), _citation(2, 2, doc_id="fixture-2")]
    ans = Answer(question="q", answer="a", sentences=[
        AnswerSentence(text="About 500 cars crossed the bridge.", citations=[1], supported=True, support=0.9),
        AnswerSentence(text="A second bridge was planned.", citations=[2], supported=True, support=0.8)],
        citations=cit, model="m")
    doc = parse(answer_html(ans, "c0"))
    hrefs = [a["href"] for t, a in doc.tags if t == "a" and "nq-cite" in (a.get("class") or "")]
    ids = {a["id"] for t, a in doc.tags if a.get("id")}
    assert hrefs == ["#nq-c0-1", "#nq-c0-2"]
    assert {"nq-c0-1", "nq-c0-2"} <= ids
    # The marker goes before the sentence's full stop, as in the answer text.
    assert "About 500 cars crossed the bridge[1]." in "".join(doc.text)


def test_markers_to_unknown_citations_are_not_linked():
    s = AnswerSentence(text="Claim.", citations=[1, 7], supported=True)
    out = sentence_html(s, "c0", known={1})
    assert "#nq-c0-1" in out and "nq-c0-7" not in out


def test_highlight_marks_exactly_the_quote_span():
    c = _citation(1, 1)
    doc = parse(citation_card(c, "c0"))
    assert doc.marks == [c.quote]
    assert ARTICLE[c.start - P_START:c.end - P_START] == c.quote
    # The rest of the passage is there, unmarked, before and after the quote.
    text = "".join(doc.text)
    assert ARTICLE[:c.start - P_START] in text and ARTICLE[c.end - P_START:] in text


def test_quote_tooltip_names_the_document_and_offsets():
    c = _citation(1, 1)
    mark = next(a for t, a in parse(citation_card(c, "c0")).tags if t == "mark")
    assert mark["title"] == f"fixture-1, characters {c.start}–{c.end}"


def test_line_breaks_become_br_so_no_blank_line_ends_the_html_block():
    passage = "First paragraph.\n\nSecond paragraph is quoted.\nThird."
    s = passage.index("Second")
    c = Citation(n=1, doc_id="d", quote="Second paragraph is quoted.", start=s, end=s + 27, passage=passage,
                 passage_start=0, passage_end=len(passage))
    out = citation_card(c, "c0")
    assert "\n" not in out and out.count("<br>") == 3
    assert parse(out).marks == ["Second paragraph is quoted."]
    assert "\n" not in streaming_html("a\n\nb")


def test_highlight_first_and_last_sentence_boundaries():
    for i in (0, 2):
        c = _citation(1, i)
        assert parse(highlight_quote(c.passage, c.passage_start, c.start, c.end, c.quote)).marks == [c.quote]


def test_highlight_falls_back_to_finding_the_quote_when_offsets_are_off():
    c = _citation(1, 2)
    out = highlight_quote(c.passage, c.passage_start + 5, c.start, c.end, c.quote)  # offsets shifted by 5
    assert parse(out).marks == [c.quote]


def test_highlight_without_a_match_marks_nothing():
    out = highlight_quote("Some passage.", 0, 50, 60, "not in there")
    assert parse(out).marks == [] and "Some passage." in out


def test_script_in_article_text_is_escaped_everywhere():
    evil = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    passage = f"Before. {evil} After."
    s = passage.index(evil)
    c = Citation(n=1, doc_id='d"1', title=evil, source=evil, published=evil, quote=evil, start=s, end=s + len(evil),
                 passage=passage, passage_start=0, passage_end=len(passage), url="javascript:alert(1)")
    ans = Answer(question=evil, answer=evil, citations=[c],
                 sentences=[AnswerSentence(text=evil, citations=[1], supported=False, reason=evil)])
    for out in (answer_html(ans, "c0"), citation_card(c, "c0"), streaming_html(evil)):
        doc = parse(out)
        tags = {t for t, _ in doc.tags}
        assert "script" not in tags and "img" not in tags
        assert all(not k.startswith("on") for _, attrs in doc.tags for k in attrs)
        assert "&lt;script&gt;" in out
    card = parse(citation_card(c, "c0"))
    assert card.marks == [evil]  # the escaped text is still highlighted, as text
    assert not any(a.get("href", "").startswith("javascript") for _, a in card.tags)


def test_http_urls_become_links_and_others_do_not():
    linked = parse(citation_card(_citation(url="https://example.org/a?b=1&c=2"), "c0"))
    hrefs = [a["href"] for t, a in linked.tags if t == "a"]
    assert hrefs == ["https://example.org/a?b=1&c=2"]
    for bad in ("data:text/html,x", "ftp://x.org/a", "not a url"):
        assert not [t for t, _ in parse(citation_card(_citation(url=bad), "c0")).tags if t == "a"]


def test_unsupported_sentence_is_flagged_with_the_reason_as_tooltip():
    s = AnswerSentence(text="The police confirmed it.", citations=[1], supported=False, support=0.1,
                       reason="the cited passage says it could not confirm")
    doc = parse(sentence_html(s, "c0"))
    span = doc.tags[0][1]
    assert "nq-unsupported" in span["class"]
    assert span["title"] == "Not supported by the cited text: the cited passage says it could not confirm"
    assert "⚠" in "".join(doc.text)
    ok = parse(sentence_html(AnswerSentence(text="Fine.", citations=[1], supported=True), "c0")).tags[0][1]
    assert "nq-unsupported" not in ok["class"] and "title" not in ok


def _classes(doc: _Collector) -> list[str]:
    return [a.get("class") or "" for _, a in doc.tags]


def test_answer_shows_only_supported_sentences_and_lists_the_others_apart_with_reasons():
    ans = Answer(question="q", answer="Good [1].", citations=[_citation()], sentences=[
        AnswerSentence(text="Good.", citations=[1], supported=True),
        AnswerSentence(text="Bad claim.", citations=[1], supported=False, reason="number 9 is not in the cited text",
                       status="unsupported"),
        AnswerSentence(text="Worse claim.", citations=[], supported=False, reason="no valid citation",
                       status="unsupported")])
    out = answer_html(ans, "c0")
    body = out[out.index('<div class="nq-answer">'):out.index("</div>", out.index('<div class="nq-answer">'))]
    assert "Good" in body and "Bad claim" not in body and "Worse claim" not in body
    assert "nq-unsupported" not in out  # nothing unsupported is shown as ordinary (if flagged) answer text
    doc = parse(out)
    assert sum("nq-leftout" in c for c in _classes(doc)) == 1
    left = out[out.index("nq-leftout"):out.index("</details>")]
    assert "2 sentences left out" in left
    assert "<li>Bad claim. <em>(number 9 is not in the cited text)</em></li>" in left
    assert "<li>Worse claim. <em>(no valid citation)</em></li>" in left
    one = answer_html(ans.model_copy(update={"sentences": ans.sentences[:2]}), "c0")
    assert "1 sentence left out" in one
    clean = answer_html(ans.model_copy(update={"sentences": ans.sentences[:1]}), "c0")
    assert "nq-leftout" not in clean and "left out" not in clean


def test_source_card_titles_name_the_outlet_or_the_document_never_a_bare_unknown():
    def title(c: Citation) -> str:
        out = citation_card(c, "c0")
        return out[out.index('class="nq-title"'):].split(">", 1)[1].split("<", 1)[0]

    assert title(_citation()) == "Fixture Gazette: Bridge opens"
    assert title(_citation(title="unknown")) == "Fixture Gazette"
    assert title(_citation(source="unknown")) == "Bridge opens"
    assert title(_citation(title="unknown", source="unknown", doc_id="fixture-3")) == "fixture-3 (outlet unknown)"
    closest = Passage(n=1, chunk_id="c", doc_id="fixture-4", text="Text.", start=0, end=5)
    assert "fixture-4 (outlet unknown)" in answer_html(
        Answer(question="q", answer="no", abstained=True, closest=[closest]), "c0")


def test_abstention_shows_the_notice_and_the_closest_passages():
    closest = [Passage(n=i, chunk_id=f"c{i}", doc_id=f"doc-{i}", title=f"Title {i}", text=f"Passage <b>{i}</b>.",
                       start=0, end=12) for i in (1, 2)]
    ans = Answer(question="Who won the 2014 World Cup?", answer="The indexed articles do not say. (why)",
                 abstained=True, closest=closest,
                 sentences=[AnswerSentence(text="Germany won.", citations=[1], supported=False,
                                           reason="not in the passage")])
    out = answer_html(ans, "c1")
    doc = parse(out)
    classes = [a.get("class") or "" for _, a in doc.tags]
    assert any("nq-abstain" in c for c in classes)
    assert sum("nq-closest" in c for c in classes) == 2
    assert "The indexed articles do not say." in "".join(doc.text)
    assert "Passage <b>1</b>." in "".join(doc.text) and "b" not in {t for t, _ in doc.tags}
    assert not [a for t, a in doc.tags if t == "a" and "nq-cite" in (a.get("class") or "")]  # no markers
    assert "Rejected draft" in out and "Germany won." in out


def test_streaming_text_styles_markers_without_links():
    doc = parse(streaming_html("Council officials confirmed it [1]. More [2, 3]"))
    assert not [t for t, _ in doc.tags if t == "a"]
    assert sum("nq-pending" in (a.get("class") or "") for _, a in doc.tags) == 2


def test_summary_html_lists_notes_sentences_and_cards():
    summ = Summary(summary="s", notes=["Only one outlet covers this."], citations=[_citation(1), _citation(2, 2)],
                   sentences=[AnswerSentence(text="Council officials said so.", citations=[1, 2], supported=True)])
    doc = parse(summary_html(summ))
    assert "Only one outlet covers this." in "".join(doc.text)
    assert [a["href"] for t, a in doc.tags if t == "a"] == ["#nq-sum-1", "#nq-sum-2"]
    assert len(doc.marks) == 2


def test_summary_sections_come_from_the_typed_sections_not_the_text():
    from qa.present.html import summary_sections
    from qa.schema import SummaryAccount, SummaryItem, SummarySection

    a = AnswerSentence(text="The bridge opened on Monday, according to Outlet A [1] and Outlet B [2].",
                       citations=[1, 2], supported=True)
    b = AnswerSentence(text="Accounts of the number differ: 500 cars crossed, according to Outlet A [1]; 300 cars "
                            "crossed, according to Outlet B [2].", citations=[1, 2], supported=True)
    c = AnswerSentence(text="The mayor denied it, according to a spokesman.", citations=[2], supported=False,
                       reason="r")
    sides = [SummaryAccount(n=1, doc_id="a", outlet="Outlet A", speaker="council officials", value="500 cars"),
             SummaryAccount(n=2, doc_id="b", outlet="Outlet B", speaker="the police", value="300 cars")]
    sections = [SummarySection(kind="agreement", heading="Agreed:", items=[SummaryItem(kind="agreement", sentence=a)]),
                SummarySection(kind="conflict", heading="Differ:", items=[
                    SummaryItem(kind="conflict", sentence=b, accounts=sides),
                    SummaryItem(kind="conflict", sentence=c)])]
    # the text says something else entirely: the sections are read from the typed fields
    summ = Summary(summary="unrelated text", sentences=[a, b, c], citations=[_citation(1), _citation(2, 2)],
                   sections=sections)
    assert summary_sections(summ) == [("Agreed:", [a]), ("Differ:", [b, c])]
    out = summary_html(summ)
    assert out.count('class="nq-subhead"') == 2 and out.count("nq-unsupported") == 1
    assert 'class="nq-block nq-agreement"' in out and 'class="nq-block nq-conflict"' in out
    # inline markers become links where they stand; the conflict's sides are shown next to each other
    assert 'Outlet A <a class="nq-cite" href="#nq-sum-1"' in out
    assert out.count('class="nq-side"') == 2 and "500 cars" in out and "300 cars" in out
    assert summary_sections(Summary(summary="x", sentences=[a])) == [(None, [a])]


def test_summary_without_sentences_shows_its_text():
    out = summary_html(Summary(summary="The indexed articles do not cover this topic.",
                               notes=["No document matched."]))
    assert "do not cover this topic" in out and "No document matched." in out


def test_metrics_bars_reflect_the_values():
    out = metrics_html(SummaryMetrics(source_coverage=1.0, citation_balance=0.5, attributed_ratio=0.25,
                                      unsupported_sentences=2, loaded_terms=["regime", "<terror>"]))
    widths = re.findall(r"width:(\d+)%", out)
    assert widths == ["100", "50", "25"]
    assert "nq-good" in out and "nq-mid" in out and "nq-low" in out
    text = "".join(parse(out).text)
    assert "regime" in text and "<terror>" in text and "&lt;terror&gt;" in out
    assert ">2<" in out
    clamped = re.findall(r"width:(\d+)%", metrics_html(SummaryMetrics(source_coverage=1.7, citation_balance=-1)))
    assert clamped[:2] == ["100", "0"]


def test_ingest_report_replaces_upload_paths_and_escapes():
    report = IngestReport(added=1, failed=1, doc_ids=["ok-doc"],
                          errors=["/tmp/gradio/abc/bad<1>.json: not valid JSON"])
    out = ingest_report_html(report, "1 added, 1 failed", {"/tmp/gradio/abc/bad<1>.json": "bad<1>.json"})
    assert "/tmp/gradio" not in out
    assert "bad&lt;1&gt;.json: not valid JSON" in out
    assert "nq-warnbox" in out
    assert "nq-okbox" in ingest_report_html(IngestReport(added=1), "1 added", {})


class _Info:
    def __init__(self, title, n):
        self.title, self.source, self.published, self.n_chunks = title, "src", "2014", n


def test_docs_rows_and_choices():
    docs = {"b": _Info("B title", 3), "a": _Info("A title", 5)}
    assert docs_rows(docs) == [["a", "A title", "src", "2014", 5], ["b", "B title", "src", "2014", 3]]
    assert doc_choices(docs) == [("A title (a)", "a"), ("B title (b)", "b")]


def test_a_repaired_sentence_is_shown_and_what_the_check_changed_is_listed_apart():
    reason = "supported (repaired: left out 'with a population of 40,000', which the cited text does not say)"
    ans = Answer(question="q", answer="Kerrow is a town [1].", citations=[_citation()], sentences=[
        AnswerSentence(text="Kerrow is a town.", citations=[1], supported=True, reason=reason, status="repaired")])
    out = answer_html(ans, "c0")
    assert 'class="nq-note nq-repaired"' in out and "1 sentence changed by the check" in out
    assert f"<li>Kerrow is a town. <em>({esc(reason)})</em></li>" in out
    lines = format_unsupported(ans.sentences)
    assert lines == ["\nChanged by the check:", f"  ~ Kerrow is a town.  [{reason}]"]
    kept = ans.sentences[0].model_copy(update={"status": "kept", "reason": "supported"})
    assert format_unsupported([kept]) == [] and "nq-repaired" not in answer_html(
        ans.model_copy(update={"sentences": [kept]}), "c0")


def test_an_exact_quote_has_its_marker_after_the_closing_quotation_mark():
    """An attributed exact quote (status "quoted" / "source_quote") ends with the article's own words: the marker
    follows the closing quotation mark, as in the answer text; an ordinary sentence keeps it before its full stop."""
    from qa.present.html import sentence_html
    from qa.schema import AnswerSentence

    quote = AnswerSentence(text="According to Daily Fixture, “The bridge reopened on Monday.”", citations=[2],
                           supported=True, status="source_quote")
    assert "".join(parse(sentence_html(quote, "c1")).text).endswith("Monday.”[2]")
    plain = AnswerSentence(text="The bridge reopened on Monday.", citations=[2], supported=True)
    assert "".join(parse(sentence_html(plain, "c1")).text).endswith("Monday[2].")


def test_ingest_report_lists_skipped_duplicates_under_the_names_the_user_chose():
    report = IngestReport(duplicates=1, duplicate_notes=[
        "/tmp/gradio/x/copy.txt: the same text is indexed as 'seed-000'; skipped"])
    out = ingest_report_html(report, "0 added, 1 duplicate skipped", {"/tmp/gradio/x/copy.txt": "copy.txt"})
    assert "copy.txt: the same text is indexed as &#x27;seed-000&#x27;; skipped" in out or \
        "copy.txt: the same text is indexed as 'seed-000'; skipped" in out
    assert "/tmp/gradio" not in out and "nq-okbox" in out  # a skipped copy is not a failure
