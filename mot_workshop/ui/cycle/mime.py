"""The drag-and-drop and clipboard format for touchpoints: JSON field values, no ids."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QMimeData

MIME_TOUCHPOINTS = "application/x-mot-workshop-touchpoints"
COPY_FIELDS = ("name", "element", "expectation", "level", "importance", "problems", "improvement",
               "owner", "critical")


def to_mime(items: Sequence[dict[str, Any]]) -> QMimeData:
    data = QMimeData()
    clean = [{k: (str(v) if k == "element" else v) for k, v in item.items() if k in COPY_FIELDS} for item in items]
    data.setData(MIME_TOUCHPOINTS, json.dumps({"touchpoints": clean}, ensure_ascii=False).encode("utf-8"))
    data.setText("\n".join(str(item.get("name", "")) for item in clean))
    return data


def from_mime(data: QMimeData | None) -> list[dict[str, Any]]:
    """The touchpoint values carried by ``data``; empty if it carries none (or garbage)."""
    if data is None or not data.hasFormat(MIME_TOUCHPOINTS):
        return []
    try:
        payload = json.loads(bytes(data.data(MIME_TOUCHPOINTS)).decode("utf-8"))
        items = payload["touchpoints"]
    except (ValueError, KeyError, TypeError):
        return []
    return [{k: v for k, v in item.items() if k in COPY_FIELDS} for item in items if isinstance(item, dict)]


def values_of(touchpoint) -> dict[str, Any]:
    return {name: getattr(touchpoint, name) for name in COPY_FIELDS}
