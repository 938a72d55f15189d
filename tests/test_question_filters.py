"""Constraints a question states in words ("According to <outlet>, ...", "articles published since ...") become
retrieval filters (qa/retrieve/question_filters.py). TEST DATA: invented outlets, addresses and towns."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest

from qa.answer.pipeline import answer_question
from qa.config import load_settings
from qa.index.store import open_index
from qa.ingest.pipeline import ingest_paths
from qa.retrieve.question_filters import infer_filters, mentioned_in, outlet_aliases
from tests.fake_llm import FakeScriptedLLM


@dataclass
class Info:  # what infer_filters reads of an indexed document
    source: str
    url: str | None = None


DOCS = {"a": Info("The Harbour Herald", "https://www.harbourherald.co.uk/news/1"),
        "b": Info("Valley Wire UK", "https://valleywire.com/x"),
        "c": Info("unknown", None)}
TEXTS = ["Mayor Lin said the harbour wall held. The coastguard confirmed two rescues."]


def infer(question: str):
    return infer_filters(question, DOCS, mentioned_in(TEXTS))


def test_aliases_come_from_the_name_and_the_web_address() -> None:
    assert {"the harbour herald", "harbour herald", "harbourherald"} <= outlet_aliases(*vars(DOCS["a"]).values())
    assert "valleywire uk" in outlet_aliases("Valley Wire UK", "https://valleywire.com/x")
    assert outlet_aliases("unknown", None) == set()
    # a short regional qualifier may be left out, but never down to a single word ("BBC" of "BBC UK")
    assert "valley wire" in outlet_aliases("Valley Wire UK", None)
    assert "bbc" not in outlet_aliases("BBC UK", None)


@pytest.mark.parametrize("question, source", [
    ("According to The Harbour Herald, who held the wall?", "The Harbour Herald"),
    ("What did Harbour Herald report about the rescues?", "The Harbour Herald"),
    ("what did harbourherald report about the storm?", None),  # lower-case brand: not a name in the question
    ("What did ValleyWire UK write about the storm?", "Valley Wire UK"),
    ("How did Valley Wire UK describe the harbour?", "Valley Wire UK"),
    ("In Valley Wire UK coverage, what happened?", "Valley Wire UK"),
    ("According to Valley Wire, how did the wall hold?", "Valley Wire UK"),  # the edition's parent name
    ("What did Mayor Lin say about the wall?", None),  # a person the article quotes, not an outlet
    ("Who held the harbour wall?", None),
])
def test_outlets_named_in_questions(question, source) -> None:
    got = infer(question)
    assert (got.filters.source if got.filters else None) == source
    assert got.unknown_outlet is None


def test_an_outlet_that_is_not_indexed_and_not_mentioned_is_said() -> None:
    got = infer("What did The Daily Planet report about the rescues?")
    assert got.unknown_outlet == "The Daily Planet" and got.filters is None
    # A name the articles mention is not taken for a missing outlet (they may report what it said).
    assert infer("What did The Coastguard report about the rescues?").unknown_outlet is None
    # "according to" may name a speaker: never an unknown outlet.
    assert infer("According to Governor Reyes, what happened?").unknown_outlet is None


@pytest.mark.parametrize("question, since, until", [
    ("What did articles published since January 2015 say about the wall?", 20150101, None),
    ("What did articles published before 2014 report about the wall?", None, 20131231),
    ("What did articles published on or after June 13, 2014 say?", 20140613, None),
    ("What did articles published after June 2014 say?", 20140701, None),
    ("In articles published in June 2014, who held the wall?", 20140601, 20140630),
    ("What happened after June 12?", None, None),  # about events, not publication; and no year
    ("What did the mayor say in 2014 about the floods of 2012?", 20140101, 20141231),
])
def test_publication_dates_named_in_questions(question, since, until) -> None:
    got = infer(question)
    assert (got.filters.since if got.filters else None) == since
    assert (got.filters.until if got.filters else None) == until


def test_a_month_is_not_an_outlet() -> None:
    got = infer("What did The Harbour Herald report in May 2014 about the wall?")
    assert got.filters.source == "The Harbour Herald"
    assert (got.filters.since, got.filters.until) == (20140501, 20140531)


# -- through answer_question, on a small real index (TEST DATA) ----------------------------------------------

ARTICLES = [
    {"id": "herald", "source": "The Harbour Herald", "url": "https://www.harbourherald.co.uk/n/1",
     "published": "2014-06-13", "title": "Storm at Kelby",
     "text": "The harbour wall at Kelby held during the storm on Friday, Mayor Lin said. "
             "The coastguard rescued two sailors near Kelby."},
    {"id": "wire", "source": "Valley Wire UK", "url": "https://valleywire.com/s/2", "published": "2014-06-14",
     "title": "Kelby storm", "text": "The harbour wall at Kelby cracked in the storm, engineers said. "
                                      "Kelby's ferry did not sail on Saturday."},
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("qfilters")
    (root / "articles.jsonl").write_text("\n".join(json.dumps(a) for a in ARTICLES), encoding="utf-8")
    settings = load_settings({"db": str(root / "chroma")})
    assert not ingest_paths([root / "articles.jsonl"], settings).errors
    return settings, open_index(settings)


def test_answer_uses_the_outlet_the_question_names(corpus) -> None:
    settings, index = corpus
    llm = FakeScriptedLLM(lambda p: "The harbour wall at Kelby held during the storm on Friday [1].")  # FAKE model
    answer = answer_question("According to Valley Wire UK, what happened to the harbour wall at Kelby?", index,
                             settings, llm)
    assert "held during the storm" not in "".join(llm.prompts)  # the Herald's passage was never shown
    assert all(c.doc_id == "wire" for c in answer.citations)


def test_unknown_outlet_abstains_without_calling_the_model(corpus) -> None:
    settings, index = corpus
    llm = FakeScriptedLLM("The wall held [1].")  # FAKE model
    answer = answer_question("What did The Daily Planet report about the harbour wall at Kelby?", index, settings,
                             llm)
    assert answer.abstained and "The Daily Planet" in answer.answer and llm.prompts == []


def test_a_date_with_no_articles_abstains_and_says_why(corpus) -> None:
    settings, index = corpus
    llm = FakeScriptedLLM("The wall held [1].")  # FAKE model
    answer = answer_question("What did articles published since January 2015 say about the wall at Kelby?", index,
                             settings, llm)
    assert answer.abstained and "no indexed article matches" in answer.answer and llm.prompts == []
    # Switched off in settings, the same question is answered from every article.
    off = answer_question("What did articles published since January 2015 say about the wall at Kelby?", index,
                          load_settings({"db": str(settings.db), "question_filters": False}), llm)
    assert llm.prompts and off.question
