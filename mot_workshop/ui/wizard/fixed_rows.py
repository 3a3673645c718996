"""A sheet of fixed questions or rows (the method's own), each answered in line edits and
stored as one entity per row: step 3's As-Is questions per map, step 1's discussion
aspects. Each edited field is one undoable command."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QScrollArea, QVBoxLayout, QWidget

from mot_workshop.editing.entities import CreateEntity, UpdateEntity
from mot_workshop.i18n import tr


@dataclass
class RowSpec:
    key: dict                     # the values that identify the row's entity (question=3, viewpoint=…)
    label: Callable[[], str]      # the row's text in the current language


class FixedRowsSheet(QWidget):
    """``scope()`` gives the values every row's entity carries (e.g. the map id) or None when
    there is nothing to answer for yet; ``fields`` are the text fields edited per row."""

    def __init__(self, session, kind: str, rows: list[RowSpec], fields: tuple[str, ...],
                 scope: Callable[[], dict | None], headers: Callable[[], list[str]], empty: Callable[[], str],
                 parent=None):
        super().__init__(parent)
        self.session, self.kind, self.rows, self.fields = session, kind, rows, fields
        self.scope, self.headers, self.empty = scope, headers, empty
        self.labels: list[QLabel] = []
        self.edits: list[list[QLineEdit]] = []
        inner = QWidget()
        grid = QGridLayout(inner)
        self.header_labels = [QLabel() for _ in range(1 + len(fields))]
        for column, label in enumerate(self.header_labels):
            label.setStyleSheet("font-weight: 600")
            grid.addWidget(label, 0, column)
        for r, spec in enumerate(rows, start=1):
            label = QLabel()
            label.setWordWrap(True)
            self.labels.append(label)
            grid.addWidget(label, r, 0)
            row_edits = []
            for c, name in enumerate(fields, start=1):
                edit = QLineEdit()
                edit.setObjectName(f"{kind}-{r}-{name}")
                edit.editingFinished.connect(lambda i=r - 1, n=name: self.edited(i, n))
                row_edits.append(edit)
                grid.addWidget(edit, r, c)
            self.edits.append(row_edits)
        grid.setColumnStretch(0, 2)
        for c in range(1, len(fields) + 1):
            grid.setColumnStretch(c, 3)
        grid.setRowStretch(len(rows) + 1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addWidget(scroll, 1)
        self.retranslate()

    def entity(self, index: int):
        scope = self.scope()
        if scope is None:
            return None
        found = self.session.store.select(self.kind, **scope, **self.rows[index].key)
        return found[0] if found else None

    def reload(self) -> None:
        scope = self.scope()
        self.note.setText("" if scope is not None else self.empty())
        self.note.setVisible(scope is None)
        for index, row_edits in enumerate(self.edits):
            entity = self.entity(index)
            for name, edit in zip(self.fields, row_edits):
                edit.setEnabled(scope is not None)
                if not (edit.hasFocus() and edit.isModified()):      # never under the user's typing
                    edit.setText(getattr(entity, name) if entity else "")

    def edited(self, index: int, name: str) -> None:
        edit = self.edits[index][self.fields.index(name)]
        edit.setModified(False)
        scope = self.scope()
        if scope is None:
            return
        entity = self.entity(index)
        text = edit.text()
        if (getattr(entity, name) if entity else "") == text:
            return
        label = tr("Answer a worksheet question")
        if entity is None:
            command = CreateEntity(self.kind, {**scope, **self.rows[index].key, name: text}, text=label)
        else:
            command = UpdateEntity(self.kind, entity.id, {name: text}, text=label)
        if self.session.push(command) is None:
            self.reload()

    def invalidate(self) -> None:            # the step's process changed
        self.reload()

    def on_changes(self, changes) -> None:
        if changes.touches(self.kind) or changes.touches("process_map"):
            self.reload()

    def retranslate(self) -> None:
        for label, text in zip(self.header_labels, self.headers()):
            label.setText(text)
        for label, spec in zip(self.labels, self.rows):
            label.setText(spec.label())
        self.reload()
