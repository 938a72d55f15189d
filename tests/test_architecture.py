"""The import rules of docs/architecture.md, read from the source: which folder of `qa/` may import which.

Every `import` counts, also the ones inside functions (lazy imports still tie a module to another)."""

from __future__ import annotations

import ast
from pathlib import Path

from qa.config import PROJECT_ROOT

QA = PROJECT_ROOT / "qa"
# importable by everything, import no stage
LEAVES = {"schema", "config", "errors", "sources", "metadata", "text", "heavy_imports"}
# folder -> the folders it may import besides the leaves (docs/architecture.md, "The folders")
ALLOWED: dict[str, set[str]] = {
    "index": set(),
    "ingest": {"index"},
    "retrieve": {"index"},
    "generate": set(),
    "verify": {"index", "ingest", "retrieve"},
    "answer": {"index", "ingest", "retrieve", "generate", "verify"},
    "summarize": {"index", "ingest", "retrieve", "generate", "verify"},
    "news": {"index", "ingest", "retrieve", "verify", "summarize"},
    "present": {"index", "ingest", "retrieve", "verify", "answer", "summarize", "news"},
    "runtime": {"index", "ingest", "retrieve", "generate", "verify", "answer", "summarize", "news", "present"},
    "integrations": {"index", "ingest", "retrieve", "generate", "verify", "answer"},
}
ENTRY_POINTS = {"ask", "check", "models", "serve", "timeline"}  # qa/<command>.py: `python -m qa.<command>`


def _imports(path: Path) -> set[str]:
    """The qa modules a file imports ("qa.x.y"), `from qa import x` as "qa.x"."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "qa":
                out |= {f"qa.{a.name}" for a in node.names}
            elif node.module.startswith("qa."):
                out.add(node.module)
        elif isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.startswith("qa.")}
    return out


def _part(module: str) -> str:
    return module.split(".")[1]


def test_each_folder_imports_only_what_the_architecture_allows():
    wrong = []
    for path in sorted(QA.rglob("*.py")):
        rel = path.relative_to(QA)
        if len(rel.parts) == 1 or rel.parts[0] == "cli" or rel.name == "__main__.py":
            continue  # leaves and entry points are checked below; the CLI may import everything
        folder = rel.parts[0]
        allowed = ALLOWED[folder] | LEAVES | {folder}
        wrong += [f"{rel} imports {m}" for m in _imports(path) if _part(m) not in allowed]
    assert not wrong, "\n".join(wrong)


def test_leaves_import_no_stage():
    for name in LEAVES:
        stages = {m for m in _imports(QA / f"{name}.py") if _part(m) not in LEAVES}
        assert not stages, f"qa/{name}.py imports {stages}"


def test_no_module_imports_a_cli_module_but_the_entry_points():
    cli = {f"qa.cli.{p.stem}" for p in (QA / "cli").glob("*.py")} | {"qa.cli"}
    cli |= {f"qa.{name}" for name in ENTRY_POINTS}
    users = []
    for path in sorted([*QA.rglob("*.py"), PROJECT_ROOT / "app.py"]):
        rel = path.relative_to(PROJECT_ROOT)
        if rel.parts[:2] == ("qa", "cli") or rel.name == "__main__.py" or rel.stem in ENTRY_POINTS:
            continue
        users += [f"{rel} imports {m}" for m in _imports(path) if m in cli]
    assert not users, "\n".join(users)


def test_entry_points_are_thin():
    for path in [*(QA / f"{n}.py" for n in ENTRY_POINTS), QA / "ingest" / "__main__.py",
                 QA / "summarize" / "__main__.py"]:
        imported = _imports(path)
        assert imported == {f"qa.cli.{path.stem if path.stem != '__main__' else path.parent.name}"}, path
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 10, path
