"""A QR code drawn square by square, as large as its space allows, with a quiet zone."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

QUIET = 4          # modules of white around the code, as the standard asks


class QrWidget(QWidget):
    def __init__(self, parent=None, minimum: int = 240):
        super().__init__(parent)
        self.setObjectName("roomQr")
        self.matrix: list[list[bool]] = []
        self.text = ""
        self.setMinimumSize(minimum, minimum)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_text(self, text: str) -> None:
        from mot_workshop.room.qr import qr_matrix

        self.text = text
        self.matrix = qr_matrix(text) if text else []
        self.setToolTip(text)
        self.update()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        side = min(self.width(), self.height())
        left, top = (self.width() - side) / 2, (self.height() - side) / 2
        painter.fillRect(QRectF(left, top, side, side), QColor("#ffffff"))
        if not self.matrix:
            return
        count = len(self.matrix) + 2 * QUIET
        module = side / count
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#000000"))
        for y, row in enumerate(self.matrix):
            for x, dark in enumerate(row):
                if dark:       # a hair wider than the module, so no seams show between squares
                    painter.drawRect(QRectF(left + (x + QUIET) * module, top + (y + QUIET) * module,
                                            module + 0.5, module + 0.5))
