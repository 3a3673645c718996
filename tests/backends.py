"""The two places a workshop can live, behind one face, so a test runs against both:
a workshop file, and a workshop on a team server (PostgreSQL, started by the tests)."""

from __future__ import annotations

from pathlib import Path

from mot_workshop.persistence.store import Store


class FileBackend:
    name = "file"

    def __init__(self, path: Path):
        self.path = path

    def create(self, **workshop):
        return Store.create(self.path, **workshop)

    def reopen(self, *, read_only: bool = False):
        return Store.open(self.path, read_only=read_only)

    def close(self) -> None:
        pass


class ServerBackend:
    name = "server"

    def __init__(self, cluster):
        from mot_workshop.persistence.server.server import Server

        self.cluster = cluster
        self.url = cluster.url(database="motw_test")
        self.server = Server(self.url)
        self.entry = None

    def create(self, **workshop):
        from tests.server import spare

        store = spare.take(self.server, workshop) or self.server.create(**workshop)
        self.entry = store.entry
        return store

    def reopen(self, *, read_only: bool = False):
        return self.server.open_entry(self.entry, read_only=read_only)

    def close(self) -> None:
        from tests.server import spare
        from tests.server.cleanup import drop_everything

        kept = self.entry is not None and spare.leave(self.server, self.entry)
        self.server.close()
        if not kept:
            drop_everything(self.cluster)


def backend_for(request, workshop_path: Path):
    if request.param == "file":
        return FileBackend(workshop_path)
    return ServerBackend(request.getfixturevalue("pg_cluster"))
