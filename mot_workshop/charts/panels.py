"""Small multiples of bars — benchmark gaps, Q/C/D/S, targets, As-Is vs To-Be — as one plain
description: the panels' content and the figure's measures in inches.

A chart module decides what a panel says (``PanelChart``); two renderers draw it: the
matplotlib figure of the screen (``panel_figure``, also what tests inspect) and the PDF,
which draws the same description as vectors without matplotlib's artist machinery
(export/pdf/panel_drawing.py). The boxes of both come from ``panel_boxes``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import Figure

BAR_WIDTH = 0.66
VALUE_SIZE = 7.5
LABEL_SIZE = 7.5
LEGEND_SIZE = 7.5


@dataclass(frozen=True)
class Panel:
    title: str                               # wrapped already
    values: tuple[float | None, ...]
    title_size: float = 8.5
    title_pad: float = 8.0                   # points between the panel's top and the title
    highlight: int | None = None             # the bar whose value is bold
    tag: tuple[str, str] | None = None       # (text, colour) at the top right: the change
    note: str = ""                           # grey lines between the title and the bars
    foot: tuple[str, str] | None = None      # (text, colour) under the bar names


@dataclass(frozen=True)
class PanelChart:
    width: float                             # inches
    height: float
    panels: tuple[Panel, ...]
    columns: int
    labels: tuple[str, ...] = ()             # the bars' names, wrapped
    label_lines: int = 1
    colours: tuple[str, ...] = ()
    margins: tuple[float, float, float, float] = (0.5, 0.15, 0.45, 0.45)    # left, right, top, bottom
    gaps: tuple[float, float] = (0.6, 0.8)  # between panels: across, down
    legend: tuple[str, ...] = ()             # the bars' whole names under the chart
    suptitle: str = ""
    empty: str = ""                          # said instead when there are no panels
    extra: dict = field(default_factory=dict, compare=False)

    @property
    def rows(self) -> int:
        return (max(1, len(self.panels)) + self.grid_columns - 1) // self.grid_columns

    @property
    def grid_columns(self) -> int:
        return max(1, min(self.columns, len(self.panels) or 1))


def page_of(chart: PanelChart, start: int, count: int, height: float) -> PanelChart:
    """Panels ``start`` … ``start + count`` of ``chart`` as a chart of their own, ``height``
    inches high (a presented chart shows its panels a page at a time, larger)."""
    from dataclasses import replace

    return replace(chart, panels=chart.panels[start:start + count], height=height)


def legend_columns(names, width_in: float, size: float = LEGEND_SIZE) -> int:
    from mot_workshop.layout.text_metrics import text_width

    needed = sum(text_width(name, size) + 34 for name in names) / 72
    return len(names) if needed <= width_in - 0.3 else max(1, len(names) // 2)


def legend_height(names, width_in: float, size: float = LEGEND_SIZE) -> float:
    """Inches the legend under the chart takes (the bottom margin grows by it)."""
    columns = legend_columns(names, width_in, size)
    rows = (len(names) + columns - 1) // columns
    return 0.12 + rows * size * 1.5 / 72


def panel_boxes(chart: PanelChart) -> list[tuple[float, float, float, float]]:
    """Each panel's plot area (x0, y0, x1, y1) in inches from the bottom left, as
    ``charts.base.margins`` places matplotlib's subplots."""
    w, h = chart.width, chart.height
    left, right, top, bottom = chart.margins
    x0, x1 = min(0.45, left / w) * w, (1 - right / w) * w
    y1, y0 = (1 - top / h) * h, min(0.45, bottom / h) * h
    cols, rows = chart.grid_columns, chart.rows
    across, down = chart.gaps
    aw = max(0.2, (x1 - x0 - (cols - 1) * across) / cols)
    ah = max(0.2, (y1 - y0 - (rows - 1) * down) / rows)
    # what subplots_adjust makes of those gaps as fractions of a panel (equal unless clamped)
    cw = (x1 - x0) / (cols + across / aw * (cols - 1))
    ch = (y1 - y0) / (rows + down / ah * (rows - 1))
    aw, ah, sep_x, sep_y = cw, ch, cw * across / max(aw, 1e-9), ch * down / max(ah, 1e-9)
    boxes = []
    for i in range(len(chart.panels)):
        r, c = divmod(i, cols)
        bx = x0 + c * (aw + sep_x)
        by = y1 - r * (ah + sep_y) - ah
        boxes.append((bx, by, bx + aw, by + ah))
    return boxes


def value_limit(values) -> float:
    """The top of a panel's value range: room above the tallest bar for its value."""
    top = max((abs(v) for v in values if v is not None), default=0.0) or 1.0
    return top * 1.22


def panel_figure(chart: PanelChart) -> Figure:
    """The matplotlib figure of ``chart`` (the screen's renderer)."""
    from mot_workshop.charts.base import BOLD, bar_group, chart_figure, empty_message, margins, small_multiples
    from mot_workshop.charts.base import SLATE

    with chart_figure(chart.width, chart.height) as fig:
        if not chart.panels:
            empty_message(fig, chart.empty)
            return fig
        if chart.legend:
            _legend(fig, chart)
        for ax, panel in zip(small_multiples(fig, len(chart.panels), chart.columns), chart.panels):
            bar_group(ax, list(chart.labels), list(panel.values), list(chart.colours), highlight=panel.highlight)
            ax.set_title(panel.title, fontsize=panel.title_size, loc="left", pad=panel.title_pad)
            if panel.note:
                ax.text(0.0, 1.0, panel.note, transform=ax.transAxes, fontsize=7.5, color=SLATE, ha="left",
                        va="bottom", linespacing=1.1)
            if panel.tag:
                ax.text(1.0, 1.0, panel.tag[0], transform=ax.transAxes, ha="right", va="top", fontsize=9,
                        fontweight=BOLD, color=panel.tag[1])
            if panel.foot:
                ax.annotate(panel.foot[0], (0.0, 0.0), xycoords="axes fraction",
                            xytext=(0, -foot_offset(chart.label_lines)), textcoords="offset points", fontsize=7,
                            color=panel.foot[1], ha="left", va="top")
        if chart.suptitle:
            fig.suptitle(chart.suptitle, x=0.01, y=1 - 0.08 / chart.height, ha="left", va="top", fontsize=10.5,
                         fontweight=BOLD)
        left, right, top, bottom = chart.margins
        margins(fig, left=left, right=right, top=top, bottom=bottom, wspace=chart.gaps[0], hspace=chart.gaps[1])
        return fig


def unit_suffix(unit: str) -> str:
    """" (min)": the unit after a panel's title (the panels have no value axis to carry it)."""
    unit = (unit or "").strip()
    return f" ({unit})" if unit else ""


def foot_offset(label_lines: int) -> float:
    """Points from the panel's bottom to the top of the line under the bar names."""
    return 10 + 9.5 * label_lines


def _legend(fig, chart: PanelChart) -> None:
    from matplotlib.patches import Patch

    columns = legend_columns(chart.legend, chart.width)
    fig.legend([Patch(color=c) for c in chart.colours], list(chart.legend), loc="lower left",
               bbox_to_anchor=(0.0, 0.0), ncols=columns, frameon=False, fontsize=LEGEND_SIZE, handlelength=1.0,
               handleheight=0.8, columnspacing=1.6, borderaxespad=0.4)
