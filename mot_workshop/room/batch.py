"""The phones' edits that arrived together, as one command: one transaction (so a full room
voting at once costs one write to disk, not fifty) and one undo step that names them.

Each edit inside is still the ordinary command the desktop would make, built against the
file as it is at that moment (so two dots from one phone count twice), and replayed as built
on redo. The host checks budgets and targets before it makes the batch, so nothing inside
is refused; if anything fails all the same, the whole batch rolls back and the host applies
the edits one by one instead.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from mot_workshop.editing.changes import NO_CHANGES, Changes
from mot_workshop.editing.command import Command
from mot_workshop.i18n import tr

if TYPE_CHECKING:
    from mot_workshop.persistence.store import Store

Builder = Callable[["Store"], Command]


def names_text(names: Sequence[str]) -> str:
    unique = list(dict.fromkeys(names))
    if len(unique) <= 3:
        return ", ".join(unique)
    return tr("{names} and {count} more", names=", ".join(unique[:3]), count=len(unique) - 3)


class RoomBatch(Command):
    def __init__(self, builders: Sequence[tuple[str, Builder]]):
        self.builders = list(builders)            # (participant's name, how to build the edit)
        self.commands: list[Command] | None = None
        self.text = ""

    def execute(self, store: Store) -> Changes:
        changes = NO_CHANGES
        if self.commands is None:                 # first time: build each against the file as it is
            built = []
            for _name, build in self.builders:
                command = build(store)
                changes = changes | command.execute(store)
                built.append(command)
            self.commands = built
            self.text = self._text()
            return changes
        for command in self.commands:
            changes = changes | command.execute(store)
        return changes

    def revert(self, store: Store) -> Changes:
        changes = NO_CHANGES
        for command in reversed(self.commands or []):
            changes = changes | command.revert(store)
        return changes

    def _text(self) -> str:
        names = [name for name, _ in self.builders]
        edits = list(dict.fromkeys(command.text for command in self.commands))
        if len(self.commands) == 1:
            return tr("{name} (phone): {edit}", name=names[0], edit=edits[0])
        return tr("{names} (phones): {edits}", names=names_text(names),
                  edits=" · ".join(edits) + f" ×{len(self.commands)}")
