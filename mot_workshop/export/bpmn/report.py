"""An import report in words, for the CLI and the import dialog."""

from __future__ import annotations

from mot_workshop.export.bpmn.model import ImportReport
from mot_workshop.i18n import tr


def category_name(category: str) -> str:
    names = {
        "task": tr("tasks"), "gateway": tr("gateways"), "event": tr("events"),
        "sub-process": tr("sub-processes"), "call activity": tr("call activities"),
        "sequence flow": tr("sequence flows"), "lane": tr("lanes"), "pool": tr("pools"),
        "message flow": tr("message flows"), "added link": tr("added links"),
    }
    return names.get(category, category)


def element_name(tag: str) -> str:
    names = {
        "messageFlow": tr("message flow"), "textAnnotation": tr("text annotation"),
        "association": tr("association"), "group": tr("group"), "dataObject": tr("data object"),
        "dataObjectReference": tr("data object reference"), "dataStoreReference": tr("data store reference"),
        "sequenceFlow": tr("sequence flow to an element outside the map"),
    }
    return names.get(tag, tag)


def report_lines(report: ImportReport) -> list[str]:
    lines = []
    order = ("pool", "lane", "task", "sub-process", "call activity", "gateway", "event",
             "sequence flow", "message flow")

    def listing(counts) -> str:
        return ", ".join(f"{category_name(c)} {counts[c]}" for c in order + ("added link",) if counts.get(c))

    lines.append(tr("Found: {counts}", counts=listing(report.found) or "-"))
    lines.append(tr("Imported: {counts}", counts=listing(report.imported) or "-"))
    if sum(report.inside.values()):
        lines.append(tr("Collapsed into their sub-process: {counts}", counts=listing(report.inside)))
    unsupported = report.unsupported_counts()
    if unsupported:
        lines.append(tr("Not imported (a map has no place for them): {counts}", counts=", ".join(
            f"{element_name(tag)} {n}" for tag, n in sorted(unsupported.items()))))
    if report.lane_kinds:
        from mot_workshop.i18n.labels import enum_name

        lines.append(tr("Lane kinds guessed from the lane names (change a lane's kind on the map if it is wrong): {kinds}",
                        kinds="; ".join(f"{name or '-'}: {enum_name(kind)}" for name, kind in report.lane_kinds)))
    if report.changed:
        lines.append(tr("Changed because a map cannot hold it ({count}):", count=len(report.changed)))
        lines.extend(f"  - {change}" for change in report.changed)
    lines.extend(report.notes)
    return lines
