"""Step 4: benchmark gaps — for each benchmarked measure, us against company A, company B
and the best (TOP), grouped by Q C D S, with the gap to TOP written under the title."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from mot_workshop.charts.base import (
    BOLD, GREEN, NAVY, RED, SAND, SLATE, TEAL, bar_group, chart_figure, empty_message, margins, number,
    small_multiples, wrap_label,
)
from mot_workshop.domain.worksheets import Benchmark
from mot_workshop.i18n import tr

if TYPE_CHECKING:
    from matplotlib.figure import Figure

QCDS_ORDER = "QCDS"
BOTTOM, HSPACE = 0.62, 1.1      # inches: room for the gap note under each chart


def gap_to_top(row: Benchmark) -> float | None:
    """How far we are behind the best, in the measure's unit (positive = behind)."""
    if row.us is None or row.top is None:
        return None
    return (row.top - row.us) if row.higher_is_better else (row.us - row.top)


def benchmark_gaps(rows: Sequence[Benchmark], *, company_a: str = "", company_b: str = "",
                   title: str | None = None, width: float = 10.0, height: float | None = None,
                   columns: int = 4) -> Figure:
    shown = sorted((r for r in rows if any(v is not None for v in (r.us, r.company_a, r.company_b, r.top))),
                   key=lambda r: (QCDS_ORDER.index(str(r.characteristic)), r.seq, r.id))
    count = max(1, len(shown))
    rows_of_charts = (count + columns - 1) // columns
    height = height or 0.6 + 2.3 * rows_of_charts
    with chart_figure(width, height) as fig:
        if not shown:
            empty_message(fig, tr("No benchmark figures yet"))
            return fig
        labels = [tr("Us"), company_a or tr("Company A"), company_b or tr("Company B"), "TOP"]
        labels = [wrap_label(label, 50, 7.5, 1) for label in labels]
        colours = [NAVY, SLATE, SAND, TEAL]
        for ax, row in zip(small_multiples(fig, len(shown), columns), shown):
            bar_group(ax, labels, [row.us, row.company_a, row.company_b, row.top], colours,
                      unit=row.unit, highlight=0)
            name = row.measure or row.problem
            ax.set_title(wrap_label(f"{row.characteristic} · {name}", width * 72 / columns - 20, 8.5, 2),
                         fontsize=8.5)
            gap = gap_to_top(row)
            if gap is not None:
                better = tr("higher is better") if row.higher_is_better else tr("lower is better")
                text = tr("gap to TOP {gap}", gap=number(gap)) if gap > 0 else tr("at or above TOP")
                ax.text(0.0, -0.25, f"{text} · {better}", transform=ax.transAxes, fontsize=7,
                        color=RED if gap > 0 else GREEN, ha="left", va="top")
        if title:
            fig.suptitle(title, x=0.01, y=1 - 0.08 / height, ha="left", va="top", fontsize=10.5, fontweight=BOLD)
        margins(fig, left=0.5, right=0.15, top=0.75 if title else 0.45, bottom=BOTTOM, wspace=0.6, hspace=HSPACE)
        return fig
