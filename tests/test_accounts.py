"""Other accounts, repair before abstaining, and the quote fallback (qa/answer/accounts.py, qa/verify/repair.py) on
the real seeds: seed-000 (International Business Times UK) and seed-003 (outlet unknown). Control flow with the scripted
fake model; the question cases of issues 13/14 with the real model (`-m llm`)."""

from __future__ import annotations

import json
import re

import pytest

from qa.answer.pipeline import answer_question
from qa.cli.ask import OTHER_ACCOUNTS_HEADING
from qa.cli.ask import main as ask_main
from qa.verify.support import check_support
from tests.fake_llm import FakeScriptedLLM, passage_number, use_scripted_llm

GUARDS = ("Iran's elite Revolutionary Guards have been deployed to Iraq, to help government troops defend the capital "
          "city of Baghdad from the escalating threat of ISIS insurgents, Iranian security sources have confirmed")
SENT_500 = "Iran has sent about 500 of its elite Revolutionary Guard soldiers"
PENTAGON = "the Pentagon said on Friday it could not confirm media reports"
SAMARRA = "a city 110km (68 miles) north of Baghdad"


def _ask_cli_json(question: str, settings, capsys) -> tuple[dict, list[dict]]:
    """`python -m qa.ask QUESTION --json` on the seeded index with the real model: the answer's JSON and the
    sentences shown in its text."""
    assert ask_main([question, "--json", "--db", str(settings.db_path)]) == 0
    out = json.loads(capsys.readouterr().out)
    return out, [s for s in out["sentences"] if s["text"] in out["answer"]]


def _article(index, doc_id: str) -> str:
    return index.get_document(doc_id).text


def test_answer_lists_what_the_other_article_attributes_to_whom(seeded_index, seeded_settings):
    llm = FakeScriptedLLM(lambda p: "Iranian security sources confirmed the deployment of Iran's elite Revolutionary "
                                    f"Guards to Iraq [{passage_number(p, GUARDS)}].")
    ans = answer_question("Who confirmed the IRGC deployment?", seeded_index, seeded_settings, llm)
    assert not ans.abstained and [c.doc_id for c in ans.citations] == ["seed-000"]
    accounts = ans.other_accounts
    assert accounts and all(o.citation.doc_id == "seed-003" for o in accounts)  # only articles the answer skips
    for o in accounts:  # exact quotes: nothing unchecked is shown
        assert _article(seeded_index, "seed-003")[o.citation.start:o.citation.end] == o.citation.quote
        assert o.speaker in o.citation.quote and o.verb.split()[-1] in o.citation.quote
    official = [o for o in accounts if SENT_500 in o.citation.quote]
    assert official and official[0].speaker == "a senior security official in Baghdad"
    assert official[0].recipient == "the channel" and official[0].recipient_refers_to == "CNN"
    doubts = [o for o in accounts if o.certainty == "not_confirmed"]
    assert doubts and any("Pentagon" in o.speaker or "Kirby" in o.speaker for o in doubts)
    assert {c.n for c in ans.citations}.isdisjoint({o.citation.n for o in accounts})  # [n] point at one source each
    assert "other_accounts" in json.loads(ans.model_dump_json())


def test_no_other_account_repeats_the_answer_own_source(seeded_index, seeded_settings):
    """The answer cites seed-003's official; seed-000's sentence with another speaker is listed, the official's
    own sentence is not (it is cited, not another account)."""
    llm = FakeScriptedLLM(lambda p: f"{SENT_500} to fight alongside Iraqi government security forces in the eastern "
                                    "Diyala province, a senior security official in Baghdad told the channel "
                                    f"[{passage_number(p, SENT_500)}].")
    ans = answer_question("How many Revolutionary Guard soldiers did Iran send to Iraq?", seeded_index,
                          seeded_settings, llm)
    assert not ans.abstained and {c.doc_id for c in ans.citations} == {"seed-003"}
    assert all(o.citation.doc_id == "seed-000" for o in ans.other_accounts)
    assert any(o.speaker == "Iranian security sources" and o.certainty == "confirmed" for o in ans.other_accounts)


def test_a_wrong_speaker_is_repaired_with_the_cited_one(seeded_index, seeded_settings):
    llm = FakeScriptedLLM(lambda p: "Iranian security sources said that Iran has sent about 500 Revolutionary Guard "
                                    f"soldiers to Diyala province [{passage_number(p, SENT_500)}].")
    ans = answer_question("How many Revolutionary Guard soldiers did Iran reportedly send to Diyala province?",
                          seeded_index, seeded_settings, llm)
    assert not ans.abstained
    [s] = ans.sentences
    assert s.status == "repaired" and s.supported
    assert s.text.startswith("A senior security official in Baghdad told the channel that Iran has sent about 500")
    assert "Iranian security sources said" in s.reason
    assert check_support(s.text, [c.passage for c in ans.citations], seeded_settings.support_threshold,
                         context=_article(seeded_index, "seed-003")).supported
    assert "Iranian security sources said" in ans.draft and "Iranian security sources" not in ans.answer


