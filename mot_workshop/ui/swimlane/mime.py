"""Drag-and-drop and clipboard formats of the map editor: a palette shape (no ids), and
copied steps with the flows between them (field values, keyed by the old ids)."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QMimeData

MIME_SHAPE = "application/x-mot-workshop-shape"
MIME_STEPS = "application/x-mot-workshop-steps"


def shape_mime(shape: str, is_mot: bool = False) -> QMimeData:
    data = QMimeData()
    data.setData(MIME_SHAPE, json.dumps({"shape": shape, "is_mot": is_mot}).encode())
    return data


def shape_from(data: QMimeData | None) -> dict[str, Any] | None:
    if data is None or not data.hasFormat(MIME_SHAPE):
        return None
    try:
        payload = json.loads(bytes(data.data(MIME_SHAPE)).decode())
        return {"shape": str(payload["shape"]), "is_mot": bool(payload.get("is_mot", False))}
    except (ValueError, KeyError, TypeError):
        return None


def steps_mime(steps: dict[int, dict[str, Any]], flows: list[tuple[int, int, dict[str, Any]]]) -> QMimeData:
    data = QMimeData()
    payload = {"steps": {str(k): v for k, v in steps.items()}, "flows": [[a, b, v] for a, b, v in flows]}
    data.setData(MIME_STEPS, json.dumps(payload, ensure_ascii=False, default=str).encode("utf-8"))
    data.setText("\n".join(str(v.get("label", "")) for v in steps.values()))
    return data


def steps_from(data: QMimeData | None):
    """(steps {old id: values}, flows [(old source, old target, values)]) or None."""
    if data is None or not data.hasFormat(MIME_STEPS):
        return None
    try:
        payload = json.loads(bytes(data.data(MIME_STEPS)).decode("utf-8"))
        steps = {int(k): dict(v) for k, v in payload["steps"].items()}
        flows = [(int(a), int(b), dict(v)) for a, b, v in payload["flows"]]
    except (ValueError, KeyError, TypeError):
        return None
    return steps, flows
