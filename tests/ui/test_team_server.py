"""The window on a shared workshop: File → Connect to a team server, choosing a workshop
from the server's list, and every other client's edit showing up in the open window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from mot_workshop.editing.entities import CreateEntity, UpdateEntity
from mot_workshop.editing.history import History
from mot_workshop.persistence.server.server import Server


def test_connect_dialog_builds_an_address_without_a_password(qtbot):
    from mot_workshop.ui.team_server.connect_dialog import ConnectDialog

    dialog = ConnectDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.host, "room-server")
    dialog.port.selectAll()
    qtbot.keyClicks(dialog.port, "6543")
    qtbot.keyClicks(dialog.database, "workshops")
    qtbot.keyClicks(dialog.user, "kim")
    dialog.tls.setCurrentIndex(dialog.tls.findData("require"))
    assert dialog.address() == "postgresql://kim@room-server:6543/workshops?sslmode=require"
    again = ConnectDialog(address=dialog.address())
    qtbot.addWidget(again)
    assert again.address() == dialog.address()


def test_choosing_a_workshop_and_seeing_another_clients_edit(window, pg_url, qtbot):
    from mot_workshop.ui.team_server import opening

    with Server(pg_url) as server:
        with server.create(title="Shared room", facilitator="Kim", language="en") as store:
            History(store).push(CreateEntity("team", {"name": "Team A"}))

    assert opening.connect_and_choose(window, pg_url)         # `mot-workshop postgresql://…`
    table = window.start.server_panel.list.table
    assert table.isVisible() and table.item(0, 0).text() == "Shared room" and table.item(0, 1).text() == "Kim"
    where = table.visualItemRect(table.item(0, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)     # a double click: press,
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)    # release, press again
    assert window.session.store.is_server
    assert "Shared room" in window.windowTitle()
    team_a = window.session.store.select("team")[0].id
    assert window.tree.item_for("team", team_a) is not None

    with Server(pg_url) as other_server, other_server.open("Shared room") as other:
        command = CreateEntity("team", {"name": "Team B"})
        History(other).push(command)
        qtbot.waitUntil(lambda: window.tree.item_for("team", command.id) is not None, timeout=5000)
        History(other).push(UpdateEntity("workshop", 1, {"title": "Renamed room"}))
        qtbot.waitUntil(lambda: "Renamed room" in window.windowTitle(), timeout=5000)
    window.set_store(None)
    QApplication.processEvents()
    assert window.live_link is None


def test_the_window_turns_read_only_while_the_server_is_away(window, pg_url, pg_cluster, qtbot):
    from mot_workshop.ui.team_server import opening

    reports = []
    window.report = lambda title, exc: reports.append(str(exc))
    with Server(pg_url) as server:
        store = server.create(title="Away", language="en")
        History(store).push(CreateEntity("team", {"name": "Blue"}))
    opening.show(window, store)
    qtbot.waitUntil(lambda: window.panels_built, timeout=30000)     # everything shown has been read
    blue = window.session.store.select("team")[0].id
    assert not window.session.read_only
    assert window.actions.new_team.isEnabled()
    pg_cluster.stop()
    window.reset_views()      # every view reads again before anyone has noticed: none fails
    assert window.tree.item_for("team", blue) is not None           # the last state stays shown
    qtbot.waitUntil(lambda: window.session.read_only, timeout=15000)
    qtbot.waitUntil(lambda: "[read-only]" in window.windowTitle(), timeout=15000)
    qtbot.waitUntil(lambda: "cannot be reached" in window.statusBar().currentMessage(), timeout=15000)
    assert not window.actions.new_team.isEnabled()
    assert window.session.push(CreateEntity("team", {"name": "typed while away"})) is None   # refused
    assert reports and "cannot be reached" in reports[-1]
    pg_cluster.start()
    qtbot.waitUntil(lambda: not window.session.read_only, timeout=30000)
    qtbot.waitUntil(lambda: "[read-only]" not in window.windowTitle(), timeout=15000)
    assert window.actions.new_team.isEnabled()
    assert window.session.push(CreateEntity("team", {"name": "after"})) is not None
    assert [t.name for t in window.session.store.select("team")] == ["Blue", "after"]
    assert window.tree.item_for("team", blue) is not None
    window.set_store(None)


def test_the_window_shows_who_is_connected(window, pg_url, qtbot):
    from PySide6.QtWidgets import QToolButton

    from mot_workshop.persistence.server.listener import Listener
    from mot_workshop.ui.team_server import opening

    window.settings.q.setValue("server/name", "Kim")
    window.settings.q.setValue("server/team", "Facilitators")
    with Server(pg_url) as server:
        store = server.create(title="Present", language="en")
    opening.show(window, store)
    button = window.statusBar().findChild(QToolButton, "presence")
    qtbot.waitUntil(lambda: button.text() == "1 connected", timeout=10000)
    assert button.isVisible() and "Kim (Facilitators), since" in button.toolTip()
    other = Listener(store.address, store.workshop_id, "other", lambda *_: None, presence=("Lee", "Blue team"))
    other.start()
    try:
        qtbot.waitUntil(lambda: "Lee (Blue team)" in button.toolTip(), timeout=10000)
        assert button.text() == "2 connected"
        assert any(a.text().startswith("Lee (Blue team), since") for a in button.menu().actions())
    finally:
        other.stop()
    qtbot.waitUntil(lambda: button.text() == "1 connected", timeout=10000)      # Lee left
    window.set_store(None)
    qtbot.waitUntil(lambda: window.statusBar().findChild(QToolButton, "presence") is None, timeout=5000)


def test_a_killed_client_leaves_the_list_of_who_is_connected_by_itself(window, pg_url, qtbot, tmp_path):
    """A client's program SIGKILLed cannot say goodbye: the others' lists drop it within
    seconds, without anyone touching anything."""
    import os
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    from PySide6.QtWidgets import QToolButton

    from mot_workshop.ui.team_server import opening

    window.settings.q.setValue("server/name", "Kim")
    with Server(pg_url) as server:
        store = server.create(title="Crash", language="en")
    opening.show(window, store)
    button = window.statusBar().findChild(QToolButton, "presence")
    marker = tmp_path / "present"
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.Popen([sys.executable, "-m", "tests.server.presence_worker", pg_url,
                             str(store.workshop_id), "Park", str(marker)], cwd=root)
    try:
        qtbot.waitUntil(lambda: marker.exists() or proc.poll() is not None, timeout=60000)
        qtbot.waitUntil(lambda: button.text() == "2 connected", timeout=10000)
        assert "Park (Red team), since" in button.toolTip()
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(30)
        killed = time.monotonic()
        qtbot.waitUntil(lambda: button.text() == "1 connected", timeout=6000)
        assert "Park" not in button.toolTip() and "Kim" in button.toolTip()
        assert time.monotonic() - killed < 6
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(30)
    window.set_store(None)
