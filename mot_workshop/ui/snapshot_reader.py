"""The store's read side over a snapshot: what the window shows in its first paint, while
the real Store (and SQLAlchemy) loads. Any write first asks the session for the real store."""

from __future__ import annotations

from pathlib import Path

from mot_workshop.domain.snapshot import Snapshot


class SnapshotReader:
    read_only = False      # writes are possible: the session swaps in the real store first
    pending = True

    def __init__(self, path: str | Path, snapshot: Snapshot):
        self.path = Path(path).absolute()
        self._snapshot = snapshot
        self.closed = False

    def get(self, kind: str, id: int | None):
        return self._snapshot.get(kind, id)

    def select(self, kind: str, **where):
        return self._snapshot.where(kind, **where)

    def count(self, kind: str, **where) -> int:
        return len(self.select(kind, **where))

    def snapshot(self) -> Snapshot:
        return self._snapshot

    def workshop(self):
        return self._snapshot.workshop

    def close(self) -> None:
        self.closed = True


class DamagedReader(SnapshotReader):
    """A damaged file opened for reading: the window shows what could be read of it (read
    once, checked against the rules), so no view ever trips over a damaged page."""

    read_only = True
    pending = False

    def __init__(self, path: str | Path, snapshot: Snapshot, damage: list[str]):
        super().__init__(path, snapshot)
        self.damage = damage

    def transaction(self):
        from mot_workshop.persistence.errors import ReadOnlyStore

        raise ReadOnlyStore(self.path)

    def copy_to(self, target) -> None:
        from mot_workshop.i18n import tr
        from mot_workshop.persistence.errors import WorkshopFileError

        raise WorkshopFileError(self.path, tr("A damaged file is not copied as it is; make a recovered copy "
                                              "instead (open the file again)."))
