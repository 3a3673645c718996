"""A process map as BPMN 2.0 XML with diagram interchange (DI).

One process with a lane set (our lanes), a pool around it, the steps as events, tasks,
gateways and call activities (mapping in ``model``), the flows as sequence flows, and the
phases as groups over their time columns. Shapes and waypoints come from
``layout.swimlane``, so the file opens in a BPMN modeller looking like our map.

Element ids are made from the order of things in the map (``Activity_3``, ``Flow_7``), so
exporting, importing and exporting again gives the same document. The process id is
``Process_<our process id>`` and a call activity calls ``Process_<linked process id>``:
the maps of one workshop, exported one by one, refer to each other.

A decision's branches carry a condition a BPMN engine can evaluate: ``decision_<n> == <k>``
for its k-th exit, with the flow's label as the sequence flow's name and the gateway's
documentation saying which number is which branch. A step that is not a decision but has
several exits means that all of them happen: BPMN engines want that as a parallel gateway,
so one is written after the step (marked ``mot:implicit``; reading our file back drops it).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict

from mot_workshop import __version__
from mot_workshop.domain.enums import GATEWAY_MARKERS, EventRole, LaneKind, Marker, Shape, marker_applies
from mot_workshop.domain.process import Flow, Lane, Phase, ProcessMap, Step
from mot_workshop.domain.snapshot import Snapshot
from mot_workshop.export.bpmn.di_edges import BOX, DIAMOND, ROUND, edge_points, orthogonal
from mot_workshop.export.bpmn.model import BPMNDI, DC, DI, EXPORTER, GATEWAY_MARKER, MODEL, MOT, XSI
from mot_workshop.i18n import tr
from mot_workshop.layout.geometry import Rect
from mot_workshop.layout.swimlane import LANE_HEADER_WIDTH, layout_map

POOL_BAND = 30.0                 # the pool's name band, left of the lanes (as bpmn-js draws it)
LANE_BAND = 30.0                 # each lane's name band
POOL_X = LANE_HEADER_WIDTH - POOL_BAND - LANE_BAND   # so the lanes' content starts where ours does
EVENT_SIZE = 36.0
GATEWAY_SIZE = 50.0
# Condition dialects: JavaScript (the default: Camunda 7, Flowable, Activiti evaluate it, and
# ``decision_n == k`` reads the same in SpiffWorkflow's Python) or FEEL for Camunda 8 (Zeebe
# reads an expression that starts with "=", and ignores the language attribute).
CONDITIONS = ("javascript", "feel")
CONDITION_LANGUAGE = "javascript"
FEEL_LANGUAGE = "https://www.omg.org/spec/DMN/20191111/FEEL/"

_PREFIX = {"startEvent": "StartEvent", "endEvent": "EndEvent", "intermediateThrowEvent": "Event",
           "userTask": "Activity", "serviceTask": "Activity", "task": "Activity", "exclusiveGateway": "Gateway",
           "callActivity": "CallActivity", "intermediateCatchEvent": "Event", "boundaryEvent": "Event",
           **{tag: "Gateway" for tag in GATEWAY_MARKER}}
_GATEWAY_TAG = {marker: tag for tag, marker in GATEWAY_MARKER.items()}
# an event's marker as the definition element(s) BPMN writes; a multiple event names two,
# as BPMN wants at least two (which ones the source file had is not kept)
_DEFINITIONS = {Marker.TIMER: ("timer",), Marker.MESSAGE: ("message",), Marker.SIGNAL: ("signal",),
                Marker.ERROR: ("error",), Marker.ESCALATION: ("escalation",),
                Marker.CONDITIONAL: ("conditional",), Marker.LINK: ("link",),
                Marker.COMPENSATION: ("compensate",), Marker.CANCEL: ("cancel",),
                Marker.TERMINATE: ("terminate",), Marker.MULTIPLE: ("message", "signal"),
                Marker.PARALLEL_MULTIPLE: ("message", "signal")}
_HOSTS = (Shape.ACTIVITY, Shape.COMPUTER, Shape.OTHER_PROCESS)
_CONDITIONAL_GATEWAYS = ("exclusiveGateway", "inclusiveGateway", "complexGateway")
BOUNDARY_GAP = 10.0              # a boundary event sits this far in from its activity's right corner

for _prefix, _uri in (("bpmn", MODEL), ("bpmndi", BPMNDI), ("dc", DC), ("di", DI), ("xsi", XSI),
                      ("mot", MOT)):
    ET.register_namespace(_prefix, _uri)


def _m(tag: str) -> str:
    return f"{{{MODEL}}}{tag}"


def _mot(name: str) -> str:
    return f"{{{MOT}}}{name}"


def _num(value: float) -> str:
    value = round(float(value), 2)
    return str(int(value)) if value == int(value) else repr(value)


def decision_variable(index: int) -> str:
    """The data field a decision's conditions test (``decision_<n>``; n as in its element id)."""
    return f"decision_{index}"


