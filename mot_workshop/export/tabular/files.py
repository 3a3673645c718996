"""Worksheet tables as CSV (UTF-8 with a byte-order mark, so Excel opens Korean correctly)
and as XLSX (openpyxl, loaded only when a spreadsheet is written or read)."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from mot_workshop.domain.snapshot import Snapshot
from mot_workshop.export.tabular.columns import (
    TableError,
    TableRead,
    check_rows,
    headers,
    rows,
)
from mot_workshop.i18n import tr
from mot_workshop.i18n.labels import kind_name

MAX_BYTES = 20 * 1024 * 1024
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
        sheet.append([clean_text(v) if isinstance(v, str) else v for v in row])
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"        # never a formula, whatever the text
    for index, name in enumerate(head, start=1):
        width = max([len(str(name))] + [len(str(r[index - 1])) for r in body if r[index - 1] is not None])
        sheet.column_dimensions[get_column_letter(index)].width = min(60, max(10, width * 1.3))
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# ---------------------------------------------------------------------- reading
def read_table(path: str | Path, kind: str, processes: dict[str, int], *,
               default_process: int | None = None, max_bytes: int = MAX_BYTES) -> TableRead:
    """Read and check a .csv or .xlsx table; every bad row is reported with its number."""
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
    grid = _csv_grid(data, path.name) if fmt == ".csv" else _xlsx_grid(data, path.name)
    if not grid:
        raise TableError(tr("{name} is empty: it has no header row.", name=path.name))
    return check_rows(kind, grid[0], ((n, row) for n, row in enumerate(grid[1:], start=2)),
                      processes, default_process)


def _csv_grid(data: bytes, name: str) -> list[list[Any]]:
    for encoding in ("utf-8-sig", "cp949"):    # Korean Excel saves "CSV" in CP949
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise TableError(tr("{name} is neither UTF-8 nor CP949 text.", name=name))
    try:
        return [row for row in csv.reader(io.StringIO(text, newline=""))]
    except csv.Error as exc:
        raise TableError(tr("{name} is not a valid CSV file: {detail}", name=name, detail=str(exc))) from None


def _xlsx_grid(data: bytes, name: str) -> list[list[Any]]:
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise TableError(tr("{name} is not a valid XLSX workbook: {detail}", name=name, detail=str(exc))) from None
    try:
        sheet = book.worksheets[0]
        return [list(row) for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()
