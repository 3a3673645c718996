"""BPMN import keeps what it can and says what it changed: lanes in drawing order (nested
too), lane kinds by whole words with the guess in the report, drawn positions kept when only
some elements lack one, and every gateway or event meaning the map cannot hold listed."""

from __future__ import annotations

import pytest

from mot_workshop.domain.enums import LaneKind
from mot_workshop.export.bpmn import read_bpmn
from mot_workshop.export.bpmn.model import guess_lane_kind
from mot_workshop.export.bpmn.report import report_lines
from mot_workshop.i18n import set_language

HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<bpmn:definitions '
        'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" '
        'xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" '
        'xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" id="d" targetNamespace="urn:t">')


def _shape(ref, x, y, w=100, h=80, horizontal=None):
    flag = f' isHorizontal="{horizontal}"' if horizontal is not None else ""
    return (f'<bpmndi:BPMNShape id="{ref}_di" bpmnElement="{ref}"{flag}>'
            f'<dc:Bounds x="{x}" y="{y}" width="{w}" height="{h}"/></bpmndi:BPMNShape>')


def _doc(process: str, shapes: str = "") -> bytes:
    diagram = (f'<bpmndi:BPMNDiagram id="D"><bpmndi:BPMNPlane id="P" bpmnElement="p">{shapes}'
               '</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>') if shapes else ""
    return (HEAD + f'<bpmn:process id="p" name="Claims">{process}</bpmn:process>{diagram}</bpmn:definitions>').encode()


def test_lanes_come_in_the_order_the_file_draws_them_nested_too():
    process = ('<bpmn:laneSet id="ls">'
               '<bpmn:lane id="back" name="Back office"><bpmn:childLaneSet id="cls">'
               '<bpmn:lane id="b2" name="Audit team"><bpmn:flowNodeRef>t2</bpmn:flowNodeRef></bpmn:lane>'
               '<bpmn:lane id="b1" name="Claims desk"><bpmn:flowNodeRef>t1</bpmn:flowNodeRef></bpmn:lane>'
               '</bpmn:childLaneSet></bpmn:lane>'
               '<bpmn:lane id="cust" name="Customer"><bpmn:flowNodeRef>s</bpmn:flowNodeRef></bpmn:lane>'
               '</bpmn:laneSet>'
               '<bpmn:startEvent id="s"/><bpmn:task id="t1" name="Check"/><bpmn:task id="t2" name="Audit"/>'
               '<bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t1"/>'
               '<bpmn:sequenceFlow id="f2" sourceRef="t1" targetRef="t2"/>')
    shapes = (_shape("cust", 0, 0, 800, 120, "true") + _shape("back", 0, 120, 800, 240, "true")
              + _shape("b1", 30, 120, 770, 120, "true") + _shape("b2", 30, 240, 770, 120, "true")
              + _shape("s", 100, 40, 36, 36) + _shape("t1", 200, 140) + _shape("t2", 400, 260))
    plan = read_bpmn(_doc(process, shapes))
    assert [lane.name for lane in plan.lanes] == ["Customer", "Back office / Claims desk", "Back office / Audit team"]
    # without a drawing the XML order stands
    plan = read_bpmn(_doc(process))
    assert [lane.name for lane in plan.lanes][0] == "Back office / Audit team"


@pytest.mark.parametrize("name, kind", [
    ("IT", LaneKind.SYSTEM), ("Credit Card Company", LaneKind.DEPARTMENT), ("Audit team", LaneKind.DEPARTMENT),
    ("Customer", LaneKind.CUSTOMER), ("고객", LaneKind.CUSTOMER), ("전산팀", LaneKind.SYSTEM),
    ("고객센터", LaneKind.CONTACT), ("Call Center", LaneKind.CONTACT), ("Positioning", LaneKind.DEPARTMENT),
    ("Citizen", LaneKind.DEPARTMENT), ("품질팀", LaneKind.DEPARTMENT)])
def test_lane_kinds_come_from_whole_words_in_both_languages(name, kind):
    assert guess_lane_kind(name) == kind


def test_the_guessed_lane_kinds_are_in_the_import_report():
    process = ('<bpmn:laneSet id="ls"><bpmn:lane id="a" name="IT"><bpmn:flowNodeRef>t</bpmn:flowNodeRef></bpmn:lane>'
               '<bpmn:lane id="b" name="Audit team"/></bpmn:laneSet><bpmn:task id="t" name="Log"/>')
    lines = report_lines(read_bpmn(_doc(process)).report)
    line = next(line for line in lines if line.startswith("Lane kinds guessed"))
    assert "IT: Computer system" in line and "Audit team: Department" in line


