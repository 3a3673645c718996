"""What the report says the workshop decided, before the detail: the executive summary
(objectives, selected processes, weakest moments of truth, As-Is → To-Be gains, top
obstacles, targets), the eight steps' status, the dot-vote results, and the cycle charts'
legend with the 1–5 scale explained once."""

from __future__ import annotations

from mot_workshop.domain.snapshot import Snapshot
from mot_workshop.export.pdf import fonts
from mot_workshop.export.pdf.styles import COLOURS
from mot_workshop.i18n import tr
from mot_workshop.i18n.labels import enum_name, kind_name

GAINS = ("lead_time", "total_wait", "handoffs", "steps", "cycle_efficiency")


def executive_summary(snapshot: Snapshot, ctx, analysis, processes) -> list:
    """The summary page's flowables (the caller adds the heading)."""
    from reportlab.platypus import Spacer

    from mot_workshop.analysis.text import figure_name, format_change, format_value
    from mot_workshop.export.pdf.sheet_parts import bullets, para
    from mot_workshop.export.pdf.tables import table

    out: list = []
    w = snapshot.workshop
    if w is not None and w.objectives.strip():
        out += [para(tr("Objectives"), "h3"), para(w.objectives)]
    if processes:
        out += [para(tr("Selected core processes"), "h3"),
                *bullets([p.name + (f" — {p.mission}" if p.mission else "") for p in processes], "body")]
    weak = []
    for cycle_id, scores in analysis.cycles.items():
        tp = snapshot.get("touchpoint", scores.weakest_critical_id or scores.weakest_id)
        if tp is not None and tp.level is not None:
            weak.append((tp.level, analysis.cycle_names[cycle_id], tp))
    if weak:
        rows = [[name, f"{tp.seq + 1}. {tp.name}", str(level), tp.improvement] for level, name, tp in sorted(
            weak, key=lambda item: item[0])[:5]]
        out += [para(tr("Weakest moments of truth"), "h3"),
                table([tr("Cycle"), tr("Touchpoint"), tr("Level 1–5"), tr("Improvement idea")], rows,
                      [1.6, 2.6, 0.7, 3.0], ctx.width)]
    by_id = {pa.process_id: pa for pa in analysis.processes}
    gains = []
    for p in processes:
        pa = by_id.get(p.id)
        if pa is None or not pa.comparison:
            continue
        for change in pa.comparison:
            if change.name in GAINS and change.values and change.values[0] is not None:
                gains.append([p.name, figure_name(change.name), format_value(change.name, change.values[0]),
                              format_value(change.name, change.values[-1]), format_change(change.change_pct)])
    if gains:
        out += [para(tr("As-Is → To-Be gains"), "h3"),
                table([tr("Process"), tr("Figure"), enum_name("as-is"), tr("After"), tr("Change")], gains,
                      [2.2, 2.2, 1.0, 1.0, 0.8], ctx.width * 0.8)]
    obstacles = [o for p in processes for o in snapshot.where("obstacle", process_id=p.id) if o.obstacle.strip()]
    if obstacles:
        out += [para(tr("Top obstacles"), "h3"),
                *bullets([o.obstacle + (f" → {o.solution}" if o.solution else "") for o in obstacles[:3]], "body")]
    targets = [t for p in processes for t in snapshot.where("target", process_id=p.id) if t.target]
    if targets:
        rows = [[t.measure, t.current, t.target, t.unit] for t in targets[:6]]
        out += [para(tr("Targets"), "h3"),
                table([tr("Measure (KPI)"), tr("Current level"), tr("Target level"), tr("Unit")], rows,
                      [3.0, 1.2, 1.2, 0.8], ctx.width * 0.8)]
    if not out:
        out.append(para(tr("Nothing has been decided yet: the sections below fill in as the workshop goes."),
                        "muted"))
    out.append(Spacer(0, 6))
    return out


def step_status_table(snapshot: Snapshot, ctx):
    """The eight steps: status, the process worked on, time spent and the step's notes."""
    from mot_workshop.domain.method import steps
    from mot_workshop.export.pdf.tables import table

    progress = {}
    for p in snapshot.all("step_progress"):
        progress.setdefault(p.step_no, p)
    rows = []
    for step in steps():
        p = progress.get(step.number)
        process = snapshot.get("process", p.process_id) if p and p.process_id else None
        minutes = f"{round(p.seconds_spent / 60)}" if p and p.seconds_spent else ""
        rows.append([str(step.number), step.title, enum_name(p.status) if p else enum_name("not-started"),
                     process.name if process else "", minutes, plain_notes(p.notes) if p else ""])
    return table(["#", tr("Step"), tr("Status"), tr("Process"), tr("Minutes"), tr("Summary")], rows,
                 [0.3, 2.2, 1.0, 1.8, 0.6, 3.6], ctx.width)


