"""Worksheet tables as CSV (UTF-8 with BOM) and XLSX: Korean round trips, formula
neutralisation, every bad row reported by number, nothing imported unless bad rows are
skipped on purpose, and the import is one undoable step."""

from __future__ import annotations

import csv
import hashlib
import io

import pytest

from mot_workshop.cli import main
from mot_workshop.editing.history import History
from mot_workshop.editing.imports import import_rows_command
from mot_workshop.export.tabular import TABLES, TableError, export_table, read_table, table_kind
from mot_workshop.export.tabular.columns import table_fields
from mot_workshop.i18n import set_language
from mot_workshop.i18n.labels import field_name
from mot_workshop.persistence.store import Store
from mot_workshop.sample import build_sample

openpyxl = pytest.importorskip("openpyxl")


@pytest.fixture(scope="module")
def sample_path(tmp_path_factory):
    return build_sample(tmp_path_factory.mktemp("sample") / "sample.motw", "ko")


@pytest.fixture(scope="module")
def sample(sample_path):
    with Store.open(sample_path, read_only=True) as store:
        return store.snapshot()


def fresh_copy(tmp_path, sample):
    """An empty workshop with the sample's processes (same names), to import rows into."""
    path = tmp_path / "fresh.motw"
    store = Store.create(path, title="새 워크숍")
    from mot_workshop.editing.entities import CreateEntity

    history = History(store)
    for process in sample.all("process"):
        history.push(CreateEntity("process", {"name": process.name}))
    return store


def comparable(snapshot, kind):
    names = {p.id: p.name for p in snapshot.all("process")}
    return [(names.get(e.process_id), *(getattr(e, f.name) for f in table_fields(kind))) for e in
            sorted(snapshot.all(kind), key=lambda e: (e.process_id or 0, e.seq, e.id))]


@pytest.mark.parametrize("fmt", [".csv", ".xlsx"])
@pytest.mark.parametrize("table", sorted(TABLES))
def test_every_table_round_trips_in_korean(table, fmt, sample, tmp_path):
    kind = table_kind(table)
    path = tmp_path / f"{table}{fmt}"
    path.write_bytes(export_table(sample, kind, fmt, "ko"))
    store = fresh_copy(tmp_path, sample)
    try:
        processes = {p.name: p.id for p in store.select("process")}
        result = read_table(path, kind, processes)
        assert not result.problems, [str(p) for p in result.problems]
        History(store).push(import_rows_command(kind, [v for _, v in result.rows]))
        assert comparable(store.snapshot(), kind) == comparable(sample, kind)
        assert len(result.rows) == len(sample.all(kind)) > 0
    finally:
        store.close()


def test_csv_is_utf8_with_bom_and_korean_headers(sample):
    data = export_table(sample, "voc", ".csv", "ko")
    assert data.startswith(b"\xef\xbb\xbf")
    header = next(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert header[0] == "프로세스" and field_name("requirement", "ko") in header
    english = export_table(sample, "voc", ".csv", "en").decode("utf-8-sig").splitlines()[0]
    assert english.startswith("Process,")


def test_headers_in_either_language_are_accepted(sample, tmp_path):
    en = tmp_path / "en.csv"
    en.write_bytes(export_table(sample, "target", ".csv", "en"))
    processes = {p.name: p.id for p in sample.all("process")}
    assert not read_table(en, "target", processes).problems


DANGER = ["=HYPERLINK(\"http://example.invalid\",\"click\")", "+1+2", "-2+3", "@SUM(A1)", "\tTAB", "안전한 글"]


@pytest.mark.parametrize("fmt", [".csv", ".xlsx"])
def test_formulas_are_neutralised_and_come_back_as_typed(fmt, history, tmp_path):
    from mot_workshop.editing.entities import CreateEntity

    history.push(CreateEntity("process", {"name": "=악성 프로세스"}))
    pid = history.store.select("process")[0].id
    for text in DANGER:
        history.push(CreateEntity("action", {"process_id": pid, "description": text, "owner": text}))
    snapshot = history.store.snapshot()
    data = export_table(snapshot, "action", fmt, "ko")
    path = tmp_path / f"actions{fmt}"
    path.write_bytes(data)
    if fmt == ".csv":
        cells = [c for row in csv.reader(io.StringIO(data.decode("utf-8-sig"))) for c in row]
        for cell in cells:
            assert not str(cell).startswith(("=", "+", "-", "@", "\t")), cell
        assert "'=악성 프로세스" in cells and "안전한 글" in cells
    else:                     # text cells typed as text, quote-prefixed, no visible apostrophe
        sheet = openpyxl.load_workbook(path).active
        cells = [c for row in sheet.iter_rows(min_row=2) for c in row if c.value is not None]
        assert all(c.data_type == "s" for c in cells if isinstance(c.value, str))
        assert "=악성 프로세스" in [c.value for c in cells] and "안전한 글" in [c.value for c in cells]
        assert all(c.quotePrefix for c in cells if str(c.value).startswith(("=", "+", "-", "@")))
    result = read_table(path, "action", {"=악성 프로세스": pid})
    assert not result.problems
    assert [v["description"] for _, v in result.rows] == DANGER


def write_csv(path, rows):
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)


