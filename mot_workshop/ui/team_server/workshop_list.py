"""A team server's workshops (title, facilitator, last change) with what a person does with
them: open one, make a new one, upload a workshop file as a new shared workshop, download
one as a file to work offline, and see or manage the people admitted to one. Shown on the
start screen once a server is connected, and in File → Connect to a team server's dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
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


class WorkshopList(QWidget):
    opened = Signal(object)        # the ServerStore a person chose to open (or just made)

    def __init__(self, server, parent: QWidget | None = None):
        super().__init__(parent)
        self.server = server
        self.entries = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, 3, self, objectName="workshops")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(False)
        self.table.cellDoubleClicked.connect(lambda *_: self.open_selected())
        self.table.itemSelectionChanged.connect(self._enable)
        layout.addWidget(self.table, 1)
        self.empty = QLabel(self, objectName="noWorkshops")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.empty, 1)
        row = QHBoxLayout()
        self.open_button = QPushButton(self, objectName="openWorkshop")
        self.new_button = QPushButton(self, objectName="newWorkshop")
        self.upload_button = QPushButton(self, objectName="uploadWorkshop")
        self.download_button = QPushButton(self, objectName="downloadWorkshop")
        self.people_button = QPushButton(self, objectName="workshopPeople")
        for button, slot in ((self.open_button, self.open_selected), (self.new_button, self.new_workshop),
                             (self.upload_button, self.upload), (self.download_button, self.download),
                             (self.people_button, self.show_people)):
            button.clicked.connect(lambda _=False, run=slot: run())
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([tr("Title"), tr("Facilitator"), tr("Last change")])
        self.empty.setText(tr("No workshops on this server yet: make a new one, or upload a workshop file."))
        self.open_button.setText(tr("Open"))
        self.new_button.setText(tr("New workshop…"))
        self.upload_button.setText(tr("Upload a file…"))
        self.download_button.setText(tr("Download…"))
        self.people_button.setText(tr("People…"))
        self.download_button.setToolTip(tr("Save the workshop as a file to work on offline; merge it back later."))
        self.people_button.setToolTip(tr("Who is admitted to the workshop, in which role; facilitators change it."))

    def refresh(self) -> None:
        """Read the list again (keeping the selected workshop selected)."""
        chosen = self.selected()
        try:
            self.entries = self.server.workshops()
        except Exception as exc:  # noqa: BLE001 - a server away: say so, keep the last list
            self._report(exc)
            return
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            when = entry.last_change.astimezone().strftime("%Y-%m-%d %H:%M")
            for col, text in enumerate((entry.title, entry.facilitator, when)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, col, item)
        self.table.setVisible(bool(self.entries))
        self.empty.setVisible(not self.entries)
        ids = [e.id for e in self.entries]
        if self.entries:
            self.table.selectRow(ids.index(chosen.id) if chosen is not None and chosen.id in ids else 0)
        self._enable()

    def _enable(self) -> None:
        for button in (self.open_button, self.download_button, self.people_button):
            button.setEnabled(self.selected() is not None)

    def selected(self):
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        row = rows[0].row() if rows else -1
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def _report(self, exc: Exception) -> None:
        from mot_workshop.ui import messages

        messages.warning(self.window(), tr("The team server refused."), str(exc))

    # ------------------------------------------------------------------ actions
    def open_selected(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        try:
            store = self.server.open_entry(entry)
        except Exception as exc:  # noqa: BLE001 - every server problem is shown, none crashes
            self._report(exc)
            return
        self.opened.emit(store)

    def new_workshop(self) -> None:
        title, ok = QInputDialog.getText(self.window(), tr("New workshop"), tr("Title"))
        if not ok or not title.strip():
            return
        try:
            store = self.server.create(title=title.strip())
        except Exception as exc:  # noqa: BLE001
            self._report(exc)
            return
        self.refresh()
        self.opened.emit(store)

    def upload(self) -> None:
        from mot_workshop.editing.sharing import upload

        path, _ = QFileDialog.getOpenFileName(self.window(), tr("Upload a workshop file"), "",
                                              tr("MOT Workshop files (*.motw)"))
        if not path:
            return
        try:
            store = upload(self.server, path)
        except Exception as exc:  # noqa: BLE001
            self._report(exc)
            return
        self.refresh()
        self.opened.emit(store)

    def download(self) -> None:
        """The selected workshop as a file to work on offline (merged back with File → Import)."""
        from mot_workshop.editing.sharing import download
        from mot_workshop.ui import messages

        entry = self.selected()
        if entry is None:
            return
        path, _ = QFileDialog.getSaveFileName(self.window(), tr("Download a workshop"), f"{entry.title}.motw",
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
        messages.info(self.window(), tr("Downloaded"), tr("Saved {path}.", path=path))

    def show_people(self) -> None:
        from mot_workshop.ui.team_server.people_dialog import PeopleDialog

        entry = self.selected()
        if entry is None:
            return
        try:
            dialog = PeopleDialog(self.server, entry.title, self.window())
        except Exception as exc:  # noqa: BLE001
            self._report(exc)
            return
        dialog.exec()
