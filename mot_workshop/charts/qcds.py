"""Step 4: the seed's quantitative grid as a chart — one panel per characteristic (Quality,
Cost, Delivery, Service), us against company A, company B and the best (TOP). Each
characteristic has its own measure and unit (the row's note), so each gets its own scale."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from mot_workshop.charts.base import (
    BOLD, NAVY, SAND, SLATE, TEAL, bar_group, bar_labels, bar_legend, chart_figure, empty_message, margins, small_multiples,
    wrap_label,
)
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
    firsts: dict[str, QcdsScore] = {}
    for score in scores:
        firsts.setdefault(str(score.characteristic), score)
    shown = [firsts[c] for c in ORDER if c in firsts and any(
        v is not None for v in (firsts[c].us, firsts[c].company_a, firsts[c].company_b, firsts[c].top))]
    columns = max(1, min(columns, len(shown) or 1))
    rows = (max(1, len(shown)) + columns - 1) // columns
    names = company_labels(company_a, company_b)
    colours = [NAVY, SLATE, SAND, TEAL]
    labels, lines, legend = bar_labels(names, short_names(), slot_width(width, columns))
    extra = (lines - 1) * LINE_IN
    height = height or 0.7 + (2.5 + extra) * rows + (0.35 if legend else 0.0)
    with chart_figure(width, height) as fig:
        if not shown:
            empty_message(fig, tr("No Q/C/D/S figures yet"))
            return fig
        key = bar_legend(fig, legend_names(names), colours, width) if legend else 0.0
        panel_pt = width * 72 / columns - 24
        for ax, score in zip(small_multiples(fig, len(shown), columns), shown):
            bar_group(ax, labels, [score.us, score.company_a, score.company_b, score.top], colours, highlight=0)
            head = f"{score.characteristic} · {enum_name(score.characteristic)}"
            note = wrap_label(score.note, panel_pt, 7.5, 2) if score.note else ""
            ax.set_title(head, fontsize=9, loc="left", pad=22 if note else 8)
            if note:
                ax.text(0.0, 1.0, note, transform=ax.transAxes, fontsize=7.5, color=SLATE, ha="left", va="bottom",
                        linespacing=1.1)
        if title:
            fig.suptitle(title, x=0.01, y=1 - 0.08 / height, ha="left", va="top", fontsize=10.5, fontweight=BOLD)
        margins(fig, left=0.5, right=0.15, top=(1.05 if title else 0.7), bottom=0.45 + extra + key, wspace=0.6,
                hspace=0.95 + extra)
        return fig
