"""The As-Is → To-Be diff: added, removed, changed and moved-lane steps, with counts."""

from __future__ import annotations

from mot_workshop.analysis.map_diff import diff_in_snapshot
from mot_workshop.editing.entities import CreateEntity, DeleteEntity, UpdateEntity
from mot_workshop.editing.maps import DeriveMap
from mot_workshop.sample.builder import _build
from tests.world import build_world


def test_edits_after_deriving_are_classified(history, store):
    w = build_world(history)
    as_is = w.id("process_map")
    derive = DeriveMap(as_is, "to-be")
    history.push(derive)
    to_be = derive.new_map_id
    copies = {s.origin_id: s.id for s in store.select("step", map_id=to_be)}
    lanes = {lane.origin_id: lane.id for lane in store.select("lane", map_id=to_be)}
    s0, s1, s2, s3 = (w.id("step", i) for i in range(4))
    history.push(UpdateEntity("step", copies[s0], {"label": "Renamed"}))
    history.push(UpdateEntity("step", copies[s1], {"lane_id": lanes[w.id("lane", 2)]}))
    history.push(DeleteEntity("step", copies[s2]))
    history.push(CreateEntity("step", {"map_id": to_be, "lane_id": lanes[w.id("lane")], "label": "New"}))
    diff = diff_in_snapshot(store.snapshot(), as_is, to_be)
    assert diff.counts() == {"added": 1, "removed": 1, "changed": 1, "moved": 1, "unchanged": 2}
    before = diff.status_before()
    assert before[s0].status == "changed" and before[s0].fields == ("label",)
    assert before[s1].status == "moved" and before[s2].status == "removed" and before[s3].status == "unchanged"


def test_origins_are_followed_through_an_intermediate_map(history, store):
    w = build_world(history)
    first = DeriveMap(w.id("process_map"), "to-be")
    history.push(first)
    second = DeriveMap(first.new_map_id, "redesign")
    history.push(second)
    diff = diff_in_snapshot(store.snapshot(), w.id("process_map"), second.new_map_id)
    assert diff.counts()["unchanged"] == 5 and diff.counts()["added"] == 0


def test_the_sample_to_be_removes_the_approval_steps(store):
    _build(store, "en")
    snap = store.snapshot()
    maps = {m.kind: m.id for m in snap.all("process_map")}
    counts = diff_in_snapshot(snap, maps["as-is"], maps["to-be"]).counts()
    assert counts["removed"] >= 2 and counts["moved"] >= 1 and counts["changed"] >= 3
    assert sum(counts.values()) >= 16
