"""The window's room: a RoomHost on the GUI thread and the server on its own thread.

Phones' edits arrive through a queued signal and are pushed on the session like any local
edit (so they land in the undo history and on the change bus); desktop edits republish the
room's state. Closing the room, switching files or quitting stops the server.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

from mot_workshop.room.activity import Activity
from mot_workshop.room.host import RoomHost
from mot_workshop.room.tokens import new_code


class RoomController(QObject):
    woken = Signal()                 # any thread: phones' edits are waiting
    state_changed = Signal(object)   # the room's state (dict) after a batch or an activity change
    opened = Signal()
    closed = Signal()

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.session = None
        self.host: RoomHost | None = None
        self.room = None
        self.woken.connect(self._drain, Qt.ConnectionType.QueuedConnection)
        self._republish = QTimer(self)
        self._republish.setSingleShot(True)
        self._republish.setInterval(120)
        self._republish.timeout.connect(self._publish)
        window.bus.changed.connect(self._on_changes)
        window.bus.reset.connect(self.close)
        window.installEventFilter(self)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.close)

    @property
    def is_open(self) -> bool:
        return self.room is not None and self.room.is_open

    def open(self, bind: str, port: int = 0, *, typed_names: bool = False) -> None:
        """Raises RoomError when the address cannot be used."""
        from mot_workshop.room.runner import Room

        self.close()
        session = self.window.session
        if session is None or not session.ensure_store():
            raise ValueError("no workshop is open")
        self.session = session
        self.host = RoomHost(lambda: session.store, lambda command: session.push(command) is not None,
                             code=new_code(), typed_names=typed_names)
        self.host.wake = self.woken.emit
        room = Room(self.host)
        try:
            room.open(bind, port)
        except Exception:
            self.host = None
            raise
        self.room = room
        self.opened.emit()
        self.state_changed.emit(self.host.last)

    def close(self) -> None:
        if self.room is None:
            return
        room, self.room = self.room, None
        room.close()
        if self.host is not None:
            self.host.drain()                # what arrived while closing is answered
        self.host = None
        self.session = None
        self.closed.emit()

    def set_activity(self, activity: Activity) -> None:
        if self.host is not None:
            self.host.set_activity(activity)
            self.state_changed.emit(self.host.last)

    @property
    def activity(self) -> Activity:
        return self.host.activity if self.host is not None else Activity()

    @property
    def state(self) -> dict:
        return self.host.last if self.host is not None else {}

    def close_device(self, key: str) -> None:
        if self.room is not None:
            self.room.close_device(key)

    def devices(self) -> list[dict]:
        return self.room.devices() if self.room is not None else []

    # ---------------------------------------------------------------- the GUI thread
    def _drain(self) -> None:
        if self.host is None:
            return
        if self.window.session is not self.session:
            self.close()
            return
        if self.host.drain():
            self._republish.stop()
            self.state_changed.emit(self.host.last)

    def _on_changes(self, changes) -> None:
        if self.host is not None:
            self._republish.start()           # desktop edits (and undo) reach the phones too

    def _publish(self) -> None:
        if self.host is None:
            return
        if self.window.session is not self.session or self.session.store.closed:
            self.close()
            return
        self.state_changed.emit(self.host.publish())

    def eventFilter(self, watched, event) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.close()
        return False
