"""Fit shows the whole diagram: after Ctrl+0 (or the toolbar's Fit) the view's visible scene
rect holds every item it paints, for every diagram of the sample, at the room's window sizes;
a diagram opens fitted, and the user's zoom and scroll come back when it is opened again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtTest import QTest

from tests.ui.wizard_fixtures import sample  # noqa: F401


def painted_rect(view) -> QRectF:
    """Everything the scene paints, child items (a node's name beside it) included."""
    rect = QRectF()
    for item in view.scene().items():
        if item.isVisible():
            rect = rect.united(item.sceneBoundingRect())
    return rect


def assert_whole(view):
    visible = view.mapToScene(view.viewport().rect()).boundingRect().adjusted(-1, -1, 1, 1)
    assert visible.contains(painted_rect(view)), (visible, painted_rect(view))


def assert_no_scroll_bars(view, qtbot):
    """A diagram wholly in view has nothing to scroll to."""
    qtbot.wait(1)
    assert not view.horizontalScrollBar().isVisible(), view.horizontalScrollBar().maximum()
    assert not view.verticalScrollBar().isVisible(), view.verticalScrollBar().maximum()


def diagrams(window):
    """Every diagram of the open workshop, as (open it, its view) pairs."""
    store = window.session.store
    for cycle in store.select("cycle"):
        yield (lambda c=cycle: window.open_cycle(c.id, mode="ring").ring_view)
        yield (lambda c=cycle: window.open_cycle(c.id, mode="journey").journey_view)
    for m in store.select("process_map"):
        yield (lambda m=m: window.open_map(m.id).view)


@pytest.mark.parametrize("sample_in", ["ko", "en"], indirect=True)
@pytest.mark.parametrize("size", [(1440, 900), (1024, 768)])
def test_fit_shows_every_item_of_every_sample_diagram(sample_in, qtbot, size):
    """Every cycle of the sample (its ring and journey) and every map, in both languages:
    the Korean names are the longer ones beside the ring."""
    window = sample_in
    window.resize(*size)
    qtbot.wait(20)
    count = 0
    for open_view in diagrams(window):
        view = open_view()
        qtbot.waitExposed(view)
        assert_whole(view)                                   # opened fitted
        assert_no_scroll_bars(view, qtbot)
        view.zoom_in()
        view.zoom_in()
        assert not view.auto_fit
        qtbot.wait(1)                                        # zoomed in: scrolling reaches the rest
        assert view.horizontalScrollBar().isVisible() or view.verticalScrollBar().isVisible()
        QTest.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
        assert view.auto_fit
        assert_whole(view)
        assert_no_scroll_bars(view, qtbot)
        view.zoom_in()
        button = window.toolbar.widgetForAction(window.actions.zoom_fit)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert_whole(view)
        assert_no_scroll_bars(view, qtbot)
        count += 1
    assert count >= 6


def test_zoom_and_scroll_come_back_after_a_restart(sample, qtbot):
    from mot_workshop.ui.main_window import MainWindow
    from mot_workshop.ui.settings import Settings

    window, path = sample
    m = window.session.store.select("process_map")[0]
    view = window.open_map(m.id).view
    qtbot.waitExposed(view)
    fitted = view.zoom
    for _ in range(3):
        QTest.keyClick(view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(50)                      # the side panels arrive after the first paint
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum())
    zoom, centre = view.zoom, view.visible_scene_rect().center()
    assert zoom > fitted
    window.close()

    again = MainWindow(Settings())
    qtbot.addWidget(again)
    again.resize(1280, 800)
    again.show()
    assert again.files.open_path(path)
    view2 = again.open_map(m.id).view
    qtbot.waitExposed(view2)
    qtbot.wait(50)
    assert abs(view2.zoom - zoom) < 1e-3
    centre2 = view2.visible_scene_rect().center()
    assert abs(centre2.x() - centre.x()) < 3 and abs(centre2.y() - centre.y()) < 3
    # Fit forgets it: the next opening is fitted again
    again.actions.zoom_fit.trigger()
    again.close_tab(again.tabs.currentIndex())
    view3 = again.open_map(m.id).view
    qtbot.waitExposed(view3)
    assert view3.auto_fit
    assert_whole(view3)
    again.close()
