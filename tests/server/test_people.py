"""The people admitted to a shared workshop: listed with role and since when; the facilitator
moves someone to another role or removes them, the server enforcing it and logging who did
what; a removed login is refused by the server itself."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from mot_workshop.editing.entities import CreateEntity
from mot_workshop.editing.history import History
from mot_workshop.persistence.server.errors import NotAllowed, ServerError, WorkshopNotFound
from mot_workshop.persistence.server.roles import Role
from mot_workshop.persistence.server.server import Server
from tests.server.test_roles import people  # noqa: F401 - the logins of the tests


def _log(server: Server) -> list[tuple[str, str, str | None]]:
    with server._connection() as conn:
        return [tuple(r) for r in conn.execute(sa.text(
            "SELECT by_login, login, role FROM motw_catalog.admission ORDER BY id"))]


def test_the_facilitator_sees_moves_and_removes_people_and_the_server_enforces_it(people):  # noqa: F811
    with Server(people["fac"]) as fac:
        fac.create(title="Room").close()
        fac.admit("Room", "motw_t_member", Role.MEMBER)
        fac.admit("Room", "motw_t_viewer", Role.VIEWER)
        listed = fac.people("Room")
        assert [(p.login, p.role) for p in listed] == [
            ("motw_t_fac", Role.FACILITATOR), ("motw_t_member", Role.MEMBER), ("motw_t_viewer", Role.VIEWER)]
        assert all(p.since is not None for p in listed)
        assert {p.by for p in listed} == {"motw_t_fac"}

    member = Server(people["member"])
    store = member.open("Room")          # open while the facilitator removes them
    History(store).push(CreateEntity("team", {"name": "Team M"}))
    with Server(people["viewer"]) as viewer:
        assert [(p.login, p.role) for p in viewer.people("Room")][1:] == [
            ("motw_t_member", Role.MEMBER), ("motw_t_viewer", Role.VIEWER)]      # everyone admitted may look
        with pytest.raises(NotAllowed):
            viewer.remove("Room", "motw_t_member")                             # but only facilitators change
        with pytest.raises(NotAllowed):
            viewer.admit("Room", "motw_t_viewer", Role.FACILITATOR)

    with Server(people["fac"]) as fac:
        fac.admit("Room", "motw_t_viewer", Role.MEMBER)       # the projector's login now edits
        fac.remove("Room", "motw_t_member")
        assert [(p.login, p.role) for p in fac.people("Room")] == [
            ("motw_t_fac", Role.FACILITATOR), ("motw_t_viewer", Role.MEMBER)]
        assert _log(fac)[-3:] == [("motw_t_fac", "motw_t_viewer", "viewer"),
                                  ("motw_t_fac", "motw_t_viewer", "member"),
                                  ("motw_t_fac", "motw_t_member", None)]

    with pytest.raises(NotAllowed):       # the removed login's open connection: refused at once
        History(store).push(CreateEntity("team", {"name": "after removal"}))
    store.close()
    member.close()
    with Server(people["member"]) as member:        # and connecting again: the workshop is gone for them
        assert member.workshops() == []
        with pytest.raises(WorkshopNotFound):
            member.open("Room")
    with Server(people["viewer"]) as viewer, viewer.open("Room") as moved:
        History(moved).push(CreateEntity("team", {"name": "Team V"}))
        assert [t.name for t in moved.select("team")] == ["Team M", "Team V"]


def test_the_last_facilitator_cannot_be_removed_and_the_log_cannot_be_forged(people, pg_cluster):  # noqa: F811
    with Server(people["fac"]) as fac:
        fac.create(title="Solo").close()
        with pytest.raises(ServerError, match="only facilitator"):
            fac.remove("Solo", "motw_t_fac")
        with pytest.raises(ServerError, match="only facilitator"):
            fac.admit("Solo", "motw_t_fac", Role.VIEWER)
        with pytest.raises(ServerError, match="no login"):
            fac.admit("Solo", "nobody_of_that_name", Role.VIEWER)
        fac.admit("Solo", "motw_t_member", Role.FACILITATOR)
        before = _log(fac)
    with Server(people["member"]) as second:       # a second facilitator may then take over
        second.remove("Solo", "motw_t_fac")
        assert [(p.login, p.role) for p in second.people("Solo")] == [("motw_t_member", Role.FACILITATOR)]
        assert _log(second) == before + [("motw_t_member", "motw_t_fac", None)]
    with Server(people["viewer"]) as outsider:
        with pytest.raises(NotAllowed):            # a row in someone else's name, or by a non-facilitator
            with outsider._transaction() as conn:
                conn.execute(sa.text("INSERT INTO motw_catalog.admission (workshop_id, login, role) "
                                     "SELECT id, 'motw_t_viewer', 'facilitator' FROM motw_catalog.workshop"))
        with pytest.raises(NotAllowed):            # nor is the log rewritten
            with outsider._transaction() as conn:
                conn.execute(sa.text("DELETE FROM motw_catalog.admission"))
