"""`python -m qa.check`: --evidence, --pairs (one verdict a line, in order), the index mode's exact spans, and bad
input (one-line error, non-zero exit). Real parser and embeddings, no LLM."""

from __future__ import annotations

import json

from qa.cli.check import main
from qa.verify.api import check_index

SAMARRA = ("Government forces have so far managed to stall the militants' remarkably rapid advance near Samarra - a "
           "city 110km (68 miles) north of Baghdad - and are now bombing insurgent positions in and around Mosul.")


def test_evidence_mode_json(capsys):
    assert main(["Samarra is 110 kilometres north of Baghdad.", "--evidence", SAMARRA, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["supported"] is True and out["quote"] == SAMARRA[out["evidence_start"]:out["evidence_end"]]
    assert main(["Baghdad is 110 kilometres north of Samarra.", "--evidence", SAMARRA]) == 0
    text = capsys.readouterr().out
    assert text.startswith("NOT SUPPORTED") and "reversed" in text


def test_pairs_verdicts_in_input_order(tmp_path, capsys):
    rows = [{"claim": "Government forces recaptured Samarra.", "evidence": SAMARRA},
            {"claim": "Samarra is 110 kilometres north of Baghdad.", "evidence": SAMARRA},
            {"claim": "The president ruled out sending troops back into combat.",
             "evidence": "He ruled out sending troops back into combat.", "context": "President Obama spoke. "
             "He ruled out sending troops back into combat."}]
    path = tmp_path / "pairs.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    assert main(["--pairs", str(path)]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["supported"] for r in lines] == [False, True, True]
    assert set(lines[0]) == {"supported", "score", "reason", "evidence_start", "evidence_end"}
    assert "stall" in lines[0]["reason"]


def test_bad_input_is_one_line_and_non_zero(tmp_path, capsys):
    assert main([]) == 2
    assert main(["--pairs", str(tmp_path / "missing.jsonl")]) == 2
    assert main(["a claim", "--evidence", "  "]) == 2
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"claim": "ok", "evidence": SAMARRA}) + "\n{not json\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["--pairs", str(bad)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""  # nothing is checked before the whole file is read
    assert captured.err.count("\n") == 1 and "line 2" in captured.err
    bad.write_text(json.dumps({"claim": "", "evidence": SAMARRA}) + "\n", encoding="utf-8")
    assert main(["--pairs", str(bad)]) == 1
    assert "\"claim\" must be a non-empty string" in capsys.readouterr().err


def test_index_mode_quotes_the_exact_article_span(seeded_index, seeded_settings):
    result = check_index("Obama ruled out sending American troops back into combat in Iraq.", seeded_index,
                         seeded_settings)
    doc = seeded_index.get_document(result.doc_id)
    assert result.supported, result.reason
    assert doc.text[result.evidence_start:result.evidence_end] == result.quote
    assert "ruled out sending American troops" in result.quote
    wrong = check_index("Obama ordered American troops back into combat in Iraq.", seeded_index, seeded_settings)
    assert not wrong.supported
