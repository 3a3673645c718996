"""A workshop on a team server: the same reading and writing API as the file's ``Store``,
so commands, the history and every view work unchanged against either.

Each ``transaction()`` is one server transaction; at its commit the workshop's
``last_change`` is stamped and one notification names the rows it touched (delivered by
PostgreSQL to every listening client only if the transaction commits). Reads outside a
transaction each see the latest committed state; ``snapshot()`` reads one consistent state.
"""

from __future__ import annotations

import functools
import json
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa

from mot_workshop.domain.base import Entity, field_infos
from mot_workshop.domain.registry import KINDS
from mot_workshop.domain.snapshot import Snapshot, sort_key
from mot_workshop.persistence.errors import CorruptFile, ReadOnlyStore, WriteFailed
from mot_workshop.persistence.schema import SCHEMA_VERSION
from mot_workshop.persistence.server import catalog
from mot_workshop.persistence.server.address import ServerAddress
from mot_workshop.persistence.server.connect import engine as make_engine
from mot_workshop.persistence.server.errors import Conflict, NotAllowed, ServerError, ServerUnavailable
from mot_workshop.persistence.server.row_states import RowStates
from mot_workshop.persistence.server.tables import TABLES

WORKSHOP_ID = 1
NOTIFY_LIMIT = 7000   # PostgreSQL's payload limit is 8000 bytes; beyond it, say "re-read all"


def channel(workshop_id: int) -> str:
    return f"motw_ws_{int(workshop_id)}"


