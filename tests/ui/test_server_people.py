"""The people of a shared workshop in the window: the facilitator sees who is admitted
(login, role, since when), admits someone, changes a role and removes someone, each after
a confirmation; the server then refuses the removed login. Others only look."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from mot_workshop.persistence.server.errors import WorkshopNotFound
from mot_workshop.persistence.server.roles import Role
from mot_workshop.persistence.server.server import Server
from tests.server.test_roles import people  # noqa: F401 - the logins of the tests


def _rows(dialog) -> list[tuple[str, str]]:
    table = dialog.table
    return [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]


def _select(qtbot, dialog, login: str) -> None:
    table = dialog.table
    item = next(table.item(r, 0) for r in range(table.rowCount()) if table.item(r, 0).text() == login)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualItemRect(item).center())


def test_the_facilitator_admits_moves_and_removes_people(window, people, qtbot, monkeypatch, dialogs):  # noqa: F811
    from mot_workshop.ui.team_server.people_dialog import PeopleDialog

    with Server(people["fac"]) as fac:
        fac.create(title="Room", language="en").close()
        dialog = PeopleDialog(fac, "Room", window)
        qtbot.addWidget(dialog)
        dialog.show()
        assert _rows(dialog) == [("motw_t_fac", "Facilitator")]
        assert dialog.table.item(0, 2).text()[:2] == "20"             # since when
        answers = iter([("motw_t_member", True)])
        monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(answers))
        monkeypatch.setattr(QInputDialog, "getItem", lambda parent, title, label, items, *a: ("Viewer", True))
        qtbot.mouseClick(dialog.admit_button, Qt.MouseButton.LeftButton)
        assert _rows(dialog) == [("motw_t_fac", "Facilitator"), ("motw_t_member", "Viewer")]

        _select(qtbot, dialog, "motw_t_member")
        monkeypatch.setattr(QInputDialog, "getItem", lambda parent, title, label, items, *a: ("Team member", True))
        dialogs.answer = QMessageBox.ButtonRole.RejectRole          # asked, and cancelled: nothing changes
        qtbot.mouseClick(dialog.role_button, Qt.MouseButton.LeftButton)
        assert dialogs[-1][1] == "Make motw_t_member team member of \u201cRoom\u201d?"
        assert _rows(dialog)[1] == ("motw_t_member", "Viewer")
        dialogs.answer = QMessageBox.ButtonRole.AcceptRole
        qtbot.mouseClick(dialog.role_button, Qt.MouseButton.LeftButton)
        assert _rows(dialog)[1] == ("motw_t_member", "Team member")
        with Server(people["member"]) as member:
            assert member.role("Room") == Role.MEMBER                  # the server itself says so

        _select(qtbot, dialog, "motw_t_member")
        qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
        assert dialogs[-1][1] == "Remove motw_t_member from \u201cRoom\u201d?"
        assert _rows(dialog) == [("motw_t_fac", "Facilitator")]
        with Server(people["member"]) as member:                      # refused by the server from now on
            assert member.workshops() == []
            with pytest.raises(WorkshopNotFound):
                member.open("Room")

        _select(qtbot, dialog, "motw_t_fac")                          # the last facilitator stays
        qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
        assert "only facilitator" in dialogs[-1][2]
        assert _rows(dialog) == [("motw_t_fac", "Facilitator")]
        fac.admit("Room", "motw_t_viewer", Role.VIEWER)

    with Server(people["viewer"]) as viewer:                           # a viewer may look, not change
        dialog = PeopleDialog(viewer, "Room", window)
        qtbot.addWidget(dialog)
        assert _rows(dialog) == [("motw_t_fac", "Facilitator"), ("motw_t_viewer", "Viewer")]
        assert not dialog.admit_button.isEnabled() and not dialog.remove_button.isEnabled()
        assert "Only the workshop's facilitators" in dialog.explain.text()


def test_people_and_roles_from_the_open_workshops_status_bar(window, pg_url, qtbot, monkeypatch):
    from PySide6.QtWidgets import QToolButton

    from mot_workshop.ui.team_server import opening
    from mot_workshop.ui.team_server.people_dialog import PeopleDialog

    with Server(pg_url) as server:
        store = server.create(title="Present", language="en")
    opening.show(window, store)
    button = window.statusBar().findChild(QToolButton, "presence")
    action = next(a for a in button.menu().actions() if a.objectName() == "peopleAndRoles")
    seen = []
    monkeypatch.setattr(PeopleDialog, "exec", lambda dialog: seen.append((dialog.windowTitle(), _rows(dialog))))
    action.trigger()
    assert seen == [("People in \u201cPresent\u201d", [("motw_admin", "Facilitator")])]
    window.set_store(None)
