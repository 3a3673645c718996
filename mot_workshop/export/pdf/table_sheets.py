"""Worksheets of steps 1, 2, 4, 6 and 7 — the tables of the seed's layouts, blank (rows to
write in) or filled from a workshop. Steps 3, 5 and 8 are in ``map_sheets``."""

from __future__ import annotations

from mot_workshop.domain.enums import TargetKind, Viewpoint
from mot_workshop.export.pdf.method_sheets import SelectionGrid, aspect_table, interview_forms, qcds_table
from mot_workshop.export.pdf.sheet_parts import SheetContext, bullets, para, sheet_heading, yes
from mot_workshop.export.pdf.tables import blank_rows, table
from mot_workshop.i18n import tr
from mot_workshop.i18n.labels import enum_name, field_name


def writable(rows: list, count: int, columns: int, height: float) -> tuple[list, float | None]:
    """The rows to print and their minimum height: a process with nothing entered yet gets
    ``count`` blank rows tall enough to write in, not a header alone."""
    if rows:
        return rows, None
    return blank_rows(count, columns), height


def _num(value) -> str:
    if value is None:
        return ""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def viewpoint_rows() -> list[tuple[str, str]]:
    return [
        (Viewpoint.CORE, tr("Core process selection — the process's start and end")),
        (Viewpoint.VOC_TOPIC, tr("Topics with much VOC — product, service, image")),
        (Viewpoint.MOT_DISPUTE, tr("MOT topics with many disputes — product, service, image")),
        (Viewpoint.SUPPORT, tr("Support processes — reliability, responsiveness, speed")),
        (Viewpoint.INTERNAL, tr("Internal-customer / back-stage support — online support, organisation, hiring, "
                                "contact-staff training, other")),
    ]


def step1(ctx: SheetContext, process=None) -> list:
    """Process hierarchy and selection, with the discussion viewpoints."""
    from reportlab.platypus import Spacer

    out = sheet_heading(ctx, 1)
    headers = [field_name("major"), field_name("medium"), tr("Process (proper noun + verb)"), field_name("role"),
               tr("Start → end"), field_name("innovation"), field_name("feasibility"), field_name("selected")]
    fractions = [1.1, 1.1, 2.2, 0.8, 2.2, 0.8, 0.8, 0.7]
    rows = [] if ctx.blank else [
        [p.major, p.medium, p.name, enum_name(p.role), " → ".join(x for x in (p.start_point, p.end_point) if x),
         _num(p.innovation), _num(p.feasibility), yes(p.selected)] for p in ctx.snapshot.all("process")]
    rows, height = writable(rows, 7, len(headers), 18)
    out.append(para(tr("Process hierarchy (contact flow → process hierarchy table)"), "h3"))
    out.append(table(headers, rows, fractions, ctx.width, min_row_height=height))
    out.append(Spacer(0, 10))
    out.append(para(tr("Discussion viewpoints for selecting core processes (innovation effect × feasibility)"), "h3"))
    out.append(aspect_table(ctx))
    if ctx.blank:
        out.append(Spacer(0, 10))
        out.append(para(tr("Innovation effect × feasibility: plot each candidate process"), "h3"))
        out.append(SelectionGrid(ctx.width * 0.6, 250))
    if not ctx.blank:
        from mot_workshop.charts.selection import selection_matrix
        from mot_workshop.export.pdf.figure import chart_flowable

        procs = ctx.snapshot.all("process")
        if any(p.innovation and p.feasibility for p in procs):
            out.append(Spacer(0, 10))
            out.append(chart_flowable(selection_matrix(procs, title=tr("Selection matrix"), width=6.2, height=3.6)))
    return out


def voc_headers() -> list[str]:
    return [field_name("target_customer"), field_name("interviewee"), field_name("interviewer"),
            tr("Date, time and place"), tr("Method / type"), tr("Related process"), field_name("requirement"),
            tr("Q C D S"), field_name("indicator"), field_name("expected_level")]


VOC_FRACTIONS = [1.2, 1.0, 0.9, 1.2, 1.1, 1.1, 2.2, 0.6, 1.1, 1.0]


def voc_rows(snapshot, entries) -> list[list[str]]:
    rows = []
    for v in entries:
        process = snapshot.get("process", v.process_id)
        how = " / ".join(enum_name(x) for x in (v.method, v.voc_type, v.direction) if x)
        rows.append([v.target_customer, v.interviewee, v.interviewer, "\n".join(x for x in (v.held_at, v.place) if x),
                     how, process.name if process else "", v.requirement, str(v.characteristic or ""),
                     v.indicator, v.expected_level])
    return rows


