"""The server's workshops (title, facilitator, last change): open one, make a new one,
upload a workshop file as a new shared workshop, download one as a file to work offline,
or (its facilitators) admit people to one as facilitator, team member or viewer."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
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
        header = self.table.horizontalHeader()        # the title takes what the others leave, cut with "…"
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(False)
        self.table.cellDoubleClicked.connect(lambda *_: self.open_selected())
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(self)
        self.open_button = buttons.addButton(tr("Open"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.new_button = QPushButton(tr("New workshop…"), self, objectName="newWorkshop")
        self.upload_button = QPushButton(tr("Upload a file…"), self, objectName="uploadWorkshop")
        self.download_button = QPushButton(tr("Download…"), self, objectName="downloadWorkshop")
        self.admit_button = QPushButton(tr("Admit someone…"), self, objectName="admitToWorkshop")
        for button in (self.new_button, self.upload_button, self.download_button, self.admit_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(tr("Cancel"))
        cancel.clicked.connect(self.reject)
        self.open_button.clicked.connect(self.open_selected)
        self.new_button.clicked.connect(self.new_workshop)
        self.upload_button.clicked.connect(self.upload)
        self.download_button.clicked.connect(self.download)
        self.admit_button.clicked.connect(self.admit)
        layout.addWidget(buttons)
        self.setMinimumWidth(max(640, buttons.sizeHint().width() + 24))
        self.entries = []
        self.refresh()

    def refresh(self) -> None:
        self.entries = self.server.workshops()
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            when = entry.last_change.astimezone().strftime("%Y-%m-%d %H:%M")
            for col, text in enumerate((entry.title, entry.facilitator, when)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, col, item)
        if self.entries:
            self.table.selectRow(0)
        for button in (self.open_button, self.download_button, self.admit_button):
            button.setEnabled(bool(self.entries))

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

    def _selected(self):
        row = self.table.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def download(self) -> None:
        """The selected workshop as a file to work on offline (merged back with File → Import)."""
        from mot_workshop.editing.sharing import download
        from mot_workshop.ui import messages

        entry = self._selected()
        if entry is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, tr("Download a workshop"), f"{entry.title}.motw",
                                              tr("MOT Workshop files (*.motw)"))
        if not path:
            return
        if not path.lower().endswith(".motw"):
            path += ".motw"
        try:
            with self.server.open_entry(entry, read_only=True) as store:
                download(store, path, overwrite=True)
        except Exception as exc:  # noqa: BLE001
            self._report(exc)
            return
        messages.info(self, tr("Downloaded"), tr("Saved {path}.", path=path))

    def admit(self) -> None:
        """Give a login of the server a role in the selected workshop (its facilitators only:
        the server refuses anyone else)."""
        from mot_workshop.persistence.server.roles import Role
        from mot_workshop.ui import messages

        entry = self._selected()
        if entry is None:
            return
        user, ok = QInputDialog.getText(self, tr("Admit someone"), tr("Their login on the server:"))
        if not ok or not user.strip():
            return
        names = {tr("Facilitator"): Role.FACILITATOR, tr("Team member"): Role.MEMBER, tr("Viewer"): Role.VIEWER}
        choice, ok = QInputDialog.getItem(self, tr("Admit someone"), tr("Role in \u201c{title}\u201d:",
                                                                        title=entry.title),
                                          list(names), 1, False)
        if not ok:
            return
        try:
            self.server.admit(entry.title, user.strip(), names[choice])
        except Exception as exc:  # noqa: BLE001
            self._report(exc)
            return
        messages.info(self, tr("Admit someone"), tr("{user} is now {role} of \u201c{title}\u201d.",
                                                            user=user.strip(), role=choice.lower(), title=entry.title))
