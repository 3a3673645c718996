"""Memory over a day-long session: many edits with undo and redo must not grow the process.

Budget: 20,000 edits (every tenth one undone and redone) grow the resident set by at most
10 MB, measured after a warm-up of 2,000 edits. The history keeps a bounded number of
steps (editing/history.py UNDO_LIMIT; the window's QUndoStack has the same limit).

    python benchmarks/bench_memory.py [--edits 20000]
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mot_workshop.editing.entities import CreateEntity, UpdateEntity  # noqa: E402
from mot_workshop.editing.history import History  # noqa: E402
from mot_workshop.persistence.store import Store  # noqa: E402

BUDGET_MB = 10.0
WARM_UP = 2_000


def rss_mb() -> float:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6
    except OSError:                       # not Linux: the peak, which only grows
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1e3 if sys.platform != "darwin" else 1e6)


def run(edits: int, warm_up: int = WARM_UP) -> tuple[float, int]:
    """RSS growth (MB) over ``edits`` edits after ``warm_up``; the history's length."""
    with tempfile.TemporaryDirectory() as folder:
        store = Store.create(Path(folder) / "memory.motw", title="Memory")
        try:
            store._raw.execute("PRAGMA synchronous = OFF")    # memory is measured, not the disk
            history = History(store)
            team = CreateEntity("team", {"name": "Team"})
            history.push(team)
            note = CreateEntity("note", {"text": "A note"})
            history.push(note)

            def edit(i: int) -> None:
                if i % 2:
                    history.push(UpdateEntity("team", team.id, {"name": f"Team {i}"}))
                else:
                    history.push(UpdateEntity("note", note.id, {"text": f"Note {i} " + "x" * (i % 500)}))
                history.break_merge()
                if i % 10 == 0:
                    history.undo()
                    history.redo()

            for i in range(warm_up):
                edit(i)
            gc.collect()
            before = rss_mb()
            for i in range(edits):
                edit(warm_up + i)
            gc.collect()
            return rss_mb() - before, len(history)
        finally:
            store.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edits", type=int, default=20_000)
    parser.add_argument("--warm-up", type=int, default=WARM_UP)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    grown, kept = run(args.edits, args.warm_up)
    verdict = "PASS" if grown <= BUDGET_MB else "FAIL"
    print(f"memory: {args.edits} edits with undo/redo grew RSS by {grown:.2f} MB "
          f"(budget {BUDGET_MB:.2f} MB), history keeps {kept} steps, "
          f"{time.perf_counter() - started:.1f} s  {verdict}")
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
