"""Commands for the swimlane editor that the generic ones cannot express: pasting or
duplicating steps together with the flows between them (the flows need the new steps' ids,
which exist only once the steps are inserted)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from mot_workshop.domain.base import Entity
from mot_workshop.domain.process import Flow, Step
from mot_workshop.domain.rules import check_entity, check_relations, normalise
from mot_workshop.editing.bulk import BuildEntities
from mot_workshop.i18n import tr

if TYPE_CHECKING:
    from mot_workshop.persistence.store import Store

STEP_COPY_FIELDS = ("lane_id", "phase_id", "shape", "label", "x", "y", "duration", "wait", "value_class",
                    "output", "measure", "problems", "is_mot", "touchpoint_id", "linked_process_id")
FLOW_COPY_FIELDS = ("label", "condition")


class PasteSteps(BuildEntities):
    """Add steps (field values keyed by a local key) and flows between them, given as
    (source key, target key, values), to map ``map_id`` in one undo step."""

    def __init__(self, map_id: int, steps: Mapping[Any, Mapping[str, Any]],
                 flows: Sequence[tuple[Any, Any, Mapping[str, Any]]] = (), *, text: str | None = None):
        super().__init__()
        self.map_id = map_id
        self.steps = {key: normalise(Step, {**values, "map_id": map_id}) for key, values in steps.items()}
        self.flows = [(a, b, normalise(Flow, dict(values))) for a, b, values in flows if a in steps and b in steps]
        self.text = text or (tr("Paste step") if len(steps) == 1 else tr("Paste {count} steps", count=len(steps)))
        self.keys: dict[Any, int] = {}

    @property
    def step_ids(self) -> list[int]:
        return [e.id for e in self.created or () if e.KIND == "step"]

    def build(self, store: Store) -> list[Entity]:
        from mot_workshop.editing.entities import CachedLookup

        created: list[Entity] = []
        lookup = CachedLookup(store)
        for key, values in self.steps.items():
            step = Step(id=None, **values)
            check_entity(step)
            check_relations(step, lookup)
            step = Step(id=store.insert("step", step.values()), **values)
            self.keys[key] = step.id
            created.append(step)
        for a, b, values in self.flows:
            flow = Flow(id=None, **{**values, "map_id": self.map_id, "source_id": self.keys[a],
                                    "target_id": self.keys[b]})
            check_entity(flow)
            flow = Flow(id=store.insert("flow", flow.values()), **flow.values())
            created.append(flow)
        return created


class NewMap(BuildEntities):
    """A new map of a process, ready to draw on: the seed worksheet's rows (customer,
    contact employee, departments, computer system) and a few phase columns."""

    def __init__(self, process_id: int, kind: str, *, lanes: Sequence[tuple[str, str]],
                 phases: Sequence[str], title: str = ""):
        super().__init__()
        self.process_id = process_id
        self.kind = kind
        self.lanes = list(lanes)
        self.phases = list(phases)
        self.title = title
        self.text = tr("Add process map")

    @property
    def new_map_id(self) -> int | None:
        return self.created[0].id if self.created else None

    def build(self, store: Store) -> list[Entity]:
        from mot_workshop.domain.process import Lane, Phase, ProcessMap

        def add(entity):
            check_entity(entity)
            check_relations(entity, store.get)
            return type(entity)(id=store.insert(entity.KIND, entity.values()), **entity.values())

        new_map = add(ProcessMap(id=None, **normalise(ProcessMap, {"process_id": self.process_id, "kind": self.kind,
                                                                    "title": self.title})))
        created: list[Entity] = [new_map]
        for seq, (kind, name) in enumerate(self.lanes):
            created.append(add(Lane(id=None, **normalise(Lane, {"map_id": new_map.id, "seq": seq, "kind": kind,
                                                                 "name": name}))))
        for seq, name in enumerate(self.phases):
            created.append(add(Phase(id=None, **normalise(Phase, {"map_id": new_map.id, "seq": seq, "name": name}))))
        return created


class AddConnectedStep(BuildEntities):
    """A new step with a flow to it from an existing step, in one undo step (a flow drawn
    from a step's edge and released on empty space)."""

    def __init__(self, map_id: int, source_id: int, values: Mapping[str, Any]):
        super().__init__()
        self.map_id = map_id
        self.source_id = source_id
        self.values = normalise(Step, {**values, "map_id": map_id})
        self.text = tr("Add connected step")

    @property
    def step_id(self) -> int | None:
        return self.created[0].id if self.created else None

    def build(self, store: Store) -> list[Entity]:
        step = Step(id=None, **self.values)
        check_entity(step)
        check_relations(step, store.get)
        step = Step(id=store.insert("step", step.values()), **self.values)
        flow = Flow(id=None, map_id=self.map_id, source_id=self.source_id, target_id=step.id)
        check_entity(flow)
        check_relations(flow, store.get)
        return [step, Flow(id=store.insert("flow", flow.values()), **flow.values())]
