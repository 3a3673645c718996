"""Every geometry the layout computes stays bounded, whatever the file holds.

A file written by another program, or an import, can hold positions and widths of 1e300,
infinity or NaN. The domain rules refuse such values on every edit (±COORD_MAX), but what is
already in a file is drawn as it is: pulled in here, once, before any route, drawing, page
tiling or export walks the map. The bound grows with what the map holds — no step needs more
than ``GAP_MAX`` of time axis or ``DEPTH_MAX`` of lane to itself — so a two-step map with one
step at x = 1e9 is drawn a few thousand points wide, not a million, and every later
operation stays proportional to the map's content.
"""

from __future__ import annotations

import dataclasses
import math
from collections import Counter
from collections.abc import Sequence

from mot_workshop.domain.base import COORD_MAX
from mot_workshop.domain.process import Phase, Step

GAP_MAX = 2_000.0          # time axis per step (and per phase) that a map may use
DEPTH_MAX = 400.0          # lane depth per step of the lane
LANE_DEPTH_MAX = 20_000.0  # and never more than this, however many steps


def bounded(value: float, low: float = -COORD_MAX, high: float = COORD_MAX) -> float:
    """``value`` within [low, high]; NaN (or anything not a number) becomes the bound nearest 0."""
    try:
        value = float(value)
    except (TypeError, ValueError):
        value = math.nan
    if math.isnan(value):
        return max(low, min(0.0, high))
    return low if value < low else high if value > high else value


def time_span(steps: int, phases: int) -> float:
    """The longest time axis a map of ``steps`` steps and ``phases`` phases is drawn with."""
    return min(COORD_MAX, GAP_MAX * (steps + phases + 1))


def bounded_steps(steps: Sequence[Step], phases: int = 0) -> list[Step]:
    """The steps, any position outside the drawing pulled onto its edge (others untouched)."""
    span = time_span(len(steps), phases)
    per_lane = Counter(s.lane_id for s in steps)
    return [bounded_step(step, span, per_lane[step.lane_id]) for step in steps]


def bounded_step(step: Step, span: float, lane_steps: int) -> Step:
    """One step of ``bounded_steps``: ``span`` is the map's ``time_span``, ``lane_steps`` the
    number of steps in its lane."""
    depth = min(LANE_DEPTH_MAX, DEPTH_MAX * (lane_steps + 1))
    x, y = bounded(step.x, 0.0, span), bounded(step.y, 0.0, depth)
    return step if (x, y) == (step.x, step.y) else dataclasses.replace(step, x=x, y=y)


def bounded_phases(phases: Sequence[Phase], steps: int = 0) -> list[Phase]:
    """The phases, widths clamped so that together they span at most ``time_span``."""
    span = time_span(steps, len(phases))
    out, left = [], 0.0
    for phase in phases:
        width = bounded(phase.width, 0.0, span - left)
        left += width
        out.append(phase if width == phase.width else dataclasses.replace(phase, width=width))
    return out
