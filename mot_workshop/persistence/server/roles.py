"""Who may do what in a shared workshop, enforced by the server itself (PostgreSQL roles and
grants), not by hiding buttons: a viewer's write is refused by PostgreSQL whatever client
sends it.

Each workshop has three group roles; people's own login roles are made members of one:

- ``motw_ws_<n>_facilitator`` owns the workshop's schema: may change everything, upgrade it,
  drop it, and admit people (it holds the two other roles with ADMIN OPTION);
- ``motw_ws_<n>_member`` reads and writes the rows;
- ``motw_ws_<n>_viewer`` reads only (the projector).
"""

from __future__ import annotations

from enum import StrEnum

import sqlalchemy as sa

from mot_workshop.persistence.server import catalog


class Role(StrEnum):
    FACILITATOR = "facilitator"
    MEMBER = "member"
    VIEWER = "viewer"


def group(schema: str, role: Role | str) -> str:
    return f"motw_{schema}_{Role(role).value}"


def can_create_roles(conn: sa.Connection) -> bool:
    return bool(conn.execute(sa.text(
        "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")).scalar())


def create(conn: sa.Connection, schema: str) -> None:
    """The three roles of a new workshop and their grants; its creator becomes facilitator."""
    q = lambda name: catalog.quote(conn, name)  # noqa: E731 - names are ours: motw_ws_<n>_<role>
    s = q(schema)
    viewer, member, facilitator = (q(group(schema, r)) for r in (Role.VIEWER, Role.MEMBER, Role.FACILITATOR))
    statements = [
        f"CREATE ROLE {viewer} NOLOGIN",
        f"CREATE ROLE {member} NOLOGIN IN ROLE {viewer}",
        f"CREATE ROLE {facilitator} NOLOGIN IN ROLE {member}",
        f"GRANT {viewer}, {member} TO {facilitator} WITH ADMIN OPTION",
        f"GRANT {facilitator} TO CURRENT_USER WITH ADMIN OPTION",
        f"GRANT USAGE ON SCHEMA {q(catalog.CATALOG)} TO {viewer}",
        f"GRANT SELECT ON {q(catalog.CATALOG)}.workshop TO {viewer}",
        f"GRANT UPDATE (last_change) ON {q(catalog.CATALOG)}.workshop TO {member}",
        f"GRANT USAGE ON SCHEMA {s} TO {viewer}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA {s} TO {viewer}",
        f"GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {s} TO {member}",
        f"REVOKE INSERT, UPDATE, DELETE ON {s}.alembic_version FROM {member}",
        f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {s} TO {member}",
        f"ALTER SCHEMA {s} OWNER TO {facilitator}",
    ]
    for statement in statements:
        conn.exec_driver_sql(statement)
    tables = conn.execute(sa.text("SELECT tablename FROM pg_tables WHERE schemaname = :s"), {"s": schema}).scalars()
    for table in list(tables):
        conn.exec_driver_sql(f"ALTER TABLE {s}.{q(table)} OWNER TO {facilitator}")
    sequences = conn.execute(sa.text("SELECT sequencename FROM pg_sequences WHERE schemaname = :s"),
                             {"s": schema}).scalars()
    for sequence in list(sequences):
        conn.exec_driver_sql(f"ALTER SEQUENCE {s}.{q(sequence)} OWNER TO {facilitator}")


def admit(conn: sa.Connection, schema: str, user: str, role: Role | str) -> None:
    """Make the login role ``user`` a facilitator, member or viewer of the workshop (a
    facilitator may admit other facilitators in turn). Use people.admit: it also logs."""
    dismiss(conn, schema, user)
    admin = " WITH ADMIN OPTION" if Role(role) == Role.FACILITATOR else ""
    conn.exec_driver_sql(f"GRANT {catalog.quote(conn, group(schema, role))} TO {catalog.quote(conn, user)}{admin}")


def dismiss(conn: sa.Connection, schema: str, user: str) -> None:
    """Take every role of the workshop from the login ``user``."""
    for other in Role:
        if _is_member(conn, user, group(schema, other)):
            conn.exec_driver_sql(f"REVOKE {catalog.quote(conn, group(schema, other))} FROM {catalog.quote(conn, user)}")


def _is_member(conn: sa.Connection, user: str, role: str) -> bool:
    return bool(conn.execute(sa.text(
        "SELECT 1 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles u ON u.oid = m.member "
        "WHERE r.rolname = :role AND u.rolname = :user"), {"role": role, "user": user}).first())


def role_of(conn: sa.Connection, schema: str) -> Role | None:
    """The current user's role in the workshop (the strongest it holds), or None."""
    for role in Role:
        name = group(schema, role)
        exists = conn.execute(sa.text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": name}).first()
        if exists and conn.execute(sa.text("SELECT pg_has_role(current_user, :r, 'MEMBER')"), {"r": name}).scalar():
            return role
    return None
