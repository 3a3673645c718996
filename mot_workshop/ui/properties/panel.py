"""The properties panel: what is selected (in the tree or an editor), as an editable form."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from mot_workshop.editing.changes import Changes
from mot_workshop.i18n import tr
from mot_workshop.i18n.labels import kind_name
from mot_workshop.ui.properties.choices import display_name


class PropertiesPanel(QScrollArea):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.session = None
        self.kind: str | None = None
        self.ids: list[int] = []
        self.form: EntityForm | None = None
        self._body = QWidget()
        self._layout = QVBoxLayout(self._body)
        self._layout.setContentsMargins(6, 8, 6, 8)          # a 1024-wide window leaves the panel ~200 px
        self.header = QLabel()
        self.header.setObjectName("propertiesHeader")
        self.header.setWordWrap(True)
        font = QFont(self.header.font())
        font.setBold(True)
        font.setPixelSize(14)
        self.header.setFont(font)
        self.header.setContentsMargins(0, 0, 0, 6)
        self.placeholder = QLabel()
        self.placeholder.setObjectName("propertiesPlaceholder")
        self.placeholder.setWordWrap(True)
        muted = self.placeholder.palette()
        muted.setColor(QPalette.ColorRole.WindowText, QColor("#616e7c"))
        self.placeholder.setPalette(muted)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._layout.addWidget(self.header)
        self._layout.addWidget(self.placeholder)
        self._layout.addStretch(1)
        self.setWidget(self._body)
        self.show_selection(None, None, [])

    def show_selection(self, session, kind: str | None, ids: Sequence[int]) -> None:
        if (session, kind, list(ids)) == (self.session, self.kind, self.ids) and self.form is not None:
            return
        if self.form is not None and session is self.session and kind == self.kind and ids \
                and (len(ids) == 1) == (len(self.ids) == 1):
            # the same fields for another selection of the same kind: a form is a hundred
            # widgets, and building one each time a person clicks the next step is felt
            self.form.flush()
            self.ids = list(ids)
            self.form.show_entities(self.ids)
            self._update_header()
            return
        if self.form is not None:
            self.form.flush()
            self.form.setParent(None)
            self.form.deleteLater()
            self.form = None
        self.session, self.kind, self.ids = session, kind, list(ids)
        if session is None or kind is None or not self.ids:
            self.header.hide()
            self.placeholder.setText(tr("Select a touchpoint, a cycle or another item to see and edit its "
                                        "properties here."))
            self.placeholder.show()
            return
        self.placeholder.hide()
        from mot_workshop.ui.properties.form import EntityForm   # not needed for the first paint

        from mot_workshop.ui.app import styled

        self.form = EntityForm(session, kind, self.ids)
        styled(self.form)          # the refusal message and the red outline of a refused field
        self._layout.insertWidget(1, self.form)
        self._update_header()
        self.header.show()

    def _update_header(self) -> None:
        if self.form is None:
            return
        entities = self.form.entities()
        kind = kind_name(self.kind)
        kind = kind[:1].upper() + kind[1:]
        if len(self.ids) > 1:
            text = tr("{count} × {kind}", count=len(self.ids), kind=kind)
        elif entities and self.kind == "process_map" and not entities[0].title:
            from mot_workshop.ui.swimlane.titles import map_title      # untitled: named as its tab is

            text = f"{kind}: {map_title(self.session.store.get('process', entities[0].process_id), entities[0])}"
        elif entities:
            text = f"{kind}: {display_name(entities[0])}"
        else:
            text = kind
        self.header.setText(text)

    def on_changes(self, changes: Changes) -> None:
        if self.form is None or self.kind is None:
            return
        gone = {id for kind, id in changes.deleted if kind == self.kind}
        if gone & set(self.ids):
            left = [id for id in self.ids if id not in gone]
            self.form.ids = left
            self.ids = left
            if not left:
                self.show_selection(None, None, [])
                return
        if changes.touches(self.kind, "cycle", "team", "process"):
            self.form.refresh()
            self._update_header()

    def retranslate(self) -> None:
        session, kind, ids = self.session, self.kind, self.ids
        self.show_selection(None, None, [])
        self.show_selection(session, kind, ids)
