"""Touchpoint template libraries from the method's examples (``mot_workshop/resources/templates/*.json``):
the parking cycle, a department store's contact units, an airline, a clinic and a salon.

Each library has groups of items; an item is a touchpoint name in Korean and English and
its MOT element. The palette offers single items, whole groups and whole libraries.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

from mot_workshop.domain.enums import Element


@dataclass(frozen=True)
class TemplateItem:
    names: dict[str, str]          # language -> name
    element: Element

    def name(self, lang: str) -> str:
        return self.names.get(lang) or self.names.get("en") or next(iter(self.names.values()))

    def values(self, lang: str) -> dict[str, object]:
        """Field values of a new touchpoint made from this item."""
        return {"name": self.name(lang), "element": self.element}


@dataclass(frozen=True)
class TemplateGroup:
    names: dict[str, str]
    items: tuple[TemplateItem, ...]

    def name(self, lang: str) -> str:
        return self.names.get(lang) or self.names.get("en", "")


@dataclass(frozen=True)
class TemplateLibrary:
    key: str
    names: dict[str, str]
    descriptions: dict[str, str]
    groups: tuple[TemplateGroup, ...]

    def name(self, lang: str) -> str:
        return self.names.get(lang) or self.names.get("en", self.key)

    def description(self, lang: str) -> str:
        return self.descriptions.get(lang) or self.descriptions.get("en", "")

    @property
    def items(self) -> tuple[TemplateItem, ...]:
        return tuple(item for group in self.groups for item in group.items)


def parse_library(data: dict) -> TemplateLibrary:
    groups = tuple(
        TemplateGroup(names=dict(group["name"]), items=tuple(
            TemplateItem(names={k: v for k, v in item.items() if k != "element"},
                         element=Element(item.get("element", "SOFT")))
            for item in group["items"]))
        for group in data["groups"])
    return TemplateLibrary(key=data["key"], names=dict(data["name"]),
                           descriptions=dict(data.get("description", {})), groups=groups)


@functools.cache
def load_libraries(folder: Path) -> tuple[TemplateLibrary, ...]:
    """Every library in ``folder`` (the app's is ``mot_workshop/resources/templates``), in their stated order."""
    found = []
    for path in sorted(Path(folder).glob("*.json")):
        with path.open(encoding="utf-8") as fh:
            data = json.load(fh)
        found.append((data.get("order", 99), parse_library(data)))
    return tuple(lib for _, lib in sorted(found, key=lambda pair: pair[0]))
