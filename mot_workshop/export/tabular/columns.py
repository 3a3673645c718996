"""The worksheet tables as spreadsheet columns: which fields, their headers, and how a cell
turns into a value and back.

Every table has a "Process" column (the process's name) and one column per field of its
entity, typed from the domain's field info; headers are the field names in the chosen
language, and reading accepts them in either language (or the raw field name). Choices
(QCDS, survey method …) are written as their display names and read back from display
names or codes; yes/no fields as the language's yes/no.

Text that a spreadsheet would run as a formula (starting with = + - @, or a tab or carriage
return) is written to CSV with a leading apostrophe, and the apostrophe is taken off again on
reading (text that starts with an apostrophe gets one more, so ``'=x`` survives). XLSX needs
none: its text cells are typed as text (and quote-prefixed), so they show no apostrophe and
can never become formulas.
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from mot_workshop.domain.base import Entity, FieldInfo, field_infos
from mot_workshop.domain.registry import entity_class
from mot_workshop.i18n import LANGUAGES, tr
from mot_workshop.i18n.labels import enum_name, field_name

# table name -> entity kind (the worksheets of steps 2, 3, 4, 6, 7 and 8)
TABLES: dict[str, str] = {
    "voc": "voc",
    "output-analysis": "output_analysis",
    "benchmark": "benchmark",
    "obstacles": "obstacle",
    "targets": "target",
    "key-indicators": "key_indicator",
    "actions": "action",
}
PROCESS_COLUMN = "process_id"
_SKIPPED = {"seq", "process_id", "source_step_id", "interview_id"}    # order is the row order; links stay in the file
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# free-text columns that hold a date (and time): written as users write them, kept as ISO
DATE_FIELDS = {"held_at", "due"}


class TableError(ValueError):
    """A table file that cannot be read at all; str() is the user message."""


def table_kind(name: str) -> str:
    """The entity kind of a table name ("voc", "output-analysis", "output_analysis" …)."""
    key = name.strip().lower().replace("_", "-")
    if key in TABLES:
        return TABLES[key]
    for table, kind in TABLES.items():
        if key in (kind.replace("_", "-"), table.rstrip("s")):
            return kind
    raise TableError(tr("Unknown table '{name}'; choose one of {tables}.", name=name,
                        tables=", ".join(TABLES)))


def table_fields(kind: str) -> tuple[FieldInfo, ...]:
    return tuple(info for info in field_infos(entity_class(kind)) if info.name not in _SKIPPED)


def headers(kind: str, lang: str) -> list[str]:
    return [field_name(PROCESS_COLUMN, lang)] + [field_name(info.name, lang) for info in table_fields(kind)]


def neutralise(text: str) -> str:
    """Text a spreadsheet would run as a formula gets a leading apostrophe; so does text that
    already starts with an apostrophe the reader would take off (``'=x`` comes back as ``'=x``)."""
    return "'" + text if text.startswith(FORMULA_STARTS) or _guarded(text) else text


def unneutralise(text: str) -> str:
    return text[1:] if _guarded(text) else text


def _guarded(text: str) -> bool:
    return text.startswith("'") and text[1:].startswith(FORMULA_STARTS + ("'",))


def _yes(lang: str) -> str:
    return tr("Yes", lang=lang)


def _no(lang: str) -> str:
    return tr("No", lang=lang)


def cell_value(info: FieldInfo, value: Any, lang: str) -> Any:
    """A field's value as a spreadsheet cell: text, a number, or None for an empty cell."""
    if value is None:
        return None
    if info.is_enum:
        return enum_name(value, lang)
    if info.type is bool:
        return _yes(lang) if value else _no(lang)
    if info.type is str:
        return neutralise(value)
    return value


def rows(entities: Iterable[Entity], process_names: dict[int, str], lang: str) -> list[list[Any]]:
    out = []
    for entity in entities:
        process_id = getattr(entity, "process_id", None)
        row = [neutralise(process_names.get(process_id, "")) if process_id is not None else None]
        row += [cell_value(info, getattr(entity, info.name), lang) for info in table_fields(entity.KIND)]
        out.append(row)
    return out


# ---------------------------------------------------------------------- reading
def header_map(kind: str) -> dict[str, str]:
    """Every accepted spelling of a header (folded) -> field name."""
    out: dict[str, str] = {}
    for name in (PROCESS_COLUMN, *(info.name for info in table_fields(kind))):
        for spelling in (name, *(field_name(name, lang) for lang in LANGUAGES)):
            out.setdefault(_fold(spelling), name)
    out.setdefault(_fold("process"), PROCESS_COLUMN)
    return out


def _fold(text: str) -> str:
    return " ".join(str(text).split()).casefold()


def _choices(info: FieldInfo) -> dict[str, str]:
    return _spellings(info.type)


@functools.cache
def _spellings(choice: type[enum.Enum]) -> dict[str, str]:
    """Every accepted spelling (folded) of a choice -> its value; the same in any language."""
    out = {}
    for member in choice:
        for spelling in (member.value, member.name, *(enum_name(member, lang) for lang in LANGUAGES)):
            out.setdefault(_fold(spelling), member.value)
    return out


@functools.cache
def _booleans() -> dict[str, bool]:
    out = {}
    for lang in LANGUAGES:
        out[_fold(_yes(lang))] = True
        out[_fold(_no(lang))] = False
    return out


