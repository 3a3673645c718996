"""File → Connect to a team server, and `mot-workshop postgresql://…`: connect (asking for a
password only if the server wants one and no password file has it), choose a workshop,
show it, and keep it live."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QLineEdit

from mot_workshop.i18n import tr
from mot_workshop.ui import messages


def ask_password(window):
    def ask(address) -> str | None:
        text, ok = QInputDialog.getText(window, tr("Team server"), tr("Password for {server}: ",
                                                                        server=address.display()),
                                        QLineEdit.EchoMode.Password)
        return text if ok else None
    return ask


def connect_and_choose(window, address: str | None = None) -> bool:
    """Connect; then the server's workshops are listed on the start screen (no workshop
    open) or in a dialog (to replace the open one). True when a list is shown or a workshop
    opened."""
    server = connect_server(window, address)
    if server is None:
        return False
    if window.session is None:
        window.show_start()
        window.start.server_panel.set_server(server)
        return True
    from mot_workshop.ui.team_server.workshops_dialog import WorkshopsDialog

    chooser = WorkshopsDialog(server, window)
    if not chooser.exec() or chooser.chosen is None:
        server.close()
        return False
    show(window, chooser.chosen)
    return True


def attach_start_panel(window, panel) -> None:
    """The start screen's team-server section: connect from it, open what it lists."""
    address = str(window.settings.q.value("server/address", "") or "")
    panel.set_last_address(address)
    panel.connect_requested.connect(lambda address: connect_and_choose(window, address or None))
    panel.opened.connect(lambda store: show(window, store))
    if address and window.remember and not messages.batch_mode:
        panel.try_quietly(address)          # configured: list its workshops if it lets us in


def connect_server(window, address: str | None = None):
    """The connect dialog (unless an address is given), then the connection; None when the
    person cancelled or the server cannot be reached (said so)."""
    from mot_workshop.ui.team_server.connect_dialog import ConnectDialog

    if address is None:
        dialog = ConnectDialog(window, str(window.settings.q.value("server/address", "") or ""))
        dialog.name.setText(str(window.settings.q.value("server/name", "") or ""))
        dialog.team.setText(str(window.settings.q.value("server/team", "") or ""))
        if not dialog.exec():
            return None
        address = dialog.address()
        window.settings.q.setValue("server/name", dialog.name.text().strip())
        window.settings.q.setValue("server/team", dialog.team.text().strip())
    from mot_workshop.persistence.server.opening import connect

    try:
        server = connect(address, ask_password(window))
    except Exception as exc:  # noqa: BLE001 - a wrong address or a server away: say so
        messages.warning(window, tr("The team server cannot be reached."), str(exc))
        return None
    # the address with its TLS mode, never a password
    window.settings.q.setValue("server/address", server.address.url())
    if window._start is not None:
        window.start.server_panel.set_last_address(server.address.url())
    return server


def show(window, store) -> None:
    """Show a shared workshop in the window and keep it in step with the server."""
    from mot_workshop.ui.team_server.live import LiveLink

    old = getattr(window, "live_link", None)
    if old is not None:
        old.stop()
    window.set_store(store)
    window.live_link = LiveLink(window, store)
    if getattr(store, "read_only_reason", ""):      # an older workshop only its facilitator may update
        window.statusBar().showMessage(store.read_only_reason)
