"""Bad files and bad dumps are refused with one clear line, and never changed.

For every kind of bad file: ``Store.open`` raises the specific ``WorkshopFileError``, the
CLI's ``check`` and ``dump`` exit non-zero with one line on stderr (never a traceback), the
file's bytes stay the same and nothing (-wal, -shm, lock file) is left beside it. Commands
that fail leave the file as it was and never enter the history.
"""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import json
import os
import random
import shutil
import sqlite3
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from mot_workshop.cli import main
from mot_workshop.domain.rules import RuleError
from mot_workshop.domain.workshop import Team
from mot_workshop.editing.bulk import InsertEntities
from mot_workshop.editing.command import Macro
from mot_workshop.editing.entities import CreateEntity, DeleteEntity, UpdateEntity
from mot_workshop.editing.history import History
from mot_workshop.editing.loading import load_into_new_file
from mot_workshop.editing.maps import DeriveMap
from mot_workshop.persistence.dump import DumpError, from_data, to_data, to_json
from mot_workshop.persistence.errors import (
    CorruptFile,
    FileLocked,
    FileMissing,
    ForeignFile,
    NewerSchema,
    NotAWorkshopFile,
    ReadOnlyFile,
    ReadOnlyStore,
    WorkshopFileError,
    WriteFailed,
)
from mot_workshop.persistence.schema import SCHEMA_VERSION
from mot_workshop.persistence.store import Store
from tests.world import World, build_world

ERROR_PREFIX = "mot-workshop: error: "


# ---------------------------------------------------------------- helpers
def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fingerprint(folder: Path) -> dict[str, str]:
    """Every entry of ``folder`` with its content hash: shows changed bytes and new files."""
    out = {}
    for entry in sorted(folder.iterdir()):
        if entry.is_dir():
            out[entry.name] = "dir:" + ",".join(sorted(p.name for p in entry.iterdir()))
        elif entry.is_file():
            out[entry.name] = sha256(entry)
        else:
            out[entry.name] = "other"
    return out


def assert_one_line_error(err: str, *must_contain: str) -> str:
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    line = lines[0]
    assert line.startswith(ERROR_PREFIX), line
    for text in must_contain:
        assert text in line, (text, line)
    return line


@dataclass
class Built:
    path: Path
    world: World
    dump: str


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Built:
    """A real workshop file (every kind present, plus a derived To-Be map), closed and clean."""
    path = tmp_path_factory.mktemp("built") / "world.motw"
    store = Store.create(path, title="Robustness", language="en")
    history = History(store)
    world = build_world(history)
    history.push(DeriveMap(world.id("process_map"), "to-be"))
    for i in range(40):      # some bulk, so that half of the file is a real cut
        history.push(CreateEntity("note", {"text": f"note {i} " + "x" * 2000}))
    dump = to_json(store.snapshot())
    store.close()
    assert sorted(p.name for p in path.parent.iterdir()) == ["world.motw"]
    return Built(path, world, dump)


@pytest.fixture
def workshop_copy(built, tmp_path) -> Path:
    path = tmp_path / "copy.motw"
    shutil.copyfile(built.path, path)
    return path


# ---------------------------------------------------------------- bad files
def _empty(folder: Path, good: bytes) -> Path:
    path = folder / "empty.motw"
    path.write_bytes(b"")
    return path


