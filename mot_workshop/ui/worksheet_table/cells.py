"""A stored value as a table cell and a typed-in text back as a checked value."""

from __future__ import annotations

from typing import Any

from mot_workshop.domain.base import FieldInfo
from mot_workshop.domain.rules import normalise_field
from mot_workshop.export.tabular.columns import raw_value
from mot_workshop.i18n import tr
from mot_workshop.i18n.labels import enum_name


def display(info: FieldInfo, value: Any) -> str:
    if value is None:
        return ""
    if info.is_enum:
        return enum_name(value)
    if info.type is bool:
        return tr("Yes") if value else tr("No")
    if info.type is float:
        return f"{value:g}"
    return str(value)


def parse(info: FieldInfo, cell: Any) -> Any:
    """Text (typed or pasted) as the field's value; RuleError says what is wrong."""
    if isinstance(cell, str) and info.type is not str:
        cell = cell.strip()
    return normalise_field(info, raw_value(info, cell))


def choices(info: FieldInfo) -> list[tuple[str, Any]]:
    """(label, value) for a choice field, with an empty choice when it may be empty."""
    out = [("", None)] if info.optional else []
    return out + [(enum_name(member), member.value) for member in info.type]
