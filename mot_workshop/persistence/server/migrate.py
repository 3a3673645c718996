"""Workshop schemas at head, and the same Alembic migrations the files use, per schema.

A new workshop is built from the model at head and stamped (as a new file is); an older
workshop is upgraded by running the revisions inside its own schema, in one transaction
(PostgreSQL's DDL is transactional: it is upgraded whole or not at all). The revisions
also stamp SQLite's ``PRAGMA user_version``; on the server the version lives in the
schema's ``alembic_version`` alone, so those statements are skipped here.
"""

from __future__ import annotations

import functools

import sqlalchemy as sa

from mot_workshop.persistence.schema import HEAD_REVISION, TABLES, alembic_version, metadata
from mot_workshop.persistence.server import catalog


@functools.cache
def _ddl() -> str:
    """The whole schema at head as one script (one round trip instead of ~70). Foreign keys
    are deferrable: a command may ask for them to be checked at commit."""
    from sqlalchemy.dialects import postgresql
    from sqlalchemy.schema import CreateIndex, CreateTable

    copy = sa.MetaData()
    for table in metadata.sorted_tables:
        table.to_metadata(copy)
    dialect = postgresql.dialect()
    parts = []
    for table in copy.sorted_tables:
        for fk in table.foreign_key_constraints:
            fk.deferrable, fk.initially = True, "IMMEDIATE"
        parts.append(str(CreateTable(table).compile(dialect=dialect)).strip())
        parts += [str(CreateIndex(index).compile(dialect=dialect)).strip() for index in table.indexes]
    return ";\n".join(parts)


def build(conn: sa.Connection, schema: str, workshop_row: dict) -> None:
    """Tables at head, the revision stamp and the workshop row, in ``schema`` (caller's transaction)."""
    conn.exec_driver_sql(f"SET LOCAL search_path TO {catalog.quote(conn, schema)}")
    conn.exec_driver_sql(_ddl())
    conn.exec_driver_sql("RESET search_path")
    scoped = conn.execution_options(schema_translate_map={None: schema})
    scoped.execute(alembic_version.insert(), {"version_num": HEAD_REVISION})
    scoped.execute(TABLES["workshop"].insert(), {"id": 1, **workshop_row})


def version_of(conn: sa.Connection, schema: str) -> int:
    """The schema version (1, 2, 3 …) of a workshop, read from its Alembic stamp."""
    scoped = conn.execution_options(schema_translate_map={None: schema})
    revision = scoped.execute(sa.select(alembic_version.c.version_num)).scalar()
    return int(revision) if revision and revision.isdigit() else 0


def _skip_pragmas(conn, cursor, statement, parameters, context, executemany):
    if statement.lstrip().upper().startswith("PRAGMA"):
        return "SELECT 1", ()
    return statement, parameters


def upgrade(conn: sa.Connection, schema: str, revision: str = "head") -> None:
    """Run the migrations on one workshop schema (inside the caller's transaction)."""
    from alembic import command

    from mot_workshop.persistence.migrate import alembic_config

    sa.event.listen(conn, "before_cursor_execute", _skip_pragmas, retval=True)
    try:
        conn.exec_driver_sql(f"SET LOCAL search_path TO {catalog.quote(conn, schema)}")
        config = alembic_config(conn)
        config.attributes["version_table_schema"] = schema
        command.upgrade(config, revision)
        catalog.make_references_deferrable(conn, schema)
    finally:
        sa.event.remove(conn, "before_cursor_execute", _skip_pragmas)
