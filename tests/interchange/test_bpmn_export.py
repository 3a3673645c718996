"""Exported maps are valid BPMN 2.0 (the OMG XSD shipped in SpiffWorkflow), carry diagram
interchange for every element, and run to completion in SpiffWorkflow on every branch."""

from __future__ import annotations

import itertools
import re

import pytest
from lxml import etree

from mot_workshop.export.bpmn import export_map
from mot_workshop.persistence.store import Store
from mot_workshop.sample import build_sample
from tests.interchange.bpmn_support import build_korean_map, exits, run_workflow

pytest.importorskip("SpiffWorkflow")
NS = {"bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL",
      "bpmndi": "http://www.omg.org/spec/BPMN/20100524/DI"}


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    path = build_sample(tmp_path_factory.mktemp("sample") / "sample.motw", "ko")
    with Store.open(path, read_only=True) as store:
        yield store.snapshot()


@pytest.fixture
def korean(history):
    km = build_korean_map(history)
    return history.store.snapshot(), km


def validate(xml: bytes) -> etree._Element:
    from SpiffWorkflow.bpmn.parser.BpmnParser import BpmnValidator

    root = etree.fromstring(xml)
    BpmnValidator().validate(root)            # raises on any XSD violation
    return root


def every_map(snapshot):
    return [m.id for m in snapshot.all("process_map")]


def test_every_sample_map_validates_against_the_bpmn_xsd(sample):
    assert len(every_map(sample)) == 3
    for map_id in every_map(sample):
        validate(export_map(sample, map_id))


def test_export_has_one_process_with_our_lanes_and_steps(sample):
    map_id = every_map(sample)[0]
    root = validate(export_map(sample, map_id))
    processes = root.findall("bpmn:process", NS)
    assert len(processes) == 1
    lanes = processes[0].findall("bpmn:laneSet/bpmn:lane", NS)
    assert [lane.get("name") for lane in lanes] == [lane.name for lane in sample.where("lane", map_id=map_id)]
    steps = sample.where("step", map_id=map_id)
    tags = {}
    for el in processes[0]:
        tag = etree.QName(el).localname
        if el.get("{urn:mot-workshop:bpmn:1}implicit") == "true":     # a split or join BPMN needs, not a step
            tag = "implicit " + tag
        tags[tag] = tags.get(tag, 0) + 1
    shapes = [str(s.shape) for s in steps]
    assert tags["exclusiveGateway"] == shapes.count("decision")
    assert tags["callActivity"] == shapes.count("other-process")
    assert tags["serviceTask"] == shapes.count("computer")
    assert tags["startEvent"] == 1 and tags["endEvent"] == 1
    # the connector pair's flow is the pair of link events (throw, catch), not a sequence flow
    assert tags["intermediateThrowEvent"] == tags["intermediateCatchEvent"] == 1
    assert tags["sequenceFlow"] == len(sample.where("flow", map_id=map_id)) - 1
    # every lane member is listed in exactly one lane
    refs = [r.text for r in processes[0].iterfind("bpmn:laneSet/bpmn:lane/bpmn:flowNodeRef", NS)]
    assert len(refs) == len(set(refs)) == len(steps) + tags.get("implicit exclusiveGateway", 0) \
        + tags.get("implicit parallelGateway", 0)


def test_every_element_has_a_shape_or_an_edge_in_the_diagram(korean):
    snapshot, km = korean
    root = validate(export_map(snapshot, km.map_id))
    process = root.find("bpmn:process", NS)
    nodes = [el.get("id") for el in process if el.get("id") and etree.QName(el).localname not in
             ("laneSet", "sequenceFlow", "documentation")]
    shapes = {s.get("bpmnElement") for s in root.iterfind(".//bpmndi:BPMNShape", NS)}
    edges = {e.get("bpmnElement"): e for e in root.iterfind(".//bpmndi:BPMNEdge", NS)}
    assert set(nodes) <= shapes
    assert {lane.get("id") for lane in process.iterfind(".//bpmn:lane", NS)} <= shapes
    assert {f.get("id") for f in process.iterfind("bpmn:sequenceFlow", NS)} == set(edges)
    assert all(len(e) >= 2 for e in edges.values())


