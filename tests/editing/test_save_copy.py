"""Save As makes a workshop of its own that remembers which rows it took: merging the copy
back into the original (or the original into the copy), once or twice, brings in only
what the other side added, never a second set of the same rows."""

from __future__ import annotations

from mot_workshop.editing.entities import CreateEntity
from mot_workshop.editing.history import History
from mot_workshop.editing.merge import MergeWorkshop
from mot_workshop.editing.sharing import save_copy
from mot_workshop.persistence.store import Store
from tests.world import build_world


def _counts(store) -> dict[str, int]:
    snapshot = store.snapshot()
    return {kind: len(rows) for kind, rows in snapshot.by_kind.items() if kind != "merge_link"}


def _merge_twice(into: Store, team_path) -> None:
    with Store.open(team_path, read_only=True) as team:
        snapshot = team.snapshot()
    for _ in range(2):
        History(into).push(MergeWorkshop(snapshot))


def test_a_save_as_copy_merged_back_twice_adds_only_what_the_copy_added(tmp_path):
    original = tmp_path / "room.motw"
    copy = tmp_path / "room copy.motw"
    with Store.create(original, title="Room", language="en") as store:
        build_world(History(store))
        before = _counts(store)
        save_copy(store, copy)
        with Store.open(copy) as offline:
            assert offline.workshop().identity != store.workshop().identity
            assert offline.integrity_problems() == []
            History(offline).push(CreateEntity("process", {"name": "Sell gift cards"}))
        _merge_twice(store, copy)
        after = _counts(store)
        assert after["process"] == before["process"] + 1
        assert {k: v for k, v in after.items() if k != "process"} == {k: v for k, v in before.items()
                                                                       if k != "process"}
        assert "Sell gift cards" in [p.name for p in store.select("process")]


def test_the_original_merged_into_its_copy_adds_only_what_the_original_added(tmp_path):
    original = tmp_path / "room.motw"
    copy = tmp_path / "copy.motw"
    with Store.create(original, title="Room", language="en") as store:
        build_world(History(store))
        save_copy(store, copy)
        History(store).push(CreateEntity("team", {"name": "Late team"}))
    with Store.open(copy) as offline:
        before = _counts(offline)
        _merge_twice(offline, original)
        after = _counts(offline)
        assert after["team"] == before["team"] + 1
        assert {k: v for k, v in after.items() if k != "team"} == {k: v for k, v in before.items() if k != "team"}


def test_a_copy_of_a_copy_still_merges_back_into_either(tmp_path):
    first = tmp_path / "a.motw"
    with Store.create(first, title="A", language="en") as store:
        build_world(History(store))
        before = _counts(store)
        save_copy(store, tmp_path / "b.motw")
    with Store.open(tmp_path / "b.motw") as b:
        save_copy(b, tmp_path / "c.motw")
    for into in (first, tmp_path / "b.motw"):
        with Store.open(into) as store:
            _merge_twice(store, tmp_path / "c.motw")
            assert _counts(store) == before


def test_an_empty_workshop_saved_as_and_merged_back(tmp_path):
    original = tmp_path / "empty.motw"
    with Store.create(original, title="Empty", language="en") as store:
        save_copy(store, tmp_path / "empty copy.motw")
        _merge_twice(store, tmp_path / "empty copy.motw")
        assert sum(_counts(store).values()) == 1          # the workshop record only
