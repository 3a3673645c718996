"""The values of a worksheet's cells and its shared strings, read straight from the XML.

openpyxl builds an object (and parses a tree) for every cell and every shared string before
giving a value: for a 10,000-row table that is most of an import's time. These parts are
simple XML, so they are read here with expat, value by value, exactly as openpyxl's
read-only ``values_only`` rows give them; everything else — which part holds which sheet,
which styles are dates, the workbook's date system — still comes from openpyxl's read-only
workbook. Whatever this reader does not know (another XML vocabulary, a document type
declaration, a value it cannot convert) makes it give up, and openpyxl reads that part
instead, with its own checks and messages.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from typing import Any

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_SEP = " "
_WORKSHEET, _ROW, _CELL, _VALUE, _INLINE, _RUN, _TEXT, _PHONETIC, _TABLE, _ITEM = (
    MAIN + _SEP + tag for tag in ("worksheet", "row", "c", "v", "is", "r", "t", "rPh", "sst", "si"))
_CHUNK = 1 << 20


class _GiveUp(Exception):
    """The sheet holds something this reader leaves to openpyxl."""


class _Enough(Exception):
    """The rows wanted have been read; the rest of the sheet is not parsed."""


class Stopped(Exception):
    """The reading was asked to stop (the user cancelled)."""


STOP_EVERY = 500              # rows between two looks at ``stop``


def open_workbook(source: Any, *, strings: bool = True):
    """openpyxl's read-only workbook (values, not formulas) with its shared strings read here
    (openpyxl's own reader takes them when this one gives up); without them (``strings``
    False) when only the sheets' names are wanted."""
    from openpyxl.reader.excel import ExcelReader

    reader = ExcelReader(source, read_only=True, data_only=True)
    openpyxl_strings = reader.read_strings

    def read_strings() -> None:
        if not strings:
            return
        try:
            from openpyxl.xml.constants import SHARED_STRINGS

            part = reader.package.find(SHARED_STRINGS)
            if part is not None:
                with reader.archive.open(part.PartName[1:]) as src:
                    reader.shared_strings = _Strings().read(src)
        except Exception:  # noqa: BLE001 - anything unusual is openpyxl's to read and to refuse
            openpyxl_strings()

    reader.read_strings = read_strings
    reader.read()
    return reader.wb


def sheet_rows(sheet: Any, max_rows: int, max_columns: int,
               stop: Callable[[], bool] | None = None) -> list[list[Any]] | None:
    """The rows 1..``max_rows`` of an openpyxl read-only worksheet as lists of values (a row
    as long as its last cell within the first ``max_columns``; a missing row is empty), or
    None when openpyxl must read this sheet. Raises Stopped when ``stop()`` turns true."""
    try:
        book = sheet.parent
        source = book._archive.open(sheet._worksheet_path)
        reader = _Reader(sheet._shared_strings, book.epoch, book._date_formats, book._timedelta_formats,
                         max_rows, max_columns, stop)
    except (AttributeError, KeyError, OSError, RuntimeError):
        return None                       # another openpyxl, or a part missing: openpyxl says
    try:
        with source:
            return reader.read(source)
    except Stopped:
        raise
    except Exception:  # noqa: BLE001 - anything unusual is openpyxl's to read and to refuse
        return None


def _parse(source, start, end, characters) -> None:
    from xml.parsers import expat

    parser = expat.ParserCreate(namespace_separator=_SEP)
    parser.buffer_text = True
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = characters
    parser.StartDoctypeDeclHandler = _refuse          # no entities, no expansion bombs
    parser.EntityDeclHandler = _refuse
    while chunk := source.read(_CHUNK):
        parser.Parse(chunk, False)
    parser.Parse(b"", True)


class _Text:
    """The text of a string item (<si> or <is>) as openpyxl gives it: its plain text, then
    its formatted runs, without the phonetic guide (furigana) above it."""

    def __init__(self):
        self.plain: list[str] = []
        self.runs: list[str] = []
        self.text: list[str] = []
        self.capturing = self.in_run = self.phonetic = False

    def begin(self) -> None:
        self.plain.clear()
        self.runs.clear()

    def start(self, name: str) -> None:
        if name == _TEXT:
            if not self.phonetic:
                self.text.clear()
                self.capturing = True
        elif name == _RUN:
            self.in_run = True
        elif name == _PHONETIC:
            self.phonetic = True

    def end(self, name: str) -> None:
        if name == _TEXT:
            if self.capturing:
                (self.runs if self.in_run else self.plain).append("".join(self.text))
            self.capturing = False
        elif name == _RUN:
            self.in_run = False
        elif name == _PHONETIC:
            self.phonetic = False

    def characters(self, data: str) -> None:
        if self.capturing:
            self.text.append(data)

    def value(self) -> str:
        return "".join(self.plain + self.runs)


