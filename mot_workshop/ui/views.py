"""Naming what the window shows, for ``--screenshot --view`` and ``render --view``:
``start`` (the window as it first opens), ``cycle:<name>`` (a cycle's ring) and
``journey:<name>`` (the same cycle as a journey line), ``map:<process>/<as-is|to-be|redesign>``
(a process map in the swimlane editor). A name matches a cycle's (or process's) name
(exactly, then ignoring case and spaces) or its id (``cycle:#3``, ``map:#2/to-be``)."""

from __future__ import annotations

from dataclasses import dataclass

from mot_workshop.i18n import tr

KINDS = ("start", "cycle", "journey", "step", "present", "map")


class ViewError(ValueError):
    pass


@dataclass(frozen=True)
class ViewSpec:
    kind: str
    target: str = ""


def parse_view(text: str | None) -> ViewSpec:
    if not text or text == "start":
        return ViewSpec("start")
    if text == "present":
        return ViewSpec("present")
    if text.startswith("present:"):          # present:map:PROCESS/as-is — that view, presented
        inner = parse_view(text[len("present:"):])
        if inner.kind in ("start", "present"):
            raise ViewError(tr("Unknown view '{view}'. Use start, cycle:NAME, journey:NAME, "
                               "map:PROCESS/as-is, step:1-8 or present.", view=text))
        return ViewSpec("present", text[len("present:"):])
    if text.startswith("step:"):
        number = text[5:].strip()
        if not (number.isdigit() and 1 <= int(number) <= 8):
            raise ViewError(tr("Unknown step '{step}'. Use step:1 to step:8.", step=number))
        return ViewSpec("step", number)
    kind, sep, target = text.partition(":")
    if kind not in KINDS or not sep or not target.strip():
        raise ViewError(tr("Unknown view '{view}'. Use start, cycle:NAME, journey:NAME, "
                           "map:PROCESS/as-is, step:1-8 or present.",
                            view=text))
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


MAP_KINDS = ("as-is", "to-be", "redesign")


def find_map(store, target: str):
    """The process map named ``PROCESS/KIND`` (KIND as-is, to-be or redesign; as-is when left out)."""
    name, _, kind = target.rpartition("/")
    if not name:
        name, kind = target, "as-is"
    kind = _fold(kind).replace("_", "-")
    if kind not in MAP_KINDS:
        raise ViewError(tr("Unknown map kind '{kind}'. Use as-is, to-be or redesign.", kind=kind))
    processes = store.select("process")
    found = None
    if name.startswith("#") and name[1:].isdigit():
        found = store.get("process", int(name[1:]))
    for match in (lambda p: p.name == name, lambda p: _fold(p.name) == _fold(name),
                  lambda p: _fold(name) in _fold(p.name)):
        if found is None:
            found = next((p for p in processes if match(p)), None)
    if found is None:
        names = ", ".join(p.name for p in processes) or tr("(none)")
        raise ViewError(tr("No process named '{name}'. Processes in this workshop: {names}", name=name, names=names))
    maps = [m for m in store.select("process_map", process_id=found.id) if str(m.kind) == kind]
    if not maps:
        raise ViewError(tr("The process '{name}' has no {kind} map.", name=found.name, kind=kind))
    return maps[0]


def _fold(text: str) -> str:
    return "".join(text.split()).casefold()
