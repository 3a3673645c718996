"""The method's answer sheets, blank or filled: step 1's discussion aspects and a blank
innovation × feasibility grid, step 2's interview forms, step 3's As-Is questions with
their answers, step 4's Q/C/D/S × us / A / B / TOP grid and step 5's CS check-points."""

from __future__ import annotations

from mot_workshop.domain.enums import MapKind
from mot_workshop.domain.method import VIEWPOINT_ASPECTS, asis_questions, aspect_name, cs_checkpoints
from mot_workshop.export.pdf import fonts
from mot_workshop.export.pdf.styles import COLOURS
from mot_workshop.export.pdf.tables import form, table
from mot_workshop.i18n import tr
from mot_workshop.i18n.labels import enum_name, field_name

QCDS = ("Q", "C", "D", "S")


def _num(value) -> str:
    if value is None:
        return ""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def _map(snapshot, process, kind: MapKind):
    if snapshot is None or process is None:
        return None
    maps = [m for m in snapshot.where("process_map", process_id=process.id) if m.kind == kind]
    return maps[0] if maps else None


# ------------------------------------------------------------------ step 1
def aspect_table(ctx):
    """The discussion viewpoints with their sub-aspect rows (seed 002)."""
    from mot_workshop.export.pdf.table_sheets import viewpoint_rows

    found = {}
    processes = []
    if not ctx.blank:
        for row in ctx.snapshot.all("viewpoint_aspect"):
            found.setdefault((str(row.viewpoint), row.aspect), row)
        processes = ctx.snapshot.all("process")
    rows, spans = [], []
    for viewpoint, title in viewpoint_rows():
        codes = list(VIEWPOINT_ASPECTS[viewpoint])
        codes += [a for (v, a) in found if v == str(viewpoint) and a not in codes]     # free-text aspects
        first = len(rows) + 1
        for i, code in enumerate(codes):
            entry = found.get((str(viewpoint), code))
            chosen = entry.core_processes if entry else ""
            if i == 0 and not chosen:
                chosen = ", ".join(p.name for p in processes if p.viewpoint == viewpoint and p.selected)
            rows.append([title if i == 0 else "", aspect_name(code), entry.discussion if entry else "", chosen])
        if len(codes) > 1:
            spans.append(((0, first), (0, first + len(codes) - 1)))
    return table([tr("Viewpoint"), tr("Aspect"), tr("Discussion"), tr("Selected core processes")], rows,
                 [2.2, 1.3, 3.4, 1.9], ctx.width, min_row_height=24 if ctx.blank else None, bold_first=True,
                 spans=spans)


def _flowable():
    from reportlab.platypus import Flowable

    return Flowable


class SelectionGrid(_flowable()):
    """A blank innovation effect × feasibility grid (1–5 each) to plot processes on; the
    top-right block is where the core processes are."""

    def __init__(self, width: float, height: float) -> None:
        super().__init__()
        self.width, self.height = width, height

    def wrap(self, aw, ah):
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        left, bottom = 70.0, 36.0
        side = min(self.width - left - 20, self.height - bottom - 16)
        cell = side / 5
        c.saveState()
        c.setFillColor(COLOURS["start_fill"])
        c.rect(left + 3 * cell, bottom + 3 * cell, 2 * cell, 2 * cell, stroke=0, fill=1)
        c.setStrokeColor(COLOURS["rule"])
        c.setLineWidth(0.6)
        for i in range(6):
            c.line(left + i * cell, bottom, left + i * cell, bottom + side)
            c.line(left, bottom + i * cell, left + side, bottom + i * cell)
        c.setFont(fonts.REGULAR, 8)
        c.setFillColor(COLOURS["ink"])
        for i in range(5):
            c.drawCentredString(left + (i + 0.5) * cell, bottom - 11, str(i + 1))
            c.drawRightString(left - 5, bottom + (i + 0.5) * cell - 3, str(i + 1))
        c.setFont(fonts.BOLD, 8.5)
        c.drawCentredString(left + side / 2, bottom - 26, fonts.printable(field_name("feasibility")))
        c.saveState()
        c.translate(left - 22, bottom + side / 2)
        c.rotate(90)
        c.drawCentredString(0, 0, fonts.printable(field_name("innovation")))
        c.restoreState()
        c.setFillColor(COLOURS["teal"])
        c.drawRightString(left + side - 4, bottom + side - 12, fonts.printable(tr("Select first")))
        c.restoreState()


