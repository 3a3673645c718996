"""The BPMN vocabulary we read and write, and the plan an import produces.

Shape mapping (both directions):

    start-end      <-> startEvent (nothing flows in) / endEvent (nothing flows out)
    activity       <-> userTask (task, manualTask, sendTask, receiveTask, scriptTask,
                       businessRuleTask and collapsed subProcess / transaction /
                       adHocSubProcess are read as activities too)
    computer       <-> serviceTask
    decision       <-> exclusiveGateway; inclusive, parallel, event-based and complex
                       gateways are decisions whose ``marker`` keeps the kind
    other-process  <-> callActivity
    connector      <-> intermediateThrowEvent (every intermediate event and boundary
                       event is read as a connector; a boundary event gets a flow from
                       the activity it is attached to, a link throw event a flow to the
                       link catch event of the same name, and our connector pair is
                       written as such a link pair)

An event's definition (timer, message …) is kept as the step's ``marker``; a connector's
``event_role`` says whether it throws, or sits on the edge of the activity before it
(a boundary event, interrupting or not). Without a role a marked connector catches.

The plan is plain data: references between its parts are string keys, which
``editing.linked.CreateLinked`` resolves to the ids the store assigns.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from mot_workshop.domain.enums import LaneKind, MapKind, Marker, Shape

MODEL = "http://www.omg.org/spec/BPMN/20100524/MODEL"
BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI"
DC = "http://www.omg.org/spec/DD/20100524/DC"
DI = "http://www.omg.org/spec/DD/20100524/DI"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
# Our own attributes (BPMN allows attributes of other namespaces on every element): the
# fields BPMN has no place for, so our own files come back without loss.
MOT = "urn:mot-workshop:bpmn:1"

EXPORTER = "MOT Workshop"

TASK_TAGS = ("task", "userTask", "manualTask", "sendTask", "receiveTask", "scriptTask",
             "businessRuleTask", "serviceTask")
SUBPROCESS_TAGS = ("subProcess", "transaction", "adHocSubProcess")
GATEWAY_TAGS = ("exclusiveGateway", "inclusiveGateway", "parallelGateway", "eventBasedGateway",
                "complexGateway")
EVENT_TAGS = ("startEvent", "endEvent", "intermediateCatchEvent", "intermediateThrowEvent",
              "boundaryEvent")
CALL_TAGS = ("callActivity",)
# A decision's gateway kind other than exclusive, kept as the step's marker (both directions).
GATEWAY_MARKER = {"parallelGateway": Marker.PARALLEL, "inclusiveGateway": Marker.INCLUSIVE,
                  "eventBasedGateway": Marker.EVENT_BASED, "complexGateway": Marker.COMPLEX}
FLOW_NODE_TAGS = TASK_TAGS + SUBPROCESS_TAGS + GATEWAY_TAGS + EVENT_TAGS + CALL_TAGS

READ_SHAPE: dict[str, Shape] = {
    **{tag: Shape.ACTIVITY for tag in TASK_TAGS},
    "serviceTask": Shape.COMPUTER,
    **{tag: Shape.ACTIVITY for tag in SUBPROCESS_TAGS},
    **{tag: Shape.DECISION for tag in GATEWAY_TAGS},
    "startEvent": Shape.START_END,
    "endEvent": Shape.START_END,
    "intermediateCatchEvent": Shape.CONNECTOR,
    "intermediateThrowEvent": Shape.CONNECTOR,
    "boundaryEvent": Shape.CONNECTOR,
    "callActivity": Shape.OTHER_PROCESS,
}

# Counting categories of the import report (as the corpus' SOURCES.md counts them).
CATEGORY = {
    **{tag: "task" for tag in TASK_TAGS},
    **{tag: "sub-process" for tag in SUBPROCESS_TAGS},
    **{tag: "gateway" for tag in GATEWAY_TAGS},
    **{tag: "event" for tag in EVENT_TAGS},
    "callActivity": "call activity",
    "sequenceFlow": "sequence flow",
}

# Elements we do not bring into a map; each one found is listed in the report.
UNSUPPORTED_TAGS = ("messageFlow", "textAnnotation", "association", "group", "dataObject",
                    "dataObjectReference", "dataStoreReference", "dataInputAssociation",
                    "dataOutputAssociation", "conversation", "callConversation",
                    "subConversation", "choreographyTask", "subChoreography",
                    "callChoreography", "implicitThrowEvent")

# Lane kinds by whole words (or word sequences) of the lane's name, in English and Korean.
# A Korean word may carry a team suffix ("전산팀"). Nothing matched: a department, the
# safest guess, which the import report shows so the user can change it.
_LANE_WORDS: tuple[tuple[LaneKind, tuple[str, ...]], ...] = (
    (LaneKind.CONTACT, ("front office", "front desk", "front line", "call center", "call centre",
                        "service desk", "help desk", "customer service", "customer center",
                        "customer centre", "contact", "counter", "reception", "receptionist",
                        "agent", "agents", "cashier", "teller", "clerk", "salesperson", "store staff",
                        "접점", "창구", "상담", "상담사", "상담원", "판매사원", "콜센터", "고객센터",
                        "고객상담", "고객지원", "안내", "접수")),
    (LaneKind.CUSTOMER, ("customer", "customers", "client", "clients", "applicant", "applicants",
                         "patient", "patients", "guest", "guests", "consumer", "consumers",
                         "buyer", "buyers", "passenger", "passengers", "kunde", "kunden",
                         "bewerber", "고객", "손님", "환자", "신청인", "신청자", "구매자", "소비자", "승객")),
    (LaneKind.SYSTEM, ("system", "systems", "it", "erp", "crm", "pos", "server", "computer",
                       "database", "sap", "mes", "시스템", "전산", "서버", "데이터베이스")),
)
_KOREAN_SUFFIXES = ("", "팀", "부", "부서", "실", "파트", "님", "들")


def _words(name: str) -> list[str]:
    import re

    return re.findall(r"[0-9a-zA-Z\u00c0-\u024f]+|[\uac00-\ud7a3]+", name.casefold())


def _matches(words: list[str], phrase: str) -> bool:
    parts = phrase.split()
    korean = any("\uac00" <= ch <= "\ud7a3" for ch in phrase)
    for i in range(len(words) - len(parts) + 1):
        window = words[i:i + len(parts)]
        if window[:-1] != parts[:-1]:
            continue
        last, wanted = window[-1], parts[-1]
        if last == wanted:
            return True
        # a Korean compound names what its last word names ("전산시스템", "전산팀", not "고객만족팀")
        if korean and any(last.removesuffix(suffix).endswith(wanted) for suffix in _KOREAN_SUFFIXES if suffix):
            return True
        if korean and last.endswith(wanted):
            return True
    return False


def guess_lane_kind(name: str) -> LaneKind:
    """A lane kind from the whole words of its name ("Customer", "IT", "고객", "전산팀" …);
    a department when no word says otherwise ("Audit team", "Credit Card Company")."""
    words = _words(name)
    for kind, phrases in _LANE_WORDS:
        if any(_matches(words, phrase) for phrase in phrases):
            return kind
    return LaneKind.DEPARTMENT


@dataclass
class PlanLane:
    key: str
    name: str
    kind: LaneKind
    origin: str = ""                 # element id of the lane it was derived from (our files)


@dataclass
class PlanPhase:
    key: str
    name: str
    width: float


@dataclass
class PlanStep:
    key: str
    lane: str
    shape: Shape
    label: str
    x: float = 0.0
    y: float = 0.0
    phase: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)     # duration, wait, output …
    linked_process: str = ""                                 # name of the called process
    source_id: str = ""                                      # the BPMN element's id
    at: tuple[float, float] | None = None                    # ours: a boundary event's place on the map
    # links out of the map (our own files): the step it was derived from (element id in the
    # source map's export, label), its touchpoint (cycle name, name), its obstacles (fields)
    origin: tuple[str, str] | None = None
    touchpoint: tuple[str, str] | None = None
    obstacles: list[dict[str, str]] = field(default_factory=list)


@dataclass
class PlanFlow:
    source: str
    target: str
    label: str = ""
    condition: str = ""
    source_id: str = ""          # the sequence flow's id (ours: Flow_<n>, the map's order)


@dataclass
class ImportReport:
    """What was found in the file, what became part of the map, and what did not.

    ``found`` counts every element of the document by category (as SOURCES.md does);
    ``imported`` counts what became steps, flows and lanes; ``inside`` what sat inside a
    sub-process that was collapsed to one activity; ``unsupported`` lists each element
    left out, as (element name, id, name).
    """

    found: Counter = field(default_factory=Counter)
    imported: Counter = field(default_factory=Counter)
    inside: Counter = field(default_factory=Counter)
    unsupported: list[tuple[str, str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    has_di: bool = False
    lane_kinds: list[tuple[str, LaneKind]] = field(default_factory=list)   # guessed from names
    changed: list[str] = field(default_factory=list)    # semantics the map could not keep

    def unsupported_counts(self) -> Counter:
        return Counter(tag for tag, _, _ in self.unsupported)


@dataclass
class MapPlan:
    """A map ready to be created: lanes top to bottom, phases left to right, steps, flows."""

    name: str
    kind: MapKind | None = None
    title: str = ""
    notes: str = ""
    lanes: list[PlanLane] = field(default_factory=list)
    phases: list[PlanPhase] = field(default_factory=list)
    steps: list[PlanStep] = field(default_factory=list)
    flows: list[PlanFlow] = field(default_factory=list)
    report: ImportReport = field(default_factory=ImportReport)
    derived_from: MapKind | None = None          # the kind of map of its process it was derived from
    method_rows: list[tuple[str, dict[str, Any]]] = field(default_factory=list)   # (kind, values) per map

    def items(self, process: int | str, kind: MapKind, linked: dict[str, int] | None = None
              ) -> list[tuple[str, str, dict[str, Any]]]:
        """(key, entity kind, values) for ``editing.linked.CreateLinked``; ``process`` is the
        id of an existing process or the key of one created before these items."""
        from mot_workshop.layout.bounds import bounded

        linked = linked or {}
        out: list[tuple[str, str, dict[str, Any]]] = [
            ("map", "process_map", {"process_id": process, "kind": kind, "title": self.title,
                                    "notes": self.notes})]
        for lane in self.lanes:
            out.append((f"lane:{lane.key}", "lane", {"map_id": "map", "name": lane.name, "kind": lane.kind}))
        for phase in self.phases:
            out.append((f"phase:{phase.key}", "phase", {"map_id": "map", "name": phase.name,
                                                       "width": bounded(phase.width, 0.0)}))
        for step in self.steps:
            values = {"map_id": "map", "lane_id": f"lane:{step.lane}", "shape": step.shape,
                      "label": step.label, "x": round(bounded(step.x, 0.0), 2),
                      "y": round(bounded(step.y, 0.0), 2),
                      "phase_id": f"phase:{step.phase}" if step.phase else None, **step.extra}
            if step.linked_process and step.linked_process in linked:
                values["linked_process_id"] = linked[step.linked_process]
            out.append((f"step:{step.key}", "step", values))
        for index, flow in enumerate(self.flows):
            out.append((f"flow:{index}", "flow", {"map_id": "map", "source_id": f"step:{flow.source}",
                                                  "target_id": f"step:{flow.target}",
                                                  "label": flow.label, "condition": flow.condition}))
        return out
