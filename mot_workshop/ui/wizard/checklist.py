"""Step 5's CS check-points as a checklist; each tick is an undoable edit of step 5's
progress notes (no table of its own: see checklist_format)."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from mot_workshop.domain.method import cs_checkpoints
from mot_workshop.editing.entities import CreateEntity, UpdateEntity
from mot_workshop.i18n import tr
from mot_workshop.ui.wizard.checklist_format import checked, with_checked

STEP = 5


class CsChecklist(QWidget):
    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.count = QLabel()
        self.count.setObjectName("csCount")
        self.boxes: list[QCheckBox] = []
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        for number, _text in enumerate(cs_checkpoints(), start=1):
            box = QCheckBox()
            box.setObjectName(f"cs{number}")
            box.toggled.connect(lambda on, n=number: self.toggle(n, on))
            self.boxes.append(box)
            layout.addWidget(box)
        layout.addWidget(self.count)
        layout.addStretch(1)
        self.retranslate()

    def progress(self):
        rows = self.session.store.select("step_progress", step_no=STEP)
        return rows[0] if rows else None

    def ticked(self) -> set[int]:
        progress = self.progress()
        return checked(progress.notes) if progress else set()

    def reload(self) -> None:
        ticked = self.ticked()
        for number, box in enumerate(self.boxes, start=1):
            box.blockSignals(True)
            box.setChecked(number in ticked)
            box.blockSignals(False)
        self.count.setText(tr("{done} of {total} check-points met", done=len(ticked & set(range(1, len(self.boxes) + 1))),
                              total=len(self.boxes)))

    def toggle(self, number: int, on: bool) -> None:
        progress = self.progress()
        ticked = self.ticked()
        ticked = ticked | {number} if on else ticked - {number}
        text = tr("Tick a CS check-point") if on else tr("Untick a CS check-point")
        if progress is None:
            command = CreateEntity("step_progress", {"step_no": STEP, "notes": with_checked("", ticked)}, text=text)
        else:
            command = UpdateEntity("step_progress", progress.id, {"notes": with_checked(progress.notes, ticked)},
                                   text=text)
        if self.session.push(command) is None:
            self.reload()

    def on_changes(self, changes) -> None:
        if changes.touches("step_progress"):
            self.reload()

    def retranslate(self) -> None:
        self.intro.setText(tr("Check the To-Be map against each point:"))
        for box, text in zip(self.boxes, cs_checkpoints()):
            box.setText(text)
        self.reload()