def test_a_raised_certainty_is_repaired_with_the_cited_verb(seeded_index, seeded_settings):
    llm = FakeScriptedLLM(lambda p: "The Pentagon confirmed that Iranian special forces are operating inside Iraq "
                                    f"[{passage_number(p, PENTAGON)}].")
    ans = answer_question("Is it confirmed that Iranian special forces are in Iraq?", seeded_index, seeded_settings,
                          llm)
    assert not ans.abstained
    [s] = [x for x in ans.sentences if x.supported and x.status != "source_quote"]
    assert s.status == "repaired" and s.text.startswith("The Pentagon could not confirm that Iranian special forces")
    # "Is it confirmed ...?" asks each source: the other article's confirmation follows as an exact quote
    [other] = [x for x in ans.sentences if x.status == "source_quote"]
    assert GUARDS in other.text and other.text.startswith("According to International Business Times UK, “")


HIGH_ALERT = "Iraqi Prime Minister Nouri al-Maliki’s government has been on high alert"
BESIEGED = "defence of the besieged, Shiite-dominated government of Prime Minister Nouri al-Maliki"


def test_a_question_about_the_reports_quotes_each_article_the_answer_skips(seeded_index, seeded_settings):
    """The draft answers a comparison question from seed-003 alone: seed-000's sentence on the same government
    follows as an exact quote attributed to its outlet and cited to it (qa/answer/each_source.py)."""
    llm = FakeScriptedLLM(lambda p: f"{HIGH_ALERT} as it faces the most serious threat to its rule in recent years "
                                    f"[{passage_number(p, HIGH_ALERT)}].")
    ans = answer_question("How do the two reports describe the government of Nouri al-Maliki?", seeded_index,
                          seeded_settings, llm)
    assert not ans.abstained and ans.sentences[0].status != "source_quote"
    [other] = [x for x in ans.sentences if x.status == "source_quote"]
    assert other.supported and BESIEGED in other.text
    assert other.text.startswith("According to International Business Times UK, “") and other.text.endswith("”")
    [cite] = [c for c in ans.citations if c.n in other.citations]
    assert cite.doc_id == "seed-000" and _article(seeded_index, "seed-000")[cite.start:cite.end] == cite.quote
    assert other.text in ans.answer and {c.doc_id for c in ans.citations} == {"seed-000", "seed-003"}


def test_a_question_about_one_thing_gets_no_other_source_quote(seeded_index, seeded_settings):
    """The same draft for a question that does not ask what the sources say: the answer stays the draft's."""
    llm = FakeScriptedLLM(lambda p: f"{HIGH_ALERT} as it faces the most serious threat to its rule in recent years "
                                    f"[{passage_number(p, HIGH_ALERT)}].")
    ans = answer_question("How is the government of Nouri al-Maliki described?", seeded_index, seeded_settings, llm)
    assert not ans.abstained and {c.doc_id for c in ans.citations} == {"seed-003"}
    assert all(x.status != "source_quote" for x in ans.sentences)


def test_a_comparison_whose_draft_fails_is_answered_by_each_article_quote(seeded_index, seeded_settings):
    """Nothing of the draft survives (an invented claim), yet the question asks what the reports say: each
    retrieved article's closest sentence is the answer, as exact quotes cited to their own articles, and the
    invented sentence stays listed as unsupported."""
    invented = "The two reports say the government of Nouri al-Maliki has collapsed and fled to Basra [1]."
    ans = answer_question("How do the two reports describe the government of Nouri al-Maliki?", seeded_index,
                          seeded_settings, FakeScriptedLLM(lambda p: invented))
    assert not ans.abstained
    quotes = [x for x in ans.sentences if x.status == "source_quote"]
    assert len(quotes) == 2 and all(x.supported and x.text.startswith("According to ") for x in quotes)
    assert {c.doc_id for c in ans.citations} == {"seed-000", "seed-003"}
    for c in ans.citations:
        assert _article(seeded_index, c.doc_id)[c.start:c.end] == c.quote
    [failed] = [x for x in ans.sentences if not x.supported]
    assert "collapsed" in failed.text and "collapsed" not in ans.answer
    # the UI shows the two quotes as the answer and the failed sentence only in the "left out" list
    from qa.present.html import answer_html

    html = answer_html(ans, "c0")
    body = html[html.index('<div class="nq-answer">'):html.index("</div>", html.index('<div class="nq-answer">'))]
    assert body.count("According to ") == 2 and "collapsed" not in body
    assert "collapsed" in html[html.index("nq-leftout"):]


