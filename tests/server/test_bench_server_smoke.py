"""benchmarks/bench_server.py runs at its smallest size (no timing asserted here)."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def test_bench_server_prints_its_three_budgets(pg_url, monkeypatch, capsys):
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    spec = importlib.util.spec_from_file_location("bench_server", BENCHMARKS / "bench_server.py")
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "bench_server", module)
    spec.loader.exec_module(module)
    assert module.main(["--url", pg_url, "--processes", "1", "--steps", "10", "--rounds", "3", "--runs", "1"]) == 0
    out = capsys.readouterr().out
    for label in ("command round trip", "edit visible on another client", "shared workshop"):
        assert re.search(label + r".*\d+\.\d+\s+\d+\s+(PASS|FAIL)", out), out
