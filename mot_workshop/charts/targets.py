"""Step 7: targets — for each quantitative measure, the current level, the competitor's,
the level the customer requires and the target, side by side."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from mot_workshop.charts.base import AMBER, NAVY, SAND, TEAL, wrap_label
from mot_workshop.charts.panels import Panel, PanelChart, panel_figure, unit_suffix
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
    return panel_figure(targets_panels(targets, title=title, width=width, height=height, columns=columns))


def targets_panels(targets: Sequence[Target], *, title: str | None = None, width: float = 10.0,
                   height: float | None = None, columns: int = 4) -> PanelChart:
    shown = numeric_targets(targets)
    rows = (max(1, len(shown)) + columns - 1) // columns
    height = height or 0.6 + 2.2 * rows
    labels = [wrap_label(t, 52, 7.5, 2) for t in (tr("Current"), tr("Competitor"), tr("Customer"), tr("Target"))]
    panels = []
    for t in shown:
        arrow = "↑" if t.higher_is_better else "↓"
        panels.append(Panel(title=wrap_label(f"{t.measure}{unit_suffix(t.unit)} {arrow}", width * 72 / columns - 20,
                                             8.5, 2),
                            values=tuple(as_number(v) for v in (t.current, t.competitor, t.required_level, t.target)),
                            highlight=3))
    return PanelChart(width=width, height=height, panels=tuple(panels), columns=columns, labels=tuple(labels),
                      label_lines=max(label.count("\n") + 1 for label in labels),
                      colours=(NAVY, SAND, AMBER, TEAL), margins=(0.5, 0.15, 0.75 if title else 0.45, BOTTOM),
                      gaps=(0.6, HSPACE), suptitle=title or "", empty=tr("No quantitative targets yet"))
