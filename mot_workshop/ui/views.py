"""Naming what the window shows, for ``--screenshot --view`` and ``render --view``:
``start`` (the window as it first opens), ``cycle:<name>`` (a cycle's ring) and
``journey:<name>`` (the same cycle as a journey line). A name matches a cycle's name
(exactly, then ignoring case and spaces) or its id (``cycle:#3``)."""

from __future__ import annotations

from dataclasses import dataclass

from mot_workshop.i18n import tr

KINDS = ("start", "cycle", "journey")


class ViewError(ValueError):
    pass


@dataclass(frozen=True)
class ViewSpec:
    kind: str
    target: str = ""


def parse_view(text: str | None) -> ViewSpec:
    if not text or text == "start":
        return ViewSpec("start")
    kind, sep, target = text.partition(":")
    if kind not in KINDS or not sep or not target.strip():
        raise ViewError(tr("Unknown view '{view}'. Use start, cycle:NAME or journey:NAME.", view=text))
    return ViewSpec(kind, target.strip())


def find_cycle(store, target: str):
    cycles = store.select("cycle")
    if target.startswith("#") and target[1:].isdigit():
        found = store.get("cycle", int(target[1:]))
        if found is not None:
            return found
    for match in (lambda c: c.name == target,
                  lambda c: _fold(c.name) == _fold(target),
                  lambda c: _fold(target) in _fold(c.name)):
        hits = [c for c in cycles if match(c)]
        if hits:
            return hits[0]
    names = ", ".join(c.name for c in cycles) or tr("(none)")
    raise ViewError(tr("No MOT cycle named '{name}'. Cycles in this workshop: {names}", name=target, names=names))


def _fold(text: str) -> str:
    return "".join(text.split()).casefold()
