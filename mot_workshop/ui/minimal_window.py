"""A minimal window until the main window lands: the workshop's title and contents."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox

from mot_workshop.i18n import tr
from mot_workshop.i18n.labels import kind_name


class MinimalWindow(QMainWindow):
    def __init__(self, path: str | None, *, read_only: bool = False):
        super().__init__()
        self.store = None
        self.setWindowTitle("MOT Workshop")
        text = tr("No workshop open.")
        if path:
            from mot_workshop.persistence.errors import WorkshopFileError
            from mot_workshop.persistence.store import Store

            try:
                self.store = Store.open(path, read_only=read_only)
            except WorkshopFileError as exc:
                QMessageBox.warning(self, "MOT Workshop", str(exc))
            else:
                snap = self.store.snapshot()
                self.setWindowTitle(f"{snap.workshop.title} — MOT Workshop")
                lines = [f"<h2>{snap.workshop.title}</h2>"]
                lines += [f"{kind_name(k)}: {n}" for k, n in snap.counts().items() if n and k != "workshop"]
                text = "<br>".join(lines)
        label = QLabel(text)
        label.setMargin(24)
        self.setCentralWidget(label)
        self.resize(800, 500)

    def closeEvent(self, event) -> None:
        if self.store is not None:
            self.store.close()
        super().closeEvent(event)
