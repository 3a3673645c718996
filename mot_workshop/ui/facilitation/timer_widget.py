"""The countdown as a big, readable clock with start / pause / reset and the minutes to set.

At zero the clock flashes red and the application beeps once (no sound files); it keeps
counting into overtime. Its run time is booked on the step it runs for, every minute and
on pause / reset.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from mot_workshop.i18n import tr
from mot_workshop.ui.facilitation.countdown import Countdown, clock_text
from mot_workshop.ui.flow_row import FlowRow

BOOK_EVERY_S = 60


class TimerWidget(QWidget):
    expired = Signal()
    ticked = Signal(str)               # the clock text, for the presentation header

    def __init__(self, countdown: Countdown | None = None, parent=None, *,
                 book: Callable[[float], None] | None = None):
        super().__init__(parent)
        self.countdown = countdown or Countdown()
        self.book = book
        self.alarmed = False
        self.flash_on = False
        self.clock = QLabel()
        self.clock.setObjectName("timerClock")
        self.minutes = QSpinBox()
        self.minutes.setObjectName("timerMinutes")
        self.minutes.setRange(1, 240)
        self.minutes.setValue(int(self.countdown.duration // 60))
        self.start_button = QPushButton()
        self.start_button.setObjectName("timerStart")
        self.reset_button = QPushButton()
        self.reset_button.setObjectName("timerReset")
        self.start_button.clicked.connect(self.toggle)
        self.reset_button.clicked.connect(self.reset)
        self.minutes.valueChanged.connect(self._minutes_changed)
        self.tick_timer = QTimer(self)
        self.tick_timer.setInterval(250)
        self.tick_timer.timeout.connect(self.tick)
        self._since_book = 0
        # a narrow dock puts the minutes under the buttons instead of cutting "15 min" to "15 m"
        # (or pushing the dock wider)
        row = FlowRow()
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.start_button, self.reset_button, self.minutes):
            row.addWidget(widget)
        self.caption = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.caption)
        layout.addWidget(self.clock)
        layout.addLayout(row)
        self.retranslate()
        self.tick()

    def retranslate(self) -> None:
        self.caption.setText(tr("Timer"))
        self.minutes.setSuffix(" " + tr("min"))
        self.reset_button.setText(tr("Reset"))
        self.start_button.setText(tr("Pause") if self.countdown.running else tr("Start"))

    # ------------------------------------------------------------------ control
    def toggle(self) -> None:
        if self.countdown.running:
            self.pause()
        else:
            self.start()

    def start(self) -> None:
        self.countdown.start()
        self.tick_timer.start()
        self.retranslate()
        self.tick()

    def pause(self) -> None:
        self.countdown.pause()
        self.tick_timer.stop()
        self.book_now()
        self.retranslate()
        self.tick()

    def reset(self) -> None:
        self.countdown.pause()
        self.book_now()
        self.countdown.reset(self.minutes.value() * 60)
        self.tick_timer.stop()
        self.alarmed = False
        self.retranslate()
        self.tick()

    def _minutes_changed(self, value: int) -> None:
        if not self.countdown.running and self.countdown.elapsed() == 0:
            self.countdown.reset(value * 60)
            self.tick()

    def book_now(self) -> None:
        seconds = self.countdown.take_unbooked()
        if self.book is not None and seconds > 0:
            self.book(seconds)

    # ------------------------------------------------------------------ display
    def tick(self) -> None:
        remaining = self.countdown.remaining()
        text = clock_text(remaining)
        self.clock.setText(text)
        if remaining <= 0 and self.countdown.running and not self.alarmed:
            self.alarmed = True
            QApplication.beep()
            self.expired.emit()
        self.flash_on = self.alarmed and not self.flash_on
        colour = ("#ffffff; background: #c62828" if self.flash_on else "#c62828") if self.alarmed else (
            "#1f6fb2" if self.countdown.running else "palette(text)")
        self.clock.setStyleSheet(f"font-size: 30pt; font-weight: 700; padding: 0 6px; color: {colour};")
        if self.countdown.running:
            self._since_book += 1
            if self._since_book * self.tick_timer.interval() >= BOOK_EVERY_S * 1000:
                self._since_book = 0
                self.book_now()
        self.ticked.emit(text)