def export_map(snapshot: Snapshot, map_id: int, *, conditions: str = "javascript") -> bytes:
    """The map as a BPMN 2.0 document (UTF-8 bytes with an XML declaration); ``conditions``
    is the dialect of the branch conditions (``CONDITIONS``)."""
    if conditions not in CONDITIONS:
        raise ValueError(f"conditions must be one of {', '.join(CONDITIONS)}")
    pmap = snapshot.get("process_map", map_id)
    if pmap is None:
        raise KeyError(f"no process map with id {map_id}")
    assert isinstance(pmap, ProcessMap)
    process = snapshot.get("process", pmap.process_id)
    lanes: list[Lane] = snapshot.where("lane", map_id=map_id)
    phases: list[Phase] = snapshot.where("phase", map_id=map_id)
    writer = _writer(snapshot, pmap, process)
    writer.conditions = conditions
    return writer.document()


def element_ids(snapshot: Snapshot, map_id: int) -> tuple[dict[int, str], dict[int, str]]:
    """The element ids the export of a map gives its steps and its lanes ({our id: element id}).

    A derived map's file names the steps and lanes it came from by these ids, so the import
    finds them again in any copy of the source map (they follow the map's order, not our ids)."""
    pmap = snapshot.get("process_map", map_id)
    if pmap is None:
        return {}, {}
    writer = _writer(snapshot, pmap, snapshot.get("process", pmap.process_id))
    return writer.step_ref, writer.lane_ref


def _writer(snapshot: Snapshot, pmap: ProcessMap, process) -> _Writer:
    map_id = pmap.id
    lanes: list[Lane] = snapshot.where("lane", map_id=map_id)
    phases: list[Phase] = snapshot.where("phase", map_id=map_id)
    steps: list[Step] = sorted(snapshot.where("step", map_id=map_id), key=lambda s: s.id)
    flows: list[Flow] = sorted(snapshot.where("flow", map_id=map_id), key=lambda f: f.id)
    return _Writer(snapshot, pmap, process, lanes, phases, steps, flows)


