"""One writer per workshop file: a second opening for writing is refused, reading is not,
and a lock left by a process that died does not block anybody."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from mot_workshop.editing.entities import CreateEntity
from mot_workshop.editing.history import History
from mot_workshop.persistence.errors import FileLocked
from mot_workshop.persistence.lock import lock_path
from mot_workshop.persistence.store import Store

ROOT = Path(__file__).resolve().parents[2]


def python(code: str, *args: str, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code), *args], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)


TRY_OPEN = """
    import sys
    from mot_workshop.persistence.errors import FileLocked
    from mot_workshop.persistence.store import Store
    try:
        Store.open(sys.argv[1]).close()
    except FileLocked as exc:
        print("locked", exc.owner)
    else:
        print("opened")
    with Store.open(sys.argv[1], read_only=True) as store:
        print("read", len(store.select("team")))
"""

HOLD = """
    import sys, time
    from mot_workshop.persistence.store import Store
    store = Store.open(sys.argv[1])
    print("holding", flush=True)
    time.sleep(60)
"""


def try_open_elsewhere(path: Path) -> list[str]:
    proc = python(TRY_OPEN, str(path))
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    return out.split("\n")


@pytest.fixture
def path(tmp_path) -> Path:
    path = tmp_path / "locked.motw"
    with Store.create(path, title="Lock") as store:
        History(store).push(CreateEntity("team", {"name": "A"}))
    return path


def test_second_writer_in_the_same_process_is_refused(path):
    with Store.open(path) as first:
        with pytest.raises(FileLocked) as info:
            Store.open(path)
        assert f"pid {os.getpid()}" in info.value.owner
        assert path.name in str(info.value) and "reading only" in str(info.value)
        with Store.open(path, read_only=True) as reader:         # reading meanwhile is fine
            assert [t.name for t in reader.select("team")] == ["A"]
        History(first).push(CreateEntity("team", {"name": "B"}))  # the holder still writes
        with Store.open(path, read_only=True) as reader:
            assert [t.name for t in reader.select("team")] == ["A", "B"]
    with Store.open(path) as again:                              # released on close
        assert again.count("team") == 2
    assert not lock_path(path).exists()


def test_second_writer_in_another_process_is_refused(path):
    with Store.open(path):
        lines = try_open_elsewhere(path)
        assert lines[0].startswith("locked") and f"pid {os.getpid()}" in lines[0]
        assert lines[1] == "read 1"
    assert try_open_elsewhere(path)[:2] == ["opened", "read 1"]


def test_a_holder_in_another_process_blocks_us_until_it_closes(path):
    proc = python(HOLD, str(path))
    try:
        assert proc.stdout.readline().strip() == "holding"
        with pytest.raises(FileLocked) as info:
            Store.open(path)
        assert f"pid {proc.pid}" in info.value.owner
        with Store.open(path, read_only=True) as reader:
            assert reader.count("team") == 1
    finally:
        proc.kill()
        proc.communicate()


def test_a_lock_left_by_a_killed_process_does_not_block(path):
    proc = python(HOLD, str(path))
    assert proc.stdout.readline().strip() == "holding"
    assert lock_path(path).exists()
    with pytest.raises(FileLocked):
        Store.open(path)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate()
    assert proc.returncode == -signal.SIGKILL
    assert lock_path(path).exists()              # the dead process could not remove it ...
    with Store.open(path) as store:              # ... but its OS lock died with it
        assert store.integrity_problems() == []
        assert f"pid {os.getpid()}" in lock_path(path).read_text()
        History(store).push(CreateEntity("team", {"name": "After the crash"}))
    assert not lock_path(path).exists()


def test_a_failed_open_releases_the_lock(path, tmp_path):
    newer = tmp_path / "newer.motw"
    newer.write_bytes(path.read_bytes())
    import sqlite3

    raw = sqlite3.connect(newer)
    raw.execute("PRAGMA user_version = 99")
    raw.commit()
    raw.close()
    for _ in range(2):
        with pytest.raises(Exception) as info:
            Store.open(newer)
        assert not isinstance(info.value, FileLocked)
    assert not lock_path(newer).exists()


def test_deleting_the_lock_note_does_not_let_a_second_writer_in(path):
    """The guarantee is an OS lock on the database itself: removing the note beside it
    changes nothing, and the holder never removes a note it did not write."""
    proc = python(HOLD, str(path))
    try:
        assert proc.stdout.readline().strip() == "holding"
        lock_path(path).unlink()                      # a user or a cleaner removes it
        with pytest.raises(FileLocked):
            Store.open(path)
        assert try_open_elsewhere(path)[0].startswith("locked")
        lock_path(path).write_text("somebody else")   # a note the holder did not write
    finally:
        proc.terminate()
        proc.communicate()
    assert lock_path(path).read_text() == "somebody else"
    with Store.open(path) as store:                   # the holder is gone: the lock went with it
        assert f"pid {os.getpid()}" in lock_path(path).read_text()
        with pytest.raises(FileLocked):
            Store.open(path)
        lock_path(path).unlink()
        with pytest.raises(FileLocked):              # still held, note or no note
            Store.open(path)
        assert store.count("team") == 1


def test_one_writer_per_database_whatever_its_name(path, tmp_path):
    renamed = tmp_path / "renamed by a file manager.motw"
    with Store.open(path) as first:
        os.rename(path, renamed)
        lines = try_open_elsewhere(renamed)
        assert lines[0].startswith("locked") and f"pid {os.getpid()}" in lines[0]
        with pytest.raises(FileLocked):
            Store.open(renamed)
        History(first).push(CreateEntity("team", {"name": "B"}))
    with Store.open(renamed) as store:
        assert [t.name for t in store.select("team")] == ["A", "B"]


def test_create_refuses_to_overwrite_an_open_file(path):
    with Store.open(path) as holder:
        with pytest.raises(FileLocked):
            Store.create(path, overwrite=True)
        assert holder.count("team") == 1


def test_the_note_names_the_machine_without_loading_sockets(path):
    import socket

    with Store.open(path):
        assert f"@{socket.gethostname()} pid {os.getpid()}" in lock_path(path).read_text()
    code = ("import sys; from pathlib import Path; from mot_workshop.persistence.store import Store; "
            "s = Store.open(Path(sys.argv[1])); print('socket' in sys.modules); s.close()")
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"
