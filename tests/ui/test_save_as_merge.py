"""File → Save As in the window makes a copy that merges back into the original without
a second set of the same rows."""

from __future__ import annotations

from mot_workshop.editing.entities import CreateEntity
from mot_workshop.editing.history import History
from mot_workshop.persistence.store import Store
from tests.editing.test_save_copy import _counts, _merge_twice
from tests.world import build_world


def test_save_as_in_the_window_then_merging_back_does_not_duplicate(window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    original = tmp_path / "room.motw"
    with Store.create(original, title="Room", language="en") as store:
        build_world(History(store))
        before = _counts(store)
    assert window.files.open_path(str(original))
    copy = tmp_path / "room copy.motw"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(copy), ""))
    window.actions.save_as.trigger()
    assert window.session.path == copy.absolute()
    window.session.push(CreateEntity("team", {"name": "Offline team"}))
    window.set_store(None)
    with Store.open(original) as store:
        _merge_twice(store, copy)
        after = _counts(store)
    assert after["team"] == before["team"] + 1
    assert {k: v for k, v in after.items() if k != "team"} == {k: v for k, v in before.items() if k != "team"}
