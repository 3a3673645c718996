"""The server's workshops (title, facilitator, last change): open one, make a new one,
or upload a workshop file as a new shared workshop."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mot_workshop.i18n import tr


class WorkshopsDialog(QDialog):
    def __init__(self, server, parent: QWidget | None = None):
        super().__init__(parent)
        self.server = server
        self.chosen = None            # the ServerStore opened, when the dialog is accepted
        self.setObjectName("workshopsDialog")
        self.setWindowTitle(tr("Workshops on {server}", server=server.where))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(server.where, self))
        self.table = QTableWidget(0, 3, self, objectName="workshops")
        self.table.setHorizontalHeaderLabels([tr("Title"), tr("Facilitator"), tr("Last change")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        self.table.cellDoubleClicked.connect(lambda *_: self.open_selected())
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(self)
        self.open_button = buttons.addButton(tr("Open"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.new_button = QPushButton(tr("New workshop…"), self, objectName="newWorkshop")
        self.upload_button = QPushButton(tr("Upload a file…"), self, objectName="uploadWorkshop")
        buttons.addButton(self.new_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.upload_button, QDialogButtonBox.ButtonRole.ActionRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(tr("Cancel"))
        cancel.clicked.connect(self.reject)
        self.open_button.clicked.connect(self.open_selected)
        self.new_button.clicked.connect(self.new_workshop)
        self.upload_button.clicked.connect(self.upload)
        layout.addWidget(buttons)
        self.entries = []
        self.refresh()

    def refresh(self) -> None:
        self.entries = self.server.workshops()
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            when = entry.last_change.astimezone().strftime("%Y-%m-%d %H:%M")
            for col, text in enumerate((entry.title, entry.facilitator, when)):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        if self.entries:
            self.table.selectRow(0)
        self.open_button.setEnabled(bool(self.entries))

    def _report(self, exc: Exception) -> None:
        from mot_workshop.ui import messages

        messages.warning(self, tr("The team server refused."), str(exc))

    def open_selected(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.entries):
            return
        try:
            self.chosen = self.server.open_entry(self.entries[row])
        except Exception as exc:  # noqa: BLE001 - every server problem is shown, none crashes
            self._report(exc)
            return
        self.accept()

    def new_workshop(self) -> None:
        title, ok = QInputDialog.getText(self, tr("New workshop"), tr("Title"))
        if not ok or not title.strip():
            return
        try:
            self.chosen = self.server.create(title=title.strip())
        except Exception as exc:  # noqa: BLE001
            self._report(exc)
            return
        self.accept()

    def upload(self) -> None:
        from mot_workshop.editing.sharing import upload

        path, _ = QFileDialog.getOpenFileName(self, tr("Upload a workshop file"), "",
                                              tr("MOT Workshop files (*.motw)"))
        if not path:
            return
        try:
            self.chosen = upload(self.server, path)
        except Exception as exc:  # noqa: BLE001
            self._report(exc)
            return
        self.accept()
