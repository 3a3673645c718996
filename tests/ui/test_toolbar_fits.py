"""Every toolbar button in view on a 1024-wide window: in English "Redesign steps" and
"Presentation mode" were hidden behind the toolbar's "»". Buttons with an icon give up their
text first (kept as tooltip); on a wide window every button shows its text again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton


def extension(toolbar):
    return [b for b in toolbar.findChildren(QToolButton) if b.objectName() == "qt_toolbar_ext_button"]


def assert_all_in_view(window):
    toolbar = window.toolbar
    assert not any(b.isVisible() for b in extension(toolbar))
    for action in toolbar.actions():
        if action.isSeparator():
            continue
        button = toolbar.widgetForAction(action)
        assert button is not None and button.isVisible(), action.text()
        right = button.mapTo(toolbar, button.rect().topRight()).x()
        assert right < toolbar.width(), action.text()
        if isinstance(button, QToolButton) and button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly \
                and not button.icon().isNull():
            assert button.toolTip(), action.text()          # a name on hover


@pytest.mark.parametrize("sample_in", ["en", "ko"], indirect=True)
def test_every_toolbar_button_is_in_view(sample_in, qtbot):
    window = sample_in
    toolbar = window.toolbar
    window.resize(1024, 768)
    qtbot.waitUntil(lambda: window.width() == 1024)
    qtbot.wait(30)
    assert_all_in_view(window)
    present = toolbar.widgetForAction(window.actions.present)
    assert present.icon().isNull() or present.toolButtonStyle() != Qt.ToolButtonStyle.ToolButtonIconOnly

    window.resize(1440, 900)
    qtbot.waitUntil(lambda: window.width() == 1440)
    qtbot.wait(30)
    assert_all_in_view(window)
    for action in toolbar.actions():
        button = toolbar.widgetForAction(action)
        if isinstance(button, QToolButton) and not action.isSeparator() and not button.icon().isNull():
            assert button.toolButtonStyle() != Qt.ToolButtonStyle.ToolButtonIconOnly, action.text()

    other = "ko" if window.session.store.select("workshop")[0].language == "en" else "en"
    window.resize(1024, 768)                  # the other language rebuilds the toolbar
    window.set_language(other)
    qtbot.waitUntil(lambda: window.width() == 1024)
    qtbot.wait(30)
    assert_all_in_view(window)
