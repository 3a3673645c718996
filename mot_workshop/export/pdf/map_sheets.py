"""Worksheets of steps 3, 5 and 8: "( ) MOT/VOC process" swimlane sheets with the seed's
legend. Blank: an empty grid with the seed's rows (time, customer, contact employee,
departments; Output, measure, problems). Filled: the process's map drawn from its layout."""

from __future__ import annotations

from collections.abc import Sequence

from mot_workshop.domain.enums import MapKind
from mot_workshop.export.pdf import fonts, shapes
from mot_workshop.export.pdf.sheet_parts import SheetContext, para, sheet_heading
from mot_workshop.export.pdf.styles import COLOURS
from mot_workshop.i18n import tr
from mot_workshop.i18n.labels import enum_name, marker_text

LEGEND_HEIGHT = 34.0
STEP_KIND = {3: MapKind.AS_IS, 5: MapKind.TO_BE, 8: MapKind.REDESIGN}


def _flowable():
    from reportlab.platypus import Flowable

    return Flowable


class Legend(_flowable()):
    """범례: the six shapes with their names, then the markers and the stage lines. Entries
    flow onto a second row when the language's names do not fit the width (English ones are
    longer than Korean ones)."""

    ITEMS = ("start-end", "decision", "computer", "activity", "connector", "other-process")
    TITLE_WIDTH = 60.0
    ROW_HEIGHT = 22.0
    FONT = 7.5
    GAP = 12.0

    def __init__(self, width: float, markers: Sequence[tuple[str, str, str | None]] = ()) -> None:
        super().__init__()
        self.width = width
        self.markers = list(markers)        # the BPMN types the map's steps keep: (shape, marker, role)
        self.rows = self._rows()
        self.height = LEGEND_HEIGHT + (len(self.rows) - 1) * self.ROW_HEIGHT

    def wrap(self, aw, ah):
        return self.width, self.height

    def _entries(self) -> list[tuple[float, str, str]]:
        """(glyph width, glyph, label) in reading order."""
        out = [((16.0 if shape == "connector" else 30.0), shape, enum_name(shape)) for shape in self.ITEMS]
        out += [(16.0, "mot", tr("Moment of truth")), (12.0, "problem", tr("Problem")),
                (22.0, "interaction", tr("line of interaction")), (22.0, "visibility", tr("line of visibility"))]
        out += [(14.0, f"bpmn:{shape}:{marker}:{role or ''}", marker_text(marker, role))
                for shape, marker, role in self.markers]
        return out

    def _rows(self) -> list[list[tuple[float, float, str, str]]]:
        """Entries placed as (x, glyph width, glyph, label), row by row."""
        rows: list[list[tuple[float, float, str, str]]] = [[]]
        x = self.TITLE_WIDTH
        for glyph_w, glyph, label in self._entries():
            width = glyph_w + 4 + fonts.string_width(label, self.FONT)
            if rows[-1] and x + width > self.width - 8:
                rows.append([])
                x = self.TITLE_WIDTH
            rows[-1].append((x, glyph_w, glyph, label))
            x += width + self.GAP
        return rows

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.translate(0, self.height)
        c.scale(1, -1)
        c.setFillColor(COLOURS["band"])
        c.setStrokeColor(COLOURS["rule"])
        c.roundRect(0, 2, self.width, self.height - 4, 3, stroke=1, fill=1)
        first = LEGEND_HEIGHT / 2
        shapes.text(c, 8, first + 3, tr("Legend"), 8.5, bold=True)
        for row, entries in enumerate(self.rows):
            cy = first + row * self.ROW_HEIGHT
            for x, glyph_w, glyph, label in entries:
                self._glyph(c, glyph, x, cy, glyph_w)
                shapes.text(c, x + glyph_w + 4, cy + 3, label, self.FONT)
        c.restoreState()

    @staticmethod
    def _glyph(c, glyph: str, x: float, cy: float, w: float) -> None:
        if glyph == "mot":
            shapes.badge(c, x + w / 2, cy, 8, "MOT", COLOURS["navy"], 5.5)
        elif glyph == "problem":
            shapes.badge(c, x + w / 2, cy, 6, "!", COLOURS["red"], 7)
        elif glyph.startswith("bpmn:"):
            from mot_workshop.layout.step_markers import badge_parts

            _, shape, marker, role = glyph.split(":")
            shapes.draw_parts(c, badge_parts(marker, role or None, x + w / 2, cy, 6.5, ring=shape == "connector"))
        elif glyph in ("interaction", "visibility"):
            c.saveState()
            c.setStrokeColor(COLOURS["blue" if glyph == "interaction" else "amber"])
            c.setDash(4, 3)
            c.line(x, cy, x + w, cy)
            c.restoreState()
        else:
            shapes.draw_shape(c, glyph, x, cy - 8, w, 16, line=0.8)


