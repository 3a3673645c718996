"""Dialogs a person can read and close on a 1024×768 screen, in Korean and English:
a long import report keeps its box shorter than the screen (the rest in the scrolling
details, the OK button on screen; the kitchen-sink BPMN file made a 1,200-px-high box);
the team-server dialogs show a host name whole and every column of the workshop list."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QInputDialog, QLineEdit, QMessageBox

DATA = Path(__file__).parent.parent / "data" / "bpmn"
SCREEN_H = 768


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_long_import_report_fits_the_screen(window, qtbot, tmp_path, monkeypatch, lang):
    from mot_workshop.export.bpmn import read_bpmn_file
    from mot_workshop.export.bpmn.report import report_lines
    from mot_workshop.sample.builder import build_sample
    from mot_workshop.ui import interchange_menu

    window.set_language(lang)
    assert window.files.open_path(build_sample(tmp_path / "sample.motw", lang))
    source = DATA / "camunda-5.16-kitchen-sink.bpmn"
    lines = report_lines(read_bpmn_file(source).report)
    assert len(lines) > 30                                  # a long report: the case at stake
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(source), "")))
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: (a[3][0], True)))
    seen = []

    def shown(box):
        box.show()
        qtbot.waitExposed(box)
        box.adjustSize()
        ok = box.button(QMessageBox.StandardButton.Ok)
        seen.append((box.height(), ok.isVisible(), ok.mapTo(box, ok.rect().bottomLeft()).y(),
                     box.informativeText(), box.detailedText()))
        box.close()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", shown)
    interchange_menu.import_bpmn(window)
    assert len(seen) == 1
    height, ok_visible, ok_bottom, informative, details = seen[0]
    assert height <= SCREEN_H - 100 and ok_visible and ok_bottom <= height
    assert details.splitlines() == lines                    # every line still there, in the details
    assert informative.splitlines()[0] == lines[0]
    more = "more lines in the details" if lang == "en" else "자세한 정보에 있습니다"
    assert more in informative.splitlines()[-1]


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
            self.title, self.facilitator, self.last_change = title, facilitator, when

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
