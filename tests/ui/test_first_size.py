"""The window's first size fits the screen it opens on: a 1024×768 projector laptop gets a
window inside its free area (it got 1440×900, the status bar and the timer's buttons off
screen); a large screen gets the default size."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication

from mot_workshop.ui.main_window import DEFAULT_SIZE, first_size


class Screen:
    def __init__(self, w: int, h: int):
        self.free = QRect(0, 0, w, h)

    def availableGeometry(self) -> QRect:
        return self.free


@pytest.mark.parametrize(("free", "expected"), [((1024, 740), (1024, 740)), ((1366, 728), (1366, 728)),
                                                ((1920, 1050), DEFAULT_SIZE), ((1280, 1000), (1280, 900))])
def test_the_first_size_fits_the_free_area(qtbot, monkeypatch, free, expected):
    monkeypatch.setattr(QGuiApplication, "platformName", staticmethod(lambda: "xcb"))
    assert first_size(Screen(*free)) == expected


def test_a_new_window_on_a_small_screen_fits_it(qtbot, monkeypatch):
    from mot_workshop.ui.app import create_app
    from mot_workshop.ui.main_window import MainWindow
    from mot_workshop.ui.settings import Settings

    create_app("en")
    monkeypatch.setattr(QGuiApplication, "platformName", staticmethod(lambda: "xcb"))
    monkeypatch.setattr(MainWindow, "screen", lambda self: Screen(1024, 740))
    window = MainWindow(Settings(), remember=False)
    qtbot.addWidget(window)
    assert (window.width(), window.height()) == (1024, 740)
