"""The "how many / how much" check: a number (not a date) followed closely by what the question counts."""

from __future__ import annotations

from qa.quantity import counted_words, missing_answer_type, states_quantity


def test_only_quantity_questions_are_checked():
    assert counted_words("Who confirmed the IRGC deployment?") is None
    assert states_quantity("Who confirmed the IRGC deployment?", [])
    assert counted_words("How many U.S. troops were killed in Iraq?") == ["u.s", "troop"]
    assert counted_words("how much oil does Iraq export per day?") == ["oil"]
    assert counted_words("How much did the United States spend?") == []  # names nothing: any figure will do
    assert counted_words("How many ISIS fighters took part?") == ["isis", "fighter", "took"]  # acronyms stay whole


def test_a_figure_of_the_counted_thing_answers():
    assert states_quantity("How many people fled Mosul?",
                           ["As many as 500,000 people had fled Mosul and the province of Nineveh."])
    assert states_quantity("How many Quds Force battalions were fighting?",
                           ["Two battalions of the Guards' Quds Force were fighting alongside Iraqi troops."])
    assert states_quantity("How much did the United States spend on training?",
                           ["The United States spent more than $25 billion training Iraq's forces."])


def test_other_figures_do_not_answer():
    carrier = ["ISIS seized Mosul on June 10 and has since taken Tikrit.",
               "The United States spent more than $25 billion after the 2003 invasion."]
    assert not states_quantity("How many U.S. troops were killed in Iraq?", carrier)
    assert not states_quantity("How much oil does Iraq export per day?", carrier)
    # The counted noun must follow the number: "captured soldiers ... hundreds of thousands of people" counts people.
    assert not states_quantity("How many Iranian soldiers have been killed?",
                               ["Jihadists executed captured soldiers and drove hundreds of thousands of people "
                                "from their homes.", "About 500 members of the IRGC had been deployed to Iraq."])


def test_dates_and_years_are_not_quantities():
    assert not states_quantity("How much did it cost?", ["It happened on June 10.", "It began in 2003."])
    assert not states_quantity("How much did it cost?", ["It happened on 10 June."])
    assert states_quantity("How much did it cost?", ["It cost 2,003 dollars."])


# ---- the question-type check (answers that do not answer the kind of question asked abstain)

def test_a_measure_question_needs_a_figure_of_that_measure():
    asked = "What is the population of Tikrit?"
    assert missing_answer_type(asked, ["The militant group took control of Tikrit on Wednesday (June 11)."])
    assert missing_answer_type(asked, ["Tikrit has a population of about 100,000 people."]) is None


def test_how_far_needs_a_distance_and_a_glued_unit_counts():
    asked = "How far is Samarra from Baghdad?"
    assert missing_answer_type(asked, ["Samarra is a city 110km (68 miles) north of Baghdad."]) is None
    assert missing_answer_type(asked, ["Government forces stalled the advance near Samarra."]) == \
        "the passages give no distance"


def test_when_needs_a_date_weekday_or_relative_time():
    asked = "When did the militants take Tikrit?"
    assert missing_answer_type(asked, ["They took Tikrit on Wednesday (June 11)."]) is None
    assert missing_answer_type(asked, ["They seized Mosul earlier this week."]) is None
    assert missing_answer_type(asked, ["They took control of Tikrit."]) == "the passages give no date or time"


def test_questions_of_other_kinds_are_not_judged_by_type():
    assert missing_answer_type("Who confirmed the deployment?", ["Security sources confirmed it."]) is None
    assert missing_answer_type("What did the Pentagon say?", ["It could not confirm the reports."]) is None
