"""A team server as a whole: the list of its workshops; creating, opening, dropping one.

Every change to the list is one transaction; a workshop is made whole (schema, tables,
stamp, workshop row) or not at all.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa

from mot_workshop.i18n import tr
from mot_workshop.persistence.errors import NewerSchema
from mot_workshop.persistence.schema import SCHEMA_VERSION
from mot_workshop.persistence.server import catalog, roles
from mot_workshop.persistence.server.address import ServerAddress
from mot_workshop.persistence.server.connect import engine as make_engine
from mot_workshop.persistence.server.errors import (
    NotAllowed,
    ServerError,
    ServerUnavailable,
    WorkshopExists,
    WorkshopNotFound,
)
from mot_workshop.persistence.server.store import ServerStore


class Server:
    def __init__(self, address: ServerAddress | str, password: str | None = None):
        self.address = address if isinstance(address, ServerAddress) else ServerAddress.parse(address)
        self._password = password
        self._engine = make_engine(self.address, password, pooled=False)   # short visits, each on a fresh connection

    @property
    def where(self) -> str:
        return self.address.display()

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def _connection(self) -> Iterator[sa.Connection]:
        try:
            conn = self._engine.connect()
        except sa.exc.DBAPIError as exc:
            raise ServerUnavailable(self.where, _first_line(exc)) from None
        try:
            yield conn
        finally:
            conn.close()

    @contextmanager
    def _transaction(self) -> Iterator[sa.Connection]:
        with self._connection() as conn:
            conn.exec_driver_sql("BEGIN")
            try:
                yield conn
                conn.exec_driver_sql("COMMIT")
            except BaseException as exc:
                try:
                    conn.exec_driver_sql("ROLLBACK")
                except sa.exc.DBAPIError:
                    pass
                if isinstance(exc, sa.exc.DBAPIError):
                    if str(getattr(exc.orig, "sqlstate", "")) == "42501":
                        raise NotAllowed(self.where, _first_line(exc)) from None
                    raise ServerError(self.where, _first_line(exc)) from None
                raise

    # ------------------------------------------------------------------ the list
    def workshops(self) -> list[catalog.Entry]:
        """Title, facilitator and last change of every workshop on the server."""
        with self._connection() as conn:
            return catalog.entries(conn)

    def find(self, title: str) -> catalog.Entry:
        with self._connection() as conn:
            found = catalog.find(conn, title)
        if not found:
            raise WorkshopNotFound(self.where, title)
        if len(found) > 1:
            raise ServerError(self.where, tr("The team server has {count} workshops called \u201c{title}\u201d.",
                                             count=len(found), title=title))
        return found[0]

    def create(self, **workshop: Any) -> ServerStore:
        """A new, empty workshop (its title must be new on this server), opened."""
        entry = self._create(workshop)
        return self.open_entry(entry)

    def _create(self, workshop: Mapping[str, Any]) -> catalog.Entry:
        from mot_workshop.domain.rules import normalise
        from mot_workshop.domain.workshop import Workshop
        from mot_workshop.persistence.server.migrate import build

        from mot_workshop.persistence.store import new_identity

        defaults = {"title": tr("Untitled workshop", lang=str(workshop.get("language", "ko")))}
        values = {**defaults, **workshop}
        if not values.get("identity"):     # a workshop of its own, as a new file is
            values["identity"] = new_identity()
        row = Workshop(**normalise(Workshop, values)).values()
        with self._transaction() as conn:
            catalog.ensure(conn)     # also serialises makers of workshops (advisory lock)
            if catalog.find(conn, row["title"]):
                raise WorkshopExists(self.where, row["title"])
            new_id, schema = catalog.add(conn)
            build(conn, schema, row)
            if roles.can_create_roles(conn):   # a plain login without CREATEROLE shares no roles
                from mot_workshop.persistence.server.people import record_creator

                roles.create(conn, schema)
                record_creator(conn, new_id)
        return self.find(row["title"])

    def open(self, title: str, *, read_only: bool = False) -> ServerStore:
        return self.open_entry(self.find(title), read_only=read_only)

    def open_entry(self, entry: catalog.Entry, *, read_only: bool = False) -> ServerStore:
        from mot_workshop.persistence.server.migrate import upgrade, version_of

        with self._connection() as conn:
            version = version_of(conn, entry.schema)
        if version > SCHEMA_VERSION:
            raise NewerSchema(f"{self.where} \u00b7 {entry.title}", version, SCHEMA_VERSION)
        if version < SCHEMA_VERSION and not read_only:
            try:
                with self._transaction() as conn:   # refused by the server unless the role owns the schema
                    # two facilitators opening it at once: the second waits, then finds it done
                    conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key, :id)"),
                                 {"key": catalog.LOCK, "id": entry.id})
                    if version_of(conn, entry.schema) < SCHEMA_VERSION:
                        upgrade(conn, entry.schema)
            except NotAllowed:
                store = ServerStore(self.address, entry, read_only=True, password=self._password)
                store.read_only_reason = tr(
                    "\u201c{title}\u201d was made by an older version of MOT Workshop; only its facilitator "
                    "can bring it up to date. Until then it opens read-only.", title=entry.title)
                return store
        return ServerStore(self.address, entry, read_only=read_only, password=self._password)

    def admit(self, title: str, user: str, role: roles.Role | str) -> None:
        """Make the login ``user`` a facilitator, member or viewer of the workshop, or move
        them to another role (facilitators only; logged on the server)."""
        from mot_workshop.persistence.server import people

        entry = self.find(title)
        with self._transaction() as conn:
            self._refused_plainly(people.admit, conn, entry, user, role)

    def remove(self, title: str, user: str) -> None:
        """Take the workshop from the login ``user``: the server refuses them from now on
        (facilitators only; logged on the server)."""
        from mot_workshop.persistence.server import people

        entry = self.find(title)
        with self._transaction() as conn:
            self._refused_plainly(people.remove, conn, entry, user)

    def people(self, title: str) -> list:
        """Who is admitted to the workshop: login, role, since when, by whom."""
        from mot_workshop.persistence.server import people

        entry = self.find(title)
        with self._connection() as conn:
            return people.admitted(conn, entry)

    def _refused_plainly(self, change, *args) -> None:
        from mot_workshop.persistence.server.people import CannotChange

        try:
            change(*args)
        except CannotChange as exc:
            raise ServerError(self.where, str(exc)) from None

    def role(self, title: str) -> roles.Role | None:
        entry = self.find(title)
        with self._connection() as conn:
            return roles.role_of(conn, entry.schema)

    def drop(self, title: str) -> None:
        entry = self.find(title)
        with self._transaction() as conn:
            catalog.drop(conn, entry)
            for role in reversed(roles.Role):    # the facilitator's last: it holds the others
                name = roles.group(entry.schema, role)
                if conn.execute(sa.text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": name}).first():
                    conn.exec_driver_sql(f"DROP OWNED BY {catalog.quote(conn, name)}")   # its grants
                    conn.exec_driver_sql(f"DROP ROLE {catalog.quote(conn, name)}")


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", exc)
    lines = [line.strip() for line in str(orig).splitlines() if line.strip()]
    return lines[0] if lines else type(orig).__name__
