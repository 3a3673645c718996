"""The window looks after its file: the ``.motw`` alone holds every edit within about two
seconds of the last one, and a file renamed, replaced or deleted outside the app is noticed,
followed or kept, and the user is told."""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from mot_workshop.editing.entities import CreateEntity, UpdateEntity
from mot_workshop.persistence.store import Store
from mot_workshop.ui.file_watch import IDLE_SECONDS, TICK_MS

WINDOW_S = IDLE_SECONDS + TICK_MS / 1000     # the promise: at most this long behind


def names_in_file_alone(path: Path) -> list[str]:
    alone = path.with_name("copy-of-" + path.name)
    shutil.copyfile(path, alone)                # what a backup that skips the -wal keeps
    try:
        conn = sqlite3.connect(alone)
        try:
            return [r[0] for r in conn.execute("SELECT name FROM cycle ORDER BY id")]
        finally:
            conn.close()
    finally:
        for side in ("", "-wal", "-shm"):
            Path(str(alone) + side).unlink(missing_ok=True)


def test_the_file_alone_holds_the_last_edit_within_the_idle_window(opened, qtbot, capsys):
    window, path, ids = opened
    window.session.push(UpdateEntity("cycle", ids["other"], {"name": "Renamed in the window"}))
    edited = time.monotonic()
    assert "Renamed in the window" not in names_in_file_alone(path)     # still only in the log
    qtbot.waitUntil(lambda: "Renamed in the window" in names_in_file_alone(path),
                    timeout=int((WINDOW_S + 2) * 1000))
    took = time.monotonic() - edited
    with capsys.disabled():
        print(f"\n.motw alone complete {took:.2f} s after the last edit (promise {WINDOW_S:.1f} s)")
    assert took <= WINDOW_S + 1.0


def test_a_file_renamed_outside_is_followed_and_the_user_told(opened, qtbot, dialogs, tmp_path):
    window, path, ids = opened
    renamed = tmp_path / "renamed by the file manager.motw"
    os.rename(path, renamed)
    qtbot.waitUntil(lambda: window.session.path == renamed, timeout=4000)
    icon, text, _ = dialogs[-1]
    assert icon == QMessageBox.Icon.Warning and "renamed or moved" in text and str(renamed) in text
    assert renamed.name in window.windowTitle()
    window.session.push(CreateEntity("cycle", {"name": "Made after the rename"}))
    window.stack.undo()
    window.stack.redo()                         # the history carried over
    window.set_store(None)
    with Store.open(renamed) as store:
        assert "Made after the rename" in [c.name for c in store.select("cycle")]
    assert not path.exists() and not Path(str(path) + "-wal").exists()


def test_a_file_replaced_outside_keeps_our_work_in_a_copy(opened, qtbot, dialogs, tmp_path):
    window, path, ids = opened
    window.session.push(UpdateEntity("cycle", ids["other"], {"name": "Our latest edit"}))
    stranger = tmp_path / "stranger.motw"
    Store.create(stranger, title="Someone else's version").close()
    os.replace(stranger, path)                  # a sync client writes its version in place
    kept = tmp_path / "cycles (kept).motw"
    qtbot.waitUntil(lambda: window.session.path == kept, timeout=4000)
    assert "replaced" in dialogs[-1][1] and str(kept) in dialogs[-1][1]
    assert "Our latest edit" in [c.name for c in window.session.store.select("cycle")]
    window.set_store(None)
    with Store.open(path) as theirs:            # their file is left alone
        assert theirs.workshop().title == "Someone else's version"
    with Store.open(kept) as ours:
        assert "Our latest edit" in [c.name for c in ours.select("cycle")]


def test_a_file_deleted_outside_is_kept(opened, qtbot, dialogs, tmp_path):
    window, path, ids = opened
    window.session.push(UpdateEntity("cycle", ids["other"], {"name": "Before the deletion"}))
    path.unlink()
    kept = tmp_path / "cycles (kept).motw"
    qtbot.waitUntil(lambda: window.session.path == kept, timeout=4000)
    assert "deleted" in dialogs[-1][1]
    window.set_store(None)
    with Store.open(kept) as ours:
        assert "Before the deletion" in [c.name for c in ours.select("cycle")]
