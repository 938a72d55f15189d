"""Answer the unseen questions with the real model and score their key facts (evals/data/unseen_questions/).

    python -m evals.unseen evals/data/unseen_questions/session25.jsonl [--out FILE]

Each question is answered once as `python -m qa.ask` would (retrieval, the model, the check, the added quotes);
its key facts are looked for in the shown answer with and without the quotes added for questions that ask each
source (qa/answer/each_source.py), so what the quotes add is measured apart. Totals per kind ("both": the answer
needs both articles; "single": one fact of one article; "none": neither article answers it, so the right answer is
to abstain, and what is counted is how many did). The questions were written by someone who never saw the
code: read them as totals, never tune on them.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pydantic import BaseModel


class KeyFact(BaseModel):
    text: str  # "a|b": alternatives
    doc: str


class UnseenQuestion(BaseModel):
    id: str
    kind: str
    question: str
    key_facts: list[KeyFact]


def load(path: Path) -> list[UnseenQuestion]:
    """The questions of a JSON-lines file; ValueError naming the first bad line."""
    from pydantic import ValidationError

    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            out.append(UnseenQuestion.model_validate_json(line))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(x) for x in first.get("loc", ())) or "the line"
            raise ValueError(f"{path}:{n}: {where}: {first.get('msg', 'invalid')}") from None
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.unseen", description=__doc__.split("\n\n")[0])
    parser.add_argument("file", type=Path, help="JSON lines of unseen questions")
    parser.add_argument("--out", type=Path, help="write every answer and score as JSON here")
    args = parser.parse_args(argv)
    if not args.file.is_file():
        print(f"error: {args.file} is not a file", file=sys.stderr)
        return 2
    try:
        questions = load(args.file)
    except (ValueError, UnicodeDecodeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not questions:
        print(f"error: {args.file} holds no questions", file=sys.stderr)
        return 2
    from evals import metrics as M
    from qa.answer.pipeline import compute_answer
    from qa.config import load_settings
    from qa.generate.llm import get_llm
    from qa.index.store import open_index
    from qa.verify.citations import with_markers

    settings = load_settings()
    index, llm = open_index(settings), get_llm(settings)
    rows = []
    for q in questions:
        a = compute_answer(q.question, index, settings, llm)
        facts = [f.text for f in q.key_facts]
        shown = "" if a.abstained else a.answer
        own = "" if a.abstained else " ".join(with_markers(s.text, s.citations) for s in a.sentences
                                                if s.supported and s.status != "source_quote")
        row = {"id": q.id, "kind": q.kind, "question": q.question, "abstained": a.abstained, "answer": a.answer,
               "key_fact_recall": M.key_fact_recall(shown, facts) or 0.0,
               "key_fact_recall_without_source_quotes": M.key_fact_recall(own, facts) or 0.0,
               "cited_docs": sorted({c.doc_id for c in a.citations}),
               "source_quotes": sum(s.status == "source_quote" for s in a.sentences)}
        rows.append(row)
        if q.kind == "none":
            print(f"{q.id} (none) {'abstained' if a.abstained else 'answered'}", flush=True)
        else:
            print(f"{q.id} ({q.kind}) key facts {row['key_fact_recall']:.2f} "
                  f"(without added quotes {row['key_fact_recall_without_source_quotes']:.2f})"
                  f"{' (abstained)' if a.abstained else ''}", flush=True)
    for kind in dict.fromkeys(r["kind"] for r in rows):
        rs = [r for r in rows if r["kind"] == kind]
        n = len(rs)
        if kind == "none":
            print(f"none: {n} questions the articles do not answer, abstained on {sum(r['abstained'] for r in rs)}")
            continue
        print(f"{kind}: {n} questions, key-fact recall {sum(r['key_fact_recall'] for r in rs) / n:.3f} "
              f"(without added quotes {sum(r['key_fact_recall_without_source_quotes'] for r in rs) / n:.3f}), "
              f"answers citing two or more articles {sum(len(r['cited_docs']) >= 2 for r in rs)}, "
              f"with added quotes {sum(bool(r['source_quotes']) for r in rs)}, "
              f"abstained {sum(r['abstained'] for r in rs)}")
    if args.out:
        args.out.write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
