"""Presentation mode (F5): full screen, docks and bars hidden, type and lines scaled for a
projector, a high-contrast palette, and a banner with the current step and the timer.
Esc or F5 leaves and everything comes back as it was."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QToolBar, QWidget

SCALE = 1.6

STYLE = """
QWidget {{ font-size: {size:.0f}pt; }}
QTableView {{ gridline-color: #000000; border: 2px solid #000000; }}
QHeaderView::section {{ background: #e8e8e8; color: #000000; font-weight: 700;
                        border: 1px solid #000000; padding: 4px; }}
QTabBar::tab {{ padding: 8px 18px; }}
QTabBar::tab:selected {{ background: #0b3d91; color: #ffffff; }}
QPushButton, QToolButton, QComboBox {{ border: 2px solid #000000; border-radius: 4px; padding: 4px 10px;
                                       background: #ffffff; color: #000000; }}
#stepTitle {{ font-size: {title:.0f}pt; }}
#presentBanner {{ background: #0b3d91; }}
#presentBanner QLabel {{ color: #ffffff; font-weight: 700; font-size: {banner:.0f}pt; }}
"""


def high_contrast() -> QPalette:
    palette = QPalette()
    black, white = QColor("#000000"), QColor("#ffffff")
    for role, colour in ((QPalette.ColorRole.Window, white), (QPalette.ColorRole.WindowText, black),
                         (QPalette.ColorRole.Base, white), (QPalette.ColorRole.AlternateBase, QColor("#f0f0f0")),
                         (QPalette.ColorRole.Text, black), (QPalette.ColorRole.Button, white),
                         (QPalette.ColorRole.ButtonText, black), (QPalette.ColorRole.Highlight, QColor("#0b3d91")),
                         (QPalette.ColorRole.HighlightedText, white), (QPalette.ColorRole.ToolTipBase, white),
                         (QPalette.ColorRole.ToolTipText, black), (QPalette.ColorRole.Mid, QColor("#404040"))):
        palette.setColor(role, colour)
    return palette


class Presentation:
    """Turns a main window into presentation mode and back."""

    def __init__(self, window):
        self.window = window
        self.active = False
        self._saved: dict = {}
        self.banner = QToolBar()
        self.banner.setObjectName("presentBanner")
        self.banner.setMovable(False)
        self.banner.setFloatable(False)
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(16, 6, 16, 6)
        self.step_label = QLabel()
        self.step_label.setObjectName("presentStep")
        self.clock_label = QLabel()
        self.clock_label.setObjectName("presentClock")
        self.clock_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.step_label, 1)
        row.addWidget(self.clock_label)
        self.banner.addWidget(holder)

    def toggle(self) -> None:
        self.leave() if self.active else self.enter()

    def set_step_text(self, text: str) -> None:
        self.step_label.setText(text)

    def set_clock(self, text: str) -> None:
        self.clock_label.setText(text)

    def enter(self, *, full_screen: bool = True) -> None:
        if self.active:
            return
        w = self.window
        self.active = True
        self._saved = {
            "state": w.saveState(),           # docks (with their tabs) and toolbars, as they are
            "bars": [b for b in w.findChildren(QToolBar) if b is not self.banner],
            "menu": not w.menuBar().isHidden(), "status": not w.statusBar().isHidden(),
            "style": w.styleSheet(), "palette": QWidget.palette(w), "maximized": w.isMaximized(),
            "full": w.isFullScreen(),
        }
        for _ in range(2):                 # hiding a tabbed dock brings its neighbour to the front
            for dock in w.docks():
                dock.hide()
        for bar in self._saved["bars"]:
            bar.hide()
        w.menuBar().hide()
        w.statusBar().hide()
        base = QApplication.font().pointSizeF()
        base = base if base > 0 else 10.0
        w.setPalette(high_contrast())
        w.setStyleSheet(STYLE.format(size=base * SCALE, title=base * SCALE * 1.5, banner=base * SCALE * 1.3))
        w.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.banner)
        self.banner.show()
        if full_screen:          # a screenshot keeps its size: it shows what the projector shows
            w.showFullScreen()

    def leave(self) -> None:
        if not self.active:
            return
        w = self.window
        self.active = False
        w.removeToolBar(self.banner)
        self.banner.setParent(None)
        w.setStyleSheet(self._saved["style"])
        w.setPalette(self._saved["palette"])
        w.menuBar().setVisible(self._saved["menu"])
        w.statusBar().setVisible(self._saved["status"])
        w.restoreState(self._saved["state"])
        if not self._saved["full"]:
            w.showMaximized() if self._saved["maximized"] else w.showNormal()
