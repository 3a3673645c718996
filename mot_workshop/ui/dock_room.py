"""Side panels sized to the window until the user sizes them: at 1024 as at 1440 wide the
canvas keeps about 63 % of the width (a panel never narrower than it stays usable at).
Once the user drags a panel edge, or a remembered layout is restored, their widths are
left alone."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer

LEFT = (0.17, 170, 250)        # share of the window, least and most width in px
RIGHT = (0.20, 200, 300)
USABLE = 160                   # no page may squeeze a panel below this on a screen ≥ 1000 wide


def default_widths(window_width: int) -> tuple[int, int]:
    def one(share: float, low: int, high: int) -> int:
        return int(max(low, min(high, share * window_width)))

    return one(*LEFT), one(*RIGHT)


class DockRoom(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.user_sized = False
        self.applied: tuple[int, int] | None = None
        window.installEventFilter(self)
        self._pending = False

    def _give_back(self) -> None:
        """A wide page may have pushed the panels narrower; once the page shown allows, they
        get their widths back."""
        self._pending = False
        w = self.window
        if self.user_sized or self._presenting() or self.applied is None:
            return
        left, right = default_widths(w.width())
        narrower = w.tree_dock.width() < left - 2 or w.properties_dock.width() < right - 2
        if narrower and w.centralWidget().minimumSizeHint().width() + left + right + 24 <= w.width():
            w.layout().invalidate()          # forget the wide page's minimum it cached
            w.layout().activate()
            self.apply()

    def apply(self) -> None:
        w = self.window
        left, right = default_widths(w.width())
        usable = USABLE if w.width() >= 1000 else 0      # a smaller screen: the canvas comes first
        for dock in w.docks():
            dock.setMinimumWidth(usable)
        w.resizeDocks([w.tree_dock, w.properties_dock], [left, right], Qt.Orientation.Horizontal)
        self.applied = (left, right)

    def _presenting(self) -> bool:
        host = getattr(self.window, "wizard_host", None)
        return bool(host is not None and host.presenting)

    def eventFilter(self, obj, event) -> bool:
        kind = event.type()
        if kind == QEvent.Type.LayoutRequest and obj is self.window and not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self._give_back)     # dropped with the window
        if obj is self.window and not self.user_sized and not self._presenting():
            if kind == QEvent.Type.Resize and event.size().width() != event.oldSize().width():
                self.apply()
            elif kind == QEvent.Type.MouseButtonRelease and self.applied is not None:
                w = self.window
                now = (w.tree_dock.width(), w.properties_dock.width())
                shown = (w.tree_dock.isVisible(), w.properties_dock.isVisible())
                if any(s and abs(n - a) > 2 for s, n, a in zip(shown, now, self.applied)):
                    self.user_sized = True       # a panel edge was dragged: the user's widths rule
        return False
