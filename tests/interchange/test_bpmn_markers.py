"""Another tool's gateway kinds and event definitions are kept as the step's marker: imported
from a file made for the purpose (a Camunda Modeler style file with parallel, inclusive,
event-based and complex gateways, timer / message / signal start and intermediate events,
an interrupting and a non-interrupting boundary event, terminate and escalation end events),
written back on export so that import -> export keeps them, valid against the XSD, and stable
when our own file is read again. What cannot be kept (a timer's time …) is in the report."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from mot_workshop.domain.enums import EventRole, Marker, Shape
from mot_workshop.editing.history import History
from mot_workshop.editing.imports import import_map_command
from mot_workshop.export.bpmn import export_map, read_bpmn
from mot_workshop.export.bpmn.report import report_lines
from mot_workshop.i18n import set_language
from tests.interchange.bpmn_lint import lint

pytest.importorskip("SpiffWorkflow")
FILE = Path(__file__).resolve().parents[1] / "data" / "bpmn_made" / "markers-modeler.bpmn"
NS = {"bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL"}
EVENT_TAGS = ("startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent")
GATEWAY_TAGS = ("exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway", "complexGateway")


def validate(xml: bytes) -> etree._Element:
    from SpiffWorkflow.bpmn.parser.BpmnParser import BpmnValidator

    root = etree.fromstring(xml)
    BpmnValidator().validate(root)            # raises on any XSD violation
    return root


def meaning(xml: bytes) -> dict[str, tuple]:
    """Each named event and gateway: (element, its definitions, the activity it is attached
    to, whether it interrupts) — what the file means, whatever its ids and drawing."""
    root = etree.fromstring(xml)
    names = {el.get("id"): el.get("name") for el in root.iter() if el.get("id")}
    out = {}
    for el in root.iterfind(".//bpmn:process/*", NS):
        tag = etree.QName(el).localname
        if tag not in EVENT_TAGS + GATEWAY_TAGS or not el.get("name"):
            continue
        definitions = tuple(sorted(etree.QName(d).localname for d in el
                                   if etree.QName(d).localname.endswith("EventDefinition")))
        out[el.get("name")] = (tag, definitions, names.get(el.get("attachedToRef")),
                               el.get("cancelActivity", "true") if tag == "boundaryEvent" else None)
    return out


def gateway_kinds(xml: bytes) -> list[str]:
    root = etree.fromstring(xml)
    return sorted(etree.QName(el).localname for el in root.iterfind(".//bpmn:process/*", NS)
                  if etree.QName(el).localname in GATEWAY_TAGS and el.get("{urn:mot-workshop:bpmn:1}implicit") is None)


def import_into(store, xml: bytes) -> int:
    command = import_map_command(store, read_bpmn(xml, source="markers.bpmn"))
    History(store).push(command)
    return command.map_id


@pytest.fixture
def imported(store):
    map_id = import_into(store, FILE.read_bytes())
    return store, map_id


def test_the_steps_keep_the_gateway_kinds_and_event_definitions(imported):
    store, map_id = imported
    steps = {s.label: s for s in store.select("step", map_id=map_id)}
    gateways = sorted(s.marker for s in store.select("step", map_id=map_id) if s.shape == Shape.DECISION)
    assert gateways == sorted([Marker.PARALLEL, Marker.PARALLEL, Marker.INCLUSIVE, Marker.INCLUSIVE,
                               Marker.EVENT_BASED, Marker.COMPLEX])
    assert (steps["Every Monday"].shape, steps["Every Monday"].marker) == (Shape.START_END, Marker.TIMER)
    assert steps["Claim received"].marker == Marker.MESSAGE and steps["Recall announced"].marker == Marker.SIGNAL
    assert (steps["Reply received"].marker, steps["Reply received"].event_role) == (Marker.MESSAGE, None)
    assert (steps["Confirmation sent"].marker, steps["Confirmation sent"].event_role) == (Marker.MESSAGE,
                                                                                          EventRole.THROW)
    assert steps["One week passed"].marker == Marker.TIMER
    assert (steps["Announce"].marker, steps["Announce"].event_role) == (Marker.SIGNAL, EventRole.THROW)
    assert (steps["Two days passed"].marker, steps["Two days passed"].event_role) == (Marker.TIMER,
                                                                                      EventRole.BOUNDARY)
    assert (steps["Customer asks"].marker, steps["Customer asks"].event_role) == (
        Marker.MESSAGE, EventRole.BOUNDARY_NON_INTERRUPTING)
    assert steps["Closed"].marker == Marker.TERMINATE and steps["Escalated"].marker == Marker.ESCALATION
    assert steps["Answered"].marker is None and steps["Collect claims"].marker is None
    # the boundary events hang on the activity they were attached to
    flows = {(f.source_id, f.target_id) for f in store.select("flow", map_id=map_id)}
    assert (steps["Collect claims"].id, steps["Two days passed"].id) in flows
    assert (steps["Collect claims"].id, steps["Customer asks"].id) in flows


def test_the_report_lists_only_what_could_not_be_kept():
    set_language("en")
    report = read_bpmn(FILE.read_bytes()).report
    assert sorted(report.changed) == sorted([
        "'Every Monday' (Start_Timer): the type of its timer event was kept, not its particulars (timeCycle).",
        "'Reply received' (Reply): the type of its message event was kept, not its particulars (messageRef).",
        "'One week passed' (Week): the type of its timer event was kept, not its particulars (timeDuration).",
    ])
    text = "\n".join(report_lines(report))
    assert "became a decision" not in text and "dropped" not in text


def test_what_is_still_lost_is_listed():
    set_language("en")
    process = ('<bpmn:intermediateCatchEvent id="e" name="Either"><bpmn:messageEventDefinition/>'
               '<bpmn:signalEventDefinition/></bpmn:intermediateCatchEvent>'
               '<bpmn:intermediateCatchEvent id="r" name="Shared"><bpmn:eventDefinitionRef>Timer_1</bpmn:eventDefinitionRef>'
               '</bpmn:intermediateCatchEvent>'
               '<bpmn:boundaryEvent id="b" name="Loose"><bpmn:timerEventDefinition/></bpmn:boundaryEvent>')
    xml = ('<?xml version="1.0" encoding="UTF-8"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" '
           f'id="d" targetNamespace="urn:t"><bpmn:process id="p">{process}</bpmn:process></bpmn:definitions>').encode()
    plan = read_bpmn(xml)
    text = "\n".join(plan.report.changed)
    assert "'Either' (e): its event definitions (message, signal) were kept as one 'multiple' event" in text
    assert "'Shared' (r): its event definition Timer_1, defined elsewhere in the file, was dropped." in text
    assert "'Loose' (b): a boundary event attached to nothing became a connector." in text
    assert {s.source_id: s.extra.get("marker") for s in plan.steps}["e"] == Marker.MULTIPLE


def test_import_then_export_keeps_them_and_the_file_is_valid(imported):
    store, map_id = imported
    exported = export_map(store.snapshot(), map_id)
    validate(exported)
    original = FILE.read_bytes()
    assert meaning(exported) == meaning(original)
    assert gateway_kinds(exported) == gateway_kinds(original)
    root = etree.fromstring(exported)
    boundary = {el.get("name"): el for el in root.iterfind(".//bpmn:boundaryEvent", NS)}
    assert boundary["Customer asks"].get("cancelActivity") == "false"
    assert boundary["Two days passed"].get("cancelActivity") is None        # interrupting: BPMN's default
    # a boundary event is the target of no sequence flow: its attachment is not a flow
    targets = {f.get("targetRef") for f in root.iterfind(".//bpmn:sequenceFlow", NS)}
    assert not {el.get("id") for el in boundary.values()} & targets
    # a parallel or event-based gateway's branches carry no condition, an inclusive gateway's do
    by_id = {el.get("id"): etree.QName(el).localname for el in root.iterfind(".//bpmn:process/*", NS)}
    for flow in root.iterfind(".//bpmn:sequenceFlow", NS):
        source = by_id[flow.get("sourceRef")]
        has_condition = flow.find("bpmn:conditionExpression", NS) is not None
        if source in ("parallelGateway", "eventBasedGateway"):
            assert not has_condition
    assert sum(1 for f in root.iterfind(".//bpmn:sequenceFlow", NS)
               if by_id[f.get("sourceRef")] == "inclusiveGateway"
               and f.find("bpmn:conditionExpression", NS) is not None) == 2
    # the drawing: boundary events on their activity's lower edge, every edge orthogonal, on the outlines
    shapes = {s.get("bpmnElement"): s.find("{http://www.omg.org/spec/DD/20100524/DC}Bounds")
              for s in root.iter("{http://www.omg.org/spec/BPMN/20100524/DI}BPMNShape")}
    host = shapes[boundary["Two days passed"].get("attachedToRef")]
    event = shapes[boundary["Two days passed"].get("id")]
    assert float(event.get("y")) + float(event.get("height")) / 2 == pytest.approx(
        float(host.get("y")) + float(host.get("height")))
    geometry = [p for p in lint(exported) if p.startswith(("diagonal", "outline", "waypoints", "no-bpmndi"))]
    assert geometry == []


def test_our_export_reads_back_the_same(imported, tmp_path):
    from mot_workshop.persistence.store import Store

    store, map_id = imported
    first = export_map(store.snapshot(), map_id)
    with Store.create(tmp_path / "again.motw", title="Again") as again:
        again_map = import_into(again, first)
        second = export_map(again.snapshot(), again_map)
    assert second.replace(b"Process_2", b"Process_1") == first.replace(b"Process_2", b"Process_1")


def test_a_parallel_split_and_join_run_in_an_engine(history):
    """A decision marked parallel is a parallel gateway: an engine runs every branch."""
    from tests.interchange.bpmn_support import run_workflow
    from tests.world import World

    w = World()
    proc = w.add(history, "process", name="Check a claim")
    m = w.add(history, "process_map", process_id=proc, kind="as-is")
    lane = w.add(history, "lane", map_id=m, name="Desk")
    step = {}
    for n, (label, shape, marker) in enumerate([("Start", "start-end", None), ("Split", "decision", "parallel"),
                                                 ("Policy", "activity", None), ("History", "activity", None),
                                                 ("Join", "decision", "parallel"), ("End", "start-end", None)]):
        step[label] = w.add(history, "step", map_id=m, lane_id=lane, shape=shape, label=label, x=100.0 + 160 * n,
                            y=60.0, marker=marker)
    for a, b in [("Start", "Split"), ("Split", "Policy"), ("Split", "History"), ("Policy", "Join"),
                 ("History", "Join"), ("Join", "End")]:
        w.add(history, "flow", map_id=m, source_id=step[a], target_id=step[b])
    xml = export_map(history.store.snapshot(), m)
    validate(xml)
    assert gateway_kinds(xml) == ["parallelGateway", "parallelGateway"]
    ran = run_workflow(xml, choose=lambda gateway, visit: 1)
    assert {"Activity_3", "Activity_4", "EndEvent_6"} <= set(ran)


def _markers(snapshot, map_id=None) -> dict[str, tuple]:
    steps = snapshot.all("step") if map_id is None else snapshot.where("step", map_id=map_id)
    return {s.label: (s.marker, s.event_role) for s in steps if s.label}


def test_merge_recover_and_dump_keep_the_markers(imported, tmp_path):
    """A team file's marked steps come across in a merge; a recovered copy and a JSON dump keep them."""
    from mot_workshop.editing.merge import MergeWorkshop
    import json

    from mot_workshop.persistence.dump import from_data, to_json
    from mot_workshop.persistence.recover import recover
    from mot_workshop.persistence.store import Store

    store, map_id = imported
    team = store.snapshot()
    wanted = _markers(team, map_id)
    assert wanted["Customer asks"] == (Marker.MESSAGE, EventRole.BOUNDARY_NON_INTERRUPTING)
    with Store.create(tmp_path / "master.motw", title="Master") as master:
        command = MergeWorkshop(team, label="B")
        History(master).push(command)
        assert _markers(master.snapshot(), command.new_id("process_map", map_id)) == wanted
    copy = recover(store.path, tmp_path / "recovered.motw")
    with Store.open(copy.path, read_only=True) as again:
        assert _markers(again.snapshot(), map_id) == wanted
        dumped = to_json(again.snapshot())
    assert '"marker": "parallel"' in dumped and '"event_role": "boundary-non-interrupting"' in dumped
    assert {e.marker for e in from_data(json.loads(dumped)) if e.KIND == "step"} >= {Marker.PARALLEL, Marker.TIMER}
