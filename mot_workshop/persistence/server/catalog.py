"""The server's list of workshops, and making or dropping one.

One PostgreSQL schema per workshop (``ws_<n>``) holding exactly the tables of a workshop
file, plus one catalog schema listing them. Why schemas and not a workshop-id column in
every row: a workshop on the server is then the very same tables as a ``.motw`` file — the
same ids (a download or a dump is identical, merging back finds the same rows), the same
Alembic migrations run per workshop (one can be upgraded while another is in use), grants
can be given per workshop, and dropping one workshop is one statement.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa

CATALOG = "motw_catalog"
LOCK = 0x4D4F5457   # an advisory-lock key of our own ("MOTW"): one workshop made (or upgraded) at a time

catalog_meta = sa.MetaData(schema=CATALOG)
workshops = sa.Table(
    "workshop", catalog_meta,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("schema_name", sa.Text, nullable=False, unique=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
    sa.Column("last_change", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
    sa.Column("created_by", sa.Text, nullable=False, server_default=sa.func.current_user()),
)


# Who is connected to which workshop (presence.py): one row per client's listening
# connection, written only by the login that made it, read by everyone.
presence = sa.Table(
    "presence", catalog_meta,
    sa.Column("pid", sa.Integer, nullable=False),
    sa.Column("workshop_id", sa.Integer, nullable=False),
    sa.Column("login", sa.Text, nullable=False, server_default=sa.func.current_user()),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("team", sa.Text, nullable=False, server_default=""),
    sa.Column("since", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
)


# Who admitted, moved or removed whom, and when (people.py): written together with the
# GRANT or REVOKE it records, only by a facilitator of that workshop, never changed after.
admission = sa.Table(
    "admission", catalog_meta,
    sa.Column("id", sa.BigInteger, primary_key=True, autoincrement=True),
    sa.Column("workshop_id", sa.Integer, nullable=False),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
    sa.Column("by_login", sa.Text, nullable=False, server_default=sa.func.current_user()),
    sa.Column("login", sa.Text, nullable=False),
    sa.Column("role", sa.Text),            # NULL: removed
)


@dataclass(frozen=True)
class Entry:
    id: int
    schema: str
    title: str
    facilitator: str
    last_change: dt.datetime


def schema_name(workshop_id: int) -> str:
    return f"ws_{int(workshop_id)}"


def quote(conn: sa.Connection, name: str) -> str:
    return conn.dialect.identifier_preparer.quote_identifier(name)


def ensure(conn: sa.Connection) -> None:
    """Create the catalog if this server has none yet (inside the caller's transaction)."""
    conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK})
    exists = conn.execute(sa.text("SELECT 1 FROM pg_namespace WHERE nspname = :name"), {"name": CATALOG}).first()
    if not exists:
        conn.execute(sa.text(f"CREATE SCHEMA {quote(conn, CATALOG)}"))
        catalog_meta.create_all(conn)
        # everyone may see that the list exists; each workshop's roles may read it (roles.py)
        conn.execute(sa.text(f"GRANT USAGE ON SCHEMA {quote(conn, CATALOG)} TO PUBLIC"))
        conn.execute(sa.text(f"GRANT SELECT ON {quote(conn, CATALOG)}.workshop TO PUBLIC"))
        _let_everyone_be_present(conn)
        _let_facilitators_log(conn)
    elif not conn.execute(sa.text("SELECT to_regclass(:name)"), {"name": f"{CATALOG}.admission"}).scalar():
        # a catalog made by an earlier version: add the log if this login may
        conn.execute(sa.text("SAVEPOINT add_log"))
        try:
            admission.create(conn)
            _let_facilitators_log(conn)
            conn.execute(sa.text("RELEASE SAVEPOINT add_log"))
        except sa.exc.ProgrammingError:
            conn.execute(sa.text("ROLLBACK TO SAVEPOINT add_log"))


def _let_everyone_be_present(conn: sa.Connection) -> None:
    table = f"{quote(conn, CATALOG)}.presence"
    for statement in (f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
                      f"CREATE POLICY everyone_sees ON {table} FOR SELECT USING (true)",
                      f"CREATE POLICY own_rows ON {table} USING (login = current_user) "
                      "WITH CHECK (login = current_user)",
                      f"GRANT SELECT, INSERT, DELETE ON {table} TO PUBLIC"):
        conn.execute(sa.text(statement))


def _let_facilitators_log(conn: sa.Connection) -> None:
    """Anyone may read the log; a row may be added only by a facilitator of its workshop, in
    their own name; no one but the catalog's owner may change or delete one."""
    table = f"{quote(conn, CATALOG)}.admission"
    facilitator = ("EXISTS (SELECT 1 FROM pg_roles g WHERE g.rolname = 'motw_ws_' || workshop_id || '_facilitator' "
                   "AND pg_has_role(current_user, g.oid, 'MEMBER'))")
    for statement in (f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
                      f"CREATE POLICY everyone_reads ON {table} FOR SELECT USING (true)",
                      f"CREATE POLICY facilitators_write ON {table} FOR INSERT "
                      f"WITH CHECK (by_login = current_user AND {facilitator})",
                      f"GRANT SELECT, INSERT ON {table} TO PUBLIC",
                      f"GRANT USAGE ON SEQUENCE {quote(conn, CATALOG)}.admission_id_seq TO PUBLIC"):
        conn.execute(sa.text(statement))


