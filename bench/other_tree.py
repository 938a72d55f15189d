"""Run a module of another checkout of newsqa: `python bench/other_tree.py DIR qa.ask ARGS...`.

For comparing code versions alternately on the same machine (`bench/ask.py --compare-tree DIR`, with a
`git worktree add DIR COMMIT`). `PYTHONPATH=DIR python -m qa.ask` is NOT enough: the editable install's import
finder maps `qa` to this repository before `sys.path` is searched, so both sides would run the same code.
"""

import runpy
import sys


def main() -> None:
    if len(sys.argv) < 3:
        sys.exit("usage: python bench/other_tree.py DIR MODULE [ARGS...]")
    tree, module = sys.argv[1], sys.argv[2]
    sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in repr(f).lower()
                        and "editable" not in getattr(type(f), "__module__", "").lower()]
    sys.path.insert(0, tree)
    sys.argv = [module, *sys.argv[3:]]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
