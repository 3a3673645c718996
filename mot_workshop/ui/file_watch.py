"""Looking after the open file while the window is idle, once a second.

- Idle checkpoint: a second after the last edit the write-ahead log is merged into the
  ``.motw`` itself, so a copy, a backup or a sync client that takes only that file is at
  most about two seconds behind (tick + idle time), and a deleted ``-wal`` costs no more.
- Identity: a file renamed or moved outside the app is followed under its new name; one
  replaced or deleted is kept as a copy beside the old name, and the work goes on there.
  Either way the user is told.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from mot_workshop.i18n import tr
from mot_workshop.ui import messages

TICK_MS = 1000
IDLE_SECONDS = 1.0


class FileWatch(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        self._handling = False

    def _store(self):
        session = self.window.session
        if session is None or session.pending:
            return None
        store = session.store
        if store.closed or store.read_only or getattr(store, "is_server", False):   # no file to watch
            return None
        return store

    def tick(self) -> None:
        store = self._store()
        if store is None or self._handling:
            return
        store.checkpoint_if_idle(IDLE_SECONDS)
        where = store.whereabouts()
        if not where.here:
            self._handling = True
            try:
                self._moved_away(store, where)
            finally:
                self._handling = False

    def _moved_away(self, store, where) -> None:
        from mot_workshop.persistence.errors import WorkshopFileError
        from mot_workshop.persistence.identity import kept_copy_path
        from mot_workshop.persistence.store import Store

        old = store.path
        store.checkpoint()          # every edit into the file itself, before anything else
        try:
            if where.state == "moved" and where.new_path is not None:
                store.close()       # releases the lock on the database, taken again at once
                self.window.session.replace_store(Store.open(where.new_path))
                text = tr("{name} was renamed or moved outside MOT Workshop. It is now open as {path}; "
                          "nothing was lost.", name=old.name, path=str(where.new_path))
            else:
                kept = kept_copy_path(old)
                store.copy_to(kept)
                self.window.session.replace_store(Store.open(kept))
                what = (tr("{name} was replaced by another file outside MOT Workshop.", name=old.name)
                        if where.state == "replaced" else
                        tr("{name} was deleted or moved away outside MOT Workshop.", name=old.name))
                text = what + " " + tr("Your work is kept in {path}, and you are now working on that file.",
                                       path=str(kept))
        except (WorkshopFileError, OSError) as exc:
            self.window.set_store(None)
            messages.error(self.window, tr("The workshop file changed outside MOT Workshop and could not "
                                           "be followed."), str(exc))
            return
        self.window.store_moved()
        messages.warning(self.window, text)

