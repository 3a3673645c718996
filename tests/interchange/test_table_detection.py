"""Spreadsheets as people save them: the separator and the encoding found, "5.0" where 5
belongs, dates as Excel and Korean users write them stored as ISO dates, a column of the
user's own reported and left out, a title above the header, the data on another sheet of
the workbook (found by its header, or named) — from the command line and the window."""

from __future__ import annotations

import codecs

import openpyxl
import pytest

from mot_workshop.cli import main
from mot_workshop.editing.entities import CreateEntity
from mot_workshop.export.tabular import TableError, read_table
from mot_workshop.export.tabular.dates import iso_date
from mot_workshop.export.tabular.report import imported_rows
from mot_workshop.persistence.store import Store

ROWS = [["프로세스", "설명", "담당", "기한", "완료"],
        ["교환", "판정 기준표를 만든다", "품질팀", "12/15/2026", "아니오"],
        ["교환", "권한 규정을 고친다", "감사팀", "2026. 12. 15.", "예"]]


@pytest.fixture
def exchange(history):
    history.push(CreateEntity("process", {"name": "교환"}))
    return history.store.select("process")[0].id


def as_text(rows, sep=",") -> str:
    return "\r\n".join(sep.join(row) for row in rows) + "\r\n"


@pytest.mark.parametrize("encoding, sep, said", [
    ("utf-8", ",", None),
    ("utf-8-sig", ";", "UTF-8 text separated by semicolons"),
    ("utf-8", "\t", "UTF-8 text separated by tabs"),
    ("utf-16", "\t", "UTF-16 text separated by tabs"),          # Excel's "Unicode text" (with a BOM)
    ("utf-16-le", ",", "UTF-16 text separated by commas"),      # no byte-order mark
    ("cp949", ",", "CP949 (EUC-KR) text"),
    ("euc-kr", ";", "CP949 (EUC-KR) text separated by semicolons"),
])
def test_separator_and_encoding_are_found(exchange, tmp_path, encoding, sep, said):
    path = tmp_path / "actions.csv"
    path.write_bytes(as_text(ROWS, sep).encode(encoding))
    if encoding == "utf-16-le":
        assert not path.read_bytes().startswith(codecs.BOM_UTF16_LE)
    result = read_table(path, "action", {"교환": exchange})
    assert result.problems == []
    assert [(v["description"], v["owner"], v["due"], v["done"]) for _, v in result.rows] == [
        ("판정 기준표를 만든다", "품질팀", "2026-12-15", False), ("권한 규정을 고친다", "감사팀", "2026-12-15", True)]
    if said is None:
        assert result.notes == []
    else:
        assert any(said in note for note in result.notes), result.notes


def test_a_file_in_no_known_encoding_is_one_clear_message(exchange, tmp_path):
    path = tmp_path / "x.csv"
    path.write_bytes(b"\xff\xfe\x00" * 3 + bytes(range(128, 256)) * 4)
    path.write_bytes(bytes([0x80, 0xff, 0xfe, 0x81]) * 50)
    with pytest.raises(TableError, match="is not text in UTF-8, UTF-16 or CP949"):
        read_table(path, "action", {"교환": exchange})


@pytest.mark.parametrize("written, iso", [
    ("12/15/2026", "2026-12-15"), ("1/5/2026", "2026-01-05"), ("15/12/2026", "2026-12-15"),
    ("2026. 12. 15.", "2026-12-15"), ("2026.12.15", "2026-12-15"), ("2026-12-15", "2026-12-15"),
    ("2026/12/15", "2026-12-15"), ("2026년 12월 15일", "2026-12-15"),
    ("2026. 12. 15. 오후 2:30", "2026-12-15 14:30"), ("12/15/2026 2:30 PM", "2026-12-15 14:30"),
    ("2026-12-15 09:05", "2026-12-15 09:05"), ("2026. 12. 15. 오전 12:10", "2026-12-15 00:10"),
])
def test_dates_as_people_write_them(written, iso):
    assert iso_date(written) == iso


@pytest.mark.parametrize("text", ["next week", "2026-13-01", "2/30/2026", "12/15", "15.12.2026", ""])
def test_what_is_not_a_date_stays_as_written(text):
    assert iso_date(text) is None


