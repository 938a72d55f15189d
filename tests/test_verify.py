"""Verifier v2 (qa/verify): the structural support scorer on claims written for these tests against sentences of
the seed articles, its text helpers, the parser's SHA-256 check and the scorer seam. Real parser and embeddings,
no LLM."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from qa.corpus import load_seed_documents
from qa.errors import ModelError, UsageError
from qa.support import check_support
from qa.verify.scorer import LexicalScorer, StructuralScorer, SupportScorer, get_scorer
from qa.verify.text import abbreviates, dates, normalize, quantities, quantity_found

SAMARRA = ("Government forces have so far managed to stall the militants' remarkably rapid advance near Samarra - a "
           "city 110km (68 miles) north of Baghdad - and are now bombing insurgent positions in and around Mosul.")
SHIFT = ("As the crisis in the Middle-East deepens, the Iranian military is also considering shifting troops "
         "fighting in Syria, to Iraq if the deployment of the Quds Forces is not sufficient to combat the insurgents.")
OFFICIAL = ("Iran has sent about 500 of its elite Revolutionary Guard soldiers to fight alongside Iraqi government "
            "security forces in the eastern Diyala province, a senior security official in Baghdad told the channel.")
PRESIDENT = ("The president did not specify what options he was considering, but he ruled out sending American "
             "troops back into combat in Iraq.")
AIRSTRIKES = ("President Obama responded saying he would not rule out U.S. air strikes against the insurgents and "
              "that his government is looking at \"all options\", including military action, to help Iraq fight "
              "Islamist militants.")
TURNED = ("The Iraqi government has turned to the U.S for military support and authorised airstrikes against "
          "insurgents in the looming battle for Baghdad.")
PENTAGON = ("However, the Pentagon said on Friday it could not confirm media reports about the presence of Iranian "
            "special forces operating inside Iraq.")
ARTICLES = {d.doc_id: d.text for d in load_seed_documents()}


def structural(claim: str, evidence: str, context: str | None = None):
    return StructuralScorer().score(claim, evidence, context)


@pytest.mark.parametrize("claim,evidence,why", [
    ("Baghdad is 110km north of Samarra.", SAMARRA, "reversed"),
    ("The Iranian military has moved troops from Syria to Iraq.", SHIFT, "considering"),
    ("Iranian officials said Iran has sent about 500 Revolutionary Guard soldiers to fight alongside Iraqi "
     "forces.", OFFICIAL, "credits"),
    ("Government forces recaptured Samarra.", SAMARRA, "stall"),
    ("Samarra is 110 miles north of Baghdad.", SAMARRA, "110 miles"),
    ("President Obama ruled out U.S. air strikes against the insurgents.", AIRSTRIKES, "would not rule out"),
    ("The Pentagon said on Thursday it could not confirm media reports of Iranian special forces inside Iraq.",
     PENTAGON, "Thursday"),
    ("The Pentagon confirmed media reports of Iranian special forces operating inside Iraq.", PENTAGON,
     "could not confirm"),
])
def test_unsupported_claims_are_rejected_with_the_failed_part_named(claim, evidence, why):
    result = structural(claim, evidence, ARTICLES["seed-000"] if evidence in ARTICLES["seed-000"] else
                        ARTICLES["seed-003"])
    assert not result.supported, result.reason
    assert why in result.reason


@pytest.mark.parametrize("claim,evidence,doc", [
    ("Samarra is 110 kilometres north of Baghdad.", SAMARRA, "seed-000"),  # glued unit "110km"
    ("The Iraqi government turned to the United States for military support.", TURNED, "seed-000"),  # "the U.S"
    ("Obama ruled out sending American troops back into combat.", PRESIDENT, "seed-003"),  # "the president", "he"
    ("President Obama said he would not rule out U.S. air strikes.", AIRSTRIKES, "seed-000"),
    ("Iran sent about 500 Revolutionary Guard soldiers to fight alongside Iraqi government forces, an official "
     "told CNN.", OFFICIAL, "seed-003"),  # "the channel" is CNN, named in the sentence before
    ("Government forces have slowed the militants' advance near Samarra.", SAMARRA, "seed-000"),  # weaker, synonym
])
def test_supported_paraphrases_are_accepted(claim, evidence, doc):
    result = structural(claim, evidence, ARTICLES[doc])
    assert result.supported, result.reason


def test_coreference_needs_the_article():
    claim = "Obama ruled out sending American troops back into combat."
    assert not structural(claim, PRESIDENT).supported  # without the article, "the president" is nobody
    assert structural(claim, PRESIDENT, ARTICLES["seed-003"]).supported


def test_check_support_is_the_entry_point_and_threads_context():
    claim = "Obama ruled out sending American troops back into combat in Iraq."
    result = check_support(claim, [PRESIDENT], context=ARTICLES["seed-003"], scorer="structural")
    assert result.supported
    start, end, _ = result.per_evidence[0]
    assert PRESIDENT[start:end] == PRESIDENT  # the best sentence span inside the evidence
    assert not check_support(claim, [PRESIDENT], context=[None], scorer="structural").supported


def test_text_numbers_units_dates_abbreviations():
    assert normalize("CNNreported on Friday") == "CNN reported on Friday"
    glued, spaced = quantities("a city 110km north"), quantities("110 kilometres")
    assert glued[0].value == 110 and glued[0].unit == "km" and quantity_found(spaced[0], glued)
    assert not quantity_found(quantities("110 miles")[0], glued)
    assert quantities("Iraq's second largest city")[0].ordinal
    assert quantity_found(quantities("2nd-largest")[0], quantities("second largest"))
    assert not quantity_found(quantities("more than ten years")[0], quantities("more than eight years"))
    assert quantity_found(quantities("8-plus years")[0], quantities("more than eight years"))
    assert [d.value for d in dates("on Thursday (June 12), not in 2011")] == ["thursday", "june 12", "2011"]
    assert dates("they may go") == []
    assert abbreviates("U.S", ["United", "States"]) and abbreviates("NSC", ["National", "Security", "Council"])
    assert not abbreviates("UK", ["United", "States"])


def test_scorer_seam_and_setting(monkeypatch):
    assert isinstance(StructuralScorer(), SupportScorer) and isinstance(LexicalScorer(), SupportScorer)
    monkeypatch.setenv("NEWSQA_SCORER", "lexical")
    assert get_scorer().name == "lexical"
    monkeypatch.setenv("NEWSQA_SCORER", "structural")
    assert get_scorer().name == "structural"
    with pytest.raises(UsageError, match="unknown scorer"):
        get_scorer("fuzzy")
    monkeypatch.setenv("NEWSQA_SCORER", "fuzzy")
    from qa.config import load_settings

    with pytest.raises(UsageError, match="unknown scorer"):
        load_settings()


def test_parser_weights_are_checked_against_pinned_sha256(tmp_path):
    from qa.verify.nlp import MODEL_SHA256, model_dir, verify_model

    verify_model(model_dir())  # the installed model passes
    copy = tmp_path / "model"
    (copy / "ner").mkdir(parents=True)
    shutil.copy(model_dir() / "ner" / "moves", copy / "ner" / "moves")
    table = {"ner/moves": MODEL_SHA256["ner/moves"]}
    verify_model(copy, table)
    with open(copy / "ner" / "moves", "ab") as fh:
        fh.write(b"\0")
    with pytest.raises(ModelError, match="SHA-256"):
        verify_model(copy, table)
    with pytest.raises(ModelError, match="missing"):
        verify_model(copy, {"tagger/model": MODEL_SHA256["tagger/model"]})


def test_importing_the_scorer_does_not_import_spacy():
    code = ("import sys, qa.support, qa.verify.scorer, qa.check; "
            "sys.exit(1 if 'spacy' in sys.modules else 0)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True).returncode == 0
