"""The people admitted to a shared workshop: who holds which role since when, and the
facilitator's admitting, moving and removing them.

What a person may do is PostgreSQL's own membership of the workshop's group roles
(roles.py), so a removed login is refused by the server at its next statement, whatever
client it uses. Each change is one transaction: the GRANT or REVOKE and a row of the
catalog's admission log (who did what to whom, when), written together or not at all.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa

from mot_workshop.i18n import tr
from mot_workshop.persistence.server import catalog, roles
from mot_workshop.persistence.server.roles import Role


class CannotChange(Exception):
    """A change that would leave the workshop without anyone to manage it, or a login the
    server does not know: refused before anything is sent."""


@dataclass(frozen=True)
class Admitted:
    login: str
    role: Role
    since: dt.datetime | None     # None: admitted before the server kept a log
    by: str


def admitted(conn: sa.Connection, entry: catalog.Entry) -> list[Admitted]:
    """Every login holding one of the workshop's roles (its strongest), facilitators first."""
    groups = {roles.group(entry.schema, role): role for role in Role}
    rows = conn.execute(sa.text(
        "SELECT g.rolname, u.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid "
        "JOIN pg_roles u ON u.oid = m.member WHERE g.rolname = ANY(:groups) AND NOT (u.rolname = ANY(:groups))"),
        {"groups": list(groups)}).all()
    order = list(Role)
    strongest: dict[str, Role] = {}
    for group_name, login in rows:
        role = groups[group_name]
        if login not in strongest or order.index(role) < order.index(strongest[login]):
            strongest[login] = role
    log = _latest(conn, entry.id)
    people = []
    for login, role in strongest.items():
        since, by = log.get(login, (None, ""))
        people.append(Admitted(login, role, since, by))
    return sorted(people, key=lambda p: (order.index(p.role), p.login))


def _latest(conn: sa.Connection, workshop_id: int) -> dict[str, tuple[dt.datetime, str]]:
    if not conn.execute(sa.text("SELECT to_regclass(:name)"), {"name": f"{catalog.CATALOG}.admission"}).scalar():
        return {}
    table = catalog.admission
    rows = conn.execute(sa.select(table.c.login, table.c.at, table.c.by_login)
                        .where(table.c.workshop_id == workshop_id).order_by(table.c.id)).all()
    return {login: (at, by) for login, at, by in rows}


def admit(conn: sa.Connection, entry: catalog.Entry, login: str, role: Role | str) -> None:
    """Give ``login`` the role (a facilitator also manages people), in place of any other."""
    role = Role(role)
    if not conn.execute(sa.text("SELECT 1 FROM pg_roles WHERE rolname = :u"), {"u": login}).first():
        raise CannotChange(tr("There is no login \u201c{login}\u201d on this server.", login=login))
    if role != Role.FACILITATOR:
        _keep_a_facilitator(conn, entry, login)
    roles.admit(conn, entry.schema, login, role)
    _log(conn, entry, login, role.value)


def remove(conn: sa.Connection, entry: catalog.Entry, login: str) -> None:
    """Take every role in the workshop from ``login``: the server refuses them from now on."""
    _keep_a_facilitator(conn, entry, login)
    roles.dismiss(conn, entry.schema, login)
    _log(conn, entry, login, None)


def record_creator(conn: sa.Connection, entry_id: int) -> None:
    if conn.execute(sa.text("SELECT to_regclass(:name)"), {"name": f"{catalog.CATALOG}.admission"}).scalar():
        conn.execute(catalog.admission.insert(), {"workshop_id": entry_id,
                                                  "login": conn.execute(sa.text("SELECT current_user")).scalar(),
                                                  "role": Role.FACILITATOR.value})


def _keep_a_facilitator(conn: sa.Connection, entry: catalog.Entry, login: str) -> None:
    facilitators = [p.login for p in admitted(conn, entry) if p.role == Role.FACILITATOR]
    if facilitators == [login]:
        raise CannotChange(tr("{login} is the only facilitator of \u201c{title}\u201d: admit another "
                              "facilitator first.", login=login, title=entry.title))


def _log(conn: sa.Connection, entry: catalog.Entry, login: str, role: str | None) -> None:
    if conn.execute(sa.text("SELECT to_regclass(:name)"), {"name": f"{catalog.CATALOG}.admission"}).scalar():
        conn.execute(catalog.admission.insert(), {"workshop_id": entry.id, "login": login, "role": role})
