"""The file's Alembic migrations run on the server too, one workshop schema at a time."""

from __future__ import annotations

import sqlalchemy as sa

from mot_workshop.persistence.schema import SCHEMA_VERSION
from mot_workshop.persistence.server import catalog
from mot_workshop.persistence.server.migrate import upgrade, version_of
from mot_workshop.persistence.server.server import Server


def _columns(conn, schema: str) -> set[tuple]:
    rows = conn.execute(sa.text(
        "SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns "
        "WHERE table_schema = :s"), {"s": schema}).all()
    return {tuple(r) for r in rows}


def _references(conn, schema: str) -> set[tuple]:
    rows = conn.execute(sa.text(
        "SELECT t.relname, pg_get_constraintdef(c.oid) FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid "
        "JOIN pg_namespace n ON n.oid = c.connamespace WHERE c.contype = 'f' AND n.nspname = :s"),
        {"s": schema}).all()
    return {(table, definition.replace(f"{schema}.", "")) for table, definition in rows}


def _fresh_schema(server: Server) -> str:
    with server._transaction() as conn:
        catalog.ensure(conn)
        return catalog.add(conn)[1]


def test_all_migrations_on_an_empty_schema_give_the_schema_a_new_workshop_has(pg_url):
    with Server(pg_url) as server:
        built = server.create(title="Built at head")
        built.close()
        migrated = _fresh_schema(server)
        with server._transaction() as conn:
            upgrade(conn, migrated)
        with server._connection() as conn:
            assert version_of(conn, migrated) == SCHEMA_VERSION
            assert _columns(conn, migrated) == _columns(conn, built.schema)
            # same references, same actions, all deferrable (constraint names may differ)
            assert _references(conn, migrated) == _references(conn, built.schema)


def test_an_older_workshop_is_upgraded_when_opened_for_writing(pg_url):
    with Server(pg_url) as server:
        schema = _fresh_schema(server)
        with server._transaction() as conn:
            upgrade(conn, schema, "0002")
            conn.execute(sa.text(f'INSERT INTO "{schema}".workshop (id, title, organisation, facilitator, held_on, place, '
                                 "language, benchmark_a, benchmark_b, dots_per_voter, notes) VALUES (1, 'Old', '', 'Lee', '', '', 'en', '', '', 3, '')"))
        with server._connection() as conn:
            assert version_of(conn, schema) == 2
        read_only = server.open("Old", read_only=True)
        assert read_only.schema_version() == 2
        read_only.close()
        with server.open("Old") as store:
            assert store.schema_version() == SCHEMA_VERSION
            assert store.workshop().facilitator == "Lee"
