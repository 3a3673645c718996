"""File → Export report / worksheets: choose the file and options, export with a progress
dialog that can cancel, then offer to open the PDF.

The export runs on the GUI thread and keeps the window alive through its progress
callback: the PDF code switches the translation language while it writes, which must not
race with widgets translating themselves on another thread.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from mot_workshop.i18n import LANGUAGES, tr
from mot_workshop.i18n.labels import enum_name
from mot_workshop.ui import messages


@dataclass
class ExportOptions:
    path: Path
    lang: str
    paper: str = "a4"
    filled: bool = True
    steps: str = "1-8"


class OptionsDialog(QDialog):
    """Language, paper and (for worksheets) blank or filled and which steps."""

    def __init__(self, parent: QWidget | None, *, lang: str, worksheets: bool):
        super().__init__(parent)
        self.setWindowTitle(tr("Export worksheets") if worksheets else tr("Export report"))
        form = QFormLayout()
        self.lang = QComboBox()
        for code in LANGUAGES:
            self.lang.addItem(enum_name(code), code)
        self.lang.setCurrentIndex(LANGUAGES.index(lang) if lang in LANGUAGES else 0)
        form.addRow(tr("Language"), self.lang)
        self.paper = QComboBox()
        self.paper.addItem(tr("A4 landscape"), "a4")
        self.paper.addItem(tr("A3 landscape (maps)"), "a3")
        form.addRow(tr("Paper"), self.paper)
        if worksheets:          # map sheets are written on: A3 gives room to write
            self.paper.setCurrentIndex(1)
        self.filled = QRadioButton(tr("Filled from this workshop"))
        self.blank = QRadioButton(tr("Blank, for work on paper"))
        self.filled.setChecked(True)
        self.steps = QLineEdit("1-8")
        if worksheets:
            form.addRow(tr("Content"), self.filled)
            form.addRow("", self.blank)
            form.addRow(tr("Steps to print"), self.steps)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        from mot_workshop.export.pdf.worksheets import parse_steps

        try:
            parse_steps(self.steps.text())
        except ValueError as exc:
            messages.warning(self, str(exc))
            return
        self.accept()


def ask_options(window, *, worksheets: bool, lang: str) -> ExportOptions | None:
    dialog = OptionsDialog(window, lang=lang, worksheets=worksheets)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    stem = default_name(window, worksheets=worksheets)
    folder = str(window.session.path.parent) if window.session is not None else os.getcwd()
    name, _ = QFileDialog.getSaveFileName(window, dialog.windowTitle(), os.path.join(folder, stem + ".pdf"),
                                          tr("PDF documents (*.pdf)"))
    if not name:
        return None
    path = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
    return ExportOptions(path, dialog.lang.currentData(), dialog.paper.currentData(),
                         dialog.filled.isChecked(), dialog.steps.text())


def default_name(window, *, worksheets: bool) -> str:
    """The workshop's title and date ("Hanbit workshop 2026-03-14 report"), safe as a file name."""
    import re
    from datetime import date

    kind = tr("worksheets") if worksheets else tr("report")
    session = window.session
    workshop = None
    if session is not None and session.ensure_store():
        workshop = session.store.workshop()
    title = (workshop.title if workshop else "") or ""
    when = (workshop.held_on if workshop else "") or date.today().isoformat()
    name = " ".join(x for x in (title, when, kind) if x)
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", name)
    return re.sub(r"\s+", " ", name).strip(" .")[:120] or kind


def export_report(window, options: ExportOptions | None = None) -> Path | None:
    session = window.session
    if session is None or not session.ensure_store():
        return None
    options = options or ask_options(window, worksheets=False, lang=session.content_language)
    if options is None:
        return None
    from mot_workshop.export.pdf.report import export_report as write

    snapshot = session.store.snapshot()
    return _run(window, tr("Exporting the session report…"), options.path,
                lambda progress: write(options.path, snapshot, lang=options.lang, paper=options.paper,
                                       progress=progress))


def export_worksheets(window, options: ExportOptions | None = None) -> Path | None:
    session = window.session
    lang = session.content_language if session is not None and session.ensure_store() else "ko"
    options = options or ask_options(window, worksheets=True, lang=lang)
    if options is None:
        return None
    from mot_workshop.export.pdf.worksheets import export_worksheets as write, parse_steps

    snapshot = session.store.snapshot() if options.filled and session is not None else None
    steps = parse_steps(options.steps)
    return _run(window, tr("Exporting the worksheets…"), options.path,
                lambda progress: write(options.path, snapshot=snapshot, steps=steps, lang=options.lang,
                                       paper=options.paper, progress=progress))


def _run(window, label: str, path: Path, job) -> Path | None:
    from mot_workshop.export.pdf.progress import ExportCancelled

    dialog = QProgressDialog(label, tr("Cancel"), 0, 100, window)
    dialog.setWindowTitle("MOT Workshop")
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setValue(0)

    def progress(done: int, total: int, message: str) -> bool:
        dialog.setMaximum(max(1, total))
        dialog.setValue(min(done, total))
        if message:
            dialog.setLabelText(f"{label}\n{message}")
        QApplication.processEvents()
        return not dialog.wasCanceled()

    try:
        out = job(progress)
    except ExportCancelled:
        window.statusBar().showMessage(tr("Export cancelled; nothing was written."), 5000)
        return None
    except OSError as exc:
        messages.error(window, tr("The PDF could not be written."), f"{path}: {exc.strerror or exc}")
        return None
    except Exception as exc:   # noqa: BLE001 — any failure of the exporter is told, not lost
        detail = str(exc).strip().splitlines()[0][:300] if str(exc).strip() else type(exc).__name__
        messages.error(window, tr("The PDF could not be made; nothing was written."), detail)
        window.statusBar().showMessage(tr("Export failed; nothing was written."), 8000)
        return None
    finally:
        dialog.close()
    window.statusBar().showMessage(tr("Wrote {path}", path=str(out)), 8000)
    if not messages.batch_mode and _ask_to_open(window, out):
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(out)))
    return out


def _ask_to_open(window, path: Path) -> bool:
    answer = QMessageBox.question(window, "MOT Workshop", tr("{name} is ready. Open it now?", name=path.name),
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes
