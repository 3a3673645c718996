"""BPMN 2.0 files (Camunda Modeler / bpmn-js, Signavio, Bizagi, ARIS, Bonita …) as a map plan.

Every pool's process goes into one map. Lanes come from the lane sets (nested lanes are
flattened to their innermost lanes, named "Parent / Child"), or one lane per pool when a
pool has no lanes (a black-box pool becomes an empty lane: it is usually the customer), or
one default lane when the file has neither. Each element of a process becomes a step (shape
mapping in ``model``); a sub-process is collapsed to one activity and what was inside it is
counted in the report. Elements a map cannot show (message flows, annotations, data
objects, groups of other tools …) are listed in the report, never dropped silently.

Positions: with diagram interchange (DI) a step's centre is converted into our coordinates
(``x`` along the time axis from the left edge of the lanes' content, ``y`` from its lane's
top; vertical pools are turned so their time axis runs left to right, and other tools'
drawings are widened by ``TIME_SCALE`` because our shapes are wider). Without DI the steps
are ordered by the flow (``layout.auto_layout``).
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from mot_workshop.domain.base import COORD_MAX, NAME_MAX, TEXT_MAX, field_map
from mot_workshop.domain.enums import EventRole, LaneKind, MapKind, Marker, Shape
from mot_workshop.domain.process import Step
from mot_workshop.domain.rules import RuleError, normalise_field
from mot_workshop.export.bpmn.model import (
    BPMNDI,
    CATEGORY,
    DC,
    FLOW_NODE_TAGS,
    MODEL,
    MOT,
    GATEWAY_MARKER,
    READ_SHAPE,
    SUBPROCESS_TAGS,
    MapPlan,
    PlanFlow,
    PlanLane,
    PlanPhase,
    PlanStep,
    guess_lane_kind,
)
from mot_workshop.export.bpmn.xmlsafety import MAX_BYTES, BpmnError, parse_xml, read_limited
from mot_workshop.gc_pause import paused
from mot_workshop.i18n import tr
from mot_workshop.layout.geometry import Rect
from mot_workshop.layout.swimlane import LANE_PADDING, shape_size

TIME_SCALE = 1.5          # other tools draw tasks 100 wide, ours are 150
LANE_BAND = 30.0          # the name band at the start of a lane (bpmn-js and most tools)
MIN_LEFT = 20.0           # the left-most shape keeps this much room from the lane header

# Children of a process that hold no map content (definitions, data, bookkeeping).
_STRUCTURAL = {"documentation", "extensionElements", "laneSet", "ioSpecification", "ioBinding",
               "property", "auditing", "monitoring", "supports", "resourceRole", "performer",
               "potentialOwner", "humanPerformer", "correlationSubscription", "sequenceFlow"}
_STEP_FIELDS = {"duration": "duration", "wait": "wait", "valueClass": "value_class",
                "isMot": "is_mot", "output": "output", "measure": "measure", "problems": "problems",
                "marker": "marker", "eventRole": "event_role"}


# Task kinds another tool may draw that a map's activity cannot tell apart: the import says so.
# (A plain task, a user task and a service task come back as they were written.)
_TYPED_TASKS = {
    "manualTask": lambda: tr("manual task"), "sendTask": lambda: tr("send task"),
    "receiveTask": lambda: tr("receive task"), "scriptTask": lambda: tr("script task"),
    "businessRuleTask": lambda: tr("business rule task"),
}
_TYPED_TASKS_SUB = {"transaction": lambda: tr("transaction"), "adHocSubProcess": lambda: tr("ad-hoc sub-process")}
_SHAPES = frozenset(s.value for s in Shape)
_FLOW_NODES = frozenset(FLOW_NODE_TAGS)
_STEP_ATTRIBUTES = tuple((f"{{{MOT}}}{attr}", name) for attr, name in _STEP_FIELDS.items())
_IMPLICIT = f"{{{MOT}}}implicit"
_OUR_FLOW_ID = re.compile(r"Flow_\d+")
# What the import report counts an element of the model as, by its tag (None: not counted).
_COUNTED = {**CATEGORY, "lane": "lane", "participant": "pool", "messageFlow": "message flow",
            "textAnnotation": "text annotation"}
_COUNTED_BY_TAG = {f"{{{MODEL}}}{local}": what for local, what in _COUNTED.items()}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _is_model(el: ET.Element) -> bool:
    return isinstance(el.tag, str) and el.tag.startswith(f"{{{MODEL}}}")


def _m(tag: str) -> str:
    return f"{{{MODEL}}}{tag}"


def _mot(el: ET.Element, name: str, default: str = "") -> str:
    return el.get(f"{{{MOT}}}{name}", default)


def _name(text: str | None, limit: int = NAME_MAX) -> str:
    clean = " ".join((text or "").split())
    return clean if len(clean) <= limit else clean[: limit - 1] + "…"


def read_bpmn_file(path: str | Path, *, max_bytes: int = MAX_BYTES) -> MapPlan:
    path = Path(path)
    return read_bpmn(read_limited(path, max_bytes), source=path.name, max_bytes=max_bytes)


def read_bpmn(data: bytes, *, source: str = "", max_bytes: int = MAX_BYTES) -> MapPlan:
    """The map plan of a BPMN document, or BpmnError (refused, malformed or not BPMN)."""
    with paused():          # the tree and the plan are all kept until the end: nothing to collect
        root = parse_xml(data, source, max_bytes)
        if root.tag != _m("definitions"):
            raise BpmnError(tr("{name} is not a BPMN 2.0 file (its root element is not "
                               "'definitions' in the BPMN 2.0 namespace).", name=source or tr("The file")))
        return _Reader(root, source).plan()


@dataclass
class _Shape:
    rect: Rect
    horizontal: bool | None


@dataclass
class _Unit:
    """One pool (participant) or a process outside any pool."""

    name: str
    process: ET.Element | None
    pool_id: str = ""
    lanes: list[tuple[str, str, ET.Element]] = field(default_factory=list)   # (key, name, element)
    lane_of: dict[str, str] = field(default_factory=dict)                     # node id -> lane key
    nodes: list[ET.Element] = field(default_factory=list)


class _Reader:
    def __init__(self, root: ET.Element, source: str):
        self.root = root
        self.source = source
        self.plan_ = MapPlan(name="")
        self.report = self.plan_.report
        self.ours = root.get("exporter") == "MOT Workshop" or any(
            k.startswith(f"{{{MOT}}}") for el in root.iter() for k in el.attrib)
        self._absurd = 0
        self.shapes = self._shapes()
        self.report.has_di = bool(self.shapes)
        if self._absurd:
            self.report.notes.append(tr(
                "{count} diagram shapes had positions or sizes that are not usable numbers "
                "(NaN, infinite or beyond {limit:,} points); their elements were placed anew.",
                count=self._absurd, limit=int(COORD_MAX)))
        self._lane_count = 0
        self._boundaries: list[tuple[str, str]] = []      # (activity, boundary event) step keys

    # ------------------------------------------------------------------ overview
    def _shapes(self) -> dict[str, _Shape]:
        shapes: dict[str, _Shape] = {}
        for shape in self.root.iter(f"{{{BPMNDI}}}BPMNShape"):
            ref = shape.get("bpmnElement")
            bounds = shape.find(f"{{{DC}}}Bounds")
            if not ref or bounds is None or ref in shapes:
                continue
            try:
                rect = Rect(float(bounds.get("x", 0)), float(bounds.get("y", 0)),
                            float(bounds.get("width", 0)), float(bounds.get("height", 0)))
            except ValueError:
                continue
            if not all(math.isfinite(v) and abs(v) <= COORD_MAX for v in (rect.x, rect.y, rect.w, rect.h)) \
                    or rect.w < 0 or rect.h < 0:
                self._absurd += 1             # NaN, infinite or absurdly far: placed anew instead
                continue
            horizontal = shape.get("isHorizontal")
            shapes[ref] = _Shape(rect, None if horizontal is None else horizontal.strip().lower() == "true")
        return shapes

    def _count_found(self) -> None:
        found = self.report.found
        counted = _COUNTED_BY_TAG
        for el in self.root.iter():
            what = counted.get(el.tag) if isinstance(el.tag, str) else None
            if what is not None and el.get(_IMPLICIT) != "true":
                found[what] += 1

    def _units(self) -> list[_Unit]:
        processes = {p.get("id", ""): p for p in self.root.findall(_m("process"))}
        units: list[_Unit] = []
        used: set[str] = set()
        for collaboration in self.root.findall(_m("collaboration")):
            for participant in collaboration.findall(_m("participant")):
                ref = participant.get("processRef", "")
                process = processes.get(ref)
                if process is not None:
                    used.add(ref)
                name = _name(participant.get("name")) or (_name(process.get("name")) if process is not None else "")
                units.append(_Unit(name, process, participant.get("id", "")))
        for pid, process in processes.items():
            if pid in used:
                continue
            has_content = any(_local(c.tag) in _FLOW_NODES or _local(c.tag) == "laneSet" for c in process)
            if has_content or not units:
                units.append(_Unit(_name(process.get("name")), process))
            else:                     # a process with no element of its own (stray flows)
                for el in process:
                    if _is_model(el) and (_local(el.tag) == "sequenceFlow" or _local(el.tag) not in _STRUCTURAL):
                        self.report.unsupported.append((_local(el.tag), el.get("id", ""), _name(el.get("name"))))
        return self._by_position(units, lambda u: u.pool_id)

    def _by_position(self, items: list, element_id) -> list:
        """``items`` in the order the diagram draws them (top to bottom, or left to right for
        vertical pools and lanes) when every one has a shape; else as the XML lists them."""
        shapes = [self.shapes.get(element_id(item)) for item in items]
        if len(items) < 2 or any(shape is None for shape in shapes):
            return items
        vertical = all(shape.horizontal is False for shape in shapes)
        order = sorted(range(len(items)), key=lambda i: (shapes[i].rect.x, shapes[i].rect.y) if vertical
                       else (shapes[i].rect.y, shapes[i].rect.x))
        return [items[i] for i in order]

    # ------------------------------------------------------------------ the plan
    def plan(self) -> MapPlan:
        self._count_found()
        units = self._units()
        plan = self.plan_
        plan.name = self._map_name(units)
        first = next((u.process for u in units if u.process is not None), None)
        if first is not None:
            if self.ours:
                kind = _mot(first, "mapKind")
                plan.kind = MapKind(kind) if kind in {k.value for k in MapKind} else None
                plan.title = _name(_mot(first, "title"))
            doc = first.find(_m("documentation"))
            if doc is not None and doc.text:
                plan.notes = doc.text.strip()[:TEXT_MAX]
            if self.ours:
                self._map_links(first)
        for unit in units:
            self._lanes(unit, several=len(units) > 1)
        if not plan.lanes:
            self._add_lane(tr("Lane"), LaneKind.DEPARTMENT, None)
        for unit in units:
            if unit.process is not None:
                self._content(unit)
        self._collaboration_leftovers()
        self._place(units)
        self.report.imported["lane"] = len(plan.lanes)
        return plan

    def _map_links(self, process: ET.Element) -> None:
        """Our own file: the kind of map it was derived from, and the worksheet answers kept per map."""
        plan = self.plan_
        derived = _mot(process, "derivedFrom")
        plan.derived_from = MapKind(derived) if derived in {k.value for k in MapKind} else None
        extension = process.find(_m("extensionElements"))
        if extension is None:
            return
        for el in extension.findall(f"{{{MOT}}}asIsAnswer"):
            plan.method_rows.append(("asis_answer", {"question": el.get("question", ""),
                                                     "answer": el.get("answer", "")}))
        for el in extension.findall(f"{{{MOT}}}csCheck"):
            plan.method_rows.append(("cs_check", {"point": el.get("point", ""), "ticked": el.get("ticked", "false"),
                                                  "note": el.get("note", "")}))

    def _map_name(self, units: list[_Unit]) -> str:
        names = [u.name for u in units if u.name and u.process is not None]
        if len(names) == 1:
            return names[0]
        collaboration = self.root.find(_m("collaboration"))
        if collaboration is not None and collaboration.get("name"):
            return _name(collaboration.get("name"))
        if names:
            return names[0]
        return _name(Path(self.source).stem) if self.source else tr("Imported process")

    def _add_lane(self, name: str, kind: LaneKind, unit: _Unit | None, element: ET.Element | None = None) -> str:
        self._lane_count += 1
        key = f"L{self._lane_count}"
        name = _name(name) or tr("Lane {number}", number=self._lane_count)
        self.plan_.lanes.append(PlanLane(key, name, kind))
        if unit is not None:
            unit.lanes.append((key, name, element))
        return key

    def _lanes(self, unit: _Unit, several: bool) -> None:
        prefix = f"{unit.name} / " if several and unit.name else ""
        leaves: list[tuple[str, ET.Element]] = []
        if unit.process is not None:
            for lane_set in unit.process.findall(_m("laneSet")):
                leaves.extend(self._leaf_lanes(lane_set, ""))
        if not leaves:
            name = unit.name or (tr("Pool") if unit.process is None else self.plan_.name)
            kind = self._guess(name)
            key = self._add_lane(name, kind, unit)
            if unit.process is not None:
                for node in unit.process:
                    if _local(node.tag) in _FLOW_NODES:
                        unit.lane_of[node.get("id", "")] = key
            return
        for name, lane in leaves:
            kind_text = _mot(lane, "kind") if self.ours else ""
            kind = LaneKind(kind_text) if kind_text in {k.value for k in LaneKind} else self._guess(name)
            full = (prefix + name if name else unit.name) if prefix else (name or unit.name)
            self._add_lane(full, kind, unit, lane)
            if self.ours:
                self.plan_.lanes[-1].origin = _mot(lane, "origin")
        # membership: every lane on the path lists its nodes; the innermost lane wins
        for lane in unit.process.iter(_m("lane")):
            key = next((k for k, _, el in unit.lanes if el is lane), None)
            holder = key or self._innermost_key(unit, lane)
            for ref in lane.findall(_m("flowNodeRef")):
                node_id = (ref.text or "").strip()
                if node_id and (key is not None or node_id not in unit.lane_of):
                    unit.lane_of[node_id] = holder

    def _guess(self, name: str) -> LaneKind:
        kind = guess_lane_kind(name)
        self.report.lane_kinds.append((_name(name), kind))
        return kind

    def _innermost_key(self, unit: _Unit, lane: ET.Element) -> str:
        """The key of the first leaf under a parent lane (nodes only the parent lists go there)."""
        for leaf in lane.iter(_m("lane")):
            key = next((k for k, _, el in unit.lanes if el is leaf), None)
            if key is not None:
                return key
        return unit.lanes[0][0]

    def _leaf_lanes(self, lane_set: ET.Element, parent: str) -> Iterator[tuple[str, ET.Element]]:
        for lane in self._by_position(lane_set.findall(_m("lane")), lambda el: el.get("id", "")):
            name = _name(lane.get("name"))
            full = f"{parent} / {name}" if parent and name else (name or parent)
            children = [c for c in lane.findall(_m("childLaneSet")) if c.findall(_m("lane"))]
            if children:
                for child in children:
                    yield from self._leaf_lanes(child, full)
            else:
                yield full, lane

    # ------------------------------------------------------------------ steps and flows
    def _content(self, unit: _Unit) -> None:
        process = unit.process
        plan, report = self.plan_, self.report
        keys: dict[str, str] = {}
        phase_of_group: dict[str, str] = {}
        if self.ours:
            self._phases(process, phase_of_group)
        links: dict[str, list[str]] = {}
        throws: list[tuple[str, str]] = []
        implicit = self._implicit_splits(process)
        joins = self._implicit_joins(process)
        for el in process:
            node_id = el.get("id", "")
            if not _is_model(el) or node_id in implicit or node_id in joins:
                continue
            local = _local(el.tag)
            if local in _FLOW_NODES:
                key = node_id or f"node{len(plan.steps) + 1}"
                keys[node_id] = key
                unit.nodes.append(el)
                plan.steps.append(self._step(el, local, key, unit, phase_of_group))
                if not self.ours:
                    self._note_changes(el, local)
                report.imported[CATEGORY[local]] += 1
                if local in SUBPROCESS_TAGS:
                    self._collapse(el)
                link = el.find(f"{_m('linkEventDefinition')}")
                if link is not None:
                    name = link.get("name") or el.get("name") or ""
                    if local == "intermediateCatchEvent":
                        links.setdefault(name, []).append(key)
                    elif local == "intermediateThrowEvent":
                        throws.append((key, name, link))
            elif local in _STRUCTURAL:
                continue
            elif local == "group" and self.ours and _mot(el, "phase") == "true":
                continue
            else:
                report.unsupported.append((local, node_id, _name(el.get("name"))))
        for el in process.findall(_m("sequenceFlow")):
            source, target = el.get("sourceRef", ""), el.get("targetRef", "")
            if target in implicit or source in joins:
                continue
            source = implicit.get(source, source)
            target = joins.get(target, target)
            if source in keys and target in keys and source != target:
                plan.flows.append(PlanFlow(keys[source], keys[target], _name(el.get("name")),
                                           self._condition(el), el.get("id", "")))
                report.imported["sequence flow"] += 1
            else:
                report.unsupported.append(("sequenceFlow", el.get("id", ""), _name(el.get("name"))))
        for el in process.findall(_m("boundaryEvent")):
            host = el.get("attachedToRef", "")
            if host in keys and el.get("id", "") in keys:
                if self.ours and _mot(el, "flow"):        # our attachment: the flow as it was
                    plan.flows.append(PlanFlow(keys[host], keys[el.get("id", "")], _name(_mot(el, "flowLabel")),
                                               "", _mot(el, "flow")))
                else:                                     # the event carries the name, the attachment none
                    plan.flows.append(PlanFlow(keys[host], keys[el.get("id", "")]))
                    self._boundaries.append((keys[host], keys[el.get("id", "")]))
                report.imported["added link"] += 1
        for key, name, link in throws:
            for target in links.get(name, []):
                if self.ours and _mot(link, "flow"):       # our connector pair: the flow as it was
                    plan.flows.append(PlanFlow(key, target, _name(_mot(link, "flowLabel")), "", _mot(link, "flow")))
                    report.imported["added link"] += 1
                    continue
                plan.flows.append(PlanFlow(key, target, name))
                report.imported["added link"] += 1
        if self.ours:                     # in the map's order, so the next export numbers them alike
            plan.flows.sort(key=lambda f: int(f.source_id[5:]) if _OUR_FLOW_ID.fullmatch(f.source_id) else 1 << 62)

    def _note_changes(self, el: ET.Element, local: str) -> None:
        """Say what of this element's meaning the map cannot hold. A gateway's kind, an event's
        definition and a boundary event's attachment are kept (``_marker``); what is listed here
        is lost: the particulars of a definition (a timer's time, a message's name …), the
        single definitions of a multiple event, definitions referred to by id."""
        what = f"'{_name(el.get('name'), 60)}' ({el.get('id', '')})" if el.get("name") else el.get("id", "")
        changes = self.report.changed
        definitions = _definitions(el)
        if len(definitions) > 1:
            changes.append(tr("{element}: its event definitions ({definitions}) were kept as one "
                              "'multiple' event; which of them it was is lost.", element=what,
                              definitions=", ".join(_local(d.tag).removesuffix("EventDefinition") for d in definitions)))
        else:
            for definition in definitions:
                details = [_local(c.tag) for c in definition if _is_model(c)] + \
                    [key for key in definition.attrib if key != "id" and "}" not in key]
                if details and _local(definition.tag) != "linkEventDefinition":
                    changes.append(tr("{element}: the type of its {definition} event was kept, not its "
                                      "particulars ({details}).", element=what,
                                      definition=_local(definition.tag).removesuffix("EventDefinition"),
                                      details=", ".join(details)))
        for ref in el.findall(_m("eventDefinitionRef")):
            changes.append(tr("{element}: its event definition {reference}, defined elsewhere in the file, "
                              "was dropped.", element=what, reference=(ref.text or "").strip()))
        if local == "boundaryEvent" and not el.get("attachedToRef"):
            changes.append(tr("{element}: a boundary event attached to nothing became a connector.", element=what))
        if local in _TYPED_TASKS:
            changes.append(tr("{element}: this {kind} became an activity; the map has no task types.",
                              element=what, kind=_TYPED_TASKS[local]()))
        elif local in ("transaction", "adHocSubProcess"):
            changes.append(tr("{element}: this {kind} became one activity, without its transaction or "
                              "ad-hoc behaviour.", element=what, kind=_TYPED_TASKS_SUB[local]()))

    def _implicit_splits(self, process: ET.Element) -> dict[str, str]:
        """Our own parallel gateways after a step with several exits -> that step's id."""
        if not self.ours:
            return {}
        splits = {el.get("id", ""): "" for el in process if _mot(el, "implicit") == "true"
                  and _local(el.tag) == "parallelGateway" and not el.get("id", "").startswith("Join_")}
        for flow in process.findall(_m("sequenceFlow")):
            if flow.get("targetRef") in splits:
                splits[flow.get("targetRef")] = flow.get("sourceRef", "")
        return splits

    def _implicit_joins(self, process: ET.Element) -> dict[str, str]:
        """Our own merging gateways before a step several branches flow into -> that step's id."""
        if not self.ours:
            return {}
        joins = {el.get("id", ""): "" for el in process if _mot(el, "implicit") == "true"
                 and _local(el.tag) in GATEWAY_MARKER.keys() | {"exclusiveGateway"} and el.get("id", "").startswith("Join_")}
        for flow in process.findall(_m("sequenceFlow")):
            if flow.get("sourceRef") in joins:
                joins[flow.get("sourceRef")] = flow.get("targetRef", "")
        return joins

    def _phases(self, process: ET.Element, phase_of_group: dict[str, str]) -> None:
        values = {v.get("id", ""): v.get("value", "") for v in self.root.iter(_m("categoryValue"))}
        groups = [g for g in process.findall(_m("group")) if _mot(g, "phase") == "true"]
        for group in groups:
            gid = group.get("id", "")
            shape = self.shapes.get(gid)
            width = shape.rect.w if shape is not None and shape.rect.w > 0 else 240.0
            name = _name(values.get(group.get("categoryValueRef", ""), "")) or tr("Phase")
            key = f"{gid}"
            phase_of_group[gid] = key
            self.plan_.phases.append(PlanPhase(key, name, width))

    def _step(self, el: ET.Element, local: str, key: str, unit: _Unit, phases: dict[str, str]) -> PlanStep:
        shape = READ_SHAPE[local]
        extra: dict = {}
        linked = ""
        phase = None
        at = None
        if self.ours:
            mot_shape = _mot(el, "shape")
            if mot_shape in _SHAPES:
                shape = Shape(mot_shape)
            infos = field_map(Step)
            for attr, name in _STEP_ATTRIBUTES:
                raw = el.get(attr)
                if raw is None:
                    continue
                try:
                    extra[name] = normalise_field(infos[name], raw)
                except RuleError as exc:
                    self.report.notes.append(f"{el.get('id', '')}: {exc}")
            linked = _name(_mot(el, "linkedProcess"))
            phase = phases.get(_mot(el, "phase")) or None
            at = _point(_mot(el, "x"), _mot(el, "y"))
        else:
            extra.update(_marker(el, local))
            if local == "callActivity" and el.get("calledElement"):
                called = el.get("calledElement", "")
                target = next((p for p in self.root.findall(_m("process")) if p.get("id") == called), None)
                linked = _name(target.get("name") if target is not None and target.get("name") else called)
        lane = unit.lane_of.get(el.get("id", "")) or self._lane_by_position(unit, el.get("id", ""))
        step = PlanStep(key, lane, shape, _name(el.get("name")), phase=phase, extra=extra,
                        linked_process=linked, source_id=el.get("id", ""), at=at)
        if self.ours:
            self._step_links(el, step)
        return step

    @staticmethod
    def _step_links(el: ET.Element, step: PlanStep) -> None:
        origin = _mot(el, "origin")
        if origin:
            step.origin = (origin, _name(_mot(el, "originLabel")))
        touchpoint = _name(_mot(el, "touchpoint"))
        if touchpoint:
            step.touchpoint = (_name(_mot(el, "touchpointCycle")), touchpoint)
        extension = el.find(_m("extensionElements"))
        for obstacle in extension.findall(f"{{{MOT}}}obstacle") if extension is not None else ():
            step.obstacles.append({name: (obstacle.get(attr) or "")[:TEXT_MAX] for attr, name in (
                ("currentFeatures", "current_features"), ("tobeFeatures", "tobe_features"),
                ("obstacle", "obstacle"), ("solution", "solution"))})

    def _lane_by_position(self, unit: _Unit, node_id: str) -> str:
        shape = self.shapes.get(node_id)
        if shape is not None:
            for key, _, lane in unit.lanes:
                lane_shape = self.shapes.get(lane.get("id", "")) if lane is not None else None
                if lane_shape is not None and lane_shape.rect.contains_point(shape.rect.cx, shape.rect.cy):
                    return key
        return unit.lanes[0][0]

    def _condition(self, flow: ET.Element) -> str:
        if self.ours:
            return _name(_mot(flow, "condition"))
        expression = flow.find(_m("conditionExpression"))
        return _name(expression.text) if expression is not None else ""

    def _collapse(self, sub: ET.Element) -> None:
        for el in sub.iter():
            if el is sub or not _is_model(el):
                continue
            local = _local(el.tag)
            if local in CATEGORY:
                self.report.inside[CATEGORY[local]] += 1

    def _collaboration_leftovers(self) -> None:
        for collaboration in self.root.findall(_m("collaboration")):
            for el in collaboration:
                if _is_model(el) and _local(el.tag) not in ("participant", "documentation", "extensionElements"):
                    self.report.unsupported.append((_local(el.tag), el.get("id", ""), _name(el.get("name"))))

    # ------------------------------------------------------------------ geometry
    def _place(self, units: list[_Unit]) -> None:
        steps = self.plan_.steps
        if not steps:
            return
        drawn = [s for s in steps if s.source_id in self.shapes]
        if not drawn:
            self._arrange()
            return
        by_id = {s.source_id: s for s in drawn}
        for unit in units:
            self._place_unit(unit, [by_id[n.get("id", "")] for n in unit.nodes if n.get("id", "") in by_id])
        if not self.ours:
            lefts = [s.x - shape_size(s.shape)[0] / 2 for s in drawn]
            shift = MIN_LEFT - min(lefts)
            for s in drawn:
                s.x += shift
        self._below_hosts()
        missing = [s for s in steps if s.source_id not in self.shapes]
        if missing:                   # keep every drawn position; place only what has none
            self._place_missing(drawn, missing)
            self.report.notes.append(tr(
                "{count} elements had no diagram position; they were placed beside their neighbours "
                "in the flow, every other element kept its place.", count=len(missing)))

    def _below_hosts(self) -> None:
        """Another tool draws a boundary event on its activity's edge; on the map it becomes a
        connector just below the activity (where it would hide the activity's lower half)."""
        by_key = {s.key: s for s in self.plan_.steps}
        for host_key, event_key in self._boundaries:
            host, event = by_key[host_key], by_key[event_key]
            if host.lane == event.lane and event.source_id in self.shapes and host.source_id in self.shapes:
                below = host.y + (shape_size(host.shape)[1] + shape_size(event.shape)[1]) / 2 + LANE_PADDING
                event.y = max(event.y, below)

    def _place_missing(self, drawn: list[PlanStep], missing: list[PlanStep]) -> None:
        """Each step without a position goes one column after the placed steps that flow into
        it (or one before those it flows into), in the middle band of its lane."""
        from mot_workshop.layout.auto_layout import COLUMN_WIDTH
        from mot_workshop.layout.swimlane import LANE_MIN_HEIGHT

        placed = {s.key: s for s in drawn}
        before: dict[str, list[str]] = {}
        after: dict[str, list[str]] = {}
        for flow in self.plan_.flows:
            before.setdefault(flow.target, []).append(flow.source)
            after.setdefault(flow.source, []).append(flow.target)
        right = max((s.x for s in drawn), default=0.0)
        pending = list(missing)
        for _ in range(len(missing) + 1):      # each round places every step with a placed neighbour
            waiting = []
            for step in pending:
                sources = [placed[k].x for k in before.get(step.key, []) if k in placed]
                targets = [placed[k].x for k in after.get(step.key, []) if k in placed]
                if sources:
                    step.x = max(sources) + COLUMN_WIDTH
                elif targets:
                    step.x = max(shape_size(step.shape)[0] / 2 + MIN_LEFT, min(targets) - COLUMN_WIDTH)
                else:
                    waiting.append(step)
                    continue
                step.y = LANE_MIN_HEIGHT / 2
                placed[step.key] = step
            if len(waiting) == len(pending):
                break
            pending = waiting
        for step in pending:                   # connected to nothing placed: after the drawing
            right += COLUMN_WIDTH
            step.x, step.y = right, LANE_MIN_HEIGHT / 2

    def _place_unit(self, unit: _Unit, steps: list[PlanStep]) -> None:
        if not steps:
            return
        lane_shapes = {key: self.shapes.get(el.get("id", "")) for key, _, el in unit.lanes if el is not None}
        pool = self.shapes.get(unit.pool_id) if unit.pool_id else None
        flags = [s.horizontal for s in (*lane_shapes.values(), pool) if s is not None and s.horizontal is not None]
        horizontal = all(flags) if flags else True

        def along(r: Rect) -> tuple[float, float]:      # (start, centre) along the time axis
            return (r.x, r.cx) if horizontal else (r.y, r.cy)

        def across(r: Rect) -> tuple[float, float]:
            return (r.y, r.cy) if horizontal else (r.x, r.cx)

        starts = [along(s.rect)[0] + LANE_BAND for s in lane_shapes.values() if s is not None]
        if not starts and pool is not None:
            starts = [along(pool.rect)[0] + LANE_BAND]
        node_starts = [along(self.shapes[s.source_id].rect)[0] for s in steps]
        content = min(starts) if starts else min(node_starts) - LANE_BAND
        scale = 1.0 if self.ours else TIME_SCALE
        tops: dict[str, float] = {}
        for key in {s.lane for s in steps}:
            shape = lane_shapes.get(key)
            if shape is not None:
                tops[key] = across(shape.rect)[0]
            elif pool is not None and len(unit.lanes) == 1:
                tops[key] = across(pool.rect)[0]
            else:
                tops[key] = min(across(self.shapes[s.source_id].rect)[0] for s in steps if s.lane == key) - LANE_PADDING
        for step in steps:
            rect = self.shapes[step.source_id].rect
            step.x = (along(rect)[1] - content) * scale
            step.y = max(0.0, across(rect)[1] - tops[step.lane])
            if step.at is not None:       # ours: a boundary event drawn on its activity sits apart on the map
                step.x, step.y = step.at

    def _arrange(self) -> None:
        """No (or incomplete) DI: order the steps by the flow, lane by lane."""
        from mot_workshop.domain.process import Flow
        from mot_workshop.layout.auto_layout import arrange

        plan = self.plan_
        index = {s.key: i for i, s in enumerate(plan.steps, start=1)}
        lane_index = {lane.key: i for i, lane in enumerate(plan.lanes, start=1)}
        steps = [Step(id=i, map_id=1, lane_id=lane_index[s.lane], x=float(i)) for s in plan.steps
                 for i in (index[s.key],)]
        flows = [Flow(id=n, map_id=1, source_id=index[f.source], target_id=index[f.target])
                 for n, f in enumerate(plan.flows, start=1)]
        arrangement = arrange(steps, flows, [])
        for step in plan.steps:
            step.x, step.y = arrangement.step_positions[index[step.key]]
            step.phase = None
        self.report.notes.append(tr("The file has no diagram positions: the steps were ordered by the flow."))