def step2(ctx: SheetContext, process=None) -> list:
    """One form per interview with its requirement rows; VOC rows heard outside an
    interview form in the survey table below."""
    out = sheet_heading(ctx, 2, process.name if process else "")
    forms = interview_forms(ctx, process)
    out += forms
    entries = [] if ctx.blank else [v for v in ctx.snapshot.where("voc", process_id=process.id if process else None)
                                    if v.interview_id is None]
    if entries or not forms:
        rows = voc_rows(ctx.snapshot, entries)
        height = None
        if not rows:
            rows, height = [["", "", "", "", "", "", "", "Q  C  D  S", "", ""] for _ in range(6)], 44
        out.append(table(voc_headers(), rows, VOC_FRACTIONS, ctx.width, min_row_height=height))
    out.append(para(tr("Q: Quality · C: Cost · D: Delivery · S: Service. VOC types: inbound (pull) and outbound "
                       "(push); inquiry, complaint, protest, claim, suggestion, other. Methods: quantitative "
                       "(personal interview, mail, phone, online) and qualitative (depth interview, focus group, "
                       "observation, mystery shopping)."), "muted"))
    return out


def benchmark_headers(snapshot=None) -> list[str]:
    a = (snapshot.workshop.benchmark_a if snapshot and snapshot.workshop else "") or tr("Company A")
    b = (snapshot.workshop.benchmark_b if snapshot and snapshot.workshop else "") or tr("Company B")
    return [field_name("problem"), "B M I", tr("Major / medium process"), field_name("page_no"), "Q C D S",
            tr("Measure (unit)"), tr("Us"), a, b, "TOP", "D E", field_name("nature"), field_name("gap_cause"),
            tr("Qualitative results (ideas, cases)")]


BENCHMARK_FRACTIONS = [1.6, 0.45, 1.2, 0.5, 0.55, 1.2, 0.6, 0.6, 0.6, 0.6, 0.45, 1.1, 1.3, 1.5]


def benchmark_rows(rows) -> list[list[str]]:
    return [[r.problem, r.size_class, " / ".join(x for x in (r.major_process, r.medium_process) if x), r.page_no,
             str(r.characteristic), r.measure + (f" ({r.unit})" if r.unit else ""), _num(r.us), _num(r.company_a),
             _num(r.company_b), _num(r.top), r.design_or_execution, r.nature, r.gap_cause, r.ideas] for r in rows]


def step4(ctx: SheetContext, process=None) -> list:
    out = sheet_heading(ctx, 4, process.name if process else "")
    out.append(para(tr("Quantitative results for us, company A, company B and the best (TOP) on Q C D S; "
                       "nature and causes of the gap; qualitative results (ideas, cases)."), "muted"))
    rows = [] if ctx.blank else benchmark_rows(ctx.snapshot.where("benchmark", process_id=process.id))
    rows, height = writable(rows, 6, 14, 46)
    out.append(table(benchmark_headers(ctx.snapshot), rows, BENCHMARK_FRACTIONS, ctx.width, min_row_height=height))
    out.append(para(tr("B M I: size of the problem (big, medium, improvement). D E: design or execution."), "muted"))
    from reportlab.platypus import KeepTogether, Spacer

    out.append(Spacer(0, 8))
    out.append(KeepTogether([para(tr("Quantitative results on Q C D S"), "h3"), qcds_table(ctx, process)]))
    if not ctx.blank:
        from reportlab.platypus import Spacer

        from mot_workshop.charts.benchmark import benchmark_panels
        from mot_workshop.export.pdf.panel_drawing import panels_flowable

        rows = ctx.snapshot.where("benchmark", process_id=process.id)
        if any(r.us is not None for r in rows):
            w = ctx.snapshot.workshop
            out.append(Spacer(0, 8))
            out.append(panels_flowable(benchmark_panels(rows, company_a=w.benchmark_a, company_b=w.benchmark_b,
                                                        title=tr("Benchmark gaps"), width=ctx.width / 72, columns=4),
                                       width=ctx.width))
    return out


def obstacle_headers() -> list[str]:
    return [tr("Features of the current problem"), tr("Features of the To-Be"), tr("Obstacles"), tr("Solutions")]


