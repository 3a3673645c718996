"""The open workshop file: plain domain objects in, plain domain objects out.

Writes happen only inside ``transaction()``; the command runner opens one per execute and
per revert, so every edit is on disk when it returns (WAL journal, synchronous=FULL).
Opening checks the header first (fileguard), takes the one-writer lock, refuses newer and
foreign files, and migrates older ones after a backup (migrate).
"""

from __future__ import annotations

import os
import sqlite3
import stat
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from mot_workshop.domain.base import Entity, field_infos
from mot_workshop.domain.registry import KINDS, entity_class
from mot_workshop.domain.snapshot import Snapshot, sort_key
from mot_workshop.i18n import tr
from mot_workshop.persistence import fileguard
from mot_workshop.persistence.errors import (
    BadValues,
    CorruptFile,
    DamagedFile,
    FileLocked,
    ForeignSchema,
    ForeignFile,
    NeedsMigration,
    NewerSchema,
    ReadOnlyFile,
    ReadOnlyStore,
    WorkshopFileError,
    WriteFailed,
)
from mot_workshop.persistence.identity import HERE, Whereabouts, whereabouts
from mot_workshop.persistence.lock import InstanceLock
from mot_workshop.persistence.marks import APPLICATION_ID, HEAD_REVISION, SCHEMA_VERSION

WORKSHOP_ID = 1
SUFFIX = ".motw"


def _uri(path: Path, read_only: bool) -> str:
    return path.resolve().as_uri() + ("?mode=ro" if read_only else "?mode=rw")


def _connect_raw(path: Path, read_only: bool) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(_uri(path, read_only), uri=True, isolation_level=None,
                               check_same_thread=False)
    except sqlite3.Error as exc:
        raise _open_error(path, exc) from None
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 3000")
        conn.execute("PRAGMA trusted_schema = OFF")
        if not read_only:
            conn.execute("PRAGMA synchronous = FULL")
    except sqlite3.Error as exc:       # a damaged first page fails on the first pragma
        conn.close()
        raise _open_error(path, exc) from None
    return conn


def _open_error(path: Path, exc: sqlite3.Error) -> WorkshopFileError:
    if isinstance(exc, sqlite3.OperationalError):   # locked, cannot open, I/O: not damage
        return WorkshopFileError(path, tr("{name} cannot be opened: {detail}", name=path.name, detail=str(exc)))
    return CorruptFile(path, str(exc))


def _sidecars(path: Path) -> tuple[Path, Path]:
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def _tidy_after_reading(path: Path) -> None:
    """Remove the empty -wal/-shm that a read-only connection leaves beside a file that had none.

    A read-only connection cannot delete them itself. A read-write connection that closes as
    the last one does: it checkpoints (nothing to copy: the log is empty, so not a byte of
    the file changes) and removes both. While anyone else has the file open SQLite keeps
    them, as it must; a log that holds changes is never touched here.
    """
    wal, shm = _sidecars(path)
    try:
        if wal.exists() and wal.stat().st_size > 0:
            return
        if not (wal.exists() or shm.exists()):
            return
        conn = sqlite3.connect(_uri(path, False), uri=True)
        try:
            conn.execute("PRAGMA user_version").fetchone()
        finally:
            conn.close()
    except (OSError, sqlite3.Error):
        pass   # leaving two empty helper files behind is harmless


@contextmanager
def peek(path: Path) -> Iterator[sqlite3.Connection]:
    """A short read-only connection that leaves nothing behind beside the file."""
    tidy = not any(side.exists() for side in _sidecars(path))
    try:
        conn = sqlite3.connect(_uri(path, True), uri=True)
    except sqlite3.Error as exc:
        raise _open_error(path, exc) from None
    try:
        yield conn
    finally:
        conn.close()
        if tidy:
            _tidy_after_reading(path)


def file_version(path: Path) -> int:
    """The schema version SQLite sees (the header may lag behind an unmerged WAL)."""
    try:
        with peek(path) as conn:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.Error as exc:
        raise _open_error(path, exc) from None
    if app_id != APPLICATION_ID:
        raise ForeignFile(path)
    return version


