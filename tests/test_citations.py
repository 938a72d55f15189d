"""Marker parsing, span mapping and the support scorer's traps (real embeddings, no LLM)."""

from __future__ import annotations

import pytest

from qa.citations import parse_markers, revises_draft, split_draft, verify_draft
from qa.retrieval import retrieve_passages
from qa.support import check_support

IRGC = ("Iranian security sources confirmed that about 500 members of the Islamic Revolutionary Guard Corps "
        "(IRGC) had been deployed to Iraq.")
PENTAGON = ("The Pentagon said on Friday that it could not confirm reports that Iranian Revolutionary Guard units "
            "were fighting in Iraq, as Washington weighed how to respond to the militant offensive that has "
            "overrun much of the country's north.")
AFKHAM = "In Tehran, Foreign Ministry spokeswoman Marzieh Afkham denied that Iran had sent military forces to Iraq."


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
    passages = _passages(seeded_index, seeded_settings, "Who confirmed the IRGC deployment?")[:2]
    sentences, citations, text, _ = verify_draft(f"{IRGC} [1][3]", passages)
    assert sentences[0].citations == [1]
    assert [c.n for c in citations] == [1]
    assert "[3]" not in text


def test_quote_is_exact_article_span_and_points_at_supporting_sentence(seeded_index, seeded_settings):
    passages = _passages(seeded_index, seeded_settings, "Is the IRGC deployment confirmed?")
    n_irgc = next(p.n for p in passages if IRGC in p.text)
    n_pent = next(p.n for p in passages if "could not confirm" in p.text)
    draft = (f"Iranian security sources said about 500 IRGC members were deployed to Iraq [{n_irgc}]. "
             f"The Pentagon said it could not confirm the reports [{n_pent}].")
    sentences, citations, _, _ = verify_draft(draft, passages)
    assert all(s.supported for s in sentences)
    by_n = {c.n: c for c in citations}
    assert set(by_n) == {n_irgc, n_pent}
    for c in citations:
        doc = seeded_index.get_document(c.doc_id)
        assert doc.text[c.start:c.end] == c.quote
    assert by_n[n_irgc].quote == IRGC and by_n[n_irgc].doc_id == "seed-000"
    assert by_n[n_pent].quote == PENTAGON and by_n[n_pent].doc_id == "seed-003"


def test_only_cited_sources_listed_and_strict_removes_unsupported(seeded_index, seeded_settings):
    passages = _passages(seeded_index, seeded_settings, "Who confirmed the IRGC deployment?")
    n = next(p.n for p in passages if IRGC in p.text)
    draft = f"Iranian security sources confirmed the deployment of about 500 IRGC members [{n}]. " \
            f"About 5,000 IRGC members were deployed [{n}]."
    sentences, citations, _, removed = verify_draft(draft, passages)
    assert [s.supported for s in sentences] == [True, False]
    assert [c.n for c in citations] == [n]
    sentences, _, text, removed = verify_draft(draft, passages, strict=True)
    assert removed == 1 and len(sentences) == 1 and "5,000" not in text


@pytest.mark.parametrize("claim,evidence,supported", [
    ("Iranian security sources said about 500 IRGC members were sent to Iraq.", IRGC, True),
    ("Iranian security sources said about 5,000 IRGC members were sent to Iraq.", IRGC, False),  # number
    ("The Pentagon confirmed that IRGC members were deployed to Iraq.", IRGC + " " + PENTAGON, False),  # speaker
    ("The Pentagon said it could not confirm reports of Revolutionary Guard units in Iraq.", PENTAGON, True),
    ("The Pentagon denied reports of Iranian Revolutionary Guard units in Iraq.", PENTAGON + " " + AFKHAM, False),
    ("Iran's Foreign Ministry denied sending forces to Iraq.", AFKHAM, True),
    ("Iranian security sources said no IRGC members were deployed to Iraq.", IRGC, False),  # negation
    ("Iran confirmed that about 500 IRGC members had been deployed to Iraq.", IRGC, False),  # widened source
])
def test_support_scorer_traps(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


def test_sentence_without_marker_is_cited_automatically_only_when_supported(seeded_index, seeded_settings):
    passages = _passages(seeded_index, seeded_settings, "Who confirmed the IRGC deployment?")
    n = next(p.n for p in passages if IRGC in p.text)
    sentences, citations, text, _ = verify_draft(f"{IRGC} The moon is made of cheese.", passages)
    assert sentences[0].supported and sentences[0].citations == [n]
    assert "automatically" in sentences[0].reason
    assert sentences[1].citations == [] and not sentences[1].supported
    assert [c.n for c in citations] == [n] and citations[0].quote == IRGC
    assert f"[{n}]" in text


def test_contentless_sentence_is_not_supported():
    assert not check_support("Also and confirmed it.", [IRGC]).supported


def test_wrong_marker_is_corrected_to_the_passage_that_holds_the_words(seeded_index, seeded_settings):
    passages = _passages(seeded_index, seeded_settings, "Is the IRGC deployment confirmed?")
    n_irgc = next(p.n for p in passages if IRGC in p.text)
    wrong = next(p.n for p in passages if IRGC not in p.text)
    sentences, citations, text, _ = verify_draft(f"{IRGC} [{wrong}] The moon is made of cheese [{wrong}].", passages)
    first, second = sentences
    assert first.supported and first.citations == [n_irgc]
    assert f"the model cited [{wrong}]" in first.reason
    assert text.startswith(f"{IRGC[:-1]} [{n_irgc}].")
    # A sentence nothing shown supports keeps the model's marker and stays flagged.
    assert not second.supported and second.citations == [wrong]
    assert {c.n for c in citations} == {n_irgc, wrong}
    assert next(c for c in citations if c.n == n_irgc).quote == IRGC


def test_cut_off_sentence_is_not_supported():
    kirby = ("Pentagon spokesman Rear Admiral John Kirby told reporters that he had seen the reports but had no "
             "information that would confirm Iranian forces were operating inside Iraq.")
    result = check_support("Rear Admiral John Kirby held the position of Pentagon spokesman for and.", [kirby])
    assert not result.supported and "cut off" in result.reason
    assert check_support("Pentagon spokesman John Kirby said he had seen the reports.", [kirby]).supported


def test_a_draft_the_check_changed_is_reported_as_revised(seeded_index, seeded_settings):
    """What the real default model streamed for this question: one sentence repeated per passage. The check
    merges the repeats and keeps only the supporting passage's marker, so a terminal that streamed "[2] ..." must
    show the checked answer as well; a draft the check leaves as it was is not reported."""
    passages = _passages(seeded_index, seeded_settings, "Who confirmed the IRGC deployment?")
    n_irgc = next(p.n for p in passages if IRGC in p.text)
    other = next(p.n for p in passages if IRGC not in p.text)
    repeated = f"[{n_irgc}] {IRGC}\n[{other}] {IRGC}"
    sentences, _, _, removed = verify_draft(repeated, passages)
    assert removed == 0 and [s.citations for s in sentences] == [[n_irgc]]
    assert revises_draft(repeated, sentences)
    clean = f"{IRGC[:-1]} [{n_irgc}]."
    sentences, _, _, _ = verify_draft(clean, passages)
    assert sentences[0].supported and not revises_draft(clean, sentences)
    beyond = f"{IRGC[:-1]} [{n_irgc}][9]."  # a marker with no passage is dropped: revised
    assert revises_draft(beyond, verify_draft(beyond, passages)[0])
