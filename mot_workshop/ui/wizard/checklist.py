"""Step 5's CS check-points for the To-Be map of the step's process: a tick and a note per
point, stored as the map's ``cs_check`` rows (each tick or note is one undoable edit)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from mot_workshop.domain.method import cs_checkpoints
from mot_workshop.editing.entities import CreateEntity, UpdateEntity
from mot_workshop.i18n import tr


class CsChecklist(QWidget):
    def __init__(self, session, map_of: Callable[[], object | None], parent=None):
        super().__init__(parent)
        self.session = session
        self.map_of = map_of                  # the To-Be map the points are checked against
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.count = QLabel()
        self.count.setObjectName("csCount")
        self.boxes: list[QCheckBox] = []
        self.notes: list[QLineEdit] = []
        grid = QGridLayout()
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        for number, _text in enumerate(cs_checkpoints(), start=1):
            box = QCheckBox()
            box.setObjectName(f"cs{number}")
            box.toggled.connect(lambda on, n=number: self.toggle(n, on))
            note = QLineEdit()
            note.setObjectName(f"csNote{number}")
            note.editingFinished.connect(lambda n=number: self.note_edited(n))
            self.boxes.append(box)
            self.notes.append(note)
            grid.addWidget(box, number - 1, 0)
            grid.addWidget(note, number - 1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(grid)
        layout.addWidget(self.count)
        layout.addStretch(1)
        self.retranslate()

    def checks(self) -> dict[int, object]:
        pmap = self.map_of()
        if pmap is None:
            return {}
        out: dict[int, object] = {}
        for row in self.session.store.select("cs_check", map_id=pmap.id):
            out.setdefault(row.point, row)
        return out

    def ticked(self) -> set[int]:
        return {n for n, row in self.checks().items() if row.ticked}

    def reload(self) -> None:
        pmap = self.map_of()
        checks = self.checks()
        for number, (box, note) in enumerate(zip(self.boxes, self.notes), start=1):
            row = checks.get(number)
            box.blockSignals(True)
            box.setChecked(bool(row and row.ticked))
            box.setEnabled(pmap is not None)
            box.blockSignals(False)
            if not (note.hasFocus() and note.isModified()):      # never under the user's typing
                note.setText(row.note if row else "")
            note.setEnabled(pmap is not None)
        ticked = {n for n, row in checks.items() if row.ticked}
        if pmap is None:
            self.count.setText(tr("Draw or derive the To-Be map first; the check-points belong to it."))
        else:
            self.count.setText(tr("{done} of {total} check-points met", done=len(ticked & set(range(1, 9))),
                                  total=len(self.boxes)))

    def _write(self, number: int, values: dict, text: str) -> None:
        pmap = self.map_of()
        if pmap is None:
            return
        row = self.checks().get(number)
        if row is None:
            command = CreateEntity("cs_check", {"map_id": pmap.id, "point": number, **values}, text=text)
        else:
            command = UpdateEntity("cs_check", row.id, values, text=text)
        if self.session.push(command) is None:
            self.reload()

    def toggle(self, number: int, on: bool) -> None:
        self._write(number, {"ticked": on}, tr("Tick a CS check-point") if on else tr("Untick a CS check-point"))

    def note_edited(self, number: int) -> None:
        text = self.notes[number - 1].text()
        self.notes[number - 1].setModified(False)
        row = self.checks().get(number)
        if (row.note if row else "") != text:
            self._write(number, {"note": text}, tr("Edit a CS check-point's note"))

    def invalidate(self) -> None:            # the step's process changed
        self.reload()

    def on_changes(self, changes) -> None:
        if changes.touches("cs_check") or changes.touches("process_map"):
            self.reload()

    def retranslate(self) -> None:
        self.intro.setText(tr("Check the To-Be map against each point, with a note on what was decided:"))
        for box, text, note in zip(self.boxes, cs_checkpoints(), self.notes):
            box.setText(text)
            note.setPlaceholderText(tr("Note"))
        self.reload()
