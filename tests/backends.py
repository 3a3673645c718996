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

    def __init__(self, url: str):
        from mot_workshop.persistence.server.server import Server

        self.url = url
        self.server = Server(url)
        self.entry = None

    def create(self, **workshop):
        store = self.server.create(**workshop)
        self.entry = store.entry
        return store

    def reopen(self, *, read_only: bool = False):
        return self.server.open_entry(self.entry, read_only=read_only)

    def close(self) -> None:
        self.server.close()


def backend_for(request, workshop_path: Path):
    if request.param == "file":
        return FileBackend(workshop_path)
    return ServerBackend(request.getfixturevalue("pg_url"))
