"""Re-check the drafts an eval run recorded with the current verifier, without generating them again.

    python -m evals.replay evals/out/report.json --split dev [--out /tmp/replay]

Why: a change to the checks (qa/verify/) changes what is shown for the same drafts, and a QA eval of the dev split
regenerates every draft (~5 minutes on 2 cores). Here each question's recorded draft is fed back through
`answer_question` in place of the model, so retrieval, checks, repair, quotes and metrics run as in the eval (~1
minute). Only the follow-up questions' condensing calls the real model (the drafts were written for the condensed
question, which the report does not record). The figures equal the eval's when the drafts are the same, which holds
only as long as the prompt, retrieval and model are unchanged: a draft is looked up by the question the prompt
asks. Tuning uses dev; a test replay is a measurement like the eval's own.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from evals.run import SPLITS, write_markdown
from qa.generate.llm import ModelInfo
from qa.generate.messages import ChatDelta
from qa.generate.prompts import load_prompt_text

_QUESTION = re.compile(r"\nQuestion: (.*)\n")
_FOLLOW_UP = re.compile(r"^Follow-up question: (.*)$", re.MULTILINE)  # prompts/condense.txt


class RecordedDrafts:
    """A chat model that replies with the draft recorded for the question its prompt asks ("" when none was
    recorded: the answer then abstains); condensing prompts go to the real model, loaded on first use."""

    def __init__(self, drafts: dict[str, str], settings, load_model) -> None:
        self.drafts = drafts
        self.settings = settings
        self._load_model = load_model  # the real qa.generate.llm.get_llm (replaced while replaying)
        self.metadata = ModelInfo(model_name="recorded-drafts", context_window=settings.n_ctx, num_output=256)
        self._condense = load_prompt_text("condense").split("{")[0].strip()[:40]
        self._real = None
        self._follow_up: str | None = None

    def stream_chat(self, messages: Sequence[Any], **kwargs: Any) -> Iterator[ChatDelta]:
        last = messages[-1]
        content = last.content if hasattr(last, "content") else last["content"]
        if content.startswith(self._condense):
            if self._real is None:
                self._real = self._load_model(self.settings)
            # the follow-up's draft was recorded under the question as asked; the prompt will ask the condensed one
            asked = _FOLLOW_UP.search(content)
            self._follow_up = asked.group(1).strip() if asked else None
            return self._real.stream_chat(messages, **kwargs)
        m = _QUESTION.search(content)
        question = m.group(1) if m else ""
        text = self.drafts.get(question, self.drafts.get(self._follow_up or "", ""))
        self._follow_up = None
        return iter([ChatDelta(delta=text, text=text)])


# the settings that shape a draft (a replay on other settings is not a replay of these drafts)
_DRAFT_SETTINGS = ("model", "n_ctx", "max_tokens", "temperature", "seed", "k", "prompt_budget_tokens",
                   "flash_attention")


def recorded_drafts(recorded: dict) -> dict[str, str]:
    """{question: draft} from an eval's report.json, or from a drafts file this module exported (`--export`)."""
    if "drafts" in recorded:
        return dict(recorded["drafts"])
    drafts: dict[str, str] = {}
    for part in ("qa", "constrained"):
        for item in recorded.get("items", {}).get(part, []):
            drafts.setdefault(item["question"], item.get("draft", ""))
    return drafts


def export_drafts(report_path: Path, out: Path) -> int:
    """Write the drafts of an eval report (1 MB) as a small file to keep in the repository: a replay of committed
    drafts shows what a change to the checks does to the shown answers on any machine, whatever its llama.cpp
    build writes (the drafts differ between AVX2 and AVX-512 builds, so a machine's own eval shows only its own)."""
    recorded = json.loads(report_path.read_text(encoding="utf-8"))
    figures = {sp: {k: round(v, 3) for k, v in f.items() if isinstance(v, float)}
               for sp, f in recorded.get("splits", {}).items()}
    data = {"source": str(report_path), "model": recorded.get("model", "unknown"),
            "settings": {k: recorded.get("settings", {}).get(k) for k in _DRAFT_SETTINGS},
            "figures_when_recorded": figures, "drafts": recorded_drafts(recorded)}
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(data['drafts'])} drafts -> {out}")
    return 0


def replay(report_path: Path, split: str | None, settings) -> dict:
    """The eval report of the recorded drafts re-checked (QA and constrained questions)."""
    import qa.generate.llm as llm_module
    from evals import run as eval_run

    recorded = json.loads(report_path.read_text(encoding="utf-8"))
    drafts = recorded_drafts(recorded)
    real_get = llm_module.get_llm
    llm_module.get_llm = lambda s, *a, **k: RecordedDrafts(drafts, s, real_get)  # what evals.run loads as its model
    try:
        out = eval_run.run(settings, only="qa", split=split, progress=False)
        cons = eval_run.run(settings, only="constrained", split=split, progress=False)
    finally:
        llm_module.get_llm = real_get
    out["items"]["constrained"] = cons["items"].get("constrained", [])
    for sp, figures in cons["splits"].items():
        out["splits"].setdefault(sp, {}).update({k: v for k, v in figures.items() if k.startswith("constrained")})
    out["model"] = f"recorded drafts of {report_path} ({recorded.get('model', 'unknown')})"
    return out


def main(argv: list[str] | None = None) -> int:
    from qa.config import load_settings

    parser = argparse.ArgumentParser(prog="python -m evals.replay", description=__doc__.split("\n\n")[0])
    parser.add_argument("report", type=Path, help="report.json of an eval run, or a drafts file written by --export "
                        "(evals/data/drafts/), whose recorded drafts are replayed")
    parser.add_argument("--split", choices=SPLITS, help="questions of one split only (tune on dev)")
    parser.add_argument("--out", type=Path, default=Path("evals/out/replay"), help="report folder")
    parser.add_argument("--export", type=Path, metavar="FILE",
                        help="write the report's drafts to FILE (to commit) instead of replaying them")
    args = parser.parse_args(argv)
    if not args.report.is_file():
        print(f"error: {args.report} is not a file (give the report.json an eval run wrote)", file=sys.stderr)
        return 2
    if args.export:
        return export_drafts(args.report, args.export)
    report = replay(args.report, args.split, load_settings())
    report["gate"] = {"passed": True, "failures": [], "tolerance": None}  # a replay reports; it never gates
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "report.json").write_text(json.dumps(report, indent=2, default=str), encoding="utf-8")
    write_markdown(report, args.out / "report.md")
    for sp, figures in report["splits"].items():
        shown = {k: round(v, 3) for k, v in figures.items() if isinstance(v, float)}
        print(f"{sp}: {shown}")
    print(f"report: {args.out / 'report.md'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
