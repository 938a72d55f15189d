"""Weekday resolution and dates in article text (qa/verify/event_dates.py): unit tests on sentences written for the
test, plus the two real seeds (month-only publication dates)."""

from __future__ import annotations

from datetime import date

import pytest

from qa.ingest.readers import load_seed_documents
from qa.metadata import parse_published
from qa.verify.event_dates import find_dates, resolve_weekday

FRIDAY = parse_published("2014-06-13")  # a Friday
MONTH_ONLY = parse_published("2014-06")


def one(text: str, published=FRIDAY):
    found = find_dates(text, published)
    assert len(found) == 1, found
    d = found[0]
    assert text[d.start:d.end] == d.mention  # offsets are exact
    return d


@pytest.mark.parametrize(("weekday", "direction", "expected"), [
    ("Thursday", "past", "2014-06-12"),
    ("Friday", "past", "2014-06-13"),  # the publication day itself
    ("Friday", "last", "2014-06-06"),
    ("Saturday", "past", "2014-06-07"),
    ("Monday", "future", "2014-06-16"),
    ("Friday", "future", "2014-06-20"),
])
def test_weekday_against_a_day_precision_publication_date(weekday, direction, expected):
    resolved = resolve_weekday(weekday, FRIDAY, direction=direction)
    assert resolved.iso == expected
    assert date.fromisoformat(resolved.iso).strftime("%A") == weekday


def test_weekday_is_never_guessed_from_a_month_or_without_a_date():
    assert not resolve_weekday("Friday", MONTH_ONLY).known
    assert not resolve_weekday("Friday", parse_published("unknown")).known
    assert not resolve_weekday("Monday", FRIDAY, direction="next").known  # "next Monday" is ambiguous
    d = one("The ministry said on Friday that talks would continue.", MONTH_ONLY)
    assert (d.label, d.basis, d.known) == ("a Friday (date not stated)", "unresolved", False)
    assert "month" in d.note


def test_sentence_tense_and_lead_words_pick_the_direction():
    assert one("The minister resigned on Thursday.").iso == "2014-06-12"
    assert one("The committee will meet on Tuesday.").iso == "2014-06-17"
    assert one("He spoke last Friday to reporters.").iso == "2014-06-06"
    nxt = one("Elections are due next Sunday.")
    assert not nxt.known and nxt.label == "the next Sunday (date not stated)"


def test_explicit_date_next_to_the_weekday_gives_the_date_directly():
    d = one("Troops retook the town on Thursday (June 12).", MONTH_ONLY)
    assert (d.iso, d.basis, d.label) == ("2014-06-12", "explicit", "Thursday (2014-06-12)")
    assert d.mention == "Thursday (June 12)"
    assert one("It happened Thursday, June 12, 2014, at dawn.", parse_published("unknown")).iso == "2014-06-12"
    # no publication date and no year: the month-day is kept, the year is not invented
    unknown_year = one("It happened Thursday (June 12).", parse_published("unknown"))
    assert not unknown_year.known and "year not stated" in unknown_year.label


def test_explicit_month_day_takes_the_year_the_weekday_fits():
    # A January article about "Wednesday (December 31)": 2014-12-31 is a Wednesday, and lies before 2015-01-05.
    d = one("The decree was signed on Wednesday (December 31).", parse_published("2015-01-05"))
    assert d.iso == "2014-12-31"
    wrong = one("The decree was signed on Monday (June 12).", MONTH_ONLY)  # June 12, 2014 was a Thursday
    assert wrong.iso == "2014-06-12" and "does not fall" in wrong.note


def test_absolute_and_relative_dates():
    assert one("Fighting resumed on 9 June.", MONTH_ONLY).iso == "2014-06-09"
    assert one("Fighting resumed on June 9, 2013.", MONTH_ONLY).iso == "2013-06-09"
    assert one("The last troops withdrew in 2011.", MONTH_ONLY).iso == "2011"
    assert one("Prices rose in March 2012.", MONTH_ONLY).iso == "2012-03"
    assert one("Prices rose in May.", MONTH_ONLY).iso == "2014-05"
    assert one("Officials met yesterday.").iso == "2014-06-12"
    assert not one("Officials met yesterday.", MONTH_ONLY).known
    assert one("Prices rose earlier this month.", MONTH_ONLY).iso == "2014-06"
    week = one("The city fell earlier this week.", MONTH_ONLY)
    assert not week.known and week.label == "earlier this week (date not stated)"


def test_words_that_only_look_like_dates_are_not_dates():
    assert find_dates("Rebels vowed to march on the capital; they may attack.", MONTH_ONLY) == []
    assert find_dates("About 2014 people signed, and 1999 troops left.", MONTH_ONLY) == []


def test_the_real_seeds():
    docs = {d.doc_id: d for d in load_seed_documents()}
    ibt = find_dates(docs["seed-000"].text, parse_published(docs["seed-000"].published))
    explicit = [d for d in ibt if d.basis == "explicit"]
    assert [d.iso for d in explicit] == ["2014-06-11", "2014-06-12"]
    assert [docs["seed-000"].text[d.start:d.end] for d in explicit] == ["Wednesday (June 11)", "Thursday (June 12)"]
    other = find_dates(docs["seed-003"].text, parse_published(docs["seed-003"].published))
    fridays = [d for d in other if d.mention == "Friday"]
    assert len(fridays) == 3 and all(d.label == "a Friday (date not stated)" and not d.known for d in fridays)
    assert [d.iso for d in other if d.known] == ["2011"]