def test_decisions_carry_named_conditions_an_engine_can_evaluate(korean):
    snapshot, km = korean
    xml = export_map(snapshot, km.map_id)
    root = validate(xml)
    flows = root.findall(".//bpmn:sequenceFlow", NS)
    conditional = [f for f in flows if f.find("bpmn:conditionExpression", NS) is not None]
    assert {f.get("name") for f in conditional} == {"품질", "규정", "환불", "예", "아니오"}
    for f in conditional:
        assert f.find("bpmn:conditionExpression", NS).text.startswith("decision_")
    assert exits(xml) == {"Gateway_4": 3, "Gateway_6": 2}


def test_the_other_process_link_calls_the_linked_process(korean):
    snapshot, km = korean
    root = validate(export_map(snapshot, km.map_id))
    call = root.find(".//bpmn:callActivity", NS)
    refund = next(p for p in snapshot.all("process") if p.name == "환불을 처리한다")
    assert call.get("calledElement") == f"Process_{refund.id}"
    assert call.get("name") == "환불 절차로 넘긴다"


def test_korean_map_runs_to_completion_on_every_branch(korean):
    snapshot, km = korean
    xml = export_map(snapshot, km.map_id)
    validate(xml)
    branches = exits(xml)
    ran_all: set[str] = set()
    for gateway, count in branches.items():
        for k in range(1, count + 1):
            def choose(name, visit, gateway=gateway, k=k):
                n = branches[name]
                first = k if name == gateway else 1
                return (first - 1 + visit) % n + 1       # later visits move on, so loops end
            ran_all |= set(run_workflow(xml, choose))
    root = etree.fromstring(xml)
    every = {el.get("id") for el in root.find("bpmn:process", NS)
             if etree.QName(el).localname not in ("laneSet", "sequenceFlow", "documentation", "group", "extensionElements")}
    assert every <= ran_all, every - ran_all


def test_sample_maps_run_on_every_combination_of_branches(sample):
    for map_id in every_map(sample):
        xml = export_map(sample, map_id)
        branches = exits(xml)
        assert branches, "the sample maps have decisions"
        ran_all: set[str] = set()
        names = sorted(branches)
        for combo in itertools.product(*(range(1, branches[g] + 1) for g in names)):
            chosen = dict(zip(names, combo))
            ran = run_workflow(xml, lambda name, visit, chosen=chosen: (chosen[name] - 1 + visit) % branches[name] + 1)
            assert ran and ran[-1].startswith("EndEvent") or "EndEvent" in " ".join(ran)
            ran_all |= set(ran)
        root = etree.fromstring(xml)
        every = {el.get("id") for el in root.find("bpmn:process", NS)
                 if etree.QName(el).localname not in ("laneSet", "sequenceFlow", "documentation", "group", "extensionElements")}
        assert every <= ran_all, every - ran_all


def test_export_is_deterministic(korean):
    snapshot, km = korean
    assert export_map(snapshot, km.map_id) == export_map(snapshot, km.map_id)


def test_feel_conditions_for_camunda_8_validate_and_name_the_same_branches(korean, tmp_path):
    snapshot, km = korean
    javascript = export_map(snapshot, km.map_id)
    feel = export_map(snapshot, km.map_id, conditions="feel")
    validate(feel)
    js_conditions = re.findall(rb'language="javascript">(decision_\d+) == (\d+)<', javascript)
    feel_conditions = re.findall(rb'language="https://www.omg.org/spec/DMN/20191111/FEEL/">= (decision_\d+) = (\d+)<',
                                 feel)
    assert js_conditions and feel_conditions == js_conditions
    with pytest.raises(ValueError):
        export_map(snapshot, km.map_id, conditions="juel")
