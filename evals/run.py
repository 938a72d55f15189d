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
from collections.abc import Callable
from pathlib import Path

from tqdm import tqdm

from evals import metrics as M
from evals.dataset import QAItem, SupportPair, gold_spans, load_qa, load_summary_points, load_support_pairs
from qa.cli import cli_entry
from qa.config import SEEDS_DIR, Settings, add_common_args, as_dict, settings_from_args
from qa.errors import NewsqaError
from qa.schema import Answer

EVALS_DIR = Path(__file__).resolve().parent
THRESHOLDS_FILE = EVALS_DIR / "thresholds.json"
BASELINE_FILE = EVALS_DIR / "baseline.json"

AnswerFn = Callable[[QAItem], Answer]


# ---- judge ---------------------------------------------------------------------------------------
def split_support(pairs: list[SupportPair]) -> tuple[list[SupportPair], list[SupportPair]]:
    """Deterministic dev/test halves: the threshold is tuned on dev, the reported figure is on test."""
    dev = [p for p in pairs if int(p.id.lstrip("p")) % 2 == 1]
    test = [p for p in pairs if int(p.id.lstrip("p")) % 2 == 0]
    return dev, test


def judge_scores(pairs: list[SupportPair], threshold: float | None = None) -> list[float]:
    """The support scorer's score for each pair (0.3 or less when a hard check fails)."""
    from qa.support import check_support

    return [check_support(p.sentence, [p.passage], threshold).score if check_support(
        p.sentence, [p.passage], threshold).supported else -1.0 for p in pairs]


