"""A map too big to print whole (an import from an enterprise modelling tool: thousands of
steps) in the session report: where its steps are — lanes down, phases across, each cell the
steps there with their moments of truth and problems — on pages of a few phases each, at
the size of the report's tables; then only the first readable parts of the drawing, and a
note that the whole map is in the BPMN and picture exports. Hundreds of tile pages would
help no reader and take minutes to make."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from mot_workshop.export.pdf import fonts
from mot_workshop.export.pdf.styles import COLOURS
from mot_workshop.i18n import tr

LANE_COLUMN = 120.0        # points for the lane names
PHASE_COLUMN = 64.0        # at least this many points per phase: counts and names stay legible


@dataclass
class _Cell:
    steps: int = 0
    mots: int = 0
    problems: int = 0


@dataclass
class PhaseGrid:
    """The map's steps counted per lane and phase, and its hand-offs per phase."""

    phases: list[str]
    lanes: list[str]
    cells: list[list[_Cell]]                  # [lane][phase]
    handoffs: list[int] = field(default_factory=list)

    def column_total(self, p: int) -> int:
        return sum(row[p].steps for row in self.cells)


def phase_grid(content) -> PhaseGrid:
    """Each step counted in the phase column its centre lies in (as the drawing shows it);
    a map without phases is one column."""
    lay = content.layout
    columns = sorted(lay.phases, key=lambda p: p.column.left)
    names = [p.name for p in columns] or [tr("Whole map")]
    lefts = [p.column.left for p in columns]
    lane_index = {lane.lane_id: n for n, lane in enumerate(lay.lanes)}
    grid = [[_Cell() for _ in names] for _ in lay.lanes]
    phase_of: dict[int, int] = {}
    for sid, box in lay.steps.items():
        p = max(0, bisect.bisect_right(lefts, box.rect.cx) - 1) if columns else 0
        phase_of[sid] = p
        row = lane_index.get(box.lane_id)
        if row is None:
            continue
        cell = grid[row][p]
        cell.steps += 1
        step = content.steps.get(sid)
        if step is not None:
            cell.mots += bool(step.is_mot)
            cell.problems += bool(step.problems.strip())
    handoffs = [0] * len(names)
    lane_of = {sid: box.lane_id for sid, box in lay.steps.items()}
    for source, target in content.flow_ends.values():
        if source in lane_of and target in lane_of and lane_of[source] != lane_of[target]:
            handoffs[phase_of[source]] += 1
    return PhaseGrid(names, [lane.name for lane in lay.lanes], grid, handoffs)


