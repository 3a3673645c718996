"""The insert benchmark runs at a tiny size, so it cannot rot. No timing is asserted: the
budget (10,000 rows pasted or imported ≤ 3 s, linear) is measured by running the script."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def test_bench_inserts_smallest_size(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MOT_WORKSHOP_SETTINGS=str(tmp_path / "s.ini"))
    result = subprocess.run([sys.executable, str(BENCHMARKS / "bench_inserts.py"), "--rows", "30", "--runs", "1",
                             "--dir", str(tmp_path)], env=env, capture_output=True, text=True, timeout=300,
                            cwd=BENCHMARKS.parent)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    for measure in ("paste 30 rows (window)", "import 30 CSV rows", "import 30 XLSX rows", "import BPMN, 30 rows"):
        line = next(line for line in lines if line.startswith(measure))
        assert "PASS" in line or "FAIL" in line, line
    assert any("load average" in line for line in lines)
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == [] or all(p.name == "s.ini" for p in tmp_path.iterdir())
