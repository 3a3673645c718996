"""Step 4: benchmark gaps — for each benchmarked measure, us against company A, company B
and the best (TOP), grouped by Q C D S, with the gap to TOP written under the title."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from mot_workshop.charts.base import GREEN, NAVY, RED, SAND, SLATE, TEAL, bar_labels, number, wrap_label
from mot_workshop.charts.panels import Panel, PanelChart, legend_height, panel_figure, unit_suffix
from mot_workshop.domain.worksheets import Benchmark
from mot_workshop.i18n import tr

if TYPE_CHECKING:
    from matplotlib.figure import Figure

QCDS_ORDER = "QCDS"
BOTTOM, HSPACE = 0.62, 1.1      # inches: room for one line of bar names and the gap note under each chart
LINE_IN = 0.13                  # inches per further line of bar names


def gap_to_top(row: Benchmark) -> float | None:
    """How far we are behind the best, in the measure's unit (positive = behind)."""
    if row.us is None or row.top is None:
        return None
    return (row.top - row.us) if row.higher_is_better else (row.us - row.top)


def benchmark_gaps(rows: Sequence[Benchmark], *, company_a: str = "", company_b: str = "",
                   title: str | None = None, width: float = 10.0, height: float | None = None,
                   columns: int = 4) -> Figure:
    return panel_figure(benchmark_panels(rows, company_a=company_a, company_b=company_b, title=title, width=width,
                                         height=height, columns=columns))


def benchmark_panels(rows: Sequence[Benchmark], *, company_a: str = "", company_b: str = "",
                     title: str | None = None, width: float = 10.0, height: float | None = None,
                     columns: int = 4) -> PanelChart:
    shown = sorted((r for r in rows if any(v is not None for v in (r.us, r.company_a, r.company_b, r.top))),
                   key=lambda r: (QCDS_ORDER.index(str(r.characteristic)), r.seq, r.id))
    count = max(1, len(shown))
    rows_of_charts = (count + columns - 1) // columns
    height = height or 0.6 + 2.3 * rows_of_charts
    columns = max(1, min(columns, count))
    names = company_labels(company_a, company_b)
    labels, lines, legend = bar_labels(names, short_names(), slot_width(width, columns))
    key = legend_height(legend_names(names), width) if legend and shown else 0.0
    height += (lines - 1) * LINE_IN * rows_of_charts + key
    panels = []
    for row in shown:
        name = row.measure or row.problem
        foot = None
        gap = gap_to_top(row)
        if gap is not None:
            better = tr("higher is better") if row.higher_is_better else tr("lower is better")
            text = tr("gap to TOP {gap}", gap=number(gap)) if gap > 0 else tr("at or above TOP")
            foot = (f"{text} · {better}", RED if gap > 0 else GREEN)      # under the bar names
        panels.append(Panel(title=wrap_label(f"{row.characteristic} · {name}{unit_suffix(row.unit)}",
                                             width * 72 / columns - 20, 8.5, 2),
                            values=(row.us, row.company_a, row.company_b, row.top), highlight=0, foot=foot))
    extra = (lines - 1) * LINE_IN
    return PanelChart(width=width, height=height, panels=tuple(panels), columns=columns, labels=tuple(labels),
                      label_lines=lines, colours=(NAVY, SLATE, SAND, TEAL),
                      margins=(0.5, 0.15, 0.75 if title else 0.45, BOTTOM + extra + key), gaps=(0.6, HSPACE + extra),
                      legend=tuple(legend_names(names)) if legend else (), suptitle=title or "",
                      empty=tr("No benchmark figures yet"))


def short_names() -> list[str]:
    """The bars' names when the companies' names do not fit under their bars."""
    return [tr("Us"), "A", "B", "TOP"]


def legend_names(names: list[str]) -> list[str]:
    """"A · Mirae Department Store": the short name on the axis, then the whole one."""
    return [name if i in (0, 3) else f"{short} · {name}" for i, (short, name) in enumerate(zip(short_names(), names))]


def company_labels(company_a: str, company_b: str) -> list[str]:
    """The bars' names: us, the workshop's two benchmarked companies, the best."""
    return [tr("Us"), company_a or tr("Company A"), company_b or tr("Company B"), "TOP"]


def slot_width(width: float, columns: int, left: float = 0.5, right: float = 0.15, wspace: float = 0.6,
               bars: int = 4) -> float:
    """Points of width one bar's slot gets in a row of ``columns`` charts ``width`` inches wide."""
    axes = (width - left - right - (columns - 1) * wspace) / columns
    return max(axes, 0.2) * 72 / bars