def _health(path: Path, *, at_head: bool) -> list[str]:
    """Refuse objects we did not create; return what the quick integrity check found."""
    from mot_workshop.persistence.health import damage, foreign_objects

    try:
        with peek(path) as conn:
            conn.execute("PRAGMA trusted_schema = OFF")
            found = damage(conn)
            try:
                foreign = foreign_objects(conn, at_head=at_head)
            except sqlite3.DatabaseError:
                foreign = []       # the schema itself is unreadable: the damage says so
    except sqlite3.Error as exc:
        raise _open_error(path, exc) from None
    if foreign:
        raise ForeignSchema(path, foreign)
    return found


def _writable(path: Path) -> bool:
    """May the file be opened for writing? A file whose mode has no write bit set counts as
    read-only even for an administrator (os.access says yes to root): the user marked it so."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        return False
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


class Store:
    """An open workshop file."""

    def __init__(self, path: Path, raw: sqlite3.Connection, *, read_only: bool,
                 lock: InstanceLock | None):
        self.path = path
        self.read_only = read_only
        self._raw = raw
        self._lock = lock
        self._conn: sqlite3.Connection | None = raw      # None once closed
        self._depth = 0
        self._unmerged_since: float | None = None   # first commit not yet in the file itself
        self._last_commit = 0.0
        self.damage: list[str] = []   # the integrity check's findings (read-only stores only)
        self._tidy = False      # read-only, and the file had no -wal/-shm: remove ours on close
        self._entity_fields = {kind: tuple(i.name for i in field_infos(cls)) for kind, cls in KINDS.items()}
        self._enum_fields = {kind: tuple((i.name, i.type) for i in field_infos(cls) if i.is_enum)
                             for kind, cls in KINDS.items()}
        # Reads and writes go straight to the sqlite3 connection with SQL made once per
        # statement shape: building a SQLAlchemy statement per call was most of a bulk
        # command's time (a 10,000-step auto-layout made ~100,000 of them).
        self._readers = _readers()
        self._statements: dict[tuple, str] = {}

    # ------------------------------------------------------------------ opening
    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False, allow_damage: bool = False) -> Store:
        """Open a workshop file. A file that fails the quick integrity check is refused
        (DamagedFile) unless it is opened ``read_only`` with ``allow_damage`` (`check`)."""
        path = Path(path).absolute()
        fileguard.inspect(path)
        if not read_only and not _writable(path):
            raise ReadOnlyFile(path)
        lock = None
        tidy = read_only and not any(side.exists() for side in _sidecars(path))
        if not read_only:
            from mot_workshop.durable import remove_stale

            remove_stale(path.parent)      # temporary files a crashed writer left here
            lock = InstanceLock(path)
            holder = lock.acquire()
            if holder is not None:
                raise FileLocked(path, holder)
        try:
            version = file_version(path)
            if version > SCHEMA_VERSION:
                raise NewerSchema(path, version, SCHEMA_VERSION)
            problems = _health(path, at_head=version == SCHEMA_VERSION)
            if problems and not (read_only and allow_damage):
                raise DamagedFile(path, problems)
            if version < SCHEMA_VERSION:
                if read_only:
                    raise NeedsMigration(path, version)
                from mot_workshop.persistence.migrate import migrate

                migrate(path, version)
            raw = _connect_raw(path, read_only)
            if lock is not None and lock.fd is not None and not whereabouts(lock.fd, path).here:
                raw.close()       # replaced between our lock and SQLite's open: not the file we locked
                raise WorkshopFileError(path, tr("{name} was replaced while it was being opened; open it again.",
                                                 name=path.name))
            try:
                store = cls(path, raw, read_only=read_only, lock=lock)
            except BaseException:
                raw.close()
                raise
            store._tidy = tidy
            store.damage = problems
            store._verify_tables()
            if not allow_damage:      # `check` reports such values itself, with the rule they break
                store._verify_values()
            return store
        except BaseException:
            if lock is not None:
                lock.release()
            raise

    @classmethod
    def create(cls, path: str | Path, *, overwrite: bool = False, **workshop: Any) -> Store:
        """Write a new, empty workshop file (all or nothing) and open it."""
        from mot_workshop.persistence.new_file import replacing

        path = Path(path).absolute()
        with replacing(path, overwrite=overwrite) as tmp:
            from sqlalchemy.exc import SQLAlchemyError

            try:
                build_empty_file(tmp, workshop)
            except (sqlite3.Error, SQLAlchemyError) as exc:     # a full disk, an I/O error
                from mot_workshop.persistence.migrate import _first_line

                raise WriteFailed(path, _first_line(exc)) from None
        return cls.open(path)

    def _verify_tables(self) -> None:
        try:
            names = {r[0] for r in self._raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        except sqlite3.DatabaseError as exc:
            self.close()
            raise CorruptFile(self.path, str(exc)) from None
        missing = set(self._readers) - names
        if missing:
            self.close()
            raise CorruptFile(self.path, tr("tables are missing: {tables}", tables=", ".join(sorted(missing))))

    def _verify_values(self) -> None:
        from mot_workshop.persistence.values_check import first_bad_value

        try:
            bad = first_bad_value(self._raw)
        except sqlite3.DatabaseError as exc:
            if self.damage:
                return           # a damaged file is read as far as it goes (read-only)
            self.close()
            raise CorruptFile(self.path, str(exc)) from None
        if bad is not None:
            self.close()
            raise BadValues(self.path, bad)

    def close(self) -> None:
        if self._conn is None:
            return
        moved = not self.read_only and not self.whereabouts().here
        if moved:
            # SQLite does not merge its log into a file that was renamed or unlinked when it
            # closes (the log is named after the old path): merge it now, or the edits since
            # the move would stay in a log nobody opens.
            self.checkpoint()
        self._raw.close()
        self._conn = None
        if moved and not self.path.exists():
            # our emptied log and index under the old name; a file now at that name would own them
            wal, shm = _sidecars(self.path)
            try:
                if not wal.exists() or wal.stat().st_size == 0:
                    for side in (wal, shm):
                        side.unlink(missing_ok=True)
            except OSError:
                pass
        if self._tidy:
            _tidy_after_reading(self.path)
        if self._lock is not None:
            self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def closed(self) -> bool:
        return self._conn is None

    # ------------------------------------------------------------------ transactions
    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic, durable write. Nested calls join the outer transaction."""
        if self.read_only:
            raise ReadOnlyStore(self.path)
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        try:
            self._raw.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise WriteFailed(self.path, str(exc)) from None
        self._depth = 1
        try:
            yield
            self._raw.execute("COMMIT")
            self._last_commit = time.monotonic()
            if self._unmerged_since is None:
                self._unmerged_since = self._last_commit
        except BaseException as exc:
            # After some errors (disk full, I/O) SQLite has already rolled back by itself, and
            # a second ROLLBACK would fail and hide the real error.
            if self._raw.in_transaction:
                try:
                    self._raw.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
            # OverflowError: a whole number beyond SQLite's 64 bits, refused when bound
            if isinstance(exc, (sqlite3.Error, OverflowError)):
                raise WriteFailed(self.path, str(exc)) from exc
            raise
        finally:
            self._depth = 0

    # ------------------------------------------------------------------ the file itself
    def checkpoint(self) -> bool:
        """Copy the write-ahead log into the file itself and empty the log, never waiting
        for readers (one still reading an older state just leaves the rest for next time).

        Afterwards the ``.motw`` alone holds every committed edit, so a backup, a copy or a
        sync client that takes only that file loses nothing, and a log left beside a file
        that is no longer ours holds nothing to replay. True when everything was copied.
        """
        if self.read_only or self.closed or self._depth:
            return self._unmerged_since is None
        try:
            self._raw.execute("PRAGMA busy_timeout = 0")
            try:
                busy, log, copied = self._raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            finally:
                self._raw.execute("PRAGMA busy_timeout = 3000")
        except sqlite3.Error:
            return False      # tried again at the next idle moment
        if busy == 0 and log == copied:
            self._unmerged_since = None
            return True
        return False

    def checkpoint_if_idle(self, idle_seconds: float) -> bool:
        """Checkpoint when nothing was committed for ``idle_seconds``; True if it ran."""
        if self._unmerged_since is None or time.monotonic() - self._last_commit < idle_seconds:
            return False
        return self.checkpoint()

    @property
    def unmerged(self) -> bool:
        """Committed edits that so far live only in the write-ahead log."""
        return self._unmerged_since is not None

    def whereabouts(self) -> Whereabouts:
        """Is the file still at ``path``, or was it moved, replaced or deleted outside the app?"""
        if self._lock is None or self._lock.fd is None or self.closed:
            return HERE
        return whereabouts(self._lock.fd, self.path)

    def _require_transaction(self) -> None:
        if not self._depth:
            raise RuntimeError("writes must run inside Store.transaction() (use a command)")

    def defer_foreign_keys(self) -> None:
        """Check references at commit, for inserting rows that refer to each other."""
        self._require_transaction()
        self._raw.execute("PRAGMA defer_foreign_keys = ON")

    # ------------------------------------------------------------------ reading
    def _entity(self, kind: str, row: Mapping[str, Any]) -> Entity:
        values = dict(row)
        for name, enum_type in self._enum_fields[kind]:
            if values[name] is not None:
                try:
                    values[name] = enum_type(values[name])
                except ValueError:   # a value no version writes: the file was changed outside
                    raise CorruptFile(self.path, f"{kind} {values['id']}: {name} = {values[name]!r}") from None
        return KINDS[kind](**values)

    def _row_entity(self, kind: str, row: tuple) -> Entity:
        """An entity from a row read with ``_columns(kind)``, converted as SQLAlchemy would."""
        names, converters, cls = self._readers[kind]
        values = dict(zip(names, row))
        for name, to in converters:
            value = values[name]
            if value is not None:
                try:
                    values[name] = to(value)
                except ValueError:   # a value no version writes: the file was changed outside
                    raise CorruptFile(self.path, f"{kind} {values['id']}: {name} = {value!r}") from None
        return cls(**values)

    def get(self, kind: str, id: int | None) -> Entity | None:
        with self._reading():
            return self._get(kind, id)

    @contextmanager
    def _reading(self) -> Iterator[None]:
        """A damaged page met while reading is a message, not a crash."""
        try:
            yield
        except sqlite3.DatabaseError as exc:
            raise CorruptFile(self.path, str(exc)) from None

    def _get(self, kind: str, id: int | None) -> Entity | None:
        if id is None:
            return None
        row = self._raw.execute(self._sql(("get", kind)), (id,)).fetchone()
        return self._row_entity(kind, row) if row is not None else None

    def get_many(self, kind: str, ids) -> dict[int, Entity]:
        """The entities of ``kind`` with these ids (missing ones left out), a few queries in all."""
        wanted = list(dict.fromkeys(i for i in ids if i is not None))
        out: dict[int, Entity] = {}
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start:start + _CHUNK]
            sql = self._sql(("many", kind, len(chunk)))
            for row in self._raw.execute(sql, chunk):
                entity = self._row_entity(kind, row)
                out[entity.id] = entity
        return out

    def select(self, kind: str, /, **where: Any) -> list[Entity]:
        """Entities of ``kind`` whose fields equal ``where``, in display order."""
        key = ("select", kind, tuple((name, where[name] is None) for name in where))
        params = [value for value in where.values() if value is not None]
        with self._reading():
            rows = self._raw.execute(self._sql(key), params).fetchall()
            return sorted((self._row_entity(kind, r) for r in rows), key=sort_key)

    def count(self, kind: str, /, **where: Any) -> int:
        key = ("count", kind, tuple((name, where[name] is None) for name in where))
        params = [value for value in where.values() if value is not None]
        with self._reading():
            return self._raw.execute(self._sql(key), params).fetchone()[0]

    def _sql(self, key: tuple) -> str:
        """The SQL text of a statement, made once per shape (names are ours, values are bound)."""
        sql = self._statements.get(key)
        if sql is None:
            sql = self._statements[key] = _statement(self._readers, key)
        return sql

    def workshop(self) -> Entity:
        return self.get("workshop", WORKSHOP_ID)

    def snapshot(self) -> Snapshot:
        """Every entity, read in one consistent transaction."""
        snap = Snapshot()
        own_txn = not self._depth
        try:
            if own_txn:
                self._raw.execute("BEGIN")
            try:
                for kind in self._readers:
                    bucket = snap.by_kind[kind]
                    for row in self._raw.execute(self._sql(("all", kind))):
                        entity = self._row_entity(kind, row)
                        bucket[entity.id] = entity
            finally:
                if own_txn:
                    self._raw.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            raise CorruptFile(self.path, str(exc)) from None
        return snap

    def schema_version(self) -> int:
        return self._raw.execute("PRAGMA user_version").fetchone()[0]

    def integrity_problems(self) -> list[str]:
        """SQLite's integrity check and foreign-key check; empty when the file is sound."""
        try:
            # one line per problem: SQLite's rows may hold several, under a "*** in database" title
            problems = [line.strip() for r in self._raw.execute("PRAGMA integrity_check") if r[0] != "ok"
                        for line in r[0].splitlines() if line.strip() and not line.startswith("*** ")]
            for table, rowid, parent, _ in self._raw.execute("PRAGMA foreign_key_check"):
                problems.append(f"{table} row {rowid} refers to a missing {parent}")
        except sqlite3.DatabaseError as exc:   # damage bad enough to stop the check itself
            return [str(exc)]
        return problems

    # ------------------------------------------------------------------ writing
    def insert(self, kind: str, values: Mapping[str, Any], id: int | None = None) -> int:
        self._require_transaction()
        row = dict(values)
        if id is not None:
            row["id"] = id
        cursor = self._raw.execute(self._sql(("insert", kind, tuple(row))), list(row.values()))
        return id if id is not None else cursor.lastrowid

    def update(self, kind: str, id: int, values: Mapping[str, Any]) -> None:
        self._require_transaction()
        if not values:
            return
        cursor = self._raw.execute(self._sql(("update", kind, tuple(values))), [*values.values(), id])
        if cursor.rowcount != 1:
            raise KeyError(f"no {kind} with id {id}")

    def delete(self, kind: str, id: int) -> None:
        self._require_transaction()
        cursor = self._raw.execute(self._sql(("delete", kind)), (id,))
        if cursor.rowcount != 1:
            raise KeyError(f"no {kind} with id {id}")

    def next_seq(self, kind: str, scope: Mapping[str, Any]) -> int:
        """One past the highest ``seq`` among the siblings in ``scope``."""
        key = ("max_seq", kind, tuple((name, scope[name] is None) for name in scope))
        params = [value for value in scope.values() if value is not None]
        highest = self._raw.execute(self._sql(key), params).fetchone()[0]
        return 0 if highest is None else highest + 1

    # ------------------------------------------------------------------ copies
    def copy_to(self, target: str | Path) -> None:
        """Save As: a consistent copy of the file, written whole or not at all."""
        target = Path(target).absolute()
        if target == self.path:
            return
        from mot_workshop.durable import commit, remove_stale, temp_name

        remove_stale(target.parent)
        tmp = temp_name(target, "copy")
        try:
            dest = sqlite3.connect(tmp)
            try:
                self._raw.backup(dest)
                dest.execute("PRAGMA journal_mode = WAL")
            finally:
                dest.close()
            for side in ("-wal", "-shm"):
                target.with_name(target.name + side).unlink(missing_ok=True)
            commit(tmp, target, mode_from=self.path)     # a 0600 client file's copy is 0600 too
        except (OSError, sqlite3.Error) as exc:
            raise WriteFailed(target, str(exc)) from None
        finally:
            tmp.unlink(missing_ok=True)


