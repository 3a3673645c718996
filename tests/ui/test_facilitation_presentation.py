"""Presentation mode (F5): full screen, docks hidden, larger type, high contrast, the step and
the timer in a banner; Esc (or F5) leaves and restores the window as it was."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.wizard_fixtures import sample  # noqa: F401


def test_presentation_on_and_off(sample, qtbot):
    window, _path = sample
    host = window.wizard_host
    host.open_step(4)
    visible = [d for d in window.docks() if d.isVisible()]
    assert visible
    window.actions.present.trigger()
    assert host.presentation.active
    assert not any(d.isVisible() for d in window.docks())
    assert not window.menuBar().isVisible()
    assert window.windowState() & Qt.WindowState.WindowFullScreen
    assert "font-size" in window.styleSheet()
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QWidget

    assert QWidget.palette(window).color(QPalette.ColorRole.Window).name() == "#ffffff"
    assert "Step 4" in host.presentation.step_label.text()
    assert host.presentation.banner.isVisible()
    assert host.presentation.clock_label.text() in ("15:00", "")
    host.timer.tick()
    assert host.presentation.clock_label.text() == "15:00"
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not host.presentation.active
    assert [d for d in window.docks() if d.isVisible()] == visible
    assert window.menuBar().isVisible()
    assert window.styleSheet() == ""
    window.actions.present.trigger()
    assert host.presentation.active
    window.actions.present.trigger()        # F5 toggles too
    assert not host.presentation.active


def test_f5_is_the_shortcut(sample):
    window, _path = sample
    assert window.actions.present.shortcut().toString() == "F5"


def test_closing_while_presenting_restores_the_layout_first(sample):
    window, _path = sample
    host = window.wizard_host
    host.toggle_presentation(full_screen=False)
    assert host.presentation.active
    window.close()
    assert not host.presentation.active


def test_keys_step_through_the_wizard_and_run_the_timer(sample, qtbot):
    window, _path = sample
    host = window.wizard_host
    host.open_step(7)
    host.toggle_presentation(full_screen=False)
    host.keys["next"].activated.emit()
    assert host.current_step == 8 and host.wizard().current == 8
    assert "Step 8" in host.presentation.step_label.text()
    host.keys["next"].activated.emit()
    assert host.current_step == 8                  # stays on the last step
    host.keys["previous"].activated.emit()
    assert host.current_step == 7
    host.keys["timer"].activated.emit()
    assert host.timer.countdown.running
    host.keys["timer"].activated.emit()
    assert not host.timer.countdown.running
    host.leave_presentation()
