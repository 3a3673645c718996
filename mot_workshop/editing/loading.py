"""Building a new workshop file from a list of entities (a JSON dump), through commands."""

from __future__ import annotations

import os
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
from mot_workshop.persistence.errors import FileLocked, WorkshopFileError
from mot_workshop.persistence.lock import InstanceLock
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
    path = Path(path).absolute()
    if path.exists() and not overwrite:
        raise WorkshopFileError(path, tr("{name} already exists.", name=path.name))
    if not path.parent.is_dir():
        raise WorkshopFileError(path, tr("The folder {folder} does not exist.", folder=str(path.parent)))
    # Built beside the target and put in its place only when complete: a load that fails
    # never costs the file it was to replace, and a file open in a window is not replaced.
    guard = InstanceLock(path)
    holder = guard.acquire()
    if holder is not None:
        raise FileLocked(path, holder)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.load")
    try:
        store = Store.create(tmp, overwrite=True)
        try:
            History(store).push(Macro(tr("Load"), [
                UpdateEntity("workshop", WORKSHOP_ID, workshop.values()),
                InsertEntities([e for e in entities if e.KIND != "workshop"]),
            ]))
        finally:
            store.close()
        for side in ("-wal", "-shm"):     # a stale log of the replaced file must not replay
            path.with_name(path.name + side).unlink(missing_ok=True)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
        guard.release()
