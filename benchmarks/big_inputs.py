"""Big inputs from outside, written the way other tools write them: a VOC table of N rows as
CSV (Excel's UTF-8 with a byte-order mark), as XLSX (openpyxl, as Excel saves it) and as
tab-separated text (what a spreadsheet puts on the clipboard), and a BPMN 2.0 file of one
pool with lanes and a chain of N tasks with diagram data. Deterministic.

Used by bench_inserts.py and by the crash tests that kill an import half-way. The rows name
no process: import them with ``--process NAME`` (the window imports into the process shown).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from xml.sax.saxutils import quoteattr

VOC_HEADER = ["Target customer", "Key requirement", "Characteristic", "Expected level"]
_QCDS = ("Quality", "Cost", "Delivery", "Service")


def voc_rows(n: int) -> list[list[str]]:
    return [[f"customer {i % 37}", f"requirement {i}: exchange within 30 minutes", _QCDS[i % 4],
             f"level {i % 5 + 1}"] for i in range(n)]


def write_voc_csv(path: Path, n: int) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(VOC_HEADER)
    writer.writerows(voc_rows(n))
    Path(path).write_bytes(b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"))
    return Path(path)


def write_voc_xlsx(path: Path, n: int) -> Path:
    from openpyxl import Workbook

    book = Workbook()            # not write-only: like Excel, it writes the sheet's size first
    sheet = book.active
    sheet.title = "VOC"
    sheet.append(VOC_HEADER)
    for row in voc_rows(n):
        sheet.append(row)
    book.save(str(path))
    return Path(path)


def voc_clipboard(n: int) -> str:
    """Tab-separated rows without the header, as copied from a spreadsheet's data area, in the
    order of the step 2 VOC table's first columns: requirement, Q/C/D/S, expected level,
    indicator."""
    return "".join(f"{requirement}\t{qcds}\t{level}\tindicator {i % 11}\n"
                   for i, (_, requirement, qcds, level) in enumerate(voc_rows(n)))


def write_chain_bpmn(path: Path, tasks: int, lanes: int = 4) -> Path:
    """Start, ``tasks`` tasks, end, in a chain of sequence flows; task i in lane i % lanes;
    every element has a shape and every flow its waypoints."""
    w, h, gap, lane_h = 100, 80, 50, 120
    nodes = [("start", "startEvent", "Start", 0)] + \
            [(f"t{i}", "task", f"Task {i}", i % lanes) for i in range(tasks)] + [("end", "endEvent", "End", 0)]
    sem, di = [], []
    lane_refs: list[list[str]] = [[] for _ in range(lanes)]
    for k, (ident, tag, name, lane) in enumerate(nodes):
        sem.append(f"<bpmn:{tag} id={quoteattr(ident)} name={quoteattr(name)}/>")
        lane_refs[lane].append(ident)
        size = (36, 36) if tag.endswith("Event") else (w, h)
        x, y = 40 + k * (w + gap), lane * lane_h + (lane_h - size[1]) // 2
        di.append(f'<bpmndi:BPMNShape id="{ident}_di" bpmnElement="{ident}"><dc:Bounds x="{x}" y="{y}" '
                  f'width="{size[0]}" height="{size[1]}"/></bpmndi:BPMNShape>')
    for k in range(len(nodes) - 1):
        source, target = nodes[k][0], nodes[k + 1][0]
        sem.append(f'<bpmn:sequenceFlow id="f{k}" sourceRef="{source}" targetRef="{target}"/>')
        x1, x2 = 40 + k * (w + gap) + w, 40 + (k + 1) * (w + gap)
        y1, y2 = nodes[k][3] * lane_h + lane_h // 2, nodes[k + 1][3] * lane_h + lane_h // 2
        mid = (x1 + x2) // 2
        di.append(f'<bpmndi:BPMNEdge id="f{k}_di" bpmnElement="f{k}"><di:waypoint x="{x1}" y="{y1}"/>'
                  f'<di:waypoint x="{mid}" y="{y1}"/><di:waypoint x="{mid}" y="{y2}"/>'
                  f'<di:waypoint x="{x2}" y="{y2}"/></bpmndi:BPMNEdge>')
    width = 80 + len(nodes) * (w + gap)
    lane_xml = "".join(f'<bpmn:lane id="lane{j}" name="Department {j + 1}">'
                       + "".join(f"<bpmn:flowNodeRef>{ref}</bpmn:flowNodeRef>" for ref in refs) + "</bpmn:lane>"
                       for j, refs in enumerate(lane_refs))
    lane_di = "".join(f'<bpmndi:BPMNShape id="lane{j}_di" bpmnElement="lane{j}" isHorizontal="true">'
                      f'<dc:Bounds x="30" y="{j * lane_h}" width="{width}" height="{lane_h}"/></bpmndi:BPMNShape>'
                      for j in range(lanes))
    xml = ('<?xml version="1.0" encoding="UTF-8"?>\n'
           '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" '
           'xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" '
           'xmlns:di="http://www.omg.org/spec/DD/20100524/DI" id="defs" targetNamespace="http://example.com/bpmn">'
           '<bpmn:collaboration id="collab"><bpmn:participant id="pool" name="Chain" processRef="chain"/>'
           '</bpmn:collaboration>'
           f'<bpmn:process id="chain" isExecutable="false"><bpmn:laneSet id="lanes">{lane_xml}</bpmn:laneSet>'
           + "".join(sem) + '</bpmn:process>'
           '<bpmndi:BPMNDiagram id="diagram"><bpmndi:BPMNPlane id="plane" bpmnElement="collab">'
           f'<bpmndi:BPMNShape id="pool_di" bpmnElement="pool" isHorizontal="true"><dc:Bounds x="0" y="0" '
           f'width="{width + 30}" height="{lanes * lane_h}"/></bpmndi:BPMNShape>'
           + lane_di + "".join(di) + '</bpmndi:BPMNPlane></bpmndi:BPMNDiagram></bpmn:definitions>\n')
    Path(path).write_text(xml, encoding="utf-8")
    return Path(path)
