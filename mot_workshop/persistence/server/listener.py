"""Hearing the other clients' edits: LISTEN on the workshop's channel, no polling.

A thread waits on its own connection for PostgreSQL's notifications (sent at commit by
every client's store, see ``store.py``) and hands each one to ``on_event``. Events:

- ``("changed", {"created": [[kind, id], …], "updated": …, "deleted": …})`` — another
  client's committed transaction; our own are skipped;
- ``("reset", None)`` — too much to name, or we may have missed some: re-read everything;
- ``("presence", None)`` — someone entered or left the workshop, or their program died
  (presence.py);
- ``("lost", message)`` — the server went away; the thread retries on its own and sends
  ``("back", None)`` followed by ``("reset", None)`` when it is there again.

``on_event`` runs on the listener's thread: the window forwards it to its own thread.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable

from mot_workshop.persistence.server.address import ServerAddress
from mot_workshop.persistence.server.store import channel

Event = Callable[[str, object], None]
RETRY_SECONDS = (0.2, 0.5, 1.0, 2.0)
LIVENESS_SECONDS = 2.0    # how often a listener shown to others asks who is still there (presence.py)


class Listener:
    def __init__(self, address: ServerAddress, workshop_id: int, client_id: str, on_event: Event, *,
                 password: str | None = None, presence: tuple[str, str] | None = None):
        self.address = address
        self.workshop_id = workshop_id
        self.presence = presence      # (name, team) to show the others while connected
        self.channel = channel(workshop_id)
        self.client_id = client_id
        self.on_event = on_event
        self._password = password
        self._stop = threading.Event()
        self._conn = None
        self._alive: tuple[int, ...] | None = None     # the presence list's live server processes
        self._recount = False
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
        if self.presence is not None:
            from mot_workshop.persistence.server import presence

            try:
                presence.enter(conn, self.channel, self.workshop_id, *self.presence)
            except psycopg.Error:      # a server without the presence list: the rest still works
                pass
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
                self._alive = self._live_pids()
                last_check = time.monotonic()
                while not self._stop.is_set():
                    # waits on the socket (no query is sent); wakes up to see if it should stop
                    for note in self._conn.notifies(timeout=0.5):
                        self._deliver(note.payload)
                    if self._recount or time.monotonic() - last_check >= LIVENESS_SECONDS:
                        # someone came or went, or a while passed: who is there now
                        self._recount = False
                        last_check = time.monotonic()
                        self._check_liveness()
            except psycopg.Error as exc:
                self.connected = False
                if self._stop.is_set():
                    break
                lost = True
                self.on_event("lost", str(exc).strip().splitlines()[0] if str(exc).strip() else "")
            finally:
                self.connected = False
                if self._stop.is_set() and self.presence is not None:
                    self._leave()
                try:
                    self._conn.close()
                except Exception:  # noqa: BLE001
                    pass
                self._conn = None

    def _live_pids(self) -> tuple[int, ...] | None:
        if self.presence is None:
            return None
        import psycopg

        from mot_workshop.persistence.server import presence

        try:
            return presence.live_pids(self._conn, self.workshop_id)
        except psycopg.errors.Error as exc:
            if isinstance(exc, psycopg.OperationalError):
                raise            # the connection is gone: the caller's loop handles that
            return None          # a server without the presence list

    def _check_liveness(self) -> None:
        """Someone who crashed cannot say they left: their server process is gone, though."""
        alive = self._live_pids()
        if alive is not None and alive != self._alive:
            self._alive = alive
            self.on_event("presence", None)

    def _leave(self) -> None:
        import psycopg

        from mot_workshop.persistence.server import presence

        try:
            presence.leave(self._conn, self.channel)
        except psycopg.Error:         # gone with the connection anyway
            pass

    def _deliver(self, payload: str) -> None:
        try:
            data = json.loads(payload)
        except ValueError:
            self.on_event("reset", None)
            return
        if data.get("presence"):
            if self.presence is None:
                self.on_event("presence", None)
            else:
                self._recount = True    # told after this round of notifications (no query inside it)
            return
        if data.get("client") == self.client_id:
            return
        if data.get("reset"):
            self.on_event("reset", None)
            return
        self.on_event("changed", {k: [tuple(key) for key in data.get(k, ())] for k in ("created", "updated", "deleted")})
