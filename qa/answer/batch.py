"""Many questions answered on more than one process: `AnswerPool` gives helper processes a share of a list.

Why: on 2 cores, two processes with one llama.cpp thread each answer ~13% more questions per second than one
process with two threads (a single sequence's decoding does not keep two cores busy, and the sentence check is
single-threaded Python); the answers are the same token for token (docs/performance.md, session 16). The eval's
~110 questions are the one long list of answers this project makes, so it is the user.

Each helper is a fresh `python -m qa.answer.batch` (not `multiprocessing`, for the reasons in
qa/verify/batch.py): its first stdin line is the settings (the same index folder, the same model, `threads`
threads), then one question a line; it writes one `Answer` (JSON) and the seconds it took a line. Questions shown
the same passages are answered one after another, and the shares are fixed runs of that order
(`AnswerPool._shares`), never chosen by which process is free first: each process then answers the same
questions in the same order on every run, so that llama.cpp's reused prompt prefix (and with it the rounding)
is reproducible. A helper that fails costs only time: this process answers what it left, and says so on stderr.
"""

from __future__ import annotations

import dataclasses
import json
import queue
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from typing import NamedTuple

from qa.config import Settings, _coerce
from qa.schema import Answer

# Below this many questions per process, a helper's start (imports, the model, the parser: ~8 s of one core)
# costs more than it saves.
MIN_QUESTIONS_PER_PROCESS = 8


class AnswerJob(NamedTuple):
    """One question with the conversation before it ((question, answer) pairs)."""

    question: str
    history: tuple[tuple[str, str], ...] = ()


class Answered(NamedTuple):
    """The answer to the job at `position`, and the seconds the process that answered it took."""

    position: int
    answer: Answer
    seconds: float


def _shown_chunks(question: str, index, settings: Settings) -> tuple[str, ...]:
    from qa.answer.pipeline import shown_chunk_ids

    return shown_chunk_ids(question, index, settings)


def _answer(job: AnswerJob, index, settings: Settings, llm) -> tuple[Answer, float]:
    from qa.answer.pipeline import answer_question

    t0 = time.perf_counter()
    answer = answer_question(job.question, index, settings, llm, history=[tuple(t) for t in job.history] or None)
    return answer, time.perf_counter() - t0


def settings_json(settings: Settings) -> str:
    """The settings as one JSON line (paths as text; the API key stays off the command line)."""
    return json.dumps({k: (str(v) if v is not None and not isinstance(v, bool | int | float | str) else v)
                       for k, v in dataclasses.asdict(settings).items()})


def settings_from_json(line: str) -> Settings:
    """The settings `settings_json` wrote, exactly: not through `load_settings`, which would fill a setting left
    empty on purpose (the eval's `chroma_url`) from the environment or the config file."""
    return Settings(**{k: _coerce(k, v) for k, v in json.loads(line).items()})


