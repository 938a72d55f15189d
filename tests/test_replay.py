"""evals.replay: recorded drafts are handed back for the question the prompt asks (control flow only; the replay
itself runs the real retrieval and checks)."""

from __future__ import annotations

from types import SimpleNamespace

from evals.replay import RecordedDrafts, main
from qa.generate.messages import ChatDelta, ChatMessage, MessageRole
from qa.generate.prompts import load_prompt


def _user(text: str) -> list[ChatMessage]:
    return [ChatMessage(role=MessageRole.USER, content=text)]


def _text(stream) -> str:
    return "".join(d.delta for d in stream)


def test_the_draft_recorded_for_the_asked_question_is_replayed_and_a_follow_up_finds_its_own():
    condensed = []

    class CondensingModel:  # SCRIPTED FAKE of the real model, which only ever condenses here
        def stream_chat(self, messages, **kwargs):
            condensed.append(messages[-1].content)
            return iter([ChatDelta(delta="What did the mayor say about the bridge?",
                                   text="What did the mayor say about the bridge?")])

    drafts = {"Who opened the bridge?": "The mayor opened the bridge [1].", "And why?": "It was repaired [2]."}
    model = RecordedDrafts(drafts, SimpleNamespace(n_ctx=2048), lambda s: CondensingModel())
    prompt = "Passages:\n[1] The mayor opened the bridge.\n\nQuestion: Who opened the bridge?\n\nWrite ..."
    assert _text(model.stream_chat(_user(prompt))) == "The mayor opened the bridge [1]."
    ask = load_prompt("condense").format(history="User: Who opened the bridge?", question="And why?")
    assert _text(model.stream_chat(_user(ask))) == "What did the mayor say about the bridge?" and condensed
    follow = "Passages:\n...\n\nQuestion: What did the mayor say about the bridge?\n\nWrite ..."
    assert _text(model.stream_chat(_user(follow))) == "It was repaired [2]."
    # a question nothing was recorded for gets an empty draft (the answer then abstains)
    assert _text(model.stream_chat(_user("Passages:\n...\n\nQuestion: Who closed it?\n\nWrite ..."))) == ""


def test_a_missing_report_is_a_clear_error(tmp_path, capsys):
    assert main([str(tmp_path / "nope.json")]) == 2
    assert "is not a file" in capsys.readouterr().err


def test_an_exported_drafts_file_holds_the_report_drafts_and_its_figures(tmp_path):
    import json

    from evals.replay import recorded_drafts

    report = {"model": "m", "settings": {"seed": 42, "home": "/secret/path"},
              "splits": {"dev": {"key_fact_recall": 0.81234, "questions": 3}},
              "items": {"qa": [{"question": "Who?", "draft": "A did [1]."}, {"question": "Why?", "draft": ""}],
                        "constrained": [{"question": "Who?", "draft": "not this one"},
                                        {"question": "Where?", "draft": "In B [2]."}]}}
    src, out = tmp_path / "report.json", tmp_path / "drafts" / "d.json"
    src.write_text(json.dumps(report), encoding="utf-8")
    assert main([str(src), "--export", str(out)]) == 0
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert saved["drafts"] == {"Who?": "A did [1].", "Why?": "", "Where?": "In B [2]."}  # the first draft per question
    assert saved["figures_when_recorded"] == {"dev": {"key_fact_recall": 0.812}}
    assert "/secret/path" not in out.read_text(encoding="utf-8")  # only the settings that shape a draft
    assert recorded_drafts(saved) == recorded_drafts(report) == saved["drafts"]  # either file replays the same
