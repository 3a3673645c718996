"""The main toolbar on a narrow window: buttons with an icon give up their text (it stays in
their tooltip), least needed first, until every button fits. Otherwise Qt hides the last
ones behind a "»" — on a 1024-wide projector in English that was Presentation mode."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QToolBar, QToolButton


class ToolbarFit(QObject):
    def __init__(self, toolbar: QToolBar, actions_in_order):
        super().__init__(toolbar)
        self.toolbar = toolbar
        self.order = list(actions_in_order)     # whose text goes first
        self._busy = False
        toolbar.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if obj is self.toolbar and event.type() in (QEvent.Type.Resize, QEvent.Type.Show,
                                                    QEvent.Type.LayoutRequest):
            self.fit()
        return False

    def set_actions(self, actions_in_order) -> None:
        self.order = list(actions_in_order)
        self.fit()

    def _buttons(self) -> list[QToolButton]:
        found = (self.toolbar.widgetForAction(a) for a in self.order)
        return [b for b in found if isinstance(b, QToolButton) and not b.icon().isNull()]

    def fit(self) -> None:
        if self._busy or self.toolbar.width() <= 0:
            return
        self._busy = True          # changing a button's style asks for a new layout: no re-entry
        try:
            buttons = self._buttons()
            for button in buttons:
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            room = self.toolbar.contentsRect().width()
            for button in buttons:
                if self.toolbar.layout().sizeHint().width() <= room:
                    break
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        finally:
            self._busy = False
