"""Renaming in place: a line edit over the diagram; Enter or leaving it commits, Esc cancels."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtWidgets import QLineEdit

from mot_workshop.domain.base import NAME_MAX


class InlineEdit(QLineEdit):
    committed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent, text: str, rect: QRect):
        super().__init__(text, parent)
        self._done = False
        self.setObjectName("inlineEdit")
        self.setMaxLength(NAME_MAX)
        self.setGeometry(rect)
        self.setStyleSheet("QLineEdit#inlineEdit { border: 2px solid #1e6ee8; border-radius: 4px;"
                           " padding: 2px 6px; background: white; }")
        self.selectAll()
        self.show()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.finish(commit=False)
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.finish(commit=True)
            event.accept()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.finish(commit=True)

    def finish(self, *, commit: bool) -> None:
        if self._done:
            return
        self._done = True
        text = self.text()
        self.hide()
        self.deleteLater()
        if commit:
            self.committed.emit(text)
        else:
            self.cancelled.emit()
