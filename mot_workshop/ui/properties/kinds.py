"""Which fields each kind's form shows, in what order, with which editor and label.

Labels are English source strings for ``tr``. Kinds not listed get every field in
declaration order (plain editors by type), so new kinds are editable from day one.
"""

from __future__ import annotations

from dataclasses import dataclass

from mot_workshop.domain.base import field_infos
from mot_workshop.domain.registry import entity_class
from mot_workshop.i18n.labels import FIELD_NAMES

LEVEL_NAMES = {1: "Very dissatisfied", 2: "Dissatisfied", 3: "Neutral", 4: "Satisfied", 5: "Very satisfied"}
SCALE_NAMES = {1: "Very low", 2: "Low", 3: "Medium", 4: "High", 5: "Very high"}


@dataclass(frozen=True)
class Spec:
    name: str
    label: str
    editor: str          # text | long | score | level | choice | ref | bool | order | number | colour
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
        Spec("colour", "Colour", "colour"),
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
    # the swimlane map: labels are the shared field names (i18n.labels.FIELD_NAMES)
    "step": (
        Spec("label", FIELD_NAMES["label"], "text"),
        Spec("shape", FIELD_NAMES["shape"], "choice", multi=True),
        Spec("is_mot", FIELD_NAMES["is_mot"], "bool", multi=True),
        Spec("lane_id", FIELD_NAMES["lane_id"], "ref", multi=True),
        Spec("phase_id", FIELD_NAMES["phase_id"], "ref", multi=True),
        Spec("duration", FIELD_NAMES["duration"], "number", multi=True),
        Spec("wait", FIELD_NAMES["wait"], "number", multi=True),
        Spec("value_class", FIELD_NAMES["value_class"], "choice", multi=True),
        Spec("marker", FIELD_NAMES["marker"], "choice", multi=True),
        Spec("event_role", FIELD_NAMES["event_role"], "choice", multi=True),
        Spec("output", FIELD_NAMES["output"], "long"),
        Spec("measure", FIELD_NAMES["measure"], "long"),
        Spec("problems", FIELD_NAMES["problems"], "long"),
        Spec("touchpoint_id", FIELD_NAMES["touchpoint_id"], "ref"),
        Spec("linked_process_id", FIELD_NAMES["linked_process_id"], "ref"),
    ),
    "lane": (
        Spec("seq", FIELD_NAMES["seq"], "order"),
        Spec("name", FIELD_NAMES["name"], "text"),
        Spec("kind", FIELD_NAMES["kind"], "choice", multi=True),
    ),
    "phase": (
        Spec("seq", FIELD_NAMES["seq"], "order"),
        Spec("name", FIELD_NAMES["name"], "text"),
        Spec("width", FIELD_NAMES["width"], "number", multi=True),
    ),
    "flow": (
        Spec("label", FIELD_NAMES["label"], "text"),
        Spec("condition", FIELD_NAMES["condition"], "text"),
        Spec("source_id", FIELD_NAMES["source_id"], "ref"),
        Spec("target_id", FIELD_NAMES["target_id"], "ref"),
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
