"""Presentation mode (F5): full screen, the content of the current tab enlarged (diagrams
fitted, or paged phase by phase when a map cannot be read whole; tables and charts in larger
type) while docks, menus, tab bar and editing bars hide; a high-contrast palette; a banner
naming what is shown, the timer and how to leave. Esc or F5 leaves and every dock, splitter,
bar and zoom comes back exactly as it was."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QSplitter, QToolBar, QWidget

from mot_workshop.i18n import tr

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
#presentBanner QLabel#presentHint {{ color: #c8d4ea; font-weight: 400; font-size: {hint:.0f}pt; }}
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
        from mot_workshop.ui.whole_text import ElidedLabel

        # a long map title never pushes the hint and clock away; "(page 3 of 10)" at its end stays
        self.step_label = ElidedLabel(mode=Qt.TextElideMode.ElideMiddle)
        self.step_label.setObjectName("presentStep")
        self.clock_label = QLabel()
        self.clock_label.setObjectName("presentClock")
        self.clock_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.hint_label = QLabel()                  # discreet: how to leave
        self.hint_label.setObjectName("presentHint")
        row.addWidget(self.step_label, 1)
        row.addWidget(self.hint_label)
        row.addSpacing(16)
        row.addWidget(self.clock_label)
        self.banner.addWidget(holder)
        self.retranslate()

    def retranslate(self) -> None:
        self.hint_label.setText(tr("F5 or Esc: leave"))

    def toggle(self) -> None:
        self.leave() if self.active else self.enter()

    def set_step_text(self, text: str) -> None:
        self.step_label.setText(text)

    def set_clock(self, text: str) -> None:
        self.clock_label.setText(text)

    def enter(self, *, full_screen: bool = True) -> None:
        if self.active:
            return
        from mot_workshop.ui.charts import chart_view

        w = self.window
        self.active = True
        self._saved = {
            "state": w.saveState(),           # docks (with their tabs) and toolbars, as they are
            "geometry": w.geometry(),
            "splitters": {s: s.saveState() for s in w.findChildren(QSplitter)},
            "bars": [b for b in w.findChildren(QToolBar) if b is not self.banner],
            "menu": not w.menuBar().isHidden(), "status": not w.statusBar().isHidden(),
            "style": w.styleSheet(), "palette": QWidget.palette(w), "maximized": w.isMaximized(),
            "full": w.isFullScreen(), "tab_bar": not w.tabs.tabBar().isHidden(),
            "chrome": [], "views": {}, "headers": {}, "presented": set(),
        }
        for _ in range(2):                 # hiding a tabbed dock brings its neighbour to the front
            for dock in w.docks():
                dock.hide()
        for bar in self._saved["bars"]:
            bar.hide()
        w.menuBar().hide()
        w.statusBar().hide()
        w.tabs.tabBar().hide()
        base = QApplication.font().pointSizeF()
        base = base if base > 0 else 10.0
        w.setPalette(high_contrast())
        w.setStyleSheet(STYLE.format(size=base * SCALE, title=base * SCALE * 1.5, banner=base * SCALE * 1.3,
                                     hint=base * SCALE * 0.8))
        w.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.banner)
        self.banner.show()
        chart_view.set_scale(SCALE, w)
        if full_screen:          # a screenshot keeps its size: it shows what the projector shows
            w.showFullScreen()
        self.show_content()

    def show_content(self) -> None:
        """Enlarge what the current tab shows: editing bars away, diagrams fitted (or paged),
        table columns across the width. Called again when the tab changes."""
        from mot_workshop.ui.cycle.view import DiagramView
        from mot_workshop.ui.swimlane.palette import MapPalette
        from mot_workshop.ui.worksheet_table.present_fit import PresentedColumns, fit, widen
        from mot_workshop.ui.worksheet_table.table import WorksheetTable

        w = self.window
        page = w.tabs.currentWidget()
        if page is None:
            return
        chrome = [c for c in page.findChildren(QWidget, "editorBar") + page.findChildren(MapPalette)
                  if not c.isHidden()]
        for widget in chrome:
            widget.hide()
            self._saved["chrome"].append(widget)
        from mot_workshop.ui.facilitation.voting import VotingBar

        from mot_workshop.ui.wizard.page import StepPage

        for part in page.findChildren(VotingBar) + page.findChildren(StepPage) + \
                ([page] if isinstance(page, StepPage) else []):
            part.set_presented(True)
            self._saved["presented"].add(part)
        for table in page.findChildren(WorksheetTable):
            if table.view not in self._saved["headers"]:
                self._saved["headers"][table.view] = PresentedColumns(table.view, keep=table.presented_columns)
        QApplication.processEvents()       # the views take the room the bars left
        for columns in self._saved["headers"].values():
            widen(columns.view)            # in the larger type the style sheet has now given
            fit(columns.view)
        for view in page.findChildren(DiagramView):
            if view not in self._saved["views"]:
                self._saved["views"][view] = (view.auto_fit, view.zoom, view.visible_scene_rect().center(),
                                              view.memory)
                view.memory = None         # presenting is not where the user left the diagram
                view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
                view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            view.fit()

    def leave(self) -> None:
        if not self.active:
            return
        from mot_workshop.ui.charts import chart_view

        w = self.window
        saved = self._saved
        self.active = False
        w.removeToolBar(self.banner)
        self.banner.setParent(None)
        w.setStyleSheet(saved["style"])
        w.setPalette(saved["palette"])
        w.menuBar().setVisible(saved["menu"])
        w.statusBar().setVisible(saved["status"])
        w.tabs.tabBar().setVisible(saved["tab_bar"])
        for widget in saved["chrome"]:
            widget.show()
        for part in saved["presented"]:       # voting bars and step pages
            try:
                part.set_presented(False)
            except RuntimeError:           # a tab closed meanwhile
                pass
        for columns in saved["headers"].values():
            try:
                columns.stop()
            except RuntimeError:           # a tab closed meanwhile
                pass
        chart_view.set_scale(1.0, w)
        if not saved["full"]:
            w.showMaximized() if saved["maximized"] else w.showNormal()
            if not saved["maximized"]:
                w.setGeometry(saved["geometry"])
        self._restore_layout()
        # the window manager may give the normal size back a moment later: lay out again then
        QTimer.singleShot(0, self._restore_layout)
        for view, (auto_fit, zoom, centre, memory) in saved["views"].items():
            view.memory = memory
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
            view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
            if auto_fit:
                view.fit()
            else:
                view.set_zoom(zoom, manual=False)
                view.auto_fit = False
                view.centerOn(centre)

    def _restore_layout(self) -> None:
        if self.active or not self._saved:
            return
        w = self.window
        w.statusBar().updateGeometry()       # its height after the larger type went
        w.layout().activate()
        w.restoreState(self._saved["state"])
        for splitter, state in self._saved["splitters"].items():
            try:
                splitter.restoreState(state)
            except RuntimeError:           # a tab closed meanwhile
                pass
