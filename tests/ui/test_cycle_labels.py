"""Touchpoint names on the screen's ring are placed by the same placement as the printed
cycle (``layout.cycle_ring.place_ring_labels``): no name overlaps another name, any node
(with its chips and badge), the IN / OUT markers or the summary in the middle — on the
sample's cycles (ko and en) and on a crowded cycle of long names, also after a drag along
the ring. Checked on the scene items a person sees."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtTest import QTest

from mot_workshop.editing.entities import CreateEntity
from mot_workshop.editing.history import History
from mot_workshop.persistence.store import Store
from mot_workshop.ui.cycle import style

LONG = ["Looks for the car-park entrance sign from the main road", "Drives down the narrow ramp into the car park",
        "Is waved on by the parking attendant at the barrier", "Takes a paper parking ticket from the machine",
        "Circles the floors looking for a free space near the lifts", "Parks between two pillars",
        "Walks to the store entrance past the delivery bay", "Shops", "Returns to the car carrying heavy bags",
        "Drives to the exit", "Pays the parking fee at the unattended machine", "Leaves the car park"]


def _text_rects(scene) -> dict[int, QRectF]:
    return {tp.id: scene.items_by_id[tp.id].label.mapRectToScene(scene.items_by_id[tp.id].label.text_rect())
            for tp in scene.touchpoints}


def _circle_hits_rect(cx: float, cy: float, r: float, rect: QRectF) -> bool:
    nx = min(max(cx, rect.left()), rect.right())
    ny = min(max(cy, rect.top()), rect.bottom())
    return math.hypot(cx - nx, cy - ny) < r


def assert_names_clear(scene) -> None:
    rects = _text_rects(scene)
    ids = list(rects)
    assert ids and all(r.width() > 4 and r.height() > 4 for r in rects.values())
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            assert not rects[a].intersects(rects[b]), (scene.items_by_id[a].label.text, scene.items_by_id[b].label.text)
    for tp in scene.touchpoints:
        item = scene.items_by_id[tp.id]
        reach = item.radius + style.node_extent(item.radius)
        for other_id, rect in rects.items():
            assert not _circle_hits_rect(item.pos().x(), item.pos().y(), reach, rect), (
                f"name of {scene.items_by_id[other_id].label.text!r} covers node {tp.name!r}")
        # each name stays near its own node (a leader line joins it when it had to move)
        own = rects[tp.id]
        near = math.hypot(min(max(item.pos().x(), own.left()), own.right()) - item.pos().x(),
                          min(max(item.pos().y(), own.top()), own.bottom()) - item.pos().y())
        assert near < reach + 140
        if item.leader.isVisible():
            end = item.mapToScene(item.leader.line().p2())
            assert own.adjusted(-1, -1, 1, 1).contains(end)
    for box in [*scene.ring.gate_boxes(), scene.summary.sceneBoundingRect()]:
        for rect in rects.values():
            assert not rect.intersects(box)


def _long_names_file(path, count: int) -> int:
    store = Store.create(path, title="Crowded", language="en")
    try:
        history = History(store)
        cycle = CreateEntity("cycle", {"name": "Car park, long names"})
        history.push(cycle)
        for i in range(count):
            history.push(CreateEntity("touchpoint", {
                "cycle_id": cycle.id, "name": LONG[i % len(LONG)], "level": i % 5 + 1,
                "importance": i % 5 + 1, "critical": i % 7 == 3, "element": "HUMAN"}))
        return cycle.id
    finally:
        store.close()


@pytest.mark.parametrize("count", [12, 30])
def test_long_names_never_overlap_names_or_nodes(window, qtbot, tmp_path, count):
    path = tmp_path / "crowded.motw"
    cycle_id = _long_names_file(path, count)
    assert window.files.open_path(path)
    editor = window.open_cycle(cycle_id)
    qtbot.waitExposed(editor.ring_view)
    assert_names_clear(editor.ring_view.scene())


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_sample_cycles_names_are_clear(window, qtbot, tmp_path, lang):
    from mot_workshop.sample import build_sample

    path = build_sample(tmp_path / f"sample-{lang}.motw", lang)
    with Store.open(path, read_only=True) as store:
        cycles = [c.id for c in store.select("cycle")]
    assert window.files.open_path(path)
    for cycle_id in cycles:
        editor = window.open_cycle(cycle_id)
        qtbot.waitExposed(editor.ring_view)
        if editor.ring_view.scene().touchpoints:
            assert_names_clear(editor.ring_view.scene())


def test_names_stay_clear_after_a_drag_along_the_ring(window, qtbot, tmp_path):
    path = tmp_path / "crowded.motw"
    cycle_id = _long_names_file(path, 12)
    assert window.files.open_path(path)
    editor = window.open_cycle(cycle_id)
    qtbot.waitExposed(editor.ring_view)
    view, scene = editor.ring_view, editor.ring_view.scene()
    view.fit()
    first = scene.items_by_id[scene.touchpoints[0].id]
    target = scene.layout.nodes[5].center
    viewport = view.viewport()
    a, b = view.mapFromScene(first.pos()), view.mapFromScene(target.x, target.y)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    for i in range(1, 13):
        QTest.mouseMove(viewport, QPoint(a.x() + (b.x() - a.x()) * i // 12, a.y() + (b.y() - a.y()) * i // 12))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)
    assert scene.touchpoints[0].name != LONG[0]          # the order changed
    assert_names_clear(scene)
