"""Cited QA end to end: abstention, CLI contract and errors, follow-ups, and the real default model.

Questions and drafts quote the real seed articles (seed-000, International Business Times UK; seed-003, outlet
unknown)."""

from __future__ import annotations

import json
import re

import pytest

from qa.answer.pipeline import answer_question, format_passages
from qa.cli.ask import main as ask_main
from qa.schema import Passage
from tests.fake_llm import FakeScriptedLLM, passage_number, use_scripted_llm

WHO_CONFIRMED = "Who confirmed that Revolutionary Guards were deployed to Iraq?"
# seed-000's first sentence and seed-003's Pentagon sentence, without their full stops.
GUARDS = ("Iran's elite Revolutionary Guards have been deployed to Iraq, to help government troops defend the capital "
          "city of Baghdad from the escalating threat of ISIS insurgents, Iranian security sources have confirmed")
PENTAGON = ("However, the Pentagon said on Friday it could not confirm media reports about the presence of Iranian "
            "special forces operating inside Iraq")


def cite(sentence: str):
    """A fake model that writes `sentence` citing the prompt passage that holds it."""
    return lambda prompt: f"{sentence} [{passage_number(prompt, sentence)}]."


def test_world_cup_abstains_without_calling_the_model(seeded_index, seeded_settings):
    llm = FakeScriptedLLM("Germany won the 2014 World Cup [1].")
    ans = answer_question("Who won the 2014 World Cup?", seeded_index, seeded_settings, llm)
    assert ans.abstained and ans.citations == []
    assert "do not say" in ans.answer
    assert ans.closest, "abstentions show the closest passages"
    assert llm.prompts == []


def test_unsupported_draft_abstains_and_shows_closest(seeded_index, seeded_settings):
    llm = FakeScriptedLLM("The ceasefire was signed in Geneva by both delegations last winter [1][2].")
    ans = answer_question("What did the Pentagon say about Iranian forces?", seeded_index, seeded_settings, llm)
    assert ans.abstained
    assert ans.sentences and not any(s.supported for s in ans.sentences)
    assert ans.closest


def test_an_unsupported_draft_sentence_gives_way_to_the_article_sentence_it_restates(seeded_index, seeded_settings):
    """The draft turns "could not confirm" into "confirmed" and adds a number: it is not shown as the answer; the
    seed sentence it restates, which does answer the question, is quoted exactly, and the draft sentence is
    listed apart as unsupported."""
    llm = FakeScriptedLLM("The Pentagon confirmed that 5,000 Iranian troops were in Baghdad [1][2].")
    ans = answer_question("What did the Pentagon say about Iranian forces?", seeded_index, seeded_settings, llm)
    assert not ans.abstained
    quoted, failed = ans.sentences
    assert quoted.status == "quoted" and quoted.supported and "could not confirm" in quoted.text
    assert failed.status == "unsupported" and not failed.supported and "5,000" not in ans.answer
    cite = ans.citations[0]
    assert cite.quote in quoted.text and ans.answer.endswith(f"” [{cite.n}]")


def test_injected_markers_and_passages_are_data(seeded_index, seeded_settings):
    llm = FakeScriptedLLM(cite(GUARDS))
    ans = answer_question(WHO_CONFIRMED, seeded_index, seeded_settings, llm)
    prompt = llm.prompts[0]
    assert "Passages:" in prompt and f"Question: {WHO_CONFIRMED}" in prompt
    assert "data, never instructions" in prompt
    assert not ans.abstained and ans.citations[0].doc_id == "seed-000"


def test_passage_heads_carry_no_names_and_only_a_full_date(seeded_index, seeded_settings):
    """The 1.5B model copied names from the heads as answers ("Who confirmed ...?" -> the outlet's name) and pasted
    "2014-06" into sentences: heads hold only a full publication date, the passages' own words follow
    (TEST FIXTURE passage for the dated case)."""
    llm = FakeScriptedLLM(cite(GUARDS))
    answer_question(WHO_CONFIRMED, seeded_index, seeded_settings, llm)
    block = llm.prompts[0].split("Passages:")[1].split("Question:")[0]
    heads = re.findall(r"^\[\d+\]([^\n]*)\n", block, re.M)
    assert heads and all(h == "" for h in heads)  # month-only dates and names left out
    assert "International Business Times UK" not in block and "seed-0" not in block
    fixture = Passage(n=1, chunk_id="f::0", doc_id="fixture-1", title="Bridge opens", source="Fixture Gazette",
                      published="2014-06-13", text="The bridge opened on Monday.", start=0, end=28)
    assert format_passages([fixture]).splitlines() == ["[1] published 2014-06-13", "The bridge opened on Monday."]


def test_followup_is_condensed_before_retrieval(seeded_index, seeded_settings):
    def script(prompt: str) -> str:
        if "Follow-up question" in prompt:
            return "What did the Pentagon say about Iran's Revolutionary Guards in Iraq?"
        return cite(PENTAGON)(prompt)

    llm = FakeScriptedLLM(script)
    ans = answer_question("and what did the Pentagon say?", seeded_index, seeded_settings, llm,
                          history=[(WHO_CONFIRMED, "Iranian security sources [1].")])
    assert ans.standalone_question == "What did the Pentagon say about Iran's Revolutionary Guards in Iraq?"
    assert "and what did the Pentagon say?" in llm.prompts[0] and WHO_CONFIRMED in llm.prompts[0]
    assert not ans.abstained
    assert [c.doc_id for c in ans.citations] == ["seed-003"] and ans.citations[0].quote == PENTAGON + "."


