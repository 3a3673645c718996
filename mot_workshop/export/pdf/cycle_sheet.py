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
            c.setStrokeColor(COLOURS["grid"])
            c.line(lx, ly, lx + (70 if right else -70), ly)
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


def cycle_sheet(ctx: SheetContext, cycle=None, *, toc: bool = False) -> list:
    from reportlab.platypus import PageBreak, Paragraph, Spacer

    from mot_workshop.export.pdf.styles import paragraph_styles

    name = cycle.name if cycle else ""
    title = cycle_title() + (f" — {name}" if name else "")
    out = [heading(title, "h1", toc_level=0 if toc else None, key=f"cycle-{id(ctx)}-{name}", section=cycle_title())]
    out.append(Paragraph(tr("Follow the customer from IN to OUT; rate each moment. One bad moment spoils the "
                            "whole experience (100 − 1 = 0)."), paragraph_styles()["muted"]))
    out.append(Spacer(0, 6))
    touchpoints = [] if ctx.blank else ctx.snapshot.where("touchpoint", cycle_id=cycle.id)
    if not touchpoints:                 # blank, or nothing drawn yet: a ring and rows to write in
        out.append(para(tr("Cycle") + " ____________________   " + tr("Team") + " ______________   "
                        + tr("Date") + " ____________", "small"))
        out.append(BlankRing(ctx.width, ctx.height - 70))
        out.append(PageBreak())
        out.append(para(tr("Touchpoints"), "h3"))
        rows = [[str(i)] + [""] * 9 for i in range(1, BLANK_TOUCHPOINTS + 1)]
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
