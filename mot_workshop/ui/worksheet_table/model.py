"""A worksheet as a Qt table model: one row per stored entity, one typed column per field.

The model never writes the store: an edit becomes an ``UpdateEntity`` pushed through the
session (so it is undoable), and the change bus makes the model re-read its rows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer, Signal

from mot_workshop.domain.base import FieldInfo, field_map
from mot_workshop.domain.registry import entity_class
from mot_workshop.domain.rules import RuleError
from mot_workshop.editing.changes import Changes
from mot_workshop.editing.entities import CreateEntities, CreateEntity, UpdateEntity
from mot_workshop.i18n import Phrase, tr
from mot_workshop.ui.undo_text import edit_text
from mot_workshop.i18n.labels import field_name
from mot_workshop.ui.worksheet_table.cells import display, parse


@dataclass(frozen=True)
class Extra:
    """A read-only computed column (e.g. the dots a process got)."""

    header: Callable[[], str]
    value: Callable[[Any], str]


class WorksheetModel(QAbstractTableModel):
    problem = Signal(str)           # a typed value that was refused (shown beside the table)
    row_created = Signal(int, int)  # a draft row became this entity (id, column to keep the cursor in)

    def __init__(self, session, kind: str, columns: Sequence[str], *, scope: dict | None = None,
                 defaults: dict | None = None, extras: Sequence[Extra] = (), watch: Sequence[str] = (),
                 parent=None):
        super().__init__(parent)
        self.session = session
        self.kind = kind
        self.cls = entity_class(kind)
        infos = field_map(self.cls)
        self.infos: list[FieldInfo] = [infos[name] for name in columns]
        self.scope = dict(scope or {})
        self.defaults = dict(defaults or {})
        self.extras = list(extras)
        self.watch = {kind, *watch}
        self.filter: Callable[[Any], bool] | None = None
        self.all_rows: list = []
        self.rows: list = []
        self.draft = False              # a new row being named: created only once it has a name
        self.reload()

    # ------------------------------------------------------------------ reading
    def set_scope(self, scope: dict) -> None:
        self.scope = dict(scope)
        self.reload()

    def set_filter(self, predicate: Callable[[Any], bool] | None) -> None:
        self.filter = predicate
        self.reload()

    def _read(self) -> tuple[list, list]:
        store = self.session.store
        all_rows = list(store.select(self.kind, **self.scope)) if not store.closed else []
        rows = [r for r in all_rows if self.filter is None or self.filter(r)]
        return all_rows, rows

    def reload(self) -> None:
        self.beginResetModel()
        self.all_rows, self.rows = self._read()
        self.endResetModel()

    def on_changes(self, changes: Changes) -> None:
        if not any(changes.touches(kind) for kind in self.watch):
            return
        all_rows, rows = self._read()
        if [r.id for r in rows] == [r.id for r in self.rows]:
            self.all_rows, self.rows = all_rows, rows       # same rows: keep the cursor and selection
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, self.columnCount() - 1))
        else:
            self.beginResetModel()
            self.all_rows, self.rows = all_rows, rows
            self.endResetModel()

    def entity(self, row: int):
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, id: int) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == id), -1)

    def info(self, column: int) -> FieldInfo | None:
        return self.infos[column] if 0 <= column < len(self.infos) else None

    # ------------------------------------------------------------------ the draft row
    def name_column(self) -> int | None:
        """The column that names a row (a required text no default fills), if it shows one."""
        given = {**self.defaults, **self.scope}
        return next((i for i, info in enumerate(self.infos)
                     if info.required and info.type is str and not given.get(info.name)), None)

    def is_draft(self, row: int) -> bool:
        return self.draft and row == len(self.rows)

    def start_draft(self) -> int:
        """An empty last row to type the name into; nothing is stored until it has one."""
        if not self.draft:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows))
            self.draft = True
            self.endInsertRows()
        return len(self.rows)

    def drop_draft(self) -> None:
        if self.draft:
            self.beginRemoveRows(QModelIndex(), len(self.rows), len(self.rows))
            self.draft = False
            self.endRemoveRows()

    def _name_draft(self, column: int, value) -> bool:
        if column != self.name_column() or not str(value).strip():
            return False
        # created once the view has closed its editor: the new row resets the model
        QTimer.singleShot(0, lambda: self._create_named(column, str(value).strip()))
        return True

    def _create_named(self, column: int, name: str) -> None:
        self.drop_draft()
        if self.session.store.closed:
            return
        command = self.create_command({self.infos[column].name: name})
        if self.session.push(command) is not None:
            self.row_created.emit(command.id, column)

    # ------------------------------------------------------------------ Qt model
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows) + self.draft

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.infos) + len(self.extras)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return "*" if self.is_draft(section) else str(section + 1)
        info = self.info(section)
        return field_name(info.name) if info else self.extras[section - len(self.infos)].header()

    def flags(self, index):
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        info = self.info(index.column())
        if info is None or self.session.read_only:
            return base
        if self.is_draft(index.row()):
            return base | Qt.ItemFlag.ItemIsEditable if index.column() == self.name_column() else base
        if info.type is bool:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        entity = self.entity(index.row())
        if entity is None:
            if self.is_draft(index.row()) and role == Qt.ItemDataRole.ToolTipRole:
                return tr("Type a name to add the row")
            return "" if self.is_draft(index.row()) and role == Qt.ItemDataRole.EditRole else None
        info = self.info(index.column())
        if info is None:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.extras[index.column() - len(self.infos)].value(entity)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            return None
        value = getattr(entity, info.name)
        if info.type is bool:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return display(info, value)
        if role == Qt.ItemDataRole.ToolTipRole and info.type is str and len(value) > 40:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole:   # a tall row reads from its top, like a sheet
            horizontal = Qt.AlignmentFlag.AlignRight if info.type in (int, float) else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignTop)
        if role == Qt.ItemDataRole.UserRole:
            return value
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if self.is_draft(index.row()) and role == Qt.ItemDataRole.EditRole:
            return self._name_draft(index.column(), value)
        entity = self.entity(index.row())
        info = self.info(index.column())
        if entity is None or info is None:
            return False
        if role == Qt.ItemDataRole.CheckStateRole:
            value = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        command = self.update_command(entity, info, value)
        if command is None:
            return False
        return self.session.push(command) is not None

    # ------------------------------------------------------------------ commands
    def checked(self, info: FieldInfo, cell: Any) -> Any:
        """The cell's value, or None after reporting why it was refused."""
        try:
            return parse(info, cell)
        except RuleError as exc:
            self.problem.emit(str(exc))
            raise

    def update_command(self, entity, info: FieldInfo, cell: Any):
        try:
            value = self.checked(info, cell)
        except RuleError:
            return None
        if value == getattr(entity, info.name):
            return None
        return UpdateEntity(self.kind, entity.id, {info.name: value},
                            text=edit_text(self.kind, [entity], info.name, value))

    def new_values(self, values: dict | None = None) -> dict:
        out = {**self.defaults, **self.scope}
        for info in field_map(self.cls).values():
            if info.required and info.type is str and not out.get(info.name):
                out[info.name] = tr("New row")
        out.update(values or {})
        return out

    def create_command(self, values: dict | None = None, *, after_row: int | None = None) -> CreateEntity:
        at = None
        if after_row is not None and self.entity(after_row) is not None and self.cls.ORDER_SCOPE is not None:
            ids = [r.id for r in self.all_rows]
            at = ids.index(self.rows[after_row].id) + 1
        return CreateEntity(self.kind, self.new_values(values), at=at, text=Phrase("Add a row"))

    def create_many_command(self, values_list: list[dict]) -> CreateEntities:
        """New rows appended after the last one, in order (a pasted block)."""
        return CreateEntities(self.kind, [self.new_values(values) for values in values_list], text=tr("Add a row"))

    def scope_index(self, row: int) -> int:
        """The row's position among all its siblings (filters hide some)."""
        ids = [r.id for r in self.all_rows]
        return ids.index(self.rows[row].id)