def test_a_question_about_one_thing_whose_draft_fails_gets_no_source_quotes(seeded_index, seeded_settings):
    """The same failed draft for a question that does not ask what the sources say: no source quotes stand in."""
    invented = "The government of Nouri al-Maliki has collapsed and fled to Basra [1]."
    ans = answer_question("Where did the government of Nouri al-Maliki flee to?", seeded_index, seeded_settings,
                          FakeScriptedLLM(lambda p: invented))
    assert all(x.status != "source_quote" for x in ans.sentences)


def test_which_questions_ask_each_source():
    """Comparison and confirmation wording (TEST FIXTURE questions); "sources" alone are people, "the Pentagon
    report" is one report, and "did X confirm" asks about one speaker."""
    from qa.answer.each_source import asks_each_source, topic_of

    for q in ("How do the two stories describe the flood?", "What do both sources say about the talks?",
              "What did each outlet report about the fire?", "How do the newspapers differ on the death toll?",
              "Is it confirmed that the dam burst?", "Has it been verified that the minister resigned?",
              "How sure can we be that the dam burst?", "Has anyone confirmed that the minister resigned?",
              "What death toll do the two pieces give?",
              # session 27: wording that sets accounts side by side without calling them articles, and whether a
              # thing is confirmed or doubted by anyone
              "Compare the Ledger story with the piece citing the radio.", "Is the dam's collapse confirmed?",
              "I've seen different figures depending on where I read it: how many died?",
              "Is anyone sceptical about the figures?", "Why are there conflicting reports about the toll?"):
        assert asks_each_source(q), q
    for q in ("What did the security sources say?", "What did the Pentagon report say?",
              "Did the Pentagon confirm it?", "Did Iran agree to the ceasefire?", "Who reported the fire?",
              "How sure was the minister of the figures?", "How many pieces of artillery were moved?",
              "Did Iran disagree with the plan?", "How does the new plan differ from the old one?"):
        assert not asks_each_source(q), q
    assert topic_of("How do the two stories describe the flood?") == "How do the flood?"


def test_sources_a_question_names_are_not_names_a_quote_must_repeat():
    """TEST FIXTURE question and passages (session 27): "Compare the Ledger Daily story with the piece citing Radio
    Kadria" names two sources, not what is asked; each article's quote need not repeat the other's outlet."""
    from qa.answer.each_source import _content_names
    from qa.schema import Passage
    from qa.verify.repair import AskedQuestion

    q = "Who said the dam burst at Lorvan? Compare the Ledger Daily story with the piece citing Radio Kadria."
    text = "The dam burst at Lorvan, engineers said."
    p = Passage(n=1, chunk_id="fx::0", doc_id="fixture-9", text=text, start=0, end=len(text), source="Ledger Daily")
    kept = _content_names(q, AskedQuestion(q).names, [p])
    assert any("lorvan" in n for n in kept)
    assert not any(n & {"ledger", "daily", "radio", "kadria"} for n in kept)


def test_a_hyphenated_name_in_a_question_is_one_name():
    """ "al-Maliki's" in a question is the name Maliki (not "al", "-" and "'s"), found in "Nouri al-Maliki." and
    "al-Maliki’s" alike (TEST FIXTURE sentences)."""
    from qa.schema import Passage
    from qa.verify.repair import AskedQuestion, names_present, quote_answer

    asked = AskedQuestion("Who leads al-Maliki's coalition in Basra?")
    assert [sorted(n)[:1] for n in asked.names] == [["malik"], ["basra"]]
    assert names_present(asked.names, "The coalition of Nouri al-Maliki’s party in Basra is led by Hadi Amri.", None)
    assert not names_present(asked.names, "The coalition in Basra is led by Hadi Amri.", None)
    text = "Hadi Amri leads the coalition of Prime Minister Nouri al-Maliki in Basra."
    p = Passage(n=1, chunk_id="fx::0", doc_id="fixture-9", text=text, start=0, end=len(text))
    got = quote_answer("Who leads al-Maliki's coalition in Basra?", [p], None)
    assert got is not None and text in got.text
    # a name asked in the plural is found in the singular ("the Harbour Guards" / "a Harbour Guard patrol")
    plural = AskedQuestion("Did the Harbour Guards reach Basra?")
    assert names_present(plural.names, "A Harbour Guard patrol reached Basra at dawn.", None)
    assert not names_present(plural.names, "A police patrol reached Basra at dawn.", None)
    # a question's opening imperative is no name, though the tagger puts "Summarise" in a PERSON entity
    summary = AskedQuestion("Summarise how the reports differ on Harbour Guard patrols in Basra.")
    assert names_present(summary.names, "A Harbour Guard patrol reached Basra at dawn.", None)


def test_an_invented_claim_is_not_repaired(seeded_index, seeded_settings):
    llm = FakeScriptedLLM(lambda p: "Iranian officials said that Iran has sent 5,000 Revolutionary Guard soldiers to "
                                    f"Basra [{passage_number(p, SENT_500)}].")
    ans = answer_question("How many Revolutionary Guard soldiers did Iran send to Basra?", seeded_index,
                          seeded_settings, llm)
    assert ans.abstained
    assert all(s.status == "unsupported" for s in ans.sentences)