class ServerStore:
    """An open workshop on a team server."""

    is_server = True

    def __init__(self, address: ServerAddress, entry: catalog.Entry, *, read_only: bool = False,
                 password: str | None = None):
        self.address = address
        self.entry = entry
        self.schema = entry.schema
        self.read_only = read_only
        self.read_only_reason = ""    # why it opened read-only though writing was asked for
        self.client_id = uuid.uuid4().hex[:12]
        self._password = password
        self._engine = make_engine(address, password)
        self._conn: sa.Connection | None = None
        self._broken = False          # the connection died: reconnect on the next use
        self._depth = 0
        self._begin_pending = False   # a transaction begun, its BEGIN not sent yet
        self._pipe = None
        self._reads = None            # the snapshot's SELECTs (_table_reads)
        self._touched: list[tuple[str, str, int]] = []      # (op, kind, id) in this transaction
        self._explicit_ids: dict[str, int] = {}
        # The state each row version this client wrote stands for: undo and redo refuse rows
        # someone else changed since (see row_states.py).
        self._rows = RowStates()
        # Rows with ids known in advance (a dump, an upload, a redo) wait here and go to the
        # server in one multi-row INSERT per kind before the next statement of any sort.
        self._batch: dict[str, list[dict]] = {}
        # A window keeps what it last read, to show while the server is away (see last_state.py);
        # headless use leaves it off: there a server away is a one-line error.
        self._last = None
        self._on_lost = None
        self.offline = False
        self._lost_detail = ""
        self._version_seen = SCHEMA_VERSION
        self._present: list = []
        self._writable = not read_only
        self._enum_fields = {kind: tuple((i.name, i.type) for i in field_infos(cls) if i.is_enum)
                             for kind, cls in KINDS.items()}
        self._connect()

    # ------------------------------------------------------------------ identity
    @property
    def path(self):   # what messages, the window's title and per-workshop settings key on
        from pathlib import Path

        return Path(self.where)

    @property
    def where(self) -> str:
        return f"{self.address.display()} \u00b7 {self.entry.title}"

    @property
    def workshop_id(self) -> int:
        return self.entry.id

    # ------------------------------------------------------------------ connection
    def _connect(self) -> None:
        try:
            conn = self._engine.connect()
        except sa.exc.DBAPIError as exc:
            raise ServerUnavailable(self.address.display(), _detail(exc)) from None
        self._conn = conn.execution_options(schema_translate_map={None: self.schema})
        sa.event.listen(self._conn, "after_cursor_execute", self._sync_pipe)

    def close(self) -> None:
        if self._conn is None:
            return
        try:
            self._conn.close()
        finally:
            self._engine.dispose()
            self._conn = None

    def reconnect(self) -> None:
        """After the server came back: a fresh connection (the old one is dead)."""
        if self._conn is not None:
            try:
                self._conn.invalidate()
                self._conn.close()
            except Exception:  # noqa: BLE001 - a dead connection may fail any way it likes
                pass
        self._engine.dispose()
        self._conn = None
        self._connect()
        self._broken = False
        if self.offline:
            self.offline = False
            self.read_only = not self._writable

    def keep_last_state(self, on_lost) -> None:
        """From now on, when the server cannot be reached (or refuses a read), do not fail:
        turn read-only, call ``on_lost(error)`` once, and answer reads from what was last
        read until ``reconnect()`` succeeds. ``on_lost`` may run on any thread."""
        from mot_workshop.persistence.server.last_state import LastState

        self._last = LastState()
        self._on_lost = on_lost
        self.snapshot()     # the whole workshop once: what any view may ask while the server is away

    def _went_away(self, exc: BaseException) -> None:
        if self.offline:
            return
        if isinstance(exc, ServerError):
            error = exc
        elif _connection_lost(exc):
            error = ServerUnavailable(self.address.display(), _detail(exc))
        else:
            from mot_workshop.i18n import tr

            error = ServerError(self.where, tr("The team server refused to show the workshop: {detail}",
                                               detail=_detail(exc)))
        self.went_away(error)

    def went_away(self, error: ServerError) -> None:
        """The server cannot be used now (a read failed, or the listener lost it): read-only,
        answering from the last state, until ``reconnect()`` succeeds."""
        if self.offline:
            return
        self.offline = True
        self._lost_detail = error.detail if isinstance(error, ServerUnavailable) else str(error)
        self._writable = not self.read_only
        self.read_only = True
        self._broken = True
        if self._on_lost is not None:
            self._on_lost(error)

    def _read(self, online, offline):
        """A read outside a transaction; with a last state kept, a server problem turns the
        store offline and the answer comes from the last state."""
        if self._last is None or self._depth:
            return online()
        if self.offline:
            return offline()
        try:
            return online()
        except (ServerError, sa.exc.DBAPIError) as exc:
            self._went_away(exc)
            return offline()

    def __enter__(self) -> ServerStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def closed(self) -> bool:
        return self._conn is None

    def _exec(self, statement, params=None):
        if self._broken and not self._depth:
            self.reconnect()            # the server went away earlier: try again, once per use
            self._broken = False
        if self._begin_pending:
            return self._begin_with(statement, params)
        if self._batch:
            self._flush()
        try:
            return self._conn.execute(statement, params) if params is not None else self._conn.execute(statement)
        except sa.exc.OperationalError as exc:
            if _connection_lost(exc):
                self._broken = True
                raise ServerUnavailable(self.address.display(), _detail(exc)) from None
            raise

    # A command costs as many round trips to the server as it has statements, and under load
    # each one waits for the server's turn on the processor: BEGIN travels with the first
    # statement of the transaction, and the notification with COMMIT (psycopg's pipeline
    # mode: sent together, answered together).
    def _begin_with(self, statement, params):
        self._begin_pending = False
        raw = self._conn.connection.driver_connection
        try:
            with raw.pipeline() as pipe:
                raw.execute("BEGIN")
                self._pipe = pipe        # synced as soon as a statement is sent (_sync_pipe)
                try:
                    return self._exec(statement, params)
                finally:
                    self._pipe = None
        except psycopg_errors() as exc:
            raise self._driver_error("BEGIN", exc) from None

    def _sync_pipe(self, *_) -> None:
        """After a statement is sent in the pipeline: its answer (with BEGIN's), before
        SQLAlchemy reads the result."""
        if self._pipe is not None:
            self._pipe.sync()

    def _commit(self, before: list[tuple[str, dict]]) -> None:
        """``before`` (sequence settings, the notification) and COMMIT in one round trip."""
        if self._begin_pending:          # nothing was sent: there is no transaction to end
            self._begin_pending = False
            return
        raw = self._conn.connection.driver_connection
        try:
            with raw.pipeline():
                for sql, params in before:
                    raw.execute(sql, params)
                raw.execute("COMMIT")
        except psycopg_errors() as exc:
            raise self._driver_error("COMMIT", exc) from None

    def _driver_error(self, statement: str, exc: Exception) -> Exception:
        """A psycopg error of a pipelined statement, as SQLAlchemy would have raised it."""
        error = sa.exc.DBAPIError.instance(statement, None, exc, psycopg_errors())
        if isinstance(error, sa.exc.OperationalError) and _connection_lost(error):
            self._broken = True
            return ServerUnavailable(self.address.display(), _detail(error))
        return error

    # ------------------------------------------------------------------ transactions
    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One server transaction. Nested calls join the outer one."""
        if self.offline:
            raise ServerUnavailable(self.address.display(), self._lost_detail)
        if self.read_only:
            if self.read_only_reason:
                raise ServerError(self.where, self.read_only_reason)
            raise ReadOnlyStore(self.where)
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        if self._broken:
            self.reconnect()            # the server went away earlier: try again
        self._begin_pending = True      # sent with the first statement (_begin_with)
        self._depth = 1
        self._touched = []
        self._explicit_ids = {}
        try:
            yield
            if self._batch:
                self._flush()
            self._commit(self._before_commit())
            self._rows.commit()
        except BaseException as exc:
            self._begin_pending = False
            self._batch = {}
            self._rows.abort()
            try:
                self._conn.exec_driver_sql("ROLLBACK")
            except Exception:  # noqa: BLE001 - a lost connection has rolled back by itself
                pass
            if isinstance(exc, ServerUnavailable) and self._last is not None:
                self._went_away(exc)
            if isinstance(exc, (ServerUnavailable, Conflict)):
                raise
            if isinstance(exc, sa.exc.DBAPIError):
                raise _write_error(self, exc) from exc
            raise
        finally:
            self._depth = 0

    def _before_commit(self) -> list[tuple[str, dict]]:
        """The statements that go with COMMIT (values bound, names ours and quoted)."""
        statements = []
        for kind, highest in self._explicit_ids.items():
            # Rows inserted with ids chosen elsewhere (a dump, an uploaded file) must not be
            # handed out again by the sequence. Ids the sequence issued itself (undo, redo)
            # leave it alone: setting it back could hand out an id another client just got.
            seq = self._sequence(kind)
            statements.append((f"SELECT setval('{seq}', %(id)s) FROM {seq} WHERE %(id)s > last_value OR NOT is_called",
                               {"id": highest}))
        if not self._touched:
            return statements
        payload = json.dumps({"client": self.client_id, **_net(self._touched)}, separators=(",", ":"))
        if len(payload) > NOTIFY_LIMIT:
            payload = json.dumps({"client": self.client_id, "reset": True})
        # stamp the workshop's last change and tell the other clients
        statements.append((catalog.TOUCH_AND_NOTIFY, {"id": self.entry.id, "channel": channel(self.entry.id),
                                                      "payload": payload}))
        return statements

    def _sequence(self, kind: str) -> str:
        return f"{catalog.quote(self._conn, self.schema)}.{catalog.quote(self._conn, kind + '_id_seq')}"

    @contextmanager
    def step(self, command, mode: str) -> Iterator[None]:
        """Inside a transaction: the writes are ``command``'s ``mode`` ("execute", "undo" or
        "redo"). Undo and redo refuse (Conflict) rows someone else changed since."""
        self._rows.begin(id(command), mode)
        self._check_states()
        yield

    def merged(self, older, newer) -> None:
        """``newer`` was merged into ``older`` (one undo step now)."""
        self._rows.merged(id(older), id(newer))

    def _check_states(self) -> None:
        """Undo and redo: every row the step wrote must still be in the state this step left
        (or found) it; read with a lock, so that no one changes them before this transaction
        ends. One query per kind, before the step writes anything."""
        by_kind: dict[str, list[int]] = {}
        for kind, id in self._rows.to_check():
            by_kind.setdefault(kind, []).append(id)
        for kind, ids in by_kind.items():
            table = TABLES[kind]
            found = dict(self._exec(sa.select(table.c.id, sa.literal_column("xmin::text")).select_from(table)
                                    .where(table.c.id.in_(ids)).with_for_update()).all())
            for id in ids:
                if not self._rows.matches((kind, id), found.get(id)):
                    raise Conflict(self.where, describe(self, kind, id))

    def _flush(self) -> None:
        batch, self._batch = self._batch, {}
        for kind, rows in batch.items():
            table = TABLES[kind]
            # one statement for many rows (psycopg sends them as one multi-row INSERT)
            columns = set().union(*(row.keys() for row in rows))
            rows = [{name: row.get(name) for name in columns} for row in rows]
            result = self._exec(table.insert().returning(table.c.id, sa.literal_column("xmin"),
                                                         sort_by_parameter_order=True), rows)
            for new_id, version in result.all():
                self._rows.saw_xid(str(version))
                self._rows.wrote((kind, new_id), None, str(version))

    def _require_transaction(self) -> None:
        if not self._depth:
            raise RuntimeError("writes must run inside Store.transaction() (use a command)")

    def defer_foreign_keys(self) -> None:
        self._require_transaction()
        self._exec(sa.text("SET CONSTRAINTS ALL DEFERRED"))

    # ------------------------------------------------------------------ reading
    def _entity(self, kind: str, row: Mapping[str, Any]) -> Entity:
        values = dict(row)
        for name, enum_type in self._enum_fields[kind]:
            if values[name] is not None:
                try:
                    values[name] = enum_type(values[name])
                except ValueError:
                    raise CorruptFile(self.where, f"{kind} {values['id']}: {name} = {values[name]!r}") from None
        return KINDS[kind](**values)

    def get(self, kind: str, id: int | None) -> Entity | None:
        if id is None:
            return None
        def online():
            table = TABLES[kind]
            row = self._exec(sa.select(table).where(table.c.id == id)).mappings().first()
            entity = self._entity(kind, row) if row is not None else None
            if self._last is not None and not self._depth:
                self._last.got(kind, id, entity)
            return entity
        return self._read(online, lambda: self._last.get(kind, id))

    def get_many(self, kind: str, ids) -> dict[int, Entity]:
        """The entities of ``kind`` with these ids (missing ones left out), in one query."""
        wanted = list(dict.fromkeys(i for i in ids if i is not None))
        if not wanted:
            return {}
        def online():
            table = TABLES[kind]
            rows = self._exec(sa.select(table).where(table.c.id.in_(wanted))).mappings().all()
            found = {row["id"]: self._entity(kind, row) for row in rows}
            if self._last is not None and not self._depth:
                self._last.got_many(kind, wanted, found)
            return found
        return self._read(online, lambda: self._last.get_many(kind, wanted))

    def select(self, kind: str, /, **where: Any) -> list[Entity]:
        def online():
            table = TABLES[kind]
            query = sa.select(table)
            for name, value in where.items():
                column = table.c[name]
                query = query.where(column.is_(None) if value is None else column == value)
            rows = self._exec(query).mappings().all()
            found = sorted((self._entity(kind, r) for r in rows), key=sort_key)
            if self._last is not None and not self._depth:
                self._last.selected(kind, where, found)
            return found
        return self._read(online, lambda: self._last.select(kind, where))

    def count(self, kind: str, /, **where: Any) -> int:
        def online():
            table = TABLES[kind]
            query = sa.select(sa.func.count()).select_from(table)
            for name, value in where.items():
                query = query.where(table.c[name] == value)
            return self._exec(query).scalar_one()
        return self._read(online, lambda: self._last.count(kind, where))

    def workshop(self) -> Entity:
        return self.get("workshop", WORKSHOP_ID)

    def snapshot(self) -> Snapshot:
        """Every entity, read in one consistent (repeatable-read) transaction."""
        return self._read(self._read_snapshot, self._last_snapshot)

    def _last_snapshot(self) -> Snapshot:
        if not self._last.complete:      # never hand out a part of the workshop as the whole
            raise ServerUnavailable(self.address.display(), self._lost_detail)
        return self._last.snapshot()

    def _read_snapshot(self) -> Snapshot:
        """Every table in one round trip: the SELECTs (with BEGIN and COMMIT of their
        repeatable-read transaction) go out together in psycopg's pipeline."""
        import psycopg

        if self._broken and not self._depth:
            self.reconnect()
        if self._batch:
            self._flush()
        own = not self._depth
        raw = self._conn.connection.driver_connection
        reads = []
        try:
            with raw.pipeline():
                if own:
                    raw.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                elif self._begin_pending:          # inside a command that has sent nothing yet
                    self._begin_pending = False
                    raw.execute("BEGIN")
                for kind, names, sql in self._table_reads():
                    reads.append((kind, names, raw.execute(sql)))
                if own:
                    raw.execute("COMMIT")
        except psycopg.Error as exc:
            if own and raw.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
                try:
                    raw.execute("ROLLBACK")
                except psycopg.Error:
                    pass
            raise self._driver_error("SELECT", exc) from None
        snap = Snapshot()
        for kind, names, cursor in reads:
            bucket = snap.by_kind[kind]
            for row in cursor.fetchall():
                entity = self._entity(kind, dict(zip(names, row)))
                bucket[entity.id] = entity
        if self._last is not None and own:
            self._last.whole(snap)
        return snap

    def _table_reads(self) -> list[tuple[str, tuple[str, ...], str]]:
        """(kind, column names, SELECT) of every table; names are the model's own, quoted."""
        if self._reads is None:
            q = lambda name: catalog.quote(self._conn, name)  # noqa: E731
            self._reads = [(kind, tuple(c.name for c in table.c),
                            f"SELECT {', '.join(q(c.name) for c in table.c)} FROM {q(self.schema)}.{q(table.name)}")
                           for kind, table in TABLES.items()]
        return self._reads

    def present(self) -> list:
        """Who is connected to this workshop now (name, team, since), oldest first."""
        from mot_workshop.persistence.server.presence import QUERY, Person

        def online():
            try:
                rows = self._exec(sa.text(QUERY), {"id": self.entry.id}).all()
            except sa.exc.ProgrammingError:      # a catalog made before there was a presence list
                rows = []
            self._present = [Person(*row) for row in rows]
            return self._present
        return self._read(online, lambda: self._present)

    def schema_version(self) -> int:
        from mot_workshop.persistence.server.migrate import version_of

        def online():
            self._version_seen = version_of(self._conn, self.schema)
            return self._version_seen
        return self._read(online, lambda: self._version_seen)

    def integrity_problems(self) -> list[str]:
        """PostgreSQL keeps references and types itself; what is left to check is the schema."""
        version = self.schema_version()
        return [] if version == SCHEMA_VERSION else [f"schema version {version}, expected {SCHEMA_VERSION}"]

    # ------------------------------------------------------------------ writing
    def insert(self, kind: str, values: Mapping[str, Any], id: int | None = None) -> int:
        self._require_transaction()
        row = dict(values)
        if id is not None:
            row["id"] = id
            self._explicit_ids[kind] = max(self._explicit_ids.get(kind, 0), id)
            self._batch.setdefault(kind, []).append(row)
            self._touched.append(("c", kind, id))
            return id
        result = self._exec(TABLES[kind].insert().returning(TABLES[kind].c.id, sa.literal_column("xmin")), row)
        new_id, version = result.one()
        self._rows.saw_xid(str(version))
        self._rows.wrote((kind, new_id), None, str(version))
        self._touched.append(("c", kind, new_id))
        return new_id

    def update(self, kind: str, id: int, values: Mapping[str, Any]) -> None:
        self._require_transaction()
        if not values:
            return
        row = self._exec(_update_statement(kind), {**values, _ROW_ID: id}).first()
        if row is None:     # deleted by someone else since this client read it
            raise Conflict(self.where, describe(self, kind, id))
        self._rows.saw_xid(row[0])
        self._rows.wrote((kind, id), row[1], row[0])
        self._touched.append(("u", kind, id))

    def delete(self, kind: str, id: int) -> None:
        self._require_transaction()
        table = TABLES[kind]
        row = self._exec(table.delete().where(table.c.id == id).returning(
            sa.literal_column("xmin::text"), sa.literal_column("(txid_current() % 4294967296)::text"))).first()
        if row is None:
            raise Conflict(self.where, describe(self, kind, id))
        self._rows.saw_xid(row[1])
        self._rows.wrote((kind, id), row[0], None)
        self._touched.append(("d", kind, id))

    def next_seq(self, kind: str, scope: Mapping[str, Any]) -> int:
        table = TABLES[kind]
        query = sa.select(sa.func.max(table.c.seq))
        for name, value in scope.items():
            column = table.c[name]
            query = query.where(column.is_(None) if value is None else column == value)
        highest = self._exec(query).scalar_one()
        return 0 if highest is None else highest + 1

    def copy_to(self, target) -> None:
        """Save As from a shared workshop: the workshop as a new file (ids kept), whole or not at all."""
        from pathlib import Path

        from mot_workshop.persistence.new_file import replacing
        from mot_workshop.persistence.store import Store

        if self.offline:      # a copy of the last state could miss what others did meanwhile
            raise ServerUnavailable(self.address.display(), self._lost_detail)
        snapshot = self._read_snapshot()
        target = Path(target).absolute()
        with replacing(target, overwrite=True, tag="copy") as tmp:
            copy = Store.create(tmp, overwrite=True, **snapshot.workshop.values())
            try:
                with copy.transaction():
                    copy.defer_foreign_keys()
                    for kind in KINDS:
                        if kind != "workshop":
                            for entity in sorted(snapshot.by_kind[kind].values(), key=lambda e: e.id):
                                copy.insert(kind, entity.values(), id=entity.id)
            finally:
                copy.close()


