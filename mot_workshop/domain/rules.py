"""The rules an entity must satisfy before it is stored.

``normalise`` turns raw input (from a form, a CSV cell, the CLI, a JSON dump) into typed
values or raises ``RuleError`` with a message a user can act on. ``check_relations`` checks
the rules that span entities (a flow's ends lie in its own map …), given a lookup function
so the domain never touches the store.
"""

from __future__ import annotations

import dataclasses
import functools
import math
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from mot_workshop.domain.base import Entity, FieldInfo, field_map
from mot_workshop.domain.enums import TargetKind
from mot_workshop.domain.text_clean import clean_text, is_clean
from mot_workshop.i18n import tr
from mot_workshop.i18n.labels import field_name

Lookup = Callable[[str, int], Entity | None]
INT_MIN, INT_MAX = -(2**63), 2**63 - 1


class RuleError(ValueError):
    """A user-facing refusal: the message says what is wrong; nothing was saved."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


def field_label(name: str) -> str:
    return field_name(name)


class _Label:
    """A field's name in the user's language, looked up when a message is written."""

    __slots__ = ("name",)

    def __init__(self, name: str):
        self.name = name

    def __str__(self) -> str:
        return field_label(self.name)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


def normalise(cls: type[Entity], values: Mapping[str, Any]) -> dict[str, Any]:
    """Typed, checked copies of ``values`` (a subset of ``cls``'s fields)."""
    fields = field_map(cls)
    out = {}
    for key, raw in values.items():
        info = fields.get(key)
        if info is None:
            raise RuleError(tr("Unknown field '{field}' for {kind}.", field=key, kind=cls.KIND), key)
        out[key] = normalise_field(info, raw)
    return out


def normalise_field(info: FieldInfo, raw: Any) -> Any:
    if info.type is str and type(raw) is str and (info.max_len is None or len(raw) <= info.max_len) \
            and is_clean(raw) and "\x00" not in raw and (not info.required or (raw and not raw.isspace())):
        return raw                  # most text is fine as it is: checked without building a message
    kind = type(raw)
    if kind is info.type and kind is not str and (kind is not float or math.isfinite(raw)) and \
            (kind is not int or INT_MIN <= raw <= INT_MAX) and _in_range(info, raw):
        return raw                  # already typed (a number, a flag, a member of the enum) and fine
    return _normalise_checked(info, raw)


def _normalise_checked(info: FieldInfo, raw: Any) -> Any:
    """The whole rule of a field (the quick answers above must agree with it)."""
    label = _Label(info.name)       # translated only for a message: most values are fine
    if info.type is str:
        value = _as_text(info, raw, label)
    elif raw is None or (isinstance(raw, str) and not raw.strip() and info.type is not str):
        if not info.optional:
            raise RuleError(tr("{field} needs a value.", field=label), info.name)
        return None
    elif info.is_enum:
        value = _as_enum(info, raw, label)
    elif info.type is bool:
        value = _as_bool(raw, label, info.name)
    elif info.type is int:
        value = _as_int(raw, label, info.name)
    elif info.type is float:
        value = _as_float(raw, label, info.name)
    else:  # pragma: no cover - a new field type must be taught here
        raise TypeError(f"no rule for {info.type!r}")
    _check_range(info, value, label)
    return value


def _as_text(info: FieldInfo, raw: Any, label: str) -> str:
    if raw is None:
        raw = ""
    if not isinstance(raw, str):
        raise RuleError(tr("{field} must be text.", field=label), info.name)
    if "\x00" in raw:
        raise RuleError(tr("{field} contains a NUL character.", field=label), info.name)
    raw = clean_text(raw)     # pasted control characters go; what XML cannot hold never enters
    if info.max_len is not None and len(raw) > info.max_len:
        raise RuleError(tr("{field} is too long: {length} characters (at most {limit}).",
                           field=label, length=f"{len(raw):,}", limit=f"{info.max_len:,}"), info.name)
    if info.required and not raw.strip():
        raise RuleError(tr("{field} must not be empty.", field=label), info.name)
    return raw


def _as_enum(info: FieldInfo, raw: Any, label: str) -> Any:
    try:
        return info.type(raw.strip() if isinstance(raw, str) else raw)
    except ValueError:
        allowed = ", ".join(_choice(m) for m in info.type)
        raise RuleError(tr("{field}: '{value}' is not one of {allowed}.",
                           field=label, value=_short(raw), allowed=allowed), info.name) from None


def _choice(member) -> str:
    """A choice as the user reads it and as it may be written: "Quality (Q)"; the code alone
    where it is the name."""
    from mot_workshop.i18n.labels import enum_name

    name = enum_name(member)
    return name if name.casefold() == str(member.value).casefold() else f"{name} ({member.value})"


def _as_bool(raw: Any, label: str, name: str) -> bool:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, int) and raw in (0, 1):
        return bool(raw)
    if isinstance(raw, str) and raw.strip().lower() in ("true", "yes", "1", "y", "x"):
        return True
    if isinstance(raw, str) and raw.strip().lower() in ("false", "no", "0", "n", ""):
        return False
    raise RuleError(tr("{field}: '{value}' is not yes or no.", field=label, value=_short(raw)), name)


