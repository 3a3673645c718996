"""A chart in a widget: rebuilds its figure from a ``charts/`` function when its data changes.

matplotlib and its Qt canvas are imported on the first draw, never when the module loads.
Rebuilding is deferred to the next idle moment and skipped while the widget is hidden; the
figure is built at the widget's size (in inches), so its text is laid out for the space it gets.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from mot_workshop.editing.changes import Changes
from mot_workshop.i18n import tr

_scale = 1.0       # presentation mode draws text larger: fewer pixels per point of the figure


def set_scale(scale: float, window) -> None:
    """Charts in ``window`` drawn with their text ``scale`` times larger (1.0: normal)."""
    global _scale
    if scale != _scale:
        _scale = scale
        for view in window.findChildren(ChartView):
            view.invalidate()


MIN_WIDTH_IN, MIN_HEIGHT_IN = 4.0, 2.6      # below this a chart's text would crowd its plot


def figure_size(width_px: int, height_px: int) -> tuple[float, float, float]:
    """(dpi, width, height in inches) of a figure exactly filling ``width_px`` × ``height_px``.
    A widget smaller than the least size gets the least-size chart at fewer pixels per point:
    a figure built larger would be squeezed by the canvas after its labels were placed."""
    width_px, height_px = max(1, width_px), max(1, height_px)
    # presentation may narrow a chart (larger text) but never shorten it below its least height:
    # small multiples stacked in a short strip flatten their bars to lines
    dpi = min(100.0 * _scale, width_px * _scale / MIN_WIDTH_IN, height_px / MIN_HEIGHT_IN)
    return dpi, width_px / dpi, height_px / dpi


class ChartView(QWidget):
    def __init__(self, build: Callable[[], object], watch: Iterable[str], parent=None, *, min_height: int = 260,
                 ready: Callable[[], bool] = lambda: True, panels: Callable[..., object] | None = None):
        super().__init__(parent)
        self.build = build              # (width_in, height_in) -> matplotlib Figure
        # small multiples: (width_in, height_in, columns) -> charts.panels.PanelChart; presented,
        # they are shown a page of panels at a time (ui/facilitation/chart_pages.py)
        self.panels = panels
        self.page = None                # (first panel, panels per page, columns, dpi) while paged
        self.ready = ready              # False once the file is closed (the tab is on its way out)
        self.watch = set(watch)
        self.canvas = None
        self.builds = 0
        self.built_inches = (0.0, 0.0)
        self._stale = True
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.placeholder = QLabel(tr("Drawing the chart…"))
        self._layout.addWidget(self.placeholder)
        self.setMinimumHeight(min_height)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)

    def on_changes(self, changes: Changes) -> None:
        if any(changes.touches(kind) for kind in self.watch):
            self.invalidate()

    def retranslate(self) -> None:
        """The charts' texts are in the UI language: draw them again."""
        self.placeholder.setText(tr("Drawing the chart…"))
        self.invalidate()

    def invalidate(self) -> None:
        self._stale = True
        if self.isVisible():
            self._timer.start()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.canvas is not None and self.isVisible():
            self._stale = True
            self._timer.start(150)          # rebuild once the splitter stops moving

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self._timer.start()

    def refresh(self) -> None:
        """Build the figure now (tests call it directly)."""
        if not self.ready():
            return
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        if self.page is not None and self.panels is not None:
            from mot_workshop.charts.panels import page_of, panel_figure

            start, count, columns, dpi = self.page
            width, height = max(1, self.width()) / dpi, max(1, self.height()) / dpi
            figure = panel_figure(page_of(self.panels(width, height, columns), start, count, height))
        else:
            dpi, width, height = figure_size(self.width(), self.height())
            figure = self.build(width, height)
        figure.set_dpi(dpi)
        figure._original_dpi = dpi      # what the canvas multiplies by a HiDPI screen's ratio
        self._built_size = self.size()
        self.built_inches = (width, height)
        self.builds += 1
        self._stale = False
        canvas = FigureCanvasQTAgg(figure)
        canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        canvas.setMinimumSize(1, 1)
        old, self.canvas = self.canvas, canvas
        if old is not None:
            self._layout.removeWidget(old)
            old.deleteLater()
        self.placeholder.hide()
        self._layout.addWidget(canvas)
        canvas.draw_idle()
