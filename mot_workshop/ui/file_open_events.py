"""macOS opens a double-clicked .motw file by sending the running app a FileOpen event (not
a command-line argument, as Windows and Linux do): open it in the window.

The event is sent to the application object itself, so the app made by ``create_app`` takes
it in its own ``event``. A filter on the application would see every event of every widget
(thousands while the window is built and first painted) and give Python a wrapper of each
widget that receives one: tens of milliseconds of start-up. The filter is used only when the
application object was made elsewhere (an embedding program, the tests' own)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication


class Application(QApplication):
    def __init__(self, argv: list[str]) -> None:
        super().__init__(argv)
        self.open_file: Callable[[str], object] | None = None     # set once the window exists

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.FileOpen and self.open_file is not None and event.file():
            self.open_file(event.file())
            return True
        return super().event(event)


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
    if isinstance(app, Application):
        app.open_file = window.files.open_path
    else:
        app.installEventFilter(FileOpenFilter(window))
