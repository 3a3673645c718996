"""Undo and redo without Qt: the CLI, importers and tests use it; the UI wraps the same
commands in a QUndoStack through ``run_execute`` / ``run_revert``."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import nullcontext
from typing import TYPE_CHECKING

from mot_workshop.editing.changes import Changes
from mot_workshop.editing.command import Command

if TYPE_CHECKING:
    from mot_workshop.persistence.store import Store

Listener = Callable[[Changes], None]

# Steps kept for undo. Each step holds the values it needs to revert (a deleted map keeps
# its rows), so an unbounded history grows for ever over a day-long session; a thousand
# steps is far more than a workshop ever walks back, and memory stays flat.
UNDO_LIMIT = 1000


def run_execute(store: Store, command: Command) -> Changes:
    """Execute in one transaction: committed when this returns, rolled back if it raises."""
    return _retrying(lambda: _once(store, command.execute))


def run_revert(store: Store, command: Command) -> Changes:
    """Undo. On a shared workshop it touches only rows as this client left them."""
    return _retrying(lambda: _once(store, command.revert, guarded=True))


def run_redo(store: Store, command: Command) -> Changes:
    return _retrying(lambda: _once(store, command.execute, guarded=True))


def _once(store: Store, step: Callable[[Store], Changes], *, guarded: bool = False) -> Changes:
    with store.transaction(), (_own_rows_only(store) if guarded else nullcontext()):
        return step(store)


def _retrying(attempt: Callable[[], Changes], tries: int = 3) -> Changes:
    # A shared workshop's server may roll a transaction back because another client's crossed
    # it (deadlock, serialization): nothing was written, and a command is repeatable.
    for left in range(tries - 1, -1, -1):
        try:
            return attempt()
        except Exception as exc:
            if not left or not getattr(exc, "retryable", False):
                raise
    raise AssertionError("unreachable")


def _own_rows_only(store: Store):
    # A team server's store refuses an undo or redo over someone else's later edit; a
    # workshop file has one writer, so nothing to check.
    guard = getattr(store, "own_rows_only", None)
    return guard() if guard is not None else nullcontext()


class History:
    def __init__(self, store: Store):
        self.store = store
        self._undo: list[Command] = []
        self._redo: list[Command] = []
        self._listeners: list[Listener] = []
        self._merge_closed = False

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def _publish(self, changes: Changes) -> None:
        for listener in self._listeners:
            listener(changes)

    def push(self, command: Command) -> Changes:
        """Execute and record. A command that raises is not recorded and changed nothing."""
        changes = run_execute(self.store, command)
        top = self._undo[-1] if self._undo else None
        key = command.merge_key()
        mergeable = top is not None and key is not None and not self._merge_closed
        if not (mergeable and top.merge_key() == key and top.merge(command)):
            self._undo.append(command)
            if len(self._undo) > UNDO_LIMIT:
                del self._undo[0]
        self._merge_closed = False
        self._redo.clear()
        self._publish(changes)
        return changes

    def undo(self) -> Changes:
        self._merge_closed = True
        command = self._undo[-1]
        changes = run_revert(self.store, command)
        self._redo.append(self._undo.pop())
        self._publish(changes)
        return changes

    def redo(self) -> Changes:
        self._merge_closed = True
        command = self._redo[-1]
        changes = run_redo(self.store, command)
        self._undo.append(self._redo.pop())
        self._publish(changes)
        return changes

    def undo_all(self) -> None:
        while self.can_undo:
            self.undo()

    def break_merge(self) -> None:
        """The next command starts a new undo step even if it could merge (focus left a field)."""
        self._merge_closed = True

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def undo_text(self) -> str:
        return self._undo[-1].text if self._undo else ""

    @property
    def redo_text(self) -> str:
        return self._redo[-1].text if self._redo else ""

    def __len__(self) -> int:
        return len(self._undo)
