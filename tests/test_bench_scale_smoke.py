"""The scale benchmark runs at its smallest size, so it cannot rot. No timing is asserted:
the budgets are measured by running the script itself (benchmarks/README.md)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def test_bench_scale_smallest_size(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MOT_WORKSHOP_SETTINGS=str(tmp_path / "s.ini"))
    result = subprocess.run([sys.executable, str(BENCHMARKS / "bench_scale.py"), "--sizes", "30", "--moves", "4",
                             "--rounds", "3", "--startup-runs", "1", "--dir", str(tmp_path)],
                            env=env, capture_output=True, text=True, timeout=600, cwd=BENCHMARKS.parent)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for measure in ("drag mouse-move p95", "drag release (one edit)", "undo of a 100-step move", "auto-layout",
                    "BPMN import (parse + write)", "map open to first paint", "session report"):
        line = next(line for line in out.splitlines() if line.startswith(measure))
        assert "PASS" in line or "FAIL" in line, line
    assert "0 overlapping shapes after auto-layout" in out
    assert "drag pushed 1 undo step(s) (1 expected)" in out
    assert "peak RSS, 30-step map" in out
    assert "overhead" in out and "start-up: bare window" in out and "ready" in out
    assert "Traceback" not in result.stderr
