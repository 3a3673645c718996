"""Undo history texts that name the thing changed: "Level of 'Pay the fee': 2 → 4". They are
Phrases, so the history reads in the new language after a switch."""

from __future__ import annotations

from mot_workshop.i18n import Phrase
from mot_workshop.i18n.labels import FIELD_NAMES, KIND_NAMES

SHORT = 32


def entity_label(entity) -> str:
    for name in ("name", "label", "title", "requirement", "measure", "output", "obstacle", "text"):
        value = getattr(entity, name, None)
        if isinstance(value, str) and value.strip():
            return short(value)
    return ""


def short(value) -> str:
    if isinstance(value, bool):
        return "✓" if value else "–"
    text = "–" if value is None or value == "" else str(value)
    if hasattr(value, "value") and not isinstance(value, (int, float, str)):
        text = str(value.value)
    text = " ".join(text.split())
    return text if len(text) <= SHORT else text[:SHORT - 1] + "…"


def edit_text(kind: str, entities, field: str, value) -> str:
    what = Phrase(FIELD_NAMES.get(field, field.replace("_", " ").capitalize()))
    if len(entities) != 1:
        return Phrase("{field} of {count} {kind}: {new}", field=what, count=len(entities),
                      kind=Phrase(KIND_NAMES.get(kind, kind)), new=short(value))
    label = entity_label(entities[0])
    old = short(getattr(entities[0], field, None))
    if not label:
        return Phrase("{field} of the {kind}: {old} → {new}", field=what, kind=Phrase(KIND_NAMES.get(kind, kind)),
                      old=old, new=short(value))
    return Phrase("{field} of '{name}': {old} → {new}", field=what, name=label, old=old, new=short(value))
