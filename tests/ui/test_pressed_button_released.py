"""A test that ends with a mouse button still pressed must not leave the next test a window
that believes a drag is under way (the map's structure check would wait for its end)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget


def test_a_test_may_end_with_the_button_down(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    QTest.mousePress(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(5, 5))
    assert QApplication.mouseButtons() == Qt.MouseButton.LeftButton


def test_the_next_test_starts_with_no_button_down():
    assert QApplication.mouseButtons() == Qt.MouseButton.NoButton
