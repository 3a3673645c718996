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
    longer than Korean ones). ``compact``: smaller glyphs and rows, for the room left under
    a map's last part."""

    ITEMS = ("start-end", "decision", "computer", "activity", "connector", "other-process")
    TITLE_WIDTH = 60.0
    ROW_HEIGHT = 22.0
    FONT = 7.5
    GAP = 12.0

    def __init__(self, width: float, markers: Sequence[tuple[str, str, str | None]] = (), *,
                 compact: bool = False) -> None:
        super().__init__()
        self.width, self.compact = width, compact
        self.markers = list(markers)        # the BPMN types the map's steps keep: (shape, marker, role)
        self.row_height = 15.0 if compact else self.ROW_HEIGHT
        self.first_row = 20.0 if compact else LEGEND_HEIGHT     # the first row with the box's margins
        self.font = 7.0 if compact else self.FONT
        self.glyph_scale = 0.75 if compact else 1.0
        self.rows = self._rows()
        self.height = self.first_row + (len(self.rows) - 1) * self.row_height

    def wrap(self, aw, ah):
        return self.width, self.height

    def _entries(self) -> list[tuple[float, str, str]]:
        """(glyph width, glyph, label) in reading order."""
        out = [((16.0 if shape == "connector" else 30.0), shape, enum_name(shape)) for shape in self.ITEMS]
        out += [(16.0, "mot", tr("Moment of truth")), (12.0, "problem", tr("Problem")),
                (22.0, "interaction", tr("line of interaction")), (22.0, "visibility", tr("line of visibility"))]
        out += [(14.0, f"bpmn:{shape}:{marker}:{role or ''}", marker_text(marker, role))
                for shape, marker, role in self.markers]
        return [(w * self.glyph_scale, glyph, label) for w, glyph, label in out]

    def _rows(self) -> list[list[tuple[float, float, str, str]]]:
        """Entries placed as (x, glyph width, glyph, label), row by row."""
        rows: list[list[tuple[float, float, str, str]]] = [[]]
        start = self.TITLE_WIDTH * (0.85 if self.compact else 1.0)
        gap = self.GAP * (0.75 if self.compact else 1.0)
        x = start
        for glyph_w, glyph, label in self._entries():
            width = glyph_w + 4 + fonts.string_width(label, self.font)
            if rows[-1] and x + width > self.width - 8:
                rows.append([])
                x = start
            rows[-1].append((x, glyph_w, glyph, label))
            x += width + gap
        return rows

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.translate(0, self.height)
        c.scale(1, -1)
        c.setFillColor(COLOURS["band"])
        c.setStrokeColor(COLOURS["rule"])
        c.roundRect(0, 2, self.width, self.height - 4, 3, stroke=1, fill=1)
        first = self.first_row / 2
        shapes.text(c, 8, first + 3, tr("Legend"), 8.0 if self.compact else 8.5, bold=True)
        for row, entries in enumerate(self.rows):
            cy = first + row * self.row_height
            for x, glyph_w, glyph, label in entries:
                self._glyph(c, glyph, x, cy, glyph_w, self.glyph_scale)
                shapes.text(c, x + glyph_w + 4, cy + 2.5, label, self.font)
        c.restoreState()

    @staticmethod
    def _glyph(c, glyph: str, x: float, cy: float, w: float, k: float = 1.0) -> None:
        if glyph == "mot":
            shapes.badge(c, x + w / 2, cy, 8 * k, "MOT", COLOURS["navy"], 5.5 * k)
        elif glyph == "problem":
            shapes.badge(c, x + w / 2, cy, 6 * k, "!", COLOURS["red"], 7 * k)
        elif glyph.startswith("bpmn:"):
            from mot_workshop.layout.step_markers import badge_parts

            _, shape, marker, role = glyph.split(":")
            shapes.draw_parts(c, badge_parts(marker, role or None, x + w / 2, cy, 6.5 * k, ring=shape == "connector"))
        elif glyph in ("interaction", "visibility"):
            c.saveState()
            c.setStrokeColor(COLOURS["blue" if glyph == "interaction" else "amber"])
            c.setDash(4, 3)
            c.line(x, cy, x + w, cy)
            c.restoreState()
        else:
            shapes.draw_shape(c, glyph, x, cy - 8 * k, w, 16 * k, line=0.8)


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


