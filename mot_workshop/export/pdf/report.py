"""The session report: cover (workshop, organisation, date, place, facilitator, teams),
contents, an overview (process selection, MOT cycles), then per selected process its
cycle chart, As-Is map and analysis, VOC, benchmark, To-Be map and the comparison,
obstacles, targets, Redesign map with key indicators and actions; the parking lot last.

    export_report("report.pdf", store.snapshot(), lang="ko", paper="a3", progress=callback)
"""

from __future__ import annotations

from pathlib import Path

from mot_workshop.domain.enums import MapKind
from mot_workshop.domain.snapshot import Snapshot
from mot_workshop.export.pdf.document import (
    COVER_TEMPLATE, MAP_TEMPLATE, TEXT_TEMPLATE, heading, new_document, numbered_canvas_class, write_pdf,
)
from mot_workshop.export.pdf.progress import Progress, ProgressCallback
from mot_workshop.i18n import tr
from mot_workshop.i18n.labels import enum_name, field_name
from mot_workshop.i18n.switch import language


def report_title() -> str:
    return tr("Session report")


class _Sections:
    """Collects flowables with page-template switches and numbered TOC keys."""

    def __init__(self) -> None:
        self.items: list = []
        self.count = 0

    def key(self) -> str:
        self.count += 1
        return f"s{self.count}"

    def switch(self, template: str) -> None:
        from reportlab.platypus import NextPageTemplate, PageBreak

        self.items += [NextPageTemplate(template), PageBreak()]

    def h(self, text: str, level: int, *, section: str | None = None):
        style = {0: "h1", 1: "h2"}.get(level, "h3")
        self.items.append(heading(text, style, toc_level=level, key=self.key(), section=section))
        return self.items[-1]

    def add(self, *flowables) -> None:
        self.items.extend(flowables)


def cover(snapshot: Snapshot, ctx) -> list:
    from reportlab.platypus import Spacer

    from mot_workshop.export.pdf.sheet_parts import para
    from mot_workshop.export.pdf.tables import form

    w = snapshot.workshop
    out = [Spacer(0, 70), para(report_title().upper() if False else report_title(), "kicker"), Spacer(0, 6),
           para(w.title if w else "", "cover_title"), para(w.organisation if w else "", "cover_sub"), Spacer(0, 26)]
    teams = []
    for team in snapshot.all("team"):
        members = ", ".join(p.name for p in snapshot.where("participant", team_id=team.id))
        teams.append(team.name + (f" ({members})" if members else ""))
    selected = [p.name for p in snapshot.all("process") if p.selected]
    pairs = [(field_name("held_on"), w.held_on if w else ""), (field_name("place"), w.place if w else ""),
             (field_name("facilitator"), w.facilitator if w else ""), (tr("Teams"), "\n".join(teams)),
             (tr("Core processes"), "\n".join(selected))]
    out.append(form([(k, v) for k, v in pairs if v], ctx.width * 0.62, label_fraction=0.22))
    return out


def contents():
    from reportlab.platypus.tableofcontents import TableOfContents

    from mot_workshop.export.pdf.styles import paragraph_styles

    styles = paragraph_styles()
    from reportlab.platypus import TableStyle

    toc = TableOfContents(levelStyles=[styles["toc1"], styles["toc2"], styles["toc3"]], dotsMinLevel=0)
    toc.tableStyle = TableStyle([("FONTNAME", (0, 0), (-1, -1), styles["body"].fontName),
                                 ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                 ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                                 ("BOTTOMPADDING", (0, 0), (-1, -1), 0)])
    return toc


