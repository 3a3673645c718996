"""The workshop tree: the workshop, its teams with their processes (and maps) and MOT
cycles (with sub-cycles). Selecting shows properties; double-click or Enter opens."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QMenu, QTreeWidget, QTreeWidgetItem

from mot_workshop.editing.changes import Changes
from mot_workshop.i18n import tr
from mot_workshop.i18n.labels import enum_name
from mot_workshop.ui.icons import kind_icon

KEY = Qt.ItemDataRole.UserRole + 1
TREE_KINDS = ("workshop", "team", "process", "process_map", "cycle", "touchpoint")
NO_TEAM = ("no-team", 0)


class WorkshopTree(QTreeWidget):
    selected = Signal(str, list)            # kind, ids
    activated_entity = Signal(str, int)     # open an editor
    context_action = Signal(str, str, int)  # action name, kind, id

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.itemSelectionChanged.connect(self._selection_changed)
        self.itemActivated.connect(self._activated)
        self.setUniformRowHeights(True)
        self.setAnimated(False)
        self.setExpandsOnDoubleClick(False)
        self.store = None
        self._items: dict[tuple[str, int], QTreeWidgetItem] = {}

    def set_store(self, store) -> None:
        self.store = store
        self.rebuild(expand_all=True)

    def on_changes(self, changes: Changes) -> None:
        if self.store is None:
            return
        kinds = changes.kinds
        structural = kinds & {"workshop", "team", "process", "process_map", "cycle"}
        counts = "touchpoint" in kinds and (changes.created or changes.deleted)
        if structural or counts:
            self.rebuild()

    # ------------------------------------------------------------------ building
    def rebuild(self, *, expand_all: bool = False) -> None:
        expanded = {key for key, item in self._items.items() if item.isExpanded()}
        current = self.current_key()
        self.blockSignals(True)
        self.clear()
        self._items = {}
        if self.store is None:
            self.blockSignals(False)
            return
        snap = self.store.snapshot()
        workshop = snap.workshop
        root = self._add(None, ("workshop", 1), workshop.title if workshop else tr("Workshop"), "workshop")
        counts: dict[int, int] = {}
        for tp in snap.all("touchpoint"):
            counts[tp.cycle_id] = counts.get(tp.cycle_id, 0) + 1
        children: dict[int | None, list] = {}
        for cycle in snap.all("cycle"):
            children.setdefault(cycle.parent_id, []).append(cycle)

        def add_cycle(parent, cycle):
            label = tr("{name} ({count})", name=cycle.name, count=counts.get(cycle.id, 0))
            item = self._add(parent, ("cycle", cycle.id), label, "cycle")
            item.setToolTip(0, tr("MOT cycle · {count} touchpoints", count=counts.get(cycle.id, 0)))
            for child in children.get(cycle.id, []):
                add_cycle(item, child)

        def add_process(parent, process):
            item = self._add(parent, ("process", process.id), process.name, "process")
            for m in snap.where("process_map", process_id=process.id):
                # the kind first: three long titles cut at the same place stay told apart
                title = f"{enum_name(m.kind)} · {m.title}" if m.title else tr("{kind} map", kind=enum_name(m.kind))
                self._add(item, ("process_map", m.id), title, "process_map")

        top_cycles = children.get(None, [])
        for team in snap.all("team"):
            team_item = self._add(root, ("team", team.id), team.name, "team")
            for process in snap.where("process", team_id=team.id):
                add_process(team_item, process)
            for cycle in top_cycles:
                if cycle.team_id == team.id:
                    add_cycle(team_item, cycle)
        loose_processes = snap.where("process", team_id=None)
        loose_cycles = [c for c in top_cycles if c.team_id is None or snap.get("team", c.team_id) is None]
        if loose_processes or loose_cycles:
            parent = root
            if snap.all("team"):
                parent = self._add(root, NO_TEAM, tr("Without a team"), "other")
                parent.setForeground(0, self.palette().placeholderText())
            for process in loose_processes:
                add_process(parent, process)
            for cycle in loose_cycles:
                add_cycle(parent, cycle)
        for key, item in self._items.items():
            item.setExpanded(expand_all or key in expanded or key[0] in ("workshop", "team") or key == NO_TEAM)
        self.blockSignals(False)
        if current in self._items:
            self.setCurrentItem(self._items[current])

    def _add(self, parent, key, text: str, icon: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem([text])
        item.setToolTip(0, text)
        item.setData(0, KEY, key)
        item.setIcon(0, kind_icon(icon))
        if parent is None:
            self.addTopLevelItem(item)
        else:
            parent.addChild(item)
        self._items[key] = item
        return item

    # ------------------------------------------------------------------ selection
    def current_key(self) -> tuple[str, int] | None:
        item = self.currentItem()
        return item.data(0, KEY) if item is not None else None

    def select_key(self, kind: str, id: int) -> None:
        item = self._items.get((kind, id))
        if item is not None:
            self.blockSignals(True)
            self.setCurrentItem(item)
            self.blockSignals(False)

    def item_for(self, kind: str, id: int) -> QTreeWidgetItem | None:
        return self._items.get((kind, id))

    def _selection_changed(self) -> None:
        key = self.current_key()
        if key and key[0] in TREE_KINDS:
            self.selected.emit(key[0], [key[1]])

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        kind, id = item.data(0, KEY)
        if kind in TREE_KINDS:
            self.activated_entity.emit(kind, id)

    def _menu(self, pos) -> None:
        item = self.itemAt(pos)
        kind, id = item.data(0, KEY) if item is not None else ("workshop", 1)
        menu = QMenu(self)
        if kind == "cycle":
            menu.addAction(tr("Open")).triggered.connect(lambda: self.activated_entity.emit(kind, id))
            menu.addAction(tr("New sub-cycle")).triggered.connect(
                lambda: self.context_action.emit("new-sub-cycle", kind, id))
        if kind == "process":
            menu.addAction(tr("New process map")).triggered.connect(
                lambda: self.context_action.emit("new-map", kind, id))
        if kind == "process_map" and self.store is not None:
            menu.addAction(tr("Open")).triggered.connect(lambda: self.activated_entity.emit(kind, id))
            found = self.store.get("process_map", id)
            following = {"as-is": "to-be", "to-be": "redesign"}.get(str(found.kind)) if found else None
            if following:
                menu.addAction(tr("Derive {kind}", kind=enum_name(following))).triggered.connect(
                    lambda: self.context_action.emit("derive-map", kind, id))
            if found is not None and found.derived_from_id is not None:
                menu.addAction(tr("Compare")).triggered.connect(
                    lambda: self.context_action.emit("compare-map", kind, id))
            menu.addSeparator()
        menu.addAction(tr("New MOT cycle")).triggered.connect(lambda: self.context_action.emit("new-cycle", kind, id))
        menu.addAction(tr("New team")).triggered.connect(lambda: self.context_action.emit("new-team", kind, id))
        menu.addAction(tr("New process")).triggered.connect(lambda: self.context_action.emit("new-process", kind, id))
        if kind in ("cycle", "team", "process", "process_map"):
            menu.addSeparator()
            menu.addAction(tr("Delete")).triggered.connect(lambda: self.context_action.emit("delete", kind, id))
        menu.exec(self.viewport().mapToGlobal(pos))
