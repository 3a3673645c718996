"""The server store on a real PostgreSQL server: making, listing, opening workshops."""

from __future__ import annotations

import pytest

from mot_workshop.editing.entities import CreateEntity
from mot_workshop.editing.history import History
from mot_workshop.persistence.dump import to_json
from mot_workshop.persistence.server.errors import WorkshopExists, WorkshopNotFound
from mot_workshop.persistence.server.server import Server


def test_create_list_open(pg_url):
    with Server(pg_url) as server:
        assert server.workshops() == []
        store = server.create(title="Store A", facilitator="Kim", language="en")
        history = History(store)
        history.push(CreateEntity("team", {"name": "Team A"}))
        before = to_json(store.snapshot())
        store.close()
        listed = server.workshops()
        assert [(e.title, e.facilitator) for e in listed] == [("Store A", "Kim")]
        with server.open("Store A") as again:
            assert to_json(again.snapshot()) == before
            assert again.select("team")[0].name == "Team A"


def test_titles_are_unique_and_missing_ones_are_named(pg_url):
    with Server(pg_url) as server:
        server.create(title="Store A").close()
        with pytest.raises(WorkshopExists):
            server.create(title="Store A")
        with pytest.raises(WorkshopNotFound, match="Store B"):
            server.open("Store B")
