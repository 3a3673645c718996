"""A workshop with forty participants, three processes with problems on their As-Is map, and
a cycle of five touchpoints, built through commands; and a room open on it (loopback only)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from mot_workshop.editing.entities import CreateEntity
from mot_workshop.editing.history import History
from mot_workshop.persistence.store import Store
from mot_workshop.room.activity import Activity
from mot_workshop.room.headless import HeadlessRoom
from mot_workshop.room.limits import Limits

PHONES = 40


@dataclass
class Built:
    path: Path
    participants: list[int] = field(default_factory=list)
    processes: list[int] = field(default_factory=list)
    cycle: int = 0
    touchpoints: list[int] = field(default_factory=list)
    steps: list[int] = field(default_factory=list)


def build(path: Path, *, people: int = PHONES) -> Built:
    store = Store.create(path, title="Room test", language="en")
    history = History(store)

    def add(entity_kind, **values):
        command = CreateEntity(entity_kind, values)
        history.push(command)
        return command.id

    built = Built(path)
    team = add("team", name="Team A")
    built.participants = [add("participant", name=f"Person {i:02d}", team_id=team if i % 2 else None)
                          for i in range(people)]
    built.processes = [add("process", name=f"Process {i}") for i in range(3)]
    built.cycle = add("cycle", name="Parking")
    built.touchpoints = [add("touchpoint", cycle_id=built.cycle, name=f"Touchpoint {i}", level=3, importance=4)
                         for i in range(5)]
    pmap = add("process_map", process_id=built.processes[0], kind="as-is", title="As-Is")
    lane = add("lane", map_id=pmap, name="Contact", kind="contact")
    built.steps = [add("step", map_id=pmap, lane_id=lane, label=f"Step {i}", x=100.0 * i,
                       problems=f"Problem {i}" if i < 3 else "") for i in range(4)]
    store.close()
    return built


@pytest.fixture
def built(tmp_path) -> Built:
    return build(tmp_path / "room.motw")


@pytest.fixture
def open_room(built):
    rooms = []

    def opener(activity: Activity | None = None, **kw) -> HeadlessRoom:
        room = HeadlessRoom(built.path, activity=activity, **kw)
        room.start()
        rooms.append(room)
        return room

    yield opener
    for room in rooms:
        room.stop()


def run(coro):
    return asyncio.run(coro)


LIMITS_FOR_TESTS = Limits()
