"""PySide6 stays below 6.12: 6.12.0 on Python 3.11 drops a reference to None on every call
of a method that returns nothing, and the process aborts after a few thousand calls
("Fatal Python error: none_dealloc"). 20 000 such calls run in a subprocess, so an abort
fails this test cleanly, with the subprocess's stderr, instead of killing the test run."""

from __future__ import annotations

import importlib.metadata
import os
import re
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CALLS = 20_000

PROBE = textwrap.dedent(f"""
    import sys
    import PySide6
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication([])
    obj = QObject()
    widget = QWidget()
    before = sys.getrefcount(None)
    for i in range({CALLS}):
        obj.setObjectName("x")           # void C++ methods: each returns None to Python
        widget.setVisible(False)
        obj.blockSignals(False)          # returns a bool: a control
    after = sys.getrefcount(None)
    print(PySide6.__version__, before, after)
""")


def version_tuple(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", text)[:3])


def test_void_method_calls_do_not_drop_none():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-c", PROBE], env=env, cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, (
        f"{CALLS} calls of a void Qt method killed the process (exit {proc.returncode}):\n{proc.stderr}")
    version, before, after = proc.stdout.split()
    # The abort is the end of a slow leak: None loses a reference on every call. Catch the
    # leak itself, even when None had enough references left to survive 20 000 calls.
    assert int(before) - int(after) < CALLS // 10, f"None lost {int(before) - int(after)} references"
    assert version_tuple(version) < (6, 12)


def test_installed_pyside6_is_below_6_12():
    for dist in ("PySide6_Essentials", "PySide6-Essentials", "PySide6"):
        try:
            version = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            continue
        assert version_tuple(version) < (6, 12), f"{dist} {version} is installed; it must be below 6.12"
        break
    else:   # pragma: no cover - the test environment always has it
        raise AssertionError("PySide6 is not installed")
    shiboken = importlib.metadata.version("shiboken6")
    assert version_tuple(shiboken) < (6, 12), f"shiboken6 {shiboken} must be below 6.12"


def test_the_project_pins_pyside6_below_6_12():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    requirements = [r for r in project["project"]["dependencies"] if r.lower().startswith("pyside6")]
    assert requirements, "no PySide6 requirement"
    for requirement in requirements:
        bounds = re.findall(r"<\s*=?\s*([\d.]+)", requirement)
        assert bounds and version_tuple(bounds[0]) <= (6, 12) and "<=" not in requirement, requirement
