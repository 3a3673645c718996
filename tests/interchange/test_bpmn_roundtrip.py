"""Export -> import -> export is stable: our own files come back without loss (Korean text,
lanes and their kinds, phases, step details, conditions), and a foreign file settles after
one import."""

from __future__ import annotations

import re

from mot_workshop.editing.entities import CreateEntity
from mot_workshop.editing.history import History
from mot_workshop.editing.imports import import_map_command
from mot_workshop.export.bpmn import export_map, read_bpmn
from mot_workshop.persistence.store import Store
from mot_workshop.sample import build_sample
from tests.interchange.bpmn_support import build_korean_map

KOREAN_CAMUNDA = """<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
    xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
    xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
    id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn" exporter="Camunda Modeler" exporterVersion="5.16.0">
  <bpmn:collaboration id="Collaboration_1">
    <bpmn:participant id="Participant_1" name="상품권을 판매한다" processRef="Process_1" />
  </bpmn:collaboration>
  <bpmn:process id="Process_1" isExecutable="true">
    <bpmn:laneSet id="LaneSet_1">
      <bpmn:lane id="Lane_c" name="고객"><bpmn:flowNodeRef>Start_1</bpmn:flowNodeRef><bpmn:flowNodeRef>End_1</bpmn:flowNodeRef></bpmn:lane>
      <bpmn:lane id="Lane_s" name="판매사원"><bpmn:flowNodeRef>Task_1</bpmn:flowNodeRef><bpmn:flowNodeRef>Gw_1</bpmn:flowNodeRef><bpmn:flowNodeRef>Task_3</bpmn:flowNodeRef></bpmn:lane>
      <bpmn:lane id="Lane_it" name="전산시스템"><bpmn:flowNodeRef>Task_2</bpmn:flowNodeRef></bpmn:lane>
    </bpmn:laneSet>
    <bpmn:startEvent id="Start_1" name="상품권 구매를 요청한다"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="Task_1" name="신분증을 확인한다" camunda:assignee="kim"><bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:userTask>
    <bpmn:exclusiveGateway id="Gw_1" name="50만 원 이상인가?"><bpmn:incoming>F2</bpmn:incoming><bpmn:outgoing>F3</bpmn:outgoing><bpmn:outgoing>F4</bpmn:outgoing></bpmn:exclusiveGateway>
    <bpmn:serviceTask id="Task_2" name="고액 구매를 등록한다"><bpmn:incoming>F3</bpmn:incoming><bpmn:outgoing>F5</bpmn:outgoing></bpmn:serviceTask>
    <bpmn:manualTask id="Task_3" name="상품권을 건넨다"><bpmn:incoming>F4</bpmn:incoming><bpmn:incoming>F5</bpmn:incoming><bpmn:outgoing>F6</bpmn:outgoing></bpmn:manualTask>
    <bpmn:endEvent id="End_1" name="상품권을 받는다"><bpmn:incoming>F6</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="F1" sourceRef="Start_1" targetRef="Task_1" />
    <bpmn:sequenceFlow id="F2" sourceRef="Task_1" targetRef="Gw_1" />
    <bpmn:sequenceFlow id="F3" name="예" sourceRef="Gw_1" targetRef="Task_2"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${amount &gt;= 500000}</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="F4" name="아니오" sourceRef="Gw_1" targetRef="Task_3"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${amount &lt; 500000}</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="F5" sourceRef="Task_2" targetRef="Task_3" />
    <bpmn:sequenceFlow id="F6" sourceRef="Task_3" targetRef="End_1" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="Collaboration_1">
      <bpmndi:BPMNShape id="P_di" bpmnElement="Participant_1" isHorizontal="true"><dc:Bounds x="100" y="60" width="900" height="420" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Lc_di" bpmnElement="Lane_c" isHorizontal="true"><dc:Bounds x="130" y="60" width="870" height="120" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Ls_di" bpmnElement="Lane_s" isHorizontal="true"><dc:Bounds x="130" y="180" width="870" height="180" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Lit_di" bpmnElement="Lane_it" isHorizontal="true"><dc:Bounds x="130" y="360" width="870" height="120" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="S_di" bpmnElement="Start_1"><dc:Bounds x="192" y="102" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="T1_di" bpmnElement="Task_1"><dc:Bounds x="280" y="230" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="G_di" bpmnElement="Gw_1" isMarkerVisible="true"><dc:Bounds x="435" y="245" width="50" height="50" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="T2_di" bpmnElement="Task_2"><dc:Bounds x="540" y="380" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="T3_di" bpmnElement="Task_3"><dc:Bounds x="700" y="230" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="E_di" bpmnElement="End_1"><dc:Bounds x="872" y="102" width="36" height="36" /></bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
"""


def import_into(store: Store, xml: bytes, **kw) -> int:
    command = import_map_command(store, read_bpmn(xml, source="map.bpmn"), **kw)
    History(store).push(command)
    return command.map_id


def canonical(xml: bytes) -> bytes:
    """The document with the process's id and the called processes' ids taken out (they are
    the ids of processes in one workshop file, and differ between files)."""
    xml = re.sub(rb'Process_\d+', b"Process_N", xml)
    return re.sub(rb' (calledElement|mot:linkedProcess)="[^"]*"', b"", xml)


