"""The room's results as lines for the projector: dots per item, the room's scores beside
the team's with their spread, or the posts. Plain text only (shown without markup)."""

from __future__ import annotations

from dataclasses import dataclass

from mot_workshop.i18n import tr
from mot_workshop.ui.facilitation.voting import dots_badge


@dataclass(frozen=True)
class Line:
    text: str
    kind: str | None = None       # the entity a post is, for removing it
    id: int | None = None


def _measure(spread: dict | None) -> str:
    if not spread or not spread.get("n"):
        return "–"
    return f"{spread['mean']:.1f} ± {spread['sd']:.1f}"


def result_lines(state: dict, *, compact: bool = False) -> list[Line]:
    """``compact``: a count instead of a row of dots (the overlay is narrow)."""
    activity = state.get("activity", {})
    kind = activity.get("kind")
    items = state.get("items", [])
    if kind == "vote":
        ranked = sorted(items, key=lambda i: -i.get("dots", 0))
        if compact:
            return [Line(f"{i.get('dots', 0)} · {i['label']}") for i in ranked]
        return [Line(f"{dots_badge(i.get('dots', 0)) or '·'}   {i['label']}") for i in ranked]
    if kind == "score":
        out = []
        for item in items:
            room, team = item.get("room") or {}, item.get("team") or {}
            count = (room.get("level") or {}).get("n", 0)
            out.append(Line(tr("{label} — room: level {level}, importance {importance} (n={count}); "
                               "team: {team_level} / {team_importance}",
                               label=item["label"], level=_measure(room.get("level")),
                               importance=_measure(room.get("importance")), count=count,
                               team_level=team.get("level") or "–", team_importance=team.get("importance") or "–")))
        return out
    if kind == "post":
        target = activity.get("target")
        if target == "idea":
            return [Line(f"{item['label']}: {post['text']}" + (f" — {post['author']}" if post["author"] else ""),
                         "idea", post["id"]) for item in items for post in item.get("posts", [])]
        entity = "voc" if target == "voc" else "note"
        return [Line(post["text"] + (f" — {post['author']}" if post["author"] else ""), entity, post["id"])
                for post in state.get("posts", [])]
    return []


def progress(state: dict) -> str:
    """What the room has sent so far, without giving the results away."""
    kind = state.get("activity", {}).get("kind")
    items = state.get("items", [])
    if kind == "vote":
        return tr("{count} dots cast", count=sum(i.get("dots", 0) for i in items))
    if kind == "score":
        return tr("{count} scores given", count=sum(((i.get("room") or {}).get("level") or {}).get("n", 0)
                                                 for i in items))
    if kind == "post":
        return tr("{count} posts", count=len(result_lines(state)))
    return ""
