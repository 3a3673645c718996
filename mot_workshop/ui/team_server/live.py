"""Keeping a window on a shared workshop in step with the server.

The listener thread hears the other clients' edits (LISTEN/NOTIFY); this object carries
each event to the window's thread, where an edit travels the same change bus as a local
one. When the server goes away (the listener loses it, or any read or write of the store
fails) the window says so at once and turns read-only, its views answered from the last
state the store read; when the server is back, it re-reads everything and may write again.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from mot_workshop.editing.changes import Changes
from mot_workshop.i18n import tr

RETRY_MS = (500, 1000, 2000, 5000)


class LiveLink(QObject):
    event = Signal(str, object)

    def __init__(self, window, store):
        super().__init__(window)
        from mot_workshop.persistence.server.listener import Listener

        self.window = window
        self.store = store
        self.event.connect(self._on_event, Qt.ConnectionType.QueuedConnection)
        # any thread may find the server gone: the window hears of it on its own thread
        store.keep_last_state(lambda error: self.event.emit("away", error))
        self._retry = QTimer(self, singleShot=True)
        self._retry.timeout.connect(lambda: self._try_back(reset=True))
        self._attempt = 0
        from mot_workshop.ui.team_server.presence_button import PresenceButton

        self.presence = PresenceButton(window, store, me=who_am_i(window, store))
        self.listener = Listener(store.address, store.workshop_id, store.client_id,
                                 lambda kind, data: self.event.emit(kind, data), password=store._password,
                                 presence=who_am_i(window, store))
        self.listener.start()
        self.presence.refresh()

    def stop(self) -> None:
        self._retry.stop()
        self.listener.stop()
        self.window.statusBar().removeWidget(self.presence)
        self.presence.deleteLater()

    def _on_event(self, kind: str, data) -> None:
        window = self.window
        if window.session is None or window.session.store is not self.store:
            return
        if kind == "changed":
            window.bus.changed.emit(Changes.of(**{k: [tuple(key) for key in v] for k, v in data.items()}))
        elif kind == "lost":               # the listener lost the server: so has the store
            from mot_workshop.persistence.server.errors import ServerUnavailable

            self.store.went_away(ServerUnavailable(self.store.address.display(), str(data or "")))
        elif kind == "away":
            self._show_away(data)
        elif kind == "back":
            self._try_back(reset=False)    # the listener sends "reset" next
        elif kind == "reset":
            window.reset_views()
            self.presence.refresh()
        elif kind == "presence":
            self.presence.refresh()

    def _show_away(self, error) -> None:
        from mot_workshop.persistence.server.errors import ServerUnavailable

        self._mark_read_only()
        if isinstance(error, ServerUnavailable):
            text = tr("The team server cannot be reached; the workshop is read-only until it is back.")
        else:
            text = tr("{problem} The workshop is read-only until the server allows it again.",
                      problem=str(error))
        self.window.statusBar().showMessage(text)
        self._attempt = 0
        self._retry.start(RETRY_MS[0])

    def _try_back(self, *, reset: bool) -> None:
        """Connect the store again. While the listener itself is away, its "back" decides;
        a store that alone lost its connection tries again by itself, less and less often."""
        store = self.store
        if store.closed or (reset and (not store.offline or not self.listener.connected)):
            return
        was_offline = store.offline       # the listener's "back": the old connection is dead anyway
        try:
            store.reconnect()
        except Exception:  # noqa: BLE001 - still away: try again later
            self._attempt += 1
            self._retry.start(RETRY_MS[min(self._attempt, len(RETRY_MS) - 1)])
            return
        self._retry.stop()
        window = self.window
        if not was_offline:
            return
        window.statusBar().showMessage(tr("The team server is back."), 5000)
        if reset:
            window.reset_views()        # what happened meanwhile is unknown
        else:
            window.update_title()
        window.edit.update_actions()

    def _mark_read_only(self) -> None:
        """Say so in the title and the status bar; the views keep showing the last state."""
        window = self.window
        suffix = tr("[read-only]")
        title = window.windowTitle()
        if suffix not in title:
            head, sep, app = title.rpartition(" — ")
            window.setWindowTitle(f"{head} {suffix}{sep}{app}" if sep else f"{title} {suffix}")
        window.saved_label.setText(tr("Read-only"))
        window.edit.update_actions()


def who_am_i(window, store) -> tuple[str, str]:
    """The name and team shown to the others: as given when connecting, else the login."""
    name = str(window.settings.q.value("server/name", "") or "").strip()
    team = str(window.settings.q.value("server/team", "") or "").strip()
    if not name:
        import getpass

        name = store.address.user or getpass.getuser()
    return name, team