def overview(out: _Sections, snapshot: Snapshot, ctx, analysis) -> None:
    from reportlab.platypus import Spacer

    from mot_workshop.export.pdf import table_sheets
    from mot_workshop.export.pdf.sheet_parts import para
    from mot_workshop.export.pdf.tables import table

    out.h(tr("Workshop overview"), 0, section=tr("Workshop overview"))
    out.h(tr("Process classification and selection"), 1)
    body = table_sheets.step1(ctx)
    out.add(*body[3:] if len(body) > 3 else body)
    if analysis.cycles:
        out.add(Spacer(0, 8))
        out.h(tr("MOT cycles"), 1)
        rows = []
        for cycle_id, scores in analysis.cycles.items():
            weak = snapshot.get("touchpoint", scores.weakest_critical_id or scores.weakest_id)
            rows.append([analysis.cycle_names[cycle_id], str(scores.touchpoints),
                         "–" if scores.mean_level is None else f"{scores.mean_level:.1f}",
                         f"{weak.seq + 1}. {weak.name} ({weak.level})" if weak else "–"])
        out.add(table([tr("Cycle"), tr("Touchpoints"), tr("Mean level"), tr("Weakest link")], rows,
                      [2.2, 0.9, 0.9, 3.0], ctx.width))
        out.add(para(tr("Under the multiplication rule (100 − 1 = 0) the weakest critical moment decides the "
                        "customer's verdict, whatever the mean."), "muted"))
        from reportlab.platypus import Spacer

        from mot_workshop.export.pdf.report_summary import CycleLegend

        out.add(Spacer(0, 6), CycleLegend(ctx.width))      # read once, holds for every cycle chart below


def cycle_part(out: _Sections, snapshot: Snapshot, ctx, cycle, scores, *, depth: int = 0) -> None:
    from reportlab.platypus import Spacer

    from mot_workshop.charts.cycle import cycle_wheel
    from mot_workshop.charts.journey import journey_curve
    from mot_workshop.export.pdf.cycle_sheet import TP_FRACTIONS, touchpoint_headers, touchpoint_rows
    from mot_workshop.export.pdf.figure import chart_flowable
    from mot_workshop.export.pdf.tables import table

    touchpoints = snapshot.where("touchpoint", cycle_id=cycle.id)
    if not touchpoints:                      # nothing drawn yet: no empty section
        return
    parent = snapshot.get("cycle", cycle.parent_id) if cycle.parent_id else None
    title = (tr("Sub-cycle of {parent}: {name}", parent=parent.name, name=cycle.name) if parent
             else tr("MOT cycle: {name}", name=cycle.name))
    out.h(title, 1 + min(depth, 1))
    out.add(chart_flowable(cycle_wheel(touchpoints, scores, width=ctx.width / 72, height=4.0)), Spacer(0, 6))
    out.add(chart_flowable(journey_curve(touchpoints, scores, title=tr("Customer journey"), width=ctx.width / 72,
                                         height=2.6)))
    out.add(Spacer(0, 6), table(touchpoint_headers(), touchpoint_rows(touchpoints), TP_FRACTIONS, ctx.width))


MAX_MAP_PARTS = 24        # a map needing more pages is summarised (map_overview), not printed whole
MAX_LISTED_PROBLEMS = 40  # structure problems listed of a big imported map (the editor lists them all)
MAX_LISTED_ROWS = 120     # steps with problems listed in the As-Is analysis: a few pages at most


def map_part(out: _Sections, snapshot: Snapshot, ctx, process, kind: MapKind, title: str) -> int | None:
    from mot_workshop.export.pdf.map_drawing import map_content
    from mot_workshop.export.pdf.map_sheets import first_map, legend_and_map

    pmap = first_map(snapshot, process.id, kind)
    if pmap is None:
        return None
    out.switch(MAP_TEMPLATE)
    head = out.h(title, 1, section=process.name)
    above = head.wrap(ctx.map_width, ctx.map_height)[1] + head.getSpaceAfter()   # at a page's top: no space before
    content = map_content(snapshot, pmap.id)
    out.add(*legend_and_map(content, ctx.map_width, ctx.map_height, above, title=pmap.title or title,
                            max_parts=MAX_MAP_PARTS))
    out.switch(TEXT_TEMPLATE)
    return pmap.id


def figures_table(ctx, pa, map_id):
    from mot_workshop.analysis.text import figure_name, format_value
    from mot_workshop.export.pdf.tables import table

    metrics = pa.maps[map_id]
    names = ("steps", "handoffs", "decisions", "contact_steps", "lead_time", "total_work", "total_wait",
             "va_share", "nva_share", "cycle_efficiency", "loops")
    rows = [[figure_name(n), format_value(n, metrics.figure(n))] for n in names]
    half = (len(rows) + 1) // 2
    merged = [a + (b if b else ["", ""]) for a, b in zip(rows[:half], rows[half:] + [None])]
    return table([tr("Figure"), tr("Value"), tr("Figure"), tr("Value")], merged, [2.2, 0.8, 2.2, 0.8], ctx.width * 0.7)


