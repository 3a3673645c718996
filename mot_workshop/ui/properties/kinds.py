"""Which fields each kind's form shows, in what order, with which editor and label.

Labels are English source strings for ``tr``. Kinds not listed get every field in
declaration order (plain editors by type), so new kinds are editable from day one.
"""

from __future__ import annotations

from dataclasses import dataclass

from mot_workshop.domain.base import field_infos
from mot_workshop.domain.registry import entity_class

LEVEL_NAMES = {1: "Very dissatisfied", 2: "Dissatisfied", 3: "Neutral", 4: "Satisfied", 5: "Very satisfied"}
SCALE_NAMES = {1: "Very low", 2: "Low", 3: "Medium", 4: "High", 5: "Very high"}


@dataclass(frozen=True)
class Spec:
    name: str
    label: str
    editor: str          # text | long | score | level | choice | ref | bool | order | number
    multi: bool = False  # editable for several selected entities at once
    hint: str = ""


SPECS: dict[str, tuple[Spec, ...]] = {
    "touchpoint": (
        Spec("seq", "Order", "order"),
        Spec("name", "Name (customer action)", "text", hint="e.g. Takes a parking ticket"),
        Spec("element", "Element", "choice", multi=True),
        Spec("level", "Experienced level", "level", multi=True),
        Spec("importance", "Importance", "score", multi=True),
        Spec("critical", "Critical moment", "bool", multi=True),
        Spec("expectation", "Customer's expectation", "long"),
        Spec("problems", "Problems seen", "long"),
        Spec("improvement", "Improvement idea", "long"),
        Spec("owner", "Owner (team)", "text", multi=True),
        Spec("cycle_id", "Cycle", "ref", multi=True),
    ),
    "cycle": (
        Spec("name", "Name", "text"),
        Spec("description", "Description", "long"),
        Spec("parent_id", "Part of cycle", "ref"),
        Spec("team_id", "Team", "ref"),
        Spec("process_id", "Process", "ref"),
    ),
    "workshop": (
        Spec("title", "Title", "text"),
        Spec("organisation", "Organisation", "text"),
        Spec("facilitator", "Facilitator", "text"),
        Spec("held_on", "Date", "text", hint="YYYY-MM-DD"),
        Spec("place", "Place", "text"),
        Spec("language", "Language of the content", "choice"),
        Spec("benchmark_a", "Benchmark company A", "text"),
        Spec("benchmark_b", "Benchmark company B", "text"),
        Spec("dots_per_voter", "Dots per voter", "number"),
        Spec("notes", "Notes", "long"),
    ),
    "team": (
        Spec("name", "Name", "text"),
        Spec("colour", "Colour", "text", hint="#RRGGBB"),
    ),
    "participant": (
        Spec("name", "Name", "text"),
        Spec("role", "Role", "text"),
        Spec("team_id", "Team", "ref"),
    ),
    "process": (
        Spec("name", "Name (noun + verb)", "text", hint="e.g. Exchange defective goods"),
        Spec("mission", "Mission", "long"),
        Spec("start_point", "Starts when", "text"),
        Spec("end_point", "Ends when", "text"),
        Spec("major", "Major process", "text"),
        Spec("medium", "Medium process", "text"),
        Spec("role", "Role", "choice"),
        Spec("viewpoint", "Discussion viewpoint", "choice"),
        Spec("aspects", "Aspects", "text"),
        Spec("innovation", "Innovation effect", "score"),
        Spec("feasibility", "Feasibility", "score"),
        Spec("selected", "Selected as a core process", "bool"),
        Spec("team_id", "Team", "ref"),
    ),
    "process_map": (
        Spec("title", "Title", "text"),
        Spec("notes", "Notes", "long"),
    ),
}

HIDDEN = {"id", "seq", "map_id", "derived_from_id"}


def specs_for(kind: str) -> tuple[Spec, ...]:
    if kind in SPECS:
        return SPECS[kind]
    out = []
    for info in field_infos(entity_class(kind)):
        if info.name in HIDDEN:
            continue
        label = info.name.replace("_", " ").capitalize()
        if info.ref is not None:
            editor = "ref"
        elif info.is_enum:
            editor = "choice"
        elif info.type is bool:
            editor = "bool"
        elif info.range == (1, 5):
            editor = "score"
        elif info.type in (int, float):
            editor = "number"
        elif info.max_len is not None and info.max_len > 500:
            editor = "long"
        else:
            editor = "text"
        out.append(Spec(info.name, label, editor))
    return tuple(out)