def used_markers(steps) -> list[tuple[str, str, str | None]]:
    """The BPMN types a map's steps keep, once each, in the vocabulary's order: the legend
    names what the badges on the map mean."""
    from mot_workshop.domain.enums import EventRole, Marker, marker_applies

    found: dict[tuple[str, str | None], str] = {}
    for step in steps:
        if marker_applies(step.marker, step.shape):
            role = str(step.event_role) if step.event_role and step.shape == "connector" else None
            found.setdefault((str(step.marker), role), str(step.shape))
    order = [m.value for m in Marker]
    roles = [None] + [r.value for r in EventRole]
    return [(found[key], *key) for key in sorted(found, key=lambda k: (order.index(k[0]), roles.index(k[1])))]


def map_sheet(ctx: SheetContext, step: int, process=None, *, title_only: bool = False) -> list:
    """The map part of a step 3 / 5 / 8 sheet (its page template is the map paper)."""
    from reportlab.platypus import Spacer

    from mot_workshop.export.pdf.map_drawing import map_content

    subject = process.name if process else ""
    out = sheet_heading(ctx, step, subject)
    caption = tr("({name}) MOT/VOC process", name=subject or "          ")
    pmap = None if ctx.blank or process is None else first_map(ctx.snapshot, process.id, STEP_KIND[step])
    if pmap is not None:
        content = map_content(ctx.snapshot, pmap.id)
        return out + legend_and_map(content, ctx.map_width, ctx.map_height, _heading_height(ctx, out),
                                    title=pmap.title or caption)
    legend = Legend(ctx.map_width)
    out.append(legend)
    out.append(Spacer(0, 6))
    used = _heading_height(ctx, out)         # heading, legend and spacer, as laid out
    if ctx.blank or process is None:
        out.append(para(caption, "h3"))
        out.append(BlankMapGrid(ctx.map_width, ctx.map_height - used - 30, step))
        return out
    out.append(para(tr("No {kind} map has been drawn for this process yet.", kind=enum_name(STEP_KIND[step])),
                    "muted"))
    out.append(BlankMapGrid(ctx.map_width, ctx.map_height - used - 40, step))
    return out


LEGEND_GAP = 6.0


def legend_and_map(content, width: float, height: float, above: float, *, title: str,
                   max_parts: int | None = None) -> list:
    """The legend and the map's parts for pages ``width`` × ``height`` whose first has
    ``above`` points taken by the heading. The legend sits above the map unless that costs
    the map a part: then it goes under the last part (compact if it must), so a map that
    fits a page whole beside its heading prints whole."""
    from reportlab.platypus import Spacer

    from mot_workshop.export.pdf.map_drawing import map_flowables

    markers = used_markers(content.steps.values())
    legend = Legend(width, markers)
    under_heading = map_flowables(content, width, height, first_h=height - above - legend.height - LEGEND_GAP,
                                  title=title, max_parts=max_parts)
    on_top = [legend, Spacer(0, LEGEND_GAP), *under_heading]
    bare = map_flowables(content, width, height, first_h=height - above, title=title, max_parts=max_parts)
    if _parts(bare) >= _parts(under_heading):
        return on_top
    room = _room_after(bare, height, above)
    for candidate in (legend, Legend(width, markers, compact=True)):
        gap = min(LEGEND_GAP, room - candidate.height)
        if gap >= 1.0:
            return [*bare, Spacer(0, gap), candidate]
    return on_top


def _parts(flowables) -> int:
    return sum(1 for f in flowables if hasattr(f, "tile"))


def _room_after(flowables, height: float, above: float) -> float:
    """Points left on the page of the last flowable when they are laid out one under the
    other from ``above`` on the first page (a page break or a full page starts a new one)."""
    used = above
    for f in flowables:
        if not hasattr(f, "tile"):          # a page break, or the overview's tables
            used = height if type(f).__name__ == "PageBreak" else used
            continue
        h = f.height
        if used + h > height:
            used = 0.0
        used += h
    return height - used


def first_map(snapshot, process_id: int, kind: MapKind):
    maps = [m for m in snapshot.where("process_map", process_id=process_id) if m.kind == kind]
    return maps[0] if maps else None


def _heading_height(ctx: SheetContext, flowables) -> float:
    total = 0.0
    for f in flowables:
        _, h = f.wrap(ctx.map_width, ctx.map_height)
        total += h + f.getSpaceBefore() + f.getSpaceAfter()
    return total
