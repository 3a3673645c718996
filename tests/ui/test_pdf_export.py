"""File → Export report / worksheets from the window: a real PDF, progress, cancel, open."""

from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from mot_workshop.ui import pdf_export
from mot_workshop.ui.pdf_export import ExportOptions


@pytest.fixture
def no_open(monkeypatch):
    opened = []
    monkeypatch.setattr(pdf_export, "_ask_to_open", lambda window, path: True)
    monkeypatch.setattr(pdf_export.QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    return opened


def test_export_report_writes_the_pdf_and_offers_to_open_it(opened, tmp_path, no_open):
    window, _, _ = opened
    target = tmp_path / "report.pdf"
    out = pdf_export.export_report(window, ExportOptions(target, "en"))
    assert out == target and no_open == [str(target)]
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert "Parking" in text
    assert str(target) in window.statusBar().currentMessage()


def test_export_worksheets_blank_and_filled(opened, tmp_path, no_open):
    window, _, _ = opened
    blank = pdf_export.export_worksheets(window, ExportOptions(tmp_path / "blank.pdf", "ko", filled=False,
                                                               steps="1-2"))
    filled = pdf_export.export_worksheets(window, ExportOptions(tmp_path / "filled.pdf", "en", steps="1-8"))
    assert len(PdfReader(blank).pages) >= 2
    assert "프로세스 분류" in PdfReader(blank).pages[0].extract_text()
    assert len(PdfReader(filled).pages) > len(PdfReader(blank).pages)


def test_cancelling_writes_nothing(opened, tmp_path, monkeypatch, no_open):
    window, _, _ = opened
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: True)
    target = tmp_path / "cancelled.pdf"
    assert pdf_export.export_report(window, ExportOptions(target, "en")) is None
    assert not target.exists() and no_open == []
    assert "cancelled" in window.statusBar().currentMessage()


def test_an_unwritable_folder_is_a_message_not_a_crash(opened, tmp_path, dialogs, no_open):
    window, _, _ = opened
    target = tmp_path / "missing-folder" / "report.pdf"
    assert pdf_export.export_report(window, ExportOptions(target, "en")) is None
    assert any("could not be written" in text for _, text, _ in dialogs)
    assert dialogs[-1][0] == QMessageBox.Icon.Critical


def test_a_failed_export_says_so_in_the_window(opened, tmp_path, dialogs, no_open, monkeypatch):
    from reportlab.platypus.doctemplate import LayoutError

    import mot_workshop.export.pdf.report as report

    def broken(*args, **kwargs):
        raise LayoutError("Flowable <Table> too large on page 3")

    monkeypatch.setattr(report, "report_story", broken)
    window, _, _ = opened
    target = tmp_path / "report.pdf"
    assert pdf_export.export_report(window, ExportOptions(target, "en")) is None
    assert not target.exists() and no_open == []
    icon, text, detail = dialogs[-1]
    assert icon == QMessageBox.Icon.Critical and "could not be made" in text and "too large" in detail
    assert "failed" in window.statusBar().currentMessage()


def test_the_proposed_file_name_is_the_workshop_title_and_date(opened, monkeypatch):
    from PySide6.QtWidgets import QDialog, QFileDialog

    window, _, _ = opened
    proposed = []
    monkeypatch.setattr(pdf_export.OptionsDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (proposed.append(a[2]), ("", ""))[1])
    assert pdf_export.ask_options(window, worksheets=False, lang="en") is None
    name = proposed[0].rsplit("/", 1)[-1]
    workshop = window.session.store.workshop()
    assert name.startswith("UI test workshop") and name.endswith(" report.pdf")
    assert (workshop.held_on or __import__("datetime").date.today().isoformat()) in name


@pytest.mark.parametrize("lang, label", [("en", "Steps to print"), ("ko", "인쇄할 단계")])
def test_the_worksheet_dialog_asks_which_steps_to_print(qtbot, lang, label):
    """The field takes a range of the eight steps ("1-8"); in Korean it read "단계 수" (number of steps)."""
    from PySide6.QtWidgets import QFormLayout

    from mot_workshop.i18n import set_language

    set_language(lang)
    try:
        dialog = pdf_export.OptionsDialog(None, lang=lang, worksheets=True)
        qtbot.addWidget(dialog)
        form = dialog.findChild(QFormLayout)
        assert form.labelForField(dialog.steps).text() == label and dialog.steps.text() == "1-8"
    finally:
        set_language("en")