class _Writer:
    def __init__(self, snapshot, pmap, process, lanes, phases, steps, flows):
        self.snapshot = snapshot
        self.conditions = "javascript"
        self.pmap = pmap
        self.process = process
        self.lanes = lanes
        self.phases = phases
        self.steps = steps
        self.flows = flows
        self.lane_kind = {lane.id: LaneKind(lane.kind) for lane in lanes}
        self.incoming: dict[int, list[Flow]] = defaultdict(list)
        self.outgoing: dict[int, list[Flow]] = defaultdict(list)
        for flow in flows:
            self.outgoing[flow.source_id].append(flow)
            self.incoming[flow.target_id].append(flow)
        self.index = {step.id: i for i, step in enumerate(steps, start=1)}
        self.step_by_id = {step.id: step for step in steps}
        self.host = self._attachments()          # boundary event step -> the activity it sits on
        self.attach_flows = {f.id for f in flows if f.target_id in self.host}
        for flow in flows:                       # an attachment is no flow of the process
            if flow.id in self.attach_flows:
                self.outgoing[flow.source_id].remove(flow)
                self.incoming[flow.target_id].remove(flow)
        self.link_flows = self._link_pairs()
        self.link_throw = {f.source_id: f for f in flows if f.id in self.link_flows}
        self.link_catch = {f.target_id: f for f in flows if f.id in self.link_flows}
        self.tag = {step.id: self._tag(step) for step in steps}
        self.step_ref = {step.id: f"{_PREFIX[self.tag[step.id]]}_{self.index[step.id]}" for step in steps}
        self.flow_ref = {flow.id: f"Flow_{i}" for i, flow in enumerate(flows, start=1)}
        self.lane_ref = {lane.id: f"Lane_{i}" for i, lane in enumerate(lanes, start=1)}
        self.phase_ref = {phase.id: f"Group_{i}" for i, phase in enumerate(phases, start=1)}
        self.process_ref = f"Process_{pmap.process_id}"
        self.splits = {step.id: f"Split_{self.index[step.id]}" for step in steps
                       if not self.tag[step.id].endswith("Gateway") and len(self.outgoing[step.id]) > 1}
        self.joins = self._joins()

    # ------------------------------------------------------------------ links out of the map
    def _links(self) -> None:
        """What the map's steps and lanes refer to outside the map: the map they were derived
        from (by its export's element ids), touchpoints (by cycle and name), obstacles (in full)."""
        snapshot, pmap = self.snapshot, self.pmap
        source = snapshot.get("process_map", pmap.derived_from_id) if pmap.derived_from_id else None
        self.derived_from = source
        self.origin_step: dict[int, tuple[str, str]] = {}
        self.origin_lane: dict[int, str] = {}
        if source is not None:
            step_refs, lane_refs = element_ids(snapshot, source.id)
            for step in self.steps:
                origin = snapshot.get("step", step.origin_id) if step.origin_id in step_refs else None
                if origin is not None:
                    self.origin_step[step.id] = (step_refs[origin.id], origin.label)
            for lane in self.lanes:
                if lane.origin_id in lane_refs:
                    self.origin_lane[lane.id] = lane_refs[lane.origin_id]
        self.obstacles: dict[int, list] = defaultdict(list)
        if self.process is not None:
            ours = {step.id for step in self.steps}
            for obstacle in snapshot.where("obstacle", process_id=self.process.id):
                if obstacle.source_step_id in ours:
                    self.obstacles[obstacle.source_step_id].append(obstacle)

    def _attachments(self) -> dict[int, int]:
        """Connectors marked as boundary events whose one incoming flow comes from an activity:
        written as that activity's boundary event (the flow is the attachment)."""
        shape = {step.id: Shape(step.shape) for step in self.steps}
        out: dict[int, int] = {}
        for step in self.steps:
            if step.event_role not in (EventRole.BOUNDARY, EventRole.BOUNDARY_NON_INTERRUPTING) \
                    or not marker_applies(step.marker, step.shape) or shape[step.id] != Shape.CONNECTOR:
                continue
            incoming = self.incoming[step.id]
            if len(incoming) == 1 and shape.get(incoming[0].source_id) in _HOSTS:
                out[step.id] = incoming[0].source_id
        return out

    def _joins(self) -> dict[int, tuple[str, str]]:
        """Steps that several branches flow into get a merging gateway before them (BPMN's
        join; bpmnlint's fake-join): {step id: (gateway id, gateway element)}. A gateway that
        only merges needs none; one that also splits gets one (no-gateway-join-fork)."""
        out: dict[int, tuple[str, str]] = {}
        self.back_edges = self._back_edges()
        for step in self.steps:
            incoming = [f for f in self.incoming[step.id] if f.id not in self.link_flows]
            if len(incoming) < 2 or (self.tag[step.id].endswith("Gateway") and len(self.outgoing[step.id]) < 2):
                continue
            out[step.id] = (f"Join_{self.index[step.id]}", self._join_tag(step.id, incoming))
        return out

    def _back_edges(self) -> set[int]:
        """Flows that close a loop (to a step still on the path of a depth-first walk from the
        starts): they come back to a step, they do not merge branches into it."""
        state: dict[int, int] = {}            # 1: on the path, 2: done
        back: set[int] = set()
        roots = [s.id for s in self.steps if not self.incoming[s.id]] + [s.id for s in self.steps]
        for root in roots:
            if root in state:
                continue
            state[root] = 1
            path = [(root, iter(self.outgoing[root]))]
            while path:
                node, exits = path[-1]
                flow = next(exits, None)
                if flow is None:
                    state[node] = 2
                    path.pop()
                elif state.get(flow.target_id) == 1:
                    back.add(flow.id)
                elif flow.target_id not in state:
                    state[flow.target_id] = 1
                    path.append((flow.target_id, iter(self.outgoing[flow.target_id])))
        return back

    def _join_tag(self, step_id: int, incoming: list[Flow], reach: int = 400) -> str:
        """Parallel after a parallel split, inclusive after an inclusive one, else exclusive:
        the kind of the nearest split all the branches come from (looked for ``reach`` steps
        back, not around loops). A loop back into the step always merges exclusively."""
        if any(flow.id in self.back_edges for flow in incoming):
            return "exclusiveGateway"

        def back(start: int) -> dict[int, int]:       # ancestors (itself too) -> distance
            seen, frontier = {start: 0}, [start]
            while frontier and len(seen) < reach:
                nxt = []
                for node in frontier:
                    for flow in self.incoming[node]:
                        if flow.source_id not in seen and flow.id not in self.back_edges:
                            seen[flow.source_id] = seen[node] + 1
                            nxt.append(flow.source_id)
                frontier = nxt
            return seen

        branches = [back(flow.source_id) for flow in incoming]
        common = set.intersection(*(set(b) for b in branches))
        splits = [n for n in common if len(self.outgoing[n]) > 1]
        if not splits:
            return "exclusiveGateway"
        nearest = min(splits, key=lambda n: (max(b[n] for b in branches), self.index[n]))
        if nearest in self.splits or self.tag[nearest] == "parallelGateway":
            return "parallelGateway"
        return "inclusiveGateway" if self.tag[nearest] == "inclusiveGateway" else "exclusiveGateway"

    def _plain(self, step_id: int) -> bool:
        """A connector that is only a jump (no event of another tool's: timer, message …)."""
        step = self.step_by_id[step_id]
        return not marker_applies(step.marker, step.shape) or step.marker == Marker.LINK

    def _attachment(self, step_id: int) -> Flow:
        return next(f for f in self.flows if f.id in self.attach_flows and f.target_id == step_id)

    def _link_pairs(self) -> set[int]:
        """Flows from one in-process connector to another that only jumps there: written as a
        link throw event and a link catch event of one name (BPMN's off-page connector pair)."""
        shape = {step.id: Shape(step.shape) for step in self.steps}
        ends: set[int] = set()
        pairs: set[int] = set()
        for flow in self.flows:
            source, target = flow.source_id, flow.target_id
            if shape.get(source) == shape.get(target) == Shape.CONNECTOR and source != target \
                    and self._plain(source) and self._plain(target) \
                    and source not in self.host and target not in self.host \
                    and self.outgoing[source] == [flow] and self.incoming[target] == [flow] \
                    and source not in ends and target not in ends:
                pairs.add(flow.id)
                ends |= {source, target}
        return pairs

    def _tag(self, step: Step) -> str:
        shape = Shape(step.shape)
        if shape == Shape.START_END:
            if not self.incoming[step.id]:
                return "startEvent"
            return "endEvent" if not self.outgoing[step.id] else "intermediateThrowEvent"
        if shape == Shape.COMPUTER or (shape == Shape.ACTIVITY and self.lane_kind.get(step.lane_id) == LaneKind.SYSTEM):
            return "serviceTask"
        if step.id in self.link_catch:
            return "intermediateCatchEvent"
        if shape == Shape.OTHER_PROCESS and step.linked_process_id is None:
            return "task"             # a call activity must name what it calls: a plain task, said so
        if marker_applies(step.marker, shape):       # another tool's gateway kind or event, kept
            if shape == Shape.DECISION:
                return _GATEWAY_TAG[Marker(step.marker)]
            if shape == Shape.CONNECTOR and step.id not in self.link_throw:
                return "boundaryEvent" if step.id in self.host else \
                    "intermediateThrowEvent" if step.event_role == EventRole.THROW else "intermediateCatchEvent"
        return {Shape.ACTIVITY: "userTask", Shape.DECISION: "exclusiveGateway",
                Shape.OTHER_PROCESS: "callActivity", Shape.CONNECTOR: "intermediateThrowEvent"}[shape]

    # ------------------------------------------------------------------ semantics
    def document(self) -> bytes:
        root = ET.Element(_m("definitions"), {
            "id": "Definitions_1", "targetNamespace": "http://bpmn.io/schema/bpmn",
            "exporter": EXPORTER, "exporterVersion": __version__})
        if self.phases:
            category = ET.SubElement(root, _m("category"), {"id": "Category_1"})
            for i, phase in enumerate(self.phases, start=1):
                ET.SubElement(category, _m("categoryValue"), {"id": f"CategoryValue_{i}", "value": phase.name})
        name = self.process.name if self.process is not None else ""
        collaboration = ET.SubElement(root, _m("collaboration"), {"id": "Collaboration_1"})
        ET.SubElement(collaboration, _m("participant"), {"id": "Participant_1", "name": name,
                                                          "processRef": self.process_ref})
        attrs = {"id": self.process_ref, "name": name, "isExecutable": "true",
                 _mot("mapKind"): str(self.pmap.kind)}
        if self.pmap.title:
            attrs[_mot("title")] = self.pmap.title
        self._links()
        if self.derived_from is not None:
            attrs[_mot("derivedFrom")] = str(self.derived_from.kind)
        proc = ET.SubElement(root, _m("process"), attrs)
        if self.pmap.notes:
            ET.SubElement(proc, _m("documentation")).text = self.pmap.notes
        self._method_data(proc)
        self._lanes(proc)
        for step in self.steps:
            self._step(proc, step)
        for flow in self.flows:
            self._flow(proc, flow)
        for step_id, split in self.splits.items():
            ET.SubElement(proc, _m("sequenceFlow"), {"id": f"{split}_in", "sourceRef": self.step_ref[step_id],
                                                     "targetRef": split, _mot("implicit"): "true"})
        for step_id, (join, _) in self.joins.items():
            ET.SubElement(proc, _m("sequenceFlow"), {"id": f"{join}_out", "sourceRef": join,
                                                     "targetRef": self.step_ref[step_id], _mot("implicit"): "true"})
        for i, phase in enumerate(self.phases, start=1):
            ET.SubElement(proc, _m("group"), {"id": self.phase_ref[phase.id],
                                               "categoryValueRef": f"CategoryValue_{i}",
                                               _mot("phase"): "true"})
        self._diagram(root)
        ET.indent(root, space="  ")
        _clean_tree(root)     # a name written by another program may hold what XML cannot
        return ET.tostring(root, encoding="UTF-8", xml_declaration=True) + b"\n"

    def _method_data(self, proc: ET.Element) -> None:
        """The worksheet answers kept per map: step 3's As-Is questions, step 5's CS check-points."""
        answers = sorted(self.snapshot.where("asis_answer", map_id=self.pmap.id), key=lambda a: a.question)
        checks = sorted(self.snapshot.where("cs_check", map_id=self.pmap.id), key=lambda c: c.point)
        if not answers and not checks:
            return
        extension = ET.SubElement(proc, _m("extensionElements"))
        for answer in answers:
            ET.SubElement(extension, _mot("asIsAnswer"), {"question": str(answer.question), "answer": answer.answer})
        for check in checks:
            ET.SubElement(extension, _mot("csCheck"), {"point": str(check.point),
                                                        "ticked": "true" if check.ticked else "false",
                                                        "note": check.note})

    def _lanes(self, proc: ET.Element) -> None:
        if not self.lanes:
            return
        lane_set = ET.SubElement(proc, _m("laneSet"), {"id": "LaneSet_1"})
        for lane in self.lanes:
            attrs = {"id": self.lane_ref[lane.id], "name": lane.name, _mot("kind"): str(lane.kind)}
            if lane.id in self.origin_lane:
                attrs[_mot("origin")] = self.origin_lane[lane.id]
            element = ET.SubElement(lane_set, _m("lane"), attrs)
            for step in self.steps:
                if step.lane_id == lane.id:
                    ET.SubElement(element, _m("flowNodeRef")).text = self.step_ref[step.id]
                    if step.id in self.splits:
                        ET.SubElement(element, _m("flowNodeRef")).text = self.splits[step.id]
                    if step.id in self.joins:
                        ET.SubElement(element, _m("flowNodeRef")).text = self.joins[step.id][0]

    def _step(self, proc: ET.Element, step: Step) -> None:
        tag = self.tag[step.id]
        attrs = {"id": self.step_ref[step.id], "name": step.label, _mot("shape"): str(step.shape)}
        if tag == "callActivity" and step.linked_process_id is not None:
            attrs["calledElement"] = f"Process_{step.linked_process_id}"
            linked = self.snapshot.get("process", step.linked_process_id)
            if linked is not None:
                attrs[_mot("linkedProcess")] = linked.name
        if step.phase_id in self.phase_ref:
            attrs[_mot("phase")] = self.phase_ref[step.phase_id]
        for name, attr in (("duration", "duration"), ("wait", "wait")):
            if getattr(step, name):
                attrs[_mot(attr)] = _num(getattr(step, name))
        if step.value_class is not None:
            attrs[_mot("valueClass")] = str(step.value_class)
        if step.is_mot:
            attrs[_mot("isMot")] = "true"
        for name in ("output", "measure", "problems"):
            if getattr(step, name):
                attrs[_mot(name)] = getattr(step, name)
        if step.marker is not None:
            attrs[_mot("marker")] = str(step.marker)
        if step.event_role is not None:
            attrs[_mot("eventRole")] = str(step.event_role)
        if step.id in self.host:
            attrs["attachedToRef"] = self.step_ref[self.host[step.id]]
            if step.event_role == EventRole.BOUNDARY_NON_INTERRUPTING:
                attrs["cancelActivity"] = "false"
            attrs[_mot("x")], attrs[_mot("y")] = _num(step.x), _num(step.y)   # its place on our map
            attachment = self._attachment(step.id)
            attrs[_mot("flow")] = self.flow_ref[attachment.id]      # reading gives the flow back as it was
            if attachment.label:
                attrs[_mot("flowLabel")] = attachment.label
        if step.marker == Marker.PARALLEL_MULTIPLE and tag.endswith("Event") and tag != "endEvent" \
                and tag != "intermediateThrowEvent":
            attrs["parallelMultiple"] = "true"
        if step.id in self.origin_step:
            attrs[_mot("origin")], attrs[_mot("originLabel")] = self.origin_step[step.id]
        touchpoint = self.snapshot.get("touchpoint", step.touchpoint_id) if step.touchpoint_id else None
        if touchpoint is not None:
            cycle = self.snapshot.get("cycle", touchpoint.cycle_id)
            attrs[_mot("touchpoint")] = touchpoint.name
            if cycle is not None:
                attrs[_mot("touchpointCycle")] = cycle.name
        element = ET.SubElement(proc, _m(tag), attrs)
        if tag == "task" and Shape(step.shape) == Shape.OTHER_PROCESS:
            ET.SubElement(element, _m("documentation")).text = tr(
                "Another process, not linked to one in the workshop: written as a plain task, "
                "because a call activity must name the process it calls.")
        exits = self.outgoing[step.id]
        if tag in _CONDITIONAL_GATEWAYS and len(exits) > 1:
            variable = decision_variable(self.index[step.id])
            branches = ", ".join(f"{k} = {f.label or f.condition or self.flow_ref[f.id]}"
                                 for k, f in enumerate(exits, start=1))
            ET.SubElement(element, _m("documentation")).text = tr(
                "Branch chosen by the data field {variable}: {branches}",
                variable=variable, branches=branches)
        if self.obstacles[step.id]:
            extension = ET.SubElement(element, _m("extensionElements"))
            for obstacle in sorted(self.obstacles[step.id], key=lambda o: (o.seq, o.id)):
                ET.SubElement(extension, _mot("obstacle"), {
                    "currentFeatures": obstacle.current_features, "tobeFeatures": obstacle.tobe_features,
                    "obstacle": obstacle.obstacle, "solution": obstacle.solution})
        if step.id in self.joins:                      # the branches meet in a gateway before the step
            join, join_tag = self.joins[step.id]
            ET.SubElement(element, _m("incoming")).text = f"{join}_out"
            gateway = ET.SubElement(proc, _m(join_tag), {"id": join, _mot("implicit"): "true"})
            for flow in self.incoming[step.id]:
                if flow.id not in self.link_flows:
                    ET.SubElement(gateway, _m("incoming")).text = self.flow_ref[flow.id]
            ET.SubElement(gateway, _m("outgoing")).text = f"{join}_out"
        for flow in self.incoming[step.id]:
            if flow.id not in self.link_flows and step.id not in self.joins:
                ET.SubElement(element, _m("incoming")).text = self.flow_ref[flow.id]
        if step.id in self.splits:
            split = self.splits[step.id]
            ET.SubElement(element, _m("outgoing")).text = f"{split}_in"
            gateway = ET.SubElement(proc, _m("parallelGateway"), {"id": split, _mot("implicit"): "true"})
            ET.SubElement(gateway, _m("incoming")).text = f"{split}_in"
            for flow in exits:
                ET.SubElement(gateway, _m("outgoing")).text = self.flow_ref[flow.id]
            return
        for flow in exits:
            if flow.id not in self.link_flows:
                ET.SubElement(element, _m("outgoing")).text = self.flow_ref[flow.id]
        self._link_definition(element, step)
        self._event_definitions(element, step, tag)

    def _event_definitions(self, element: ET.Element, step: Step, tag: str) -> None:
        """The event's definition kept from another tool (timer, message …)."""
        if not tag.endswith("Event") or step.id in self.link_throw or step.id in self.link_catch \
                or not marker_applies(step.marker, step.shape):
            return
        for name in _DEFINITIONS[Marker(step.marker)]:
            kind = name[0].upper() + name[1:]
            ET.SubElement(element, _m(f"{name}EventDefinition"),
                          {"id": f"{kind}EventDefinition_{self.index[step.id]}"})

    def _link_definition(self, element: ET.Element, step: Step) -> None:
        flow = self.link_throw.get(step.id) or self.link_catch.get(step.id)
        if flow is None:
            return
        source = next(s for s in self.steps if s.id == flow.source_id)
        attrs = {"id": f"LinkEventDefinition_{self.index[step.id]}",
                 "name": source.label or flow.label or f"Link_{self.index[source.id]}"}
        if step.id == flow.source_id:     # our flow between the two, so reading gives it back as it was
            attrs[_mot("flow")] = self.flow_ref[flow.id]
            if flow.label:
                attrs[_mot("flowLabel")] = flow.label
        ET.SubElement(element, _m("linkEventDefinition"), attrs)

    def _flow(self, proc: ET.Element, flow: Flow) -> None:
        if flow.id in self.link_flows or flow.id in self.attach_flows:
            return
        source = self.splits.get(flow.source_id) or self.step_ref[flow.source_id]
        target = self.joins[flow.target_id][0] if flow.target_id in self.joins else self.step_ref[flow.target_id]
        attrs = {"id": self.flow_ref[flow.id], "name": flow.label, "sourceRef": source, "targetRef": target}
        if flow.condition:
            attrs[_mot("condition")] = flow.condition
        if not flow.label:
            del attrs["name"]
        element = ET.SubElement(proc, _m("sequenceFlow"), attrs)
        exits = self.outgoing[flow.source_id]
        if self.tag[flow.source_id] in _CONDITIONAL_GATEWAYS and len(exits) > 1:
            k = exits.index(flow) + 1
            # a declared language engines evaluate: ``decision_n == k`` is the same expression in
            # JavaScript (Camunda 7, Flowable, Activiti) and in Python (SpiffWorkflow)
            variable = decision_variable(self.index[flow.source_id])
            feel = self.conditions == "feel"
            expression = ET.SubElement(element, _m("conditionExpression"),
                                       {f"{{{XSI}}}type": "bpmn:tFormalExpression",
                                        "language": FEEL_LANGUAGE if feel else CONDITION_LANGUAGE})
            expression.text = f"= {variable} = {k}" if feel else f"{variable} == {k}"

    # ------------------------------------------------------------------ diagram
    def _diagram(self, root: ET.Element) -> None:
        layout = layout_map(self.lanes, self.phases, self.steps, self.flows, info_rows=False, route=True)
        diagram = ET.SubElement(root, f"{{{BPMNDI}}}BPMNDiagram", {"id": "BPMNDiagram_1"})
        plane = ET.SubElement(diagram, f"{{{BPMNDI}}}BPMNPlane", {"id": "BPMNPlane_1",
                                                                  "bpmnElement": "Collaboration_1"})
        content = layout.content
        right = content.right
        top, bottom = content.top, content.bottom
        self._shape(plane, "Participant_1", Rect(POOL_X, top, right - POOL_X, bottom - top), horizontal=True)
        for box in layout.lanes:
            lane_rect = Rect(POOL_X + POOL_BAND, box.rect.y, right - POOL_X - POOL_BAND, box.rect.h)
            self._shape(plane, self.lane_ref[box.lane_id], lane_rect, horizontal=True)
        for box in layout.phases:
            self._shape(plane, self.phase_ref[box.phase_id],
                        Rect(box.column.x, top, box.column.w, bottom - top))
        bpmn_rects: dict[int, Rect] = {}
        for step in self.steps:
            bpmn_rects[step.id] = self._bpmn_rect(step.id, layout.steps[step.id].rect)
        on_host: dict[int, int] = defaultdict(int)
        for step in self.steps:              # a boundary event on its activity's lower edge, from the right
            if step.id in self.host:
                host = bpmn_rects[self.host[step.id]]
                k = on_host[self.host[step.id]]
                on_host[self.host[step.id]] += 1
                cx = host.right - BOUNDARY_GAP - EVENT_SIZE / 2 - k * (EVENT_SIZE + BOUNDARY_GAP)
                bpmn_rects[step.id] = Rect.around(max(cx, host.x), host.bottom, EVENT_SIZE, EVENT_SIZE)
        for step in self.steps:
            self._shape(plane, self.step_ref[step.id], bpmn_rects[step.id])
        join_rects: dict[int, Rect] = {}
        for step_id, (join, _) in self.joins.items():
            ours = bpmn_rects[step_id]
            join_rects[step_id] = Rect.around(ours.x - 15 - GATEWAY_SIZE / 2, ours.cy, GATEWAY_SIZE, GATEWAY_SIZE)
            self._shape(plane, join, join_rects[step_id])
        split_rects: dict[int, Rect] = {}
        for step_id, split in self.splits.items():
            ours = bpmn_rects[step_id]
            rect = Rect.around(ours.right + 15 + GATEWAY_SIZE / 2, ours.cy, GATEWAY_SIZE, GATEWAY_SIZE)
            split_rects[step_id] = rect
            self._shape(plane, split, rect)
        for flow in self.flows:
            if flow.id in self.link_flows or flow.id in self.attach_flows:
                continue                  # a link event pair jumps, an attachment is the event's place
            route = list(layout.routes.get(flow.id) or [])
            source, target = bpmn_rects[flow.source_id], bpmn_rects[flow.target_id]
            target_outline = self._outline(flow.target_id)
            if flow.target_id in join_rects:           # into the merging gateway before the step
                route = _into_join(route, target, join_rects[flow.target_id])
                target, target_outline = join_rects[flow.target_id], DIAMOND
            if flow.source_id in self.host:   # down from the activity's edge, across, into the target
                below = source.bottom + 20
                route = [(source.cx, source.cy), (source.cx, below), (target.cx, below), (target.cx, target.cy)]
            source_outline = self._outline(flow.source_id)
            if flow.source_id in split_rects:          # leaves from the parallel gateway after the step
                source, source_outline = split_rects[flow.source_id], DIAMOND
                rest = route[1:] if len(route) >= 2 else [(target.cx, target.cy)]
                ahead = rest[0][0] > source.right
                route = orthogonal([(source.cx, source.cy)] + rest, first_horizontal=ahead)
            points = edge_points(route, source, source_outline, target, target_outline)
            self._edge(plane, self.flow_ref[flow.id], points)
        for step_id, (join, _) in self.joins.items():
            gateway, ours = join_rects[step_id], bpmn_rects[step_id]
            points = edge_points([(gateway.cx, gateway.cy), (ours.cx, ours.cy)], gateway, DIAMOND, ours,
                                 self._outline(step_id))
            self._edge(plane, f"{join}_out", points)
        for step_id, split in self.splits.items():
            ours, gateway = bpmn_rects[step_id], split_rects[step_id]
            points = edge_points([(ours.cx, ours.cy), (gateway.cx, gateway.cy)], ours, self._outline(step_id),
                                 gateway, DIAMOND)
            self._edge(plane, f"{split}_in", points)

    def _outline(self, step_id: int) -> str:
        tag = self.tag[step_id]
        return ROUND if tag.endswith("Event") else DIAMOND if tag.endswith("Gateway") else BOX

    @staticmethod
    def _edge(plane: ET.Element, ref: str, points) -> None:
        edge = ET.SubElement(plane, f"{{{BPMNDI}}}BPMNEdge", {"id": f"{ref}_di", "bpmnElement": ref})
        for x, y in points:
            ET.SubElement(edge, f"{{{DI}}}waypoint", {"x": _num(x), "y": _num(y)})

    def _bpmn_rect(self, step_id: int, ours: Rect) -> Rect:
        tag = self.tag[step_id]
        if tag.endswith("Event"):
            return Rect.around(ours.cx, ours.cy, EVENT_SIZE, EVENT_SIZE)
        if tag.endswith("Gateway"):
            return Rect.around(ours.cx, ours.cy, GATEWAY_SIZE, GATEWAY_SIZE)
        return ours

    @staticmethod
    def _shape(plane: ET.Element, ref: str, rect: Rect, *, horizontal: bool | None = None) -> None:
        attrs = {"id": f"{ref}_di", "bpmnElement": ref}
        if horizontal is not None:
            attrs["isHorizontal"] = "true" if horizontal else "false"
        shape = ET.SubElement(plane, f"{{{BPMNDI}}}BPMNShape", attrs)
        ET.SubElement(shape, f"{{{DC}}}Bounds", {"x": _num(rect.x), "y": _num(rect.y),
                                                  "width": _num(rect.w), "height": _num(rect.h)})


def _into_join(route: list, step: Rect, join: Rect) -> list:
    """A route drawn to a step, ended at the merging gateway left of it instead: the route up to
    its last bend, then into the gateway's left corner, or across above / below the step into
    its top or bottom corner (around the step when the route came in from the right)."""
    if len(route) < 2:
        return []
    prefix = list(route[:-1])
    px, py = prefix[-1]
    if px <= join.left:
        mid = px if px > join.left - 12 else join.left - 12
        return prefix + [(mid, py), (mid, join.cy), (join.cx, join.cy)]
    if px < step.left:
        return prefix + [(px, join.cy), (join.cx, join.cy)]
    if step.top <= py <= step.bottom:
        below = step.bottom + 15
        return prefix + [(px, below), (join.cx, below), (join.cx, join.cy)]
    return prefix + [(join.cx, py), (join.cx, join.cy)]


def _clean_tree(root) -> None:
    from mot_workshop.domain.text_clean import clean_text

    for element in root.iter():
        if element.text:
            element.text = clean_text(element.text)
        for key, value in element.attrib.items():
            element.attrib[key] = clean_text(value)
