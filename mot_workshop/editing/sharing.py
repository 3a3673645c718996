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
    """The open (server) workshop as a new workshop file to work on offline, written whole
    or not at all: the same rows with the same ids, as a workshop of its own (a new identity)
    that remembers where each row came from, so merging it back brings in only what was
    added offline, however often it is merged."""
    load_into_new_file(path, offline_copy(store.snapshot()), overwrite=overwrite)
    return Path(path)


def offline_copy(snapshot: Snapshot) -> list[Entity]:
    """Every entity of ``snapshot``, the workshop with a new identity, plus a merge link per
    entity from the shared workshop (as if the copy had merged it in)."""
    import dataclasses

    from mot_workshop.editing.merge import identity_of
    from mot_workshop.persistence.store import new_identity

    entities = [dataclasses.replace(e, identity=new_identity()) if e.KIND == "workshop" else e
                for e in snapshot]
    return entities + links_back(snapshot, identity_of(snapshot))


def links_back(snapshot: Snapshot, source: str) -> list[Entity]:
    """A merge link per entity of ``snapshot`` (a copy) to the same row of the workshop
    ``source`` it was copied from: merging one into the other then finds these rows."""
    from mot_workshop.domain.workshop import MergeLink
    from mot_workshop.editing.merge import NOT_MERGED, digest

    if not source:
        return []
    next_id = max(snapshot.by_kind["merge_link"], default=0) + 1
    links = []
    for entity in snapshot:
        if entity.KIND in NOT_MERGED:
            continue
        links.append(MergeLink(id=next_id, source=source, kind=entity.KIND, source_id=entity.id,
                               target_id=entity.id, digest=digest(entity)))
        next_id += 1
    return links


def save_copy(store, path: str | Path) -> Path:
    """Save As: a copy of the open workshop as a workshop of its own (a new identity) that
    remembers which rows it took from this one, written whole or not at all. Merging the
    copy back later (or this workshop into the copy) brings in only what is new on the other
    side, never a second set of the same rows."""
    if getattr(store, "is_server", False):
        return download(store, path, overwrite=True)
    from mot_workshop.editing.merge import identity_of
    from mot_workshop.persistence.new_file import replacing
    from mot_workshop.persistence.store import Store

    source = identity_of(store)
    target = Path(path).absolute()
    with replacing(target, overwrite=True, tag="copy") as tmp:
        store.copy_to(tmp)
        copy = Store.open(tmp)
        try:
            links = links_back(copy.snapshot(), source)
            if links:
                History(copy).push(InsertEntities(links, text=tr("Save a copy as")))
        finally:
            copy.close()
    return target
