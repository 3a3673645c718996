"""Moving a whole workshop between a file and a team server: uploading a file (or a JSON
dump) as a new shared workshop, and downloading one as a file to work offline. Both go
through the same commands as loading a dump, so the ids stay what they were: a downloaded
copy merges back with the usual merge and finds its own rows."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from mot_workshop.domain.audit import audit
from mot_workshop.domain.base import Entity
from mot_workshop.domain.snapshot import Snapshot
from mot_workshop.editing.bulk import InsertEntities
from mot_workshop.editing.history import History
from mot_workshop.editing.loading import load_into_new_file
from mot_workshop.i18n import tr
from mot_workshop.persistence.dump import DumpError
from mot_workshop.persistence.store import WORKSHOP_ID


def _checked_workshop(entities: Sequence[Entity]) -> Entity:
    problems = audit(Snapshot.of(entities))
    if problems:
        more = f" (+{len(problems) - 1} more)" if len(problems) > 1 else ""
        raise DumpError(problems[0] + more)
    workshop = next((e for e in entities if e.KIND == "workshop"), None)
    if workshop is None or workshop.id != WORKSHOP_ID:
        raise DumpError(tr("The workshop record must have id 1."))
    return workshop


def load_into_server(server, entities: Sequence[Entity], *, title: str | None = None,
                     replace: bool = False):
    """A new workshop on ``server`` holding ``entities`` (ids kept), titled ``title`` (default:
    the workshop record's own). Returns it open. ``replace`` drops a workshop of that title first."""
    workshop = _checked_workshop(entities)
    values = dict(workshop.values())
    if title:
        values["title"] = title
    if replace:
        from mot_workshop.persistence.server.errors import WorkshopNotFound

        try:
            server.drop(values["title"])
        except WorkshopNotFound:
            pass
    store = server.create(**values)
    try:
        rest = [e for e in entities if e.KIND != "workshop"]
        if rest:
            History(store).push(InsertEntities(rest, text=tr("Load")))
    except BaseException:
        store.close()
        server.drop(values["title"])    # all or nothing: no half-uploaded workshop stays listed
        raise
    return store


def upload(server, path: str | Path, *, title: str | None = None):
    """A workshop file as a new shared workshop on ``server`` (the file is only read)."""
    from mot_workshop.persistence.reading import reading

    with reading(path) as source:
        entities = list(source.snapshot())
    return load_into_server(server, entities, title=title)


def download(store, path: str | Path, *, overwrite: bool = False) -> Path:
    """The open (server) workshop as a new workshop file, written whole or not at all."""
    entities = list(store.snapshot())
    load_into_new_file(path, entities, overwrite=overwrite)
    return Path(path)
