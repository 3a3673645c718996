"""An empty workshop schema handed from one test to the next.

Building a workshop's ~40 tables costs a second or more of the server's time on a busy
machine; the command suite makes ~90 workshops. So a test done with its workshop leaves
the schema behind (its rows emptied, its catalog row removed: no one sees it) and the next
test takes it back under its own title. Only the command tests use this; tests of the
server itself build their workshops the real way.
"""

from __future__ import annotations

import re

import sqlalchemy as sa

_spare: dict[str, str] = {}     # the test database's URL → the schema waiting to be taken


def take(server, workshop: dict):
    """A fresh empty workshop with these values, from the spare schema if there is one; None if not."""
    from mot_workshop.domain.rules import normalise
    from mot_workshop.domain.workshop import Workshop
    from mot_workshop.i18n import tr
    from mot_workshop.persistence.schema import TABLES
    from mot_workshop.persistence.server import catalog

    schema = _spare.pop(server.address.display(), None)
    if schema is None:
        return None
    defaults = {"title": tr("Untitled workshop", lang=str(workshop.get("language", "ko")))}
    row = Workshop(**normalise(Workshop, {**defaults, **workshop})).values()
    with server._transaction() as conn:
        if not conn.execute(sa.text("SELECT 1 FROM pg_namespace WHERE nspname = :s"), {"s": schema}).first():
            return None      # dropped meanwhile (a server test cleaned up)
        catalog.ensure(conn)
        # the tables are small: deleting rows is cheaper than TRUNCATE's new files
        q = catalog.quote(conn, schema)
        conn.exec_driver_sql("SET CONSTRAINTS ALL DEFERRED; " + "; ".join(
            f"DELETE FROM {q}.{catalog.quote(conn, t.name)}" for t in TABLES.values()))
        sequences = [r[0] for r in conn.execute(sa.text(
            "SELECT sequencename FROM pg_sequences WHERE schemaname = :s"), {"s": schema})]
        if sequences:
            conn.exec_driver_sql("SELECT " + ", ".join(
                f"setval('{q}.{catalog.quote(conn, name)}', 1, false)" for name in sequences))
        conn.execute(catalog.workshops.insert(), {"id": int(re.sub(r"\D", "", schema)), "schema_name": schema})
        conn.execution_options(schema_translate_map={None: schema}).execute(
            TABLES["workshop"].insert(), {"id": 1, **row})
    return server.open(row["title"])


def leave(server, entry) -> None:
    """The test is done with ``entry``'s workshop: keep its schema for the next one, unlisted."""
    from mot_workshop.persistence.server import catalog

    with server._transaction() as conn:
        conn.execute(sa.text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                             "WHERE datname = current_database() AND pid <> pg_backend_pid()"))
        others = conn.execute(sa.select(sa.func.count()).select_from(catalog.workshops)
                              .where(catalog.workshops.c.id != entry.id)).scalar()
        conn.execute(catalog.workshops.delete().where(catalog.workshops.c.id == entry.id))
    if others:        # the test made more workshops than its own: the usual full clean-up
        return False
    _spare[server.address.display()] = entry.schema
    return True


def forget() -> bool:
    """Give up any schema waiting to be taken (the caller empties the database); True if one was."""
    had = bool(_spare)
    _spare.clear()
    return had
