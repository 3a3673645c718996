"""A step box on the screen shows its label as the printed map does: wrapped at word
boundaries with the text stepping down in size until it fits whole; cut with "…" only when
nothing fits, and then the box's tooltip (on hovering it with the mouse) holds it whole."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtTest import QTest

from mot_workshop.editing.entities import CreateEntity
from mot_workshop.editing.history import History
from mot_workshop.export.pdf.map_drawing import label_is_cut
from mot_workshop.persistence.store import Store
from tests.ui.map_helpers import build_map_file

MEDIUM = "Associate checks the receipt against the membership purchase record and signs the form"
LONG = ("The associate takes the faulty coat back, checks the receipt against the membership purchase "
        "record, photographs the defect for the brand's quality team, fills in the exchange slip in "
        "triplicate and walks the customer to the stock room to choose a replacement of the same size")
SHORT = "Takes the request"


def _map_with_labels(tmp_path):
    path = tmp_path / "labels.motw"
    ids = build_map_file(path)
    with Store.open(path) as store:
        h = History(store)
        made = []
        for i, label in enumerate((SHORT, MEDIUM, LONG)):
            command = CreateEntity("step", {"map_id": ids["map"], "lane_id": ids["lanes"][2],
                                            "phase_id": ids["phases"][i % 2], "shape": "activity", "label": label,
                                            "x": 120.0 + 260 * i, "y": 65.0})
            h.push(command)
            made.append(command.id)
    return path, ids, made


def test_step_boxes_wrap_whole_shrink_and_cut_only_when_nothing_fits(window, qtbot, tmp_path):
    path, ids, (short, medium, long) = _map_with_labels(tmp_path)
    assert window.files.open_path(path)
    editor = window.open_map(ids["map"])
    qtbot.waitExposed(editor.view)
    items = editor.scene.step_items
    start = items[short]._size
    assert items[short]._lines == [SHORT] or " ".join(items[short]._lines) == SHORT

    medium_item = items[medium]
    assert " ".join(medium_item._lines) == MEDIUM, medium_item._lines         # whole, broken between words
    assert medium_item._size < start and not medium_item.label_cut
    # (the box used to stop shrinking as soon as four lines fitted: "…record and signs the f…")

    long_item = items[long]
    assert long_item.label_cut and long_item._lines[-1].endswith("…")
    # the same rule as paper: the printed box cuts exactly the labels the screen cuts
    for sid, label in ((short, SHORT), (medium, MEDIUM), (long, LONG)):
        box = editor.scene.layout.steps[sid].rect
        assert label_is_cut(label, "activity", box.w, box.h) == items[sid].label_cut, label

    # a person hovers the cut box: its tooltip holds the whole label
    editor.view.zoom_reset()
    editor.view.centerOn(long_item.scene_shape_rect().center())
    qtbot.wait(10)
    centre = editor.view.mapFromScene(long_item.scene_shape_rect().center())
    QTest.mouseMove(editor.view.viewport(), centre + QPoint(1, 1))
    QTest.mouseMove(editor.view.viewport(), centre)
    qtbot.waitUntil(lambda: bool(long_item.toolTip()), timeout=2000)
    assert LONG.replace("'", "&#x27;") in long_item.toolTip() or LONG in long_item.toolTip()
