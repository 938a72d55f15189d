"""The summary pipeline: control flow with the FAKE scripted LLM (tests/fake_llm.py), the CLI's usage errors,
and one end-to-end summary of the seeds with the real default model (marked llm)."""

from __future__ import annotations

import json
import re

import pytest
from fake_llm import FakeScriptedLLM, use_scripted_llm

from qa.cli.summarize import main
from qa.config import Settings, load_settings
from qa.index.store import open_index
from qa.ingest.chunking import split_sentences
from qa.schema import Passage, Summary
from qa.summarize.pipeline import HEADINGS, NOT_COVERED, summarize
from qa.summarize.reading import speaker_of

_ITEM = re.compile(r"^Item \d+:\n- (.*)$", re.M)


def echo(prompt: str) -> str:
    """FAKE model behaviour: restate the first sentence of every item, unchanged (always supported)."""
    return "\n".join(_ITEM.findall(prompt))


def _check_citations(summary: Summary, index) -> None:
    """Every citation quotes its article exactly, and every sentence's markers have a citation."""
    known = {c.n for c in summary.citations}
    for c in summary.citations:
        assert index.get_document(c.doc_id).text[c.start:c.end] == c.quote
    for s in summary.sentences:
        assert s.citations and set(s.citations) <= known


def _items(summary: Summary, kind: str):
    return [it for s in summary.sections if s.kind == kind for it in s.items]


# ---- the seeds, fake model --------------------------------------------------------------------------------
def test_seeds_summary_has_typed_agreement_conflict_and_single_sections(seeded_index, seeded_settings):
    fake = FakeScriptedLLM(echo)
    streamed: list[str] = []
    summary = summarize(seeded_index, seeded_settings, fake, on_token=streamed.append)
    assert summary.doc_ids == ["seed-000", "seed-003"]
    assert [s.kind for s in summary.sections] == ["agreement", "conflict", "single"]
    _check_citations(summary, seeded_index)
    # the confirmed / could-not-confirm conflict, both sides cited with outlet and speaker
    conflict = next(it for it in _items(summary, "conflict") if it.differs_on == "certainty")
    sides = {(a.doc_id, a.certainty) for a in conflict.accounts}
    assert ("seed-000", "confirmed") in sides and ("seed-003", "not_confirmed") in sides
    assert "International Business Times UK [" in conflict.sentence.text
    assert "the article seed-003 (outlet unknown) [" in conflict.sentence.text
    # an agreement cites both articles
    assert any({a.doc_id for a in it.accounts} == {"seed-000", "seed-003"} for it in _items(summary, "agreement"))
    assert all(it.sentence.text.startswith("Only ") for it in _items(summary, "single"))
    m = summary.metrics
    assert m.agreement_precision == 1.0 and m.attribution_accuracy == 1.0 and m.conflicts_stated >= 1
    assert m.source_coverage == 1.0 and m.unsupported_sentences == 0 and m.loaded_terms == []
    assert summary.draft_metrics is not None
    assert "".join(streamed).startswith(HEADINGS["agreement"])
    assert fake.prompts and all(len(p) < 4000 for p in fake.prompts)  # short prompts for the small model


def test_a_fabricated_wording_is_replaced_and_noted(seeded_index, seeded_settings):
    def fabricate(prompt: str) -> str:
        return "\n".join("Iranian security sources said 9,000 tanks crossed into Iraq." for _ in _ITEM.findall(prompt))

    summary = summarize(seeded_index, seeded_settings, FakeScriptedLLM(fabricate))
    assert "9,000" not in summary.summary
    assert any(n.startswith("Replaced the model's wording") and "9,000 tanks" in n for n in summary.notes)
    assert summary.metrics.unsupported_sentences == 0
    # the draft (the model's wordings) is measured too, and is worse
    assert summary.draft_metrics.unsupported_sentences > 0


def test_every_source_is_cited_even_when_the_model_writes_nothing(seeded_index, seeded_settings):
    summary = summarize(seeded_index, seeded_settings, FakeScriptedLLM(""))
    assert {c.doc_id for c in summary.citations} == {"seed-000", "seed-003"}
    assert summary.metrics.source_coverage == 1.0 and summary.metrics.unsupported_sentences == 0


def test_loaded_words_of_the_article_stay_inside_its_quoted_sentence(seeded_index, seeded_settings):
    summary = summarize(seeded_index, seeded_settings, FakeScriptedLLM(echo), doc_ids=["seed-000"], max_sentences=15)
    assert summary.metrics.loaded_terms == []
    assert any("jihadists" in s.text or "terrorist" in s.text for s in summary.sentences)  # quoted, attributed


