"""The swimlane map editor and the compare view, embedded in steps 3, 5 and 8.

They live in ``ui.swimlane`` (built alongside); when they cannot be loaded the page shows a
clear placeholder instead of failing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from mot_workshop.domain.enums import MapKind
from mot_workshop.i18n import tr
from mot_workshop.i18n.labels import enum_name


def find_map(store, process_id: int | None, kind: MapKind):
    if process_id is None:
        return None
    maps = [m for m in store.select("process_map", process_id=process_id) if m.kind == kind]
    return maps[0] if maps else None


def placeholder(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("mapPlaceholder")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(mid); font-size: 13pt; border: 1px dashed palette(mid); padding: 24px;")
    return label


def map_editor(session, map_id: int):
    try:
        from mot_workshop.ui.swimlane.editor import MapEditor

        return MapEditor(session, map_id)
    except Exception:  # noqa: BLE001 - the editor is optional here: show why it is missing
        return placeholder(tr("The process map editor could not be loaded."))


def compare_view(session, before_id: int, after_id: int):
    try:
        from mot_workshop.ui.swimlane.compare import MapCompareView

        return MapCompareView(session, before_id, after_id)
    except Exception:  # noqa: BLE001
        return placeholder(tr("The map comparison could not be loaded."))


class MapSlot(QWidget):
    """The step's map (editor or compare view) for the page's process; when the map does
    not exist yet, a button derives it from the earlier map (As-Is → To-Be → Redesign)."""

    def __init__(self, page, kind: MapKind, *, source: MapKind | None = None, compare: bool = False):
        super().__init__()
        self.page = page
        self.kind = kind
        self.source = source
        self.compare = compare
        self.shown_key = None
        self.inner = None
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.reload()

    def _key(self):
        store = self.page.store
        target = find_map(store, self.page.process_id, self.kind)
        if self.compare:
            before = find_map(store, self.page.process_id, self.source)
            return ("compare", before.id if before else None, target.id if target else None)
        return ("map", target.id if target else None)

    def reload(self) -> None:
        key = self._key()
        if key == self.shown_key and self.inner is not None:
            if hasattr(self.inner, "reload"):
                self.inner.reload()
            return
        self.shown_key = key
        if self.inner is not None:
            self.layout_.removeWidget(self.inner)
            self.inner.deleteLater()
        self.inner = self._build(key)
        self.layout_.addWidget(self.inner)

    def _build(self, key):
        session = self.page.session
        if key[0] == "compare":
            if key[1] is None or key[2] is None:
                return placeholder(tr("Both maps are needed to compare them."))
            return compare_view(session, key[1], key[2])
        if key[1] is not None:
            return map_editor(session, key[1])
        box = QWidget()
        column = QVBoxLayout(box)
        column.addStretch(1)
        if self.page.process_id is None:
            from mot_workshop.ui.wizard.page import no_process_text

            column.addWidget(placeholder(no_process_text(self.page.store)))
        else:
            column.addWidget(placeholder(tr("This process has no {map} map yet.", map=enum_name(self.kind))))
        if self.source is not None and find_map(self.page.store, self.page.process_id, self.source):
            button = QPushButton(tr("Derive it from the {map} map", map=enum_name(self.source)))
            button.setObjectName("deriveMap")
            button.clicked.connect(self.derive)
            column.addWidget(button, 0, Qt.AlignmentFlag.AlignCenter)
        column.addStretch(1)
        return box

    def derive(self) -> None:
        from mot_workshop.editing.maps import DeriveMap

        source = find_map(self.page.store, self.page.process_id, self.source)
        if source is not None:
            self.page.session.push(DeriveMap(source.id, self.kind))

    def on_changes(self, changes) -> None:
        if changes.touches("process_map"):
            self.reload()
        elif self.inner is not None and hasattr(self.inner, "on_changes"):
            self.inner.on_changes(changes)

    def invalidate(self) -> None:
        self.reload()

    def retranslate(self) -> None:
        if self.inner is not None and hasattr(self.inner, "retranslate"):
            self.inner.retranslate()
        elif self.shown_key is not None and self.shown_key[-1] is None:
            self.shown_key = None
            self.reload()
