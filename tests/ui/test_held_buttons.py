"""A mouse button a test leaves held is not held in the next test. Qt keeps which buttons are
down for the whole application, and the map editor holds back its structure check while one
is (a drag under way); the suite's conftest lets them up after each test. The two tests run
in this order, in one process (one module goes to one worker)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget


def test_a_press_on_a_window_that_closes_before_the_release(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(60, 60)
    window.show()
    qtbot.waitExposed(window)
    QTest.mousePress(window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(5, 5))
    window.close()
    assert QApplication.mouseButtons() == Qt.MouseButton.LeftButton       # still held, as Qt sees it


def test_the_next_test_starts_with_every_button_up(qtbot):
    assert QApplication.mouseButtons() == Qt.MouseButton.NoButton
