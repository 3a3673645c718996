"""The countdown with a fake clock: start, pause, reset, overtime, the alarm at zero, and
the run time booked on the step it ran for (outside the undo stack)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from mot_workshop.ui.facilitation.countdown import Countdown, clock_text
from mot_workshop.ui.facilitation.timer_widget import TimerWidget
from tests.ui.wizard_fixtures import blank, page, reopen  # noqa: F401


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def test_countdown_start_pause_reset():
    clock = FakeClock()
    c = Countdown(600, clock)
    assert c.remaining() == 600 and not c.running
    c.start()
    clock.advance(90)
    assert c.remaining() == 510
    c.pause()
    clock.advance(1000)                    # paused: the time does not run
    assert c.remaining() == 510
    c.start()
    clock.advance(520)
    assert c.expired and c.remaining() == -10
    assert clock_text(c.remaining()) == "−00:10"
    assert c.take_unbooked() == 610
    assert c.take_unbooked() == 0
    c.reset(300)
    assert c.remaining() == 300 and not c.running


def test_clock_text():
    assert clock_text(900) == "15:00"
    assert clock_text(59.2) == "01:00"       # counts whole seconds up, so 00:00 means time is up
    assert clock_text(0) == "00:00"


def test_widget_alarm_at_zero(qtbot, monkeypatch):
    clock = FakeClock()
    beeps = []
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: beeps.append(1)))
    booked = []
    widget = TimerWidget(Countdown(120, clock), book=booked.append)
    qtbot.addWidget(widget)
    widget.minutes.setValue(2)
    widget.start()
    assert widget.start_button.text() == "Pause"
    clock.advance(119)
    widget.tick()
    assert widget.clock.text() == "00:01" and not widget.alarmed
    clock.advance(2)
    with qtbot.waitSignal(widget.expired, timeout=1000):
        widget.tick()
    assert widget.alarmed and beeps == [1]
    assert "#c62828" in widget.clock.styleSheet()
    widget.tick()
    widget.tick()
    assert beeps == [1]                    # one signal, then it keeps flashing
    widget.pause()
    assert booked == [121]
    widget.reset()
    assert widget.clock.text() == "02:00" and not widget.alarmed


def test_time_spent_is_recorded_per_step(blank, qtbot):
    window, path, _ids = blank
    host = window.wizard_host
    clock = FakeClock()
    host.timer.countdown.clock = clock
    page(window, 2)
    host.timer.start()
    clock.advance(300)
    page(window, 4)                         # leaving step 2 books its time there
    clock.advance(60)
    host.timer.pause()
    store = window.session.store
    spent = {p.step_no: p.seconds_spent for p in store.select("step_progress")}
    assert spent == {2: 300, 4: 60}
    assert window.stack.count() == 0        # bookkeeping, not an undoable edit
    nav = host.navigator
    nav.refresh()
    assert "5 min spent" in nav.list.item(1).text() and "1 min spent" in nav.list.item(3).text()
    store = reopen(window, path)
    assert {p.step_no: p.seconds_spent for p in store.select("step_progress")} == {2: 300, 4: 60}
