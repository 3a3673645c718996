"""The map's frame (bands, lines, Output / measure / problems rows) is the scene's background,
which the editor's view keeps as a picture. What the person sees must still be what the frame draws: after
a step is dragged into another phase (its info cells move), the view scrolled away and back,
zoomed, and the edit undone, the view equals the same view drawn without the cache."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QGraphicsView

from mot_workshop.editing.entities import UpdateEntity
from tests.ui.map_helpers import drag, map_editor, map_file  # noqa: F401  (fixtures)


def _pixels(editor):
    QApplication.processEvents()
    return editor.view.viewport().grab().toImage()


def _uncached(editor):
    view = editor.view
    view.setCacheMode(QGraphicsView.CacheModeFlag.CacheNone)
    try:
        view.viewport().update()
        return _pixels(editor)
    finally:
        view.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)


def _differing(a, b) -> int:
    assert a.size() == b.size()
    step = 2
    return sum(1 for x in range(0, a.width(), step) for y in range(0, a.height(), step)
               if abs(QColor(a.pixel(x, y)).lightness() - QColor(b.pixel(x, y)).lightness()) > 24)


def test_the_frame_is_kept_as_a_picture(map_editor):
    assert map_editor.view.cacheMode() == QGraphicsView.CacheModeFlag.CacheBackground
    assert all(item is not map_editor.scene.frame for item in map_editor.scene.items())


def test_what_the_cached_frame_shows_is_what_it_draws(window, map_editor, map_file):
    path, ids = map_file
    editor, scene, view = map_editor, map_editor.scene, map_editor.view
    take = ids["steps"][1]                                # "Take request", with a problem in its info cell
    editor.push(UpdateEntity("step", take, {"output": "Request form", "measure": "Minutes to answer"}))
    view.centerOn(scene.step_items[take])
    before = _pixels(editor)
    assert _differing(before, _uncached(editor)) == 0
    item = scene.step_items[take]
    start = item.scene_shape_rect().center()
    drag(view, start, QPointF(start.x() + 420, start.y()))    # into the next phase: the info cells move
    assert scene.step_items[take].scene_shape_rect().center().x() > start.x() + 300
    moved = _pixels(editor)
    assert _differing(moved, before) > 0                  # the edit is seen
    assert _differing(moved, _uncached(editor)) == 0
    bar = view.horizontalScrollBar()
    home = bar.value()
    bar.setValue(bar.maximum())
    _pixels(editor)
    bar.setValue(home)
    view.zoom_in()
    assert _differing(_pixels(editor), _uncached(editor)) == 0
    view.zoom_reset()
    view.centerOn(scene.step_items[take])
    window.stack.undo()
    view.centerOn(QPointF(start))
    assert _differing(_pixels(editor), _uncached(editor)) == 0


def test_after_an_edit_only_the_frame_on_screen_is_drawn(window, map_editor, map_file, monkeypatch):
    """The view is told the whole map's background changed; drawing the whole map's info cells
    for a picture the size of the view made each edit of a big map slower, not faster."""
    path, ids = map_file
    editor, scene, view = map_editor, map_editor.scene, map_editor.view
    view.zoom_in()
    view.zoom_in()
    view.centerOn(scene.step_items[ids["steps"][1]])
    _pixels(editor)
    asked: list = []
    real = type(scene.frame).paint
    monkeypatch.setattr(type(scene.frame), "paint", lambda self, painter, exposed, lang=None:
                        (asked.append(QRectF(exposed)), real(self, painter, exposed, lang))[1])
    editor.push(UpdateEntity("step", ids["steps"][2], {"output": "Receipt checked"}))
    _pixels(editor)
    shown = view.mapToScene(view.viewport().rect()).boundingRect().adjusted(-3, -3, 3, 3)
    assert asked and all(shown.contains(rect) for rect in asked), (asked, shown)
    assert not shown.contains(QRectF(scene.frame.boundingRect()))       # the map is bigger than the view