def test_one_source_says_so(seeded_index, seeded_settings):
    summary = summarize(seeded_index, seeded_settings, FakeScriptedLLM(echo), doc_ids=["seed-003"])
    first = summary.summary.splitlines()[0]
    assert first == "Only one source covers this: seed-003 (outlet unknown)."  # no outlet, no title: its id
    assert summary.notes[0] == first
    assert not any(h in summary.summary for h in HEADINGS.values())
    assert summary.doc_ids == ["seed-003"] and [s.kind for s in summary.sections] == ["single"]
    assert summary.metrics.source_coverage == 1.0 and summary.metrics.citation_balance == 1.0
    other = summarize(seeded_index, seeded_settings, FakeScriptedLLM(echo), doc_ids=["seed-000"])
    assert other.summary.splitlines()[0] == "Only one source covers this: International Business Times UK."


def test_unrelated_topic_is_not_summarised_and_the_model_is_not_called(seeded_index, seeded_settings):
    fake = FakeScriptedLLM(echo)
    summary = summarize(seeded_index, seeded_settings, fake, topic="a recipe for chocolate cake with cream")
    assert summary.summary == NOT_COVERED
    assert fake.prompts == [] and summary.sentences == [] and summary.doc_ids == []


# ---- repairs, unit level ----------------------------------------------------------------------------------
def _passage(doc_text: str, sentence: str, n: int = 1) -> Passage:
    start = doc_text.index(sentence)
    return Passage(n=n, chunk_id="x", doc_id="seed-000", text=sentence, start=start, end=start + len(sentence),
                   sentences=[(start, start + len(sentence))])


def test_speakers_are_read_from_the_articles_attribution(seeded_index):
    """The seeds' own sentences: an attribution at the end, at the start, after an apposition, after a quotation,
    "according to", and sentences in the article's own voice."""
    seeds = {d: seeded_index.get_document(d).text for d in ("seed-000", "seed-003")}

    def sentence(start: str) -> str:
        return next(t[s:e] for t in seeds.values() for s, e in split_sentences(t) if t[s:e].startswith(start))

    assert speaker_of(sentence("Iran's elite Revolutionary Guards have been deployed")) == "Iranian security sources"
    assert speaker_of(sentence("Iran has sent about 500")) == "a senior security official in Baghdad"
    assert speaker_of(sentence("However, the Pentagon said")) == "the Pentagon"
    assert speaker_of(sentence("Iran's chief of police")) == "Iran's chief of police"
    assert speaker_of(sentence("“The plan consists")) == "Maan"
    assert speaker_of(sentence("“I’ve seen the press")) == "spokesman Rear Admiral John Kirby"
    assert speaker_of("Iran has sent units into Iraq, according to Iranian security sources.") == \
        "Iranian security sources"  # TEST FIXTURE: "according to" (no seed sentence names its speaker that way)
    assert speaker_of(sentence("ISIS militants seized Mosul")) is None
    assert speaker_of(sentence("The last U.S. troops withdrew")) is None
    assert speaker_of("By Friday their forces were reported to be near the capital.") is None  # a passive


# ---- many sources (synthetic test data) -------------------------------------------------------------------
# TEST DATA: ten short synthetic articles about an invented flood (places, people and outlets are fictional).
SYNTHETIC = [
    ("flood-01", "Dam fails above Merrow", "Valdoria Herald",
     "The Arlen dam above the town of Merrow failed on Monday night, regional officials said. "
     "Governor Anna Kessel said 40 people had died and 2,000 had been evacuated. "
     "Rescue teams from three provinces were sent to the valley."),
    ("flood-02", "Dam operator rejects failure reports", "Northern Times",
     "Hydrovale, the company that runs the Arlen dam, denied that the dam had failed. "
     "A company spokesman said water was released through the spillway as planned. "
     "Engineers inspected the wall on Tuesday."),
    ("flood-03", "Ministry cannot confirm toll", "Capital Daily",
     "The interior ministry said it could not confirm the death toll given by regional officials. "
     "Minister Paul Regan told reporters that counting was still under way."),
    ("flood-04", "Record rain in the Arlen valley", "Weather Watch",
     "The national weather office said 300 millimetres of rain fell in two days. "
     "Forecasters said more rain was expected on Thursday."),
    ("flood-05", "Merrow residents describe the night", "Merrow Post",
     "Residents said the water rose within minutes after midnight. "
     "Shopkeeper Lena Ostrova said her store was flooded to the ceiling."),
    ("flood-06", "Schools close across the valley", "Education Weekly",
     "The education board said 45 schools in the valley would stay closed for a week. "
     "Exams planned for June were postponed."),
    ("flood-07", "Red Cross opens shelters", "Relief Wire",
     "The Red Cross said it had opened 12 shelters for people who fled Merrow. "
     "Volunteers handed out water and blankets."),
    ("flood-08", "Rail line cut", "Transport Today",
     "The rail operator said the line between Merrow and Dunmore was cut by the flood. "
     "Buses replaced trains for the rest of the week."),
    ("flood-09", "Farmers count losses", "Farm Journal",
     "The farmers' union estimated that 8,000 hectares of crops were under water. "
     "Union leader Marta Hale said many farmers had no insurance."),
    ("flood-10", "Insurers brace for claims", "Money Line",
     "Insurers said claims from the flood could reach 200 million crowns. "
     "Analysts said the estimate was preliminary."),
]


