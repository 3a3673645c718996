"""A presented map page ends at a phase edge: the part of the screen past the page's column
(the next page's phase) is curtained and names that phase, so no step is shown cut at the
right edge of the screen; the step boxes a page shows are whole from side to side."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtTest import QTest


def uncovered_span(pager, view) -> tuple[float, float]:
    """The scene x range a person sees on the page: right of the frozen headers, left of the curtain."""
    shown = view.visible_scene_rect()
    left, right = shown.left(), shown.right()
    if pager.headers.isVisible():
        left = view.mapToScene(pager.headers.geometry().right() + 1, 0).x()
    if pager.curtain.isVisible():
        right = view.mapToScene(pager.curtain.geometry().left(), 0).x()
    return left, right


@pytest.mark.parametrize("size", [(1440, 900), (1024, 768)])
@pytest.mark.parametrize("sample_in", ["en", "ko"], indirect=True)
def test_no_presented_map_page_shows_a_step_cut_at_its_side(sample_in, qtbot, size):
    window = sample_in
    window.resize(*size)
    store = window.session.store
    editor = window.open_map(store.select("process_map")[0].id)
    qtbot.waitExposed(editor.view)
    host = window.wizard_host
    host.toggle_presentation(full_screen=False)           # the window stands in for the screen
    qtbot.waitUntil(lambda: host.presenting and host.pager is not None, timeout=3000)
    pager, view = host.pager, editor.view
    assert len(pager) > 2
    # At 1440 wide every column of the sample's map fits a page, so every box is whole on its
    # page. At 1024 the sample's first phase and the steps reaching over its edge are wider
    # than a page: that column is shown in overlapping slices, where boxes may be cut.
    whole_columns = size[0] >= 1440
    phases = editor.scene.layout.phases
    curtained = 0
    for index in range(len(pager)):
        while pager.index < index:
            QTest.keyClick(window, Qt.Key.Key_PageDown)
        qtbot.wait(10)
        left, right = uncovered_span(pager, view)
        for step_id, placed in editor.scene.layout.steps.items():
            r = placed.rect
            box = QRectF(r.x, r.y, r.w, r.h)
            if pager.curtain.isVisible():                   # the curtain never falls across a box
                assert not box.left() + 1 < right < box.right() - 1, (index, step_id, box, right)
            if box.right() <= left + 0.5 or box.left() >= right - 0.5:
                continue                                   # on another page
            if whole_columns:
                assert box.left() >= left - 1 and box.right() <= right + 1, (index, step_id, box, left, right)
        if pager.curtain.isVisible():
            curtained += 1
            following = pager.curtain.next_phase
            assert following in [p.name for p in phases]
            phase = next(p for p in phases if p.name == following)
            assert phase.header.left - 1 <= right < phase.header.right      # it starts where that phase does
            assert pager.curtain.width() > 0
    assert curtained                                          # the sample's pages are narrower than the map
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert not host.presenting
    assert not pager.curtain.isVisible()


def test_the_curtain_names_the_next_phase_in_the_ui_language(window, qtbot):
    from mot_workshop.i18n import tr

    window.set_language("ko")
    assert tr("Next: {phase} (PgDn)", phase="승인") == "다음: 승인 (PgDn)"
