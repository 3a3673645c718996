"""Shared by the interchange tests: the sample workshop, a Korean map with a loop and a
three-way decision, and a SpiffWorkflow driver that runs an exported map branch by branch."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from mot_workshop.editing.history import History
from mot_workshop.persistence.store import Store
from tests.world import World

# Real-world BPMN files kept in the repository, with their sources and licences (SOURCES.md).
CORPUS = Path(__file__).resolve().parents[1] / "data" / "bpmn"

STUB = """<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Stub_{pid}" targetNamespace="urn:stub">
  <bpmn:process id="{pid}" isExecutable="true">
    <bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f" sourceRef="s" targetRef="e"/><bpmn:endEvent id="e"/>
  </bpmn:process>
</bpmn:definitions>"""


def copy_file(source: Path, target: Path) -> Path:
    shutil.copyfile(source, target)
    return target


@dataclass
class KoreanMap:
    world: World
    map_id: int
    process_id: int
    steps: dict[str, int] = field(default_factory=dict)


def build_korean_map(history: History) -> KoreanMap:
    """고객 불만 처리: a rework loop, a three-way decision, a parallel hand-off, a link to
    another process, a connector pair and a computer step."""
    w = World()
    proc = w.add(history, "process", name="고객 불만을 처리한다")
    other = w.add(history, "process", name="환불을 처리한다")
    m = w.add(history, "process_map", process_id=proc, kind="as-is", title="불만 처리 — As-Is")
    lanes = {k: w.add(history, "lane", map_id=m, name=n, kind=k)
             for k, n in (("customer", "고객"), ("contact", "상담사"), ("department", "품질팀"), ("system", "전산"))}
    phases = [w.add(history, "phase", map_id=m, name=n, width=400) for n in ("접수", "처리", "종결")]

    named: dict[str, int] = {}

    def step(key, lane, shape, x, label, **kw):
        named[key] = w.add(history, "step", map_id=m, lane_id=lanes[lane], shape=shape, x=x,
                                     label=label, phase_id=phases[min(2, int(x // 400))], **kw)

    step("start", "customer", "start-end", 40, "불만을 접수한다")
    step("log", "system", "computer", 120, "불만을 전산에 등록한다", duration=2)
    step("review", "contact", "activity", 220, "불만 내용을 검토한다", duration=5, wait=3, value_class="VA",
         output="검토 기록", problems="=SUM(A1) 같은 수식 문자", is_mot=True)
    step("kind", "contact", "decision", 330, "어떤 불만인가?")
    step("fix", "department", "activity", 450, "품질팀이 원인을 조사한다", duration=30)
    step("ok", "department", "decision", 560, "조사가 충분한가?")
    step("refund", "department", "other-process", 680, "환불 절차로 넘긴다", linked_process_id=other)
    step("explain", "contact", "activity", 450, "규정을 설명한다")
    step("out", "contact", "connector", 560, "가")
    step("in", "contact", "connector", 700, "가")
    step("notify", "contact", "activity", 800, "결과를 안내한다")
    step("survey", "system", "computer", 800, "만족도 설문을 보낸다")
    step("end", "customer", "start-end", 920, "처리 결과를 받는다")
    n = named

    def flow(a, b, label="", condition=""):
        w.add(history, "flow", map_id=m, source_id=n[a], target_id=n[b], label=label, condition=condition)

    flow("start", "log")
    flow("log", "review")
    flow("review", "kind")
    flow("kind", "fix", "품질", "제품 결함")
    flow("kind", "explain", "규정", "규정 문의")
    flow("kind", "refund", "환불", "환불 요청")
    flow("fix", "ok")
    flow("ok", "review", "아니오", "재조사 필요")      # rework loop
    flow("ok", "notify", "예", "조사 완료")
    flow("explain", "out")
    flow("out", "in", "가")
    flow("in", "notify")
    flow("refund", "notify")
    flow("notify", "end")
    flow("notify", "survey")                          # a parallel hand-off: both happen
    flow("survey", "end")
    return KoreanMap(w, m, proc, named)


def spiff_parser(xml: bytes):
    from lxml import etree
    from SpiffWorkflow.bpmn.parser.BpmnParser import BpmnParser, BpmnValidator

    parser = BpmnParser(validator=BpmnValidator())
    parser.add_bpmn_xml(with_links_as_flows(etree.fromstring(xml)), "export.bpmn")
    for called in sorted(set(re.findall(rb'calledElement="([^"]+)"', xml))):
        parser.add_bpmn_xml(etree.fromstring(STUB.format(pid=called.decode()).encode()), "stub.bpmn")
    return parser


def with_links_as_flows(root):
    """SpiffWorkflow 3 has no link events: what an engine does with them (a link throw event
    goes on at the catch event of the same name) is written as a sequence flow between them.
    The document is validated first, as it was exported."""
    from lxml import etree

    BpmnValidator_validate(root)
    ns = {"bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL"}
    model = "{%s}" % ns["bpmn"]
    for process in root.iterfind("bpmn:process", ns):
        catches = {d.get("name"): d.getparent() for d in process.iterfind("bpmn:intermediateCatchEvent/bpmn:linkEventDefinition", ns)}
        for definition in list(process.iterfind("bpmn:intermediateThrowEvent/bpmn:linkEventDefinition", ns)):
            throw, catch = definition.getparent(), catches[definition.get("name")]
            flow_id = "Link_" + throw.get("id")
            throw.addnext(etree.Element(model + "sequenceFlow", id=flow_id, sourceRef=throw.get("id"),
                                        targetRef=catch.get("id")))
            throw.remove(definition)
            catch.remove(catch.find("bpmn:linkEventDefinition", ns))
            etree.SubElement(throw, model + "outgoing").text = flow_id
            incoming = etree.Element(model + "incoming")
            incoming.text = flow_id
            before = [c for c in catch if etree.QName(c).localname in ("documentation", "extensionElements")]
            catch.insert(len(before), incoming)
    return root


def BpmnValidator_validate(root) -> None:
    from SpiffWorkflow.bpmn.parser.BpmnParser import BpmnValidator

    BpmnValidator().validate(root, "export.bpmn")


def run_workflow(xml: bytes, choose, limit: int = 2000) -> list[str]:
    """Run the exported process to its end; ``choose(gateway id, visit) -> branch number``.
    Returns the ids of the elements run, in order."""
    from SpiffWorkflow.bpmn.workflow import BpmnWorkflow
    from SpiffWorkflow.util.task import TaskState

    parser = spiff_parser(xml)
    process_id = re.search(rb'<bpmn:process id="([^"]+)"', xml).group(1).decode()
    workflow = BpmnWorkflow(parser.get_spec(process_id), parser.get_subprocess_specs(process_id))
    visits: dict[str, int] = {}
    ran: list[str] = []
    for _ in range(limit):
        if workflow.completed:
            return ran
        ready = workflow.get_tasks(state=TaskState.READY)
        if not ready:
            workflow.refresh_waiting_tasks()
            ready = workflow.get_tasks(state=TaskState.READY)
            assert ready, "the workflow is stuck with nothing ready"
        task = ready[0]
        name = task.task_spec.name
        if name.startswith("Gateway_"):
            visit = visits.get(name, 0)
            visits[name] = visit + 1
            task.data["decision_" + name.split("_", 1)[1]] = choose(name, visit)
        task.run()
        if task.state == TaskState.STARTED:      # service tasks: the engine's caller completes them
            task.complete()
        if task.workflow is workflow:
            ran.append(name)
    raise AssertionError("the workflow did not finish")


def exits(xml: bytes) -> dict[str, int]:
    """Gateway id -> number of branches with a condition."""
    from lxml import etree

    root = etree.fromstring(xml)
    ns = {"bpmn": "http://www.omg.org/spec/BPMN/20100524/MODEL"}
    out: dict[str, int] = {}
    for flow in root.iterfind(".//bpmn:sequenceFlow", ns):
        if flow.find("bpmn:conditionExpression", ns) is not None:
            out[flow.get("sourceRef")] = out.get(flow.get("sourceRef"), 0) + 1
    return out


def open_store(path: Path) -> Store:
    return Store.open(path)
