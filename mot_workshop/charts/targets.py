"""Step 7: targets — for each quantitative measure, the current level, the competitor's,
the level the customer requires and the target, side by side."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from mot_workshop.charts.base import BOLD, AMBER, NAVY, SAND, TEAL, bar_group, chart_figure, empty_message, margins, small_multiples, wrap_label
from mot_workshop.domain.enums import TargetKind
from mot_workshop.domain.worksheets import Target
from mot_workshop.i18n import tr

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def as_number(text: str) -> float | None:
    try:
        return float(text.replace(",", "").replace("%", "").strip())
    except (AttributeError, ValueError):
        return None


BOTTOM, HSPACE = 0.45, 0.85


def numeric_targets(targets: Sequence[Target]) -> list[Target]:
    return [t for t in targets if t.kind == TargetKind.QUANTITATIVE
            and any(as_number(v) is not None for v in (t.current, t.competitor, t.required_level, t.target))]


def targets_chart(targets: Sequence[Target], *, title: str | None = None, width: float = 10.0,
                  height: float | None = None, columns: int = 4) -> Figure:
    shown = numeric_targets(targets)
    rows = (max(1, len(shown)) + columns - 1) // columns
    height = height or 0.6 + 2.2 * rows
    with chart_figure(width, height) as fig:
        if not shown:
            empty_message(fig, tr("No quantitative targets yet"))
            return fig
        labels = [wrap_label(t, 52, 7.5, 2) for t in (tr("Current"), tr("Competitor"), tr("Customer"), tr("Target"))]
        colours = [NAVY, SAND, AMBER, TEAL]
        for ax, t in zip(small_multiples(fig, len(shown), columns), shown):
            values = [as_number(v) for v in (t.current, t.competitor, t.required_level, t.target)]
            bar_group(ax, labels, values, colours, unit=t.unit, highlight=3)
            arrow = "↑" if t.higher_is_better else "↓"
            ax.set_title(wrap_label(f"{t.measure} {arrow}", width * 72 / columns - 20, 8.5, 2), fontsize=8.5)
        if title:
            fig.suptitle(title, x=0.01, y=1 - 0.08 / height, ha="left", va="top", fontsize=10.5, fontweight=BOLD)
        margins(fig, left=0.5, right=0.15, top=0.75 if title else 0.45, bottom=BOTTOM, wspace=0.6, hspace=HSPACE)
        return fig
