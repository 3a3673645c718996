"""Selecting touchpoints by id, shared by the ring and the journey scenes (both keep
``touchpoints`` in cycle order and ``items_by_id``)."""

from __future__ import annotations

from collections.abc import Sequence


class TouchpointSelection:
    def selected_ids(self) -> list[int]:
        """Selected touchpoints in cycle order."""
        return [tp.id for tp in self.touchpoints if self.items_by_id[tp.id].isSelected()]

    def select_ids(self, ids: Sequence[int]) -> None:
        wanted = set(ids)
        self.blockSignals(True)
        try:
            for id, item in self.items_by_id.items():
                item.setSelected(id in wanted)
        finally:
            self.blockSignals(False)
        self.selectionChanged.emit()
