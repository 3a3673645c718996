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
from mot_workshop.persistence.new_file import replacing
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
    # Built beside the target and put in its place only when complete: a load that fails
    # never costs the file it was to replace, and a file open in a window is not replaced.
    path = Path(path).absolute()
    with replacing(path, overwrite=overwrite, tag="load") as tmp:
        store = Store.create(tmp, overwrite=True)
        try:
            History(store).push(Macro(tr("Load"), [
                UpdateEntity("workshop", WORKSHOP_ID, _kept_identity(workshop.values())),
                InsertEntities([e for e in entities if e.KIND != "workshop"]),
            ]))
        finally:
            store.close()


def _kept_identity(values: dict) -> dict:
    """The dump's workshop identity travels with it; a dump without one (an older version)
    keeps the identity the new file was given."""
    if not values.get("identity"):
        values = {k: v for k, v in values.items() if k != "identity"}
    return values