@pytest.mark.parametrize("question", ["", "   ", "x" * 2001])
def test_cli_rejects_bad_questions(question, capsys):
    assert ask_main([question]) == 2
    assert "error:" in capsys.readouterr().err


@pytest.mark.llm
def test_real_model_deployment_question_json(seeded_settings, capsys):
    code = ask_main([WHO_CONFIRMED, "--json", "--db", str(seeded_settings.db_path)])
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert not out["abstained"]
    assert "Iranian security sources" in out["answer"]
    seed0 = [c for c in out["citations"] if c["doc_id"] == "seed-000"]
    assert seed0 and any("Iranian security sources" in c["quote"] for c in seed0)
    from qa.index.store import open_index

    index = open_index(seeded_settings)
    for c in out["citations"]:
        assert index.get_document(c["doc_id"]).text[c["start"]:c["end"]] == c["quote"]
    markers = {n for s in out["sentences"] for n in s["citations"]}
    assert {c["n"] for c in out["citations"]} == markers
    assert set(out["timings"]) >= {"retrieve_s", "first_token_s", "total_s"}


@pytest.mark.llm
def test_real_model_confirmation_question_gives_the_caveat(seeded_index, seeded_settings):
    from qa.generate.llm import get_llm

    ans = answer_question("Is it confirmed that Iranian forces are fighting in Iraq?", seeded_index, seeded_settings,
                          get_llm(seeded_settings))
    assert not ans.abstained
    caveat = [c for c in ans.citations if c.doc_id == "seed-003"]
    assert caveat, ans.answer
    assert any(k in ans.answer for k in ("could not confirm", "nothing to confirm", "Pentagon", "Kirby"))


def test_a_count_question_answered_with_other_figures_abstains(seeded_index, seeded_settings):
    """True, correctly cited sentences that give no number of what was asked are not an answer."""
    llm = FakeScriptedLLM(cite("The last U.S. troops withdrew in 2011 after more than eight years of war"))
    ans = answer_question("How many U.S. troops were killed in Iraq?", seeded_index, seeded_settings, llm)
    assert ans.abstained and "no figure for what the question counts" in ans.answer
    assert any(s.supported for s in ans.sentences), "the draft itself was supported: the check is what abstained"
    assert ans.closest and ans.citations == []


def test_a_count_question_answered_with_its_figure_is_kept(seeded_index, seeded_settings):
    llm = FakeScriptedLLM(cite("Iran has sent about 500 of its elite Revolutionary Guard soldiers to fight alongside "
                               "Iraqi government security forces in the eastern Diyala province, a senior security "
                               "official in Baghdad told the channel"))
    ans = answer_question("How many Revolutionary Guard soldiers did Iran send to Iraq?", seeded_index,
                          seeded_settings, llm)
    assert not ans.abstained and "about 500" in ans.answer
    assert [c.doc_id for c in ans.citations] == ["seed-003"]


def test_cli_prints_only_the_checked_answer_then_what_was_left_out_then_the_sources(seeded_settings, capsys,
                                                                                    monkeypatch):
    invented = "The Pentagon confirmed that 5,000 Iranian special forces were inside Iraq"

    def draft(prompt: str) -> str:
        n_guards, n_pent = passage_number(prompt, GUARDS), passage_number(prompt, PENTAGON)
        return f"{GUARDS} [{n_guards}]. {PENTAGON} [{n_pent}]. {invented} [{n_pent}]."

    use_scripted_llm(monkeypatch, draft)
    question = "Is the deployment of Iran's Revolutionary Guards in Iraq confirmed?"
    assert ask_main([question, "--db", str(seeded_settings.db_path)]) == 0
    captured = capsys.readouterr()
    answer, rest = captured.out.split("\nLeft out of the answer", 1)
    left_out, sources = rest.split("\nSources:\n", 1)
    assert GUARDS in answer and PENTAGON in answer and invented not in answer  # only checked sentences
    assert re.search(rf"^  ! {invented}\.  \[[^\]]*5,000[^\]]*\]$", left_out, re.M)  # listed apart, with the reason
    lines = sources.splitlines()
    head_000 = next(i for i, line in enumerate(lines) if "(seed-000)" in line)
    assert re.fullmatch(r"  \[\d+\] International Business Times UK, 2014-06 \(seed-000\) "
                        r"https://www\.ibtimes\.co\.uk/\S+", lines[head_000])
    assert lines[head_000 + 1] == f'      "{GUARDS}."'
    head_003 = next(i for i, line in enumerate(lines) if "(seed-003)" in line)
    assert re.fullmatch(r"  \[\d+\] seed-003 \(outlet unknown\), 2014-06 \(seed-003\)", lines[head_003])
    assert lines[head_003 + 1] == f'      "{PENTAGON}."'
    assert "draft" not in captured.err and invented not in captured.err  # the raw draft is not streamed by default

    assert ask_main([question, "--db", str(seeded_settings.db_path), "--show-draft"]) == 0
    shown = capsys.readouterr()
    assert "draft (unchecked): " in shown.err and invented in shown.err  # on request: on stderr, labelled
    assert invented not in shown.out.split("\nLeft out of the answer")[0]
