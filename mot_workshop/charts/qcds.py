"""Step 4: the seed's quantitative grid as a chart — one panel per characteristic (Quality,
Cost, Delivery, Service), us against company A, company B and the best (TOP). Each
characteristic has its own measure and unit (the row's note), so each gets its own scale."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from mot_workshop.charts.base import NAVY, SAND, SLATE, TEAL, bar_labels, wrap_label
from mot_workshop.charts.panels import Panel, PanelChart, legend_height, panel_figure
from mot_workshop.charts.benchmark import LINE_IN, company_labels, legend_names, short_names, slot_width
from mot_workshop.domain.method_data import QcdsScore
from mot_workshop.i18n import tr
from mot_workshop.i18n.labels import enum_name

if TYPE_CHECKING:
    from matplotlib.figure import Figure

ORDER = "QCDS"


def qcds_chart(scores: Sequence[QcdsScore], *, company_a: str = "", company_b: str = "", title: str | None = None,
               width: float = 10.0, height: float | None = None, columns: int = 4) -> Figure:
    """Bars for every characteristic that has at least one figure, in Q C D S order."""
    return panel_figure(qcds_panels(scores, company_a=company_a, company_b=company_b, title=title, width=width,
                                    height=height, columns=columns))


def qcds_panels(scores: Sequence[QcdsScore], *, company_a: str = "", company_b: str = "", title: str | None = None,
                width: float = 10.0, height: float | None = None, columns: int = 4) -> PanelChart:
    firsts: dict[str, QcdsScore] = {}
    for score in scores:
        firsts.setdefault(str(score.characteristic), score)
    shown = [firsts[c] for c in ORDER if c in firsts and any(
        v is not None for v in (firsts[c].us, firsts[c].company_a, firsts[c].company_b, firsts[c].top))]
    columns = max(1, min(columns, len(shown) or 1))
    rows = (max(1, len(shown)) + columns - 1) // columns
    names = company_labels(company_a, company_b)
    labels, lines, legend = bar_labels(names, short_names(), slot_width(width, columns))
    extra = (lines - 1) * LINE_IN
    height = height or 0.7 + (2.5 + extra) * rows + (0.35 if legend else 0.0)
    key = legend_height(legend_names(names), width) if legend and shown else 0.0
    panel_pt = width * 72 / columns - 24
    panels = []
    for score in shown:
        note = wrap_label(score.note, panel_pt, 7.5, 2) if score.note else ""
        panels.append(Panel(title=f"{score.characteristic} · {enum_name(score.characteristic)}",
                            values=(score.us, score.company_a, score.company_b, score.top), title_size=9,
                            title_pad=22 if note else 8, highlight=0, note=note))
    return PanelChart(width=width, height=height, panels=tuple(panels), columns=columns, labels=tuple(labels),
                      label_lines=lines, colours=(NAVY, SLATE, SAND, TEAL),
                      margins=(0.5, 0.15, 1.05 if title else 0.7, 0.45 + extra + key), gaps=(0.6, 0.95 + extra),
                      legend=tuple(legend_names(names)) if legend else (), suptitle=title or "",
                      empty=tr("No Q/C/D/S figures yet"))
