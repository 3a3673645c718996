"""Random edits, undos and redos on a real file keep every promise of the history.

A hypothesis state machine pushes random commands (create, update, delete, reorder over
touchpoints, cycles, processes, maps, lanes, phases, steps, flows, votes …; DeriveMap;
macros), many of them refused by the rules, and undoes and redoes at random. Checked:

- a refused command changes nothing and does not enter the history;
- every undo gives back exactly the dump before that step, every redo the dump after it;
- undo_all gives the dump of the start; redoing everything gives the dump before the undo;
- closing and reopening the file gives the same dump (and the history still works: its
  commands hold ids, never live objects);
- the workshop always passes audit() and SQLite's integrity and foreign-key checks.

MOT_STATEFUL_EXAMPLES=600 runs a longer search (the default, 30, takes some 15 s).
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import hypothesis.strategies as st
from hypothesis import HealthCheck, event, settings
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from mot_workshop.domain.audit import audit
from mot_workshop.domain.enums import Element, LaneKind, MapKind, Shape, VoteTarget
from mot_workshop.domain.rules import RuleError
from mot_workshop.editing.command import Command, Macro
from mot_workshop.editing.entities import CreateEntity, DeleteEntity, UpdateEntities, UpdateEntity
from mot_workshop.editing.history import History
from mot_workshop.editing.maps import DeriveMap
from mot_workshop.editing.ordering import Reorder
from mot_workshop.persistence.dump import to_json
from mot_workshop.persistence.store import Store
from tests.world import build_world

MISSING = 999_999          # an id that never exists: commands using it must be refused
NAMES = st.text(alphabet="abcxyz 가나다 -", min_size=1, max_size=8).filter(lambda s: s.strip())
KINDS = ("team", "participant", "process", "cycle", "touchpoint", "process_map", "lane", "phase", "step",
         "flow", "vote", "note", "obstacle", "step_progress")
ORDERED = {"touchpoint": "cycle_id", "lane": "map_id", "phase": "map_id", "cycle": "parent_id",
           "participant": "team_id", "process": None, "team": None, "note": None}

_TEMPLATE: dict[str, Path] = {}
# Every step is a durable commit; in memory-backed /dev/shm (where there is one) the fsyncs
# cost nothing and many more sequences fit in the time.
_FAST_DIR = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None


def template() -> Path:
    """A world (every kind present) built once; each example starts from a copy of it."""
    if "path" not in _TEMPLATE:
        folder = Path(tempfile.mkdtemp(prefix="mot-stateful-template-", dir=_FAST_DIR))
        path = folder / "template.motw"
        store = Store.create(path, title="Stateful", language="en")
        history = History(store)
        world = build_world(history)
        history.push(DeriveMap(world.id("process_map"), MapKind.TO_BE))
        store.close()
        atexit.register(shutil.rmtree, folder, True)
        _TEMPLATE["path"] = path
    return _TEMPLATE["path"]


class Refused(Exception):
    """Building the command itself was refused (input rules): it never reached the history."""


class HistoryMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="mot-stateful-", dir=_FAST_DIR))
        self.path = self.folder / "workshop.motw"
        shutil.copyfile(template(), self.path)
        self.store = Store.open(self.path)
        self.history = History(self.store)
        self.done = [self.dump()]      # the dump after each step on the undo stack; [0] = start
        self.undone: list[str] = []    # the dumps redo will give, last first

    def teardown(self) -> None:
        try:
            if not self.store.closed:
                self.check_undo_all_and_redo_all()
                assert self.store.integrity_problems() == []
        finally:
            self.store.close()
            shutil.rmtree(self.folder, ignore_errors=True)

    # ------------------------------------------------------------ helpers
    def dump(self) -> str:
        return to_json(self.store.snapshot())

    def ids(self, kind: str, **where) -> list[int]:
        return [e.id for e in self.store.select(kind, **where)]

    def pick(self, data, kind: str, *, optional: bool = False, **where) -> int | None:
        """An existing id of ``kind`` (often), None (if optional), or a missing id (rarely)."""
        choices: list[int | None] = self.ids(kind, **where) or [MISSING]
        if optional:
            choices = [None, *choices]
        if data.draw(st.integers(0, 19), label="missing?") == 0:
            return MISSING
        return data.draw(st.sampled_from(choices), label=f"{kind} id")

    def entity(self, data, kind: str):
        entities = self.store.select(kind)
        return data.draw(st.sampled_from(entities), label=kind) if entities else None

    def new_values(self, data, kind: str) -> dict:
        d = data.draw
        name = d(NAMES, label="name")
        if kind == "team":
            return {"name": name}
        if kind == "participant":
            return {"team_id": self.pick(data, "team", optional=True), "name": name}
        if kind == "process":
            return {"name": name, "innovation": d(st.none() | st.integers(1, 5)), "team_id": None}
        if kind == "cycle":
            return {"name": name, "parent_id": self.pick(data, "cycle", optional=True),
                    "process_id": self.pick(data, "process", optional=True)}
        if kind == "touchpoint":
            return {"cycle_id": self.pick(data, "cycle"), "name": name, "element": d(st.sampled_from(Element)),
                    "level": d(st.none() | st.integers(1, 5)), "critical": d(st.booleans())}
        if kind == "process_map":
            return {"process_id": self.pick(data, "process"), "kind": d(st.sampled_from(MapKind))}
        if kind == "lane":
            return {"map_id": self.pick(data, "process_map"), "name": name, "kind": d(st.sampled_from(LaneKind))}
        if kind == "phase":
            return {"map_id": self.pick(data, "process_map"), "name": name}
        if kind == "step":
            map_id = self.pick(data, "process_map")
            same_map = d(st.integers(0, 9), label="same map?") > 0
            where = {"map_id": map_id} if same_map else {}
            return {"map_id": map_id, "lane_id": self.pick(data, "lane", **where),
                    "phase_id": self.pick(data, "phase", optional=True, **where),
                    "touchpoint_id": self.pick(data, "touchpoint", optional=True),
                    "linked_process_id": self.pick(data, "process", optional=True),
                    "shape": d(st.sampled_from(Shape)), "label": name, "x": d(st.integers(0, 900)) * 1.0}
        if kind == "flow":
            map_id = self.pick(data, "process_map")
            where = {"map_id": map_id} if d(st.integers(0, 9), label="same map?") > 0 else {}
            return {"map_id": map_id, "source_id": self.pick(data, "step", **where),
                    "target_id": self.pick(data, "step", **where), "label": name}
        if kind == "vote":
            target = d(st.sampled_from(VoteTarget))
            voter = d(st.sampled_from(["participant", "team", "nobody"]), label="voter")
            values = {"target_kind": target, "target_id": self.pick(data, str(target)), "dots": d(st.integers(0, 5))}
            if voter != "nobody":
                values[f"{voter}_id"] = self.pick(data, voter)
            return values
        if kind == "note":
            return {"text": name, "wizard_step": d(st.none() | st.integers(1, 8))}
        if kind == "obstacle":
            return {"process_id": self.pick(data, "process"), "obstacle": name,
                    "source_step_id": self.pick(data, "step", optional=True)}
        if kind == "step_progress":
            return {"step_no": d(st.integers(1, 8)), "process_id": self.pick(data, "process", optional=True)}
        raise AssertionError(kind)

    def changed_values(self, data, entity) -> dict:
        """A change of one or two fields: names, scores, references (some refused)."""
        d = data.draw
        kind = entity.KIND
        options: list[dict] = [{"name": d(NAMES)}] if hasattr(entity, "name") else []
        if kind == "touchpoint":
            options += [{"level": d(st.none() | st.integers(1, 5))}, {"critical": not entity.critical}]
        elif kind in ("lane", "phase"):
            options += [{"map_id": self.pick(data, "process_map")}]             # refused if it holds steps
        elif kind == "step":
            options += [{"label": d(NAMES)}, {"x": entity.x + 10, "y": entity.y + 5},
                        {"map_id": self.pick(data, "process_map")},
                        {"lane_id": self.pick(data, "lane")},                    # maybe another map
                        {"phase_id": self.pick(data, "phase", optional=True)},
                        {"touchpoint_id": self.pick(data, "touchpoint", optional=True)}]
        elif kind == "flow":
            options += [{"target_id": self.pick(data, "step")}, {"source_id": entity.target_id},
                        {"label": d(NAMES)}]
        elif kind == "cycle":
            options += [{"parent_id": self.pick(data, "cycle", optional=True)},   # loops are refused
                        {"process_id": self.pick(data, "process", optional=True)}]
        elif kind == "process":
            options += [{"feasibility": d(st.none() | st.integers(1, 5)), "selected": not entity.selected}]
        elif kind == "process_map":
            options += [{"title": d(NAMES)}, {"kind": d(st.sampled_from(MapKind))}]
        elif kind == "vote":
            options += [{"dots": d(st.integers(0, 5))}, {"target_id": self.pick(data, str(entity.target_kind))}]
        elif kind == "note":
            options += [{"text": d(NAMES)}, {"done": not entity.done}]
        elif kind == "participant":
            options += [{"team_id": self.pick(data, "team", optional=True)}]
        if not options:
            options = [{}]
        return d(st.sampled_from(options), label="change")

    def make_command(self, data, depth: int = 0) -> Command:
        d = data.draw
        what = d(st.sampled_from(["create", "create", "update", "update", "delete", "reorder", "derive",
                                  "multi-move"] + (["macro"] if depth == 0 else [])), label="command")
        if what == "create":
            kind = d(st.sampled_from(KINDS), label="kind")
            at = d(st.none() | st.integers(0, 4), label="at")
            return CreateEntity(kind, self.new_values(data, kind), at=at)
        if what == "update":
            kind = d(st.sampled_from(KINDS), label="kind")
            entity = self.entity(data, kind)
            if entity is None:
                return UpdateEntity(kind, MISSING, {})
            return UpdateEntity(kind, entity.id, self.changed_values(data, entity), mergeable=d(st.booleans()))
        if what == "multi-move":
            steps = self.store.select("step")
            chosen = d(st.lists(st.sampled_from(steps), min_size=1, max_size=4, unique_by=lambda s: s.id)
                       if steps else st.just([]))
            dx = d(st.integers(-50, 50))
            return UpdateEntities("step", {s.id: {"x": s.x + dx, "y": s.y - dx} for s in chosen})
        if what == "delete":
            kind = d(st.sampled_from(KINDS), label="kind")
            entity = self.entity(data, kind)
            return DeleteEntity(kind, entity.id if entity else MISSING, allow_guarded=d(st.booleans()))
        if what == "reorder":
            kind = d(st.sampled_from(sorted(ORDERED)), label="kind")
            entity = self.entity(data, kind)
            if entity is None:
                return Reorder(kind, MISSING, 0)
            scope_field = ORDERED[kind]
            new_scope = None
            if scope_field is not None and d(st.booleans(), label="other list?"):
                target_kind = {"cycle_id": "cycle", "map_id": "process_map", "parent_id": "cycle",
                               "team_id": "team"}[scope_field]
                new_scope = {scope_field: self.pick(data, target_kind, optional=scope_field in ("parent_id",
                                                                                               "team_id"))}
            return Reorder(kind, entity.id, d(st.integers(0, 6), label="to"), new_scope=new_scope)
        if what == "derive":
            return DeriveMap(self.pick(data, "process_map"), d(st.sampled_from(MapKind)))
        parts = [self.make_command(data, depth + 1) for _ in range(d(st.integers(2, 3), label="parts"))]
        return Macro("random macro", parts)

    # ------------------------------------------------------------ rules
    # Three rules push a command, so that edits outnumber undos, redos and reopenings.
    @rule(data=st.data())
    def push(self, data) -> None:
        self.push_command(data)

    @rule(data=st.data())
    def push_another(self, data) -> None:
        self.push_command(data)

    @rule(data=st.data())
    def push_one_more(self, data) -> None:
        self.push_command(data)

    def push_command(self, data) -> None:
        before, steps = self.done[-1], len(self.history)
        redo_before = self.history.can_redo
        try:
            try:
                command = self.make_command(data)
            except RuleError as exc:
                raise Refused from exc
            self.history.push(command)
        except (RuleError, Refused) as exc:
            event(f"refused at {'construction' if isinstance(exc, Refused) else 'execute'}")
            assert self.dump() == before, "a refused command changed the file"
            assert len(self.history) == steps and self.history.can_redo == redo_before
            return
        event(f"accepted {type(command).__name__}")
        after = self.dump()
        if len(self.history) == steps:       # merged into the previous step (typing)
            assert steps > 0
            self.done[-1] = after
        else:
            assert len(self.history) == steps + 1
            self.done.append(after)
        self.undone.clear()
        assert not self.history.can_redo

    @precondition(lambda self: self.history.can_undo)
    @rule()
    def undo(self) -> None:
        self.history.undo()
        self.undone.append(self.done.pop())
        assert self.dump() == self.done[-1], "undo did not give back the state before the step"

    @precondition(lambda self: self.history.can_redo)
    @rule()
    def redo(self) -> None:
        self.history.redo()
        self.done.append(self.undone.pop())
        assert self.dump() == self.done[-1], "redo did not give the state after the step"

    @rule()
    def reopen(self) -> None:
        before = self.dump()
        self.store.close()
        self.store = Store.open(self.path)
        self.history.store = self.store      # the commands hold ids only: they work on the new store
        assert self.dump() == before
        assert self.store.integrity_problems() == []

    @rule()
    def break_merge(self) -> None:
        self.history.break_merge()

    @rule()
    def undo_all_and_redo_all(self) -> None:
        self.check_undo_all_and_redo_all()

    def check_undo_all_and_redo_all(self) -> None:
        before, steps = self.dump(), len(self.history)
        assert before == self.done[-1]
        self.history.undo_all()
        assert self.dump() == self.done[0], "undo_all did not give the start"
        assert len(self.history) == 0
        self.undone.extend(reversed(self.done[1:]))
        del self.done[1:]
        for _ in range(steps):
            self.history.redo()
            self.done.append(self.undone.pop())
        assert self.dump() == before, "redoing everything did not give the state before undo_all"

    @invariant()
    def sound(self) -> None:
        snapshot = self.store.snapshot()
        problems = audit(snapshot)
        assert problems == [], problems
        assert len(self.history) == len(self.done) - 1
        assert self.history.can_redo == bool(self.undone)


HistoryMachine.TestCase.settings = settings(
    max_examples=int(os.environ.get("MOT_STATEFUL_EXAMPLES", "30")), stateful_step_count=30, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
)
TestHistoryMachine = HistoryMachine.TestCase


# ------------------------------------------------------------------ found by the machine
def test_a_lane_or_phase_holding_steps_cannot_leave_for_another_map(tmp_path):
    """Moving a lane (or a phase) that holds steps to another map would leave its steps in
    a map it is not in. Both ways of moving it are refused, and change nothing."""
    path = tmp_path / "move.motw"
    shutil.copyfile(template(), path)
    with Store.open(path) as store:
        history = History(store)
        maps = store.select("process_map")           # the process's As-Is and its derived To-Be
        as_is, to_be = (m.id for m in maps if m.process_id == maps[0].process_id)
        lane = next(lane for lane in store.select("lane", map_id=as_is) if store.count("step", lane_id=lane.id))
        phase = next(p for p in store.select("phase", map_id=as_is) if store.count("step", phase_id=p.id))
        before = to_json(store.snapshot())
        for command in (Reorder("lane", lane.id, 0, new_scope={"map_id": to_be}),
                        Reorder("phase", phase.id, 0, new_scope={"map_id": to_be}),
                        UpdateEntity("lane", lane.id, {"map_id": to_be}),
                        UpdateEntity("phase", phase.id, {"map_id": to_be})):
            try:
                history.push(command)
            except RuleError as exc:
                assert "cannot follow" in str(exc)
            else:
                raise AssertionError(f"{command.text} was not refused")
            assert to_json(store.snapshot()) == before and len(history) == 0
        # an empty lane may go; the steps' rules hold
        empty = CreateEntity("lane", {"map_id": as_is, "name": "Empty"})
        history.push(empty)
        history.push(Reorder("lane", empty.id, 0, new_scope={"map_id": to_be}))
        assert store.get("lane", empty.id).map_id == to_be
        assert audit(store.snapshot()) == []
        history.undo_all()
        assert to_json(store.snapshot()) == before
