"""Hearing the other clients' edits: LISTEN on the workshop's channel, no polling.

A thread waits on its own connection for PostgreSQL's notifications (sent at commit by
every client's store, see ``store.py``) and hands each one to ``on_event``. Events:

- ``("changed", {"created": [[kind, id], …], "updated": …, "deleted": …})`` — another
  client's committed transaction; our own are skipped;
- ``("reset", None)`` — too much to name, or we may have missed some: re-read everything;
- ``("lost", message)`` — the server went away; the thread retries on its own and sends
  ``("back", None)`` followed by ``("reset", None)`` when it is there again.

``on_event`` runs on the listener's thread: the window forwards it to its own thread.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable

from mot_workshop.persistence.server.address import ServerAddress
from mot_workshop.persistence.server.store import channel

Event = Callable[[str, object], None]
RETRY_SECONDS = (0.2, 0.5, 1.0, 2.0)


class Listener:
    def __init__(self, address: ServerAddress, workshop_id: int, client_id: str, on_event: Event, *,
                 password: str | None = None):
        self.address = address
        self.channel = channel(workshop_id)
        self.client_id = client_id
        self.on_event = on_event
        self._password = password
        self._stop = threading.Event()
        self._conn = None
        self.connected = False        # LISTEN is in place on a live connection
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"listen-{self.channel}", daemon=True)

    def start(self, wait: float = 5.0) -> Listener:
        self._thread.start()
        self._ready.wait(wait)        # LISTEN is in place before the caller goes on
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)

    def _open(self):
        import psycopg

        kwargs = self.address.connect_kwargs()
        if self._password is not None:
            kwargs["password"] = self._password
        conn = psycopg.connect(autocommit=True, **kwargs)
        conn.execute(f'LISTEN "{self.channel}"')    # the channel name is ours: motw_ws_<n>
        return conn

    def _run(self) -> None:
        import psycopg

        attempt = 0
        lost = False
        while not self._stop.is_set():
            try:
                self._conn = self._open()
            except psycopg.Error as exc:
                if not lost:
                    lost = True
                    self.on_event("lost", str(exc).strip().splitlines()[0] if str(exc).strip() else "")
                self._ready.set()
                self._stop.wait(RETRY_SECONDS[min(attempt, len(RETRY_SECONDS) - 1)])
                attempt += 1
                continue
            attempt = 0
            self.connected = True
            self._ready.set()
            if lost:
                lost = False
                self.on_event("back", None)
                self.on_event("reset", None)     # what happened while we were away is unknown
            try:
                while not self._stop.is_set():
                    # waits on the socket (no query is sent); wakes up to see if it should stop
                    for note in self._conn.notifies(timeout=0.5):
                        self._deliver(note.payload)
            except psycopg.Error as exc:
                self.connected = False
                if self._stop.is_set():
                    break
                lost = True
                self.on_event("lost", str(exc).strip().splitlines()[0] if str(exc).strip() else "")
            finally:
                self.connected = False
                try:
                    self._conn.close()
                except Exception:  # noqa: BLE001
                    pass
                self._conn = None

    def _deliver(self, payload: str) -> None:
        try:
            data = json.loads(payload)
        except ValueError:
            self.on_event("reset", None)
            return
        if data.get("client") == self.client_id:
            return
        if data.get("reset"):
            self.on_event("reset", None)
            return
        self.on_event("changed", {k: [tuple(key) for key in data.get(k, ())] for k in ("created", "updated", "deleted")})
