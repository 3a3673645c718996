"""Shared pieces of the wizard and facilitation tests: the sample workshop in a window,
and a small workshop with one process and no worksheets yet."""

from __future__ import annotations

from pathlib import Path

import pytest

from mot_workshop.editing.entities import CreateEntity
from mot_workshop.editing.history import History
from mot_workshop.persistence.store import Store


def build_blank(path: Path) -> dict:
    store = Store.create(path, title="Wizard test", language="en")
    try:
        history = History(store)
        team = CreateEntity("team", {"name": "Blue"})
        history.push(team)
        anna = CreateEntity("participant", {"name": "Anna", "team_id": team.id})
        history.push(anna)
        ids = {"team": team.id, "anna": anna.id}
        for name in ("Exchange goods", "Refund purchases"):
            p = CreateEntity("process", {"name": name, "major": "Service", "medium": "Returns"})
            history.push(p)
            ids.setdefault("processes", []).append(p.id)
        return ids
    finally:
        store.close()


@pytest.fixture
def blank(window, tmp_path):
    path = tmp_path / "blank.motw"
    ids = build_blank(path)
    assert window.files.open_path(path)
    return window, path, ids


@pytest.fixture
def sample(window, tmp_path):
    from mot_workshop.sample.builder import build_sample

    path = build_sample(tmp_path / "sample.motw", "en")
    assert window.files.open_path(path)
    return window, path


def reopen(window, path):
    """Close the file and open it again in the same window."""
    window.set_store(None)
    assert window.files.open_path(path)
    return window.session.store


def page(window, number: int):
    window.wizard_host.open_step(number)
    return window.wizard_host.wizard().pages[number]


def type_into(qtbot, table, row: int, column: int, text: str) -> None:
    """Edit a cell the way a user does: select it, type, press Enter."""
    from PySide6.QtCore import Qt

    view = table.view
    index = table.model.index(row, column)
    view.setCurrentIndex(index)
    view.setFocus()
    assert view.edit(index, view.EditTrigger.AllEditTriggers, None)
    from PySide6.QtWidgets import QLineEdit

    editors = [w for w in view.viewport().findChildren(QLineEdit) if w.isVisible()]
    assert len(editors) == 1, editors
    editor = editors[0]
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not [w for w in view.viewport().findChildren(QLineEdit) if w.isVisible()],
                    timeout=2000)
