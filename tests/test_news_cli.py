"""The news CLIs as a user runs them: `python -m qa.timeline`, `python -m qa.summarize --by outlet` and the
--format exports, on an index of the two real seeds; bad input gives one clear line and the right exit code."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from qa.ingest.readers import load_seed_documents
from qa.news.schema import Comparison, Timeline


def run(settings, *args, timeout=600):
    return subprocess.run([sys.executable, "-m", *args, "--db", str(settings.db_path)], capture_output=True,
                          text=True, timeout=timeout)


@pytest.fixture(scope="module")
def seed_text():
    return {d.doc_id: d.text for d in load_seed_documents()}


def test_timeline_text_on_the_seeds(seeded_settings):
    done = run(seeded_settings, "qa.timeline")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert out.index("Wednesday (2014-06-11)") < out.index("Thursday (2014-06-12)") < out.index(
        "Date not stated in the articles:")
    assert "a Friday (date not stated)" in out and "CONFLICTING ACCOUNTS" in out
    assert "International Business Times UK" in out and "seed-003 (outlet unknown)" in out
    assert "Traceback" not in done.stderr


def test_timeline_json_quotes_are_exact(seeded_settings, seed_text):
    done = run(seeded_settings, "qa.timeline", "--format", "json", "--topic", "Iranian forces in Iraq")
    assert done.returncode == 0, done.stderr
    t = Timeline.model_validate(json.loads(done.stdout))
    assert t.topic == "Iranian forces in Iraq" and t.events
    for c in t.citations:
        assert seed_text[c.doc_id][c.start:c.end] == c.quote


@pytest.mark.parametrize(("args", "code", "message"), [
    (["qa.timeline", "--topic", "  "], 2, "error: the topic is empty"),
    (["qa.timeline", "--since", "not a date"], 2, "error: --since: cannot read 'not a date' as a date"),
    (["qa.timeline", "--source", "Nobody News"], 1, "error: no indexed article matches --source 'Nobody News'"),
    (["qa.timeline", "--docs", "seed-999"], 2, "error: unknown document id 'seed-999'"),
    (["qa.timeline", "--format", "pdf"], 2, "invalid choice: 'pdf'"),
    (["qa.summarize", "--by", "outlet", "--until", "2013-12-31"], 1, "no indexed article matches --until 2013-12-31"),
    (["qa.summarize", "--by", "author"], 2, "invalid choice: 'author'"),
    (["qa.summarize", "--by", "outlet", "--format", "docx"], 2, "invalid choice: 'docx'"),
])
def test_bad_input_gives_one_clear_line(seeded_settings, args, code, message):
    done = run(seeded_settings, *args)
    assert done.returncode == code, (done.stdout, done.stderr)
    assert message in done.stderr and "Traceback" not in done.stderr


def test_summarize_by_outlet(seeded_settings, seed_text):
    done = run(seeded_settings, "qa.summarize", "--by", "outlet")
    assert done.returncode == 0, done.stderr
    assert "International Business Times UK reports: “Iran's elite Revolutionary Guards" in done.stdout
    assert "seed-003 (outlet unknown) reports:" in done.stdout
    as_json = run(seeded_settings, "qa.summarize", "--by", "outlet", "--format", "json", "--source",
                  "international business times uk")
    assert as_json.returncode == 0, as_json.stderr
    c = Comparison.model_validate(json.loads(as_json.stdout))
    assert [r.outlet for r in c.outlets] == ["International Business Times UK"]
    assert c.filters == "--source 'international business times uk'"
    assert all(seed_text[x.doc_id][x.start:x.end] == x.quote for x in c.citations)


def test_summarize_by_outlet_html(seeded_settings):
    done = run(seeded_settings, "qa.summarize", "--by", "outlet", "--format", "html")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("<!DOCTYPE html>") and "<h2>International Business Times UK</h2>" in done.stdout
    assert 'href="https://www.ibtimes.co.uk/' in done.stdout


@pytest.mark.llm
def test_ask_exports_the_checked_answer_as_markdown(seeded_settings, seed_text):
    question = "Who confirmed that Revolutionary Guards were deployed to Iraq?"
    md = run(seeded_settings, "qa.ask", question, "--format", "md", timeout=1800)
    assert md.returncode == 0, md.stderr
    assert md.stdout.startswith(f"# {question}") and "## Sources" in md.stdout
    assert "**International Business Times UK**, published 2014-06" in md.stdout
    quotes = [re.sub(r"\\(.)", r"\1", q) for q in re.findall(r"^   > “(.*)”$", md.stdout, flags=re.M)]
    assert quotes  # every exported quote is an exact sentence of a seed (Markdown escapes undone)
    texts = [" ".join(t.split()) for t in seed_text.values()]
    assert all(any(q in t for t in texts) for q in quotes), quotes