BAD_TABLE = [
    ["프로세스", "측정지표", "종류", "현재 수준", "목표 수준", "클수록 좋음"],
    ["교환", "교환 시간", "정량", "40", "15", "아니오"],          # row 2: good
    ["교환", "", "정량", "40", "15", "예"],                       # row 3: measure is required
    ["없는 프로세스", "만족도", "정성", "보통", "좋음", "예"],      # row 4: unknown process
    ["교환", "대기", "정량", "마흔", "15", "예"],                  # row 5: quantitative needs numbers
    ["교환", "재방문", "어쩌면", "1", "2", "아마"],                 # row 6: two bad cells
    ["", "", "", "", "", ""],                                     # row 7: empty, ignored
    ["교환", "만족도", "Qualitative", "보통", "좋음", "yes"],       # row 8: good (English words too)
]


@pytest.fixture
def exchange(history):
    from mot_workshop.editing.entities import CreateEntity

    history.push(CreateEntity("process", {"name": "교환"}))
    return history.store.select("process")[0].id


def test_bad_rows_are_reported_by_number(exchange, tmp_path):
    path = tmp_path / "targets.csv"
    write_csv(path, BAD_TABLE)
    result = read_table(path, "target", {"교환": exchange})
    assert result.bad_rows == [3, 4, 5, 6]
    assert [n for n, _ in result.rows] == [2, 8]
    messages = [str(p) for p in result.problems]
    assert any(m.startswith("Row 4: 프로세스") for m in messages)
    assert sum(1 for p in result.problems if p.row == 6) == 2


def test_xlsx_rows_are_checked_the_same_way(exchange, tmp_path):
    book = openpyxl.Workbook()
    for row in BAD_TABLE:
        book.active.append(row)
    path = tmp_path / "targets.xlsx"
    book.save(path)
    result = read_table(path, "target", {"교환": exchange})
    assert result.bad_rows == [3, 4, 5, 6] and [n for n, _ in result.rows] == [2, 8]


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_cli_imports_nothing_from_a_file_with_bad_rows(exchange, history, workshop_path, tmp_path, capsys):
    history.store.close()
    table = tmp_path / "targets.csv"
    write_csv(table, BAD_TABLE)
    before = digest(workshop_path)
    assert main(["import-table", str(workshop_path), str(table), "--table", "targets", "--lang", "en"]) == 1
    err = capsys.readouterr().err
    for row in (3, 4, 5, 6):
        assert f"Row {row}:" in err
    assert "nothing was imported" in err
    with Store.open(workshop_path) as store:
        assert store.count("target") == 0
    assert main(["import-table", str(workshop_path), str(table), "--table", "targets", "--skip-bad-rows", "--lang", "en"]) == 0
    assert "Imported 2 rows. Skipped 4 bad rows." in capsys.readouterr().out
    with Store.open(workshop_path) as store:
        assert [t.measure for t in store.select("target")] == ["교환 시간", "만족도"]
    assert digest(workshop_path) != before


