"""Inserting many rows stays linear: each sibling group is read once per command, not once
per row; references are looked up once. A long import reports progress and can be
cancelled: nothing written, nothing on the undo history. (No timing here: the work per row
is counted, which is what makes it linear.)"""

from __future__ import annotations

import pytest

from mot_workshop.editing.entities import CreateEntities
from mot_workshop.editing.history import History
from mot_workshop.editing.imports import import_rows_command
from mot_workshop.editing.linked import ImportCancelled
from mot_workshop.persistence.store import Store


@pytest.fixture
def store(tmp_path):
    with Store.create(tmp_path / "w.motw", title="rows", language="en") as store:
        history = History(store)
        from mot_workshop.editing.entities import CreateEntity

        for name in ("A", "B"):
            history.push(CreateEntity("process", {"name": name}))
        history.push(CreateEntity("voc", {"process_id": 1, "requirement": "first"}))
        yield store


def counting(store, monkeypatch) -> dict:
    calls = {"select": 0, "next_seq": 0, "get": 0}
    for name in calls:
        real = getattr(store, name)

        def counted(*args, _real=real, _name=name, **kwargs):
            calls[_name] += 1
            return _real(*args, **kwargs)

        monkeypatch.setattr(store, name, counted)
    return calls


@pytest.mark.parametrize("rows", [50, 600])
def test_imported_rows_read_each_group_once(store, monkeypatch, rows):
    calls = counting(store, monkeypatch)
    values = [{"process_id": 1 + n % 2, "requirement": f"need {n}"} for n in range(rows)]
    History(store).push(import_rows_command("voc", values))
    assert calls["next_seq"] == 2                     # one per process, however many rows
    assert calls["get"] <= 2                          # each process looked up once
    for pid, first in ((1, 1), (2, 0)):
        seqs = [v.seq for v in store.select("voc", process_id=pid)]
        assert seqs == list(range(len(seqs))) and len(seqs) == first + rows // 2


@pytest.mark.parametrize("rows", [50, 600])
def test_pasted_rows_read_their_siblings_once(store, monkeypatch, rows):
    calls = counting(store, monkeypatch)
    history = History(store)
    history.push(CreateEntities("voc", [{"process_id": 1, "requirement": f"pasted {n}"} for n in range(rows)]))
    assert calls["select"] == 1 and calls["get"] <= 1
    texts = [v.requirement for v in store.select("voc", process_id=1)]
    assert texts == ["first"] + [f"pasted {n}" for n in range(rows)]
    history.undo()
    assert [v.requirement for v in store.select("voc", process_id=1)] == ["first"]
    history.redo()
    assert len(store.select("voc", process_id=1)) == rows + 1


def test_a_cancelled_import_writes_nothing_and_leaves_no_undo_step(store):
    history = History(store)
    command = import_rows_command("voc", [{"process_id": 2, "requirement": f"r{n}"} for n in range(1200)])
    reports = []
    command.progress = lambda done, total: reports.append((done, total)) or len(reports) < 3
    with pytest.raises(ImportCancelled):
        history.push(command)
    assert reports[:3] == [(250, 1200), (500, 1200), (750, 1200)]
    assert store.count("voc", process_id=2) == 0 and not history.can_undo
    assert store.integrity_problems() == []
    command.progress = None                      # tried again without cancelling: all of it
    history.push(command)
    assert store.count("voc", process_id=2) == 1200


def map_items(steps: int) -> list:
    items = [("p", "process", {"name": "imported"}), ("m", "process_map", {"process_id": "p", "kind": "as-is"}),
             ("l", "lane", {"map_id": "m", "name": "Lane"})]
    items += [(f"s{n}", "step", {"map_id": "m", "lane_id": "l", "label": f"step {n}", "x": 200.0 * n, "y": 40.0})
              for n in range(steps)]
    items += [(f"f{n}", "flow", {"map_id": "m", "source_id": f"s{n}", "target_id": f"s{n + 1}"})
              for n in range(steps - 1)]
    return items


def test_what_an_import_refers_to_among_its_own_items_is_not_read_back(store, monkeypatch):
    from mot_workshop.editing.linked import CreateLinked

    calls = counting(store, monkeypatch)
    command = CreateLinked(map_items(300))
    History(store).push(command)
    assert calls["get"] == 0                     # every lane, step and the map were made just now
    flows = store.select("flow", map_id=command.id_of("m"))
    assert len(flows) == 299 and {f.source_id for f in flows} < {s.id for s in store.select("step")}
    assert [e.id for e in command.created] == [command.id_of(k) for k, _, _ in map_items(300)]


def test_the_collector_rests_during_an_import_and_is_on_again_after_it(store):
    import gc

    from mot_workshop.editing.linked import CreateLinked

    seen = []
    command = CreateLinked(map_items(600))
    command.progress = lambda done, total: seen.append(gc.isenabled()) or len(seen) < 2
    with pytest.raises(ImportCancelled):
        History(store).push(command)
    assert seen == [False, False] and gc.isenabled()
    command.progress = lambda done, total: seen.append(gc.isenabled())
    History(store).push(command)
    assert not any(seen) and gc.isenabled()
