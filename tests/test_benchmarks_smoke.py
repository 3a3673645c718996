"""The benchmark scripts run (with tiny sizes), so they cannot rot. No timing is asserted here:
the budgets are measured by running the scripts themselves (benchmarks/README.md)."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

from mot_workshop.domain.audit import audit
from mot_workshop.domain.snapshot import Snapshot
from mot_workshop.persistence.store import Store

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
NUMBER = r"\d+\.\d+"


@pytest.fixture
def load(monkeypatch):
    """Import a script from benchmarks/ by file name (the folder is not a package)."""
    monkeypatch.syspath_prepend(str(BENCHMARKS))

    def _load(name: str):
        spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        monkeypatch.setitem(sys.modules, name, module)   # dataclasses look their module up
        spec.loader.exec_module(module)
        return module

    return _load


@pytest.fixture
def generate(load):
    return load("generate")


def test_generated_workshop_is_sound_and_sized_as_asked(generate, tmp_path):
    path = tmp_path / "big.motw"
    built = generate.build_workshop_file(path, processes=3, steps=20)
    with Store.open(path, read_only=True) as store:
        snapshot = store.snapshot()
        assert store.integrity_problems() == []
    assert audit(snapshot) == []
    counts = snapshot.counts()
    assert counts["process"] == 3
    assert counts["step"] == 3 * 20
    assert counts["flow"] == 3 * 2 * round(10 * 1.2)          # two maps of ten steps each
    assert counts["process_map"] == 6 and counts["lane"] and counts["phase"]
    assert counts["cycle"] and counts["touchpoint"] and counts["voc"] and counts["vote"]
    assert sum(built.counts().values()) + 1 == sum(counts.values())   # + the workshop row


def test_generated_map_is_sound(generate, tmp_path):
    path = tmp_path / "map.motw"
    generate.build_map_file(path, steps=30, flows=36, lanes=3, phases=4)
    with Store.open(path, read_only=True) as store:
        snapshot = store.snapshot()
    assert audit(snapshot) == []
    assert snapshot.counts()["step"] == 30
    assert snapshot.counts()["flow"] == 36
    pairs = [(f.source_id, f.target_id) for f in snapshot.all("flow")]
    assert len(set(pairs)) == len(pairs)


def test_bench_commands_prints_every_line(generate, load, tmp_path, capsys):
    bench = load("bench_commands")
    code = bench.main(["--steps", "40", "--rounds", "2", "--warmup", "1", "--sync", "both",
                       "--dir", str(tmp_path)])
    out = capsys.readouterr().out
    assert code == 0
    for sync in ("FULL", "NORMAL"):
        assert f"synchronous={sync}" in out
    for name in (*bench.COMMANDS, *(f"undo {n}" for n in bench.COMMANDS), "overall"):
        line = next(line for line in out.splitlines() if line.startswith(name + " "))
        assert len(re.findall(NUMBER, line)) == 4, line          # p50, p95, max, budget
        assert line.rstrip().endswith(("PASS", "FAIL")), line
    assert re.search(r"budget p95 <= 10 ms: (PASS|FAIL)", out)


def test_bench_open_prints_median_and_worst(generate, load, tmp_path, capsys):
    bench = load("bench_open")
    code = bench.main(["--processes", "2", "--steps", "10", "--runs", "2", "--dir", str(tmp_path)])
    out = capsys.readouterr().out
    assert code == 0
    for mode in ("Store.open + snapshot", "Store.open(read_only) + snapshot"):
        line = next(line for line in out.splitlines() if line.startswith(mode + " "))
        assert len(re.findall(NUMBER, line)) == 4, line          # open, snapshot, median, worst
        assert line.rstrip().endswith(("PASS", "FAIL")), line
    assert re.search(r"budget open \+ snapshot <= 300 ms: (PASS|FAIL)", out)


def test_generate_cli_writes_a_file(generate, tmp_path, capsys):
    out_path = tmp_path / "cli.motw"
    assert generate.main([str(out_path), "--map", "--steps", "12"]) == 0
    assert "12" in capsys.readouterr().out
    with Store.open(out_path, read_only=True) as store:
        assert store.count("step") == 12
