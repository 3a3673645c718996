"""User text that looks like markup, very long names and hundreds of processes: the report
and the worksheets print them as text, never obey them, and never fail to lay out."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from mot_workshop.editing.entities import CreateEntity
from mot_workshop.editing.history import History
from mot_workshop.export.pdf.report import export_report
from mot_workshop.export.pdf.worksheets import export_worksheets
from mot_workshop.persistence.store import Store
from tests.export.pdfcheck import pdf_text, squash


def _images(path) -> int:
    count = 0
    for page in PdfReader(str(path)).pages:
        resources = page.get("/Resources")
        xobjects = resources.get_object().get("/XObject") if resources is not None else None
        if xobjects is not None:
            count += sum(1 for ref in xobjects.get_object().values()
                         if ref.get_object().get("/Subtype") == "/Image")
    return count


def _workshop(tmp_path, build) -> object:
    path = tmp_path / "w.motw"
    with Store.create(path, title="Tom & Jerry <b> workshop", facilitator="<i>Kim</i>") as store:
        build(History(store))
        return store.snapshot()


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_markup_in_names_is_printed_not_obeyed(tmp_path, lang):
    picture = tmp_path / "secret.png"
    from PySide6.QtGui import QImage  # any PNG will do; reportlab would embed it if obeyed

    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(0xFF0000)
    image.save(str(picture))
    hostile = [f'<img src="{picture}"/>', "Tom & Jerry <b>", "<para>unclosed", "a < b > c &amp; d", "$x^2$ \\frac"]

    def build(h):
        for i, name in enumerate(hostile):
            pid = CreateEntity("process", {"name": name, "selected": True, "innovation": 3, "feasibility": i + 1,
                                           "mission": name})
            h.push(pid)
            h.push(CreateEntity("voc", {"process_id": pid.id, "requirement": name}))
            h.push(CreateEntity("obstacle", {"process_id": pid.id, "obstacle": name}))
        h.push(CreateEntity("cycle", {"name": hostile[0]}))
        h.push(CreateEntity("note", {"text": hostile[1]}))

    snap = _workshop(tmp_path, build)
    report = export_report(tmp_path / "r.pdf", snap, lang=lang)
    sheets = export_worksheets(tmp_path / "s.pdf", snapshot=snap, lang=lang)
    for path in (report, sheets):
        assert _images(path) == 0, path
        text = squash(pdf_text(path))
        for name in hostile[1:]:
            assert squash(name) in text, (path.name, name)
        assert squash(hostile[0]) in text


def test_very_long_names_and_hundreds_of_processes_lay_out(tmp_path):
    long_word = "가" * 190 + "x" * 10                     # one 200-character word: split, not overflowing
    long_text = ("An extremely long requirement sentence " * 120)[:4000]    # taller than a page in a cell

    def build(h):
        for i in range(300):
            cmd = CreateEntity("process", {"name": f"Process {i} exchange goods", "selected": i < 2})
            h.push(cmd)
            if i < 2:
                h.push(CreateEntity("voc", {"process_id": cmd.id, "requirement": long_text, "target_customer": long_word}))
                h.push(CreateEntity("obstacle", {"process_id": cmd.id, "obstacle": long_text}))
                h.push(CreateEntity("cycle", {"name": long_word, "process_id": cmd.id}))
        h.push(CreateEntity("note", {"text": long_text}))

    snap = _workshop(tmp_path, build)
    report = export_report(tmp_path / "r.pdf", snap, lang="en")
    sheets = export_worksheets(tmp_path / "s.pdf", snapshot=snap, lang="en", steps=(1, 2, 6))
    assert len(PdfReader(str(report)).pages) > 10
    text = pdf_text(sheets)
    assert "Process 299" in text and squash(long_text)[-30:] in squash(text)