def run_judge(pairs: list[SupportPair]) -> tuple[dict, list[dict]]:
    """judge_balanced_accuracy on the held-out half, plus the threshold the dev half would pick."""
    from qa.support import DEFAULT_THRESHOLD, check_support

    def predict(p: SupportPair, threshold: float) -> str:
        return "supported" if check_support(p.sentence, [p.passage], threshold).supported else "not_supported"

    dev, test = split_support(pairs)
    # Calibration report: the threshold that maximises balanced accuracy on dev (never on test).
    dev_results = [check_support(p.sentence, [p.passage], 0.0) for p in dev]
    grid = [x / 100 for x in range(30, 91, 5)]
    accs = []
    for t in grid:
        preds = ["supported" if r.supported and r.score >= t else "not_supported" for r in dev_results]
        accs.append(M.balanced_accuracy([p.label for p in dev], preds) or 0.0)
    plateau = [t for t, a in zip(grid, accs, strict=True) if a >= max(accs) - 1e-9]
    best_t = plateau[len(plateau) // 2]  # the middle of the best plateau: the least fragile choice
    items = []
    for p in pairs:
        res = check_support(p.sentence, [p.passage])
        items.append({"id": p.id, "split": "dev" if p in dev else "test", "trap": p.trap, "label": p.label,
                      "predicted": "supported" if res.supported else "not_supported", "score": res.score,
                      "reason": res.reason, "sentence": p.sentence})
    test_ids = {p.id for p in test}
    labels = [i["label"] for i in items if i["id"] in test_ids]
    preds = [i["predicted"] for i in items if i["id"] in test_ids]
    out = {
        "judge_balanced_accuracy": M.balanced_accuracy(labels, preds),
        "judge_balanced_accuracy_all": M.balanced_accuracy([i["label"] for i in items],
                                                           [i["predicted"] for i in items]),
        "judge_dev_best_threshold": best_t,
        "judge_threshold_in_use": DEFAULT_THRESHOLD,
    }
    return out, items


# ---- QA ------------------------------------------------------------------------------------------
def build_eval_index(settings: Settings, folder: Path):
    """A fresh index of the seeds in `folder` (the eval never touches the user's index)."""
    from qa.index import open_index
    from qa.ingest import ingest_paths

    s = Settings(**{**settings.__dict__, "db": folder / "chroma", "chroma_url": None})
    report = ingest_paths([SEEDS_DIR], s)
    if report.failed:
        raise NewsqaError("could not index the seeds for the eval: " + "; ".join(report.errors))
    return s, open_index(s)


def score_answer(item: QAItem, answer: Answer, retrieved: list[tuple[str, int, int]], gold: list,
                 support_fn, embed_fn, k: int) -> dict:
    """Per-item metrics (None where a metric does not apply to the item)."""
    row: dict = {"abstained": answer.abstained, "must_abstain": item.must_abstain}
    answerable = not item.must_abstain
    row["faithfulness"] = M.faithfulness([answer]) if not answer.abstained else None
    rec, prec = M.citation_scores(answer, support_fn)
    row["citation_recall"], row["citation_precision"] = rec, prec
    row["key_fact_recall"] = M.key_fact_recall(answer.answer, item.key_facts) if answerable else None
    row["answer_similarity"] = (M.answer_similarity(answer.answer, item.reference_answer, embed_fn)
                                if answerable else None)
    row["retrieval_recall_at_k"] = M.retrieval_recall_at_k(retrieved, gold, k) if gold else None
    row["mrr"] = M.mrr(retrieved, gold, k) if gold else None
    return row


def run_qa(items: list[QAItem], answer_fn: AnswerFn, retrieve_fn, documents, support_fn, embed_fn, k: int,
           progress: bool = True, partial: Path | None = None) -> tuple[dict, list[dict]]:
    """Answer every item with `answer_fn` and compute the QA metrics (each record is also appended to
    `partial`, a JSONL file, as soon as it is scored, so an interrupted run still shows its items)."""
    rows, records = [], []
    for i, item in enumerate(tqdm(items, desc="qa", unit="question", disable=not progress), start=1):
        t0 = time.perf_counter()
        answer = answer_fn(item)
        seconds = time.perf_counter() - t0
        if not progress:  # no progress bar (CI logs): one line per question instead
            print(f"qa {i}/{len(items)} {item.id} {'abstained' if answer.abstained else 'answered'} "
                  f"{seconds:.1f}s", file=sys.stderr, flush=True)
        question = answer.standalone_question or item.question
        retrieved = retrieve_fn(question)
        gold = gold_spans(item, documents) if item.gold else []
        row = score_answer(item, answer, retrieved, gold, support_fn, embed_fn, k)
        rows.append(row)
        records.append({"id": item.id, "category": item.category, "question": item.question,
                        "reference_answer": item.reference_answer, "answer": answer.answer,
                        "abstained": answer.abstained, "must_abstain": item.must_abstain,
                        "sentences": [s.model_dump() for s in answer.sentences],
                        "citations": [c.model_dump(exclude={"passage"}) for c in answer.citations],
                        "metrics": {k2: v for k2, v in row.items() if k2 not in ("abstained", "must_abstain")},
                        "seconds": round(seconds, 2), "timings": answer.timings})
        if partial is not None:
            with partial.open("a", encoding="utf-8") as fh:
                fh.write(json.dumps(records[-1], default=str) + "\n")
    metric_rows = [{k2: v for k2, v in r.items() if k2 not in ("abstained", "must_abstain")} for r in rows]
    out = M.aggregate(metric_rows)
    out.update(M.abstention_scores((r["abstained"], r["must_abstain"]) for r in rows))
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
    from qa.summarize import summarize

    t0 = time.perf_counter()
    summary = summarize(index, settings, llm)
    points = load_summary_points()
    n = max(1, len(summary.sentences))
    m = summary.metrics
    out = {
        "summary_keypoint_coverage": M.summary_keypoint_coverage(summary.summary, points),
        "summary_source_coverage": m.source_coverage,
        "summary_citation_balance": m.citation_balance,
        "summary_attributed_ratio": m.attributed_ratio,
        "summary_supported_ratio": 1.0 - m.unsupported_sentences / n,
        "summary_loaded_free": 1.0 if not m.loaded_terms else 0.0,
    }
    record = {"summary": summary.summary, "metrics": m.model_dump(), "notes": summary.notes,
              "covered_points": [p.id for p, ok in zip(points, M.covered_points(summary.summary, points),
                                                       strict=True) if ok],
              "seconds": round(time.perf_counter() - t0, 2)}
    return out, record


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
    lines += ["", "| metric | value | threshold | baseline |", "|---|---|---|---|"]
    for name, value in report["metrics"].items():
        v = "n/a" if value is None else f"{value:.3f}"
        t = f"{thresholds[name]:.2f}" if name in thresholds else ""
        b = baseline.get(name)
        lines.append(f"| {name} | {v} | {t} | {'' if b is None else f'{b:.3f}'} |")
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
            lines.append(f"### {r['id']} ({r['category']}): {r['question']}")
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
        for j in wrong:
            lines.append(f"- {j['id']} ({j['split']}, {j['trap']}): labelled {j['label']}, judged "
                         f"{j['predicted']} ({j['reason']}): {j['sentence']}")
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
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m evals.run",
        description="Run the newsqa eval suite: the real pipeline over the hand-written gold set (evals/data), "
                    "with faithfulness, citation, correctness, abstention, retrieval, summary and judge metrics. "
                    "Builds its own index of the seeds in a temporary folder.",
        epilog="Exit status 1 when the gate fails (a metric below evals/thresholds.json or more than the tolerance "
               "below evals/baseline.json).")
    add_common_args(parser)
    parser.add_argument("--out", type=Path, default=Path("evals/out"), help="report folder (default evals/out)")
    parser.add_argument("--only", choices=["qa", "summary", "judge"], help="run one part only")
    parser.add_argument("--limit", type=int, help="first N questions only (quick look; the gate is skipped)")
    parser.add_argument("--update-baseline", action="store_true", help="write the metrics to evals/baseline.json")
    parser.add_argument("--no-gate", action="store_true", help="report only, never fail")
    return parser