# ------------------------------------------------------------------ step 2
def interview_forms(ctx, process) -> list:
    """One form per interview (its head, then its requirement rows); blank: two forms."""
    from reportlab.platypus import KeepTogether, Spacer

    from mot_workshop.export.pdf.sheet_parts import para

    head = (("target_customer", tr("Target customer (department or company)")), ("interviewee", None),
            ("interviewer", None), ("held_at", tr("Date, time and place")), ("method", tr("Method / type")))
    req_headers = [field_name("requirement"), tr("Q C D S"), field_name("indicator"), field_name("expected_level")]
    fractions = [4.0, 0.8, 1.8, 1.6]
    if ctx.blank:
        out = []
        for n in (1, 2):
            pairs = [(label or field_name(key), "") for key, label in head]
            out.append(KeepTogether([para(tr("Interview {n}", n=n), "h3"), form(pairs, ctx.width, min_row_height=20),
                                     Spacer(0, 4), table(req_headers, [["", "Q  C  D  S", "", ""]] * 4, fractions,
                                                         ctx.width, min_row_height=30)]))
            out.append(Spacer(0, 8))
        return out
    out = []
    interviews = ctx.snapshot.where("interview", process_id=process.id if process else None)
    for n, interview in enumerate(interviews, 1):
        when = " · ".join(x for x in (interview.held_at, interview.place) if x)
        values = {"target_customer": interview.target_customer, "interviewee": interview.interviewee,
                  "interviewer": interview.interviewer, "held_at": when,
                  "method": enum_name(interview.method) if interview.method else ""}
        pairs = [(label or field_name(key), values[key]) for key, label in head]
        vocs = ctx.snapshot.where("voc", interview_id=interview.id)
        rows = [[v.requirement, str(v.characteristic or ""), v.indicator, v.expected_level] for v in vocs]
        height = None
        if not rows:
            rows, height = [["", "Q  C  D  S", "", ""]] * 3, 30
        out.append(KeepTogether([para(tr("Interview {n}", n=n), "h3"), form(pairs, ctx.width),
                                 Spacer(0, 4), table(req_headers, rows, fractions, ctx.width,
                                                     min_row_height=height)]))
        out.append(Spacer(0, 8))
    return out


# ------------------------------------------------------------------ step 3
def asis_answer_table(ctx, process):
    pmap = _map(ctx.snapshot, process, MapKind.AS_IS)
    answers = {}
    if pmap is not None:
        for a in ctx.snapshot.where("asis_answer", map_id=pmap.id):
            answers.setdefault(a.question, a.answer)
    rows = [[f"{i}. {q}", answers.get(i, "")] for i, q in enumerate(asis_questions(), 1)]
    tall = 30 if not answers else None
    return table([tr("As-Is analysis question"), tr("Answer")], rows, [3.0, 5.0], ctx.width,
                 min_row_height=tall, bold_first=True)


def has_asis_answers(snapshot, process) -> bool:
    pmap = _map(snapshot, process, MapKind.AS_IS)
    return pmap is not None and any(a.answer.strip() for a in snapshot.where("asis_answer", map_id=pmap.id))


# ------------------------------------------------------------------ step 4
def qcds_rows(snapshot, process) -> list[list[str]]:
    scores = {}
    if snapshot is not None and process is not None:
        for s in snapshot.where("qcds_score", process_id=process.id):
            scores.setdefault(str(s.characteristic), s)
    rows = []
    for code in QCDS:
        s = scores.get(code)
        rows.append([f"{code} · {enum_name(code)}", *(_num(getattr(s, f)) if s else "" for f in
                                                        ("us", "company_a", "company_b", "top")),
                     s.note if s else ""])
    return rows


def qcds_table(ctx, process):
    """The seed's quantitative grid: Q, C, D, S down, us / company A / company B / TOP across."""
    from mot_workshop.export.pdf.table_sheets import benchmark_headers

    heads = benchmark_headers(ctx.snapshot)
    headers = [tr("Characteristic"), heads[6], heads[7], heads[8], "TOP", tr("Note")]
    rows = qcds_rows(ctx.snapshot, process)
    empty = all(not any(r[1:]) for r in rows)
    return table(headers, rows, [1.6, 1.0, 1.0, 1.0, 1.0, 2.6], ctx.width * 0.8,
                 min_row_height=26 if empty else None, bold_first=True)


def has_qcds(snapshot, process) -> bool:
    return bool(snapshot.where("qcds_score", process_id=process.id))


# ------------------------------------------------------------------ step 5
def cs_check_table(ctx, process, *, map_id: int | None = None):
    """The eight CS check-points with the To-Be map's ticks and notes."""
    from mot_workshop.export.pdf.sheet_parts import yes

    if map_id is None:
        pmap = _map(ctx.snapshot, process, MapKind.TO_BE)
        map_id = pmap.id if pmap else None
    checks = {}
    if map_id is not None and ctx.snapshot is not None:
        for c in ctx.snapshot.where("cs_check", map_id=map_id):
            checks.setdefault(c.point, c)
    rows = [[f"{i}. {q}", yes(checks[i].ticked) if i in checks else "", checks[i].note if i in checks else ""]
            for i, q in enumerate(cs_checkpoints(), 1)]
    return table([tr("CS check-points for the To-Be"), tr("Applied?"), tr("Note")], rows, [4.0, 0.8, 3.0],
                 ctx.width, min_row_height=22)


def cs_checks_of(snapshot, map_id: int) -> list:
    return snapshot.where("cs_check", map_id=map_id)


