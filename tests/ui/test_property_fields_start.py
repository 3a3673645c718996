"""A property field holding a text longer than the field shows its beginning (Qt's setText
leaves the end in view: "ds exchange) MOT/VOC process — As-Is"), with the whole text as a
tooltip; after the user types in it and leaves with Tab, the beginning is in view again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_long_title_shows_its_start(window, qtbot, tmp_path, lang):
    from mot_workshop.sample.builder import build_sample

    window.set_language(lang)
    assert window.files.open_path(build_sample(tmp_path / "sample.motw", lang))
    window.resize(1024, 768)
    store = window.session.store
    maps = sorted(store.select("process_map"), key=lambda m: -len(m.title))
    window.open_map(maps[0].id)
    qtbot.waitUntil(lambda: any(e.text() == maps[0].title and e.isVisible()
                                for e in window.properties.findChildren(QLineEdit)))
    edit = next(e for e in window.properties.findChildren(QLineEdit) if e.text() == maps[0].title)
    assert edit.fontMetrics().horizontalAdvance(edit.text()) > edit.width()      # it cannot show whole
    assert edit.cursorPosition() == 0 and edit.cursorRect().left() < 8
    assert edit.toolTip() == maps[0].title
    QTest.mouseClick(edit, Qt.MouseButton.LeftButton)
    QTest.keyClick(edit, Qt.Key.Key_End)
    QTest.keyClicks(edit, " 2")
    QTest.keyClick(edit, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: store.get("process_map", maps[0].id).title == maps[0].title + " 2")
    assert not edit.hasFocus()
    assert edit.cursorPosition() == 0 and edit.cursorRect().left() < 8
    assert edit.toolTip() == maps[0].title + " 2"
