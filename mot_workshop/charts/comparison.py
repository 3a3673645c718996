"""As-Is vs To-Be (vs Redesign): one small bar chart per map figure, with the change."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from mot_workshop.charts.base import BOLD, GREEN, NAVY, RED, SLATE, TEAL, bar_group, chart_figure, empty_message, margins, small_multiples, wrap_label
from mot_workshop.i18n import tr

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from mot_workshop.analysis.comparison import FigureChange

# The figures worth a chart, in reading order.
CHARTED = ("steps", "handoffs", "lead_time", "total_wait", "total_work", "nva_share", "cycle_efficiency",
           "contact_steps")
BOTTOM, HSPACE = 0.4, 0.8
SHARES = ("va_share", "nva_share", "cycle_efficiency")


def asis_tobe_bars(changes: Sequence[FigureChange], map_names: Sequence[str], *, title: str | None = None,
                   width: float = 10.0, height: float | None = None, columns: int = 4) -> Figure:
    """``changes`` from analysis.comparison.compare; ``map_names`` label the compared maps."""
    from mot_workshop.analysis.text import figure_name

    by_name = {c.name: c for c in changes}
    shown = [by_name[n] for n in CHARTED if n in by_name and any(v for v in by_name[n].values)]
    rows = (max(1, len(shown)) + columns - 1) // columns
    height = height or 0.5 + 2.1 * rows
    with chart_figure(width, height) as fig:
        if not shown:
            empty_message(fig, tr("Nothing to compare yet"))
            return fig
        colours = [SLATE, NAVY, TEAL][: len(map_names)] if len(map_names) <= 3 else [NAVY] * len(map_names)
        labels = [wrap_label(name, 60, 7.5, 1) for name in map_names]
        for ax, change in zip(small_multiples(fig, len(shown), columns), shown):
            scale = 100.0 if change.name in SHARES else 1.0
            values = [None if v is None else v * scale for v in change.values]
            bar_group(ax, labels, values, colours, unit="%" if scale != 1.0 else "", highlight=len(values) - 1)
            ax.set_title(wrap_label(figure_name(change.name), width * 72 / columns - 20, 8.5, 2), fontsize=8.5)
            if change.change_pct is not None:
                colour = GREEN if change.improved else RED if change.improved is False else SLATE
                ax.text(1.0, 1.0, f"{change.change_pct:+.0f}%", transform=ax.transAxes, ha="right", va="top",
                        fontsize=9, fontweight=BOLD, color=colour)
        if title:
            fig.suptitle(title, x=0.01, y=1 - 0.08 / height, ha="left", va="top", fontsize=10.5, fontweight=BOLD)
        margins(fig, left=0.5, right=0.15, top=0.75 if title else 0.45, bottom=BOTTOM, wspace=0.6, hspace=HSPACE)
        return fig
