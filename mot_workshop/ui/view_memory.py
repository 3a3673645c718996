"""Where the user left a diagram: its zoom and the scene point in the middle of the view,
per workshop file and per diagram, kept in the settings so it survives a restart."""

from __future__ import annotations

import hashlib


class ViewMemory:
    def __init__(self, settings, file_path, diagram: str):
        self.settings = settings
        identity = f"{file_path}|{diagram}".encode()
        self.key = "views/" + hashlib.sha1(identity).hexdigest()[:20]

    def load(self) -> tuple[float, float, float] | None:
        value = self.settings.value(self.key)
        try:
            zoom, cx, cy = (float(v) for v in str(value).split(","))
        except (TypeError, ValueError):
            return None
        return (zoom, cx, cy) if zoom > 0 else None

    def save(self, zoom: float, cx: float, cy: float) -> None:
        self.settings.set_value(self.key, f"{zoom:.4f},{cx:.1f},{cy:.1f}")

    def forget(self) -> None:
        self.settings.q.remove(self.key)


def attach(window, editor) -> None:
    """Give every diagram view of a freshly opened editor its memory slot."""
    from mot_workshop.ui.cycle.view import DiagramView

    if not window.remember or window.session is None:
        return
    path = window.session.path.absolute()
    for view in editor.findChildren(DiagramView):
        view.memory = ViewMemory(window.settings, path, f"{editor.key}/{view.objectName()}")
