"""Verifier v2 (qa/verify): the structural support scorer on claims written for these tests against sentences of
the seed articles, its text helpers, the parser's SHA-256 check and the scorer seam. Real parser and embeddings,
no LLM."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from qa.errors import ModelError, UsageError
from qa.ingest.readers import load_seed_documents
from qa.text import abbreviates, dates, normalize, quantities, quantity_found
from qa.verify.scorer import LexicalScorer, StructuralScorer, SupportScorer, get_scorer
from qa.verify.support import check_support

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
ADVANCE = ("As al-Qaeda-inspired Islamic State of Iraq and Syria (ISIS) militants and local armed men – backed by "
           "Sunni tribal leaders – advance towards the Iraqi capital of Baghdad, neighboring Iran has sent troops to "
           "fight alongside government forces, CNNreported on Friday.")
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
    # a dev answer (q008) shown with a re-pointed citation: spaCy tags this "advance" as a noun
    ("ISIS militants and local armed men are advancing on Baghdad together with Iran's troops.", ADVANCE, "with"),
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
    code = ("import sys, qa.verify.support, qa.verify.scorer, qa.cli.check; "
            "sys.exit(1 if 'spacy' in sys.modules else 0)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True).returncode == 0


# ---- verifier v2 rules added for issue 14 (general linguistic rules; most cases on invented passages) ----------
CHINA = ("Meanwhile, China – the top foreign player in Iraq’s oilfields – said that it was watching security "
         "developments in Iraq and offered the Baghdad government whatever help it can give.")
POLICE = ("Iran's chief of police, Esmail Ahmadi-Moghaddam, said the National Security Council would consider "
          "intervening in Iraq to \"protect Shiite shrines and cities.\"")
AREAS = ("Sunni militant group ISIS, the Islamic State of Iraq and al-Shams, has already seized several areas in the "
         "northern part of the country.")
GOVERNOR = ("Governor Tom Aldridge announced on Wednesday that the state will close three prisons by next year to "
            "save about $40 million. He said the inmates would be moved to other facilities. The prison officers' "
            "union said it opposed the plan and would challenge it in court. The Riverton dam, 12km east of Halford, "
            "was completed in 1998 and supplies water to nearly 200,000 homes. Engineers are studying whether the "
            "dam can withstand stronger floods, a spokeswoman for the water authority said.")
MARKET = ("Shares in Brightwave fell 4% in early trading on Monday after the company could not confirm reports "
          "that it plans to cut 1,200 jobs. An appeal against the ruling could take up to six months, and the "
          "regulator is expected to decide in the autumn. Police are still looking for a third suspect.")


@pytest.mark.parametrize("claim,evidence,doc", [
    # the issue's remaining certainty failures (over seed sentences)
    ("Iran's police chief said the National Security Council had decided to intervene in Iraq.", POLICE,
     "seed-000"),
    ("Obama ordered U.S. air strikes against the insurgents.", AIRSTRIKES, "seed-000"),
    ("China offered to send troops to Iraq.", CHINA, "seed-003"),
])
def test_the_issue_certainty_failures_are_rejected(claim, evidence, doc):
    assert not structural(claim, evidence, ARTICLES[doc]).supported


def test_china_paraphrase_is_accepted():
    claim = "China offered the Baghdad government whatever help it could give."
    assert structural(claim, CHINA, ARTICLES["seed-003"]).supported


@pytest.mark.parametrize("claim,evidence,why", [
    ("ISIS has already seized several areas in the southern part of the country.", AREAS, "southern"),
    ("The militants have so far managed to stall the rapid advance of government forces near Samarra.", SAMARRA,
     "roles are reversed"),
    ("Iran's police chief said the National Security Council will intervene in Iraq.", POLICE, "only weighed"),
    ("Obama responded that U.S. air strikes against the insurgents would go ahead.", AIRSTRIKES,
     "would not rule out"),
    ("Shares in Brightwave rose 4% in early trading on Monday.", MARKET, "opposite"),
    ("An appeal against the ruling will take at least six months.", MARKET, "up to"),
    ("The regulator is expected to decide in the spring.", MARKET, "Spring"),
    ("Police are no longer looking for a third suspect.", MARKET, "no longer"),
    ("The dam supplies water to more than 200,000 homes.", GOVERNOR, "nearly 200,000"),
    ("Halford lies 12km east of the Riverton dam.", GOVERNOR, "reversed"),
    ("The union said it supported the plan.", GOVERNOR, "opposite"),
    ("Aldridge said on Wednesday the state has closed three prisons.", GOVERNOR, "will close"),
])
def test_general_rules_reject_with_a_reason(claim, evidence, why):
    context = evidence if evidence in (GOVERNOR, MARKET) else ARTICLES["seed-000"]
    result = structural(claim, evidence, context)
    assert not result.supported, claim
    assert why in result.reason, result.reason


@pytest.mark.parametrize("claim,evidence", [
    ("Aldridge said on Wednesday the state would shut three prisons by next year, saving around $40 million.",
     GOVERNOR),
    ("The governor said inmates would be transferred to other facilities.", GOVERNOR),  # "He" = the governor
    ("The union representing prison officers said it was against the plan and would take it to court.", GOVERNOR),
    ("The Riverton dam lies 12 kilometres east of Halford.", GOVERNOR),
    ("Tom Aldridge said the closures aim to save roughly $40 million.", GOVERNOR),
    ("According to a water authority spokeswoman, engineers are examining whether the dam could withstand "
     "stronger floods.", GOVERNOR),
    ("Brightwave's shares dropped 4 percent in early trading on Monday.", MARKET),
    ("An appeal could last as long as six months.", MARKET),
])
def test_general_paraphrases_of_an_invented_passage_are_accepted(claim, evidence):
    result = structural(claim, evidence, evidence)
    assert result.supported, result.reason


@pytest.mark.parametrize("claim,evidence,doc,supported", [
    # a count of another thing, a dropped rank, a dropped "more than"
    ("In the latest offensive, two brigades of the Quds Forces have reportedly made significant progress.",
     "In the latest offensive, two battalions of the Quds Forces have reportedly made significant progress in "
     "their defence of the besieged, Shiite-dominated government of Prime Minister Nouri al-Maliki.", "seed-000",
     False),
    ("Days after ISIS militants captured Mosul, Iraq's largest city, al-Maliki's government has been on high "
     "alert.", "Days after ISIS militants captured Iraq’s second largest city of Mosul, Iraqi Prime Minister Nouri "
     "al-Maliki’s government has been on high alert.", "seed-003", False),
    ("The last U.S. troops withdrew in 2011 after eight years of war.",
     "The last U.S. troops withdrew in 2011 after more than eight years of war.", "seed-003", False),
    # names swapped between the doer and the place; a country adjective for the country
    ("The Pentagon said it could not confirm media reports about Iraqi special forces operating inside Iran.",
     PENTAGON, "seed-003", False),
    ("Britain's Foreign Secretary William Hague said UK military involvement in the region is not an option.",
     "Meanwhile, the UK's Foreign Secretary William Hague has said that British military involvement in the "
     "region is not an option and Iraq's leadership must deal with the deteriorating military situation.",
     "seed-000", True),
    # a title for the named speaker, with a descriptor the sentence uses; "not able to" = "could not"
    ("The U.S. president said he would not rule out air strikes against the insurgents.", AIRSTRIKES, "seed-000",
     True),
    ("On Friday the Pentagon said it was not able to confirm press reports of Iranian special forces operating "
     "inside Iraq.", PENTAGON, "seed-003", True),
    # an added clause of its own
    ("The Pentagon said Friday it could not confirm media reports that Iranian special forces were operating "
     "inside Iraq, adding that it was investigating the claims.", PENTAGON, "seed-003", False),
])
def test_structure_rules_on_seed_sentences(claim, evidence, doc, supported):
    result = structural(claim, evidence, ARTICLES[doc])
    assert result.supported is supported, result.reason


def test_text_qualifiers_seasons_and_country_adjectives():
    from qa.text import name_bases, qualifier_clash

    more = quantities("more than eight years")
    assert not quantity_found(quantities("eight years")[0], more)
    assert not quantity_found(quantities("nearly eight years")[0], more)
    assert qualifier_clash(quantities("eight years")[0], more) == more[0]
    assert quantity_found(quantities("about 500")[0], quantities("500 soldiers"))
    assert not quantity_found(quantities("at least six months")[0], quantities("up to six months"))
    assert [d.value for d in dates("in the autumn, next month")] == ["autumn", "next month"]
    assert dates("prices may fall") == []
    assert "britain" in name_bases("British") and "france" in name_bases("French")


# ---- round 2 of issue 14: general acceptance rules, each with the error it must still catch ----------------------
ORCHARD = ("Fruit grower Brambley Farms said on Wednesday that frost had destroyed 40% of its apple crop. The "
           "company's managing director, Tessa Lund, told reporters that the losses could reach €12m. Harvest "
           "workers will be offered jobs at the firm's packing plant, the company said. The regional farmers' "
           "union said it would ask the government for help.")


def test_month_words_inside_names_and_nouns_are_not_dates():
    assert dates("Janet Marsh met Augustine Decker") == []
    assert [d.value for d in dates("the march on Friday drew thousands")] == ["friday"]
    assert [d.value for d in dates("on Mar. 4 and in Sept. 2019")] == ["march 4", "september", "2019"]


def test_money_scales_and_time_units():
    assert [q.value for q in quantities("a $2.5bn deal")] == [2.5e9]
    assert [(q.value, q.unit) for q in quantities("losses of €12m")] == [(12e6, "euro")]  # millions of euros
    assert quantities("a 400m race")[0].unit == "metre"  # without a currency sign "m" stays a metre
    assert quantity_found(quantities("a three-day festival")[0], quantities("the 72-hour festival"))
    assert not quantity_found(quantities("a four-day festival")[0], quantities("the 72-hour festival"))
    assert quantity_found(quantities("for ten years")[0], quantities("for a decade"))
    assert structural("Tessa Lund said the losses could reach 12 million euros.",
                      "The company's managing director, Tessa Lund, told reporters that the losses could reach €12m.",
                      ORCHARD).supported


@pytest.mark.parametrize("claim, supported", [
    ("Brambley Farms said harvest workers would be offered jobs at its packing plant.", True),  # the company = it
    ("The regional farmers' union said harvest workers would be offered jobs at the packing plant.", False),
])
def test_the_company_is_the_business_the_article_named(claim, supported):
    evidence = "Harvest workers will be offered jobs at the firm's packing plant, the company said."
    res = structural(claim, evidence, ORCHARD)
    assert res.supported is supported, res.reason
    if not supported:
        assert "credits" in res.reason


def test_a_claim_may_call_a_named_speaker_by_the_article_description():
    evidence = "Fruit grower Brambley Farms said on Wednesday that frost had destroyed 40% of its apple crop."
    assert structural("The company said frost had destroyed 40 percent of its apple crop.", evidence,
                      ORCHARD).supported
    res = structural("The union said frost had destroyed 40 percent of the apple crop.", evidence, ORCHARD)
    assert not res.supported and "credits" in res.reason


@pytest.mark.parametrize("claim, supported", [
    ("A coastguard spokeswoman said the ferry service had been suspended.", True),
    ("An airline spokeswoman said the ferry service had been suspended.", False),
])
def test_a_bare_spokesperson_may_be_named_for_the_party_whose_act_is_reported(claim, supported):
    evidence = "The coastguard has suspended the ferry service until further notice, a spokeswoman said."
    res = structural(claim, evidence)
    assert res.supported is supported, res.reason


@pytest.mark.parametrize("claim, supported", [
    ("The Westfield Herald reported that the harbour master had resigned.", True),
    ("The harbour master has resigned.", False),
])
def test_a_hedge_is_kept_when_the_claim_credits_the_source(claim, supported):
    evidence = "The harbour master has reportedly resigned, the Westfield Herald said."
    res = structural(claim, evidence)
    assert res.supported is supported, res.reason


def test_pledging_money_is_an_act_vowing_to_act_is_a_report():
    from qa.verify.claims import analyse

    assert analyse("Norway pledged $50m to the fund.").attributions == []
    assert [a.speaker for a in analyse("Norway vowed that it would help.").attributions] == ["Norway"]


def test_failing_to_act_is_a_negation_of_the_act():
    evidence = "The two sides failed to reach a deal after nine hours of talks."
    assert structural("The two sides did not reach a deal.", evidence).supported
    assert not structural("The two sides did not meet.", "The two sides reached a deal after nine hours.").supported


def test_an_evidence_verb_the_thesaurus_does_not_know_is_no_changed_action():
    evidence = "Diesel prices peaked at 2.10 euros a litre in March."
    assert structural("Diesel prices reached a high of 2.10 euros a litre in March.", evidence).supported
    res = structural("Diesel prices stalled at 2.10 euros a litre in March.",
                     "Diesel prices rose to 2.10 euros a litre in March.")
    assert not res.supported  # two known verbs of different senses still differ


def test_a_weighed_or_hoped_act_of_another_verb_is_not_done():
    evidence = "The mayor said the city hoped to work with private investors."
    res = structural("The mayor said the city had signed a contract with private investors.", evidence)
    assert not res.supported and "hoped" in res.reason


def test_the_parser_lemma_of_hoped_is_hope():
    from qa.verify.nlp import parse

    assert [t.lemma_ for t in parse("She hoped and he hopped.") if t.pos_ == "VERB"] == ["hope", "hop"]


def test_counted_nouns_compare_heads_and_synonyms_only():
    assert structural("The club ended a five-game losing run with a 3-0 win on Sunday.",
                      "The club won 3-0 on Sunday, ending a run of five straight defeats.").supported
    assert structural("Ministers from 12 countries signed the accord.",
                      "Ministers from 12 nations signed the accord.").supported
    assert not structural("The navy sent two frigates.", "The navy sent two submarines.").supported


def test_a_person_described_by_any_title_the_article_gives():
    article = ("Head coach Lena Park named her squad on Monday. The coach said three players were injured and "
               "would miss the opening game.")
    evidence = "The coach said three players were injured and would miss the opening game."
    assert structural("Lena Park said three players were injured.", evidence, article).supported
    assert not structural("Captain Mia Holt said three players were injured.", evidence, article).supported


# A passage written for these tests (not a seed, not an eval pair): acronym, titled person the small tagger may
# call an organisation, "he", a qualified count, a from/to route, a time span, a 'no' subject.
AIRLINE = ("The Civil Aviation Safety Board (CASB) on Tuesday grounded 41 jets flown by Corvel Air after a panel came "
           "loose on a flight from Lisbon to Porto. At least 14 passengers were treated for minor injuries, the CASB "
           "said. Chief operating officer Mara Lindqvist said the airline expected the jets to fly again within 10 "
           "days. She said no decision had been made on compensation. The board said the checks would be finished "
           "before the summer schedule begins.")


_TREATED = "At least 14 passengers were treated for minor injuries, the CASB said."
_EXPECTED = ("Chief operating officer Mara Lindqvist said the airline expected the jets to fly again within 10 "
             "days.")
_DECISION = "She said no decision had been made on compensation."


@pytest.mark.parametrize("claim,evidence", [
    ("More than a dozen passengers were treated for minor injuries, the CASB said.", _TREATED),  # a bound it meets
    ("The Civil Aviation Safety Board said at least 14 passengers were treated for minor injuries.", _TREATED),
    ("Mara Lindqvist said the airline expected the jets to fly again in less than two weeks.", _EXPECTED),
    ("Mara Lindqvist said nothing had been decided on compensation.", _DECISION),  # "she"; "no decision"
])
def test_weaker_and_renamed_restatements_are_accepted(claim, evidence):
    result = structural(claim, evidence, AIRLINE)
    assert result.supported, result.reason


@pytest.mark.parametrize("claim,evidence,why", [
    ("At least 20 passengers were treated for minor injuries, the CASB said.",
     "At least 14 passengers were treated for minor injuries, the CASB said.", "20"),
    ("The CASB grounded 41 Corvel Air jets after a panel came loose on a flight from Porto to Lisbon.",
     "The Civil Aviation Safety Board (CASB) on Tuesday grounded 41 jets flown by Corvel Air after a panel came "
     "loose on a flight from Lisbon to Porto.", "Porto"),
    ("The board said the checks would be finished after the summer schedule begins.",
     "The board said the checks would be finished before the summer schedule begins.", "before"),
])
def test_stronger_numbers_and_flipped_pairs_are_rejected(claim, evidence, why):
    result = structural(claim, evidence, AIRLINE)
    assert not result.supported, claim
    assert why in result.reason, result.reason


RATES = ("The Bank of Valmora cut its main rate by 25 basis points to 3.5% on Thursday. About 12,000 dock workers "
         "walked out on the same day, the Harbour Workers Union said. Finance minister Ilse Darro said the budget "
         "would raise school spending by 4%.")


_RATE = "The Bank of Valmora cut its main rate by 25 basis points to 3.5% on Thursday."
_WALKOUT = "About 12,000 dock workers walked out on the same day, the Harbour Workers Union said."
_BUDGET = "Finance minister Ilse Darro said the budget would raise school spending by 4%."


@pytest.mark.parametrize("claim,evidence", [
    ("The Bank of Valmora lowered its main rate by 0.25 percentage points to 3.5% on Thursday.", _RATE),
    ("Thousands of dock workers walked out, the Harbour Workers Union said.", _WALKOUT),  # a vague count it meets
    ("Ilse Darro said the budget would lift school spending by 4%.", _BUDGET),  # a verb of the same sense
])
def test_units_vague_counts_and_verb_senses_are_accepted(claim, evidence):
    result = structural(claim, evidence, RATES)
    assert result.supported, result.reason


@pytest.mark.parametrize("claim,evidence,why", [
    ("The Bank of Valmora cut its main rate by 0.5 percentage points to 3.5% on Thursday.", _RATE, "0.5"),
    ("Tens of thousands of dock workers walked out, the Harbour Workers Union said.", _WALKOUT, ""),
    ("Ilse Darro said the budget would cut school spending by 4%.", _BUDGET, "opposite"),
])
def test_bigger_counts_and_opposite_verbs_are_rejected(claim, evidence, why):
    result = structural(claim, evidence, RATES)
    assert not result.supported, claim
    assert why in result.reason, result.reason


TAX = ("The Fiscal Council (FC) met on Monday. Finance minister Petra Lund said the plan would cut the income tax "
       "rate from 20% to 19.5% within 90 days. Winds of up to 60km/h were forecast, the weather office said. "
       "Analysts at Harwell Bank said the cut was welcome. Lund said spending would rise. Lund's spokesman, Ivo "
       "Brask, said the plan was final.")


@pytest.mark.parametrize("claim,evidence,supported", [
    ("Petra Lund said the plan would cut the income tax rate from 20 per cent to 19.5 per cent in 90 days.",
     "Finance minister Petra Lund said the plan would cut the income tax rate from 20% to 19.5% within 90 days.",
     True),  # units written out, a deadline restated
    ("Petra Lund said the plan would cut the income tax rate from 19.5% to 20%.",
     "Finance minister Petra Lund said the plan would cut the income tax rate from 20% to 19.5% within 90 days.",
     False),  # the figures swapped
    ("Winds of up to 80 kilometres per hour were forecast, the weather office said.",
     "Winds of up to 60km/h were forecast, the weather office said.", False),  # 'up to' names the top
    ("Harwell Bank analysts said the cut was welcome.", "Analysts at Harwell Bank said the cut was welcome.", True),
    ("Petra Lund said spending would rise.", "Lund said spending would rise.", True),  # the full name
])
def test_units_deadlines_figures_and_speakers(claim, evidence, supported):
    result = structural(claim, evidence, TAX)
    assert result.supported is supported, result.reason


# Single sentences that are their own context: each row is one rule, the comment says which.
@pytest.mark.parametrize("claim,evidence,supported", [
    ("The bank said agency nurses could be paid at least £80 an hour.",
     "The bank said agency nurses could be paid up to £80 an hour.", False),  # a qualifier behind a currency sign
    ("The central bank cut its rate by half a percentage point.",
     "The central bank cut its rate by 25 basis points.", False),  # 0.5 is not 0.25
    ("The regulator said two members voted to keep rates on hold.",
     "Two members voted to keep rates on hold, a source said, and the regulator declined to comment.", False),
    ("Two members voted to keep rates on hold, a source said.",
     "Two members voted to keep rates on hold, a source said, and the regulator declined to comment.", True),
    ("The Labour Alliance, the largest opposition party, voted against the bill.",
     "The opposition Labour Alliance voted against the bill.", False),  # an apposition the text does not give
    ("The company blamed higher energy costs, a shortage of drivers and the loss of a contract.",
     "The company blamed higher energy costs and the loss of a contract.", False),  # a listed item added
    ("The opposition Labour Alliance, led by Declan Moran, voted against the bill.",
     "The opposition Labour Alliance, led by Declan Moran, voted against the bill on Monday.", True),
    # a speaker who argued it is not credited with having shown it; a thing that "shows" is no speaker
    ("Campaigners showed that the new bypass would cut journey times.",
     "Campaigners argued that the new bypass would cut journey times.", False),
    ("Campaigners argued that the new bypass would cut journey times.",
     "Campaigners showed that the new bypass would cut journey times.", True),
    ("According to economists, the weak sales figures showed the recovery is stalling.",
     "Economists said the poor sales figures showed the recovery was stalling.", True),
    # the act the evidence only weighs, as a noun, made the claim's verb
    ("The club said it would appeal the ban.", "The club said it would consider an appeal against the ban.", False),
    ("The club said it would consider appealing the ban.",
     "The club said it would consider an appeal against the ban.", True),
    # stated as so what the evidence says only might be
    ("The curator said the painting had been in the chapel for centuries.",
     "The curator said the painting might have been in the chapel for centuries.", False),
    ("The curator said the painting might have been in the chapel for a long time.",
     "The curator said the painting might have been in the chapel for centuries.", True),
    # since / until ordered in time against before / after
    ("Neighbours had complained about the noise before the bakery opened in 2019.",
     "Neighbours have complained about the noise since the bakery opened in 2019.", False),
    ("The road stayed shut until the storm passed.", "The road was shut after the storm passed.", False),
    ("Neighbours have complained about the noise since the bakery opened in 2019.",
     "Neighbours have complained about the noise since the bakery opened in 2019, the council said.", True),
])
def test_rules_on_single_sentences(claim, evidence, supported):
    result = structural(claim, evidence, evidence)
    assert result.supported is supported, result.reason


CLINIC = ("Cholera cases rose in the port of Velmar on Monday. The health office said it would send a mobile clinic "
          "to the town on Friday. Rebels seized two trucks.")


@pytest.mark.parametrize("claim,evidence,supported", [
    ("The health office said it would send a mobile clinic to Velmar on Friday.",
     "The health office said it would send a mobile clinic to the town on Friday.", True),  # "the town" = Velmar
    ("Rebels seized two trucks on the outskirts of Velmar.", "Rebels seized two trucks.", False),  # a place added
])
def test_a_definite_place_is_the_town_named_before_but_no_place_is_added(claim, evidence, supported):
    result = structural(claim, evidence, CLINIC)
    assert result.supported is supported, result.reason


def test_may_after_a_preposition_or_before_a_year_is_the_month():
    assert [d.value for d in dates("Inspectors flagged the problem in May.")] == ["may"]
    assert [d.value for d in dates("May 2024 was wet.")] == ["may", "2024"]
    assert all(d.value != "may" for d in dates("Officials may decide on Friday."))
    result = structural("A union official said inspectors flagged the problem in May.",
                        "A union official said inspectors had flagged the problem in March.")
    assert not result.supported and "May" in result.reason


MAKER = ("Carmaker Ostrava Motors will shut its Brno plant, the company said on Monday. Its chief executive, Lena "
         "Vos, said 900 jobs would go. Union leader Petr Hajek said the workers would strike.")


@pytest.mark.parametrize("claim,supported", [
    ("Ostrava Motors' chief executive said 900 jobs would go.", True),  # the company its officer works for
    ("Ostrava Motors' CEO said 900 jobs would go.", True),
    ("Petr Hajek said 900 jobs would go.", False),  # another person
])
def test_a_company_officer_named_by_title_speaks_for_the_company_named_before(claim, supported):
    result = structural(claim, "Its chief executive, Lena Vos, said 900 jobs would go.", MAKER)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,supported", [
    ("The two stories describe ISIS as a Sunni militant group that has seized several areas in the north of the "
     "country.", True),  # the answer counting and naming its sources states no number and no speaker
    ("The first article says ISIS has seized several areas in the southern part of the country.", False),
    ("ISIS has seized two areas in the northern part of the country.", False),  # a real count is still checked
])
def test_an_answer_naming_its_own_sources_is_checked_on_its_content(claim, supported):
    evidence = "The Sunni militant group ISIS has already seized several areas in the northern part of the country."
    assert structural(claim, evidence, evidence).supported is supported


@pytest.mark.parametrize("claim,supported", [
    ("Hundreds of elite guard soldiers were sent to the eastern province, an official said.", True),
    ("Thousands of elite guard soldiers were sent to the eastern province, an official said.", False),
])
def test_a_vague_count_finds_its_noun_behind_adjectives(claim, supported):
    evidence = "The army sent about 500 of its elite guard soldiers to the eastern province, an official said."
    assert structural(claim, evidence, evidence).supported is supported


@pytest.mark.parametrize("claim,evidence,found", [
    ("roughly 80 km away", "about 50 miles away", True),  # 50 miles = 80.5 km, rounded
    ("a 3,000-metre peak", "a 9,800-foot peak", True),  # 2,987 m
    ("50 km away", "50 miles away", False),  # the number kept, the unit changed
    ("about 95 km away", "about 50 miles away", False),  # 18% off: not a rounding
    ("20 percent of the staff", "one in five of the staff", True),
    ("75% of the members", "three out of every four members", True),
    ("40 percent of the staff", "one in five of the staff", False),
    ("2 tonnes of rice", "2,000 kg of rice", True),
])
def test_converted_lengths_masses_and_shares(claim, evidence, found):
    ev = quantities(evidence)
    assert all(quantity_found(q, ev) for q in quantities(claim)) is found


ALONGSIDE = ("Backed by local tribes, Kadro fighters advanced on the port, and Ostrava sent soldiers to fight "
             "alongside government troops, officials said.")


@pytest.mark.parametrize("claim,supported", [
    # "backed" shares more words with the claim, but the evidence's own "fight" is the act restated
    ("Ostrava sent soldiers to fight alongside Kadro fighters, officials said.", False),
    ("Ostrava sent soldiers to fight alongside government troops, officials said.", True),
])
def test_the_evidence_s_own_use_of_the_verb_is_compared(claim, supported):
    result = structural(claim, ALONGSIDE, ALONGSIDE)
    assert result.supported is supported, result.reason
    if not supported:
        assert "alongside" in result.reason


COMPANION = ("As Kadro fighters advance towards the port, Ostrava has sent soldiers to fight alongside government "
             "troops, officials said.")


@pytest.mark.parametrize("claim,supported", [
    # Ostrava's soldiers are a party to another action (sent, to fight alongside the government's troops)
    ("Kadro fighters are advancing on the port together with Ostrava's soldiers.", False),
    ("Kadro fighters are advancing towards the port, officials said.", True),
    ("Ostrava has sent soldiers to fight alongside government troops.", True),
])
def test_a_named_companion_must_be_the_actions_own(claim, supported):
    result = structural(claim, COMPANION, COMPANION)
    assert result.supported is supported, result.reason


def test_a_spelled_out_acronym_must_be_the_cited_sentences_own_definition():
    """ "X stands for Y" is checked against the definition the cited sentence itself gives (TEST FIXTURE
    sentence): the same words pass as surely as a quote (the re-pointing bar is met); another expansion, or a
    part of it, is rejected with the text's own words; a sentence that defines nothing leaves it to the other
    checks."""
    from qa.verify.scorer import DEFINED_SCORE, definition_check

    ev = "The National Flood Agency (NFA) raised its warning level for the coastal towns on Monday."
    ok = check_support("NFA stands for the National Flood Agency.", [ev])
    assert ok.supported and ok.score >= DEFINED_SCORE
    assert check_support("NFA is short for National Flood Agency.", [ev]).supported
    wrong = check_support("NFA stands for the National Fire Authority.", [ev])
    assert not wrong.supported and "'National Flood Agency'" in wrong.reason
    assert not check_support("NFA stands for National Agency.", [ev]).supported
    assert definition_check("NFA stands for the National Flood Agency.", ["Rain fell all week."]) is None
    assert definition_check("The agency raised its warning level.", [ev]) is None


def test_a_speaker_with_nothing_reported_is_not_a_supported_sentence():
    """The small model splits "..., an army spokesman said." into a sentence of its own (TEST FIXTURE text): it is
    word-for-word in the evidence and asserts nothing, so it is not shown as a cited sentence; a passive report
    ("No deaths have been confirmed") and a report with an object stay checkable as before."""
    ev = "No deaths have been confirmed in the flooded valley, an army spokesman, Colonel Ines Varga, said on Monday."
    bare = check_support("Colonel Ines Varga said.", [ev])
    assert not bare.supported and bare.reason == "the sentence says who spoke but not what was said"
    reported = "No deaths have been confirmed in the flooded valley, Colonel Ines Varga said."
    assert check_support(reported, [ev]).supported
    assert check_support("No deaths have been confirmed in the flooded valley.", [ev]).supported


@pytest.mark.parametrize("claim,evidence", [
    # units written another way (TEST FIXTURE sentences, generic English)
    ("The weather service said 30 centimetres of snow fell on the town overnight.",
     "The storm dumped 30cm of snow on the town overnight, the weather service said."),
    ("Temperatures reached 41 degrees Celsius in the capital on Sunday.",
     "Temperatures reached 41C in the capital on Sunday."),
    ("Police said the car was going 120 miles per hour when it crashed.",
     "Police said the car was travelling at 120mph when it crashed."),
    ("500,000 people were left without power.", "Half a million people were left without power."),
    # "US" is a name, not the pronoun "us"; a nested compound ("North" hangs from "Atlantic") is part of the name
    ("The U.S. Department of Defense said the drills would go ahead.",
     "The US Department of Defense said the drills would go ahead."),
    ("NATO will hold a summit in July.", "The North Atlantic Treaty Organization will hold a summit in July."),
])
def test_units_signs_and_spelled_out_names_are_the_same_thing(claim, evidence):
    result = check_support(claim, [evidence])
    assert result.supported, result.reason


@pytest.mark.parametrize("claim,evidence,why", [
    ("The storm dumped 30 inches of snow on the town overnight.", "The storm dumped 30cm of snow on the town.", "30"),
    ("The car was going 120 km/h when it crashed.", "The car was travelling at 120mph when it crashed.", "120"),
    # a governor's negation ("unable to") is the action's own
    ("The company was unable to meet its targets.", "The company was able to meet its targets.", "did not happen"),
    ("The company was able to meet its targets.", "The company was unable to meet its targets.", "did not happen"),
    # "may" is not "will"
    ("The government will raise taxes next year.", "The government may raise taxes next year.", "'may raise'"),
    # a belief is not a confirmation
    ("Police confirmed the fire was started deliberately.", "Police believe the fire was started deliberately.",
     "'believe'"),
    # "the minister" may be a person the article named, not another role the evidence names
    ("The health minister said 12 people were being treated.",
     "A hospital spokesman said 12 people were being treated.", "A hospital spokesman"),
    # the same person with another office
    ("CFO Laura Benn said the company would cut 300 jobs.",
     "Chief executive Laura Benn said the company would cut 300 jobs.", "Chief executive Laura Benn"),
])
def test_other_units_governed_negation_certainty_and_offices_are_rejected(claim, evidence, why):
    result = check_support(claim, [evidence])
    assert not result.supported and why in result.reason, result.reason


@pytest.mark.parametrize("claim,evidence", [
    ("Police said the fire was started deliberately.", "Police believe the fire was started deliberately."),
    ("CEO Laura Benn said the company would cut 300 jobs.",
     "Chief executive Laura Benn said the company would cut 300 jobs."),
    ("The health minister said 12 people were being treated.",
     "The minister said 12 people were being treated."),
])
def test_a_restated_belief_a_spelled_out_office_and_a_shorter_title_pass(claim, evidence):
    result = check_support(claim, [evidence])
    assert result.supported, result.reason


@pytest.mark.parametrize("claim,evidence,supported", [
    # TEST FIXTURE sentences. "unless X" is "if not X"; a condition's polarity is compared only between conditions
    ("Workers will strike again unless the bonus is paid.", "Workers said they would strike again if the bonus was "
     "not paid.", True),
    ("Workers will strike again unless the bonus is paid.", "Workers said they would strike again if the bonus was "
     "paid.", False),
    ("The club will not sign him unless he agrees to a pay cut.", "The club will not sign him unless he moves to "
     "accept a pay cut.", True),
    # "should" is expected, not done; "expected" restates it
    ("Officials said the first trains had arrived within a month.", "Officials said the first trains should arrive "
     "within a month.", False),
    ("Officials said the first trains were expected within a month.", "Officials said the first trains should "
     "arrive within a month.", True),
    # a general verb under a governor is contemplated all the same
    ("About 5,000 people a day have used the new bridge.", "About 5,000 people a day are expected to use the new "
     "bridge.", False),
    # a reporting verb's own modal
    ("The league will announce the new schedule in May.", "The league may announce the new schedule in May.", False),
    # the evidence's doer on the receiving end of the claim
    ("Fans threw bottles at police outside the stadium.", "Police threw bottles at fans outside the stadium.",
     False),
    ("Fans clashed with police outside the stadium.", "Police clashed with fans outside the stadium.", True),
    # a hyphenated figure with its currency
    ("The €2.4bn stadium opened in June.", "The 2.4-billion-euro stadium opened in June.", True),
])
def test_conditions_expectations_modals_roles_and_hyphenated_money(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


def test_a_long_source_opening_the_sentence_is_not_taken_for_the_subject():
    """spaCy reads "According to <title> <hyphenated name>, the board would ..." with the name as the subject of
    "would"; the claim is read with its source last, as news writes it (TEST FIXTURE sentences)."""
    from qa.verify.claims import _lost_source, parse

    ev = "The country's police chief, Karim Abadi-Nasser, said the Supreme Council would consider sending troops."
    claim = "According to police chief Karim Abadi-Nasser, the Supreme Council would consider sending troops."
    assert _lost_source(parse(claim))  # the misparse this works around; if a new parser fixes it, rethink
    assert check_support(claim, [ev]).supported
    wrong = claim.replace("Supreme Council", "National Guard")
    assert not check_support(wrong, [ev]).supported


@pytest.mark.parametrize("claim,evidence", [
    # TEST FIXTURE sentences, generic English
    ("The retailer said it would shut some of its German stores.",
     "The retailer said it would close 14 of its 60 stores in Germany by the end of next year."),
    ("Turnout in the first round topped 70 percent, the electoral commission said.",
     "Turnout in the first round reached 71.4 percent, the electoral commission said."),
    ("Output cuts will run through the end of the first quarter, the cartel said.",
     "Output cuts will run through the end of Q1, the cartel said."),
    ("The International Monetary Fund said it had reached a staff-level agreement with Ruritania.",
     "The IMF said on Friday it had reached a staff-level agreement with Ruritania."),
    ("The FAA has grounded the company's rocket pending an investigation.",
     "The U.S. Federal Aviation Administration grounded the company's rocket pending an investigation."),
    ("Major Tom Ekal, a Kenya Defence Forces spokesman, said the troops would withdraw by December 31.",
     "Major Tom Ekal, a spokesman for the KDF, said the troops would withdraw by December 31."),
    ("Roughly 1.5 million people have been displaced by the fighting, the agency said.",
     "About 1.5m people have been displaced by the fighting, the agency said."),
    ("Health officials said 37 suspected cholera cases had been recorded in the town.",
     "The Regional Health Office said it had recorded 37 suspected cholera cases in the town."),
])
def test_demonyms_bounds_quarters_acronyms_millions_and_offices(claim, evidence):
    result = check_support(claim, [evidence])
    assert result.supported, result.reason


def test_a_subject_pronoun_continues_the_last_subject_and_check_text_reads_its_evidence_as_context():
    """`check_text` without an article resolves "she" and "the premier" within the evidence itself (TEST
    FIXTURE sentences); "she" is the judge who was the last subject, not the man named in passing."""
    from qa.verify.api import check_text

    ev = ("Judge Miriam Abara rejected a defence request to delay the trial of former mayor Curtis Vale. She said "
          "proceedings would begin as scheduled on May 12.")
    assert check_text("Judge Miriam Abara said the trial would begin as scheduled on May 12.", ev).supported
    assert not check_text("Curtis Vale said the trial would begin as scheduled on May 12.", ev).supported
    ev2 = ("Prime Minister Eleni Markou met union leaders on Tuesday. Afterwards, the premier told reporters she was "
           "optimistic that a general strike could be avoided.")
    assert check_text("Eleni Markou said she was optimistic that a general strike could be avoided.", ev2).supported


@pytest.mark.parametrize("claim,evidence,supported", [
    # TEST FIXTURE sentences. With several sources in the evidence, the claim's speaker is compared with the source
    # of what the claim reports
    ("The local council told the channel that the water supply had been cut for five days.",
     "Residents told the channel that the water supply had been cut for five days, while the local council "
     "insisted that repairs to the main pipeline were already under way.", False),
    ("Residents told the channel that the water supply had been cut for five days.",
     "Residents told the channel that the water supply had been cut for five days, while the local council "
     "insisted that repairs to the main pipeline were already under way.", True),
    ("The central bank declined to comment on the split in the committee's vote.",
     "Two members of the rate committee voted to keep rates on hold, according to a person familiar with the "
     "discussions, and the central bank declined to comment on the split.", True),
    # someone who speaks for a person or a body is not that person or body
    ("Actor Ruben Castell said he would contest the assault charges.",
     "A lawyer for actor Ruben Castell said his client would contest the assault charges.", False),
    ("The Energy Ministry said gas rationing could begin in November.",
     "An official at the Energy Ministry, speaking on condition of anonymity, said gas rationing could begin in "
     "November.", False),
    # a titled officer is the person the claim names
    ("Marcus Hale told analysts the firm plans to close two factories.",
     "Chief financial officer Marcus Hale told analysts the firm plans to close two factories.", True),
])
def test_the_speaker_is_the_source_of_the_claims_content_not_a_proxy(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,evidence", [
    # TEST FIXTURE sentences: near, expected, investigated, alleged, unverified or only in the press
    ("Local radio reported that the striker has agreed a move to the capital's club.",
     "The striker is reportedly close to agreeing a move to the capital's club, local radio said."),
    ("The company will announce as many as 3,000 job cuts next week.",
     "The company is expected to announce as many as 3,000 job cuts next week."),
    ("The deaths of two children were caused by a contaminated batch of syrup, health officials said.",
     "Health officials are investigating whether the deaths of two children were caused by a contaminated batch "
     "of syrup."),
    ("Thousands of ballots in the north had been pre-marked.",
     "The opposition alleged that thousands of ballots in the north had been pre-marked."),
    ("Rebels captured the airport on Sunday.",
     "The rebels said they had captured the airport on Sunday, a claim that could not be independently verified."),
    ("The defence minister submitted his resignation on Thursday.",
     "Local media reported that the defence minister had submitted his resignation on Thursday."),
])
def test_what_is_near_expected_investigated_alleged_or_unverified_is_not_stated_as_done(claim, evidence):
    result = check_support(claim, [evidence])
    assert not result.supported, result.reason


@pytest.mark.parametrize("claim,evidence", [
    ("The opposition alleged that thousands of ballots in the north had been pre-marked.",
     "The opposition alleged that thousands of ballots in the north had been pre-marked."),
    ("The rebels said they had captured the airport on Sunday.",
     "The rebels said they had captured the airport on Sunday, a claim that could not be independently verified."),
    ("The company is expected to announce job cuts next week.",
     "The company is expected to announce as many as 3,000 job cuts next week."),
])
def test_the_same_reports_kept_as_reports_pass(claim, evidence):
    result = check_support(claim, [evidence])
    assert result.supported, result.reason


@pytest.mark.parametrize("claim,evidence,why", [
    # TEST FIXTURE sentences: a prefixed antonym, a denied noun, swapped sides of a comparison, a source's own
    # belief, a possible act made certain, and verbs of different acts
    ("Tests showed the water in the village was unsafe to drink.",
     "Tests showed the water in the village was safe to drink.", "'unsafe'"),
    ("The tribunal ruled that the dismissal was lawful.", "The tribunal ruled that the dismissal was unlawful.",
     "'lawful'"),
    ("The ministry said there was evidence that the outbreak had spread beyond the farm.",
     "The ministry said there was no evidence that the outbreak had spread beyond the farm.", "no 'evidence'"),
    ("Nurses in the region earn 12 percent less than teachers, a study found.",
     "Teachers in the region earn 12 percent less than nurses, a study found.", "reversed"),
    ("The suspect fled across the border, police said.",
     "The suspect is believed to have fled across the border, police said.", "believed"),
    ("Officials said the bridge would reopen in May.", "Officials said the bridge could reopen in May.", "could"),
    ("Police arrested the driver at the scene.", "Police questioned the driver at the scene.", "questioned"),
    ("Firefighters extinguished the blaze on Tuesday.", "Firefighters contained the blaze on Tuesday.", "contained"),
])
def test_antonyms_denials_comparisons_beliefs_and_other_acts_are_rejected(claim, evidence, why):
    result = check_support(claim, [evidence])
    assert not result.supported and why in result.reason, result.reason


@pytest.mark.parametrize("claim,evidence", [
    ("Tests showed the water in the village was safe to drink.",
     "Tests showed the water in the village was safe to drink."),
    ("The ministry said it had no evidence that the outbreak had spread.",
     "The ministry said there was no evidence that the outbreak had spread beyond the farm."),
    ("Teachers in the region earn less than nurses, a study found.",
     "Teachers in the region earn 12 percent less than nurses, a study found."),
    ("Police interviewed the driver at the scene.", "Police questioned the driver at the scene."),
])
def test_the_same_polarity_sides_and_acts_pass(claim, evidence):
    result = check_support(claim, [evidence])
    assert result.supported, result.reason


@pytest.mark.parametrize("claim,evidence,supported", [
    # TEST FIXTURE sentences
    ("The FBI has arrested a man suspected of sending threatening letters.",
     "The Federal Bureau of Investigation has arrested a man suspected of sending threatening letters.", True),
    ("A Number 10 spokesman said the prime minister retained full confidence in her.",
     "A No. 10 spokesman said the prime minister retained full confidence in her.", True),
    ("Priya Shah said the final ascent took 17 hours.",
     "Mountaineer Priya Shah reached the summit on Thursday. The 41-year-old said the final ascent had taken 17 "
     "hours.", True),
    ("Shares rose after the Swiss company said its finance chief would step down.",
     "Shares rose after the Swiss firm said its finance chief would step down.", True),
    ("Citing weak demand, the carmaker said it would cut production from three shifts to two.",
     "The carmaker said it would cut production from three shifts to two, blaming weak demand.", True),
    ("Valencia edged Real Sociedad 2-1 on Sunday.", "Real Sociedad beat Valencia 2-1 on Sunday.", False),
    ("The senator voted against the bill on Thursday.", "The senator voted in favour of the bill on Thursday.",
     False),
    ("The striker has been loaned to the club for the season.",
     "The striker has been sold to the club for the season.", False),
])
def test_spelled_out_subjects_number_ten_ages_firms_participles_and_more_acts(claim, evidence, supported):
    from qa.verify.api import check_text

    result = check_text(claim, evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,supported", [
    # TEST FIXTURE sentence: a weekday belongs to the event it dates
    ("The hospital said the patient, who was admitted on Thursday with burns, was in a stable condition.", False),
    ("The hospital said the patient, who was admitted on Tuesday with burns, was in a stable condition.", True),
])
def test_a_weekday_dates_its_own_event(claim, supported):
    ev = ("The hospital said the patient, who was admitted on Tuesday with burns, remained in a stable condition on "
          "Thursday.")
    result = check_support(claim, [ev])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim", ["Monday's storm.", "Higher than ever.", "Than the rest on Friday."])
def test_verbless_fragments_with_weekdays_or_comparisons_are_judged(claim):
    """A fragment whose root is no verb: the walks up the parse to a verb stop at the root (they once looped
    forever, spaCy giving a new Token object on each `.head`)."""
    result = check_support(claim, ["The storm hit the coast on Monday, higher than ever before."])
    assert isinstance(result.supported, bool) and result.reason


@pytest.mark.parametrize("claim,evidence,supported", [
    # TEST FIXTURE sentences (session 13). Areas in other units; a share written as a fraction or as "N of M".
    ("The blaze has destroyed 80 square kilometres of woodland.", "The blaze has destroyed 8,000 hectares of "
     "woodland.", True),
    ("The blaze has destroyed 80 square kilometres of woodland.", "The blaze has destroyed 800 hectares of "
     "woodland.", False),
    ("The airline said 50 percent of its pilots had joined the strike.",
     "Half of the airline's 600 pilots had joined the strike, the airline said.", True),
    ("A third of the villages were cut off.", "33% of the villages were cut off.", True),
    ("A quarter of the villages were cut off.", "33% of the villages were cut off.", False),
    ("About a fifth of the ferries were cancelled.", "Around 30 of the company's 150 ferries were cancelled.", True),
    ("About a fifth of the ferries were cancelled.", "Around 50 of the company's 150 ferries were cancelled.", False),
    # the part of the day is part of the date
    ("The bridge reopened on Friday evening.", "The bridge reopened on Friday morning, the council said.", False),
    ("The bridge reopened at midday on Friday.", "The bridge reopened at noon on Friday, the council said.", True),
    ("The rebels attacked the base at midnight.", "The rebels attacked the base at noon.", False),
])
def test_areas_shares_and_parts_of_the_day(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


def test_a_share_of_the_second_half_is_no_percentage():
    from qa.text import quantities

    assert not [q for q in quantities("Sales rose in the second half of the year.") if q.unit == "percent"]
    assert [q.value for q in quantities("Half the town lost power.") if q.unit == "percent"] == [50.0]


@pytest.mark.parametrize("claim,evidence", [
    # TEST FIXTURE sentences: names the small tagger misses after a title or cuts short, and "the former X"
    ("Vera Lindqvist said she would not seek re-election.",
     "Health Minister Vera Lindqvist spoke to reporters on Friday. The 63-year-old said she would not seek "
     "re-election."),
    ("Marek Oduya told the court he had acted alone.",
     "Defendant Marek Oduya appeared in court on Monday. The former soldier told the court he had acted alone."),
])
def test_people_named_after_titles_and_described_later_are_resolved(claim, evidence):
    from qa.verify.api import check_text

    result = check_text(claim, evidence)
    assert result.supported, result.reason


@pytest.mark.parametrize("claim,evidence,supported", [
    # TEST FIXTURE sentences (session 13). A verb a report may weaken but not strengthen.
    ("The floods halted rail services in the north.", "The floods slowed rail services in the north.", False),
    ("The floods slowed rail services in the north.", "The floods halted rail services in the north.", True),
    ("Prosecutors charged the mayor's aide.", "Police arrested the mayor's aide.", False),
    ("The storm destroyed the pier.", "The storm damaged the pier.", False),
    # the known verb with the claim's doer and object is the one restated, not a purpose clause's verb
    ("Oslandia expelled the envoy of Varnia in protest at the arrests.",
     "Oslandia summoned the envoy of Varnia to protest against the arrests.", False),
    # the same comparison the other way round
    ("Rents in the city will be higher than in the suburbs, the report said.",
     "Rents in the city will be lower than in the suburbs, the report said.", False),
    ("Smokers were less likely to recover quickly, the study found.",
     "Smokers were more likely to recover quickly than non-smokers, the study found.", False),
    ("Smokers were more likely to recover quickly, the study found.",
     "Smokers were more likely to recover quickly than non-smokers, the study found.", True),
    # "probably" makes it probable, not done; "called a strike" is an act, "called the offer fair" a description
    ("Inspectors said the fire was caused by a faulty heater.",
     "Inspectors said the fire was probably caused by a faulty heater.", False),
    ("Inspectors said the fire was probably caused by a faulty heater.",
     "Inspectors said the fire was probably caused by a faulty heater.", True),
    ("Dock workers called a strike on Monday.", "Dock workers threatened on Monday to strike over pay.", False),
    # an intention restates a plan that will happen
    ("The council intends to close the library.", "The council will close the library next year.", True),
])
def test_stronger_verbs_reversed_degrees_probable_acts_and_intentions(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,evidence,supported", [
    # TEST FIXTURE sentences (session 13). A phrase is judged by its own words, not the known ones hung from it.
    ("Police arrested dozens of fans celebrating a cup final win in the city centre on Sunday.",
     "Police arrested dozens of fans in the city centre on Sunday.", False),
    ("Police arrested dozens of fans in the city centre on Sunday.",
     "Police arrested dozens of fans in the city centre on Sunday.", True),
    # a state given to the object of an action
    ("The missing climber was found alive on the glacier.", "The missing climber was found on the glacier.", False),
    ("The missing climber was found alive on the glacier.", "The missing climber was found alive on the glacier, "
     "rescuers said.", True),
    # most of a preposition's phrase new, though one of its words is known
    ("The museum bought the painting for a record auction price.", "The museum bought the painting at auction.",
     False),
    ("The bill passed after a debate that went on for hours.", "The bill passed after a six-hour debate.", True),
    # a weekday dates the evidence's own use of the verb, not another reporting verb of the same class
    ("The ministry said the new fares would be announced on Friday.",
     "The new fares will be announced on Monday, the ministry said on Friday.", False),
    ("The ministry said on Friday that the new fares would be announced on Monday.",
     "The new fares will be announced on Monday, the ministry said on Friday.", True),
    # doer and object the same, their describing words swapped
    ("Small firms outpaced large companies in hiring last year.",
     "Large firms outpaced small companies in hiring last year.", False),
])
def test_own_words_of_phrases_added_states_weekdays_and_swapped_descriptions(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,evidence,supported", [
    # TEST FIXTURE sentences (session 13): someone who speaks for, works for or advises the claim's speaker
    ("The interior ministry said the border would reopen on Monday.",
     "A source at the interior ministry said the border would reopen on Monday.", False),
    ("The central bank warned that inflation could rise further.",
     "Some economists at the central bank warned that inflation could rise further.", False),
    ("The Attorney General said the inquiry would be independent.",
     "A spokeswoman for the Attorney General said the inquiry would be independent.", False),
    ("Governor Alvarez told reporters the budget would be balanced.",
     "Governor Alvarez's budget director, Sam Ortiz, told reporters the budget would be balanced.", False),
    # the same speaker in other words stays supported
    ("Police said two men were arrested after the robbery.",
     "Police arrested two men after the robbery, a police spokeswoman said.", True),
    ("Governor Elena Alvarez said the budget would be balanced.",
     "Elena Alvarez, the state's governor, said the budget would be balanced.", True),
])
def test_a_source_at_a_spokesperson_for_and_a_staffer_of_the_speaker_are_not_the_speaker(claim, evidence,
                                                                                          supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


def test_the_speaker_after_a_quotation_is_found_when_the_parser_hangs_it_elsewhere():
    from qa.verify.claims import analyse

    a = analyse("'We will not pay,' said Lena Ostrova, the finance minister, hours after the president had spoken.")
    assert any("ostrova" in x.speaker_words for x in a.attributions), [x.speaker for x in a.attributions]
    b = analyse("Lena Ostrova spoke to the press, saying the ministry would not pay.")
    assert not any(x.speaker_words == frozenset({"ministry"}) for x in b.attributions)


@pytest.mark.parametrize("claim,evidence,supported", [
    # TEST FIXTURE sentences (session 13)
    ("The two sides drew 0-0 in the first leg.", "The two sides played out a goalless draw in the first leg.", True),
    ("The two sides drew 1-1 in the first leg.", "The two sides played out a goalless draw in the first leg.", False),
    ("The clinic will open every day from 08:00.", "The clinic will open daily from 08:00, the council said.", True),
    ("The clinic will open every day from 08:00.", "The clinic will open on weekdays from 08:00.", False),
    ("The brewer will close two plants, according to a company spokesman.",
     "A spokesman for Harrow Breweries said the brewer would close two plants.", True),
    ("The brewer will close two plants, according to a company spokesman.",
     "A spokesman for the Health Ministry said the brewer would close two plants.", False),
    ("The Federation of Port Workers has called two strikes this year.",
     "The FPW has called two strikes this year.", True),
])
def test_goalless_daily_a_company_spokesman_and_an_acronym_with_of(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,evidence,supported", [
    # TEST FIXTURE sentences (session 13). A side clause's source does not vouch for an unverified main claim.
    ("Militia fighters seized the bridge, while the ministry said troops held the town.",
     "Militia fighters said they had seized the bridge, a claim that could not be independently verified, while "
     "the ministry said troops held the town.", False),
    # comparisons: "than in X", and a subject through "was found to be"
    ("Unemployment in Spain was higher than in Portugal in May.",
     "Unemployment in Portugal was higher than in Spain in May.", False),
    ("Unemployment in Portugal was higher than in Spain in May.",
     "Unemployment in Portugal was higher than in Spain in May, the agency said.", True),
    ("Aspirin was less effective than ibuprofen at easing the pain.",
     "Ibuprofen was found to be less effective than aspirin at easing the pain.", False),
    # hoped or likely is not will
    ("The minister said she would attend the summit.", "The minister said she hoped to attend the summit.", False),
    ("The minister said she hoped to attend the summit.", "The minister said she hoped to attend the summit.", True),
    ("Analysts had forecast that the bank would raise rates.", "Analysts had expected the bank to raise rates.",
     True),
    # the other side of one thing
    ("Coffee imports from Brazil rose 9 percent.", "Coffee exports to Brazil rose 9 percent.", False),
    ("The airline reported a profit of $40m.", "The airline reported a loss of $40m.", False),
])
def test_side_clause_sources_comparisons_wishes_and_opposite_nouns(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,evidence,supported", [
    # TEST FIXTURE sentences (session 13): restatements that are the same thing
    ("Prices hit a record on Friday, the exchange said.", "Prices reached a record on Friday, the exchange said.",
     True),
    ("The runner said she was aiming for a medal.", "The runner said she was targeting a medal.", True),
    ("The match was called off because of snow, according to a league statement.",
     "Snow forced the match to be called off, the league said in a statement.", True),
    ("The minister told lawmakers the tax would not rise.", "The minister told parliament the tax would not rise.",
     True),
    ("The minister told reporters the tax would not rise.", "The minister told parliament the tax would not rise.",
     False),
    ("Sales fell to 4.2m cars, compared with 5m the year before.",
     "Sales fell to 4.2 million cars, from 5 million a year earlier.", True),
    ("Turnout was the highest since the 1980s.", "Turnout was the highest since 1987.", True),
    ("Turnout was the highest since 1987.", "Turnout was the highest since the 1980s.", False),
    ("Turnout was the highest since the 1970s.", "Turnout was the highest since 1987.", False),
])
def test_reach_aim_statements_legislatures_glued_millions_and_decades(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,evidence,supported", [
    # TEST FIXTURE sentences (session 13): a manner or a short phrase the evidence does not give
    ("The suspect deliberately set fire to the warehouse.", "The suspect set fire to the warehouse.", False),
    ("Fans marched peacefully to the stadium.", "Fans marched to the stadium, police said.", False),
    ("The talks were held at a mountain resort on Friday.", "The talks were held on Friday.", False),
    ("The talks were held at a mountain resort on Friday.", "The talks were held at a mountain resort on Friday, "
     "officials said.", True),
    # restatements stay supported: a frequency, a preposition with one new word
    ("The levy could raise £5 million annually.", "The levy could raise £5 million a year.", True),
    ("Two men were held after the raid on the bank.", "Two men were held after the bank was raided.", True),
])
def test_added_manners_and_short_added_phrases(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,evidence,supported", [
    # TEST FIXTURE sentences (session 13)
    ("The bakery chain said it had made a £2m profit last year.", "The bakery chain said it had lost £2m last year.",
     False),
    ("The government lost a vote on the budget on Monday.", "The government survived a vote on the budget on "
     "Monday.", False),
    ("Rescuers said they had given up trying to reach the village.",
     "Rescuers said they were still trying to reach the village.", False),
    ("Warmer weather will let the ferries sail again on Friday.",
     "Warmer weather could allow the ferries to sail again on Friday.", False),
    ("Warmer weather could let the ferries sail again on Friday.",
     "Warmer weather could allow the ferries to sail again on Friday.", True),
    ("The bank will shut the branch without cutting any jobs.",
     "The bank will shut the branch, cutting about 40 jobs.", False),
    ("The bank will shut the branch without cutting any jobs.",
     "The bank will shut the branch without cutting any jobs, a spokesman said.", True),
])
def test_profit_for_loss_lost_for_survived_giving_up_will_for_could_and_without(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,evidence,supported", [
    # TEST FIXTURE sentences (session 13): the two sides of one transfer
    ("The city lent the club $2m.", "The city borrowed $2m from the club.", False),
    ("The agency received the files on Monday.", "The agency sent the files on Monday.", False),
    ("The city lent the club $2m.", "The city loaned the club $2m.", True),
])
def test_the_two_sides_of_a_transfer(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,evidence,supported", [
    # TEST FIXTURE sentences (session 13): opposite adjectives without a shared stem, and more known verbs
    ("The council ordered the permanent closure of the pool.", "The council ordered the temporary closure of the "
     "pool.", False),
    ("The council ordered the temporary closure of the pool.", "The council ordered the temporary closure of the "
     "pool, officials said.", True),
    ("The airline said it would compensate passengers on Friday.", "The airline said it would meet passengers on "
     "Friday.", False),
    ("The airline said it would reimburse passengers.", "The airline said it would compensate passengers.", True),
])
def test_opposite_adjectives_and_compensating(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


def test_a_passive_conjunct_keeps_its_own_tense():
    """TEST FIXTURE sentence: "will open ... and is designed to ..." — the conjunct has its own auxiliary, so the
    first verb's "will" is not its modality; the first verb's own claim still is future."""
    ev = "The bridge will open in May and is designed to carry 40,000 vehicles a day, the agency said."
    assert check_support("The agency said the bridge is designed to carry 40,000 vehicles a day.", [ev]).supported
    assert not check_support("The agency said the bridge opened in May.", [ev]).supported


@pytest.mark.parametrize("claim,supported", [
    # TEST FIXTURE sentences (session 13): the edge of a period is part of the date
    ("The firm said its founder would retire at the end of the month.", False),
    ("The firm said its founder would retire at the end of the year.", True),
])
def test_the_end_of_a_period_is_a_date(claim, supported):
    ev = "The firm said on Tuesday that its founder would retire at the end of the year."
    result = check_support(claim, [ev])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,evidence,supported", [
    # TEST FIXTURE sentences (session 13): announcing or warning a thing is an act, compared as one
    ("About 500 residents were warned on Sunday as the river rose.",
     "Police evacuated about 500 residents on Sunday as the river rose.", False),
    ("A second patient was admitted to hospital overnight, officials said.",
     "A second patient died overnight, officials said.", False),
    ("Twenty people died in the crash.", "Twenty people were killed in the crash, police said.", True),
    ("The winners will be announced on Friday.", "The winners will be announced on Friday, the jury said.", True),
])
def test_a_passive_reporting_verb_with_a_thing_as_subject_is_an_act(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,evidence,supported", [
    # TEST FIXTURE sentences (session 14): a currency sign is the amount's unit
    ("The fine was £2.5m.", "The fine was 2.5 million euros.", False),
    ("The fine was 2.5 million pounds.", "The fine was £2,500,000.", True),
    ("The deal is worth $3bn.", "The deal is worth 3 billion dollars.", True),
    ("The project will cost €400,000.", "The project will cost 400,000 euros.", True),
    ("The project will cost €400,000.", "The project will cost $400,000.", False),
    ("The fee is 400 euros.", "The fee is 400 yen.", False),
])
def test_a_currency_sign_is_the_unit(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


def test_currency_units_are_read_from_signs_and_words():
    assert [(q.value, q.unit) for q in quantities("It cost £2.5m, or US$3.1 million.")] == [
        (2_500_000.0, "pound"), (3_100_000.0, "dollar")]
    assert [(q.value, q.unit) for q in quantities("The bonus was 400 euros.")] == [(400.0, "euro")]


@pytest.mark.parametrize("claim,evidence,supported", [
    # TEST FIXTURE sentences (session 14): "US" is a name (not the stop word "us"), and abbreviated name parts
    ("The US imposed sanctions.", "The UK imposed sanctions.", False),
    ("The US imposed sanctions.", "The United States imposed sanctions.", True),
    ("Dr Ana Ruiz said the drug worked.", "Doctor Ana Ruiz said the drug worked.", True),
    ("Mount Kellan erupted on Sunday.", "Mt Kellan erupted on Sunday.", True),
    ("The fire started on Main Street.", "The fire started on Main St.", True),
    ("Halden Ltd reported a loss.", "Halden Limited reported a loss.", True),
    ("Vexa Inc. reported a loss.", "Vexa Incorporated reported a loss.", True),
    ("Vexa Inc. reported a loss.", "Vexa Corp. reported a loss.", False),
])
def test_acronym_names_and_abbreviated_name_parts(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,evidence,supported", [
    # a lower-case particle inside a spelled-out name ("al-Shams": spaCy splits it into "al", "-", "Shams"); the
    # supported pair is from the seeds' dev paragraphs (probe set S)
    ("Iran's elite Revolutionary Guards have been deployed to Iraq to help defend Baghdad from the escalating threat "
     "of Islamic State of Iraq and al-Shams insurgents.", "Iran's elite Revolutionary Guards have been deployed to "
     "Iraq, to help government troops defend the capital city of Baghdad from the escalating threat of ISIS "
     "insurgents, Iranian security sources have confirmed.", True),
    ("Iran's elite Revolutionary Guards have been deployed to Iraq to help defend Baghdad from the escalating threat "
     "of Islamic State of Iraq and al-Shams insurgents.", "Iran's elite Revolutionary Guards have been deployed to "
     "Iraq, to help government troops defend the capital city of Baghdad from the escalating threat of ISIL "
     "insurgents, Iranian security sources have confirmed.", False),
    ("The BMT cut its rates.", "The Bank van der Molen Trust cut its rates.", True),
    ("The BVT cut its rates.", "The Bank van der Molen Trust cut its rates.", False),
])
def test_name_particles_belong_to_the_spelled_out_name(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,evidence,supported", [
    # TEST FIXTURE sentences (session 17): "leave" naming the state a thing ends up in is not a departure
    ("The drought has left the reservoir at 25 percent of capacity.", "The drought has cut the reservoir to a "
     "quarter of its capacity.", True),
    ("The drought has left the reservoir at 40 percent of capacity.", "The drought has cut the reservoir to a "
     "quarter of its capacity.", False),
    ("The shelling left the town in ruins.", "The shelling destroyed the town.", True),
    # the departure is still an action of its own
    ("The troops left Tikrit on Monday.", "The troops entered Tikrit on Monday.", False),
    ("The army left the town in trucks.", "The army entered the town in trucks.", False),
])
def test_leave_in_a_state_is_not_a_departure(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,evidence,supported", [
    # TEST FIXTURE sentences (session 17): a count of deaths is the count of the people who died
    ("The agency said 14 deaths had been confirmed.", "The agency added that 14 people had been confirmed dead.",
     True),
    ("The ministry reported nine deaths.", "The ministry said nine civilians were killed.", True),
    ("The agency said 14 deaths had been confirmed.", "The agency added that 14 people had been confirmed injured.",
     False),
    ("The ministry reported nine deaths.", "The ministry said nine civilians were arrested.", False),
    # a country adjective in -ese for a country name ending in -e
    ("The Faroe government said it would appeal.", "The Faroese government said it would appeal.", True),
])
def test_deaths_counted_as_people_and_ese_adjectives(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,evidence,supported", [
    # TEST FIXTURE sentences (session 17): the act told from its receiver's side ("won approval" / "approved")
    ("Arvo and Lindt won regulators' approval for their merger on Thursday.", "Regulators on Thursday approved the "
     "merger of Arvo and Lindt.", True),
    ("The firm obtained permission to build the plant.", "The council permitted the firm to build the plant.", True),
    # only an act the evidence says happened: not asked for, hoped for, refused or another act
    ("Arvo and Lindt won regulators' approval for their merger on Thursday.", "Arvo and Lindt asked regulators on "
     "Thursday to approve their merger.", False),
    ("Arvo and Lindt won regulators' approval for their merger on Thursday.", "Arvo and Lindt hope regulators will "
     "approve their merger on Thursday.", False),
    ("Arvo and Lindt won regulators' approval for their merger on Thursday.", "Regulators on Thursday did not "
     "approve the merger of Arvo and Lindt.", False),
    ("Arvo and Lindt won regulators' approval for their merger on Thursday.", "Regulators on Thursday rejected the "
     "merger of Arvo and Lindt.", False),
    ("Arvo and Lindt sought regulators' approval for their merger on Thursday.", "Regulators on Thursday approved "
     "the merger of Arvo and Lindt.", False),
])
def test_an_act_received_is_the_act_done(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,evidence,supported", [
    # TEST FIXTURE sentences (session 14): shares, halves and "nearly" as news writes them
    ("Sales rose 25 percent.", "Sales rose by a quarter.", True),
    ("Sales rose 25 percent.", "Sales rose by a third.", False),
    ("The budget was cut by 50 percent.", "The budget was cut by half.", True),
    ("Six people were arrested.", "Half a dozen people were arrested.", True),
    ("Eight people were arrested.", "Half a dozen people were arrested.", False),
    ("He was jailed for 18 months.", "He was jailed for a year and a half.", True),
    ("The talks lasted 2.5 hours.", "The talks lasted two and a half hours.", True),
    ("He was jailed for two years.", "He was jailed for a year and a half.", False),
    ("Nearly half of the staff were affected.", "Some 48 percent of the staff were affected.", True),
    ("Nearly half of the staff were affected.", "Some 52 percent of the staff were affected.", False),
    ("Almost 3,000 people signed the petition.", "The petition was signed by 2,870 people.", True),
    ("Almost 3,000 people signed the petition.", "The petition was signed by 2,500 people.", False),
    ("Temperatures reached 40 degrees Celsius.", "Temperatures reached 40°F.", False),
    ("Thermometers showed 30 Celsius.", "Thermometers showed 30C.", True),  # a unit word is not a name to find
])
def test_shares_halves_and_nearly(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,evidence,supported", [
    # TEST FIXTURE sentences (session 14): an institution speaks by its officials on the record; a nationality
    # names the person just named; another office of the same organisation is another person
    ("The hospital said the outbreak had been contained.", "The outbreak has been contained, hospital officials said.",
     True),
    ("The health ministry said cases were rising.", "Cases are rising, health ministry officials said.", True),
    ("The health ministry said cases were rising.", "Cases are rising, hospital officials said.", False),
    ("The energy ministry said rationing could begin in May.",
     "An official at the energy ministry, speaking on condition of anonymity, said rationing could begin in May.",
     False),
    ("Iran confirmed the deployment.", "Iranian security sources confirmed the deployment.", False),
    ("Tomas Vries scored twice.",
     "Striker Tomas Vries returned from injury on Saturday. The Dutchman scored twice.", True),
    ("Norvik's CEO resigned.", "Norvik's CFO resigned.", False),
    ("Norvik's chief executive resigned.", "Norvik's chief financial officer resigned.", False),
    ("Norvik's chief executive resigned.", "Norvik's CEO resigned.", True),
])
def test_institutions_nationalities_and_offices(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,evidence,supported", [
    # TEST FIXTURE sentences (session 14): a court's decisions
    ("The court rejected the appeal.", "The appeal was upheld by the court.", False),
    ("The court overturned the ban.", "The court upheld the ban.", False),
    ("The court threw out the appeal.", "The appeal was rejected by the court.", True),
    ("The appeals court quashed the conviction.", "The appeals court overturned the conviction.", True),
])
def test_upheld_and_overturned(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,evidence,supported", [
    # TEST FIXTURE sentences (session 14): warning a party is an act; more actions the thesaurus tells apart
    ("The regulator fined the bank.", "The regulator warned the bank.", False),
    ("The regulator warned the bank.", "The regulator cautioned the bank.", True),
    ("The regulator warned that the bank was short of capital.",
     "The regulator said the bank was short of capital.", True),
    ("The team was promoted.", "The team was relegated.", False),
    ("The board praised the chief executive.", "The board criticised the chief executive.", False),
    ("The government nationalised the railway.", "The government privatised the railway.", False),
    ("The player was sent off.", "The player was booked.", False),
    ("The player was cautioned.", "The player was booked.", True),
    ("The striker was substituted in the second half.", "The striker was taken off in the second half.", True),
    ("The council diverted the march.", "The council rerouted the march.", True),
])
def test_more_actions_told_apart(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,evidence,supported", [
    # TEST FIXTURE sentences (session 14): negation by "no plans", a participle's negative prefix, missing a match,
    # and an opposite verb that is negated on one side only
    ("The company will cut jobs.", "The company has no plans to cut jobs.", False),
    ("The company has no plans to cut jobs.", "The company said it was not planning to cut jobs.", True),
    ("The suspect was armed.", "The suspect was unarmed.", False),
    ("The player will miss the final.", "The player will play in the final.", False),
    ("The council lacked the power to ban the march.", "The council had no authority to ban the march.", True),
    ("The council lacked the power to ban the march.", "The council had the authority to ban the march.", False),
])
def test_no_plans_unarmed_and_negated_opposites(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,evidence,supported", [
    # TEST FIXTURE sentences (session 15): conventions seen in probe set F, written anew
    ("The city will spend 3 million euros over the next ten years on parks.",
     "The city will spend 3 million euros over the next decade on parks.", True),
    ("The city will spend 3 million euros over the next five years on parks.",
     "The city will spend 3 million euros over the next decade on parks.", False),
    ("The council cut the limit to thirty miles per hour.", "The council cut the limit to 30 mph.", True),
    ("The council cut the limit to forty miles per hour.", "The council cut the limit to 30 mph.", False),
    ("The green party said the law was unfair.",
     "Anna Berg, a member of the green party, said the law was unfair.", False),
    ("Talvik told the Herald that it had hidden the losses.",
     "An accountant at Talvik told the Herald that the company had hidden the losses.", False),
    ("Most doctors say the drug is safe.", "Doctors at Lerwick General said the drug is safe.", False),
    ("A senior government official said the deficit would shrink.",
     "Defence Minister Ola Brandvik said the deficit would shrink.", True),
    ("Kelso Port's owner said it handled 2 million containers.",
     "Kelso Port handled 2 million containers last year, its owner said.", True),
    ("The mayor and the police chief visited the site.", "The mayor visited the site on Monday.", False),
    ("A lorry carrying chemicals crashed into a wall on Monday.", "A lorry crashed into a wall on Monday.", False),
    ("A convoy moving supplies reached the town.", "A convoy carrying aid reached the town.", True),
    ("Fares have been frozen for a year.", "The transport union has called for a freeze on fares for a year.", False),
    ("The nurses will walk out next week.",
     "The nurses have threatened to walk out next week unless the hospital raises pay.", False),
    ("More than 1,000 people attended the rally.", "About 1,150 people attended the rally.", True),
    ("The bill won approval in the lower house, with 71 members in favour and 52 against.",
     "Lawmakers in the lower house voted 71 to 52 on Monday to approve the bill.", True),
    ("The hospital said the ward was closed.", "Officials at the hospital said the ward was closed.", True),
    ("The firm sued the council over the contract.", "The firm criticised the council over the contract.", False),
    ("The agency revoked the airline's licence.", "The agency suspended the airline's licence.", False),
    ("Inspectors closed the factory.", "Inspectors visited the factory.", False),
    ("Strikers occupied the depot.", "Strikers picketed the depot.", False),
    ("The minister apologised for the delay.", "The minister defended the delay.", False),
    ("The economy expanded by 1 percent.", "The economy grew by 1 percent.", True),
    ("The lender posted a record profit.", "The lender reported a record profit.", True),
    ("The council approved the new stadium.", "The council gave the go-ahead for the new stadium.", True),
    ("The council rejected the new stadium.", "The council gave the green light to the new stadium.", False),
    ("The works are projected to take two years.", "The works are expected to take two years.", True),
])
def test_probe_set_f_conventions(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


def test_speaker_words_compare_whatever_the_lemmatizer_made_of_a_plural():
    claim = "Unemployment fell to 5 percent, according to the national statistics office."
    evidence = "Unemployment fell to 5 percent, the national statistics office reported on Friday."
    assert check_support(claim, [evidence]).supported


@pytest.mark.parametrize("claim,evidence,supported", [
    # TEST FIXTURE sentences (session 15): conventions seen in probe set I, written anew
    ("The firm terminated its deal with the supplier.", "The firm suspended its deal with the supplier.", False),
    ("The judge dismissed the case.", "The judge adjourned the case until May.", False),
    ("The chain is selling its warehouse to a developer.", "The chain is leasing its warehouse to a developer.", False),
    ("The group closed its two magazines.", "The group merged its two magazines into one title.", False),
    ("The bank will close its call centre.", "The bank will outsource its call centre to a contractor.", False),
    ("Staff approved a 5 percent pay rise.", "Staff voted to accept a 5 percent pay rise.", True),
    ("The school will expand the scheme to science.", "The school will extend the scheme to science.", True),
    ("The line carried more than a million passengers.",
     "The line carried 1.2 million passengers, according to the operator's annual report.", True),
    ("The line carried more than a million passengers.",
     "The line carried 1.2 million passengers, according to reports.", False),
    ("The pool will reopen in May.", "The council hopes to reopen the pool in May.", False),
    ("House prices will fall next year.", "Analysts at Orrin Bank forecast that house prices will fall next year.",
     False),
    ("Analysts expect house prices to fall next year.", "Analysts expect that house prices will fall next year.",
     True),
    ("Rents rose faster than wages.", "Wages in the city rose faster than rents for a third year.", False),
    ("Part-time staff were paid less than full-time staff.",
     "Full-time staff were paid less than part-time staff, the tribunal found.", False),
    ("Drivers and cleaners will get a pay rise.", "Drivers will get a pay rise, the company said.", False),
    ("Officials and residents fled the city.", "Officials and locals fled the city.", True),  # a reworded list
    ("Twenty of the club's 40 members voted to merge.", "Half of the 40 members of the club voted to merge.", True),
    ("The court ordered him to repay a quarter of a million pounds.",
     "The court ordered him to repay £250,000.", True),
])
def test_probe_set_i_conventions(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


def test_hopes_is_a_form_of_hope():
    from qa.verify.nlp import parse

    assert [t.lemma_ for t in parse("The council hopes to win.") if t.text == "hopes"] == ["hope"]


def test_the_source_is_not_made_the_doer_of_what_it_reports():
    evidence = "The bridge has been closed to traffic, city officials confirmed on Monday."
    assert not check_support("The bridge was closed by city officials.", [evidence]).supported
    assert check_support("The bridge has been closed to traffic, city officials confirmed.", [evidence]).supported
    # sources tell of acts; they are never the doer, whoever the evidence says did it
    sent = "Norland has sent 300 soldiers to the border, a security official told the agency."
    assert not check_support("Soldiers were sent to the border by Norland security sources.", [sent]).supported
    assert check_support("Soldiers were sent to the border by Norland.", [sent]).supported


@pytest.mark.parametrize("claim,evidence,supported", [
    # TEST FIXTURE sentences (session 15): conventions seen in probe set H, written anew
    ("The police used tear gas on the crowd.",
     "The police used tear gas on the crowd, a rights group alleged on Sunday.", False),
    ("According to a fire service source, the blaze was started deliberately.",
     "Detectives suspect the blaze was started deliberately, a fire service source said.", False),
    ("The rebels pulled out of the town.", "The rebels appeared to have pulled out of the town, residents said.",
     False),
    ("Prosecutors charged the former mayor.", "Prosecutors questioned the former mayor for five hours.", False),
    ("The militia killed two engineers.", "The militia kidnapped two engineers.", False),
    ("The president pardoned the activist.", "The president commuted the activist's sentence.", False),
    ("Students ransacked the broadcaster's offices.", "Students picketed the broadcaster's offices.", False),
    ("The navy sank the freighter.", "The navy intercepted the freighter off the coast.", False),
    ("Police searched the firm's offices.", "Investigators raided the firm's offices, police said.", True),
    ("Thousands of people were moved out of the coastal area.",
     "The government said it had evacuated 46,000 people from the coastal area.", True),
    ("The rebels said they had shot down a drone near Kessa.",
     "Fighting spread around the town of Kessa. The rebels said they had shot down a drone near the town.", True),
    ("Nine people died and dozens of people are missing.", "Nine people died and dozens remain missing.", True),
    ("The storm cut power to two hundred thousand homes.", "The storm cut power to 200,000 homes.", True),
    ("A group claimed the attack.", "The Northern Liberation Army claimed the attack in a statement.", True),
    ("A spokesman for the group said the talks had failed.",
     "A spokesman for the militia said the talks had failed.", True),
    ("A strong earthquake hit off the coast early on Monday, the seismology institute reported.",
     "A strong earthquake struck off the coast early on Monday, the seismology institute said.", True),
])
def test_probe_set_h_conventions(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


def test_a_number_word_takes_every_scale_word_after_it():
    from qa.text import quantities

    assert [q.value for q in quantities("two hundred thousand homes")] == [200_000.0]


@pytest.mark.parametrize("claim,evidence,supported", [
    # TEST FIXTURE sentences (session 15): conventions seen in seed-style dev pairs (helper_s.jsonl), written anew
    ("The council would consider sending police to the estate.",
     "The council said it would consider intervening on the estate.", False),
    ("The minister said the country will provide food aid.", "The minister said he is considering food aid.", False),
    ("The country will provide food aid, the minister said.", "The country will provide food aid, the minister said.",
     True),
    ("Weeks after the flood, the town reopened its bridge.", "Days after the flood, the town reopened its bridge.",
     False),
    ("Days after the flood, the town reopened its bridge.", "Days after the flood, the town reopened its bridge.",
     True),
    ("The town is one hundred and ten kilometres from the coast.", "The town is 110 km from the coast.", True),
    ("The town is one hundred and twenty kilometres from the coast.", "The town is 110 km from the coast.", False),
])
def test_seed_style_conventions(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


def test_number_words_and_units_are_left_to_the_quantity_check_not_to_coverage():
    from qa.verify.support import content_stems

    assert content_stems("The town is one hundred and ten kilometres north of Kerrow.") == {"town", "north", "kerrow"}
    assert "troop" in content_stems("Two troops were hurt.")  # a counted noun says what is counted: it stays
    claim = "Samarra is one hundred and ten kilometres (sixty-eight miles) north of Baghdad."
    evidence = "Forces stalled the advance near Samarra - a city 110km (68 miles) north of Baghdad - on Friday."
    assert check_support(claim, [evidence]).supported


@pytest.mark.parametrize("claim,evidence,supported", [
    # TEST FIXTURE sentences (session 16): conventions seen in probe set J (helper_j.jsonl), written anew
    ("The library is set to reopen in June, its director said.",
     "The library will reopen on June 4 after repairs, director Ana Lutz said.", True),
    ("The library reopened in June, its director said.",
     "The library is set to reopen in June, its director said.", False),
    ("The clerk stole 40,000 dollars from the parish fund.",
     "Police accused the clerk of stealing 40,000 dollars from the parish fund.", False),
    ("The clerk stole 40,000 dollars from the parish fund.",
     "The clerk was charged with stealing 40,000 dollars from the parish fund.", False),
    ("Police accused the clerk of stealing 40,000 dollars.",
     "Police accused the clerk of stealing 40,000 dollars from the parish fund.", True),
    ("Harlow Foods has bought the bakery chain Crumbs.",
     "Harlow Foods is in talks to buy the bakery chain Crumbs, according to two people familiar with the matter.",
     False),
    ("Harlow Foods has bought the bakery chain Crumbs.",
     "Harlow Foods made a bid to buy the bakery chain Crumbs on Tuesday.", False),
    ("The school has received 2 million dollars from the city to rebuild its gym.",
     "The school has asked the city for 2 million dollars to rebuild its gym.", False),
    ("The school has received 2 million dollars from the city.",
     "The school received 2 million dollars from the city on Monday.", True),
    ("The two unions reached a deal with the port on Friday.", "The two unions agreed with the port on Friday.", True),
    ("A judge threw out the ban on Monday.", "A judge overturned the ban on Monday.", True),
    ("A judge suspended the ban on Monday.", "A judge overturned the ban on Monday.", False),
    ("Temperatures in Kell dropped to -12°C.", "Temperatures in Kell fell to minus 12 degrees Celsius.", True),
    ("Temperatures in Kell dropped to 12°C.", "Temperatures in Kell fell to minus 12 degrees Celsius.", False),
    ("Temperatures in Kell rose to 12°C.", "Temperatures in Kell rose to 12 degrees Celsius.", True),
    ("Sales in May were 4 percent above last year's.", "Sales in May were 4 percent below last year's.", False),
    ("Sales in May were 4 percent below last year's.", "Sales in May were 4 percent lower than last year's.", True),
    ("The gallery bought the vase from a collector.", "The gallery borrowed the vase from a collector.", False),
    ("The mill dismantled its two kilns on Monday.", "The mill idled its two kilns on Monday.", False),
    ("The mill shut down its two kilns on Monday.", "The mill idled its two kilns on Monday.", True),
    ("300 of the 600 nurses surveyed said they would strike.",
     "Half of the 600 nurses surveyed said they would strike.", True),
    ("400 of the 600 nurses surveyed said they would strike.",
     "Half of the 600 nurses surveyed said they would strike.", False),
    # an answer saying how its sources describe something: the description is checked, not a verb of the articles
    ("The two articles describe the Kell Front as a separatist militia.",
     "The Kell Front, a separatist militia, has seized two border towns.", True),
    ("The two articles describe the Kell Front as a Kurdish militia.",
     "The Kell Front, a separatist militia, has seized two border towns.", False),
    # a small count given in the evidence as a list of that many names
    ("The two countries' trade ministers signed the accord on Friday.",
     "The trade ministers of Lavia and Doren signed the accord on Friday.", True),
    ("The three countries' trade ministers signed the accord on Friday.",
     "The trade ministers of Lavia and Doren signed the accord on Friday.", False),
    ("Rebels have seized two towns in the north.", "Rebels have seized several towns in the north, near Oba and Kel.",
     False),
])
def test_probe_set_j_conventions(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,evidence,supported", [
    # TEST FIXTURE sentences (session 16): a person described by their trade in the next sentence
    ("Lena Ortiz said the clinic would stay open.",
     "Lena Ortiz founded the Ridgeway clinic in 2009. The physician said the clinic would stay open.", True),
    ("Lena Ortiz said the clinic would stay open.",
     "Lena Ortiz appeared in court on Monday. The prosecutor said the clinic would stay open.", False),
    ("Lena Ortiz said the clinic would stay open.",
     "Lena Ortiz founded the Ridgeway clinic in 2009. Her lawyer said the clinic would stay open.", False),
])
def test_a_trade_description_names_the_person_just_named(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)  # the evidence is the whole article
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,evidence,supported", [
    # TEST FIXTURE sentences (session 18): a count of people moved to another fate (killed / injured / missing /
    # detained ...), every number and most words kept
    ("30 people were killed in the bombing.", "Police said 14 people were killed and 30 were injured when a car "
     "bomb exploded near the market on Tuesday.", False),
    ("A car bomb near the market wounded 14 people, police said.", "Police said 14 people were killed and 30 were "
     "injured when a car bomb exploded near the market on Tuesday.", False),
    ("14 people were injured in the attack.", "There had been 14 deaths in the attack on the market, police said.",
     False),
    ("Two passengers are missing.", "Of the 50 passengers, 48 were rescued and two died, while one remains missing.",
     False),
    ("Five protesters were arrested.", "Police arrested 30 protesters after clashes in which five officers were hurt.",
     False),
    # the same counts with their own fates, in other words
    ("14 people died and 30 were wounded in a car bombing near the market.", "Police said 14 people were killed and "
     "30 were injured when a car bomb exploded near the market on Tuesday.", True),
    ("The car bomb killed 14 people and injured 30, police said.", "Police said 14 people were killed and 30 were "
     "injured when a car bomb exploded near the market on Tuesday.", True),
    ("One passenger is still missing.", "Of the 50 passengers, 48 were rescued and two died, while one remains "
     "missing.", True),
    ("Five officers were injured and 30 protesters were detained.", "Police arrested 30 protesters after clashes in "
     "which five officers were hurt.", True),
    ("Three children were among the 12 people killed.", "The blast killed 12 people, including three children, and "
     "wounded 40 others, the health ministry said.", True),
    ("About 200 people were evacuated.", "Rescuers said 200 people had been evacuated and at least 3 were missing "
     "after the landslide.", True),
])
def test_a_count_of_people_keeps_its_fate(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,evidence,supported", [
    # TEST FIXTURE sentences (session 18): a number the evidence gives for one time or place, moved to another
    ("Prices rose 5 percent in May, the statistics office said.", "Prices rose 3 percent in May and 5 percent in "
     "June, the statistics office said.", False),
    ("The army sent 400 troops to Dorn.", "The army said it had sent 400 troops to Kell and 150 to Dorn.", False),
    ("Unemployment was 4.4 percent in March.", "Unemployment fell to 4.1 percent in March from 4.4 percent in "
     "February.", False),
    ("30 people died in Kell on Tuesday.", "Police said 14 people died in Kell on Monday and 30 in Dorn on Tuesday.",
     False),
    ("The storm killed 12 people in Cuba.", "The storm killed 12 people in Haiti and 3 in Cuba, bringing the total "
     "to 15.", False),
    # each number with its own time or place, in other words; a time said once for the whole sentence
    ("Prices rose 5 percent in June.", "Prices rose 3 percent in May and 5 percent in June, the statistics office "
     "said.", True),
    ("In June prices were up 5 percent, after 3 percent in May.", "Prices rose 3 percent in May and 5 percent in "
     "June, the statistics office said.", True),
    ("The army said 150 troops were sent to Dorn.", "The army said it had sent 400 troops to Kell and 150 to Dorn.",
     True),
    ("In March unemployment dropped to 4.1 percent.", "Unemployment fell to 4.1 percent in March from 4.4 percent in "
     "February.", True),
    ("Police said 30 people died in Dorn on Tuesday.", "Police said 14 people died in Kell on Monday and 30 in Dorn "
     "on Tuesday.", True),
    ("Wages rose 5 percent in May.", "In May, prices rose 3 percent and wages 5 percent.", True),
    # two days in one part of the claim: which one the number goes with is not read, so it is not held against it
    ("Some 600 firefighters were still battling on Monday a blaze that started near Orsay on Saturday.",
     "A wildfire that started near Orsay on Saturday has burned 3,400 hectares, and around 600 firefighters were "
     "still battling the blaze on Monday.", True),
    ("Some 600 firefighters were still battling the blaze on Saturday.", "A wildfire that started near Orsay on "
     "Saturday has burned 3,400 hectares, and around 600 firefighters were still battling the blaze on Monday.",
     False),
])
def test_a_number_keeps_its_time_and_place(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,evidence,supported", [
    # TEST FIXTURE sentences (session 18): a noun the evidence limits (former, deputy, suspected, alleged, proposed)
    # stated without the limit
    ("Interior minister Ada Lenz said the police had been warned.",
     "Former interior minister Ada Lenz said the police had been warned.", False),
    ("Health minister Paul Ory announced the new rules on Monday.",
     "Deputy health minister Paul Ory announced the new rules on Monday.", False),
    ("Police arrested the gunman, a 34-year-old man from Kell, on Friday.",
     "Police arrested the suspected gunman, a 34-year-old man from Kell, on Friday.", False),
    ("The fraud cost investors 3 million euros, prosecutors said.",
     "The alleged fraud cost investors 3 million euros, prosecutors said.", False),
    ("The minister said the law bans the sale of fireworks.",
     "The minister said the proposed law would ban the sale of fireworks.", False),
    # the limit kept, in other words or as an adverb; or the noun not used at all
    ("Ada Lenz, a former interior minister, said police had been warned.",
     "Former interior minister Ada Lenz said the police had been warned.", True),
    ("Ex-minister Ada Lenz said the police had been warned.",
     "Former interior minister Ada Lenz said the police had been warned.", True),
    ("Ada Lenz, formerly the interior minister, said the police had been warned.",
     "Former interior minister Ada Lenz said the police had been warned.", True),
    ("Paul Ory, the deputy health minister, announced new rules on Monday.",
     "Deputy health minister Paul Ory announced the new rules on Monday.", True),
    ("Police arrested a 34-year-old man from Kell on Friday.",
     "Police arrested the suspected gunman, a 34-year-old man from Kell, on Friday.", True),
    ("Prosecutors said the alleged fraud cost investors 3 million euros.",
     "The alleged fraud cost investors 3 million euros, prosecutors said.", True),
    # the claim's own conditional, or a past office
    ("The minister said the law would ban the sale of fireworks.",
     "The minister said the proposed law would ban the sale of fireworks.", True),
    ("Ada Lenz, who was interior minister, said the police had been warned.",
     "Former interior minister Ada Lenz said the police had been warned.", True),
])
def test_a_limited_noun_keeps_its_limit(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,evidence,supported", [
    # TEST FIXTURE sentences (session 18): two counts swapped between their acts or between what they count
    ("The mill will shut 60 looms, the owners said.", "The owners said the mill will shut 200 looms and repair 60.",
     False),
    ("Exports fell 4 percent in the year.", "Exports fell 9 percent in the year while imports rose 4 percent.",
     False),
    ("Guards searched 12 visitors at the gate.", "Guards searched 80 visitors at the gate and 12 staff were turned "
     "away.", False),
    ("Output grew 0.8 percent in the first quarter.", "Output grew 2.1 percent in the first quarter and 0.8 percent "
     "in the second.", False),
    ("Rents in Milby rose 9 percent.", "Rents in central Aldover rose 9 percent, while in the suburb of Milby they "
     "rose 3 percent.", False),
    # each count with its own act or noun; a gapped clause ("and wages 5 percent") is no act of its own
    ("The owners said the mill will repair 60 looms.", "The owners said the mill will shut 200 looms and repair 60.",
     True),
    ("Imports rose 4 percent in the year.", "Exports fell 9 percent in the year while imports rose 4 percent.", True),
    ("Twelve staff were turned away at the gate.", "Guards searched 80 visitors at the gate and 12 staff were turned "
     "away.", True),
    ("Output grew 0.8 percent in the second quarter.", "Output grew 2.1 percent in the first quarter and 0.8 percent "
     "in the second.", True),
    ("Wages rose 5 percent in May.", "In May, prices rose 3 percent and wages 5 percent.", True),
])
def test_counts_keep_their_acts_and_nouns(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,evidence,supported", [
    # TEST FIXTURE sentences (session 18): a total the claim says it adds up, of numbers that share one act
    ("Open Hands sent a total of 420 tents to Varno and Ostel after the floods.",
     "The charity Open Hands sent 300 tents to Varno and 120 to Ostel after the floods.", True),
    ("A total of 2,150 children were vaccinated at the clinic in June and July, according to health officials.",
     "The clinic vaccinated 1,300 children in June and 850 in July, health officials said.", True),
    ("Open Hands sent 420 tents to Varno after the floods.",  # no total said: 420 is nowhere in the text
     "The charity Open Hands sent 300 tents to Varno and 120 to Ostel after the floods.", False),
    ("In all, Open Hands sent 400 tents.", "The charity Open Hands sent 300 tents to Varno and 120 to Ostel after "
     "the floods.", False),
    ("A total of 25 workers were killed in the collapse.",  # 6 killed and 19 injured do not add up to 25 killed
     "The collapse killed 6 workers and injured 19, the fire service said.", False),
])
def test_a_total_of_numbers_that_share_an_act(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,evidence,supported", [
    # TEST FIXTURE sentences (session 18): who died is who was killed (the subject of one, the object of the other)
    ("Six workers died when the roof of the mill collapsed, the fire service said.",
     "The roof collapse at the mill killed 6 workers, the fire service said.", True),
    ("The roof collapse at the mill killed 19 workers.",
     "The roof collapse at the mill killed 6 workers and injured 19, the fire service said.", False),
])
def test_who_died_is_who_was_killed(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,evidence,supported", [
    # TEST FIXTURE sentences (session 19): a definite subject continues the subject just before it
    ("The Orrin county water board said its wells were at 30 percent of capacity.",
     "The Orrin county water board began limiting supplies to 9 villages on Friday. The utility said its wells "
     "were at 30 percent of capacity.", True),
    ("Mara Quell told listeners the morning show would end in March.",
     "Mara Quell presents the station's morning show. The presenter told listeners on Monday that the show would "
     "end in March.", True),
    ("Geologists at the Brenn Institute said the tremor began 12 km below the surface.",
     "Geologists at the Brenn Institute recorded a tremor on Sunday. The team said it began 12 km below the "
     "surface.", True),
    ("The regional flood agency said 9 deaths had been confirmed.",
     "Rivers burst their banks across the valley, the regional flood agency said. The agency added that 9 people "
     "had been confirmed dead.", True),
    # an office is another person, and a body of another kind is another body
    ("The Orrin county water board said its wells were at 30 percent of capacity.",  # a person is no board
     "The Orrin county water board began limiting supplies to 9 villages on Friday. The engineer said the wells "
     "were at 30 percent of capacity.", False),
    ("The Orrin county water board said its wells were at 30 percent of capacity.",
     "The Orrin county water board began limiting supplies to 9 villages on Friday. The ministry said the wells "
     "were at 30 percent of capacity.", False),
    ("Tallow Mining acknowledged the claim, saying it had spent 4 million on safety.",
     "The company denied the claim, saying it had spent 4 million on safety.", False),
])
def test_a_definite_subject_continues_the_one_before(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)  # the evidence is the whole article
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,evidence,supported", [
    # TEST FIXTURE sentences (session 19): negation carried by a word rather than by "not"
    ("Pell Foods has bought the bakery chain for a price it did not reveal.",
     "Pell Foods has bought the bakery chain for an undisclosed sum.", True),
    ("House prices fell to a level not seen since 2011.", "House prices fell to their lowest level since 2011.", True),
    ("The tribunal found the inspector should not have allowed the evidence.",
     "The tribunal found the inspector had wrongly admitted the evidence.", True),
    ("Pell Foods did not buy the bakery chain.", "Pell Foods has bought the bakery chain, the company said.", False),
    ("House prices fell to a level not seen since 2011.", "House prices fell for the third month, the survey "
     "understood to cover 2011 showed.", False),
])
def test_negation_said_by_a_word(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,evidence,supported", [
    # TEST FIXTURE sentences (session 19): another office is another speaker, the same office in another word is
    # the same speaker; a scaled amount is its value
    ("Velmont Retail's chief executive told the court that the company's accounts had been falsified.",
     "Velmont Retail's former chief financial officer told the court that the company's accounts had been "
     "falsified.", False),
    ("A spokeswoman for Dorrel Foods said the invoices had been altered.",
     "A spokesman for Dorrel Foods said the invoices had been altered.", True),
    ("Dorrel Foods' chairwoman said the invoices had been altered.",
     "Dorrel Foods' chair said the invoices had been altered.", True),
    ("The budget rose to 2 billion.", "The budget rose to 2,000 million.", True),
    ("The budget rose to 3 billion.", "The budget rose to 2,000 million.", False),
])
def test_offices_and_scaled_amounts(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,evidence,supported", [
    # TEST FIXTURE sentences (session 19): "is to" is future; halves; a result told from the loser's side; "old"
    # keeps "former"; a place kept on its side of the landmark
    ("Tallis Freight's Pennard depot is to shut, with the loss of 40 jobs.", "Tallis Freight will close its Pennard "
     "depot, with the loss of 40 jobs.", True),
    ("Tallis Freight has closed its Pennard depot.", "Tallis Freight's Pennard depot is to shut next year.", False),
    ("The jobless rate fell to four and a half percent.", "The jobless rate fell to 4.5 percent.", True),
    ("The jobless rate fell to four and a half percent.", "The jobless rate fell to 4 percent.", False),
    # (with a score between, "lost 2-0 to", the small parser can lose the "to" phrase: then still rejected)
    ("Orrin City lost to Calder Athletic on Sunday.", "Calder Athletic beat Orrin City on Sunday.", True),
    ("Calder Athletic lost to Orrin City on Sunday.", "Calder Athletic beat Orrin City on Sunday.", False),
    ("Homes will be built on the old Marsh Lane quarry.", "Homes will be built on the former Marsh Lane quarry.",
     True),
    ("The depot will be built just south of the Harrow bypass.", "The depot will be built just north of the Harrow "
     "bypass, planners said. The site is a mile south of Kell village.", False),
])
def test_arrangements_halves_results_and_landmarks(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,evidence,supported", [
    # TEST FIXTURE sentences (session 19): an amount glued to its unit is no name; what waits on permission is not done
    ("Harlow had its hottest day on Monday when the thermometer hit 33C.", "Temperatures reached 31 degrees Celsius "
     "in Harlow on Monday, the hottest day recorded there.", False),
    ("The Quay Hotel is to be demolished.", "The owners of the Quay Hotel have applied for permission to demolish "
     "it.", False),
    ("The owners of the Quay Hotel want to demolish it.", "The owners of the Quay Hotel have applied for permission "
     "to demolish it.", True),
])
def test_amounts_with_units_and_acts_awaiting_permission(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


def test_an_amount_glued_to_its_unit_is_not_the_name_of_what_is_acted_on():
    """TEST FIXTURE sentence (session 19): the tagger calls "34C" a proper noun; as an object name it was compared
    with the evidence's names ("the claim says 'hit' 34C, the cited text Celsius") instead of as an amount."""
    from qa.verify.claims import analyse

    hit = next(p for p in analyse("Dunmere recorded its highest temperature on Sunday when the thermometer hit "
                                  "34C.").predicates if p.lemma == "hit")
    assert hit.object_names == ()


@pytest.mark.parametrize("claim,evidence,supported", [
    # TEST FIXTURE sentences (session 20): a vote for an act backs it; verbs the thesaurus now links; shares as
    # fractions; "people" counting runners; households as homes; several speakers for one
    ("Most of the Dunford school board backed shutting the Elm Road library.", "The Dunford school board voted 6 to "
     "1 to shut the Elm Road library.", True),
    ("The Dunford school board opposed shutting the Elm Road library.", "The Dunford school board voted 6 to 1 to "
     "shut the Elm Road library.", False),
    ("The clinic will take on 30 extra midwives.", "The clinic will hire 30 additional midwives.", True),
    ("The clinic will lay off 30 midwives.", "The clinic will hire 30 additional midwives.", False),
    ("Marta Kell will leave the post in June.", "Marta Kell, the chief executive, will step down in June.", True),
    ("A new mural was revealed on the harbour wall on Friday.", "A new mural was unveiled on the harbour wall on "
     "Friday.", True),
    ("The trust will fix the chapel roof.", "The trust will repair the chapel roof.", True),
    ("The charity will bring otters back to the Fenwick reserve.", "The charity will reintroduce otters to the "
     "Fenwick reserve.", True),
    ("Bus use in Corley rose by more than a third.", "Bus use in Corley rose by 37 percent.", True),
    ("Bus use in Corley rose by more than a third.", "Bus use in Corley rose by 31 percent.", False),
    ("Just over three-fifths of the town's power came from solar panels.", "Solar panels supplied 62 percent of "
     "the town's power.", True),
    ("Just over three-fifths of the town's power came from solar panels.", "Solar panels supplied 58 percent of "
     "the town's power.", False),
    ("The new pier is nearly half a kilometre long.", "The new pier is 470 metres long.", True),
    ("The new pier is nearly half a kilometre long.", "The new pier is 520 metres long.", False),
    ("More than 300 people took part in the Harwell swim.", "A total of 318 swimmers took part in the Harwell "
     "swim.", True),
    ("More than 300 people took part in the Harwell swim.", "A total of 288 swimmers took part in the Harwell "
     "swim.", False),
    ("About 60 households in Dalby were told to leave.", "About 60 homes in Dalby were evacuated.", True),
    ("Officials said the border crossing would reopen.", "A senior official said the border crossing would "
     "reopen.", False),
    ("A senior official said the border crossing would reopen.", "A senior official said the border crossing "
     "would reopen.", True),
])
def test_votes_linked_verbs_fractions_general_counts_and_widened_speakers(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,evidence,supported", [
    # TEST FIXTURE sentences (session 20): verdicts, an age moved to another person, a count moved to a
    # neighbouring place, turned back for detained
    ("Lena Orme was acquitted of arson.", "A jury found Lena Orme guilty of arson on Monday.", False),
    ("Lena Orme was convicted of arson.", "A jury found Lena Orme guilty of arson on Monday.", True),
    ("Lena Orme was convicted of arson.", "A jury found Lena Orme not guilty of arson on Monday.", False),
    ("Lena Orme was acquitted of arson.", "A jury found Lena Orme not guilty of arson on Monday.", True),
    ("A 31-year-old walker was rescued from Crag Fell.", "A 67-year-old walker was rescued from Crag Fell on "
     "Sunday. The 31-year-old pilot landed the helicopter on the ridge.", False),
    ("A 67-year-old walker was rescued from Crag Fell.", "A 67-year-old walker was rescued from Crag Fell on "
     "Sunday. The 31-year-old pilot landed the helicopter on the ridge.", True),
    ("Flooding shut 21 roads in Marbury.", "Flooding shut 21 roads in Kelsall and 9 in neighbouring Marbury.",
     False),
    ("Flooding shut 9 roads in Marbury.", "Flooding shut 21 roads in Kelsall and 9 in neighbouring Marbury.", True),
    ("Coastguards turned back 14 fishing boats.", "Coastguards detained 14 fishing boats.", False),
])
def test_verdicts_ages_neighbouring_places_and_turned_back(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


def test_sent_to_prison_is_jailed():
    """TEST FIXTURE sentences (session 20): the phrase is in the thesaurus's class of "jail"."""
    evidence = "A former council clerk has been jailed for theft."
    assert check_support("A former council clerk has been sent to prison for theft.", [evidence],
                         context=evidence).supported
    assert not check_support("A former council clerk has been fined for theft.", [evidence],
                             context=evidence).supported


_MILLS = ("Shares in Orvane Foods fell 9% in London on Tuesday after the supplier warned on profits. The company "
          "blamed the loss of a contract with Dunmore Stores, which it said made up 6% of sales. ")
_MILLS_CFO = "Chief financial officer Petra Lind said the firm would close its Kelby plant."


@pytest.mark.parametrize("claim,supported", [
    ("Orvane Foods CFO Petra Lind said the firm would shut its Kelby plant.", True),
    ("Dunmore Stores CFO Petra Lind said the firm would shut its Kelby plant.", False),
])
def test_a_company_officer_works_for_the_business_the_article_is_about(claim, supported):
    """TEST FIXTURE sentences (session 21): "the company" an officer works for is the business the article names
    first, not one named in passing in the sentence before."""
    result = check_support(claim, [_MILLS_CFO], context=_MILLS + _MILLS_CFO)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,evidence,supported", [
    # TEST FIXTURE sentences (session 21): "the mayor's office" is the office of the mayor the article names; a
    # participle ("denied the claim, saying ...") keeps its verb's speaker, and the claim's own verb is compared
    # with the evidence's verb, not with the participle
    ("Mayor Ines Varga's office rejected the claim, saying the contract was signed in May.",
     "Mayor Ines Varga proposed the budget on Monday. Councillors said the pool should be delayed. The mayor's "
     "office rejected that claim, saying the contract was signed in May.", True),
    ("Councillor Ade Bello's office rejected the claim, saying the contract was signed in May.",
     "Mayor Ines Varga proposed the budget on Monday. Councillor Ade Bello said the pool should be delayed. The "
     "mayor's office rejected that claim, saying the contract was signed in May.", False),
    ("Brenna Coal denied the union's claim, saying it had spent A$9m on safety.",
     "The mine's operator, Brenna Coal, said rescuers had reached the chamber. The company denied that claim, "
     "saying it had spent A$9m on safety.", True),
    ("Brenna Coal acknowledged the union's claim, saying it had spent A$9m on safety.",
     "The mine's operator, Brenna Coal, said rescuers had reached the chamber. The company denied that claim, "
     "saying it had spent A$9m on safety.", False),
])
def test_offices_of_a_titled_person_and_participle_reports(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,evidence,supported", [
    # TEST FIXTURE sentences (session 21): a verb the thesaurus does not know, surer than an act the evidence only
    # weighs on the same thing; "given permission" for "seeking permission"; a trailing report ("..., a
    # councillor said") is the source of the clause it follows, not the other source of the text (the last
    # sentences are tuning set V's pv-039 with another company name: spaCy parses that shape as two clauses)
    ("Transport Minister Ada Roos announced that the tram line will be lengthened by 3 km.",
     "The transport ministry is considering extending the tram line by 3 km, Transport Minister Ada Roos said.",
     False),
    ("Transport Minister Ada Roos said the ministry is weighing a longer tram line.",
     "The transport ministry is considering extending the tram line by 3 km, Transport Minister Ada Roos said.",
     True),
    ("Kestrel Power has been given permission to build a wind farm north of Olden.",
     "Kestrel Power is seeking permission to build a wind farm north of Olden, council papers show.", False),
    ("Kestrel Power has asked for permission to build a wind farm north of Olden.",
     "Kestrel Power is seeking permission to build a wind farm north of Olden, council papers show.", True),
    ("Boxwell said residents of Hollins Green had complained about noise from its warehouse.",
     "Residents of Hollins Green have complained about noise from a new distribution warehouse, local councillor "
     "Fiona Strand said on Monday. The warehouse operator, Boxwell, said it was working within the hours set out in "
     "its planning permission.", False),
    ("Councillor Fiona Strand said residents of Hollins Green had complained about noise from the warehouse.",
     "Residents of Hollins Green have complained about noise from a new distribution warehouse, local councillor "
     "Fiona Strand said on Monday. The warehouse operator, Boxwell, said it was working within the hours set out in "
     "its planning permission.", True),
])
def test_unknown_verbs_surer_than_weighed_acts_permission_given_and_trailing_reports(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,evidence,supported", [
    # TEST FIXTURE sentences (session 21): what there is "no evidence" of is not established; the doer's noun
    # ("the prosecutor's office") does not name the act (charging); a thing the evidence says there was none of
    # ("without an agreement") is not what the claim's act produced
    ("The coroner said the crash was linked to fatigue.",
     "The Delmore coroner said on Friday there was no evidence that the crash on the A12 was linked to fatigue.",
     False),
    ("The coroner found no evidence that the crash was linked to fatigue.",
     "The Delmore coroner said on Friday there was no evidence that the crash on the A12 was linked to fatigue.",
     True),
    ("Marden County prosecutors have charged former treasurer Ivo Kent over his expenses.",
     "The Marden County prosecutor's office has opened an inquiry into expenses claimed by the county's former "
     "treasurer, Ivo Kent, a spokeswoman said. No charges have been filed.", False),
    ("Marden County prosecutors have opened an inquiry into former treasurer Ivo Kent's expenses.",
     "The Marden County prosecutor's office has opened an inquiry into expenses claimed by the county's former "
     "treasurer, Ivo Kent, a spokeswoman said. No charges have been filed.", True),
    ("Orla Buses and the drivers' union reached an agreement on Monday.",
     "Talks between Orla Buses and the drivers' union broke down on Monday without an agreement, the union said.",
     False),
])
def test_no_evidence_no_charges_and_without_an_agreement(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,supported", [
    # TEST FIXTURE sentences (session 21): a span is not a count of things that shares its number
    ("Building the Rook Hill solar park took 30 months, Sunvale said.", False),
    ("Building the Rook Hill solar park took 22 months, Sunvale said.", True),
    ("The Rook Hill solar park has 30 inverters, Sunvale said.", True),
])
def test_a_span_is_not_a_count_of_things_with_the_same_number(claim, supported):
    evidence = ("The Rook Hill solar park, which opened on Monday, has 30 inverters and can power about 9,000 homes, "
                "developer Sunvale said. Construction took 22 months.")
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,supported", [
    # TEST FIXTURE sentences (session 21): "more slowly" is on the scale of "faster"; "higher than" and "below" are
    # opposite sides of one reference; another comparison in the text about other things does not count
    ("Rents in Calder Vale rose more slowly than the regional average last year.", False),
    ("Rents in Calder Vale rose more quickly than the regional average last year.", True),
])
def test_comparisons_on_one_scale_and_sides_of_a_reference(claim, supported):
    evidence = ("Rents in Calder Vale rose 6.1 percent last year, faster than the regional average of 3.4 percent, "
                "the housing office said. Studios rose more slowly than family homes.")
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


def test_above_and_below_a_reference_are_opposite_sides():
    """TEST FIXTURE sentences (session 21)."""
    evidence = ("The labour office said unemployment in Orsk fell to 5.8 percent, below the national rate of 6.4 "
                "percent.")
    assert not check_support("Unemployment in Orsk was higher than the national rate, the labour office said.",
                             [evidence], context=evidence).supported
    assert check_support("Unemployment in Orsk was lower than the national rate, the labour office said.",
                         [evidence], context=evidence).supported


@pytest.mark.parametrize("claim,supported", [
    # TEST FIXTURE sentences (session 21): "should" is no firmer than "expected"; a gerund subject ("building the
    # depot") takes its time from its verb
    ("Ella Marsh said building the depot should create around 200 jobs.", True),
    ("Ella Marsh said building the depot has created around 200 jobs.", False),
])
def test_should_keeps_an_expectation(claim, supported):
    evidence = ("The Port Aldern board has approved plans for a new freight depot. Its chair, Ella Marsh, said on "
                "Monday that it expected construction to create about 200 jobs.")
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,evidence,supported", [
    # TEST FIXTURE sentences (session 21): the doers of the evidence's act counted as its people; "crew members"
    # counts the crew
    ("Police said about 3,000 protesters marched through Velde.",
     "About 3,000 people marched through Velde on Sunday to protest against the bypass, police said.", True),
    ("Police said about 3,000 voters marched through Velde.",
     "About 3,000 people marched through Velde on Sunday to protest against the bypass, police said.", False),
    ("None of the 12 crew members were hurt, the captain said.",
     "The trawler's captain said none of the 12 crew were hurt.", True),
    ("None of the 12 passengers were hurt, the captain said.",
     "The trawler's captain said none of the 12 crew were hurt.", False),
])
def test_doers_of_an_act_and_crew_members(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,evidence,supported", [
    # TEST FIXTURE sentences (session 21): thesaurus entries (abandon a case / drop it; crack down on / tackle;
    # stop using / suspend use), each with another act that stays rejected
    ("The Orford prosecutor abandoned the bribery case against the two councillors.",
     "The Orford prosecutor has dropped the bribery case against the two councillors.", True),
    ("The Orford prosecutor won the bribery case against the two councillors.",
     "The Orford prosecutor has dropped the bribery case against the two councillors.", False),
    ("Kelby council will hire 20 wardens to tackle littering in the park.",
     "Kelby council will hire 20 wardens to crack down on littering in the park.", True),
    ("The chief said officers would stop using the drones until the review ends.",
     "The chief said officers would suspend use of the drones until the review ends.", True),
    ("The chief said officers would buy more drones until the review ends.",
     "The chief said officers would suspend use of the drones until the review ends.", False),
])
def test_thesaurus_abandon_crack_down_stop(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,supported", [
    # TEST FIXTURE sentences (session 21): a relative clause of a verb alone adds a description ("which was
    # speeding"); one the evidence gives is fine
    ("Police said a cyclist was badly hurt in Orley when his bike, which was speeding, hit a wall.", False),
    ("Police said a cyclist was badly hurt in Orley when his bike, which was skidding, hit a wall.", True),
])
def test_a_relative_clause_of_a_verb_alone(claim, supported):
    evidence = ("A 40-year-old cyclist was badly injured when his bike, which was skidding, hit a wall in Orley on "
                "Sunday, police said.")
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


_SEED3_PARAS = [p for p in ARTICLES["seed-003"].split("\n") if p.strip()]
_KIRBY = _SEED3_PARAS[3]  # "... Iranian special forces inside Iraq," spokesman Rear Admiral John Kirby said.
_MAAN_PLAN = _SEED3_PARAS[7]  # "The plan consists of ...," Maan said.


@pytest.mark.parametrize("claim,evidence,supported", [
    # the body the article itself names the person's post with, a paragraph earlier
    ("Interior Ministry spokesman Saad Maan said the plan includes increasing intelligence efforts.", _MAAN_PLAN,
     True),
    # a post named without its body is the post of the body that spoke just before ("the Pentagon said ...")
    ("Pentagon spokesman John Kirby said he had nothing to confirm that there are Iranian special forces inside "
     "Iraq.", _KIRBY, True),
    # bodies the article names, but not as theirs: another speaker
    ("Pentagon spokesman Saad Maan said the plan includes increasing intelligence efforts.", _MAAN_PLAN, False),
    ("AFP spokesman Saad Maan said the plan includes increasing intelligence efforts.", _MAAN_PLAN, False),
    ("Interior Ministry spokesman John Kirby said he had nothing to confirm that there are Iranian special forces "
     "inside Iraq.", _KIRBY, False),
])
def test_the_body_a_person_speaks_for_is_read_from_the_article(claim, evidence, supported):
    """Real seed-003 text (session 22): the session-21 check for a person put under another organisation had
    rejected 'Pentagon spokesman John Kirby' and 'Interior Ministry spokesman Saad Maan', bodies the article gives
    them, because only the cited sentence and the article's first business counted as given."""
    result = check_support(claim, [evidence], context=ARTICLES["seed-003"])
    assert result.supported is supported, result.reason


_SEED0_PARAS = [p for p in ARTICLES["seed-000"].split("\n") if p.strip()]
_VIDEO = _SEED0_PARAS[4]  # "... a video emerged of the militants threatening to march on the city."


@pytest.mark.parametrize("claim,supported", [
    # "the militants" are the "ISIS militants" named before, and they are who threaten
    ("Security in Baghdad has been stepped up after a video emerged of ISIS militants threatening to march on "
     "Baghdad.", True),
    ("A video emerged of ISIS militants threatening to march on Baghdad.", True),
    # "the city" is Baghdad, named last before it; Samarra, named in the paragraph before, is not that city
    ("Security in Baghdad has been stepped up after a video emerged of ISIS militants threatening to march on "
     "Samarra.", False),
    ("A video emerged of Sunni tribal leaders threatening to march on Baghdad.", False),
])
def test_the_militants_and_the_city_are_read_from_the_article(claim, supported):
    """Real seed-000 text (session 22)."""
    result = check_support(claim, [_VIDEO], context=ARTICLES["seed-000"])
    assert result.supported is supported, result.reason


def test_the_town_is_not_the_region_it_is_given_with():
    """TEST FIXTURE sentences (session 22): "Kelston, British Columbia ... the town's mayor" is Kelston's."""
    context = ("A wildfire spread from the hills west of Kelston, British Columbia, on Sunday. Local radio reported "
               "that the town's mayor, Paul Dufresne, had asked the army for help.")
    evidence = "Local radio reported that the town's mayor, Paul Dufresne, had asked the army for help."
    assert check_support("Kelston's mayor Paul Dufresne asked the army for help, local radio reported.", [evidence],
                         context=context).supported


@pytest.mark.parametrize("claim,supported", [
    ("The protesters did not reach the square on Saturday.", True),
    ("Police kept the protesters from reaching the square on Saturday.", True),
    ("The protesters reached the square on Saturday.", False),
])
def test_kept_from_an_act_is_the_act_not_done(claim, supported):
    """TEST FIXTURE sentence (session 22): "stopped X from reaching" says X did not reach (the old rules read it
    as done, accepting the false claim and rejecting the true one)."""
    evidence = "Police stopped the protesters from reaching the square on Saturday."
    assert check_support(claim, [evidence], context=evidence).supported is supported


def test_preventing_a_foothold_restates_making_sure_there_is_none():
    """Real seed-000 text (session 22)."""
    claim = ("President Obama also said the U.S. has an interest in preventing jihadists from gaining a foothold in "
             "Iraq.")
    result = check_support(claim, [_SEED0_PARAS[10]], context=ARTICLES["seed-000"])
    assert result.supported, result.reason


@pytest.mark.parametrize("claim,supported", [
    ("Saad Maan said the plan to protect Baghdad consists of intensifying the deployment of forces.", True),
    ("Saad Maan said the plan to protect Mosul consists of intensifying the deployment of forces.", False),
    ("Saad Maan said the plan to retake Mosul consists of intensifying the deployment of forces.", False),
])
def test_the_plan_carries_what_the_article_said_of_it(claim, supported):
    """Real seed-003 text (session 22): "The plan consists of ..." continues "a new plan to protect Baghdad", said a
    paragraph before; a phrase only partly said of it is still an added detail."""
    result = check_support(claim, [_MAAN_PLAN], context=ARTICLES["seed-003"])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,supported", [
    ("ISIS has pledged to march on Baghdad soon.", True),  # a pledge, like a vow, is not the march
    ("ISIS has marched on Baghdad.", False),
])
def test_a_pledged_act_is_not_done(claim, supported):
    """Real seed-000 text (session 22)."""
    result = check_support(claim, [_SEED0_PARAS[14]], context=ARTICLES["seed-000"])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,supported", [
    ("Obama rejected sending American troops back into combat in Iraq.", True),  # "rejected sending": ruled out
    ("Obama backed sending American troops back into combat in Iraq.", False),
])
def test_rejecting_an_act_is_ruling_it_out(claim, supported):
    """Real seed-003 text (session 22)."""
    result = check_support(claim, [_SEED3_PARAS[12]], context=ARTICLES["seed-003"])
    assert result.supported is supported, result.reason


def test_what_was_said_of_the_plan_counts_as_covered():
    """Real seed-003 text (session 22): the words the article said of "the plan" a paragraph before count towards
    the claim's coverage of the cited text, as a name for "he" does."""
    claim = ("According to Iraqi Interior Ministry spokesman Saad Maan, the new plan to protect Baghdad includes using "
             "observation balloons and cameras.")
    result = check_support(claim, [_MAAN_PLAN], context=ARTICLES["seed-003"])
    assert result.supported, result.reason


@pytest.mark.parametrize("claim,supported", [
    ("The storm passed before flights at Ardell airport resumed on Tuesday.", True),
    ("Flights at Ardell airport resumed on Tuesday once the storm had passed.", True),
    ("The storm passed after flights at Ardell airport resumed on Tuesday.", False),
])
def test_an_after_clause_orders_its_main_clause_too(claim, supported):
    """TEST FIXTURE sentence (session 22): "A after B" puts B before A, so "B after A" reverses the order even
    though the claim's "after" has no counterpart in the evidence."""
    evidence = "Flights at Ardell airport resumed on Tuesday after the storm passed."
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,supported", [
    ("Revolutionary Guard and Iraqi troops retook 85 percent of Tikrit on Thursday.", True),
    ("Revolutionary Guard and Iraqi troops retook 85 percent of Tikrit on Wednesday.", False),
])
def test_an_act_is_dated_by_the_same_doers_act(claim, supported):
    """Real seed-000 text (session 22): the paragraph dates ISIS's taking of Tikrit Wednesday and the troops'
    overtaking Thursday; "retook" (which the small lemmatizer left as "retook") is the troops' act."""
    result = check_support(claim, [_SEED0_PARAS[2]], context=ARTICLES["seed-000"])
    assert result.supported is supported, result.reason


def test_a_prefixed_irregular_past_is_lemmatised():
    from qa.verify.nlp import parse

    assert [t.lemma_ for t in parse("Troops retook the city and withheld aid.") if t.pos_ == "VERB"] == \
        ["retake", "withhold"]


@pytest.mark.parametrize("claim,supported", [
    ("Iran has sent about 500 Revolutionary Guard soldiers to fight alongside Iraqi government forces in Diyala, a "
     "senior security official in Baghdad told CNN.", True),
    ("Iran has sent about 500 Revolutionary Guard soldiers to train Iraqi government forces in Diyala, a senior "
     "security official in Baghdad told CNN.", False),
])
def test_training_forces_is_not_fighting_alongside_them(claim, supported):
    """Real seed-003 text (session 22): 'train' is a known verb of its own sense (it was unknown, so never a reason)."""
    result = check_support(claim, [_SEED3_PARAS[1]], context=ARTICLES["seed-003"])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,supported", [
    ("The council is closing the Elm Street library next month.", True),  # arranged: the future, as "will"
    # no time to come: read as under way until session 43, now as the arranged future a plain "will" also states
    # ("the college is losing 40 posts" for "will lose"); a possibility or a past is still not restated
    ("The council is closing the Elm Street library.", True),
    ("The council is closing the Elm Street library starting Monday.", True),  # "starting <day>" is a time too
    ("The council closed the Elm Street library.", False),
])
def test_a_present_progressive_with_a_time_to_come_is_the_future(claim, supported):
    """TEST FIXTURE sentence (session 22)."""
    evidence = "The council will close the Elm Street library from Monday." if "Monday" in claim else \
        "The council will close the Elm Street library next month."
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,evidence,supported", [
    ("The mill's owner said the mill had given no notice of the closure.", "Its owner said the mill had not "
     "received any notice of the closure.", False),
    ("Harlow Foods sold the bakery last year.", "Harlow Foods bought the bakery last year.", False),
    ("Harlow Foods bought the bakery from Penn Mills last year.", "Penn Mills sold the bakery to Harlow Foods last "
     "year.", True),  # the other side of the same sale, told from the buyer: the roles kept
])
def test_the_same_doer_on_the_other_side_of_a_transfer_is_reversed(claim, evidence, supported):
    """TEST FIXTURE sentences (session 28): "had given no warning" was accepted for "had not received any warning"
    (two verbs the thesaurus does not link, so neither was a reason)."""
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,supported", [
    ("The agency said further price rises were possible in the spring.", True),
    ("The agency said further price rises could come in the spring.", True),
    ("The agency said further price rises would follow in the spring.", False),
    ("The agency said further price rises will come in the spring.", False),
])
def test_a_thing_said_only_possible_is_not_said_to_happen(claim, supported):
    """TEST FIXTURE sentences (session 28): "further rises were possible" (an adjective of possibility, no modal)
    accepted "further rises would follow"."""
    evidence = "The agency said further price rises were possible in the spring."
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,supported", [
    ("The council said the shortlist would probably be published on Friday.", True),
    ("The council said the shortlist would be published on Friday.", False),  # surer than "likely to"
])
def test_a_passive_announcement_under_likely_is_an_act(claim, supported):
    """TEST FIXTURE sentences (session 28): "were likely to be published" read "published" as a report by the
    shortlist (a verb of saying), so the claim's "would be published" had nothing to be compared with."""
    evidence = "The council said the shortlist was likely to be published on Friday."
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,evidence,supported", [
    ("Approved 40 to 12, the bill raises the minimum wage to 14 dollars.",
     "The bill, approved by 40 votes to 12, raises the minimum wage to 14 dollars.", True),
    ("Approved 41 to 12, the bill raises the minimum wage to 14 dollars.",
     "The bill, approved by 40 votes to 12, raises the minimum wage to 14 dollars.", False),  # the margin counts
])
def test_a_margin_after_by_is_no_doer(claim, evidence, supported):
    """TEST FIXTURE sentences (session 28): "passed by 23 votes to 18" made "votes" the doer of "passed", so a
    claim without it read as roles reversed."""
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,supported", [
    ("Police said a cyclist was hospitalised following a crash with a van on Mill Street.", True),
    ("Police said a cyclist was hospitalised after hitting a van on Mill Street.", False),  # who hit whom: not said
])
def test_a_participle_used_as_a_preposition_is_no_act(claim, supported):
    """TEST FIXTURE sentences (session 28): "following a crash" was read as an act of following, a known verb of
    another sense than the text's "was taken", so a faithful paraphrase was rejected."""
    evidence = "A cyclist was taken to hospital after a collision with a van on Mill Street, police said."
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,supported", [
    ("Output at the mill is expected to be cut gradually starting in March, the union said.", True),
    ("Output at the mill will be cut gradually starting in March, the union said.", False),  # still surer
])
def test_starting_with_a_date_is_a_time_not_an_act(claim, supported):
    """TEST FIXTURE sentences (session 28): "starting in March" was read as a verb of its own, compared with the
    evidence's verb and called done ("the cited text says 'to cut', the claim says 'starting'")."""
    evidence = "Output at the mill is expected to be cut gradually from March, the union added."
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,supported", [
    ("Varga called the PLA a failing body during her radio appearance.", True),
    ("Varga declined to call the PLA a failing body during her radio appearance.", False),
])
def test_declining_to_say_what_the_text_reports_said_is_a_negation(claim, supported):
    """TEST FIXTURE sentence (session 23): the evidence's "called" is a report (it credits what follows), not a
    predicate, so the claim's negated "to call" had nothing to be compared with and was accepted."""
    evidence = ('During an appearance on local radio Mayor Ines Varga called the PLA "a reckless, failing body that is '
                'acting carelessly",')
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,supported", [
    ("The minister excluded raising the fuel duty this year.", True),  # "exclude" + an act: ruled out
    ("The minister ruled out raising the fuel duty this year.", True),
    ("The minister announced raising the fuel duty this year.", False),
])
def test_excluding_an_act_is_ruling_it_out(claim, supported):
    """TEST FIXTURE sentence (session 23)."""
    evidence = "The minister did not say what she would cut, but she ruled out raising the fuel duty this year."
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,supported", [
    ("Officials said police were sent to protect the capital against Party of Unity and al-Watan protesters.", True),
    ("Officials said police were sent to protect the capital against PUW protesters.", True),
    ("Officials said police were sent to protect the capital against Party of Unity and al-Fatah protesters.", False),
])
def test_a_hyphenated_word_of_an_acronym_expansion_is_read_in_its_parts(claim, supported):
    """TEST FIXTURE sentences (session 23): the article defines PUW as "the Party of Unity and al-Watan"; the parser
    splits "al-Watan" in the claim into three tokens, which the expansion must know too."""
    context = ("Opposition party PUW, the Party of Unity and al-Watan, has already won several seats in the north. "
               "Police have been deployed to protect the capital from the growing threat of PUW protesters, officials "
               "said.")
    evidence = context.split(". ", 1)[1]
    result = check_support(claim, [evidence], context=context)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("text,qualifier", [
    ("Troops took over 85 percent of the city.", None),  # the verb's particle
    ("Officials handed over 300 documents.", None),
    ("The depot took over 18 months to build.", "more"),  # a span: "took over" is "took more than"
    ("Over 85 percent of members voted.", "more"),
])
def test_over_after_take_or_hand_is_a_particle_not_more_than(text, qualifier):
    """TEST FIXTURE sentences (session 23): "took over eighty-five per cent of Tikrit" was read as "more than 85"."""
    assert [q.qualifier for q in quantities(text)] == [qualifier]


@pytest.mark.parametrize("claim,supported", [
    ("Dutch engineers were sent to Ghana to help local crews repair the Akosombo dam, officials said.", True),
    ("Local crews have been sent to help Dutch engineers repair the Akosombo dam, officials said.", False),
])
def test_a_passive_act_on_another_party_of_the_sentence_is_a_reversal(claim, supported):
    """TEST FIXTURE sentence (session 23): with no doer named, the swap shows only in who is acted on."""
    evidence = ("Dutch engineers have been sent to Ghana, to help local crews repair the Akosombo dam after the "
                "floods, officials said.")
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,supported", [
    ("Rebel fighters are closing in on Dorvak, state radio reported.", True),  # "in": a particle tagged as an adverb
    ("Rebel fighters are pulling back from Dorvak, state radio reported.", False),
])
def test_closing_in_on_a_city_is_advancing_towards_it(claim, supported):
    """TEST FIXTURE sentence (session 23)."""
    evidence = ("As rebel fighters – backed by local militias – advance towards the capital Dorvak, the army has sent "
                "more troops, state radio reported.")
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,supported", [
    ("Norway offered the Ghanaian government whatever help it can give.", True),
    ("Norway offered the Ghanaian government help.", True),
    ("Norway offered the Ghanaian government military help.", False),  # another kind of help
    ("Norway offered the Ghanaian government financial help.", False),
])
def test_a_kind_adjective_added_to_a_thing_is_added_detail(claim, supported):
    """TEST FIXTURE sentence (session 23)."""
    evidence = ("Norway, the largest foreign investor in Ghana's ports, said that it was watching developments and "
                "offered the Ghanaian government whatever help it can give.")
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,supported", [
    ("Mayor Ines Varga said a tram extension is not an option.", True),
    ("Mayor Ines Varga said a tram extension remains an option.", False),  # "remains X" says it is X
    ("Mayor Ines Varga said a tram extension stays an option.", False),
])
def test_remaining_something_is_being_it(claim, supported):
    """TEST FIXTURE sentence (session 23)."""
    evidence = ("Mayor Ines Varga has said that a tram extension is not an option and the council must deal with the "
                "worsening congestion.")
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,supported", [
    ("Dutch engineers have been sent to Ghana to help local crews repair the dam.", True),
    ("Dutch engineers have been sent to Ghana in order to help local crews repair the dam.", True),  # a purpose
    ("Dutch engineers have been sent to Ghana at the request of the Ghanaian government to help local crews repair "
     "the dam.", False),  # why they were sent: not said
    ("Dutch engineers have been sent to Ghana in response to the floods to help local crews repair the dam.", False),
])
def test_a_reason_phrase_the_evidence_does_not_give_is_added_detail(claim, supported):
    """TEST FIXTURE sentence (session 23)."""
    evidence = ("Dutch engineers have been sent to Ghana, to help local crews repair the dam the floods damaged, the "
                "Ghanaian government confirmed.")
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,cited,supported", [
    ("PUW stands for Party of Unity and al-Watan.", 0, True),  # the sentence that defines it
    ("PUW stands for Party of Unity and al-Watan.", 1, False),  # a sentence that only uses "PUW"
    ("PUW is the Party of Unity and al-Watan.", 1, False),
    ("Police were sent to protect the capital from the threat of PUW protesters.", 1, True),  # no definition said
])
def test_a_spelled_out_acronym_needs_the_sentence_that_defines_it(claim, cited, supported):
    """TEST FIXTURE sentences (session 23): the article's definition lets a sentence that uses "PUW" stand for its
    full form, but a claim that states the definition must cite the sentence that gives it (found in a
    fresh-clone eval: "ISIS stands for ..." had moved to a sentence that only says "ISIS")."""
    context = ("Opposition party PUW, the Party of Unity and al-Watan, has already won several seats in the north. "
               "Police have been deployed to protect the capital from the growing threat of PUW protesters, officials "
               "said.")
    evidence = context.split(". ", 1)[cited] if cited else context.split(". ", 1)[0] + "."
    result = check_support(claim, [evidence], context=context)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,supported", [
    ("The coach said the club would not sell its captain if a good offer came.", False),
    ("The coach said the club would sell its captain if a good offer came.", True),
])
def test_not_hesitating_to_act_is_acting(claim, supported):
    """TEST FIXTURE sentence (session 24): "hesitate" is a negative implicative like "refuse": "would not hesitate
    to sell" says the club would sell, so a claim that it would not is a negation."""
    evidence = "The coach said the club 'would not hesitate to sell' its captain if a good offer came."
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,supported", [
    ("Forecasters said the river was certain to flood the lower town.", False),
    ("Forecasters said the river was bound to flood the lower town.", False),
    ("Forecasters said the river could flood the lower town.", True),
])
def test_certain_to_happen_is_surer_than_likely_to(claim, supported):
    """TEST FIXTURE sentence (session 24): "certain / sure / bound to" state a future as sure; the evidence only
    has it "likely"."""
    evidence = "Forecasters said the river was likely to flood the lower town by the weekend."
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,supported", [
    ("A military spokesman said the Velan army had pulled 1,500 soldiers and 8 helicopters out of the province.",
     False),
    ("A military spokesman said the Velan army had sent 1,500 soldiers and 8 helicopters to the province.", True),
])
def test_pulling_something_out_of_a_place_is_pulling_out(claim, supported):
    """TEST FIXTURE sentence (session 24): "pulled X out of" is the phrasal verb "pull out" even when the parser
    hangs "out of" on the object, and so the opposite of "deployed X to"."""
    evidence = "The Velan army deployed 1,500 soldiers and 8 helicopters to the province, a military spokesman said."
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,supported", [
    ("The council said the budget had been approved.", False),
    ("The council said the budget was being reviewed.", True),
    ("The council said the budget was under consideration.", True),
])
def test_under_discussion_is_only_weighed(claim, supported):
    """TEST FIXTURE sentence (session 24): a thing "under review / discussion / consideration" is weighed, not
    agreed or approved."""
    evidence = "The council said the budget was under review and that no vote had been held."
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,supported", [
    ("The mayor said work on the bridge would be completed in 2027.", False),
    ("The mayor said work on the bridge would be finished in 2027.", False),
    ("The mayor said work on the bridge would start in 2027.", True),
])
def test_the_end_of_an_undertaking_is_not_its_start(claim, supported):
    """TEST FIXTURE sentence (session 24): "complete" is a light verb (its noun names the act), so the predicate
    comparison left "would be completed" to "work" and accepted it for "would begin"."""
    evidence = "The mayor said work on the bridge would begin in 2027 and that it could open to traffic by 2030."
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,supported", [
    ("The city offered two fire engines, and the province said it was weighing the offer.", True),
    ("The province accepted the city's offer of two fire engines.", False),
])
def test_an_offer_the_evidence_makes_is_not_only_weighed(claim, supported):
    """TEST FIXTURE sentence (session 24): the evidence weighs "the offer" but also says the offer was made."""
    evidence = "The neighbouring city offered to send two fire engines. The province said it was studying the offer."
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("text,value", [
    ("about a million were displaced", 1_000_000),
    ("one million people", 1_000_000),
    ("a thousand troops", 1_000),
    ("half a million people", 500_000),
    ("a quarter of a million pounds", 250_000),
])
def test_a_scale_word_after_a_or_one_is_a_number(text, value):
    """"a million" was no number at all, so a claim adding "and about a million were displaced" passed."""
    assert [q.value for q in quantities(text)] == [value]


def test_an_added_count_of_a_million_is_caught():
    evidence = "The region was hit by similar floods in 2018, when more than 400 people died."
    result = check_support("The region was hit by similar floods in 2018, when more than 400 people died and about "
                           "a million were displaced.", [evidence], context=evidence)
    assert result.supported is False and "million" in result.reason


@pytest.mark.parametrize("claim,supported", [
    ("The yen gained against the euro after the announcement.", True),
    ("The yen fell against the euro after the announcement.", False),
])
def test_a_rise_is_a_gain(claim, supported):
    """TEST FIXTURE sentence (session 24): the evidence's "rose" is the gain side, so its "lost" (of an earlier
    fall) is no opposite of the claim's "gained"."""
    evidence = "The yen rose 0.8% against the euro after the announcement, recovering part of what it had lost in May."
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,supported", [
    ("The charity said it would provide emergency shelters for the valley, though no number had been decided.", False),
    ("The charity said it was weighing emergency shelters for the valley.", True),
])
def test_a_giving_verb_hands_over_what_the_evidence_only_weighs(claim, supported):
    """TEST FIXTURE sentence (session 24): "send" / "provide" are light verbs, but they hand over what they name."""
    evidence = ("The charity said it was considering emergency shelters for the valley. A spokesperson said no number "
                "had been decided.")
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,supported", [
    ("Environmental groups accused the city council of ignoring warnings to repair the sea wall along the harbour.",
     False),
    ("Karl Brandt accused the city council of ignoring warnings to repair the sea wall.", True),
    ("The opposition leader accused the city council of ignoring warnings to repair the sea wall.", True),
])
def test_a_doer_the_evidence_does_not_have_for_one_it_names(claim, supported):
    """TEST FIXTURE sentence (session 24): the same act, by a doer that is nowhere in the cited text, where the
    text names who did it; a definite description ("the senator") may stand for the name."""
    evidence = ("Opposition leader Karl Brandt accused the city council of ignoring warnings to repair the sea wall "
                "along the harbour. Mayor Lind rejected the criticism, saying the storm was 'exceptional'.")
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,supported", [
    ("The Red Cross called on both sides to let aid convoys through.", True),
    ("The Red Cross ordered both sides to let aid convoys through.", False),
])
def test_calling_on_someone_is_an_appeal_like_urging(claim, supported):
    """TEST FIXTURE sentence (session 24): "called on X to" was read as a report of words by the Red Cross,
    which the evidence's only report ("Aid agencies said") did not match."""
    evidence = ("Aid agencies said thousands of families were cut off. The Red Cross urged both sides to let aid "
                "convoys through.")
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,supported", [
    ("People living in Ostra, roughly 5km from the dam, said the water rose within minutes.", True),
    ("People living in Velka said the water rose within minutes.", False),
])
def test_people_living_in_a_place_are_its_residents(claim, supported):
    """TEST FIXTURE sentence (session 24): the speaker "people living in X" is "residents of X", and an
    approximator ("roughly" / "about") does not change the place that describes them."""
    evidence = "Residents of Ostra, about 5km from the dam, said the water rose within minutes. Velka was spared."
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,supported", [
    ("On Thursday the health ministry rejected opposition claims that the government had put pressure on doctors to "
     "vote for Ruiz.", True),
    ("On Thursday the health ministry confirmed opposition claims that the government had put pressure on doctors to "
     "vote for Ruiz.", False),
])
def test_a_plural_noun_the_tagger_calls_a_verb_is_no_report(claim, supported):
    """TEST FIXTURE sentence (session 24): spaCy tags "claims" in "rejected management claims that ..." as a verb
    with the role of an object; read as "the union said", it made the speaker check fail."""
    evidence = ("Opposition parties have accused the government of pressuring doctors to vote for Ruiz. The health "
                "ministry denied the allegations on Thursday.")
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


def test_thanking_is_not_inviting():
    evidence = "The prime minister thanked the king of Norway in a statement on Monday."
    result = check_support("The prime minister invited the king of Norway in a statement on Monday.", [evidence],
                           context=evidence)
    assert result.supported is False and "thanked" in result.reason


@pytest.mark.parametrize("claim,supported", [
    ("The operator has cancelled all flights to the island after the eruption.", False),
    ("The operator has halted all flights to the island after the eruption.", True),
])
def test_cancelling_is_not_suspending(claim, supported):
    """TEST FIXTURE sentence (session 24): "suspend" is for a time, "cancel" for good: two senses."""
    evidence = "The operator has suspended all flights to the island after the eruption on Sunday."
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,supported", [
    ("Ashby were edged out 2-1 by Moreton in Sunday's cup quarter-final.", False),
    ("Moreton were edged out 2-1 by Ashby in Sunday's cup quarter-final.", True),
])
def test_edged_out_by_is_beaten_by(claim, supported):
    """TEST FIXTURE sentence (session 24): any verb of beating, passive, keeps winner and loser as "lost to" does
    ("knock out" was tried as such a verb and dropped: it cost a held-out pair, having other senses)."""
    evidence = "Moreton lost 2-1 to Ashby in the cup quarter-final on Sunday."
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


def test_the_officer_is_the_named_detective_before():
    """TEST FIXTURE sentence (session 24): "the officer" in the cited text is the detective it has just named."""
    evidence = ("Detective Sergeant Ana Lind of Northvale Police is leading the inquiry into a break-in at the museum. "
                "The officer said the thieves had known where the cameras were.")
    result = check_support("Detective Sergeant Ana Lind said the thieves had known where the cameras were.",
                           [evidence], context=evidence)
    assert result.supported is True, result.reason


@pytest.mark.parametrize("text,value,unit", [
    ("two dozen fighter jets", 24, None),
    ("3 dozen boats", 36, None),
    ("a 6,000MW dam", 6000, "mw"),
    ("a 6,000-megawatt dam", 6000, "mw"),
])
def test_dozens_and_megawatts_are_read_as_one_quantity(text, value, unit):
    """"two dozen" was read as a two and a dozen, "6,000MW" as 6 (the glued unit was unknown)."""
    assert [(q.value, q.unit) for q in quantities(text)] == [(value, unit)]


@pytest.mark.parametrize("claim,supported", [
    ("Union leader Ana Roth described the budget as \"a slap in the face\" but stopped short of calling for a general "
     "strike.", False),
    ("Union leader Ana Roth described the budget as \"a slap in the face\" and called for a general strike.", True),
])
def test_stopping_short_of_an_act_is_not_doing_it(claim, supported):
    """TEST FIXTURE sentence (session 24)."""
    evidence = "Union leader Ana Roth described the budget as \"a slap in the face\" and called for a general strike."
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,supported", [
    ("The union will end the strike, its leader told AFP.", False),
    ("The union's leader told AFP it was ready to end the strike.", True),
])
def test_ready_to_act_is_not_will_act(claim, supported):
    """TEST FIXTURE sentence (session 24): "ready / willing / prepared to" is a willingness, not a commitment."""
    evidence = "The union's leader, Pia Moro, told AFP the union was \"ready to end\" the strike."
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,evidence", [
    ("NATO said some 3,000 troops from five of its members began an exercise on Monday.",
     "Some 3,000 troops from five NATO countries began an exercise on Monday, the alliance said."),
    ("Marta Lind's family said she was safe.", "The climber, 29-year-old Marta Lind, was safe, her family said."),
    ("Daoud said Mersia \"would not rule out any option\" to protect its farms.",
     "Hassan Daoud spoke on Monday. He said Mersia \"would not rule out any option\" to protect its farms."),
    ("According to a spokesman, the drills are not aimed at any country.",
     "A spokesman said the drills were \"not directed at any country\"."),
])
def test_restatements_the_checker_used_to_reject(claim, evidence):
    """TEST FIXTURE sentences (session 24): "the alliance" for the organisation just named; "her family" for the
    family of the person the sentence names; the evidence's own purpose infinitive restated; "aimed at" /
    "directed at"."""
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is True, result.reason


@pytest.mark.parametrize("claim,supported", [
    ("Rebels took Ostrava on Monday, and the capital Velen lies 60km south of the town.", False),
    ("Ostrava lies 60km south of Velen.", True),
])
def test_a_direction_set_off_after_the_object_places_the_object(claim, supported):
    """TEST FIXTURE sentence (session 24): "seized the town of Ostrava, 60km south of the capital Velen": the
    parser hangs the direction on the verb, whose subject (the rebels) is not what it places."""
    evidence = "Rebel fighters seized the town of Ostrava, 60km south of the capital Velen, on Monday, residents said."
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,supported", [
    ("Aid agencies raised concerns about the deal, saying the grain could be diverted.", True),
    ("Aid agencies increased the deal, saying the grain could be diverted.", False),
])
def test_raising_concerns_is_saying_something_not_an_increase(claim, supported):
    """TEST FIXTURE sentence (session 24): "raised concerns" was read as "raise", the opposite of the evidence's
    "suspend"."""
    evidence = "Aid agencies urged the government to suspend the deal, saying the grain could be diverted to the army."
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("text,value,qualifier", [
    ("about a hundred and fifty advisers", 150, "about"),
    ("several hundred of his men", 200, "at_least"),
])
def test_a_hundred_and_fifty_and_several_hundred(text, value, qualifier):
    """"a hundred and fifty" was read as 100 and 50 once "a hundred" became a number; "several hundred" as 100."""
    assert [(q.value, q.qualifier) for q in quantities(text)] == [(value, qualifier)]


@pytest.mark.parametrize("claim,evidence", [
    ("The United States-led coalition said it had carried out six air strikes.",
     "The U.S.-led coalition said it had carried out six air strikes."),
    ("Latvia's cyber agency said an attack took down the websites of Latvia's parliament on Monday.",
     "An attack took down the websites of Latvia's parliament on Monday, the country's cyber agency said."),
    ("State media blamed Oslan for starting the clash.", "State media accused Oslan of starting the clash."),
    ("Soldiers attacked the radio station before dawn, the army said.",
     "Soldiers stormed the radio station before dawn, the army said."),
    ("Residents of Kora, ten kilometres east of the dam, said the water rose fast.",
     "Residents of Kora, 10km east of the dam, said the water rose fast."),
    ("People's Front of the North fighters took the pass on Monday.",
     "Fighters of the People's Front of the North (PFN) took the pass on Monday."),
])
def test_restatements_of_session_24s_tuning_set_ag(claim, evidence):
    """TEST FIXTURE sentences (session 24): "U.S.-led" read in its parts; "the country's agency" for the country
    the sentence names; "blamed X for" an allegation as "accused X of"; "stormed" as an attack; a number and unit
    describing a speaker's place left to the quantity check; a compass word inside a name."""
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is True, result.reason


@pytest.mark.parametrize("claim,supported", [
    ("Oslan started the clash.", False),
    ("The two ministries said Kora handed over 12 prisoners.", True),
    ("Tavia's foreign ministry said Kora handed over 12 prisoners.", False),
])
def test_an_allegation_and_the_two_countries_ministries(claim, supported):
    """TEST FIXTURE sentences (session 24): what "blamed X for" alleges is not stated as fact; "the two countries'
    ministries" are not one country's ministry."""
    evidence = ("State media blamed Oslan for starting the clash. Kora handed over 12 prisoners to Tavia in a swap, "
                "the two countries' foreign ministries said.")
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,supported", [
    ("The prime minister has ruled out new taxes on fuel.", False),
    ("The prime minister has ruled out cutting pensions.", True),
    ("The prime minister is weighing new taxes on fuel.", True),
])
def test_ruling_out_what_the_evidence_only_weighs(claim, supported):
    """TEST FIXTURE sentence (session 24): the claim closes what the evidence leaves open."""
    evidence = "The prime minister is considering new taxes on fuel but has ruled out cutting pensions, aides said."
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,supported", [
    ("The International Rescue Committee (IRC) handed over 40 soldiers, including a major captured in June, to the "
     "rebels.", False),
    ("The rebels handed over 40 soldiers, including a major captured in June, to the IRC.", True),
])
def test_a_to_phrase_after_an_inserted_phrase_is_the_verbs(claim, supported):
    """TEST FIXTURE sentence (session 24): the parser hangs "to the ... Committee" on "major" after the inserted
    "including ..." phrase; it is whom the verb hands over to, so the swap is seen."""
    evidence = ("The army freed 90 fighters, while the rebels handed over 40 soldiers, including a major captured in "
                "June, to the International Rescue Committee (IRC).")
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,evidence,supported", [
    ("The British government has turned to the U.S. for military support.",
     "The Iraqi government has turned to the U.S for military support.", False),
    ("British troops arrived in the port on Monday.", "United Kingdom troops arrived in the port on Monday.", True),
    ("U.S. troops arrived in the port on Monday.", "United States troops arrived in the port on Monday.", True),
    ("Castleton United lost 2-1 to Northfield Rovers on Saturday.",
     "Northfield Rovers beat Castleton United 2-1 on Saturday.", True),
])
def test_two_countries_are_not_one_through_the_word_they_share(claim, evidence, supported):
    """TEST FIXTURE sentences (session 25): "British" is the United Kingdom's and "U.S." the United States'; the
    word "united" both names hold does not make one the other (a real answer had "The US government has turned to
    the U.S." for the Iraqi government). A name that is itself the word still matches it."""
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,supported", [
    ("The Kestanian government has asked the EU for emergency funds.", False),
    ("The Varosh government has asked the EU for emergency funds.", False),
    ("The Dorvanian government has asked the EU for emergency funds.", True),
    ("The government of Dorvania has asked the EU for emergency funds.", True),
])
def test_the_same_kind_of_doer_in_another_country_is_another_doer(claim, supported):
    """TEST FIXTURE article (session 25): the article names Kestania and Varosh too, so a name check passes; the
    doer is still the Dorvanian government, not another country's or place's (the places compared are those the
    article names) (a real answer had "The US government has
    turned to the U.S." for the Iraqi government)."""
    context = ("Fighting spread from Kestania into Dorvania's border town of Varosh on Monday. "
               "The Dorvanian government has asked the EU for emergency funds to shelter those who fled.")
    evidence = "The Dorvanian government has asked the EU for emergency funds to shelter those who fled."
    result = check_support(claim, [evidence], context=context)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,supported", [
    ("Iran Obama Iraq.", False),
    ("The Associated Press.", True),
    ("The UK and China.", True),
    ("Ardenia qualified for the World Cup.", True),
])
def test_names_in_a_row_state_nothing(claim, supported):
    """TEST FIXTURE sentence (session 25): a real answer to "which countries ...?" was "Iran Obama Iraq [2][3]",
    every word in the cited text. A name alone or a list is an answer; names back to back without a verb are not
    (nor is a verb the tagger reads as an adjective lost: "qualified")."""
    evidence = ("The Associated Press reported that Iran, Obama, the UK and China spoke about Iraq, and that Ardenia "
                "qualified for the World Cup.")
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,evidence,supported", [
    ("Washington warned it would not send troops unless the talks resumed.",
     "The U.S. warned it would not send troops unless the talks resumed.", True),
    ("The government asked Moscow for fuel.", "The government asked Russia for fuel.", True),
    ("The government asked Moscow for fuel.", "The government asked China for fuel.", False),
    ("Moscow rejected the offer.", "Russia rejected the offer.", True),
    ("Moscow rejected the offer.", "Beijing rejected the offer.", False),
    ("Stockholm expelled Turkish diplomats.", "Sweden expelled Turkish diplomats.", True),
    ("Washington will not take military action unless the talks resume.",
     "The U.S. will not take military action unless the talks resume.", True),
    ("The army defended the city with help from Washington.", "The army defended the city with help from the U.S.",
     True),
    # the roles still count: the capital is its country on the other side too
    ("London accused Moscow of spreading disinformation.", "Russia accused Britain of spreading disinformation.",
     False),
    ("Moscow blamed Kyiv for the attack on the dam.", "Ukraine blamed Russia for the attack on the dam.", False),
    ("Ankara expelled Swedish diplomats.", "Sweden expelled Turkish diplomats.", False),
    # as a place the capital is only the city
    ("The summit was held in Washington.", "The summit was held in the U.S.", False),
    ("Militants seized Baghdad.", "Militants seized large parts of Iraq.", False),
    ("Baghdad was attacked by the militants.", "Iraq was attacked by the militants.", False),
    ("Baghdad is 110km north of Samarra.", "Samarra is 110km north of Baghdad.", False),
    ("The storm hit London.", "The storm hit Britain, forecasters in London said.", False),  # named, as a place
])
def test_a_capital_named_as_a_party_is_its_country(claim, evidence, supported):
    """TEST FIXTURE sentences (sessions 26-27): news English names a government by its capital ("Washington
    warned"). Beside a government's act (its subject, its object, "help from") the capital is its country; as a
    place ("held in Washington", "seized Baghdad", "Baghdad was attacked") it is only the city, and another
    country's capital is another party."""
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


def test_capitals_come_from_the_country_data():
    """The capital table is built from countryinfo's data: one-word capitals map to their country's name forms, a
    capital two entries claim maps to neither, and two-letter codes that are English words are left out."""
    from qa.text import capitals

    table = capitals()
    assert {"iraq", "iraqi"} <= table["baghdad"]
    assert {"us", "america", "american"} <= table["washington"]  # "Washington D.C."
    assert "jerusalem" not in table
    assert not any(len(form) == 2 and form not in ("us", "uk") for forms in table.values() for form in forms)


@pytest.mark.parametrize("claim,evidence,supported", [
    ("It is confirmed that the ferry sank near the harbour.",
     "The ferry sank near the harbour, coastguard officials confirmed.", False),
    ("The sinking of the ferry near the harbour has been confirmed.",
     "The ferry sank near the harbour, coastguard officials confirmed.", False),
    ("Coastguard officials confirmed that the ferry sank near the harbour.",
     "The ferry sank near the harbour, coastguard officials confirmed.", True),
    ("The ferry sank near the harbour.", "The ferry sank near the harbour, coastguard officials confirmed.", True),
    # the evidence itself confirms it without a source: the claim may too
    ("The sinking was confirmed on Tuesday.", "The sinking was confirmed on Tuesday.", True),
    ("It is reported that the ferry sank near the harbour.",
     "The ferry sank near the harbour, coastguard officials confirmed.", True),
])
def test_a_confirmation_without_its_source_is_not_supported(claim, evidence, supported):
    """TEST FIXTURE sentences (session 27): "It is confirmed that X" states X as established; where only a named
    source confirms it, the claim drops who vouches for it (session 25's unseen question "Is it confirmed that Iran
    has sent Revolutionary Guards into Iraq?" was answered "It is confirmed that ..." on the strength of one side's
    sources, while the other article says the Pentagon could not confirm it)."""
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason
    if not supported:
        assert "without saying by whom" in result.reason


@pytest.mark.parametrize("claim,supported", [
    ("Coach Anna Berg Minister Tomas Lind Club Chairman Piet Vos.", False),
    ("Coach Anna Berg and Minister Tomas Lind.", True),
    ("Coach Anna Berg, Minister Tomas Lind and Club Chairman Piet Vos.", True),
    ("Club Chairman Piet Vos.", True),
])
def test_people_in_a_row_with_only_titles_between_state_nothing(claim, supported):
    """TEST FIXTURE sentences (session 27): the real model answered "Name the officials quoted ..." with three
    people run together with their titles and no verb or separator; the tagger joined two of them into one name,
    so the "names back to back" test missed it. A list with commas or "and" is an answer."""
    evidence = ("Coach Anna Berg said the team was ready. Minister Tomas Lind welcomed the result. "
                "Club Chairman Piet Vos thanked the fans.")
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim,supported", [
    ("The mayor set the condition that the city will not rebuild the bridge unless the state pays.", True),
    ("The mayor set the condition that the city will not close the bridge unless the state pays.", False),
])
def test_a_clause_with_its_own_subject_under_a_noun_is_compared(claim, supported):
    """TEST FIXTURE sentences (session 27): "the condition that X will not rule out ..." was left to word coverage
    as if it were a participle describing the noun ("a war lasting eight years"); a clause with its own subject is
    compared like any other."""
    evidence = "The mayor warned that the city will not rebuild the bridge unless the state pays for it."
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, supported", [
    # a named speaker's description is what the claim says of him, not who speaks
    ("Harlow, a campaigner against the runway, said he would appeal the ruling.", True),
    # the description does not make another person the speaker
    ("Mills, a campaigner against the runway, said he would appeal the ruling.", False),
])
def test_a_description_in_apposition_to_a_named_speaker_is_not_part_of_the_speaker(claim, supported):
    evidence = "Parish councillor Dan Harlow, who has campaigned against the runway, said he would appeal the ruling."
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # "set aside" (a particle the parser reads as an adverb) puts money by now; it is not "set to"
    ("The trust has earmarked 400,000 euros to restore the chapel roof.",
     "The trust has set aside 400,000 euros to restore the chapel roof.", True),
    ("The trust has restored the chapel roof.", "The trust is set to restore the chapel roof.", False),
])
def test_set_aside_is_an_act_and_set_to_is_a_plan(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, supported", [
    ("The operator said it had inspected the damaged cables and increased staffing levels.", True),
    # the second act reversed: the parser reads "increased" / "reduced" as an adjective of the noun after it
    ("The operator said it had inspected the damaged cables and reduced staffing levels.", False),
    ("The operator said it had reduced staffing levels.", False),
])
def test_a_participle_after_and_is_a_second_act_not_an_adjective(claim, supported):
    evidence = "The operator said it had inspected the damaged cables and increased staffing levels."
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    ("The utility said it had replaced the storage tanks.", "The utility said it had disinfected the storage tanks.",
     False),
    ("The utility said it had cleaned the storage tanks.", "The utility said it had disinfected the storage tanks.",
     True),
    ("The mill said it would retrain 40 weavers.", "The mill said it would move 40 weavers to its other site.", False),
    ("The mill said it would relocate 40 weavers to its other site.",
     "The mill said it would move 40 weavers to its other site.", True),
])
def test_cleaning_retraining_and_moving_are_different_acts(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    ("Police said the suspect had stabbed two men.", "Police said the suspect had shot two men.", False),
    ("Police said the suspect had gunned down two men.", "Police said the suspect had shot two men.", True),
    ("The board said it had resumed the tender.", "The board said it had amended the tender.", False),
    ("The board said it had revised the tender.", "The board said it had amended the tender.", True),
])
def test_common_news_acts_are_told_apart(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # "likely to be" / "expected to be": the copula under the adjective or verb is as unsure as they are
    ("The drought will be the longest on record.", "The drought is likely to be the longest on record.", False),
    ("The drought will be the longest on record.", "The drought is expected to be the longest on record.", False),
    ("The drought could be the longest on record.", "The drought is likely to be the longest on record.", True),
    ("The drought is likely to be the longest on record.", "The drought is likely to be the longest on record.",
     True),
])
def test_likely_to_be_is_not_will_be(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, supported", [
    ("The hospital will open a new maternity wing in 2027.", False),  # a plan stated as sure
    ("The hospital plans to open a new maternity wing in 2027.", True),
    ("The hospital intends to open a new maternity wing in 2027.", True),
])
def test_a_plan_is_not_a_future_stated_as_sure(claim, supported):
    result = check_support(claim, ["The hospital plans to open a new maternity wing in 2027."])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, supported", [
    ("There will be new tolls on the bridge next year.", False),  # "there will be" what is only weighed
    ("The council is weighing new tolls on the bridge next year.", True),
])
def test_there_will_be_what_is_only_weighed_is_said_to_happen(claim, supported):
    result = check_support(claim, ["The council is weighing new tolls on the bridge next year."])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 30): "faces charges" / "suffered a defeat" is the act told from the side of the
    # one it is done to, named or described
    ("Councillor Ada Brenn faces charges over the missing funds.", "Councillor Ada Brenn was charged over the "
     "missing funds.", True),
    ("Mira Tolland faced fierce criticism over the delays.", "Mira Tolland became transport minister in May. The "
     "minister had been fiercely criticised over the delays.", True),
    # not when the one it was done to is someone else, or the act did not happen or is another
    ("Councillor Ada Brenn faces charges over the missing funds.", "Councillor Ada Brenn charged the treasurer over "
     "the missing funds.", False),
    ("Councillor Ada Brenn faces charges over the missing funds.", "Councillor Ada Brenn was not charged over the "
     "missing funds.", False),
    ("Councillor Ada Brenn faces charges over the missing funds.", "Councillor Ada Brenn was questioned over the "
     "missing funds.", False),
])
def test_an_act_undergone_is_the_act_done(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 30): a verb the small parser reads as a noun ("beat") or the name after a
    # verb it reads as an adverbial: who beat whom is read from the repaired parse
    ("Redhill Town beat Dunmore Athletic 3-1 on Sunday.", "Dunmore Athletic beat Redhill Town 3-1 on Sunday.", False),
    ("Dunmore Athletic lost to Redhill Town 3-1 on Sunday.", "Dunmore Athletic beat Redhill Town 3-1 on Sunday.",
     False),
    ("Dunmore Athletic beat Redhill Town 3-1 on Sunday.", "Dunmore Athletic beat Redhill Town 3-1 on Sunday.", True),
    ("Redhill Town lost to Dunmore Athletic 3-1 on Sunday.", "Dunmore Athletic beat Redhill Town 3-1 on Sunday.",
     True),
    # checking for investigating
    ("Doctors are checking a possible measles outbreak at the school.", "Doctors are investigating a possible "
     "outbreak of measles at the school.", True),
])
def test_who_beat_whom_and_measures_read_from_a_repaired_parse(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


def test_parse_repairs_give_the_verb_its_subject_and_object():
    """qa.verify.nlp's repairs of the small model's parse (TEST FIXTURE sentences): a past form read as an
    adjective of the noun after it, a verb read as a noun, a name after a verb read as an adverbial."""
    from qa.verify.nlp import parse

    def arcs(text: str, word: str) -> tuple[str, str, set[tuple[str, str]]]:
        t = next(t for t in parse(text) if t.text == word)
        return t.pos_, t.dep_, {(c.dep_, c.text) for c in t.children if c.dep_ in ("nsubj", "dobj")}

    pos, _, children = arcs("The new drug reduced headaches in 50 percent of patients, the researchers said.",
                            "reduced")
    assert pos == "VERB" and children == {("nsubj", "drug"), ("dobj", "headaches")}
    pos, dep, children = arcs("Dunmore Athletic beat Redhill Town 3-1 on Sunday.", "beat")
    assert (pos, dep) == ("VERB", "ROOT") and children == {("nsubj", "Athletic"), ("dobj", "Town")}
    _, _, children = arcs("Redhill Town beat Dunmore Athletic 3-1 on Sunday.", "beat")
    assert ("dobj", "Athletic") in children
    _, _, children = arcs("The team played Sunday.", "played")  # a day stays a time
    assert not any(dep == "dobj" for dep, _ in children)


@pytest.mark.parametrize("claim, supported", [
    # TEST FIXTURE sentences (session 30): "voted against keeping" is a vote that it not be kept
    ("The Orwell town council voted on Monday against keeping the Mill Lane library open.", False),
    ("The parish council voted against keeping the Mill Lane library open.", False),
    ("The Orwell town council voted on Monday to keep the Mill Lane library open.", True),
])
def test_voted_against_doing_is_not_voted_to_do(claim, supported):
    result = check_support(claim, ["The Orwell town council voted on Monday to keep the Mill Lane library open."])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 30): an act said with its noun after "introduced", "ordered", "announced"
    ("The council introduced a ban on fireworks in parks.", "The council banned fireworks in parks.", True),
    ("The court ordered the release of the two journalists.", "The court released the two journalists.", True),
    ("The council introduced a ban on fireworks in parks.", "The government banned fireworks in parks.", False),
    ("The council introduced a ban on fireworks in parks.", "The council is debating whether to ban fireworks in "
     "parks.", False),
    # announced as decided what is only weighed
    ("The ministry announced cuts to rail subsidies.", "The ministry cut rail subsidies.", True),
    ("The ministry announced cuts to rail subsidies.", "The ministry is considering cutting rail subsidies.", False),
])
def test_an_act_said_with_its_noun(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


def test_the_officer_is_the_ranked_person_named_before():
    """TEST FIXTURE sentences (session 30): "the officer" for a person the article named with a rank."""
    evidence = ("Colonel Piet Marrow commands the UN peacekeeping force in the eastern region. The officer told "
                "reporters that patrols would be doubled after the attack.")
    result = check_support("Colonel Piet Marrow told reporters that patrols would be doubled after the attack.",
                           [evidence], context=[evidence])
    assert result.supported, result.reason


def test_the_lab_is_the_laboratory_named_before():
    evidence = ("Researchers at the Tarnby Soil Laboratory sampled 40 fields last spring. The lab said on Friday that "
                "most fields had lost topsoil.")
    result = check_support("The Tarnby Soil Laboratory said most fields had lost topsoil.", [evidence],
                           context=[evidence])
    assert result.supported, result.reason


@pytest.mark.parametrize("claim, supported", [
    # TEST FIXTURE sentences (session 30): a relative time the cited text does not give is an added detail
    ("The Pellham ferry will return to service next month, the operator said on Monday.", False),
    ("The Pellham ferry will return to service tomorrow, the operator said on Monday.", True),  # a day it may be
    ("The Pellham ferry will return to service, the operator said on Monday.", True),
])
def test_a_relative_time_the_cited_text_lacks_is_added(claim, supported):
    evidence = "The Pellham ferry will return to service, the operator said on Monday."
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


def test_a_relative_time_restating_a_date_is_kept():
    result = check_support("The Pellham ferry will return to service next month.",
                           ["The Pellham ferry will return to service in June, the operator said in May."])
    assert result.supported, result.reason


@pytest.mark.parametrize("claim, supported", [
    # TEST FIXTURE sentences (session 31): "over" after an amount is the span it changed in, or more than it
    ("Ticket sales at the Harwick museum rose by 40 percent in five years, its director said.", True),
    ("Ticket sales at the Harwick museum rose by 40 percent over five years, its director said.", True),
    ("Ticket sales at the Harwick museum rose by 40 percent in six years, its director said.", False),
    ("Ticket sales at the Harwick museum rose by 40 percent in four years, its director said.", False),
])
def test_over_a_span_after_an_amount(claim, supported):
    evidence = "Ticket sales at the Harwick museum climbed 40 percent over five years, its director said."
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


def test_over_a_span_without_an_amount_is_still_more_than():
    # "served over five years" says more than five: "five years" is more precise than the evidence
    result = check_support("The Harwick museum director served five years in the post.",
                           ["The Harwick museum director served over five years in the post, the board said."])
    assert not result.supported
    result = check_support("The Harwick museum director left in 2019 after five years in the post.",
                           ["The Harwick museum director left in 2019 after over five years in the post."])
    assert not result.supported  # "2019 after over": a year is no amount


@pytest.mark.parametrize("claim, supported", [
    # TEST FIXTURE sentences (session 31): a time of day is compared as one, whichever way it is written
    ("The Dunmere night market will open from 20:00 to 02:00, the council said.", True),
    ("The Dunmere night market will open from 8 p.m. to 2 a.m., the council said.", True),
    ("The Dunmere night market will open from 21:00 to 02:00, the council said.", False),
    ("The Dunmere night market will open from 8 a.m. to 2 a.m., the council said.", False),
])
def test_times_of_day_compare_as_times(claim, supported):
    evidence = "The Dunmere night market will open from 8pm until 2am, the council said on Friday."
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


def test_midnight_in_the_evidence_is_a_claims_00_00():
    evidence = "Bars in Dunmere must close at midnight from next week, the council said."
    assert check_support("Bars in Dunmere must close at 00:00 from next week, the council said.", [evidence]).supported
    assert not check_support("Bars in Dunmere must close at 01:00 from next week, the council said.",
                             [evidence]).supported


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 31): a clause describing a thing is not the act the evidence plans
    ("The Corwen bridge, which spans the river Tarn, will close for repairs in May.",
     "The Corwen bridge across the river Tarn will be shut for repairs in May, the county said.", True),
    ("The Corwen ferry, which links Ardby and Wexham, will stop running in May.",
     "The Corwen ferry between Ardby and Wexham will stop running in May, the county said.", True),
    ("Corwen's mayor said new street lights will go up in March, paid for with a 200,000-pound grant.",
     "Corwen's mayor said new street lights would be installed in March. The 200,000-pound cost will be covered "
     "by a government grant.", True),
    # the sentence's own act, stated as done, is still surer than the plan
    ("The county has mothballed the Corwen ferry.", "The county will withdraw the Corwen ferry in May, officials "
     "said.", False),
])
def test_a_describing_clause_is_not_the_planned_act(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, supported", [
    # TEST FIXTURE sentences (session 31): "the first half of the year" is six months
    ("Harbin airport handled 2.1 million passengers in the first six months of the year.", True),
    ("Harbin airport handled 2.1 million passengers in the first three months of the year.", False),
])
def test_half_of_the_year_is_six_months(claim, supported):
    evidence = "Harbin airport handled 2.1 million passengers in the first half of the year, its operator said."
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 31): amounts restated in other units or words
    ("Temperatures in Dorrel reached 38C on Monday.", "Temperatures in Dorrel reached 100F on Monday.", True),
    ("Temperatures in Dorrel reached 41C on Monday.", "Temperatures in Dorrel reached 100F on Monday.", False),
    ("The Dorrel reservoir released 5 million litres overnight.",
     "The Dorrel reservoir released 5,000 cubic metres overnight.", True),
    ("The Dorrel reservoir released 6 million litres overnight.",
     "The Dorrel reservoir released 5,000 cubic metres overnight.", False),
    ("Dorrel lies 6 miles from the coast.", "Dorrel lies 10 km from the coast.", True),  # each rounds to the other
    ("Dorrel lies 7 miles from the coast.", "Dorrel lies 10 km from the coast.", False),
    ("The Dorrel ferry has run for a quarter of a century.", "The Dorrel ferry has run for 25 years.", True),
    ("The Dorrel ferry crossing takes three quarters of an hour.", "The Dorrel ferry crossing takes 45 minutes.", True),
    ("The Dorrel ferry crossing takes three quarters of an hour.", "The Dorrel ferry crossing takes 40 minutes.",
     False),
    ("Nine in ten Dorrel residents backed the ferry.", "90 percent of Dorrel residents backed the ferry.", True),
    ("One in eight Dorrel residents use the ferry.", "12.5 percent of Dorrel residents use the ferry.", True),
    ("One in three Dorrel residents use the ferry.", "33 percent of Dorrel residents use the ferry.", True),
    ("Seven in ten Dorrel residents backed the ferry.", "Two-thirds of Dorrel residents backed the ferry.", False),
])
def test_amounts_in_other_units_and_words(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 31): feast days are dates; a season holds its months
    ("The Harlow depot was closed on 25 December, officials said.",
     "Officials said the Harlow depot was closed on Christmas Day.", True),
    ("The Harlow depot was closed on 26 December, officials said.",
     "Officials said the Harlow depot was closed on Christmas Day.", False),
    ("The Harlow depot was closed on New Year's Day, officials said.",
     "Officials said the Harlow depot was closed on 1 January.", True),
    ("The Harlow depot was closed in the spring, officials said.",
     "Officials said the Harlow depot was closed in April.", True),
    ("The Harlow depot was closed in the summer, officials said.",
     "Officials said the Harlow depot was closed in April.", False),
    ("The Harlow depot was closed in April, officials said.",  # a month is more than the season says
     "Officials said the Harlow depot was closed in the spring.", False),
])
def test_feast_days_and_seasons(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 31): a word the cited text abbreviates ("Dept.", "Int'l")
    ("The depot run by the Harlow Department of Transport will close.",
     "The depot run by the Harlow Dept. of Transport will close.", True),
    ("The depot run by Harlow International will close.", "The depot run by Harlow Int'l will close.", True),
    ("The depot run by Harlow Intelligence will close.", "The depot run by Harlow Int'l will close.", False),
    # a sentence's full stop makes no abbreviation: "Lee." is not "Leeds"
    ("Officials in Leeds said the depot would close.", "The depot will close, said Lee. Officials gave no date.",
     False),
])
def test_words_the_cited_text_abbreviates(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, supported", [
    # TEST FIXTURE sentences (session 31): "D-N.M." after a name is a party and a state
    ("Senator Ann Corley, a Democrat from New Mexico, said she would vote against the bill.", True),
    ("Senator Ann Corley, a Republican from New Mexico, said she would vote against the bill.", False),
    ("Senator Ann Corley, a Democrat from Nevada, said she would vote against the bill.", False),
])
def test_party_and_state_after_a_name(claim, supported):
    evidence = "Sen. Ann Corley, D-N.M., said on Tuesday that she would vote against the bill."
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("adjective, country", [
    # TEST FIXTURE sentences (session 31): a country's adjective for the country, either way round
    ("Dutch", "the Netherlands"), ("Filipino", "the Philippines"), ("Welsh", "Wales"), ("Ukrainian", "Ukraine"),
    ("Moroccan", "Morocco"), ("Emirati", "the UAE"), ("Cypriot", "Cyprus"), ("Burmese", "Myanmar"),
    ("Saudi", "Saudi Arabia"),
])
def test_a_country_adjective_is_the_country(adjective, country):
    claim = f"The {adjective} government said on Monday that the border would reopen."
    evidence = f"The government of {country} said on Monday that the border would reopen."
    assert check_support(claim, [evidence]).supported
    assert check_support(evidence, [claim]).supported
    assert not check_support(claim.replace(adjective, "Austrian"), [evidence]).supported


@pytest.mark.parametrize("claim, supported", [
    # TEST FIXTURE sentences (session 31): removing a person from a post is ousting them
    ("Ian Holt was ousted as Dunmere Rovers manager by the club's board on Friday.", True),
    ("Ian Holt was sacked as Dunmere Rovers manager by the club's board on Friday.", True),
    ("Ian Holt was hired as Dunmere Rovers manager by the club's board on Friday.", False),
])
def test_removing_a_person_is_ousting_them(claim, supported):
    evidence = "The board of Dunmere Rovers voted on Friday to remove manager Ian Holt, the club said."
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, supported", [
    # TEST FIXTURE sentences (session 31): "No. 2" is a rank
    ("Kessel is Aldoria's No. 2 city, the census office said.", True),
    ("Kessel is Aldoria's No. 3 city, the census office said.", False),
])
def test_no_2_is_second(claim, supported):
    result = check_support(claim, ["Kessel is Aldoria's second-largest city, the census office said."])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 31): "a day", "doubled", "a decade and a half" restated as numbers
    ("The Kelby dock strike lasted 24 hours.", "The Kelby dock strike lasted a day, the union said.", True),
    ("The Kelby dock strike lasted 48 hours.", "The Kelby dock strike lasted a day, the union said.", False),
    ("It was a 24-hour strike at the Kelby docks.", "The strike at the Kelby docks lasted a day.", True),
    ("Cargo volumes at Kelby rose 100 percent last year.", "Cargo volumes at Kelby doubled last year.", True),
    ("Cargo volumes at Kelby rose 50 percent last year.", "Cargo volumes at Kelby doubled last year.", False),
    ("Cargo volumes at Kelby fell 50 percent last year.", "Cargo volumes at Kelby halved last year.", True),
    ("The Kelby dock project will take a decade and a half.", "The Kelby dock project will take 15 years.", True),
    ("The Kelby dock project will take a decade and a half.", "The Kelby dock project will take 10 years.", False),
])
def test_spans_and_multiples_in_words(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 31): a count is no day of the month, the modal "may" no month
    ("The Pellham ferry will return to service tomorrow.",
     "The Pellham ferry, which carries 12 cars, will return to service, the operator said.", False),
    ("The Pellham ferry will return to service tomorrow.",
     "The Pellham ferry will return to service on 12 June, the operator said.", True),
    ("The Pellham ferry will return to service next month.",
     "The Pellham ferry will return to service, and fares may rise, the operator said.", False),
    ("The Pellham ferry will return to service next month.",
     "The Pellham ferry will return to service in May, the operator said.", True),
])
def test_a_relative_time_needs_a_real_time_of_its_unit(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, supported", [
    # TEST FIXTURE sentences (session 31): lakhs, crores and "Rs"
    ("The Harlow state government will spend 5 billion rupees on the new depot.", True),
    ("The Harlow state government will spend 5 billion dollars on the new depot.", False),
    ("The Harlow state government will spend 6 billion rupees on the new depot.", False),
])
def test_crores_and_rupees(claim, supported):
    evidence = "The Harlow state government will spend Rs 500 crore on the new depot, officials said."
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, supported", [
    # TEST FIXTURE sentences (session 32): the ends of a "from ... to" change compared as amounts, not numerals
    ("The Fenby bypass cuts the drive from an hour and a half to 35 minutes.", True),
    ("The Fenby bypass cuts the drive from 35 minutes to an hour and a half.", False),
    ("The Fenby bypass cuts the drive from ninety minutes to thirty-five minutes.", True),
    ("The Fenby bypass cuts the drive from thirty-five minutes to ninety minutes.", False),
])
def test_from_and_to_amounts_in_other_words(claim, supported):
    evidence = ("The Fenby bypass, which opened on Monday, cuts the drive from 90 minutes to 35 minutes, "
                "the council said.")
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 32): a document named by where it was lodged
    ("Carrow Mining will close its Eastfield pit, according to a stock exchange filing.",
     "Carrow Mining will close its Eastfield pit, according to a filing with the stock exchange on Friday.", True),
    ("Carrow Mining will close its Eastfield pit, according to a filing with the stock exchange.",
     "Carrow Mining will close its Eastfield pit, according to a stock exchange filing on Friday.", True),
    ("Carrow Mining will close its Eastfield pit, according to a court filing.",
     "Carrow Mining will close its Eastfield pit, according to a filing with the stock exchange on Friday.", False),
])
def test_a_filing_with_a_body_is_that_bodys_filing(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, supported", [
    # TEST FIXTURE sentences (session 32): "the three months to September" is July to September
    ("Jobless claims in Dunholm fell to 3.8 percent in the July-to-September quarter, the statistics office said.",
     True),
    ("Jobless claims in Dunholm fell to 3.8 percent in the three months to September, the statistics office said.",
     True),
    # a month inside the run is not the run's figure; a month outside it is another period
    ("Jobless claims in Dunholm fell to 3.8 percent in August, the statistics office said.", False),
    ("Jobless claims in Dunholm fell to 3.8 percent in the June-to-September period, the statistics office said.",
     False),
])
def test_a_run_of_months_named_by_its_last(claim, supported):
    evidence = ("Jobless claims in Dunholm fell to 3.8 percent in the three months to September, "
                "the statistics office said.")
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 32): data rates, data sizes and energy in other prefixes
    ("Norlink will offer speeds of 1,000 megabits per second in Pendale.",
     "Norlink will offer speeds of 1 gigabit per second in Pendale, the company said.", True),
    ("Norlink will offer speeds of 100 megabits per second in Pendale.",
     "Norlink will offer speeds of 1 gigabit per second in Pendale, the company said.", False),
    ("Norlink will offer speeds of 1Gbps in Pendale.",
     "Norlink will offer speeds of 1,000 Mbps in Pendale, the company said.", True),
    ("The Pendale archive holds 2,000 gigabytes of film.", "The Pendale archive holds 2TB of film, staff said.", True),
    ("The Pendale archive holds 200 gigabytes of film.", "The Pendale archive holds 2TB of film, staff said.", False),
    ("A Pendale household uses 3.5 megawatt-hours of electricity a year.",
     "A Pendale household uses 3,500 kWh of electricity a year, the regulator said.", True),
    ("A Pendale household uses 35 megawatt-hours of electricity a year.",
     "A Pendale household uses 3,500 kWh of electricity a year, the regulator said.", False),
])
def test_data_and_energy_units(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, supported", [
    # TEST FIXTURE sentences (session 32): "her third win" says she has won three times
    ("Mara Quill has now won the Tollbridge fell race three times.", True),
    ("Mara Quill has now won the Tollbridge fell race four times.", False),
    ("Mara Quill has now won the Tollbridge fell race twice.", False),
])
def test_the_nth_win_is_n_wins(claim, supported):
    evidence = "Mara Quill won the Tollbridge fell race on Saturday in 52 minutes. It was her third win in the event."
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, supported", [
    # TEST FIXTURE sentences (session 32): a clause describing what a "from" names is not the starting point
    ("Some 9,000 Arden Mutual savers will gain from a 0.25 percentage point rise that takes its easy-access rate "
     "to 4.1 percent.", True),
    ("Arden Mutual cut its easy-access rate from 4.1 percent to 3.85 percent.", False),
])
def test_a_clause_inside_a_from_phrase(claim, supported):
    evidence = ("Arden Mutual has raised its easy-access savings rate by a quarter of a percentage point to 4.1 "
                "percent. The bank said some 9,000 savers would gain.")
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, supported", [
    # TEST FIXTURE sentences (session 32): an amount a year restated a month, only for the period it is per
    ("The Kelham water rise will add roughly £7.50 a month to a typical bill.", True),
    ("The Kelham water rise will add £7.50 a year to a typical bill.", False),
    ("The Kelham water rise will add roughly £9 a month to a typical bill.", False),
])
def test_an_amount_a_year_is_a_twelfth_a_month(claim, supported):
    evidence = "The Kelham water rise will add about £90 a year to a typical bill, the regulator said."
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, supported", [
    # TEST FIXTURE sentences (session 32): a bound on the counted noun behind the evidence's adjectives
    ("Dovecote Rail ordered more than 40 trains this year.", True),
    ("Dovecote Rail ordered more than 40 carriages this year.", False),
    ("Dovecote Rail ordered more than 50 trains this year.", False),
])
def test_a_bound_on_the_noun_behind_adjectives(claim, supported):
    evidence = "Dovecote Rail ordered 42 new electric trains on Monday, its first order this year, the company said."
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 32): "a month earlier" is the month before the one the sentence names
    ("Orvia's jobless rate fell to 6.1% in March from 6.4% in February.",
     "Orvia's jobless rate fell to 6.1 percent in March, down from 6.4 percent a month earlier, officials said.", True),
    ("Orvia's jobless rate fell to 6.1% in March from 6.4% in January.",
     "Orvia's jobless rate fell to 6.1 percent in March, down from 6.4 percent a month earlier, officials said.",
     False),
    ("Orvia's exports rose to 41 billion euros in 2024 from 38 billion euros in 2023.",
     "Orvia's exports rose to 41 billion euros in 2024, up from 38 billion euros the previous year, officials said.",
     True),
    ("Orvia's exports rose to 41 billion euros in 2024 from 38 billion euros in 2022.",
     "Orvia's exports rose to 41 billion euros in 2024, up from 38 billion euros the previous year, officials said.",
     False),
])
def test_a_month_earlier_is_the_month_before(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, supported", [
    # TEST FIXTURE sentences (session 32): "N things, half of them ..." counts N/2 of them
    ("Tarnby council will hire 240 wardens, 120 of them for the old town.", True),
    ("Tarnby council will hire 240 wardens, 100 of them for the old town.", False),
])
def test_a_share_of_them_is_a_count(claim, supported):
    evidence = "Tarnby council said 240 new wardens, half of them for the old town, would be hired this spring."
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, supported", [
    # TEST FIXTURE sentences (session 32): "the city's commission" is the commission of the city the sentence names
    ("The Ostby electoral commission said turnout in Sunday's mayoral election was 41 percent.", True),
    ("The Ostby police said turnout in Sunday's mayoral election was 41 percent.", False),
])
def test_the_citys_body_is_the_named_citys(claim, supported):
    evidence = ("Turnout in Sunday's mayoral election in Ostby was 41 percent, the city's electoral commission said, "
                "down from 47 percent four years ago.")
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 32): an age given as a decade of life
    ("The Penmoor victim was in his forties.", "The Penmoor victim, aged 46, died at the scene, police said.", True),
    ("The Penmoor victim was in his thirties.", "The Penmoor victim, aged 46, died at the scene, police said.", False),
    ("The Penmoor victim was in his early 40s.", "The Penmoor victim, aged 46, died at the scene, police said.",
     False),
    ("The Penmoor victim was in his 40s.", "The Penmoor victim, in his early forties, died at the scene, police said.",
     True),
    ("The Penmoor victim was 46.", "The Penmoor victim, in his forties, died at the scene, police said.", False),
    # pence, "and a half thousand", centuries, "late on" a day
    ("A Penmoor bus ticket will cost 80p.", "A Penmoor bus ticket will cost £0.80 from May, the council said.", True),
    ("A Penmoor bus ticket will cost £2.50.", "A Penmoor bus ticket will cost 250p from May, the council said.", True),
    ("A Penmoor bus ticket will cost £3.50.", "A Penmoor bus ticket will cost 250p from May, the council said.", False),
    ("The Penmoor plant makes 2,500 vans a week.", "The Penmoor plant makes two and a half thousand vans a week.",
     True),
    ("The Penmoor viaduct was built in the 19th century.", "The Penmoor viaduct was built in 1852, the trust said.",
     True),
    ("The Penmoor viaduct was built in the nineteenth century.",
     "The Penmoor viaduct was built in 1852, the trust said.", True),
    ("The Penmoor viaduct was built in the 18th century.", "The Penmoor viaduct was built in 1852, the trust said.",
     False),
    ("The Penmoor fire started on Thursday night.", "The Penmoor fire started late on Thursday, firefighters said.",
     True),
    ("The Penmoor fire started on Thursday morning.", "The Penmoor fire started late on Thursday, firefighters said.",
     False),
])
def test_ages_pence_and_centuries(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 32): an office held for now; words shortened with a dot
    ("The interim chief executive said the Welby depot would stay open.",
     "The acting chief executive said the Welby depot would stay open.", True),
    ("The former chief executive said the Welby depot would stay open.",
     "The acting chief executive said the Welby depot would stay open.", False),
    ("The Welby Assn. said the depot would stay open.", "The Welby Association said the depot would stay open.", True),
    ("The Welby Govt. said the depot would stay open.", "The Welby government said the depot would stay open.", True),
    ("The Welby Govt. said the depot would stay open.", "The Welby council said the depot would stay open.", False),
])
def test_acting_offices_and_contractions(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 32): "1.2k" is 1,200; "a 10k race" is ten kilometres
    ("The Orrin depot employs 1,200 staff.", "The Orrin depot employs 1.2k staff, the firm said.", True),
    ("The Orrin depot employs 1,500 staff.", "The Orrin depot employs 1.2k staff, the firm said.", False),
    ("Lia Varne won the Orrin 10-kilometre race.", "Lia Varne won the Orrin 10k race on Sunday.", True),
    ("Lia Varne won the Orrin 5-kilometre race.", "Lia Varne won the Orrin 10k race on Sunday.", False),
])
def test_thousands_written_k(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 32): the early / mid / late part of a decade; "the third straight month"
    ("The Selby mill opened in the early 1970s.", "The Selby mill opened in 1972, the trust said.", True),
    ("The Selby mill opened in the early 1970s.", "The Selby mill opened in 1978, the trust said.", False),
    ("The Selby mill opened in the late 1970s.", "The Selby mill opened in 1978, the trust said.", True),
    ("The Selby mill opened in the 1970s.", "The Selby mill opened in the late 1970s, the trust said.", True),
    ("The Selby mill opened in the late 1970s.", "The Selby mill opened in the 1970s, the trust said.", False),
    ("Selby's exports fell for three months in a row.",
     "Selby's exports fell for the third consecutive month, officials said.", True),
    ("Selby's exports fell for four months in a row.",
     "Selby's exports fell for the third consecutive month, officials said.", False),
])
def test_parts_of_decades_and_months_in_a_row(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 32): "between X and Y" is one range
    ("The Ashwick plant employs between 2,000 and 3,000 people.", "The Ashwick plant employs 2,950 people.", True),
    ("The Ashwick plant employs between 2,000 and 3,000 people.", "The Ashwick plant employs 3,950 people.", False),
    ("The Ashwick plant employs 2,500 people.", "The Ashwick plant employs between 2,000 and 3,000 people.", False),
    ("The Ashwick bypass will cost between £2 and £3 million.", "The Ashwick bypass will cost £2.4m, the council said.",
     True),
    ("The Ashwick bypass will cost more than £1 million.",
     "The Ashwick bypass will cost between £2 million and £3 million, the council said.", True),
])
def test_a_range_between_two_amounts(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 32): more units and amounts in words
    ("The Brask storm brought four inches of rain.", "The Brask storm brought 10 cm of rain, forecasters said.", True),
    ("The Brask storm brought ten inches of rain.", "The Brask storm brought 10 cm of rain, forecasters said.", False),
    ("The Brask pike weighed 10 stone.", "The Brask pike weighed 63.5 kg, the angler said.", True),
    ("The Brask pike weighed 20 lbs.", "The Brask pike weighed 9 kg, the angler said.", True),
    ("The Brask pike weighed 20 lbs.", "The Brask pike weighed 20 pounds, the angler said.", True),
    ("Brask's debt is $1.2 trillion.", "Brask's debt is $1,200 billion, the ministry said.", True),
    ("Brask's debt is $1.5 trillion.", "Brask's debt is $1,200 billion, the ministry said.", False),
    ("Brask sold a million and a half cars.", "Brask sold 1.5 million cars, the firm said.", True),
    ("The Brask runner finished in 125 minutes.", "The Brask runner finished in two hours and five minutes.", True),
    ("The Brask runner finished in 2 hours 15 minutes.", "The Brask runner finished in 125 minutes.", False),
    ("Brask's exports are twice as large as its imports.",
     "Brask's exports are 100 percent more than its imports, officials said.", True),
    ("Brask's debt is 3 percent of GDP.", "Brask's debt is 3% of gross domestic product, the ministry said.", True),
    ("Brask's debt is 3 percent of GNP.", "Brask's debt is 3% of gross domestic product, the ministry said.", False),
    ("The Brask race is a 10K.", "The Brask race is 10 kilometres long.", True),
])
def test_more_units_and_amounts_in_words(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 32): edges of a period, the part of the day a time is in, ISO dates
    ("The Crale law took effect at the start of the year.", "The Crale law took effect on January 1.", True),
    ("The Crale law took effect at the end of the year.", "The Crale law took effect on January 1.", False),
    ("Crale rent is due at the start of the month.", "Crale rent is due on June 30, the council said.", False),
    ("The Crale fire started on Friday evening.", "The Crale fire started at 9pm on Friday, crews said.", True),
    ("The Crale fire started on Friday morning.", "The Crale fire started at 9pm on Friday, crews said.", False),
    ("The Crale roadworks will take place overnight.", "The Crale roadworks will take place between 10pm and 6am.",
     True),
    ("The Crale vote was held on 5 May 2024.", "The Crale vote was held on 2024-05-05, officials said.", True),
    ("The Crale vote was held on 6 May 2024.", "The Crale vote was held on 2024-05-05, officials said.", False),
])
def test_edges_of_periods_and_times_of_day(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 33): an appeal is an act, a warning issued is a warning, with / without
    ("Senator Ivo Pell called for the mayor's resignation on Monday.",
     "Senator Ivo Pell criticised the mayor on Monday over the flooding.", False),
    ("Senator Ivo Pell called for the mayor's resignation on Monday.",
     "Senator Ivo Pell demanded the mayor's resignation on Monday.", True),
    ("The Dunmore watchdog fined the airline over the delays.",
     "The Dunmore watchdog issued a warning to the airline over the delays.", False),
    ("The Dunmore watchdog warned the airline over the delays.",
     "The Dunmore watchdog issued a warning to the airline over the delays.", True),
    ("The Dunmore march went ahead with police approval.",
     "The Dunmore march went ahead without police approval, organisers said.", False),
    ("The Dunmore march went ahead without police approval.",
     "The Dunmore march went ahead without police approval, organisers said.", True),
])
def test_appeals_issued_warnings_and_with_or_without(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 33): sides and settings swapped, whose forecast it is
    ("The Ostrian mark rose to a record high against the euro on Tuesday.",
     "The euro rose to a record high against the Ostrian mark on Tuesday.", False),
    ("The euro climbed to a record high against the Ostrian mark on Tuesday.",
     "The euro rose to a record high against the Ostrian mark on Tuesday.", True),
    ("Ostrian bus fares were 5 percent lower in March than in April, the operator said.",
     "Ostrian bus fares were 5 percent lower in April than in March, the operator said.", False),
    ("Ostrian bus fares were 5 percent lower in April than in March, the operator said.",
     "Ostrian bus fares were 5 percent lower in April than in March, the operator said.", True),
    ("The Ostrian finance ministry expects inflation to ease next year.",
     "Economists at Kerr Capital expect Ostrian inflation to ease next year.", False),
    ("Economists at Kerr Capital expect inflation in Ostria to ease next year.",
     "Economists at Kerr Capital expect Ostrian inflation to ease next year.", True),
])
def test_swapped_sides_and_whose_forecast(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 33): an arranged meeting, same-thing nouns, a unit behind its number
    ("The Ostrian cabinet is scheduled to meet on Friday.", "The Ostrian cabinet will meet on Friday, aides said.",
     True),
    ("Health officials in Varn have recorded 40 new measles infections.",
     "Health officials in Varn have recorded 40 new cases of measles.", True),
    ("Health officials in Varn have recorded 45 new measles infections.",
     "Health officials in Varn have recorded 40 new cases of measles.", False),
    ("About 300 positions will be eliminated at its plant, Varn Steel said.",
     "Varn Steel said it would cut about 300 jobs at its plant.", True),
    ("Running 3,500 metres, the Varn bridge opened on Monday.",
     "The Varn bridge, which opened on Monday, is 3.5 kilometres long.", True),
    ("Varn Motors recalled tens of thousands of cars.", "Varn Motors recalled 41,000 electric cars sold in Ostria.",
     True),
])
def test_arranged_acts_same_nouns_and_units(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 33): an opposite verb negated says the same; "DOT" keeps its "of"
    ("The Tarn nurses' union vowed to reject any pay offer below inflation.",
     '"We will not accept any pay offer below inflation," the Tarn nurses\' union said.', True),
    ("The Tarn nurses' union vowed to accept the pay offer.",
     '"We will not accept the pay offer," the Tarn nurses\' union said.', False),
    ("The Tarn council rejected the housing plan on Monday.",
     "The Tarn council did not approve the housing plan on Monday, deferring a vote.", False),
    ("The Tarn DOT closed the bridge on Friday.", "The Tarn Department of Transportation closed the bridge on Friday.",
     True),
    ("The Tarn DOE closed the bridge on Friday.", "The Tarn Department of Transportation closed the bridge on Friday.",
     False),
])
def test_negated_opposites_and_acronyms_with_of(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 34): "going to" is a future, an allegation in a lawsuit, a deal announced
    ("The Marrow Street pool is going to be closed for repairs, the council said.",
     "The council will close the Marrow Street pool for six weeks of repairs, it said on Monday.", True),
    ("The Marrow Street pool has been closed for repairs, the council said.",
     "The council will close the Marrow Street pool for six weeks of repairs, it said on Monday.", False),
    ("Managers at the Dunlin depot ignored safety complaints, a lawsuit has shown.",
     "A former driver at the Dunlin depot alleges in a lawsuit that managers ignored safety complaints.", False),
    ("Orvel Foods will pay 2 billion dollars for Fenwick Dairies under a deal announced on Friday.",
     "Orvel Foods has agreed to buy Fenwick Dairies for $2bn, the companies said on Friday.", True),
])
def test_going_to_allegations_in_a_suit_and_a_deal_announced(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 34): doers swapped around a place both share, another party's act, the
    # telling itself only reported, an adjective negated, open / closed
    ("The Marlow nurses' union accused the hospital trust of hiding staffing figures.",
     "The Marlow hospital trust accused the nurses' union of hiding staffing figures, a spokesman said.", False),
    ("The Marlow hospital trust has accused the nurses' union of hiding staffing figures.",
     "The Marlow hospital trust accused the nurses' union of hiding staffing figures, a spokesman said.", True),
    ("The committee of the Ashby club rejected the new stadium plan at Tuesday's meeting.",
     "Members at Tuesday's meeting of the Ashby club rejected the new stadium plan, though the committee backed "
     "it.", False),
    ("Members of the Ashby club turned down the new stadium plan at Tuesday's meeting.",
     "Members at Tuesday's meeting of the Ashby club rejected the new stadium plan, though the committee backed "
     "it.", True),
    ("Governor Ida Marsh told donors that she will not seek a second term.",
     "Governor Ida Marsh has reportedly told donors that she will not seek a second term, according to two people "
     "at the dinner.", False),
    ("Governor Ida Marsh has reportedly told donors that she will not seek a second term.",
     "Governor Ida Marsh has reportedly told donors that she will not seek a second term, according to two people "
     "at the dinner.", True),
    ("Inspectors declared the Colne footbridge safe for use.",
     "Inspectors declared the Colne footbridge not safe for use after Tuesday's storm.", False),
    ("A jury found bus driver Omar Leck not guilty of dangerous driving on Monday.",
     "A jury at Fenby Crown Court found bus driver Omar Leck not guilty of dangerous driving on Monday.", True),
    ("The Fenby museum will be closed during the building work, the council said.",
     "The Fenby museum will stay open during the building work, the council said.", False),
])
def test_swapped_doers_another_partys_act_hearsay_and_negated_adjectives(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 34): an institution told by its kind, police for officers, an acronym keeping
    # "of" in a subject, a change said as "up 12 percent"
    ("Carrow General Hospital said visitors would not be allowed into its emergency department on Sunday.",
     "Visitors will not be allowed into Carrow General Hospital's emergency department on Sunday, the hospital "
     "said.", True),
    ("A spokeswoman for Pellow General said the ward had reopened.",
     "The ward at Pellow General Hospital has reopened, a hospital spokeswoman said on Monday.", True),
    ("The driver was a retired teacher from Ashby, according to police.",
     "Police named the driver as Tom Reel, 71, from Ashby. The retired teacher died at the scene, officers said.",
     True),
    ("Dunmore County's BOE voted to close two schools in June.",
     "The Dunmore County Board of Education voted 5-2 to close two schools in June.", True),
    ("Dunmore County's BOE voted to close two schools in June.",
     "The Dunmore County Board of Health voted 5-2 to close two schools in June.", False),
    ("Cresset Foods' yearly profit rose by more than 10 percent.",
     "Cresset Foods reported a profit of 80 million pounds for the year, up 12 percent, helped by strong exports.",
     True),
    ("Cresset Foods' yearly profit rose by 12 percent.",
     "Cresset Foods reported a profit of 80 million pounds for the year, down 12 percent, hit by weak exports.",
     False),
])
def test_institutions_by_kind_police_acronyms_with_of_and_changes_without_a_verb(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 34): a short word is a stem only before an ending ("main" is not "maintain",
    # so not "said"), a warning issued under a compound, a record the evidence does not give, a limit on a noun
    # that only describes another
    ("Scientists at Harlow University found the toxin in water samples from Harlow's main reservoir in May.",
     "Scientists at Harlow University found the toxin in water samples taken in Harlow in May, the university "
     "said.", False),
    ("Harlow University scientists found the toxin in water samples taken in Harlow in May.",
     "Scientists at Harlow University found the toxin in water samples taken in Harlow in May, the university "
     "said.", True),
    ("Pellcraft has recalled its Nova space heater after reports of overheating.",
     "Pellcraft has issued a safety warning about its Nova space heater after reports of overheating.", False),
    ("Pellcraft has warned customers about its Nova space heater after reports of overheating.",
     "Pellcraft has issued a safety warning about its Nova space heater after reports of overheating.", True),
    ("Ostley Bank reported a record annual profit on Tuesday.",
     "Ostley Bank reported a higher annual profit on Tuesday, helped by lending growth.", False),
    ("Ostley Bank reported a record annual profit on Tuesday.",
     "Ostley Bank reported its highest annual profit yet on Tuesday, helped by lending growth.", True),
    ("Imran Sattar, a bus driver, said he could not support cuts to evening services.",
     "Imran Sattar, a former bus driver, said he could not support cuts to evening services.", False),
])
def test_stems_compound_warnings_records_and_limits_on_heads(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


def test_a_short_word_is_a_stem_only_before_an_ending():
    from qa.verify.lexicon import derived
    assert derived("grow", "growth") and derived("plan", "planning") and derived("bomb", "bombing")
    assert not derived("main", "maintain") and not derived("term", "terminate")


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 34): a comparison told from the other side, same-thing nouns of disputes and
    # pay
    ("An Orrin College study published on Friday found that seedlings kept under white light matured more slowly "
     "than those under green light.",
     "Researchers at Orrin College found that seedlings grown under green light matured faster than those grown "
     "under white light, according to a study published on Friday.", True),
    ("An Orrin College study published on Friday found that seedlings kept under white light matured more quickly "
     "than those under green light.",
     "Researchers at Orrin College found that seedlings grown under green light matured faster than those grown "
     "under white light, according to a study published on Friday.", False),
    ("Ferry crews in Oban Sound will strike for two days from Monday in a row over wages, their union said.",
     "Ferry crews in Oban Sound will walk out for two days from Monday in a dispute over pay, the Marine Workers "
     "Union said.", True),
])
def test_comparisons_from_the_other_side_and_same_thing_nouns(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 34): a councillor the small tagger calls an organisation is a person, so "the
    # former nurse" after the name is that person
    ("Omar Haddon said he could not support the decision to close two clinics.",
     "Councillor Omar Haddon has resigned from the Pelby planning committee. The former nurse said he could not "
     "support the decision to close two clinics.", True),
    ("Ines Duarte said she could not support the decision to sell the town hall.",
     "Councillor Ines Duarte has stepped down from the Ashby finance committee. The former accountant said she "
     "could not support the decision to sell the town hall.", True),
    ("Mayor Leo Brandt said he could not support the decision to close two clinics.",
     "Councillor Omar Haddon has resigned from the Pelby planning committee. The former nurse said he could not "
     "support the decision to close two clinics.", False),
])
def test_a_titled_name_tagged_as_an_organisation_is_a_person(claim, evidence, supported):
    from qa.verify.api import check_text

    result = check_text(claim, evidence)  # the passage is its own article: the name is given before "the nurse"
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 34): "there could be" is a possibility, a report's finding credited to the
    # party that disputed it, the accusing side's account, a plan's act, another season, a loan is no gift
    ("Divers in Varna Bay say there are still passengers inside the sunken ferry.",
     "Divers in Varna Bay say there could still be passengers inside the sunken ferry, the coastguard said.", False),
    ("Divers in Varna Bay say there may still be passengers inside the sunken ferry.",
     "Divers in Varna Bay say there could still be passengers inside the sunken ferry, the coastguard said.", True),
    ("Local traders concluded that the new bypass had cut town-centre traffic by a third.",
     "The review by the Marsh County Highways Board concluded that the new bypass had cut town-centre traffic by "
     "a third. Local traders disputed that figure, saying the streets were as busy as before.", False),
    ("Former Kelby clerk Ana Ruiz took about £90,000 from the parish accounts.",
     "Prosecutors in the trial of former Kelby clerk Ana Ruiz say she took about £90,000 from the parish accounts. "
     "Ruiz denies the charge.", False),
    ("Former Kelby clerk Ana Ruiz has been charged with fraud.",
     "Former Kelby clerk Ana Ruiz was charged with fraud on Monday, prosecutors said. Her lawyer said the charge "
     "was unfounded.", True),
    ("Penford councillors have approved plans to demolish the old corn exchange.",
     "Penford councillors have approved plans to restore the old corn exchange, the council said.", False),
    ("Penford councillors have backed plans to restore the old corn exchange.",
     "Penford councillors have approved plans to restore the old corn exchange, the council said.", True),
    ("Ashby Town will play at the rebuilt Mill Lane ground this season.",
     "Ashby Town will play at the rebuilt Mill Lane ground next season, the club said.", False),
    ("The Corran gallery has donated a Flemish altarpiece to the Velsk city museum.",
     "The Corran gallery has loaned a Flemish altarpiece to the Velsk city museum for a show running until May.",
     False),
])
def test_possibility_other_partys_finding_accusers_plans_seasons_and_loans(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 34): common nouns and police ranks written as initials; a claim naming both
    # periods it compares
    ("A Marbury GP, Dr Ilse Kern, said her practice had seen more measles cases this spring.",
     "Dr Ilse Kern, a general practitioner in Marbury, said her practice had seen more measles cases this spring.",
     True),
    ("Staff at Orvel Bank's Dunmore HQ were sent home on Monday after a power cut, the bank said.",
     "Staff at the headquarters of Orvel Bank in Dunmore were sent home on Monday after a power cut, the bank said.",
     True),
    ("DCI Tom Okafor said detectives were keeping an open mind about the cause of the blaze.",
     "Detective Chief Inspector Tom Okafor said detectives were keeping an open mind about the cause of the blaze.",
     True),
    ("The injured cyclist was taken to the accident and emergency department at Kelby General.",
     "Paramedics said the injured cyclist had been taken to A&E at Kelby General.", True),
    ("Dr Ilse Kern said her practice had seen double last spring's number of measles cases this spring.",
     "Dr Ilse Kern said her practice had seen twice as many measles cases this spring as last.", True),
])
def test_initials_of_common_nouns_and_ranks_and_two_periods_compared(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 34): "a two-and-a-half-hour climb" is 150 minutes; "dept" is "department"
    ("It took the Carrick rescuers 150 minutes to reach the stranded climber.",
     "The Carrick rescue team reached the stranded climber after a two-and-a-half-hour climb, a spokesman said.",
     True),
    ("It took the Carrick rescuers 120 minutes to reach the stranded climber.",
     "The Carrick rescue team reached the stranded climber after a two-and-a-half-hour climb, a spokesman said.",
     False),
    ("Velsk's health dept said the clinic would reopen on Monday.",
     "The Department of Health in Velsk said the clinic would reopen on Monday.", True),
])
def test_hyphenated_halves_and_dept(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 35): a comparison whose comparative stands several words before "than", or
    # whose side is a clause ("patients given the new drug"); swapped sides are refused, kept sides accepted
    ("The Orrin valley produced more barley per hectare of farmland than the Tessel valley, the survey found.",
     "The Tessel valley produced more barley per hectare of farmland than the Orrin valley, the survey found.",
     False),
    ("The Tessel valley produced more barley per hectare of farmland than the Orrin valley, the survey found.",
     "The Tessel valley produced more barley per hectare of farmland than the Orrin valley, the survey found.",
     True),
    ("Patients taking the older inhaler had fewer attacks after three months than those on the new inhaler.",
     "Patients given the new inhaler had fewer attacks after three months than those on the older inhaler, the "
     "Marlow clinic said.", False),
    ("The solvent being withdrawn is more harmful to bees than the new spray replacing it, the institute said.",
     "Trials showed the new spray was more harmful to bees than the solvent it is meant to replace, the institute "
     "said.", False),
])
def test_comparisons_with_distant_comparatives_and_clause_sides(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 35): a thing that falls restates what something else cut or lowered (the
    # rise side was already so: "raised" / "rose"); the opposite direction is still refused
    ("Barley yields in the Orrin valley have fallen by a quarter this year, the growers' board said.",
     "The frost has cut barley yields in the Orrin valley by 25 percent this year, the growers' board said.", True),
    ("The Kessel ring road's limit will drop to 60 km/h, the roads office says.",
     "The roads office said the speed limit on the Kessel ring road would be lowered to 60 km/h.", True),
    ("Barley yields in the Orrin valley have risen by a quarter this year, the growers' board said.",
     "The frost has cut barley yields in the Orrin valley by 25 percent this year, the growers' board said.",
     False),
])
def test_a_fall_restates_a_cut(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("text, values", [
    # TEST FIXTURE sentences (session 35): number words in runs (text2num), times of day in words, "over" inside a
    # word, and "over" a span after a thing
    ("The firm must repay one thousand four hundred pounds.", [(1400.0, "pound", None)]),
    ("The van was doing one hundred and three miles per hour.", [(103.0, "mph", None)]),
    ("Thirty-two people and nine dogs were rescued.", [(32.0, "person", None), (9.0, None, None)]),
    ("The alarm went off at a quarter to four in the morning.", [(225.0, "clock", None)]),
    ("The alarm went off at ten o'clock at night.", [(1320.0, "clock", None)]),
    ("The alarm went off at twenty past nine.", []),  # 9:20 or 21:20: not read
    ("Crews had to cover 2,400 metres of track.", [(2400.0, "metre", None)]),
    ("She sent 40 letters to Dunmore Council over three years.", [(40.0, None, None), (3.0, "year", "span")]),
    ("He served over three years in the post.", [(3.0, "year", "more")]),
])
def test_number_words_clock_words_and_over(text, values):
    assert [(q.value, q.unit, q.qualifier) for q in quantities(text) if not q.derived] == values


@pytest.mark.parametrize("claim, supported", [
    ("The Harlan depot fire was reported at half past three in the morning.", True),
    ("The Harlan depot fire was reported at half past three in the afternoon.", False),
    ("The Harlan depot fire was reported at a quarter past three in the morning.", False),
])
def test_a_worded_time_of_day_against_a_clock(claim, supported):
    result = check_support(claim, ["The fire at the Harlan depot was reported at 3.30am, the fire service said."])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 35): "the researcher", "the marine geologist" continue the scientist the
    # passage named (even when the small tagger calls the noun a proper noun); not a person of another kind
    ("Maria Lopes says sea ice in the bay has thinned by a fifth since 2001.",
     "The climate scientist Maria Lopes spoke at the Tarrow symposium on Friday. According to the researcher, sea "
     "ice in the bay has thinned by a fifth since 2001.", True),
    ("Dr Piet Albers said this spring's count found about 400 grey seals.",
     "Dr Piet Albers has counted seals on Kell Island since 1998. The veteran zoologist said this spring's count "
     "found about 400 grey seals.", True),
    ("Mayor Tom Kell says sea ice in the bay has thinned by a fifth since 2001.",
     "Mayor Tom Kell opened the Tarrow symposium on Friday. According to the researcher, sea ice in the bay has "
     "thinned by a fifth since 2001.", False),
])
def test_a_researcher_continues_the_scientist_named(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 35): micrograms for milligrams; a counted group of speakers as a percentage
    # and without who polled them; "twice as numerous" for "doubled"; "reported no rise" is a report that there was
    # none; a doer described by a relative clause is the same doer as in the claim
    ("Lead in the Harrow school's tap water reached 300 micrograms per litre, the council said.",
     "Lead in tap water at the Harrow school reached 0.3 milligrams per litre, the council said.", True),
    ("Lead in the Harrow school's tap water reached 30 micrograms per litre, the council said.",
     "Lead in tap water at the Harrow school reached 0.3 milligrams per litre, the council said.", False),
    ("In the Kelby nurses' union poll, 75% of the 2,000 nurses polled said they planned to leave within a year.",
     "Three-quarters of the 2,000 nurses surveyed by the Kelby nurses' union said they planned to leave within a "
     "year.", True),
    ("In the Kelby nurses' union poll, 70% of the 2,000 nurses polled said they planned to leave within a year.",
     "Three-quarters of the 2,000 nurses surveyed by the Kelby nurses' union said they planned to leave within a "
     "year.", False),
    ("Otters on the Brill estuary have become twice as numerous since 2015, the wildlife trust says.",
     "The number of otters on the Brill estuary has doubled since 2015, the wildlife trust said.", True),
    ("Kell hospital investigators reported no rise in infections among patients over two years.",
     "Patients on the ward were followed for 24 months and showed no increase in infections, investigators at Kell "
     "hospital reported.", True),
    ("Kell hospital investigators reported no rise in infections among patients.",
     "Investigators at Kell hospital reported a rise in infections among patients.", False),
    ("Patients fell asleep sooner after using the Dorne breathing app for ten days, a small study found.",
     "Patients who used the Dorne breathing app for ten days reported falling asleep sooner, a small study found.",
     True),
])
def test_units_counted_speakers_times_as_reports_of_none_and_described_doers(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 35): the same act done to the other party, each party's other role swapped;
    # "the committee chair" for the person "who chairs" it; "the defendant" for the person on trial, not the judge
    ("A cyclist was hurt while being stopped by a traffic warden on Kell Street on Monday.",
     "A traffic warden on Kell Street was hurt while stopping a cyclist on Monday.", False),
    ("A traffic warden was hurt while stopping a cyclist on Kell Street on Monday.",
     "A traffic warden on Kell Street was hurt while stopping a cyclist on Monday.", True),
    ("Tomas Reyne said the bridge would stay shut for at least a month.",
     "Councillor Tomas Reyne, who chairs Harby's highways committee, inspected the bridge on Monday. The committee "
     "chair said it would stay shut for at least a month.", True),
    ("Lena Marsh denies fraud.",
     "Jurors at Kelby Crown Court heard that Lena Marsh, 44, had taken £30,000 from the charity. The defendant "
     "denies fraud, and the trial continues.", True),
    ("Judge Owen Pryce denies fraud.",
     "Judge Owen Pryce told jurors at Kelby Crown Court that Lena Marsh, 44, had taken £30,000 from the charity. "
     "The defendant denies fraud.", False),
])
def test_undergoers_swapped_offices_in_relative_clauses_and_the_defendant(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 35): a comparison whose side is the other text's setting; a collision told
    # with another verb, its vehicles swapped; sides that differ by a word under the other argument's head
    ("The Orme branch had more delays than the Kessock branch during Monday's snow, the operator said.",
     "Monday's snow caused more delays on the Kessock branch than on the Orme branch, the operator said.", False),
    ("The Kessock branch had more delays than the Orme branch during Monday's snow, the operator said.",
     "Monday's snow caused more delays on the Kessock branch than on the Orme branch, the operator said.", True),
    ("A tractor ran into the side of a parked van on Mill Lane at about 9am.",
     "A van reversing on Mill Lane crashed into the side of a parked tractor at about 9am.", False),
    ("A van ran into the side of a parked tractor on Mill Lane at about 9am.",
     "A van reversing on Mill Lane crashed into the side of a parked tractor at about 9am.", True),
    ("Police said a goods van had run into the rear of a delivery van waiting at the lights on Kell Road.",
     "Police said the delivery van had run into the rear of a goods van that was waiting at the lights on Kell Road.",
     False),
    ("The Harlow firm ran into difficulties after the order was cancelled.",
     "The Harlow firm faced difficulties after the order was cancelled.", True),
])
def test_settings_as_sides_and_collisions_swapped(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 35): pleas either way; thieves "took" what was stolen; debris "cleared" is
    # removed; people "stranded" are cut off; homes "left without" power lost it; CCTV
    ("Owen Tarr, 42, admitted assaulting a bus driver and was remanded in custody.",
     "Owen Tarr, 42, pleaded not guilty to assaulting a bus driver and was remanded in custody.", False),
    ("Owen Tarr, 42, pleaded not guilty to assaulting a bus driver.",
     "Owen Tarr, 42, pleaded guilty to assaulting a bus driver and was remanded in custody.", False),
    ("Owen Tarr, 42, admitted assaulting a bus driver.",
     "Owen Tarr, 42, pleaded guilty to assaulting a bus driver and was remanded in custody.", True),
    ("Police said lead worth £40,000 was stolen from the roof of St Anne's church.",
     "Thieves took lead worth £40,000 from the roof of St Anne's church, police said.", True),
    ("Crews worked for three hours to remove the fallen tree from the A61.",
     "Crews spent three hours clearing the fallen tree from the A61.", True),
    ("Four walkers cut off on a sandbank at Selby Point were rescued by the coastguard.",
     "The coastguard rescued four walkers who had become stranded on a sandbank at Selby Point.", True),
    ("About 300 homes in Dunmore lost power after the storm.",
     "Around 300 homes in Dunmore were left without power after the storm.", True),
    ("Police are examining CCTV from a shop on Mill Street after the robbery.",
     "Officers are studying closed-circuit television footage from a shop on Mill Street after the robbery.", True),
])
def test_pleas_takings_clearings_strandings_losses_and_cctv(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 35): a team for researchers of one institute; banned is more than restricted;
    # culled is not vaccinated
    ("According to the Marlow Institute team, eels in the Tarn grew faster in warmer summers.",
     "Researchers at the Marlow Institute said eels in the Tarn grew faster in warmer summers.", True),
    ("Kelby council has banned barbecues in its parks for the rest of July.",
     "Kelby council has restricted barbecues in its parks for the rest of July.", False),
    ("Rangers culled 200 deer on the Harrow estate last winter.",
     "Rangers vaccinated 200 deer on the Harrow estate last winter.", False),
])
def test_teams_of_researchers_bans_and_culls(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 35): verbs the thesaurus now puts together (and one it still keeps apart)
    ("Gusts of about 100 kilometres per hour were recorded at Kell harbour, the forecaster said.",
     "Wind gusts reached 100 kilometres per hour at Kell harbour, the forecaster said.", True),
    ("Councillor Ana Ruiz wants an inquiry into the closure of the Kell library.",
     "Councillor Ana Ruiz has called for an inquiry into the closure of the Kell library.", True),
    ("Tom Reyes has taken over as head coach of Kell Rovers.",
     "Tom Reyes has been appointed head coach of Kell Rovers, the club said.", True),
    ("The two leaders will meet in Vienna next week.",
     "The two leaders will hold talks in Vienna next week, officials said.", True),
    ("The two leaders will sign a treaty in Vienna next week.",
     "The two leaders will hold talks in Vienna next week, officials said.", False),
])
def test_recorded_called_for_taken_over_as_and_held_talks(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("text, values", [
    # TEST FIXTURE sentences (session 35): two-thirds of a whole as its count (derived); "a third full" as a share;
    # "stage three" as a rank (ordinal)
    ("Two-thirds of the 300 members voted for the merger.",
     [(66.67, "percent", False, False), (300.0, None, False, False), (200.0, None, False, True)]),
    ("The lake is just over a quarter full.", [(25.0, "percent", False, False)]),
    ("She crashed on stage four of the race.", [(4.0, None, True, False)]),
    ("The trial entered day 12 on Monday.", [(12.0, None, True, False)]),
    ("The stay lasted four days.", [(4.0, "day", False, False)]),
])
def test_shares_of_wholes_fullness_and_numbered_parts(text, values):
    assert [(q.value, q.unit, q.ordinal, q.derived) for q in quantities(text)] == values


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 36): a speaker named by what the sentence itself says of it ("the dam's
    # operator", "officials in his office"), a statement or report from a body as the body's word, state media as a
    # named source, and "MoD" for "Ministry of Defence"; another body in each place is still refused
    ("The Carrow reservoir's operator says rebels shelled positions 3,000 metres from the reservoir.",
     "Rebels shelled positions 3,000 metres from the Carrow reservoir, the reservoir's operator said.", True),
    ("The Kelso reservoir's operator says rebels shelled positions 3,000 metres from the reservoir.",
     "Rebels shelled positions 3,000 metres from the Carrow reservoir, the reservoir's operator said.", False),
    ("Aides in Mira Voss's office say she will probably travel to Dunmere.",
     "Premier Mira Voss will probably travel to Dunmere next week, two aides in her office said.", True),
    ("The Alliance's secretariat said the measure was backed by all nine member states.",
     "The measure was backed by all nine member states, according to a statement from the Alliance's secretariat.",
     True),
    ("Half of the recruits are under 18, according to the Youth Rights Watch.",
     "One in two of the recruits are under 18, according to a report by the Youth Rights Watch.", True),
    ("Half of the recruits are under 18, according to the militia.",
     "One in two of the recruits are under 18, according to a report by the Youth Rights Watch.", False),
    ("According to Tavrian state media, President Ola Brenn has signed a decree calling up reservists.",
     "State media in Tavria reported that President Ola Brenn signed a decree mobilising 30,000 reservists.", True),
    ("The MoD said drones struck a depot near Kelvar.",
     "Drones struck a depot near Kelvar overnight, the Ministry of Defence said.", True),
    ("The MoJ said drones struck a depot near Kelvar.",
     "Drones struck a depot near Kelvar overnight, the Ministry of Defence said.", False),
    ("The ministry said half of the 800 soldiers would be pulled out of Orsk.",
     "Half of the 800 troops stationed in Orsk will be withdrawn, the ministry said.", True),
])
def test_speakers_named_by_their_sentence_and_soldiers_as_troops(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 36): a doer the text does not have, where the parser split "the opposition
    # Torvan League" into two subjects; "drove out" and "pushed out" as one act, swapped parties refused; a
    # ceasefire announced is an act, which "might be announced" does not support; announced results still report
    ("Foreign observers have accused the police of beating protesters in Ostel.",
     "The opposition Torvan League accused the police of beating protesters in Ostel, a charge the police denied.",
     False),
    ("The opposition accused the police of beating protesters in Ostel.",
     "The opposition Torvan League accused the police of beating protesters in Ostel, a charge the police denied.",
     True),
    ("The army says the Red Ridge militia drove government troops out of Kessby on Sunday.",
     "Government troops pushed the Red Ridge militia out of the village of Kessby on Sunday, the army said.", False),
    ("The army says government troops drove the Red Ridge militia out of Kessby on Sunday.",
     "Government troops pushed the Red Ridge militia out of the village of Kessby on Sunday, the army said.", True),
    ("Orvan officials announced a truce in Dell on Monday.",
     "Orvan officials said a truce in Dell might be announced later on Monday if talks went well.", False),
    ("Orvan officials announced a truce in Dell on Monday.",
     "Orvan officials on Monday announced a truce in Dell.", True),
    ("Marden Labs plans to seek approval for Tovex next year.",
     "Marden Labs and Ostel University announced positive results from a trial of Tovex. The company said it would "
     "apply for approval next year.", True),
])
def test_split_subjects_driving_out_and_announced_acts(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 36): a count by its initials ("IDPs"), monitors for observers, staff pulled out
    # for staff evacuated; another counted noun is still refused
    ("The governor says more than 30,000 IDPs are living in camps around Tarn.",
     "More than 30,000 internally displaced persons are living in camps around Tarn, the governor said.", True),
    ("The governor says more than 30,000 refugees are living in camps around Tarn.",
     "More than 30,000 internally displaced persons are living in camps around Tarn, the governor said.", False),
    ("Harrow Mission monitors reported mortars being fired close to Dask.",
     "Observers from the Harrow Mission reported mortar fire near the village of Dask.", True),
    ("Orrin Oil says it has pulled all non-essential staff out of its Kell field.",
     "Orrin Oil said on Tuesday it had evacuated all non-essential staff from its Kell field.", True),
])
def test_initials_of_a_counted_noun_monitors_and_evacuations(claim, evidence, supported):
    result = check_support(claim, [evidence])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 36): "his deputy" is not the man "his" stands for; a report's own "is thought
    # to" stays a belief when the claim cites that report
    ("General Ada Morr said the battalion was short of fuel.",
     "General Ada Morr told troops that supplies were on their way, according to an army video. Her deputy, Colonel "
     "Ivo Brandt, later told reporters that the battalion was short of fuel.", False),
    ("Colonel Ivo Brandt said the battalion was short of fuel.",
     "General Ada Morr told troops that supplies were on their way, according to an army video. Her deputy, Colonel "
     "Ivo Brandt, later told reporters that the battalion was short of fuel.", True),
    ("The Wetland Trust report says drainage contributed to the decline of curlews in the Ostmoor fens.",
     "Drainage is thought to have contributed to the decline of curlews in the Ostmoor fens, a report by the "
     "Wetland Trust said.", False),
    ("The Wetland Trust report says drainage is thought to have contributed to the decline of curlews in the "
     "Ostmoor fens.",
     "Drainage is thought to have contributed to the decline of curlews in the Ostmoor fens, a report by the "
     "Wetland Trust said.", True),
])
def test_a_deputy_is_not_his_chief_and_a_reports_belief(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)  # the article's context resolves "her"
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 36): "the Passenger Voice group" names itself: not the company named before
    # it; "hit" restates "affect", so "would not affect" refuses "would be hit"
    ("Kestrel Rail described the disruption as unacceptable.",
     "A spokesperson for Kestrel Rail said the delays were caused by a broken-down freight train. The Passenger "
     "Voice group called the disruption 'unacceptable'.", False),
    ("The Passenger Voice group described the disruption as unacceptable.",
     "A spokesperson for Kestrel Rail said the delays were caused by a broken-down freight train. The Passenger "
     "Voice group called the disruption 'unacceptable'.", True),
    ("Dunmore Buses warned that routes in Elmfield would be hit by the strike.",
     "Dunmore Buses said the strike would not affect routes in Elmfield, but warned of disruption elsewhere.", False),
    ("Dunmore Buses said routes in Elmfield would not be hit by the strike.",
     "Dunmore Buses said the strike would not affect routes in Elmfield, but warned of disruption elsewhere.", True),
])
def test_a_body_named_by_its_own_words_and_hit_as_affect(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 36): a bare spokesperson speaks on the record for the body whose act they
    # report; not for another body, nor when the spokesperson speaks for someone named
    ("The police said they had opened an investigation.",
     "Police have opened an investigation, a spokeswoman said.", True),
    ("According to the operator, all Friday sailings to Orne were cancelled.",
     "The Velle Isles ferry operator cancelled all Friday sailings to Orne because of high winds, a company "
     "spokesperson said.", True),
    ("The army said police had opened an investigation.",
     "Police have opened an investigation, a spokeswoman said.", False),
    ("Police said they had opened an investigation.",
     "Police have opened an investigation, a spokeswoman for the mayor said.", False),
])
def test_a_spokesperson_for_the_body_whose_act_they_report(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, supported", [
    # TEST FIXTURE sentences (session 36): "the first week" is the first seven days, not the first ten
    ("A third of the tanks were lost in the offensive's first seven days.", True),
    ("A third of the tanks were lost in the offensive's first 10 days.", False),
])
def test_the_first_week_as_seven_days(claim, supported):
    result = check_support(claim, ["A third of the tanks were lost in the first week of the offensive."])
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 37): "ruled out using X" and "had yet to" say it did not happen; "ruled out
    # X, saying ..." keeps what follows the comma as said
    ("The mayor said rangers would be used to patrol the dunes.",
     "The mayor ruled out using rangers to patrol the dunes.", False),
    ("The mayor said rangers would not be used to patrol the dunes.",
     "The mayor ruled out using rangers to patrol the dunes.", True),
    ("The mayor ruled out army involvement, saying its police must handle the protests.",
     "The mayor ruled out army involvement and said its police must handle the protests.", True),
    ("The tribunal has ruled on the Hessel appeal.",
     "The tribunal has yet to rule on the Hessel appeal, its registrar said.", False),
    ("The tribunal has not yet ruled on the Hessel appeal.",
     "The tribunal has yet to rule on the Hessel appeal, its registrar said.", True),
])
def test_ruled_out_using_and_yet_to_are_negations(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 37): a share of a group as the speaker, compared as a number; a person
    # quoted by a broadcaster speaks (the broadcaster relays); a named person is not "the ferry company" that
    # speaks in another sentence; a body by the description the evidence gives it in apposition
    ("Inspectors say almost 50% of Tarven's bakeries failed hygiene checks.",
     "Nearly half of the bakeries in Tarven failed hygiene checks, according to inspectors.", True),
    ("Inspectors say almost 70% of Tarven's bakeries failed hygiene checks.",
     "Nearly half of the bakeries in Tarven failed hygiene checks, according to inspectors.", False),
    ("Premier Ansel Roe said the budget was final.",
     "Radio Norvik quoted Premier Ansel Roe as saying that the budget was 'final and complete'.", True),
    ("Radio Norvik said the budget was final.",
     "Radio Norvik quoted Premier Ansel Roe as saying that the budget was 'final and complete'.", True),
    ("Finance Minister Ida Kell said the budget was final.",
     "Radio Norvik quoted Premier Ansel Roe as saying that the budget was 'final and complete'.", False),
    ("Ada Venn says sailings will resume on Friday.",
     "Harbourmaster Ada Venn told reporters that the quay had reopened. The ferry company said sailings would "
     "resume on Friday.", False),
    ("Tarven's water regulator says all wells will remain closed until Monday.",
     "The TWA, Tarven's water regulator, announced that all wells would stay closed until Monday.", True),
    ("Tarven's health ministry says all wells will remain closed until Monday.",
     "The TWA, Tarven's water regulator, announced that all wells would stay closed until Monday.", False),
])
def test_shares_quoted_speakers_and_apposition(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 37): "several hundred" is "hundreds of"; a ranking or a reason the evidence
    # does not give is added ("at the earliest" is a bound, not a ranking)
    ("Hundreds of farmers have gathered outside the ministry.",
     "Several hundred farmers have gathered outside the ministry.", True),
    ("Thousands of farmers have gathered outside the ministry.",
     "Several hundred farmers have gathered outside the ministry.", False),
    ("The Harbour Street march, the largest since the strike of 1998, drew thousands.",
     "The march on Harbour Street drew thousands, organisers said.", False),
    ("The tunnel will not open until 2029 at the earliest, the minister said.",
     "The minister said the tunnel would not open before 2029.", True),
    ("Two reporters were deported on Monday for filming without a permit.",
     "Two reporters were deported on Monday, the interior ministry said.", False),
])
def test_several_hundred_and_added_rankings_and_reasons(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 37): verbs the thesaurus now knows ("dispersed" is not "detained", "holds a
    # session" is meeting, "questioned" is asking, "called home" is recalling, "throttled" is not "shut down",
    # "stepped into" is intervening, "gave up his seat" is resigning it); "drove X off" as "chased X off"
    ("Police dispersed dozens of fans outside the stadium.", "Police detained dozens of fans outside the stadium.",
     False),
    ("The harbour board will meet in emergency session on Friday.",
     "The harbour board will hold an emergency session on Friday, its chairman said.", True),
    ("Lena Moss says detectives asked her about the missing ledgers.",
     "Lena Moss said detectives had questioned her about the missing ledgers.", True),
    ("Norvik's envoy in Tarven has been called home for consultations.",
     "Norvik is recalling its envoy in Tarven for consultations.", True),
    ("Relay Net shut down mobile internet in Orbe.", "Relay Net throttled mobile internet speeds in Orbe.", False),
    ("The central bank said it stepped into the bond market on Friday.",
     "The central bank said it had not intervened in the bond market on Friday.", False),
    ("Councillor Ivo Dane has given up his seat in protest.", "Councillor Ivo Dane resigned his seat in protest.",
     True),
    ("Farmers drove the hunters off the Orbe common.", "The hunters chased farmers off the Orbe common.", False),
    ("The hunters drove farmers off the Orbe common.", "The hunters chased farmers off the Orbe common.", True),
])
def test_session_37_verbs(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


def test_the_incumbent_is_the_president_named_before():
    # TEST FIXTURE sentences (session 37): "the incumbent" describes a person, like "the banker"
    evidence = ("President Oda Ferrin addressed the nation on Friday. Looking tired, the incumbent announced that "
                "she would meet the strikers.")
    assert check_support("Oda Ferrin announced she would meet the strikers.", [evidence], context=evidence).supported


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 37): two sources in one sentence, each with its own words ("her deputy" is not
    # the minister "her" stands for, even when the tagger does not take "Brink" for a person); the source whose
    # words hold the claim's verb; a party inside what a newspaper reports is not the newspaper; a figure one
    # source gives is not another's
    ("Brink told parliament that the bridge project was running about 12 percent over budget.",
     "The transport minister, Ola Brink, told parliament on Tuesday that the first span of the new bridge would "
     "open in 2027, while her deputy, Tor Vasse, who oversees the works, said the bridge project was running about "
     "12 percent over budget.", False),
    ("Vasse said the bridge project was running about 12 percent over budget.",
     "The transport minister, Ola Brink, told parliament on Tuesday that the first span of the new bridge would "
     "open in 2027, while her deputy, Tor Vasse, who oversees the works, said the bridge project was running about "
     "12 percent over budget.", True),
    ("According to residents, nobody was seriously hurt in the explosion at the Orrin Paints depot.",
     "Residents interviewed by local radio said the explosion shook windows across the town, while the depot's "
     "owner, Orrin Paints, said in a statement that the blast had been contained and that nobody had been "
     "seriously hurt.", False),
    ("The national bank said its board had been split six to three on the rate decision.",
     "The Harwell Courier, citing leaked minutes, reported that the national bank's board had been split six to "
     "three on Thursday's rate decision; the bank itself declined to comment.", False),
    ("The Harwell Courier reported that the national bank's board had been split six to three on the rate "
     "decision.",
     "The Harwell Courier, citing leaked minutes, reported that the national bank's board had been split six to "
     "three on Thursday's rate decision; the bank itself declined to comment.", True),
    ("The navy has acknowledged losing three patrol boats off Osk.",
     "The rebels claimed their fighters had sunk three navy patrol boats off Osk, while the navy acknowledged "
     "losing one, saying it had run aground. Neither account could be verified.", False),
    ("The rebels claimed their fighters had sunk three navy patrol boats off Osk.",
     "The rebels claimed their fighters had sunk three navy patrol boats off Osk, while the navy acknowledged "
     "losing one, saying it had run aground. Neither account could be verified.", True),
    ("The army has acknowledged losing two drones over Vell.",
     "The militia claimed its fighters had shot down two army drones over Vell, while the army acknowledged losing "
     "one, saying it had malfunctioned.", False),
    ("The army has acknowledged losing one drone over Vell.",
     "The militia claimed its fighters had shot down two army drones over Vell, while the army acknowledged losing "
     "one, saying it had malfunctioned.", True),
])
def test_each_source_keeps_its_own_words_and_figures(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


def test_the_diplomat_is_the_minister_named_before():
    # TEST FIXTURE sentences (session 37): "the diplomat" after the foreign minister is named describes her
    evidence = ("Tarvia's foreign minister, Edda Lune, arrived in Osk on Monday for talks. The diplomat told "
                "reporters the discussions would centre on grain exports.")
    result = check_support("Edda Lune told reporters that the talks would focus on grain exports.", [evidence],
                           context=evidence)
    assert result.supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 38): seconds are a time unit ("90 seconds" is "a minute and a half"); a
    # fraction after "and" is part of the number ("three and three-quarter million"), also hyphenated as one
    # modifier; a bare count in the evidence ("attendance reached 86,000") bounds "more than 80,000 people"
    ("Tarrell finished 90 seconds ahead of Holm.", "Tarrell finished a minute and a half ahead of Holm.", True),
    ("Tarrell finished 80 seconds ahead of Holm.", "Tarrell finished a minute and a half ahead of Holm.", False),
    ("Tarrell finished a minute and a half ahead of Holm.", "Tarrell finished 90 seconds ahead of Holm.", True),
    ("The council faces a shortfall of three and three-quarter million pounds.",
     "The council faces a budget gap of 3.75 million pounds.", True),
    ("The council faces a shortfall of three and a quarter million pounds.",
     "The council faces a budget gap of 3.75 million pounds.", False),
    ("Hallow Systems won a three-quarters-of-a-billion-dollar contract.",
     "Hallow Systems has won a contract worth 750 million dollars.", True),
    ("Hallow Systems won a half-a-billion-dollar contract.",
     "Hallow Systems has won a contract worth 750 million dollars.", False),
    ("Organisers said more than 80,000 people came to the festival.",
     "Attendance at the festival reached 86,000, organisers said.", True),
    ("Organisers said more than 90,000 people came to the festival.",
     "Attendance at the festival reached 86,000, organisers said.", False),
])
def test_seconds_fractions_after_and_and_bare_counts(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 38): a passive "was told" is what happened to its subject, not a report;
    # an act the evidence plainly denies ("Nobody was injured") may not be used as done, however the claim is
    # parsed (a condition is no denial); "no difference" denies the claim's "differed"
    ("The inspector said she had been told about the leak before the audit.",
     "The inspector said she had never been told about the leak before the audit.", False),
    ("The inspector said she had not been told about the leak before the audit.",
     "The inspector said she had never been told about the leak before the audit.", True),
    ("The blast at the Morrow depot injured workers and damaged two trucks.",
     "Nobody was injured in the blast at the Morrow depot, but two trucks were damaged.", False),
    ("The blast at the Morrow depot damaged two trucks.",
     "Nobody was injured in the blast at the Morrow depot, but two trucks were damaged.", True),
    ("The union said it may strike unless the council raises pay.",
     "The union said it may strike if the council does not raise pay.", True),
    ("Recovery times differed between the two groups, the study found.",
     "The study found no difference in recovery times between the two groups.", False),
])
def test_told_passives_plain_denials_and_denied_nouns(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 38): a description named in apposition ("The owner, Brask Energy,") is not
    # the person before it; of two sources sharing the claim's words, the one whose words hold its verb; "added a
    # correction" is an act, not a report; "according to figures from X" is X's word; an acronym ending in S
    ("Councillor Ada Fenn said the plant's fumes were within legal limits.",
     "Councillor Ada Fenn demanded the plant's closure, saying its fumes were harming residents. The operator, "
     "Brask Energy, said its fumes were within legal limits.", False),
    ("Brask Energy said the plant's fumes were within legal limits.",
     "Councillor Ada Fenn demanded the plant's closure, saying its fumes were harming residents. The operator, "
     "Brask Energy, said its fumes were within legal limits.", True),
    ("According to the regulator, no link to the rashes has been found.",
     "The regulator said it was looking into reports of rashes among users. The maker, Olden Labs, said no link "
     "had been found.", False),
    ("According to Olden Labs, no link to the rashes has been found.",
     "The regulator said it was looking into reports of rashes among users. The maker, Olden Labs, said no link "
     "had been found.", True),
    ("The paper's authors said they had added a correction to the article.",
     "The journal's editors said they had added a correction to the article. The authors said they stood by "
     "their data.", False),
    ("According to the county's housing department, rents in Melbry rose 6 percent.",
     "Rents in Melbry rose 6 percent, according to figures from the county's housing department.", True),
    ("According to the county's transport department, rents in Melbry rose 6 percent.",
     "Rents in Melbry rose 6 percent, according to figures from the county's housing department.", False),
    ("The Harbin Institute of Ocean Studies team said the survey was incomplete.",
     "Researchers at the Harbin Institute of Ocean Studies (HIOS) mapped the reef. The HIOS team said the survey "
     "was incomplete.", True),
])
def test_apposition_names_verb_tiebreak_added_acts_data_sources_and_acronyms(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 38): "decided to shut" is settled where the evidence only expects it; what
    # the evidence says only could be is not stated as fact in other words; "confirmed cases" is a kind of case,
    # but "confirmed interest" where the evidence only reports it is more than it says; "older than" bounds
    ("The Felling trust has decided to shut the clinic in June.",
     "The Felling trust is expected to shut the clinic in June, according to draft plans.", False),
    ("The Felling trust has decided to shut the clinic in June.",
     "The Felling trust has decided to shut the clinic in June, a spokesman said.", True),
    ("Faulty wiring was the cause of the fire at the Tarn mill, investigators said.",
     "Investigators said the fire at the Tarn mill could have been caused by faulty wiring, though the cause has "
     "not been confirmed.", False),
    ("Investigators said faulty wiring could have caused the fire at the Tarn mill.",
     "Investigators said the fire at the Tarn mill could have been caused by faulty wiring, though the cause has "
     "not been confirmed.", True),
    ("The agency recorded 40 confirmed cases of measles in Osk last week.",
     "The agency said 40 confirmed cases of measles were recorded in Osk last week.", True),
    ("The club pointed to confirmed interest from two buyers.",
     "The club pointed to reported interest from two buyers.", False),
    ("Most residents older than 80 have had the booster.",
     "Most residents aged over 80 have had the booster.", True),
    ("Most residents younger than 80 have had the booster.",
     "Most residents aged over 80 have had the booster.", False),
])
def test_settled_governors_possible_only_confirmed_kinds_and_age_bounds(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


def test_an_added_phrase_the_evidence_restates_in_other_words_is_spared(monkeypatch):
    """TEST FIXTURE sentences (session 38): the sentence embedder judges whether a phrase the claim seems to add
    is the evidence's own words put differently ("persistently high" for "stubborn"); an unrelated cause is not,
    nor is a long stretch; the added-phrase check asks it before refusing."""
    import qa.verify.scorer as scorer
    from qa.verify.paraphrase import MAX_WORDS, restated

    evidence = ("The central bank of Velmar left its benchmark interest rate unchanged at 2.75 percent on Monday, "
                "citing stubborn energy costs.")
    assert restated("to persistently high energy costs", evidence)
    assert not restated("to a slump in car exports", evidence)
    assert not restated("to rising unemployment", evidence)
    assert not restated(" ".join(["energy"] * (MAX_WORDS + 1)), evidence)
    claim = ("On Monday Velmar's central bank kept its main rate steady at 2.75 percent, pointing to persistently "
             "high energy bills.")
    refused = check_support(claim, [evidence], context=evidence)
    assert not refused.supported and "adds" in refused.reason
    monkeypatch.setattr(scorer, "restated", lambda phrase, text: "energy bills" in phrase)
    assert check_support(claim, [evidence], context=evidence).supported


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 38): "though not before it burned" says when, not whether
    ("Crews brought the Dunmore fire under control on Sunday, though not before it burned about 900 hectares.",
     "Firefighters contained the blaze near Dunmore on Sunday after it had burned through roughly 900 hectares.",
     True),
    ("The Dunmore fire had not burned any woodland by Sunday.",
     "Firefighters contained the blaze near Dunmore on Sunday after it had burned through roughly 900 hectares of "
     "woodland.", False),
])
def test_not_before_says_when_not_whether(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 38): "the surgeon, now 68" speaks for the surgeon just named (the words after
    # the comma describe further); the act named by the noun of a plain verb ("attendance reached 52,000")
    ("Halvard Stenmo said he would retire as head of the Brenn Heart Clinic in June.",
     "Dr Halvard Stenmo opened the Brenn Heart Clinic in 1991. At a dinner for its staff, the surgeon, now 68, said "
     "he would retire as its head in June.", True),
    ("Ola Brenn said he would retire as head of the Brenn Heart Clinic in June.",
     "Dr Halvard Stenmo opened the Brenn Heart Clinic in 1991. At a dinner for its staff, the surgeon, now 68, said "
     "he would retire as its head in June.", False),
    ("Organisers said more than 50,000 people attended the Kessel book fair.",
     "Attendance at the Kessel book fair reached 52,000 over three days, organisers said.", True),
    ("Organisers said more than 50,000 people picketed the Kessel book fair.",
     "Attendance at the Kessel book fair reached 52,000 over three days, organisers said.", False),
])
def test_described_speakers_after_a_comma_and_acts_named_by_nouns(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 38): a verb of causing ("led to", "prompted") links two events the evidence
    # tells with "after", "because of" or "citing"; not where the evidence only asks whether they are linked
    ("A burst water main led to the closure of Penrith Road on Monday.",
     "Penrith Road was closed on Monday after a water main burst, the council said.", True),
    ("Fears of flooding prompted the council to shut Penrith Road on Monday.",
     "The council shut Penrith Road on Monday, citing fears of flooding.", True),
    ("The children's illness was caused by a batch of contaminated juice, health officials said.",
     "Health officials are investigating whether the children's illness is linked to a batch of contaminated "
     "juice.", False),
])
def test_verbs_of_causing_link_events_the_evidence_gives_a_cause_for(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 38): "according to figures from the mall's owners, Brenlow Estates" is
    # Brenlow Estates' word; a place before "council" is no person ("Marrick council's finance chief")
    ("Shoppers stayed an average of an hour at the Tollgate mall, according to Brenlow Estates.",
     "Shoppers spent an average of 60 minutes at the Tollgate mall, according to figures from the mall's owners, "
     "Brenlow Estates.", True),
    ("Shoppers stayed an average of an hour at the Tollgate mall, according to Harrow Retail.",
     "Shoppers spent an average of 60 minutes at the Tollgate mall, according to figures from the mall's owners, "
     "Brenlow Estates.", False),
    ("Marrick council's finance chief said the authority faces a shortfall of 2.4 million pounds next year.",
     "Marrick council faces a budget gap of 2.4 million pounds next year, finance chief Dana Holt said.", True),
    ("Marrick council's leader said the authority faces a shortfall of 2.4 million pounds next year.",
     "Marrick council faces a budget gap of 2.4 million pounds next year, finance chief Dana Holt said.", False),
])
def test_authors_named_in_apposition_and_places_before_council(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 39): "just under six hours" is close to six, not a bound that "just under
    # five" entails; "five years and three months" is more than five years; "made 31 arrests" counts people
    ("The inquest jury took just under four hours to reach its conclusion.",
     "The inquest jury took just under three hours to reach its conclusion.", False),
    ("The inquest jury took less than four hours to reach its conclusion.",
     "The inquest jury took just under three hours to reach its conclusion.", True),
    ("Dorran Pike was jailed for more than five years.",
     "Dorran Pike, 41, was jailed for five years and three months at Selby Crown Court.", True),
    ("Dorran Pike was jailed for more than six years.",
     "Dorran Pike, 41, was jailed for five years and three months at Selby Crown Court.", False),
    ("More than 30 people were arrested during the Halden Street raids, police said.",
     "Police said officers made 31 arrests during the Halden Street raids.", True),
    ("More than 40 people were arrested during the Halden Street raids, police said.",
     "Police said officers made 31 arrests during the Halden Street raids.", False),
])
def test_just_under_compound_durations_and_counted_events(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 39): "it was possible that ..." leaves its clause unsettled; "no intention
    # of selling" denies the intention; "before the man's death" is "before the man died"
    ("Investigators said a faulty heater caused the fire at the Marl Lane flat.",
     "Investigators said it was possible that a faulty heater had caused the fire at the Marl Lane flat.", False),
    ("Investigators said a faulty heater may have caused the fire at the Marl Lane flat.",
     "Investigators said it was possible that a faulty heater had caused the fire at the Marl Lane flat.", True),
    ("The trust's chair said it intended to sell the Wyvern Road site.",
     "The trust's chair said it had no intention of selling the Wyvern Road site.", False),
    ("The trust's chair said it did not intend to sell the Wyvern Road site.",
     "The trust's chair said it had no intention of selling the Wyvern Road site.", True),
    ("Two paramedics who treated the man hours before he died are under investigation.",
     "Two paramedics who treated the man hours before his death are under investigation.", True),
])
def test_possible_clauses_denied_intentions_and_irregular_act_nouns(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 39): "work on the bypass" is the bypass acted on; "faces a charge" for "He is
    # charged"; "found guilty of" is "convicted of", not of what the jury cleared him of; remand is not bail
    ("The Elmside bypass has been scrapped, the council said.",
     "Work on the Elmside bypass has been delayed until 2027, the council said.", False),
    ("The Elmside bypass has been delayed until 2027, the council said.",
     "Work on the Elmside bypass has been delayed until 2027, the council said.", True),
    ("To save money, Harwood Council has axed all vacant posts.",
     "Harwood Council has frozen recruitment to all vacant posts to save money.", False),
    ("The 27-year-old was remanded in custody and faces a burglary charge.",
     "The 27-year-old was remanded in custody by Harwood magistrates. He is charged with burglary.", True),
    ("Kit Moreno was found guilty of dangerous driving at Selby Crown Court.",
     "Jurors at Selby Crown Court cleared Kit Moreno of causing death by dangerous driving but convicted him of "
     "dangerous driving.", True),
    ("Kit Moreno was found guilty of manslaughter.",
     "Jurors cleared Kit Moreno of manslaughter but convicted him of dangerous driving.", False),
    ("After being charged, Lyle Carver was remanded in custody.",
     "Lyle Carver was released on bail after being charged.", False),
])
def test_activities_on_things_faced_charges_verdicts_and_remand(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 39): an acronym given with "known as"; "the authority" continues the council,
    # "the lawyer" the solicitor; "his partner" adds a relation; a place said of another noun is no other place
    ("WVHA has been given permission to build 40 flats on Corn Street.",
     "Wye Valley Housing Association, known locally as WVHA, has been given permission to build 40 flats on Corn "
     "Street.", True),
    ("Brackley District Council says it has inspected all 95 of its play areas.",
     "Brackley District Council admitted a swing had not been checked for two years. The authority said it had "
     "since inspected all 95 of its play areas.", True),
    ("According to solicitor Priya Nandra, the family will bring a claim against the hospital.",
     "Solicitor Priya Nandra said the family had waited three years for answers. The lawyer said the family "
     "would bring a claim against the hospital.", True),
    ("A 40-year-old man was arrested after his neighbour was injured in an attack in Cole Street.",
     "A 40-year-old man was arrested after a man was injured in an attack in Cole Street.", False),
    ("Car thefts rose in Aldwick but fell in Benfield last year, the figures show.",
     "The figures show car thefts in Aldwick fell by 9% last year, while they rose in Benfield.", False),
])
def test_named_acronyms_general_descriptions_relations_and_places(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 39): a passive progressive with a named day or month is arranged, as "will" is
    # (and still under way without one); "was left with" names the state an attack ended in; "from £2.40 to £2.55"
    # is a rise of 15 pence; whose words the claim's content is, when two sources share its description of someone
    ("The Quay Street bridge is being closed over a weekend in May for repairs.",
     "The Quay Street bridge will close for repairs from 7pm on Friday 9 May until 6am on Monday 12 May.", True),
    ("The Quay Street bridge is being closed for repairs.",
     "The Quay Street bridge will close for repairs from 7pm on Friday 9 May until 6am on Monday 12 May.", False),
    ("Omar Haddad was left with a fractured skull after being assaulted outside his shop on Friday.",
     "Omar Haddad was assaulted outside his shop on Friday. The 51-year-old suffered a fractured skull.", True),
    ("The price of a single bus fare in Corrin will go up by fifteen pence, to £2.55.",
     "Corrin council approved a rise in bus fares, taking a single fare from £2.40 to £2.55.", True),
    ("The price of a single bus fare in Corrin will go up by twenty pence, to £2.55.",
     "Corrin council approved a rise in bus fares, taking a single fare from £2.40 to £2.55.", False),
    ("According to Sergeant Alan Pryce, the 74-year-old victim no longer leaves her house.",
     "Sergeant Alan Pryce said the 74-year-old had been 'deliberately targeted'. Her daughter said her mother no "
     "longer leaves her house.", False),
    ("According to her daughter, the 74-year-old victim no longer leaves her house.",
     "Sergeant Alan Pryce said the 74-year-old had been 'deliberately targeted'. Her daughter said her mother no "
     "longer leaves her house.", True),
])
def test_arranged_passives_resulting_states_price_changes_and_whose_words(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 39): a definite noun that speaks and names no body, document or medium ("the
    # incumbent said") is the person just named; "the newspaper said" is not
    ("Oren Vasko said he would not step aside.",
     "Oren Vasko, 61, has run the province since 2011. The incumbent said he would not step aside.", True),
    ("Oren Vasko said he would not step aside.",
     "Oren Vasko, 61, has run the province since 2011. The newspaper said he would not step aside.", False),
])
def test_a_speaking_description_is_the_person_just_named(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 40): "more ... than" and "fewer ... than" compare; "newer" is the other end
    # of "older"; "trailed" is not "led"; "away from A and towards B" is not "away from B and towards A"
    ("More patients were seen at the Alderby clinic this year than last year.",
     "Fewer patients were seen at the Alderby clinic this year than last year, the trust said.", False),
    ("Fewer patients were seen at the Alderby clinic this year than last year.",
     "Fewer patients were seen at the Alderby clinic this year than last year, the trust said.", True),
    ("The north stand, which is newer than the south stand, will be rebuilt first.",
     "The north stand, which is older than the south stand, will be rebuilt first.", False),
    ("In the survey, Mira Toll led her rival by six points.",
     "In the survey, Mira Toll trailed her rival by six points.", False),
    ("The fire was spreading away from the forest and towards the town of Carlby.",
     "The fire was spreading away from the town of Carlby and towards the forest, crews said.", False),
    ("The fire was spreading towards the forest, crews said.",
     "The fire was spreading away from the town of Carlby and towards the forest, crews said.", True),
])
def test_comparisons_with_than_newer_trailed_and_towards(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 40): "a year and three months" is 15 months; "half of Kesby council's budget"
    # is 50% of it; "four dollars and twenty cents" is $4.20; "-5°C" is "minus five degrees Celsius"; "triple the
    # estimate" is not "double" it
    ("The strike at the Orwell depot has lasted a year and three months.",
     "The strike at the Orwell depot has now lasted 15 months, the union said.", True),
    ("The strike at the Orwell depot has lasted a year and four months.",
     "The strike at the Orwell depot has now lasted 15 months, the union said.", False),
    ("Auditors found that 50% of Kesby council's budget goes on social care.",
     "Half of Kesby council's budget goes on social care, auditors found.", True),
    ("A day ticket for the Harle ferry will cost four dollars and twenty cents from June.",
     "The price of a day ticket for the Harle ferry rises to $4.20 in June.", True),
    ("Temperatures in Brisk Hollow fell to -5°C overnight.",
     "Temperatures in Brisk Hollow dropped to minus five degrees Celsius overnight.", True),
    ("Temperatures in Brisk Hollow fell to -3°C overnight.",
     "Temperatures in Brisk Hollow dropped to minus five degrees Celsius overnight.", False),
    ("Temperatures in Brisk Hollow reached 25°C on Sunday.",
     "Temperatures in Brisk Hollow reached twenty five degrees Celsius on Sunday.", True),
    ("The vase sold for 90,000 pounds, triple the auctioneer's estimate.",
     "The vase sold for 90,000 pounds, double the auctioneer's estimate.", False),
    ("The vase sold for 90,000 pounds, twice the auctioneer's estimate.",
     "The vase sold for 90,000 pounds, double the auctioneer's estimate.", True),
])
def test_compound_spans_shares_of_names_money_in_words_degrees_and_multiples(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 40): "the carrier" continues an airline, "the forecaster" a weather service;
    # a double-barrelled name after a description ("Cyclist Tomas Berg-Lund") is a person "the 31-year-old"
    # continues; "GM", "EV" and "NGO" are common initials
    ("Skyhaven Airways said it would add four routes next spring.",
     "Skyhaven Airways flew 1.1 million passengers in May. The carrier said it would add four routes next spring.",
     True),
    ("The Norland Weather Service said gusts of 70mph could reach the coast.",
     "The Norland Weather Service issued an amber warning on Monday. The forecaster said gusts of 70mph could "
     "reach the coast.", True),
    ("Tomas Berg-Lund said the win was \"the best day of my career\".",
     "Cyclist Tomas Berg-Lund won the Harrow Classic on Sunday. The 31-year-old said the win was \"the best day of "
     "my career\".", True),
    ("GM barley will be grown on two farms near Oskley, the ministry said.",
     "Genetically modified barley will be grown on two farms near Oskley, the ministry said.", True),
    ("EV registrations in Marlow county rose by 18% last year.",
     "Registrations of electric vehicles in Marlow county rose by 18% last year.", True),
    ("The NGO Brightwater Relief said it had reached 3,000 families.",
     "The non-governmental organisation Brightwater Relief said it had reached 3,000 families.", True),
])
def test_carriers_forecasters_double_barrelled_names_and_common_initials(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 40): a "claims that" clause is alleged; "committed to cutting" is a pledge;
    # a chief executive is not the company; a participle on an amount adds a cause; "all winter" is "throughout
    # the winter"; a day in a clause below a progressive is not when it is arranged for
    ("Residents marched on Saturday over claims that the plant lets fumes drift over the estate.",
     "Residents marched on Saturday, accusing the plant of allowing fumes to drift over the estate.", True),
    ("The plant lets fumes drift over the estate.",
     "Residents marched on Saturday over claims that the plant allows fumes to drift over the estate.", False),
    ("Porthaven has cut its water use, its mayor said.",
     "Porthaven has committed to cutting its water use by 20% by 2030, its mayor said.", False),
    ("Porthaven has committed to reducing its water use, its mayor said.",
     "Porthaven has pledged to cut its water use by 20% by 2030, its mayor said.", True),
    ("Calder Gas's chief executive said the company expects shortages in January.",
     "Calder Gas said the company expects shortages in January.", False),
    ("The regulator fined Marsh Water £600,000 for leaks at Tarn Bay caused by a burst main.",
     "The regulator fined Marsh Water £600,000 for leaks at Tarn Bay.", False),
    ("The Westfold lido will stay open all winter, the council said.",
     "The Westfold lido will stay open throughout the winter, the council said.", True),
    ("Kelby police have appealed for witnesses to a crash on Mill Road on Friday night.",
     "Police in Kelby are asking anyone who saw a crash on Mill Road on Friday night to come forward.", True),
    ("Dunmore Water released sewage into the River Ash 12 times last year, the regulator found.",
     "The regulator found that Dunmore Water had discharged sewage into the River Ash on 12 occasions last year.",
     True),
    ("Harlon Energy has dropped its plan for a gas plant at Creel Point.",
     "Harlon Energy withdrew its application for a gas plant at Creel Point on Monday.", True),
])
def test_alleged_clauses_pledges_executives_causes_and_arranged_days(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 40): shares that "lost" a share of their value "dropped"; "downstream of"
    # a landmark is not "upstream of" it; a comparison whose subject the parser missed still has two sides
    ("Shares in Pellan Mining dropped 25 percent on Monday.",
     "Shares in Pellan Mining lost a quarter of their value on Monday.", True),
    ("Ashby lies downstream of the Tolver weir.",
     "The village of Ashby lies upstream of the Tolver weir. Farms downstream have been warned of flooding.", False),
    ("Ashby lies upstream of the Tolver weir.",
     "The village of Ashby lies upstream of the Tolver weir. Farms downstream have been warned of flooding.", True),
    ("Those given a dummy pill slept on average an hour longer than those given the new tablet.",
     "Patients given the tablet slept on average an hour longer than those given a dummy pill.", False),
])
def test_lost_value_river_sides_and_comparisons_without_a_parsed_subject(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 40): "the bloc" the evidence's "EU" is may be called the European Union; "its
    # founder" is the person just said to have founded it; "the group" continues a residents' association, which a
    # tenants' federation of the same street is not; "UV" is ultraviolet
    ("The European Union will cap roaming charges from March, its digital commissioner said.",
     "The EU's digital commissioner said the bloc would cap roaming charges from March.", True),
    ("Priya Holm said she would stay on at Larchfield Labs for a year after the sale.",
     "Priya Holm founded Larchfield Labs in 2015. The company was sold on Friday to Arvo Group, and its founder said "
     "she would stay on for a year.", True),
    ("The Mill Row residents' association says Calder Quarries has ignored its complaints about dust.",
     "The Mill Row residents' association has written to Calder Quarries about dust from its site. The group says "
     "the firm has ignored its complaints.", True),
    ("The Mill Row tenants' federation says Calder Quarries has ignored its complaints about dust.",
     "The Mill Row residents' association has written to Calder Quarries about dust from its site. The group says "
     "the firm has ignored its complaints.", False),
    ("The UV index in Orla will reach 10 on Friday, forecasters said.",
     "The ultraviolet index in Orla will reach 10 on Friday, forecasters said.", True),
])
def test_blocs_founders_groups_and_ultraviolet(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 41): a "by" the parser hangs on the noun of the verb's own phrase is still the
    # passive's doer; "accused by X of taking" and "asked by X to move" are an allegation and a request, not acts;
    # "has made a bid" is more than "is considering a bid"; a name given the act another party does
    ("Qualifier Ana Ruiz knocked out top seed Lena Frost in the third round.",
     "Top seed Lena Frost was knocked out in the third round by qualifier Ana Ruiz.", True),
    ("Top seed Lena Frost knocked out qualifier Ana Ruiz in the third round.",
     "Top seed Lena Frost was knocked out in the third round by qualifier Ana Ruiz.", False),
    ("Winger Paolo Desh took a bribe to miss the match.",
     "Winger Paolo Desh has been accused by a rival club of taking a bribe to miss the match.", False),
    ("Winger Paolo Desh used a banned stimulant.",
     "Winger Paolo Desh has been accused of using a banned stimulant.", False),
    ("The Dunmore council has moved the market to Fridays.",
     "The Dunmore council has been asked by traders to move the market to Fridays.", False),
    ("Traders have asked the Dunmore council to move the market to Fridays.",
     "The Dunmore council has been asked by traders to move the market to Fridays.", True),
    ("Harlow Mills has made a bid for the Crane Street site.",
     "Harlow Mills is considering a bid for the Crane Street site, sources said.", False),
    ("Ada Pole called for a public inquiry into the flooding.",
     "Ada Pole said the board would review its rules. Residents called for a public inquiry into the flooding.",
     False),
    ("Residents called for a public inquiry into the flooding.",
     "Ada Pole said the board would review its rules. Residents called for a public inquiry into the flooding.",
     True),
    # a "by" the parser leaves without its object ("threatened by the complainant days before") still names the
    # doer; "were knocked out by" is the other side of "lost to"
    ("Counsel said his client had threatened the complainant in the days before the incident.",
     "Counsel said his client had been threatened by the complainant days before the incident.", False),
    ("Delby Park were knocked out 24-19 by Wexham Harriers in the semi-final.",
     "Wexham Harriers lost 24-19 to Delby Park in the semi-final on Saturday.", False),
    ("Wexham Harriers were knocked out 24-19 by Delby Park in the semi-final.",
     "Wexham Harriers lost 24-19 to Delby Park in the semi-final on Saturday.", True),
])
def test_stray_agents_allegations_requests_weighed_bids_and_other_doers(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 41): grams and milligrams convert; "a tenth more" is 10 percent more; a year
    # after "in" is a date, not a ratio's whole ("Ward 6 in 2019"); "over 12 seasons" is the span of the goals;
    # "no more than £15" is "£15 or less"; "three weeks after" is "21 days after"
    ("Each capsule contains 250 mg of the drug, the maker said.",
     "Each capsule contains 0.25 g of the drug, the maker said.", True),
    ("Each capsule contains 300 mg of the drug, the maker said.",
     "Each capsule contains 0.25 g of the drug, the maker said.", False),
    ("Bus passes will be a tenth more expensive from March.",
     "Bus passes will cost 10 percent more from March, the operator said.", True),
    ("Bus passes will be a fifth more expensive from March.",
     "Bus passes will cost 10 percent more from March, the operator said.", False),
    ("An inquiry heard that Jo Amis's warnings about Ward 6 were ignored.",
     "Nurse Jo Amis raised concerns about Ward 6 in 2019. Her warnings were ignored, an inquiry heard.", True),
    ("Marta Kuhl scored 140 goals for Delby over 12 seasons.",
     "Marta Kuhl, Delby's record scorer, has retired. She scored 140 goals in 12 seasons at the club.", True),
    ("Organisers said tickets for the Ferry Fair will cost no more than £15.",
     "Tickets for the Ferry Fair will be sold for £15 or less, organisers said.", True),
    ("Organisers said tickets for the Ferry Fair will cost more than £15.",
     "Tickets for the Ferry Fair will be sold for £15 or less, organisers said.", False),
    ("Volunteers will be checked for three weeks after the injection.",
     "Volunteers will be checked for 21 days after the injection, the protocol says.", True),
])
def test_grams_tenths_years_after_in_seasons_ceilings_and_spans_after(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 41): "CT" and "IVF" spelled out in lower case; a title qualified by the body
    # named with the person ("the chief engineer at Marlow Water"), not by another body; "FC" is a football club;
    # "the organisers of the Dunwich Folk Festival" are the organisers of what they speak of; "a Carrow University
    # academic" is a scholar there unnamed; a report's claim is not its subject's own word
    ("The Ashdown clinic bought a new CT scanner last year.",
     "The Ashdown clinic bought a new computed tomography scanner last year.", True),
    ("Free IVF treatment will be offered to couples in Dunmore.",
     "Free in-vitro fertilisation treatment will be offered to couples in Dunmore, the board said.", True),
    ("No one was hurt, the chief engineer at Marlow Water said.",
     "Marlow Water's chief engineer, Tom Rees, inspected the burst main. Rees said no one was hurt.", True),
    ("No one was hurt, Marlow Water's chief engineer said.",
     "Marlow Water's chief engineer, Tom Rees, inspected the burst main. Rees said no one was hurt.", True),
    ("No one was hurt, the chief engineer at Carbery Water said.",
     "Marlow Water's chief engineer, Tom Rees, inspected the burst main. Carbery Water was not affected. Rees said "
     "no one was hurt.", False),
    ("Rowley FC's chairman, Ian Pask, said the club was free of debt.",
     "Rowley Football Club's chairman, Ian Pask, said the club was free of debt.", True),
    ("The organisers of the Dunwich Folk Festival said it will move to August.",
     "The Dunwich Folk Festival will move to August, organisers said.", True),
    ("A Carrow University academic said the drug slowed tumour growth.",
     "Dr Ina Vale, a pharmacologist at Carrow University, said the drug slowed tumour growth in mice.", True),
    ("A Carrow University official said the drug slowed tumour growth.",
     "Dr Ina Vale, a pharmacologist at Carrow University, said the drug slowed tumour growth in mice.", False),
    ("The Ashby Post's owners have said they are selling the paper.",
     "According to a report in the Dunford Times, the Ashby Post's owners are selling the paper.", False),
])
def test_lower_case_initials_qualified_titles_clubs_organisers_scholars_and_reports(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 41): "the first week" is not "the last week"; "before" and "after" order two
    # events; an occupation the evidence does not give a named person; where an act took place swapped with another
    # act's place; "no choice but to" is no denial; a timetable's present ("reopens on 9 June") is its future
    ("The fire at the Holt depot was reported in the first week of June.",
     "The fire at the Holt depot was first reported in the last week of June.", False),
    ("Sales at Dray Mills fell 2 percent in the second quarter.",
     "Sales at Dray Mills rose 1 percent in the first quarter and fell 2 percent in the second, the firm said.", True),
    ("In the study, volunteers were scanned after taking the drug.",
     "In the study, volunteers were scanned before taking the drug.", False),
    ("The Kell Quartet will tour Spain before playing at the Harlow festival.",
     "The Kell Quartet will play at the Harlow festival before its tour of Spain.", False),
    ("Dr Lin Rao, a surgeon, said the Orme wing would close in May.",
     "Dr Lin Rao said the Orme wing would close in May.", False),
    ("Former boxer Sam Dade will open a bakery in Calne next spring, his agent said.",
     "Author Sam Dade will open a bakery in Calne next spring, his agent said.", False),
    ("The leak began at the school before spreading to the library.",
     "The leak began in the library before spreading to the school next door.", False),
    ("The Brae Theatre's director said it had no choice but to cut its season.",
     "The Brae Theatre's director said rising costs had forced it to cut its season.", True),
    ("The museum's west wing reopens on 9 June.", "The museum's west wing will reopen on 9 June.", True),
    ("The museum's west wing reopens on 9 June.", "The museum's west wing may reopen on 9 June.", False),
])
def test_order_words_sequences_occupations_swapped_places_no_choice_and_timetables(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 41): "recalled" is "withdrew" a product; "agreed a deal" is "signed a
    # contract"; "applauded" is the opposite of "booed"; "corrected", "operated on" and "called a strike" are other
    # acts than "retracted", "diagnosed" and "balloted"; a teacher is not a student; "climbed steeply" is "rose
    # sharply"
    ("The regulator recalled three batches of the Nolex syrup.",
     "The regulator withdrew three batches of the Nolex syrup.", True),
    ("Tarn Rovers have agreed a new deal with midfielder Ola Park.",
     "Tarn Rovers have signed a new contract with midfielder Ola Park.", True),
    ("Striker Dan Mbeki was applauded by the home fans.", "Striker Dan Mbeki was booed by the home fans.", False),
    ("The Aster journal corrected the Lund team's paper.", "The Aster journal retracted the Lund team's paper.", False),
    ("Surgeons at Fenwick Hospital operated on the girl for a heart defect.",
     "Surgeons at Fenwick Hospital diagnosed the girl with a heart defect.", False),
    ("The drivers' union called a strike over pay.", "The drivers' union balloted members over pay.", False),
    ("The prize went to a film by her former teacher Ivo Sand.",
     "The prize went to a film by her former student Ivo Sand.", False),
    ("Waiting times at the Rook Lane clinic climbed steeply over the winter.",
     "Waiting times at the Rook Lane clinic rose sharply over the winter.", True),
])
def test_recalls_deals_boos_other_acts_teachers_and_steep_rises(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 41): "according to the airline" is the body the article called an airline,
    # not another body the sentence names; "trade unions" are unions; a claim may open with an occupation the
    # article gives ("Ecologist Ines Roth" where the article says "ecologist Ines Roth")
    ("Harwick Air said nobody was hurt.",
     "The budget airline Harwick Air grounded 41 jets on Tuesday. Nobody was hurt, according to the airline.", True),
    ("The FAA said nobody was hurt.",
     "The Federal Aviation Administration (FAA) grounded 41 jets operated by the budget airline Harwick Air on "
     "Tuesday. Nobody was hurt, according to the airline.", False),
    ("Trade unions said nobody had consulted them about the closures.",
     "Unions said nobody had consulted them about the closures.", True),
    ("Ecologist Ines Roth counted 120 frogs at the site.",
     "The survey team was led by ecologist Ines Roth. Roth counted 120 frogs at the site.", True),
])
def test_bodies_called_by_a_description_trade_unions_and_opening_occupations(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 41): a named speaker with an apposition the evidence's words describe
    # ("Nils Orr, Brask Rail's temporary chief executive" for "Interim chief executive Nils Orr"), not another
    # office; a country's adjective for the country the sentence names ("a Velmaran health ministry spokesman" where
    # the sentence is about Velmara), not another country; "oil fields" for "oilfields"; "the biggest" for "the top"
    ("Nils Orr, Brask Rail's temporary chief executive, said the company would keep all its routes this year.",
     "Interim chief executive Nils Orr said Brask Rail would keep all its routes this year.", True),
    ("Nils Orr, Brask Rail's finance director, said the company would keep all its routes this year.",
     "Interim chief executive Nils Orr said Brask Rail would keep all its routes this year.", False),
    ("A Velmaran health ministry spokesman said the clinic in Orsk reopened on Tuesday.",
     "The clinic in Orsk, Velmara, reopened on Tuesday, a health ministry spokesman told reporters.", True),
    ("A Kestran health ministry spokesman said the clinic in Orsk reopened on Tuesday.",
     "The clinic in Orsk, Velmara, reopened on Tuesday, a health ministry spokesman told reporters.", False),
    ("Tarsa, the biggest foreign investor in Velmara's oil fields, said it would stay.",
     "Tarsa, the top foreign investor in Velmara's oilfields, said it would stay.", True),
    ("Velmaran security sources said troops had been sent to Orsk.",
     "Troops have been sent to Orsk in Velmara, Kestran security sources said.", False),
    # a rate per so many people is the same rate per 100,000
    ("Measles cases in Orsk rose to 0.4 per 1,000 people last year.",
     "Measles cases in Orsk rose to 40 per 100,000 people last year, health officials said.", True),
    ("Measles cases in Orsk rose to 4 per 1,000 people last year.",
     "Measles cases in Orsk rose to 40 per 100,000 people last year, health officials said.", False),
])
def test_appositions_of_named_speakers_national_adjectives_split_words_top_and_rates(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 42): who speaks. A description of one body is not a counted group of others
    # ("the firm" for "three suppliers"); "the judge" is not "Inspector X"; "nurses said" is more than
    # "Nurse X said"; whose forecast it is names its holder even when the other party is named in the sentence
    ("Orders at Pellow Tools have slowed since March, the firm told reporters.",
     "Orders at Pellow Tools have slowed since March, three suppliers told reporters.", False),
    ("Orders at Pellow Tools have slowed since March, the company told reporters.",
     "Orders at Pellow Tools have slowed since March, the firm told reporters.", True),
    ("The judge told the court that the driver had been using his phone.",
     "Inspector Maya Trent told the court that the driver had been using his phone.", False),
    ("The coroner told the inquest that the driver had been using his phone.",
     "Coroner Maya Trent told the inquest that the driver had been using his phone.", True),
    ("Nurses said the ward had been short of staff for months.",
     "Nurse Ada Lom said the ward had been short of staff for months.", False),
    ("Prosecutors said Dane Pirie had taken £40,000 from the charity.",
     "Prosecutor Ruth Ames said Dane Pirie had taken £40,000 from the charity.", True),
    ("The Tollan central bank predicts that it will cut rates twice this year.",
     "Economists at Brisk Bank predict that the Tollan central bank will cut rates twice this year.", False),
    ("Orvane Foods expects the sale to close in June.",
     "Orvane Foods has agreed to sell its dairy arm. The company expects the sale to close in June.", True),
])
def test_counted_groups_other_titles_one_titled_speaker_and_forecast_holders(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 42): how surely. Results analysts expect are not reported yet; being pressed to
    # pay is not agreeing to; a hoped-for start is less than a start that "would" come; a past clause after "after"
    # is asserted under a future main clause; an opening "Faced with" sets the scene
    ("Tamsett Homes reported a 12% rise in sales on Thursday.",
     "Analysts expect Tamsett Homes to report a 12% rise in sales on Thursday.", False),
    ("Dorran Water has agreed to pay compensation to customers hit by the outage.",
     "Regulators are pushing Dorran Water to pay compensation to customers hit by the outage.", False),
    ("The mayor said the new pool would open in June.",
     "The mayor said she hoped the new pool would open in June.", False),
    ("The mayor said she hoped the new pool would open in June.",
     "The mayor said she hoped the new pool would open in June, two months late.", True),
    ("A fallen tree blocked the line, and trains will not run until Friday.",
     "Trains will not run until Friday after a fallen tree blocked the line, the operator said.", True),
    ("Faced with slumping demand for its diesel buses, Carrow Motors announced on Monday that 900 positions at its "
     "Dene plant would be eliminated.",
     "Carrow Motors said on Monday that it would cut 900 jobs at its Dene plant as demand for its diesel buses "
     "slumps.", True),
])
def test_expected_results_pressure_hopes_past_clauses_and_opening_scenes(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 42): words. "hundreds of" a noun behind an adjective ("hundreds of cancelled
    # services" for "about 400 services"); trains and services count the same; "outperformed" is the opposite of
    # "underperformed"; "found not guilty" restates "cleared", "found guilty" does not; "voted against" is
    # "opposed", "signed off" is "approved"; the watchdog is the regulator; a place by "outside" the evidence does
    # not give; a named chief executive described before is "the council's chief executive"
    ("A walkout by drivers meant hundreds of cancelled services.",
     "Drivers walked out on Monday, cancelling about 400 services.", True),
    ("Rosk Rail said it had cancelled dozens of trains.",
     "Rosk Rail said it had cancelled 31 services because of the heat.", True),
    ("Holm Bank shares outperformed the wider market on Monday.",
     "Holm Bank shares underperformed the wider market on Monday.", False),
    ("Lorry driver Jan Brill was found not guilty of careless driving.",
     "A jury cleared lorry driver Jan Brill of careless driving.", True),
    ("Lorry driver Jan Brill was found guilty of careless driving.",
     "A jury cleared lorry driver Jan Brill of careless driving.", False),
    ("Councillor Abe Dorn opposed the plan to sell the park.",
     "Councillor Abe Dorn voted against the proposal to sell the park.", True),
    ("The board has signed off a 3% fare rise for next year.",
     "The board has approved a 3% rise in fares for next year.", True),
    ("The watchdog said Tessel Bank had failed to check its customers.",
     "The regulator said Tessel Bank had failed to check its customers.", True),
    ("A man was assaulted outside a pub in Orlby on Friday night, police said.",
     "A man was assaulted in Orlby on Friday night, police said.", False),
    ("A man was assaulted outside a pub in Orlby on Friday night, police said.",
     "A man was assaulted outside a pub in Orlby late on Friday, police said.", True),
    ("Carr District Council's chief executive has blamed a lack of drivers for the missed collections.",
     "Carr District Council's chief executive, Ola Brent, has apologised for the missed collections. Ms Brent "
     "blamed a lack of drivers.", True),
])
def test_vague_counts_opposites_verdicts_votes_watchdogs_places_and_described_people(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 42, round two): "half a hectare" is 5,000 square metres; "before it was put
    # out" may be about the main clause's own subject; "a senior <company> executive" for a named director of it;
    # "the two companies said" for "the companies said"; "an all-cash deal" pays "in cash"; a passive's "by" phrase
    # the evidence never mentions is added ("by helicopter"), a synonym is not ("by fire" for "by the blaze");
    # "escaped damage" is not "was damaged"; "hit with a fine" is "fined"
    ("About half a hectare of heath was burned before the fire was put out.",
     "The fire burned about 5,000 square metres of heath before it was put out.", True),
    ("About half a hectare of heath was burned before the fire was put out.",
     "The fire burned about 50,000 square metres of heath before it was put out.", False),
    ("A senior Ostwick Foods executive said sales from its new stores had topped £90m this year.",
     "Dana Rolt, finance director of the grocer Ostwick Foods, said sales from its new stores had reached 96 million "
     "pounds this year.", True),
    ("A senior Brell Foods executive said sales from its new stores had topped £90m this year.",
     "Dana Rolt, finance director of the grocer Ostwick Foods, said sales from its new stores had reached 96 million "
     "pounds this year.", False),
    ("Pax Media will buy Lintel Radio for 80 million dollars in an all-cash deal, the two companies said.",
     "Pax Media agreed to buy Lintel Radio for 80 million dollars in cash, the companies said.", True),
    ("A walker was flown to hospital by helicopter after a fall on Crag Hill.",
     "A walker was taken to hospital after a fall on Crag Hill.", False),
    ("The old mill was largely destroyed by fire on Sunday.",
     "The old mill was largely destroyed by the blaze on Sunday.", True),
    ("The north wing of the museum was damaged in the flood.",
     "Only the north wing of the museum escaped damage in the flood.", False),
    ("Fenner Bank has been fined by the regulator this year.",
     "Fenner Bank has so far avoided any fines from the regulator this year.", False),
    ("Dalby Water was hit with a £3m fine by the regulator on Friday.",
     "The regulator fined Dalby Water £3m on Friday.", True),
])
def test_areas_pronoun_clauses_company_executives_pairs_by_phrases_and_avoided_acts(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 42, round three): a word of a place's name is no act the evidence reports
    # ("Mill End" names nothing ended); a rarer verb the tagger lemmatises wrongly ("cordoned" as "cordone") is read
    # as the thesaurus's verb; "resurfaced" is a repair, "reprimanded" a rebuke, "delisted" and "devalued" acts of
    # their own
    ("The Ash Trust has ended its youth club at Mill End Hall for lack of funds.",
     "The Ash Trust has paused its youth club at Mill End Hall for lack of funds.", False),
    ("The Ash Trust has halted its youth club at Mill End Hall for lack of funds.",
     "The Ash Trust has paused its youth club at Mill End Hall for lack of funds.", True),
    ("Police searched Corn Street after a shop was set alight on Sunday.",
     "Police cordoned off Corn Street after a shop was set alight on Sunday.", False),
    ("Police sealed off Corn Street after a shop was set alight on Sunday.",
     "Police cordoned off Corn Street after a shop was set alight on Sunday.", True),
    ("Council crews widened a mile of Dale Road last week.",
     "Council crews resurfaced a mile of Dale Road last week.", False),
    ("Council crews repaired a mile of Dale Road last week.",
     "Council crews resurfaced a mile of Dale Road last week.", True),
    ("The board suspended the head of Elm Primary over the exam results.",
     "The board reprimanded the head of Elm Primary over the exam results.", False),
    ("Shares in Tor Pharma were delisted on Monday.",
     "Shares in Tor Pharma were suspended on Monday.", False),
])
def test_names_no_acts_misread_lemmas_and_more_verb_senses(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 42, round four): "ministers" are more than one named minister whose office
    # follows the name; a body named after a title's holders does not hold the title ("the Nurses' Guild" is not
    # "the hospital's chief nurse"); "GP" is named where the evidence writes "GPs"; "more pupils" against "fewer
    # pupils" however far the "than"; "some 8,240 homes" are more than 8,000 (a figure given to its tens is vague
    # only in its last digits), "about 400" still not more than 450
    ("Ministers insist the school building plan is on track.",
     "Ana Brisk, the schools minister, insisted the school building plan was on track.", False),
    ("The minister insists the school building plan is on track.",
     "Ana Brisk, the schools minister, insisted the school building plan was on track.", True),
    ("Orlby General's chief nurse said staffing on its wards had fallen to unsafe levels.",
     "The Nurses' Guild said staffing on wards at Orlby General had fallen to unsafe levels.", False),
    ("Late GP clinics in Orlby will end in May.",
     "Orlby cannot recruit enough GPs, so its late clinics will end in May.", True),
    ("More pupils sat the entrance test for places at Kell Grammar School this spring than last year.",
     "Fewer pupils sat the entrance test for places at Kell Grammar School this spring than last year.", False),
    ("More than 8,000 homes in Ardle are waiting for repairs.",
     "Some 8,240 homes in Ardle are waiting for repairs, the council said.", True),
    ("More than 450 homes in Ardle are waiting for repairs.",
     "About 400 homes in Ardle are waiting for repairs, the council said.", False),
])
def test_many_ministers_guilds_plural_initials_more_or_fewer_and_precise_estimates(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 43): verbs the thesaurus now knows are other acts ("aborted" a delayed launch,
    # "boycotted" what was criticised, "photographed" what was drilled); a word that only shares its first letters
    # with the claim's verb is no use of it ("cancer" does not say "cancelled"); "left out" is the opposite of
    # "included", "failed" of "passed"; a general verb ("had a chance") against the same thing the evidence says was
    # not had; "some of" a group where the evidence says "none of" it
    ("Controllers aborted the launch of the Teal-2 probe after a valve fault.",
     "Controllers delayed the launch of the Teal-2 probe by a day after a valve fault.", False),
    ("Controllers called off the launch of the Teal-2 probe after a valve fault.",
     "Controllers aborted the launch of the Teal-2 probe after a valve fault.", True),
    ("The writers' guild has boycotted the Orme Prize over its judging.",
     "The writers' guild has criticised the Orme Prize over its judging.", False),
    ("The lander photographed a boulder near the Vane crater.",
     "The lander drilled into a boulder near the Vane crater.", False),
    ("The trust has cancelled the opening of its new cancer ward.",
     "The trust has delayed the opening of its new cancer ward until June.", False),
    ("Winger Ola Brand was left out of the squad for Saturday's final.",
     "Winger Ola Brand was included in the squad for Saturday's final.", False),
    ("The Kell Road bridge failed its load test on Monday.",
     "The Kell Road bridge passed its load test on Monday.", False),
    ("Ashby had a chance on goal in the first half.",
     "Ashby did not create a chance on goal in the first half.", False),
    ("Ashby did not have a chance on goal in the first half.",
     "Ashby did not create a chance on goal in the first half.", True),
    ("The drug caused a rash in some of the 400 patients.",
     "The drug caused a rash in none of the 400 patients.", False),
    ("The drug caused a rash in none of the 400 patients.",
     "The drug caused a rash in none of the 400 patients, the study found.", True),
])
def test_more_verb_senses_stems_opposites_denied_things_and_none_of(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 43): how badly someone was hurt is a fact the evidence must give (in any words
    # for it); "can" restates a reported "could" of ability, "will" does not; the present of a timetable ("is
    # closing", "rises next May") restates a plain "will", not a "may"; "did worse than" is the opposite of
    # "outperformed"
    ("A cyclist was seriously injured in a crash on the Holm Road.",
     "A cyclist was injured in a crash on the Holm Road.", False),
    ("A cyclist was badly hurt in a crash on the Holm Road.",
     "A cyclist suffered serious injuries in a crash on the Holm Road.", True),
    ("An engineer said the new sensor can spot leaks in the pipes.",
     "Aled Rhys, an engineer at the plant, said the new sensor could detect leaks in the pipes.", True),
    ("An engineer said the new sensor will spot leaks in the pipes.",
     "Aled Rhys, an engineer at the plant, said the new sensor could detect leaks in the pipes.", False),
    ("The Marlow library is closing next month.",
     "The Marlow library will close next month, the council said.", True),
    ("The Marlow library is closing next month.",
     "The Marlow library may close next month, the council said.", False),
    ("The Marlow library has closed.",
     "The Marlow library will close next month, the council said.", False),
    ("The bus fare rises by 10p next May.",
     "The bus fare will rise by 10p next May, the operator said.", True),
    ("Pupils who walked to school did worse than their classmates in the test.",
     "Pupils who walked to school outperformed their classmates in the test.", False),
    ("Pupils who walked to school did better than their classmates in the test.",
     "Pupils who walked to school outperformed their classmates in the test.", True),
])
def test_severity_ability_timetables_and_doing_worse(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 43): who speaks. A club or a group is not one of its members speaking ("the
    # striker", "the union leader"), though a body is its chief executive; "who chairs the board" is the board's
    # chair; a bare title is placed by its own sentence ("the coroner at the inquest in Hale"); "revealed" reports
    # what follows it; "could explain" is no speech; "local media in X reported" is the press, hearsay
    ("Fallow Rovers said defender Ian Cole is fit for Saturday.",
     "Fallow Rovers defender Ian Cole said he was fit for Saturday.", False),
    ("Fallow Rovers said Ian Cole is fit for Saturday.",
     "Fallow Rovers manager Ann Hale said Ian Cole was fit for Saturday.", True),
    ("Teachers said class sizes had reached forty.",
     "Teachers' union leader Mo Price said class sizes had reached forty.", False),
    ("The chair of the Ness Valley Trust said the walk will reopen in May.",
     "Ruth Idle, who chairs the Ness Valley Trust, said the walk would reopen in May.", True),
    ("The coroner at the Hale inquest said the fall was an accident.",
     "The fall was an accident, according to the coroner at the inquest in Hale.", True),
    ("Jockey Ben Aske revealed he will retire after the Gold Cup.",
     "Jockey Ben Aske will retire after the Gold Cup, he told reporters on Friday.", True),
    ("The professor said the dig could explain how the fort was lost.",
     "Professor Ida Marsh led the dig at the fort. She said the work could explain how the fort was lost.", True),
    ("Tom Vale has resigned as mayor of Arlen.",
     "Local media in Arlen reported on Monday that the mayor, Tom Vale, had resigned. The council has not "
     "confirmed it.", False),
    ("Noah Sand has joined Kelby Town from Ashby on a two-year deal.",
     "Kelby Town have signed Noah Sand from Ashby on a two-year deal.", True),
    ("Kelby Town have joined Noah Sand from Ashby on a two-year deal.",
     "Kelby Town have signed Noah Sand from Ashby on a two-year deal.", False),
])
def test_members_for_bodies_offices_by_clause_placed_titles_and_other_sides(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 43): amounts. "Twelve and a half thousand", "three tenths of a second", "forty
    # thousand pounds", "nine o'clock on Sunday morning", "µg" and "stronger than magnitude 4" are read as the
    # amounts they are; "under-19" is "U19"; "four times the limit" after a noun of measure is a multiple
    ("The arena will seat fourteen and a half thousand people.",
     "The arena will seat 14,500 people.", True),
    ("Mia Orr cut two tenths of a second from the county record.",
     "Mia Orr cut 0.2 seconds from the county record.", True),
    ("Mia Orr cut two tenths of a second from the county record.",
     "Mia Orr cut 0.4 seconds from the county record.", False),
    ("The grant was cut to thirty thousand pounds.",
     "The grant was cut to £30,000.", True),
    ("The fun run starts at nine o'clock on Sunday morning.",
     "The fun run starts at 9am on Sunday.", True),
    ("The fun run starts at ten o'clock on Sunday morning.",
     "The fun run starts at 9am on Sunday.", False),
    ("Each tablet holds 20 µg of the vitamin.",
     "Each tablet holds 20 micrograms of the vitamin.", True),
    ("A quake stronger than magnitude 4 hit the coast on Friday.",
     "A magnitude 4.6 quake hit the coast on Friday.", True),
    ("A quake stronger than magnitude 5 hit the coast on Friday.",
     "A magnitude 4.6 quake hit the coast on Friday.", False),
    ("Kai Dunn starred for the club's under-19 side.",
     "Kai Dunn starred for the club's U19 side.", True),
    ("Tests found nitrate at three times the safe limit.",
     "Tests found nitrate at levels three times the safe limit.", True),
])
def test_amounts_in_words_fractions_of_units_clock_times_and_multiples(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 43, round two): one appointed to an office is its new holder ("was appointed
    # warden of the castle" -> "the castle's new warden"); "leaving the board" restates "stepped down from the
    # board"; two people of one surname with other given names are two people ("Ana Pike" is not "Rosa Pike")
    ("The Orme Folk Museum's new keeper previously ran the archive at Selby College.",
     "Ida Crane-Moss has been appointed keeper of the Orme Folk Museum. Crane-Moss previously ran the archive at "
     "Selby College.", True),
    ("The Orme Folk Museum's new keeper previously ran the archive at Selby College.",
     "Ida Crane-Moss has visited the Orme Folk Museum. Crane-Moss previously ran the archive at Selby College.",
     False),
    ("Amy Hale gave health reasons for leaving the board of the Orme Trust.",
     "Amy Hale has stepped down from the board of the Orme Trust. She gave health reasons.", True),
    ("Ana Pike won the county title before her sister Rosa.",
     "Rosa Pike won the county title before her sister Ana, who won it three years later.", False),
    ("Rosa Pike won the county title before her sister Ana.",
     "Rosa Pike won the county title before her sister Ana, who won it three years later.", True),
    ("Senator Tom Reyes of Ohio criticised the agency.",
     "Sen. Tom Reyes, R-Ohio, criticised the agency.", True),
])
def test_appointed_holders_leaving_boards_and_relatives(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 43, round three): what one is asked to do is not what one will do; a word
    # inside a hyphenated modifier is no act ("end-to-end" ends nothing); "warned against buying" is "warned not to
    # buy"; "may never" raised to "will never"; more verb senses (refurbished / demolished, knitted / bought,
    # capsized / overturned, given / awarded a medal); an ordinal birthday is the age turned; "passer-by Ann Lee"
    # is Ann Lee speaking
    ("Corvo will repay customers charged twice, following a request from the regulator.",
     "The regulator has asked Corvo to repay customers who were charged twice.", False),
    ("Corvo has been asked to repay customers charged twice.",
     "The regulator has asked Corvo to repay customers who were charged twice.", True),
    ("Chatline has finished its roll-out of end-to-end encryption in Ardle.",
     "Chatline has halted its roll-out of end-to-end encryption in Ardle.", False),
    ("The safety office warns parents against buying the toy.",
     "The safety office has warned parents not to buy the toy.", True),
    ("The safety office urges parents to buy the toy.",
     "The safety office has warned parents not to buy the toy.", False),
    ("Doctors said the rider will never race again.",
     "Doctors said the rider may never race again.", False),
    ("The cricket club has demolished its old pavilion.",
     "The cricket club has refurbished its old pavilion.", False),
    ("The cricket club has renovated its old pavilion.",
     "The cricket club has refurbished its old pavilion.", True),
    ("Nora Bell bought a hat for every baby born in Orme last year.",
     "Nora Bell knitted a hat for every baby born in Orme last year.", False),
    ("A fishing boat overturned off Kell Point on Monday.",
     "A fishing boat capsized off Kell Point on Monday.", True),
    ("Lifeboat volunteer Sam Dee has been awarded the trust's bravery medal.",
     "Lifeboat volunteer Sam Dee has been given the trust's bravery medal.", True),
    ("Edna Moss, who turned 102 on Friday, still lives in Orme.",
     "Edna Moss celebrated her 102nd birthday on Friday and still lives in Orme.", True),
    ("Edna Moss, who turned 103 on Friday, still lives in Orme.",
     "Edna Moss celebrated her 102nd birthday on Friday and still lives in Orme.", False),
    ("Ann Lee said the dog led her to the river.",
     "Passer-by Ann Lee said the dog led her to the river.", True),
    # a particle after the object ("pushed the launch back"); "said sorry" is the apology itself, not a speech; "a
    # regulator" for a body whose name says it regulates; "stay" is "remain", and a state's "to" is no destination
    ("Kite has pushed the phone's launch back to May.",
     "Kite has delayed the launch of its phone until May.", True),
    ("Kite has said sorry for the outage.",
     "Kite has refused to apologise for the outage.", False),
    ("A crisp advert has been banned by a regulator.",
     "The Orme Advertising Authority has banned an advert for Tay crisps.", True),
    ("A crisp advert has been banned by a regulator.",
     "The Orme Football Club has banned an advert for Tay crisps.", False),
    ("The Kell bridge will stay closed to traffic until June.",
     "The Kell bridge will remain shut to vehicles until June.", True),
    ("Phone lines to Orme have stayed open since Sunday.",
     "Phone lines to Orme have been cut since Sunday.", False),
])
def test_requests_hyphened_words_against_may_never_more_senses_birthdays_and_passers_by(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 43, round four): "found a link" where the evidence "ruled out a link";
    # "brought forward" is the opposite of "postponed", "put back" a postponement; an acronym's plural by its
    # initials ("HGVs" for "heavy goods vehicles"); a body that "appointed X as keeper" makes X its new keeper
    ("Police said officers had found a link between the two fires.",
     "Police said officers had ruled out a link between the two fires.", False),
    ("Police said officers had not found a link between the two fires.",
     "Police said officers had ruled out a link between the two fires.", True),
    ("The board has brought forward the opening of the new wing to 2027.",
     "The board has postponed the opening of the new wing until 2027.", False),
    ("The board has pushed back the opening of the new wing to 2027.",
     "The board has postponed the opening of the new wing until 2027.", True),
    ("The trial of Ian Ross has been put back.",
     "The judge adjourned the trial of Ian Ross until May.", True),
    ("The council says HGVs will be barred from the Orme bridge from Monday.",
     "Heavy goods vehicles will be banned from the Orme bridge from Monday, the council said.", True),
    ("The council says HGVs will be barred from the Orme bridge from Monday.",
     "Lorries will be banned from the Orme bridge from Monday, the council said.", False),
    ("The Orme Folk Museum's new keeper previously ran the archive at Selby College.",
     "The Orme Folk Museum has appointed Ida Crane-Moss as keeper. Crane-Moss previously ran the archive at Selby "
     "College.", True),
    ("The Orme Folk Museum's new keeper previously ran the archive at Selby College.",
     "The Orme Folk Museum has thanked Ida Crane-Moss as a donor. Crane-Moss previously ran the archive at Selby "
     "College.", False),
])
def test_ruled_out_links_brought_forward_plural_acronyms_and_appointers(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 43, round five): "one of the biggest" keeps a ranked superlative's sense ("the
    # third-largest"), "the biggest" drops the rank; a phase verb's complement takes its tense ("start trading on
    # Thursday" for "will begin trading on Thursday"); "reported the scam to the police" hands something over, an act
    # other than "warned about the scam"
    ("Kell Brewery, one of the region's biggest brewers, made a profit last year.",
     "Kell Brewery, the region's second-largest brewer, made a profit last year.", True),
    ("Kell Brewery, the region's biggest brewer, made a profit last year.",
     "Kell Brewery, the region's second-largest brewer, made a profit last year.", False),
    ("Orme Tech's shares start trading on the Kell exchange on Friday.",
     "Shares in Orme Tech will begin trading on the Kell exchange on Friday.", True),
    ("Orme Tech's shares start trading on the Kell exchange on Friday.",
     "Shares in Orme Tech may begin trading on the Kell exchange on Friday.", False),
    ("The council has reported the parking scam to the police.",
     "The council has warned drivers about the parking scam.", False),
    ("The council has reported the parking scam to the police.",
     "The council has reported the parking scam to the police after dozens of complaints.", True),
])
def test_one_of_the_biggest_phase_verbs_and_reporting_to_someone(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 44): a ranking the other way round, however each text words it ("outpaced"
    # for "rose more slowly than", "finished ahead of" for "came second to", "fewer ... than" for "larger than");
    # the same ranking in other words stays supported
    ("Last year rents in Kelby outpaced those in Orme.",
     "Rents in Orme rose faster than in Kelby last year, 5.2% against 2.9%.", False),
    ("Last year rents in Orme outpaced those in Kelby.",
     "Rents in Orme rose faster than in Kelby last year, 5.2% against 2.9%.", True),
    ("In the second half, loans at Kell Mutual outpaced its deposits.",
     "Kell Mutual's loans grew more slowly than its deposits in the second half.", False),
    ("The study found that bus fares in Orme are now higher than in nearby Kelby, even though Orme has lower "
     "wages.",
     "Bus fares in Orme are now lower than in nearby Kelby, the study found, despite Orme's lower wages.", False),
    ("The Kelby campus now has fewer students than the main site in Orme.",
     "Enrolment at the Kelby campus is now larger than at the main site in Orme.", False),
    ("Selby Choir finished ahead of Orme Singers at the county festival.",
     "Selby Choir came second to Orme Singers at the county festival.", False),
    ("Orme Singers finished ahead of Selby Choir at the county festival.",
     "Selby Choir came second to Orme Singers at the county festival.", True),
    ("An official said lorries arriving through the north gate outnumbered those entering from Kelby.",
     "Lorries entering from Kelby outnumbered those arriving through the north gate, an official said.", False),
    ("An official said lorries entering from Kelby outnumbered those arriving through the north gate.",
     "Lorries entering from Kelby outnumbered those arriving through the north gate, an official said.", True),
])
def test_rankings_the_other_way_round(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 44): an acronym of the evidence spelled out in the claim in lower case
    # ("personal protective equipment" for "PPE", "research and development" for "R&D"); other verbs the thesaurus
    # now knows (impeach, escort, refinance, waive, discontinue) and "revoked" as the opposite of "upheld"
    ("Nurses at Kell General were given new personal protective equipment on Monday.",
     "Nurses at Kell General were given new PPE on Monday.", True),
    ("Orme Tech's research and development budget rose by a fifth.",
     "Orme Tech's R&D budget rose by a fifth.", True),
    ("Orme Tech's research and development budget fell by a fifth.",
     "Orme Tech's R&D budget rose by a fifth.", False),
    ("Opposition senators impeached the transport minister on Friday.",
     "Opposition senators questioned the transport minister on Friday.", False),
    ("Police stopped the march through the Kell valley.",
     "Police escorted the march through the Kell valley.", False),
    ("Police accompanied the march through the Kell valley.",
     "Police escorted the march through the Kell valley.", True),
    ("Orme Estates repaid 40 million crowns of debt.",
     "Orme Estates refinanced 40 million crowns of debt.", False),
    ("The lenders deferred a test due in June.", "The lenders waived a test due in June.", False),
    ("Kell Foods sold its Crunchy brand last year.", "Kell Foods discontinued its Crunchy brand last year.", False),
    ("Kell Foods axed its Crunchy brand last year.", "Kell Foods discontinued its Crunchy brand last year.", True),
    ("The tribunal revoked the licence for the Orme quarry.",
     "The tribunal upheld the licence for the Orme quarry.", False),
])
def test_spelled_out_acronyms_and_more_verbs(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 44): "would try to" is an attempt, not a promise; "accused by residents of
    # dumping" (which the parser reads as dumping waste) alleges the act; "neither side had signed" denies it;
    # "will not be allowed" restates "will be banned"; "lack power" is "have no power"; upstream is not downstream
    ("The utility said it would reconnect the western suburbs within days.",
     "The utility said it would try to reconnect the western suburbs within days.", False),
    ("The utility said it would try to reconnect the western suburbs within days.",
     "The utility said it would try to reconnect the western suburbs within days.", True),
    ("Orme Haulage dumped waste near the Kell river.",
     "Orme Haulage has been accused by residents of dumping waste near the Kell river, which the firm denies.",
     False),
    ("Residents accused Orme Haulage of dumping waste near the Kell river.",
     "Orme Haulage has been accused by residents of dumping waste near the Kell river, which the firm denies.", True),
    ("Officials said neither side had signed the ceasefire text.",
     "Officials said both sides had signed the ceasefire text.", False),
    ("Cars will not be allowed on the Kell bridge from May.", "Cars will be banned from the Kell bridge from May.",
     True),
    ("Cars will be allowed on the Kell bridge from May.", "Cars will be banned from the Kell bridge from May.", False),
    ("A survey found that 40 of Orme's 80 farms lack power.", "Half of the 80 farms in Orme have no power, a survey "
     "found.", True),
    ("A survey found that 40 of Orme's 80 farms have power.", "Half of the 80 farms in Orme have no power, a survey "
     "found.", False),
    ("The hamlet of Selby lies upstream of the weir.",
     "The weir could give way, threatening the hamlet of Selby, which lies downstream.", False),
])
def test_attempts_alleged_gerunds_neither_denied_opposites_lacking_and_upstream(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 44, round two): a person the article describes by an office ("the youth
    # council chair at Orme College", "has chaired the committee", "commands the garrison", "was appointed head
    # of") is that office's holder when a pronoun or a description speaks for them later; a name the article never
    # gives them is not
    ("Orme College's youth council chair called the fee rise 'a tax on effort'.",
     "Ida Venn, the youth council chair at Orme College, has called for the fee rise to be dropped. She told the "
     "Courier it was 'a tax on effort'.", True),
    ("The chair of Kell County Council's planning committee said no libraries would close.",
     "Councillor Ned Orr has chaired Kell County Council's planning committee since 2021. He said on Monday that "
     "no libraries would close.", True),
    ("The commander of the Selby barracks said his unit had fuel for about ten days.",
     "Major Ada Lint commands the barracks at Selby. Speaking by phone, the officer said her unit had fuel for "
     "about ten days.", True),
    ("The head of the Kell Water Board said 12 leaks had been fixed in a week.",
     "Ruth Amble was appointed head of the Kell Water Board in March. The former engineer said on Friday that 12 "
     "leaks had been fixed in a week.", True),
    ("Ruth Amble said 12 leaks had been fixed in a week.",
     "Ruth Amble was appointed head of the Kell Water Board in March. The board's deputy, Tom Reed, said on "
     "Friday that 12 leaks had been fixed in a week.", False),
])
def test_offices_given_by_apposition_verbs_and_appointments(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 44, round two): "twice" where the evidence says "doubled"; cents as a
    # dollar's hundredths; "the first of April" as a date; "twelve months" for "the year to"; lorries are trucks;
    # "permits were issued" for "granted"; "the store will shut" for "the retailer will close the store"
    ("Kell College had 600 applicants this year, twice last year's 300.",
     "Applicants to Kell College have doubled, from 300 last year to 600 this year.", True),
    ("Kell College had 900 applicants this year, twice last year's 300.",
     "Applicants to Kell College have doubled, from 300 last year to 600 this year.", False),
    ("Orme Foods will pay a 30-cent dividend.", "Orme Foods will pay a dividend of 0.30 dollars a share.", True),
    ("Orme Foods will pay a 35-cent dividend.", "Orme Foods will pay a dividend of 0.30 dollars a share.", False),
    ("From the first of March, fares will rise by 4%.", "Fares will rise by 4% from 1 March.", True),
    ("From the second of March, fares will rise by 4%.", "Fares will rise by 4% from 1 March.", False),
    ("Rents in Kell rose 6% in the twelve months to June.", "Rents in Kell rose 6% in the year to June.", True),
    ("Rents in Kell rose 6% in the six months to June.", "Rents in Kell rose 6% in the year to June.", False),
    ("Twelve lorries reached Orme on Sunday.", "A convoy of 12 trucks reached Orme on Sunday.", True),
    ("Twelve buses reached Orme on Sunday.", "A convoy of 12 trucks reached Orme on Sunday.", False),
    ("The firm began work before permits were issued.", "The firm started work before permits were granted.", True),
    ("Selby Books confirmed that its Mill Lane shop will shut in June.",
     "Selby Books will close its shop on Mill Lane in June, the company confirmed.", True),
    ("Selby Books confirmed that its Mill Lane shop will reopen in June.",
     "Selby Books will close its shop on Mill Lane in June, the company confirmed.", False),
])
def test_multiples_cents_ordinal_days_whole_periods_and_alternations(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 44, round three): more acts the thesaurus knows (encrypt / delete, sequence /
    # edit, relocate / put down, tow / ticket, riot / march, disqualify / retire, spin off / sell, withhold / sue,
    # tag, repaint); "homes lost power" for "power was cut to homes"; a poll or result that "put" or "showed" one
    # side ahead of another ranks that side
    ("The hackers deleted the files of Kell Clinic.", "The hackers encrypted the files of Kell Clinic.", False),
    ("Scientists at Orme University have edited the genome of the Kell snail.",
     "Scientists at Orme University have sequenced the genome of the Kell snail.", False),
    ("Rangers put down a wolf that had entered a campsite.",
     "Rangers tranquilised and relocated a wolf that had entered a campsite.", False),
    ("Wardens ticketed nine cars parked on the verge.", "Wardens towed away nine cars parked on the verge.", False),
    ("Hundreds of fans rioted in Kell on Friday.", "Hundreds of fans marched through Kell on Friday.", False),
    ("Hundreds of fans paraded through Kell on Friday.", "Hundreds of fans marched through Kell on Friday.", True),
    ("Ada Reyes was disqualified from the 400 metres final.", "Ada Reyes withdrew from the 400 metres final.", False),
    ("Ada Reyes retired from the 400 metres final.", "Ada Reyes withdrew from the 400 metres final.", True),
    ("Orme Telecom will sell its cable unit next year.", "Orme Telecom will spin off its cable unit next year.",
     False),
    ("Kell Water has sued the contractor over the delays.",
     "Kell Water has withheld payments from the contractor over the delays.", False),
    ("About 2,000 homes in Selby lost power on Friday night.",
     "Power was cut to about 2,000 homes in Selby on Friday night.", True),
    ("About 2,000 homes in Selby regained power on Friday night.",
     "Power was cut to about 2,000 homes in Selby on Friday night.", False),
    ("Officials said early results put the Green Party ahead of the Farmers' Union in Kell.",
     "Early results showed the Farmers' Union finishing ahead of the Green Party in Kell, officials said.", False),
    ("Officials said early results put the Farmers' Union ahead of the Green Party in Kell.",
     "Early results showed the Farmers' Union finishing ahead of the Green Party in Kell, officials said.", True),
    ("A poll on Sunday showed Mayor Orr three points ahead of her rival, Venn.",
     "Mayor Ida Orr trailed her rival, the lawyer Tom Venn, by three points in a poll on Sunday.", False),
])
def test_more_acts_lost_power_and_placings(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 44, round four): who most of a counted group are is a fact of its own where
    # the evidence says nothing of who they are ("most of them students", "mostly carp")
    ("At least 12 people, most of them students, were hurt in the crush, a hospital official said.",
     "At least 12 people were hurt in the crush, a hospital official said.", False),
    ("At least 12 people, most of them students, were hurt in the crush, a hospital official said.",
     "At least 12 people, nine of them students, were hurt in the crush, a hospital official said.", True),
    ("Dead fish, mostly carp, were found in the Kell canal on Monday.",
     "Dead fish were found in the Kell canal on Monday, the agency said.", False),
    ("Dead fish were found in the Kell canal on Monday.",
     "Dead fish, mostly carp, were found in the Kell canal on Monday, the agency said.", True),
    # (a sentence that ends on "mostly" is read, not a crash)
    ("Dead fish were found in the Kell canal, mostly", "Dead fish were found in the Kell canal on Monday.", True),
])
def test_who_most_of_a_group_are(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 44, round five): what a proposal "would" do is not what will happen ("under
    # the proposals, fares would rise"); "police said" for "police suspect" raises a suspicion (a belief stays the
    # holder's view); an outside expert's words are not the study's authors'
    ("Bus fares in Kell will rise by 20p from May.",
     "Under proposals published by the council on Friday, bus fares in Kell would rise by 20p from May.", False),
    ("Under council proposals, bus fares in Kell would rise by 20p from May.",
     "Under proposals published by the council on Friday, bus fares in Kell would rise by 20p from May.", True),
    ("Bus fares in Kell will rise by 20p from May.", "Bus fares in Kell will rise by 20p from May, the council said.",
     True),
    ("The blaze at the Orme depot was started deliberately, a police spokeswoman said.",
     "Police suspect that the blaze at the Orme depot was started deliberately, a spokeswoman said.", False),
    ("The blaze at the Orme depot was started deliberately, police said.",
     "Police believe the blaze at the Orme depot was started deliberately.", True),
    ("The study's lead author described the results as 'a real advance'.",
     "Dr Ana Kell, a chemist not involved in the study, described the results as 'a real advance'.", False),
    ("Dr Ana Kell, who was not involved in the study, described the results as 'a real advance'.",
     "Dr Ana Kell, a chemist not involved in the study, described the results as 'a real advance'.", True),
])
def test_proposals_suspicions_and_outside_experts(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 45): a sentence's opening names read as its subject when the parser hangs them
    # on the verb as adverbials; an act only recommended, advised or asked for ("recommends closing", "asked that
    # donations be made", "told to boil"); "likely" as an adverb hedges ("was likely the work of")
    ("Tomas Reyne beat Ilse Marrow in three sets in the final at Kelby.",
     "In the final at Kelby, Ilse Marrow beat her old rival Tomas Reyne in three sets.", False),
    ("Ilse Marrow beat Tomas Reyne in three sets in the final at Kelby.",
     "In the final at Kelby, Ilse Marrow beat her old rival Tomas Reyne in three sets.", True),
    ("Brenton Council has closed the footbridge over the Lune.",
     "A report commissioned by Brenton Council recommends closing the footbridge over the Lune.", False),
    ("A report for Brenton Council recommends closing the footbridge over the Lune.",
     "A report commissioned by Brenton Council recommends closing the footbridge over the Lune.", True),
    ("Donations in his memory have been made to the Selby lifeboat station.",
     "His family has asked that donations be made to the Selby lifeboat station.", False),
    ("Residents of Orm were told to boil their water before drinking it.",
     "Residents of Orm were advised to boil water before drinking it.", True),
    ("Owners of the K4 heater should unplug it.", "Owners of the K4 heater are being told to unplug it.", True),
    ("Engineers said the outage was the work of a squirrel.",
     "Engineers said the outage was likely the work of a squirrel.", False),
    ("Engineers said the outage was probably the work of a squirrel.",
     "Engineers said the outage was likely the work of a squirrel.", True),
    ("The singer Ada Pellow sold her guitar collection to the Orm museum.",
     "The singer Ada Pellow said she was thinking of selling her guitar collection to the Orm museum.", False),
    # (an instruction "once" something "had been found": the finding happened)
    ("The bank told staff to stop using the app once a flaw had been found in it.",
     "The bank asked staff to stop using the app after a flaw was found in it.", True),
    # ("will" under an estimate is what is expected, not promised)
    ("Engineers estimate the repairs to the Kell bridge will cost at least £3m.",
     "The repairs to the Kell bridge are expected to cost between £3m and £4m, engineers said.", True),
    ("Engineers say the repairs to the Kell bridge will cost at least £3m.",
     "The repairs to the Kell bridge are expected to cost between £3m and £4m, engineers said.", False),
])
def test_opening_names_and_acts_only_recommended(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 45): who speaks: an office the claim gives the company's speaker must be the
    # one the evidence gives; "the company's chief financial officer" is the office of the one company the
    # sentence names; a description alone in the evidence, given to the one person named before it; "the pair"
    # and "the chipmaker" resolved; two names of one speaker however the parse splits the subject
    ("Dunmore Bank's chief executive said mortgage lending fell in May.",
     "Ida Penn, the head of lending at Dunmore Bank, said mortgage lending fell in May.", False),
    ("Dunmore Bank's head of lending said mortgage lending fell in May.",
     "Ida Penn, the head of lending at Dunmore Bank, said mortgage lending fell in May.", True),
    ("Tallis Group's CFO said the insurer lost $40m in the quarter.",
     "Insurer Tallis Group lost $40m in the quarter, the company's chief financial officer said.", True),
    ("Tallis Group's chief executive said the insurer lost $40m in the quarter.",
     "Insurer Tallis Group lost $40m in the quarter, the company's chief financial officer said.", False),
    ("The head of Orlin Water, Maya Dent, said sorry to customers on Monday.",
     "Orlin Water's chief executive, Maya Dent, apologised to customers on Monday.", True),
    ("Nora Vale's biographer wrote that she had left school at 15.",
     "In her memoir, Nora Vale wrote that she had left school at 15.", False),
    ("Ola Brandt, the council's housing chief, said rents had risen.",
     "Councillor Ola Brandt visited the Kell estate. The council's housing chief said rents had risen.", True),
    ("Ola Brandt, the council's housing chief, said rents had risen.",
     "Councillor Ola Brandt and Ben Orr visited the Kell estate. The council's housing chief said rents had risen.",
     False),
    ("Nia Stroud and Owen Pike told reporters the bookshop would close in May.",
     "Nia Stroud and Owen Pike opened the bookshop in 1990. The pair told reporters it would close in May.", True),
    ("Halden Chips said output at its Orm plant would stop for a week.",
     "A fire broke out at Halden Chips' plant in Orm. The country's biggest chipmaker said output there would stop "
     "for a week.", True),
    ("Harlow Mills estimated that 2% of its cloth was faulty.",
     "Some 2% of the cloth made by Harlow Mills was faulty, the company estimated.", True),
])
def test_offices_and_descriptions_of_speakers(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 45): verbs the thesaurus now knows, so another one is a changed action
    ("Security firm Orla said it had hacked the group's servers.",
     "Security firm Orla said it had tracked the group's servers.", False),
    ("Kell Ferries has bought a second vessel from Dorn Lines.",
     "Kell Ferries has chartered a second vessel from Dorn Lines.", False),
    ("Kell Ferries has rebooked passengers whose sailings were cancelled.",
     "Kell Ferries has refunded passengers whose sailings were cancelled.", False),
    ("Ada Roe composed the music for 'Low Tide' for the Orm Ballet in 1971.",
     "Ada Roe choreographed 'Low Tide' for the Orm Ballet in 1971.", False),
    ("Piet Lund bought the Orm mill from his aunt in 1950.", "Piet Lund inherited the Orm mill from his aunt in 1950.",
     False),
    ("The regulator found that Velo Mobile disconnected 9,000 customers.",
     "The regulator found that Velo Mobile throttled data speeds for 9,000 customers.", False),
    ("The mayor wrote to the minister about the closure of the Kell ward.",
     "The mayor met the minister to discuss the closure of the Kell ward.", False),
    ("The mayor wrote to the minister about the closure of the Kell ward.",
     "The mayor wrote to the minister on Monday about the closure of the Kell ward.", True),
    ("A tanker overturned on the Orm bypass on Friday morning.", "A tanker broke down on the Orm bypass on Friday "
     "morning.", False),
    ("A tanker overturned on the Orm bypass on Friday morning.",
     "A tanker overturned on the Orm bypass on Friday morning, police said.", True),
    ("The inquiry found that the treasurer knew of the losses.",
     "The inquiry found that the treasurer had no knowledge of the losses.", False),
    ("The app store has taken down 30 apps that harvested contacts.",
     "The app store has removed 30 apps that harvested contacts.", True),
    ("Thefts from cars in Orm have trebled since 2020.", "Thefts from cars in Orm have tripled since 2020.", True),
    ("Thefts from cars in Orm have tripled since 2020.", "Thefts from cars in Orm have doubled since 2020.", False),
    ("Thefts from cars in Orm have tripled over three years.", "Thefts from cars in Orm have trebled in three years.",
     True),
    ("The gang asked the Kell hospital for $2m.", "The gang demanded $2m from the Kell hospital.", True),
    ("The gang demanded $2m from the Kell hospital.", "The gang asked the Kell hospital for $2m.", False),
    ("The plan aims to relieve pressure on Kell's wards.", "The plan aims to ease pressure on Kell's wards.", True),
])
def test_changed_actions_the_thesaurus_knows(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 45): amounts, times and orders: a window "within" a number of days; a
    # ceiling "no higher than"; "tens of thousands" of a thing counted in "units"; weeks against months; "one in
    # every 50"; what someone died of; an age is not any number; "once" orders two events; "whole" and "entire"
    ("Fines can be appealed within 28 days.", "Fines can be appealed within 14 days, the court said.", False),
    ("Fines can be appealed within 14 days.", "Fines can be appealed within 14 days, the court said.", True),
    ("The drones will fly at most 90 m high.", "The drones will fly no higher than 90 metres.", True),
    ("Brisk is recalling tens of thousands of kettles.",
     "Kettle maker Brisk is recalling 45,000 units of its K2 model.", True),
    ("The Kell tunnel will be shut for more than three months.", "The Kell tunnel will close for 18 weeks.", True),
    ("The Kell tunnel will be shut for more than five months.", "The Kell tunnel will close for 18 weeks.", False),
    ("One in every 50 bottles from the Orm plant was faulty.", "Two percent of the bottles from the Orm plant were "
     "faulty.", True),
    ("One in every 40 bottles from the Orm plant was faulty.", "Two percent of the bottles from the Orm plant were "
     "faulty.", False),
    ("The poet Lina Hart died of cancer on Monday aged 81.", "The poet Lina Hart died on Monday aged 81.", False),
    ("A bus driver helped a lost three-year-old find her father.",
     "A bus driver helped a lost toddler find her father. 'I have three of my own,' he said.", False),
    ("A bus driver stopped to help a lost child find her father.",
     "A bus driver stopped to help a lost toddler find her father.", True),
    ("The pier at Orm will reopen once the sea wall has been repaired.",
     "The sea wall at Orm will be repaired once the pier has reopened.", False),
    ("The pier at Orm will reopen once repairs to the sea wall are finished.",
     "The pier at Orm will reopen once the sea wall repairs have been completed.", True),
    ("Kell Air will retire its whole turboprop fleet by 2030.", "Kell Air will retire its entire turboprop fleet by "
     "2030.", True),
    ("The mural covers the north wall of the Orm library.", "The mural covers the south wall of the Orm library.",
     False),
    ("The museum in Orm is open to visitors at no charge on Sundays.",
     "The museum in Orm is open to visitors free of charge on Sundays.", True),
])
def test_windows_ceilings_spans_and_orders(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 45, round three): an ordinal in words past a hundred; "cents in the dollar"
    # as a share; "a whole day" where the evidence gives the span in hours
    ("Ivy Marsh celebrated her one hundred and third birthday on Sunday.", "Ivy Marsh, who turned 103 on Sunday, "
     "still lives alone.", True),
    ("Ivy Marsh celebrated her one hundred and fourth birthday on Sunday.", "Ivy Marsh, who turned 103 on Sunday, "
     "still lives alone.", False),
    ("Savers in the Orm fund will get back about 40 percent of their money.",
     "Savers in the Orm fund will get back about 40 cents in the dollar.", True),
    ("The pupils of Orm school stayed silent for a whole day to raise money.",
     "The sponsored silence by the pupils of Orm school lasted 24 hours and raised money for charity.", True),
    ("The pupils of Orm school stayed silent for a whole day to raise money.",
     "The sponsored silence by the pupils of Orm school lasted 12 hours and raised money for charity.", False),
])
def test_ordinals_shares_and_whole_spans(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 45, round four): the thing raised as the subject of "rise" (no roles
    # reversed; "fall" is still the opposite); an acronym that keeps its "of" ("MoD") for the name spelled out
    ("Household gas prices will rise by more than 7%, Orm Energy says.",
     "Supplier Orm Energy will raise household gas prices by 7.5% from 1 May, the company said.", True),
    ("Household gas prices will fall by 7%, Orm Energy says.",
     "Supplier Orm Energy will raise household gas prices by 7% from 1 May, the company said.", False),
    ("The Ministry of Defence says a wartime mine found on Kell beach was made safe on Sunday.",
     "A wartime mine found on Kell beach was made safe on Sunday, the MoD said.", True),
    ("The Ministry of Health says a wartime mine found on Kell beach was made safe on Sunday.",
     "A wartime mine found on Kell beach was made safe on Sunday, the MoD said.", False),
    # (what must happen is as sure as what will, not a thing done; nor surer than a plan only weighed)
    ("The time nurses in Orm spend on handovers must now be paid, a tribunal ruled.",
     "Nurses in Orm will be paid for the time they spend on handovers, a tribunal ruled.", True),
    ("Orm council must close the Kell library.", "Orm council is considering closing the Kell library.", False),
    # (a committee is not its chair: one member's words are not the body's; a spokesman's are)
    ("Orm's planning committee said the tower was too tall.",
     "'The tower is too tall,' said Councillor Ana Reyes, who chairs Orm's planning committee.", False),
    ("Councillor Ana Reyes said the tower was too tall.",
     "'The tower is too tall,' said Councillor Ana Reyes, who chairs Orm's planning committee.", True),
    ("Orm council said the Kell library would close.", "An Orm council spokesman said the Kell library would close.",
     True),
])
def test_raised_things_rising_and_acronyms_with_of(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 45): two names, each part of another act, swapped; a bare "did not" stands for
    # the act before it
    ("Sales of Pellow fell after its rival Quarrix launched a cheaper model, analysts said.",
     "Sales of Quarrix fell after its rival Pellow launched a cheaper model, analysts said.", False),
    ("After its rival Pellow launched a cheaper model, sales of Quarrix fell, analysts said.",
     "Sales of Quarrix fell after its rival Pellow launched a cheaper model, analysts said.", True),
    ("Ana Roe's two sisters passed the Orm entrance exam in 1960.",
     "Ana Roe passed the Orm entrance exam in 1960; her two sisters did not.", False),
    ("Ana Roe passed the Orm entrance exam in 1960.",
     "Ana Roe passed the Orm entrance exam in 1960; her two sisters did not.", True),
])
def test_swapped_names_and_a_bare_did_not(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 45, round two): verbs the small parser reads as adjectives or as part of a
    # name ("Parrow abandoned work", "has frozen funding", "Orm High beat Kell Academy", "Varnia imports ..."), a
    # gerund read as a noun ("accused ... of hiding charges"), a noun of intention ("and plans to appeal"),
    # "become" as "be", "taken ... to court"
    ("Parrow Homes abandoned work on the Kell bridge after the flood.",
     "Parrow Homes paused work on the Kell bridge after the flood.", False),
    ("Parrow Homes paused work on the Kell bridge after the flood.",
     "Parrow Homes paused work on the Kell bridge after the flood, a spokesman said.", True),
    ("The Orm Arts Trust has withdrawn funding for the Kell choir for next year.",
     "The Orm Arts Trust has frozen funding for the Kell choir for next year.", False),
    ("A judge in Orm on Monday revoked bail for Ana Reyes until her trial in May.",
     "A judge in Orm on Monday extended bail for Ana Reyes until her trial in May.", False),
    ("Kell Air compensated passengers stranded at Orm airport overnight.",
     "Kell Air apologised to passengers stranded at Orm airport overnight.", False),
    ("Varnia imports most of its gas from neighbouring Oskel.",
     "Oskel imports most of its gas from neighbouring Varnia.", False),
    ("Varnia imports most of its gas from neighbouring Oskel.",
     "Varnia imports most of its gas from neighbouring Oskel, the ministry said.", True),
    ("Orm High beat Kell Grove Academy in the county quiz final.",
     "In the county quiz final, a team from Kell Grove Academy beat Orm High.", False),
    ("Orm Data has taken its former partner Kell Systems to court.",
     "Kell Systems has sued its former partner Orm Data.", False),
    ("Retailer Shelby hid delivery charges until the final checkout page.",
     "Campaigners have accused retailer Shelby of hiding delivery charges until the final checkout page.", False),
    ("The comet will be visible to the naked eye in May.",
     "Astronomers said the comet could become visible to the naked eye in May.", False),
    ("The comet may be visible to the naked eye in May.",
     "Astronomers said the comet could become visible to the naked eye in May.", True),
    ("Orm Gas said it had filed a challenge at the High Court.",
     "Orm Gas said it disagreed with the ruling and plans to appeal to the High Court.", False),
    ("Quill launched a new version of its payments app in May.",
     "Quill tested a new version of its payments app in May.", False),
    ("Varnia severed diplomatic ties with Oskel on Monday.", "Varnia recalled its ambassador from Oskel on Monday.",
     False),
    # (a passive whose subject the parse lends it is what is acted on: no roles reversed)
    ("Cannabis plants estimated to be worth £50,000 were seized in a police raid near Orm.",
     "Police seized cannabis plants worth an estimated £50,000 in a raid on a barn near Orm.", True),
])
def test_verbs_the_parser_misreads(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 46): orders, sides and roles: a "before" clause the parser hangs on the act
    # decided; "those in ..." standing for what its preposition names; "to after the display"; "taller" /
    # "shorter"; two describing words of one noun crossed between two acts; a describing word swapped between
    # the subject and the noun of a preposition ("a premium over ...")
    ("Orm council will decide whether to shut the Kell library before it consults residents.",
     "Orm council will consult residents before it decides whether to shut the Kell library.", False),
    ("Orm council will consult residents before it decides whether to shut the Kell library.",
     "Orm council will consult residents before it decides whether to shut the Kell library, a spokesman said.",
     True),
    ("Bins in Orm ward will be emptied on Mondays, a day before those in Kell ward.",
     "Bins in Orm ward will be emptied on Mondays, a day after those in Kell ward.", False),
    ("Bins in Orm ward will be emptied on Mondays, a day after those in Kell ward.",
     "Bins in Orm ward will be emptied on Mondays, a day after those in Kell ward, the council said.", True),
    ("Organisers moved the band's set to after the fireworks display.",
     "Organisers moved the band's set to before the fireworks display.", False),
    ("Residents said the new tower would be shorter than the church spire.",
     "Residents said the new tower would be taller than the church spire.", False),
    ("The council's roads budget was overspent by £2m while its parks budget was underspent by £1m.",
     "The council's parks budget was overspent by £2m while its roads budget was underspent by £1m.", False),
    ("The council's parks budget was overspent by £2m, and its roads budget was underspent by £1m.",
     "The council's parks budget was overspent by £2m while its roads budget was underspent by £1m.", True),
    ("Organic wheat fetched a premium of £40 a tonne over conventional wheat last year.",
     "Conventional wheat fetched a premium of £40 a tonne over organic wheat last year.", False),
])
def test_orders_sides_and_crossed_roles(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 46): acts: "has frozen" read as having frozen things; verbs the thesaurus now
    # knows (draft, unionise, reverse, shortlist, display; cull for destroy, open for premiere); an act noun
    # as the object of the same verb ("approved the demolition" / "the conversion"); "go on doing" as "keep
    # doing"
    ("Orm's cabinet has cut councillors' allowances until the end of the year.",
     "Orm's cabinet has frozen councillors' allowances until the end of the year.", False),
    ("Orm's cabinet has frozen councillors' allowances until the end of the year.",
     "Orm's cabinet has frozen councillors' allowances until the end of the year, a spokesman said.", True),
    ("The Kell farmers' union drafted the new tenancy code.", "The Kell farmers' union endorsed the new tenancy code.",
     False),
    ("Staff at the Orm museum voted to unionise on Monday.", "Staff at the Orm museum voted to strike on Monday.",
     False),
    ("Director Ana Roe reversed her decision to cast amateurs.",
     "Director Ana Roe defended her decision to cast amateurs.", False),
    ("The jury named Tom Hale's novel as the winner of the Kell Prize.",
     "The jury shortlisted Tom Hale's novel for the Kell Prize.", False),
    ("Vets have destroyed all 900 pigs on the Kell farm.", "Vets have culled all 900 pigs on the Kell farm.", True),
    ("The committee approved the demolition of the Kell chapel.",
     "The committee approved the conversion of the Kell chapel into four flats.", False),
    ("The committee approved the conversion of the Kell chapel.",
     "The committee approved the conversion of the Kell chapel into four flats.", True),
    ("Farmers warned that they cannot go on selling milk below what it costs to produce.",
     "'We cannot keep selling milk below the cost of production,' farmers warned.", True),
])
def test_acts_and_their_objects(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 46): how surely: a thing asked for said to be given; a deal "in talks" said
    # to be signed; "unlikely" said to be ruled out; cancellations warned of said to be made; a reported "would"
    # restated in the present
    ("The ministry has given the Kell trust £3m to reopen the ward.",
     "The Kell trust has asked the ministry for £3m to reopen the ward.", False),
    ("The Kell trust has asked the ministry for £3m to reopen the ward.",
     "The Kell trust has asked the ministry for £3m to reopen the ward, a spokesman said.", True),
    ("Kell Foods has signed a supply deal with the Orm growers.",
     "Kell Foods is in talks with the Orm growers about a supply deal.", False),
    ("Kell Foods is in talks with the Orm growers about a supply deal.",
     "Kell Foods is in talks with the Orm growers about a supply deal, both sides said.", True),
    ("The envoy ruled out a ceasefire before the talks.",
     "The envoy warned that a ceasefire was unlikely before the talks.", False),
    ("Ferry operators have cancelled sailings on the Orm route.",
     "Ferry operators have warned of likely cancellations on the Orm route.", False),
    ("Orm's Christmas market is moving to a park this year.",
     "The mayor announced that Orm's Christmas market would move this year from the square to Kell Park.", True),
])
def test_asked_weighed_and_warned_of(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 46): who and what: a person named in what the evidence says of its speaker
    # is not the speaker; "the founder of X" for a name "who founded X"; "growers there" for the place named
    # before; a doer added by "by" though a place follows it; amounts and words: pence with decimals ("climbed
    # above" a price is reaching one past it), "under a three-year deal", "debut" as "first", "every year" as "a
    # year", "completely" as "all", a month as when
    ("Ana Roe, star of 'Wolf Song', said the Kell Gorge shoot had been the hardest of her career.",
     "Tom Hale, who directed 'Wolf Song' with Ana Roe in the lead role, said the shoot in Kell Gorge had been 'the "
     "hardest of my career'.", False),
    ("Tom Hale, director of 'Wolf Song', said the Kell Gorge shoot had been the hardest of his career.",
     "Tom Hale, who directed 'Wolf Song' with Ana Roe in the lead role, said the shoot in Kell Gorge had been 'the "
     "hardest of my career'.", True),
    ("The founder of the Kell Puppet Company has died.",
     "Ana Roe, who founded the Kell Puppet Company in 1988, has died aged 81.", True),
    ("The founder of the Orm Theatre has died.",
     "Ana Roe, who founded the Kell Puppet Company in 1988, has died aged 81.", False),
    ("Cherry growers in the Orm Hills say the frost destroyed half their blossom.",
     "A late frost struck the cherry orchards of the Orm Hills on 4 April. Growers there say it destroyed half their "
     "blossom.", True),
    ("The painting was found by a cleaner in the Orm Museum.",
     "The painting was found in the archive of the Orm Museum.", False),
    ("Milk prices rose to more than 30 pence a litre in May.", "Milk prices rose to 31.4 pence a litre in May.", True),
    ("Milk prices climbed above 30 pence a litre in May.", "Milk prices reached 31.4 pence a litre in May.", True),
    ("Milk prices rose to more than 32 pence a litre in May.", "Milk prices rose to 31.4 pence a litre in May.",
     False),
    ("Under a three-year deal, Kell Foods will buy all of the cooperative's milk.",
     "Kell Foods has signed a three-year deal to buy all the milk the cooperative produces.", True),
    ("The first novel by Ana Roe sold 20,000 copies.", "Ana Roe's debut novel sold 20,000 copies.", True),
    ("The second novel by Ana Roe sold 20,000 copies.", "Ana Roe's debut novel sold 20,000 copies.", False),
    ("The incinerator would burn 100,000 tonnes of waste every year.",
     "The incinerator would burn 100,000 tonnes of waste a year.", True),
    ("Members have completely lost faith in the council.", "Members have lost all faith in the council.", True),
    ("A statue of the composer Ana Roe by sculptor Tom Hale is due to be unveiled in June.",
     "Sculptor Tom Hale will unveil a bronze statue of the composer Ana Roe in Brandmere Square on 4 June, the city's "
     "arts office said.", True),
])
def test_speakers_descriptions_and_amounts(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 46, round two): a prize won for one "awarded to" them (one transfer, its two
    # sides); "would not drop any" for "would keep all" (keeping and scrapping are opposites); "picked up" a prize
    # for "won"
    ("Ana Roe has won the Kell Prize for her novel.",
     "The Kell Prize was awarded on Thursday to Ana Roe for her novel.", True),
    ("Orm Rail said it would not drop any routes this year.", "Orm Rail said it would keep all its routes this year.",
     True),
    ("Orm Rail said it would scrap its night routes this year.",
     "Orm Rail said it would keep its night routes this year.", False),
    ("'Kell Rivers' picked up at least one prize at the Orm film awards.",
     "The documentary 'Kell Rivers' won best feature and best editing at the Orm film awards.", True),
])
def test_two_sides_and_opposites(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 46, round three): one relation told with another verb, the parties the other
    # way round ("took over from" / "succeeded", "worked for" / "was employed by"); a decision still awaited said
    # made; a participle that describes ("images reviewed by ...") weighs nothing; jurors are the jury
    ("Ana Roe took over from Tom Hale as coach of Kell Rovers in May.",
     "Tom Hale succeeded Ana Roe as coach of Kell Rovers in May.", False),
    ("Tom Hale took over from Ana Roe as coach of Kell Rovers in May.",
     "Tom Hale succeeded Ana Roe as coach of Kell Rovers in May.", True),
    ("The court heard Roe had worked as a cleaner for Hale before the two fell out.",
     "The court heard that Hale had been employed by Roe as a cleaner before the two fell out.", False),
    ("The court heard Hale had worked as a cleaner for Roe before the two fell out.",
     "The court heard that Hale had been employed by Roe as a cleaner before the two fell out.", True),
    ("Kell's proposed tram line has been approved by the planning inspectorate.",
     "Kell's proposed tram line is still awaiting a decision from the planning inspectorate.", False),
    ("Kell's proposed tram line is awaiting a decision from the planning inspectorate.",
     "Kell's proposed tram line is still awaiting a decision from the planning inspectorate.", True),
    ("Satellite images reviewed by the Orm Institute showed a column about 12 km long.",
     "The column stretched for about 12 kilometres, satellite images reviewed by the Orm Institute showed.", True),
    ("On Thursday Ana Roe, aged 29, was convicted of arson by jurors at Kell Crown Court.",
     "A jury at Kell Crown Court found Ana Roe, 29, guilty of arson on Thursday.", True),
    # (round four: "brokered" is negotiating, not financing; "a full minute and a half" is 90 seconds)
    ("Orm and Kell exchanged 40 prisoners on Friday in a swap financed by Vell, officials said.",
     "Orm and Kell exchanged 40 prisoners on Friday in a swap brokered by Vell, officials said.", False),
    ("Ana Roe won the Kell cross-country title by 90 seconds.",
     "Ana Roe won the Kell cross-country title on Sunday, finishing a full minute and a half ahead of Tom Hale.",
     True),
    ("Ana Roe won the Kell cross-country title by 80 seconds.",
     "Ana Roe won the Kell cross-country title on Sunday, finishing a full minute and a half ahead of Tom Hale.",
     False),
])
def test_relations_told_from_two_places_and_awaited_decisions(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 47): sides and opposites: a name describing a common noun ("Orm airport") is
    # a party of its clause; the same doer given the opposite act, whatever act noun the evidence also has; a
    # particle verb ("sent off") is no sending; a synonym only in a clause about other parties is not the act the
    # evidence gives the claim's own doer and thing acted on
    ("Passenger numbers at Orm airport rose last year while those at the smaller Kell airport fell by 9%.",
     "Passenger numbers at Orm airport fell by 9% last year while numbers at the smaller Kell airport rose.", False),
    ("Passenger numbers at Orm airport fell by 9% last year while those at the smaller Kell airport rose.",
     "Passenger numbers at Orm airport fell by 9% last year while numbers at the smaller Kell airport rose.", True),
    ("Kell Rovers beat Orm 24-17 at home on Friday.",
     "Kell Rovers lost 24-17 to Orm at home on Friday, a third straight defeat for Ana Roe's side.", False),
    ("Orm beat Kell Rovers 24-17 on Friday.",
     "Kell Rovers lost 24-17 to Orm at home on Friday, a third straight defeat for Ana Roe's side.", True),
    ("Tom Hale received a second yellow card and was dismissed in the 63rd minute.",
     "Kell striker Tom Hale was sent off in the 63rd minute for a second bookable offence.", True),
    ("Kell manager Ana Roe confronted the referee after Saturday's draw.",
     "Kell manager Ana Roe praised the referee, Tom Hale, after Saturday's draw, saying he had handled a tense game "
     "well.", False),
    ("Kell manager Ana Roe commended the referee after Saturday's draw.",
     "Kell manager Ana Roe praised the referee, Tom Hale, after Saturday's draw, saying he had handled a tense game "
     "well.", True),
    ("Analysts at Vell Partners upgraded Orm Pharma to 'hold' from 'sell'.",
     "Analysts at Vell Partners downgraded Orm Pharma to 'sell' from 'hold'.", False),
])
def test_session47_sides_and_opposites(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 47): how surely: an allegation's act read as a noun by the tagger ("spat");
    # strike action threatened said taken; a release demanded in the subjunctive said done; a hedge on a
    # describing phrase the claim leaves out does not hedge the rest; a possibility said of another thing does not
    # hedge the act the evidence states
    ("Kell defender Tom Hale spat at an opponent during Sunday's derby.",
     "Kell defender Tom Hale has been accused of spitting at an opponent during Sunday's derby.", False),
    ("Kell's players have taken strike action over unpaid wages, their union said.",
     "Kell's players have threatened strike action over unpaid wages, their union said.", False),
    ("Strike action over unpaid wages has been threatened by Kell's players, their union said.",
     "Kell's players have threatened strike action over unpaid wages, their union said.", True),
    ("Orm has released the rebel commander Tom Hale.",
     "The rebels demanded that Orm release their commander, Tom Hale, in exchange for the pilot.", False),
    ("The rebels demanded that Orm free their commander.",
     "The rebels demanded that Orm release their commander, Tom Hale, in exchange for the pilot.", True),
    ("Kell Rovers have agreed a naming-rights deal for their stadium with a telecoms company.",
     "Kell Rovers have agreed a ten-year naming-rights deal for their stadium with the telecoms firm Vell, reportedly "
     "worth £3 million a year.", True),
    ("Kell Rovers' stadium naming-rights deal with Vell is worth £3 million a year.",
     "Kell Rovers have agreed a ten-year naming-rights deal for their stadium with the telecoms firm Vell, reportedly "
     "worth £3 million a year.", False),
    ("The Bank of Orm lowered its main rate on Tuesday.",
     "The Bank of Orm cut its main rate by 25 basis points on Tuesday and signalled further easing was possible.",
     True),
])
def test_session47_how_surely(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 47): amounts and negation: "thirty of the 60" is half of them, with a
    # possessive between; a hyphenated word gives an initial of each part; "a single day" is one day; "without
    # giving a reason" gives none; a noun denied in a conjunct
    ("Walkers on the Kell trek covered 42 km in one day.", "Walkers on the Kell trek covered 42 kilometres in a single "
     "day.", True),
    ("Aid workers said thirty of the convoy's 60 lorries were turned back.",
     "Half of the convoy's 60 lorries were turned back at the border, aid workers said.", True),
    ("Aid workers said twenty of the convoy's 60 lorries were turned back.",
     "Half of the convoy's 60 lorries were turned back at the border, aid workers said.", False),
    ("Colonel Ana Roe said two RPGs hit a border post overnight.",
     "Colonel Ana Roe said two rocket-propelled grenades hit a border post overnight.", True),
    ("Orm's spy chief resigned without giving a reason.",
     "Orm's spy chief resigned on Wednesday. He gave no reason for his departure.", True),
    ("Officials said the blast at the Kell depot was the result of an attack.",
     "Officials said the blast at the Kell depot was an accident and not the result of an attack.", False),
])
def test_session47_amounts_and_denials(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 47): verbs the thesaurus now knows: an act another than the evidence's
    # ("shot down" for "jammed", "boarded" for "shadowed", "defused" for "found", "licensed" for "sold") and one
    # restated ("went off" for "detonated", "kicked off" for "started", "lost 2%" for "weakened 2%")
    ("The army said it had shot down two drones near the base.",
     "The army said it had jammed two drones near the base.", False),
    ("Orm warships boarded the research vessel as it crossed the strait.",
     "Orm warships shadowed the research vessel as it crossed the strait, the navy said.", False),
    ("Police said soldiers defused a car bomb outside the Kell town hall.",
     "Soldiers found a car bomb outside the Kell town hall, police said.", False),
    ("Orm Pharma sold its migraine drug to Vell Biotech.", "Orm Pharma licensed its migraine drug to Vell Biotech.",
     False),
    ("A bomb went off beside a patrol on the Kell road.", "A bomb detonated beside a patrol on the Kell road.", True),
    ("The Kell derby started at 19:45.", "The Kell derby kicked off at 19:45.", True),
    ("The orm lost 1.3% against the dollar on Wednesday.", "The orm weakened 1.3% against the dollar on Wednesday.",
     True),
])
def test_session47_verbs(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 47, round two): a transfer told from its other side with the clubs the other
    # way round ("took X from A" / "A signed X from B"); "looked like" a thing restates "appeared to be" it; a claim
    # that keeps the allegation ("alleged to have sent") is no surer than "accused of shipping"; "the vessel's
    # operator" is "the ship's operator" (the speaker itself stays as named: police are no fire officer)
    ("Kell have taken striker Tom Hale on loan from Orm.", "Orm have signed striker Tom Hale from Kell on loan.",
     False),
    ("Orm have taken striker Tom Hale on loan from Kell.", "Orm have signed striker Tom Hale from Kell on loan.", True),
    ("Kell have loaned striker Tom Hale to Orm.", "Orm have signed striker Tom Hale from Kell on loan.", True),
    ("The crew of the Orm Star saw what looked like a mine in the channel.",
     "The crew of the Orm Star spotted what appeared to be a mine floating in the channel.", True),
    ("The object in the channel was a mine.",
     "The crew of the Orm Star spotted an object that appeared to be a mine floating in the channel.", False),
    ("Two Kell firms alleged to have sent drone engines to rebels face new checks, the ministry said.",
     "Two Kell companies accused of shipping drone engines to rebels face new checks, the ministry said.", True),
    ("Two Kell firms sent drone engines to rebels, the ministry said.",
     "Two Kell companies accused of shipping drone engines to rebels face new checks, the ministry said.", False),
    ("Some of the Orm Star's crew have been freed, according to the vessel's operator.",
     "Twelve crew members of the Orm Star were released on Monday, the ship's Kell-based operator said.", True),
    ("County police said they expected the fire to be contained by Sunday.",
     "'We expect the fire to be contained by Sunday,' said Ana Roe, the county's chief fire officer.", False),
    # (which side: "against" a party the evidence has them fighting alongside, or acting "in defence of")
    ("Orm has sent troops to fight against Kell's army.", "Orm has sent troops to fight alongside Kell's army.", False),
    ("Orm has sent troops to fight beside Kell's army.", "Orm has sent troops to fight alongside Kell's army.", True),
    ("Orm's brigades have made progress against the government of Tom Hale.",
     "Two of Orm's brigades have made progress in their defence of the government of Tom Hale.", False),
    ("The Kell council voted against the tram plan.", "The Kell council voted for the tram plan on Monday.", False),
    # (an order told from its other end: "behind" one is "ahead of" the other)
    ("Ana Roe finished behind Tom Hale.", "Tom Hale finished ahead of Ana Roe.", True),
    ("Tom Hale finished behind Ana Roe.", "Tom Hale finished ahead of Ana Roe.", False),
])
def test_session47_transfers_appearances_and_speakers(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 48): speakers: one member said to be many, whoever the verb makes a person;
    # someone who stands beside another ("deputy to", "a lawyer for") is not that other; a company's own denial
    # outweighs its spokesperson's report of it; a belief's holder compared by its own noun
    ("Villagers in Marl told the agency by phone that the well had run dry.",
     "One villager in Marl told the agency by phone that the well had run dry.", False),
    ("A villager told the radio station that the well had run dry.",
     "One villager told the radio station that the well had run dry.", True),
    ("Nurses said the ward had been closed for a week.",
     "One nurse said the ward had been closed for a week.", False),
    ("Police said the road had reopened.", "Officers said the road had reopened.", True),
    ("Admiral Ines Kovar said the frigate had been repaired.",
     "Captain Teo Brandl, aide to Admiral Ines Kovar, said the frigate had been repaired.", False),
    ("Captain Teo Brandl said the frigate had been repaired.",
     "Captain Teo Brandl, aide to Admiral Ines Kovar, said the frigate had been repaired.", True),
    ("The tenants told the court that the landlord had ignored repeated complaints.",
     "A solicitor for the tenants, Ruth Ames, told the court that the landlord had ignored repeated complaints.",
     False),
    ("The ministry said the talks would resume on Monday.",
     "A spokesman for the ministry said the talks would resume on Monday.", True),
    ("The carrier has admitted fault for the delays, its spokeswoman said.",
     "The carrier has never admitted fault for the delays, its spokeswoman said.", False),
    ("The insurer accepted liability for the fire, its spokesman said.",
     "The insurer did not accept liability for the fire, its spokesman said.", False),
    ("The insurer accepted liability for the fire, its spokesman said.",
     "The insurer accepted liability for the fire, its spokesman said on Monday.", True),
    ("Ruling party whips have the numbers to pass the bill, according to a party aide.",
     "Ruling party whips believe they have the numbers to pass the bill, according to a party aide.", False),
    ("Ruling party whips believe they can pass the bill, according to a party aide.",
     "Ruling party whips believe they have the numbers to pass the bill, according to a party aide.", True),
])
def test_session48_speakers(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 48): who a later description is: a rank makes a person of a name the tagger
    # typed as a body ("the soldier"); "the expert" is the one person named before; a paper by its title ("the
    # newspaper"); the chair of a body "chaired by" someone; a relative pronoun's act is its antecedent's
    ("Lina Aster said the convoy had been fired on from a ridge.",
     "Sergeant Lina Aster was injured near the bridge. The soldier said the convoy had been fired on from a ridge.",
     True),
    ("Dunmore Freight said the convoy had been fired on from a ridge.",
     "Sergeant Lina Aster was injured near the bridge. The soldier said the convoy had been fired on from a ridge.",
     False),
    ("Tomas Greer said the samples had been contaminated.",
     "The tribunal then heard from Tomas Greer, a laboratory chemist. The expert said the samples had been "
     "contaminated.", True),
    ("The Harwick Sentinel said it would contest the fine.",
     "The Harwick Sentinel was fined by the regulator in May. The newspaper said it would contest the fine.", True),
    ("The regulator said it would contest the fine.",
     "The Harwick Sentinel was fined by the regulator in May. The newspaper said it would contest the fine.", False),
    ("Councillor Ada Penn said she expected a decision in March.",
     "The planning board, chaired by Councillor Ada Penn, met on Monday. Its chairwoman said she expected a decision "
     "in March.", True),
    ("Norvale Gas admitted the breach last year.",
     "Norvale Gas was fined £2m on Friday. The supplier, which admitted the breach last year, said it had changed "
     "its procedures.", True),
])
def test_session48_who_a_description_is(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 48): how far apart ("a day after" / "three days after"); an extra fortnight;
    # a denied plan; from and to swapped between two names sharing a word; acts the thesaurus now knows
    ("The ferry sank a day after the storm warning, the coastguard said.",
     "The ferry sank three days after the storm warning, the coastguard said.", False),
    ("The ferry sank a day after the storm warning.", "The ferry sank the day after the storm warning.", True),
    ("The ferry sank a day after the storm warning.", "The ferry sank 24 hours after the storm warning.", True),
    ("The festival will run for an additional two weeks.", "The festival will run for an extra fortnight.", True),
    ("The festival will run for an additional three weeks.", "The festival will run for an extra fortnight.", False),
    ("The council is preparing to close the library.",
     "The council denied that it was preparing to close the library.", False),
    ("The council denied it was preparing to close the library.",
     "The council denied that it was preparing to close the library.", True),
    ("Two councillors crossed from the Green Party to the Labour Party in June.",
     "Two councillors crossed from the Labour Party to the Green Party in June.", False),
    ("Two councillors crossed from the Labour Party to the Green Party in June.",
     "In June two councillors crossed from the Labour Party to the Green Party.", True),
    ("About 900 families have left Ostra since the shelling began.",
     "About 900 families have fled Ostra since the shelling began.", True),
    ("About 900 families have fled Ostra since the shelling began.",
     "About 900 families have left Ostra since the shelling began.", False),
    ("The Greens won 21 percent of the vote.", "The Greens secured 21 percent of the vote.", True),
    ("The medical council struck off the surgeon.", "The medical council reprimanded the surgeon.", False),
    ("The tribunal enforced the contract.", "The tribunal annulled the contract.", False),
])
def test_session48_amounts_plans_and_acts(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 48, round two): "half of" a plural noun with no article is 50 percent; a
    # common noun that opens the claim, typed as a name on its own, is no name to find; MPs are members of
    # parliament when counted; "KC" and "MD" are titles written as initials
    ("Almost 50% of those polled said they would back a recount.",
     "Nearly half of respondents said they would support a recount, while a quarter opposed one.", True),
    ("Almost 40% of those polled said they would back a recount.",
     "Nearly half of respondents said they would support a recount, while a quarter opposed one.", False),
    ("Turnout among first-time voters in the by-election was 20 percent, the returning officer said.",
     "Only one in five first-time voters cast a ballot in the by-election, the returning officer said.", True),
    ("Turnout among first-time voters in the by-election was 30 percent, the returning officer said.",
     "Only one in five first-time voters cast a ballot in the by-election, the returning officer said.", False),
    ("Five Liberal MPs resigned from the committee on Monday.",
     "Five Liberal members of parliament resigned from the committee on Monday.", True),
    ("Six Liberal MPs resigned from the committee on Monday.",
     "Five Liberal members of parliament resigned from the committee on Monday.", False),
    ("Hugo Brand, King's Counsel for the family, told the inquest the warnings were ignored.",
     "Hugo Brand KC, for the family, told the inquest the warnings had been ignored.", True),
])
def test_session48_shares_names_and_initials(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 48, round three): parties swapped while their head nouns stay: a qualifier
    # moved from doer to the other side ("among men" / "among women"), a relative clause about the other party
    # ("whom X succeeded" / "who succeeded X"), two directions each given the other's act; acts done together stay
    ("Sales to retailers overtook sales to households in March, the trade body said.",
     "Sales to households overtook sales to retailers in March, the trade body said.", False),
    ("Sales to households overtook sales to retailers in March, the trade body said.",
     "In March sales to households overtook sales to retailers, the trade body said.", True),
    ("Fans clashed with police outside the stadium.", "Police clashed with fans outside the stadium.", True),
    ("Attendance among pensioners outstripped attendance among students for the first time.",
     "Attendance among students outstripped attendance among pensioners for the first time.", False),
    ("Dara Venn, whom Ilse Moor replaced as club secretary in 2019, is now its chair.",
     "Dara Venn, who replaced Ilse Moor as club secretary in 2019, is now its chair.", False),
    ("Dara Venn, who succeeded Ilse Moor as club secretary in 2019, is now its chair.",
     "Dara Venn, who replaced Ilse Moor as club secretary in 2019, is now its chair.", True),
    ("Villagers said the floodwater had reached the southern fields but spared the north.",
     "Villagers said the floodwater had reached the northern fields but spared the south.", False),
    ("Villagers said the floodwater had swamped the northern fields but spared the south.",
     "Villagers said the floodwater had flooded the northern fields but spared the south.", True),
    # (session 50: "covered" for "reached", the sentence otherwise word for word, says more than the evidence and
    # is now refused by the one-changed-verb check; it was accepted here before as a reworded verb)
    ("Villagers said the floodwater had covered the northern fields but spared the south.",
     "Villagers said the floodwater had reached the northern fields but spared the south.", False),
])
def test_session48_parties_swapped(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 48, round four): "have not been able to" is "unable to" (the act did not
    # happen); a reduced relative the tagger reads as a past tense ("a truce agreed in May") keeps its own time
    ("The crews have been unable to reach the summit.", "The crews have not been able to reach the summit.", True),
    ("The crews reached the summit.", "The crews have not been able to reach the summit.", False),
    ("The crews were unable to reach the summit.", "The crews were able to reach the summit.", False),
    ("The envoy urged both camps to honour the truce they agreed in May.",
     "The envoy called on both camps to respect a truce agreed in May.", True),
    ("Both camps respected the truce.", "The envoy called on both camps to respect a truce agreed in May.", False),
])
def test_session48_inability_and_reduced_relatives(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 49): numbers: a count of reports the evidence counts too, "over" a period on
    # both sides (two spans, not two bounds), one unit apart against another length in another unit, a fraction
    # of one percent, square metres against the figure, "no one" (no count), "the quarter to" an amount (no time)
    ("Police said they had received 64 reports of the scam.",
     "Police said they had received 46 reports of the scam.", False),
    ("Police said they had received 46 reports of the scam.",
     "Police said they had received 46 reports of the scam.", True),
    ("The thieves stole copper cable across the county over five months.",
     "The thieves stole copper cable across the county over nine months.", False),
    ("The thieves stole copper cable across the county over nine months.",
     "Over nine months the thieves stole copper cable across the county.", True),
    ("The inquest opened on Monday, a week after the crash.",
     "The inquest opened on Monday, three days after the crash.", False),
    ("The inquest opened on Monday, a day after the crash.",
     "The inquest opened on Monday, 30 hours after the crash.", True),
    ("The levy was set at three-quarters of one percent.", "The levy was set at 0.75%.", True),
    ("The levy was set at three-quarters of one percent.", "The levy was set at 0.5%.", False),
    ("The warehouse covers 2,400 square metres.", "The warehouse covers 2,400m².", True),
    ("The warehouse covers 4,200 square metres.", "The warehouse covers 2,400m².", False),
    ("Firefighters said no one was hurt in the blaze.", "Nobody was injured in the blaze, firefighters said.", True),
    ("The regulator raised the second-quarter quota to 3.4 million barrels.",
     "The regulator raised the quota for the second quarter to 3.4 million barrels.", True),
    ("The regulator raised the second-quarter quota to 4.3 million barrels.",
     "The regulator raised the quota for the second quarter to 3.4 million barrels.", False),
])
def test_session49_numbers(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 49): who did it and how sure: a title qualified by a country resolves only
    # with its whole title; a denial does not reach a clause of time ("rejected since ..."); "is accused by
    # prosecutors of" keeps the allegation; a body given one named person's act; a lesser act denied denies the
    # greater; a verb's "of" phrase all new is an added detail; the object compared ("hurt X more than Y")
    ("Norland's prime minister told the radio station the curfew would end soon.",
     "Norland's finance minister, Ada Lenz, told the radio station the curfew would end soon.", False),
    ("Norland's finance minister told the radio station the curfew would end soon.",
     "Norland's finance minister, Ada Lenz, told the radio station the curfew would end soon.", True),
    ("The agency has refused more than 500 permits since the rules changed, it said.",
     "The agency said 612 permits had been rejected since the rules changed in May.", True),
    ("Ivo Marek is accused by prosecutors of stealing funds from the club.",
     "Prosecutors allege that Ivo Marek stole funds from the club. He denies wrongdoing.", True),
    ("Ivo Marek stole funds from the club.",
     "Prosecutors allege that Ivo Marek stole funds from the club. He denies wrongdoing.", False),
    ("Norland's opposition parties condemned the budget.",
     "Norland's opposition leader, Petra Voss, condemned the budget.", False),
    ("Norland's opposition leader condemned the budget.",
     "Norland's opposition leader, Petra Voss, condemned the budget.", True),
    ("The council said the strike had disrupted bin collections.",
     "The council said the strike had not affected bin collections.", False),
    ("The strike had not disrupted bin collections, the council said.",
     "The council said the strike had not affected bin collections.", True),
    ("A cyclist was robbed of his bicycle near the park.", "A cyclist was robbed near the park on Sunday evening.",
     False),
    ("The floods damaged the eastern suburbs more than the city centre.",
     "The floods damaged the city centre more than the eastern suburbs.", False),
    ("The floods damaged the city centre more than the eastern suburbs.",
     "The floods damaged the city centre more than the eastern suburbs, the council said.", True),
])
def test_session49_doers_and_acts(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 49, round two): an unfamiliar name the tagger takes for a body is a person
    # when the next sentence goes on with "the 61-year-old"; "the day after" is one day; another part of the same
    # month; a participle describing a noun in a phrase does not say the main act; a few verb senses (a market
    # "finished" as it "settled", a rocket "lifted off" as it was launched, "walked out" is a way of leaving)
    ("Tove Randahl said the ice on the lake was too thin to cross.",
     "Tove Randahl warned skaters on Sunday to keep off the lake. The 61-year-old said the ice was too thin to "
     "cross.", True),
    ("The suspects were charged the day after the raid.", "The suspects were charged three days after the raid.",
     False),
    ("The suspects were charged the day after the raid.", "The suspects were charged a day after the raid.", True),
    ("The festival will take place in early June, the organisers said.",
     "The festival will take place in late June, the organisers said.", False),
    ("The festival will take place in June, the organisers said.",
     "The festival will take place in late June, the organisers said.", True),
    ("Stewards arrested dozens of fans who had gathered outside the ground to demand the return of banned "
     "supporters.",
     "Stewards dispersed dozens of fans who gathered outside the ground to demand the return of banned supporters.",
     False),
    ("Brent crude finished 1.8% higher at $77.40 a barrel on Monday.",
     "Brent crude settled up 1.8% at $77.40 a barrel on Monday.", True),
    ("The rocket was launched from the coastal base shortly after dawn.",
     "The rocket lifted off from the coastal base shortly after dawn.", True),
    ("Opposition members left the chamber before the vote.",
     "Opposition members walked out of the chamber before the vote.", True),
    # "about" a span in another unit, within a tenth; a bare spokesperson given the one body the sentence names
    ("The survey ship returned after a voyage of about four months.",
     "The survey ship returned to port on Tuesday after 118 days at sea.", True),
    ("The survey ship returned after a voyage of about four months.",
     "The survey ship returned to port on Tuesday after 160 days at sea.", False),
    ("A council spokesperson said the library would close for a month while the council replaces its roof.",
     "The library will close for a month while the council replaces its roof, a spokesperson said.", True),
    ("A council spokesperson said the road was shut after the collision.",
     "Police shut the road after a collision involving a council lorry, a spokesperson said.", False),
    ("Talks will resume unless the dispute is settled this week.",
     "Talks will resume if the dispute is not resolved this week.", True),
    # a report the next sentence says could not be checked stays a report; "a militant group" for a named group
    ("Insurgents shot down a surveillance drone over the valley.",
     "Insurgents said they had shot down a surveillance drone over the valley. The claim could not be independently "
     "verified.", False),
    ("Insurgents said they had shot down a surveillance drone over the valley.",
     "Insurgents said they had shot down a surveillance drone over the valley. The claim could not be independently "
     "verified.", True),
    ("Police arrested two men near the harbour.",
     "Police said two men were arrested near the harbour. Their names could not be confirmed.", True),
    ("A militant group claimed responsibility for the attack on the pipeline.",
     "The Southern Resistance Front claimed responsibility for the attack on the pipeline.", True),
])
def test_session49_people_times_and_acts(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 49, round three): a month that owns something is that month ("May's
    # election"), with no day ("12 of March's 31 days"); "between 2010 and 2020" is one span, not two parts
    ("Councillor Ada Brent will not stand again in May.",
     "Councillor Ada Brent announced on Tuesday that she will not stand at May's election.", True),
    ("Councillor Ada Brent will not stand again in June.",
     "Councillor Ada Brent announced on Tuesday that she will not stand at May's election.", False),
    ("The river exceeded its flood level on 12 of March's 31 days.",
     "The river rose above its flood level on 12 of the 31 days in March, the agency said.", True),
    ("Between 2010 and 2020 the lake shrank by 40 square kilometres.",
     "The lake shrank by 40 square kilometres between 2010 and 2020, a study found.", True),
    ("The lake shrank by 40 square kilometres in 2020.",
     "The lake shrank by 25 square kilometres in 2019 and by 40 in 2021.", False),
])
def test_session49_months_and_spans(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 50): a sentence repeated word for word but for its verb changes the act
    # unless the thesaurus relates the two verbs; a relative "who said" reports its own words; a counted noun of
    # people is a party when uncounted; a further act of the speaker's is an added detail; an arrangement is surer
    # than a hope; an expectation is not "will"
    ("The harbour master sealed the eastern pier for two hours on Friday after a fuel spill was reported.",
     "The harbour master inspected the eastern pier for two hours on Friday after a fuel spill was reported.", False),
    ("The harbour master inspected the eastern pier for two hours on Friday after a fuel spill was reported.",
     "The harbour master inspected the eastern pier for two hours on Friday after a fuel spill was reported.", True),
    ("The harbour master stopped work on the eastern pier for two hours on Friday after a fuel spill.",
     "The harbour master halted work on the eastern pier for two hours on Friday after a fuel spill.", True),
    ("The Brenmark assembly voted down a motion to close the ferry office.",
     "The Brenmark assembly on Monday debated a motion to close the ferry office. The chamber rejected it by 40 "
     "votes to 12.", True),
    ("The ombudsman rejected the complaint, saying the fees were lawful.",
     "The complaint was rejected by the ombudsman, who said the fees were lawful.", True),
    ("Councillor Ada Brin said the depot would employ 80 drivers.",
     "The depot manager, Lars Oke, said the depot would employ 80 drivers. The plan was welcomed by Councillor Ada "
     "Brin, who said it would ease congestion.", False),
    ("Two aid workers were held by army soldiers at a roadblock on Monday, the charity said.",
     "Two aid workers were held at a roadblock on Monday, the charity said.", False),
    ("The mayor conceded on Friday that the scheme had run over budget and said he would resign.",
     "The mayor conceded on Friday that the scheme had run over budget, but said it would be finished in May.",
     False),
    ("The Greens are set to regain the two seats they lost in 2021, their leader said.",
     "The Greens hope to regain the two seats they lost in 2021, their leader said.", False),
    ("Port officials said the first ferry will arrive by Thursday.",
     "Port officials expect the first ferry to arrive by Thursday.", False),
    ("Port officials expect the first ferry to arrive by Thursday.",
     "Port officials expect the first ferry to arrive by Thursday, weather permitting.", True),
])
def test_session50_acts_and_speakers(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 50): a temperature without the degree sign; "N and a half" of more units;
    # "the final fortnight"; a spaced "km²"; votes and ballots; a body spelled out from its standard short name; data
    # lemmatised one way; a statement's or figures' author as the speaker; a body named before its description
    ("The weather office said the village fell to -9C overnight.",
     "Temperatures in the village fell to minus 9 degrees Celsius overnight, the weather office said.", True),
    ("The weather office said the village fell to -11C overnight.",
     "Temperatures in the village fell to minus 9 degrees Celsius overnight, the weather office said.", False),
    ("Each family was given four and a half litres of water a day.",
     "Each family was given 4.5 litres of water a day, the camp manager said.", True),
    ("Each family was given three and a half litres of water a day.",
     "Each family was given 4.5 litres of water a day, the camp manager said.", False),
    ("The tour bus covered 900 km in the last 14 days of the tour.",
     "The tour bus travelled 900 kilometres in the final fortnight of the tour.", True),
    ("The reserve covers 340 km² of wetland.", "The reserve covers 340 square kilometres of wetland.", True),
    ("More than 2,000 postal votes were still being counted.",
     "More than 2,000 postal ballots were still being counted on Tuesday.", True),
    ("The United Nations Children's Fund said 40 schools had reopened.", "UNICEF said 40 schools had reopened.", True),
    ("According to the cockpit data recorder, the jet climbed 900 feet in ten seconds.",
     "The jet climbed 900 feet in ten seconds, the cockpit data recorder showed.", True),
    ("Turnout was about 64 percent, according to the Marl Election Board.",
     "Turnout was 63.7 percent, according to figures released by the Marl Election Board.", True),
    ("Turnout was about 64 percent, according to the Marl Election Board.",
     "Turnout was 63.7 percent, according to figures released by the Marl Census Office.", False),
    ("According to the Vessa Electoral Council's Tuesday statement, 12 of the 30 seats went to the Farmers' Union.",
     "The Farmers' Union won 12 of the 30 seats, the Vessa Electoral Council said on Tuesday.", True),
    ("A Dunlow Castings spokesperson said the company had not been contacted by inspectors.",
     "Dunlow Castings makes the brake discs used on the trains. A spokesperson for the supplier said it had not "
     "been contacted by inspectors.", True),
])
def test_session50_numbers_and_names(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 50, round two): a verb read as a report that reports nothing is an act;
    # "let X go" is "release"; a restart said as "back into service"; "check" for "inspect"; "the consultant" is not
    # someone the sentence before names in passing
    ("The regulator fined the rail operator over late trains last winter.",
     "The regulator warned the rail operator over late trains last winter.", False),
    ("The regulator warned the rail operator over late trains last winter.",
     "The regulator warned the rail operator over late trains last winter, a spokesman said.", True),
    ("The coast guard let the trawler go on Sunday, four days after it was boarded.",
     "The coast guard released the trawler on Sunday, four days after boarding it.", True),
    ("The utility said it had brought the turbine back into service on Monday.",
     "The utility said it had restarted the turbine on Monday.", True),
    ("Engineers were sent to check the bridge bearings on Friday.",
     "Engineers were sent to inspect the bridge bearings on Friday.", True),
    ("Ivo Sand ended the 1981 miners' strike in Dunmore, which lasted nine weeks.",
     "Ivo Sand led the 1981 miners' strike in Dunmore, which lasted nine weeks. He died on Friday at 88.", False),
    ("Piet Arnhem told the hearing that delays had doubled.",
     "Lena Orlov has advised Piet Arnhem for ten years. The consultant told the hearing that delays had doubled.",
     False),
])
def test_session50_round_two(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason


@pytest.mark.parametrize("claim, evidence, supported", [
    # TEST FIXTURE sentences (session 51): an active verb on a party the evidence has in another role is the same
    # fact reworded (the refusal stays for passives, for an event named by a noun, and for the opposite direction);
    # a change of amount told from the side of what changed
    ("Ola Fenn won over 70 per cent of the votes in the Harnby council race.",
     "More than 70% of the votes in the Harnby council race went to Ola Fenn.", True),
    ("Wheat prices in the valley have risen this spring, the millers' guild said.",
     "Drought has pushed up wheat prices in the valley this spring, the millers' guild said.", True),
    ("Wheat prices in the valley have fallen this spring, the millers' guild said.",
     "Drought has pushed up wheat prices in the valley this spring, the millers' guild said.", False),
    ("Drought has driven down wheat prices in the valley this spring, the millers' guild said.",
     "Drought has pushed up wheat prices in the valley this spring, the millers' guild said.", False),
    ("Officials said 8,000 people boycotted the Dalby food market.",
     "Attendance at the Dalby food market reached 8,000 on Saturday, officials said.", False),
    # the same number with a distant noun is the count said another way; a near noun of the same kind, deaths for
    # people not said to have died, doers of another act, another name for described people are still refused (the
    # controls are older tests: frigates / submarines, 14 deaths / 14 injured, voters / people who marched, refugees /
    # internally displaced persons)
    ("The Orla Lane petition had gathered over 600 signatures by Friday.",
     "More than 600 people had signed the Orla Lane petition by Friday.", True),
    ("The Velda ferry will run two crossings a day this winter.",
     "The Velda ferry will run two sailings a day this winter.", True),
    ("At least 900 patients were treated at the Rask field hospital in March.",
     "At least 900 people were treated at the Rask field hospital in March.", True),
    ("Two brigades were sent to Porto Vell on Monday.", "Two battalions were sent to Porto Vell on Monday.", False),
])
def test_session51_roles_and_directions(claim, evidence, supported):
    result = check_support(claim, [evidence], context=evidence)
    assert result.supported is supported, result.reason