def raw_value(info: FieldInfo, cell: Any) -> Any:
    """A cell as raw input for ``domain.rules.normalise`` (which reports what is wrong)."""
    if isinstance(cell, _dt.datetime):
        cell = cell.date().isoformat() if cell.time() == _dt.time() else cell.isoformat(sep=" ")
    elif isinstance(cell, _dt.date):
        cell = cell.isoformat()
    if info.type is str:
        if cell is None:
            return ""
        if isinstance(cell, float) and cell.is_integer():
            cell = int(cell)
        text = unneutralise(str(cell))
        if info.name in DATE_FIELDS:
            from mot_workshop.export.tabular.dates import iso_date

            return iso_date(text) or text
        return text
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        return None
    if isinstance(cell, str):
        cell = unneutralise(cell.strip())
        if info.is_enum:
            return _choices(info).get(_fold(cell), cell)
        if info.type is bool:
            return _booleans().get(_fold(cell), cell)
        if info.type in (int, float):
            return _number(cell, info.type)
    if info.type is int and isinstance(cell, float) and cell.is_integer():
        return int(cell)                 # a spreadsheet's 5.0 where a whole number belongs
    if isinstance(cell, enum.Enum):
        return cell.value
    return cell


def _number(text: str, kind: type) -> Any:
    """"5.0" as 5 where a whole number belongs; thousands separators ("1,234.5") taken out.
    Anything else goes to the rules as written, which say what is wrong with it."""
    plain = text.replace("\u00a0", "").replace(" ", "")
    if re.fullmatch(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?", plain):
        plain = plain.replace(",", "")
    try:
        number = float(plain)
    except ValueError:
        return text
    if kind is int:
        return int(number) if number.is_integer() and re.fullmatch(r"[+-]?\d+(\.0*)?", plain) else text
    return number


@dataclass(frozen=True)
class RowProblem:
    row: int              # the spreadsheet's row number (the header is row 1)
    column: str           # the column's header as the file has it ('' for the whole row)
    message: str

    def __str__(self) -> str:
        # The rules' messages name the field already ("Characteristic: 'x' is not one of …"):
        # the column is said once.
        named = self.column and self.message.casefold().startswith(self.column.casefold())
        where = f"{self.column}: " if self.column and not named else ""
        return tr("Row {row}: {problem}", row=self.row, problem=where + self.message)


@dataclass
class TableRead:
    """What a table file holds: checked rows ready to import, and the rows that are not."""

    kind: str
    rows: list[tuple[int, dict[str, Any]]]      # (row number, values incl. process_id)
    problems: list[RowProblem]
    notes: list[str] = field(default_factory=list)   # how the file was read, columns left out

    @property
    def bad_rows(self) -> list[int]:
        return sorted({p.row for p in self.problems})


def check_rows(kind: str, header: Sequence[Any], body: Iterable[tuple[int, Sequence[Any]]],
               processes: dict[str, int], default_process: int | None = None) -> TableRead:
    """Check a table's header and every row; ``processes`` maps process names to ids."""
    from mot_workshop.domain.rules import RuleError, check_entity, normalise_field

    cls = entity_class(kind)
    spellings = header_map(kind)
    infos = {info.name: info for info in table_fields(kind)}
    columns: list[tuple[int, str, str]] = []      # (index, field, header as written)
    seen: dict[str, str] = {}
    extra: list[str] = []
    for index, cell in enumerate(header):
        text = "" if cell is None else str(cell).strip()
        if not text:
            continue
        name = spellings.get(_fold(text))
        if name is None:
            extra.append(text)           # a column of the user's own: said, and left out
            continue
        if name in seen:
            raise TableError(tr("The columns '{first}' and '{second}' are the same field.",
                                first=seen[name], second=text))
        seen[name] = text
        columns.append((index, name, text))
    missing = [field_name(n) for n, info in infos.items() if info.required and n not in seen]
    nullable = cls.__dataclass_fields__[PROCESS_COLUMN].default is None     # VOC may have no process
    if PROCESS_COLUMN not in seen and default_process is None and not nullable:
        missing.insert(0, field_name(PROCESS_COLUMN))
    if missing:
        raise TableError(tr("Required columns are missing: {columns}.", columns=", ".join(missing)))

    if not columns:
        raise TableError(tr("No column of this table was found. The columns of this table are: {columns}.",
                            columns=", ".join(headers(kind, "en"))))
    result = TableRead(kind, [], [])
    if extra:
        result.notes.append(tr("Columns that are not part of this table were left out: {columns}.",
                               columns=", ".join(f"'{c}'" for c in extra)))
    for number, cells in body:
        if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
            continue
        values: dict[str, Any] = {}
        problems: list[RowProblem] = []
        process_id = default_process
        for index, name, text in columns:
            cell = cells[index] if index < len(cells) else None
            if name == PROCESS_COLUMN:
                label = "" if cell is None else unneutralise(str(cell).strip())
                if label:
                    if label not in processes:
                        problems.append(RowProblem(number, text, tr(
                            "there is no process named '{name}' in this workshop.", name=label)))
                    else:
                        process_id = processes[label]
                continue
            try:
                values[name] = normalise_field(infos[name], raw_value(infos[name], cell))
            except RuleError as exc:
                problems.append(RowProblem(number, text, str(exc)))
        if process_id is None and not nullable and not any(p.column == seen.get(PROCESS_COLUMN) for p in problems):
            problems.append(RowProblem(number, seen.get(PROCESS_COLUMN, field_name(PROCESS_COLUMN)),
                                       tr("the row names no process.")))
        if not problems:
            values[PROCESS_COLUMN] = process_id
            try:
                check_entity(cls(**values))
            except RuleError as exc:
                column = seen.get(exc.field or "", "")
                problems.append(RowProblem(number, column, str(exc)))
        if problems:
            result.problems.extend(problems)
        else:
            result.rows.append((number, values))
    return result
