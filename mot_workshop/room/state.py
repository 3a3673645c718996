"""What the room looks like now, as plain data: read from the store on the store's own
thread after every batch of edits, then served to phones and the projector as it is."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mot_workshop.analysis.room_scores import room_scores
from mot_workshop.analysis.votes import tally
from mot_workshop.domain.enums import MapKind
from mot_workshop.room.activity import POST, SCORE, VOTE, Activity

if TYPE_CHECKING:
    from mot_workshop.persistence.store import Store


def default_cycle(store: Store) -> int | None:
    cycles = [c for c in store.select("cycle") if c.parent_id is None] or store.select("cycle")
    return cycles[0].id if cycles else None


def subject_name(store: Store, activity: Activity) -> str:
    if activity.subject_id is None:
        return ""
    kind = "cycle" if activity.needs_cycle else "process"
    entity = store.get(kind, activity.subject_id)
    return entity.name if entity is not None else ""


def items(store: Store, activity: Activity) -> list[dict]:
    """The things phones act on now: [{"id", "label", "detail"}]."""
    if activity.needs_cycle:
        cycle = activity.subject_id if activity.subject_id is not None else default_cycle(store)
        return [{"id": t.id, "label": f"{n}. {t.name}", "detail": t.expectation}
                for n, t in enumerate(store.select("touchpoint", cycle_id=cycle), 1)] if cycle else []
    if activity.kind == VOTE and activity.target == "process":
        return [{"id": p.id, "label": p.name, "detail": " / ".join(x for x in (p.major, p.medium) if x)}
                for p in store.select("process")]
    if activity.kind == VOTE and activity.target == "step":
        maps = [m for m in store.select("process_map", kind=MapKind.AS_IS.value)
                if activity.subject_id is None or m.process_id == activity.subject_id]
        return [{"id": s.id, "label": s.label or "—", "detail": s.problems.strip()}
                for m in maps for s in store.select("step", map_id=m.id) if s.problems.strip()]
    return []


def voters(store: Store) -> list[dict]:
    """Who can be picked on a phone: teams (voting as one) and participants."""
    out = []
    teams = {t.id: t.name for t in store.select("team")}
    for team_id, name in teams.items():
        out.append({"key": f"t:{team_id}", "name": name, "team": ""})
    for person in store.select("participant"):
        out.append({"key": f"p:{person.id}", "name": person.name, "team": teams.get(person.team_id, "")})
    return out


def build(store: Store, activity: Activity, *, code: str, typed_names: bool) -> dict:
    workshop = store.workshop()
    listed = items(store, activity)
    votes = store.select("vote")
    people = voters(store)
    used = dict.fromkeys((voter["key"] for voter in people), 0)
    for vote in votes:                          # dots_used for every voter in one pass
        key = f"p:{vote.participant_id}" if vote.participant_id is not None else f"t:{vote.team_id}"
        if key in used:
            used[key] += vote.dots
    if activity.kind == VOTE:
        counts = tally(votes, activity.target)
        for item in listed:
            item["dots"] = counts.get(item["id"], 0)
    if activity.kind == SCORE:
        ids = {item["id"] for item in listed}
        summary = room_scores(s for s in store.select("room_score") if s.touchpoint_id in ids)
        for item in listed:
            tp = store.get("touchpoint", item["id"])
            room = summary.get(item["id"])
            item["team"] = {"level": tp.level, "importance": tp.importance}
            item["room"] = {k: v.as_dict() for k, v in room.items()} if room else None
    if activity.kind == POST and activity.target == "idea":
        for item in listed:
            item["posts"] = [{"id": i.id, "text": i.text, "author": i.author}
                             for i in store.select("idea", touchpoint_id=item["id"])]
    posts = []
    if activity.kind == POST and activity.target == "voc":
        posts = [{"id": v.id, "text": v.requirement, "author": v.interviewer}
                 for v in store.select("voc") if activity.subject_id is None or v.process_id == activity.subject_id]
    if activity.kind == POST and activity.target == "note":
        posts = [{"id": n.id, "text": n.text, "author": n.author} for n in store.select("note")]
    return {
        "title": workshop.title, "lang": str(workshop.language), "code": code,
        "activity": {**activity.as_dict(), "subject": subject_name(store, activity)},
        "budget": workshop.dots_per_voter, "used": used, "voters": people,
        "typed_names": typed_names, "items": listed, "posts": posts,
    }
