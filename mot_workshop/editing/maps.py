"""Commands on whole process maps: deriving the To-Be from the As-Is (and the Redesign from
the To-Be) as a full copy with new ids, and removing a map with everything on it."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from mot_workshop.domain.base import Entity
from mot_workshop.domain.enums import MapKind
from mot_workshop.domain.process import ProcessMap
from mot_workshop.editing.bulk import BuildEntities
from mot_workshop.editing.entities import require
from mot_workshop.i18n import tr
from mot_workshop.i18n.labels import enum_name

if TYPE_CHECKING:
    from mot_workshop.persistence.store import Store


def _copy(store: Store, entity: Entity, **changes) -> Entity:
    new = dataclasses.replace(entity, id=None, **changes)
    return dataclasses.replace(new, id=store.insert(new.KIND, new.values()))


class DeriveMap(BuildEntities):
    """Copy a map (lanes, phases, steps, flows) as a new map of ``kind`` of the same process."""

    def __init__(self, source_map_id: int, kind: MapKind, *, title: str | None = None):
        super().__init__()
        self.source_map_id = source_map_id
        self.kind = MapKind(kind)
        self.title = title
        self.text = tr("Derive {kind} map", kind=enum_name(self.kind))

    @property
    def new_map_id(self) -> int | None:
        return self.created[0].id if self.created else None

    def build(self, store: Store) -> list[Entity]:
        source = require(store, "process_map", self.source_map_id)
        title = self.title if self.title is not None else ""
        new_map = _copy(store, source, kind=self.kind, title=title, derived_from_id=source.id)
        assert isinstance(new_map, ProcessMap)
        created: list[Entity] = [new_map]
        ids: dict[tuple[str, int], int] = {}
        for kind in ("lane", "phase"):
            for item in store.select(kind, map_id=source.id):
                origin = {"origin_id": item.id} if kind == "lane" else {}
                copy = _copy(store, item, map_id=new_map.id, **origin)
                ids[(kind, item.id)] = copy.id
                created.append(copy)
        for step in store.select("step", map_id=source.id):
            copy = _copy(store, step, map_id=new_map.id, lane_id=ids[("lane", step.lane_id)],
                         phase_id=ids.get(("phase", step.phase_id)), origin_id=step.id)
            ids[("step", step.id)] = copy.id
            created.append(copy)
        for flow in store.select("flow", map_id=source.id):
            created.append(_copy(store, flow, map_id=new_map.id, source_id=ids[("step", flow.source_id)],
                                 target_id=ids[("step", flow.target_id)]))
        return created
