"""The lean sheet reader gives exactly the values openpyxl gives, for workbooks as openpyxl
writes them (inline strings) and as Excel saves them (shared strings, rich text, phonetic
guides, formulas' cached values, 1904 dates, custom date formats, durations, rows and cells
without numbers, a namespace prefix); what it does not know goes to openpyxl."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mot_workshop.export.tabular import TableError, read_table
from mot_workshop.export.tabular.files import MAX_COLUMNS, MAX_ROWS, _trimmed
from mot_workshop.export.tabular.xlsx_cells import sheet_rows
from benchmarks.big_inputs import excel_saved as shared_strings

openpyxl = pytest.importorskip("openpyxl")
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

# cells as Excel and other programs write them, appended below what openpyxl wrote
HANDMADE = (
    '<row r="{n}"><c r="A{n}" t="str"><f>B1&amp;"!"</f><v>cached text</v></c>'
    '<c r="B{n}" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="C{n}" t="b"><v>1</v></c>'
    '<c r="D{n}" t="b"><v>0</v></c><c r="E{n}"><f>1+1</f><v>2</v></c><c r="F{n}"><v>2.5E3</v></c>'
    '<c r="H{n}" t="inlineStr"><is><r><rPr><b/></rPr><t>rich </t></r><r><t xml:space="preserve">text </t></r>'
    '<rPh sb="0" eb="1"><t>ふりがな</t></rPh></is></c><c r="I{n}" t="inlineStr"><is><t/></is></c>'
    '<c r="J{n}" t="d"><v>2026-12-15T14:30:00</v></c><c r="K{n}" t="s"><v></v></c></row>'
    '<row><c t="inlineStr"><is><t>no numbers</t></is></c><c><v>7</v></c><c r="E{m}"><v>-3</v></c></row>'
    '<row r="{gap}"><c r="b{gap}" t="inlineStr"><is><t>after a gap, lower case</t></is></c></row>'
    '<row r="2"><c r="A2" t="inlineStr"><is><t>out of order: skipped</t></is></c></row>'
)


def workbook_bytes(rows, *, epoch_1904=False, formats=None, extra_xml: str = "") -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    if epoch_1904:
        from openpyxl.utils.datetime import CALENDAR_MAC_1904

        book.epoch = CALENDAR_MAC_1904
    for row in rows:
        sheet.append(row)
    for (row, column), number_format in (formats or {}).items():
        sheet.cell(row, column).number_format = number_format
    buffer = io.BytesIO()
    book.save(buffer)
    data = buffer.getvalue()
    if extra_xml:
        data = _patched(data, lambda xml: xml.replace("</sheetData>", extra_xml + "</sheetData>"))
    return data


def _patched(data: bytes, change) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            part = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                part = change(part.decode("utf-8")).encode("utf-8")
            target.writestr(info, part)
    return out.getvalue()


def both(data: bytes):
    """(the lean reader's rows, openpyxl's rows), each trimmed as the table reader trims them."""
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        lean = sheet_rows(sheet, MAX_ROWS + 2, MAX_COLUMNS + 1)
        reference = [_trimmed(row) for row in sheet.iter_rows(min_row=1, max_row=MAX_ROWS + 2, min_col=1,
                                                               max_col=MAX_COLUMNS + 1, values_only=True)]
    finally:
        book.close()
    while reference and not reference[-1]:
        reference.pop()
    return (None if lean is None else [_trimmed(row) for row in lean]), reference


ROWS = [
    ["Process", "Description", "Owner", "Due date", "Done", "Importance"],
    ["교환", "판정 기준표를 만든다", "  품질팀 ", dt.date(2026, 12, 15), True, 5],
    ["교환", "줄\n바꿈", None, dt.datetime(2026, 12, 15, 14, 30), False, 4.5],
    [None, "=SUM(A1)", "'apostrophe", dt.time(9, 5), None, -12345678901234],
    ["", "", "", dt.timedelta(hours=30, minutes=15), 0, 1e-7],
]
FORMATS = {(2, 4): "yyyy. mm. dd", (3, 4): "m/d/yyyy h:mm", (5, 4): "[h]:mm:ss", (2, 6): "0.00"}


@pytest.mark.parametrize("excel", [False, True], ids=["openpyxl-inline", "excel-shared"])
@pytest.mark.parametrize("epoch_1904", [False, True], ids=["1900", "1904"])
def test_the_lean_reader_gives_what_openpyxl_gives(excel, epoch_1904):
    data = workbook_bytes(ROWS, epoch_1904=epoch_1904, formats=FORMATS,
                          extra_xml=HANDMADE.format(n=len(ROWS) + 1, m=len(ROWS) + 2, gap=len(ROWS) + 5))
    if excel:
        data = shared_strings(data)
    lean, reference = both(data)
    assert lean is not None, "the common case must not fall back to openpyxl's cell objects"
    assert lean == reference
    assert reference[1][3] == dt.datetime(2026, 12, 15) and reference[4][3] == dt.timedelta(hours=30, minutes=15)
    assert reference[len(ROWS)][:6] == ["cached text", "#DIV/0!", True, False, 2, 2500.0]
    assert reference[len(ROWS)][7:9] == ["rich text ", ""]
    assert reference[len(ROWS) + 1] == ["no numbers", 7, None, None, -3]
    assert reference[len(ROWS) + 4] == [None, "after a gap, lower case"]
    assert reference[1][:2] == ["교환", "판정 기준표를 만든다"]          # row 2 kept its first writing


def test_a_namespace_prefix_is_read_and_unknown_vocabularies_go_to_openpyxl():
    data = workbook_bytes(ROWS)
    prefixed = _patched(data, lambda xml: xml.replace(f'<worksheet xmlns="{MAIN}"', f'<x:worksheet xmlns:x="{MAIN}"')
                        .replace("</worksheet>", "</x:worksheet>").replace("<", "<x:").replace("<x:/", "</x:")
                        .replace("<x:x:", "<x:").replace("</x:x:", "</x:").replace("<x:?x:xml", "<?xml"))
    lean, reference = both(prefixed)
    assert lean is not None and lean == reference and reference[1][1] == "판정 기준표를 만든다"
    strict = _patched(data, lambda xml: xml.replace(MAIN, "http://purl.oclc.org/ooxml/spreadsheetml/main"))
    assert both(strict)[0] is None
    unknown_type = _patched(data, lambda xml: xml.replace('t="inlineStr"', 't="zz"', 1))
    assert both(unknown_type)[0] is None


def test_a_document_type_declaration_is_never_expanded(tmp_path):
    laughs = ('<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">' +
              "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8)) + "]>")
    xml = f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&i;</t></is></c></row>' \
          "</sheetData></worksheet>"
    assert lean_of((laughs + xml).encode()) is None
    assert lean_of(xml.replace("&i;", "plain").encode()) == [["plain"]]
    path = tmp_path / "laughs.xlsx"
    path.write_bytes(_patched(workbook_bytes(ROWS), lambda text: text.replace("<worksheet", laughs + "<worksheet", 1)))
    with pytest.raises(TableError, match="is not a valid XLSX workbook"):
        read_table(path, "action", {"교환": 1})


def lean_of(sheet_xml: bytes):
    """The lean reader on a bare sheet part (no workbook around it)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("sheet.xml", sheet_xml)
    with zipfile.ZipFile(buffer) as archive:
        book = SimpleNamespace(_archive=archive, epoch=dt.datetime(1899, 12, 30), _date_formats=set(),
                               _timedelta_formats=set())
        return sheet_rows(SimpleNamespace(parent=book, _worksheet_path="sheet.xml", _shared_strings=[]), 10, 10)


