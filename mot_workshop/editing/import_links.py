"""The links an imported map had outside itself, found again in the workshop it comes into.

Our own BPMN files name what a map's steps and lanes refer to by things that survive a trip
through another file: the map it was derived from by its kind (of the same process) and the
element ids its export gives (``export.bpmn.writer.element_ids``), touchpoints by cycle and
name, obstacles in full. Whatever cannot be found is said in the import report, never
guessed: a link is made only to exactly one candidate.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mot_workshop.domain.method_data import ASIS_QUESTIONS, CS_CHECKPOINTS
from mot_workshop.i18n import tr
from mot_workshop.i18n.labels import enum_name

if TYPE_CHECKING:
    from mot_workshop.export.bpmn.model import MapPlan
    from mot_workshop.persistence.store import Store

Item = tuple[str, str, dict[str, Any]]
_OBSTACLE_FIELDS = ("current_features", "tobe_features", "obstacle", "solution")


def add_links(store: Store, plan: MapPlan, items: list[Item], process_id: int | None,
              process_key: int | str) -> None:
    """Fill the links of ``items`` (made by ``plan.items``) and append the obstacles and
    per-map worksheet answers; notes go to ``plan.report.notes``."""
    values = {key: vals for key, _, vals in items}
    notes = plan.report.notes
    _derivation(store, plan, values, process_id, notes)
    _touchpoints(store, plan, values, notes)
    _obstacles(store, plan, items, process_id, process_key, notes)
    _method_rows(plan, items, values["map"]["kind"], notes)


def _derivation(store, plan, values, process_id, notes) -> None:
    if plan.derived_from is None:
        return
    candidates = [m for m in store.select("process_map", process_id=process_id)
                  if m.kind == plan.derived_from] if process_id is not None else []
    best, best_found = None, {}
    for candidate in candidates:
        found = _origins(store, plan, candidate.id)
        if best is None or len(found[0]) + len(found[1]) > len(best_found[0]) + len(best_found[1]):
            best, best_found = candidate, found
    if best is None:
        notes.append(tr("The map was derived from the {kind} map of its process, which this process does not "
                        "have: the links to the steps it came from were left out.",
                        kind=enum_name(plan.derived_from)))
        return
    values["map"]["derived_from_id"] = best.id
    steps, lanes = best_found
    for step in plan.steps:
        if step.key in steps:
            values[f"step:{step.key}"]["origin_id"] = steps[step.key]
    for lane in plan.lanes:
        if lane.key in lanes:
            values[f"lane:{lane.key}"]["origin_id"] = lanes[lane.key]
    lost = sum(1 for s in plan.steps if s.origin and s.key not in steps)
    if lost:
        notes.append(tr("{count} steps came from steps of the {kind} map that it no longer has: they are "
                        "not linked to an origin.", count=lost, kind=enum_name(plan.derived_from)))


def _origins(store, plan, source_map_id: int) -> tuple[dict[str, int], dict[str, int]]:
    """{plan step key: origin step id}, {plan lane key: origin lane id} in one candidate map.

    By element id when the step there has the label the file remembers; else by that label
    when exactly one step of the map has it."""
    from mot_workshop.domain.snapshot import Snapshot
    from mot_workshop.export.bpmn.writer import element_ids

    entities = [store.get("process_map", source_map_id)]
    for kind in ("lane", "phase", "step", "flow"):
        entities.extend(store.select(kind, map_id=source_map_id))
    snapshot = Snapshot.of(entities)
    step_refs, lane_refs = element_ids(snapshot, source_map_id)
    step_by_ref = {ref: step_id for step_id, ref in step_refs.items()}
    lane_by_ref = {ref: lane_id for lane_id, ref in lane_refs.items()}
    labels: dict[str, list[int]] = {}
    for step in snapshot.where("step", map_id=source_map_id):
        labels.setdefault(step.label, []).append(step.id)
    steps: dict[str, int] = {}
    for step in plan.steps:
        if step.origin is None:
            continue
        ref, label = step.origin
        origin = snapshot.get("step", step_by_ref.get(ref))
        if origin is not None and origin.label == label:
            steps[step.key] = origin.id
        elif len(labels.get(label, [])) == 1:
            steps[step.key] = labels[label][0]
    lanes = {lane.key: lane_by_ref[lane.origin] for lane in plan.lanes if lane.origin in lane_by_ref}
    return steps, lanes


def _touchpoints(store, plan, values, notes) -> None:
    wanted = [s for s in plan.steps if s.touchpoint]
    if not wanted:
        return
    cycles = {c.id: c.name for c in store.select("cycle")}
    by_both: dict[tuple[str, str], list[int]] = {}
    by_name: dict[str, list[int]] = {}
    for touchpoint in store.select("touchpoint"):
        by_both.setdefault((cycles.get(touchpoint.cycle_id, ""), touchpoint.name), []).append(touchpoint.id)
        by_name.setdefault(touchpoint.name, []).append(touchpoint.id)
    missing = []
    for step in wanted:
        cycle, name = step.touchpoint
        found = by_both.get((cycle, name)) or by_name.get(name) or []
        if len(found) == 1:
            values[f"step:{step.key}"]["touchpoint_id"] = found[0]
        else:
            missing.append(f"{cycle} / {name}" if cycle else name)
    if missing:
        notes.append(tr("{count} links to touchpoints were left out (no single touchpoint of that name in this "
                        "workshop): {names}", count=len(missing), names="; ".join(missing)))


def _obstacles(store, plan, items, process_id, process_key, notes) -> None:
    existing = {tuple(getattr(o, f) for f in _OBSTACLE_FIELDS)
                for o in store.select("obstacle", process_id=process_id)} if process_id is not None else set()
    kept = 0
    for step in plan.steps:
        for n, obstacle in enumerate(step.obstacles):
            if tuple(obstacle.get(f, "") for f in _OBSTACLE_FIELDS) in existing:
                kept += 1              # the process has it already: not written twice
                continue
            items.append((f"obstacle:{step.key}:{n}", "obstacle",
                          {"process_id": process_key, "source_step_id": f"step:{step.key}", **obstacle}))
    if kept:
        notes.append(tr("{count} obstacles of the file are already in the process's obstacle table: they were not "
                        "added again and stay linked to the steps they were linked to.", count=kept))


def _method_rows(plan, items, map_kind, notes) -> None:
    seen: set[tuple[str, int]] = set()
    fits = {"asis_answer": str(map_kind) == "as-is", "cs_check": str(map_kind) in ("to-be", "redesign")}
    unfit = [kind for kind, _ in plan.method_rows if not fits.get(kind)]
    if unfit:
        notes.append(tr("{count} worksheet answers of the file belong to another kind of map than {kind} "
                        "(As-Is questions to an As-Is map, CS check-points to a To-Be map): left out.",
                        count=len(unfit), kind=enum_name(map_kind)))
    for n, (kind, raw) in enumerate(plan.method_rows):
        if not fits.get(kind):
            continue
        number_field = "question" if kind == "asis_answer" else "point"
        try:
            number = int(raw[number_field])
        except (KeyError, ValueError):
            continue
        if not 1 <= number <= (ASIS_QUESTIONS if kind == "asis_answer" else CS_CHECKPOINTS) or (kind, number) in seen:
            continue
        seen.add((kind, number))
        vals: dict[str, Any] = {"map_id": "map", number_field: number}
        if kind == "asis_answer":
            vals["answer"] = raw.get("answer", "")
        else:
            vals["ticked"] = raw.get("ticked") == "true"
            vals["note"] = raw.get("note", "")
        items.append((f"{kind}:{n}", kind, vals))
