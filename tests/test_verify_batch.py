"""qa/verify/batch.py: support checks shared out over helper processes give the results of one process."""

import sys

from qa.verify import batch
from qa.verify.batch import CheckJob, check_many

_EVIDENCE = [
    "Officials in the capital said on Monday that the bridge would reopen in May.",
    "The company reported a loss of $3 million in the second quarter, its first since 2019.",
    "Police arrested two men after the fire, a spokesman said on Friday.",
]
_CLAIMS = ["The bridge reopened in May.", "Officials said the bridge would reopen in May.",
           "The company reported a profit.", "The company lost $3 million.",
           "Police arrested two men.", "Police charged three men."]


def _jobs(n: int) -> list[CheckJob]:
    jobs = []
    for i in range(n):
        evidence = _EVIDENCE[(i % 6) // 2] + f" Report {i // 6}."  # distinct texts: groups of various sizes
        jobs.append(CheckJob(_CLAIMS[i % len(_CLAIMS)], evidence, None, 0.0 if i % 2 else None))
    return jobs


def _key(r):
    return r.score, r.supported, r.reason, r.best, r.per_evidence


def test_two_processes_give_the_results_of_one_in_order(monkeypatch):
    monkeypatch.setattr(batch, "MIN_JOBS_PER_PROCESS", 10)
    jobs = _jobs(40)
    one = check_many(jobs, processes=1)
    two = check_many(jobs, processes=2)
    assert [_key(r) for r in two] == [_key(r) for r in one]
    assert {r.supported for r in one} == {True, False}  # the jobs are not all alike


def test_a_failing_helper_costs_only_time(monkeypatch):
    monkeypatch.setattr(batch, "MIN_JOBS_PER_PROCESS", 10)
    jobs = _jobs(30)
    one = check_many(jobs, processes=1)
    monkeypatch.setattr(sys, "executable", "/bin/false")  # the helper exits at once with status 1
    assert [_key(r) for r in check_many(jobs, processes=2)] == [_key(r) for r in one]


def test_shares_keep_one_evidence_text_together_and_cover_every_job():
    jobs = _jobs(60)
    shares = batch._shares(jobs, 2)
    assert sorted(i for share in shares for i in share) == list(range(60))
    for share in shares:
        others = {jobs[i].evidence for s in shares if s is not share for i in s}
        assert not others & {jobs[i].evidence for i in share}
    assert abs(len(shares[0]) - len(shares[1])) <= 6


def test_few_jobs_stay_in_this_process(monkeypatch):
    started = []
    monkeypatch.setattr(batch, "_Helper", lambda *a: started.append(a))
    check_many(_jobs(5), processes=2)
    assert not started