def test_rows_stop_at_the_limit_and_columns_beyond_it_are_not_kept():
    rows = [[f"r{n}c{c}" for c in range(1, 6)] for n in range(1, 40)]
    data = workbook_bytes(rows, extra_xml='<row r="40"><c r="XFD40"><v>1</v></c></row>')
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    lean = sheet_rows(book.worksheets[0], 10, 3)
    assert len(lean) == 10 and lean[9] == ["r10c1", "r10c2", "r10c3"]
    assert sheet_rows(book.worksheets[0], 100, 3)[39] == []
    book.close()


cells = st.one_of(
    st.none(), st.booleans(), st.integers(-10**15, 10**15),
    st.floats(allow_nan=False, allow_infinity=False, width=64).filter(lambda f: abs(f) < 1e300),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=12),
    st.dates(dt.date(1901, 1, 1), dt.date(9999, 12, 31)),
    st.datetimes(dt.datetime(1901, 1, 1), dt.datetime(9999, 12, 31)).map(lambda d: d.replace(microsecond=0)),
)


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(cells, max_size=7), min_size=1, max_size=8), st.booleans(), st.booleans())
def test_any_table_reads_the_same_both_ways(rows, excel, epoch_1904):
    data = workbook_bytes(rows, epoch_1904=epoch_1904)
    if excel:
        data = shared_strings(data)
    lean, reference = both(data)
    assert lean is not None
    while lean and not lean[-1]:
        lean.pop()
    assert lean == reference


