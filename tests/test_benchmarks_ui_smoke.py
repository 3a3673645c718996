"""The window benchmarks run (tiny sizes), so they cannot rot. No timing is asserted here:
the budgets are measured by running the scripts themselves (benchmarks/README.md)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def _run(*args: str, tmp_path) -> str:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MOT_WORKSHOP_SETTINGS=str(tmp_path / "s.ini"))
    result = subprocess.run([sys.executable, *args], env=env, capture_output=True, text=True, timeout=300,
                            cwd=BENCHMARKS.parent)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_bench_startup_tiny(tmp_path):
    out = _run(str(BENCHMARKS / "bench_startup.py"), "--runs", "1", tmp_path=tmp_path)
    assert "bare QMainWindow" in out and "MOT Workshop on the sample" in out and "complete" in out
    assert "budget ≤ 2.5 ×" in out and ("PASS" in out or "FAIL" in out)


def test_bench_cycle_drag_tiny(tmp_path):
    out = _run(str(BENCHMARKS / "bench_cycle_drag.py"), "--touchpoints", "12", "--moves", "8", "--sweeps", "1",
               tmp_path=tmp_path)
    assert "1 undo step(s) pushed (1 expected)" in out
    assert "mouse move + repaint" in out and ("PASS" in out or "FAIL" in out)
