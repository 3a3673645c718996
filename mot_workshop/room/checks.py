"""The domain's rules for a run of phone edits, checked before any is saved: budgets are
counted as the edits go (the file does not change until the batch is saved), targets must
be open in the room now, scores need a value, posts need text."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from mot_workshop.domain.rules import RuleError
from mot_workshop.i18n import tr
from mot_workshop.room import actions, state
from mot_workshop.room.activity import POST, SCORE, VOTE, Activity

if TYPE_CHECKING:
    from mot_workshop.persistence.store import Store

EDITS = ("vote", "unvote", "score", "post")
OPS_OF = {VOTE: ("vote", "unvote"), SCORE: ("score",), POST: ("post",)}


def _voter_of(vote) -> str:
    return f"p:{vote.participant_id}" if vote.participant_id is not None else f"t:{vote.team_id}"


class Checker:
    def __init__(self, store: Store, activity: Activity):
        self.store = store
        self.activity = activity
        self.open_ids = {item["id"] for item in state.items(store, activity)}
        self.budget = store.workshop().dots_per_voter
        self.used: Counter[str] = Counter()
        self.mine: Counter[tuple[str, int]] = Counter()
        self.names: dict[str, str] = {}
        if activity.kind == VOTE:
            for vote in store.select("vote"):
                self.used[_voter_of(vote)] += vote.dots
                if vote.target_kind == activity.target:
                    self.mine[_voter_of(vote), vote.target_id] += vote.dots

    def check(self, action: actions.Action) -> dict | None:
        """None when ``action`` may be saved (and counted as saved); else the refusal."""
        try:
            if action.voter not in self.names:
                self.names[action.voter] = actions.voter_name(self.store, action.voter)
        except RuleError as exc:
            return {"ok": False, "code": "pick-name", "error": str(exc)}
        if action.op not in OPS_OF.get(self.activity.kind, ()):
            return {"ok": False, "code": "not-open", "error": tr("This is not open in the room now.")}
        needs_target = action.op != "post" or self.activity.target == "idea"
        if needs_target and action.target_id not in self.open_ids:
            return {"ok": False, "code": "not-open", "error": tr("This is not open in the room now.")}
        key = (action.voter, action.target_id)
        if action.op == "vote":
            if self.used[action.voter] >= self.budget:
                return {"ok": False, "code": "no-dots", "error": tr("No dots left.")}
            self.used[action.voter] += 1
            self.mine[key] += 1
        elif action.op == "unvote":
            if self.mine[key] <= 0:
                return {"ok": False, "code": "refused", "error": tr("There is no dot to take back here.")}
            self.used[action.voter] -= 1
            self.mine[key] -= 1
        elif action.op == "score" and action.level is None and action.importance is None:
            return {"ok": False, "code": "refused", "error": tr("Choose a score from 1 to 5.")}
        elif action.op == "post" and not action.text:
            return {"ok": False, "code": "refused", "error": tr("Write something first.")}
        return None
