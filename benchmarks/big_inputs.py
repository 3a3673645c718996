"""Big inputs from outside, written the way other tools write them: a VOC table of N rows as
CSV (Excel's UTF-8 with a byte-order mark), as XLSX (as Excel saves it: every text once in
the shared-strings part, the sheet's size declared) and as
tab-separated text (what a spreadsheet puts on the clipboard), and a BPMN 2.0 file of one
pool with lanes and a chain of N tasks with diagram data. Deterministic.

Used by bench_inserts.py and by the crash tests that kill an import half-way. The rows name
no process: import them with ``--process NAME`` (the window imports into the process shown).
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
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
    buffer = io.BytesIO()
    book.save(buffer)
    Path(path).write_bytes(excel_saved(buffer.getvalue()))
    return Path(path)


_INLINE = re.compile(r'<c ([^>]*?)t="inlineStr"([^>]*)><is>(?:<t(?: [^>]*)?>(.*?)</t>|<t(?: [^>]*)?/>)</is></c>', re.S)
SHARED_STRINGS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"


def excel_saved(data: bytes) -> bytes:
    """An openpyxl workbook as Excel would save it: openpyxl writes each text inline in the
    sheet, Excel keeps every distinct text once in xl/sharedStrings.xml, cited by number."""
    table: dict[str, int] = {}

    def shared(match: re.Match) -> str:
        index = table.setdefault(match.group(3) or "", len(table))
        return f'<c {match.group(1)}t="s"{match.group(2)}><v>{index}</v></c>'

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            part = source.read(info.filename)
            if info.filename.startswith("xl/worksheets/sheet"):
                part = _INLINE.sub(shared, part.decode("utf-8")).encode("utf-8")
            elif info.filename == "xl/_rels/workbook.xml.rels":
                part = part.replace(b"</Relationships>", f'<Relationship Id="rIdStrings" Type="{SHARED_STRINGS_TYPE}" '
                                    'Target="sharedStrings.xml"/></Relationships>'.encode())
            elif info.filename == "[Content_Types].xml":
                part = part.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                                    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
            target.writestr(info, part)
        items = "".join(f'<si><t xml:space="preserve">{text}</t></si>' for text in table)
        target.writestr("xl/sharedStrings.xml", '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                                                f'count="{len(table)}" uniqueCount="{len(table)}">{items}</sst>')
    return out.getvalue()


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
