"""The shape every entity shares, and field declarations that carry their own rules.

An entity is a frozen dataclass: views and exporters can read it but never change it;
edits go through commands (editing/), which build new values with `dataclasses.replace`.
Field metadata says what the rules and the file schema need to know:

- ``ref``: the field holds the id of another entity, and what happens when that one goes;
- ``range``: the inclusive bounds of a number (scores are 1–5);
- ``max_len`` / ``required``: text limits, so a 100 000-character paste is refused, not stored.
"""

from __future__ import annotations

import builtins
import dataclasses
import enum
import functools
import sys
import types
import typing
from dataclasses import dataclass
from typing import Any, ClassVar, Literal

OnDelete = Literal["cascade", "set-null", "guard"]

NAME_MAX = 500        # names, labels, titles: what fits a shape or a table cell
TEXT_MAX = 20_000     # free text: problems, ideas, notes
# The largest distance a drawing may hold, in points (about 3.5 km of paper): room for the
# auto-layout of a 50,000-step chain (one 200-point column each), small enough that every
# layout, route, render and export stays bounded in time.
COORD_MAX = 10_000_000.0


@dataclass(frozen=True)
class Ref:
    """A reference to another entity.

    cascade: the referring entity goes with the referenced one (and comes back on undo);
    set-null: the reference is cleared; guard: deletion is refused unless the caller
    explicitly lets the referring entities go too (a lane that still holds steps).
    """

    kind: str
    on_delete: OnDelete = "cascade"


def ref(kind: str, on_delete: OnDelete = "cascade", *, optional: bool = False) -> Any:
    default = None if optional or on_delete == "set-null" else 0
    return dataclasses.field(default=default, metadata={"ref": Ref(kind, on_delete)})


def short_text(*, required: bool = True, max_len: int = NAME_MAX) -> Any:
    return dataclasses.field(default="", metadata={"required": required, "max_len": max_len})


def long_text(*, max_len: int = TEXT_MAX) -> Any:
    return dataclasses.field(default="", metadata={"max_len": max_len})


def score() -> Any:
    """An optional 1–5 rating (satisfaction, importance, innovation effect, feasibility)."""
    return dataclasses.field(default=None, metadata={"range": (1, 5)})


def amount(default: float | None = 0.0, high: float | None = None) -> Any:
    """A non-negative quantity (minutes, counts), at most ``high`` when given."""
    return dataclasses.field(default=default, metadata={"range": (0, high)})


def coordinate(default: float = 0.0) -> Any:
    """A position on a drawing, within ±COORD_MAX points."""
    return dataclasses.field(default=default, metadata={"range": (-COORD_MAX, COORD_MAX)})


@dataclass(frozen=True)
class Entity:
    """Base of every stored entity. ``id`` is None until the store assigns one."""

    KIND: ClassVar[str] = ""
    # Fields whose values group siblings for ``seq`` ordering (e.g. touchpoints per cycle).
    ORDER_SCOPE: ClassVar[tuple[str, ...] | None] = None
    id: int | None = None

    def values(self) -> dict[str, Any]:
        """All fields but ``id``, as a plain dict."""
        return {name: getattr(self, name) for name in _value_names(type(self))}

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}


@dataclass(frozen=True)
class FieldInfo:
    """What the rules, the file schema and the dump need to know about one field."""

    name: str
    type: type            # int, float, bool, str or a StrEnum subclass
    optional: bool
    ref: Ref | None
    range: tuple[float | None, float | None] | None
    max_len: int | None
    required: bool

    @functools.cached_property
    def is_enum(self) -> bool:       # asked for every value read or written: worked out once
        return isinstance(self.type, type) and issubclass(self.type, enum.Enum)


@functools.cache
def _value_names(cls: type[Entity]) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls) if f.name != "id")


@functools.cache
def field_infos(cls: type[Entity]) -> tuple[FieldInfo, ...]:
    """Field descriptions of an entity class, ``id`` excluded, in declaration order."""
    out = []
    for f in dataclasses.fields(cls):
        if f.name == "id":
            continue
        base, optional = _field_type(cls, f)
        out.append(FieldInfo(
            name=f.name, type=base, optional=optional, ref=f.metadata.get("ref"),
            range=f.metadata.get("range"), max_len=f.metadata.get("max_len"),
            required=f.metadata.get("required", False),
        ))
    return tuple(out)


@functools.cache
def field_map(cls: type[Entity]) -> dict[str, FieldInfo]:
    return {info.name: info for info in field_infos(cls)}


def _field_type(cls: type[Entity], f: dataclasses.Field) -> tuple[type, bool]:
    """A field's type and whether it may be None. The entities annotate ``T`` or ``T | None``
    only: such a name is looked up in the class's module (``typing.get_type_hints`` evaluates
    every annotation of the class and its bases, a noticeable part of the window's start,
    where the quick first read of a file checks every field of every kind)."""
    if isinstance(f.type, str):
        parts = [part.strip() for part in f.type.split("|")]
        names = [part for part in parts if part != "None"]
        if len(names) == 1 and len(parts) <= 2:
            found = vars(sys.modules[cls.__module__]).get(names[0], getattr(builtins, names[0], None))
            if isinstance(found, type):
                return found, len(parts) == 2
    return _unwrap_optional(typing.get_type_hints(cls)[f.name])


def _unwrap_optional(hint: Any) -> tuple[type, bool]:
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) != 1:
            raise TypeError(f"unsupported field type {hint!r}")
        return args[0], True
    return hint, False
