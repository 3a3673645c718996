"""Field editors. Each shows a stored value, and reports the raw text or choice the user
made (``raw()``), which the form turns into a command; the domain rules do the checking."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from mot_workshop.domain.base import NAME_MAX
from mot_workshop.i18n import tr
from mot_workshop.ui.whole_text import show_whole_text

TYPING_DELAY_MS = 400
MIXED = object()      # several selected entities disagree on this field


class Field(QObject):
    """``commit`` asks the form to save ``raw()`` now; ``finished`` ends one typing step."""

    commit = Signal()
    finished = Signal()

    def __init__(self, name: str, widget: QWidget):
        super().__init__(widget)
        self.name = name
        self.widget = widget
        self.dirty = False          # the user changed it and it is not saved yet
        widget.setObjectName(f"field_{name}")
        if isinstance(widget, QComboBox):           # a team or process name may be longer than the panel
            show_whole_text(widget)

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def raw(self) -> Any:
        raise NotImplementedError

    def set_invalid(self, invalid: bool) -> None:
        if bool(self.widget.property("invalid")) == invalid:
            return                  # re-polishing every field on every edit cost a big map's edits
        self.widget.setProperty("invalid", invalid)
        self.widget.style().unpolish(self.widget)
        self.widget.style().polish(self.widget)

    def _user_changed(self) -> None:
        self.dirty = True
        self.commit.emit()


class TextField(Field):
    """One line; saves while typing (after a pause) and when the user leaves the field."""

    def __init__(self, name: str, *, max_len: int = NAME_MAX, placeholder: str = ""):
        edit = QLineEdit()
        edit.setMaxLength(max_len)
        edit.setPlaceholderText(placeholder)
        super().__init__(name, edit)
        self._placeholder = placeholder
        self._timer = QTimer(self, singleShot=True, interval=TYPING_DELAY_MS)
        self._timer.timeout.connect(self.commit.emit)
        edit.textEdited.connect(self._typed)
        edit.editingFinished.connect(self._finish)

    def _typed(self, _text: str) -> None:
        self.dirty = True
        self._timer.start()

    def _finish(self) -> None:
        if self.dirty:
            self._timer.stop()
            self.commit.emit()
        if not self.widget.hasFocus():           # left the field: back to the beginning of the text
            self._show_start()
        self.finished.emit()

    def set_value(self, value: Any) -> None:
        self._timer.stop()
        text = "" if value is None or value is MIXED else str(value)
        self.widget.setPlaceholderText(tr("(several values)") if value is MIXED else self._placeholder)
        if self.widget.text() != text:
            self.widget.setText(text)
            self._show_start()

    def _show_start(self) -> None:
        """A long value shows its beginning (setText leaves the end in view), whole as a tooltip."""
        if not self.widget.hasFocus():
            self.widget.setCursorPosition(0)
        self.widget.setToolTip(self.widget.text())

    def raw(self) -> Any:
        return self.widget.text()


class LongTextField(Field):
    def __init__(self, name: str):
        edit = _PlainText()
        edit.setTabChangesFocus(True)
        edit.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        edit.setFixedHeight(84)
        super().__init__(name, edit)
        self._timer = QTimer(self, singleShot=True, interval=TYPING_DELAY_MS)
        self._timer.timeout.connect(self.commit.emit)
        self._loading = False
        edit.textChanged.connect(self._typed)
        edit.focus_lost.connect(self._finish)

    def _typed(self) -> None:
        if self._loading:
            return
        self.dirty = True
        self._timer.start()

    def _finish(self) -> None:
        if self.dirty:
            self._timer.stop()
            self.commit.emit()
        self.finished.emit()

    def set_value(self, value: Any) -> None:
        self._timer.stop()
        text = "" if value is None or value is MIXED else str(value)
        if self.widget.toPlainText() != text:
            self._loading = True
            self.widget.setPlainText(text)
            self._loading = False

    def raw(self) -> Any:
        return self.widget.toPlainText()


class _PlainText(QPlainTextEdit):
    focus_lost = Signal()

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.focus_lost.emit()


class ChoiceField(Field):
    """A fixed list of (label, value) choices: enums, references, yes/no."""

    def __init__(self, name: str, choices: list[tuple[str, Any]]):
        combo = QComboBox()
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        super().__init__(name, combo)
        self.set_choices(choices)
        combo.activated.connect(lambda _i: self._user_changed())

    def set_choices(self, choices: list[tuple[str, Any]]) -> None:
        combo = self.widget
        if [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())] == list(choices):
            return                  # the same list: refilling it on every edit is wasted
        current = self.raw() if combo.count() else None
        combo.blockSignals(True)
        combo.clear()
        for label, value in choices:
            combo.addItem(label, value)
        combo.blockSignals(False)
        if current is not None:
            self.set_value(current)

    def set_value(self, value: Any) -> None:
        combo = self.widget
        if value is MIXED:
            combo.setCurrentIndex(-1)
            return
        for i in range(combo.count()):
            if combo.itemData(i) == value or (value is not None and str(combo.itemData(i)) == str(value)):
                combo.setCurrentIndex(i)
                return
        combo.setCurrentIndex(-1)

    def raw(self) -> Any:
        return self.widget.currentData()


class ScoreField(Field):
    """A 1–5 rating: pick one of the named levels, or type a number (7 is refused)."""

    def __init__(self, name: str, names: dict[int, str]):
        combo = QComboBox()
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        super().__init__(name, combo)
        combo.addItem("—", None)
        for level in range(1, 6):
            combo.addItem(f"{level} · {names[level]}", level)
        combo.activated.connect(lambda _i: self._user_changed())
        combo.lineEdit().editingFinished.connect(self._typed_done)
        combo.lineEdit().textEdited.connect(self._typed)

    def _typed(self, _text: str) -> None:
        self.dirty = True

    def _typed_done(self) -> None:
        if self.dirty:
            self.commit.emit()
        self.finished.emit()

    def set_value(self, value: Any) -> None:
        combo = self.widget
        if value is MIXED:
            combo.setCurrentIndex(-1)
            combo.setEditText("")
            return
        index = combo.findData(value)
        combo.setCurrentIndex(index if index >= 0 else 0)
        combo.setEditText(combo.itemText(index if index >= 0 else 0))

    def raw(self) -> Any:
        text = self.widget.currentText().strip()
        if text in ("", "—", "-"):
            return None
        match = re.match(r"^\s*(-?\d+(?:\.\d+)?)", text)
        return match.group(1) if match else text


class BoolField(Field):
    def __init__(self, name: str, text: str):
        box = QCheckBox(text)
        super().__init__(name, box)
        box.clicked.connect(lambda _c: self._user_changed())

    def set_value(self, value: Any) -> None:
        self.widget.setChecked(bool(value) if value is not MIXED else False)

    def raw(self) -> Any:
        return self.widget.isChecked()


class OrderField(Field):
    """The position in the list (1-based); saving it moves the entity (a reorder)."""

    def __init__(self, name: str):
        spin = QSpinBox()
        spin.setMinimum(1)
        spin.setKeyboardTracking(False)
        super().__init__(name, spin)
        spin.valueChanged.connect(lambda _v: self._user_changed())

    def set_count(self, count: int) -> None:
        self.widget.blockSignals(True)
        self.widget.setMaximum(max(1, count))
        self.widget.blockSignals(False)

    def set_value(self, value: Any) -> None:
        self.widget.blockSignals(True)
        self.widget.setValue(int(value) if isinstance(value, int) else 1)
        self.widget.blockSignals(False)

    def raw(self) -> Any:
        return self.widget.value()