def process_part(out: _Sections, snapshot: Snapshot, ctx, process, pa, analysis, progress: Progress) -> None:
    """One selected process in the order of the eight steps: its cycles, VOC (step 2), the
    As-Is map and analysis (3), benchmark (4), To-Be map and comparison (5), obstacles (6),
    targets (7), Redesign map with indicators and actions (8). A section with nothing in
    it is left out, heading and contents entry included."""
    from reportlab.platypus import Spacer

    from mot_workshop.charts.benchmark import benchmark_panels
    from mot_workshop.charts.comparison import asis_tobe_panels
    from mot_workshop.charts.targets import numeric_targets, targets_panels
    from mot_workshop.export.pdf import table_sheets
    from mot_workshop.export.pdf.panel_drawing import panels_flowable
    from mot_workshop.export.pdf.sheet_parts import para
    from mot_workshop.export.pdf.tables import table

    pid = process.id
    out.switch(TEXT_TEMPLATE)
    out.h(process.name, 0, section=process.name)
    scope = " → ".join(x for x in (process.start_point, process.end_point) if x)
    lines = [f"{field_name('mission')}: {process.mission}" if process.mission else "",
             f"{tr('Scope')}: {scope}" if scope else "",
             f"{field_name('major')} / {field_name('medium')}: {process.major} / {process.medium}"
             if process.major or process.medium else ""]
    out.add(*[para(line) for line in lines if line])
    for cycle, depth in cycles_in_order(snapshot, snapshot.where("cycle", process_id=pid)):
        cycle_part(out, snapshot, ctx, cycle, analysis.cycles.get(cycle.id), depth=depth)
    vocs = snapshot.where("voc", process_id=pid)
    if vocs:
        out.h(tr("Voice of the customer"), 1)
        out.add(table(table_sheets.voc_headers(), table_sheets.voc_rows(snapshot, vocs), table_sheets.VOC_FRACTIONS,
                      ctx.width))
    progress.advance(process.name)
    as_is = map_part(out, snapshot, ctx, process, MapKind.AS_IS, tr("As-Is map"))
    analysis_body = as_is_analysis(snapshot, ctx, process, pa, as_is)
    if analysis_body:
        out.h(tr("As-Is analysis"), 1)
        out.add(*analysis_body)
    bench = snapshot.where("benchmark", process_id=pid)
    from mot_workshop.export.pdf import method_sheets

    if bench or method_sheets.has_qcds(snapshot, process):
        w = snapshot.workshop
        out.h(tr("Benchmark"), 1)
        if method_sheets.has_qcds(snapshot, process):
            from mot_workshop.charts.qcds import qcds_panels

            out.add(para(tr("Quantitative results on Q C D S"), "h3"), method_sheets.qcds_table(ctx, process),
                    Spacer(0, 6),
                    panels_flowable(qcds_panels(snapshot.where("qcds_score", process_id=pid), company_a=w.benchmark_a,
                                                company_b=w.benchmark_b, width=ctx.width / 72), width=ctx.width),
                    Spacer(0, 6))
        if bench:
            out.add(table(table_sheets.benchmark_headers(snapshot), table_sheets.benchmark_rows(bench),
                          table_sheets.BENCHMARK_FRACTIONS, ctx.width), Spacer(0, 6))
            out.add(panels_flowable(benchmark_panels(bench, company_a=w.benchmark_a, company_b=w.benchmark_b,
                                                     width=ctx.width / 72), width=ctx.width))
    progress.advance(process.name)
    to_be = map_part(out, snapshot, ctx, process, MapKind.TO_BE, tr("To-Be map"))
    if to_be is not None and method_sheets.cs_checks_of(snapshot, to_be):
        out.h(tr("CS check-points"), 1)
        out.add(method_sheets.cs_check_table(ctx, process, map_id=to_be))
    if pa is not None and pa.comparison:
        names = [enum_name(pa.map_kinds[i]) for i in pa.compared_maps]
        out.h(tr("As-Is vs To-Be"), 1)
        out.add(comparison_table(ctx, pa, names), Spacer(0, 6))
        out.add(panels_flowable(asis_tobe_panels(pa.comparison, names, width=ctx.width / 72), width=ctx.width))
    obstacles = snapshot.where("obstacle", process_id=pid)
    if obstacles:
        out.h(tr("Obstacles and solutions"), 1)
        out.add(table(table_sheets.obstacle_headers(), table_sheets.obstacle_rows(snapshot, obstacles), [1, 1, 1, 1],
                      ctx.width))
    targets = snapshot.where("target", process_id=pid)
    if targets:
        out.h(tr("Targets"), 1)
        out.add(table(table_sheets.target_headers(), table_sheets.target_rows(targets),
                      [2.2, 0.7, 1.0, 1.1, 1.1, 1.1, 1.1], ctx.width), Spacer(0, 6))
        if numeric_targets(targets):
            out.add(panels_flowable(targets_panels(targets, width=ctx.width / 72), width=ctx.width))
    progress.advance(process.name)
    map_part(out, snapshot, ctx, process, MapKind.REDESIGN, tr("Redesign map"))
    if snapshot.where("key_indicator", process_id=pid) or snapshot.where("action", process_id=pid):
        from mot_workshop.export.pdf.worksheets import key_indicator_tables

        out.h(tr("Key indicators and actions"), 1)
        out.add(*key_indicator_tables(ctx, process, writable_rows=False))


