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