def run(settings: Settings, only: str | None = None, limit: int | None = None,
        answer_fn_factory=None, progress: bool = True, partial: Path | None = None) -> dict:
    """Run the suite and return the report dict (no files written)."""
    from qa.embeddings import get_embedder
    from qa.retrieval import retrieve_passages
    from qa.support import check_support

    t0 = time.perf_counter()
    random.seed(0)
    report: dict = {"metrics": {}, "items": {}, "model": "", "timings": {}, "settings": as_dict(settings)}
    if only in (None, "judge"):
        tj = time.perf_counter()
        judge_metrics, judge_items = run_judge(load_support_pairs())
        report["metrics"].update(judge_metrics)
        report["items"]["judge"] = judge_items
        report["timings"]["judge_s"] = round(time.perf_counter() - tj, 2)
    if only in (None, "qa", "summary"):
        with tempfile.TemporaryDirectory(prefix="newsqa-eval-") as tmp:
            s, index = build_eval_index(settings, Path(tmp))
            from qa.answer import answer_question, model_name
            from qa.llm import get_llm

            llm = get_llm(s) if answer_fn_factory is None else None
            report["model"] = model_name(llm) if llm is not None else "test-fake"
            if only in (None, "qa"):
                items = load_qa()[:limit] if limit else load_qa()
                documents = {d: index.get_document(d) for d in index.committed_docs()}

                def default_answer(item: QAItem) -> Answer:
                    return answer_question(item.question, index, s, llm,
                                           history=[(t.question, t.answer) for t in item.history])

                answer_fn = answer_fn_factory(index, s) if answer_fn_factory else default_answer

                def retrieve_fn(q: str) -> list[tuple[str, int, int]]:
                    return [(p.doc_id, p.start, p.end) for p in retrieve_passages(q, index, s).passages]

                def support_fn(sentence: str, texts: list[str]) -> bool:
                    return check_support(sentence, texts, s.support_threshold).supported

                def embed_fn(texts: list[str]):
                    return get_embedder().embed(texts)

                tq = time.perf_counter()
                qa_metrics, records = run_qa(items, answer_fn, retrieve_fn, documents, support_fn, embed_fn, s.k,
                                             progress, partial)
                report["metrics"].update(qa_metrics)
                report["items"]["qa"] = records
                report["categories"] = category_scores(records)
                report["timings"]["qa_s"] = round(time.perf_counter() - tq, 2)
                report["timings"]["qa_median_s"] = sorted(r["seconds"] for r in records)[len(records) // 2]
            if only in (None, "summary") and llm is not None:
                ts = time.perf_counter()
                sum_metrics, record = run_summary(index, s, llm)
                report["metrics"].update(sum_metrics)
                report["items"]["summary"] = record
                report["timings"]["summary_s"] = round(time.perf_counter() - ts, 2)
    report["timings"]["total_s"] = round(time.perf_counter() - t0, 2)
    return report


@cli_entry()
def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    settings = settings_from_args(args)
    args.out.mkdir(parents=True, exist_ok=True)
    partial = args.out / "items.partial.jsonl"
    partial.unlink(missing_ok=True)
    report = run(settings, args.only, args.limit, progress=sys.stderr.isatty(), partial=partial)
    thresholds, tolerance, baseline = load_gate()
    ran = set(report["metrics"])
    failures = [] if (args.limit or args.no_gate) else M.check_gate(
        report["metrics"], {k: v for k, v in thresholds.items() if k in ran},
        {k: v for k, v in baseline.items() if k in ran}, tolerance)
    report["gate"] = {"passed": not failures, "failures": failures, "tolerance": tolerance}
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "report.json").write_text(json.dumps(report, indent=2, default=str), encoding="utf-8")
    write_markdown(report, args.out / "report.md")
    write_chart(report, args.out / "categories.png")
    for name, value in report["metrics"].items():
        print(f"{name:32s} {'n/a' if value is None else f'{value:.3f}'}")
    print(f"reports: {args.out}/report.json, report.md, categories.png")
    if args.update_baseline:
        BASELINE_FILE.write_text(json.dumps({"model": report["model"], "provisional": bool(args.limit),
                                             "metrics": report["metrics"]}, indent=2) + "\n")
        print(f"baseline written to {BASELINE_FILE}")
    if failures:
        print("EVAL GATE FAILED:\n  " + "\n  ".join(failures), file=sys.stderr)
        return 1
    print("eval gate passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
