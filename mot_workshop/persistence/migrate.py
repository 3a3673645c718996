"""Upgrading a file written by an older version: back it up beside itself, then run the
Alembic migrations up to head. Alembic is imported only here, only when needed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.pool import StaticPool

from mot_workshop.i18n import tr
from mot_workshop.persistence.errors import CorruptFile, WriteFailed

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def backup_path(path: Path, version: int) -> Path:
    candidate = path.with_name(f"{path.stem}.v{version}-backup{path.suffix}")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}.v{version}-backup-{n}{path.suffix}")
        n += 1
    return candidate


def backup(path: Path, version: int) -> Path:
    """A consistent copy (the write-ahead log included) next to the file, atomic: built
    under a temporary name with SQLite's backup API, synced, given the file's permissions
    and only then renamed, so a kill or a full disk never leaves a broken backup that
    looks valid."""
    from mot_workshop.durable import commit, remove_stale, temp_name

    target = backup_path(path, version)
    remove_stale(path.parent)
    tmp = temp_name(target, "backup")
    try:
        source = sqlite3.connect(path)
        try:
            dest = sqlite3.connect(tmp)
            try:
                source.backup(dest)
                dest.execute("PRAGMA journal_mode = DELETE")   # one self-contained file
            finally:
                dest.close()
        finally:
            source.close()
        commit(tmp, target, mode_from=path)
    finally:
        for leftover in (tmp, tmp.with_name(tmp.name + "-journal")):
            leftover.unlink(missing_ok=True)
    return target


def alembic_config(connection):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def upgrade(path: Path, revision: str = "head") -> None:
    """Run the migrations on ``path`` up to ``revision`` (tests use it to build old files)."""
    from alembic import command

    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("PRAGMA foreign_keys = OFF")   # batch migrations copy tables
    engine = sa.create_engine("sqlite://", creator=lambda: raw, poolclass=StaticPool)

    @sa.event.listens_for(engine, "begin")
    def _begin(connection) -> None:
        # All revisions in one SQLite transaction (DDL is transactional in SQLite, but the
        # driver in autocommit mode and Alembic's SQLite support never open one): a failure
        # or a crash midway leaves the file as it was, never half-migrated.
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), revision)
    finally:
        engine.dispose()
        raw.close()


def migrate(path: Path, from_version: int) -> Path:
    """Back up, then upgrade to head. Returns the backup's path."""
    from alembic.util.exc import CommandError

    saved = None
    try:
        saved = backup(path, from_version)
        upgrade(path)
    except CommandError as exc:     # a revision this version does not know: not ours to change
        if saved is not None:
            saved.unlink(missing_ok=True)    # the file was not changed: its copy is not needed
        raise CorruptFile(path, tr("its schema history is unknown to this version ({detail})",
                                   detail=_first_line(exc))) from None
    except (OSError, sqlite3.Error, sa.exc.SQLAlchemyError) as exc:
        raise WriteFailed(path, _first_line(exc)) from exc
    return saved


def _first_line(exc: BaseException) -> str:
    """SQLAlchemy's messages run over several lines (the statement, a documentation URL)."""
    text = str(getattr(exc, "orig", None) or exc)
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__
