"""The timer under the step navigator keeps its controls whole in a narrow dock: at 1024 wide
the minutes field read "15 m" (three controls squeezed into one row); it now goes under the
buttons. Every control as wide as its text needs and inside the panel, in both languages."""

from __future__ import annotations

import pytest


def assert_whole(widget, panel):
    assert widget.isVisible()
    assert widget.width() >= widget.sizeHint().width(), (widget.objectName(), widget.width(), widget.sizeHint())
    # across: inside the panel (a short panel scrolls its content up and down, by design)
    left = widget.mapTo(panel, widget.rect().topLeft()).x()
    right = widget.mapTo(panel, widget.rect().bottomRight()).x()
    assert 0 <= left and right < panel.width(), (widget.objectName(), left, right, panel.width())


@pytest.mark.parametrize("sample_in", ["ko", "en"], indirect=True)
@pytest.mark.parametrize("size", [(1024, 768), (1440, 900)])
def test_timer_controls_are_whole(sample_in, qtbot, size):
    window = sample_in
    window.resize(*size)
    timer = window.wizard_host.timer
    cycle = window.session.store.select("cycle")[0]
    for show in (lambda: window.tabs.setCurrentIndex(0),
                 lambda: window.open_cycle(cycle.id),
                 lambda: window.wizard_host.open_step(1)):
        show()
        qtbot.wait(30)
        dock = timer.parentWidget()
        while dock is not None and dock.parentWidget() is not window:
            dock = dock.parentWidget()
        assert dock is not None and dock.isVisible()
        qtbot.waitUntil(lambda: timer.isVisible(), timeout=2000)
        for widget in (timer.start_button, timer.reset_button, timer.minutes):
            assert_whole(widget, dock)
        # what the field shows is the whole "15 min" / "15 분"
        shown = timer.minutes.lineEdit()
        assert shown.width() >= shown.fontMetrics().horizontalAdvance(shown.text()), shown.text()