@pytest.fixture(scope="module")
def flood_settings(tmp_path_factory) -> Settings:
    from qa.ingest.pipeline import ingest_paths

    folder = tmp_path_factory.mktemp("flood")
    for doc_id, title, source, body in SYNTHETIC:
        (folder / f"{doc_id}.md").write_text(f"---\nid: {doc_id}\ntitle: {title}\nsource: {source}\n---\n{body}\n",
                                             encoding="utf-8")
    s = load_settings({"db": str(folder / "chroma")})
    report = ingest_paths([folder], s)
    assert report.added == 10 and not report.errors
    return s


def test_ten_sources_are_all_cited_with_a_difference_found(flood_settings):
    index = open_index(flood_settings)
    fake = FakeScriptedLLM(echo)
    summary = summarize(index, flood_settings, fake)
    assert len(summary.doc_ids) == 10
    assert {c.doc_id for c in summary.citations} == {d for d, *_ in SYNTHETIC}
    _check_citations(summary, index)
    m = summary.metrics
    assert m.source_coverage == 1.0 and m.unsupported_sentences == 0 and m.citation_balance > 0.8
    # the operator's denial / the ministry's non-confirmation is stated as a conflict with both sides
    conflicts = _items(summary, "conflict")
    assert any({a.certainty for a in it.accounts} & {"denied", "not_confirmed"} and len(it.accounts) >= 2
               for it in conflicts), summary.summary


def test_max_sources_caps_the_documents_and_says_so(flood_settings):
    summary = summarize(open_index(flood_settings), flood_settings, FakeScriptedLLM(echo), max_sources=4)
    assert len(summary.doc_ids) == 4
    assert any(n.startswith("Summarised 4 of 10 documents") for n in summary.notes)


def test_cli_unknown_doc_id_is_a_usage_error(seeded_settings, capsys):
    code = main(["--db", str(seeded_settings.db_path), "--docs", "seed-000,nope"])
    err = capsys.readouterr().err
    assert code == 2
    assert "unknown document id 'nope'" in err and "seed-000, seed-003" in err
    assert "Traceback" not in err


def test_cli_empty_topic_is_a_usage_error(seeded_settings, capsys):
    assert main(["--db", str(seeded_settings.db_path), "--topic", "  "]) == 2
    assert "topic is empty" in capsys.readouterr().err


def test_cli_streams_then_prints_sources_and_metrics(seeded_settings, capsys, monkeypatch):
    use_scripted_llm(monkeypatch, echo)
    assert main(["--db", str(seeded_settings.db_path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(HEADINGS["agreement"])
    assert "== Where the accounts differ:" in out  # the blocks, a conflict's accounts listed side by side
    assert "\nSources:\n" in out and "(seed-003)" in out
    assert "Metrics: agreement precision 1.00 · attribution accuracy 1.00" in out
    assert "Draft (model wording, before fallbacks):" in out


def test_cli_json_prints_the_summary_contract(seeded_settings, capsys, monkeypatch):
    use_scripted_llm(monkeypatch, echo)
    assert main(["--db", str(seeded_settings.db_path), "--json", "--docs", "seed-000", "--max-sentences", "3"]) == 0
    data = json.loads(capsys.readouterr().out)
    summary = Summary.model_validate(data)
    assert summary.doc_ids == ["seed-000"] and summary.metrics.source_coverage == 1.0
    assert len(summary.sentences) <= 3
    assert data["sections"] and data["sections"][0]["kind"] == "single"
    assert [it["sentence"]["text"] for s in data["sections"] for it in s["items"]] == [
        s.text for s in summary.sentences]


# ---- the real model ---------------------------------------------------------------------------------------
@pytest.mark.llm
def test_real_model_summary_of_the_seeds(seeded_index, seeded_settings):
    """Issue 18 done-when: on the real seeds the summary states the confirmed / could-not-confirm conflict with
    both sides cited, and at least one agreement cited to both articles."""
    from qa.generate.llm import get_llm

    summary = summarize(seeded_index, seeded_settings, get_llm(seeded_settings))
    print(summary.summary)
    _check_citations(summary, seeded_index)
    conflicts = [it for it in _items(summary, "conflict") if it.differs_on == "certainty"]
    assert conflicts, summary.summary
    cited = {(a.doc_id, a.certainty) for it in conflicts for a in it.accounts}
    assert ("seed-000", "confirmed") in cited and ("seed-003", "not_confirmed") in cited
    by_n = {c.n: c for c in summary.citations}
    for it in conflicts:
        assert {by_n[n].doc_id for n in it.sentence.citations} == {"seed-000", "seed-003"}
        assert re.search(r"could not confirm|nothing to confirm", it.sentence.text)
    assert any({by_n[n].doc_id for n in it.sentence.citations} == {"seed-000", "seed-003"}
               for it in _items(summary, "agreement")), summary.summary
    m = summary.metrics
    assert m.unsupported_sentences == 0 and m.loaded_terms == [] and m.source_coverage == 1.0
    assert m.agreement_precision == 1.0 and m.attribution_accuracy == 1.0
