"""``mot-workshop FILE --screenshot OUT.png``: wait for the window's first full paint,
save a PNG of the whole window, quit. Works offscreen and under X (Xvfb)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

SETTLE_MS = 80          # let queued layout (view fitting, late resizes) finish after the paint
TIMEOUT_MS = 15_000     # a platform that never paints: take the picture anyway


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, callback: Callable[[], None], settle_ms: int):
        super().__init__(widget)
        self.widget = widget
        self.callback = callback
        self.settle_ms = settle_ms
        self.fired = False
        widget.installEventFilter(self)
        QTimer.singleShot(TIMEOUT_MS, self.fire)

    def eventFilter(self, obj, event) -> bool:
        if obj is self.widget and event.type() == QEvent.Type.Paint and not self.fired:
            QTimer.singleShot(self.settle_ms, self.fire)
        return False

    def fire(self) -> None:
        if self.fired:
            return
        self.fired = True
        self.widget.removeEventFilter(self)
        self.callback()


def after_first_paint(widget: QWidget, callback: Callable[[], None], *, settle_ms: int = SETTLE_MS) -> None:
    """Call ``callback`` once ``widget`` (a shown top-level window) has painted."""
    _FirstPaint(widget, callback, settle_ms)


def save_window(widget: QWidget, path: str) -> bool:
    """A PNG of the whole window (its client area, at the screen's pixel ratio)."""
    from mot_workshop.jobs.files import write_bytes_atomic
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    pixmap = widget.grab()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    ok = pixmap.save(buffer, "PNG")
    buffer.close()
    if ok:
        write_bytes_atomic(path, bytes(data))
    return ok
