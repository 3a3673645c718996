"""Combo boxes and buttons wide enough for the longer language: on every wizard step, the map
and cycle editors, in Korean and English at 1024×768, no visible combo box of the app's own
words cuts its current text, a combo box of names the user typed (processes, teams,
problems) that must cut one shows it whole as its tooltip, and no button cuts its label."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QPushButton, QToolButton

from tests.ui.test_presentation_room import open_tab


def plain(text: str) -> str:
    """Without its mnemonic ("&Open…", "열기(&O)…"): a tool bar shows it so."""
    return re.sub(r"\(&\w\)", "", text).replace("&", "")


def cut_widgets(root) -> list[str]:
    cut = []
    for combo in root.findChildren(QComboBox):
        if combo.isVisible() and combo.currentText():
            text_room = combo.width() - 28                    # frame and arrow
            if combo.fontMetrics().horizontalAdvance(combo.currentText()) > text_room and \
                    combo.toolTip() != combo.currentText():
                cut.append(f"combo {combo.objectName()!r}: {combo.currentText()!r} in {combo.width()} px")
    for button in root.findChildren(QPushButton) + root.findChildren(QToolButton):
        if isinstance(button, QToolButton) and button.isVisible() and not button.icon().isNull() \
                and button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly:
            if not button.toolTip():                    # an icon alone names itself on hover
                cut.append(f"button {button.text()!r}: icon without a name")
            continue
        if button.isVisible() and button.text():
            needed = max(button.fontMetrics().horizontalAdvance(line)
                         for line in button.text().replace("&", "").split("\n")) + 8
            action = button.defaultAction() if isinstance(button, QToolButton) else None
            elided = "…" in button.text() and (action is None or plain(action.text()) != plain(button.text()))
            if button.width() < needed or elided:
                cut.append(f"button {button.text()!r} in {button.width()} px")
    return cut


@pytest.mark.parametrize("sample_in", ["ko", "en"], indirect=True)
def test_nothing_cut_on_any_tab(sample_in, qtbot):
    window = sample_in
    window.resize(1024, 768)
    qtbot.wait(50)
    found = {}
    for which in ("overview", "ring", "map", *(f"step{n}" for n in range(1, 9))):
        editor, _title = open_tab(window, which)
        qtbot.wait(30)
        cut = cut_widgets(window)
        if cut:
            found[which] = cut
    assert found == {}