def _as_int(raw: Any, label: str, name: str) -> int:
    if isinstance(raw, bool):
        raise RuleError(tr("{field} must be a whole number.", field=label), name)
    value: int | None = None
    if isinstance(raw, int):
        value = raw
    elif isinstance(raw, float) and raw.is_integer():
        value = int(raw)
    elif isinstance(raw, str):
        try:
            value = int(raw.strip())
        except ValueError:
            value = None
    if value is None:
        raise RuleError(tr("{field}: '{value}' is not a whole number.", field=label, value=_short(raw)), name)
    if not INT_MIN <= value <= INT_MAX:      # what the file can hold
        raise RuleError(tr("{field}: the number is too large.", field=label), name)
    return value


def _as_float(raw: Any, label: str, name: str) -> float:
    value: float | None = None
    try:
        if isinstance(raw, (int, float)) and not isinstance(raw, bool):
            value = float(raw)
        elif isinstance(raw, str):
            value = float(raw.strip().replace(",", ""))
    except OverflowError:
        value = math.inf
    except ValueError:
        value = None
    if value is not None and math.isinf(value):
        raise RuleError(tr("{field}: the number is too large.", field=label), name)
    if value is None or math.isnan(value):
        raise RuleError(tr("{field}: '{value}' is not a number.", field=label, value=_short(raw)), name)
    return value


def _in_range(info: FieldInfo, value: Any) -> bool:
    if info.range is None:
        return True
    low, high = info.range
    return (low is None or low <= value) and (high is None or value <= high)


def _check_range(info: FieldInfo, value: Any, label: str) -> None:
    if info.range is None or value is None:
        return
    low, high = info.range
    if low is not None and high is not None and not low <= value <= high:
        raise RuleError(tr("{field} must be between {low} and {high}, not {value}.",
                           field=label, low=low, high=high, value=value), info.name)
    if low is not None and value < low:
        raise RuleError(tr("{field} must not be below {low}, not {value}.",
                           field=label, low=low, value=value), info.name)


def _short(raw: Any, limit: int = 40) -> str:
    text = str(raw)
    return text if len(text) <= limit else text[: limit - 1] + "…"


@functools.cache
def _valid_defaults(cls: type[Entity]) -> dict[str, Any]:
    """The fields whose default value passes its own rule (checked once, by that rule): an
    entity keeping such a default needs no second look at that field."""
    out = {}
    for f in dataclasses.fields(cls):
        info = field_map(cls).get(f.name)
        if info is None or f.default is dataclasses.MISSING:
            continue
        try:
            if normalise_field(info, f.default) == f.default:
                out[f.name] = f.default
        except RuleError:
            pass
    return out


