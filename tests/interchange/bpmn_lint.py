"""A check of exported BPMN against what BPMN readers expect: the error rules of bpmnlint's
``recommended`` set and its fake-join warning written out here (so the tests need no Node.js), plus the geometry a
modeller draws: every segment horizontal or vertical, every edge ending on the outline of its
shapes (circles for events, diamonds for gateways, boxes for the rest)."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET

MODEL = "{http://www.omg.org/spec/BPMN/20100524/MODEL}"
DI_NS = "{http://www.omg.org/spec/BPMN/20100524/DI}"
DC = "{http://www.omg.org/spec/DD/20100524/DC}"
DD = "{http://www.omg.org/spec/DD/20100524/DI}"
EVENTS = ("startEvent", "endEvent", "intermediateThrowEvent", "intermediateCatchEvent", "boundaryEvent")
GATEWAYS = ("exclusiveGateway", "parallelGateway", "inclusiveGateway", "eventBasedGateway", "complexGateway")
TASKS = ("task", "userTask", "serviceTask", "manualTask", "callActivity", "subProcess")


def local(el) -> str:
    return el.tag.rsplit("}", 1)[-1]


def lint(xml: bytes) -> list[str]:
    """Problems (rule: element id), empty when the document passes."""
    root = ET.fromstring(xml)
    problems: list[str] = []
    shapes = {s.get("bpmnElement"): s for s in root.iter(f"{DI_NS}BPMNShape")}
    edges = {e.get("bpmnElement"): e for e in root.iter(f"{DI_NS}BPMNEdge")}
    for process in root.iter(f"{MODEL}process"):
        nodes = {el.get("id"): el for el in process if local(el) in EVENTS + GATEWAYS + TASKS}
        flows = [el for el in process if local(el) == "sequenceFlow"]
        incoming = {i: [f for f in flows if f.get("targetRef") == i] for i in nodes}
        outgoing = {i: [f for f in flows if f.get("sourceRef") == i] for i in nodes}
        links = {tag: [d.get("name") for el in process if local(el) == tag
                       for d in el.findall(f"{MODEL}linkEventDefinition")]
                 for tag in ("intermediateThrowEvent", "intermediateCatchEvent")}
        linked = {el.get("id") for el in process if el.find(f"{MODEL}linkEventDefinition") is not None}
        starts = [n for n in nodes.values() if local(n) == "startEvent"]
        if not starts:
            problems.append("start-event-required: " + process.get("id"))
        if len([s for s in starts if not list(s.iterfind(f"{MODEL}*EventDefinition"))]) > 1:
            problems.append("single-blank-start-event: " + process.get("id"))
        if not any(local(n) == "endEvent" for n in nodes.values()):
            problems.append("end-event-required: " + process.get("id"))
        for node_id, node in nodes.items():
            tag = local(node)
            if node_id not in shapes:
                problems.append(f"no-bpmndi: {node_id}")
            if not incoming[node_id] and not outgoing[node_id] and node_id not in linked:
                problems.append(f"no-disconnected: {node_id}")
            if tag in ("complexGateway", "inclusiveGateway"):
                problems.append(f"no-{tag[:-7]}-gateway: {node_id}")
            if tag not in GATEWAYS and len(outgoing[node_id]) > 1 and \
                    any(f.find(f"{MODEL}conditionExpression") is None for f in outgoing[node_id]):
                problems.append(f"no-implicit-split: {node_id}")
            if tag in GATEWAYS and len(incoming[node_id]) == 1 and len(outgoing[node_id]) == 1:
                problems.append(f"superfluous-gateway: {node_id}")
            if tag not in GATEWAYS and len(incoming[node_id]) > 1:        # a warning in bpmnlint
                problems.append(f"fake-join: {node_id}")
            if tag in GATEWAYS and len(incoming[node_id]) > 1 and len(outgoing[node_id]) > 1:
                problems.append(f"no-gateway-join-fork: {node_id}")
            if tag == "exclusiveGateway" and len(outgoing[node_id]) > 1:
                default = node.get("default")
                if any(f.find(f"{MODEL}conditionExpression") is None and f.get("id") != default
                       for f in outgoing[node_id]):
                    problems.append(f"conditional-flows: {node_id}")
            if (tag in TASKS or tag in EVENTS or (tag in ("exclusiveGateway", "inclusiveGateway", "complexGateway")
                                                   and len(outgoing[node_id]) > 1)) \
                    and not (node.get("name") or "").strip():
                problems.append(f"label-required: {node_id}")
        for flow in flows:
            if flow.get("id") not in edges:
                problems.append(f"no-bpmndi: {flow.get('id')}")
        pairs = [(f.get("sourceRef"), f.get("targetRef")) for f in flows]
        if len(pairs) != len(set(pairs)):
            problems.append("no-duplicate-sequence-flows: " + process.get("id"))
        for name in links["intermediateThrowEvent"]:
            if links["intermediateCatchEvent"].count(name) != 1:
                problems.append(f"link-event: throw {name!r} has no single catch")
        for name in links["intermediateCatchEvent"]:
            if name not in links["intermediateThrowEvent"]:
                problems.append(f"link-event: catch {name!r} has no throw")
        problems.extend(_geometry(root, nodes, flows, shapes, edges))
    return problems


def _bounds(shape):
    b = shape.find(f"{DC}Bounds")
    return tuple(float(b.get(k)) for k in ("x", "y", "width", "height"))


def on_outline(tag: str, bounds, point, tolerance: float = 0.6) -> bool:
    x, y, w, h = bounds
    px, py = point
    cx, cy = x + w / 2, y + h / 2
    if tag in EVENTS:
        return abs(math.hypot(px - cx, py - cy) - w / 2) <= tolerance
    if tag in GATEWAYS:
        return abs(abs(px - cx) / (w / 2) + abs(py - cy) / (h / 2) - 1.0) <= tolerance / (w / 2) * 2
    inside = x - tolerance <= px <= x + w + tolerance and y - tolerance <= py <= y + h + tolerance
    border = min(abs(px - x), abs(px - x - w), abs(py - y), abs(py - y - h)) <= tolerance
    return inside and border


def _geometry(root, nodes, flows, shapes, edges) -> list[str]:
    problems = []
    tags = {node_id: local(node) for node_id, node in nodes.items()}
    for flow in flows:
        edge = edges.get(flow.get("id"))
        if edge is None:
            continue
        points = [(float(w.get("x")), float(w.get("y"))) for w in edge.findall(f"{DD}waypoint")]
        if len(points) < 2:
            problems.append(f"waypoints: {flow.get('id')} has fewer than two")
            continue
        for (ax, ay), (bx, by) in zip(points, points[1:]):
            if abs(ax - bx) > 0.01 and abs(ay - by) > 0.01:
                problems.append(f"diagonal: {flow.get('id')} ({ax}, {ay}) -> ({bx}, {by})")
        for end, point in (("sourceRef", points[0]), ("targetRef", points[-1])):
            node_id = flow.get(end)
            if node_id in shapes and not on_outline(tags.get(node_id, "task"), _bounds(shapes[node_id]), point):
                problems.append(f"outline: {flow.get('id')} {end[:6]} {point} off {tags.get(node_id)} {node_id}")
    return problems
