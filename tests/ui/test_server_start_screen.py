"""The start screen lists a connected team server's workshops (title, facilitator, last
change) and opens, creates, uploads and downloads them with real clicks; a new, empty
server says it has none."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog

from mot_workshop.editing.entities import CreateEntity
from mot_workshop.editing.history import History
from mot_workshop.persistence.server.server import Server
from mot_workshop.persistence.store import Store
from tests.world import build_world


def _click(qtbot, widget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _click_row(qtbot, table, title: str) -> None:
    item = next(table.item(r, 0) for r in range(table.rowCount()) if table.item(r, 0).text() == title)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualItemRect(item).center())


def _titles(table) -> list[str]:
    return [table.item(r, 0).text() for r in range(table.rowCount())]


def test_an_empty_server_then_new_upload_download_and_open_from_the_start_screen(
        window, pg_url, qtbot, monkeypatch, tmp_path, dialogs):
    window.show()
    qtbot.waitExposed(window)
    panel = window.start.server_panel
    assert window.central.currentWidget() is window.start
    panel.set_last_address(pg_url)              # the server used last time (settings)
    assert "127.0.0.1" in panel.connect_button.text()
    _click(qtbot, panel.connect_button)
    assert panel.list is not None and panel.disconnect_button.isVisible()
    assert panel.list.empty.isVisible() and not panel.list.table.isVisible()      # a new, empty server
    assert "No workshops on this server yet" in panel.list.empty.text()
    assert not panel.list.open_button.isEnabled() and not panel.list.download_button.isEnabled()

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Room A", True))
    _click(qtbot, panel.list.new_button)                 # a new shared workshop, opened at once
    assert window.session is not None and window.session.store.is_server
    assert "Room A" in window.windowTitle()
    window.session.push(CreateEntity("team", {"name": "Blue"}))
    window.set_store(None)                               # back to the start screen: listed
    table = panel.list.table
    assert table.isVisible() and _titles(table) == ["Room A"]
    assert table.item(0, 2).text()[:2] == "20"           # its last change

    file = tmp_path / "store b.motw"
    with Store.create(file, title="Store B", facilitator="Park", language="en") as store:
        build_world(History(store))
        processes = sorted(p.name for p in store.select("process"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(file), ""))
    _click(qtbot, panel.list.upload_button)              # a file as a new shared workshop
    assert sorted(p.name for p in window.session.store.select("process")) == processes
    window.set_store(None)
    assert _titles(table) == ["Room A", "Store B"]
    assert table.item(1, 1).text() == "Park"

    _click_row(qtbot, table, "Room A")
    target = tmp_path / "offline copy"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    _click(qtbot, panel.list.download_button)            # a .motw to work offline
    with Store.open(tmp_path / "offline copy.motw", read_only=True) as copy:
        assert [t.name for t in copy.select("team")] == ["Blue"]
    assert "Saved" in dialogs[-1][1] or "Saved" in dialogs[-1][2]

    _click_row(qtbot, table, "Store B")
    _click(qtbot, panel.list.open_button)
    assert "Store B" in window.windowTitle()
    window.set_store(None)
    _click(qtbot, panel.disconnect_button)
    assert panel.list is None and panel.connect_button.isVisible()


def test_file_connect_with_a_workshop_open_offers_the_list_in_a_dialog(window, pg_url, qtbot, monkeypatch):
    from mot_workshop.ui.team_server import opening
    from mot_workshop.ui.team_server.workshops_dialog import WorkshopsDialog

    with Server(pg_url) as server:
        server.create(title="Room A", language="en").close()
        server.create(title="Room B", language="en").close()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Room C", True))
    opening.connect_and_choose(window, pg_url)
    window.start.server_panel.list.new_workshop()
    assert "Room C" in window.windowTitle()

    def choose(dialog: WorkshopsDialog) -> int:
        assert _titles(dialog.table) == ["Room A", "Room B", "Room C"]
        _click_row(qtbot, dialog.table, "Room B")
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(WorkshopsDialog, "exec", choose)
    assert opening.connect_and_choose(window, pg_url)
    assert "Room B" in window.windowTitle()
    window.set_store(None)


def test_a_configured_server_is_listed_by_itself_and_its_tls_mode_remembered(window, pg_url, qtbot):
    from mot_workshop.ui.main_window import MainWindow
    from mot_workshop.ui.team_server import opening

    with Server(pg_url) as server:
        server.create(title="Room A", language="en").close()
    assert opening.connect_and_choose(window, pg_url + "?sslmode=disable")
    remembered = window.settings.q.value("server/address")
    assert remembered.endswith("?sslmode=disable") and "password" not in remembered
    window.start.server_panel.set_server(None)

    again = MainWindow(window.settings)            # the next start of the app
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.start.server_panel.list is not None, timeout=15000)
    assert again.start.server_panel.server.address.url() == remembered     # the same TLS mode
    assert _titles(again.start.server_panel.list.table) == ["Room A"]
    again.close()


def test_a_configured_server_that_is_away_leaves_the_button(window, qtbot):
    panel = window.start.server_panel
    panel.set_last_address("postgresql://nobody@127.0.0.1:1/none")
    panel.try_quietly(panel.last_address)
    qtbot.wait(1500)
    assert panel.list is None and panel.connect_button.isVisible()
    assert "nobody@127.0.0.1:1/none" in panel.connect_button.text()
