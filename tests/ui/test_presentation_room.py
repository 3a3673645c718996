"""Presentation mode on every tab: F5 presents the tab that is showing (fitted, editing bars
hidden, the banner naming it, a hint how to leave); F5 or Esc leaves and every dock,
splitter and the window come back exactly; a map too large to read whole is paged phase by
phase with PgDn / PgUp, its step labels at least 14 px high on a 1440×900 screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QSplitter

from mot_workshop.layout.swimlane import LANE_HEADER_WIDTH, STEP_FONT
from tests.ui.wizard_fixtures import sample  # noqa: F401


def layout_of(window):
    docks = {d.objectName(): (d.isVisible(), d.geometry().getRect()) for d in window.docks()}
    splitters = {id(s): s.sizes() for s in window.findChildren(QSplitter) if s.isVisible()}
    return window.geometry().getRect(), docks, splitters


def present_on_window(window, qtbot, size) -> None:
    """F5, with the window as the projector: the offscreen "screen" is 800×600."""
    QTest.keyClick(window, Qt.Key.Key_F5)
    window.showNormal()
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() == size[0])
    qtbot.wait(50)


def open_tab(window, which: str):
    store = window.session.store
    if which == "overview":
        window.tabs.setCurrentIndex(0)
        return window.tabs.widget(0), None
    if which in ("ring", "journey"):
        cycle = store.select("cycle")[0]
        editor = window.open_cycle(cycle.id, mode=which)
        return editor, cycle.name
    if which == "map":
        m = store.select("process_map")[0]
        editor = window.open_map(m.id)
        return editor, editor.title()
    number = int(which[-1])
    window.wizard_host.open_step(number)
    return window.wizard_host.wizard(), f"Step {number}"


@pytest.mark.parametrize("which", ["overview", "ring", "journey", "map", "step1", "step3"])
def test_f5_presents_the_tab_shown_and_leaving_restores_the_layout(sample, qtbot, which):
    window, _path = sample
    window.resize(1440, 900)
    editor, title = open_tab(window, which)
    qtbot.wait(80)                                   # the panels arrive after the first paint
    before = layout_of(window)
    QTest.keyClick(window, Qt.Key.Key_F5)
    host = window.wizard_host
    assert host.presenting
    assert window.tabs.currentWidget() is editor     # F5 stays on the tab that is showing
    assert not any(d.isVisible() for d in window.docks())
    assert not window.tabs.tabBar().isVisible()
    assert all(not bar.isVisible() for bar in editor.findChildren(type(editor), "editorBar"))
    banner = host.presentation.step_label.text()
    if title:
        assert title in banner
    else:
        assert banner == window.session.store.workshop().title
    assert "Esc" in host.presentation.hint_label.text() and host.presentation.hint_label.isVisible()
    bar = getattr(editor, "bar", None)
    if bar is not None:
        assert not bar.isVisible()
    view = getattr(editor, "current_view", lambda: getattr(editor, "view", None))()
    if view is not None and which not in ("map", "journey"):     # those two are paged when too small
        visible = view.visible_scene_rect().adjusted(-1, -1, 1, 1)
        assert visible.contains(view.content_rect())
    QTest.keyClick(window, Qt.Key.Key_Escape if which != "ring" else Qt.Key.Key_F5)
    assert not host.presenting
    qtbot.waitUntil(lambda: layout_of(window) == before, timeout=2000)
    if bar is not None:
        assert bar.isVisible()


def test_a_large_map_is_paged_with_readable_labels(sample, qtbot):
    window, _path = sample
    window.resize(1440, 900)
    m = window.session.store.select("process_map")[0]
    editor = window.open_map(m.id)
    qtbot.waitExposed(editor.view)
    qtbot.wait(50)
    zoom_before = editor.view.zoom
    window.wizard_host.toggle_presentation(full_screen=False)   # the window stands in for the screen
    host = window.wizard_host
    view = editor.view
    assert view.zoom * STEP_FONT >= 14                           # labels readable from the back
    pager = host.pager
    assert pager is not None and len(pager) > 1
    assert "page 1 of" in host.presentation.step_label.text()
    seen = QRectF()
    for index in range(len(pager)):
        shown = view.visible_scene_rect()
        if pager.headers.isVisible():                            # the frozen lane headers cover a strip
            shown.setLeft(shown.left() + LANE_HEADER_WIDTH)
        seen = seen.united(shown)
        if index < len(pager) - 1:
            before = view.visible_scene_rect()
            QTest.keyClick(window, Qt.Key.Key_PageDown)
            assert view.visible_scene_rect() != before
    assert f"page {len(pager)} of" in host.presentation.step_label.text()
    for step in editor.scene.step_items.values():        # every step was on some page
        assert seen.contains(step.sceneBoundingRect())
    QTest.keyClick(window, Qt.Key.Key_PageUp)
    assert pager.index == len(pager) - 2
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert view.auto_fit
    qtbot.waitUntil(lambda: abs(view.zoom - zoom_before) < 1e-6, timeout=2000)


@pytest.mark.parametrize("size", [(1440, 900), (1024, 768)])
def test_every_page_of_a_paged_map_shows_the_lane_names(sample, qtbot, size):
    """Pages after the first column keep a frozen lane-header column: the left strip of the
    screen shows the same lane names, pixel for pixel, as the first page's real headers."""
    window, _path = sample
    window.resize(*size)
    m = window.session.store.select("process_map")[0]
    editor = window.open_map(m.id)
    qtbot.waitExposed(editor.view)
    window.wizard_host.toggle_presentation(full_screen=False)
    pager = window.wizard_host.pager
    view = editor.view
    assert len(pager) > 2
    strip = round(LANE_HEADER_WIDTH * view.zoom) - 3           # the headers, without the frozen edge line

    def left_strip():
        qtbot.wait(20)
        return view.viewport().grab().toImage().copy(0, 0, strip, view.viewport().height())

    def far(a: int, b: int) -> bool:                   # text edges may shift by a sub-pixel
        return max(abs((a >> k & 255) - (b >> k & 255)) for k in (0, 8, 16)) > 60

    first = left_strip()
    top = view.visible_scene_rect().top()
    assert not pager.headers.isVisible()
    later = [i for i, page in enumerate(pager.pages) if page.left() > 1 and abs(page.top() - pager.pages[0].top()) < 1]
    assert later
    lane_names = [lane.name for lane in editor.scene.layout.lanes]
    for index in later:
        while pager.index < index:
            QTest.keyClick(window, Qt.Key.Key_PageDown)
        assert abs(view.visible_scene_rect().top() - top) < 1
        assert view.visible_scene_rect().left() > LANE_HEADER_WIDTH      # the real headers are off screen
        assert pager.headers.isVisible() and pager.headers.width() >= strip
        shown, expected = left_strip(), first
        differing = sum(1 for x in range(0, strip, 3) for y in range(0, shown.height(), 3)
                        if far(shown.pixel(x, y), expected.pixel(x, y)))
        total = len(range(0, strip, 3)) * len(range(0, shown.height(), 3))
        assert differing / total < 0.03, (index, differing / total, lane_names)
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert pager.headers.parent() is None or not pager.headers.isVisible()


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("size", [(1440, 900), (1024, 768)])
def test_the_presented_ring_s_vote_bar_reads_on_one_line(sample, qtbot, size, lang):
    """In the room's larger type the dot-vote row keeps "N of M dots left" on one line and every
    control whole inside the screen (it had wrapped the count under itself, beside a cut team)."""
    window, _path = sample
    window.set_language(lang)
    window.resize(*size)
    editor, _title = open_tab(window, "ring")
    QTest.keyClick(window, Qt.Key.Key_F5)
    qtbot.wait(50)
    bar = editor.voting
    left = bar.left
    assert left.isVisible() and ("dots left" in left.text() or "남음" in left.text())
    metrics = left.fontMetrics()
    assert left.height() < 2 * metrics.lineSpacing()
    assert left.width() >= metrics.horizontalAdvance(left.text())
    for widget in (bar.title, bar.voter, left, bar.cast_button, bar.take_button):
        right = widget.mapTo(window, widget.rect().topRight()).x()
        assert 0 <= widget.mapTo(window, widget.rect().topLeft()).x() and right <= window.width()
    QTest.keyClick(window, Qt.Key.Key_Escape)


