"""A drag along the ring lands where its preview showed it: the order the numbers show just
before the release is the order saved, for every start and every slot."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from tests.ui.conftest import scene_names


def test_every_drag_lands_where_the_preview_showed(editor):
    scene, view = editor.ring_scene, editor.ring_view
    viewport = view.viewport()
    count = len(scene.touchpoints)
    for source in range(count):
        for slot in range(count):
            item = scene.items_by_id[scene.touchpoints[source].id]
            start = view.mapFromScene(item.scenePos())
            node = scene.layout.nodes[slot].center
            end = view.mapFromScene(QPointF(node.x, node.y))
            QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
            for i in range(1, 9):
                QTest.mouseMove(viewport, QPoint(start.x() + (end.x() - start.x()) * i // 8,
                                                 start.y() + (end.y() - start.y()) * i // 8))
            preview = scene_names(scene)
            QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
            saved = [tp.name for tp in editor.session.store.select("touchpoint", cycle_id=editor.cycle_id)]
            assert saved == preview, (source, slot)
            assert scene_names(scene) == saved


def _drag(view, start, end, release=None):
    viewport = view.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for i in range(1, 9):
        QTest.mouseMove(viewport, QPoint(start.x() + (end.x() - start.x()) * i // 8,
                                         start.y() + (end.y() - start.y()) * i // 8))


def test_a_block_dropped_between_two_slots_lands_as_previewed(editor):
    """Two touchpoints selected and dragged together, released half-way between two slots
    (the mouse a few pixels past the last move): what the numbers showed is what is saved."""
    scene, view = editor.ring_scene, editor.ring_view
    count = len(scene.touchpoints)
    for first, slot in ((0, 3), (2, 0), (1, count - 1)):
        ids = [scene.touchpoints[first].id, scene.touchpoints[first + 1].id]
        items = [scene.items_by_id[i] for i in ids]
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         view.mapFromScene(items[0].scenePos()))
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                         view.mapFromScene(items[1].scenePos()))
        assert set(scene.selected_ids()) == set(ids)
        a, b = scene.layout.nodes[slot].center, scene.layout.nodes[min(slot + 1, count - 1)].center
        between = view.mapFromScene(QPointF((a.x + b.x) / 2, (a.y + b.y) / 2))
        start = view.mapFromScene(items[0].scenePos())
        _drag(view, start, between)
        preview = scene_names(scene)
        QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                           between + QPoint(2, 1))
        saved = [tp.name for tp in editor.session.store.select("touchpoint", cycle_id=editor.cycle_id)]
        assert saved == preview, (first, slot)
        assert scene_names(scene) == saved
