"""The MOT cycle sheet: the ring of touchpoints from IN to OUT and the touchpoint table
(order, customer action, H/S/H element, expectation, experienced level, importance,
problems seen, improvement idea, owner, critical moment)."""

from __future__ import annotations

import math

from mot_workshop.export.pdf import shapes
from mot_workshop.export.pdf.document import heading
from mot_workshop.export.pdf.sheet_parts import SheetContext, para, yes
from mot_workshop.export.pdf.styles import COLOURS
from mot_workshop.export.pdf.tables import table
from mot_workshop.i18n import tr
from mot_workshop.i18n.labels import enum_name, field_name

BLANK_TOUCHPOINTS = 12


def _flowable():
    from reportlab.platypus import Flowable

    return Flowable


class BlankRing(_flowable()):
    """An empty MOT cycle: numbered circles on a ring, IN and OUT at the top."""

    def __init__(self, width: float, height: float, count: int = BLANK_TOUCHPOINTS) -> None:
        super().__init__()
        self.width, self.height, self.count = width, height, count

    def wrap(self, aw, ah):
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.translate(0, self.height)
        c.scale(1, -1)
        cx, cy = self.width / 2, self.height / 2 + 6
        ring = min(self.width, self.height) / 2 - 58
        c.setStrokeColor(COLOURS["rule"])
        c.setLineWidth(1.4)
        c.circle(cx, cy, ring, stroke=1, fill=0)
        n = self.count
        node = min(20.0, math.pi * ring / (n + 1) * 0.55)
        for text, angle in (("IN", 360 / (n + 1) * 0.3), ("OUT", 360 - 360 / (n + 1) * 0.3)):
            x, y = cx + (ring + 20) * math.sin(math.radians(angle)), cy - (ring + 20) * math.cos(math.radians(angle))
            shapes.text(c, x, y + 3, text, 9, bold=True, align="center", colour=COLOURS["navy"])
        for i in range(n):
            angle = 360.0 * (i + 1) / (n + 1)
            x, y = cx + ring * math.sin(math.radians(angle)), cy - ring * math.cos(math.radians(angle))
            c.setFillColor(COLOURS["paper"])
            c.setStrokeColor(COLOURS["shape_line"])
            c.setLineWidth(1.0)
            c.circle(x, y, node, stroke=1, fill=1)
            shapes.text(c, x, y + 3.5, str(i + 1), 10, bold=True, align="center")
            # a line to write the customer action on, outside the ring
            lx = cx + (ring + node + 14) * math.sin(math.radians(angle))
            ly = cy - (ring + node + 14) * math.cos(math.radians(angle))
            right = math.sin(math.radians(angle)) >= 0
            c.setStrokeColor(COLOURS["rule"])
            # long enough for a touchpoint phrase ("takes a parking ticket"), inside the page
            room = (self.width - lx - 4) if right else (lx - 4)
            length = max(40.0, min(150.0, room))
            c.line(lx, ly, lx + (length if right else -length), ly)
        shapes.text(c, cx, cy - 4, tr("Mean level"), 8.5, align="center", colour=COLOURS["muted"])
        shapes.text(c, cx, cy + 14, "_____", 10, align="center", colour=COLOURS["muted"])
        c.restoreState()


def touchpoint_headers() -> list[str]:
    return ["#", tr("Touchpoint (customer action)"), tr("H / S / H"), field_name("expectation"),
            tr("Level 1–5"), field_name("importance"), tr("Problems seen"), field_name("improvement"),
            field_name("owner"), tr("Critical")]


TP_FRACTIONS = [0.35, 2.0, 0.8, 1.6, 0.6, 0.7, 1.6, 1.6, 0.9, 0.6]


def touchpoint_rows(touchpoints) -> list[list[str]]:
    return [[str(i), tp.name, enum_name(tp.element), tp.expectation, "" if tp.level is None else str(tp.level),
             "" if tp.importance is None else str(tp.importance), tp.problems, tp.improvement, tp.owner,
             yes(tp.critical)] for i, tp in enumerate(touchpoints, 1)]


def cycle_title() -> str:
    return tr("MOT cycle sheet")


