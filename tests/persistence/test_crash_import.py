"""Killing the app during a long import (10,000 CSV or XLSX rows, a 3,000-task BPMN map)
leaves a file that passes `check` and holds all of the import or none of it.

The import runs as the command line runs it (import_worker.py), and is killed once half-way
(at a progress report chosen at random), once just after its last progress report (the
transaction is committing: either outcome is allowed, a part is not), then left to finish.
Kills wait for reported progress, never for a length of time.
"""

from __future__ import annotations

import random
import sqlite3
import sys
import time
from pathlib import Path

import pytest

from benchmarks.big_inputs import write_chain_bpmn, write_voc_csv, write_voc_xlsx
from mot_workshop.cli import main
from mot_workshop.editing.entities import CreateEntity
from mot_workshop.editing.history import History
from mot_workshop.persistence.store import Store
from tests.persistence.killable import Killable

pytestmark = [pytest.mark.slow, pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")]

WORKER = Path(__file__).with_name("import_worker.py")
ROWS = 10_000
TASKS = 3_000
SEED = 20261130


def imported(path: Path, fmt: str) -> tuple:
    """What the imports put in the file: VOC rows, or (maps, steps, flows, lanes)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        if fmt == "bpmn":
            return tuple(conn.execute(f"SELECT count(*) FROM {kind}").fetchone()[0]
                         for kind in ("process_map", "step", "flow", "lane"))
        return conn.execute("SELECT count(*) FROM voc").fetchone()
    finally:
        conn.close()


def whole_import(fmt: str) -> tuple:
    return (1, TASKS + 2, TASKS + 1, 4) if fmt == "bpmn" else (ROWS,)


def plus(before: tuple, n: int, fmt: str) -> tuple:
    return tuple(b + n * w for b, w in zip(before, whole_import(fmt)))


def progress(lines: list[list]) -> tuple[int, int]:
    reports = [line for line in lines if line[0] == "progress"]
    return (reports[-1][1], reports[-1][2]) if reports else (0, 0)


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "bpmn"])
def test_killing_a_long_import_leaves_all_of_it_or_none(fmt, tmp_path, capsys):
    path = tmp_path / "client.motw"
    with Store.create(path, title="Imports", language="en") as store:
        History(store).push(CreateEntity("process", {"name": "Exchange goods"}))
    if fmt == "bpmn":
        source = write_chain_bpmn(tmp_path / "chain.bpmn", TASKS)
        argv = ["import-bpmn", str(path), str(source), "--process", "Exchange goods"]
    else:
        source = (write_voc_csv if fmt == "csv" else write_voc_xlsx)(tmp_path / f"voc.{fmt}", ROWS)
        argv = ["import-table", str(path), str(source), "--table", "voc", "--process", "Exchange goods"]
    rng = random.Random(SEED)
    imports, seen = 0, []
    for stage in ("half-way", "committing", "finished"):
        before = imported(path, fmt)
        started = time.monotonic()
        worker = Killable(WORKER, *argv)
        if stage == "half-way":
            at = rng.uniform(0.1, 0.9)
            assert worker.wait_for(lambda lines: reached(lines, at)), "no progress reported:\n" + worker.stopped()
            err = worker.kill()
        elif stage == "committing":
            assert worker.wait_for(lambda lines: reached(lines, 1.0)), "the import never got to its end:\n" \
                + worker.stopped()
            err = worker.kill() if worker.proc.poll() is None else worker.stopped()
        else:
            err = worker.stopped()
            assert ["exit", 0] in worker.lines, err
        assert "Traceback" not in err, err

        assert main(["check", str(path)]) == 0, capsys.readouterr()
        capsys.readouterr()
        after = imported(path, fmt)
        assert after in (before, plus(before, 1, fmt)), f"{stage}: part of an import: {before} -> {after}"
        done, total = progress(worker.lines)          # everything the worker said before it died
        if done < total:
            assert after == before, f"{stage}: rows of an import killed at {done}/{total} are in the file"
        if ["exit", 0] in worker.lines:
            assert after == plus(before, 1, fmt), f"{stage}: a finished import is missing"
        imports += after != before
        seen.append(f"{stage}: stopped at {done}/{total}, {'all' if after != before else 'none'} of it in the "
                    f"file, {time.monotonic() - started:.1f} s")
        with Store.open(path):             # the dead writer's lock is taken over
            pass
        assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")], "a temporary file was left"
    assert imports >= 1
    capsys.readouterr()
    with capsys.disabled():
        print(f"\n{fmt}: " + "; ".join(seen))


def reached(lines: list[list], fraction: float) -> bool:
    done, total = progress(lines)
    return total > 0 and done >= fraction * total