def _definitions(el: ET.Element) -> list[ET.Element]:
    return [c for c in el if _is_model(c) and _local(c.tag).endswith("EventDefinition")]


_DEFINITION_MARKER = {"timer": Marker.TIMER, "message": Marker.MESSAGE, "signal": Marker.SIGNAL,
                      "error": Marker.ERROR, "escalation": Marker.ESCALATION,
                      "conditional": Marker.CONDITIONAL, "link": Marker.LINK,
                      "compensate": Marker.COMPENSATION, "cancel": Marker.CANCEL,
                      "terminate": Marker.TERMINATE}


def _marker(el: ET.Element, local: str) -> dict:
    """Another tool's gateway kind or event definition, as the step's ``marker`` (and a
    connector event's ``event_role``): kept on the step, drawn on the map, written back."""
    if local in GATEWAY_MARKER:
        return {"marker": GATEWAY_MARKER[local]}
    definitions = _definitions(el)
    if not definitions or local not in ("startEvent", "endEvent", "intermediateCatchEvent",
                                        "intermediateThrowEvent", "boundaryEvent"):
        return {}
    kinds = [_local(d.tag).removesuffix("EventDefinition") for d in definitions]
    if kinds == ["link"] and local != "boundaryEvent":
        return {}                       # a link pair is the map's own connector pair (a flow)
    if len(kinds) > 1:
        parallel = el.get("parallelMultiple", "false").strip().lower() == "true"
        marker = Marker.PARALLEL_MULTIPLE if parallel else Marker.MULTIPLE
    elif kinds[0] in _DEFINITION_MARKER:
        marker = _DEFINITION_MARKER[kinds[0]]
    else:
        return {}
    out: dict = {"marker": marker}
    if local == "intermediateThrowEvent":
        out["event_role"] = EventRole.THROW
    elif local == "boundaryEvent" and el.get("attachedToRef"):
        interrupting = el.get("cancelActivity", "true").strip().lower() != "false"
        out["event_role"] = EventRole.BOUNDARY if interrupting else EventRole.BOUNDARY_NON_INTERRUPTING
    return out


def _point(x: str, y: str) -> tuple[float, float] | None:
    try:
        point = (float(x), float(y))
    except ValueError:
        return None
    return point if all(math.isfinite(v) and abs(v) <= COORD_MAX for v in point) else None
