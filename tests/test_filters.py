"""--source / --since / --until: filters applied inside retrieval (qa/retrieve/filters.py), on a small real index of
invented test articles (outlets, dates and events are made up for these tests)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from qa.answer.pipeline import answer_question
from qa.cli.ask import main as ask_main
from qa.cli.summarize import main as summarize_main
from qa.config import load_settings
from qa.errors import UsageError
from qa.index import store as index_module
from qa.index.store import open_index
from qa.ingest.pipeline import ingest_paths
from qa.retrieve.filters import Filters, NoMatchError, matching_doc_ids
from qa.retrieve.hybrid import bm25_store, retrieve_passages
from qa.summarize.pipeline import pick_documents
from tests.fake_llm import FakeScriptedLLM


def _story(town: str, extra: str) -> str:
    return (f"Floodwater reached the centre of {town} on Friday after the river burst its banks. "
            f"Emergency crews in {town} moved families to the school hall overnight. "
            f"The mayor of {town} said the pumps would run until the water fell. {extra} "
            f"Roads into {town} stayed closed on Saturday while engineers checked the bridges. "
            f"Volunteers in {town} handed out sandbags and hot drinks to residents. "
            f"Shops on the high street of {town} opened late while owners pumped out their cellars. "
            f"The council of {town} set up a hotline for people whose homes were damaged by the water. "
            f"Farmers near {town} said fields of barley had been under water since Thursday night. "
            f"Insurers sent assessors to {town} on Sunday to look at the damaged houses and cars. "
            f"Schools in {town} stayed shut on Monday because buses could not reach the outlying villages. "
            f"Officials in {town} said a review of the flood defences would begin within a month.")


# TEST DATA written for these tests: invented outlets and towns.
ARTICLES = [
    {"id": "one-june13", "source": "Wire One", "published": "2014-06-13", "title": "Flood in Alderby",
     "author": "Kit Morrow", "text": _story("Alderby", "The gauge at Alderby read 4.2 metres.")},
    {"id": "two-june20", "source": "Wire Two", "published": "2014-06-20", "title": "Flood in Brenton",
     "text": _story("Brenton", "A zeppelinfield sensor in Brenton failed.")},
    {"id": "one-may02", "source": "WIRE  ONE", "published": "May 2, 2014", "title": "Flood in Calder",
     "text": _story("Calder", "Calder had not flooded since 1998.")},
    {"id": "unknown-june", "published": "2014-06", "title": "Flood in Dunmore",
     "text": _story("Dunmore", "Dunmore's harbour wall held.")},
    {"id": "undated", "source": "Wire Two", "title": "Flood in Eskby",
     "text": _story("Eskby", "Eskby's mill was damaged.")},
]
QUESTION = "Where did floodwater reach the town centre and who moved families?"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("filters")
    path = root / "articles.jsonl"
    path.write_text("\n".join(json.dumps(a) for a in ARTICLES), encoding="utf-8")
    settings = load_settings({"db": str(root / "chroma")})
    report = ingest_paths([path], settings)
    assert report.added == len(ARTICLES) and not report.errors
    return settings, open_index(settings)


def _docs(result) -> set[str]:
    return {p.doc_id for p in result.passages}


def test_unfiltered_retrieval_mixes_outlets(corpus) -> None:
    settings, index = corpus
    assert len(_docs(retrieve_passages(QUESTION, index, settings, k=6))) >= 3


def test_source_filter_is_case_and_space_insensitive_and_fills_k(corpus) -> None:
    settings, index = corpus
    result = retrieve_passages(QUESTION, index, settings, k=6, filters=Filters.parse(source="wire one"))
    assert _docs(result) == {"one-june13", "one-may02"}  # "Wire One" and "WIRE  ONE" are one outlet
    assert len(result.passages) == 6  # k passages, all from the filtered set
    assert all(p.source.split() == ["Wire", "One"] or p.source.split() == ["WIRE", "ONE"] for p in result.passages)


def test_date_range_is_inclusive_and_month_dates_match_by_overlap(corpus) -> None:
    settings, index = corpus
    since = retrieve_passages(QUESTION, index, settings, k=8, filters=Filters.parse(since="2014-06-15"))
    assert _docs(since) == {"two-june20", "unknown-june"}  # "2014-06" may be after June 15: kept; undated: never
    until = retrieve_passages(QUESTION, index, settings, k=8, filters=Filters.parse(until="2014-05-31"))
    assert _docs(until) == {"one-may02"}  # "May 2, 2014" was parsed to 2014-05-02
    both = Filters.parse(source="Wire Two", since="2014-06", until="2014-06")
    assert _docs(retrieve_passages(QUESTION, index, settings, k=8, filters=both)) == {"two-june20"}


def test_bm25_only_scores_matching_chunks(corpus) -> None:
    settings, index = corpus
    # "zeppelinfield" occurs only in Wire Two's Brenton article: with a Wire One filter BM25 must not return it.
    store = bm25_store(index)
    assert {cid.split("::")[0] for cid, _ in store.search("zeppelinfield sensor", 5)} == {"two-june20"}
    allowed = set(matching_doc_ids(index.committed_docs(), Filters.parse(source="Wire One")))
    hits = store.search("zeppelinfield sensor floodwater", 24, allowed)
    assert hits and {cid.split("::")[0] for cid in (h[0] for h in hits)} <= {"one-june13", "one-may02"}
    result = retrieve_passages("zeppelinfield sensor", index, settings, k=4, filters=Filters.parse(source="Wire One"))
    assert result.passages and _docs(result) <= {"one-june13", "one-may02"}


def test_no_matching_article_is_an_error_that_says_what_there_is(corpus) -> None:
    settings, index = corpus
    with pytest.raises(NoMatchError) as caught:
        retrieve_passages(QUESTION, index, settings, filters=Filters.parse(source="Daily Nothing"))
    assert str(caught.value) == ("no indexed article matches --source 'Daily Nothing' (outlets in the index: "
                                 "WIRE ONE, Wire One, Wire Two)")
    with pytest.raises(NoMatchError, match=r"^no indexed article matches --since 2030-01-01 \(published 2014-05-02 "
                                           r"… 2014-06-20; 1 without a date\)$"):
        retrieve_passages(QUESTION, index, settings, filters=Filters.parse(since="2030-01-01"))


def test_filters_reach_retrieval_through_answer_question(corpus) -> None:
    settings, index = corpus
    llm = FakeScriptedLLM("Floodwater reached the centre of Calder on Friday after the river burst its banks [1].")
    answer = answer_question("Where did floodwater reach the centre?", index, settings, llm,
                             filters=Filters.parse(until="2014-05-31"))
    assert answer.citations and {c.doc_id for c in answer.citations} == {"one-may02"}
    assert "[1] published 2014-05-02\n" in llm.prompts[0]  # heads carry a full date, no names (qa/answer/pipeline.py)
    assert "Alderby" not in llm.prompts[0] and "Brenton" not in llm.prompts[0]
    with pytest.raises(NoMatchError):
        answer_question("Where?", index, settings, llm, filters=Filters.parse(source="Nobody"))


def test_summaries_pick_only_matching_documents(corpus) -> None:
    settings, index = corpus
    docs, notes, _ = pick_documents(index, settings, None, None, 10, Filters.parse(source="wire two"))
    assert [d.doc_id for d in docs] == ["two-june20", "undated"]
    docs, notes, _ = pick_documents(index, settings, None, ["one-june13", "two-june20"], 10,
                                    Filters.parse(source="wire two"))
    assert [d.doc_id for d in docs] == ["two-june20"]
    assert notes == ["Left out 1 of the documents given to --docs: they do not match --source 'wire two'."]
    with pytest.raises(NoMatchError):
        pick_documents(index, settings, None, None, 10, Filters.parse(since="2099-01-01"))


def test_rows_written_before_the_filter_fields_still_filter_correctly(tmp_path: Path, monkeypatch) -> None:
    settings = load_settings({"db": str(tmp_path / "chroma")})
    old = tmp_path / "old.jsonl"
    old.write_text(json.dumps(ARTICLES[0]), encoding="utf-8")
    with monkeypatch.context() as m:  # an older newsqa stored no news metadata on its rows
        m.setattr(index_module, "_news_meta", lambda doc: {})
        ingest_paths([old], settings)
    new = tmp_path / "new.jsonl"
    new.write_text(json.dumps(ARTICLES[1]), encoding="utf-8")
    ingest_paths([new], settings)
    index = open_index(settings)
    docs = index.committed_docs()
    assert (docs["one-june13"].filterable, docs["two-june20"].filterable) == (False, True)
    assert docs["one-june13"].published_int == 20140613  # read back from the ISO date
    got = retrieve_passages(QUESTION, index, settings, k=4, filters=Filters.parse(source="wire one"))
    assert _docs(got) == {"one-june13"}
    got = retrieve_passages(QUESTION, index, settings, k=4, filters=Filters.parse(since="2014-06-14"))
    assert _docs(got) == {"two-june20"}


def test_parsing_filters() -> None:
    now = datetime(2014, 6, 20, 12, 0)
    f = Filters.parse(source="  Wire   One ", since="7 days ago", until="2014-06", now=now)
    assert (f.source, f.since, f.until) == ("Wire One", 20140613, 20140630)
    assert f.describe() == "--source 'Wire One' --since 2014-06-13 (7 days ago) --until 2014-06-30 (2014-06)"
    assert not Filters.parse("", " ", None).active
    for bad in ("someday soon", "2014-13-01", "32/13/2014"):
        with pytest.raises(UsageError, match=r"^--since: cannot read .* as a date \(use ISO date") as caught:
            Filters.parse(since=bad)
        assert caught.value.exit_code == 2
    with pytest.raises(UsageError, match="is after --until"):
        Filters.parse(since="2014-07-01", until="2014-06-30")
    with pytest.raises(UsageError, match="not an outlet name"):
        Filters.parse(source="unknown")


def test_cli_bad_date_is_exit_2_and_no_match_is_exit_1_without_an_answer(corpus, capsys, monkeypatch) -> None:
    settings, _ = corpus
    import qa.generate.llm

    def no_model(*_a, **_k):  # qa.cli.ask may start loading the model on a thread meanwhile: it never gets one here
        raise RuntimeError("no model in this test")

    monkeypatch.setattr(qa.generate.llm, "get_llm", no_model)
    monkeypatch.setenv("NEWSQA_USE_SERVICE", "false")  # answer in this process, never through a running service
    db = str(settings.db_path)
    assert ask_main(["Where?", "--since", "the day after never", "--db", db]) == 2
    assert "error: --since: cannot read 'the day after never' as a date" in capsys.readouterr().err
    assert ask_main(["Where?", "--until", "", "--db", db]) == 2
    assert "error: --until is empty" in capsys.readouterr().err
    assert ask_main(["Where?", "--source", "Daily Nothing", "--db", db]) == 1
    assert "error: no indexed article matches --source 'Daily Nothing' (outlets in the index:" in \
        capsys.readouterr().err
    assert summarize_main(["--source", "Daily Nothing", "--db", db]) == 1
    assert "error: no indexed article matches --source 'Daily Nothing'" in capsys.readouterr().err
    assert summarize_main(["--since", "blah", "--db", db]) == 2