def test_numbers_written_5_0_and_extra_columns(exchange, tmp_path):
    path = tmp_path / "outputs.csv"
    path.write_text(as_text([["프로세스", "Output", "중요도", "메모"], ["교환", "교환 확인서", "5.0", "내 메모"],
                             ["교환", "영수증", "4", ""], ["교환", "안내문", "4.5", ""]]), encoding="utf-8")
    result = read_table(path, "output_analysis", {"교환": exchange})
    assert [(n, v["importance"]) for n, v in result.rows] == [(2, 5), (3, 4)]
    assert [p.row for p in result.problems] == [4]                       # 4.5 is not a whole number
    assert any("'메모'" in note and "left out" in note for note in result.notes)


def test_thousands_separators_in_numbers(exchange, tmp_path):
    path = tmp_path / "bench.csv"
    path.write_text(as_text([["프로세스", "문제", "자사"], ["교환", "비용", "1,234.5"]], ";"),
                    encoding="utf-8")
    result = read_table(path, "benchmark", {"교환": exchange})
    assert [v["us"] for _, v in result.rows] == [1234.5]


def test_a_title_above_the_header_is_skipped_and_rows_keep_their_numbers(exchange, tmp_path):
    path = tmp_path / "titled.csv"
    path.write_text(as_text([["핵심 보완사항 (8단계)"], [], ROWS[0], ROWS[1], ["교환", "", "", "", ""]]),
                    encoding="utf-8")
    result = read_table(path, "action", {"교환": exchange})
    assert [n for n, _ in result.rows] == [4]
    assert result.bad_rows == [5]
    assert any("header is on row 3" in note for note in result.notes)


def workbook(path, sheets):
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def test_the_sheet_with_the_header_is_read_or_the_one_named(exchange, tmp_path):
    other = [["프로세스", "설명"], ["교환", "다른 시트의 과제"]]
    path = workbook(tmp_path / "book.xlsx", [("표지", [["워크숍 결과"], ["2026-11-30"]]), ("보완사항", ROWS),
                                             ("지난 회차", other)])
    result = read_table(path, "action", {"교환": exchange})
    assert [v["description"] for _, v in result.rows] == ["판정 기준표를 만든다", "권한 규정을 고친다"]
    assert any("'보완사항'" in note for note in result.notes)
    named = read_table(path, "action", {"교환": exchange}, sheet="지난 회차")
    assert [v["description"] for _, v in named.rows] == ["다른 시트의 과제"]
    with pytest.raises(TableError, match="has no sheet '없음'; its sheets are: '표지', '보완사항', '지난 회차'"):
        read_table(path, "action", {"교환": exchange}, sheet="없음")


def test_xlsx_numbers_5_0_and_dates_typed_as_dates(exchange, tmp_path):
    import datetime

    path = workbook(tmp_path / "o.xlsx", [("Sheet", [["Process", "Output", "Importance"], ["교환", "확인서", 5.0]]),
                                          ("A", [["Process", "Description", "Due date"], ["교환", "x", datetime.date(2026, 12, 15)]])])
    assert [v["importance"] for _, v in read_table(path, "output_analysis", {"교환": exchange}).rows] == [5]
    assert [v["due"] for _, v in read_table(path, "action", {"교환": exchange}, sheet="A").rows] == ["2026-12-15"]


def test_the_cli_reads_a_semicolon_cp949_file_and_a_named_sheet(exchange, history, workshop_path, tmp_path, capsys):
    path = tmp_path / "a.csv"
    path.write_bytes(as_text(ROWS + [["교환", "추가 열 테스트", "", "2026-12-15", "아니오", "무시"]], ";").encode("cp949"))
    history.store.close()
    assert main(["import-table", str(workshop_path), str(path), "--table", "actions", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Read as CP949 (EUC-KR) text separated by semicolons." in out
    assert "Imported 3 rows." in out
    book = workbook(tmp_path / "b.xlsx", [("one", ROWS), ("two", [ROWS[0], ROWS[1]])])
    assert main(["import-table", str(workshop_path), str(book), "--table", "actions", "--sheet", "two",
                 "--lang", "en"]) == 0
    assert "Imported 1 row." in capsys.readouterr().out
    with Store.open(workshop_path) as store:
        assert [a.due for a in store.select("action")] == ["2026-12-15"] * 4


def test_counts_are_pluralised():
    from mot_workshop.i18n import set_language

    set_language("en")
    try:
        assert imported_rows(1, 0) == "Imported 1 row."
        assert imported_rows(2, 1) == "Imported 2 rows. Skipped 1 bad row."
        assert imported_rows(0, 3) == "Imported 0 rows. Skipped 3 bad rows."
    finally:
        set_language("ko")
