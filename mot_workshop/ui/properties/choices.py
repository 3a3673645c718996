"""The choices of enum and reference fields, with readable names."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from mot_workshop.domain.base import FieldInfo, field_map
from mot_workshop.domain.registry import entity_class
from mot_workshop.i18n import tr

NONE_LABEL = "—"


def enum_choices(info: FieldInfo, name: Callable) -> list[tuple[str, object]]:
    choices = [(name(member), member.value) for member in info.type]
    return ([(NONE_LABEL, None)] if info.optional else []) + choices


def marker_choices(steps: Sequence, name: Callable) -> list[tuple[str, object]]:
    """A step's BPMN types that mean something on its shape (gateway kinds on a decision,
    event definitions on a start / end or a connector), and whatever is stored already."""
    from mot_workshop.domain.enums import Marker, marker_applies

    kept = {str(s.marker) for s in steps if s.marker is not None}
    fitting = [m for m in Marker if str(m) in kept or any(marker_applies(m, s.shape) for s in steps)]
    return [(NONE_LABEL, None)] + [(name(m), m.value) for m in fitting]


def display_name(entity) -> str:
    for attr in ("name", "title", "label"):
        text = getattr(entity, attr, "")
        if text:
            return text
    return f"#{entity.id}"


def cycle_tree(store) -> list[tuple[int, object]]:
    """Cycles in tree order, with their depth."""
    cycles = store.select("cycle")
    children: dict[int | None, list] = {}
    for c in cycles:
        children.setdefault(c.parent_id, []).append(c)
    out: list[tuple[int, object]] = []

    def walk(parent, depth):
        for c in children.get(parent, []):
            out.append((depth, c))
            walk(c.id, depth + 1)

    walk(None, 0)
    return out


def ref_choices(store, kind: str, field: str, entities: Sequence) -> list[tuple[str, object]]:
    info = field_map(entity_class(kind))[field]
    target = info.ref.kind
    optional = info.optional or info.ref.on_delete == "set-null"
    choices: list[tuple[str, object]] = [(NONE_LABEL, None)] if optional else []
    if target == "cycle":
        excluded = set()
        if kind == "cycle":     # not itself, nor one of its own sub-cycles
            excluded = _descendants(store, {e.id for e in entities})
        for depth, cycle in cycle_tree(store):
            if cycle.id not in excluded:
                choices.append(("    " * depth + display_name(cycle), cycle.id))
        return choices
    same_map = target in ("lane", "phase", "step") and entities and hasattr(entities[0], "map_id")
    where = {"map_id": entities[0].map_id} if same_map else {}      # a step's lane is one of its own map's
    for entity in store.select(target, **where):
        choices.append((display_name(entity), entity.id))
    if not choices:
        choices.append((tr("(none yet)"), None))
    return choices


def _descendants(store, roots: set[int]) -> set[int]:
    found = set(roots)
    frontier = set(roots)
    while frontier:
        frontier = {c.id for c in store.select("cycle") if c.parent_id in frontier} - found
        found |= frontier
    return found
