"""Reading a file the user chose to import (a workbook, a BPMN file) beside the window.

A table at the size limit takes seconds to read and check. The reading runs on a worker
thread while the window keeps painting; past a moment a dialog says what is being read and
offers Cancel. Cancel gives the window back at once: the reading writes nothing, it is told
to stop (``stop()`` turns true; readers that look at it stop early) and its result, if it
still comes, is dropped.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog

from mot_workshop.i18n import tr

T = TypeVar("T")
SHOW_AFTER_MS = 400          # quicker reads show no dialog
POLL_MS = 25


class ReadingCancelled(Exception):
    """The user cancelled the reading."""


def read_beside(window, title: str, label: str, work: Callable[[Callable[[], bool]], T]) -> T:
    """``work(stop)`` run on a worker thread, the window responsive meanwhile; its result or
    its exception, or ReadingCancelled when the user cancelled."""
    stopping = threading.Event()
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["result"] = work(stopping.is_set)
        except BaseException as exc:  # noqa: BLE001 - handed to the window's thread as it is
            outcome["error"] = exc

    worker = threading.Thread(target=run, name="reading an import", daemon=True)
    worker.start()
    worker.join(SHOW_AFTER_MS / 1000 / 4)      # a small file is read before anything shows
    if worker.is_alive():
        _wait(window, title, label, worker, stopping)
    if stopping.is_set():
        raise ReadingCancelled()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]


def _wait(window, title: str, label: str, worker: threading.Thread, stopping: threading.Event) -> None:
    from PySide6.QtWidgets import QApplication

    dialog = QProgressDialog(label, tr("Cancel"), 0, 0, window)     # 0..0: busy, no percentage
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumDuration(10**9)           # shown below, not by setValue
    loop = QEventLoop()
    poll, shown = QTimer(), QTimer(singleShot=True)

    def check() -> None:
        if dialog.wasCanceled():
            stopping.set()
        if stopping.is_set() or not worker.is_alive():
            loop.quit()

    poll.timeout.connect(check)
    dialog.canceled.connect(check)
    shown.timeout.connect(loop.quit)
    poll.start(POLL_MS)
    shown.start(SHOW_AFTER_MS)
    QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
    try:
        # until the dialog shows, the window paints but takes no clicks or keys (they wait);
        # then the dialog, modal, is what takes them
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        if worker.is_alive() and not stopping.is_set():
            dialog.show()
            loop.exec()
    finally:
        QApplication.restoreOverrideCursor()
        poll.stop()
        shown.stop()
        dialog.canceled.disconnect(check)      # closing the dialog says "canceled" too
        dialog.close()
        dialog.deleteLater()