class _Helper:
    """One helper process; it stays up between lists (`submit`), so a second list does not pay its start again."""

    command = (sys.executable, "-m", "qa.answer.batch")

    def __init__(self, settings: Settings, threads: int) -> None:
        self.stderr = tempfile.TemporaryFile(mode="w+", encoding="utf-8")
        self.proc = subprocess.Popen(list(self.command), stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=self.stderr, text=True, encoding="utf-8")
        self.positions: list[int] = []
        self.done: set[int] = set()
        self.thread: threading.Thread | None = None
        self._write(settings_json(dataclasses.replace(settings, n_threads=threads)) + "\n")

    def _write(self, text: str) -> None:
        try:
            assert self.proc.stdin is not None
            self.proc.stdin.write(text)
            self.proc.stdin.flush()
        except (OSError, ValueError):  # the helper died; its reader sees it
            pass

    @property
    def alive(self) -> bool:
        return self.proc.poll() is None

    def submit(self, jobs: list[AnswerJob], positions: list[int], out: queue.Queue) -> None:
        """Answer `jobs` (at `positions`), putting each `Answered` on `out` as it comes, then None."""
        self.positions, self.done = positions, set()
        payload = "".join(json.dumps(list(job)) + "\n" for job in jobs)
        # written on its own thread: a long list must not fill the pipe while the answers wait unread
        threading.Thread(target=self._write, args=(payload,), daemon=True).start()
        self.thread = threading.Thread(target=self._read, args=(out,), daemon=True)
        self.thread.start()

    def _read(self, out: queue.Queue) -> None:
        try:
            assert self.proc.stdout is not None
            for position in self.positions:
                line = self.proc.stdout.readline()
                if not line:
                    break
                seconds, answer_json = json.loads(line)
                out.put(Answered(position, Answer.model_validate_json(answer_json), seconds))
                self.done.add(position)
        except (OSError, ValueError):  # a helper that died mid-line: what it left is answered here
            pass
        finally:
            out.put(None)

    def failure(self) -> str:
        """The last line the helper wrote to stderr (why it stopped), or its exit code."""
        self.stderr.seek(0)
        lines = [ln for ln in self.stderr.read().splitlines() if ln.strip()]
        return lines[-1] if lines else f"exit code {self.proc.poll()}"

    def close(self) -> None:
        try:
            if self.proc.stdin is not None:
                self.proc.stdin.close()
            self.proc.wait(timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            self.proc.kill()
            self.proc.wait()
        if self.thread is not None:
            self.thread.join(timeout=10)
        self.stderr.close()


class AnswerPool:
    """Answer lists of questions with this process's loaded model plus `processes - 1` helpers.

    While the pool is open the cores are shared out (`threads // processes` llama.cpp threads per process) and
    the loaded model is set to its share; closing the pool stops the helpers and gives the model its threads
    back. With one process, a backend without threads (a server) or too few questions, `answer` answers in
    order here."""

    def __init__(self, index, settings: Settings, llm, processes: int = 1) -> None:
        self.index, self.settings, self.llm = index, settings, llm
        self.processes = max(1, processes)
        self.threads_each = max(1, settings.threads // self.processes)
        self._restore: int | None = None
        self._helpers: list[_Helper] = []

    def __enter__(self) -> AnswerPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        for helper in self._helpers:
            helper.close()
        self._helpers = []
        self._set_own_threads(None)

    def _set_own_threads(self, threads: int | None) -> bool:
        """Give this process's model `threads` threads (None: back to what it had); False when it has none."""
        from qa.generate.llm import set_threads

        if threads is None:
            if self._restore is not None:
                set_threads(self.llm, self._restore)
                self._restore = None
            return True
        before = set_threads(self.llm, threads)
        if before is None:
            return False
        if self._restore is None:
            self._restore = before
        return True

    def _processes_for(self, n: int) -> int:
        if self.settings.backend != "local" or self.llm is None:  # a server does the work: no cores to share
            return 1
        return max(1, min(self.processes, n // MIN_QUESTIONS_PER_PROCESS))

    def _shares(self, jobs: list[AnswerJob], n: int) -> list[list[int]]:
        """The jobs' positions in `n` shares, the first one this process's, each in the order it is answered.

        Why this order: a prompt is the system prompt, then the passages in rank order, then the question;
        llama.cpp evaluates only what follows the part a prompt shares with the one before, so questions shown
        the same first passages are answered one after another (the eval's questions: ~20% fewer prompt tokens
        evaluated, 11% less answering time). The
        questions are sorted on the chunk ids retrieval gives them (so the order is the same on every run), and
        the model-calling ones are cut into `n` contiguous runs of equal length. Questions with a conversation
        before them are condensed by the model first, so their passages are unknown here: they keep their order,
        after the others. Questions answered without the model (nothing relevant, an unknown outlet) cost nothing
        and are dealt out one per share."""
        if self.settings.backend != "local" or self.llm is None or len(jobs) < 2:
            keyed = {i: (1, (), i) for i in range(len(jobs))}
        else:
            keyed = {i: (1, (), i) if job.history else (0, _shown_chunks(job.question, self.index, self.settings), i)
                     for i, job in enumerate(jobs)}
        model = sorted((i for i, key in keyed.items() if key != (0, (), i)), key=keyed.__getitem__)
        free = [i for i, key in keyed.items() if key == (0, (), i)]
        size = -(-len(model) // n) if model else 0
        shares = [model[k * size:(k + 1) * size] for k in range(n)]
        for k, i in enumerate(free):
            shares[k % n].append(i)
        return shares

    def _answer_here(self, jobs: list[AnswerJob], positions: Sequence[int]) -> Iterator[Answered]:
        for i in positions:
            answer, seconds = _answer(jobs[i], self.index, self.settings, self.llm)
            yield Answered(i, answer, seconds)

    def answer(self, jobs: Sequence[AnswerJob], meanwhile: Callable[[], None] | None = None) -> Iterator[Answered]:
        """Yield an `Answered` for every job, in the order they finish (this process's own in its share's order).

        `meanwhile`: other work for this process's model, called once, after its own share and before it waits
        for the helpers' (the eval's summary: ~20 s that would otherwise follow, with a core idle while the
        helpers finish)."""
        jobs = [AnswerJob(j.question, tuple(tuple(t) for t in j.history)) for j in jobs]
        n_proc = self._processes_for(len(jobs))
        if n_proc > 1 and not self._helpers:
            if not self._set_own_threads(self.threads_each):
                n_proc = 1
            else:
                self._helpers = [_Helper(self.settings, self.threads_each) for _ in range(self.processes - 1)]
        helpers = [h for h in self._helpers if h.alive][:n_proc - 1]
        if not helpers:
            yield from self._answer_here(jobs, self._shares(jobs, 1)[0])
            if meanwhile is not None:
                meanwhile()
            return
        # This process takes the first share: it starts at once while a new helper is still loading.
        own, *others = self._shares(jobs, len(helpers) + 1)
        out: queue.Queue = queue.Queue()
        busy = []
        for helper, share in zip(helpers, others, strict=True):
            if share:
                helper.submit([jobs[i] for i in share], share, out)
                busy.append(helper)
        open_helpers = len(busy)

        def drain(block: bool) -> Iterator[Answered]:
            nonlocal open_helpers
            while open_helpers:
                try:
                    item = out.get(block=block)
                except queue.Empty:
                    return
                if item is None:
                    open_helpers -= 1
                else:
                    yield item

        for answered in self._answer_here(jobs, own):
            yield answered
            yield from drain(block=False)
        if meanwhile is not None:
            meanwhile()
        yield from drain(block=True)
        left = [i for helper in busy for i in helper.positions if i not in helper.done]
        if left:
            reasons = "; ".join(h.failure() for h in busy if len(h.done) < len(h.positions))
            print(f"newsqa: a helper process stopped ({reasons}); answering its {len(left)} questions here",
                  file=sys.stderr, flush=True)
            yield from self._answer_here(jobs, left)


def main() -> int:
    """The helper: settings on the first stdin line, then a job a line ([question, history]); a line
    [seconds, answer JSON] out per job, in order."""
    from qa.generate.llm import get_llm
    from qa.index.store import open_index

    settings = settings_from_json(sys.stdin.readline())
    index = open_index(settings)
    llm = get_llm(settings)
    for line in sys.stdin:
        question, history = json.loads(line)
        answer, seconds = _answer(AnswerJob(question, tuple(tuple(t) for t in history)), index, settings, llm)
        sys.stdout.write(json.dumps([round(seconds, 2), answer.model_dump_json()]) + "\n")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
