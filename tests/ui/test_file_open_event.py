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