def plain_notes(notes: str) -> str:
    """A step's notes without the machine line that records the CS check-point ticks."""
    return "\n".join(line for line in notes.splitlines() if not line.strip().startswith("cs-checked:")).strip()


def vote_results(snapshot: Snapshot, ctx):
    """Dots per voted item, highest first, over processes, steps and touchpoints."""
    from mot_workshop.analysis.votes import tally
    from mot_workshop.export.pdf.tables import table

    votes = snapshot.all("vote")
    rows = []
    for kind in ("process", "step", "touchpoint"):
        for target_id, dots in tally(votes, kind).items():
            entity = snapshot.get(kind, target_id)
            if entity is None:
                continue
            name = getattr(entity, "name", "") or getattr(entity, "label", "")
            rows.append((dots, [kind_name(kind), name, str(dots)]))
    if not rows:
        return None
    rows.sort(key=lambda r: -r[0])
    return table([tr("Voted on"), tr("Name"), tr("Dots")], [r for _, r in rows], [1.2, 5.0, 0.6], ctx.width * 0.75)


def _flowable():
    from reportlab.platypus import Flowable

    return Flowable


class CycleLegend(_flowable()):
    """How to read a cycle chart: fill = experienced level 1–5, size = importance, the red
    ring = the weakest critical moment, ◆ = a critical moment."""

    HEIGHT = 44.0

    def __init__(self, width: float) -> None:
        super().__init__()
        self.width, self.height = width, self.HEIGHT

    def wrap(self, aw, ah):
        return self.width, self.height

    def draw(self) -> None:
        from mot_workshop.charts.base import LEVEL_COLOURS

        c = self.canv
        c.saveState()
        c.setFillColor(COLOURS["band"])
        c.setStrokeColor(COLOURS["rule"])
        c.roundRect(0, 0, self.width, self.height, 3, stroke=1, fill=1)
        y = self.height / 2 + 4
        x = 10.0
        x = self._label(c, x, y, tr("Fill: experienced level"), bold=True)
        for level in range(1, 6):
            c.setFillColor(_hex(LEVEL_COLOURS[level]))
            c.circle(x + 7, y + 3, 6, stroke=0, fill=1)
            c.setFillColor(COLOURS["paper"])
            c.setFont(fonts.BOLD, 7)
            c.drawCentredString(x + 7, y + 0.6, str(level))
            x += 17
        x = self._label(c, x + 10, y, tr("Size: importance"), bold=True)
        for importance, r in ((1, 4.5), (3, 6.0), (5, 7.5)):
            c.setFillColor(COLOURS["muted"])
            c.circle(x + r, y + 3, r, stroke=0, fill=1)
            x += 2 * r + 6
        x = self._label(c, x + 10, y, tr("Weakest critical moment"), bold=True)
        c.setStrokeColor(COLOURS["red"])
        c.setLineWidth(1.8)
        c.circle(x + 9, y + 3, 8, stroke=1, fill=0)
        x = self._label(c, x + 26, y, "◆ " + tr("Critical moment"), bold=False)
        c.setFont(fonts.REGULAR, 7.5)
        c.setFillColor(COLOURS["muted"])
        c.drawString(10, 8, fonts.clip(tr("Scale 1–5: 1 very dissatisfied · 2 dissatisfied · 3 neutral · 4 satisfied · "
                                          "5 very satisfied (importance: 1 minor … 5 decisive)"), 7.5, self.width - 20))
        c.restoreState()

    @staticmethod
    def _label(c, x: float, y: float, text: str, *, bold: bool) -> float:
        c.setFont(fonts.BOLD if bold else fonts.REGULAR, 8)
        c.setFillColor(COLOURS["ink"])
        text = fonts.printable(text)
        c.drawString(x, y, text)
        return x + fonts.string_width(text, 8, bold) + 6


def _hex(value: str):
    from reportlab.lib.colors import HexColor

    return HexColor(value)
