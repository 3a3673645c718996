"""The open file renamed, replaced or deleted outside the app (a file manager, a sync
client), and the idle checkpoint that keeps the ``.motw`` alone complete."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from mot_workshop.editing.entities import CreateEntity
from mot_workshop.editing.history import History
from mot_workshop.persistence.identity import kept_copy_path
from mot_workshop.persistence.store import Store

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def path(tmp_path) -> Path:
    path = tmp_path / "client.motw"
    with Store.create(path, title="Identity") as store:
        History(store).push(CreateEntity("team", {"name": "A"}))
    return path


def teams_in(path: Path) -> list[str]:
    """What a program that takes only this one file sees (no -wal beside it)."""
    alone = path.with_name("alone-" + path.name)
    shutil.copyfile(path, alone)
    try:
        conn = sqlite3.connect(alone)
        try:
            return [r[0] for r in conn.execute("SELECT name FROM team ORDER BY id")]
        finally:
            conn.close()
    finally:
        for leftover in (alone, alone.with_name(alone.name + "-wal"), alone.with_name(alone.name + "-shm")):
            leftover.unlink(missing_ok=True)


def test_an_untouched_file_is_here(path):
    with Store.open(path) as store:
        assert store.whereabouts().here


def test_a_renamed_file_is_found_under_its_new_name_and_keeps_every_edit(path, tmp_path):
    renamed = tmp_path / "renamed.motw"
    store = Store.open(path)
    os.rename(path, renamed)
    where = store.whereabouts()
    assert where.state == "moved" and where.new_path == renamed
    History(store).push(CreateEntity("team", {"name": "after the rename"}))
    store.close()        # SQLite alone would leave this edit in a log named after the old path
    assert not any(p.name.startswith("client.motw") for p in tmp_path.iterdir())
    with Store.open(renamed) as again:
        assert [t.name for t in again.select("team")] == ["A", "after the rename"]


def test_a_replaced_file_and_a_deleted_file_are_told_apart(path, tmp_path):
    other = tmp_path / "other.motw"
    Store.create(other, title="Other").close()
    store = Store.open(path)
    try:
        os.replace(other, path)                # a sync client puts another version in place
        assert store.whereabouts().state == "replaced"
    finally:
        store.close()
    third = tmp_path / "third.motw"
    Store.create(third, title="Third").close()
    with Store.open(third) as store:
        third.unlink()
        assert store.whereabouts().state == "deleted"


def test_a_file_moved_aside_with_a_new_one_at_its_name_is_moved(path, tmp_path):
    conflict = tmp_path / "client (conflicted copy).motw"
    with Store.open(path) as store:
        os.rename(path, conflict)
        Store.create(path, title="New").close()
        where = store.whereabouts()
        assert where.state == "moved" and where.new_path == conflict


def test_kept_copy_names_are_free(path):
    first = kept_copy_path(path)
    assert first.name == "client (kept).motw"
    first.write_bytes(b"x")
    assert kept_copy_path(path).name == "client (kept 2).motw"


def test_the_file_alone_is_complete_after_an_idle_checkpoint(path):
    with Store.open(path) as store:
        History(store).push(CreateEntity("team", {"name": "B"}))
        assert store.unmerged and teams_in(path) == ["A"]     # only in the log so far
        assert not store.checkpoint_if_idle(60)               # not idle yet
        assert store.checkpoint_if_idle(0)
        assert not store.unmerged and teams_in(path) == ["A", "B"]
        assert path.with_name(path.name + "-wal").stat().st_size == 0


HOLDER = """
    import sys, time
    from mot_workshop.editing.entities import CreateEntity
    from mot_workshop.editing.history import History
    from mot_workshop.persistence.store import Store
    store = Store.open(sys.argv[1])
    history = History(store)
    for i in range(5):
        history.push(CreateEntity("team", {"name": f"edit {i}"}))
    while not store.checkpoint_if_idle(0.2):
        time.sleep(0.05)
    print("idle", flush=True)
    time.sleep(60)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL; a log in use cannot be deleted there")
def test_the_log_deleted_while_open_then_a_crash_loses_nothing_after_the_idle_checkpoint(path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", textwrap.dedent(HOLDER), str(path)], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "idle", proc.stderr.read()
        path.with_name(path.name + "-wal").unlink()
        path.with_name(path.name + "-shm").unlink()
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.communicate()
    with Store.open(path) as store:
        assert [t.name for t in store.select("team")] == ["A"] + [f"edit {i}" for i in range(5)]
        assert store.integrity_problems() == []
