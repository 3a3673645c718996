"""In presentation mode, while the room is open: the QR code, the short URL and the room
code in a corner of the projected window, and the results once revealed."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

from mot_workshop.i18n import tr
from mot_workshop.ui.facilitation.qr_widget import QrWidget
from mot_workshop.ui.facilitation.room_results import result_lines

MAX_LINES = 8


class RoomOverlay(QFrame):
    def __init__(self, controller, presenting, parent):
        super().__init__(parent)
        self.setObjectName("roomOverlay")
        self.controller = controller
        self.presenting = presenting              # () -> bool
        # its own sizes: presentation mode sets one font size for every widget of the window
        self.setStyleSheet("#roomOverlay { background: #ffffff; border: 3px solid #0b3d91; border-radius: 8px; }"
                           "#roomOverlay QLabel { color: #000000; font-size: 15pt; }"
                           "#roomOverlay #overlayCode { font-size: 40pt; font-weight: 700; letter-spacing: 4px; }"
                           "#roomOverlay #overlayResults { font-size: 16pt; }")
        self.qr = QrWidget(self, minimum=300)
        self.qr.setFixedSize(300, 300)
        self.short = QLabel()
        self.short.setTextFormat(Qt.TextFormat.PlainText)
        self.code = QLabel()
        self.code.setObjectName("overlayCode")
        self.code.setTextFormat(Qt.TextFormat.PlainText)
        self.results = QLabel()
        self.results.setObjectName("overlayResults")
        self.results.setTextFormat(Qt.TextFormat.PlainText)
        self.results.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.short)
        layout.addWidget(self.code, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.results)
        self.setFixedWidth(340)
        self.hide()
        controller.opened.connect(self.refresh)
        controller.closed.connect(self.refresh)
        controller.state_changed.connect(self.show_results)
        # Presentation mode belongs to the window; looking every few tenths of a second keeps
        # this overlay from needing a hook in it.
        self.timer = QTimer(self)
        self.timer.setInterval(300)
        self.timer.timeout.connect(self.refresh)
        controller.opened.connect(self.timer.start)
        controller.closed.connect(self.timer.stop)
        if controller.is_open:
            self.timer.start()

    def refresh(self) -> None:
        wanted = self.controller.is_open and self.presenting()
        if wanted and self.qr.text != self.controller.room.url:
            self.qr.set_text(self.controller.room.url)
            self.short.setText(self.controller.room.short_url)
            self.code.setText(self.controller.room.code)
            self.show_results(self.controller.state)
        if wanted:
            self.adjustSize()
            parent = self.parentWidget()
            self.move(parent.width() - self.width() - 16, max(16, parent.height() - self.height() - 16))
            self.raise_()
        self.setVisible(wanted)

    def show_results(self, state: dict) -> None:
        if not state or not state.get("activity", {}).get("reveal"):
            self.results.clear()
            return
        lines = [line.text for line in result_lines(state, compact=True)][:MAX_LINES]
        self.results.setText(tr("Results") + "\n" + "\n".join(lines))
