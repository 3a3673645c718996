"""Worksheets of steps 3, 5 and 8: "( ) MOT/VOC process" swimlane sheets with the seed's
legend. Blank: an empty grid with the seed's rows (time, customer, contact employee,
departments; Output, measure, problems). Filled: the process's map drawn from its layout."""

from __future__ import annotations

from mot_workshop.domain.enums import MapKind
from mot_workshop.export.pdf import fonts, shapes
from mot_workshop.export.pdf.sheet_parts import SheetContext, para, sheet_heading
from mot_workshop.export.pdf.styles import COLOURS
from mot_workshop.i18n import tr
from mot_workshop.i18n.labels import enum_name

LEGEND_HEIGHT = 34.0
STEP_KIND = {3: MapKind.AS_IS, 5: MapKind.TO_BE, 8: MapKind.REDESIGN}


def _flowable():
    from reportlab.platypus import Flowable

    return Flowable


class Legend(_flowable()):
    """범례: the six shapes with their names, then the markers and the stage lines."""

    ITEMS = ("start-end", "decision", "computer", "activity", "connector", "other-process")

    def __init__(self, width: float) -> None:
        super().__init__()
        self.width, self.height = width, LEGEND_HEIGHT

    def wrap(self, aw, ah):
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.translate(0, self.height)
        c.scale(1, -1)
        c.setFillColor(COLOURS["band"])
        c.setStrokeColor(COLOURS["rule"])
        c.roundRect(0, 2, self.width, self.height - 4, 3, stroke=1, fill=1)
        shapes.text(c, 8, self.height / 2 + 3, tr("Legend"), 8.5, bold=True)
        x = 60.0
        for shape in self.ITEMS:
            w, h = (16, 16) if shape == "connector" else (30, 16)
            shapes.draw_shape(c, shape, x, self.height / 2 - h / 2, w, h, line=0.8)
            label = enum_name(shape)
            shapes.text(c, x + w + 4, self.height / 2 + 3, label, 7.5)
            x += w + 12 + fonts.string_width(label, 7.5)
        shapes.badge(c, x + 8, self.height / 2, 8, "MOT", COLOURS["navy"], 5.5)
        shapes.text(c, x + 20, self.height / 2 + 3, tr("Moment of truth"), 7.5)
        x += 28 + fonts.string_width(tr("Moment of truth"), 7.5)
        shapes.badge(c, x + 6, self.height / 2, 6, "!", COLOURS["red"], 7)
        shapes.text(c, x + 16, self.height / 2 + 3, tr("Problem"), 7.5)
        x += 26 + fonts.string_width(tr("Problem"), 7.5)
        for kind, colour, label in (("i", "blue", tr("line of interaction")), ("v", "amber", tr("line of visibility"))):
            c.saveState()
            c.setStrokeColor(COLOURS[colour])
            c.setDash(4, 3)
            c.line(x, self.height / 2, x + 22, self.height / 2)
            c.restoreState()
            shapes.text(c, x + 26, self.height / 2 + 3, label, 7.5)
            x += 34 + fonts.string_width(label, 7.5)
        c.restoreState()


class BlankMapGrid(_flowable()):
    """The empty swimlane sheet teams draw on: lane rows, phase columns, info rows."""

    def __init__(self, width: float, height: float, step: int) -> None:
        super().__init__()
        self.width, self.height, self.step = width, height, step

    def wrap(self, aw, ah):
        return self.width, self.height

    def rows(self) -> list[tuple[str, float, str]]:
        lanes = [(tr("Customer"), "lane_customer"), (tr("Contact employee"), "lane_contact")]
        lanes += [(tr("Department ( )"), "lane_department")] * (3 if self.step != 8 else 3)
        info = [tr("Output"), tr("Measure")] + ([tr("Problems")] if self.step == 3 else [])
        if self.step == 8:
            info = []
        return [(name, 1.0, fill) for name, fill in lanes] + [(name, 0.55, "band_dark") for name in info]

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.translate(0, self.height)
        c.scale(1, -1)
        header_w, time_h = 110.0, 26.0
        rows = self.rows()
        unit = (self.height - time_h) / sum(r[1] for r in rows)
        c.setFillColor(COLOURS["header_fill"])
        c.rect(0, 0, self.width, time_h, stroke=0, fill=1)
        shapes.text(c, header_w / 2, time_h / 2 + 3, tr("Time"), 9, bold=True, align="center", colour=COLOURS["paper"])
        columns = 6
        col_w = (self.width - header_w) / columns
        y = time_h
        for name, weight, fill in rows:
            h = unit * weight
            c.setFillColor(COLOURS[fill])
            c.rect(0, y, header_w, h, stroke=0, fill=1)
            shapes.lines_centered(c, fonts.fit_lines(name, 9, header_w - 12, 2, bold=True), header_w / 2, y + h / 2, 9,
                                  bold=True, colour=COLOURS["red"] if name == tr("Problems") else None)
            c.setStrokeColor(COLOURS["grid"])
            c.setLineWidth(0.6)
            c.line(0, y + h, self.width, y + h)
            y += h
        c.setStrokeColor(COLOURS["grid"])
        c.setDash(2, 3)
        for i in range(1, columns):
            c.line(header_w + i * col_w, time_h, header_w + i * col_w, self.height)
        c.setDash()
        c.setStrokeColor(COLOURS["rule"])
        c.setLineWidth(0.8)
        c.line(header_w, 0, header_w, self.height)
        c.rect(0, 0, self.width, self.height, stroke=1, fill=0)
        c.restoreState()


def map_sheet(ctx: SheetContext, step: int, process=None, *, title_only: bool = False) -> list:
    """The map part of a step 3 / 5 / 8 sheet (its page template is the map paper)."""
    from reportlab.platypus import Spacer

    from mot_workshop.export.pdf.map_drawing import map_content, map_flowables

    subject = process.name if process else ""
    out = sheet_heading(ctx, step, subject)
    caption = tr("({name}) MOT/VOC process", name=subject or "          ")
    out.append(Legend(ctx.map_width))
    out.append(Spacer(0, 6))
    used = _heading_height(ctx, out) + LEGEND_HEIGHT + 6
    if ctx.blank or process is None:
        out.append(para(caption, "h3"))
        out.append(BlankMapGrid(ctx.map_width, ctx.map_height - used - 30, step))
        return out
    pmap = first_map(ctx.snapshot, process.id, STEP_KIND[step])
    if pmap is None:
        out.append(para(tr("No {kind} map has been drawn for this process yet.", kind=enum_name(STEP_KIND[step])),
                        "muted"))
        out.append(BlankMapGrid(ctx.map_width, ctx.map_height - used - 40, step))
        return out
    content = map_content(ctx.snapshot, pmap.id)
    out += map_flowables(content, ctx.map_width, ctx.map_height, first_h=ctx.map_height - used,
                         title=pmap.title or caption)
    return out


def first_map(snapshot, process_id: int, kind: MapKind):
    maps = [m for m in snapshot.where("process_map", process_id=process_id) if m.kind == kind]
    return maps[0] if maps else None


def _heading_height(ctx: SheetContext, flowables) -> float:
    total = 0.0
    for f in flowables:
        _, h = f.wrap(ctx.map_width, ctx.map_height)
        total += h + f.getSpaceBefore() + f.getSpaceAfter()
    return total
