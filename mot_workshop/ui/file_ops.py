"""Files: new, open (with the clear refusals of bad, locked, read-only and newer files),
the sample workshop, recent files, Save As (a copy; work continues on the copy) and close.
There is no Save: every command is on disk when it returns."""

from __future__ import annotations

import os
from pathlib import Path

from mot_workshop.i18n import tr
from mot_workshop.persistence.errors import (
    BadValues,
    DamagedFile,
    FileLocked,
    ForeignSchema,
    ReadOnlyFile,
    WorkshopFileError,
)
from mot_workshop.ui import messages

SUFFIX = ".motw"


def file_filter() -> str:
    return tr("MOT Workshop files (*.motw)") + ";;" + tr("All files (*)")


class FileController:
    def __init__(self, window):
        self.window = window

    @property
    def settings(self):
        return self.window.settings

    def _folder(self) -> str:
        folder = self.settings.last_folder
        return folder if folder and Path(folder).is_dir() else str(Path.home())

    def _remember_folder(self, path: Path) -> None:
        if self.window.remember:
            self.settings.last_folder = str(path.parent)

    # ------------------------------------------------------------------ new / open
    def new_workshop(self) -> bool:
        from mot_workshop.ui import new_workshop

        asked = new_workshop.ask(self.window)
        if asked is None:
            return False
        title, lang = asked
        suggested = "".join(c for c in title if c not in '\\/:*?"<>|').strip() or tr("workshop")
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getSaveFileName(self.window, tr("New workshop"),
                                              os.path.join(self._folder(), suggested + SUFFIX), file_filter())
        if not name:
            return False
        path = Path(name)
        if path.suffix.lower() != SUFFIX:
            path = path.with_suffix(path.suffix + SUFFIX) if path.suffix else path.with_suffix(SUFFIX)
        if self.window.session is not None and path.absolute() == self.window.session.path:
            messages.warning(self.window, tr("This workshop is open; choose another name."))
            return False
        from mot_workshop.persistence.store import Store

        try:
            store = Store.create(path, overwrite=True, title=title, language=lang)
        except (WorkshopFileError, OSError) as exc:
            messages.error(self.window, tr("The workshop could not be created."), _message(exc))
            return False
        self._remember_folder(path)
        self.window.set_store(store)
        return True

    def open_dialog(self) -> bool:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(self.window, tr("Open workshop"), self._folder(), file_filter())
        return self.open_path(name) if name else False

    def open_path(self, path: str | os.PathLike, *, read_only: bool = False, quick: bool = False) -> bool:
        """Open a workshop. ``quick``: paint it first from a plain-sqlite3 snapshot and open
        the real store (SQLAlchemy, lock, checks) as soon as the window has painted."""
        path = Path(path).absolute()
        session = self.window.session
        if session is not None and session.path == path and (read_only or not session.read_only):
            return True
        if quick and not read_only:
            from mot_workshop.persistence.fast_read import quick_snapshot

            seen = file_state(path)
            snapshot = quick_snapshot(path)
            if snapshot is not None:
                return self._open_quick(path, snapshot, seen)
        from mot_workshop.persistence.store import Store

        try:
            store = Store.open(path, read_only=read_only)
        except (FileLocked, ReadOnlyFile) as exc:
            if read_only or not messages.offer_read_only(self.window, str(exc)):
                return False
            return self.open_path(path, read_only=True)
        except (DamagedFile, ForeignSchema, BadValues) as exc:
            return self._offer_recovery(path, exc)
        except WorkshopFileError as exc:
            messages.error(self.window, tr("The workshop could not be opened."), str(exc))
            if not path.exists() and self.window.remember:
                self.settings.remove_recent(path)
                self.window.refresh_recent()
            return False
        except OSError as exc:
            messages.error(self.window, tr("The workshop could not be opened."), _message(exc))
            return False
        self._remember_folder(path)
        self.window.set_store(store)
        return True

    def _open_quick(self, path: Path, snapshot, seen: tuple | None = None) -> bool:
        from PySide6.QtCore import QTimer

        from mot_workshop.ui.snapshot_reader import SnapshotReader

        reader = SnapshotReader(path, snapshot)
        self.window.set_store(reader)
        session = self.window.session
        session.finisher = lambda: self._finish_quick(session, reader, seen)
        if self.window.isVisible():
            QTimer.singleShot(0, session.ensure_store)
        else:                     # not shown yet (starting up): right after the first paint
            from mot_workshop.ui.screenshot import after_first_paint

            after_first_paint(self.window, session.ensure_store, settle_ms=0)
        return True

    def _finish_quick(self, session, reader, seen: tuple | None = None) -> bool:
        """Swap the real store in under the snapshot the window shows (or give up cleanly)."""
        from mot_workshop.persistence.store import Store

        if self.window.session is not session:
            return False
        path = reader.path
        try:
            try:
                store = Store.open(path)
            except (FileLocked, ReadOnlyFile) as exc:
                if not messages.offer_read_only(self.window, str(exc)):
                    raise
                store = Store.open(path, read_only=True)
        except (DamagedFile, ForeignSchema, BadValues) as exc:
            self.window.set_store(None)      # the quick look showed it; editing it is not safe
            self._offer_recovery(path, exc)
            return False
        except (WorkshopFileError, OSError) as exc:
            if not isinstance(exc, (FileLocked, ReadOnlyFile)):
                messages.error(self.window, tr("The workshop could not be opened."), _message(exc))
            self.window.set_store(None)
            return False
        session.replace_store(store)
        # Unchanged files (the usual case) are not read a second time to find that out.
        if seen is None or file_state(path) != seen:
            self.window.bus.reset.emit()       # it changed since the quick look: re-read all
        self.window.store_ready()
        return True

    def _offer_recovery(self, path: Path, exc: WorkshopFileError) -> bool:
        """A damaged file may be read; a file with foreign schema objects is not opened.
        Either way a checked copy of what is readable may be made and opened instead."""
        choice = messages.offer_recovery(self.window, str(exc), read_only=isinstance(exc, DamagedFile))
        if choice == "read-only":
            from mot_workshop.persistence.recover import readable_snapshot
            from mot_workshop.ui.snapshot_reader import DamagedReader

            try:
                snapshot = readable_snapshot(path)
            except (WorkshopFileError, OSError) as error:
                messages.error(self.window, tr("The workshop could not be opened."), _message(error))
                return False
            self.window.set_store(DamagedReader(path, snapshot, exc.problems))
            return True
        if choice != "recover":
            return False
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication

        from mot_workshop.persistence.recover import recover

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = recover(path)
        except (WorkshopFileError, OSError) as error:
            QApplication.restoreOverrideCursor()
            messages.error(self.window, tr("No recovered copy could be made."), _message(error))
            return False
        QApplication.restoreOverrideCursor()
        if not self.open_path(result.path):
            return False
        messages.info(self.window, tr("A recovered copy was written to {path} and opened: {kept} records kept, "
                                      "{lost} left out. The original file was not changed.",
                                      path=str(result.path), kept=result.kept, lost=result.left_out),
                      result.cleared_note().strip())
        return True

    def open_sample(self, lang: str) -> bool:
        try:
            from mot_workshop.sample import build_sample
        except ImportError:
            messages.error(self.window, tr("The sample workshop is not available in this installation."))
            return False
        from mot_workshop.paths import sample_copy_path

        path = sample_copy_path(lang)
        session = self.window.session
        if session is not None and session.path == path.absolute():
            self.window.set_store(None)
        try:
            build_sample(path, lang, overwrite=True)
        except (WorkshopFileError, OSError) as exc:
            messages.error(self.window, tr("The sample workshop could not be written."), _message(exc))
            return False
        return self.open_path(path)

    # ------------------------------------------------------------------ save as / close
    def save_as(self) -> bool:
        session = self.window.session
        if session is None:
            return False
        suggestion = str(session.path.with_name(session.path.stem + " " + tr("copy") + SUFFIX))
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getSaveFileName(self.window, tr("Save a copy as"), suggestion, file_filter())
        if not name:
            return False
        target = Path(name)
        if target.suffix.lower() != SUFFIX:
            target = target.with_suffix(SUFFIX)
        if target.absolute() == session.path:
            return True
        from mot_workshop.persistence.store import Store

        try:
            from mot_workshop.editing.sharing import save_copy

            # a workshop of its own that merges back without duplicates (a shared one: to work offline)
            save_copy(session.store, target)
            store = Store.open(target)
        except (WorkshopFileError, OSError) as exc:
            messages.error(self.window, tr("The copy could not be saved."), _message(exc))
            return False
        link, self.window.live_link = getattr(self.window, "live_link", None), None
        if link is not None:            # now on a file: no more of the server's news
            link.stop()
        session.replace_store(store)
        self._remember_folder(target)
        self.window.store_replaced()
        return True


def _message(exc: Exception) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.filename or ''}: {exc.strerror}".strip(": ")
    return str(exc)


def file_state(path: Path) -> tuple | None:
    """What changes whenever anyone commits to the file: the size and time of the file and of
    its write-ahead log (an empty or missing log counts the same: opening makes one)."""
    try:
        main = path.stat()
    except OSError:
        return None
    try:
        wal = path.with_name(path.name + "-wal").stat()
        log = (wal.st_size, wal.st_mtime_ns) if wal.st_size else (0, None)
    except OSError:
        log = (0, None)
    return (main.st_size, main.st_mtime_ns, *log)
