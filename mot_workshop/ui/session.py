"""One open workshop file in the window: the store, its undo stack and the change bus."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoStack

from mot_workshop.editing.changes import Changes
from mot_workshop.editing.command import Command
from mot_workshop.ui.change_bus import ChangeBus
from mot_workshop.ui.undo import Undoer

if TYPE_CHECKING:      # the store module loads SQLAlchemy: not before the first paint
    from mot_workshop.persistence.store import Store


class Session:
    def __init__(self, store: Store, bus: ChangeBus, stack: QUndoStack,
                 report: Callable[[str, Exception], None]):
        self.store = store
        self.bus = bus
        self.stack = stack
        self.undoer = Undoer(stack, lambda: self.store, bus.changed.emit, report)
        self.finisher: Callable[[], bool] | None = None   # opens the real store (quick open)

    @property
    def pending(self) -> bool:
        """Showing a quick snapshot while the real store is still to be opened."""
        return getattr(self.store, "pending", False)

    def ensure_store(self) -> bool:
        """Open the real store now if it is still pending; False if that failed."""
        if self.pending and self.finisher is not None:
            finisher, self.finisher = self.finisher, None
            finisher()
        return not self.pending and not self.store.closed

    @property
    def path(self) -> Path:
        return self.store.path

    @property
    def read_only(self) -> bool:
        return self.store.read_only

    @property
    def content_language(self) -> str:
        """The language the workshop's own content is written in (template names, new items)."""
        workshop = self.store.workshop()
        return str(workshop.language) if workshop is not None else "ko"

    def push(self, command: Command) -> Changes | None:
        if not self.ensure_store():
            return None
        return self.undoer.push(command)

    def replace_store(self, store: Store) -> None:
        """Save As: keep working (and undoing) on the copy; commands hold ids, not rows."""
        old, self.store = self.store, store
        old.close()

    def close(self) -> None:
        self.stack.clear()
        self.store.close()