def has_catalog(conn: sa.Connection) -> bool:
    return conn.execute(sa.text("SELECT to_regclass(:name)"), {"name": f"{CATALOG}.workshop"}).scalar() is not None


def entries(conn: sa.Connection) -> list[Entry]:
    """Every workshop: title and facilitator read from its own workshop row."""
    if not has_catalog(conn):
        return []
    rows = conn.execute(sa.select(workshops.c.id, workshops.c.schema_name, workshops.c.last_change)
                        .order_by(workshops.c.id)).all()
    if not rows:
        return []
    # Schema names come from the catalog (ws_<n>, made by us) and are quoted; values are bound.
    parts = [f"SELECT {int(r.id)} AS id, title, facilitator FROM {quote(conn, r.schema_name)}.workshop WHERE id = 1"
             for r in rows if _readable(conn, r.schema_name)]
    found = {r.id: (r.title, r.facilitator) for r in conn.execute(sa.text(" UNION ALL ".join(parts)))} if parts else {}
    return [Entry(r.id, r.schema_name, *found[r.id], r.last_change) for r in rows if r.id in found]


def _readable(conn: sa.Connection, name: str) -> bool:
    """Does the workshop's schema exist, and may the current user read it? (Workshops the
    user was not admitted to are not listed.)"""
    return bool(conn.execute(sa.text(
        "SELECT EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = :s AND c.relname = 'workshop' AND has_schema_privilege(n.oid, 'USAGE') "
        "AND has_table_privilege(c.oid, 'SELECT'))"), {"s": name}).scalar())


def find(conn: sa.Connection, title: str) -> list[Entry]:
    return [e for e in entries(conn) if e.title == title]


def add(conn: sa.Connection) -> tuple[int, str]:
    """A new catalog row and its (still empty) schema; inside the caller's transaction."""
    new_id = conn.execute(workshops.insert().returning(workshops.c.id), {"schema_name": ""}).scalar_one()
    name = schema_name(new_id)
    conn.execute(workshops.update().where(workshops.c.id == new_id), {"schema_name": name})
    conn.execute(sa.text(f"CREATE SCHEMA {quote(conn, name)}"))
    return new_id, name


def drop(conn: sa.Connection, entry: Entry) -> None:
    conn.execute(sa.text(f"DROP SCHEMA {quote(conn, entry.schema)} CASCADE"))
    conn.execute(workshops.delete().where(workshops.c.id == entry.id))


# Stamp a workshop's last change and tell the other clients, in one statement (psycopg's own
# parameters: it is sent together with COMMIT, see store.py).
TOUCH_AND_NOTIFY = (f"WITH stamped AS (UPDATE {CATALOG}.workshop SET last_change = now() WHERE id = %(id)s) "
                    "SELECT pg_notify(%(channel)s, %(payload)s)")


def make_references_deferrable(conn: sa.Connection, schema: str) -> None:
    """Every foreign key of the workshop may be checked at commit when a command asks
    (SQLite's ``defer_foreign_keys``); PostgreSQL can defer only constraints declared so."""
    rows = conn.execute(sa.text(
        "SELECT c.conname, t.relname FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid "
        "JOIN pg_namespace n ON n.oid = c.connamespace WHERE c.contype = 'f' AND NOT c.condeferrable "
        "AND n.nspname = :schema"), {"schema": schema}).all()
    for name, table in rows:
        conn.execute(sa.text(f"ALTER TABLE {quote(conn, schema)}.{quote(conn, table)} "
                             f"ALTER CONSTRAINT {quote(conn, name)} DEFERRABLE INITIALLY IMMEDIATE"))


def widen_integers(conn: sa.Connection, schema: str) -> None:
    """Integer columns and id sequences as 64-bit, as SQLite's integers are (the revisions
    say INTEGER, which PostgreSQL makes 32-bit): a value the file holds, the server holds."""
    q = lambda name: quote(conn, name)  # noqa: E731 - names read from the server's own catalog
    columns: dict[str, list[str]] = {}
    for table, column in conn.execute(sa.text(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = :s AND data_type = 'integer' ORDER BY table_name, ordinal_position"),
            {"s": schema}):
        columns.setdefault(table, []).append(column)
    for table, names in columns.items():
        conn.execute(sa.text(f"ALTER TABLE {q(schema)}.{q(table)} "
                             + ", ".join(f"ALTER COLUMN {q(name)} TYPE bigint" for name in names)))
    for (name,) in conn.execute(sa.text("SELECT sequencename FROM pg_sequences "
                                        "WHERE schemaname = :s AND data_type = 'integer'::regtype"), {"s": schema}).all():
        conn.execute(sa.text(f"ALTER SEQUENCE {q(schema)}.{q(name)} AS bigint"))
