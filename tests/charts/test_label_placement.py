"""Labels beside their points never overlap each other or the points; the selection
matrix keeps its legend outside the data area; "weakest link" never covers the x labels."""

from __future__ import annotations

from dataclasses import replace

from mot_workshop.domain.cycle import Touchpoint
from mot_workshop.domain.process import Process
from mot_workshop.layout.label_place import place_labels


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_placed_labels_overlap_nothing():
    points = [(100 + 12 * (i % 4), 100 + 10 * (i // 4)) for i in range(12)]       # a crowded cluster
    sizes = [(60, 10)] * 12
    placed = place_labels(points, sizes, area=(0, 0, 400, 300))
    for i, a in enumerate(placed):
        for b in placed[i + 1:]:
            assert not _overlap(a.box, b.box)
        for x, y in points:
            assert not _overlap(a.box, (x - 6, y - 6, x + 6, y + 6))
    assert any(p.leader for p in placed)                 # moved labels get a leader line


def test_selection_matrix_labels_and_legend():
    from mot_workshop.charts.selection import selection_matrix

    names = ["Exchange defective goods", "Refund purchases", "Handle customer complaints", "Settle parking fees",
             "Sell gift certificates", "Deliver purchased goods", "Train sales associates", "Repair appliances"]
    scores = [(4, 5), (3, 3), (3, 4), (5, 4), (4, 2), (3, 3), (4, 3), (3, 3)]
    procs = [Process(id=i + 1, name=n, feasibility=f, innovation=v, selected=i in (0, 3))
             for i, (n, (f, v)) in enumerate(zip(names, scores))]
    fig = selection_matrix(procs, title="Selection matrix", width=6.2, height=3.6)
    renderer = fig.canvas.get_renderer()
    fig.draw(renderer)
    ax = fig.axes[0]
    from matplotlib.text import Text

    boxes = [Text.get_window_extent(t, renderer) for t in ax.texts if t.get_text() in names]
    assert len(boxes) == len(names)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not a.overlaps(b), "labels overlap"
    legend = ax.get_legend().get_window_extent(renderer)
    assert not legend.overlaps(ax.get_window_extent(renderer).shrunk(1, 1)) or legend.y1 <= ax.bbox.y0


def test_weakest_link_note_stays_off_the_axis_labels():
    from mot_workshop.charts.journey import journey_curve

    tps = [Touchpoint(id=i + 1, cycle_id=1, seq=i, name=f"Step {i + 1} of the visit", level=4, importance=3)
           for i in range(8)]
    tps[3] = replace(tps[3], level=1, critical=True)
    fig = journey_curve(tps, width=9.0, height=3.4)
    renderer = fig.canvas.get_renderer()
    fig.draw(renderer)
    ax = fig.axes[0]
    note = next(t for t in ax.texts if t.get_text() in ("Weakest link", "가장 약한 고리"))
    box = note.get_window_extent(renderer)
    for label in ax.get_xticklabels():
        assert not box.overlaps(label.get_window_extent(renderer))
    assert box.y0 >= ax.bbox.y0


def test_cycle_ring_labels_overlap_no_label_and_no_node():
    from matplotlib.patches import Circle

    from mot_workshop.charts.cycle import cycle_wheel

    tps = [Touchpoint(id=i + 1, cycle_id=1, seq=i, name=f"Walks to the store and looks for the entrance {i + 1}",
                      level=1 + i % 5, importance=1 + i % 5, critical=i % 4 == 0) for i in range(16)]
    fig = cycle_wheel(tps, width=10.7, height=4.0)
    renderer = fig.canvas.get_renderer()
    fig.draw(renderer)
    ax = fig.axes[0]
    from matplotlib.text import Text

    # the text's own box (an annotation's extent would include its leader line)
    labels = [Text.get_window_extent(t, renderer) for t in ax.texts if "Walks to the store" in t.get_text()
              and t.get_position() != (0, -0.34)]
    labels = [b for b in labels if b.width > 30][:16]
    assert len(labels) == 16
    nodes = [p.get_window_extent(renderer) for p in ax.patches if isinstance(p, Circle) and p.get_radius() < 0.5]
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            assert not a.overlaps(b), "two touchpoint names overlap"
        for n in nodes:
            assert not a.overlaps(n.shrunk(0.8, 0.8)), "a name covers a node"
