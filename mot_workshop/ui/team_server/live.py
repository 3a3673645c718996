"""Keeping a window on a shared workshop in step with the server.

The listener thread hears the other clients' edits (LISTEN/NOTIFY); this object carries
each event to the window's thread, where an edit travels the same change bus as a local
one. When the server goes away the window says so at once and turns read-only; when it is
back, it re-reads everything and may write again.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal

from mot_workshop.editing.changes import Changes
from mot_workshop.i18n import tr


class LiveLink(QObject):
    event = Signal(str, object)

    def __init__(self, window, store):
        super().__init__(window)
        from mot_workshop.persistence.server.listener import Listener

        self.window = window
        self.store = store
        self.writable = not store.read_only
        self.event.connect(self._on_event, Qt.ConnectionType.QueuedConnection)
        self.listener = Listener(store.address, store.workshop_id, store.client_id,
                                 lambda kind, data: self.event.emit(kind, data), password=store._password)
        self.listener.start()

    def stop(self) -> None:
        self.listener.stop()

    def _on_event(self, kind: str, data) -> None:
        window = self.window
        if window.session is None or window.session.store is not self.store:
            return
        if kind == "changed":
            window.bus.changed.emit(Changes.of(**{k: [tuple(key) for key in v] for k, v in data.items()}))
        elif kind == "lost":
            self.store.read_only = True
            self._mark_read_only()
            window.statusBar().showMessage(tr("The team server cannot be reached; the workshop is read-only "
                                              "until it is back."))
        elif kind == "back":
            try:
                self.store.reconnect()
            except Exception:  # noqa: BLE001 - still away: the listener tries again
                return
            self.store.read_only = not self.writable
            window.update_title()
            window.statusBar().showMessage(tr("The team server is back."), 5000)
        elif kind == "reset":
            window.reset_views()

    def _mark_read_only(self) -> None:
        """Say so in the title without asking the server (it is away); the views keep
        showing what they last read."""
        window = self.window
        suffix = tr("[read-only]")
        title = window.windowTitle()
        if suffix not in title:
            head, sep, app = title.rpartition(" — ")
            window.setWindowTitle(f"{head} {suffix}{sep}{app}" if sep else f"{title} {suffix}")
        window.saved_label.setText(tr("Read-only"))