def cycle_sheet(ctx: SheetContext, cycle=None, *, toc: bool = False, touchpoints: int | None = None) -> list:
    from reportlab.platypus import PageBreak, Spacer

    name = cycle.name if cycle else ""
    title = cycle_title() + (f" — {name}" if name else "")
    out = [heading(title, "h1", toc_level=0 if toc else None, key=f"cycle-{id(ctx)}-{name}", section=cycle_title())]
    out.append(para(tr("Follow the customer from IN to OUT; rate each moment. One bad moment spoils the "
                       "whole experience (100 − 1 = 0)."), "muted"))
    out.append(Spacer(0, 6))
    count = max(3, min(40, touchpoints or BLANK_TOUCHPOINTS))
    touchpoints = [] if ctx.blank else ctx.snapshot.where("touchpoint", cycle_id=cycle.id)
    if not touchpoints:                 # blank, or nothing drawn yet: a ring and rows to write in
        out.append(para(tr("Cycle") + " ____________________   " + tr("Team") + " ______________   "
                        + tr("Date") + " ____________", "small"))
        out.append(BlankRing(ctx.width, ctx.height - 70, count))
        out.append(PageBreak())
        out.append(para(tr("Touchpoints"), "h3"))
        rows = [[str(i)] + [""] * 9 for i in range(1, count + 1)]
        out.append(table(touchpoint_headers(), rows, TP_FRACTIONS, ctx.width, min_row_height=32))
        out.append(para(tr("Element: H = hardware (facilities, products) · S = software (systems, procedures) · "
                           "H = human (people). Level: 1 very dissatisfied … 5 very satisfied."), "muted"))
        return out
    from mot_workshop.analysis.cycle_scores import score
    from mot_workshop.charts.cycle import cycle_wheel
    from mot_workshop.export.pdf.figure import chart_flowable

    scores = score(touchpoints)
    out.append(chart_flowable(cycle_wheel(touchpoints, scores, width=ctx.width / 72, height=(ctx.height - 60) / 72)))
    out.append(PageBreak())
    out.append(para(tr("Touchpoints"), "h3"))
    out.append(table(touchpoint_headers(), touchpoint_rows(touchpoints), TP_FRACTIONS, ctx.width))
    return out


def hub_title() -> str:
    return tr("Sub-cycle hub sheet")


class HubSheet(_flowable()):
    """The main cycle in the middle, its sub-cycles around it (phone, visit, delivery …),
    each with a line for its name and its first and last touchpoint."""

    def __init__(self, width: float, height: float, names: list[str], main: str = "") -> None:
        super().__init__()
        self.width, self.height, self.names, self.main = width, height, names, main

    def wrap(self, aw, ah):
        return self.width, self.height

    def draw(self) -> None:
        from mot_workshop.export.pdf import fonts

        c = self.canv
        c.saveState()
        c.translate(0, self.height)
        c.scale(1, -1)
        cx, cy = self.width / 2, self.height / 2
        hub = min(self.width, self.height) * 0.13
        orbit = min(self.width * 0.33, self.height * 0.36)
        n = max(len(self.names), 1)
        for i in range(n):
            angle = 2 * math.pi * i / n - math.pi / 2
            x, y = cx + orbit * math.cos(angle), cy + orbit * math.sin(angle)
            c.setStrokeColor(COLOURS["rule"])
            c.setLineWidth(1.0)
            c.line(cx + hub * math.cos(angle), cy + hub * math.sin(angle), x - 48 * math.cos(angle),
                   y - 48 * math.sin(angle))
            c.setFillColor(COLOURS["band"])
            c.circle(x, y, 48, stroke=1, fill=1)
            name = self.names[i] if i < len(self.names) else ""
            if name:
                shapes.lines_centered(c, fonts.fit_lines(name, 8.5, 84, 3, bold=True), x, y - 8, 8.5, bold=True)
            else:
                c.setStrokeColor(COLOURS["grid"])
                c.line(x - 34, y - 6, x + 34, y - 6)
            shapes.text(c, x, y + 16, "IN ______  OUT ______", 7, align="center", colour=COLOURS["muted"])
        c.setFillColor(COLOURS["start_fill"])
        c.setStrokeColor(COLOURS["navy"])
        c.setLineWidth(1.4)
        c.circle(cx, cy, hub, stroke=1, fill=1)
        shapes.text(c, cx, cy - hub * 0.35, tr("Main cycle"), 9, bold=True, align="center", colour=COLOURS["navy"])
        if self.main:
            shapes.lines_centered(c, fonts.fit_lines(self.main, 9, hub * 1.7, 2, bold=True), cx, cy + 6, 9, bold=True)
        else:
            c.setStrokeColor(COLOURS["grid"])
            c.line(cx - hub * 0.7, cy + 10, cx + hub * 0.7, cy + 10)
        c.restoreState()


def hub_sheet(ctx: SheetContext, snapshot=None) -> list:
    """One business, several cycles: the sub-cycle hub, blank (five satellites) or filled
    with the first cycle that has sub-cycles."""
    out = [heading(hub_title(), "h1", section=cycle_title()),
           para(tr("One business has several cycles (happy call, phone consultation, visit sales, delivery and "
                        "installation, in-store consultation): name each sub-cycle and where it starts and ends; "
                        "each gets its own cycle sheet."), "muted")]
    names: list[str] = []
    main = ""
    if snapshot is not None:
        cycles = snapshot.all("cycle")
        parent = next((c for c in cycles if any(s.parent_id == c.id for s in cycles)), None)
        if parent is not None:
            main = parent.name
            names = [c.name for c in cycles if c.parent_id == parent.id]
    out.append(HubSheet(ctx.width, ctx.height - 60, names or [""] * 5, main))
    return out
