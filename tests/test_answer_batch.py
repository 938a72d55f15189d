"""Questions answered on more than one process (qa/answer/batch.py, used by the eval).

The control-flow tests replace the helper process with a scripted fake (a few lines of Python that echo the
question) and the in-process answer with a fake; the `llm` test runs a real helper with the real fast model on
the seeds and checks that its answers are the ones this process gives."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pytest

from qa.answer import batch
from qa.answer.batch import AnswerJob, AnswerPool, settings_from_json, settings_json
from qa.config import load_settings
from qa.schema import Answer

# A scripted fake helper: reads the settings line, then answers each job line with "helper: <question>".
FAKE_HELPER = r"""
import json, os, sys
from qa.schema import Answer
settings = json.loads(sys.stdin.readline())
print(os.getpid(), settings["n_threads"], file=sys.stderr, flush=True)
for line in sys.stdin:
    question, history = json.loads(line)
    if question == "die":
        print("the helper fell over", file=sys.stderr, flush=True)
        sys.exit(3)
    answer = Answer(question=question, answer=f"helper: {question} ({len(history)} earlier)")
    sys.stdout.write(json.dumps([0.25, answer.model_dump_json()]) + "\n")
    sys.stdout.flush()
"""


class ThreadedFakeModel:
    """Stands in for a loaded llama.cpp model: only its thread count is used (set through `set_threads`)."""

    threads = 2


@pytest.fixture
def fake_world(monkeypatch):
    """In-process answers are "here: <question>"; the helper is FAKE_HELPER; thread changes are recorded."""
    calls: list[int] = []

    def fake_answer(job, index, settings, llm):
        return Answer(question=job.question, answer=f"here: {job.question}"), 0.5

    def fake_set_threads(llm, threads):
        calls.append(threads)
        before, llm.threads = llm.threads, threads
        return before

    monkeypatch.setattr(batch, "_answer", fake_answer)
    # each question "shows" a chunk named like it: the list keeps its order
    monkeypatch.setattr(batch, "_shown_chunks", lambda question, index, settings: (question,))
    monkeypatch.setattr("qa.generate.llm.set_threads", fake_set_threads)
    monkeypatch.setattr(batch._Helper, "command", (sys.executable, "-c", FAKE_HELPER))
    monkeypatch.setattr(batch, "MIN_QUESTIONS_PER_PROCESS", 2)
    return calls


def _settings(tmp_path: Path, **extra):
    return load_settings({"db": str(tmp_path / "chroma"), "n_threads": 2, **extra})


def test_settings_travel_as_one_json_line(tmp_path):
    s = _settings(tmp_path, model="fast", strict=True, support_threshold=0.55, chroma_url=None)
    line = settings_json(s)
    assert "\n" not in line
    back = settings_from_json(line)
    assert back == s and isinstance(back.db, Path) and back.chroma_url is None


def test_the_list_is_shared_and_every_answer_comes_back_once(tmp_path, fake_world):
    model = ThreadedFakeModel()
    jobs = [AnswerJob(f"q{i}", (("earlier?", "yes"),) if i == 5 else ()) for i in range(6)]
    with AnswerPool(None, _settings(tmp_path), model, processes=2) as pool:
        got = list(pool.answer(jobs))
        assert model.threads == 1  # this process's share of the two cores while the pool is open
        again = list(pool.answer(jobs[:4]))
    assert sorted(a.position for a in got) == list(range(6))
    texts = {a.position: a.answer.answer for a in got}
    # contiguous shares by position: the first half here, the second half in the helper, history sent along
    assert [texts[i] for i in range(3)] == ["here: q0", "here: q1", "here: q2"]
    assert [texts[i] for i in range(3, 6)] == ["helper: q3 (0 earlier)", "helper: q4 (0 earlier)",
                                                "helper: q5 (1 earlier)"]
    assert [a.position for a in got if a.answer.answer.startswith("here")] == [0, 1, 2]  # own ones in order
    assert {a.position: a.answer.answer for a in again} == {0: "here: q0", 1: "here: q1",
                                                            2: "helper: q2 (0 earlier)",
                                                            3: "helper: q3 (0 earlier)"}
    assert fake_world == [1, 2]  # set to one thread once, given back its two at the end
    assert model.threads == 2


def test_questions_shown_the_same_passages_are_answered_one_after_another(tmp_path, fake_world, monkeypatch):
    """The list is sorted by the chunks each question would show the model (so llama.cpp reuses the evaluated
    passages of the question before) and cut into equal runs; questions with history go last; questions that
    need no model are dealt out; every answer still comes back at its own position."""
    shown = {"q0": ("c",), "q1": ("a", "x"), "q2": ("b",), "q3": ("a", "y"), "q4": ()}
    asked = []

    def fake_shown(question, index, settings):
        asked.append(question)
        return shown[question]

    monkeypatch.setattr(batch, "_shown_chunks", fake_shown)
    jobs = [AnswerJob(f"q{i}", (("earlier?", "yes"),) if i == 5 else ()) for i in range(6)]
    with AnswerPool(None, _settings(tmp_path), ThreadedFakeModel(), processes=2) as pool:
        got = list(pool.answer(jobs))
    assert sorted(asked) == ["q0", "q1", "q2", "q3", "q4"]  # never for a question with history
    texts = {a.position: a.answer.answer for a in got}
    # the model-calling five sorted: q1 q3 q2 | q0 q5 (history last); q4 (no passages, no model call) dealt here
    assert [a.position for a in got if a.answer.answer.startswith("here")] == [1, 3, 2, 4]
    assert texts == {1: "here: q1", 3: "here: q3", 2: "here: q2", 4: "here: q4",
                     0: "helper: q0 (0 earlier)", 5: "helper: q5 (1 earlier)"}
    with AnswerPool(None, _settings(tmp_path), ThreadedFakeModel(), processes=1) as pool:
        assert [a.position for a in pool.answer(jobs)] == [1, 3, 2, 0, 5, 4]


def test_shown_chunk_ids_are_the_passages_the_model_is_shown(seeded_settings, seeded_index):
    """The sort key of the list above is retrieval alone; it must name the passages the prompt really holds."""
    from qa.answer.pipeline import answer_question, format_passages, shown_chunk_ids
    from qa.retrieve.hybrid import retrieve_passages
    from tests.fake_llm import FakeScriptedLLM

    question = "How far is Samarra from Baghdad?"
    passages = retrieve_passages(question, seeded_index, seeded_settings).passages
    assert shown_chunk_ids(question, seeded_index, seeded_settings) == tuple(p.chunk_id for p in passages)
    llm = FakeScriptedLLM("The articles do not say.")
    answer_question(question, seeded_index, seeded_settings, llm)
    assert passages and format_passages(passages, seeded_settings.passage_heads) in llm.prompts[0]
    # no model call, so nothing to share: an outlet the index does not hold, an empty question
    assert shown_chunk_ids("According to The Daily Planet, what happened in Samarra?", seeded_index,
                           seeded_settings) == ()
    assert shown_chunk_ids("   ", seeded_index, seeded_settings) == ()


def test_a_helper_that_dies_leaves_its_share_to_this_process(tmp_path, fake_world, capfd):
    model = ThreadedFakeModel()
    jobs = [AnswerJob(q) for q in ("a", "b", "c", "die", "e", "f")]
    with AnswerPool(None, _settings(tmp_path), model, processes=2) as pool:
        got = {a.position: a.answer.answer for a in pool.answer(jobs)}
    assert got == {0: "here: a", 1: "here: b", 2: "here: c", 3: "here: die", 4: "here: e", 5: "here: f"}
    err = capfd.readouterr().err
    assert "a helper process stopped (the helper fell over); answering its 3 questions here" in err
    assert model.threads == 2


def test_one_process_or_a_model_without_threads_answers_in_order_here(tmp_path, fake_world, monkeypatch):
    jobs = [AnswerJob(q) for q in "abcdef"]
    with AnswerPool(None, _settings(tmp_path), ThreadedFakeModel(), processes=1) as pool:
        assert [(a.position, a.answer.answer) for a in pool.answer(jobs)] == [(i, f"here: {q}")
                                                                            for i, q in enumerate("abcdef")]
    monkeypatch.setattr("qa.generate.llm.set_threads", lambda llm, threads: None)  # a server or a test fake
    with AnswerPool(None, _settings(tmp_path), object(), processes=2) as pool:
        assert [a.position for a in pool.answer(jobs)] == list(range(6))
    served = dataclasses.replace(_settings(tmp_path), backend="openai")
    with AnswerPool(None, served, ThreadedFakeModel(), processes=2) as pool:
        assert {a.answer.answer for a in pool.answer(jobs)} == {f"here: {q}" for q in "abcdef"}
    assert fake_world == []  # never asked to change threads for a server


def test_too_few_questions_stay_in_this_process(tmp_path, fake_world):
    with AnswerPool(None, _settings(tmp_path), ThreadedFakeModel(), processes=2) as pool:
        got = list(pool.answer([AnswerJob("only one"), AnswerJob("two")][:1]))
    assert [a.answer.answer for a in got] == ["here: only one"] and fake_world == []


@pytest.mark.llm
def test_a_real_helper_gives_the_answers_this_process_gives(seeded_settings, seeded_index, monkeypatch):
    """The real fast model in this process and in a helper (one thread each), against one process with two
    threads: the same drafts and the same checked answers."""
    from qa.generate.llm import get_llm

    s = dataclasses.replace(seeded_settings, model="fast", n_threads=2, max_tokens=48)
    llm = get_llm(s)
    jobs = [AnswerJob("Who confirmed the IRGC deployment?"), AnswerJob("How far is Samarra from Baghdad?")]
    alone = [batch._answer(job, seeded_index, s, llm)[0] for job in jobs]
    monkeypatch.setattr(batch, "MIN_QUESTIONS_PER_PROCESS", 1)
    with AnswerPool(seeded_index, s, llm, processes=2) as pool:
        shared = {a.position: a.answer for a in pool.answer(jobs)}
        helpers = list(pool._helpers)
        assert len(helpers) == 1 and len(helpers[0].done) == 1  # the helper answered one of the two
    for i, one in enumerate(alone):
        assert shared[i].draft == one.draft and shared[i].answer == one.answer
        assert [c.quote for c in shared[i].citations] == [c.quote for c in one.citations]
    assert llm.llama.context_params.n_threads == 2  # given back after the pool closed


@pytest.mark.parametrize("processes", [2, 1])
def test_meanwhile_runs_once_after_this_process_share(tmp_path, fake_world, processes):
    """The eval's summary runs while the helpers finish (`meanwhile`): once, after every one of this process's own
    answers, and with one process after all of them."""
    events: list[str] = []
    jobs = [AnswerJob(f"q{i}") for i in range(6)]
    with AnswerPool(None, _settings(tmp_path), ThreadedFakeModel(), processes=processes) as pool:
        for a in pool.answer(jobs, meanwhile=lambda: events.append("meanwhile")):
            events.append(a.answer.answer.split(":")[0])
    assert events.count("meanwhile") == 1
    cut = events.index("meanwhile")
    assert events[:cut].count("here") == (3 if processes == 2 else 6)  # every own answer came first
    assert "here" not in events[cut:]
    assert len(events) == 7
