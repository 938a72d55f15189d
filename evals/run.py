"""`python -m evals.run`: run the real pipeline over the gold set and gate on the results.

Writes DIR/report.json (contract in the README), DIR/report.md (metrics table, per-category scores,
worst items with their answers and citations) and DIR/categories.png. Exits 1 when a metric is below
its threshold (evals/thresholds.json) or regressed beyond the tolerance from evals/baseline.json.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from tqdm import tqdm

from evals import metrics as M
from evals.dataset import (
    DATA_VERSION,
    ERROR_CLASSES,
    SPLITS,
    SUPPORTED_KINDS,
    ConstrainedQAItem,
    QAItem,
    SupportPair,
    checksum_status,
    filter_matches,
    gold_spans,
    load_blind_pairs,
    load_constrained_qa,
    load_qa,
    load_summary_points,
    load_support_pairs,
)
from qa.answer.batch import Answered, AnswerJob, AnswerPool
from qa.cli.shell import cli_entry, command_parser
from qa.config import SEEDS_DIR, Settings, add_common_args, as_dict, settings_from_args
from qa.errors import NewsqaError, UsageError
from qa.schema import Answer

EVALS_DIR = Path(__file__).resolve().parent
THRESHOLDS_FILE = EVALS_DIR / "thresholds.json"
BASELINE_FILE = EVALS_DIR / "baseline.json"

AnswerFn = Callable[[QAItem], Answer]


# ---- judge ---------------------------------------------------------------------------------------
def judge_jobs(pairs: list[SupportPair], threshold: float | None = None) -> list:
    """The checks the judge makes: each labelled pair with its whole article as context (for "he", "the
    president"), as answers and `python -m qa.check` check a sentence."""
    from qa.ingest.readers import load_seed_documents
    from qa.verify.batch import CheckJob

    articles = {d.doc_id: d.text for d in load_seed_documents()}
    return [CheckJob(p.claim, p.evidence, p.context or articles.get(p.doc_id), threshold) for p in pairs]


def judge_items(pairs: list[SupportPair], results: list) -> list[dict]:
    return [{"id": p.id, "split": p.split, "kind": p.kind, "label": p.label,
             "predicted": "supported" if res.supported else "not_supported", "score": round(res.score, 4),
             "reason": res.reason, "claim": p.claim, "evidence": p.evidence}
            for p, res in zip(pairs, results, strict=True)]


def judge_predictions(pairs: list[SupportPair], threshold: float | None = None, processes: int = 1) -> list[dict]:
    """The support scorer's verdict on each labelled pair: the same `check_support` the answers and
    `python -m qa.check` use (qa/verify/batch.py, on up to `processes` processes)."""
    from qa.verify.batch import check_many

    return judge_items(pairs, check_many(judge_jobs(pairs, threshold), processes=processes))


def judge_split_metrics(items: list[dict]) -> dict:
    """Balanced accuracy, and per error class the share of unsupported claims rejected (1 - false accepts),
    per supported kind the share accepted."""
    out: dict = {"balanced_accuracy": M.balanced_accuracy([i["label"] for i in items],
                                                         [i["predicted"] for i in items]), "pairs": len(items)}
    per_class: dict[str, dict] = {}
    for kind in (*ERROR_CLASSES, *SUPPORTED_KINDS):
        rows = [i for i in items if i["kind"] == kind]
        if rows:
            right = sum(i["predicted"] == i["label"] for i in rows)
            per_class[kind] = {"n": len(rows), "correct": right, "rate": right / len(rows)}
    out["per_kind"] = per_class
    rejections = [v["rate"] for k, v in per_class.items() if k in ERROR_CLASSES]
    out["worst_class_rejection"] = min(rejections) if rejections else None
    return out


def run_judge(dev: list[SupportPair], test: list[SupportPair],
              blind: list[SupportPair] = (), processes: int = 1) -> tuple[dict, dict, list[dict]]:
    """(test metrics, {split: metrics}, items). The threshold grid is read on dev only; test is reported, and so
    are the blind pairs (as split "blind"), which nothing is tuned on. All checks in one `check_many` call, on up
    to `processes` processes (45 s on one core for the 1,242 pairs and the grid)."""
    from qa.verify.batch import CheckJob, check_many
    from qa.verify.support import DEFAULT_THRESHOLD

    blind = list(blind)
    grid_jobs = [CheckJob(p.claim, p.evidence, None, 0.0) for p in dev]  # the grid: no context, every score
    results = check_many(grid_jobs + judge_jobs(dev + test) + judge_jobs(blind), processes=processes)
    dev_results = results[:len(dev)]
    grid = [x / 100 for x in range(30, 91, 5)]
    accs = []
    for t in grid:
        preds = ["supported" if r.supported and r.score >= t else "not_supported" for r in dev_results]
        accs.append(M.balanced_accuracy([p.label for p in dev], preds) or 0.0)
    plateau = [t for t, a in zip(grid, accs, strict=True) if a >= max(accs) - 1e-9]
    best_t = plateau[len(plateau) // 2]  # the middle of the best plateau: the least fragile choice
    items = judge_items(dev + test, results[len(dev):len(dev) + len(dev) + len(test)])
    blind_items = [{**i, "split": "blind"} for i in judge_items(blind, results[len(dev) + len(dev) + len(test):])]
    items += blind_items
    splits = {sp: judge_split_metrics([i for i in items if i["split"] == sp]) for sp in SPLITS}
    if blind_items:
        splits["blind"] = judge_split_metrics(blind_items)
    splits["dev"]["best_threshold_on_dev"] = best_t
    metrics = {"judge_balanced_accuracy": splits["test"]["balanced_accuracy"],
               "judge_worst_class_rejection": splits["test"]["worst_class_rejection"],
               "judge_threshold_in_use": DEFAULT_THRESHOLD}
    if blind_items:
        metrics["judge_balanced_accuracy_blind"] = splits["blind"]["balanced_accuracy"]
    return metrics, splits, items


# ---- QA ------------------------------------------------------------------------------------------
def build_eval_index(settings: Settings, folder: Path):
    """A fresh index of the seeds in `folder` (the eval never touches the user's index)."""
    from qa.index.store import open_index
    from qa.ingest.pipeline import ingest_paths

    s = Settings(**{**settings.__dict__, "db": folder / "chroma", "chroma_url": None})
    report = ingest_paths([SEEDS_DIR], s)
    if report.failed:
        raise NewsqaError("could not index the seeds for the eval: " + "; ".join(report.errors))
    return s, open_index(s)


def make_support_fn(documents, threshold: float):
    """The citation metrics' judge: the support check with each cited passage's own article as its context, as
    the answer pipeline checks a sentence (qa/verify/citations.py), so that "he" or "the president" in a cited
    passage is read as the article reads it. Without the context the judge could reject a sentence the product
    rightly showed, and the metric would measure the difference between two configurations of one scorer."""
    from qa.verify.support import check_support

    def article_of(text: str) -> str | None:
        for d in documents.values():
            if d is not None and text in d.text:
                return d.text
        return None

    def support_fn(sentence: str, texts: list[str]) -> bool:
        return check_support(own_words(sentence, documents), texts, threshold,
                             context=[article_of(t) for t in texts]).supported

    return support_fn


def own_words(sentence: str, documents) -> str:
    """The sentence without an "According to <outlet>, ..." naming an indexed article's own outlet: the pipeline
    checks it the same way (qa.verify.citations.own_words), since the outlet's name is metadata, not the article's
    words."""
    from qa.sources import strip_own_attribution

    for d in documents.values():
        stripped = strip_own_attribution(sentence, d.title, d.source, d.published, d.doc_id, d.url)
        if stripped != sentence:
            return stripped
    return sentence


def draft_sentences(answer: Answer, n_passages: int) -> list[tuple[str, list[int]]]:
    """The model's draft as generated: its sentences and the markers it wrote (those naming a shown passage)."""
    from qa.verify.citations import split_draft

    return [(d.text, [m for m in d.markers if 1 <= m <= n_passages]) for d in split_draft(answer.draft)
            if d.text.strip()] if answer.draft else []


def score_answer(item: QAItem, answer: Answer, passages: list, gold: list, support_fn, embed_fn, k: int) -> dict:
    """Per-item metrics (None where a metric does not apply). The unsuffixed faithfulness and citation metrics
    are the model's draft before any repair; `_final` ones are what is shown after the check (the answer's
    sentences after re-pointing, and the draft sentences listed apart as unsupported), so partly guaranteed by the
    check itself."""
    row: dict = {}
    answerable = not item.must_abstain
    drafted = draft_scores_for(answer, passages, support_fn)
    row.update(drafted)
    row["faithfulness_final"] = M.faithfulness([answer]) if not answer.abstained else None
    rec, prec = M.citation_scores(answer, support_fn)
    row["citation_recall_final"], row["citation_precision_final"] = rec, prec
    row["key_fact_recall"] = M.key_fact_recall(answer.answer if not answer.abstained else "", item.key_facts) \
        if answerable else None
    row["key_fact_recall_draft"] = M.key_fact_recall(answer.draft, item.key_facts) if answerable else None
    row["answer_similarity"] = (M.answer_similarity(answer.answer, item.reference_answer, embed_fn)
                                if answerable else None)
    if answerable and not answer.abstained and gold:
        cited = [(c.doc_id, c.start, c.end) for c in answer.citations]
        row["citation_gold_hit"] = float(any(M.span_hit(c, g) for c in cited for g in gold))
    else:
        row["citation_gold_hit"] = None
    retrieved = [(p.doc_id, p.start, p.end) for p in passages]
    row["retrieval_recall_at_k"] = M.retrieval_recall_at_k(retrieved, gold, k) if gold else None
    row["mrr"] = M.mrr(retrieved, gold, k) if gold else None
    return row


def draft_scores_for(answer: Answer, passages: list, support_fn) -> dict:
    texts = {p.n: p.text for p in passages}
    return M.draft_scores(draft_sentences(answer, len(passages)), texts, support_fn)


REPAIR_STATUSES = ("kept", "repointed", "auto_cited", "repaired", "quoted", "unsupported", "source_quote")


# The QA figures given with a 95% bootstrap interval over the split's questions (report.json "intervals").
INTERVAL_METRICS = ("key_fact_recall", "abstention_accuracy", "faithfulness", "faithfulness_final",
                    "citation_recall_final", "citation_precision_final", "citation_gold_hit")


def qa_metrics(rows: list[dict]) -> dict:
    """The QA metrics over per-question rows (means, and abstention from abstained / must_abstain)."""
    metric_rows = [{k2: v for k2, v in r.items() if k2 not in ("abstained", "must_abstain")} for r in rows]
    out = M.aggregate(metric_rows)
    out.update(M.abstention_scores((r["abstained"], r["must_abstain"]) for r in rows))
    return out


def split_qa_metrics(rows: list[dict], records: list[dict]) -> tuple[dict, dict]:
    """(metrics, repair counts) over the rows of one split."""
    out = qa_metrics(rows)
    repair = {status: sum(1 for rec in records for s in rec["sentences"] if s.get("status") == status)
              for status in REPAIR_STATUSES}
    repair["draft_sentences"] = sum(rec["draft_sentences"] for rec in records)
    repair["removed"] = sum(rec["removed_sentences"] for rec in records)
    return out, repair


def run_qa(items: list[QAItem], answer_fn: AnswerFn | None, retrieve_fn, documents, support_fn, embed_fn, k: int,
           progress: bool = True, partial: Path | None = None,
           answers: Iterable[Answered] | None = None) -> tuple[dict, dict, list[dict]]:
    """Answer every item with `answer_fn` (or take `answers`, one per item in any order, from an `AnswerPool`);
    return (test metrics, {split: {"metrics", "repair"}}, records). Each record is also appended to `partial`, a
    JSONL file, as soon as it is scored, so an interrupted run still shows its items."""
    if answers is None:
        answers = _answer_in_order(items, answer_fn)
    by_position: dict[int, tuple[dict, dict]] = {}
    bar = tqdm(total=len(items), desc="qa", unit="question", disable=not progress)
    for done, (i, answer, seconds) in enumerate(answers, start=1):
        item = items[i]
        bar.update()
        if not progress:  # no progress bar (CI logs): one line per question instead
            print(f"qa {done}/{len(items)} {item.id} ({item.split}) {'abstained' if answer.abstained else 'answered'} "
                  f"{seconds:.1f}s", file=sys.stderr, flush=True)
        question = answer.standalone_question or item.question
        passages = retrieve_fn(question)
        gold = gold_spans(item, documents) if item.gold else []
        row = score_answer(item, answer, passages, gold, support_fn, embed_fn, k)
        row.update(abstained=answer.abstained, must_abstain=item.must_abstain)
        record = {"id": item.id, "split": item.split, "category": item.category, "question": item.question,
                  "reference_answer": item.reference_answer, "answer": answer.answer, "draft": answer.draft,
                  "draft_sentences": len(draft_sentences(answer, len(passages))),
                  "abstained": answer.abstained, "must_abstain": item.must_abstain,
                  "removed_sentences": answer.removed_sentences,
                  "sentences": [s.model_dump() for s in answer.sentences],
                  "citations": [c.model_dump(exclude={"passage"}) for c in answer.citations],
                  "metrics": {k2: v for k2, v in row.items() if k2 not in ("abstained", "must_abstain")},
                  "seconds": round(seconds, 2), "timings": answer.timings}
        by_position[i] = (row, record)
        if partial is not None:
            with partial.open("a", encoding="utf-8") as fh:
                fh.write(json.dumps(record, default=str) + "\n")
    bar.close()
    if len(by_position) != len(items):
        raise NewsqaError(f"the eval got {len(by_position)} answers for {len(items)} questions")
    rows = [by_position[i][0] for i in range(len(items))]
    records = [by_position[i][1] for i in range(len(items))]
    splits = {}
    for sp in SPLITS:
        idx = [j for j, it in enumerate(items) if it.split == sp]
        if idx:
            metrics, repair = split_qa_metrics([rows[j] for j in idx], [records[j] for j in idx])
            intervals = M.bootstrap_intervals([rows[j] for j in idx], qa_metrics, INTERVAL_METRICS)
            splits[sp] = {"metrics": metrics, "repair": repair, "questions": len(idx), "intervals": intervals}
    headline = splits.get("test", splits.get("dev", {"metrics": {}}))["metrics"]
    return dict(headline), splits, records


def _answer_in_order(items: list, answer_fn: AnswerFn) -> Iterator[Answered]:
    for i, item in enumerate(items):
        t0 = time.perf_counter()
        answer = answer_fn(item)
        yield Answered(i, answer, time.perf_counter() - t0)


def qa_jobs(items: list) -> list[AnswerJob]:
    """The questions of QA or constrained items as a user asks them (constrained items have no history)."""
    return [AnswerJob(it.question, tuple((t.question, t.answer) for t in getattr(it, "history", ()))) for it in items]


# Metrics of the outlet/date-constrained questions (asked without flags), reported under a "constrained_" prefix.
CONSTRAINED_METRICS = ("key_fact_recall", "abstention_accuracy", "faithfulness", "citation_gold_hit")


def run_constrained(items: list[ConstrainedQAItem], index, settings: Settings, answers: Iterable[Answered],
                    documents, support_fn, embed_fn, progress: bool = True) -> tuple[dict, list[dict]]:
    """Score the constrained questions' `answers`, asked as a user asks them: no flags, the constraint only in the
    question's words (qa/retrieve/question_filters.py turns it into filters inside retrieval); return ({split:
    metrics}, records).
    `constrained_filter_accuracy`: the inferred constraint equals the labelled one (outlet, since, until; an
    outlet the index does not hold counts when it is named as such). `outside_filter_citations`: citations of
    articles the labelled constraint excludes (must be 0)."""
    from qa.answer.pipeline import question_constraint
    from qa.metadata import int_to_iso
    from qa.retrieve.filters import NoMatchError
    from qa.retrieve.hybrid import retrieve_passages

    inferred = {it.question: question_constraint(it.question, index) for it in items}

    def as_labelled(q) -> dict:
        f = q.filters
        return {"source": f.source if f and f.source else q.unknown_outlet,
                "since": int_to_iso(f.since) if f and f.since else None,
                "until": int_to_iso(f.until) if f and f.until else None}

    def retrieve_fn(q: str) -> list:
        asked = inferred.get(q)
        try:
            return retrieve_passages(q, index, settings, filters=asked.filters if asked else None).passages
        except NoMatchError:
            return []

    _, splits, records = run_qa(items, None, retrieve_fn, documents, support_fn, embed_fn, settings.k, progress,
                                answers=answers)
    out: dict[str, dict] = {}
    for sp, v in splits.items():
        recs = [(r, it) for r, it in zip(records, items, strict=True) if it.split == sp]
        for r, it in recs:
            r["filters_inferred"] = as_labelled(inferred[it.question])
            r["filters_labelled"] = it.filters.model_dump(mode="json")
        outside = sum(1 for r, it in recs for c in r["citations"]
                      if c.get("doc_id") in documents and not filter_matches(it.filters, documents[c["doc_id"]]))
        figures = {f"constrained_{k}": v["metrics"].get(k) for k in CONSTRAINED_METRICS}
        figures["constrained_filter_accuracy"] = round(
            sum(r["filters_inferred"] == r["filters_labelled"] for r, _ in recs) / len(recs), 4)
        figures["constrained_outside_filter_citations"] = outside
        figures["constrained_questions"] = v["questions"]
        out[sp] = figures
    return out, records


def category_scores(records: list[dict]) -> dict[str, dict[str, float | None]]:
    """Mean of the main per-item metrics by question category (unanswerable: abstention accuracy)."""
    out: dict[str, dict[str, float | None]] = {}
    for cat in sorted({r["category"] for r in records}):
        rs = [r for r in records if r["category"] == cat]
        if cat == "unanswerable":
            out[cat] = {"abstention_accuracy": M.mean(float(r["abstained"]) for r in rs)}
            continue
        out[cat] = {name: M.mean(r["metrics"].get(name) for r in rs)
                    for name in ("key_fact_recall", "faithfulness", "citation_recall", "answer_similarity")}
        out[cat]["answered"] = M.mean(float(not r["abstained"]) for r in rs)
    return out


# ---- summary -------------------------------------------------------------------------------------
def run_summary(index, settings: Settings, llm) -> tuple[dict, dict]:
    """Summarise the seeds and score key-point coverage plus the balance metrics."""
    from qa.summarize.pipeline import summarize

    t0 = time.perf_counter()
    summary = summarize(index, settings, llm)
    points = load_summary_points()
    def figures(m, n_sentences: int, suffix: str) -> dict:
        n = max(1, n_sentences)
        return {f"summary_source_coverage{suffix}": m.source_coverage,
                f"summary_citation_balance{suffix}": m.citation_balance,
                f"summary_attributed_ratio{suffix}": m.attributed_ratio,
                f"summary_supported_ratio{suffix}": 1.0 - m.unsupported_sentences / n,
                f"summary_loaded_free{suffix}": 1.0 if not m.loaded_terms else 0.0}

    out = {"summary_keypoint_coverage": M.summary_keypoint_coverage(summary.summary, points)}
    # Before repair (the model's checked sentences as written) and after it (what the reader sees).
    if summary.draft_metrics is not None:
        out.update(figures(summary.draft_metrics, summary.draft_metrics.unsupported_sentences +
                           len([s for s in summary.sentences if s.supported]), "_draft"))
    out.update(figures(summary.metrics, len(summary.sentences), ""))
    # Issue 18: metrics that can fail, before the fallbacks (the model's wording) and after; conflict and
    # agreement recall against the hand-labelled groups of each split (nothing is tuned on test).
    for suffix, mm in (("_draft", summary.draft_metrics), ("", summary.metrics)):
        if mm is not None:
            out[f"summary_agreement_precision{suffix}"] = mm.agreement_precision
            out[f"summary_attribution_accuracy{suffix}"] = mm.attribution_accuracy
    group_splits = summary_group_scores(summary, index)
    m = summary.metrics
    record = {"summary": summary.summary, "metrics": m.model_dump(), "group_splits": group_splits,
              "sections": [s.model_dump() for s in summary.sections],
              "draft_metrics": summary.draft_metrics.model_dump() if summary.draft_metrics else None,
              "notes": summary.notes,
              "covered_points": [p.id for p, ok in zip(points, M.covered_points(summary.summary, points),
                                                       strict=True) if ok],
              "seconds": round(time.perf_counter() - t0, 2)}
    return out, record


def summary_group_scores(summary, index) -> dict[str, dict[str, float | None]]:
    """{split: conflict recall/precision and agreement recall} of `summary` against `summary_groups.jsonl`."""
    from evals.dataset import load_summary_groups
    from qa.summarize.metrics import group_scores

    texts = {d: doc.text for d in index.committed_docs() if (doc := index.get_document(d)) is not None}
    return {sp: {f"summary_{k}": v for k, v in group_scores(summary, load_summary_groups(sp), texts).items()}
            for sp in SPLITS}


# ---- reports -------------------------------------------------------------------------------------
def load_gate() -> tuple[dict[str, float], float, dict[str, float | None]]:
    """(thresholds, tolerance, baseline metrics) from the committed files."""
    gate = json.loads(THRESHOLDS_FILE.read_text())
    data = json.loads(BASELINE_FILE.read_text()) if BASELINE_FILE.is_file() else {}
    # A provisional baseline (measured on part of the set) is shown in reports but does not gate regressions:
    # comparing a full run with a partial sample would fail or pass by chance.
    baseline = {} if data.get("provisional") else data.get("metrics", {})
    return {k: v["min"] for k, v in gate["thresholds"].items()}, float(gate["tolerance"]), baseline


def write_markdown(report: dict, path: Path) -> None:
    """report.md: metrics with thresholds and baseline, per-category table, worst items."""
    thresholds, tolerance, baseline = load_gate()
    lines = ["# newsqa eval report\n", f"Model: `{report['model']}` · backend `{report['settings']['backend']}`"
             f" · {report['timings'].get('total_s', 0):.0f} s · gate: "
             f"**{'PASSED' if report['gate']['passed'] else 'FAILED'}**\n"]
    for f in report["gate"]["failures"]:
        lines.append(f"- ✗ {f}")
    data = report.get("data", {})
    sums = data.get("test_checksums", {})
    frozen = all(v["recorded"] == v["actual"] for v in sums.values()) if sums else False
    lines.append(f"Data version `{data.get('version', '?')}`; test split checksums "
                 f"{'match SHA256SUMS' if frozen else '**DO NOT MATCH** SHA256SUMS'}: " +
                 ", ".join(f"{n} `{v['actual'][:12]}`" for n, v in sums.items()) + "\n")
    lines.append("The headline value is the test split (nothing is tuned on it); dev is where rules, thresholds "
                 "and prompts are tuned. Faithfulness and citation metrics without a suffix score the model's "
                 "draft before any repair; `_final` ones score what is shown after the check: the answer's "
                 "sentences (citations re-pointed, an exact quote where the draft failed) and the draft sentences "
                 "listed under it as unsupported. Summary metrics cover both seeds (no split); "
                 "`_draft` ones are before repair.\n")
    splits = report.get("splits", {})
    lines += ["| metric | dev | test | threshold | baseline |", "|---|---|---|---|---|"]

    def cell(value) -> str:
        return "" if value is None else f"{value:.3f}" if isinstance(value, float) else str(value)

    for name, value in report["metrics"].items():
        dev = splits.get("dev", {}).get(name)
        test = splits.get("test", {}).get(name, value if name not in splits.get("dev", {}) else None)
        t = f"{thresholds[name]:.2f}" if name in thresholds else ""
        b = baseline.get(name)
        lines.append(f"| {name} | {cell(dev)} | {cell(test)} | {t} | {'' if b is None else f'{b:.3f}'} |")
    intervals = report.get("intervals", {})
    if intervals:
        lines += ["", "95% intervals (percentile bootstrap over the split's questions, 1,000 resamples): how far a "
                  "figure moves with which questions were asked. Differences inside them are not evidence of a "
                  "change; rounding alone (another llama.cpp build) moved test key-fact recall by 0.05 "
                  "(docs/performance.md).", "", "| metric | dev | test |", "|---|---|---|"]
        for name in INTERVAL_METRICS:
            cells = []
            for sp in ("dev", "test"):
                value, iv = splits.get(sp, {}).get(name), intervals.get(sp, {}).get(name)
                cells.append("" if value is None or iv is None else f"{value:.3f} [{iv[0]:.2f}, {iv[1]:.2f}]")
            lines.append(f"| {name} | {cells[0]} | {cells[1]} |")
    repair = report.get("repair", {})
    if repair:
        lines += ["", "## What the check did to the drafts", "",
                  "| split | draft sentences | kept as cited | re-pointed | cited automatically | speaker/certainty "
                  "rewritten | answered by a quote | unsupported (left out) | another source quoted |",
                  "|---|---|---|---|---|---|---|---|---|"]
        for sp, r in repair.items():
            lines.append(f"| {sp} | {r['draft_sentences']} | {r['kept']} | {r['repointed']} | {r['auto_cited']} | "
                         f"{r.get('repaired', 0)} | {r.get('quoted', 0)} | {r['unsupported'] + r['removed']} | "
                         f"{r.get('source_quote', 0)} |")
    judge_splits = report.get("judge", {})
    if judge_splits:
        kinds = list(dict.fromkeys(k for v in judge_splits.values() for k in v.get("per_kind", {})))
        lines += ["", "## Support judge by kind (share judged correctly: rejected for error classes, accepted "
                  "for supported kinds; blind: pairs written by someone who never saw the scorer, not tuned on)",
                  "", "| kind | " + " | ".join(judge_splits) + " |", "|---|" + "---|" * len(judge_splits)]
        for kind in kinds:
            row = []
            for sp in judge_splits:
                v = judge_splits.get(sp, {}).get("per_kind", {}).get(kind)
                row.append(f"{v['correct']}/{v['n']} ({v['rate']:.2f})" if v else "")
            lines.append(f"| {kind} | " + " | ".join(row) + " |")
    cats = report.get("categories", {})
    if cats:
        names = sorted({k for v in cats.values() for k in v})
        lines += ["", "## By category", "", "| category | " + " | ".join(names) + " |",
                  "|---|" + "---|" * len(names)]
        for cat, vals in cats.items():
            cells = ["" if vals.get(n) is None else f"{vals[n]:.2f}" for n in names]
            lines.append(f"| {cat} | " + " | ".join(cells) + " |")
    items = report.get("items", {}).get("qa", [])

    def badness(r: dict) -> float:
        if r["must_abstain"]:
            return 0.0 if r["abstained"] else 2.0
        m = r["metrics"]
        return 1.0 - (M.mean([m.get("key_fact_recall"), m.get("faithfulness"), m.get("citation_recall")]) or 0.0)

    worst = sorted(items, key=badness, reverse=True)[:8]
    if worst:
        lines += ["", "## Worst items", ""]
        for r in worst:
            lines.append(f"### {r['id']} ({r['split']}, {r['category']}): {r['question']}")
            lines.append(f"- answer: {r['answer']}")
            lines.append(f"- reference: {r['reference_answer']}")
            for s in r["sentences"]:
                mark = "✓" if s["supported"] else "✗"
                lines.append(f"  - {mark} {s['text']} {s['citations']} ({s['reason']})")
            for c in r["citations"]:
                lines.append(f"  - [{c['n']}] {c['doc_id']}: “{c['quote']}”")
            lines.append("- metrics: " + ", ".join(f"{k}={'n/a' if v is None else round(v, 2)}"
                                                    for k, v in r["metrics"].items()))
            lines.append("")
    judge = report.get("items", {}).get("judge", [])
    wrong = [j for j in judge if j["label"] != j["predicted"]]
    if judge:
        lines += ["", f"## Support judge: {len(judge) - len(wrong)}/{len(judge)} pairs agree with the labels", ""]
        # Blind pairs are counted, never listed: a set stays blind only while nobody reads its failures.
        blind = [j for j in wrong if j["split"] == "blind"]
        for j in wrong:
            if j["split"] != "blind":
                lines.append(f"- {j['id']} ({j['split']}, {j['kind']}): labelled {j['label']}, judged "
                             f"{j['predicted']} ({j['reason']}): {j['claim']}")
        if blind:
            lines.append(f"- and {len(blind)} blind pairs judged against their label (not listed; "
                         "evals/data/README.md)")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_chart(report: dict, path: Path) -> None:
    """A PNG bar chart of per-category scores."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    cats = report.get("categories", {})
    if not cats:
        return
    names = ["key_fact_recall", "faithfulness", "citation_recall", "abstention_accuracy"]
    fig, ax = plt.subplots(figsize=(9, 4))
    width = 0.2
    for i, name in enumerate(names):
        xs = [j + i * width for j in range(len(cats))]
        ax.bar(xs, [cats[c].get(name) or 0.0 for c in cats], width, label=name)
    ax.set_xticks([j + 1.5 * width for j in range(len(cats))], list(cats), rotation=20)
    ax.set_ylim(0, 1.05)
    ax.set_title(f"newsqa eval by category ({report['model']})")
    ax.legend(fontsize=8, ncol=4, loc="lower center")
    fig.tight_layout()
    fig.savefig(path, dpi=90)
    plt.close(fig)


# ---- main ----------------------------------------------------------------------------------------
DESCRIPTION = """\
Run the newsqa eval suite: the real pipeline over the hand-written gold set (evals/data), with faithfulness,
citation, correctness, abstention, retrieval, summary and judge metrics. Builds its own index of the seeds in a
temporary folder."""

EPILOG = """\
Exit status 1 when the gate fails (a metric below evals/thresholds.json or more than the tolerance below
evals/baseline.json)."""


def build_parser() -> argparse.ArgumentParser:
    parser = command_parser("evals.run", DESCRIPTION, EPILOG)
    add_common_args(parser)
    parser.add_argument("--out", type=Path, default=Path("evals/out"), help="report folder (default evals/out)")
    parser.add_argument("--only", choices=["qa", "constrained", "summary", "judge"], help="run one part only")
    parser.add_argument("--limit", type=int, help="first N questions of each split only (quick look; the gate is "
                                                   "skipped)")
    parser.add_argument("--split", choices=SPLITS, help="questions of one split only (tune on dev; the gate is "
                                                        "skipped unless both run)")
    parser.add_argument("--update-baseline", action="store_true", help="write the metrics to evals/baseline.json")
    parser.add_argument("--no-gate", action="store_true", help="report only, never fail")
    parser.add_argument("--processes", type=int, metavar="N",
                        help="processes answering the questions, the cores shared out between them (default: one "
                             "per core; 1: this process only). The answers were the same either way when "
                             "compared; llama.cpp's rounding may change a word where a process starts its share")
    return parser


def run(settings: Settings, only: str | None = None, limit: int | None = None,
        answer_fn_factory=None, progress: bool = True, partial: Path | None = None, split: str | None = None,
        processes: int | None = None) -> dict:
    """Run the suite and return the report dict (no files written). `processes`: how many processes answer the
    questions (default: one per core)."""
    from qa.index.embeddings import get_embedder
    from qa.retrieve.hybrid import retrieve_passages

    t0 = time.perf_counter()
    random.seed(0)
    report: dict = {"metrics": {}, "items": {}, "model": "", "timings": {}, "settings": as_dict(settings)}
    report["data"] = {"version": DATA_VERSION, "test_checksums": checksum_status()}
    report["splits"] = {sp: {} for sp in SPLITS}
    if only in (None, "judge"):
        tj = time.perf_counter()
        judge_metrics, judge_splits, judge_items = run_judge(load_support_pairs("dev"), load_support_pairs("test"),
                                                             load_blind_pairs(), processes=settings.threads)
        report["metrics"].update(judge_metrics)
        report["judge"] = judge_splits
        for sp in SPLITS:
            report["splits"][sp].update({"judge_balanced_accuracy": judge_splits[sp]["balanced_accuracy"],
                                         "judge_worst_class_rejection": judge_splits[sp]["worst_class_rejection"]})
        report["items"]["judge"] = judge_items
        report["timings"]["judge_s"] = round(time.perf_counter() - tj, 2)
    if only in (None, "qa", "constrained", "summary"):
        with tempfile.TemporaryDirectory(prefix="newsqa-eval-") as tmp:
            s, index = build_eval_index(settings, Path(tmp))
            from qa.answer.pipeline import model_name
            from qa.generate.llm import get_llm

            llm = get_llm(s) if answer_fn_factory is None else None
            report["model"] = model_name(llm) if llm is not None else "test-fake"
            # The QA and constrained questions are shared out over `processes` processes of threads/processes
            # llama.cpp threads each (~13% less time on 2 cores), and questions shown the same passages are
            # answered one after another (llama.cpp reuses their evaluated prompt: 11% less): qa/answer/batch.py.
            pool = AnswerPool(index, s, llm, processes=s.threads if processes is None else processes)
            report["timings"]["answer_processes"] = pool.processes
            summarised: dict = {}

            def summarise() -> None:
                # run here while the helpers finish their share of the constrained questions (`meanwhile`), or
                # after the pool closed when there was no such stage
                ts = time.perf_counter()
                summarised["result"] = run_summary(index, s, llm)
                summarised["seconds"] = round(time.perf_counter() - ts, 2)

            want_summary = only in (None, "summary") and llm is not None
            with pool:
                if only in (None, "qa"):
                    items = [it for it in load_qa() if split is None or it.split == split]
                    if limit:  # a quick look: the first N of each split
                        items = [it for sp in SPLITS for it in [x for x in items if x.split == sp][:limit]]
                    documents = {d: index.get_document(d) for d in index.committed_docs()}

                    # a test's own answers, or the real pipeline's through the pool (qa_jobs: the same questions)
                    answer_fn = answer_fn_factory(index, s) if answer_fn_factory else None

                    def retrieve_fn(q: str) -> list:
                        return retrieve_passages(q, index, s).passages  # deterministic: what the model was shown

                    support_fn = make_support_fn(documents, s.support_threshold)

                    def embed_fn(texts: list[str]):
                        return get_embedder().embed(texts)

                    tq = time.perf_counter()
                    qa_metrics, qa_splits, records = run_qa(
                        items, answer_fn, retrieve_fn, documents, support_fn, embed_fn, s.k, progress, partial,
                        answers=pool.answer(qa_jobs(items)) if answer_fn is None else None)
                    report["metrics"].update(qa_metrics)
                    report["repair"] = {sp: v["repair"] for sp, v in qa_splits.items()}
                    for sp, v in qa_splits.items():
                        report["splits"][sp].update(v["metrics"])
                        report["splits"][sp]["questions"] = v["questions"]
                    report["intervals"] = {sp: v["intervals"] for sp, v in qa_splits.items()}
                    report["items"]["qa"] = records
                    report["categories"] = category_scores(records)
                    report["timings"]["qa_s"] = round(time.perf_counter() - tq, 2)
                    report["timings"]["qa_median_s"] = sorted(r["seconds"] for r in records)[len(records) // 2]
                if only in (None, "qa", "constrained") and llm is not None:
                    citems = [it for it in load_constrained_qa() if split is None or it.split == split]
                    if limit:
                        citems = [it for sp in SPLITS for it in [x for x in citems if x.split == sp][:limit]]
                    documents = {d: index.get_document(d) for d in index.committed_docs()}
                    tc = time.perf_counter()
                    c_splits, c_records = run_constrained(
                        citems, index, s, pool.answer(qa_jobs(citems), meanwhile=summarise if want_summary else None),
                        documents,
                        make_support_fn(documents, s.support_threshold),
                        lambda texts: get_embedder().embed(texts), progress)
                    for sp, figures in c_splits.items():
                        report["splits"][sp].update(figures)
                    report["metrics"].update(c_splits.get("test", {}))
                    report["items"]["constrained"] = c_records
                    report["timings"]["constrained_s"] = round(time.perf_counter() - tc, 2)
            if want_summary:
                if "result" not in summarised:
                    summarise()
                sum_metrics, record = summarised["result"]
                report["metrics"].update(sum_metrics)
                for sp, figures in record.get("group_splits", {}).items():  # dev / test columns (issue 18)
                    report["splits"].setdefault(sp, {}).update(figures)
                report["items"]["summary"] = record
                report["timings"]["summary_s"] = summarised["seconds"]  # inside the constrained stage when it ran
    report["timings"]["total_s"] = round(time.perf_counter() - t0, 2)
    return report


@cli_entry()
def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    settings = settings_from_args(args)
    args.out.mkdir(parents=True, exist_ok=True)
    partial = args.out / "items.partial.jsonl"
    partial.unlink(missing_ok=True)
    if args.processes is not None and args.processes < 1:
        raise UsageError(f"--processes must be at least 1 (got {args.processes})")
    report = run(settings, args.only, args.limit, progress=sys.stderr.isatty(), partial=partial, split=args.split,
                 processes=args.processes)
    thresholds, tolerance, baseline = load_gate()
    ran = set(report["metrics"])
    failures = [] if (args.limit or args.no_gate or args.split) else M.check_gate(
        report["metrics"], {k: v for k, v in thresholds.items() if k in ran},
        {k: v for k, v in baseline.items() if k in ran}, tolerance)
    report["gate"] = {"passed": not failures, "failures": failures, "tolerance": tolerance}
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "report.json").write_text(json.dumps(report, indent=2, default=str), encoding="utf-8")
    write_markdown(report, args.out / "report.md")
    write_chart(report, args.out / "categories.png")
    def fmt(v) -> str:
        return "n/a" if v is None else f"{v:.3f}" if isinstance(v, float) else str(v)

    splits = report.get("splits", {})
    print(f"data {report['data']['version']}; {'metric':32s} {'dev':>7s} {'test':>7s}")
    names = list(dict.fromkeys([*report["metrics"], *splits.get("dev", {})]))
    for name in names:
        dev = splits.get("dev", {}).get(name)
        test = splits.get("test", {}).get(name, report["metrics"].get(name) if name not in splits.get("dev", {})
                                          else None)
        print(f"{name:40s} {fmt(dev):>7s} {fmt(test):>7s}")
    print(f"reports: {args.out}/report.json, report.md, categories.png")
    if args.update_baseline:
        gated = {k: v for k, v in report["metrics"].items() if k in thresholds}  # small-count metrics are not gated
        BASELINE_FILE.write_text(json.dumps({"model": report["model"], "provisional": bool(args.limit or args.split),
                                             "data_version": DATA_VERSION, "metrics": gated,
                                             "all_metrics": report["metrics"],
                                             "dev": report.get("splits", {}).get("dev", {})}, indent=2) + "\n")
        print(f"baseline written to {BASELINE_FILE}")
    if failures:
        print("EVAL GATE FAILED:\n  " + "\n  ".join(failures), file=sys.stderr)
        return 1
    print("eval gate passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