def test_a_shared_strings_workbook_imports_like_the_csv(tmp_path):
    rows = [["Process", "Description", "Owner", "Due date", "Done"]] + \
           [["교환", f"과제 {n}", "품질팀", dt.date(2026, 12, 1 + n % 28), n % 2 == 0] for n in range(300)]
    path = tmp_path / "actions.xlsx"
    path.write_bytes(shared_strings(workbook_bytes(rows)))
    result = read_table(path, "action", {"교환": 1})
    assert result.problems == []
    assert [(n, v["description"], v["due"], v["done"]) for n, v in result.rows][:2] == [
        (2, "과제 0", "2026-12-01", True), (3, "과제 1", "2026-12-02", False)]
    assert len(result.rows) == 300


def test_shared_strings_are_read_by_the_lean_reader_and_sheet_names_skip_them(tmp_path, monkeypatch):
    from openpyxl.reader import excel

    from mot_workshop.export.tabular.files import sheet_names
    from mot_workshop.export.tabular.xlsx_cells import open_workbook

    data = shared_strings(workbook_bytes(ROWS, extra_xml=HANDMADE.format(n=9, m=10, gap=14)))
    reference = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
    expected = list(reference._shared_strings)
    assert "판정 기준표를 만든다" in expected and "  품질팀 " in expected

    def not_openpyxl(*_args, **_kwargs):
        raise AssertionError("openpyxl's shared-strings reader was used")

    monkeypatch.setattr(excel.ExcelReader, "read_strings", not_openpyxl)
    assert open_workbook(io.BytesIO(data)).worksheets[0]._shared_strings == expected
    path = tmp_path / "book.xlsx"
    path.write_bytes(data)
    assert sheet_names(path) == ["Sheet"]
    monkeypatch.undo()
    # broken XML in either part: openpyxl reads it after the lean reader gave up, and the
    # import says in one line that the workbook is not valid
    for part, content in (("xl/sharedStrings.xml", b"<sst><si><t>unclosed</sst>"),
                          ("xl/worksheets/sheet1.xml", f'<worksheet xmlns="{MAIN}"><sheetData><row>'.encode())):
        path.write_bytes(_replace_part(data, part, content))
        with pytest.raises(TableError, match="is not a valid XLSX workbook"):
            read_table(path, "action", {"교환": 1})


def _replace_part(data: bytes, name: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info, content if info.filename == name else source.read(info.filename))
    return out.getvalue()


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_a_long_read_stops_when_asked(fmt, tmp_path):
    from benchmarks.big_inputs import write_voc_csv, write_voc_xlsx

    path = (write_voc_xlsx if fmt == "xlsx" else write_voc_csv)(tmp_path / f"voc.{fmt}", 3000)
    looks: list[int] = []

    def stop() -> bool:                    # the user cancels at the second look
        looks.append(1)
        return len(looks) >= 2

    with pytest.raises(TableError, match="cancelled"):
        read_table(path, "voc", {}, stop=stop)
    assert len(looks) == 2
    assert len(read_table(path, "voc", {}, stop=lambda: False).rows) == 3000
