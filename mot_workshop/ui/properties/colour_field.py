"""A colour field: a swatch that opens the colour picker, beside the #RRGGBB text."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QHBoxLayout, QLineEdit, QToolButton, QWidget

from mot_workshop.i18n import tr
from mot_workshop.ui.properties.fields import MIXED, Field


class ColourField(Field):
    def __init__(self, name: str):
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.swatch = QToolButton()
        self.swatch.setObjectName("colourSwatch")
        self.swatch.setFixedSize(28, 22)
        self.swatch.setToolTip(tr("Choose a colour…"))
        self.swatch.clicked.connect(self.choose)
        self.edit = QLineEdit()
        self.edit.setMaxLength(16)
        self.edit.setPlaceholderText("#RRGGBB")
        self.edit.editingFinished.connect(self._typed)
        row.addWidget(self.swatch)
        row.addWidget(self.edit, 1)
        super().__init__(name, box)

    def choose(self) -> None:
        current = QColor(self.edit.text()) if QColor.isValidColorName(self.edit.text()) else QColor("#4f7cac")
        chosen = QColorDialog.getColor(current, self.widget, tr("Team colour"))
        if chosen.isValid():
            self.edit.setText(chosen.name())
            self._paint()
            self._user_changed()

    def _typed(self) -> None:
        if self.edit.isModified():
            self.edit.setModified(False)
            self._paint()
            self._user_changed()

    def _paint(self) -> None:
        text = self.edit.text()
        colour = text if QColor.isValidColorName(text) else "transparent"
        self.swatch.setStyleSheet(f"background: {colour}; border: 1px solid palette(mid); border-radius: 3px;")

    def set_value(self, value: Any) -> None:
        text = "" if value is None or value is MIXED else str(value)
        if self.edit.text() != text:
            self.edit.setText(text)
        self._paint()

    def raw(self) -> Any:
        return self.edit.text()
