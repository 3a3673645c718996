"""The foundation's commands on Qt's QUndoStack.

``Undoer.push`` executes a command in its own transaction first; a command that fails shows
its message and never enters the stack. The adapter then calls ``run_revert`` /
``run_execute`` on undo and redo, merges consecutive mergeable commands through the
command's ``merge_key`` / ``merge``, and publishes every ``Changes`` on the change bus.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from PySide6.QtGui import QUndoCommand, QUndoStack

from mot_workshop.editing.changes import Changes
from mot_workshop.editing.command import Command
from mot_workshop.editing.history import run_execute, run_redo, run_revert
from mot_workshop.i18n import tr

_MERGE_IDS: dict[Hashable, int] = {}


def merge_id(key: Hashable | None) -> int:
    """A stable small integer per merge key (Qt merges commands with equal ids)."""
    if key is None:
        return -1
    return _MERGE_IDS.setdefault(key, len(_MERGE_IDS) + 1)


class CommandAdapter(QUndoCommand):
    def __init__(self, undoer: Undoer, command: Command, *, merge_open: bool):
        super().__init__(command.text)
        self.undoer = undoer
        self.command = command
        self._executed = True     # push() executed it already; Qt's first redo() is a no-op
        self._skip_undo = False   # a failed redo is stepped back over without running undo
        self._id = merge_id(command.merge_key()) if merge_open else -1

    def id(self) -> int:
        return self._id

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, CommandAdapter) or other.command.merge_key() != self.command.merge_key():
            return False
        if self.command.merge_key() is None or not self.command.merge(other.command):
            return False
        self.setText(self.command.text)
        return True

    def redo(self) -> None:
        if self._executed:
            self._executed = False
            return
        if not self.undoer.run(self, run_redo, tr("The change could not be redone.")):
            # The file is as it was (the transaction rolled back): step the stack back too,
            # so the step stays where it was and can be tried again.
            self._skip_undo = True
            self.undoer.step_back(redo=False)

    def undo(self) -> None:
        if self._skip_undo:
            self._skip_undo = False
            return
        if not self.undoer.run(self, run_revert, tr("The change could not be undone.")):
            self._executed = True        # the step is still done: Qt's stepping forward again is a no-op
            self.undoer.step_back(redo=True)


class Undoer:
    """The UI's command runner: one QUndoStack, one store, one change bus."""

    def __init__(self, stack: QUndoStack, store_getter: Callable[[], object], publish: Callable[[Changes], None],
                 report: Callable[[str, Exception], None]):
        self.stack = stack
        self._store = store_getter
        self._publish = publish
        self.report = report
        self._merge_open = True
        stack.indexChanged.connect(self._index_changed)
        self._pushing = False

    def push(self, command: Command) -> Changes | None:
        """Execute and record; on failure show the message and return None."""
        try:
            changes = run_execute(self._store(), command)
        except Exception as exc:  # noqa: BLE001 - every failure is shown, none enters the stack
            from mot_workshop.editing.linked import ImportCancelled

            if not isinstance(exc, ImportCancelled):      # the user asked for it: no error dialog
                self.report(tr("The change was not made."), exc)
            return None
        self._pushing = True
        try:
            self.stack.push(CommandAdapter(self, command, merge_open=self._merge_open))
        finally:
            self._pushing = False
        self._merge_open = True
        self._publish(changes)
        return changes

    def break_merge(self) -> None:
        """The next command starts a new undo step (the user left the field)."""
        self._merge_open = False

    def _index_changed(self, _index: int) -> None:
        if not self._pushing:          # undo / redo: typing after it is a new step
            self._merge_open = False

    def run(self, adapter: CommandAdapter, runner, failure: str) -> bool:
        """Undo or redo one step; on failure (a transient I/O error, a locked disk) report it
        and return False: the file is as it was, and the step stays on the stack to retry."""
        try:
            changes = runner(self._store(), adapter.command)
        except Exception as exc:  # noqa: BLE001
            self.report(failure, exc)
            return False
        self._publish(changes)
        return True

    def step_back(self, *, redo: bool) -> None:
        """Undo the stack's move over a step that failed (after Qt finished that move)."""
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, self.stack.redo if redo else self.stack.undo)