def check_entity(entity: Entity, *, normalised: Iterable[str] = ()) -> None:
    """Every field of a complete entity, then the rules that need only the entity itself.
    ``normalised``: fields whose values came from ``normalise`` just now (a bulk import
    builds thousands of entities so): not checked twice."""
    cls = type(entity)
    fine = _valid_defaults(cls)
    done = normalised if isinstance(normalised, (set, frozenset)) else set(normalised)
    infos = field_map(cls)
    values = {}
    for name in infos:
        if name in done:
            continue
        value = getattr(entity, name)
        if name in fine and type(value) is type(fine[name]) and value == fine[name]:
            continue                    # defaults are known to pass
        values[name] = value
    typed = normalise(cls, values)
    for name, value in values.items():      # written by another program: normalise cleaned it
        if infos[name].type is str and isinstance(value, str) and typed[name] != value:
            raise RuleError(tr("{field} contains control characters or invalid characters.",
                               field=field_label(name)), name)
    if entity.KIND == "target" and entity.kind == TargetKind.QUANTITATIVE:
        for name in ("current", "competitor", "required_level", "target"):
            level = getattr(entity, name).strip()
            if level:
                try:
                    float(level.replace(",", "").rstrip("%"))
                except ValueError:
                    raise RuleError(tr("{field}: '{value}' is not a number; a quantitative target "
                                       "needs numbers (or make it qualitative).",
                                       field=field_label(name), value=_short(level)), name) from None
    if entity.KIND == "note" and entity.wizard_step is not None and not 1 <= entity.wizard_step <= 8:
        raise RuleError(tr("The step must be between 1 and 8."), "wizard_step")
    if entity.KIND == "step_progress" and not 1 <= entity.step_no <= 8:
        raise RuleError(tr("The step must be between 1 and 8."), "step_no")


def check_relations(entity: Entity, lookup: Lookup) -> None:
    """Rules that span entities; ``lookup(kind, id)`` returns the stored entity or None."""
    for info in _references(type(entity)):
        target_id = getattr(entity, info.name)
        if target_id is None:
            continue
        if lookup(info.ref.kind, target_id) is None:
            raise RuleError(tr("{field} refers to a {kind} that does not exist (id {id}).",
                               field=field_label(info.name), kind=info.ref.kind, id=target_id), info.name)
    kind = entity.KIND
    if kind == "step":
        _same_map(entity, lookup("lane", entity.lane_id), "lane_id")
        if entity.phase_id is not None:
            _same_map(entity, lookup("phase", entity.phase_id), "phase_id")
    elif kind == "flow":
        source, target = lookup("step", entity.source_id), lookup("step", entity.target_id)
        _same_map(entity, source, "source_id")
        _same_map(entity, target, "target_id")
        if entity.source_id == entity.target_id:
            raise RuleError(tr("A flow cannot go from a step to itself."), "target_id")
    elif kind == "cycle" and entity.parent_id is not None:
        _no_cycle_loop(entity, lookup)
    elif kind in ("cs_check", "asis_answer"):
        _map_of_kind(entity, lookup("process_map", entity.map_id))
    elif kind == "vote":
        if lookup(str(entity.target_kind), entity.target_id) is None:
            raise RuleError(tr("The vote's {kind} does not exist.", kind=str(entity.target_kind)), "target_id")
        if entity.participant_id is None and entity.team_id is None:
            raise RuleError(tr("A vote needs a participant or a team."), "participant_id")


@functools.cache
def _references(cls: type[Entity]) -> tuple[FieldInfo, ...]:
    return tuple(info for info in field_map(cls).values() if info.ref is not None)


def _map_of_kind(entity: Entity, pmap: Entity | None) -> None:
    """CS check-points belong to a To-Be (or Redesign) map, As-Is answers to an As-Is map."""
    if pmap is None:
        return
    kinds = ("to-be", "redesign") if entity.KIND == "cs_check" else ("as-is",)
    if str(pmap.kind) not in kinds:
        message = (tr("CS check-points belong to a To-Be map.") if entity.KIND == "cs_check"
                   else tr("As-Is answers belong to an As-Is map."))
        raise RuleError(message, "map_id")


def _same_map(entity: Entity, other: Entity | None, field: str) -> None:
    if other is not None and other.map_id != entity.map_id:
        raise RuleError(tr("{field} belongs to another map.", field=field_label(field)), field)


def _no_cycle_loop(cycle: Entity, lookup: Lookup) -> None:
    seen = {cycle.id}
    parent_id = cycle.parent_id
    while parent_id is not None:
        if parent_id in seen:
            raise RuleError(tr("A cycle cannot be its own sub-cycle."), "parent_id")
        seen.add(parent_id)
        parent = lookup("cycle", parent_id)
        parent_id = parent.parent_id if parent is not None else None
