"""The canvas keeps the room: side panels leave it at least 60 % of a 1440-wide window on
every tab, and the touchpoint palette shows only beside the cycle editor it serves."""

from __future__ import annotations

from tests.ui.test_presentation_room import open_tab
from tests.ui.wizard_fixtures import sample  # noqa: F401


def test_canvas_share_and_palette_placement(sample, qtbot):
    window, _path = sample
    window.resize(1440, 900)
    qtbot.wait(80)
    for which in ("overview", "ring", "map", "step1", "step3", "journey"):
        editor, _title = open_tab(window, which)
        qtbot.wait(30)
        share = window.tabs.width() / window.width()
        assert share >= 0.6, (which, share)
        on_cycle = which in ("ring", "journey")
        assert window.palette_dock.isVisible() == on_cycle, which
