"""The touchpoint palette: a blank touchpoint and the method's template libraries.

Drag a single item, a group or a whole template cycle onto the ring (or the journey line);
double-click or press Enter to add it after the selection of the open cycle. Item names are
in the workshop's language (that is what lands on the ring); headings in the UI language.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mot_workshop.domain.enums import Element
from mot_workshop.domain.templates import TemplateItem, load_libraries
from mot_workshop.i18n import current_language, tr
from mot_workshop.ui.cycle import style
from mot_workshop.ui.cycle.mime import to_mime

PAYLOAD = Qt.ItemDataRole.UserRole + 1


class PaletteTree(QTreeWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setIndentation(14)
        self.setUniformRowHeights(True)

    def mimeData(self, items):
        payload = []
        for item in items:
            payload.extend(item.data(0, PAYLOAD) or [])
        return to_mime(payload)

    def mimeTypes(self):
        from mot_workshop.ui.cycle.mime import MIME_TOUCHPOINTS

        return [MIME_TOUCHPOINTS, "text/plain"]

    def supportedDragActions(self):
        return Qt.DropAction.CopyAction


SHORT_ROWS = 6


class Palette(QWidget):
    insert_requested = Signal(list)     # touchpoint values to add to the open cycle

    def __init__(self, parent=None):
        super().__init__(parent)
        self.content_language = current_language()
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        self.tree = PaletteTree()
        self.tree.itemActivated.connect(self._activated)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setObjectName("paletteHint")
        self.hint.setStyleSheet("color: #616e7c;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.hint)
        self.rebuild()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_hint()

    def _fit_hint(self) -> None:
        """A short panel (a 768-high window) gives the templates the room: the hint under
        them moves into their tooltip when it would leave fewer than SHORT_ROWS rows."""
        layout = self.layout()
        margins = layout.contentsMargins()
        hint = self.hint.heightForWidth(max(1, self.width() - margins.left() - margins.right()))
        left = (self.height() - margins.top() - margins.bottom() - self.filter.sizeHint().height()
                - hint - 2 * layout.spacing())
        first = self.tree.topLevelItem(0)
        row = self.tree.visualItemRect(first).height() if first is not None else 0
        rows = left / max(1, row or self.tree.fontMetrics().height() + 4)
        short = rows < SHORT_ROWS
        self.hint.setVisible(not short)
        self.tree.setToolTip(self.hint.text() if short else "")

    def set_content_language(self, lang: str) -> None:
        if lang != self.content_language:
            self.content_language = lang
            self.rebuild()

    def retranslate(self) -> None:
        self.rebuild()

    def rebuild(self) -> None:
        lang = self.content_language
        self.filter.setPlaceholderText(tr("Filter templates"))
        self.hint.setText(tr("Drag onto the ring, or double-click to add after the selection."))
        self._fit_hint()
        self.tree.clear()
        blank = QTreeWidgetItem([tr("Blank touchpoint")])
        blank.setData(0, PAYLOAD, [{"name": tr("New touchpoint", lang=lang), "element": str(Element.SOFT)}])
        blank.setToolTip(0, tr("A new touchpoint with no name yet"))
        _bold(blank)
        self.tree.addTopLevelItem(blank)
        for library in libraries():
            root = QTreeWidgetItem([library.name(lang)])
            items = library.items
            root.setData(0, PAYLOAD, [_values(i, lang) for i in items])
            root.setToolTip(0, tr("{description}\nDrag to add the whole template ({count} touchpoints).",
                                  description=library.description(lang), count=len(items)))
            _bold(root)
            self.tree.addTopLevelItem(root)
            parent = root
            for group in library.groups:
                if len(library.groups) > 1:
                    parent = QTreeWidgetItem(root, [group.name(lang)])
                    parent.setData(0, PAYLOAD, [_values(i, lang) for i in group.items])
                    parent.setToolTip(0, tr("Drag to add the whole unit ({count} touchpoints).",
                                            count=len(group.items)))
                for item in group.items:
                    leaf = QTreeWidgetItem(parent, [item.name(lang)])
                    leaf.setData(0, PAYLOAD, [_values(item, lang)])
                    leaf.setToolTip(0, f"{item.element}: {item.name('en' if lang == 'ko' else 'ko')}")
                    # the colour as the item's foreground (the view paints it as a brush): making a
                    # QBrush in Python had PySide build QGradient's Python side for the overload
                    leaf.setData(0, Qt.ItemDataRole.ForegroundRole, QColor(style.ELEMENT_COLOUR[item.element]))
        self.tree.topLevelItem(1).setExpanded(True) if self.tree.topLevelItemCount() > 1 else None
        self._apply_filter(self.filter.text())

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        payload = item.data(0, PAYLOAD)
        if payload:
            self.insert_requested.emit(list(payload))

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().lower()
        for i in range(self.tree.topLevelItemCount()):
            _filter(self.tree.topLevelItem(i), needle)

    def find(self, text: str) -> QTreeWidgetItem | None:
        """The first item whose text is ``text`` (tests, keyboard users)."""
        hits = self.tree.findItems(text, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
        return hits[0] if hits else None


def libraries():
    from mot_workshop.resources import resource

    return load_libraries(resource("templates"))


def _values(item: TemplateItem, lang: str) -> dict:
    return {"name": item.name(lang), "element": str(item.element)}


def _bold(item: QTreeWidgetItem) -> None:
    f = QFont(item.font(0))
    f.setBold(True)
    item.setFont(0, f)


def _filter(item: QTreeWidgetItem, needle: str) -> bool:
    """Show ``item`` if it or a child matches; returns whether it is shown."""
    own = not needle or needle in item.text(0).lower()
    any_child = False
    for i in range(item.childCount()):
        any_child = _filter(item.child(i), "" if own else needle) or any_child
    shown = own or any_child
    item.setHidden(not shown)
    if needle and any_child:
        item.setExpanded(True)
    return shown