def test_cli_export_writes_csv_and_xlsx(sample_path, tmp_path, capsys):
    for name in ("voc.csv", "voc.xlsx"):
        out = tmp_path / name
        assert main(["export-table", str(sample_path), "--table", "voc", "-o", str(out)]) == 0
        assert out.stat().st_size > 0
    book = openpyxl.load_workbook(tmp_path / "voc.xlsx")
    assert book.active["A1"].value == "프로세스"           # the sample workshop is Korean


def test_column_problems_stop_the_whole_file(exchange, tmp_path):
    path = tmp_path / "t.csv"
    write_csv(path, [["프로세스", "측정지표", "측정지표"], ["교환", "x", "y"]])
    with pytest.raises(TableError, match="same field"):
        read_table(path, "target", {"교환": exchange})
    write_csv(path, [["프로세스", "단위"], ["교환", "분"]])
    with pytest.raises(TableError, match="Measure"):
        read_table(path, "target", {"교환": exchange})


def test_cp949_csv_from_korean_excel_is_read(exchange, tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes("프로세스,측정지표\r\n교환,교환 시간\r\n".encode("cp949"))
    result = read_table(path, "target", {"교환": exchange})
    assert [v["measure"] for _, v in result.rows] == ["교환 시간"]


def test_default_process_fills_rows_without_one(exchange, tmp_path):
    path = tmp_path / "a.csv"
    write_csv(path, [["Description", "Owner", "Done"], ["권한 위임", "매장", "No"]])
    result = read_table(path, "action", {}, default_process=exchange)
    assert result.rows[0][1]["process_id"] == exchange and result.rows[0][1]["done"] is False


def test_unknown_table_name_is_a_user_error(sample_path, tmp_path, capsys):
    set_language("en")
    assert main(["export-table", str(sample_path), "--table", "nope", "-o", str(tmp_path / "x.csv"), "--lang", "en"]) == 1
    assert "Unknown table 'nope'" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", [".csv", ".xlsx"])
def test_an_apostrophe_cell_survives_export_and_import_unchanged(fmt, history, tmp_path):
    from mot_workshop.editing.entities import CreateEntity

    history.push(CreateEntity("process", {"name": "교환"}))
    pid = history.store.select("process")[0].id
    texts = ["'=x", "''=y", "'plain", "=z", "'", "it's"]
    for text in texts:
        history.push(CreateEntity("action", {"process_id": pid, "description": text}))
    path = tmp_path / f"actions{fmt}"
    path.write_bytes(export_table(history.store.snapshot(), "action", fmt, "en"))
    result = read_table(path, "action", {"교환": pid})
    assert [v["description"] for _, v in result.rows] == texts


def test_xlsx_numbers_are_numbers(sample, tmp_path):
    path = tmp_path / "benchmark.xlsx"
    path.write_bytes(export_table(sample, "benchmark", ".xlsx", "en"))
    sheet = openpyxl.load_workbook(path).active
    numbers = [c for row in sheet.iter_rows(min_row=2) for c in row if isinstance(c.value, (int, float))]
    assert numbers and all(c.data_type == "n" for c in numbers)
    assert not any(isinstance(c.value, str) and c.value.replace(".", "").isdigit()
                   for row in sheet.iter_rows(min_row=2) for c in row)


def test_a_bad_choice_names_its_column_once_and_the_choices_as_the_user_writes_them(tmp_path):
    """A wrong Q/C/D/S cell: the message says the column once (it said
    "Characteristic: Characteristic: …") and offers the names as well as the codes."""
    path = tmp_path / "voc.csv"
    write_csv(path, [["Key requirement", "Characteristic"], ["Fast refund", "Speedy"]])
    set_language("en")
    try:
        (problem,) = read_table(path, "voc", {}).problems
        assert str(problem) == ("Row 2: Characteristic: 'Speedy' is not one of Quality (Q), Cost (C), "
                                "Delivery (D), Service (S).")
        set_language("ko")
        (problem,) = read_table(path, "voc", {}).problems
        assert str(problem).count("Characteristic") == 1 and "품질 (Q)" in str(problem)
    finally:
        set_language("en")