def obstacle_rows(snapshot, rows) -> list[list[str]]:
    out = []
    for r in rows:
        step = snapshot.get("step", r.source_step_id)
        current = r.current_features + (f"\n({tr('As-Is step')}: {step.label})" if step and step.label else "")
        out.append([current, r.tobe_features, r.obstacle, r.solution])
    return out


def step6(ctx: SheetContext, process=None) -> list:
    out = sheet_heading(ctx, 6, process.name if process else "")
    rows = [] if ctx.blank else obstacle_rows(ctx.snapshot, ctx.snapshot.where("obstacle", process_id=process.id))
    rows, height = writable(rows, 6, 4, 56)
    out.append(table(obstacle_headers(), rows, [1, 1, 1, 1], ctx.width, min_row_height=height))
    return out


def target_headers() -> list[str]:
    return [tr("Measure (KPI)"), field_name("unit"), tr("Direction"), field_name("current"), field_name("competitor"),
            field_name("required_level"), field_name("target")]


def target_rows(rows) -> list[list[str]]:
    return [[t.measure, t.unit, tr("higher is better") if t.higher_is_better else tr("lower is better"),
             t.current, t.competitor, t.required_level, t.target] for t in rows]


def step7(ctx: SheetContext, process=None) -> list:
    from reportlab.platypus import Spacer

    out = sheet_heading(ctx, 7, process.name if process else "")
    fractions = [2.2, 0.7, 1.0, 1.1, 1.1, 1.1, 1.1]
    for kind, title in ((TargetKind.QUANTITATIVE, tr("Quantitative levels (key measures)")),
                        (TargetKind.QUALITATIVE, tr("Qualitative levels"))):
        out.append(para(title, "h3"))
        rows = [] if ctx.blank else target_rows(ctx.snapshot.where("target", process_id=process.id, kind=kind))
        rows, height = writable(rows, 4, 7, 30)
        out.append(table(target_headers(), rows, fractions, ctx.width, min_row_height=height))
        out.append(Spacer(0, 6))
    if not ctx.blank:
        from mot_workshop.charts.targets import numeric_targets, targets_panels
        from mot_workshop.export.pdf.panel_drawing import panels_flowable

        targets = ctx.snapshot.where("target", process_id=process.id)
        if numeric_targets(targets):
            out.append(panels_flowable(targets_panels(targets, title=tr("Targets"), width=ctx.width / 72),
                                       width=ctx.width))
    return out


def checkpoints() -> list[str]:
    return [
        tr("Is the contact procedure customer-centred?"),
        tr("Is the speed of the contact work satisfying for the customer?"),
        tr("Can steps be simplified or merged?"),
        tr("Do contact and VOC staff have the authority they need?"),
        tr("Should the division of work change to serve customers better?"),
        tr("Are customer-oriented people placed at the contacts?"),
        tr("Where is computerisation or an online service needed?"),
        tr("Which functions should be created, or procedures abolished?"),
    ]


def cs_checkpoint_table(ctx: SheetContext):
    rows = [[f"{i}. {q}", "", ""] for i, q in enumerate(checkpoints(), 1)]
    return table([tr("CS check-points for the To-Be"), tr("Applied?"), tr("Note")], rows, [4.0, 0.8, 3.0],
                 ctx.width, min_row_height=22)


def analysis_questions() -> list[str]:
    from mot_workshop.domain.method import asis_questions

    return asis_questions()


def output_analysis_table(ctx: SheetContext, process=None):
    headers = [tr("OUTPUT"), tr("Performance characteristic"), field_name("importance"), field_name("measure"),
               field_name("current_level"), tr("Customer-expected level"), field_name("target_level"),
               field_name("priority")]
    if ctx.blank:
        rows = [[tr("e.g. report"), tr("accuracy"), "", tr("number of errors"), "", "", "0", ""],
                ["", tr("timeliness"), "", tr("on-time rate"), "", "", "95%", ""]] + blank_rows(4, 8)
    else:
        rows = [[o.output, o.characteristic, _num(o.importance), o.measure, o.current_level, o.expected_level,
                 o.target_level, yes(o.priority)] for o in ctx.snapshot.where("output_analysis", process_id=process.id)]
    rows, height = writable(rows, 6, 8, 24)
    return table(headers, rows, [1.6, 1.4, 0.7, 1.5, 1.0, 1.1, 1.0, 0.7], ctx.width,
                 min_row_height=24 if ctx.blank else height)


def analysis_note() -> list:
    return bullets(analysis_questions(), "small") + [
        para(tr("Review all existing customer data before this step, to avoid duplication."), "muted")]
