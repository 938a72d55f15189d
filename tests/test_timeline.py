"""Timeline ordering and conflict grouping (qa/news/timeline.py) and the outlet comparison (qa/news/compare.py), on
short
FIXTURE articles written for these tests (not news; outlets invented), with real embeddings; then the real seeds."""

from __future__ import annotations

import pytest

from qa.ingest.readers import load_seed_documents
from qa.news.articles import check_quotes, load_articles
from qa.news.compare import compare_outlets
from qa.news.timeline import build_timeline
from qa.schema import Document

# FIXTURE articles (written for this test). Harbor Gazette is dated to the day (2023-03-10 is a Friday); Coastal
# Times only to the month, so its bare "Tuesday" must stay undated.
HARBOR = Document(doc_id="fx-harbor", source="Harbor Gazette", published="2023-03-10", published_int=20230310, text=(
    "Port officials confirmed on Tuesday that the new container crane had been installed at the north pier. "
    "Dock workers began a strike on Wednesday, March 8, over night-shift pay. "
    "The city council will vote on the harbor budget on Monday. "
    "The crane weighs 40 tonnes and can lift two containers at once. "
    "Tourism at the old lighthouse has grown every summer."))
COASTAL = Document(doc_id="fx-coastal", source="Coastal Times", published="2023-03", published_int=20230300, text=(
    "A port spokesman said on Tuesday he could not confirm that the new container crane had been installed at "
    "the north pier. "
    "The harbor first opened to cargo ships in 1998. "
    "The new crane weighs 55 tonnes, according to the manufacturer. "
    "Ferry services to the islands were suspended earlier this week. "
    "Fishermen complained about the smell from the fish market."))
UNKNOWN = Document(doc_id="fx-anon", source="unknown", published="unknown", text=(
    "The lighthouse museum reopened after repairs. Visitors said the new exhibition about old shipwrecks was "
    "worth the trip."))


@pytest.fixture(scope="module")
def articles():
    return load_articles([HARBOR, COASTAL, UNKNOWN], None, 0.25)


@pytest.fixture(scope="module")
def fixture_timeline(articles):
    return build_timeline(articles)


def _event_with(timeline, fragment):
    found = [e for e in timeline.events if any(fragment in a.quote for a in e.accounts)]
    assert len(found) == 1, [e.date.label for e in found]
    return found[0]


def test_dated_events_come_in_time_order_then_the_undated(fixture_timeline):
    events = fixture_timeline.events
    dated = [e for e in events if e.date.known]
    firsts = [e.date.iso for e in dated]
    assert firsts == sorted(firsts)
    assert firsts[0] == "1998"  # a year sorts before the days of 2023
    assert {"2023-03-07", "2023-03-08", "2023-03-13"} <= set(firsts)  # Tuesday before, Wednesday stated, Monday next
    first_undated = next(i for i, e in enumerate(events) if not e.date.known)
    assert all(not e.date.known for e in events[first_undated:])
    ferry = _event_with(fixture_timeline, "Ferry services")
    assert ferry.date.label == "earlier this week (date not stated)" and events.index(ferry) >= first_undated


def test_conflicting_accounts_of_one_event_are_grouped_side_by_side(fixture_timeline):
    event = _event_with(fixture_timeline, "container crane had been installed")
    assert event.relation == "conflict" and "certainty" in event.conflict
    by_doc = {a.doc_id: a for a in event.accounts}
    assert set(by_doc) == {"fx-harbor", "fx-coastal"}
    assert by_doc["fx-harbor"].certainty == "confirmed"
    assert by_doc["fx-coastal"].certainty == "not_confirmed" and by_doc["fx-coastal"].speaker == "A port spokesman"
    # the event is dated by the account that states a date; the other keeps its own, unresolved weekday
    assert event.date.iso == "2023-03-07"
    assert by_doc["fx-coastal"].date.label == "a Tuesday (date not stated)"


