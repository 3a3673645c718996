"""The migrations are the schema's history: run from an empty file they give exactly the
tables of ``schema.metadata``; an older file is backed up, then upgraded; reading an older
file never changes it; a migration that fails leaves the file as it was."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from mot_workshop.cli import main
from mot_workshop.editing.entities import CreateEntity
from mot_workshop.editing.history import History
from mot_workshop.persistence import migrate
from mot_workshop.persistence.errors import NeedsMigration, WriteFailed
from mot_workshop.persistence.schema import APPLICATION_ID, HEAD_REVISION, SCHEMA_VERSION, TABLES, metadata
from mot_workshop.persistence.store import Store, build_empty_file

SCHEMA_1_TABLES = {"workshop", "team", "participant", "process", "cycle", "touchpoint", "process_map", "lane",
                   "phase", "step", "flow", "voc", "output_analysis", "benchmark", "obstacle", "target",
                   "key_indicator", "action", "vote"}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def blank_file(path: Path) -> Path:
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    raw.execute("PRAGMA journal_mode = WAL")
    raw.close()
    return path


def pragma(path: Path, name: str) -> int:
    raw = sqlite3.connect(path)
    try:
        return raw.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        raw.close()


def structure(path: Path) -> dict[str, tuple]:
    """Per table: columns, foreign keys, indexes, AUTOINCREMENT, as SQLite itself sees them."""
    raw = sqlite3.connect(path)
    try:
        out = {}
        names = [r[0] for r in raw.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        for name in names:
            sql = raw.execute("SELECT sql FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0]
            columns = tuple(raw.execute(f'PRAGMA table_info("{name}")'))
            keys = tuple(sorted(tuple(r[2:]) for r in raw.execute(f'PRAGMA foreign_key_list("{name}")')))
            indexes = tuple(sorted(
                (r[1], r[2], tuple(c[2] for c in raw.execute(f'PRAGMA index_info("{r[1]}")')))
                for r in raw.execute(f'PRAGMA index_list("{name}")')))
            out[name] = (columns, keys, indexes, "AUTOINCREMENT" in sql.upper())
        return out
    finally:
        raw.close()


def schema_1_file(path: Path) -> Path:
    """A file as version 1 wrote it, with some rows."""
    migrate.upgrade(blank_file(path), "0001")
    raw = sqlite3.connect(path)
    raw.execute("INSERT INTO workshop (id, title, organisation, facilitator, held_on, place, language, "
                "benchmark_a, benchmark_b, dots_per_voter, notes) "
                "VALUES (1, 'Version one', 'S Dept. Store', 'Park', '2025-03-04', 'Seoul', 'en', 'A', 'B', 5, '')")
    raw.execute("INSERT INTO team (id, seq, name, colour) VALUES (1, 0, 'Team A', '#3366cc')")
    raw.execute("INSERT INTO participant (id, team_id, seq, name, role) VALUES (1, 1, 0, 'Kim', '')")
    raw.execute("INSERT INTO process (id, seq, name, mission, start_point, end_point, major, medium, role, "
                "viewpoint, aspects, innovation, feasibility, selected, team_id) "
                "VALUES (1, 0, 'Exchange goods', '', '', '', '', '', 'core', NULL, '', 4, 3, 1, 1)")
    raw.execute("INSERT INTO cycle (id, parent_id, seq, name, description, process_id, team_id) "
                "VALUES (1, NULL, 0, 'Parking', '', 1, NULL)")
    raw.execute("INSERT INTO touchpoint (id, cycle_id, seq, name, element, expectation, level, importance, "
                "problems, improvement, owner, critical) "
                "VALUES (1, 1, 0, 'Takes a ticket', 'HARD', '', 2, 5, '', '', '', 1)")
    raw.commit()
    raw.close()
    return path


def rows(path: Path) -> dict[str, list[tuple]]:
    raw = sqlite3.connect(path)
    try:
        return {t: raw.execute(f'SELECT * FROM "{t}" ORDER BY id').fetchall() for t in sorted(SCHEMA_1_TABLES)}
    finally:
        raw.close()


def test_all_migrations_give_exactly_the_schema_of_metadata(tmp_path):
    path = blank_file(tmp_path / "migrated.motw")
    migrate.upgrade(path)
    engine = sa.create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(context, metadata) == []
            assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").all() == [(HEAD_REVISION,)]
    finally:
        engine.dispose()
    assert pragma(path, "user_version") == SCHEMA_VERSION
    assert pragma(path, "application_id") == APPLICATION_ID
    # The same, checked the way SQLite sees it: a new file is built from metadata directly.
    fresh = tmp_path / "fresh.motw"
    build_empty_file(fresh, {"title": "x"})
    assert structure(path) == structure(fresh)
    assert set(structure(path)) == set(TABLES) | {"alembic_version"}
    assert all(autoincrement for name, (*_, autoincrement) in structure(path).items()
               if name != "alembic_version"), "ids must never be reused (undo restores them)"


def test_every_revision_stamps_its_schema_version(tmp_path):
    path = blank_file(tmp_path / "steps.motw")
    migrate.upgrade(path, "0001")
    assert pragma(path, "user_version") == 1
    assert set(structure(path)) == SCHEMA_1_TABLES | {"alembic_version"}
    migrate.upgrade(path, "0002")
    assert pragma(path, "user_version") == 2
    migrate.upgrade(path, "0003")
    assert pragma(path, "user_version") == 3
    assert "origin_id" in {c[1] for c in structure(path)["step"][0]}
    migrate.upgrade(path, "0004")
    assert pragma(path, "user_version") == 4
    assert {"room_score", "idea"} <= set(structure(path))
    migrate.upgrade(path, "0005")
    assert pragma(path, "user_version") == 5
    assert {"cs_check", "asis_answer", "qcds_score", "viewpoint_aspect", "interview"} <= set(structure(path))
    assert "interview_id" in {c[1] for c in structure(path)["voc"][0]}
    migrate.upgrade(path, "0006")
    assert pragma(path, "user_version") == 6
    assert "identity" in {c[1] for c in structure(path)["workshop"][0]}
    assert "merge_link" in structure(path)
    migrate.upgrade(path, "0007")
    assert pragma(path, "user_version") == 7 == SCHEMA_VERSION
    assert {"marker", "event_role"} <= {c[1] for c in structure(path)["step"][0]}


def test_a_schema_1_file_is_backed_up_then_migrated(tmp_path):
    path = schema_1_file(tmp_path / "old.motw")
    before_rows = rows(path)

    with Store.open(path) as store:
        assert store.schema_version() == SCHEMA_VERSION == 7
        assert len(store.workshop().identity) == 36          # the upgrade gave it an identity
        assert store.workshop().title == "Version one"
        assert [t.name for t in store.select("team")] == ["Team A"]
        assert store.get("touchpoint", 1).level == 2 and store.get("touchpoint", 1).critical
        assert store.integrity_problems() == []
        # the new tables of version 2 are there and usable
        History(store).push(CreateEntity("note", {"text": "after the upgrade", "wizard_step": 2}))
        History(store).push(CreateEntity("step_progress", {"step_no": 1, "process_id": 1}))

    backups = sorted(p for p in tmp_path.iterdir() if "backup" in p.name)
    assert [p.name for p in backups] == ["old.v1-backup.motw"]
    backup = backups[0]
    assert pragma(backup, "user_version") == 1
    assert pragma(backup, "application_id") == APPLICATION_ID
    assert rows(backup) == before_rows
    assert set(structure(backup)) == SCHEMA_1_TABLES | {"alembic_version"}
    migrated = rows(path)                                # every row intact; new columns empty
    assert migrated.keys() == before_rows.keys()
    for table, old in before_rows.items():
        width = len(old[0]) if old else 0
        assert [r[:width] for r in migrated[table]] == old, table
        # new columns are empty: NULL, or "" for a text column that may not be NULL
        extras = [extra for r in migrated[table] for extra in r[width:]]
        if table == "workshop":                              # all but the identity it was given
            extras = extras[:-1]
        assert all(extra in (None, "") for extra in extras), table
    assert pragma(path, "user_version") == SCHEMA_VERSION

    # The backup is itself a version-1 workshop file: reading it works, it is not changed.
    backup_sha = sha256(backup)
    with pytest.raises(NeedsMigration):
        Store.open(backup, read_only=True)
    assert main(["check", str(backup)]) == 0
    assert sha256(backup) == backup_sha


def test_a_second_migration_does_not_overwrite_the_first_backup(tmp_path):
    path = schema_1_file(tmp_path / "twice.motw")
    first_backup = tmp_path / "twice.v1-backup.motw"
    first_backup.write_bytes(b"an earlier backup the user kept")
    Store.open(path).close()
    assert first_backup.read_bytes() == b"an earlier backup the user kept"
    assert pragma(tmp_path / "twice.v1-backup-2.motw", "user_version") == 1


@pytest.mark.parametrize("command", ["check", "dump"])
def test_reading_a_schema_1_file_does_not_change_it(command, tmp_path, capsys):
    path = schema_1_file(tmp_path / "old.motw")
    before = sha256(path)
    assert main([command, str(path), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    if command == "check":
        assert "schema version: 1" in out and "integrity: ok" in out
    else:
        assert '"title": "Version one"' in out and '"note": []' in out
    assert sha256(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.motw"]     # no backup, no -wal, no lock


def test_a_failing_migration_leaves_the_file_as_it_was(tmp_path):
    """Revision 0002 fails half-way (its second table already exists): the first table it
    made is rolled back with it, the file is still version 1 and unchanged."""
    path = schema_1_file(tmp_path / "stuck.motw")
    raw = sqlite3.connect(path)
    raw.execute("CREATE TABLE step_progress (x)")
    raw.commit()
    raw.close()
    before = sha256(path)
    with pytest.raises(WriteFailed):
        Store.open(path)
    assert sha256(path) == before
    assert pragma(path, "user_version") == 1
    assert "note" not in structure(path)
    raw = sqlite3.connect(path)
    assert raw.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
    raw.close()
    assert not (tmp_path / ".~stuck.motw.lock").exists()


def test_0005_moves_old_cs_ticks_from_step_notes_to_check_points(tmp_path):
    """Version 4 kept step 5's ticks as a "cs-checked: 1,3" line in the step's notes. 0005
    makes them check-points of the process's first To-Be map and takes the line out of the
    notes; a process without a To-Be map keeps its notes as they were."""
    path = schema_1_file(tmp_path / "ticks.motw")
    migrate.upgrade(path, "0004")
    raw = sqlite3.connect(path)
    raw.execute("INSERT INTO process (id, seq, name, mission, start_point, end_point, major, medium, role, "
                "viewpoint, aspects, innovation, feasibility, selected, team_id) "
                "VALUES (2, 1, 'No map yet', '', '', '', '', '', 'core', NULL, '', 1, 1, 0, NULL)")
    for map_id, kind in ((1, "as-is"), (2, "to-be"), (3, "to-be")):
        raw.execute("INSERT INTO process_map (id, process_id, kind, title, derived_from_id, notes) "
                    "VALUES (?, 1, ?, '', NULL, '')", (map_id, kind))
    notes = "Agreed with the store manager\ncs-checked: 3, 1,9,x\nRevisit speed"
    raw.execute("INSERT INTO step_progress (id, step_no, status, process_id, seconds_spent, notes) "
                "VALUES (1, 5, 'doing', 1, 0, ?)", (notes,))
    raw.execute("INSERT INTO step_progress (id, step_no, status, process_id, seconds_spent, notes) "
                "VALUES (2, 5, 'todo', 2, 0, 'cs-checked: 2')")
    raw.execute("INSERT INTO step_progress (id, step_no, status, process_id, seconds_spent, notes) "
                "VALUES (3, 4, 'todo', 1, 0, 'cs-checked: 4')")
    raw.commit()
    raw.close()

    migrate.upgrade(path, "0005")

    raw = sqlite3.connect(path)
    try:
        # ticks 1 and 3 on the first To-Be map; 9 and "x" are not check-points
        assert raw.execute("SELECT map_id, point, ticked, note FROM cs_check ORDER BY point").fetchall() == [
            (2, 1, 1, ""), (2, 3, 1, "")]
        assert dict(raw.execute("SELECT id, notes FROM step_progress").fetchall()) == {
            1: "Agreed with the store manager\nRevisit speed",
            2: "cs-checked: 2",               # no To-Be map to hold the tick: nothing is lost
            3: "cs-checked: 4",               # only step 5 held the check-points
        }
    finally:
        raw.close()
