"""Casting and taking back a dot: one undo step each, never more dots than a voter has."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mot_workshop.analysis.votes import dots_used
from mot_workshop.domain.rules import RuleError
from mot_workshop.editing.command import Command
from mot_workshop.editing.entities import CreateEntity, DeleteEntity, UpdateEntity
from mot_workshop.i18n import tr

if TYPE_CHECKING:
    from mot_workshop.persistence.store import Store


def _voter(participant_id: int | None, team_id: int | None) -> dict:
    if (participant_id is None) == (team_id is None):
        raise ValueError("a vote is cast by a participant or by a team")
    return {"participant_id": participant_id} if participant_id is not None else {"team_id": team_id}


def _cast_by(vote, participant_id: int | None, team_id: int | None) -> bool:
    if participant_id is not None:
        return vote.participant_id == participant_id
    return vote.participant_id is None and vote.team_id == team_id


def cast_dot(store: Store, target_kind: str, target_id: int, *, participant_id: int | None = None,
             team_id: int | None = None) -> Command:
    """The command that adds one dot on a target for a voter (checked against their dots)."""
    voter = _voter(participant_id, team_id)
    votes = store.select("vote")
    allowed = store.workshop().dots_per_voter
    if dots_used(votes, participant_id=participant_id, team_id=team_id) >= allowed:
        raise RuleError(tr("No dots left: each voter has {count}.", count=allowed))
    mine = [v for v in votes if v.target_kind == target_kind and v.target_id == target_id
            and _cast_by(v, participant_id, team_id)]
    text = tr("Cast a dot")
    if mine:
        return UpdateEntity("vote", mine[0].id, {"dots": mine[0].dots + 1}, text=text)
    return CreateEntity("vote", {**voter, "target_kind": target_kind, "target_id": target_id, "dots": 1}, text=text)


def take_back_dot(store: Store, target_kind: str, target_id: int, *, participant_id: int | None = None,
                  team_id: int | None = None) -> Command:
    _voter(participant_id, team_id)
    mine = [v for v in store.select("vote", target_kind=target_kind, target_id=target_id)
            if _cast_by(v, participant_id, team_id)]
    if not mine:
        raise RuleError(tr("There is no dot to take back here."))
    text = tr("Take back a dot")
    if mine[0].dots > 1:
        return UpdateEntity("vote", mine[0].id, {"dots": mine[0].dots - 1}, text=text)
    return DeleteEntity("vote", mine[0].id, text=text)