class BlankMapGrid(_flowable()):
    """The empty swimlane sheet teams draw on: lane rows, phase columns, info rows."""

    def __init__(self, width: float, height: float, step: int) -> None:
        super().__init__()
        self.width, self.height, self.step = width, height, step

    def wrap(self, aw, ah):
        return self.width, self.height

    def rows(self) -> list[tuple[str, float, str]]:
        lanes = [(tr("Customer"), "lane_customer"), (tr("Contact employee"), "lane_contact")]
        lanes += [(tr("Department ( )"), "lane_department")] * 3
        info = [tr("Output"), tr("Measure")] + ([tr("Problems")] if self.step == 3 else [])
        if self.step == 8:      # step 8 keeps its indicators and actions on the map's sheet
            info = [tr("Key management indicators"), tr("Key supplementary actions")]
        # info rows are written in by hand: nearly as tall as a lane
        return [(name, 1.0, fill) for name, fill in lanes] + [(name, 0.8, "band_dark") for name in info]

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.translate(0, self.height)
        c.scale(1, -1)
        header_w, time_h = 110.0, 30.0
        rows = self.rows()
        unit = (self.height - time_h) / sum(r[1] for r in rows)
        # a light time row, so times can be written into it
        c.setFillColor(COLOURS["band"])
        c.rect(0, 0, self.width, time_h, stroke=0, fill=1)
        c.setFillColor(COLOURS["band_dark"])
        c.rect(0, 0, header_w, time_h, stroke=0, fill=1)
        shapes.text(c, header_w / 2, time_h / 2 + 3, tr("Time"), 9, bold=True, align="center")
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
        # the line of interaction (customer | contact) and of visibility (contact | back stage)
        for boundary, colour, label in ((time_h + unit, "blue", tr("line of interaction")),
                                        (time_h + 2 * unit, "amber", tr("line of visibility"))):
            c.saveState()
            c.setStrokeColor(COLOURS[colour])
            c.setLineWidth(1.1)
            c.setDash(5, 3)
            c.line(header_w, boundary, self.width, boundary)
            c.restoreState()
            shapes.text(c, self.width - 6, boundary - 3, label, 7, align="right", colour=COLOURS[colour])
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


def used_markers(snapshot, map_id: int | None) -> list[tuple[str, str, str | None]]:
    """The BPMN types a map's steps keep, once each, in the vocabulary's order: the legend
    names what the badges on the map mean."""
    from mot_workshop.domain.enums import EventRole, Marker, marker_applies

    found: dict[tuple[str, str | None], str] = {}
    for step in snapshot.where("step", map_id=map_id) if map_id is not None else ():
        if marker_applies(step.marker, step.shape):
            role = str(step.event_role) if step.event_role and step.shape == "connector" else None
            found.setdefault((str(step.marker), role), str(step.shape))
    order = [m.value for m in Marker]
    roles = [None] + [r.value for r in EventRole]
    return [(found[key], *key) for key in sorted(found, key=lambda k: (order.index(k[0]), roles.index(k[1])))]


def map_sheet(ctx: SheetContext, step: int, process=None, *, title_only: bool = False) -> list:
    """The map part of a step 3 / 5 / 8 sheet (its page template is the map paper)."""
    from reportlab.platypus import Spacer

    from mot_workshop.export.pdf.map_drawing import map_content, map_flowables

    subject = process.name if process else ""
    out = sheet_heading(ctx, step, subject)
    caption = tr("({name}) MOT/VOC process", name=subject or "          ")
    shown = first_map(ctx.snapshot, process.id, STEP_KIND[step]) if process is not None and not ctx.blank else None
    legend = Legend(ctx.map_width, used_markers(ctx.snapshot, shown.id if shown else None))
    out.append(legend)
    out.append(Spacer(0, 6))
    used = _heading_height(ctx, out)         # heading, legend and spacer, as laid out
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
