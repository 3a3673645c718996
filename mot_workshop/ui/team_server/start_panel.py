"""The start screen's team-server section: before connecting, a button to connect (to the
server used last time, or another); once connected, the server's workshops to open, make,
upload or download (workshop_list.py)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from mot_workshop.i18n import tr


class ServerPanel(QWidget):
    connect_requested = Signal(str)   # the address to connect to; "" = ask (the connect dialog)
    opened = Signal(object)          # a ServerStore to show
    _answered = Signal(object)       # a quiet connection attempt's Server (or None), to this thread

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("serverPanel")
        self.server = None
        self.list = None
        self.last_address = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        self.heading = QLabel(self)
        self.heading.setObjectName("startHeading")
        head.addWidget(self.heading)
        self.where = QLabel(self, objectName="serverWhere")
        self.where.setObjectName("startHint")
        head.addWidget(self.where, 1)
        self.connect_button = QPushButton(self, objectName="connectServer")
        self.connect_button.clicked.connect(lambda: self.connect_requested.emit(self.last_address))
        self.other_button = QPushButton(self, objectName="otherServer")
        self.other_button.setFlat(True)
        self.other_button.clicked.connect(lambda: self.connect_requested.emit(""))
        self.disconnect_button = QPushButton(self, objectName="disconnectServer")
        self.disconnect_button.setFlat(True)
        self.disconnect_button.clicked.connect(lambda: self.set_server(None))
        self.refresh_button = QPushButton(self, objectName="refreshServer")
        self.refresh_button.setFlat(True)
        self.refresh_button.clicked.connect(self.refresh)
        for button in (self.refresh_button, self.disconnect_button):
            head.addWidget(button)
        layout.addLayout(head)
        self.hint = QLabel(self, objectName="serverHint")
        self.hint.setObjectName("startHint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        buttons = QHBoxLayout()
        buttons.addWidget(self.connect_button)
        buttons.addWidget(self.other_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.body = QVBoxLayout()
        layout.addLayout(self.body, 1)
        self._answered.connect(self._quietly_connected)
        self.retranslate()
        self._show_state()

    def try_quietly(self, address: str) -> None:
        """The server used last time, if it answers without asking anything (a password file,
        or no password): its workshops are listed at once. Tried on a thread of its own, so a
        server that is away slows nothing; if it wants a password, the button stays."""
        import threading

        def attempt() -> None:
            from mot_workshop.persistence.server.opening import connect

            try:
                server = connect(address)          # no way to ask: fails if a password is wanted
            except Exception:  # noqa: BLE001 - away, or wants a password: the button stays
                server = None
            try:
                self._answered.emit(server)
            except RuntimeError:                   # the window closed meanwhile
                if server is not None:
                    server.close()

        threading.Thread(target=attempt, name="server-quietly", daemon=True).start()

    def _quietly_connected(self, server) -> None:
        if server is None:
            return
        if self.server is not None:                # connected by hand meanwhile
            server.close()
            return
        self.set_server(server)

    def retranslate(self) -> None:
        self.heading.setText(tr("Team server"))
        self.hint.setText(tr("Work together on one shared workshop: connect to your team's PostgreSQL server."))
        self.connect_button.setText(tr("Connect to {server}", server=_short(self.last_address))
                                    if self.last_address else tr("Connect to a team server…"))
        self.connect_button.setToolTip(self.last_address)
        self.other_button.setText(tr("Another server…"))
        self.disconnect_button.setText(tr("Disconnect"))
        self.refresh_button.setText(tr("Refresh"))
        if self.list is not None:
            self.list.retranslate()

    def set_last_address(self, address: str) -> None:
        self.last_address = address
        self.retranslate()
        self._show_state()

    def set_server(self, server) -> None:
        """Show ``server``'s workshops (None: not connected)."""
        from mot_workshop.ui.team_server.workshop_list import WorkshopList

        if self.list is not None:
            self.body.removeWidget(self.list)
            self.list.deleteLater()
            self.list = None
        if self.server is not None and self.server is not server:
            self.server.close()
        self.server = server
        if server is not None:
            self.list = WorkshopList(server, self)
            self.list.opened.connect(self.opened)
            self.body.addWidget(self.list, 1)
            self.list.show()
        self._show_state()

    def refresh(self) -> None:
        if self.list is not None:
            self.list.refresh()

    def _show_state(self) -> None:
        connected = self.server is not None
        # not connected: as tall as its few lines; connected: the list takes the room it gets
        self.setSizePolicy(QSizePolicy.Policy.Preferred,
                           QSizePolicy.Policy.Expanding if connected else QSizePolicy.Policy.Maximum)
        self.where.setText(self.server.where if connected else "")
        self.where.setToolTip(self.server.where if connected else "")
        self.hint.setVisible(not connected)
        self.connect_button.setVisible(not connected)
        self.other_button.setVisible(not connected and bool(self.last_address))
        self.disconnect_button.setVisible(connected)
        self.refresh_button.setVisible(connected)


def _short(address: str) -> str:
    """An address as a person reads it on a button: user@host/database."""
    return address.removeprefix("postgresql://").split("?")[0]