def test_a_reversed_relation_gives_way_to_the_exact_quote(seeded_index, seeded_settings):
    llm = FakeScriptedLLM(lambda p: f"Baghdad is 110km (68 miles) north of Samarra [{passage_number(p, SAMARRA)}].")
    ans = answer_question("How far is Samarra from Baghdad?", seeded_index, seeded_settings, llm)
    assert not ans.abstained
    quoted = [s for s in ans.sentences if s.supported]
    assert len(quoted) == 1 and quoted[0].status == "quoted"
    assert quoted[0].text.startswith("According to International Business Times UK, “")
    [c] = ans.citations
    assert c.doc_id == "seed-000" and SAMARRA in c.quote
    assert _article(seeded_index, "seed-000")[c.start:c.end] == c.quote
    assert c.quote.rstrip(".") in ans.answer  # the quote, word for word
    assert "north of Samarra" not in ans.answer
    assert any(s.status == "unsupported" and "reversed" in s.reason for s in ans.sentences)  # listed apart


def test_the_population_of_tikrit_abstains(seeded_index, seeded_settings):
    """Issue 13: an unrelated true sentence must not stand in for a figure the articles do not give, and no
    quote is offered instead."""
    llm = FakeScriptedLLM(lambda p: "Tikrit has a population of about 100,000 people [1]. Revolutionary Guard and "
                                    "Iraqi troops overtook 85 percent of the city on Thursday "
                                    f"[{passage_number(p, 'overtook 85 percent')}].")
    ans = answer_question("What is the population of Tikrit?", seeded_index, seeded_settings, llm)
    assert ans.abstained and ans.citations == [] and ans.closest
    assert any(s.supported for s in ans.sentences)  # the check on the question's type is what abstained


def test_a_who_question_answered_without_anyone_abstains_or_quotes_who(seeded_index, seeded_settings):
    llm = FakeScriptedLLM(lambda p: f"Mosul is Iraq's second-largest city [{passage_number(p, 'seized Mosul')}].")
    ans = answer_question("Who captured Mosul?", seeded_index, seeded_settings, llm)
    assert "Mosul is Iraq's second-largest city" not in ans.answer
    if not ans.abstained:
        [s] = [x for x in ans.sentences if x.supported]
        assert s.status == "quoted" and "ISIS militants" in s.text


def test_cli_prints_the_other_accounts_after_the_sources(seeded_settings, capsys, monkeypatch):
    use_scripted_llm(monkeypatch, lambda p: (
        f"Iranian security sources confirmed the deployment [{passage_number(p, GUARDS)}]."))
    assert ask_main(["Who confirmed the IRGC deployment?", "--db", str(seeded_settings.db_path)]) == 0
    out = capsys.readouterr().out
    sources, accounts = out.split("\nSources:\n", 1)[1].split(f"\n{OTHER_ACCOUNTS_HEADING}:\n", 1)
    assert "(seed-000)" in sources and "(seed-003)" not in sources
    assert re.search(r"^  \[\d+\] a senior security official in Baghdad told the channel \(CNN\) \[says\] — "
                     r"seed-003 \(outlet unknown\), 2014-06 \(seed-003\)$", accounts, re.M)
    assert re.search(r"^      \"Iran has sent about 500 .* told the channel\.\"$", accounts, re.M)
    assert "[cannot confirm]" in accounts


def test_cli_shows_a_trimmed_sentence_and_lists_what_the_check_left_out(seeded_settings, capsys, monkeypatch):
    """Scripted fake model (control flow): a true sentence with an invented clause is shown without it, and the
    left-out words are listed under the answer; the invented words never appear as answer text."""
    stall = "Government forces have so far managed to stall"
    use_scripted_llm(monkeypatch, lambda p: (
        f"Samarra is {SAMARRA}, with a population of about 350,000 people [{passage_number(p, stall)}]."))
    assert ask_main(["How far is Samarra from Baghdad?", "--db", str(seeded_settings.db_path)]) == 0
    out = capsys.readouterr().out
    answer, rest = out.split("\nChanged by the check:\n", 1)
    assert "Samarra is a city 110km (68 miles) north of Baghdad [" in answer and "350,000" not in answer
    assert re.search(r"^  ~ Samarra is a city 110km \(68 miles\) north of Baghdad\.  \[supported \(repaired: left "
                     r"out 'with a population of about 350,000 people'", rest, re.M)


