"""The vocabulary the sample's content is written in: bilingual text, references by name,
positions on a map's time axis, and the edits that turn one map into the next.

Content modules hold data only; ``sample.builder`` turns it into commands. References are
names (``Key("process", "exchange")``) because ids exist only once the store assigns them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class T:
    """One text in both languages of the sample."""

    ko: str
    en: str

    def pick(self, lang: str) -> str:
        return self.ko if lang == "ko" else self.en


@dataclass(frozen=True)
class Key:
    """A reference by name to an entity made earlier in the build (resolved to its id)."""

    kind: str
    name: str


@dataclass(frozen=True)
class At:
    """A step's place on the time axis: ``offset`` from the left edge of phase ``phase``.

    The builder turns it into the step's ``phase_id`` and ``x``, so x always falls inside
    its phase column and stays there when an earlier column is removed.
    """

    phase: str
    offset: float


Values = Mapping[str, Any]


@dataclass(frozen=True)
class MapSpec:
    """A map drawn from scratch: lanes (top to bottom), phases (left to right), steps, flows."""

    kind: str
    title: T
    notes: T
    lanes: tuple[tuple[str, Values], ...]
    phases: tuple[tuple[str, Values], ...]
    steps: tuple[tuple[str, Values], ...]
    flows: tuple[tuple[str, Values], ...]


# ---------------------------------------------------------------- edits on a derived map
@dataclass(frozen=True)
class Add:
    kind: str
    key: str
    values: Values


@dataclass(frozen=True)
class Update:
    kind: str
    key: str
    values: Values


@dataclass(frozen=True)
class UpdateAll:
    """The same values on every entity of ``kind`` in the map (one undo step)."""

    kind: str
    values: Values


@dataclass(frozen=True)
class Delete:
    kind: str
    key: str


@dataclass(frozen=True)
class RemovePhase:
    """Delete an emptied phase column and move the later steps left by its width."""

    key: str


Edit = Add | Update | UpdateAll | Delete | RemovePhase


@dataclass(frozen=True)
class DerivedSpec:
    """A map derived (DeriveMap) from an earlier one, then edited step by step."""

    kind: str
    source: str          # the ``kind`` of the map it is derived from
    title: T
    notes: T
    edits: tuple[Edit, ...] = field(default=())
