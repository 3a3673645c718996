"""Dots from a run of phone edits, as the desktop's vote commands, without reading every
vote again for each dot: the run's votes are read once and followed as its commands go."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mot_workshop.editing.command import Command
from mot_workshop.editing.entities import CreateEntity, DeleteEntity, UpdateEntity
from mot_workshop.i18n import tr
from mot_workshop.room.actions import voter_args

if TYPE_CHECKING:
    from mot_workshop.persistence.store import Store


def _voter_of(vote) -> str:
    return f"p:{vote.participant_id}" if vote.participant_id is not None else f"t:{vote.team_id}"


class VoteRows:
    """(voter, target) -> [vote id, dots] for one target kind, kept in step with the batch."""

    def __init__(self, target_kind: str):
        self.target_kind = target_kind
        self.rows: dict[tuple[str, int], list] | None = None

    def _load(self, store: Store) -> dict:
        if self.rows is None:
            self.rows = {(_voter_of(v), v.target_id): [v.id, v.dots]
                         for v in store.select("vote", target_kind=self.target_kind)}
        return self.rows

    def command(self, store: Store, voter: str, target_id: int, add: bool) -> Command:
        """What cast_dot / take_back_dot would make (the budget was checked before the batch)."""
        rows = self._load(store)
        row = rows.get((voter, target_id))
        if add:
            text = tr("Cast a dot")
            if row is None:
                command = _Tracked(CreateEntity("vote", {**voter_args(voter), "target_kind": self.target_kind,
                                                         "target_id": target_id, "dots": 1}, text=text),
                                   rows, (voter, target_id))
                return command
            row[1] += 1
            return UpdateEntity("vote", row[0], {"dots": row[1]}, text=text)
        text = tr("Take back a dot")
        if row[1] > 1:
            row[1] -= 1
            return UpdateEntity("vote", row[0], {"dots": row[1]}, text=text)
        del rows[(voter, target_id)]
        return DeleteEntity("vote", row[0], text=text)


class _Tracked(Command):
    """A created vote whose id the rows learn once it exists."""

    def __init__(self, inner: CreateEntity, rows: dict, key: tuple[str, int]):
        self.inner, self.rows, self.key = inner, rows, key
        self.text = inner.text

    def execute(self, store):
        changes = self.inner.execute(store)
        self.rows[self.key] = [self.inner.id, 1]
        return changes

    def revert(self, store):
        return self.inner.revert(store)
