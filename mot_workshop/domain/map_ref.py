"""Which process map a user means by ``PROCESS/KIND`` or by its id — one rule for every
command that names a map (``render --view map:…``, ``export-bpmn --map …``, screenshots).

``12`` or ``#12`` is the map with id 12. ``PROCESS/KIND`` (KIND as-is, to-be or redesign;
as-is when left out) names the process exactly, else ignoring case and spaces, else by a
part of its name; ``#3/to-be`` is process 3's. A name that fits several processes, or a
process with several maps of that kind, is refused with the ids to choose from: the user
never gets some other map than the one meant.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from mot_workshop.domain.enums import MapKind
from mot_workshop.domain.process import Process, ProcessMap
from mot_workshop.i18n import tr


class MapRefError(ValueError):
    """The map named cannot be found or is ambiguous; str() is the user message."""


def _fold(text: str) -> str:
    return "".join(text.split()).casefold()


def resolve_map(ref: str, processes: Sequence[Process], maps: Sequence[ProcessMap]) -> ProcessMap:
    ref = ref.strip()
    digits = ref[1:] if ref.startswith("#") else ref
    if digits.isdigit():
        found = next((m for m in maps if m.id == int(digits)), None)
        if found is None:
            raise MapRefError(tr("There is no map with id {id}.", id=digits))
        return found
    name, sep, kind = ref.rpartition("/")
    if not sep:
        name, kind = ref, MapKind.AS_IS.value
    kind = _fold(kind).replace("_", "-")
    kinds = [k.value for k in MapKind]
    if not name.strip() or kind not in kinds:
        raise MapRefError(tr("Name the map as PROCESS/KIND, where KIND is one of {kinds}: '{ref}'.",
                             kinds=", ".join(kinds), ref=ref))
    process = _process(name.strip(), processes)
    candidates = sorted((m for m in maps if m.process_id == process.id and str(m.kind) == kind),
                        key=lambda m: m.id)
    if not candidates:
        raise MapRefError(tr("The process '{name}' has no {kind} map.", name=process.name, kind=kind))
    if len(candidates) > 1:
        raise MapRefError(tr("The process '{name}' has {count} {kind} maps; give the map id instead: {ids}.",
                             name=process.name, count=len(candidates), kind=kind,
                             ids=", ".join(str(m.id) for m in candidates)))
    return candidates[0]


def _process(name: str, processes: Sequence[Process]) -> Process:
    if name.startswith("#") and name[1:].isdigit():
        found = next((p for p in processes if p.id == int(name[1:])), None)
        if found is not None:
            return found
    tests: tuple[Callable[[Process], bool], ...] = (
        lambda p: p.name == name, lambda p: _fold(p.name) == _fold(name),
        lambda p: _fold(name) in _fold(p.name))
    for test in tests:
        hits = [p for p in processes if test(p)]
        if len(hits) == 1:
            return hits[0]
        if hits:
            raise MapRefError(tr("'{name}' fits {count} processes; give the map id or the process as #ID: {choices}.",
                                 name=name, count=len(hits),
                                 choices=", ".join(f"#{p.id} {p.name}" for p in hits)))
    names = ", ".join(p.name for p in processes) or tr("(none)")
    raise MapRefError(tr("No process named '{name}'. Processes in this workshop: {names}", name=name, names=names))
