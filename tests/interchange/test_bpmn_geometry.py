"""Exported diagrams fit BPMN's shapes: edges end on the outline of circles and diamonds,
every waypoint segment is horizontal or vertical, and the in-process connector pair is a pair
of link events (throw / catch) that no line is drawn between. Checked on every map of both
samples, on a map made for the purpose, and on what our files read back as."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from mot_workshop.editing.history import History
from mot_workshop.editing.imports import import_map_command
from mot_workshop.export.bpmn import export_map, read_bpmn
from mot_workshop.export.bpmn.di_edges import DIAMOND, ROUND, edge_points
from mot_workshop.layout.geometry import Rect
from mot_workshop.persistence.store import Store
from mot_workshop.sample import build_sample
from tests.interchange.bpmn_lint import MODEL, lint, on_outline
from tests.interchange.bpmn_support import build_korean_map


@pytest.fixture(scope="module", params=["ko", "en"])
def sample_file(request, tmp_path_factory):
    return build_sample(tmp_path_factory.mktemp(request.param) / "s.motw", request.param)


def test_every_sample_map_passes_the_lint_and_the_geometry_check(sample_file):
    with Store.open(sample_file, read_only=True) as store:
        snapshot = store.snapshot()
    for pmap in snapshot.all("process_map"):
        assert lint(export_map(snapshot, pmap.id)) == [], pmap


def test_a_made_map_with_a_loop_a_split_and_a_call_passes_too(history):
    km = build_korean_map(history)
    assert lint(export_map(history.store.snapshot(), km.map_id)) == []


def test_the_check_tells_an_outline_point_from_a_centre_or_a_corner():
    assert not on_outline("startEvent", (0, 0, 36, 36), (18, 18))
    assert on_outline("startEvent", (0, 0, 36, 36), (36, 18))
    assert on_outline("exclusiveGateway", (0, 0, 50, 50), (12.5, 12.5))
    assert not on_outline("exclusiveGateway", (0, 0, 50, 50), (0, 0))          # the box's corner


def test_an_edge_off_the_centre_line_meets_the_outline_or_turns_in():
    circle = Rect.around(100, 100, 36, 36)
    diamond = Rect.around(300, 100, 50, 50)
    # a route ending level with the centre: on the left point of the circle
    assert edge_points([(0, 100), (60, 100)], Rect.around(-50, 100, 100, 80), "box", circle, ROUND)[-1] == (82, 100)
    # 10 above the centre: where that line meets the circle, still horizontal
    points = edge_points([(0, 90), (60, 90)], Rect.around(-50, 90, 100, 80), "box", circle, ROUND)
    assert points[-1][1] == 90 and on_outline("endEvent", (82, 82, 36, 36), points[-1])
    # 40 above: it runs on over the circle and turns down into its top point
    points = edge_points([(0, 60), (60, 60)], Rect.around(-50, 60, 100, 80), "box", circle, ROUND)
    assert points[-2:] == [(100, 60), (100, 82)]
    # a diamond: the outline point along the line, no corner of the box
    points = edge_points([(200, 110), (240, 110)], Rect.around(150, 110, 100, 80), "box", diamond, DIAMOND)
    assert points[-1] == (285, 110) and on_outline("exclusiveGateway", (275, 75, 50, 50), points[-1])
    # from centre to centre (no route): one elbow, both ends on outlines
    points = edge_points([], circle, ROUND, Rect.around(300, 200, 50, 50), DIAMOND)
    assert len(points) == 3 and points[0] == (118, 100) and points[-1] == (300, 175)


def test_the_connector_pair_is_a_pair_of_link_events_and_comes_back_as_one_flow(tmp_path):
    path = build_sample(tmp_path / "s.motw", "en")
    with Store.open(path) as store:
        snapshot = store.snapshot()
        as_is = next(m for m in snapshot.all("process_map") if str(m.kind) == "as-is")
        xml = export_map(snapshot, as_is.id)
        root = ET.fromstring(xml)
        process = root.find(f"{MODEL}process")
        throw = process.find(f"{MODEL}intermediateThrowEvent")
        catch = process.find(f"{MODEL}intermediateCatchEvent")
        throw_link, catch_link = (e.find(f"{MODEL}linkEventDefinition") for e in (throw, catch))
        assert throw_link.get("name") == catch_link.get("name") == "A"
        assert throw.find(f"{MODEL}outgoing") is None and catch.find(f"{MODEL}incoming") is None
        flows = [(f.get("sourceRef"), f.get("targetRef")) for f in process.iter(f"{MODEL}sequenceFlow")]
        assert (throw.get("id"), catch.get("id")) not in flows          # no line drawn through the map
        jumps = [f for f in snapshot.where("flow", map_id=as_is.id)
                 if str(snapshot.get("step", f.source_id).shape) == str(snapshot.get("step", f.target_id).shape)
                 == "connector"]
        assert len(jumps) == 1
        # reading our file back: the pair is joined by the flow it was, in its place
        plan = read_bpmn(xml, source="as-is.bpmn")
        command = import_map_command(store, plan, process="Copy")
        History(store).push(command)
        after = store.snapshot()
        new_jumps = [f for f in after.where("flow", map_id=command.map_id)
                     if str(after.get("step", f.source_id).shape) == str(after.get("step", f.target_id).shape)
                     == "connector"]
        assert [(f.label, f.condition) for f in new_jumps] == [(j.label, j.condition) for j in jumps]
        again = export_map(after, command.map_id).replace(b"Copy", b"")
        first = xml.replace(snapshot.get("process", as_is.process_id).name.encode(), b"")
        assert re.sub(rb"Process_\d+", b"P", again) == re.sub(rb"Process_\d+", b"P", first)
