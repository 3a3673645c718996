"""Killing the app at any moment never damages the file nor loses a saved edit.

A worker process (crash_worker.py) edits a workshop file through History in a loop; this
test kills it with SIGKILL at random moments, over and over, on the same file. After every
kill the file opens (Store.open takes over the dead process's lock), SQLite's integrity
check passes, and the file holds exactly the steps the worker reported as committed: plus,
at most, the one step it was in the middle of, whole.
"""

from __future__ import annotations

import copy
import random
import sys
import time
from pathlib import Path

import pytest

from mot_workshop.cli import main
from mot_workshop.domain.audit import audit
from mot_workshop.persistence.lock import lock_path
from mot_workshop.persistence.store import Store
from tests.persistence.killable import Killable

WORKER = Path(__file__).with_name("crash_worker.py")
KILLS = 30
SEED = 20261122

pytestmark = [pytest.mark.slow, pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")]

Model = dict   # {"teams": {name: sorted member names}, "notes": {author: text length}}


def note_text(key: str, size: int) -> str:
    unit = f"{key}|"
    return (unit * (size // len(unit) + 1))[:size]


def apply(model: Model, ops: list) -> Model:
    model = copy.deepcopy(model)
    teams, notes = model["teams"], model["notes"]
    for op, *args in ops:
        if op == "add_team":
            assert args[0] not in teams
            teams[args[0]] = []
        elif op == "remove_team":
            del teams[args[0]]
        elif op == "restore_team":
            teams[args[0]] = sorted(args[1])
        elif op == "rename":
            teams[args[1]] = teams.pop(args[0])
        elif op == "add_member":
            teams[args[0]] = sorted([*teams[args[0]], args[1]])
        elif op == "remove_member":
            teams[args[0]].remove(args[1])
        elif op == "add_note":
            notes[args[0]] = args[1]
        elif op == "remove_note":
            del notes[args[0]]
        else:   # pragma: no cover - the worker speaks only these
            raise AssertionError(op)
    return model


def read_model(path: Path) -> Model:
    """Open the file as the app would after a crash, check it, and describe its contents."""
    with Store.open(path) as store:
        assert store.integrity_problems() == []
        assert store._raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        snapshot = store.snapshot()
        assert audit(snapshot) == []
        names = {t.id: t.name for t in snapshot.all("team")}
        assert len(names) == len(set(names.values()))
        teams = {name: [] for name in names.values()}
        for member in snapshot.all("participant"):
            teams[names[member.team_id]].append(member.name)
        notes = {}
        for note in snapshot.all("note"):
            assert note.text == note_text(note.author, len(note.text)), "a note's text is torn"
            notes[note.author] = len(note.text)
        return {"teams": {k: sorted(v) for k, v in teams.items()}, "notes": notes}


class Worker(Killable):
    def __init__(self, path: Path, seed: int):
        super().__init__(WORKER, str(path), str(seed))

    def wait_ready(self, timeout: float = 60) -> None:
        if not self.wait_for(lambda lines: ["ready"] in lines, timeout):
            assert self.proc.poll() is None, "worker stopped:\n" + self.stopped()
            raise AssertionError("worker never became ready")

    def wait_committed(self, steps: int, timeout: float = 60) -> None:
        # kill() reports a worker that stopped by itself
        self.wait_for(lambda lines: sum(1 for line in lines if line == ["ok"]) >= steps, timeout)

    def kill(self) -> tuple[list[list], str]:
        err = super().kill()
        return self.lines, err


def replay(model: Model, lines: list[list]) -> tuple[Model, list | None, int]:
    """The model after every step reported "ok"; the step under way (if any); how many."""
    pending, committed = None, 0
    for line in lines:
        if line[0] == "do":
            assert pending is None
            pending = line[1]
        elif line[0] == "ok":
            model = apply(model, pending)
            pending, committed = None, committed + 1
    return model, pending, committed


def test_killing_the_writer_never_damages_the_file(tmp_path, capsys):
    path = tmp_path / "crash.motw"
    Store.create(path, title="Crash test").close()
    rng = random.Random(SEED)
    model: Model = {"teams": {}, "notes": {}}
    committed_total, interrupted, kills = 0, 0, 0
    started = time.monotonic()

    while kills < KILLS:
        worker = Worker(path, seed=kills + 1)
        if rng.random() < 0.15:
            time.sleep(rng.uniform(0.0, 0.3))    # sometimes during start-up or opening
        else:
            worker.wait_ready()
            # Let it commit a random number of steps first (counted, not timed: on a loaded
            # machine a fixed sleep commits next to nothing), then kill at a random moment.
            worker.wait_committed(rng.randrange(4, 20))
            time.sleep(rng.uniform(0.0, 0.05))
        lines, err = worker.kill()
        kills += 1
        assert "Traceback" not in err, err

        model, pending, committed = replay(model, lines)
        committed_total += committed
        if kills % 3 == 0:      # reading first, as `mot-workshop check` would, before any writer
            assert main(["check", str(path)]) == 0, capsys.readouterr()
            capsys.readouterr()
        actual = read_model(path)
        if actual != model:
            assert pending is not None, f"kill {kills}: a committed step is missing or extra"
            model = apply(model, pending)
            assert actual == model, f"kill {kills}: the file holds part of a step"
            interrupted += 1

    elapsed = time.monotonic() - started
    assert kills >= 20
    assert committed_total >= 200, f"only {committed_total} steps committed: the test proves little"
    assert len(model["teams"]) + len(model["notes"]) > 0
    assert not lock_path(path).exists()
    assert main(["check", str(path)]) == 0
    capsys.readouterr()
    print(f"{kills} kills, {committed_total} committed steps, {interrupted} steps cut off "
          f"and found whole, {elapsed:.1f} s")
