"""Weekdays in answers dated from the cited article's publication date (qa/answer/dating.py).

Unit cases use short FIXTURE articles written for these tests (not news; dates chosen for their weekdays); the
last test runs the answer pipeline over the real seeds with a scripted fake model (control flow only)."""

from __future__ import annotations

from qa.answer.dating import checked_text, date_weekdays
from qa.answer.pipeline import answer_question
from qa.present.html import answer_html
from qa.schema import AnswerSentence, Citation
from tests.fake_llm import FakeScriptedLLM, passage_number

# 2014-06-13 was a Friday; 2015-01-02 a Friday.
MET = "Delegates met on Thursday in the harbour town to sign the fishing accord."
WILL = "The committee will vote on Friday on the new harbour fees."
NEW_YEAR = "The ferry service resumed on Monday after the storm."
DATED = "The market reopened on Thursday (June 12) after repairs."


def _cite(n: int, doc_id: str, article: str, quote: str, published: str) -> Citation:
    start = article.index(quote)
    return Citation(n=n, doc_id=doc_id, quote=quote, start=start, end=start + len(quote), published=published)


def _sentence(text: str, cites: list[int], supported: bool = True) -> AnswerSentence:
    return AnswerSentence(text=text, citations=cites, supported=supported)


def test_a_past_weekday_gets_the_day_before_publication():
    art = f"Intro line. {MET} More text."
    c = _cite(1, "fx-1", art, MET, "2014-06-13")
    out = date_weekdays(_sentence("The delegates met on Thursday, the accord's sponsor said.", [1]), {1: c},
                        {"fx-1": art})
    assert out.text == "The delegates met on Thursday (June 12), the accord's sponsor said."
    assert [(d.weekday, d.date, d.doc_id) for d in out.dates] == [("Thursday", "2014-06-12", "fx-1")]
    assert "publication date 2014-06-13" in out.dates[0].basis
    assert checked_text(out) == "The delegates met on Thursday, the accord's sponsor said."


def test_a_future_weekday_gets_the_next_such_day():
    c = _cite(1, "fx-2", WILL, WILL, "2014-06-13")
    out = date_weekdays(_sentence("The committee will vote on Friday.", [1]), {1: c}, {"fx-2": WILL})
    assert out.text == "The committee will vote on Friday (June 20)."


def test_the_year_is_shown_when_it_is_not_the_publication_year():
    c = _cite(1, "fx-3", NEW_YEAR, NEW_YEAR, "2015-01-02")
    out = date_weekdays(_sentence("Ferries resumed on Monday.", [1]), {1: c}, {"fx-3": NEW_YEAR})
    assert out.text == "Ferries resumed on Monday (December 29, 2014)."


def test_nothing_is_guessed():
    month_only = _cite(1, "fx-1", MET, MET, "2014-06")
    unknown = _cite(1, "fx-1", MET, MET, "unknown")
    sentence = _sentence("They met on Thursday.", [1])
    for c in (month_only, unknown):
        assert date_weekdays(sentence, {1: c}, {"fx-1": MET}) is sentence
    # the cited text names another day, or no citation resolves it, or the sentence failed the check
    other = _cite(1, "fx-2", WILL, WILL, "2014-06-13")
    assert date_weekdays(sentence, {1: other}, {"fx-2": WILL}) is sentence
    assert date_weekdays(_sentence("They met on Thursday.", [1], supported=False),
                         {1: _cite(1, "fx-1", MET, MET, "2014-06-13")}, {"fx-1": MET}).dates == []


def test_an_exact_quote_is_never_changed():
    c = _cite(1, "fx-1", MET, MET, "2014-06-13")
    quote = AnswerSentence(text=f"According to Fixture Wire, “{MET}”", citations=[1], supported=True, status="quoted")
    assert date_weekdays(quote, {1: c}, {"fx-1": MET}) is quote


def test_sources_that_disagree_leave_the_weekday_as_written():
    a = _cite(1, "fx-1", MET, MET, "2014-06-13")
    b = _cite(2, "fx-4", MET, MET, "2014-06-20")  # the same words a week later: another Thursday
    out = date_weekdays(_sentence("Delegates met on Thursday.", [1, 2]), {1: a, 2: b}, {"fx-1": MET, "fx-4": MET})
    assert out.text == "Delegates met on Thursday." and not out.dates


def test_a_weekday_already_dated_is_left_alone_and_a_stated_date_is_used():
    c = _cite(1, "fx-5", DATED, DATED, "2014-06")  # month-only publication: the text's own date still counts
    assert date_weekdays(_sentence("It reopened on Thursday (June 12).", [1]), {1: c}, {"fx-5": DATED}).dates == []
    out = date_weekdays(_sentence("It reopened on Thursday.", [1]), {1: c}, {"fx-5": DATED})
    assert out.text == "It reopened on Thursday (June 12)."


TIKRIT = "Revolutionary Guard and Iraqi troops overtook 85 percent of the city on Thursday"


def test_answers_date_a_weekday_of_the_real_seed(seeded_index, seeded_settings):
    """seed-000 says "on Thursday (June 12)"; a draft that says only "on Thursday" is shown dated, in the sentence
    and the answer text, and the streamed sentence is the same."""
    draft = "Revolutionary Guard and Iraqi troops overtook 85 percent of Tikrit on Thursday [{n}]."
    llm = FakeScriptedLLM(lambda prompt: draft.format(n=passage_number(prompt, TIKRIT)))
    streamed: list[str] = []
    ans = answer_question("When did Iraqi troops retake most of Tikrit?", seeded_index, seeded_settings, llm,
                          on_sentence=lambda s, text: streamed.append(text))
    assert not ans.abstained, ans.answer
    shown = [s for s in ans.sentences if s.supported]
    assert shown[0].text.endswith("on Thursday (June 12).") and shown[0].dates[0].date == "2014-06-12"
    assert "on Thursday (June 12) [1]." in ans.answer
    assert streamed and "on Thursday (June 12) [1]." in streamed[0]
    assert checked_text(shown[0]) == "Revolutionary Guard and Iraqi troops overtook 85 percent of Tikrit on Thursday."
    # the web UI shows the same dated sentence (qa/present/html.py renders the shown sentences)
    assert "on Thursday (June 12)" in answer_html(ans, "t1")
