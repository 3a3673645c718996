"""Dialogs a person can read and close on a 1024×768 screen, in Korean and English:
a long report (an import's fifty changes, thirty bad rows) keeps its box shorter than the
screen — the rest in the scrolling details, the buttons on screen (a BPMN report of fifty
changes made a 1,200-px-high box);
the team-server dialogs show a host name whole and every column of the workshop list."""

from __future__ import annotations

import datetime
import pytest
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QInputDialog, QLineEdit, QMessageBox

SCREEN_H = 768


def shown_boxes(qtbot, monkeypatch, answer=None) -> list:
    """Message boxes shown for real (not waited on): height, buttons' bottoms, texts."""
    seen = []

    def shown(box):
        box.show()
        qtbot.waitExposed(box)
        box.adjustSize()
        bottoms = [b.mapTo(box, b.rect().bottomLeft()).y() for b in box.buttons() if b.isVisible()]
        seen.append((box.height(), bottoms, box.informativeText(), box.detailedText()))
        button = box.button(answer) if answer is not None else None
        box.close()
        if button is not None:
            monkeypatch.setattr(box, "clickedButton", lambda: button)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", shown)
    return seen


def check_box(seen, lines: list[str], lang: str) -> None:
    height, bottoms, informative, details = seen
    assert height <= SCREEN_H - 100, "the box is taller than the screen leaves room for"
    assert bottoms and max(bottoms) <= height              # its buttons on screen
    assert details.splitlines() == lines                    # every line still there, in the details
    assert informative.splitlines()[0] == lines[0]
    more = "more lines in the details" if lang == "en" else "자세한 정보에 있습니다"
    assert more in informative.splitlines()[-1]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_thirty_bad_rows_of_an_import_fit_the_screen(window, qtbot, tmp_path, monkeypatch, lang):
    import csv
    import io

    from pathlib import Path

    from mot_workshop.export.tabular import export_table, table_format
    from mot_workshop.sample.builder import build_sample
    from mot_workshop.ui import interchange_menu

    window.set_language(lang)
    assert window.files.open_path(build_sample(tmp_path / "sample.motw", lang))
    store = window.session.store
    rows = list(csv.reader(io.StringIO(export_table(store.snapshot(), "voc", table_format(Path("voc.csv")), lang).decode("utf-8-sig"))))
    column = rows[0].index("Characteristic" if lang == "en" else "특성")
    bad = []
    for i in range(40):                                   # forty rows with a characteristic no one knows
        row = list(rows[1])
        row[column] = f"Colour {i}"
        bad.append(row)
    path = tmp_path / "voc.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows + bad)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    kinds = {"en": "VOC", "ko": "VOC"}
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(
        lambda *a, **k: (next(t for t in a[3] if kinds[lang] in t), True)))
    seen = shown_boxes(qtbot, monkeypatch, answer=QMessageBox.StandardButton.No)
    interchange_menu.import_table(window)
    assert len(seen) == 1
    lines = seen[0][3].splitlines()
    assert len(lines) == 30                                 # the first thirty problems, all in the details
    check_box(seen[0], lines, lang)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_long_report_keeps_its_box_on_screen(window, qtbot, monkeypatch, lang):
    from mot_workshop.ui import messages

    window.set_language(lang)
    lines = ["Found: pools 2, lanes 2, tasks 15, sub-processes 8, call activities 1, gateways 7, events 47"]
    lines += [f" - Event_{i:03d}: an interrupting boundary event became a connector after its activity"
              for i in range(50)]
    seen = shown_boxes(qtbot, monkeypatch)
    messages.info(window, "Imported kitchen-sink.bpmn.", "\n".join(lines))
    check_box(seen[0], lines, lang)
    short = shown_boxes(qtbot, monkeypatch)
    messages.info(window, "Imported small.bpmn.", "\n".join(lines[:3]))
    assert short[0][2] == "\n".join(lines[:3]) and short[0][3] == ""     # a short report stays as it was


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_connect_dialog_shows_a_host_name_whole(qtbot, lang):
    from mot_workshop.i18n import set_language
    from mot_workshop.ui.team_server.connect_dialog import ConnectDialog

    set_language(lang)
    dialog = ConnectDialog(None, "postgresql://facilitator@workshops.consultancy-example.com:5432/consulting")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for edit in dialog.findChildren(QLineEdit):
        assert edit.cursorPosition() == 0                    # the beginning in view
        assert edit.fontMetrics().horizontalAdvance(edit.text()) <= edit.contentsRect().width() - 6, edit.text()
    buttons = dialog.findChild(QDialogButtonBox)
    for button in buttons.buttons():
        assert button.fontMetrics().horizontalAdvance(button.text()) <= button.width()


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_workshop_list_shows_every_column(qtbot, lang):
    from mot_workshop.i18n import set_language
    from mot_workshop.ui.team_server.workshops_dialog import WorkshopsDialog

    set_language(lang)
    when = datetime.datetime(2026, 11, 30, 9, 5, tzinfo=datetime.timezone.utc)
    long_title = ("Hanbit Department Store customer-service MOT/VOC analysis and process redesign workshop"
                  if lang == "en" else "한빛백화점 고객서비스 MOT/VOC 분석 및 프로세스 개선 워크숍 (본점 12층 문화홀)")

    class Entry:
        def __init__(self, title, facilitator):
            self.id, self.title, self.facilitator, self.last_change = hash(title), title, facilitator, when

    class Server:
        where = "workshops.example.com:5432/consulting"

        def workshops(self):
            return [Entry(long_title, "Hayun Jung"), Entry("Parking pilot", "Mikyung Yoon")]

    dialog = WorkshopsDialog(Server())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    table, header = dialog.table, dialog.table.horizontalHeader()
    assert sum(header.sectionSize(c) for c in range(3)) <= table.viewport().width() + 1
    assert not table.horizontalScrollBar().isVisible()
    metrics = table.fontMetrics()
    for column in (1, 2):                                   # facilitator and date whole
        for row in range(table.rowCount()):
            assert metrics.horizontalAdvance(table.item(row, column).text()) <= header.sectionSize(column)
    assert table.item(0, 0).toolTip() == long_title          # a cut title whole as a tooltip
