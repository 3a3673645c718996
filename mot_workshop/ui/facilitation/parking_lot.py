"""The parking lot: off-topic points kept for later, per workshop. Add, edit (double-click),
tick as done, delete; every change is a command."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mot_workshop.domain.rules import RuleError
from mot_workshop.editing.entities import CreateEntity, DeleteEntity, UpdateEntity
from mot_workshop.i18n import tr

ID_ROLE = Qt.ItemDataRole.UserRole


class ParkingLot(QWidget):
    def __init__(self, current_step: Callable[[], int | None] = lambda: None, parent=None):
        super().__init__(parent)
        self.setObjectName("parkingLot")
        self.session = None
        self.current_step = current_step
        self._filling = False
        self.entry = QLineEdit()
        self.entry.setObjectName("noteEntry")
        self.entry.returnPressed.connect(self.add)
        self.add_button = QPushButton()
        self.add_button.setObjectName("addNote")
        self.add_button.clicked.connect(self.add)
        self.list = QListWidget()
        self.list.setObjectName("notes")
        self.list.setWordWrap(True)
        self.list.itemChanged.connect(self._item_changed)
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("deleteNote")
        self.delete_button.clicked.connect(self.delete_selected)
        self.count = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.entry, 1)
        row.addWidget(self.add_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(row)
        layout.addWidget(self.list, 1)
        layout.addLayout(bottom)
        self.retranslate()

    def retranslate(self) -> None:
        self.entry.setPlaceholderText(tr("An off-topic point to keep for later…"))
        self.add_button.setText(tr("Park it"))
        self.delete_button.setText(tr("Delete"))
        self.list.setToolTip(tr("Double-click a note to edit it; tick it when it has been dealt with."))
        self.reload()

    def set_session(self, session) -> None:
        self.session = session
        self.reload()

    def notes(self) -> list:
        if self.session is None or self.session.store.closed:
            return []
        return self.session.store.select("note")

    def reload(self) -> None:
        self._filling = True
        selected = self.list.currentItem().data(ID_ROLE) if self.list.currentItem() else None
        self.list.clear()
        notes = self.notes()
        for note in notes:
            step = f"[{note.wizard_step}] " if note.wizard_step else ""
            item = QListWidgetItem(note.text)
            item.setData(ID_ROLE, note.id)
            item.setToolTip(step + note.text + (f" — {note.author}" if note.author else ""))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if note.done else Qt.CheckState.Unchecked)
            font = item.font()
            font.setStrikeOut(note.done)
            item.setFont(font)
            self.list.addItem(item)
            if note.id == selected:
                self.list.setCurrentItem(item)
        open_count = sum(not n.done for n in notes)
        self.count.setText(tr("{open} open of {total}", open=open_count, total=len(notes)))
        self._filling = False

    def add(self) -> None:
        text = self.entry.text().strip()
        if not text or self.session is None:
            return
        if self.session.push(CreateEntity("note", {"text": text, "wizard_step": self.current_step()},
                                          text=tr("Park a note"))) is not None:
            self.entry.clear()

    def _item_changed(self, item: QListWidgetItem) -> None:
        if self._filling or self.session is None:
            return
        note = self.session.store.get("note", item.data(ID_ROLE))
        if note is None:
            return
        values = {}
        done = item.checkState() == Qt.CheckState.Checked
        if done != note.done:
            values["done"] = done
        text = item.text().strip()
        if text and text != note.text:
            values["text"] = text
        if not values:
            self.reload()
            return
        try:
            command = UpdateEntity("note", note.id, values, text=tr("Edit a note"))
        except RuleError:
            self.reload()
            return
        if self.session.push(command) is None:
            self.reload()

    def delete_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None and self.session is not None:
            self.session.push(DeleteEntity("note", item.data(ID_ROLE), text=tr("Delete a note")))

    def on_changes(self, changes) -> None:
        if changes.touches("note"):
            self.reload()