def as_is_analysis(snapshot: Snapshot, ctx, process, pa, as_is: int | None) -> list:
    """The As-Is analysis's flowables: map figures, structure problems, problems found on
    the map, outputs and measures — empty when there is nothing to say."""
    from reportlab.platypus import Spacer

    from mot_workshop.analysis.structure import message
    from mot_workshop.export.pdf import table_sheets
    from mot_workshop.export.pdf.sheet_parts import bullets, para
    from mot_workshop.export.pdf.tables import table

    from mot_workshop.export.pdf import method_sheets

    body: list = []
    if method_sheets.has_asis_answers(snapshot, process):
        body += [method_sheets.asis_answer_table(ctx, process), Spacer(0, 6)]
    if as_is is not None and pa is not None and as_is in pa.maps:
        body.append(figures_table(ctx, pa, as_is))
        structure = pa.maps[as_is].structure
        if structure:
            lines = [message(p.code) + (f" — {p.label}" if p.label else "") for p in structure[:MAX_LISTED_PROBLEMS]]
            if len(structure) > MAX_LISTED_PROBLEMS:
                lines.append(tr("… and {count} more (the steps are listed left to right)",
                                count=len(structure) - MAX_LISTED_PROBLEMS))
            body += [Spacer(0, 4), *bullets(lines, "small")]
        problems = [(s.label, s.problems) for s in sorted(snapshot.where("step", map_id=as_is), key=lambda s: s.x)
                    if s.problems.strip()]
        if problems:
            body += [Spacer(0, 6), para(tr("Problems found on the map"), "h3"),
                     table([tr("Step"), field_name("problems")], [list(p) for p in problems[:MAX_LISTED_ROWS]],
                           [1.6, 4.0], ctx.width)]
            if len(problems) > MAX_LISTED_ROWS:
                body.append(para(tr("… and {count} more steps with problems, left to right on the map (the map's "
                                    "info row and its exports list them all).",
                                    count=f"{len(problems) - MAX_LISTED_ROWS:,}"), "small"))
    if snapshot.where("output_analysis", process_id=process.id):
        body += [Spacer(0, 6), para(tr("Outputs and measures"), "h3"),
                 table_sheets.output_analysis_table(ctx, process)]
    return body


def cycles_in_order(snapshot: Snapshot, cycles) -> list[tuple[object, int]]:
    """Cycles with each sub-cycle right under its parent: (cycle, depth)."""
    ids = {c.id for c in cycles}
    children: dict[int | None, list] = {}
    for c in cycles:
        children.setdefault(c.parent_id if c.parent_id in ids else None, []).append(c)
    out: list[tuple[object, int]] = []

    def walk(parent, depth):
        for c in sorted(children.get(parent, []), key=lambda c: (c.seq, c.id)):
            if len(out) < len(cycles):         # a cyclic parent chain cannot loop forever
                out.append((c, depth))
                walk(c.id, depth + 1)

    walk(None, 0)
    return out


def comparison_table(ctx, pa, names):
    from mot_workshop.analysis.text import figure_name, format_change, format_value
    from mot_workshop.export.pdf.tables import table

    rows = [[figure_name(c.name), *[format_value(c.name, v) for v in c.values], format_change(c.change_pct)]
            for c in pa.comparison]
    return table([tr("Figure"), *names, tr("Change")], rows, [2.4] + [1.0] * len(names) + [0.8], ctx.width * 0.75)


