"""A .motw file double-clicked on macOS reaches the app as a FileOpen event: it opens in the
window (the same event is sent here by hand, as the system would)."""

from __future__ import annotations

from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from mot_workshop.ui.file_open_events import open_files_sent_by_the_system
from tests.ui.conftest import build_cycles_file


def test_a_file_open_event_opens_the_workshop(window, tmp_path):
    path = tmp_path / "sent.motw"
    build_cycles_file(path)
    open_files_sent_by_the_system(QApplication.instance(), window)
    QApplication.sendEvent(QApplication.instance(), QFileOpenEvent(str(path)))
    assert window.session is not None and window.session.path == path


def test_the_apps_own_application_object_takes_the_event_itself(tmp_path):
    """Started as ``mot-workshop`` does, no filter sees every widget's events: the application
    object takes the FileOpen event in its own ``event`` (a fresh process: one QApplication each)."""
    import subprocess
    import sys

    path = tmp_path / "sent.motw"
    build_cycles_file(path)
    code = f"""
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication
from mot_workshop.ui.app import create_app
from mot_workshop.ui.file_open_events import Application, FileOpenFilter, open_files_sent_by_the_system
from mot_workshop.ui.main_window import MainWindow
from mot_workshop.ui.settings import Settings
app = create_app("en")
window = MainWindow(Settings(), remember=False)
open_files_sent_by_the_system(app, window)
assert isinstance(app, Application) and not window.findChildren(FileOpenFilter)
QApplication.sendEvent(app, QFileOpenEvent({str(path)!r}))
assert window.session is not None and str(window.session.path) == {str(path)!r}
print("opened")
"""
    env = {**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen",
           "MOT_WORKSHOP_SETTINGS": str(tmp_path / "s.ini"), "MOT_WORKSHOP_DATA": str(tmp_path / "data")}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert result.stdout.strip().endswith("opened"), result.stderr
