"""Display names of entity kinds and of enum values, as English source strings for ``tr``."""

from __future__ import annotations

from enum import Enum

from mot_workshop.i18n import tr

KIND_NAMES = {
    "workshop": "workshop", "team": "team", "participant": "participant", "process": "process",
    "cycle": "MOT cycle", "touchpoint": "touchpoint", "process_map": "process map",
    "lane": "lane", "phase": "phase", "step": "step", "flow": "flow", "voc": "VOC entry",
    "output_analysis": "output analysis row", "benchmark": "benchmark row",
    "obstacle": "obstacle", "target": "target", "key_indicator": "key indicator",
    "action": "action", "vote": "vote", "note": "parking-lot note", "step_progress": "step progress",
}

ENUM_NAMES = {
    "HARD": "Hardware", "SOFT": "Software", "HUMAN": "Human",
    "Q": "Quality", "C": "Cost", "D": "Delivery", "S": "Service",
    "as-is": "As-Is", "to-be": "To-Be", "redesign": "Redesign",
    "customer": "Customer", "contact": "Contact employee", "department": "Department",
    "system": "Computer system", "other": "Other",
    "start-end": "Start / end", "activity": "Activity", "decision": "Decision",
    "computer": "Computer processing", "connector": "Connection within the process",
    "other-process": "Another process",
    "VA": "Value-adding", "BVA": "Business value-adding", "NVA": "Non-value-adding",
    "core": "Core", "support": "Support",
    "voc-topic": "Topics with much VOC", "mot-dispute": "MOT topics with many disputes",
    "internal": "Internal-customer support",
    "inquiry": "Inquiry", "complaint": "Complaint", "protest": "Protest", "claim": "Claim",
    "suggestion": "Suggestion",
    "inbound": "Inbound (pull)", "outbound": "Outbound (push)",
    "interview": "Personal interview", "mail": "Mail", "phone": "Phone", "online": "Online",
    "depth-interview": "Depth interview", "focus-group": "Focus group",
    "observation": "Observation", "mystery-shopping": "Mystery shopping",
    "quantitative": "Quantitative", "qualitative": "Qualitative",
    "not-started": "Not started", "in-progress": "In progress", "done": "Done",
    "process": "Process", "step": "Step", "touchpoint": "Touchpoint",
    "ko": "Korean", "en": "English",
}


def kind_name(kind: str, lang: str | None = None) -> str:
    return tr(KIND_NAMES.get(kind, kind), lang=lang)


def enum_name(value: Enum | str, lang: str | None = None) -> str:
    raw = value.value if isinstance(value, Enum) else value
    return tr(ENUM_NAMES.get(raw, raw), lang=lang)
