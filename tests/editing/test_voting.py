"""Dot voting: one dot per command, undoable, saved, and never beyond a voter's dots."""

from __future__ import annotations

import pytest

from mot_workshop.analysis.votes import dots_used, tally
from mot_workshop.domain.rules import RuleError
from mot_workshop.editing.entities import UpdateEntity
from mot_workshop.editing.voting import cast_dot, take_back_dot
from mot_workshop.persistence.store import Store
from tests.world import build_world


@pytest.fixture
def world(history):
    return build_world(history)


def test_casting_adds_dots_and_undo_takes_them_back(history, store, world, backend):
    proc, member = world.id("process"), world.id("participant")
    history.push(cast_dot(store, "process", proc, participant_id=member))
    history.push(cast_dot(store, "process", proc, participant_id=member))
    assert tally(store.select("vote"), "process")[proc] == 2
    history.undo()
    assert tally(store.select("vote"), "process")[proc] == 1
    history.redo()
    store.close()
    with backend.reopen() as reopened:
        assert tally(reopened.select("vote"), "process")[proc] == 2


def test_a_voter_cannot_exceed_their_dots(history, store, world):
    history.push(UpdateEntity("workshop", 1, {"dots_per_voter": 3}))
    member = world.id("participant")          # already has 2 + 1 dots in the world
    assert dots_used(store.select("vote"), participant_id=member) == 3
    with pytest.raises(RuleError, match="No dots left"):
        cast_dot(store, "process", world.id("process"), participant_id=member)


def test_team_votes_count_for_the_team(history, store, world):
    team = world.id("team")
    before = dots_used(store.select("vote"), team_id=team)
    history.push(cast_dot(store, "touchpoint", world.id("touchpoint"), team_id=team))
    assert dots_used(store.select("vote"), team_id=team) == before + 1


def test_taking_back_the_last_dot_removes_the_vote(history, store, world):
    member, other = world.id("participant"), world.id("process", 1)
    history.push(take_back_dot(store, "process", other, participant_id=member))
    assert tally(store.select("vote"), "process")[other] == 1
    history.push(take_back_dot(store, "process", other, participant_id=member))
    assert other not in tally(store.select("vote"), "process")
    with pytest.raises(RuleError):
        take_back_dot(store, "process", other, participant_id=member)
    history.undo()
    assert tally(store.select("vote"), "process")[other] == 1
