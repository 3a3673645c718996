"""Facilitator, team member, viewer: enforced by the PostgreSQL server, whatever client writes."""

from __future__ import annotations

import threading

import pytest
import sqlalchemy as sa

from mot_workshop.editing.entities import CreateEntity, DeleteEntity
from mot_workshop.editing.history import History
from mot_workshop.persistence.schema import SCHEMA_VERSION
from mot_workshop.persistence.server.errors import NotAllowed, ServerError
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


def _made_older(server: Server, title: str) -> None:
    """A workshop of the previous schema version, as an older app left it."""
    from alembic import command

    from mot_workshop.persistence.migrate import alembic_config
    from mot_workshop.persistence.server import catalog
    from mot_workshop.persistence.server.migrate import _skip_pragmas

    store = server.create(title=title)
    schema = store.schema
    store.close()
    with server._transaction() as conn:
        sa.event.listen(conn, "before_cursor_execute", _skip_pragmas, retval=True)
        conn.exec_driver_sql(f"SET LOCAL search_path TO {catalog.quote(conn, schema)}")
        config = alembic_config(conn)
        config.attributes["version_table_schema"] = schema
        command.downgrade(config, f"{SCHEMA_VERSION - 1:04d}")


def test_a_second_facilitator_manages_and_an_older_workshop_is_read_only_for_members(people, pg_cluster):
    pg_cluster.psql("CREATE ROLE motw_t_fac2 LOGIN")
    fac2_url = pg_cluster.url(user="motw_t_fac2", database="motw_test")
    with Server(people["fac"]) as fac:
        _made_older(fac, "Old room")
        fac.admit("Old room", "motw_t_fac2", Role.FACILITATOR)
        fac.admit("Old room", "motw_t_member", Role.MEMBER)

    with Server(people["member"]) as member, member.open("Old room") as store:
        assert store.read_only and "older version" in store.read_only_reason
        assert store.schema_version() == SCHEMA_VERSION - 1
        with pytest.raises(ServerError, match="older version"):
            History(store).push(CreateEntity("team", {"name": "Team M"}))

    opened, failures = [], []

    def open_as(url: str) -> None:
        try:
            with Server(url) as server, server.open("Old room") as store:
                opened.append((store.read_only, store.schema_version()))
        except Exception as exc:  # noqa: BLE001 - reported below
            failures.append(exc)

    both = [threading.Thread(target=open_as, args=(url,)) for url in (people["fac"], fac2_url)]
    for thread in both:         # both facilitators open it at once: one upgrades, the other waits
        thread.start()
    for thread in both:
        thread.join(60)
    assert failures == [] and opened == [(False, SCHEMA_VERSION)] * 2

    with Server(fac2_url) as fac2:
        assert fac2.role("Old room") == Role.FACILITATOR
        fac2.admit("Old room", "motw_t_viewer", Role.VIEWER)        # the second one admits people too
        with fac2.open("Old room") as store:
            History(store).push(CreateEntity("team", {"name": "Team F2"}))
    with Server(people["viewer"]) as viewer:
        assert viewer.role("Old room") == Role.VIEWER
    with Server(people["member"]) as member, member.open("Old room") as store:
        assert not store.read_only                                   # up to date now: members write
        History(store).push(CreateEntity("team", {"name": "Team M"}))
