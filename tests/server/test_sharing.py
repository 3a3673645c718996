"""A workshop file uploaded as a shared workshop, and downloaded back as a file: the same
rows with the same ids either way."""

from __future__ import annotations

from mot_workshop.editing.history import History
from mot_workshop.editing.sharing import download, upload
from mot_workshop.persistence.dump import to_json
from mot_workshop.persistence.server.server import Server
from mot_workshop.persistence.store import Store
from tests.world import build_world


def test_upload_then_download_gives_the_same_workshop(pg_url, tmp_path):
    original = tmp_path / "team.motw"
    with Store.create(original, title="Team file", language="en") as store:
        build_world(History(store))
        expected = to_json(store.snapshot())
    with Server(pg_url) as server:
        with upload(server, original) as shared:
            assert to_json(shared.snapshot()) == expected
            copy = download(shared, tmp_path / "copy.motw")
            shared.copy_to(tmp_path / "saved-as.motw")          # Save As from a shared workshop
        assert [e.title for e in server.workshops()] == ["Team file"]
    for path in (copy, tmp_path / "saved-as.motw"):
        with Store.open(path, read_only=True) as store:
            assert to_json(store.snapshot()) == expected
            assert store.integrity_problems() == []