def parking_lot(out: _Sections, snapshot: Snapshot, ctx) -> None:
    from mot_workshop.export.pdf.sheet_parts import para, yes
    from mot_workshop.export.pdf.tables import table

    out.switch(TEXT_TEMPLATE)
    out.h(tr("Parking lot"), 0, section=tr("Parking lot"))
    notes = snapshot.all("note")
    if not notes:
        out.add(para(tr("No open points were parked."), "muted"))
        return
    rows = [[n.text, n.author, "" if n.wizard_step is None else str(n.wizard_step), yes(n.done)] for n in notes]
    out.add(table([tr("Point"), field_name("author"), field_name("step_no"), field_name("done")], rows,
                  [5.0, 1.4, 0.6, 0.6], ctx.width))


def report_story(snapshot: Snapshot, paper: str, progress: Progress) -> list:
    from reportlab.platypus import NextPageTemplate, PageBreak

    from mot_workshop.analysis.workshop import analyse_process, analyse_workshop
    from mot_workshop.export.pdf.sheet_parts import SheetContext, selected_processes

    ctx = SheetContext(paper=paper, snapshot=snapshot)
    processes = selected_processes(snapshot)
    progress.plan(3 + 3 * len(processes))
    analysis = analyse_workshop(snapshot)
    by_id = {pa.process_id: pa for pa in analysis.processes}
    out = _Sections()
    out.add(*cover(snapshot, ctx), NextPageTemplate(TEXT_TEMPLATE), PageBreak())
    out.add(heading(tr("Contents"), "h1", section=tr("Contents")), contents())
    out.switch(TEXT_TEMPLATE)
    from mot_workshop.export.pdf import report_summary

    out.h(tr("Executive summary"), 0, section=tr("Executive summary"))
    out.add(*report_summary.executive_summary(snapshot, ctx, analysis, processes))
    out.h(tr("The eight steps"), 1)
    out.add(report_summary.step_status_table(snapshot, ctx))
    votes = report_summary.vote_results(snapshot, ctx)
    if votes is not None:
        out.h(tr("Dot-vote results"), 1)
        out.add(votes)
    out.switch(TEXT_TEMPLATE)
    overview(out, snapshot, ctx, analysis)
    shown = {c.id for p in processes for c in snapshot.where("cycle", process_id=p.id)}
    others = [c for c in snapshot.all("cycle") if c.id not in shown]
    for cycle, depth in cycles_in_order(snapshot, others):
        cycle_part(out, snapshot, ctx, cycle, analysis.cycles.get(cycle.id), depth=depth)
    progress.advance(tr("Workshop overview"))
    for process in processes:
        pa = by_id.get(process.id) or analyse_process(snapshot, process.id)
        process_part(out, snapshot, ctx, process, pa, analysis, progress)
    parking_lot(out, snapshot, ctx)
    progress.advance(tr("Parking lot"))
    return out.items


def export_report(path: str | Path, snapshot: Snapshot, *, lang: str | None = None, paper: str = "a4",
                  progress: ProgressCallback | None = None, cancel=None) -> Path:
    """Write the session report of ``snapshot`` to ``path`` (atomically).

    ``progress(done, total, message)`` is called as sections and pages are made; returning
    False, or setting the ``cancel`` event, raises ``ExportCancelled`` and writes nothing.
    """
    from mot_workshop.export.pdf.worksheets import PAPERS

    if paper not in PAPERS:
        raise ValueError(paper)
    tracker = Progress(progress, cancel)
    w = snapshot.workshop
    with language(lang or (w.language if w else None)):
        story = report_story(snapshot, paper, tracker)
        title = f"{w.title} — {report_title()}" if w else report_title()

        def build(target: str) -> None:
            doc = new_document(target, paper=paper, title=title, running=title, progress=tracker,
                               first=COVER_TEMPLATE, author=w.facilitator if w else "",
                               subject=tr("Results of the MOT/VOC analysis and process redesign workshop"))
            doc.multiBuild(list(story), canvasmaker=numbered_canvas_class(), maxPasses=4)

        out = write_pdf(path, build)
        tracker.finish(tr("Done"))
    return out
