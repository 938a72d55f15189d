"""Summary metrics on hand-built Summary objects (expected values worked out by hand in the comments).

Sentences restate facts of the seed articles (seed-000, seed-003); documents "a", "b", "c" are placeholders."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from qa.errors import UsageError
from qa.schema import AnswerSentence, Citation, Summary
from qa.summarize.loaded_terms import load_lexicon
from qa.summarize.metrics import (
    attributed_ratio,
    citation_balance,
    compute_metrics,
    has_attribution,
    loaded_terms,
    own_voice_terms,
    source_coverage,
    unsupported_sentences,
)


def _cite(n: int, doc_id: str) -> Citation:
    return Citation(n=n, doc_id=doc_id, quote="q", start=0, end=1)


def _sent(text: str, cites: list[int], supported: bool = True) -> AnswerSentence:
    return AnswerSentence(text=text, citations=cites, supported=supported)


def _summary(sentences: list[AnswerSentence], citations: list[Citation], doc_ids: list[str]) -> Summary:
    return Summary(summary=" ".join(s.text for s in sentences), sentences=sentences, citations=citations,
                   doc_ids=doc_ids)


def test_balanced_two_source_summary():
    s = _summary([_sent("A senior security official said Iran sent about 500 Revolutionary Guard soldiers.", [1]),
                  _sent("The Pentagon said it could not confirm the reports.", [2])],
                 [_cite(1, "a"), _cite(2, "b")], ["a", "b"])
    m = compute_metrics(s)
    # both sources cited: coverage 2/2; counts (1, 1): entropy ln 2 / ln 2 = 1.0
    assert m.source_coverage == 1.0
    assert m.citation_balance == pytest.approx(1.0)
    # both sentences attributed ("said") and supported: 2/2
    assert m.attributed_ratio == 1.0
    assert m.unsupported_sentences == 0
    assert m.loaded_terms == []


def test_one_sided_summary_has_half_coverage_and_zero_balance():
    s = _summary([_sent("Iranian security sources said Revolutionary Guards were deployed to Iraq.", [1]),
                  _sent("Two battalions of the Quds Forces have reportedly made significant progress.", [3])],
                 [_cite(1, "a"), _cite(2, "b"), _cite(3, "a")], ["a", "b"])
    # only "a" is cited: coverage 1/2; counts (2, 0): entropy of (1.0, 0.0) = 0
    assert source_coverage(s) == 0.5
    assert citation_balance(s) == 0.0


def test_uneven_three_source_balance():
    s = _summary([_sent("A said x.", [1]), _sent("A said y.", [2]), _sent("B said z.", [3]),
                  _sent("C said w.", [4])],
                 [_cite(1, "a"), _cite(2, "a"), _cite(3, "b"), _cite(4, "c")], ["a", "b", "c"])
    # counts (2, 1, 1) -> p = (0.5, 0.25, 0.25); H = 0.5 ln 2 + 2 * 0.25 ln 4 = 1.039721; / ln 3 = 0.946395
    expected = (0.5 * math.log(2) + 0.5 * math.log(4)) / math.log(3)
    assert citation_balance(s) == pytest.approx(expected, abs=1e-6)
    assert citation_balance(s) == pytest.approx(0.946395, abs=1e-6)


def test_a_sentence_citing_two_sources_counts_once_for_each():
    s = _summary([_sent("Both articles report that militants took Mosul.", [1, 2]),
                  _sent("A said x.", [3])], [_cite(1, "a"), _cite(2, "b"), _cite(3, "a")], ["a", "b"])
    # counts a = 2 (sentences 1 and 2), b = 1 -> p = (2/3, 1/3); H = 0.636514; / ln 2 = 0.918296
    assert citation_balance(s) == pytest.approx(0.918296, abs=1e-6)


def test_single_source_balance_is_one_when_cited_and_zero_when_not():
    cited = _summary([_sent("The Pentagon said it could not confirm the reports.", [1])], [_cite(1, "a")], ["a"])
    assert citation_balance(cited) == 1.0
    assert source_coverage(cited) == 1.0
    uncited = _summary([_sent("The Pentagon said it could not confirm the reports.", [1], supported=False)],
                       [_cite(1, "a")], ["a"])
    assert citation_balance(uncited) == 0.0
    assert source_coverage(uncited) == 0.0


def test_unsupported_sentences_count_and_do_not_count_as_citing_or_attributed():
    s = _summary([_sent("A senior security official said Iran sent about 500 Revolutionary Guard soldiers.", [1]),
                  _sent("The Pentagon said 9,000 tanks crossed the border.", [2], supported=False),
                  _sent("Militants captured Mosul.", [1])],
                 [_cite(1, "a"), _cite(2, "b")], ["a", "b"])
    assert unsupported_sentences(s) == 1
    # "b" is only cited by the unsupported sentence: coverage 1/2
    assert source_coverage(s) == 0.5
    # sentence 1: attributed + supported; 2: attributed, unsupported; 3: supported, no attribution -> 1/3
    assert attributed_ratio(s) == pytest.approx(1 / 3)


def test_loaded_terms_in_own_voice_are_found():
    s = _summary([_sent("The jihadists savagely seized Mosul.", [1])], [_cite(1, "a")], ["a"])
    assert loaded_terms(s) == ["jihadists", "savagely"]


def test_loaded_terms_inside_an_attributed_quote_are_not_counted():
    s = _summary([_sent('Rouhani said ISIS was "an extremist, terrorist group that is acting savagely".', [1]),
                  _sent("Rouhani said Iran would not tolerate “this violence and terrorism”.", [1])],
                 [_cite(1, "a")], ["a"])
    assert loaded_terms(s) == []
    assert compute_metrics(s).loaded_terms == []


def test_scare_quotes_without_attribution_and_stray_quotes_do_not_hide_loaded_terms():
    scare = _summary([_sent('The "jihadists" advanced on Baghdad.', [1])], [_cite(1, "a")], ["a"])
    assert loaded_terms(scare) == ["jihadists"]
    stray = _summary([_sent('Obama said the "jihadists savagely seized Mosul.', [1])], [_cite(1, "a")], ["a"])
    assert loaded_terms(stray) == ["jihadists", "savagely"]


def test_loaded_terms_match_whole_words_and_prefix_entries():
    lex = load_lexicon()
    assert [m.word for m in own_voice_terms("Officials fear terrorism and terrorists.", lex)] == [
        "terrorism", "terrorists"]
    assert own_voice_terms("The savagery of the regimental band.", lex) == []  # no whole-word match
    assert has_attribution("according to the sources") and not has_attribution("Militants took Mosul.")


def test_summary_without_sentences_scans_its_text():
    s = Summary(summary="The jihadists advanced. Officials said nothing.", doc_ids=["a"])
    assert loaded_terms(s) == ["jihadists"]
    assert compute_metrics(s).source_coverage == 0.0


def test_user_lexicon_file_adds_terms(tmp_path: Path):
    extra = tmp_path / "mine.txt"
    extra.write_text("# my terms\nwarmongers => officials\nsavagely => cruelly\n", encoding="utf-8")
    lex = load_lexicon(extra)
    words = {e.term: e.replacement for e in lex.entries}
    assert words["warmongers"] == "officials"
    assert words["savagely"] == "cruelly"  # the user's entry wins
    assert "jihadists" in words  # built-in terms stay
    s = _summary([_sent("The warmongers met.", [1])], [_cite(1, "a")], ["a"])
    assert loaded_terms(s, lex) == ["warmongers"]
    assert loaded_terms(s) == []


def test_bad_user_lexicon_is_a_usage_error(tmp_path: Path):
    with pytest.raises(UsageError, match="not found"):
        load_lexicon(tmp_path / "missing.txt")
    bad = tmp_path / "bad.txt"
    bad.write_text("ter*rible\n", encoding="utf-8")
    with pytest.raises(UsageError, match="line 1"):
        load_lexicon(bad)


def test_loaded_terms_file_setting_extends_the_lexicon(tmp_path: Path, monkeypatch):
    from qa.config import load_settings
    from qa.summarize.loaded_terms import lexicon_for

    extra = tmp_path / "extra.txt"
    extra.write_text("warmongers\n", encoding="utf-8")
    monkeypatch.setenv("NEWSQA_LOADED_TERMS_FILE", str(extra))
    settings = load_settings({"db": str(tmp_path / "db")})
    assert settings.loaded_terms_file == str(extra)
    assert [m.word for m in own_voice_terms("The warmongers and jihadists met.", lexicon_for(settings))] == [
        "warmongers", "jihadists"]
