"""Support checks on more than one process: `check_many` gives other processes a share of a long list of checks.

The checks are pure Python (the parse holds the GIL), so threads would not help. Each helper is a fresh
`python -m qa.verify.batch` reading JSON lines of jobs on stdin and writing one result a line on stdout (not
`multiprocessing`: its spawn mode re-runs the caller's main script, which breaks any script without a
`__main__` guard, and fork would copy a loaded model and its threads' locks). A helper that fails costs only
time: its share is then checked in this process. Results are the same as in one process (JSON keeps floats
exact).
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Sequence
from typing import NamedTuple

from qa.verify.support import SupportResult, check_support


class CheckJob(NamedTuple):
    """One claim to check against one evidence text (`context`: its whole article; `threshold`: None = default)."""

    claim: str
    evidence: str
    context: str | None = None
    threshold: float | None = None


# Below this many checks per process a helper's start (an interpreter loading the parser and the embedder, ~2 s)
# costs more than it saves.
MIN_JOBS_PER_PROCESS = 150


def _check(job: CheckJob, scorer: str | None) -> SupportResult:
    return check_support(job.claim, [job.evidence], job.threshold, context=job.context, scorer=scorer)


def _to_json(res: SupportResult) -> str:
    return json.dumps([res.score, res.supported, res.reason, res.best, res.per_evidence])


def _from_json(line: str) -> SupportResult:
    score, supported, reason, best, per_evidence = json.loads(line)
    return SupportResult(score, supported, reason, [tuple(b) for b in best], [tuple(p) for p in per_evidence])


class _Helper:
    """One helper process checking `jobs`; `results()` waits for it (None when it failed)."""

    def __init__(self, jobs: Sequence[CheckJob], scorer: str | None) -> None:
        self.n = len(jobs)
        payload = "".join(json.dumps([*job, scorer]) + "\n" for job in jobs)
        self.out: str | None = None
        self.proc = subprocess.Popen([sys.executable, "-m", "qa.verify.batch"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                                     encoding="utf-8")
        # communicate() on a thread: the helper's output is read while this process checks its own share.
        self.thread = threading.Thread(target=self._talk, args=(payload,), daemon=True)
        self.thread.start()

    def _talk(self, payload: str) -> None:
        out, _ = self.proc.communicate(payload)
        self.out = out if self.proc.returncode == 0 else None

    def results(self) -> list[SupportResult] | None:
        self.thread.join()
        lines = (self.out or "").splitlines()
        if len(lines) != self.n:
            return None
        return [_from_json(line) for line in lines]


def _shares(jobs: list[CheckJob], n: int) -> list[list[int]]:
    """Job indices for `n` processes, jobs with the same evidence text together (each process parses a text once:
    the parses are cached per process), the shares about equal in size."""
    groups: dict[str, list[int]] = {}
    for i, job in enumerate(jobs):
        groups.setdefault(job.evidence, []).append(i)
    shares: list[list[int]] = [[] for _ in range(n)]
    for group in sorted(groups.values(), key=len, reverse=True):
        min(shares, key=len).extend(group)
    return [sorted(share) for share in shares if share]


def check_many(jobs: Sequence[CheckJob], *, scorer: str | None = None, processes: int = 1) -> list[SupportResult]:
    """`check_support(claim, [evidence], threshold, context=context)` for each job, in order, shared out over up to
    `processes` processes (this one included)."""
    jobs = [CheckJob(*job) for job in jobs]
    processes = max(1, min(processes, len(jobs) // MIN_JOBS_PER_PROCESS))
    if processes == 1:
        return [_check(job, scorer) for job in jobs]
    own, *others = _shares(jobs, processes)
    helpers = [_Helper([jobs[i] for i in share], scorer) for share in others]
    results: dict[int, SupportResult] = {i: _check(jobs[i], scorer) for i in own}
    for helper, share in zip(helpers, others, strict=True):
        got = helper.results()
        if got is None:
            got = [_check(jobs[i], scorer) for i in share]
        results.update(zip(share, got, strict=True))
    return [results[i] for i in range(len(jobs))]


def main() -> int:
    """The helper: a job a line on stdin ([claim, evidence, context, threshold, scorer]), a result a line out."""
    for line in sys.stdin:
        claim, evidence, context, threshold, scorer = json.loads(line)
        sys.stdout.write(_to_json(_check(CheckJob(claim, evidence, context, threshold), scorer)) + "\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
