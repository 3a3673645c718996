"""The map editor benchmark runs (tiny sizes), so it cannot rot. No timing is asserted:
the budgets are measured by running the script itself (benchmarks/README.md)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def test_bench_map_editor_tiny(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MOT_WORKSHOP_SETTINGS=str(tmp_path / "s.ini"))
    result = subprocess.run([sys.executable, str(BENCHMARKS / "bench_map_editor.py"), "--steps", "40", "--flows", "48",
                             "--moves", "8", "--runs", "1"], env=env, capture_output=True, text=True, timeout=300,
                            cwd=BENCHMARKS.parent)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "1 undo step(s) pushed (1 expected)" in out
    for line in ("open to first paint", "drag: mouse move + repaint (p95)", "re-route all connectors"):
        assert line in out
    assert "Traceback" not in result.stderr
