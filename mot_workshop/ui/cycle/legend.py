"""The legend under both diagrams, in the current UI language."""

from __future__ import annotations

from mot_workshop.i18n import tr
from mot_workshop.ui.cycle import style
from mot_workshop.ui.cycle.ring_items import LegendItem


def legend_for() -> LegendItem:
    item = LegendItem()
    levels = [f"{lv} {tr(style.LEVEL_NAMES[lv])}" for lv in range(1, 6)] + [tr("Not rated")]
    marks = [("level", tr("Experienced level")), ("importance", tr("Size and outline = importance")),
             ("critical", tr("Critical moment")), ("weakest", tr("Weakest link")),
             ("element", tr("HARD / SOFT / HUMAN element"))]
    item.set_entries(tr("Experienced level (customer satisfaction)"), levels, marks)
    return item
