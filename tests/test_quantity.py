"""The "how many / how much" check: a number (not a date) followed closely by what the question counts."""

from __future__ import annotations

import pytest

from qa.verify.question_type import counted_words, missing_answer_type, states_quantity


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


# ---- who / where / which day (TEST FIXTURE sentences, not from the seeds) --------------------------------------
def test_question_types():
    from qa.verify.question_type import question_type

    assert question_type("Who opened the bridge?") == "party"
    assert question_type("who is the mayor of the town?") == "person"  # a title: its holder is asked
    assert question_type("Who is Jane Doe?") is None  # asks what a named one is, not for a party
    assert question_type("Who is rebuilding the bridge?") == "party"
    assert question_type("Where did the ferry sink?") == "place"
    assert question_type("In which province did the ferry sink?") == "place"
    assert question_type("On what date did the ferry sink?") == "day"
    assert question_type("When did the ferry sink?") == "date"
    assert question_type("How many passengers were rescued?") == "count"
    assert question_type("Why did the ferry sink?") is None


def test_who_needs_a_person_or_organisation_doing_or_saying_it():
    q = "Who opened the bridge?"
    assert missing_answer_type(q, ["The mayor opened the bridge on Monday."]) is None
    assert missing_answer_type(q, ["The bridge was opened by the Harbour Authority."]) is None
    assert missing_answer_type(q, ["According to Jane Doe, the bridge is open."]) is None
    assert "no person or organisation" in missing_answer_type(q, ["The bridge was opened on Monday."])
    assert missing_answer_type(q, ["Lakeview is a town on the river."])  # a place described, nobody acting


def test_where_needs_a_place_the_question_does_not_already_name():
    q = "Where did the ferry sink?"
    assert missing_answer_type(q, ["The ferry sank near Lakeview."]) is None
    assert missing_answer_type(q, ["The ferry sank in the northern part of the bay."]) is None
    assert missing_answer_type(q, ["The ferry sank in the region."]) is None
    assert "no place" in missing_answer_type(q, ["The ferry sank on Monday after a storm."])
    assert missing_answer_type("Where is Lakeview?", ["Lakeview is a town."])  # the asked place itself is no answer


def test_on_what_date_needs_a_day_not_a_year_or_a_vague_time():
    q = "On what date did the ferry sink?"
    assert missing_answer_type(q, ["The ferry sank on Monday."]) is None
    assert missing_answer_type(q, ["The ferry sank on June 3."]) is None
    assert "no day" in missing_answer_type(q, ["The ferry sank in 2011."])
    assert "no day" in missing_answer_type(q, ["The ferry sank earlier this week."])
    assert missing_answer_type("When did the ferry sink?", ["The ferry sank in 2011."]) is None


def test_a_town_unknown_to_the_entity_model_is_still_a_place() -> None:
    """TEST FIXTURE town: the small spaCy model does not know "Calder"; the place noun's "of" names where."""
    from qa.verify.question_type import gives_place, missing_answer_type

    assert gives_place("Floodwater reached the centre of Calder on Friday.", "Where did floodwater reach the centre?")
    assert missing_answer_type("Where did floodwater reach?", ["Floodwater rose on Friday."]) is not None


def test_a_question_about_a_topic_needs_an_answer_that_speaks_of_it():
    """ "What does X think about Y?" answered with what X said about something else is true, cited and no answer
    (TEST FIXTURE sentences): the topic's head noun must be in a supported sentence, also inside a compound."""
    from qa.verify.question_type import asked_topic

    asked = "What does the mayor think about the new toll bridges?"
    assert asked_topic(asked) == ("new toll bridges", ["new", "toll", "bridges"])
    assert missing_answer_type(asked, ["The mayor said the budget would be balanced next year."]) == \
        "the passages say nothing about new toll bridges"
    assert missing_answer_type(asked, ["The mayor called the toll bridges a waste of money."]) is None
    assert missing_answer_type("What did the minister say about strikes?",
                               ["The minister said airstrikes were not an option."]) is None
    assert asked_topic("What did the minister say?") is None
    # a general noun ("the situation in Calder") names no topic of its own: its complement is the topic
    general = "What did the mayor say about the situation in Calder?"
    assert asked_topic(general) == ("Calder", ["Calder"])
    assert missing_answer_type(general, ["The mayor said Calder's flood defences had held."]) is None
    assert missing_answer_type(general, ["The mayor said the budget would be balanced."]) == \
        "the passages say nothing about Calder"
    assert asked_topic("What did the mayor say about the situation?") is None


def test_who_holds_a_title_needs_a_person_named_with_it():
    """ "Who is the <title>?" asks for the person holding it (TEST FIXTURE sentences): a government or a group is no
    answer; a name after the title, also an abbreviated one ("PM"), or in apposition with it, is. The exact quote
    repair finds such a sentence among the passages."""
    from qa.schema import Passage
    from qa.verify.question_type import asked_title, question_type
    from qa.verify.repair import quote_answer

    asked = "Who is the Norwegian PM?"
    assert question_type(asked) == "person" and asked_title(asked) == {"prime", "minister"}
    assert question_type("Who is Erna Solberg?") is None and question_type("Who sent the troops?") == "party"
    assert missing_answer_type(asked, ["The Norwegian government approved the budget."]) == \
        "the passages name no one as holding that title"
    named = "Norwegian Prime Minister Kari Lindholm's cabinet approved the budget on Friday."
    assert missing_answer_type(asked, [named]) is None
    assert missing_answer_type("Who is the finance minister?",
                               ["The budget was drafted by Ola Brekke, the finance minister."]) is None
    text = "The Norwegian government approved the budget. " + named
    p = Passage(n=1, chunk_id="fx::0", doc_id="fixture-9", text=text, start=0, end=len(text))
    got = quote_answer(asked, [p], None)
    assert got is not None and named in got.text


