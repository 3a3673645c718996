"""Fit on a map takes the scene rect as the map's extent (no walk over every item of a
10,000-step map): that holds only because every item of a map — steps, flows with their
labels and detours, headers, info rows — lies inside it. Checked on every map of the sample
and on the test map after a drag and an added step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF

from mot_workshop.sample import build_sample
from tests.ui.map_helpers import drag, map_editor, map_file  # noqa: F401 (fixtures)


def items_inside(scene) -> list:
    rect = scene.sceneRect()
    return [item for item in scene.items() if item.isVisible() and not item.sceneBoundingRect().isEmpty()
            and not rect.contains(item.sceneBoundingRect())]


def test_every_sample_map_item_lies_inside_the_scene_rect(window, tmp_path, qtbot):
    path = tmp_path / "sample.motw"
    build_sample(path, "en")
    assert window.files.open_path(path)
    for pmap in window.session.store.select("process_map"):
        editor = window.open_map(pmap.id)
        qtbot.waitExposed(editor.view)
        assert editor.scene.step_items and not items_inside(editor.scene), pmap.id
        editor.view.fit()
        assert editor.view.content_rect() == editor.scene.sceneRect()
        shown = editor.view.mapToScene(editor.view.viewport().rect()).boundingRect()
        assert shown.adjusted(-1, -1, 1, 1).contains(editor.scene.itemsBoundingRect())


def test_items_stay_inside_after_edits(map_editor, map_file):
    editor = map_editor
    _, ids = map_file
    scene = editor.scene
    item = scene.step_items[ids["steps"][1]]
    start = item.scene_shape_rect().center()
    drag(editor.view, start, start + QPointF(0, 120))           # into the lane below
    editor.add_shape("decision", False)
    if editor.renaming is not None:
        editor.renaming.finish(commit=False)
    assert len(scene.step_items) == 5 and not items_inside(scene)


@pytest.mark.parametrize("sample_in", ["ko", "en"], indirect=True)
@pytest.mark.parametrize("size", [(1024, 768), (1440, 900)])
def test_a_fitted_map_shows_its_info_rows(sample_in, qtbot, size):
    """Fitted far out (24 % at 1024 wide) a map still shows its Output / measure / problem
    rows as rows with cells, as its steps keep their shapes: they were not painted at all."""
    from PySide6.QtGui import QColor

    from mot_workshop.ui.swimlane import style
    from mot_workshop.ui.swimlane.map_frame import qrect

    window = sample_in
    window.resize(*size)
    for pmap in window.session.store.select("process_map"):
        editor = window.open_map(pmap.id)
        qtbot.waitExposed(editor.view)
        qtbot.wait(30)
        view = editor.view
        assert view.auto_fit
        image = view.viewport().grab().toImage()
        ratio = image.width() / view.viewport().width()
        rows = editor.scene.frame.layout.info_rows
        assert len(rows) == 3
        paper = QColor(style.COLOUR["paper"])
        backdrop = QColor(image.pixel(2, 2))               # the view around the map
        assert backdrop != paper

        def distance(a: QColor, b: QColor) -> int:
            return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue())

        def painted(x: float, y: float) -> QColor:
            point = view.mapFromScene(QPointF(x, y))
            return QColor(image.pixel(int(point.x() * ratio), int(point.y() * ratio)))

        for row in rows:
            box, header = qrect(row.rect), qrect(row.header)
            # the row's paper between its header and its first cell, at its top and its foot
            for x, y in ((header.right() + 40, box.top() + 8), (header.right() + 40, box.bottom() - 8)):
                seen = painted(x, y)
                assert distance(seen, paper) < distance(seen, backdrop), \
                    (pmap.kind, row.kind, seen.name(), backdrop.name(), view.zoom)
