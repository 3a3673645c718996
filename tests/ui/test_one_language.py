"""One language at a time: a diagram draws its labels in the workshop's language while the
menus follow the UI; Qt's own buttons speak Korean in the Korean UI; --sample en opens in
English unless --lang says otherwise; combo boxes fit the longer language."""

from __future__ import annotations

import argparse

import pytest
from PySide6.QtWidgets import QMessageBox

from mot_workshop.editing.entities import CreateEntity
from mot_workshop.editing.history import History
from mot_workshop.persistence.store import Store
from mot_workshop.ui.launch import ui_language
from tests.ui.wizard_fixtures import page


def korean_workshop(path):
    store = Store.create(path, title="주차 워크숍", language="ko")
    h = History(store)
    cycle = CreateEntity("cycle", {"name": "주차"})
    h.push(cycle)
    for i, name in enumerate(("입구 표지판을 본다", "주차권을 받는다")):
        h.push(CreateEntity("touchpoint", {"cycle_id": cycle.id, "name": name, "level": i + 2, "critical": True}))
    store.close()
    return cycle.id


def texts_of(scene) -> str:
    from PySide6.QtWidgets import QGraphicsSimpleTextItem, QGraphicsTextItem

    out = []
    for item in scene.items():
        if isinstance(item, QGraphicsTextItem):
            out.append(item.toPlainText())
        elif isinstance(item, QGraphicsSimpleTextItem):
            out.append(item.text())
        for name in ("lines", "entries", "title"):
            value = getattr(item, name, None)
            if isinstance(value, (list, tuple)):
                out.extend(str(v) for v in value)
    return " ".join(out)


def test_the_ring_speaks_the_workshop_language_in_an_english_window(window, tmp_path, qtbot):
    path = tmp_path / "ko.motw"
    cycle_id = korean_workshop(path)
    assert window.files.open_path(path)
    editor = window.open_cycle(cycle_id)
    qtbot.waitExposed(editor.ring_view)
    assert window.menuBar().actions()[0].text() == "&File"          # the UI: English
    legend = editor.ring_scene.legend
    drawn = texts_of(editor.ring_scene) + " " + repr(getattr(legend, "__dict__", {}))
    assert "체감 수준" in drawn or "약한" in drawn, drawn[:400]
    assert "Experienced level (customer satisfaction)" not in drawn
    window.set_language("ko")
    window.set_language("en")                                       # a UI switch leaves the diagram alone
    drawn = texts_of(editor.ring_scene) + " " + repr(getattr(editor.ring_scene.legend, "__dict__", {}))
    assert "Experienced level (customer satisfaction)" not in drawn


def test_qt_buttons_in_korean(window):
    window.set_language("ko")
    box = QMessageBox(window)
    box.setStandardButtons(QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
    assert box.button(QMessageBox.StandardButton.Cancel).text().replace("&", "") in ("취소", "취소(C)")
    window.set_language("en")
    box2 = QMessageBox(window)
    box2.setStandardButtons(QMessageBox.StandardButton.Cancel)
    assert box2.button(QMessageBox.StandardButton.Cancel).text().replace("&", "") == "Cancel"


def test_sample_language_opens_the_window_in_it():
    assert ui_language(argparse.Namespace(lang=None, sample="en"), "ko") == "en"
    assert ui_language(argparse.Namespace(lang="ko", sample="en"), "en") == "ko"
    assert ui_language(argparse.Namespace(lang=None, sample=None), "en") == "en"


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_step_status_is_never_cut(window, tmp_path, lang):
    path = tmp_path / "w.motw"
    Store.create(path, title="W", language="en").close()
    assert window.files.open_path(path)
    window.set_language(lang)
    status = page(window, 2).status
    metrics = status.fontMetrics()
    widest = max(metrics.horizontalAdvance(status.itemText(i)) for i in range(status.count()))
    assert status.width() >= widest + 20
