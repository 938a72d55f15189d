"""The declared dependencies are what the code uses (issue 16): every distribution in pyproject.toml, core or
extra, is imported by newsqa's code (qa/, app.py, evals/, tests/, bench/, tools/), or by the one named exception
below (whose reason is checked too), or is a pytest plugin the Makefile runs. And the code is ruff-clean, which
is what the `ruff` dev dependency is for."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import tomllib
from importlib.metadata import packages_distributions

from qa.config import PROJECT_ROOT

CODE = [*(PROJECT_ROOT / "qa").rglob("*.py"), PROJECT_ROOT / "app.py", *(PROJECT_ROOT / "evals").rglob("*.py"),
        *(PROJECT_ROOT / "tests").rglob("*.py"), *(PROJECT_ROOT / "bench").rglob("*.py"),
        *(PROJECT_ROOT / "tools").rglob("*.py")]
# Declared but imported only by another dependency: jusText (under trafilatura) imports `lxml.html.clean`, which
# lxml >= 5.2 moved to this package without jusText declaring it.
IMPORTED_BY_A_DEPENDENCY = {"lxml-html-clean": ("trafilatura", "lxml_html_clean")}
# Declared and never imported: a pytest plugin the Makefile switches on by its option (checked below).
PYTEST_PLUGINS = {"pytest-xdist": "pytest -q -n 2"}


def _declared() -> set[str]:
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    deps = [*project["dependencies"], *(d for extra in project["optional-dependencies"].values() for d in extra)]
    return {re.split(r"[\[~=<>!; ]", d, maxsplit=1)[0].lower().replace("_", "-") for d in deps}


def _used_modules() -> set[str]:
    """Top-level names of every import in the code, and of modules found by name (importlib.util.find_spec on a
    constant, as qa/verify/nlp.py does for the parser's weights package)."""
    used: set[str] = set()
    for path in CODE:
        source = path.read_text(encoding="utf-8")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Import):
                used |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                used.add(node.module.split(".")[0])
        used |= set(re.findall(r'MODEL_PACKAGE = "(\w+)"', source))
    return used


def test_every_declared_dependency_is_used():
    modules_of: dict[str, set[str]] = {}
    for module, dists in packages_distributions().items():
        for dist in dists:
            modules_of.setdefault(dist.lower().replace("_", "-"), set()).add(module)
    used = _used_modules()
    unused = sorted(d for d in _declared() - IMPORTED_BY_A_DEPENDENCY.keys() - PYTEST_PLUGINS.keys()
                    if not modules_of.get(d, set()) & used)
    assert not unused, f"declared in pyproject.toml but imported nowhere: {unused}"


def test_the_exception_is_still_needed():
    for importer, module in IMPORTED_BY_A_DEPENDENCY.values():
        code = f"import sys, {importer}; print({module!r} in sys.modules)"
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        assert done.stdout.strip() == "True", f"{importer} no longer imports {module}: drop it from pyproject.toml"


def test_the_pytest_plugins_are_used_by_make():
    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    for plugin, command in PYTEST_PLUGINS.items():
        assert plugin in _declared() and command in makefile, f"{plugin}: the Makefile no longer runs `{command}`"


def test_code_is_ruff_clean():
    from ruff.__main__ import find_ruff_bin

    done = subprocess.run([find_ruff_bin(), "check", "qa", "evals", "tests", "bench", "tools", "app.py"],
                          cwd=PROJECT_ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
