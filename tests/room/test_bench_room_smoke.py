"""bench_room.py runs (tiny: five phones, two activity changes) and prints its lines; no
timing is asserted here (benchmarks/README.md)."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_room.py"


def test_bench_room_prints_votes_and_activity_lines(tmp_path, capsys, monkeypatch):
    spec = importlib.util.spec_from_file_location("bench_room", BENCH)
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "bench_room", module)
    spec.loader.exec_module(module)
    assert module.main(["--phones", "5", "--rounds", "3", "--dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    for name in ("votes applied and shown (s)", "activity seen by every phone (ms)"):
        line = next(line for line in out.splitlines() if line.startswith(name))
        assert len(re.findall(r"\d+\.\d+", line)) == 3 and line.rstrip().endswith(("PASS", "FAIL")), line
    assert "votes: 5 of 5 applied (+5 warm-up), 10 in the file after closing" in out
    assert re.search(r"budget votes <= 1 s: (PASS|FAIL)", out)
