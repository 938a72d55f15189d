"""The claim layer (qa/summarize/claim_groups.py), the writer's fallbacks (qa/summarize/write.py) and the issue-18
metrics.

TEST FIXTURES: the articles below are short texts written for these tests (an invented flood in an invented
valley; outlets and people are fictional). Real embeddings and the real verifier; the model is not used (llm=None
means every sentence is written by the deterministic templates) except where a FAKE scripted model is named."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from qa.schema import AnswerSentence, Citation, Document, Summary, SummaryAccount, SummaryItem, SummarySection
from qa.summarize.claim_groups import analyse_documents, extract_claims
from qa.summarize.metrics import (
    agreement_precision,
    attribution_accuracy,
    compute_metrics,
    group_scores,
    sentence_attribution_ok,
)
from qa.summarize.write import write_summary

# ---- TEST FIXTURES ---------------------------------------------------------------------------------------------
HERALD = Document(doc_id="fx-herald", source="Valdoria Herald", title="Dam fails above Merrow", text=(
    "Dam fails above Merrow\n\n"
    "By Lena Ostrova\n\n"
    "The Arlen dam above the town of Merrow failed on Monday night, regional officials confirmed. "
    "Governor Anna Kessel said 40 people had died in the flood. "
    "She said rescue teams from three provinces had reached the valley. "
    "The river rose by four metres in two hours."))
TIMES = Document(doc_id="fx-times", source="Northern Times", title="unknown", text=(
    "The national dam authority said it could not confirm that the Arlen dam had failed. "
    "Governor Anna Kessel said 25 people had died in the flood. "
    "A spokesman for the authority said water was released through the spillway as planned."))
DAILY = Document(doc_id="fx-daily", source="unknown", title="unknown", text=(
    "Rescue teams from three provinces have reached the Arlen valley, the interior ministry said. "
    "Engineers will inspect the dam wall on Tuesday."))
DOCS = {d.doc_id: d for d in (HERALD, TIMES, DAILY)}


@pytest.fixture(scope="module")
def analysed():
    return analyse_documents([HERALD, TIMES, DAILY])


def _by_text(claims, start: str):
    return next(c for c in claims if c.text.startswith(start))


def test_headings_and_bylines_are_not_claims_and_speakers_are_read():
    claims = extract_claims(HERALD)
    texts = [c.text for c in claims]
    assert "Dam fails above Merrow" not in texts and not any(t.startswith("By Lena") for t in texts)
    dam = _by_text(claims, "The Arlen dam")
    assert dam.speaker == "regional officials" and dam.certainty == "confirmed"
    assert "failed on Monday night" in dam.content and "confirmed" not in dam.content
    toll = _by_text(claims, "Governor Anna Kessel said 40")
    assert toll.speaker == "Governor Anna Kessel" and toll.certainty == "said"
    assert [(n.value, n.text) for n in toll.numbers] == [(40.0, "40 people")] or toll.numbers[0].value == 40.0
    # "She said" takes the previous speaker and cites the sentence that names her
    teams = _by_text(claims, "She said")
    assert teams.speaker == "Governor Anna Kessel" and teams.cite_start == toll.start
    river = _by_text(claims, "The river rose")
    assert river.speaker == "" and river.certainty == "stated"
    assert all(c.outlet == "Valdoria Herald" for c in claims)
    # no outlet: the title; neither: the id (never a file name)
    assert extract_claims(DAILY)[0].outlet == "the article fx-daily (outlet unknown)"
    assert _by_text(extract_claims(TIMES), "The national dam").certainty == "not_confirmed"


def test_groups_are_classified_agreement_conflict_and_single(analysed):
    claims, groups = analysed
    kinds = {(g.kind, g.differs_on, tuple(sorted(c.id for c in g.claims))) for g in groups if g.kind != "single"}
    def ids(start: str) -> str:
        return _by_text(claims, start).id

    failed, not_confirmed = ids("The Arlen dam"), ids("The national dam")
    toll_40, toll_25 = ids("Governor Anna Kessel said 40"), ids("Governor Anna Kessel said 25")
    by_member = {c.id: (g.kind, g.differs_on) for g in groups for c in g.claims}
    assert by_member[failed] == ("conflict", "certainty") and by_member[not_confirmed] == ("conflict", "certainty")
    assert by_member[toll_40] == ("conflict", "number") and by_member[toll_25] == ("conflict", "number")
    teams = [c.id for c in claims if "three provinces" in c.text]
    assert len(teams) == 2 and {by_member[t] for t in teams} == {("agreement", "")}
    assert by_member[ids("The river rose")] == ("single", "")
    assert by_member[ids("Engineers will")] == ("single", "")
    assert len(kinds) == 3


def test_templates_cite_both_sides_and_every_agreeing_outlet(analysed):
    _claims, groups = analysed
    written = write_summary(groups, DOCS, None, None, max_sentences=8)
    by_kind = {s.kind: s for s in written.sections}
    agree = by_kind["agreement"].items[0]
    assert {a.doc_id for a in agree.accounts} == {"fx-herald", "fx-daily"}
    assert "Valdoria Herald" in agree.sentence.text and "the article fx-daily (outlet unknown)" in agree.sentence.text
    conflicts = {it.differs_on: it for it in by_kind["conflict"].items}
    certainty = conflicts["certainty"]
    assert {a.certainty for a in certainty.accounts} == {"confirmed", "not_confirmed"}
    assert certainty.sentence.text.startswith("Accounts differ on whether this is confirmed: regional officials "
                                              "confirmed that")
    assert "could not confirm" in certainty.sentence.text and "Northern Times [" in certainty.sentence.text
    number = conflicts["number"]
    assert sorted(a.value for a in number.accounts) == ["25 people", "40 people"]
    singles = by_kind["single"].items
    assert all(it.sentence.text.startswith("Only ") for it in singles)
    summary = Summary(summary="x", sentences=[it.sentence for s in written.sections for it in s.items],
                      citations=written.citations, sections=written.sections, doc_ids=list(DOCS))
    for c in summary.citations:  # exact article spans
        assert DOCS[c.doc_id].text[c.start:c.end] == c.quote
    m = compute_metrics(summary, texts={d: doc.text for d, doc in DOCS.items()})
    assert m.agreement_precision == 1.0 and m.attribution_accuracy == 1.0 and m.conflicts_stated == 2


def test_a_model_wording_the_verifier_rejects_falls_back_to_the_template(analysed):
    from fake_llm import FakeScriptedLLM

    _claims, groups = analysed
    fake = FakeScriptedLLM(lambda prompt: "\n".join(["Officials said 900 people were rescued by helicopter."] * 8))
    written = write_summary(groups, DOCS, fake, None, max_sentences=8)
    assert fake.prompts  # the FAKE model was asked to word the agreement and the single items
    final = [it for s in written.sections for it in s.items]
    assert not any("900" in it.sentence.text for it in final)
    drafted = [it for s in written.draft for it in s.items]
    assert any("900" in it.sentence.text and not it.sentence.supported for it in drafted)
    assert any(n.startswith("Replaced the model's wording") for n in written.notes)


# ---- metrics that can fail: the summary quoted in issue 18 ---------------------------------------------------
def _cite(n: int, doc_id: str, quote: str, source: str, start: int = 0) -> Citation:
    return Citation(n=n, doc_id=doc_id, quote=quote, start=start, end=start + len(quote), source=source)


def test_the_issue_18_summary_does_not_score_1():
    """TEST FIXTURE modelled on the summary quoted in issue 18: a single-source fact under "agree", no conflict
    stated although the gold has one, and an outlet named by a file name."""
    q1 = "Revolutionary Guard and Iraqi troops overtook 85 percent of the city on Thursday."
    q2 = "The Guards lost 12 men near the border, Iranian officials said."
    citations = [_cite(2, "fx-a", q1, "Outlet A"), _cite(4, "fx-b", q2, "Reuters")]
    agree = SummaryItem(kind="agreement", sentence=AnswerSentence(
        text="An article reports that Revolutionary Guard and Iraqi troops overtook 85 percent of the city [2].",
        citations=[2], supported=True))
    single = SummaryItem(kind="single", sentence=AnswerSentence(
        text="According to the article “reuters-guards-killed”, the Guards lost 12 men near the border [4].",
        citations=[4], supported=True))
    summary = Summary(summary="...", sentences=[agree.sentence, single.sentence], citations=citations,
                      doc_ids=["fx-a", "fx-b"], sections=[
                          SummarySection(kind="agreement", heading="What the sources agree on:", items=[agree]),
                          SummarySection(kind="single", heading="Only one:", items=[single])])
    m = compute_metrics(summary)
    # the old metrics are perfect ...
    assert m.source_coverage == 1.0 and m.attributed_ratio == 1.0 and m.unsupported_sentences == 0
    # ... the new ones are not
    assert m.agreement_precision == 0.0  # one cited outlet is no agreement
    assert m.attribution_accuracy == 0.0  # "An article" and a file name instead of the outlets' names
    texts = {"fx-a": "Intro. " + q1, "fx-b": q2 + " More.", "fx-c": "Some 150 Guards were in Iraq, a paper said."}
    gold = [SimpleNamespace(kind="conflict", accounts=[
        SimpleNamespace(doc_id="fx-b", quote="The Guards lost 12 men near the border", value="12"),
        SimpleNamespace(doc_id="fx-c", quote="Some 150 Guards were in Iraq", value="150")])]
    scores = group_scores(summary, gold, texts)
    assert scores["conflict_recall"] == 0.0 and scores["conflict_precision"] is None


def test_conflict_recall_and_precision_against_gold_groups():
    text_a = "Officials said 40 people died. The river rose."
    text_b = "Police said 25 people died. Roads closed."
    ca = _cite(1, "a", "Officials said 40 people died.", "Outlet A")
    cb = _cite(2, "b", "Police said 25 people died.", "Outlet B")
    cc = _cite(3, "a", "The river rose.", "Outlet A", start=text_a.index("The river"))
    right = SummaryItem(kind="conflict", sentence=AnswerSentence(text="x [1]; y [2].", citations=[1, 2]),
                        accounts=[SummaryAccount(n=1, doc_id="a", outlet="Outlet A"),
                                  SummaryAccount(n=2, doc_id="b", outlet="Outlet B")])
    wrong = SummaryItem(kind="conflict", sentence=AnswerSentence(text="z [3].", citations=[3]))
    summary = Summary(summary="", citations=[ca, cb, cc], sections=[
        SummarySection(kind="conflict", heading="Differ:", items=[right, wrong])])
    gold = [SimpleNamespace(kind="conflict", accounts=[
                SimpleNamespace(doc_id="a", quote="40 people died", value="40"),
                SimpleNamespace(doc_id="b", quote="25 people died", value="25")]),
            SimpleNamespace(kind="conflict", accounts=[
                SimpleNamespace(doc_id="a", quote="The river rose", value="rose"),
                SimpleNamespace(doc_id="b", quote="Roads closed", value="closed")])]
    scores = group_scores(summary, gold, {"a": text_a, "b": text_b})
    # gold 1 found by `right`; gold 2 needs both sides and `wrong` cites one: recall 1/2; precision 1/2
    assert scores["conflict_recall"] == 0.5 and scores["conflict_precision"] == 0.5


def test_attribution_needs_the_cited_outlet_and_a_speaker_the_citation_names():
    c = _cite(1, "a", "Governor Anna Kessel said 40 people had died.", "Valdoria Herald")
    assert sentence_attribution_ok("Governor Anna Kessel said 40 people had died, according to Valdoria Herald [1].",
                                   [c])
    assert not sentence_attribution_ok("Mayor Tom Brandt said 40 people had died, according to Valdoria Herald [1].",
                                       [c])  # a speaker the cited sentence does not name
    assert not sentence_attribution_ok("Governor Anna Kessel said 40 people had died [1].", [c])  # outlet unnamed
    agreed = Summary(summary="", citations=[c], sections=[SummarySection(kind="agreement", heading="A", items=[
        SummaryItem(kind="agreement", statement="40 people had died",
                    sentence=AnswerSentence(text="40 people had died, according to Valdoria Herald [1].",
                                            citations=[1]))])])
    assert agreement_precision(agreed) == 0.0  # one outlet
    assert attribution_accuracy(agreed) == 1.0


def test_the_speaker_of_a_model_wording_must_be_the_claims():
    from qa.summarize.write import usable_wording

    toll = _by_text(extract_claims(HERALD), "Governor Anna Kessel said 40")
    assert usable_wording("Governor Anna Kessel said 40 people had died", toll)
    assert not usable_wording("She said 40 people had died", toll)  # a pronoun: the speaker must come from the claim
    assert not usable_wording("Governor Anna Kessel said 40 people had died. [flood]", toll)  # additions
