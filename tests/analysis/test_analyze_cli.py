"""`mot-workshop analyze`: every process's maps, the comparison and the cycle scores."""

from __future__ import annotations

import json

from mot_workshop.cli import main
from mot_workshop.editing.history import History
from mot_workshop.editing.maps import DeriveMap
from mot_workshop.editing.entities import DeleteEntity, UpdateEntity
from mot_workshop.persistence.store import Store
from tests.world import build_world


def make_file(tmp_path):
    path = tmp_path / "a.motw"
    store = Store.create(path, title="Analysis")
    history = History(store)
    world = build_world(history)
    derive = DeriveMap(world.id("process_map"), "to-be")
    history.push(derive)
    to_be_steps = [s.id for s in store.select("step", map_id=derive.new_map_id)]
    history.push(DeleteEntity("step", to_be_steps[2]))   # break the chain: a structural problem
    history.push(UpdateEntity("step", to_be_steps[1], {"wait": 0}))
    store.close()
    return path, world


def test_analyze_json_has_maps_comparison_and_cycles(tmp_path, capsys):
    path, world = make_file(tmp_path)
    assert main(["analyze", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    process = data["processes"][0]
    assert [m["kind"] for m in process["maps"]] == ["as-is", "to-be"]
    as_is, to_be = process["maps"]
    assert as_is["steps"] == 5 and to_be["steps"] == 4
    assert as_is["total_wait"] == 50 and to_be["total_wait"] == 30
    assert {p["code"] for p in to_be["structure"]} >= {"dead-end"}
    waits = next(c for c in process["comparison"] if c["name"] == "total_wait")
    assert waits["values"] == [50, 30] and waits["change_pct"] == -40 and waits["improved"] is True
    parking = next(c for c in data["cycles"] if c["name"] == "Parking")
    assert parking["touchpoints"] == 4 and parking["weakest_critical_id"] == world.id("touchpoint", 1)


def test_analyze_text_in_korean(tmp_path, capsys):
    path, _ = make_file(tmp_path)
    assert main(["analyze", str(path), "--lang", "ko"]) == 0
    out = capsys.readouterr().out
    assert "리드타임" in out and "대기시간" in out and "As-Is → To-Be" in out
