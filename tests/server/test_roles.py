"""Facilitator, team member, viewer: enforced by the PostgreSQL server, whatever client writes."""

from __future__ import annotations

import pytest

from mot_workshop.editing.entities import CreateEntity, DeleteEntity
from mot_workshop.editing.history import History
from mot_workshop.persistence.server.errors import NotAllowed
from mot_workshop.persistence.server.roles import Role
from mot_workshop.persistence.server.server import Server


@pytest.fixture
def people(pg_cluster, pg_url):
    for name in ("motw_t_fac", "motw_t_member", "motw_t_viewer", "motw_t_stranger"):
        pg_cluster.psql(f"CREATE ROLE {name} LOGIN CREATEROLE" if name == "motw_t_fac"
                        else f"CREATE ROLE {name} LOGIN")
    pg_cluster.psql("GRANT CREATE ON DATABASE motw_test TO motw_t_fac", database="motw_test")
    return {name: pg_cluster.url(user=f"motw_t_{name}", database="motw_test")
            for name in ("fac", "member", "viewer", "stranger")}


def test_roles_are_enforced_by_the_server(people):
    with Server(people["fac"]) as fac:
        store = fac.create(title="Room")
        team = CreateEntity("team", {"name": "Team A"})
        History(store).push(team)
        store.close()
        fac.admit("Room", "motw_t_member", Role.MEMBER)
        fac.admit("Room", "motw_t_viewer", Role.VIEWER)
        assert fac.role("Room") == Role.FACILITATOR

    with Server(people["member"]) as member:
        assert member.role("Room") == Role.MEMBER
        with member.open("Room") as store:
            History(store).push(CreateEntity("team", {"name": "Team B"}))
        with pytest.raises(NotAllowed):
            member.drop("Room")                # only the facilitator may delete the workshop

    with Server(people["viewer"]) as viewer:
        assert [e.title for e in viewer.workshops()] == ["Room"]
        assert viewer.role("Room") == Role.VIEWER
        with viewer.open("Room") as store:     # even a client that does not hide its buttons
            assert len(store.select("team")) == 2
            with pytest.raises(NotAllowed):
                History(store).push(CreateEntity("team", {"name": "Team C"}))
            with pytest.raises(NotAllowed):
                History(store).push(DeleteEntity("team", team.id))
            assert len(store.select("team")) == 2

    with Server(people["stranger"]) as stranger:
        assert stranger.workshops() == []      # not admitted: not even listed

    with Server(people["fac"]) as fac:
        fac.drop("Room")
        assert fac.workshops() == []