_ROW_ID = "motw_row_id"      # the bound id of an update (no table has a column of that name)


@functools.cache
def _update_statement(kind: str) -> sa.Update:
    """UPDATE one row, returning its new row version and the one it replaced. Made once per
    kind: building the alias copies every column, which cost more than the round trip."""
    table = TABLES[kind]
    old = table.alias("previous")       # seen as it was before this statement: the old version
    before = sa.select(sa.literal_column("xmin::text")).select_from(old).where(old.c.id == sa.bindparam(_ROW_ID))
    return (table.update().where(table.c.id == sa.bindparam(_ROW_ID))
            .returning(sa.literal_column("xmin::text"), before.scalar_subquery()))


def describe(store: ServerStore, kind: str, id: int) -> str:
    """What a conflict names: the kind and the name a person knows the row by."""
    from mot_workshop.i18n.labels import kind_name

    entity = store.get(kind, id)
    if entity is None:
        from mot_workshop.i18n import tr

        return tr("{kind} (deleted)", kind=kind_name(kind))
    for field in ("name", "label", "title", "text", "description", "requirement", "measure", "obstacle"):
        value = getattr(entity, field, None)
        if isinstance(value, str) and value.strip():
            return f"{kind_name(kind)} \u201c{value.strip()}\u201d"
    return f"{kind_name(kind)} #{id}"


