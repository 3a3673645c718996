"""Where several branches flow into one step, the export writes a merging gateway before it
(bpmnlint's fake-join): exclusive after a decision, parallel after a step whose exits all
happen, exclusive for a loop back; a decision that merges and splits gets its own join
(no-gateway-join-fork). Engines run it, and reading our file back gives the same map."""

from __future__ import annotations

import pytest
from lxml import etree

from mot_workshop.editing.history import History
from mot_workshop.editing.imports import import_map_command
from mot_workshop.export.bpmn import export_map, read_bpmn
from mot_workshop.persistence.store import Store
from tests.interchange.bpmn_lint import lint
from tests.interchange.bpmn_support import run_workflow
from tests.world import World

pytest.importorskip("SpiffWorkflow")
NS = {"bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL"}


def build(history, steps, flows) -> int:
    w = World()
    proc = w.add(history, "process", name="Handle a return")
    m = w.add(history, "process_map", process_id=proc, kind="as-is")
    lane = w.add(history, "lane", map_id=m, name="Desk")
    ids = {}
    for n, (label, shape) in enumerate(steps):
        ids[label] = w.add(history, "step", map_id=m, lane_id=lane, shape=shape, label=label,
                           x=100.0 + 200 * n, y=60.0 + 90 * (n % 2))
    for a, b in flows:
        w.add(history, "flow", map_id=m, source_id=ids[a], target_id=ids[b], label=f"{a}-{b}")
    return m


def joins(xml: bytes) -> dict[str, str]:
    """Merging gateway kind -> the name of the step after it."""
    root = etree.fromstring(xml)
    names = {el.get("id"): el.get("name") for el in root.iterfind(".//bpmn:process/*", NS)}
    after = {f.get("sourceRef"): f.get("targetRef") for f in root.iterfind(".//bpmn:sequenceFlow", NS)}
    return {names[after[el.get("id")]]: etree.QName(el).localname
            for el in root.iterfind(".//bpmn:process/*", NS)
            if (el.get("id") or "").startswith("Join_") and etree.QName(el).localname.endswith("Gateway")}


def test_the_merging_gateway_matches_the_split(history):
    m = build(history,
              [("Start", "start-end"), ("Approve?", "decision"), ("Refund", "activity"), ("Replace", "activity"),
               ("Record", "activity"), ("Pack", "activity"), ("Label", "activity"), ("Ship", "activity"),
               ("Done?", "decision"), ("End", "start-end")],
              [("Start", "Approve?"), ("Approve?", "Refund"), ("Approve?", "Replace"), ("Refund", "Record"),
               ("Replace", "Record"), ("Record", "Pack"), ("Record", "Label"), ("Pack", "Ship"), ("Label", "Ship"),
               ("Ship", "Done?"), ("Done?", "Record"), ("Done?", "End")])
    xml = export_map(history.store.snapshot(), m)
    assert joins(xml) == {"Record": "exclusiveGateway",       # after a decision (and a loop back into it)
                          "Ship": "parallelGateway"}          # after a step whose two exits both happen
    assert lint(xml) == []                                    # no fake-join, geometry on the outlines
    for choice in (1, 2):                                     # every branch runs to the end in an engine
        def choose(gateway, visit, choice=choice):            # Approve?: refund or replace; Done?: once round
            return choice if gateway == "Gateway_2" else (2 if visit else 1)

        ran = run_workflow(xml, choose)
        assert "EndEvent_10" in ran and ran.count("Activity_8") == 2        # shipped twice: the loop ran
    # our own file, read back, is the same map: the joins are ours, not steps
    with Store.create(history.store.path.with_name("again.motw"), title="Again") as again:
        command = import_map_command(again, read_bpmn(xml, source="x.bpmn"))
        History(again).push(command)
        assert again.count("step") == 10 and again.count("flow") == 12
        assert export_map(again.snapshot(), command.map_id).replace(b"Process_1", b"P") == xml.replace(
            b"Process_1", b"P")


def test_a_decision_that_merges_and_splits_gets_a_join_of_its_own(history):
    m = build(history,
              [("Start", "start-end"), ("Ask", "decision"), ("Phone", "activity"), ("Mail", "activity"),
               ("Enough?", "decision"), ("End", "start-end")],
              [("Start", "Ask"), ("Ask", "Phone"), ("Ask", "Mail"), ("Phone", "Enough?"), ("Mail", "Enough?"),
               ("Enough?", "Ask"), ("Enough?", "End")])
    xml = export_map(history.store.snapshot(), m)
    assert joins(xml) == {"Ask": "exclusiveGateway", "Enough?": "exclusiveGateway"}
    assert lint(xml) == []
