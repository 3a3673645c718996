"""Flows into and out of one step leave by different ports, and no route runs along a lane
boundary (it would read as the lane's own line) — on every map of both samples."""

from __future__ import annotations

import pytest

from mot_workshop.layout.swimlane import layout_map
from mot_workshop.persistence.store import Store
from mot_workshop.sample.builder import build_sample


def _maps(tmp_path, lang):
    path = build_sample(tmp_path / f"s-{lang}.motw", lang)
    with Store.open(path, read_only=True) as store:
        for m in store.select("process_map"):
            yield m, layout_map(store.select("lane", map_id=m.id), store.select("phase", map_id=m.id),
                                store.select("step", map_id=m.id), store.select("flow", map_id=m.id)), \
                store.select("flow", map_id=m.id)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_ports_apart_and_no_run_on_a_lane_edge(tmp_path, lang):
    checked = 0
    for m, lay, flows in _maps(tmp_path, lang):
        ends = {}
        for flow in flows:
            points = lay.routes.get(flow.id)
            if not points:
                continue
            ends.setdefault((flow.source_id, "out"), set()).add((round(points[0][0]), round(points[0][1])))
            ends.setdefault((flow.target_id, "in"), set()).add((round(points[-1][0]), round(points[-1][1])))
            edges = {y for lane in lay.lanes for y in (lane.rect.top, lane.rect.bottom)}
            for (x1, y1), (x2, y2) in zip(points, points[1:]):
                if abs(y1 - y2) < 1e-6 and abs(x2 - x1) > 1:
                    assert all(abs(y1 - e) >= 2 for e in edges), (m.kind, flow.id, points)
            checked += 1
        for (step, way), points in ends.items():
            if way == "out":
                assert not points & ends.get((step, "in"), set()), (m.kind, step)
    assert checked > 20
