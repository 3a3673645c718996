"""Hygiene of the files the app writes: exports and new workshop files are fsynced (the
file and its folder) before success is reported, a 0600 client file and every copy of it
stay 0600, nothing a crash leaves behind survives the next start, and the migration
backup is atomic even under SIGKILL."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import stat
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pytest

from mot_workshop.cli import main
from mot_workshop.durable import remove_stale
from mot_workshop.persistence.reading import COPY_PREFIX, remove_stale_copies
from mot_workshop.persistence.store import Store
from tests.persistence.test_migrations import pragma, schema_1_file

ROOT = Path(__file__).resolve().parents[2]
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions, /proc, SIGKILL")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def sample(tmp_path) -> Path:
    path = tmp_path / "client.motw"
    assert main(["demo", str(path), "--lang", "en"]) == 0
    return path


@pytest.fixture
def synced(monkeypatch) -> list[str]:
    """The paths of every file and folder fsynced (read back from /proc)."""
    seen: list[str] = []
    real = os.fsync

    def recording(fd):
        seen.append(os.readlink(f"/proc/self/fd/{fd}"))
        return real(fd)

    monkeypatch.setattr(os, "fsync", recording)
    return seen


@posix_only
@pytest.mark.skipif(not Path("/proc/self/fd").exists(), reason="needs /proc")
@pytest.mark.parametrize("name, argv", [
    ("t.csv", ["export-table", "{src}", "--table", "voc", "-o", "{out}"]),
    ("t.xlsx", ["export-table", "{src}", "--table", "voc", "-o", "{out}"]),
    ("m.bpmn", ["export-bpmn", "{src}", "--map", "{map}", "-o", "{out}"]),
    ("d.json", ["dump", "{src}", "-o", "{out}"]),
    ("w.pdf", ["worksheets", "--steps", "1", "-o", "{out}"]),
    ("l.motw", ["load", "{json}", "{out}"]),
])
def test_exports_and_load_fsync_the_file_and_its_folder(name, argv, sample, tmp_path, synced, capsys):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / name
    dump = tmp_path / "in.json"
    assert main(["dump", str(sample), "-o", str(dump)]) == 0
    with Store.open(sample, read_only=True) as store:
        pmap = store.select("process_map")[0]
        process = store.get("process", pmap.process_id)
        map_ref = f"{process.name}/{pmap.kind}"
    synced.clear()
    args = [a.format(src=sample, out=out, json=dump, map=map_ref) for a in argv]
    assert main(args) == 0, capsys.readouterr().err
    assert out.exists()
    files = [p for p in synced if Path(p).name.startswith(f".{name}.") or Path(p) == out]
    assert files, f"{name} was not synced: {synced}"
    assert str(out_dir) in synced, f"the folder of {name} was not synced"


@posix_only
def test_a_0600_client_file_and_its_copies_stay_0600(sample, tmp_path, capsys):
    os.chmod(sample, 0o600)
    dump = tmp_path / "in.json"
    assert main(["dump", str(sample), "-o", str(dump)]) == 0
    assert main(["load", str(dump), str(sample), "--force"]) == 0
    assert mode(sample) == 0o600, "load --force"
    assert main(["demo", str(sample), "--force"]) == 0
    assert mode(sample) == 0o600, "demo --force"
    with Store.open(sample) as store:
        store.copy_to(tmp_path / "save-as.motw")
    assert mode(tmp_path / "save-as.motw") == 0o600, "Save As"
    from mot_workshop.persistence.recover import recover

    assert mode(recover(sample).path) == 0o600, "recovered copy"
    old = schema_1_file(tmp_path / "old.motw")
    os.chmod(old, 0o600)
    Store.open(old).close()                                     # migrated, with a backup
    assert mode(old) == 0o600, "migration"
    assert mode(tmp_path / "old.v1-backup.motw") == 0o600, "migration backup"
    capsys.readouterr()


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


@posix_only
def test_temporary_files_a_crash_left_are_removed_at_the_next_start(sample, tmp_path, capsys):
    pid = dead_pid()
    left = [tmp_path / f".client.motw.{pid}.load", tmp_path / f".client.motw.{pid}.load-wal",
            tmp_path / f".report.pdf.{pid}.tmp", tmp_path / f".client.v1-backup.motw.{pid}.backup",
            tmp_path / f".~client.motw.lock.{pid}"]
    for path in left:
        path.write_bytes(b"half")
    mine = tmp_path / f".client.motw.{os.getpid()}.load"       # a live writer's: kept
    mine.write_bytes(b"in use")
    users = tmp_path / ".notes.2024.txt"                        # not ours: kept
    users.write_bytes(b"mine")
    copy = Path(tempfile.gettempdir()) / f"{COPY_PREFIX}{pid}-abcd"
    copy.mkdir()
    (copy / "client.motw").write_bytes(b"a copy of a client file")
    with Store.open(sample):                                    # the next start
        pass
    assert not any(p.exists() for p in left)
    assert mine.exists() and users.exists()
    remove_stale_copies()
    assert not copy.exists()
    assert remove_stale(tmp_path) == []


KILL_DURING_BACKUP = """
    import sys
    from pathlib import Path
    from mot_workshop.persistence import migrate
    print("go", flush=True)
    migrate.backup(Path(sys.argv[1]), 1)
    print("done", flush=True)
"""


@posix_only
@pytest.mark.slow
def test_sigkill_during_the_migration_backup_never_leaves_a_broken_backup(tmp_path):
    path = schema_1_file(tmp_path / "old.motw")
    conn = sqlite3.connect(path)        # enough pages that the copy takes a while
    conn.executemany("INSERT INTO participant (team_id, seq, name, role) VALUES (1, ?, ?, '')",
                     [(i, "p" * 2000) for i in range(1, 400)])
    conn.commit()
    conn.close()
    original = path.read_bytes()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    rng = random.Random(17)
    finished = 0
    for attempt in range(12):
        proc = subprocess.Popen([sys.executable, "-c", textwrap.dedent(KILL_DURING_BACKUP), str(path)],
                                env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True)
        assert proc.stdout.readline().strip() == "go"
        time.sleep(rng.uniform(0, 0.3))
        proc.send_signal(signal.SIGKILL)
        proc.communicate()
        for backup in tmp_path.glob("old.v1-backup*.motw"):     # whatever has the name is whole
            assert pragma(backup, "user_version") == 1
            check = sqlite3.connect(backup)
            assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            assert check.execute("SELECT count(*) FROM participant").fetchone() == (400,)
            check.close()
            finished += 1
            backup.unlink()
        assert path.read_bytes() == original
        remove_stale(tmp_path)                                    # the next start
        # (SQLite's own -wal/-shm of the source may stay, as after any crash of a reader)
        assert {p.name for p in tmp_path.iterdir()} <= {"old.motw", "old.motw-wal", "old.motw-shm"}
    print(f"{finished} of 12 killed backups had finished; none was broken")
