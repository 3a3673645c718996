"""The command protocol, and the macro that makes several commands one undo step."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import TYPE_CHECKING

from mot_workshop.editing.changes import NO_CHANGES, Changes

if TYPE_CHECKING:
    from mot_workshop.persistence.store import Store


class Command:
    """An edit holding ids and values only, never live objects.

    ``execute`` and ``revert`` run inside one store transaction (opened by the history),
    return what they touched, and must be repeatable: redo calls ``execute`` again and
    must recreate exactly what the first execute made, ids included.
    """

    text: str = ""

    def execute(self, store: Store) -> Changes:
        raise NotImplementedError

    def revert(self, store: Store) -> Changes:
        raise NotImplementedError

    def merge_key(self) -> Hashable | None:
        """Consecutive commands with the same key may merge into one undo step."""
        return None

    def merge(self, newer: Command) -> bool:
        """Absorb ``newer`` (already executed); return False to keep both steps."""
        return False


class Macro(Command):
    """Several commands as one step: executed in order, reverted in reverse, one transaction."""

    def __init__(self, text: str, commands: Sequence[Command]):
        self.text = text
        self.commands = list(commands)

    def execute(self, store: Store) -> Changes:
        changes = NO_CHANGES
        for command in self.commands:
            changes = changes | command.execute(store)
        return changes

    def revert(self, store: Store) -> Changes:
        changes = NO_CHANGES
        for command in reversed(self.commands):
            changes = changes | command.revert(store)
        return changes
