"""Marker parsing, span mapping and the support scorer's traps (real embeddings, no LLM).

The quoted sentences are the real seed articles' own (seed-000, seed-003)."""

from __future__ import annotations

import inspect

import pytest

from qa.retrieve.hybrid import retrieve_passages
from qa.verify.citations import REPOINT_MARGIN, parse_markers, revises_draft, split_draft, verify_draft
from qa.verify.support import DEFAULT_THRESHOLD, check_support

# seed-000, first sentence.
GUARDS = ("Iran's elite Revolutionary Guards have been deployed to Iraq, to help government troops defend the capital "
          "city of Baghdad from the escalating threat of ISIS insurgents, Iranian security sources have confirmed.")
# seed-003, second and third sentences, the Kirby quotation and the Interior Ministry spokesman.
FIVE_HUNDRED = ("Iran has sent about 500 of its elite Revolutionary Guard soldiers to fight alongside Iraqi government "
                "security forces in the eastern Diyala province, a senior security official in Baghdad told the "
                "channel.")
PENTAGON = ("However, the Pentagon said on Friday it could not confirm media reports about the presence of Iranian "
            "special forces operating inside Iraq.")
KIRBY = ("“I’ve seen the press reporting on that … but I have nothing to confirm that there are Iranian special forces "
         "inside Iraq,” spokesman Rear Admiral John Kirby said.")
MAAN = ("Interior Ministry Spokesman Brigadier General Saad Maan told AFP: “We put in place a new plan to protect "
        "Baghdad.”")
WHO_CONFIRMED = "Who confirmed that Revolutionary Guards were deployed to Iraq?"
IS_CONFIRMED = "Is the deployment of Iranian troops in Iraq confirmed?"


@pytest.mark.parametrize("body,expected", [("1", [1]), ("1,2", [1, 2]), ("1, 3", [1, 3]), ("2-4", [2, 3, 4]),
                                           ("1 and 2", [1, 2]), ("3;1", [3, 1])])
def test_parse_markers(body, expected):
    assert parse_markers(body) == expected


def test_split_draft_odd_forms():
    draft = ("Iranian security sources confirmed it [1,2]. The Pentagon could not confirm it [1][2]. "
             "Kirby spoke to reporters. [3]\n[2] A line-led claim. Its second sentence.")
    got = [(d.text, d.markers) for d in split_draft(draft)]
    assert got == [("Iranian security sources confirmed it.", [1, 2]),
                   ("The Pentagon could not confirm it.", [1, 2]),
                   ("Kirby spoke to reporters.", [3]),
                   ("A line-led claim.", [2]), ("Its second sentence.", [2])]


def test_split_draft_merges_repeats_and_drops_model_source_lists():
    draft = "[1] Same claim.\n[2] Same claim.\n\nSources:\n[1] Fake source list http://evil.example"
    assert [(d.text, d.markers) for d in split_draft(draft)] == [("Same claim.", [1, 2])]


def _passages(seeded_index, seeded_settings, question):
    return retrieve_passages(question, seeded_index, seeded_settings).passages


def test_marker_beyond_passages_is_dropped(seeded_index, seeded_settings):
    passages = _passages(seeded_index, seeded_settings, WHO_CONFIRMED)
    n = next(p.n for p in passages if GUARDS in p.text)
    beyond = max(p.n for p in passages) + 1
    sentences, citations, text, _ = verify_draft(f"{GUARDS} [{n}][{beyond}]", passages)
    assert sentences[0].supported and sentences[0].citations == [n]
    assert sentences[0].draft_citations == [n] and sentences[0].status == "kept"
    assert [c.n for c in citations] == [n]
    assert f"[{beyond}]" not in text and f"[{n}]" in text


def test_quote_is_exact_article_span_and_points_at_supporting_sentence(seeded_index, seeded_settings):
    passages = _passages(seeded_index, seeded_settings, IS_CONFIRMED)
    n_guards = next(p.n for p in passages if GUARDS in p.text)
    n_pent = next(p.n for p in passages if PENTAGON in p.text)
    draft = (f"Iranian security sources said Iran's Revolutionary Guards had been deployed to Iraq [{n_guards}]. "
             f"The Pentagon said it could not confirm the reports [{n_pent}].")
    sentences, citations, _, _ = verify_draft(draft, passages)
    assert all(s.supported for s in sentences)
    by_n = {c.n: c for c in citations}
    assert set(by_n) == {n_guards, n_pent}
    for c in citations:
        doc = seeded_index.get_document(c.doc_id)
        assert doc.text[c.start:c.end] == c.quote
    assert by_n[n_guards].quote == GUARDS and by_n[n_guards].doc_id == "seed-000"
    assert by_n[n_pent].quote == PENTAGON and by_n[n_pent].doc_id == "seed-003"


