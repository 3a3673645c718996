"""The touchpoint palette in a 768-high window: its templates got ~40 px (two rows) under a
three-line hint. A short panel gives the rows the room and puts the hint in their tooltip;
a tall one shows both."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("sample_in", ["ko", "en"], indirect=True)
@pytest.mark.parametrize("size", [(1024, 768), (1440, 900)])
def test_the_palette_shows_its_templates(sample_in, qtbot, size):
    window = sample_in
    window.resize(*size)
    window.open_cycle(window.session.store.select("cycle")[0].id)
    palette = window.palette
    qtbot.waitUntil(lambda: palette.isVisible(), timeout=2000)
    qtbot.wait(50)
    tree = palette.tree
    row = tree.visualItemRect(tree.topLevelItem(0)).height()
    rows = tree.viewport().height() / row
    assert rows >= 5, (rows, palette.height())
    hint = palette.hint
    if hint.isVisible():
        bottom = hint.mapTo(palette, hint.rect().bottomLeft()).y()
        assert bottom <= palette.height()                      # the hint whole under the rows
    else:
        assert tree.toolTip() == hint.text() and hint.text()   # said on hover instead
    # a taller panel (the user drags its edge): the hint comes back under the rows
    from PySide6.QtCore import Qt

    window.resizeDocks([window.palette_dock], [palette.height() + 160], Qt.Orientation.Vertical)
    qtbot.waitUntil(lambda: hint.isVisible(), timeout=2000)
    assert tree.viewport().height() / row >= 5 and tree.toolTip() == ""
