"""A workshop file uploaded as a shared workshop, and downloaded back as a file: the same
rows with the same ids either way; a downloaded copy is a workshop of its own that merges
back bringing in only what was added offline."""

from __future__ import annotations

import json

from mot_workshop.editing.entities import CreateEntity
from mot_workshop.editing.history import History
from mot_workshop.editing.merge import MergeWorkshop
from mot_workshop.editing.sharing import download, upload
from mot_workshop.persistence.dump import to_json
from mot_workshop.persistence.reading import reading
from mot_workshop.persistence.server.server import Server
from mot_workshop.persistence.store import Store
from tests.world import build_world


def _without_copy_marks(text: str) -> dict:
    """A dump without what makes a downloaded copy a workshop of its own."""
    data = json.loads(text)
    data["entities"].pop("merge_link", None)
    for row in data["entities"]["workshop"]:
        row.pop("identity", None)
    return data


def test_upload_then_download_gives_the_same_workshop(pg_url, tmp_path):
    original = tmp_path / "team.motw"
    with Store.create(original, title="Team file", language="en") as store:
        build_world(History(store))
        expected = to_json(store.snapshot())
    with Server(pg_url) as server:
        with upload(server, original) as shared:
            assert to_json(shared.snapshot()) == expected
            copy = download(shared, tmp_path / "copy.motw")
            shared.copy_to(tmp_path / "exact.motw")          # the store's own copy: every row as is
        assert [e.title for e in server.workshops()] == ["Team file"]
    with Store.open(tmp_path / "exact.motw", read_only=True) as store:
        assert to_json(store.snapshot()) == expected
    with Store.open(copy, read_only=True) as store:
        assert _without_copy_marks(to_json(store.snapshot())) == _without_copy_marks(expected)
        assert store.workshop().identity != json.loads(expected)["entities"]["workshop"][0]["identity"]
        assert store.integrity_problems() == []


def test_a_downloaded_copy_merges_back_without_duplicates(pg_url, tmp_path):
    with Server(pg_url) as server, server.create(title="Shared", language="en") as shared:
        history = History(shared)
        history.push(CreateEntity("team", {"name": "Blue"}))
        history.push(CreateEntity("process", {"name": "Exchange goods"}))
        copy = download(shared, tmp_path / "offline.motw")
        with Store.open(copy) as offline:                      # worked on without the server
            History(offline).push(CreateEntity("process", {"name": "Sell gift cards"}))
        with reading(copy) as source:
            team = source.snapshot()
        for _ in range(2):                                     # merged back, twice
            History(shared).push(MergeWorkshop(team))
        assert sorted(p.name for p in shared.select("process")) == ["Exchange goods", "Sell gift cards"]
        assert [t.name for t in shared.select("team")] == ["Blue"]


def test_a_save_as_of_a_downloaded_copy_merges_back_into_the_server_and_the_copy(pg_url, tmp_path):
    from mot_workshop.editing.sharing import save_copy

    with Server(pg_url) as server, server.create(title="Shared", language="en") as shared:
        history = History(shared)
        history.push(CreateEntity("team", {"name": "Blue"}))
        history.push(CreateEntity("process", {"name": "Exchange goods"}))
        copy = download(shared, tmp_path / "offline.motw")
        with Store.open(copy) as offline:
            save_copy(offline, tmp_path / "offline again.motw")     # File → Save As on the copy
        with Store.open(tmp_path / "offline again.motw") as again:
            History(again).push(CreateEntity("process", {"name": "Sell gift cards"}))
            team = again.snapshot()
        for into in (shared, Store.open(copy)):
            for _ in range(2):
                History(into).push(MergeWorkshop(team))
            assert sorted(p.name for p in into.select("process")) == ["Exchange goods", "Sell gift cards"]
            assert [t.name for t in into.select("team")] == ["Blue"]
            if into is not shared:
                into.close()
