"""The auto-layout command: one undo step that moves every step of a map (and fits the
phase widths), computed by layout.auto_layout from the map as it is now."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mot_workshop.editing.command import Macro
from mot_workshop.editing.entities import UpdateEntities
from mot_workshop.i18n import tr
from mot_workshop.layout.auto_layout import arrange

if TYPE_CHECKING:
    from mot_workshop.persistence.store import Store


def auto_layout(store: Store, map_id: int) -> Macro:
    steps = store.select("step", map_id=map_id)
    arrangement = arrange(steps, store.select("flow", map_id=map_id), store.select("phase", map_id=map_id))
    moves = {s.id: {"x": arrangement.step_positions[s.id][0], "y": arrangement.step_positions[s.id][1],
                    "phase_id": arrangement.step_phases[s.id]} for s in steps}
    parts = [UpdateEntities("step", moves)] if moves else []
    if arrangement.phase_widths:
        parts.append(UpdateEntities("phase", {pid: {"width": w} for pid, w in arrangement.phase_widths.items()}))
    return Macro(tr("Auto-layout"), parts)
