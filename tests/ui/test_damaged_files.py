"""The window's open path on a damaged file and on one with schema objects the app did not
create: a clear message, the offer of a recovered copy, never an edit onto damage."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtWidgets import QMessageBox

from mot_workshop.editing.entities import CreateEntity
from tests.persistence.test_health import build, zero_pages


@pytest.fixture
def damaged(tmp_path):
    path = build(tmp_path / "damaged.motw")
    pages = path.stat().st_size // 4096
    return path, zero_pages(path, [pages - 6, pages - 3])


@pytest.mark.parametrize("quick", [False, True])
def test_a_damaged_file_offers_a_recovered_copy(window, dialogs, damaged, quick, qtbot):
    path, data = damaged
    dialogs.answer = QMessageBox.ButtonRole.ActionRole          # "Make a recovered copy"
    window.files.open_path(path, quick=quick)
    qtbot.waitUntil(lambda: window.session is not None and not window.session.pending
                    and window.session.path.name == "damaged (recovered).motw", timeout=10000)
    assert "is damaged" in dialogs[0][1]
    assert "recovered copy" in dialogs[-1][1] and "not changed" in dialogs[-1][1]
    assert not window.session.read_only
    assert window.session.store.integrity_problems() == []
    assert path.read_bytes() == data


def test_a_damaged_file_can_be_read_only(window, dialogs, damaged, qtbot):
    path, data = damaged
    dialogs.answer = QMessageBox.ButtonRole.AcceptRole          # "Open read-only"
    assert window.files.open_path(path)
    assert window.session.read_only and "[read-only]" in window.windowTitle()
    qtbot.wait(300)                                             # the panels build and read it
    assert window.session.store.count("participant") == 8
    before = len(dialogs)
    assert window.session.push(CreateEntity("note", {"text": "onto damage?"})) is None
    assert len(dialogs) == before + 1 and "reading only" in dialogs[-1][2]
    window.set_store(None)
    assert path.read_bytes() == data


def test_a_file_with_a_trigger_is_refused(window, dialogs, tmp_path):
    path = build(tmp_path / "trigger.motw")
    conn = sqlite3.connect(path)
    conn.execute("CREATE TRIGGER wipe AFTER INSERT ON note BEGIN DELETE FROM participant; END")
    conn.commit()
    conn.close()
    data = path.read_bytes()
    assert not window.files.open_path(path)                      # the user cancels
    icon, text, _ = dialogs[-1]
    assert icon == QMessageBox.Icon.Warning and "trigger wipe" in text
    assert window.session is None and path.read_bytes() == data


def test_the_recovered_copy_keeps_a_cycle_whose_team_was_lost_and_says_so(window, dialogs, tmp_path, qtbot):
    from tests.persistence.broken_files import BROKEN, small_workshop

    path = small_workshop(tmp_path / "lost team.motw", title="Lost team")
    BROKEN["wrong-type"](path)                                   # the team's name is bytes
    data = path.read_bytes()
    dialogs.answer = QMessageBox.ButtonRole.ActionRole          # "Make a recovered copy"
    window.files.open_path(path)
    qtbot.waitUntil(lambda: window.session is not None and not window.session.pending
                    and window.session.path.name == "lost team (recovered).motw", timeout=10000)
    told = dialogs[-1][1] + dialogs[-1][2]
    assert "1 left out" in told and "cleared: MOT cycle 'Parking': Team" in told, dialogs[-1]
    store = window.session.store
    assert [c.team_id for c in store.select("cycle")] == [None] and store.count("touchpoint") == 5
    assert path.read_bytes() == data
