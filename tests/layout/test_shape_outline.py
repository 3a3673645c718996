"""Every legend shape has one outline, drawn the same on screen and on paper."""

from __future__ import annotations

import pytest

from mot_workshop.domain.enums import Shape
from mot_workshop.layout.shape_outline import outline


def points(commands):
    out = []
    for command, *args in commands:
        if command in ("move", "line"):
            out.append(tuple(args))
        elif command == "curve":
            out.extend([tuple(args[0:2]), tuple(args[2:4]), tuple(args[4:6])])
    return out


@pytest.mark.parametrize("shape", [s.value for s in Shape])
def test_each_shape_stays_in_its_box(shape):
    commands = outline(shape, 10, 20, 150, 60)
    assert commands
    for x, y in points(commands):
        assert 10 <= x <= 160 and 20 <= y <= 20 + 60 * 1.1       # the wave may dip a little


def test_the_decision_is_a_diamond_touching_each_side():
    assert points(outline("decision", 0, 0, 100, 50)) == [(50, 0), (100, 25), (50, 50), (0, 25)]


def test_start_end_is_a_pill_and_the_connector_a_circle():
    assert outline("start-end", 0, 0, 120, 40) == [("round_rect", 0, 0, 120, 40, 20)]
    assert outline("connector", 0, 0, 40, 40) == [("circle", 20, 20, 20)]
