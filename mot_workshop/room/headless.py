"""A room without a window: the store's thread is a plain loop that drains the phones'
edits. The `room` command runs it on the main thread; tests and benchmarks on a thread."""

from __future__ import annotations

import threading
from pathlib import Path

from mot_workshop.editing.history import History
from mot_workshop.room.activity import Activity
from mot_workshop.room.host import RoomHost
from mot_workshop.room.limits import Limits
from mot_workshop.room.runner import Room
from mot_workshop.room.tokens import new_code


class HeadlessRoom:
    def __init__(self, path: str | Path, *, bind: str = "127.0.0.1", port: int = 0,
                 activity: Activity | None = None, typed_names: bool = False,
                 certificate: tuple[str, str] | None = None, limits: Limits | None = None):
        self.path = Path(path)
        self.bind, self.port, self.certificate = bind, port, certificate
        self.activity, self.typed_names, self.limits = activity, typed_names, limits
        self.wake = threading.Event()
        self.stopping = threading.Event()
        self.ready = threading.Event()
        self.room: Room | None = None
        self.history: History | None = None
        self.error: BaseException | None = None
        self._thread: threading.Thread | None = None

    def open(self) -> Room:
        """Open the file and the room on this thread."""
        from mot_workshop.persistence.store import Store

        self.store = Store.open(self.path)
        self.history = History(self.store)

        def push(command) -> bool:
            self.history.push(command)
            return True

        host = RoomHost(lambda: self.store, push, code=new_code(), typed_names=self.typed_names,
                        activity=self.activity)
        host.wake = self.wake.set
        self.host = host
        self.room = Room(host, limits=self.limits)
        try:
            self.room.open(self.bind, self.port, certificate=self.certificate)
        except BaseException:
            self.store.close()
            raise
        return self.room

    def loop(self) -> None:
        """Drain until stopped; then close the room, answer the rest, close the file."""
        try:
            while not self.stopping.is_set():
                self.wake.wait(0.5)
                self.wake.clear()
                self.host.drain()
        finally:
            self.room.close()
            self.host.drain()
            self.store.close()

    def stop(self) -> None:
        self.stopping.set()
        self.wake.set()
        if self._thread is not None:
            self._thread.join(15)

    def set_activity(self, activity: Activity) -> None:
        """Any thread: handled on the store's thread like a phone's edit."""
        self.host.submit("activity", activity).result(10)

    # ---------------------------------------------------------------- on a thread
    def start(self) -> Room:
        def main():
            try:
                self.open()
            except BaseException as exc:  # noqa: BLE001 - handed to start()
                self.error = exc
                self.ready.set()
                return
            self.ready.set()
            self.loop()

        self._thread = threading.Thread(target=main, name="room-store", daemon=True)
        self._thread.start()
        self.ready.wait(60)
        if self.error is not None:
            raise self.error
        return self.room

    def __enter__(self) -> HeadlessRoom:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