def test_unsupported_sentences_are_left_out_of_the_answer_and_strict_removes_them(seeded_index, seeded_settings):
    passages = _passages(seeded_index, seeded_settings, "How many Revolutionary Guard soldiers did Iran send?")
    n = next(p.n for p in passages if FIVE_HUNDRED in p.text)
    draft = f"Iran sent about 500 Revolutionary Guard soldiers to the eastern Diyala province [{n}]. " \
            f"Iran sent about 5,000 Revolutionary Guard soldiers to Iraq [{n}]."
    sentences, citations, text, removed = verify_draft(draft, passages)
    assert [s.supported for s in sentences] == [True, False] and removed == 0
    assert [s.status for s in sentences] == ["kept", "unsupported"]
    assert sentences[1].citations == [n] and "5,000" in sentences[1].reason  # kept apart, with its reason
    assert text == f"Iran sent about 500 Revolutionary Guard soldiers to the eastern Diyala province [{n}]."
    assert [c.n for c in citations] == [n] and citations[0].quote == FIVE_HUNDRED
    sentences, _, text, removed = verify_draft(draft, passages, strict=True)
    assert removed == 1 and len(sentences) == 1 and "5,000" not in text


def test_markers_of_unsupported_sentences_are_not_listed_as_citations(seeded_index, seeded_settings):
    passages = _passages(seeded_index, seeded_settings, IS_CONFIRMED)
    n_guards = next(p.n for p in passages if GUARDS in p.text)
    n_pent = next(p.n for p in passages if PENTAGON in p.text)
    draft = f"{GUARDS} [{n_guards}] The Pentagon confirmed that Iranian special forces were inside Iraq [{n_pent}]."
    sentences, citations, text, _ = verify_draft(draft, passages)
    assert [s.supported for s in sentences] == [True, False]
    assert sentences[1].citations == [n_pent] and sentences[1].status == "unsupported"
    assert [c.n for c in citations] == [n_guards]
    assert "Pentagon" not in text and f"[{n_pent}]" not in text


