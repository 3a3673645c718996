"""Two participants on one shared workshop: each undoes only their own edits, and an undo
over someone else's later edit is refused, naming what changed, with nothing written."""

from __future__ import annotations

import pytest

from mot_workshop.editing.entities import CreateEntity, UpdateEntity
from mot_workshop.editing.history import History
from mot_workshop.persistence.dump import to_json
from mot_workshop.persistence.server.errors import Conflict
from mot_workshop.persistence.server.server import Server


@pytest.fixture
def two_clients(pg_url):
    with Server(pg_url) as server:
        a = server.create(title="Shared")
        b = server.open("Shared")
        yield History(a), History(b)
        a.close()
        b.close()


def test_each_undo_takes_back_only_its_own_edit(two_clients):
    a, b = two_clients
    team_a = CreateEntity("team", {"name": "Team A"})
    team_b = CreateEntity("team", {"name": "Team B"})
    a.push(team_a)
    b.push(team_b)
    a.undo()
    names = [t.name for t in b.store.select("team")]
    assert names == ["Team B"]
    a.redo()
    assert sorted(t.name for t in a.store.select("team")) == ["Team A", "Team B"]


def test_undo_over_someone_elses_change_is_refused_and_writes_nothing(two_clients):
    a, b = two_clients
    create = CreateEntity("team", {"name": "Team A"})
    a.push(create)
    b.push(UpdateEntity("team", create.id, {"name": "Blue team"}))
    before = to_json(a.store.snapshot())
    with pytest.raises(Conflict, match="Blue team"):
        a.undo()
    assert to_json(a.store.snapshot()) == before
    assert a.can_undo                       # still there: the user may try again later
    b.undo()                                # B's own undo is fine
    assert a.store.get("team", create.id).name == "Team A"


def test_redo_after_someone_recreated_nothing_still_works(two_clients):
    a, b = two_clients
    create = CreateEntity("team", {"name": "Team A"})
    a.push(create)
    a.undo()
    b.push(CreateEntity("team", {"name": "Team C"}))
    a.redo()
    assert sorted(t.name for t in b.store.select("team")) == ["Team A", "Team C"]