# ---- the real model -----------------------------------------------------------------------------------------------
@pytest.mark.llm
def test_real_model_demo_question_shows_the_other_article_attributions(seeded_settings, capsys):
    out, _ = _ask_cli_json("Who confirmed the IRGC deployment?", seeded_settings, capsys)
    assert not out["abstained"] and "Iranian security sources" in out["answer"]
    assert any(c["doc_id"] == "seed-000" and "Iranian security sources" in c["quote"] for c in out["citations"])
    others = out["other_accounts"]
    assert others and all(o["citation"]["doc_id"] == "seed-003" for o in others)
    assert any("senior security official" in o["speaker"] and SENT_500 in o["citation"]["quote"] for o in others)
    assert any(o["certainty"] == "not_confirmed" and ("Pentagon" in o["speaker"] or "Kirby" in o["speaker"])
               for o in others)


@pytest.mark.llm
def test_real_model_a_question_about_both_reports_cites_both_articles(seeded_settings, capsys):
    """A comparison question from the terminal: the answer cites both seed articles, and every sentence shown
    passed the check (the model may cite both itself; else the other article is quoted)."""
    out, shown = _ask_cli_json("How do the two reports describe the government of Nouri al-Maliki?", seeded_settings,
                               capsys)
    assert not out["abstained"] and {c["doc_id"] for c in out["citations"]} == {"seed-000", "seed-003"}
    assert shown and all(s["supported"] for s in shown)
    assert "Shiite-dominated" in out["answer"] or "besieged" in out["answer"]


@pytest.mark.llm
def test_real_model_a_comparison_is_answered_even_when_the_draft_fails(seeded_settings, capsys):
    """A comparison question whose draft the real model writes in words the check rejects (session 26): the answer
    is each article's own sentence about ISIS, both articles cited, every shown sentence checked; it does not
    abstain."""
    out, shown = _ask_cli_json("How is ISIS described in the two articles?", seeded_settings, capsys)
    assert not out["abstained"] and {c["doc_id"] for c in out["citations"]} == {"seed-000", "seed-003"}
    assert len(shown) >= 2 and all(s["supported"] and "ISIS" in s["text"] for s in shown)


@pytest.mark.llm
def test_real_model_a_confirmation_keeps_who_confirmed_it(seeded_settings, capsys):
    """Asked "Is it confirmed ...?", the real model drafts "Yes, it is confirmed that Iran has sent Revolutionary
    Guards into Iraq" (session 27). Only one side's sources confirm it and the other article says the Pentagon could
    not, so no shown sentence may state it as confirmed without saying by whom; it is rewritten with the source's own
    words or quoted, and the Pentagon's doubt is given too."""
    out, shown = _ask_cli_json("Is it confirmed that Iran has sent Revolutionary Guards into Iraq?", seeded_settings,
                               capsys)
    assert all(s["supported"] for s in shown)
    assert not re.search(r"(?:^|[.,] )(?:yes, )?it (?:is|has been|was) confirmed", out["answer"], re.I), out["answer"]
    if not out["abstained"]:
        assert re.search(r"security (?:official|sources)", out["answer"]), out["answer"]
        # and the other side, though its article is already cited for the official's words
        assert "could not confirm" in out["answer"], out["answer"]


@pytest.mark.llm
def test_real_model_whether_a_thing_is_confirmed_gets_both_sides(seeded_settings, capsys):
    """"Is the deployment ... confirmed?" asks it of a thing, not of one speaker (session 27): the answer gives the
    Pentagon's "could not confirm" and the Iranian sources' "confirmed", both articles cited, every shown sentence
    checked."""
    out, shown = _ask_cli_json("Is the deployment of Iranian troops to Iraq confirmed?", seeded_settings, capsys)
    assert not out["abstained"] and {c["doc_id"] for c in out["citations"]} == {"seed-000", "seed-003"}
    assert shown and all(s["supported"] for s in shown)
    assert "could not confirm" in out["answer"] and "have confirmed" in out["answer"], out["answer"]


@pytest.mark.llm
def test_real_model_a_question_in_two_parts_gets_both_answered(seeded_settings, capsys):
    """A question in two parts (session 27): the real model's draft answers the second and fails on the first
    ("sought military support from the U.S."); the first part gets the article's own sentence as a quote, and the
    answer no longer says the U.S. "will not rule out military action unless ..." (a clause under "the condition
    that" used to escape the comparison)."""
    out, shown = _ask_cli_json("What support did the Iraqi government seek from the U.S., and what condition did "
                               "Obama set for military action?", seeded_settings, capsys)
    assert not out["abstained"] and shown and all(s["supported"] for s in shown)
    assert "turned to the U.S" in out["answer"], out["answer"]
    assert "not rule out military action unless" not in out["answer"], out["answer"]


@pytest.mark.llm
def test_real_model_population_of_tikrit_abstains(seeded_index, seeded_settings):
    from qa.generate.llm import get_llm

    ans = answer_question("What is the population of Tikrit?", seeded_index, seeded_settings,
                          get_llm(seeded_settings))
    assert ans.abstained and ans.citations == []


