"""A phone's request as an ordinary command, named with the participant's name so the undo
history says who sent it. Built on the store's thread with the same rules as the desktop."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from mot_workshop.domain.rules import RuleError
from mot_workshop.editing.command import Command
from mot_workshop.editing.entities import CreateEntity, UpdateEntity
from mot_workshop.editing.voting import cast_dot, take_back_dot
from mot_workshop.i18n import tr
from mot_workshop.room import state
from mot_workshop.room.activity import POST, SCORE, VOTE, Activity

if TYPE_CHECKING:
    from mot_workshop.persistence.store import Store


@dataclass(frozen=True)
class Action:
    """What a phone asked for. ``voter`` is "p:ID" (a participant) or "t:ID" (a team)."""

    op: str                      # vote, unvote, score, post, join
    voter: str = ""
    name: str = ""               # the name shown in the undo history
    target_id: int | None = None
    level: int | None = None
    importance: int | None = None
    text: str = ""


def voter_args(voter: str) -> dict:
    kind, _, id = voter.partition(":")
    if kind not in ("p", "t") or not id.isdigit():
        raise RuleError(tr("Pick your name first."))
    return {"participant_id": int(id)} if kind == "p" else {"team_id": int(id)}


def voter_name(store: Store, voter: str) -> str:
    args = voter_args(voter)
    entity = store.get("participant", args["participant_id"]) if "participant_id" in args else \
        store.get("team", args["team_id"])
    if entity is None:
        raise RuleError(tr("Pick your name first."))
    return entity.name


def _named(command: Command, name: str) -> Command:
    command.text = tr("{name} (phone): {edit}", name=name, edit=command.text)
    return command


def _on_the_list(store: Store, activity: Activity, target_id: int | None) -> int:
    if target_id is None or target_id not in {item["id"] for item in state.items(store, activity)}:
        raise RuleError(tr("This is not open in the room now."))
    return target_id


def join(store: Store, name: str) -> Command:
    """A typed name becomes a participant (when the facilitator allows typed names)."""
    return _named(CreateEntity("participant", {"name": name}, text=tr("Join the room")), name)


def command_for(store: Store, activity: Activity, action: Action) -> Command:
    """The command for ``action`` under the current activity; RuleError when it may not be.
    Its text is the plain edit ("Cast a dot"); the batch it goes in adds who sent it."""
    name = voter_name(store, action.voter)
    args = voter_args(action.voter)
    if action.op in ("vote", "unvote"):
        if activity.kind != VOTE:
            raise RuleError(tr("This is not open in the room now."))
        target = _on_the_list(store, activity, action.target_id)
        make = cast_dot if action.op == "vote" else take_back_dot
        return make(store, activity.target, target, **args)
    if action.op == "score":
        if activity.kind != SCORE:
            raise RuleError(tr("This is not open in the room now."))
        target = _on_the_list(store, activity, action.target_id)
        values = {"level": action.level, "importance": action.importance}
        values = {k: v for k, v in values.items() if v is not None}
        if not values:
            raise RuleError(tr("Choose a score from 1 to 5."))
        mine = [s for s in store.select("room_score", touchpoint_id=target)
                if (s.participant_id == args.get("participant_id") if "participant_id" in args
                    else s.participant_id is None and s.voter == name)]
        text = tr("Score a touchpoint")
        if mine:
            return UpdateEntity("room_score", mine[0].id, values, text=text)
        return CreateEntity("room_score", {"touchpoint_id": target, "voter": name,
                                           "participant_id": args.get("participant_id"), **values}, text=text)
    if action.op == "post":
        if activity.kind != POST:
            raise RuleError(tr("This is not open in the room now."))
        if not action.text:
            raise RuleError(tr("Write something first."))
        if activity.target == "idea":
            target = _on_the_list(store, activity, action.target_id)
            return CreateEntity("idea", {"touchpoint_id": target, "text": action.text, "author": name},
                                text=tr("Post an idea"))
        if activity.target == "voc":
            process = activity.subject_id if activity.subject_id and store.get("process", activity.subject_id) \
                else None
            return CreateEntity("voc", {"process_id": process, "requirement": action.text, "interviewer": name},
                                text=tr("Post a VOC note"))
        return CreateEntity("note", {"text": action.text, "author": name}, text=tr("Park a note"))
    raise RuleError(tr("This is not open in the room now."))
