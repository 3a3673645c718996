"""Building a new workshop file from a list of entities (a JSON dump), through commands."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from mot_workshop.domain.audit import audit
from mot_workshop.domain.base import Entity
from mot_workshop.domain.snapshot import Snapshot
from mot_workshop.editing.bulk import InsertEntities
from mot_workshop.editing.command import Macro
from mot_workshop.editing.entities import UpdateEntity
from mot_workshop.editing.history import History
from mot_workshop.i18n import tr
from mot_workshop.persistence.dump import DumpError
from mot_workshop.persistence.store import WORKSHOP_ID, Store


def load_into_new_file(path: str | Path, entities: Sequence[Entity], *, overwrite: bool = False) -> None:
    """Check every entity and reference first; then create the file and insert in one step."""
    problems = audit(Snapshot.of(entities))
    if problems:
        more = f" (+{len(problems) - 1} more)" if len(problems) > 1 else ""
        raise DumpError(problems[0] + more)
    workshop = next(e for e in entities if e.KIND == "workshop")
    if workshop.id != WORKSHOP_ID:
        raise DumpError(tr("The workshop record must have id 1."))
    path = Path(path)
    store = Store.create(path, overwrite=overwrite)
    try:
        History(store).push(Macro(tr("Load"), [
            UpdateEntity("workshop", WORKSHOP_ID, workshop.values()),
            InsertEntities([e for e in entities if e.KIND != "workshop"]),
        ]))
    except BaseException:
        store.close()
        path.unlink(missing_ok=True)
        raise
    store.close()