@pytest.mark.llm
def test_real_model_samarra_distance_is_not_reversed(seeded_index, seeded_settings):
    from qa.generate.llm import get_llm

    ans = answer_question("How far is Samarra from Baghdad?", seeded_index, seeded_settings,
                          get_llm(seeded_settings))
    assert not re.search(r"Baghdad\W+(?:is|lies)[^.]*north of Samarra", ans.answer), ans.answer
    if not ans.abstained:
        assert re.search(r"110\s?km|68 miles", ans.answer) and "north of Baghdad" in ans.answer
        assert all(s.supported for s in ans.sentences if s.text in ans.answer)


# ---- checked sentences stream while the model writes (fake model) ----------------------------------------------------
def _streaming_run(seeded_index, seeded_settings, question: str, draft_fn):
    seen: list[str] = []  # the draft as streamed so far
    events: list[tuple[str, str, bool]] = []  # (sentence text with markers, draft so far, supported)

    def on_token(t: str) -> None:
        seen.append(t)

    def on_sentence(sentence, text: str) -> None:
        events.append((text, "".join(seen), sentence.supported))

    ans = answer_question(question, seeded_index, seeded_settings, FakeScriptedLLM(draft_fn), on_token=on_token,
                          on_sentence=on_sentence)
    return ans, events


def test_each_sentence_is_passed_on_only_after_it_was_written_and_checked(seeded_index, seeded_settings):
    invented = "The Pentagon confirmed that 5,000 Iranian special forces were inside Iraq"
    pentagon = ("However, the Pentagon said on Friday it could not confirm media reports about the presence of "
                "Iranian special forces operating inside Iraq")

    def draft(p: str) -> str:
        n0, n3 = passage_number(p, GUARDS), passage_number(p, pentagon)
        return f"{GUARDS} [{n0}]. {invented} [{n3}]. {pentagon} [{n3}]."

    ans, events = _streaming_run(seeded_index, seeded_settings, "Is the deployment of Iran's Revolutionary Guards "
                                 "in Iraq confirmed?", draft)
    assert [e[0] for e in events] == [ans.answer.split(". ")[0] + ".", pentagon + ans.answer.split(pentagon)[1]]
    assert all(ok for _, _, ok in events) and not any(invented in e[0] for e in events)
    first_text, draft_then, _ = events[0]
    assert GUARDS in draft_then and len(draft_then) < len(ans.draft)  # passed on while the model still wrote
    assert ans.answer.startswith(" ".join(e[0] for e in events)[:40])


def test_checked_sentences_wait_until_they_answer_the_question(seeded_index, seeded_settings):
    """A count question: a supported sentence without the figure is held back until one with it has passed."""
    no_figure = ("Iran's elite Revolutionary Guards have been deployed to Iraq, to help government troops defend the "
                 "capital city of Baghdad from the escalating threat of ISIS insurgents")
    figure = (f"{SENT_500} to fight alongside Iraqi government security forces in the eastern Diyala province, a "
              "senior security official in Baghdad told the channel")

    def draft(p: str) -> str:
        return f"{no_figure} [{passage_number(p, GUARDS)}]. {figure} [{passage_number(p, SENT_500)}]."

    ans, events = _streaming_run(seeded_index, seeded_settings,
                                 "How many Revolutionary Guard soldiers did Iran send to Iraq?", draft)
    assert not ans.abstained and len(events) == 2
    assert events[0][1] == events[1][1]  # both went out together, once the figure had passed
    assert "about 500" in events[1][0]


def test_checked_sentences_and_other_accounts_come_through_the_service(seeded_settings, seeded_index, tmp_path):
    """The resident service forwards each checked sentence as it passes, and the Answer keeps its other accounts."""
    import dataclasses
    import socket
    import threading

    from qa.runtime import service as serve

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings = dataclasses.replace(seeded_settings, home=tmp_path / "home", service_port=port)
    llm = FakeScriptedLLM(lambda p: "Iranian security sources confirmed the deployment of Iran's elite Revolutionary "
                                    f"Guards to Iraq [{passage_number(p, GUARDS)}].")
    service = serve.Service(settings, say=lambda m: None, loaded=(seeded_index, llm))
    server = serve.bind(port)
    server.RequestHandlerClass = serve.make_handler(service, lambda m: None)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        serve.write_info(serve.info_path(settings, port), {"port": port, "pid": 0, "token": service.token,
                                                            "identity": service.identity})
        got: list[str] = []
        ans = serve.ServiceClient.connect(settings).ask("Who confirmed the IRGC deployment?",
                                                        on_sentence=lambda s, text: got.append(text))
    finally:
        server.shutdown()
        server.server_close()
    assert got and got[0].startswith("Iranian security sources confirmed") and ans.answer.startswith(got[0])
    assert any(SENT_500 in o.citation.quote for o in ans.other_accounts)


