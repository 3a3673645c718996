"""Spreadsheet bombs: a tiny workbook that declares A1:XFD1048576, one with more rows than a
table holds, one that unpacks to far more than its size — read as a stream and refused with
a clear message, never loaded into memory whole."""

from __future__ import annotations

import io
import zipfile

import pytest

from mot_workshop.export.tabular import TableError, read_table
from mot_workshop.export.tabular import files

openpyxl = pytest.importorskip("openpyxl")

HEADER = '<row r="1"><c r="A1" t="inlineStr"><is><t>Description</t></is></c></row>'


def _workbook(path, sheet_xml: str | None = None, extra: dict[str, bytes] | None = None):
    """A real workbook whose first sheet's XML is replaced by ``sheet_xml``."""
    book = openpyxl.Workbook()
    book.active.append(["Description"])
    buffer = io.BytesIO()
    book.save(buffer)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if sheet_xml is not None and info.filename == "xl/worksheets/sheet1.xml":
                data = sheet_xml.encode()
            target.writestr(info.filename, data)
        for name, data in (extra or {}).items():
            target.writestr(name, data)
    return path


def _sheet(rows: str, dimension: str = "A1") -> str:
    return ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f'<dimension ref="{dimension}"/><sheetData>{HEADER}{rows}</sheetData></worksheet>')


def test_a_declared_million_by_sixteen_thousand_sheet_is_read_as_what_it_holds(tmp_path):
    rows = ('<row r="2"><c r="A2" t="inlineStr"><is><t>Empower staff</t></is></c></row>'
            '<row r="3"><c r="A3" t="inlineStr"><is><t>Train staff</t></is></c></row>')
    path = _workbook(tmp_path / "bomb.xlsx", _sheet(rows, "A1:XFD1048576"))
    assert path.stat().st_size < 10_000
    result = read_table(path, "action", {}, default_process=1)
    assert [v["description"] for _, v in result.rows] == ["Empower staff", "Train staff"]


def test_data_beyond_the_columns_a_table_can_have_is_refused(tmp_path):
    rows = '<row r="2"><c r="GS2" t="inlineStr"><is><t>column 201</t></is></c></row>'
    path = _workbook(tmp_path / "wide.xlsx", _sheet(rows, "A1:XFD2"))
    with pytest.raises(TableError, match="more than 200 columns"):
        read_table(path, "action", {}, default_process=1)


def test_more_rows_than_a_table_holds_are_refused_without_reading_them_all(tmp_path, monkeypatch):
    monkeypatch.setattr(files, "MAX_ROWS", 50)
    rows = "".join(f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>x{n}</t></is></c></row>'
                   for n in range(2, 3000))
    path = _workbook(tmp_path / "long.xlsx", _sheet(rows))
    with pytest.raises(TableError, match="more than 50 rows"):
        read_table(path, "action", {}, default_process=1)
    csv_path = tmp_path / "long.csv"
    csv_path.write_text("Description\n" + "".join(f"x{n}\n" for n in range(3000)), encoding="utf-8")
    with pytest.raises(TableError, match="more than 50 rows"):
        read_table(csv_path, "action", {}, default_process=1)


def test_a_workbook_that_unpacks_to_too_much_is_refused_before_parsing(tmp_path, monkeypatch):
    monkeypatch.setattr(files, "MAX_UNPACKED", 1024 * 1024)
    path = _workbook(tmp_path / "zip.xlsx", extra={"xl/padding.bin": b"\0" * (3 * 1024 * 1024)})
    assert path.stat().st_size < 100_000
    with pytest.raises(TableError, match="unpacks to 3 MB"):
        read_table(path, "action", {}, default_process=1)


def test_the_sheet_question_does_not_unpack_a_bomb_either(tmp_path, monkeypatch):
    """The window asks which sheet to read before reading: a workbook whose styles unpack to
    far more than a table needs gives no sheet names (nothing parsed), and the reading then
    refuses it with its message."""
    from openpyxl.reader import excel

    monkeypatch.setattr(files, "MAX_UNPACKED", 1024 * 1024)
    styles = ('<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts>'
              + '<font><sz val="11"/></font>' * 120_000 + "</fonts></styleSheet>").encode()
    path = tmp_path / "styles.xlsx"
    _workbook(path)
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info.filename) for info in source.infolist()}
    parts["xl/styles.xml"] = styles
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)
    assert path.stat().st_size < 100_000
    monkeypatch.setattr(excel, "apply_stylesheet", lambda *a: pytest.fail("the styles were parsed"))
    assert files.sheet_names(path) == []
    with pytest.raises(TableError, match="unpacks to 3 MB"):
        read_table(path, "action", {}, default_process=1)
