"""The touchpoint template libraries (resources/templates) and the palette that offers them."""

from __future__ import annotations

import json

from mot_workshop.domain.enums import Element
from mot_workshop.domain.templates import load_libraries, parse_library
from mot_workshop.resources import resource
from mot_workshop.ui.cycle.mime import from_mime


def test_every_library_has_korean_and_english_names():
    libraries = load_libraries(resource("templates"))
    assert [lib.key for lib in libraries] == ["parking", "department-store", "airline", "clinic-salon"]
    for lib in libraries:
        assert lib.name("ko") and lib.name("en") and lib.description("ko") and lib.description("en")
        for group in lib.groups:
            assert group.name("ko") and group.name("en")
            for item in group.items:
                assert set(item.names) == {"ko", "en"} and all(item.names.values())
                assert isinstance(item.element, Element)


def test_the_method_s_parking_cycle():
    parking = load_libraries(resource("templates"))[0]
    names = [item.name("ko") for item in parking.items]
    assert len(names) == 12
    assert names[0] == "주차장 진입 간판을 본다" and names[3] == "주차 티켓을 받는다"
    assert names[-1] == "주차장을 떠난다"


def test_files_are_plain_json(tmp_path):
    for path in resource("templates").glob("*.json"):
        parse_library(json.loads(path.read_text(encoding="utf-8")))


def test_palette_speaks_the_workshop_language(window):
    palette = window.palette
    palette.set_content_language("ko")
    item = palette.find("주차 티켓을 받는다")
    assert item is not None
    assert from_mime(palette.tree.mimeData([item])) == [{"name": "주차 티켓을 받는다", "element": "SOFT"}]
    unit = palette.find("정산접점")                      # a department-store contact unit
    assert len(from_mime(palette.tree.mimeData([unit]))) == 3
    palette.set_content_language("en")
    assert palette.find("Takes a parking ticket") is not None


def test_mime_ignores_garbage():
    from PySide6.QtCore import QMimeData

    from mot_workshop.ui.cycle.mime import MIME_TOUCHPOINTS

    data = QMimeData()
    data.setData(MIME_TOUCHPOINTS, b"{not json")
    assert from_mime(data) == []
    data.setData(MIME_TOUCHPOINTS, json.dumps({"touchpoints": [{"name": "x", "id": 9, "cycle_id": 3}]}).encode())
    assert from_mime(data) == [{"name": "x"}]                  # never ids or cycle ids


def test_each_template_shows_in_its_element_s_colour(window, cycles_file, qtbot):
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QTreeWidgetItemIterator

    from mot_workshop.ui.cycle import style

    path, _ = cycles_file
    assert window.files.open_path(path, quick=True)
    iterator = QTreeWidgetItemIterator(window.palette.tree)
    shown = set()
    while iterator.value():
        item = iterator.value()
        element = item.toolTip(0).split(":")[0]
        if item.childCount() == 0 and element in style.ELEMENT_COLOUR:
            assert item.foreground(0).color().name() == QColor(style.ELEMENT_COLOUR[element]).name()
            shown.add(element)
        iterator += 1
    assert len(shown) >= 2
