"""Reopening a workshop brings back its open tabs, the active one and the timer's minutes,
also in a new window after a restart."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from mot_workshop.ui.main_window import MainWindow
from mot_workshop.ui.settings import Settings


def shown(window):
    out = []
    for index in range(window.tabs.count()):
        editor = window.tabs.widget(index)
        key = getattr(editor, "key", None)
        if key and key[0] == "cycle":
            out.append(("cycle", key[1], editor.mode))
        elif key and key[0] == "wizard":
            out.append(("wizard", editor.current))
        elif key:
            out.append(tuple(key))
    return out


def test_tabs_active_tab_and_timer_come_back(opened, qtbot):
    window, path, ids = opened
    window.wizard_host.open_step(3)
    window.open_cycle(ids["parking"], mode="journey")
    window.open_cycle(ids["other"])
    minutes = window.wizard_host.timer.minutes
    minutes.selectAll()
    QTest.keyClicks(minutes, "25")
    QTest.keyClick(minutes, Qt.Key.Key_Return)
    assert minutes.value() == 25
    window.tabs.setCurrentIndex(2)                   # the Parking journey
    expected = shown(window)
    assert ("cycle", ids["parking"], "journey") in expected and ("wizard", 3) in expected
    window.set_store(None)
    assert window.files.open_path(path)
    assert shown(window) == expected
    assert window.tabs.currentIndex() == 2
    assert window.wizard_host.timer.minutes.value() == 25
    window.close()

    again = MainWindow(Settings())
    qtbot.addWidget(again)
    again.show()
    assert again.files.open_path(path)
    assert shown(again) == expected and again.tabs.currentIndex() == 2
    assert again.wizard_host.timer.minutes.value() == 25
    again.close()
