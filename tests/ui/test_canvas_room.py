"""The canvas keeps the room: side panels leave it at least 60 % of a 1440- or 1024-wide
window on every tab, while staying usable (at least 160 px); no tab forces the window wider
than a 1024 screen; the touchpoint palette shows only beside the cycle editor it serves; and
once the user drags a panel edge, a window resize leaves the widths alone."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from tests.ui.test_presentation_room import open_tab
from tests.ui.wizard_fixtures import sample  # noqa: F401


@pytest.mark.parametrize("size", [(1440, 900), (1024, 768)])
def test_canvas_share_and_palette_placement(sample, qtbot, size):
    window, _path = sample
    window.resize(*size)
    qtbot.wait(80)
    for which in ("overview", "ring", "map", *(f"step{n}" for n in range(1, 9)), "journey"):
        editor, _title = open_tab(window, which)
        qtbot.wait(30)
        share = window.tabs.width() / window.width()
        assert share >= 0.6, (which, share)
        assert share <= 0.7, (which, share)                       # and the panels keep theirs
        assert window.minimumSizeHint().width() <= 1024, (which, [(type(c).__name__, c.objectName(), c.minimumSizeHint().width()) for c in editor.findChildren(QWidget) if c.isVisible() and c.minimumSizeHint().width() > 300])
        for dock in window.docks():
            if dock.isVisible():
                assert dock.width() >= 160, (which, [(d.objectName(), d.width(), d.minimumSizeHint().width()) for d in window.docks() if d.isVisible()], window.central.width())
        on_cycle = which in ("ring", "journey")
        assert window.palette_dock.isVisible() == on_cycle, which



@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_steps_map_palette_keeps_every_name_whole(window, qtbot, tmp_path, lang):
    """Inside step 3's page the map is shorter than the shape column: the column scrolls
    instead of squeezing the buttons (their names were cut in half at 1024×768)."""
    from mot_workshop.sample.builder import build_sample
    from mot_workshop.ui.swimlane.editor import MapEditor

    window.set_language(lang)
    assert window.files.open_path(build_sample(tmp_path / "sample.motw", lang))
    window.resize(1024, 768)
    window.wizard_host.open_step(3)
    qtbot.wait(100)
    editor = next(m for m in window.wizard_host.wizard().pages[3].findChildren(MapEditor) if m.isVisible())
    palette = editor.palette
    for button in palette.buttons:
        assert button.height() >= button.sizeHint().height(), button.text()
        assert button.width() >= button.sizeHint().width() - 1, button.text()
    last = palette.buttons[-1]
    if palette.verticalScrollBar().maximum() > 0:          # not all in view: the column scrolls to it
        palette.ensureWidgetVisible(last)
    top = last.mapTo(palette.viewport(), last.rect().topLeft()).y()
    assert 0 <= top and top + last.height() <= palette.viewport().height()
