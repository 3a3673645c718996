"""Many participants editing one shared workshop at once, each in its own process: the
benchmark script (benchmarks/bench_concurrency.py, 8 × 500 at full size) at a small size.
Afterwards every client's live view equals the server's state, every acknowledged edit is
there, and the workshop's invariants hold."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def test_clients_end_up_seeing_what_the_server_holds(pg_url, monkeypatch, capsys):
    spec = importlib.util.spec_from_file_location("bench_concurrency", BENCHMARKS / "bench_concurrency.py")
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "bench_concurrency", module)
    spec.loader.exec_module(module)
    assert module.main(["--url", pg_url, "--clients", "3", "--commands", "20"]) == 0
    out = capsys.readouterr().out
    for check in ("every client's view equals the server", "no acknowledged edit lost",
                  "the workshop's invariants hold"):
        assert f"{check}" in out and out.split(check)[1].split()[0] == "PASS", out
    assert "commands/s" in out
