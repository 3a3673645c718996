"""Long imports in the window: a progress dialog that can cancel them.

The import runs as one command in one transaction; the dialog is fed from the command's
progress reports. Cancel makes the command raise, the transaction rolls back, and nothing
is written or put on the undo history. Small imports (most of them) show no dialog.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QProgressDialog

from mot_workshop.i18n import tr

SHOW_FROM = 2000          # items; fewer take well under a second


def push_with_progress(window, command, label: str):
    """Push ``command`` (a ``CreateLinked``); the changes, or None if it failed or was cancelled."""
    total = len(command.items)
    if total < SHOW_FROM:
        return window.session.push(command)
    dialog = QProgressDialog(label, tr("Cancel"), 0, total, window)
    dialog.setWindowTitle(label)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setValue(0)

    def progress(done: int, _total: int) -> bool:
        dialog.setValue(done)
        QApplication.processEvents()
        return not dialog.wasCanceled()

    command.progress = progress
    try:
        changes = window.session.push(command)
    finally:
        command.progress = None          # redo inserts the same rows again, without a dialog
        cancelled = dialog.wasCanceled()
        dialog.close()
        dialog.deleteLater()
    if changes is None and cancelled:
        window.statusBar().showMessage(tr("The import was cancelled; nothing was added."), 8000)
    return changes
