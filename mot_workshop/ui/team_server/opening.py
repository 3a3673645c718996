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
    from mot_workshop.ui.team_server.connect_dialog import ConnectDialog

    if address is None:
        dialog = ConnectDialog(window, str(window.settings.q.value("server/address", "") or ""))
        if not dialog.exec():
            return False
        address = dialog.address()
    from mot_workshop.persistence.server.opening import connect
    from mot_workshop.ui.team_server.workshops_dialog import WorkshopsDialog

    try:
        server = connect(address, ask_password(window))
    except Exception as exc:  # noqa: BLE001 - a wrong address or a server away: say so
        messages.warning(window, tr("The team server cannot be reached."), str(exc))
        return False
    window.settings.q.setValue("server/address", server.where)   # the address only, never a password
    chooser = WorkshopsDialog(server, window)
    if not chooser.exec() or chooser.chosen is None:
        server.close()
        return False
    show(window, chooser.chosen)
    return True


def show(window, store) -> None:
    """Show a shared workshop in the window and keep it in step with the server."""
    from mot_workshop.ui.team_server.live import LiveLink

    old = getattr(window, "live_link", None)
    if old is not None:
        old.stop()
    window.set_store(store)
    window.live_link = LiveLink(window, store)
