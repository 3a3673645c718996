"""Commands that bring outside content in: a map read from a BPMN file, rows read from a
spreadsheet. Each import is one undo step (``CreateLinked``), saved when it returns."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from mot_workshop.domain.enums import MapKind
from mot_workshop.editing.import_links import add_links
from mot_workshop.editing.linked import CreateLinked, unique_name
from mot_workshop.i18n import tr
from mot_workshop.i18n.labels import kind_name

if TYPE_CHECKING:
    from mot_workshop.export.bpmn.model import MapPlan
    from mot_workshop.persistence.store import Store


class ImportMap(CreateLinked):
    """A new map (and, when asked, a new process for it) from a BPMN map plan."""

    def __init__(self, items, *, text: str | None = None, process_id: int | None = None):
        super().__init__(items, text=text)
        self._process_id = process_id        # the existing process the map goes to, if any

    @property
    def map_id(self) -> int | None:
        return self.id_of("map")

    @property
    def process_id(self) -> int | None:
        return self._process_id if self._process_id is not None else self.id_of("process")


def import_map_command(store: Store, plan: MapPlan, *, process: str | None = None,
                       kind: MapKind | str | None = None) -> ImportMap:
    """The command that adds ``plan`` as a new map.

    ``process``: the name of the process the map belongs to; an existing process of that
    name gets the map, otherwise a process of that name is created. Without it a new process
    is created, named after the BPMN pool or process (with " (2)" … when the name is taken).
    ``kind``: As-Is unless given (or unless the file is one of ours that says which).
    Other-process steps are linked to the workshop's process of the called name, if any.
    """
    processes = store.select("process")
    by_name = {p.name: p.id for p in processes}
    map_kind = MapKind(kind) if kind is not None else (plan.kind or MapKind.AS_IS)
    items: list = []
    existing: int | None = None
    if process is not None and process.strip() in by_name:
        existing = by_name[process.strip()]
        target: int | str = existing
    else:
        name = process.strip() if process and process.strip() else unique_name(
            plan.name or tr("Imported process"), set(by_name))
        items.append(("process", "process", {"name": name}))
        target = "process"
    items.extend(plan.items(target, map_kind, by_name))
    add_links(store, plan, items, existing, target)
    for step in plan.steps:
        if step.linked_process and step.linked_process not in by_name:
            note = tr("'{step}' calls '{called}', which is not a process of this workshop: it was "
                      "imported as another process without a link.", step=step.label or step.source_id,
                      called=step.linked_process)
            if note not in plan.report.notes:
                plan.report.notes.append(note)
    return ImportMap(items, text=tr("Import BPMN map"), process_id=existing)


def import_rows_command(kind: str, rows: Sequence[Mapping[str, Any]]) -> CreateLinked:
    """Worksheet rows (already checked values, each with its ``process_id``) appended in order."""
    items = [(f"row:{i}", kind, dict(values)) for i, values in enumerate(rows)]
    return CreateLinked(items, text=tr("Import {kind} rows", kind=kind_name(kind)))