def _half(folder: Path, good: bytes) -> Path:
    path = folder / "half.motw"
    path.write_bytes(good[: len(good) // 2])
    return path


def _fifty_bytes(folder: Path, good: bytes) -> Path:
    path = folder / "fifty.motw"
    path.write_bytes(good[:50])
    return path


def _random(folder: Path, good: bytes) -> Path:
    path = folder / "random.motw"
    path.write_bytes(random.Random(7).randbytes(16_384))
    return path


def _random_after_magic(folder: Path, good: bytes) -> Path:
    path = folder / "magic.motw"
    path.write_bytes(b"SQLite format 3\x00" + random.Random(8).randbytes(16_384))
    return path


def _foreign(folder: Path, good: bytes) -> Path:
    path = folder / "contacts.motw"
    raw = sqlite3.connect(path)
    raw.execute("CREATE TABLE contact (id INTEGER PRIMARY KEY, name TEXT)")
    raw.execute("INSERT INTO contact (name) VALUES ('Kim')")
    raw.commit()
    raw.close()
    return path


def _foreign_wal(folder: Path, good: bytes) -> Path:
    """Another program's database in WAL mode (the journal mode we use ourselves)."""
    path = folder / "other-wal.motw"
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA journal_mode = WAL")
    raw.execute("CREATE TABLE t (a)")
    raw.commit()
    raw.close()
    return path


def _newer(folder: Path, good: bytes) -> Path:
    path = folder / "newer.motw"
    path.write_bytes(good)
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.commit()
    raw.close()
    assert sorted(p.name for p in folder.iterdir()) == ["newer.motw"]
    return path


def _directory(folder: Path, good: bytes) -> Path:
    path = folder / "folder.motw"
    path.mkdir()
    (path / "inside.txt").write_text("x")
    return path


def _missing(folder: Path, good: bytes) -> Path:
    return folder / "missing.motw"


def _below_a_file(folder: Path, good: bytes) -> Path:
    (folder / "plain").write_text("x")
    return folder / "plain" / "inner.motw"


@dataclass(frozen=True)
class BadFile:
    make: Callable[[Path, bytes], Path]
    error: type[WorkshopFileError] | tuple[type[WorkshopFileError], ...]
    says: str        # a fragment of the English message


BAD_FILES = {
    "empty": BadFile(_empty, NotAWorkshopFile, "is empty"),
    "truncated-half": BadFile(_half, CorruptFile, "cut short"),
    "truncated-50-bytes": BadFile(_fifty_bytes, CorruptFile, "cut short"),
    "random-bytes": BadFile(_random, NotAWorkshopFile, "not a MOT Workshop file"),
    "random-after-sqlite-magic": BadFile(_random_after_magic, (CorruptFile, ForeignFile), ""),
    "other-programs-database": BadFile(_foreign, ForeignFile, "another program"),
    "other-programs-wal-database": BadFile(_foreign_wal, ForeignFile, "another program"),
    "newer-schema": BadFile(_newer, NewerSchema, "newer MOT Workshop"),
    "directory": BadFile(_directory, NotAWorkshopFile, "folder"),
    "missing": BadFile(_missing, FileMissing, "no such file"),
    "below-a-regular-file": BadFile(_below_a_file, FileMissing, "no such file"),
}


@pytest.fixture(params=sorted(BAD_FILES))
def bad_file(request, built, tmp_path) -> tuple[Path, BadFile]:
    case = BAD_FILES[request.param]
    return case.make(tmp_path, built.path.read_bytes()), case


@pytest.mark.parametrize("read_only", [False, True], ids=["write", "read-only"])
def test_store_refuses_a_bad_file_and_leaves_it_alone(bad_file, read_only, tmp_path):
    path, case = bad_file
    before = fingerprint(tmp_path)
    with pytest.raises(case.error) as info:
        Store.open(path, read_only=read_only)
    message = str(info.value)
    assert path.name in message and case.says in message
    assert "\n" not in message
    assert info.value.path.name == path.name
    assert fingerprint(tmp_path) == before


@pytest.mark.parametrize("command", ["check", "dump"])
def test_cli_refuses_a_bad_file_with_one_line(bad_file, command, tmp_path, capsys):
    path, case = bad_file
    before = fingerprint(tmp_path)
    assert main([command, str(path)]) != 0
    out, err = capsys.readouterr()
    assert out == ""
    assert_one_line_error(err, path.name, case.says)
    assert fingerprint(tmp_path) == before


def test_a_garbled_page_anywhere_is_noticed(built, tmp_path, capsys):
    """Damage inside the file, behind a good header, one page at a time: opening, reading or
    the integrity check notices it; `check` fails with one line, `dump` either works or
    fails with one line; nothing is ever a traceback and the file is never changed."""
    data = built.path.read_bytes()
    page = 4096
    pages = len(data) // page
    assert pages > 40
    for number in range(1, pages):          # page 1 (the header page) is the fileguard's
        garbled = bytearray(data)
        garbled[number * page + 8: (number + 1) * page] = random.Random(number).randbytes(page - 8)
        folder = tmp_path / f"page{number}"
        folder.mkdir()
        path = folder / "garbled.motw"
        path.write_bytes(bytes(garbled))
        before = fingerprint(folder)
        noticed = []
        try:
            with Store.open(path, read_only=True) as store:
                try:
                    store.snapshot()
                except CorruptFile:
                    noticed.append("snapshot")
                noticed += store.integrity_problems()
        except CorruptFile:
            noticed.append("open")
        assert noticed, f"page {number}: damage went unnoticed"

        assert main(["check", str(path)]) == 1
        assert_one_line_error(capsys.readouterr().err)     # "damaged …" or "N problem(s); first: …"
        if main(["dump", str(path)]) != 0:
            assert_one_line_error(capsys.readouterr().err, "garbled.motw")
        capsys.readouterr()
        assert fingerprint(folder) == before, f"page {number}"
        with pytest.raises(CorruptFile):     # for writing, the same damage refuses too ...
            with Store.open(path) as store:  # ... or it is found on reading everything
                store.snapshot()
                if store.integrity_problems():
                    raise CorruptFile(path, "found by the integrity check")
        assert fingerprint(folder) == before, f"page {number}, after opening for writing"


def test_a_value_no_version_writes_is_reported_as_damage(workshop_copy, tmp_path, capsys):
    raw = sqlite3.connect(workshop_copy)
    raw.execute("UPDATE lane SET kind = 'martian' WHERE id = (SELECT MIN(id) FROM lane)")
    raw.commit()
    raw.close()
    before = fingerprint(tmp_path)
    with Store.open(workshop_copy, read_only=True) as store, pytest.raises(CorruptFile, match="martian"):
        store.snapshot()
    for command in ("check", "dump"):
        assert main([command, str(workshop_copy)]) == 1
        assert_one_line_error(capsys.readouterr().err, workshop_copy.name, "martian")
    assert fingerprint(tmp_path) == before


# ---------------------------------------------------------------- read-only file
def test_read_only_file_opens_for_reading_only(built, workshop_copy, tmp_path, capsys):
    os.chmod(workshop_copy, 0o444)
    try:
        before = fingerprint(tmp_path)
        # Even when the tests run as root (who may write anyway), the mode bits say read-only.
        with pytest.raises(ReadOnlyFile) as info:
            Store.open(workshop_copy)
        assert "read-only" in str(info.value) and workshop_copy.name in str(info.value)
        assert fingerprint(tmp_path) == before

        with Store.open(workshop_copy, read_only=True) as store:
            assert store.read_only
            assert to_json(store.snapshot()) == built.dump
            history = History(store)
            with pytest.raises(ReadOnlyStore):
                history.push(CreateEntity("team", {"name": "Nope"}))
            assert not history.can_undo and len(history) == 0
        assert fingerprint(tmp_path) == before

        assert main(["check", str(workshop_copy), "--lang", "en"]) == 0
        assert "integrity: ok" in capsys.readouterr().out
        assert main(["dump", str(workshop_copy)]) == 0
        assert capsys.readouterr().out == built.dump
        assert fingerprint(tmp_path) == before
        assert stat.S_IMODE(workshop_copy.stat().st_mode) == 0o444
    finally:
        os.chmod(workshop_copy, 0o644)


def test_reading_leaves_nothing_beside_a_good_file(built, workshop_copy, tmp_path, capsys):
    before = fingerprint(tmp_path)
    with Store.open(workshop_copy, read_only=True) as store:
        store.snapshot()
    assert main(["check", str(workshop_copy)]) == 0
    assert main(["dump", str(workshop_copy)]) == 0
    assert capsys.readouterr().out.endswith(built.dump)
    assert fingerprint(tmp_path) == before


def test_reading_beside_a_writer_keeps_the_writers_log(workshop_copy, tmp_path):
    """A reader never removes the -wal of a file another connection has open."""
    with Store.open(workshop_copy) as writer:
        History(writer).push(CreateEntity("team", {"name": "Written"}))
        wal = workshop_copy.with_name(workshop_copy.name + "-wal")
        assert wal.exists()
        with Store.open(workshop_copy, read_only=True) as reader:
            assert [t.name for t in reader.select("team")][-1] == "Written"
        assert wal.exists()
        History(writer).push(CreateEntity("team", {"name": "After the reader"}))
    with Store.open(workshop_copy, read_only=True) as reader:
        assert [t.name for t in reader.select("team")][-2:] == ["Written", "After the reader"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [workshop_copy.name]


# ---------------------------------------------------------------- failing commands
def test_refused_commands_change_nothing_and_stay_out_of_history(built, workshop_copy, tmp_path):
    w = built.world
    with Store.open(workshop_copy) as store:
        history = History(store)
        start = to_json(store.snapshot())
        history.push(CreateEntity("team", {"name": "Kept"}))
        history.undo()          # a redo step that a refused command must not disturb either
        assert history.can_redo
        after_one = to_json(store.snapshot())
        to_be = next(m for m in store.select("process_map") if m.kind == "to-be" and store.select("step", map_id=m.id))
        foreign_step = store.select("step", map_id=to_be.id)[0]

        refused = [
            # a flow whose ends lie in another map
            CreateEntity("flow", {"map_id": w.id("process_map"), "source_id": w.id("step", 0),
                                  "target_id": foreign_step.id}),
            # a lane that still holds steps
            DeleteEntity("lane", w.id("lane")),
            # a reference to nothing
            CreateEntity("participant", {"team_id": 999_999, "name": "Ghost"}),
            UpdateEntity("touchpoint", 999_999, {"name": "Gone"}),
            # half of a macro is fine, the other half is not: nothing of it stays
            Macro("Both", [CreateEntity("team", {"name": "Half"}),
                           CreateEntity("step", {"map_id": w.id("process_map"), "lane_id": 999_999})]),
            DeleteEntity("workshop", 1),
        ]
        for command in refused:
            with pytest.raises(RuleError):
                history.push(command)
            assert to_json(store.snapshot()) == after_one
            assert not history.can_undo and history.can_redo and len(history) == 0
        for make in (lambda: UpdateEntity("touchpoint", w.id("touchpoint"), {"level": 7}),
                     lambda: CreateEntity("step", {"map_id": w.id("process_map"), "lane_id": w.id("lane"),
                                                   "label": "x" * 100_000}),
                     lambda: CreateEntity("step", {"map_id": w.id("process_map"), "lane_id": w.id("lane"),
                                                   "duration": "soon"})):
            with pytest.raises(RuleError):      # refused before it is even a command
                history.push(make())
        assert to_json(store.snapshot()) == after_one
        assert store.integrity_problems() == []
        history.redo()
        assert [t.name for t in store.select("team")][-1] == "Kept"
        history.undo()
        assert to_json(store.snapshot()) == start


def test_only_refused_commands_leave_the_file_bytes_unchanged(built, workshop_copy, tmp_path):
    before = fingerprint(tmp_path)
    with Store.open(workshop_copy) as store:
        history = History(store)
        with pytest.raises(RuleError):
            history.push(DeleteEntity("lane", built.world.id("lane")))
        with pytest.raises(WriteFailed):
            history.push(InsertEntities([Team(id=built.world.id("team"), name="Same id")]))
        assert len(history) == 0
    assert fingerprint(tmp_path) == before


def test_a_write_error_rolls_back_the_whole_command(built, workshop_copy):
    """A constraint the rules do not see (an id already taken) fails in SQLite: all of the
    command is rolled back, it is not in the history, and the message is a WriteFailed."""
    with Store.open(workshop_copy) as store:
        history = History(store)
        start = to_json(store.snapshot())
        with pytest.raises(WriteFailed) as info:
            history.push(Macro("Two", [CreateEntity("team", {"name": "First"}),
                                       InsertEntities([Team(id=built.world.id("team"), name="Clash")])]))
        assert workshop_copy.name in str(info.value)
        assert to_json(store.snapshot()) == start
        assert len(history) == 0 and not history.can_undo
        history.push(CreateEntity("team", {"name": "Still works"}))
        assert len(history) == 1


def test_disk_full_fails_cleanly_and_recovers(workshop_copy):
    """The disk fills up (simulated with max_page_count): the command fails with WriteFailed,
    changes nothing, is not in the history, and the same edit works once there is room."""
    with Store.open(workshop_copy) as store:
        history = History(store)
        raw = store._raw       # the only way to make SQLite run out of room on demand
        pages = raw.execute("PRAGMA page_count").fetchone()[0]
        raw.execute(f"PRAGMA max_page_count = {pages}")
        start = to_json(store.snapshot())
        with pytest.raises(WriteFailed, match="full") as info:
            history.push(CreateEntity("note", {"text": "y" * 19_000}))
        assert workshop_copy.name in str(info.value)
        assert to_json(store.snapshot()) == start
        assert len(history) == 0 and not history.can_undo

        raw.execute(f"PRAGMA max_page_count = {pages + 10_000}")
        history.push(CreateEntity("note", {"text": "y" * 19_000}))
        assert len(history) == 1
        history.undo()
        assert to_json(store.snapshot()) == start
        assert store.integrity_problems() == []


def test_a_failing_undo_or_redo_keeps_the_history_as_it_was(workshop_copy):
    """A write error during undo or redo (here: the connection turned read-only) changes
    nothing: the step stays where it was and can be taken again."""
    with Store.open(workshop_copy) as store:
        history = History(store)
        raw = store._raw
        start = to_json(store.snapshot())
        history.push(DeleteEntity("process", store.select("process")[0].id))   # a big cascade
        history.push(CreateEntity("team", {"name": "Second"}))
        after = to_json(store.snapshot())

        raw.execute("PRAGMA query_only = ON")
        with pytest.raises(WriteFailed):
            history.undo()
        assert to_json(store.snapshot()) == after
        assert len(history) == 2 and not history.can_redo
        raw.execute("PRAGMA query_only = OFF")
        history.undo_all()
        assert to_json(store.snapshot()) == start

        raw.execute("PRAGMA query_only = ON")
        with pytest.raises(WriteFailed):
            history.redo()
        assert to_json(store.snapshot()) == start
        assert len(history) == 0 and history.can_redo
        raw.execute("PRAGMA query_only = OFF")
        history.redo()
        history.redo()
        assert to_json(store.snapshot()) == after
        assert store.integrity_problems() == []


# ---------------------------------------------------------------- hostile dumps
def _mutations(data: dict, good_ids: World) -> dict[str, tuple[object, str]]:
    """name -> (JSON data or raw text, fragment of the message)."""

    def changed(edit: Callable[[dict], None]) -> dict:
        copied = copy.deepcopy(data)
        edit(copied)
        return copied

    entities = data["entities"]
    as_is = good_ids.id("process_map")
    other_map_step = next(s for s in entities["step"] if s["map_id"] != as_is)

    def row(kind: str, index: int = 0) -> Callable[[dict], dict]:
        return lambda d: d["entities"][kind][index]

    return {
        "not-json": ("{\"format\": ", "not valid JSON"),
        "not-utf8": (b"\xff\xfe\x00garbage", "UTF-8"),
        "a-list": ([1, 2, 3], "not a MOT Workshop dump"),
        "wrong-format": (changed(lambda d: d.update(format="something-else")), "not a MOT Workshop dump"),
        "newer-dump-version": (changed(lambda d: d.update(version=2)), "version 2"),
        "no-entities": (changed(lambda d: d.pop("entities")), "entities"),
        "unknown-kind": (changed(lambda d: d["entities"].update(spaceship=[{"id": 1}])), "spaceship"),
        "rows-not-a-list": (changed(lambda d: d["entities"].update(team={"id": 1})), "team"),
        "unknown-field": (changed(lambda d: row("team")(d).update(wings=2)), "wings"),
        "bad-id": (changed(lambda d: row("team")(d).update(id="one")), "id"),
        "negative-id": (changed(lambda d: row("team")(d).update(id=-4)), "id"),
        "boolean-id": (changed(lambda d: row("team")(d).update(id=True)), "id"),
        "huge-id": (changed(lambda d: row("team")(d).update(id=2**70)), "too large"),
        "duplicate-id": (changed(lambda d: d["entities"]["team"].append(dict(row("team")(d)))), "twice"),
        "score-7": (changed(lambda d: row("touchpoint")(d).update(level=7)), "between 1 and 5"),
        "text-in-a-number": (changed(lambda d: row("step")(d).update(duration="a while")), "not a number"),
        "infinite-number": (changed(lambda d: row("step")(d).update(x=float("inf"))), "too large"),
        "number-beyond-float": (changed(lambda d: row("step")(d).update(x=10**400)), "too large"),
        "int-beyond-64-bits": (changed(lambda d: row("team")(d).update(seq=2**70)), "too large"),
        "object-in-a-text": (changed(lambda d: row("team")(d).update(name={"a": [1]})), "must be text"),
        "label-100000-chars": (changed(lambda d: row("step")(d).update(label="x" * 100_000)), "too long"),
        "nul-in-text": (changed(lambda d: row("team")(d).update(name="a\x00b")), "NUL"),
        "unknown-enum": (changed(lambda d: row("lane")(d).update(kind="martian")), "martian"),
        "dangling-reference": (changed(lambda d: row("participant")(d).update(team_id=4242)), "4242"),
        "flow-ends-in-another-map": (changed(lambda d: row("flow")(d).update(target_id=other_map_step["id"])),
                                     "another map"),
        "no-workshop": (changed(lambda d: d["entities"].update(workshop=[])), "workshop"),
        "workshop-id-2": (changed(lambda d: row("workshop")(d).update(id=2)), "workshop"),
        "cycle-loop": (changed(lambda d: [c.update(parent_id=d["entities"]["cycle"][1 - i]["id"])
                                          for i, c in enumerate(d["entities"]["cycle"][:2])]), "sub-cycle"),
    }


@pytest.fixture(scope="module")
def good_dump(built) -> dict:
    with Store.open(built.path, read_only=True) as store:
        return to_data(store.snapshot())


def test_the_good_dump_loads(good_dump, tmp_path, capsys):
    source = tmp_path / "good.json"
    source.write_text(json.dumps(good_dump), encoding="utf-8")
    assert main(["load", str(source), str(tmp_path / "good.motw")]) == 0
    capsys.readouterr()


HOSTILE = ["not-json", "not-utf8", "a-list", "wrong-format", "newer-dump-version", "no-entities",
           "unknown-kind", "rows-not-a-list", "unknown-field", "bad-id", "negative-id", "boolean-id",
           "huge-id", "duplicate-id", "score-7", "text-in-a-number", "infinite-number",
           "number-beyond-float", "int-beyond-64-bits", "object-in-a-text", "label-100000-chars",
           "nul-in-text", "unknown-enum", "dangling-reference", "flow-ends-in-another-map",
           "no-workshop", "workshop-id-2", "cycle-loop"]


@pytest.mark.parametrize("name", HOSTILE)
def test_load_refuses_a_hostile_dump(name, built, good_dump, tmp_path, capsys):
    cases = _mutations(good_dump, built.world)
    assert sorted(cases) == sorted(HOSTILE)
    content, says = cases[name]
    source = tmp_path / "in" / "dump.json"
    source.parent.mkdir()
    if isinstance(content, bytes):
        source.write_bytes(content)
    elif isinstance(content, str):
        source.write_text(content, encoding="utf-8")
    else:
        source.write_text(json.dumps(content), encoding="utf-8")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    existing = out_dir / "existing.motw"
    shutil.copyfile(built.path, existing)
    before_in, before_out = fingerprint(source.parent), fingerprint(out_dir)

    assert main(["load", str(source), str(out_dir / "new.motw")]) == 1
    out, err = capsys.readouterr()
    assert_one_line_error(err, says)
    # --force onto an existing workshop: a refused dump must not cost the old file
    assert main(["load", str(source), str(existing), "--force"]) == 1
    assert_one_line_error(capsys.readouterr().err, says)

    assert fingerprint(source.parent) == before_in
    assert fingerprint(out_dir) == before_out


def test_load_onto_an_existing_file_needs_force(good_dump, built, tmp_path, capsys):
    source = tmp_path / "good.json"
    source.write_text(json.dumps(good_dump), encoding="utf-8")
    existing = tmp_path / "existing.motw"
    shutil.copyfile(built.path, existing)
    before = sha256(existing)
    assert main(["load", str(source), str(existing)]) == 1
    assert_one_line_error(capsys.readouterr().err, "already exists")
    assert sha256(existing) == before


def test_load_onto_a_file_open_elsewhere_is_refused(good_dump, built, tmp_path, capsys):
    source = tmp_path / "good.json"
    source.write_text(json.dumps(good_dump), encoding="utf-8")
    target = tmp_path / "open.motw"
    shutil.copyfile(built.path, target)
    with Store.open(target) as holder:
        dump = to_json(holder.snapshot())
        assert main(["load", str(source), str(target), "--force"]) == 1
        assert_one_line_error(capsys.readouterr().err, target.name)
        with pytest.raises(FileLocked):
            load_into_new_file(target, from_data(good_dump), overwrite=True)
        assert to_json(holder.snapshot()) == dump
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.json", "open.motw"]


def test_a_load_that_fails_while_writing_keeps_the_file_it_was_to_replace(good_dump, built, tmp_path,
                                                                         monkeypatch):
    """Past every check, the insert itself fails (the disk gives out half-way): the existing
    file is untouched and no half-built file or helper file is left."""
    import sqlite3

    entities = from_data(good_dump)
    target = tmp_path / "existing.motw"
    shutil.copyfile(built.path, target)
    before = fingerprint(tmp_path)
    real_insert, calls = Store.insert, []

    def failing_insert(self, kind, values, id=None):
        calls.append(kind)
        if len(calls) > 20:
            raise sqlite3.OperationalError("disk I/O error")
        return real_insert(self, kind, values, id)

    with monkeypatch.context() as patch:
        patch.setattr(Store, "insert", failing_insert)
        with pytest.raises(WriteFailed, match="disk I/O error"):
            load_into_new_file(target, entities, overwrite=True)
    assert fingerprint(tmp_path) == before
    too_big = [dataclasses.replace(e, seq=2**70) if e.KIND == "team" else e for e in entities]
    with pytest.raises(DumpError, match="too large"):          # caught before anything is written
        load_into_new_file(target, too_big, overwrite=True)
    assert fingerprint(tmp_path) == before
    load_into_new_file(target, entities, overwrite=True)      # the good one replaces it
    with Store.open(target, read_only=True) as store:
        assert to_data(store.snapshot()) == good_dump
    assert sorted(p.name for p in tmp_path.iterdir()) == ["existing.motw"]