@pytest.mark.parametrize("size", [(1440, 900), (1024, 768)])
def test_a_steps_map_is_paged_like_the_map_tab(sample, qtbot, size):
    """Steps 3, 5 and 8 show their map inside the page: presented, it is paged with labels
    at least 14 px high as well (whole, it was drawn at 6–9 px), the banner naming the step
    and the page; Alt+PgDn to the next map step pages its map; Esc gives the zoom back."""
    from mot_workshop.ui.swimlane.editor import MapEditor

    window, _path = sample
    window.resize(*size)
    host = window.wizard_host
    host.open_step(3)
    qtbot.wait(50)
    editor = next(m for m in host.wizard().pages[3].findChildren(MapEditor) if m.isVisible())
    view = editor.view
    zoom_before = view.zoom
    present_on_window(window, qtbot, size)
    assert host.presenting and host.pager is not None and host.pager.editor is editor
    assert len(host.pager) > 1
    assert view.zoom * STEP_FONT >= 14
    banner = host.presentation.step_label.text()
    assert banner.startswith("Step 3 · ") and "(page 1 of" in banner
    seen = QRectF()
    for index in range(len(host.pager)):
        shown = view.visible_scene_rect()
        if host.pager.headers.isVisible():
            shown.setLeft(shown.left() + LANE_HEADER_WIDTH)
        seen = seen.united(shown)
        if index < len(host.pager) - 1:
            QTest.keyClick(window, Qt.Key.Key_PageDown)
    for step in editor.scene.step_items.values():        # every step was on some page
        assert seen.contains(step.sceneBoundingRect())
    QTest.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.AltModifier)    # step 4: no map, its charts paged
    from mot_workshop.ui.facilitation.chart_pages import ChartPager

    assert host.current_step == 4 and isinstance(host.pager, ChartPager)
    assert host.presentation.step_label.text().startswith("Step 4 · ")
    QTest.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.AltModifier)    # step 5: the To-Be map
    assert host.current_step == 5 and host.pager is not None
    assert host.pager.view.zoom * STEP_FONT >= 14 and "(page 1 of" in host.presentation.step_label.text()
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert not host.presenting
    host.open_step(3)                    # back where presenting started: the map as it was
    qtbot.waitUntil(lambda: abs(view.zoom - zoom_before) < 1e-6, timeout=2000)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_long_title_leaves_the_banner_hint_and_clock_whole(window, qtbot, tmp_path, lang):
    """On a 1024-wide projector a map's long title and page pushed "F5 or Esc: leave" and the
    clock out of the banner; now the title's middle gives way to "…" (whole as a tooltip) and
    the page number at its end stays."""
    from mot_workshop.editing.entities import UpdateEntity
    from mot_workshop.sample.builder import build_sample

    window.set_language(lang)
    assert window.files.open_path(build_sample(tmp_path / "sample.motw", lang))
    store = window.session.store
    m = store.select("process_map")[0]
    title = m.title + (" — walk-through with the store managers and the logistics centre" if lang == "en"
                       else " — 매장 관리자와 물류센터가 함께 보는 흐름")
    window.session.push(UpdateEntity("process_map", m.id, {"title": title}))
    window.resize(1024, 768)
    editor = window.open_map(m.id)
    qtbot.waitExposed(editor.view)
    QTest.keyClick(window, Qt.Key.Key_F5)
    window.showNormal()                  # the offscreen "screen" is 800×600: the window plays the projector
    window.resize(1024, 768)
    qtbot.waitUntil(lambda: window.width() == 1024)
    QTest.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    presentation = window.wizard_host.presentation
    qtbot.waitUntil(lambda: presentation.clock_label.text() != "")
    qtbot.wait(50)
    for label in (presentation.hint_label, presentation.clock_label):
        right = label.mapTo(window, label.rect().topRight()).x()
        assert label.isVisible() and right <= window.width(), label.text()
        assert label.fontMetrics().horizontalAdvance(label.text()) <= label.width(), label.text()
    step = presentation.step_label
    assert step.text().startswith(title) and "…" in step.shown()
    page = "(page 1 of" if lang == "en" else "(1/"
    assert page in step.text() and step.shown().endswith(step.text()[-10:])   # the page stays in view
    assert step.toolTip() == step.text()
    assert step.fontMetrics().horizontalAdvance(step.shown()) <= step.width()
    QTest.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    QTest.keyClick(window, Qt.Key.Key_Escape)


