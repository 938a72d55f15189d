"""Run the ingest CLI and SIGKILL this very process at a chosen Chroma write call (crash-safety tests only).

    python tests/adversarial/kill_runner.py AT WHEN GROUP -- INGEST_ARGS...

AT: 1-based index of the write call (upsert/add/update/delete/modify on any collection) to die at; 0 = never.
WHEN: "before" or "after" that call. GROUP: chunks embedded and written per batch (qa.ingest.pipeline.EMBED_GROUP),
small so one run has many commit points. Every write call is printed as "write N collection.method" first.
"""

from __future__ import annotations

import os
import signal
import sys


def main() -> int:
    at, when, group = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    args = sys.argv[sys.argv.index("--") + 1:]
    from chromadb.api.models.Collection import Collection

    import qa.cli.ingest
    import qa.ingest.pipeline

    qa.ingest.pipeline.EMBED_GROUP = group
    count = 0

    def wrap(name: str):
        original = getattr(Collection, name)

        def write(self, *a, **k):
            nonlocal count
            count += 1
            print(f"write {count} {self.name}.{name}", flush=True)
            if count == at and when == "before":
                os.kill(os.getpid(), signal.SIGKILL)
            result = original(self, *a, **k)
            if count == at and when == "after":
                os.kill(os.getpid(), signal.SIGKILL)
            return result

        setattr(Collection, name, write)

    for name in ("add", "upsert", "update", "delete", "modify"):
        wrap(name)
    return qa.cli.ingest.main(args)


if __name__ == "__main__":
    sys.exit(main())
