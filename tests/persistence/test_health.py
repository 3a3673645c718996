"""Damaged files open for reading only and can be recovered into a checked copy; files
holding triggers, views or tables the app did not create are refused by open and check."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from mot_workshop.cli import main
from mot_workshop.domain.audit import audit
from mot_workshop.editing.entities import CreateEntity
from mot_workshop.editing.history import History
from mot_workshop.persistence.errors import DamagedFile, ForeignSchema, WorkshopFileError
from mot_workshop.persistence.recover import recover
from mot_workshop.persistence.store import Store

NOTES = 60


def build(path: Path) -> Path:
    with Store.create(path, title="Health") as store:
        history = History(store)
        team = CreateEntity("team", {"name": "Team"})
        history.push(team)
        for i in range(8):
            history.push(CreateEntity("participant", {"team_id": team.id, "name": f"member {i}"}))
        for i in range(NOTES):
            history.push(CreateEntity("note", {"author": f"n{i}", "text": f"note {i} " + "x" * 900}))
    return path


def zero_pages(path: Path, pages: list[int]) -> bytes:
    data = bytearray(path.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    for page in pages:
        data[page * size:(page + 1) * size] = bytes(size)
    path.write_bytes(bytes(data))
    return bytes(data)


@pytest.fixture
def damaged(tmp_path) -> tuple[Path, bytes]:
    path = build(tmp_path / "damaged.motw")
    pages = path.stat().st_size // 4096
    return path, zero_pages(path, [pages - 6, pages - 3])       # inside the notes


def test_a_damaged_file_is_not_opened_for_editing(damaged):
    path, data = damaged
    with pytest.raises(DamagedFile) as info:
        Store.open(path)
    assert "damaged" in str(info.value) and "reading only" in str(info.value)
    assert "\n" not in str(info.value)
    with pytest.raises(DamagedFile):
        Store.open(path, read_only=True)                 # reports, renders, exports refuse it too
    with Store.open(path, read_only=True, allow_damage=True) as store:     # `check` looks at it
        assert store.damage
        assert store.read_only
    assert path.read_bytes() == data


def test_a_recovered_copy_holds_what_is_readable_and_passes_check(damaged, capsys):
    path, data = damaged
    result = recover(path)
    assert result.path.name == "damaged (recovered).motw"
    assert path.read_bytes() == data                     # the damaged file is not written
    with Store.open(result.path) as store:               # opens for editing: it is sound
        assert store.integrity_problems() == [] and audit(store.snapshot()) == []
        assert [p.name for p in store.select("participant")] == [f"member {i}" for i in range(8)]
        notes = store.count("note")
        assert 0 < notes < NOTES and result.kept == 1 + 1 + 8 + notes
        History(store).push(CreateEntity("note", {"text": "edited after recovery"}))
    assert main(["check", str(result.path)]) == 0
    capsys.readouterr()


def test_a_copy_of_a_sound_file_is_the_same_workshop(tmp_path):
    path = build(tmp_path / "sound.motw")
    result = recover(path)
    with Store.open(path, read_only=True) as a, Store.open(result.path, read_only=True) as b:
        assert a.snapshot() == b.snapshot()
    assert result.left_out == 0


def test_nothing_to_recover_is_a_clear_refusal(tmp_path):
    path = build(tmp_path / "gone.motw")
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("DELETE FROM workshop")
    with pytest.raises(WorkshopFileError, match="workshop record"):
        recover(path)
    assert not (tmp_path / "gone (recovered).motw").exists()


FOREIGN = {
    "trigger": "CREATE TRIGGER wipe AFTER INSERT ON note BEGIN DELETE FROM participant; END",
    "view": "CREATE VIEW everyone AS SELECT name FROM participant",
    "table": "CREATE TABLE extra (x)",
    "index": "CREATE INDEX ix_note_text ON note (text)",
}


@pytest.mark.parametrize("kind", sorted(FOREIGN))
def test_schema_objects_the_app_did_not_create_are_refused(kind, tmp_path, capsys):
    path = build(tmp_path / f"{kind}.motw")
    with sqlite3.connect(path) as conn:
        conn.execute(FOREIGN[kind])
    conn.close()
    data = path.read_bytes()
    for read_only in (False, True):
        with pytest.raises(ForeignSchema) as info:
            Store.open(path, read_only=read_only)
        assert kind in str(info.value) and "did not create" in str(info.value)
    assert main(["check", str(path), "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "did not create" in err and err.count("\n") == 1 and "Traceback" not in err
    assert path.read_bytes() == data
    clean = recover(path)                      # a clean copy leaves the object behind
    with Store.open(clean.path) as store:
        assert store.count("participant") == 8
        History(store).push(CreateEntity("note", {"text": "a note"}))
        assert store.count("participant") == 8          # no trigger ran


def test_the_expected_schema_objects_are_those_of_a_new_file(tmp_path):
    from mot_workshop.persistence.health import _expected, _sqlite_own

    path = tmp_path / "new.motw"
    Store.create(path).close()
    conn = sqlite3.connect(path)
    found = {(t, n) for t, n in conn.execute("SELECT type, name FROM sqlite_master") if not _sqlite_own(n)}
    conn.close()
    assert found == _expected()
