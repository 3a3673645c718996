"""Copying touchpoints or steps and then quitting must not crash the process on exit."""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = """
from PySide6.QtCore import QMimeData
from mot_workshop.ui.app import create_app
app = create_app("en")
data = QMimeData()
data.setData("application/x-mot-workshop-test", b"payload")
app.clipboard().setMimeData(data)
print("copied", flush=True)
"""


def test_quitting_with_our_data_on_the_clipboard_exits_cleanly():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=120)
    assert result.stdout.strip() == "copied"
    assert result.returncode == 0, result.stderr[-2000:]
