"""A long import in the window shows its progress and can be cancelled: nothing is added and
no undo step appears; let through, it is one undo step."""

from __future__ import annotations

from PySide6.QtWidgets import QProgressDialog

from mot_workshop.editing.entities import CreateEntity
from mot_workshop.editing.history import History
from mot_workshop.editing.imports import import_rows_command
from mot_workshop.persistence.store import Store
from mot_workshop.ui import import_progress


def test_long_import_shows_progress_and_cancel_leaves_nothing(window, tmp_path, monkeypatch):
    path = tmp_path / "w.motw"
    with Store.create(path, title="rows", language="en") as store:
        History(store).push(CreateEntity("process", {"name": "P"}))
    assert window.files.open_path(path)
    monkeypatch.setattr(import_progress, "SHOW_FROM", 10)
    seen = []
    real_set = QProgressDialog.setValue
    monkeypatch.setattr(QProgressDialog, "setValue",
                        lambda self, v: real_set(self, v) or seen.append((self.isVisible(), v, self.maximum())))
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: len(seen) >= 3)    # the user clicks Cancel
    rows = [{"process_id": 1, "requirement": f"r{n}"} for n in range(800)]
    before = window.stack.count()

    assert import_progress.push_with_progress(window, import_rows_command("voc", rows), "Import") is None
    assert seen[1:3] == [(True, 250, 800), (True, 500, 800)]
    assert window.session.store.count("voc") == 0 and window.stack.count() == before
    assert "cancelled" in window.statusBar().currentMessage()

    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: False)
    assert import_progress.push_with_progress(window, import_rows_command("voc", rows), "Import") is not None
    assert window.session.store.count("voc") == 800 and window.stack.count() == before + 1
    window.stack.undo()
    assert window.session.store.count("voc") == 0