_CHUNK = 500          # ids per "IN (…)" query: well under SQLite's limit of bound values


def _q(name: str) -> str:
    return f'"{name}"'


def _where(scope: tuple) -> str:
    """WHERE for (name, is None) pairs: NULL is matched with IS NULL, a value with = ?."""
    parts = [f"{_q(name)} IS NULL" if is_null else f"{_q(name)} = ?" for name, is_null in scope]
    return " WHERE " + " AND ".join(parts) if parts else ""


def _statement(readers: Mapping[str, tuple], key: tuple) -> str:
    op, kind = key[0], key[1]
    if kind not in readers:
        raise KeyError(kind)
    table = _q(kind)
    names = readers[kind][0]
    for name in (key[2] if op in ("select", "count", "max_seq", "insert", "update") else ()):
        name = name[0] if isinstance(name, tuple) else name
        if name not in names:
            raise KeyError(f"{kind} has no field {name!r}")
    columns = ", ".join(_q(n) for n in names)
    if op == "get":
        return f"SELECT {columns} FROM {table} WHERE id = ?"
    if op == "many":
        return f"SELECT {columns} FROM {table} WHERE id IN ({', '.join('?' * key[2])})"
    if op == "all":
        return f"SELECT {columns} FROM {table}"
    if op == "select":
        return f"SELECT {columns} FROM {table}{_where(key[2])}"
    if op == "count":
        return f"SELECT count(*) FROM {table}{_where(key[2])}"
    if op == "max_seq":
        return f"SELECT max(seq) FROM {table}{_where(key[2])}"
    if op == "insert":
        return f"INSERT INTO {table} ({', '.join(_q(n) for n in key[2])}) VALUES ({', '.join('?' * len(key[2]))})"
    if op == "update":
        return f"UPDATE {table} SET {', '.join(f'{_q(n)} = ?' for n in key[2])} WHERE id = ?"
    if op == "delete":
        return f"DELETE FROM {table} WHERE id = ?"
    raise ValueError(op)


