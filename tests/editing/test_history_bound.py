"""The history keeps a bounded number of steps, so memory stays flat over a long session
(the 20,000-edit budget itself is measured by benchmarks/bench_memory.py)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from mot_workshop.editing import history as history_module
from mot_workshop.editing.entities import CreateEntity, UpdateEntity
from mot_workshop.editing.history import History


def test_the_history_forgets_the_oldest_steps_beyond_its_limit(store, monkeypatch):
    monkeypatch.setattr(history_module, "UNDO_LIMIT", 5)
    history = History(store)
    team = CreateEntity("team", {"name": "T0"})
    history.push(team)
    for i in range(1, 10):
        history.push(UpdateEntity("team", team.id, {"name": f"T{i}"}))
        history.break_merge()
    assert len(history) == 5
    history.undo_all()                                   # the five newest steps come back off
    assert store.get("team", team.id).name == "T4"
    assert not history.can_undo


def test_the_memory_benchmark_runs_at_its_smallest_size(capsys, monkeypatch):
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_memory.py"
    spec = importlib.util.spec_from_file_location("bench_memory", path)
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "bench_memory", module)
    spec.loader.exec_module(module)
    module.main(["--edits", "60", "--warm-up", "20"])
    out = capsys.readouterr().out
    assert "history keeps" in out and ("PASS" in out or "FAIL" in out)