@pytest.mark.parametrize("claim,evidence,supported", [
    ("A senior security official in Baghdad said Iran sent about 500 Revolutionary Guard soldiers to Iraq.",
     FIVE_HUNDRED, True),
    ("A senior security official in Baghdad said Iran sent about 5,000 Revolutionary Guard soldiers to Iraq.",
     FIVE_HUNDRED, False),  # number
    ("The Pentagon confirmed that Iran sent about 500 Revolutionary Guard soldiers to Iraq.",
     FIVE_HUNDRED + " " + PENTAGON, False),  # speaker
    ("The Pentagon said it could not confirm reports of Iranian special forces inside Iraq.", PENTAGON, True),
    ("The Pentagon denied reports of Iranian special forces inside Iraq.", PENTAGON + " " + KIRBY, False),  # verb
    ("Interior Ministry spokesman Saad Maan said a new plan had been put in place to protect Baghdad.", MAAN, True),
    ("A senior security official in Baghdad said no Revolutionary Guard soldiers were sent to Iraq.",
     FIVE_HUNDRED, False),  # negation
    ("Iran's government confirmed that its Revolutionary Guards had been deployed to Iraq.", GUARDS,
     False),  # widened source: the article says Iranian security sources
    ("Iranian security sources confirmed that Iran's Revolutionary Guards have been deployed to Iraq.", GUARDS, True),
])
def test_support_scorer_traps(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


def test_sentence_without_marker_is_cited_automatically_only_when_supported(seeded_index, seeded_settings):
    passages = _passages(seeded_index, seeded_settings, WHO_CONFIRMED)
    n = next(p.n for p in passages if GUARDS in p.text)
    sentences, citations, text, _ = verify_draft(f"{GUARDS} The moon is made of cheese.", passages)
    assert sentences[0].supported and sentences[0].citations == [n]
    assert "automatically" in sentences[0].reason
    assert sentences[0].status == "auto_cited" and sentences[0].draft_citations == []
    assert sentences[1].citations == [] and not sentences[1].supported and sentences[1].status == "unsupported"
    assert [c.n for c in citations] == [n] and citations[0].quote == GUARDS
    assert f"[{n}]" in text and "cheese" not in text


def test_contentless_sentence_is_not_supported():
    assert not check_support("Also and confirmed it.", [GUARDS]).supported


def test_wrong_marker_is_corrected_to_the_passage_that_holds_the_words(seeded_index, seeded_settings):
    passages = _passages(seeded_index, seeded_settings, IS_CONFIRMED)
    n_guards = next(p.n for p in passages if GUARDS in p.text)
    wrong = next(p.n for p in passages if GUARDS not in p.text)
    sentences, citations, text, _ = verify_draft(f"{GUARDS} [{wrong}] The moon is made of cheese [{wrong}].",
                                                 passages)
    first, second = sentences
    assert first.supported and first.citations == [n_guards]
    assert first.status == "repointed" and first.draft_citations == [wrong]
    assert f"the model cited [{wrong}]" in first.reason
    assert text == f"{GUARDS[:-1]} [{n_guards}]."
    # A sentence nothing shown supports keeps the model's marker, stays flagged and lists no source.
    assert not second.supported and second.citations == [wrong] and second.status == "unsupported"
    assert [c.n for c in citations] == [n_guards]
    assert citations[0].quote == GUARDS


def test_a_citation_the_model_did_not_write_must_clear_the_repoint_margin(seeded_index, seeded_settings):
    assert inspect.signature(verify_draft).parameters["repoint_margin"].default == REPOINT_MARGIN
    # the bar a citation the model did not write must clear: 0.70, as before the threshold moved to 0.50
    assert DEFAULT_THRESHOLD + REPOINT_MARGIN == pytest.approx(0.70)
    passages = _passages(seeded_index, seeded_settings, WHO_CONFIRMED)
    n = next(p.n for p in passages if GUARDS in p.text)
    wrong = next(p.n for p in passages if GUARDS not in p.text)
    # No passage can score above 1, so a margin of 1 forbids every citation the model did not write ...
    unmarked, cited, text, _ = verify_draft(GUARDS, passages, repoint_margin=1.0)
    assert not unmarked[0].supported and unmarked[0].citations == [] and cited == [] and text == ""
    repointed, cited, _, _ = verify_draft(f"{GUARDS} [{wrong}]", passages, repoint_margin=1.0)
    assert not repointed[0].supported and repointed[0].citations == [wrong] and cited == []
    # ... but not the model's own correct citation, nor the same citations with no margin.
    kept, cited, _, _ = verify_draft(f"{GUARDS} [{n}]", passages, repoint_margin=1.0)
    assert kept[0].supported and kept[0].status == "kept" and [c.n for c in cited] == [n]
    assert verify_draft(GUARDS, passages, repoint_margin=0.0)[0][0].status == "auto_cited"
    assert verify_draft(f"{GUARDS} [{wrong}]", passages, repoint_margin=0.0)[0][0].status == "repointed"


def test_cut_off_sentence_is_not_supported():
    result = check_support("Rear Admiral John Kirby held the position of spokesman for and.", [KIRBY])
    assert not result.supported and "cut off" in result.reason
    assert check_support("Spokesman Rear Admiral John Kirby said he had seen the press reporting.", [KIRBY]).supported


def test_a_draft_the_check_changed_is_reported_as_revised(seeded_index, seeded_settings):
    """What the real default model streamed for this kind of question: one sentence repeated per passage. The check
    merges the repeats and keeps only the supporting passage's marker, so a terminal that streamed "[2] ..." must
    show the checked answer as well; a draft the check leaves as it was is not reported."""
    passages = _passages(seeded_index, seeded_settings, WHO_CONFIRMED)
    n_guards = next(p.n for p in passages if GUARDS in p.text)
    other = next(p.n for p in passages if KIRBY in p.text)  # a passage that says nothing of the deployment
    repeated = f"[{n_guards}] {GUARDS}\n[{other}] {GUARDS}"
    sentences, _, _, removed = verify_draft(repeated, passages)
    assert removed == 0 and [s.citations for s in sentences] == [[n_guards]]
    assert revises_draft(repeated, sentences)
    clean = f"{GUARDS[:-1]} [{n_guards}]."
    sentences, _, _, _ = verify_draft(clean, passages)
    assert sentences[0].supported and not revises_draft(clean, sentences)
    beyond = f"{GUARDS[:-1]} [{n_guards}][9]."  # a marker with no passage is dropped: revised
    assert revises_draft(beyond, verify_draft(beyond, passages)[0])


STALL = "Government forces have so far managed to stall the militants' remarkably rapid advance near Samarra"


def test_an_unsupported_modifier_is_left_out_and_named(seeded_index, seeded_settings):
    """Repair by trimming (qa/verify/repair.py `trim`): the draft's true main clause is kept, the phrase its citation
    does not support is left out and named in the reason; nothing is added."""
    passages = _passages(seeded_index, seeded_settings, "How far is Samarra from Baghdad?")
    n = next(p.n for p in passages if STALL in p.text)
    draft = f"Samarra is a city 110km (68 miles) north of Baghdad, with a population of about 350,000 people [{n}]."
    sentences, citations, text, _ = verify_draft(draft, passages, repair=True)
    s = sentences[0]
    assert s.supported and s.status == "repaired" and s.citations == [n]
    assert s.text == "Samarra is a city 110km (68 miles) north of Baghdad."
    assert "350,000" not in text and "left out 'with a population of about 350,000 people'" in s.reason
    # without repair the same sentence is unsupported as a whole
    plain, _, _, _ = verify_draft(draft, passages)
    assert not plain[0].supported


def test_trimming_never_rescues_a_false_main_clause_or_a_negated_sentence(seeded_index, seeded_settings):
    passages = _passages(seeded_index, seeded_settings, "How far is Samarra from Baghdad?")
    n = next(p.n for p in passages if STALL in p.text)
    for draft in (f"Samarra is a city 200km north of Baghdad, with a population of about 350,000 people [{n}].",
                  f"Government forces did not stall the advance near Samarra, with help from Iran [{n}]."):
        sentences, _, _, _ = verify_draft(draft, passages, repair=True)
        assert not sentences[0].supported and sentences[0].status == "unsupported", sentences[0].reason


def test_a_trimmed_remainder_must_clear_the_stricter_bar(seeded_index, seeded_settings):
    """Leaving out "and fled to Basra" leaves "... has collapsed", which passes the plain check on word overlap with
    "the government has been on high alert": a remainder chosen because it passes must clear the stricter bar of
    a corrected citation, so the invented sentence stays unsupported."""
    passages = _passages(seeded_index, seeded_settings, "How is the government of Nouri al-Maliki described?")
    n = next(p.n for p in passages if "government has been on high alert" in p.text)
    draft = f"The government of Nouri al-Maliki has collapsed and fled to Basra [{n}]."
    sentences, _, _, _ = verify_draft(draft, passages, repair=True)
    assert not sentences[0].supported and "collapsed" in sentences[0].text, sentences[0].reason


@pytest.mark.parametrize("claim,evidence,kept", [
    # TEST FIXTURE sentences: which constituents may go (set off by commas, or a second predicate after "and")
    ("Kerrow is the region's second-largest town, with a population of about 40,000 people.",
     "Police said the attack happened in Kerrow, the region's second-largest town, late on Tuesday.",
     "Kerrow is the region's second-largest town."),
    ("The council approved the budget and raised parking fees by 10 percent.",
     "The council approved the budget on Monday after a three-hour debate.", "The council approved the budget."),
    ("Mayor Lina Ortiz, a former teacher, opened the new library on Friday.",
     "Mayor Lina Ortiz opened the new library on Friday, calling it a gift to the town.",
     "Mayor Lina Ortiz opened the new library on Friday."),
    ("The storm hit the coast on Sunday, killing 12 people.",
     "The storm hit the coast on Sunday, knocking out power to 40,000 homes.", "The storm hit the coast on Sunday."),
    ("The firm cut 300 jobs, which it blamed on falling demand.", "The firm cut 300 jobs in its Leeds plant last year.",
     "The firm cut 300 jobs."),
    ("The agency hired a firm that had built the old bridge.", "The agency hired a firm to inspect the bridge.",
     "The agency hired a firm."),  # a relative clause on an indefinite noun
    ("The agency hired every firm that had bid.", "The agency hired a firm to inspect the bridge.", None),
    # a second predicate after "and" inside a clause, not only the main one
    ("The agency hired a firm that had built the old bridge and was bidding for the new one.",
     "The agency hired a firm that had built the old bridge.",
     "The agency hired a firm that had built the old bridge."),
    ("Police said the driver fled the scene and was arrested two days later.",
     "The driver fled the scene, police said.", "Police said the driver fled the scene."),
    ("Police said the driver fled the scene or was arrested.", "The driver fled the scene, police said.", None),
    ("The minister did not meet the strikers, including the union leader.", "The minister did not meet the strikers.",
     None),  # under a negation, leaving words out can say more
])
def test_trim_keeps_the_supported_main_part(claim, evidence, kept):
    from qa.schema import Passage
    from qa.verify.repair import trim

    p = Passage(n=1, chunk_id="c", doc_id="d", title="t", source="s", published="2020", url="", text=evidence,
                start=0, end=len(evidence), score=1.0)
    fixed = trim(claim, [p], None, [None])
    assert (fixed.text if fixed else None) == kept


@pytest.mark.parametrize("sentence,broken", [
    ("The advance was halted in [1].", "breaks off after 'in'"),
    ("The minister flew to [2], aides said.", "breaks off after 'to'"),
    ("[2] reports that the bridge reopened.", "source's name"),
    ("The bridge reopened, while [3] states that it is still closed.", "source's name"),
    ("Iran stepped in [1].", ""),
    ("He said the country would not be dragged back in [1].", ""),
    ("[3] Mayor Ana Ruiz said the bridge reopened.", ""),
    ("The bridge reopened in May [1].", ""),
])
def test_a_marker_written_as_a_word_breaks_the_sentence(sentence, broken):
    """TEST FIXTURE sentences (session 25): the small model puts a marker where a place or a source's name belongs;
    without the marker the sentence is broken English ("was halted in.") that a word-by-word check passes."""
    from qa.verify.citations import marker_as_word

    got = marker_as_word(sentence)
    assert (broken in got) if broken else got == "", got


def test_a_broken_sentence_is_unsupported_whatever_its_words():
    """The broken sentence's words are all in the passage, and it is still listed apart with the reason, never
    re-pointed or repaired into the answer."""
    from qa.schema import Passage

    text = "The advance of the rebels was halted in the hills near Tarsa on Monday."
    p = Passage(n=1, chunk_id="c", doc_id="d", title="t", source="s", published="2020", url="", text=text, start=0,
                end=len(text))
    sentences, citations, answer, _ = verify_draft("The advance of the rebels was halted in [1].", [p], repair=True)
    [s] = sentences
    assert not s.supported and "breaks off after 'in'" in s.reason and citations == [] and answer == ""


def test_a_broken_sentence_with_two_markers_is_listed_not_a_crash():
    """Two markers after the preposition: the sentence is rejected before any passage is read, and the step that
    drops redundant markers (which reads the passages' scores) leaves it alone."""
    from qa.schema import Passage

    text = "The advance of the rebels was halted in the hills near Tarsa on Monday."
    ps = [Passage(n=n, chunk_id=f"c{n}", doc_id=f"d{n}", title="t", source="s", published="2020", url="", text=text,
                  start=0, end=len(text)) for n in (1, 2)]
    sentences, _, answer, _ = verify_draft("The advance of the rebels was halted in [1][2].", ps, repair=True)
    [s] = sentences
    assert not s.supported and "breaks off after 'in'" in s.reason and s.citations == [1, 2] and answer == ""


def test_a_yes_or_no_opening_is_left_out_since_the_check_cannot_weigh_it():
    """TEST FIXTURE passage: "Yes, the council would consider ..." answers "Did the council decide ...?" with the
    model's own word; the check can compare the rest with the cited text, not whether that means yes. The word is
    left out and named; the rest is checked as always (an unsupported rest stays unsupported)."""
    from qa.schema import Passage

    text = "The council would consider closing the bridge if the repairs were delayed, the mayor said on Tuesday."
    p = Passage(n=1, chunk_id="c", doc_id="d", title="t", source="s", published="2020", url="", text=text,
                start=0, end=len(text), score=1.0)
    sentences, _, answer, _ = verify_draft(
        "Yes, the mayor said the council would consider closing the bridge if the repairs were delayed [1].", [p],
        repair=True)
    s = sentences[0]
    assert s.supported and s.status == "repaired" and s.text.startswith("The mayor said the council would consider")
    assert "left out 'Yes'" in s.reason and not answer.startswith("Yes")
    no, _, _, _ = verify_draft("No, the council closed the bridge on Tuesday [1].", [p], repair=True)
    assert not no[0].supported
    plain, _, _, _ = verify_draft("The mayor said the council would consider closing the bridge [1].", [p])
    assert plain[0].supported and plain[0].status == "kept"  # no opening word: nothing changed
