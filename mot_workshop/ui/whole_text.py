"""A combo box holding names the user typed (processes, teams, problems) may be narrower
than its longest entry: it shows the start ending in "…" and the whole text as its tooltip. A label that
must leave room to its neighbours does the same."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QComboBox, QLabel, QSizePolicy

# More than any style's arrow button and frame take from a combo box's width (Fusion 25 px,
# Windows 22): a text narrower than the width less this fits whatever the style, and Qt paints
# it whole without the style being asked where the text goes. (Asking makes PySide build the
# Python side of QStyle: its enums alone were a thirtieth of the way to a ready window.)
SPARE = 48


def _icon_room(combo: QComboBox) -> int:
    return combo.iconSize().width() + 4 if not combo.itemIcon(combo.currentIndex()).isNull() else 0


def surely_fits(combo: QComboBox) -> bool:
    """Whether the current text fits with room to spare for any style's arrow and frame."""
    room = combo.width() - SPARE - _icon_room(combo)
    return combo.fontMetrics().horizontalAdvance(combo.currentText()) <= room


def shown_text(combo: QComboBox) -> str:
    """What a combo box shows of its current text: the start ending in "…" when narrower."""
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                         QStyle.SubControl.SC_ComboBoxEditField, combo)
    room = field.width() - _icon_room(combo)
    return combo.fontMetrics().elidedText(option.currentText, Qt.TextElideMode.ElideRight, max(0, room))


class _Elided(QObject):
    """Paints a combo box as Qt does, its text elided with "…" instead of cut mid-letter."""

    def eventFilter(self, combo, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.Paint or combo.isEditable() or surely_fits(combo):
            return False                     # Qt paints it, the text whole
        from PySide6.QtWidgets import QStyle, QStyleOptionComboBox, QStylePainter

        painter = QStylePainter(combo)
        painter.setPen(combo.palette().color(QPalette.ColorRole.Text))
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = shown_text(combo)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)
        painter.end()
        return True


def show_whole_text(combo: QComboBox) -> QComboBox:
    def follow(_text: str = "") -> None:
        combo.setToolTip(combo.currentText())

    combo.installEventFilter(_Elided(combo))

    combo.currentTextChanged.connect(follow)
    model = combo.model()                   # filled with its signals blocked: follow the items too
    for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.dataChanged):
        signal.connect(follow)
    follow()
    return combo


class ElidedLabel(QLabel):
    """One line that yields its width to its neighbours: a text longer than the room shows
    its start ending in "…" (or, with ``mode``, both ends around it), the whole as a tooltip."""

    def __init__(self, parent=None, *, mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight):
        super().__init__(parent)
        self._whole = ""
        self._mode = mode
        self.setMinimumWidth(40)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self._whole = text
        self._fit()

    def text(self) -> str:
        return self._whole

    def shown(self) -> str:
        """What the label draws (the text, or its start and "…")."""
        return super().text()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        width = max(0, self.contentsRect().width())
        shown = self.fontMetrics().elidedText(self._whole, self._mode, width)
        super().setText(shown)
        self.setToolTip(self._whole if shown != self._whole else "")

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()