def test_different_numbers_for_the_same_thing_are_a_conflict(fixture_timeline, articles):
    # The weight sentences carry no date and no confirmation: they are not events by themselves, so check the
    # relation rule on them through a timeline of just those two sentences' articles' events.
    from qa.news.schema import Account
    from qa.news.timeline import _relation

    a = Account(n=1, doc_id="fx-harbor", outlet="Harbor Gazette", quote="The crane weighs 40 tonnes", start=0, end=1)
    b = Account(n=2, doc_id="fx-coastal", outlet="Coastal Times", quote="The new crane weighs 55 tonnes", start=0,
                end=1)
    relation, why = _relation([a, b])
    assert relation == "conflict" and "40 tonnes" in why and "55 tonnes" in why
    c = b.model_copy(update={"quote": "The new crane weighs 40 tonnes"})
    assert _relation([a, c])[0] == "agree"


def test_quotes_are_exact_article_spans(fixture_timeline):
    docs = {d.doc_id: d for d in (HARBOR, COASTAL, UNKNOWN)}
    assert check_quotes(fixture_timeline.citations, docs) == []
    for event in fixture_timeline.events:
        for a in event.accounts:
            assert docs[a.doc_id].text[a.start:a.end] == a.quote
            assert fixture_timeline.citations[a.n - 1].quote == a.quote


def test_a_sentence_with_two_dates_is_split_into_its_dated_clauses():
    doc = Document(doc_id="fx-two", source="Valley Post", published="2023-05", published_int=20230500, text=(
        "The river flooded the lower town on Monday (May 1), but the water fell back on Wednesday (May 3)."))
    t = build_timeline(load_articles([doc], None, 0.25))
    assert [(e.date.iso, e.accounts[0].quote) for e in t.events] == [
        ("2023-05-01", "The river flooded the lower town on Monday (May 1)"),
        ("2023-05-03", "the water fell back on Wednesday (May 3).")]


def test_comparison_has_a_cited_paragraph_per_outlet(articles):
    result = compare_outlets(articles)
    names = [r.outlet for r in result.outlets]
    assert names == ["Harbor Gazette", "Coastal Times", "fx-anon (outlet unknown)"]  # unknown stays unknown
    docs = {d.doc_id: d for d in (HARBOR, COASTAL, UNKNOWN)}
    assert check_quotes(result.citations, docs) == []
    for report in result.outlets:
        assert report.sentences and report.paragraph
        for s in report.sentences:
            assert s.citations
            for q in s.quotes:  # every quoted piece is in the text of a cited sentence
                assert any(q in result.citations[n - 1].quote for n in s.citations)
    harbor = result.outlets[0]
    only = [s for s in harbor.sentences if s.kind == "only"]
    assert only and all(s.text.startswith(("Only Harbor Gazette reports", "Only it also reports")) for s in only)
    assert not any("crane had been installed" in q for s in only for q in s.quotes)  # the other outlet reports it
    coastal = result.outlets[1]
    assert "A port spokesman" in coastal.speakers
    differs = [s for r in result.outlets for s in r.sentences if s.kind == "differs"]
    assert any("could not confirm" in s.text and "confirmed" in s.text for s in differs)


def test_real_seeds_timeline():
    t = build_timeline(load_articles(load_seed_documents(), None, 0.25))
    labels = [e.date.label for e in t.events]
    assert labels.index("Wednesday (2014-06-11)") < labels.index("Thursday (2014-06-12)")
    assert labels[0] == "2011"
    deployment = _event_with(t, "Iranian security sources have confirmed")
    assert deployment.relation == "conflict"
    certainties = {(a.doc_id, a.certainty) for a in deployment.accounts}
    assert ("seed-000", "confirmed") in certainties and ("seed-003", "not_confirmed") in certainties
    assert not deployment.date.known  # seed-003's "Friday" cannot be dated from a month-only publication date
    outlets = {a.outlet for e in t.events for a in e.accounts}
    assert outlets == {"International Business Times UK", "seed-003 (outlet unknown)"}
