"""macOS opens a double-clicked .motw file by sending the running app a FileOpen event (not
a command-line argument, as Windows and Linux do): open it in the window."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject


class FileOpenFilter(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.FileOpen and event.file():
            self.window.files.open_path(event.file())
            return True
        return False


def open_files_sent_by_the_system(app, window) -> None:
    app.installEventFilter(FileOpenFilter(window))
