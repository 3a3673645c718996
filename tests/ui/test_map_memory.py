"""What an open map keeps per item: a 10,000-step map has 22,000 of them, and each Qt value
object kept (a point, a path) costs hundreds of bytes. A flow item keeps its route as the
layout's own (x, y) pairs and makes its points, label point and path only when asked."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath

from mot_workshop.persistence.store import Store
from mot_workshop.ui.swimlane.flow_item import ARROW
from mot_workshop.ui.swimlane.scene import MapScene
from tests.ui.test_map_incremental import big_map  # noqa: F401  (fixture)


def _scene(path, map_id) -> MapScene:
    with Store.open(path) as store:
        data = [store.select(kind, map_id=map_id) for kind in ("lane", "phase", "step", "flow")]
    scene = MapScene(editable=True)
    scene.show_map(*data)
    return scene


def test_a_flow_item_keeps_plain_pairs_and_makes_its_qt_values_when_asked(qapp, big_map):  # noqa: F811
    scene = _scene(*big_map)
    lay = scene.layout
    assert scene.flow_items
    for fid, item in scene.flow_items.items():
        kept = vars(item).values()
        assert not any(isinstance(v, (QPointF, QPainterPath)) for v in kept), fid
        assert not any(isinstance(v, (list, tuple)) and v and isinstance(v[0], QPointF) for v in kept), fid
        route = lay.routes[fid]
        assert all(a is b for a, b in zip(item._route, route))      # the layout's pairs, not copies
        assert item.points == [QPointF(x, y) for x, y in route]
        path = item.path
        assert [(path.elementAt(i).x, path.elementAt(i).y) for i in range(path.elementCount())] == \
            [(float(x), float(y)) for x, y in route]
        (x1, y1), (x2, y2) = route[0], route[-1]
        label = lay.label_points.get(fid)
        assert item.label_point == (QPointF(*label) if label is not None else QPointF((x1 + x2) / 2, (y1 + y2) / 2))
        # the bounds are the path's own bounds (and its label's), with room for the arrowhead
        bounds = path.boundingRect()
        if item.label_rect() is not None:
            bounds = bounds.united(item.label_rect())
        assert item.boundingRect() == bounds.adjusted(-ARROW - 6, -ARROW - 6, ARROW + 6, ARROW + 6), fid


def test_a_previewed_flow_takes_qt_points_and_shows_them(qapp, big_map):  # noqa: F811
    scene = _scene(*big_map)
    item = next(iter(scene.flow_items.values()))
    points = [QPointF(10, 20), QPointF(60, 20), QPointF(60, 90)]
    item.set_points(points, preview=True)
    assert item.points == points and item.preview
    assert item.label_point == QPointF(35, 55)
    assert item.boundingRect().contains(QRectF(10, 20, 50, 70))
