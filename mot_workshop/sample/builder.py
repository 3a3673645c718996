"""Building the sample workshop through the edit commands, into a new file.

Everything after the empty file is made by commands pushed on one ``History`` — the same
path every editor takes — so the sample obeys every rule the UI does, and its history can
be undone to an empty workshop and redone. The file is built beside the target under a
temporary name and moved into place only when complete: a failure leaves no half-written
file, and an existing file is replaced only by a whole sample.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mot_workshop.domain.enums import Language, VoteTarget
from mot_workshop.editing.command import Macro
from mot_workshop.editing.entities import CreateEntity, DeleteEntity, UpdateEntities, UpdateEntity
from mot_workshop.editing.history import History
from mot_workshop.editing.maps import DeriveMap
from mot_workshop.persistence.new_file import replacing
from mot_workshop.persistence.store import WORKSHOP_ID, Store
from mot_workshop.sample.content import cycles, maps, method_answers, processes, workshop, worksheets
from mot_workshop.sample.content.model import (
    Add,
    At,
    Delete,
    DerivedSpec,
    Edit,
    Key,
    MapSpec,
    RemovePhase,
    T,
    Update,
    UpdateAll,
)

Scope = dict[tuple[str, str], int]
CORE_PROCESS = Key("process", "exchange")
INTERVIEW_HEAD = ("target_customer", "interviewee", "interviewer", "held_at", "place", "method")


def build_sample(path: str | Path, lang: str = "ko", *, overwrite: bool = False) -> Path:
    """Write the sample workshop in ``lang`` ("ko" or "en") to ``path`` and return the path."""
    lang = Language(lang).value
    path = Path(path).absolute()
    with replacing(path, overwrite=overwrite, tag="sample") as tmp:
        store = Store.create(tmp, overwrite=True, **workshop_fields(lang))
        try:
            _build(store, lang)
        finally:
            store.close()
    return path


def workshop_fields(lang: str) -> dict[str, Any]:
    """The workshop record of the sample in ``lang``."""
    fields = {name: _pick(value, lang) for name, value in workshop.WORKSHOP.items()}
    fields["language"] = lang
    return fields


def build_into(store: Store, lang: str) -> History:
    """Build the sample into an open, empty workshop (a file or a team server's)."""
    return _build(store, lang)


def _build(store: Store, lang: str) -> History:
    """Build the sample into the open ``store`` (an empty workshop) and return the history."""
    builder = _Builder(store, Language(lang).value)
    builder.run()
    return builder.history


def _signature(entity: Any) -> tuple:
    """What a copy of a lane, phase, step or flow keeps from its original."""
    return (getattr(entity, "name", None), getattr(entity, "label", None), getattr(entity, "x", None))


def _pick(value: Any, lang: str) -> Any:
    return value.pick(lang) if isinstance(value, T) else value


class _Builder:
    def __init__(self, store: Store, lang: str):
        self.store = store
        self.lang = lang
        self.history = History(store)
        self.ids: Scope = {}                      # ("team", "service") -> id, for the whole workshop
        self.map_ids: dict[str, int] = {}         # map kind -> id
        self.scopes: dict[str, Scope] = {}        # map kind -> names of its lanes, phases, steps, flows

    # ------------------------------------------------------------------ the whole workshop
    def run(self) -> None:
        self.history.push(UpdateEntity("workshop", WORKSHOP_ID, workshop_fields(self.lang)))
        for key, values in workshop.TEAMS:
            self.create("team", values, key)
        for key, values in workshop.PARTICIPANTS:
            self.create("participant", values, key)
        for key, values in processes.PROCESSES:
            self.create("process", values, key)
        for participant, process, dots in processes.VOTES:
            self.create("vote", {"participant_id": Key("participant", participant),
                                 "target_kind": VoteTarget.PROCESS, "target_id": Key("process", process),
                                 "dots": dots})
        for key, values in cycles.CYCLES:
            cycle_id = self.create("cycle", values, key)
            for tp_key, tp_values in cycles.TOUCHPOINTS[key]:
                self.create("touchpoint", {**tp_values, "cycle_id": cycle_id}, tp_key)
        for spec in maps.MAPS:
            if isinstance(spec, MapSpec):
                self.draw_map(spec)
            else:
                self.derive_map(spec)
        self.worksheets()
        for values in workshop.NOTES:
            self.create("note", values)
        for step_no, status, seconds, notes in workshop.PROGRESS:
            self.create("step_progress", {"step_no": step_no, "status": status, "process_id": CORE_PROCESS,
                                          "seconds_spent": seconds, "notes": notes})

    def worksheets(self) -> None:
        as_is = self.scopes["as-is"]
        tables = (("voc", worksheets.VOC), ("output_analysis", worksheets.OUTPUTS),
                  ("benchmark", worksheets.BENCHMARKS), ("obstacle", worksheets.OBSTACLES),
                  ("target", worksheets.TARGETS), ("key_indicator", worksheets.KEY_INDICATORS),
                  ("action", worksheets.ACTIONS))
        interviews: dict[tuple, int] = {}
        for kind, rows in tables:
            for values in rows:
                if kind == "voc":       # each interview's head once, its requirements under it
                    head = tuple(_pick(values.get(f), self.lang) for f in INTERVIEW_HEAD)
                    if head not in interviews:
                        interviews[head] = self.create("interview", {**{f: values[f] for f in INTERVIEW_HEAD
                                                                        if f in values},
                                                                     "process_id": CORE_PROCESS})
                    values = {**values, "interview_id": interviews[head]}
                self.create(kind, {**values, "process_id": CORE_PROCESS}, scope=as_is)
        self.method_answers()

    def method_answers(self) -> None:
        """Objectives, discussion aspects, As-Is answers, the Q/C/D/S grid, CS check-points."""
        self.history.push(UpdateEntity("workshop", WORKSHOP_ID,
                                       {"objectives": method_answers.OBJECTIVES.pick(self.lang)}))
        for values in method_answers.ASPECTS:
            self.create("viewpoint_aspect", values)
        for n, answer in enumerate(method_answers.ASIS_ANSWERS, 1):
            self.create("asis_answer", {"map_id": self.map_ids["as-is"], "question": n, "answer": answer})
        for values in method_answers.QCDS_SCORES:
            self.create("qcds_score", {**values, "process_id": CORE_PROCESS})
        for n, (ticked, note) in enumerate(method_answers.CS_CHECKS, 1):
            self.create("cs_check", {"map_id": self.map_ids["to-be"], "point": n, "ticked": ticked, "note": note})

    # ------------------------------------------------------------------ maps
    def draw_map(self, spec: MapSpec) -> None:
        map_id = self.create("process_map", {"process_id": CORE_PROCESS, "kind": spec.kind,
                                             "title": spec.title, "notes": spec.notes})
        scope: Scope = {}
        for kind, rows in (("lane", spec.lanes), ("phase", spec.phases)):
            for key, values in rows:
                scope[(kind, key)] = self.create(kind, {**values, "map_id": map_id}, scope=scope)
        for kind, rows in (("step", spec.steps), ("flow", spec.flows)):
            for key, values in rows:
                self.add(map_id, scope, Add(kind, key, values))
        self.map_ids[spec.kind] = map_id
        self.scopes[spec.kind] = scope

    def derive_map(self, spec: DerivedSpec) -> None:
        source_id = self.map_ids[spec.source]
        originals = {kind: self.store.select(kind, map_id=source_id) for kind in ("lane", "phase", "step", "flow")}
        command = DeriveMap(source_id, spec.kind, title=_pick(spec.title, self.lang))
        self.history.push(command)
        map_id = command.new_map_id
        new_ids: dict[tuple[str, int], int] = {}
        for kind, items in originals.items():
            copies = [e for e in command.created if e.KIND == kind]
            if len(copies) != len(items):
                raise RuntimeError(f"DeriveMap copied {len(copies)} of {len(items)} {kind}s")
            for old, new in zip(items, copies):
                if _signature(old) != _signature(new):
                    raise RuntimeError(f"DeriveMap copied {kind} {old.id} out of order")
                new_ids[(kind, old.id)] = new.id
        scope = {(kind, name): new_ids[(kind, id)] for (kind, name), id in self.scopes[spec.source].items()}
        self.history.push(UpdateEntity("process_map", map_id, {"notes": _pick(spec.notes, self.lang)}))
        for edit in spec.edits:
            self.apply(map_id, scope, edit)
        self.map_ids[spec.kind] = map_id
        self.scopes[spec.kind] = scope

    def apply(self, map_id: int, scope: Scope, edit: Edit) -> None:
        if isinstance(edit, Add):
            self.add(map_id, scope, edit)
        elif isinstance(edit, Update):
            values = self.place(map_id, scope, self.resolve(edit.values, scope))
            self.history.push(UpdateEntity(edit.kind, scope[(edit.kind, edit.key)], values))
        elif isinstance(edit, UpdateAll):
            values = self.resolve(edit.values, scope)
            targets = self.store.select(edit.kind, map_id=map_id)
            self.history.push(UpdateEntities(edit.kind, {e.id: values for e in targets}))
        elif isinstance(edit, Delete):
            self.history.push(DeleteEntity(edit.kind, scope[(edit.kind, edit.key)]))
            self.forget_deleted(scope)
        elif isinstance(edit, RemovePhase):
            self.remove_phase(map_id, scope, edit.key)
        else:  # pragma: no cover - a new kind of edit must be taught here
            raise TypeError(f"unknown edit {edit!r}")

    def add(self, map_id: int, scope: Scope, edit: Add) -> None:
        values = self.place(map_id, scope, self.resolve({**edit.values, "map_id": map_id}, scope))
        scope[(edit.kind, edit.key)] = self.create(edit.kind, values)

    def remove_phase(self, map_id: int, scope: Scope, key: str) -> None:
        """Delete an emptied column and move everything right of it left by its width."""
        phase_id = scope[("phase", key)]
        start, width = self.column(map_id, phase_id)
        steps = self.store.select("step", map_id=map_id)
        if any(step.phase_id == phase_id for step in steps):
            raise ValueError(f"phase {key!r} still holds steps; delete or move them first")
        moves = {s.id: {"x": s.x - width} for s in steps if s.x >= start + width}
        delete = DeleteEntity("phase", phase_id)
        self.history.push(Macro(delete.text, [delete, UpdateEntities("step", moves)]))
        self.forget_deleted(scope)

    def place(self, map_id: int, scope: Scope, values: dict[str, Any]) -> dict[str, Any]:
        """Turn an ``At`` position into the step's phase and x."""
        at = values.get("x")
        if not isinstance(at, At):
            return values
        phase_id = scope[("phase", at.phase)]
        start, width = self.column(map_id, phase_id)
        if not 0 <= at.offset <= width:
            raise ValueError(f"offset {at.offset} lies outside phase {at.phase!r} (width {width})")
        return {**values, "phase_id": phase_id, "x": start + at.offset}

    def column(self, map_id: int, phase_id: int) -> tuple[float, float]:
        """Where a phase's column starts on the time axis, and its width."""
        start = 0.0
        for phase in self.store.select("phase", map_id=map_id):
            if phase.id == phase_id:
                return start, phase.width
            start += phase.width
        raise KeyError(f"phase {phase_id} is not in map {map_id}")

    def forget_deleted(self, scope: Scope) -> None:
        """Drop the names of entities a delete took with it (a step's flows)."""
        for name, id in list(scope.items()):
            if self.store.get(name[0], id) is None:
                del scope[name]

    # ------------------------------------------------------------------ single entities
    def create(self, kind: str, values: Mapping[str, Any], key: str | None = None, *,
               scope: Scope | None = None) -> int:
        command = CreateEntity(kind, self.resolve(values, scope))
        self.history.push(command)
        if key is not None:
            self.ids[(kind, key)] = command.id
        return command.id

    def resolve(self, values: Mapping[str, Any], scope: Scope | None) -> dict[str, Any]:
        """Texts in the sample's language, names turned into ids (``At`` is left to ``place``)."""
        out = {}
        for name, value in values.items():
            if isinstance(value, Key):
                ref = (value.kind, value.name)
                if scope is not None and ref in scope:
                    value = scope[ref]
                elif ref in self.ids:
                    value = self.ids[ref]
                else:
                    raise KeyError(f"the sample refers to an unknown {value.kind} {value.name!r}")
            out[name] = _pick(value, self.lang)
        return out