def test_one_element_without_a_position_does_not_cost_the_others_theirs():
    tasks = "".join(f'<bpmn:task id="t{i}" name="T{i}"/>' for i in range(1, 6))
    flows = "".join(f'<bpmn:sequenceFlow id="f{i}" sourceRef="t{i}" targetRef="t{i + 1}"/>' for i in range(1, 5))
    shapes = "".join(_shape(f"t{i}", 100 + 160 * i, 100) for i in (1, 2, 4, 5))     # t3 is not drawn
    plan = read_bpmn(_doc(tasks + flows, shapes))
    x = {s.source_id: s.x for s in plan.steps}
    assert x["t1"] < x["t2"] < x["t4"] < x["t5"]
    assert x["t2"] - x["t1"] == pytest.approx(160 * 1.5)           # drawn spacing kept (widened 1.5×)
    assert x["t2"] < x["t3"]
    assert max(x.values()) < 2000                                   # not a whole auto-layout
    assert any("had no diagram position" in n for n in plan.report.notes)


def test_every_meaning_the_map_cannot_hold_is_listed():
    """Gateway kinds, event definitions and boundary events are kept (``test_bpmn_markers``);
    what is left to list is what they carried beyond their type."""
    process = ('<bpmn:startEvent id="s" name="Every Monday"><bpmn:timerEventDefinition>'
               '<bpmn:timeCycle>R/P1W</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>'
               '<bpmn:parallelGateway id="g" name="Both"/><bpmn:inclusiveGateway id="i"/>'
               '<bpmn:task id="t" name="Work"/>'
               '<bpmn:boundaryEvent id="b" name="Too late" attachedToRef="t"><bpmn:timerEventDefinition/></bpmn:boundaryEvent>'
               '<bpmn:intermediateCatchEvent id="m" name="Letter"><bpmn:messageEventDefinition messageRef="Msg"/>'
               '</bpmn:intermediateCatchEvent>'
               '<bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="g"/><bpmn:sequenceFlow id="f2" sourceRef="g" targetRef="t"/>'
               '<bpmn:sequenceFlow id="f3" sourceRef="g" targetRef="i"/><bpmn:sequenceFlow id="f4" sourceRef="i" targetRef="m"/>')
    report = read_bpmn(_doc(process)).report
    text = "\n".join(report_lines(report))
    assert "'Every Monday' (s): the type of its timer event was kept, not its particulars (timeCycle)." in text
    assert "'Letter' (m): the type of its message event was kept, not its particulars (messageRef)." in text
    assert "became a decision" not in text and "Too late" not in text
    assert len(report.changed) == 2


def test_task_kinds_a_map_cannot_tell_apart_are_listed():
    """A send, receive, script, manual or business-rule task becomes a plain activity, and a
    transaction or ad-hoc sub-process one activity: each is a line of the report, in both
    languages; a plain, user or service task is not (they come back as written)."""
    kinds = ("sendTask", "receiveTask", "scriptTask", "manualTask", "businessRuleTask")
    process = "".join(f'<bpmn:{kind} id="{kind}" name="Do {kind}"/>' for kind in kinds) + \
        '<bpmn:task id="t" name="Plain"/><bpmn:userTask id="u"/><bpmn:serviceTask id="v"/>' \
        '<bpmn:transaction id="x" name="Pay"/><bpmn:adHocSubProcess id="a"/>'
    set_language("en")
    plan = read_bpmn(_doc(process))
    changed = plan.report.changed
    assert "'Do sendTask' (sendTask): this send task became an activity; the map has no task types." in changed
    assert "'Do businessRuleTask' (businessRuleTask): this business rule task became an activity; the map has no task types." in changed
    assert "'Pay' (x): this transaction became one activity, without its transaction or ad-hoc behaviour." in changed
    assert "a: this ad-hoc sub-process became one activity, without its transaction or ad-hoc behaviour." in changed
    assert len(changed) == len(kinds) + 2                     # not the plain, user or service task
    assert {s.source_id for s in plan.steps} >= set(kinds) | {"t", "u", "v", "x", "a"}
    set_language("ko")
    text = "\n".join(report_lines(read_bpmn(_doc(process)).report))
    assert "'Do scriptTask' (scriptTask): 맵에는 태스크 유형이 없어 행위 단계로 가져왔습니다 (원래: 스크립트 태스크)." in text
    assert "'Pay' (x): 하나의 행위 단계로 가져왔습니다. 트랜잭션이나 임의 순서 동작은 유지되지 않습니다 (원래: 트랜잭션)." in text
    set_language("en")
