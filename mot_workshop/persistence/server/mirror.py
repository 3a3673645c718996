"""A client's live copy of a shared workshop: a snapshot kept equal to the server's by
re-reading exactly the rows each notification names (and everything after a reset).

It is what every view of the window does through the change bus, without Qt, so the
tests can check that what a client shows is what the server holds. It reads on its own
connection (the listener's thread must not share the editing connection).
"""

from __future__ import annotations

import threading

from mot_workshop.domain.snapshot import Snapshot
from mot_workshop.persistence.server.listener import Listener
from mot_workshop.persistence.server.store import ServerStore


class Mirror:
    def __init__(self, store: ServerStore):
        self._reader = ServerStore(store.address, store.entry, read_only=True, password=store._password)
        self._lock = threading.Lock()
        self.snapshot = Snapshot()
        self.resets = 0
        self.connected = True
        # client "" hears every client's edits, its own included
        self._listener = Listener(store.address, store.workshop_id, client_id="", on_event=self._event,
                                  password=store._password)

    def start(self) -> Mirror:
        # Listen first, then read: an edit committed in between is both in the snapshot and
        # notified (re-read, harmless); the other order could miss it.
        with self._lock:
            self._listener.start()
            self.snapshot = self._reader.snapshot()
        return self

    def stop(self) -> None:
        self._listener.stop()
        self._reader.close()

    def _event(self, kind: str, data) -> None:
        with self._lock:
            if kind == "changed":
                self._reread({tuple(k) for part in data.values() for k in part})
            elif kind == "reset":
                self._reader.reconnect()
                self.snapshot = self._reader.snapshot()
                self.resets += 1
            elif kind == "lost":
                self.connected = False
            elif kind == "back":
                self.connected = True

    def _reread(self, keys) -> None:
        by_kind: dict[str, list[int]] = {}
        for kind, id in keys:
            by_kind.setdefault(kind, []).append(id)
        for kind, ids in by_kind.items():      # one query per kind, not per row
            found = self._reader.get_many(kind, ids)
            bucket = self.snapshot.by_kind[kind]
            for id in ids:
                if id in found:
                    bucket[id] = found[id]
                else:
                    bucket.pop(id, None)

    def has(self, kind: str, id: int) -> bool:
        with self._lock:
            return id in self.snapshot.by_kind[kind]
