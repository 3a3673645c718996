"""The swimlane process map editor (As-Is, To-Be, Redesign) and the map compare view."""

from mot_workshop.ui.swimlane.compare import MapCompareView
from mot_workshop.ui.swimlane.editor import MapEditor

__all__ = ["MapEditor", "MapCompareView"]
