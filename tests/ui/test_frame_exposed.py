"""A repaint of part of the map draws the stage lines' name boxes that meet it, and exactly
those of the whole line's boxes (a 10,000-step map's line has thousands: a drag repaints
only a few)."""

from __future__ import annotations

import random

from PySide6.QtCore import QRectF

from mot_workshop.layout.swimlane import StageLine
from mot_workshop.ui.swimlane.map_frame import stage_label_boxes


def test_the_boxes_of_an_exposed_area_are_the_whole_lines_boxes_that_meet_it():
    rng = random.Random(13)
    for _ in range(2000):
        x1 = rng.uniform(0, 5000)
        stage = StageLine(rng.choice(("interaction", "visibility")), rng.uniform(0, 800), x1,
                          x1 + rng.uniform(0, 30000))
        width = rng.uniform(20, 140)
        exposed = QRectF(rng.uniform(-500, 36000), rng.uniform(-100, 900), rng.uniform(1, 6000), rng.uniform(1, 600))
        whole = [b.getRect() for b in stage_label_boxes(stage, width) if b.intersects(exposed)]
        assert [b.getRect() for b in stage_label_boxes(stage, width, exposed)] == whole
    wide = StageLine("interaction", 300.0, 100.0, 2_000_000.0)
    assert len(stage_label_boxes(wide, 80)) > 1600
    assert len(stage_label_boxes(wide, 80, QRectF(1_000_000, 0, 1400, 900))) <= 2