def _readers() -> dict[str, tuple]:
    """Per kind: the column names (id first), the converters of bool and enum columns, the class."""
    out = {}
    for kind, cls in KINDS.items():
        infos = field_infos(cls)
        converters = tuple((i.name, i.type) for i in infos if i.is_enum or i.type is bool)
        out[kind] = (("id", *(i.name for i in infos)), converters, cls)
    return out


def build_empty_file(path: Path, workshop: Mapping[str, Any]) -> None:
    """Create the schema at head, stamp it, and write the workshop row (id 1)."""
    from mot_workshop.domain.rules import normalise
    from mot_workshop.domain.workshop import Workshop

    defaults = {"title": tr("Untitled workshop", lang=str(workshop.get("language", "ko")))}
    row = Workshop(**normalise(Workshop, {**defaults, **workshop})).values()
    import sqlalchemy as sa
    from sqlalchemy.pool import StaticPool

    from mot_workshop.persistence.schema import TABLES, alembic_version, metadata

    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    raw.execute("PRAGMA journal_mode = WAL")
    engine = sa.create_engine("sqlite://", creator=lambda: raw, poolclass=StaticPool)
    try:
        with engine.begin() as conn:
            metadata.create_all(conn)
            conn.execute(alembic_version.insert(), {"version_num": HEAD_REVISION})
            conn.execute(TABLES["workshop"].insert(), {"id": WORKSHOP_ID, **row})
    finally:
        engine.dispose()   # closes ``raw`` too: it is the pool's only connection
        raw.close()


def entity_kinds() -> tuple[str, ...]:
    return tuple(KINDS)


__all__ = ["Store", "SUFFIX", "WORKSHOP_ID", "entity_class", "file_version", "build_empty_file"]
