"""The quick first paint: a plain-sqlite3 snapshot before SQLAlchemy loads, then the real
store swapped in under it; anything unusual falls back to the normal path."""

from __future__ import annotations

import sqlite3
import subprocess
import sys

from PySide6.QtWidgets import QMessageBox

from mot_workshop.persistence import fast_read, schema
from mot_workshop.persistence.store import Store
from mot_workshop.ui.snapshot_reader import SnapshotReader


def test_marks_match_the_schema():
    assert fast_read.APPLICATION_ID == schema.APPLICATION_ID
    assert fast_read.SCHEMA_VERSION == schema.SCHEMA_VERSION


def test_column_converters_agree_with_the_field_types():
    from mot_workshop.domain.base import field_infos
    from mot_workshop.domain.registry import KINDS

    for cls in KINDS.values():
        names, convert = fast_read._columns(cls)
        expected = ["id", *(i.name for i in field_infos(cls))]
        assert names == expected
        types = {i.name: i.type for i in field_infos(cls) if i.is_enum or i.type is bool}
        assert {n: c for n, c in zip(names, convert) if c is not None} == types


def test_quick_snapshot_equals_the_store_snapshot(cycles_file):
    path, _ = cycles_file
    quick = fast_read.quick_snapshot(path)
    with Store.open(path, read_only=True) as store:
        assert quick == store.snapshot()
    assert isinstance(quick.get("touchpoint", 5).critical, bool)


def test_quick_snapshot_refuses_what_it_does_not_know(tmp_path, cycles_file):
    assert fast_read.quick_snapshot(tmp_path / "missing.motw") is None
    junk = tmp_path / "junk.motw"
    junk.write_bytes(b"junk" * 100)
    assert fast_read.quick_snapshot(junk) is None
    path, _ = cycles_file
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 99")
    assert fast_read.quick_snapshot(path) is None


def test_window_paints_from_the_snapshot_then_swaps_the_store(window, cycles_file, qtbot):
    path, ids = cycles_file
    assert window.files.open_path(path, quick=True)
    session = window.session
    assert isinstance(session.store, SnapshotReader)            # what the first paint shows
    assert window.tree.item_for("cycle", ids["parking"]) is not None
    qtbot.waitUntil(lambda: not session.pending, timeout=5000)  # swapped right after
    assert isinstance(session.store, Store) and not session.store.read_only
    editor = window.open_cycle(ids["parking"])
    editor.select([editor.ring_scene.touchpoints[0].id])
    window.actions.delete.trigger()
    assert len(session.store.select("touchpoint", cycle_id=ids["parking"])) == 4


def test_an_edit_before_the_swap_opens_the_store_first(window, cycles_file):
    path, ids = cycles_file
    window.files.open_path(path, quick=True)
    editor = window.open_cycle(ids["parking"])
    editor.select([editor.ring_scene.touchpoints[0].id])
    window.actions.delete.trigger()                             # no event loop ran yet
    assert not window.session.pending
    assert len(window.session.store.select("touchpoint", cycle_id=ids["parking"])) == 4
    window.stack.undo()
    assert len(window.session.store.select("touchpoint", cycle_id=ids["parking"])) == 5


def test_locked_file_found_after_the_first_paint(window, cycles_file, dialogs, qtbot):
    path, _ = cycles_file
    holder = Store.open(path)
    try:
        dialogs.answer = QMessageBox.ButtonRole.AcceptRole      # "Open read-only"
        window.files.open_path(path, quick=True)
        qtbot.waitUntil(lambda: window.session is None or not window.session.pending, timeout=5000)
        assert "already open" in dialogs[-1][1]
        assert window.session.read_only
        dialogs.answer = None
        window.set_store(None)
        window.files.open_path(path, quick=True)                # this time the user cancels
        qtbot.waitUntil(lambda: window.session is None, timeout=5000)
        assert window.central.currentWidget() is window.start
    finally:
        holder.close()


def test_a_file_changed_meanwhile_is_re_read(window, cycles_file, qtbot):
    path, ids = cycles_file
    window.files.open_path(path, quick=True)
    with sqlite3.connect(path) as conn:                          # another program wrote it
        conn.execute("UPDATE cycle SET name = 'Changed' WHERE id = ?", (ids["parking"],))
    qtbot.waitUntil(lambda: not window.session.pending, timeout=5000)
    assert window.tree.item_for("cycle", ids["parking"]).text(0).startswith("Changed")


def test_the_window_starts_without_sqlalchemy_or_heavy_libraries():
    code = ("import sys, mot_workshop.ui.main_window, mot_workshop.ui.app, mot_workshop.ui.launch, "
            "mot_workshop.persistence.fast_read; "
            "print(sorted(m for m in ('sqlalchemy', 'alembic', 'matplotlib', 'reportlab', 'networkx', "
            "'koreanize_matplotlib') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