def _net(touched: list[tuple[str, str, int]]) -> dict[str, list]:
    """What a transaction did, netted like editing's Changes: created then deleted is gone."""
    created: set = set()
    updated: set = set()
    deleted: set = set()
    for op, kind, id in touched:
        key = (kind, id)
        if op == "c":
            if key in deleted:
                deleted.discard(key)
                updated.add(key)
            else:
                created.add(key)
        elif op == "u":
            if key not in created:
                updated.add(key)
        elif key in created:
            created.discard(key)
            updated.discard(key)
        else:
            updated.discard(key)
            deleted.add(key)
    return {"created": sorted(created), "updated": sorted(updated), "deleted": sorted(deleted)}


def psycopg_errors() -> type[Exception]:
    import psycopg

    return psycopg.Error


def _connection_lost(exc: sa.exc.DBAPIError) -> bool:
    if getattr(exc, "connection_invalidated", False):
        return True
    state = getattr(exc.orig, "sqlstate", None)
    if state is None:    # libpq's own errors (no SQLSTATE): the connection broke
        return isinstance(exc, sa.exc.OperationalError)
    return str(state).startswith(("08", "57P"))


def _detail(exc: BaseException) -> str:
    orig = getattr(exc, "orig", exc)
    lines = [line.strip() for line in str(orig).splitlines() if line.strip()]
    return lines[0] if lines else type(orig).__name__


def _write_error(store: ServerStore, exc: sa.exc.DBAPIError) -> Exception:
    state = str(getattr(exc.orig, "sqlstate", "") or "")
    if state == "42501":                                # insufficient privilege
        return NotAllowed(store.where, _detail(exc))
    if _connection_lost(exc):
        return ServerUnavailable(store.address.display(), _detail(exc))
    error = WriteFailed(store.where, _detail(exc))
    error.retryable = state in ("40001", "40P01")   # crossed another client's transaction: try again
    return error