@pytest.mark.parametrize(("lang", "size"), [("en", (1440, 900)), ("en", (1024, 768)), ("ko", (1024, 768))])
def test_a_presented_journey_is_paged_with_larger_names(window, qtbot, tmp_path, lang, size):
    """Fitted whole, the 12-touchpoint journey's names were 5–7 px high on a projector: now the
    line's whole height is in view with its touchpoint and level names set larger, in pages
    left to right (PgDn), names at least 14 px high on the screen, none of them cut, every
    touchpoint on some page; Esc gives the fitted view and the usual names back."""
    from mot_workshop.sample.builder import build_sample
    from mot_workshop.ui.cycle.label_item import LabelItem

    window.set_language(lang)
    assert window.files.open_path(build_sample(tmp_path / "sample.motw", lang))
    window.resize(*size)
    editor, title = open_tab(window, "journey")
    view = editor.journey_view
    qtbot.waitExposed(view)
    present_on_window(window, qtbot, size)
    host = window.wizard_host
    pager = host.pager
    assert pager is not None and len(pager) > 1
    labels = [item for item in editor.journey_scene.items() if isinstance(item, LabelItem)]
    assert len(labels) == 12
    for label in labels:
        assert label.pixel_size * view.zoom >= 14, (label.text, label.pixel_size * view.zoom)
        assert not any("…" in line for line, _w in label._lines), label.text
    grid = editor.journey_scene.grid
    assert grid._axis_px(grid.layout.left - 12) * view.zoom >= 14       # "5  Very satisfied" … on the axis
    page = "(page 1 of" if lang == "en" else "(1/"
    assert host.presentation.step_label.text().startswith(title) and page in host.presentation.step_label.text()
    content = view.content_rect()
    seen = QRectF()
    whole = set()                                    # names shown whole on one page
    for index in range(len(pager)):
        shown = view.visible_scene_rect()
        assert shown.top() <= content.top() + 1 and shown.bottom() >= content.bottom() - 1   # whole height
        seen = seen.united(shown)
        whole |= {label.text for label in labels if shown.contains(label.sceneBoundingRect())}
        if index < len(pager) - 1:
            QTest.keyClick(window, Qt.Key.Key_PageDown)
    assert seen.adjusted(-1, -1, 1, 1).contains(content)
    assert whole == {label.text for label in labels}
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert not host.presenting and host.pager is None
    assert all(label.pixel_size == LabelItem.PIXEL_SIZE for label in labels)
    qtbot.waitUntil(lambda: view.auto_fit, timeout=2000)


