"""A worksheet table with its tool row: add, delete, move up/down, copy and paste.

Copy writes tab-separated text (what spreadsheets put on the clipboard); paste reads it,
checks every cell against its column's type and applies the good cells as one undo step,
adding rows below the last one when the pasted block is longer than the table.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mot_workshop.domain.rules import RuleError
from mot_workshop.editing.command import Macro
from mot_workshop.editing.entities import DeleteEntity, UpdateEntity
from mot_workshop.editing.ordering import Reorder
from mot_workshop.i18n import tr
from mot_workshop.ui.flow_row import FlowRow
from mot_workshop.ui.worksheet_table.cells import display
from mot_workshop.ui.worksheet_table.clipboard import parse_tsv, to_tsv
from mot_workshop.ui.worksheet_table.delegate import CellDelegate
from mot_workshop.ui.worksheet_table.model import WorksheetModel

ROOMY_LINES = 8            # a row's lines at most when the view has room for them
FIT_ROWS_UP_TO = 500       # rows measured one by one for their height; longer tables get a fixed height
KEYS = (QKeySequence.StandardKey.Copy, QKeySequence.StandardKey.Paste, QKeySequence.StandardKey.Cut)


class _View(QTableView):
    """Takes copy / paste / delete from the window's shortcuts while it has the focus."""

    key_command = Signal(str)
    max_lines = 3               # a row's height in lines of text at most (longer: its tooltip)

    def event(self, event):
        if event.type() == QEvent.Type.ShortcutOverride and self.state() != QAbstractItemView.State.EditingState:
            if any(event.matches(k) for k in KEYS) or event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                event.accept()
                return True
        return super().event(event)

    def changeEvent(self, event):
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:      # presentation mode: taller rows for larger type
            self.fit_rows()

    def resizeEvent(self, event):
        super().resizeEvent(event)
        if self._row_lines() != getattr(self, "_fitted_lines", None):
            self.fit_rows()

    def _row_lines(self) -> int:
        """A row's height in lines at most: ``max_lines``, or more while every row can have its
        share of the view's height (a short sheet shows its sentences whole instead of "…"
        above an empty half of the view)."""
        model = self.model()
        count = model.rowCount() if model is not None else 0
        if not count:
            return self.max_lines
        share = (self.viewport().height() // count - 12) // max(1, self.fontMetrics().height())
        return max(self.max_lines, min(ROOMY_LINES, share))

    def fit_rows(self) -> None:
        """Rows as tall as their text (up to three lines, more while the view has room;
        longer text shows in its tooltip). Measuring every row's text asks every cell of every
        row, so a long table (a pasted or imported sheet of thousands of rows) gets rows of two
        lines instead."""
        lines = self.fontMetrics().height()
        rows = self.verticalHeader()
        self._fitted_lines = self._row_lines()
        rows.setMaximumSectionSize(lines * self._fitted_lines + 12)
        rows.setDefaultSectionSize(lines * 2 + 8)
        model = self.model()
        mode = QHeaderView.ResizeMode.ResizeToContents if model is None or model.rowCount() <= FIT_ROWS_UP_TO \
            else QHeaderView.ResizeMode.Fixed
        if mode != getattr(self, "_row_mode", None):
            self._row_mode = mode
            rows.setSectionResizeMode(mode)

    def keyPressEvent(self, event):
        if self.state() != QAbstractItemView.State.EditingState:
            for key, name in zip(KEYS, ("copy", "paste", "cut")):
                if event.matches(key):
                    self.key_command.emit(name)
                    return
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.key_command.emit("clear")
                return
        super().keyPressEvent(event)


class WorksheetTable(QWidget):
    def __init__(self, model: WorksheetModel, parent=None, *, reorderable: bool = True, row_edits: bool = True):
        super().__init__(parent)
        self.model = model
        self.session = model.session
        self.reorderable = reorderable and model.cls.ORDER_SCOPE is not None
        self.view = _View()
        self.view.setObjectName(f"worksheet_{model.kind}")
        self.view.setModel(model)
        self.view.setItemDelegate(CellDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setDefaultSectionSize(140)
        self.view.fit_rows()
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
            signal.connect(self.view.fit_rows)
        self.view.key_command.connect(self._key_command)
        self._saved: tuple[int | None, int] | None = None
        self.widths: dict[int, int] = {}
        self.stretch: set[int] = set()
        self.presented_columns: list[int] | None = None     # presented: only these (all when None)
        model.modelAboutToBeReset.connect(self._remember_current)
        model.modelReset.connect(self._restore_current)
        model.problem.connect(self.show_problem)

        self.buttons: dict[str, QToolButton] = {}
        bar = FlowRow()                  # wraps on a narrow screen instead of widening the window
        bar.setContentsMargins(0, 0, 0, 0)
        self.view.itemDelegate().closeEditor.connect(lambda *_: model.drop_draft())
        model.row_created.connect(self.select_id)
        for name, slot in (("add", self.start_row), ("delete", self.delete_rows), ("up", lambda: self.move(-1)),
                           ("down", lambda: self.move(1)), ("copy", self.copy), ("paste", self.paste)):
            button = QToolButton()
            button.setObjectName(f"table_{name}")
            button.clicked.connect(slot)
            self.buttons[name] = button
            bar.addWidget(button)
            if (name in ("up", "down") and not self.reorderable) or (name in ("add", "delete", "up", "down")
                                                                       and not row_edits):
                button.hide()
            if self.session.read_only and name != "copy":      # a read-only file: look and copy only
                button.setEnabled(False)
        self.message = QLabel()
        self.message.setObjectName("tableMessage")
        self.message.setStyleSheet("color: #b3261e;")
        self.message.setWordWrap(True)
        bar.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.retranslate()
        self.fit_columns()

    def retranslate(self) -> None:
        texts = {"add": tr("Add row"), "delete": tr("Delete row"), "up": tr("Move up"),
                 "down": tr("Move down"), "copy": tr("Copy"), "paste": tr("Paste")}
        for name, button in self.buttons.items():
            button.setText(texts[name])
        self.buttons["copy"].setToolTip(tr("Copy the selected cells as a spreadsheet block"))
        self.buttons["paste"].setToolTip(tr("Paste cells copied from a spreadsheet"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, self.model.columnCount() - 1))

    def fit_columns(self) -> None:
        for column in range(self.model.columnCount()):
            info = self.model.info(column)
            wide = info is not None and info.type is str and (info.max_len or 0) > 500
            narrow = info is not None and info.type in (int, float, bool)
            self.widths.setdefault(column, 240 if wide else 90 if narrow else 150)
        self._apply_columns()

    def set_width(self, column: int, width: int) -> None:
        self.widths[column] = width
        self._apply_columns()

    def set_stretch(self, columns) -> None:
        """Columns that share the table's width (the last one no longer stretches alone)."""
        self.stretch = set(columns)
        self.view.horizontalHeader().setStretchLastSection(not self.stretch)
        self._apply_columns()

    def _apply_columns(self) -> None:
        """Widths and stretching are per section: a model reset forgets them, so they are kept here."""
        header = self.view.horizontalHeader()
        for column in range(self.model.columnCount()):
            if column in self.stretch:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                if column in self.widths:
                    self.view.setColumnWidth(column, self.widths[column])

    def show_problem(self, text: str) -> None:
        self.message.setText(text)

    # ------------------------------------------------------------------ cursor across re-reads
    def _remember_current(self) -> None:
        index = self.view.currentIndex()
        entity = self.model.entity(index.row()) if index.isValid() else None
        self._saved = (entity.id if entity else None, index.column() if index.isValid() else 0)

    def _restore_current(self) -> None:
        self._apply_columns()
        if self._saved and self._saved[0] is not None:
            row = self.model.row_of(self._saved[0])
            if row >= 0:
                self.view.setCurrentIndex(self.model.index(row, self._saved[1]))

    def select_id(self, id: int, column: int = 0) -> None:
        row = self.model.row_of(id)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row, column))

    def selected_rows(self) -> list[int]:
        rows = {i.row() for i in self.view.selectionModel().selectedIndexes()}
        if not rows and self.view.currentIndex().isValid():
            rows = {self.view.currentIndex().row()}
        return sorted(rows)

    # ------------------------------------------------------------------ row commands
    def start_row(self) -> None:
        """Add row: the cursor goes into the new row's name cell; a row whose name is left
        empty is not created. Worksheets without a name column get their row at once."""
        if self.session.read_only:
            return
        column = self.model.name_column()
        if column is None:
            new = self.add_row()
            if new is not None:
                self.view.edit(self.view.currentIndex())
            return
        index = self.model.index(self.model.start_draft(), column)
        self.view.scrollTo(index)
        self.view.setCurrentIndex(index)
        self.view.setFocus()
        self.view.edit(index)

    def add_row(self) -> int | None:
        if self.session.read_only:
            return None
        current = self.view.currentIndex()
        command = self.model.create_command(after_row=current.row() if current.isValid() else None)
        if self.session.push(command) is None:
            return None
        self.message.clear()
        self.select_id(command.id, 0)
        self.view.setFocus()
        return command.id

    def delete_rows(self) -> None:
        entities = [self.model.entity(r) for r in self.selected_rows()]
        entities = [e for e in entities if e is not None]
        if not entities or self.session.read_only:
            return
        commands = [DeleteEntity(self.model.kind, e.id) for e in entities]
        text = tr("Delete {count} rows", count=len(commands)) if len(commands) > 1 else tr("Delete a row")
        self.session.push(commands[0] if len(commands) == 1 else Macro(text, commands))

    def move(self, delta: int) -> None:
        rows = self.selected_rows()
        if len(rows) != 1 or not self.reorderable:
            return
        row, target = rows[0], rows[0] + delta
        if not 0 <= target < len(self.model.rows):
            return
        entity = self.model.entity(row)
        column = max(0, self.view.currentIndex().column())
        self.session.push(Reorder(self.model.kind, entity.id, self.model.scope_index(target),
                                  text=tr("Move a row")))
        self.select_id(entity.id, column)

    # ------------------------------------------------------------------ clipboard
    def _key_command(self, name: str) -> None:
        {"copy": self.copy, "paste": self.paste, "cut": self.cut, "clear": self.clear_cells}[name]()

    def selection_block(self) -> tuple[int, int, int, int] | None:
        indexes = self.view.selectionModel().selectedIndexes() or (
            [self.view.currentIndex()] if self.view.currentIndex().isValid() else [])
        if not indexes:
            return None
        rows = [i.row() for i in indexes]
        cols = [i.column() for i in indexes]
        return min(rows), min(cols), max(rows), max(cols)

    def copied_text(self) -> str:
        block = self.selection_block()
        if block is None:
            return ""
        top, left, bottom, right = block
        rows = []
        for r in range(top, bottom + 1):
            entity = self.model.entity(r)
            cells = []
            for c in range(left, right + 1):
                info = self.model.info(c)
                if info is None:
                    cells.append(str(self.model.data(self.model.index(r, c)) or ""))
                else:
                    cells.append(display(info, getattr(entity, info.name)))
            rows.append(cells)
        return to_tsv(rows)

    def copy(self) -> None:
        text = self.copied_text()
        if text:
            QGuiApplication.clipboard().setText(text)

    def cut(self) -> None:
        self.copy()
        self.clear_cells()

    def clear_cells(self) -> None:
        block = self.selection_block()
        if block is None:
            return
        top, left, bottom, right = block
        self.apply_block([[""] * (right - left + 1) for _ in range(bottom - top + 1)], top, left,
                         text=tr("Clear cells"), grow=False)

    def paste(self) -> None:
        self.paste_text(QGuiApplication.clipboard().text())

    def paste_text(self, text: str) -> None:
        block = parse_tsv(text)
        if not block:
            return
        selected = self.selection_block()
        top, left = (selected[0], selected[1]) if selected else (len(self.model.rows), 0)
        if selected and len(block) == 1 and len(block[0]) == 1:      # one value fills the selection
            top, left, bottom, right = selected
            block = [[block[0][0]] * (right - left + 1) for _ in range(bottom - top + 1)]
        self.apply_block(block, top, left, text=tr("Paste cells"), grow=True)

    def apply_block(self, block: list[list[str]], top: int, left: int, *, text: str, grow: bool) -> None:
        """Cells as one undo step; rows past the end become new rows (when ``grow``)."""
        if self.session.read_only:
            return
        model = self.model
        commands, problems, new_rows = [], [], []
        for offset, cells in enumerate(block):
            row = top + offset
            entity = model.entity(row)
            values = {}
            for k, cell in enumerate(cells):
                info = model.info(left + k)
                if info is None:
                    continue
                try:
                    value = model.checked(info, cell)
                except RuleError as exc:
                    problems.append(tr("Row {row}: {problem}", row=row + 1, problem=str(exc)))
                    continue
                if entity is None or value != getattr(entity, info.name):
                    values[info.name] = value
            if entity is not None and values:
                commands.append(UpdateEntity(model.kind, entity.id, values, text=text))
            elif entity is None and grow and any(str(c).strip() for c in cells):
                new_rows.append(values)
        if new_rows:        # one command for every new row: siblings are read once, not per row
            commands.append(model.create_many_command(new_rows))
        if commands:
            self.session.push(Macro(text, commands))
        self.message.setText(tr("Not pasted: {problems}", problems="; ".join(problems)) if problems else "")
