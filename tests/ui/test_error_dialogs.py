"""Bad, locked, read-only, newer and missing files are refused with a clear message; the
window stays usable. (QMessageBox.exec is replaced by the ``dialogs`` fixture.)"""

from __future__ import annotations

import sqlite3

from PySide6.QtWidgets import QMessageBox

from mot_workshop.persistence.store import Store
from mot_workshop.ui.settings import Settings


def test_not_a_workshop_file(window, dialogs, tmp_path):
    bad = tmp_path / "notes.motw"
    bad.write_bytes(b"this is not a database" * 20)
    assert not window.files.open_path(bad)
    icon, text, detail = dialogs[-1]
    assert icon == QMessageBox.Icon.Critical
    assert text == "The workshop could not be opened."
    assert "notes.motw" in detail
    assert window.session is None and window.central.currentWidget() is window.start
    assert bad.read_bytes() == b"this is not a database" * 20        # untouched


def test_newer_schema(window, dialogs, tmp_path):
    path = tmp_path / "future.motw"
    Store.create(path, title="From the future").close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 99")
    assert not window.files.open_path(path)
    assert "newer MOT Workshop" in dialogs[-1][2]
    assert window.session is None


def test_missing_file_leaves_the_recent_list(window, dialogs, tmp_path):
    gone = tmp_path / "gone.motw"
    Settings().add_recent(gone)
    assert not window.files.open_path(gone)
    assert "no such file" in dialogs[-1][2]
    assert str(gone) not in Settings().recent_files()


def test_locked_file_can_be_opened_read_only(window, dialogs, cycles_file):
    path, ids = cycles_file
    holder = Store.open(path)                     # another window has it
    try:
        assert not window.files.open_path(path)   # the user cancels
        assert "already open" in dialogs[-1][1]
        dialogs.answer = QMessageBox.ButtonRole.AcceptRole
        assert window.files.open_path(path)       # "Open read-only"
        assert window.session.read_only
        assert "[read-only]" in window.windowTitle()
        editor = window.open_cycle(ids["parking"])
        editor.select([editor.ring_scene.touchpoints[0].id])
        before = len(dialogs)
        editor.delete_selected()                  # refused with a message, nothing changes
        assert len(dialogs) == before + 1 and "reading only" in dialogs[-1][2]
        assert len(editor.ring_scene.touchpoints) == 5
        assert window.stack.count() == 0
    finally:
        holder.close()


def test_app_keeps_running_after_errors(window, dialogs, tmp_path, cycles_file):
    bad = tmp_path / "bad.motw"
    bad.write_bytes(b"")
    assert not window.files.open_path(bad)
    path, _ = cycles_file
    assert window.files.open_path(path)          # the next open works
    assert window.session is not None


def test_sample_workshop_opens(window, dialogs):
    assert window.files.open_sample("en")
    assert window.session is not None and not dialogs
    cycles = window.session.store.select("cycle")
    assert cycles
    assert window.files.open_sample("ko")        # a fresh copy replaces the open one
    assert window.session.content_language == "ko"


def test_new_workshop_and_save_as(window, dialogs, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from mot_workshop.ui import new_workshop

    target = tmp_path / "fresh"
    monkeypatch.setattr(new_workshop, "ask", lambda parent: ("Fresh", "en"))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert window.files.new_workshop()
    assert window.session.path == (tmp_path / "fresh.motw").absolute()
    window.edit.new_cycle()
    cycle = window.session.store.select("cycle")[0]
    copy = tmp_path / "copy.motw"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(copy), ""))
    assert window.files.save_as()
    assert window.session.path == copy.absolute()
    assert "copy.motw" in window.windowTitle()
    window.stack.undo()                           # undo keeps working, now on the copy
    assert window.session.store.select("cycle") == []
    with Store.open(tmp_path / "fresh.motw", read_only=True) as original:
        assert [c.id for c in original.select("cycle")] == [cycle.id]