def test_switching_ring_and_journey_while_presenting(sample, qtbot):
    """Ctrl+J while presenting: the journey is paged, back to the ring it is shown whole."""
    window, _path = sample
    window.resize(1024, 768)
    editor, _title = open_tab(window, "ring")
    qtbot.waitExposed(editor.ring_view)
    QTest.keyClick(window, Qt.Key.Key_F5)
    window.showNormal()
    window.resize(1024, 768)
    qtbot.waitUntil(lambda: window.width() == 1024)
    host = window.wizard_host
    assert host.pager is not None and len(host.pager) == 1             # the ring: whole, one page
    QTest.keyClick(window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert editor.mode == "journey"
    assert host.pager is not None and len(host.pager) > 1 and "(page 1 of" in host.presentation.step_label.text()
    from mot_workshop.ui.cycle.label_item import LabelItem

    journey_labels = [i for i in editor.journey_scene.items() if isinstance(i, LabelItem)]
    assert all(label.pixel_size > LabelItem.PIXEL_SIZE for label in journey_labels)
    QTest.keyClick(window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert editor.mode == "ring" and len(host.pager) == 1
    assert all(label.pixel_size == LabelItem.PIXEL_SIZE for label in journey_labels)   # the journey as it was
    qtbot.wait(50)
    assert editor.ring_view.visible_scene_rect().adjusted(-1, -1, 1, 1).contains(editor.ring_view.content_rect())
    QTest.keyClick(window, Qt.Key.Key_Escape)


@pytest.mark.parametrize(("lang", "size"), [("ko", (1024, 768)), ("en", (1024, 768)), ("en", (1440, 900))])
def test_the_presented_ring_names_read_from_the_back(window, qtbot, tmp_path, lang, size):
    """Fitted on a 1024×768 projector the ring's names were 11 px high: presented, they are set
    larger (placed anew, clear of each other and of the nodes), at least 14 px on the screen,
    the whole ring still in view; Esc gives the usual names back."""
    from mot_workshop.sample.builder import build_sample
    from mot_workshop.ui.cycle.label_item import LabelItem

    window.set_language(lang)
    assert window.files.open_path(build_sample(tmp_path / "sample.motw", lang))
    window.resize(*size)
    editor, _title = open_tab(window, "ring")
    view = editor.ring_view
    qtbot.waitExposed(view)
    present_on_window(window, qtbot, size)
    labels = [item.label for item in editor.ring_scene.items_by_id.values()]
    assert len(labels) == 12
    for label in labels:
        assert label.pixel_size * view.zoom >= 14, (label.text, label.pixel_size * view.zoom)
        assert not any("…" in line for line, _w in label._lines), label.text
    boxes = [label.mapRectToScene(label.text_rect()) for label in labels]
    nodes = [(item.scenePos(), item.radius) for item in editor.ring_scene.items_by_id.values()]

    def clear_of(box, centre, radius) -> bool:        # the box's nearest point is outside the disc
        x = min(max(centre.x(), box.left()), box.right())
        y = min(max(centre.y(), box.top()), box.bottom())
        return (x - centre.x()) ** 2 + (y - centre.y()) ** 2 >= radius ** 2

    for i, box in enumerate(boxes):
        assert not any(box.intersects(other) for other in boxes[i + 1:]), labels[i].text
        assert all(clear_of(box, centre, radius) for centre, radius in nodes), labels[i].text
    assert view.visible_scene_rect().adjusted(-1, -1, 1, 1).contains(view.content_rect())
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert all(label.pixel_size == LabelItem.PIXEL_SIZE for label in labels)