def test_which_members_needs_them_named_not_the_questions_own_phrase():
    """ "Which <noun>?" answered with the question's own noun phrase names no member (TEST FIXTURE sentences): a
    modifier, of-phrase or apposition the question lacks does, and a sentence without the noun may name a member
    by itself."""
    from qa.verify.question_type import asked_member

    asked = "Which coastal towns did the governor say must be evacuated?"
    assert asked_member(asked) == ("towns", "town") and asked_member("What kind of help was offered?") is None
    assert missing_answer_type(asked, ["The governor said coastal towns and farms must be evacuated."]) == \
        "the passages do not say which towns"
    assert missing_answer_type(asked, ["The governor said the coastal towns of Brill and Ostend must be "
                                       "evacuated."]) is None
    assert missing_answer_type(asked, ["The governor ordered Brill and Ostend evacuated."]) is None


def test_a_rounder_number_said_to_be_about_restates_the_exact_one():
    """"about 40 patients" for "41 patients" (a rounder number, within a tenth); never for a number as round as
    itself or further away, nor for another counted noun."""
    from qa.text import quantities, quantity_found

    def found(claim: str, evidence: str) -> bool:
        return quantity_found(quantities(claim)[0], quantities(evidence))

    assert found("about 40 patients", "41 patients")
    assert found("about 500 workers", "480 workers")
    assert not found("about 40 patients", "50 patients")
    assert not found("about 40 patients", "45 patients")  # more than a tenth away
    assert not found("about 40 patients", "41 doctors")
    assert not found("40 patients", "41 patients")  # no "about": the number itself is wrong


def test_jobs_employees_and_workers_count_the_same_thing():
    from qa.text import entailed_bound, quantities

    assert entailed_bound(quantities("more than 1,000 jobs")[0], quantities("1,150 employees"))
    assert not entailed_bound(quantities("more than 1,000 jobs")[0], quantities("1,150 customers"))


def test_a_counted_noun_is_met_by_its_kin_and_through_a_partitive():
    """TEST FIXTURE sentences (session 27): "soldiers" give a figure of "troops" (the count-noun classes), and a
    partitive reaches past the window ("about 500 of its elite Harbour Guard soldiers"); general nouns ("members")
    stay apart."""
    partitive = ["The ministry has sent about 500 of its elite Harbour Guard soldiers to the valley."]
    assert states_quantity("How many troops were sent to the valley?", partitive)
    assert states_quantity("How many workers lost their jobs?", ["About 300 employees lost their jobs."])
    assert not states_quantity("How many troops were sent?", ["About 500 members of the guard were sent."])
    assert not states_quantity("How many troops were sent?", ["500 of the houses were destroyed."])


def test_words_before_the_question_word_do_not_hide_the_question():
    """TEST FIXTURE questions (session 27): "Roughly how many ...?" was read as a question of no known type, so an
    answer with no figure passed ("ISIS has vowed to march on the capital" for "Roughly how many fighters ...")."""
    from qa.verify.question_type import plain_question, question_type

    assert plain_question("Roughly how many fighters are marching?") == "how many fighters are marching?"
    assert plain_question("And, who said it?") == "who said it?"
    assert plain_question("About the deal: who signed it?") == "About the deal: who signed it?"
    assert question_type("Approximately how many people fled?") == "count"
    assert question_type("So where did they go?") == "place"
    assert missing_answer_type("Roughly how many fighters are marching on the capital?",
                               ["The militants have vowed to march on the capital."]) is not None
    assert missing_answer_type("Roughly how many fighters are marching on the capital?",
                               ["About 2,000 fighters are marching on the capital."]) is None


@pytest.mark.parametrize("question, plain, kind", [
    ("Can you tell me how many fighters are marching?", "how many fighters are marching?", "count"),
    ("Tell me who signed the deal.", "who signed the deal.", "party"),
    ("Could you please tell me, how far is Kell from Harrow?", "how far is Kell from Harrow?", "distance"),
    ("I'd like to know when the bridge reopened.", "when the bridge reopened.", "date"),
    ("Do you know where the ferry sank?", "where the ferry sank?", "place"),
    ("Please, how many people fled?", "how many people fled?", "count"),
    ("I wonder how many homes lost power?", "how many homes lost power?", "count"),
    ("Tell me about the strike.", "Tell me about the strike.", None),  # no question word: nothing embedded
])
def test_a_question_asked_as_a_request_is_the_question_it_embeds(question, plain, kind):
    """TEST FIXTURE questions (session 28): "Can you tell me how many ...?" was a question of no known type, so an
    answer without a figure passed the question-type check."""
    from qa.verify.question_type import plain_question, question_type

    assert plain_question(question) == plain
    assert question_type(question) == kind
    if kind == "count":
        assert missing_answer_type(question, ["The ferry operator apologised to passengers."]) is not None