def test_an_outlet_the_question_names_keeps_other_articles_out(seeded_index, seeded_settings):
    """"According to <outlet>" in the question restricts retrieval to that outlet: the other-accounts step must
    neither fail nor reach outside it."""
    llm = FakeScriptedLLM(lambda p: "Iranian security sources confirmed the deployment of Iran's elite Revolutionary "
                                    f"Guards to Iraq [{passage_number(p, GUARDS) or 1}].")
    ans = answer_question("According to International Business Times UK, who confirmed the deployment?",
                          seeded_index, seeded_settings, llm)
    assert not ans.abstained and [c.doc_id for c in ans.citations] == ["seed-000"]
    assert ans.other_accounts == []  # seed-003 is outside the outlet the question names


def _fixture_passage(text: str):
    """TEST FIXTURE: an invented article of unknown outlet, as one passage."""
    from qa.schema import Passage

    return Passage(n=1, chunk_id="fx::0", doc_id="fixture-9", text=text, start=0, end=len(text))


def test_a_place_the_question_asks_about_must_be_the_quotes_own():
    """TEST FIXTURE sentences (session 27): "How many soldiers are fighting in Lorvania?" is not answered by a
    sentence about another country because the line before it names Lorvania inside a group's name; a sentence
    that says "there" of the place named before it still may answer."""
    from qa.verify.repair import quote_answer

    text = ("Fighters of the Front for Kadria and Lorvania advanced on Friday. The ministry has sent about 500 "
            "soldiers to fight in Kadria.")
    p = _fixture_passage(text)
    article = {"fixture-9": text}
    assert quote_answer("How many soldiers are fighting in Lorvania?", [p], None, article) is None
    got = quote_answer("How many soldiers are fighting in Kadria?", [p], None, article)
    assert got is not None and "about 500 soldiers" in got.text
    there = "The militia entered Lorvania on Friday. The ministry has sent about 500 soldiers to fight there."
    got = quote_answer("How many soldiers are fighting in Lorvania?", [_fixture_passage(there)], None,
                       {"fixture-9": there})
    assert got is not None and "fight there" in got.text


def test_a_question_in_parts_is_split_at_its_later_question_words():
    """TEST FIXTURE questions (session 27)."""
    from qa.verify.repair import question_parts

    assert question_parts("What did the council approve, and what did the mayor say about it?") == [
        "What did the council approve?", "what did the mayor say about it?"]
    assert question_parts("Did the dam burst? What did the engineers say?") == [
        "Did the dam burst?", "What did the engineers say?"]
    assert question_parts("What did the mayor say he would and would not do?") == [
        "What did the mayor say he would and would not do?"]
    assert question_parts("Who said what and when?") == ["Who said what?"]  # "when?" alone asks nothing


def test_a_part_no_sentence_answers_gets_its_quote():
    """TEST FIXTURE passages (session 27): the part the shown answer leaves out gets the sentence a failed draft
    sentence restates, else the one that covers it (of several alike, the closest in meaning); a part a shown
    sentence already restates, in other words, gets none."""
    from qa.verify.repair import part_quote

    first = "The council approved the Harbour bridge repairs on Monday, a spokesman said."
    second = "Mayor Lena Ortiz said the city would pay for the repairs only if the state matched the funds."
    p1, p2 = _fixture_passage(first), _fixture_passage(second)
    p2 = p2.model_copy(update={"n": 2, "chunk_id": "fx::1"})
    shown = ["The council approved the Harbour bridge repairs on Monday."]
    part = "What condition did Mayor Lena Ortiz set for paying for the repairs?"
    got = part_quote(part, shown, [p1, p2], None, draft=["Ortiz made payment conditional on state funds."])
    assert got is not None and second in got.text
    got = part_quote(part, shown, [p1, p2], None)
    assert got is not None and second in got.text
    assert part_quote("What did the council approve?", shown, [p1, p2], None) is None  # answered already
    restating = [*shown, "Ortiz said the city would pay for the repairs only if the state matched the funds."]
    assert part_quote(part, restating, [p1, p2], None) is None


def test_a_name_is_met_by_its_standard_abbreviation_and_a_determiner_is_no_name():
    from qa.verify.repair import AskedQuestion, names_present

    asked = AskedQuestion("What did Iraq turn to the United States for?")
    assert all("the" not in n for n in asked.names)
    assert names_present(asked.names, "The Iraqi government has turned to the U.S for military support.", None)
    assert AskedQuestion("What support did the government seek from the bank?").content_verbs == []


def test_a_quote_must_speak_of_the_asked_action_not_of_a_participant_clause():
    from qa.verify.repair import quote_answer

    text = "The ministry sent about 300 engineers to the northern valley, a regional official told reporters."
    p = _fixture_passage(text)
    # "sent" only describes which engineers: the question asks who commands them, which the text does not say.
    assert quote_answer("Who commands the engineers sent to the northern valley?", [p], None) is None
    got = quote_answer("Who sent engineers to the northern valley?", [p], None)
    assert got is not None and text in got.text


