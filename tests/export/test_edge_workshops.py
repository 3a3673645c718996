"""Reports and filled worksheets of workshops that are only just begun: never a crash."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from mot_workshop.cli import main
from mot_workshop.editing.entities import CreateEntity
from mot_workshop.editing.history import History
from mot_workshop.persistence.store import Store


def empty(history):
    pass


def processes_without_maps(history):
    history.push(CreateEntity("process", {"name": "Exchange defective goods", "selected": True}))
    history.push(CreateEntity("cycle", {"name": "Parking"}))


@pytest.mark.parametrize("build", [empty, processes_without_maps])
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_early_workshops_export(build, lang, tmp_path, capsys):
    path = tmp_path / "early.motw"
    with Store.create(path, title="Early") as store:
        build(History(store))
    report, sheets = tmp_path / "report.pdf", tmp_path / "sheets.pdf"
    assert main(["report", str(path), "-o", str(report), "--lang", lang]) == 0
    assert main(["worksheets", "--from", str(path), "-o", str(sheets), "--lang", lang]) == 0
    assert "Traceback" not in capsys.readouterr().err
    assert len(PdfReader(report).pages) >= 2
    assert len(PdfReader(sheets).pages) >= 9          # every step's sheet, blank where nothing is filled