def phase_groups(count: int, width: float) -> list[range]:
    """Phases split into even groups that each fit ``width`` at ≥ PHASE_COLUMN points."""
    per_page = max(1, int((width - LANE_COLUMN) // PHASE_COLUMN))
    pages = max(1, -(-count // per_page))
    size = -(-count // pages)
    return [range(start, min(count, start + size)) for start in range(0, count, size)] or [range(0)]


def grid_tables(grid: PhaseGrid, width: float) -> list:
    """One table per phase group: lane rows, then the steps and hand-offs per phase; each
    cell shaded by how many steps it holds."""
    from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

    from mot_workshop.export.pdf.tables import cell

    most = max((c.steps for row in grid.cells for c in row), default=0) or 1
    out: list = []
    for group in phase_groups(len(grid.phases), width):
        phases = list(group)
        column = (width - LANE_COLUMN) / max(len(phases), 1)
        data = [[cell(tr("Lane"), "head"), *[cell(grid.phases[p], "head") for p in phases]]]
        style = [
            ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
            ("BACKGROUND", (0, 0), (-1, 0), COLOURS["navy"]),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("ALIGN", (1, 1), (-1, -1), "CENTER"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.5, COLOURS["grid"]),
            ("LINEBEFORE", (1, 0), (-1, -1), 0.5, COLOURS["grid"]),
            ("BOX", (0, 0), (-1, -1), 0.8, COLOURS["rule"]),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
        for r, (lane, row) in enumerate(zip(grid.lanes, grid.cells), 1):
            data.append([cell(lane, "cell_bold"), *[_count_cell(row[p]) for p in phases]])
            for c, p in enumerate(phases, 1):
                if row[p].steps:
                    style.append(("BACKGROUND", (c, r), (c, r), _shade(row[p].steps / most)))
        data.append([cell(tr("Steps"), "cell_bold"), *[_number(grid.column_total(p), bold=True) for p in phases]])
        data.append([cell(tr("Hand-offs between lanes"), "cell_bold"), *[_number(grid.handoffs[p]) for p in phases]])
        style.append(("BACKGROUND", (0, len(data) - 2), (-1, -1), COLOURS["band"]))
        table = Table(data, colWidths=[LANE_COLUMN] + [column] * len(phases), repeatRows=1, hAlign="LEFT")
        table.setStyle(TableStyle(style))
        out += [KeepTogether([table, Spacer(0, 10)])]     # a group's lanes on one page when they fit
    return out


def _number(value: int, *, bold: bool = False, note: str = ""):
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    from mot_workshop.export.pdf.markup import markup
    from mot_workshop.export.pdf.styles import paragraph_styles

    style = ParagraphStyle("grid_number", parent=paragraph_styles()["cell_bold" if bold else "cell"],
                           alignment=TA_CENTER)
    text = f"{value:,}" + (f"<br/><font size='6.5'>{markup(note)}</font>" if note else "")
    return Paragraph(text, style)


def _count_cell(c: _Cell):
    """The steps in a lane and phase, with how many are moments of truth and have problems."""
    if not c.steps:
        return ""
    extra = []
    if c.mots:
        extra.append(tr("MOT {count}", count=c.mots))
    if c.problems:
        extra.append(tr("problems {count}", count=c.problems))
    return _number(c.steps, bold=True, note=" · ".join(extra))


def _shade(share: float):
    """From white to a light blue: more steps, deeper; text stays readable on every shade."""
    from reportlab.lib.colors import Color

    t = 0.08 + 0.32 * max(0.0, min(1.0, share))
    return Color(1 - 0.55 * t, 1 - 0.35 * t, 1 - 0.1 * t)


def big_map_flowables(content, plan, avail_w: float, *, title: str, shown: int) -> list:
    """The report's pages for a map whose readable drawing would take ``len(plan.tiles)``
    pages: the overview tables under a heading and a note, then the parts of the first
    columns (all their lanes), about ``shown`` pages."""
    from reportlab.platypus import PageBreak

    from mot_workshop.export.pdf.map_drawing import MapTileFlowable
    from mot_workshop.export.pdf.sheet_parts import para

    count = len(plan.tiles)
    lay = content.layout
    columns = max(1, shown // max(plan.bands, 1))        # whole columns: every lane of the start
    first = [t for t in plan.tiles if t.column < columns][:max(shown, plan.bands)]
    out = [para(tr("{title}: {steps} steps, {flows} flows, {lanes} lanes, {phases} phases", title=title,
                   steps=f"{len(lay.steps):,}", flows=f"{len(content.flow_ends):,}", lanes=len(lay.lanes),
                   phases=len(lay.phases)), "h3"),
           para(tr("This map would take {count} pages at a readable size. Where its steps are is shown below, "
                   "lanes down and phases across; then its first {shown} pages. The whole map is in the "
                   "exports: File → Export → Process map as BPMN, or Image of this diagram (PNG, SVG).",
                   count=f"{count:,}", shown=len(first)), "small"),
           *grid_tables(phase_grid(content), avail_w)]
    for n, tile in enumerate(first, 1):
        out += [PageBreak(), MapTileFlowable(content, tile, plan, tr("{title} — part {n} of {count}", title=title, n=n,
                                                                      count=f"{count:,}"))]
    return out