def test_a_failed_draft_sentence_is_answered_by_the_sentence_it_restates():
    """For a question of no known type ("What ..."), a draft sentence that failed (here: a condition stated as
    something done) is replaced by the article's own sentence it restates, as an exact quote; a draft about
    something else, or a sentence that does not speak of the asked action, gives no quote."""
    from qa.verify.repair import quote_draft_source

    text = ("The mayor said on Tuesday that the city will not reopen the bridge unless engineers certify the "
            "repaired cables. Traffic was diverted through the old tunnel.")
    p = _fixture_passage(text)
    question = "What condition did the mayor set for reopening the bridge?"
    failed = "The mayor reopened the bridge after engineers certified the repaired cables."
    assert not check_support(failed, [text]).supported
    got = quote_draft_source(question, [failed], [p], None)
    assert got is not None and "“The mayor said on Tuesday that the city will not reopen the bridge" in got.text
    assert got.result.supported and p.text[got.start:got.end].startswith("The mayor said on Tuesday")
    # the draft restates nothing retrieved: no quote
    assert quote_draft_source(question, ["The governor closed three schools because of flooding."], [p], None) is None
    # the restated sentence does not speak of what is asked (who built the tunnel): no quote
    assert quote_draft_source("Who built the old tunnel?", ["Traffic was diverted through the old tunnel."],
                              [p], None) is None


def test_a_yes_no_question_is_answered_by_the_sentence_that_says_what_was_done():
    """A yes/no question has no answer type, yet the sentence with its names, its verb and most of its words
    answers it either way (here: no): it is quoted. A yes/no question about what no sentence speaks of gets no
    quote (TEST FIXTURE sentences)."""
    from qa.verify.repair import quote_answer

    text = ("The mayor said on Tuesday that the city will not reopen the Harbour bridge unless engineers certify "
            "the repaired cables. Traffic was diverted through the old tunnel.")
    p = _fixture_passage(text)
    got = quote_answer("Did the mayor reopen the Harbour bridge?", [p], None)
    assert got is not None and got.result.supported
    assert p.text[got.start:got.end].startswith("The mayor said on Tuesday that the city will not reopen")
    assert quote_answer("Did the mayor close the schools?", [p], None) is None
    assert quote_answer("Did the governor reopen the Harbour bridge?", [p], None) is None  # a name not given


def test_the_eval_and_the_pipeline_strip_the_quote_attribution_to_an_unknown_outlet():
    from qa.sources import source_label, strip_own_attribution

    label = source_label("unknown", "unknown", "fixture-9")
    sentence = f"According to {label}, “The bridge reopened on Monday.”"
    stripped = strip_own_attribution(sentence, "unknown", "unknown", "2014-06", "fixture-9")
    assert stripped == "“The bridge reopened on Monday.”"
    assert check_support(stripped, ["The bridge reopened on Monday."]).supported


def test_an_attribution_to_the_outlet_by_another_of_its_names_is_stripped():
    from qa.sources import strip_own_attribution

    claim = "According to Valley Wire, the bridge reopened on Monday."
    url = "https://www.valleywire.co.uk/news/1"
    assert strip_own_attribution(claim, "unknown", "Valley Wire UK", "unknown", "fixture-9", url) == \
        "The bridge reopened on Monday."
    assert strip_own_attribution("ValleyWire reported that the bridge reopened on Monday.", "unknown",
                                 "Valley Wire UK", "unknown", "fixture-9", url) == "The bridge reopened on Monday."
    # another outlet is no name of this one
    other = "According to Valley Times, the bridge reopened on Monday."
    assert strip_own_attribution(other, "unknown", "Valley Wire UK", "unknown", "fixture-9", url) == other


def test_an_outlet_describing_something_is_checked_as_the_articles_own_description():
    from qa.sources import strip_own_attribution

    evidence = "The Sunni militant group ISIS has already seized several areas in the north of the country."
    claim = "Harbour Times described ISIS as a militant group that has already seized several areas in the north."
    assert not check_support(claim, [evidence]).supported  # the outlet's name is not article text
    stripped = strip_own_attribution(claim, "unknown", "Harbour Times", "2014-06-13", "fixture-9")
    assert stripped == "ISIS is a militant group that has already seized several areas in the north."
    assert check_support(stripped, [evidence]).supported
    plural = strip_own_attribution("Harbour Times described the militants as well armed.", "unknown",
                                   "Harbour Times", "unknown", "fixture-9")
    assert plural == "The militants are well armed."
    # another outlet's description is not the article's own: nothing is stripped
    other = "Daily Courier described ISIS as a militant group."
    assert strip_own_attribution(other, "unknown", "Harbour Times", "unknown", "fixture-9") == other
