"""Display names of entity kinds and of enum values, as English source strings for ``tr``."""

from __future__ import annotations

from enum import Enum

from mot_workshop.i18n import Phrase, tr

KIND_NAMES = {
    "workshop": "workshop", "team": "team", "participant": "participant", "process": "process",
    "cycle": "MOT cycle", "touchpoint": "touchpoint", "process_map": "process map",
    "lane": "lane", "phase": "phase", "step": "step", "flow": "flow", "voc": "VOC entry",
    "output_analysis": "output analysis row", "benchmark": "benchmark row",
    "obstacle": "obstacle", "target": "target", "key_indicator": "key indicator",
    "action": "action", "vote": "vote", "note": "parking-lot note", "step_progress": "step progress",
    "cs_check": "CS check-point", "asis_answer": "As-Is question answer", "qcds_score": "Q/C/D/S benchmark score",
    "viewpoint_aspect": "discussion aspect", "interview": "interview",
    "room_score": "room score", "idea": "idea",
    "merge_link": "merge record",
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
    "parallel": "Parallel (AND)", "inclusive": "Inclusive (OR)", "event-based": "Event-based",
    "complex": "Complex", "timer": "Timer", "message": "Message", "signal": "Signal", "error": "Error",
    "escalation": "Escalation", "conditional": "Conditional", "link": "Link", "compensation": "Compensation",
    "cancel": "Cancel", "terminate": "Terminate", "multiple": "Multiple", "parallel-multiple": "Parallel multiple",
    "throw": "Throwing (sends)", "boundary": "Boundary, interrupting",
    "boundary-non-interrupting": "Boundary, non-interrupting",
}


def kind_name(kind: str, lang: str | None = None) -> str:
    if lang is None:        # in the current language, and again after a switch (undo texts)
        return Phrase(KIND_NAMES.get(kind, kind))
    return tr(KIND_NAMES.get(kind, kind), lang=lang)


def enum_name(value: Enum | str, lang: str | None = None) -> str:
    raw = value.value if isinstance(value, Enum) else value
    return tr(ENUM_NAMES.get(raw, raw), lang=lang)

def marker_text(marker, role=None, lang: str | None = None) -> str:
    """A step's kept BPMN type in words: "BPMN: Timer, boundary, interrupting"."""
    if marker is None:
        return ""
    words = enum_name(marker, lang)
    if role is not None:
        words = tr("{marker}, {role}", lang, marker=words, role=enum_name(role, lang).lower())
    return tr("BPMN: {kind}", lang, kind=words)


# Field names as a user reads them (forms, table headers, error messages).
FIELD_NAMES = {
    "title": "Title", "organisation": "Organisation", "facilitator": "Facilitator", "held_on": "Date",
    "place": "Place", "language": "Language", "benchmark_a": "Company A", "benchmark_b": "Company B",
    "dots_per_voter": "Dots per voter", "notes": "Notes", "seq": "Order", "name": "Name",
    "colour": "Colour", "team_id": "Team", "role": "Role", "mission": "Mission",
    "start_point": "Start", "end_point": "End", "major": "Major process", "medium": "Medium process",
    "viewpoint": "Viewpoint", "aspects": "Aspects", "innovation": "Innovation effect",
    "feasibility": "Feasibility", "selected": "Selected", "process_id": "Process", "kind": "Kind",
    "derived_from_id": "Derived from", "map_id": "Map", "width": "Width", "lane_id": "Lane",
    "phase_id": "Phase", "shape": "Shape", "label": "Label", "x": "X", "y": "Y",
    "duration": "Duration (min)", "wait": "Waiting time (min)", "value_class": "Value class",
    "output": "Output", "measure": "Measure", "problems": "Problems", "is_mot": "Moment of truth",
    "marker": "BPMN type", "event_role": "Event role",
    "touchpoint_id": "Touchpoint", "linked_process_id": "Linked process", "source_id": "From",
    "target_id": "To", "condition": "Condition", "parent_id": "Parent cycle", "description": "Description",
    "cycle_id": "Cycle", "element": "Element", "expectation": "Customer expectation",
    "level": "Experienced level", "importance": "Importance", "improvement": "Improvement idea",
    "owner": "Owner", "critical": "Critical moment", "target_customer": "Target customer",
    "interviewee": "Interviewee", "interviewer": "Interviewer", "held_at": "Date and time",
    "method": "Method", "voc_type": "VOC type", "direction": "Direction", "requirement": "Key requirement",
    "characteristic": "Characteristic", "indicator": "Related indicator (CSI)",
    "expected_level": "Expected level", "current_level": "Current level", "target_level": "Target level",
    "priority": "Top priority", "problem": "Problem", "major_process": "Major process",
    "medium_process": "Medium process", "page_no": "Page no.", "unit": "Unit",
    "higher_is_better": "Higher is better", "us": "Us", "company_a": "Company A",
    "company_b": "Company B", "top": "TOP", "size_class": "B/M/I", "design_or_execution": "D/E",
    "nature": "Nature of the problem", "gap_cause": "Cause of the gap", "ideas": "Ideas and cases",
    "current_features": "Current features", "tobe_features": "To-Be features", "obstacle": "Obstacle",
    "solution": "Solution", "source_step_id": "As-Is step", "current": "Current level",
    "competitor": "Competitor level", "required_level": "Customer-required level", "target": "Target level",
    "definition": "Definition", "due": "Due date", "done": "Done", "participant_id": "Participant",
    "target_kind": "Voted on", "dots": "Dots", "text": "Text", "author": "Author",
    "wizard_step": "Step", "step_no": "Step", "status": "Status", "seconds_spent": "Time spent (s)",
    "objectives": "Objectives", "point": "Check-point", "ticked": "Applied", "note": "Note",
    "question": "Question", "answer": "Answer", "aspect": "Aspect", "discussion": "Discussion",
    "core_processes": "Core processes", "interview_id": "Interview",
}


def field_name(name: str, lang: str | None = None) -> str:
    if lang is None:
        return Phrase(FIELD_NAMES.get(name, name.replace("_", " ").capitalize()))
    return tr(FIELD_NAMES.get(name, name.replace("_", " ").capitalize()), lang=lang)