def map_content(snapshot, map_id: int) -> dict:
    """A map's lanes, phases, steps and flows without ids, in order."""
    def strip(entity, *drop):
        values = to_data_row(entity)
        for name in ("id", "map_id", *drop):
            values.pop(name, None)
        return values

    lanes = {lane.id: i for i, lane in enumerate(snapshot.where("lane", map_id=map_id))}
    phases = {p.id: i for i, p in enumerate(snapshot.where("phase", map_id=map_id))}
    steps = sorted(snapshot.where("step", map_id=map_id), key=lambda s: s.id)
    index = {s.id: i for i, s in enumerate(steps)}
    return {
        "lanes": [strip(x) for x in snapshot.where("lane", map_id=map_id)],
        "phases": [strip(x) for x in snapshot.where("phase", map_id=map_id)],
        "steps": [dict(strip(s, "lane_id", "phase_id", "y", "touchpoint_id", "linked_process_id"),
                       lane=lanes[s.lane_id], phase=phases.get(s.phase_id)) for s in steps],
        "flows": [dict(strip(f, "source_id", "target_id"), source=index[f.source_id], target=index[f.target_id])
                  for f in sorted(snapshot.where("flow", map_id=map_id), key=lambda f: f.id)],
    }


def to_data_row(entity) -> dict:
    return {k: (str(v) if hasattr(v, "value") else v) for k, v in entity.as_dict().items()}


def test_sample_map_comes_back_byte_for_byte_into_its_own_process(tmp_path):
    """Byte for byte except the obstacles: the process has them already, linked to the
    original map's steps, and an import does not write them twice."""
    path = build_sample(tmp_path / "s.motw", "ko")
    with Store.open(path) as store:
        snapshot = store.snapshot()
        for source in snapshot.all("process_map"):
            first = export_map(snapshot, source.id)
            process = snapshot.get("process", source.process_id).name
            new_map = import_into(store, first, process=process)
            second = export_map(store.snapshot(), new_map)
            assert second == re.sub(rb"\n *<bpmn:extensionElements>(\n *<mot:obstacle [^>]*/>)+\n *</bpmn:extensionElements>",
                                    b"", first)
            assert store.get("process_map", new_map).kind == source.kind


def test_korean_map_comes_back_without_loss_in_a_new_file(history, tmp_path):
    km = build_korean_map(history)
    first = export_map(history.store.snapshot(), km.map_id)
    with Store.create(tmp_path / "other.motw", title="다른 워크숍") as other:
        History(other).push(CreateEntity("process", {"name": "환불을 처리한다"}))    # the called one
        new_map = import_into(other, first)
        imported = other.snapshot()
        second = export_map(imported, new_map)
        assert canonical(second) == canonical(first)
        assert map_content(imported, new_map) == map_content(history.store.snapshot(), km.map_id)
        assert {p.name for p in imported.all("process")} == {"고객 불만을 처리한다", "환불을 처리한다"}
        with Store.create(tmp_path / "third.motw") as third:
            History(third).push(CreateEntity("process", {"name": "환불을 처리한다"}))
            third_map = import_into(third, second)
            assert canonical(export_map(third.snapshot(), third_map)) == canonical(second)


def test_linked_process_is_found_again_by_name(history, tmp_path):
    km = build_korean_map(history)
    xml = export_map(history.store.snapshot(), km.map_id)
    new_map = import_into(history.store, xml, process="고객 불만을 처리한다", kind="to-be")
    snapshot = history.store.snapshot()
    call = next(s for s in snapshot.where("step", map_id=new_map) if str(s.shape) == "other-process")
    assert snapshot.get("process", call.linked_process_id).name == "환불을 처리한다"
    assert export_map(snapshot, new_map).replace(b'mot:mapKind="to-be"', b'mot:mapKind="as-is"') == xml


def test_a_korean_camunda_file_imports_and_settles_after_one_round(history, tmp_path):
    store = history.store
    map_id = import_into(store, KOREAN_CAMUNDA.encode())
    snapshot = store.snapshot()
    process = snapshot.get("process", snapshot.get("process_map", map_id).process_id)
    assert process.name == "상품권을 판매한다"
    lanes = snapshot.where("lane", map_id=map_id)
    assert [(lane.name, str(lane.kind)) for lane in lanes] == [("고객", "customer"), ("판매사원", "contact"),
                                                               ("전산시스템", "system")]
    steps = {s.label: s for s in snapshot.where("step", map_id=map_id)}
    assert str(steps["고액 구매를 등록한다"].shape) == "computer"
    assert str(steps["50만 원 이상인가?"].shape) == "decision"
    assert str(steps["상품권을 건넨다"].shape) == "activity"
    assert steps["상품권 구매를 요청한다"].x < steps["신분증을 확인한다"].x < steps["상품권을 건넨다"].x
    flows = {f.label: f.condition for f in snapshot.where("flow", map_id=map_id) if f.label}
    assert flows == {"예": "${amount >= 500000}", "아니오": "${amount < 500000}"}
    first = export_map(snapshot, map_id)
    with Store.create(tmp_path / "b.motw") as other:
        second_map = import_into(other, first)
        assert canonical(export_map(other.snapshot(), second_map)) == canonical(first)


def test_a_call_without_a_process_to_call_is_a_plain_task_and_the_import_says_so(history, tmp_path):
    km = build_korean_map(history)
    xml = export_map(history.store.snapshot(), km.map_id)
    assert b"<bpmn:callActivity" in xml and b'calledElement="Process_' in xml
    with Store.create(tmp_path / "other.motw") as other:          # no process of that name here
        plan = read_bpmn(xml, source="map.bpmn")
        command = import_map_command(other, plan)
        History(other).push(command)
        assert any("calls '환불을 처리한다', which is not a process of this workshop" in n for n in plan.report.notes)
        again = export_map(other.snapshot(), command.map_id)
    assert b"<bpmn:callActivity" not in again                     # never a call activity calling nothing
    assert b"written as a plain task" in again and b'mot:shape="other-process"' in again
