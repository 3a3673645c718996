"""Worksheet tables as CSV (UTF-8 with a byte-order mark, so Excel opens Korean correctly)
and as XLSX (openpyxl, loaded only when a spreadsheet is written or read)."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from mot_workshop.domain.snapshot import Snapshot
from mot_workshop.export.tabular.columns import (
    FORMULA_STARTS,
    TableError,
    TableRead,
    check_rows,
    header_map,
    headers,
    neutralise,
    rows,
    unneutralise,
)
from mot_workshop.i18n import tr
from mot_workshop.i18n.labels import kind_name

MAX_BYTES = 20 * 1024 * 1024
# What a worksheet table can hold. A spreadsheet is read as a stream up to these limits, so
# a workbook declaring A1:XFD1048576 or holding millions of rows is refused, not loaded.
MAX_ROWS = 100_000
MAX_COLUMNS = 200
MAX_UNPACKED = 100 * 1024 * 1024
FORMATS = (".csv", ".xlsx")


def table_format(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise TableError(tr("{name}: a table file must end in .csv or .xlsx.", name=Path(path).name))
    return suffix


def table_data(snapshot: Snapshot, kind: str, lang: str, process_id: int | None = None
               ) -> tuple[list[str], list[list[Any]]]:
    """The header and the rows of a worksheet table (all processes, or one)."""
    names = {p.id: p.name for p in snapshot.all("process")}
    order = {pid: i for i, pid in enumerate(names)}
    entities = [e for e in snapshot.all(kind) if process_id is None or e.process_id == process_id]
    entities.sort(key=lambda e: (order.get(e.process_id, -1), e.seq, e.id))
    return headers(kind, lang), rows(entities, names, lang)


def export_table(snapshot: Snapshot, kind: str, fmt: str, lang: str, process_id: int | None = None) -> bytes:
    """The table as the bytes of a .csv or .xlsx file."""
    head, body = table_data(snapshot, kind, lang, process_id)
    if fmt == ".csv":
        return csv_bytes(head, body)
    return xlsx_bytes(head, body, kind_name(kind, lang))


def csv_bytes(head: Sequence[str], body: Sequence[Sequence[Any]]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(head)
    for row in body:
        writer.writerow(["" if v is None else _csv_text(v) for v in row])
    return out.getvalue().encode("utf-8-sig")


def _csv_text(value: Any) -> str:
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def xlsx_bytes(head: Sequence[str], body: Sequence[Sequence[Any]], title: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    from mot_workshop.domain.text_clean import clean_text

    book = Workbook()
    sheet = book.active
    sheet.title = "".join(c for c in title if c not in "[]:*?/\\")[:31] or "Sheet1"
    sheet.append(list(head))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in body:      # a text written by another program may hold what XML cannot
        sheet.append([clean_text(unneutralise(v)) if isinstance(v, str) else v for v in row])
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"        # never a formula, whatever the text
                if cell.value.startswith(FORMULA_STARTS + ("'",)):
                    cell.quotePrefix = True     # stays text when edited in Excel, no apostrophe shown
    for index, name in enumerate(head, start=1):
        width = max([len(str(name))] + [len(str(r[index - 1])) for r in body if r[index - 1] is not None])
        sheet.column_dimensions[get_column_letter(index)].width = min(60, max(10, width * 1.3))
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# ---------------------------------------------------------------------- reading
def read_table(path: str | Path, kind: str, processes: dict[str, int], *,
               default_process: int | None = None, max_bytes: int = MAX_BYTES,
               sheet: str | None = None, stop: Callable[[], bool] | None = None) -> TableRead:
    """Read and check a .csv or .xlsx table; every bad row is reported with its number.

    The header is the row (among the first ``HEADER_SEARCH``) naming the most columns of the
    table, so a title above it does no harm; in a workbook, ``sheet`` names the sheet, else
    the first sheet with such a header is read. ``stop`` (asked now and then while a long
    table is read) turning true ends the reading with TableError: the user cancelled."""
    path = Path(path)
    fmt = table_format(path)
    try:
        if os.stat(path).st_size > max_bytes:
            raise TableError(tr("{name} is too large to import: {size} MB (at most {limit} MB).",
                                name=path.name, size=f"{os.stat(path).st_size / 1048576:.1f}",
                                limit=f"{max_bytes / 1048576:.0f}"))
        data = path.read_bytes()
    except OSError as exc:
        raise TableError(tr("{name} cannot be read: {detail}", name=path.name,
                            detail=exc.strerror or str(exc))) from None
    score = _header_score(kind)
    notes: list[str] = []
    if fmt == ".csv":
        grid = _csv_grid(data, path.name, score, notes)
    else:
        grid = _xlsx_grid(data, path.name, score, sheet, notes, stop)
    if not grid:
        raise TableError(tr("{name} is empty: it has no header row.", name=path.name))
    top = _header_row(grid, score)
    read = check_rows(kind, grid[top], _stoppable(enumerate(grid[top + 1:], start=top + 2), stop),
                      processes, default_process)
    if top:
        notes.append(tr("The header is on row {row}; the rows above it were left out.", row=top + 1))
    read.notes[:0] = notes
    return read


HEADER_SEARCH = 20
STOP_EVERY = 500          # rows between two looks at ``stop``


class ReadingStopped(TableError):
    def __init__(self) -> None:
        super().__init__(tr("The import was cancelled; nothing was added."))


def _stoppable(rows, stop: Callable[[], bool] | None):
    for n, row in rows:
        if stop is not None and n % STOP_EVERY == 0 and stop():
            raise ReadingStopped()
        yield n, row


def _header_score(kind: str):
    spellings = header_map(kind)

    def score(cells: Sequence[Any]) -> int:
        return sum(1 for c in cells if c is not None and " ".join(str(c).split()).casefold() in spellings)
    return score


def _header_row(grid: list[list[Any]], score) -> int:
    """The index of the first row naming the most columns (0 when none names any)."""
    scores = [score(row) for row in grid[:HEADER_SEARCH]]
    best = max(scores, default=0)
    return scores.index(best) if best else 0


def _csv_grid(data: bytes, name: str, score, notes: list[str]) -> list[list[Any]]:
    from mot_workshop.export.tabular.detect import SEPARATOR_NAMES, decode, separator

    decoded = decode(data)
    if decoded is None:
        raise TableError(tr("{name} is not text in UTF-8, UTF-16 or CP949 (EUC-KR); save it from the "
                            "spreadsheet as CSV UTF-8.", name=name))
    text, encoding = decoded
    try:
        sep = separator(text, score)
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
        grid = _within_limits([row for _, row in zip(range(MAX_ROWS + 2), reader)], name)
    except csv.Error as exc:
        raise TableError(tr("{name} is not a valid CSV file: {detail}", name=name, detail=str(exc))) from None
    if encoding != "UTF-8" or sep != ",":
        notes.append(tr("Read as {encoding} text separated by {separator}.", encoding=encoding,
                        separator=tr(SEPARATOR_NAMES[sep])))
    return grid


def _xlsx_grid(data: bytes, name: str, score, sheet_name: str | None, notes: list[str],
               stop: Callable[[], bool] | None = None) -> list[list[Any]]:
    """A sheet's cells, read as a stream: a workbook that declares a million rows or
    columns, or unpacks to far more than its size, is refused before it can fill the memory."""
    import zipfile

    from mot_workshop.export.tabular.xlsx_cells import open_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(max(0, info.file_size) for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise TableError(tr("{name} is not a valid XLSX workbook: {detail}", name=name, detail=str(exc))) from None
    if unpacked > MAX_UNPACKED:
        raise TableError(tr("{name} unpacks to {size} MB, more than a worksheet table needs "
                            "(at most {limit} MB); it was not read.", name=name,
                            size=f"{unpacked / 1048576:,.0f}", limit=f"{MAX_UNPACKED / 1048576:.0f}"))
    try:
        book = open_workbook(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, SyntaxError) as exc:     # SyntaxError: bad XML
        raise TableError(tr("{name} is not a valid XLSX workbook: {detail}", name=name, detail=str(exc))) from None
    try:
        sheets = book.worksheets
        if sheet_name is not None:
            chosen = [s for s in sheets if s.title == sheet_name]
            if not chosen:
                raise TableError(tr("{name} has no sheet '{sheet}'; its sheets are: {sheets}.", name=name,
                                    sheet=sheet_name, sheets=", ".join(f"'{s.title}'" for s in sheets)))
            candidates = chosen
        else:
            candidates = sheets
        grid: list[list[Any]] = []
        for sheet in candidates:
            grid = _sheet_grid(sheet, stop)
            if sheet_name is not None or any(score(row) for row in grid[:HEADER_SEARCH]):
                if len(sheets) > 1:
                    notes.append(tr("Read the sheet '{sheet}' (the workbook has {count} sheets).",
                                    sheet=sheet.title, count=len(sheets)))
                break
        else:
            grid = _sheet_grid(sheets[0], stop) if sheets else []
    except (KeyError, IndexError, OSError, ValueError, SyntaxError, zipfile.BadZipFile) as exc:
        if isinstance(exc, TableError):
            raise
        raise TableError(tr("{name} is not a valid XLSX workbook: {detail}", name=name, detail=str(exc))) from None
    finally:
        book.close()
    return _within_limits(grid, name)


def sheet_names(path: str | Path) -> list[str]:
    """The sheets of a workbook, in order (for asking which one to read); none for a workbook
    the reading would refuse unread (too large, or unpacking to too much: its message comes
    when it is read)."""
    import zipfile

    from mot_workshop.export.tabular.xlsx_cells import open_workbook

    try:
        if os.stat(path).st_size > MAX_BYTES:
            return []
        with zipfile.ZipFile(path) as archive:
            if sum(max(0, info.file_size) for info in archive.infolist()) > MAX_UNPACKED:
                return []
        book = open_workbook(path, strings=False)
    except Exception:  # noqa: BLE001 - a broken workbook is reported when it is read
        return []
    try:
        return list(book.sheetnames)
    finally:
        book.close()


def _sheet_grid(sheet, stop: Callable[[], bool] | None = None) -> list[list[Any]]:
    from mot_workshop.export.tabular.xlsx_cells import Stopped, sheet_rows

    # rows and columns as far as the limits and no further, whatever the sheet declares
    try:
        rows = sheet_rows(sheet, MAX_ROWS + 2, MAX_COLUMNS + 1, stop)
    except Stopped:
        raise ReadingStopped() from None
    if rows is None:          # a sheet the lean reader leaves to openpyxl's cell objects
        rows = sheet.iter_rows(min_row=1, max_row=MAX_ROWS + 2, min_col=1, max_col=MAX_COLUMNS + 1,
                               values_only=True)
    # XLSX text is literal (no apostrophe convention): guard it so the shared reading
    # step, which takes the CSV apostrophe off, gives it back unchanged
    return [[neutralise(v) if isinstance(v, str) else v for v in _trimmed(row)] for row in rows]


def _trimmed(row: Sequence[Any]) -> list[Any]:
    """A row without its trailing empty cells (a sheet pads every row to its widest)."""
    end = len(row)
    while end and (row[end - 1] is None or row[end - 1] == ""):
        end -= 1
    return list(row[:end])


def _within_limits(grid: list[list[Any]], name: str) -> list[list[Any]]:
    """The grid without trailing empty rows and columns, or TableError when it holds more
    rows or columns than a worksheet table can."""
    def empty(value: Any) -> bool:
        return value is None or (isinstance(value, str) and not value.strip())

    while grid and all(empty(v) for v in grid[-1]):
        grid.pop()
    if len(grid) > MAX_ROWS + 1:
        raise TableError(tr("{name} has more than {limit} rows; a worksheet table holds at most "
                            "{limit}. Split the file.", name=name, limit=f"{MAX_ROWS:,}"))
    if any(len(row) > MAX_COLUMNS and not all(empty(v) for v in row[MAX_COLUMNS:]) for row in grid):
        raise TableError(tr("{name} has more than {limit} columns; a worksheet table has far fewer.",
                            name=name, limit=MAX_COLUMNS))
    return [row[:MAX_COLUMNS] for row in grid]