class _Strings(_Text):
    """The shared-strings part: every distinct text of the workbook, in order."""

    def read(self, source) -> list[str]:
        self.strings: list[str] = []
        self.root_seen = False
        _parse(source, self.start_element, self.end_element, self.characters)
        return self.strings

    def start_element(self, name: str, attrs: dict[str, str]) -> None:
        if name == _ITEM:
            self.begin()
        elif not self.root_seen and name != _TABLE:
            raise _GiveUp(name)
        else:
            self.start(name)
        self.root_seen = True

    def end_element(self, name: str) -> None:
        if name == _ITEM:
            self.strings.append(self.value().replace("x005F_", ""))    # as openpyxl does
        else:
            self.end(name)


class _Reader(_Text):
    """A sheet's rows, value by value."""

    def __init__(self, strings, epoch, date_styles, duration_styles, max_rows: int, max_columns: int,
                 stop: Callable[[], bool] | None = None):
        super().__init__()
        self.stop = stop
        self.strings, self.epoch = strings, epoch
        self.date_styles, self.duration_styles = date_styles, duration_styles
        self.max_rows, self.max_columns = max_rows, max_columns
        self.rows: list[list[Any]] = []
        self.row: list[Any] | None = None        # None: this row is skipped (out of order)
        self.number = 0                          # the current row's number
        self.column = 0
        self.kind = self.style = None
        self.inline = self.root_seen = False

    def read(self, source) -> list[list[Any]]:
        try:
            _parse(source, self.start_element, self.end_element, self.characters)
        except _Enough:
            pass
        return self.rows

    def start_element(self, name: str, attrs: dict[str, str]) -> None:
        if name == _CELL:
            kind = attrs.get("t", "n")
            ref = attrs.get("r")
            self.column = _column(ref) if ref else self.column + 1
            self.kind, self.style = kind, attrs.get("s")
            self.text.clear()
            self.inline = False
        elif name == _VALUE:
            self.text.clear()
            self.capturing = self.kind != "inlineStr"
        elif name == _ROW:
            self.begin_row(attrs.get("r"))
        elif self.inline:
            self.start(name)
        elif name == _INLINE:
            self.inline = True
            self.begin()
        elif not self.root_seen and name != _WORKSHEET:
            raise _GiveUp(name)                       # strict OOXML or something else
        self.root_seen = True

    def begin_row(self, ref: str | None) -> None:
        if ref:
            number = float(ref)
            if not number.is_integer():
                raise _GiveUp(ref)
            number = int(number)
        else:
            number = self.number + 1
        if number > self.max_rows:
            raise _Enough
        if self.stop is not None and number % STOP_EVERY == 0 and self.stop():
            raise Stopped()
        self.number, self.column = number, 0
        if number <= len(self.rows):
            self.row = None                  # a row out of order: openpyxl skips it as well
            return
        while len(self.rows) < number - 1:
            self.rows.append([])
        self.row = []
        self.rows.append(self.row)

    def end_element(self, name: str) -> None:
        if name == _CELL:
            self.put(self.cell_value())
            self.kind = None
        elif name == _VALUE:
            self.capturing = False
        elif self.inline:
            self.end(name)

    def cell_value(self) -> Any:
        kind = self.kind
        if kind == "inlineStr":
            return self.value() if self.inline else None
        text = "".join(self.text)
        if not text:
            return None
        if kind == "n":
            number = float(text) if ("." in text or "e" in text or "E" in text) else int(text)
            style = int(self.style) if self.style else 0
            if style in self.date_styles:
                return _date(number, self.epoch, style in self.duration_styles)
            return number
        if kind == "s":
            return self.strings[int(text)]
        if kind == "str" or kind == "e":
            return text
        if kind == "b":
            return bool(int(text))
        if kind == "d":
            from openpyxl.utils.datetime import from_ISO8601

            return from_ISO8601(text)
        raise _GiveUp(kind)

    def put(self, value: Any) -> None:
        row, column = self.row, self.column
        if row is None or column > self.max_columns or column < 1:
            return
        if column > len(row):
            row.extend([None] * (column - len(row)))
        row[column - 1] = value


def _date(number: float, epoch: _dt.datetime, duration: bool) -> Any:
    from openpyxl.utils.datetime import from_excel

    try:
        return from_excel(number, epoch, timedelta=duration)
    except (OverflowError, ValueError):
        return "#VALUE!"                     # openpyxl's value for a date it cannot be


_COLUMNS: dict[str, int] = {}


def _column(ref: str) -> int:
    letters = ref.rstrip("0123456789")
    index = _COLUMNS.get(letters)
    if index is None:
        index = 0
        if len(letters) > 3:
            raise _GiveUp(ref)
        for ch in letters.upper():
            if not "A" <= ch <= "Z":
                raise _GiveUp(ref)
            index = index * 26 + ord(ch) - 64
        if not index:
            raise _GiveUp(ref)
        if len(_COLUMNS) < 20_000:
            _COLUMNS[letters] = index
    return index


def _refuse(*_args) -> None:
    raise _GiveUp("document type declaration")
