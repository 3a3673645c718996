"""As-Is vs To-Be (vs Redesign): one small bar chart per map figure, with the change."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from mot_workshop.charts.base import GREEN, NAVY, RED, SLATE, TEAL, wrap_label
from mot_workshop.charts.panels import Panel, PanelChart, panel_figure
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
    return panel_figure(asis_tobe_panels(changes, map_names, title=title, width=width, height=height, columns=columns))


def asis_tobe_panels(changes: Sequence[FigureChange], map_names: Sequence[str], *, title: str | None = None,
                     width: float = 10.0, height: float | None = None, columns: int = 4) -> PanelChart:
    from mot_workshop.analysis.text import figure_name

    by_name = {c.name: c for c in changes}
    shown = [by_name[n] for n in CHARTED if n in by_name and any(v for v in by_name[n].values)]
    rows = (max(1, len(shown)) + columns - 1) // columns
    height = height or 0.5 + 2.1 * rows
    colours = [SLATE, NAVY, TEAL][: len(map_names)] if len(map_names) <= 3 else [NAVY] * len(map_names)
    panels = []
    for change in shown:
        scale = 100.0 if change.name in SHARES else 1.0
        tag = None
        if change.change_pct is not None:
            colour = GREEN if change.improved else RED if change.improved is False else SLATE
            tag = (f"{change.change_pct:+.0f}%", colour)
        name = figure_name(change.name) + (" (%)" if scale != 1.0 else "")
        panels.append(Panel(title=wrap_label(name, width * 72 / columns - 20, 8.5, 2),
                            values=tuple(None if v is None else v * scale for v in change.values),
                            highlight=len(change.values) - 1, tag=tag))
    return PanelChart(width=width, height=height, panels=tuple(panels), columns=columns,
                      labels=tuple(wrap_label(name, 60, 7.5, 1) for name in map_names), colours=tuple(colours),
                      margins=(0.5, 0.15, 0.75 if title else 0.45, BOTTOM), gaps=(0.6, HSPACE),
                      suptitle=title or "", empty=tr("Nothing to compare yet"))
