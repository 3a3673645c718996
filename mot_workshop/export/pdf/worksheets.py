"""Worksheets as PDF, blank for teams who work on paper or filled from a workshop: one sheet
per step in the seed's layout (A4 landscape; the map sheets of steps 3, 5 and 8 on the
chosen paper) and the MOT cycle sheet.

    export_worksheets("sheets.pdf", steps=range(1, 9), lang="ko", paper="a3")
    export_worksheets("filled.pdf", snapshot=store.snapshot(), progress=callback)
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from mot_workshop.domain.snapshot import Snapshot
from mot_workshop.export.pdf.document import MAP_TEMPLATE, TEXT_TEMPLATE, new_document, numbered_canvas_class, write_pdf
from mot_workshop.export.pdf.progress import Progress, ProgressCallback
from mot_workshop.i18n import tr
from mot_workshop.i18n.switch import language

ALL_STEPS = tuple(range(1, 9))
PAPERS = ("a4", "a3")


def parse_steps(text: str) -> tuple[int, ...]:
    """"1-8", "3", "1,3,5-7" → sorted step numbers; ValueError on anything else."""
    steps: set[int] = set()
    for part in text.replace(" ", "").split(","):
        if not part:
            continue
        first, _, last = part.partition("-")
        a, b = int(first), int(last or first)
        if not (1 <= a <= b <= 8):
            raise ValueError(part)
        steps.update(range(a, b + 1))
    if not steps:
        raise ValueError(text)
    return tuple(sorted(steps))


class Story:
    """Flowables with page-template switches: each sheet starts on a new page."""

    def __init__(self) -> None:
        self.items: list = []
        self.template: str | None = None
        self.marks = 0
        self.opened: set[str] = set()

    def sheet(self, template: str, flowables: list, *, group: str = "", name: str = "") -> None:
        """Add a sheet; ``group`` (a step or the cycle sheets) gets one outline entry at its
        first sheet, ``name`` one entry under it for this sheet."""
        from reportlab.platypus import NextPageTemplate, PageBreak

        entries = []
        if group and group not in self.opened:
            self.opened.add(group)
            entries.append((0, group))
        if name:
            entries.append((1 if group else 0, name))
        if entries and flowables:
            marks = []
            for level, text in entries:
                self.marks += 1
                marks.append((level, text, f"sheet{self.marks}"))
            flowables[0].toc_entries = marks
        if self.items:
            self.items.append(NextPageTemplate(template))
            self.items.append(PageBreak())
        elif template != TEXT_TEMPLATE:
            self.first = template
        self.items.extend(flowables)
        self.template = template

    @property
    def first_template(self) -> str:
        return getattr(self, "first", TEXT_TEMPLATE)


def worksheet_story(snapshot: Snapshot | None, steps: Iterable[int], paper: str, progress: Progress, *,
                    touchpoints: int | None = None) -> Story:
    from mot_workshop.export.pdf import cycle_sheet, map_sheets, method_sheets, table_sheets
    from mot_workshop.export.pdf.sheet_parts import SheetContext, para, selected_processes, step_heading

    ctx = SheetContext(paper=paper, snapshot=snapshot)
    blank_ctx = SheetContext(paper=paper, snapshot=None)
    steps = sorted(set(steps))
    processes = [None] if snapshot is None else selected_processes(snapshot)
    cycles = [None] if snapshot is None else snapshot.all("cycle")
    progress.plan(len(steps) * max(1, len(processes)) + len(cycles) + 1)
    story = Story()
    for n in steps:
        group = step_heading(n)
        if n == 1:
            story.sheet(TEXT_TEMPLATE, table_sheets.step1(ctx), group=group)
            progress.advance(tr("Step {n}", n=n))
            continue
        targets = list(processes)
        if n == 2 and snapshot is not None and snapshot.where("voc", process_id=None):
            targets.append(None)
        for process in targets or [None]:
            # A workshop with no process yet gets that step's sheet blank rather than nothing.
            sheet = ctx if process is not None or snapshot is None or n == 2 else blank_ctx
            name = process.name if process is not None else ""
            if n in (3, 5, 8):
                story.sheet(MAP_TEMPLATE, map_sheets.map_sheet(sheet, n, process), group=group, name=name)
                extra = []
                if n == 3:
                    extra = [para(tr("As-Is analysis: outputs and measures"), "h2"),
                             method_sheets.asis_answer_table(sheet, process),
                             para(tr("Review all existing customer data before this step, to avoid duplication."),
                                  "muted"),
                             table_sheets.output_analysis_table(sheet, process)]
                elif n == 5:
                    extra = [para(tr("CS check-points"), "h2"), method_sheets.cs_check_table(sheet, process)]
                else:
                    extra = key_indicator_tables(sheet, process)
                story.sheet(TEXT_TEMPLATE, extra, group=group, name=extra[0].getPlainText() if extra else "")
            else:
                builder = {2: table_sheets.step2, 4: table_sheets.step4, 6: table_sheets.step6, 7: table_sheets.step7}[n]
                story.sheet(TEXT_TEMPLATE, builder(sheet, process), group=group, name=name)
            progress.advance(tr("Step {n}", n=n))
    for cycle in cycles:
        story.sheet(TEXT_TEMPLATE, cycle_sheet.cycle_sheet(ctx, cycle, touchpoints=touchpoints),
                    group=cycle_sheet.cycle_title(), name=cycle.name if cycle is not None else "")
        progress.advance(cycle_sheet.cycle_title())
    if snapshot is None or any(c.parent_id for c in cycles):
        story.sheet(TEXT_TEMPLATE, cycle_sheet.hub_sheet(ctx, snapshot), group=cycle_sheet.cycle_title(),
                    name=cycle_sheet.hub_title())
    if set(steps) == set(ALL_STEPS):         # the full set carries the method's reference pages
        from mot_workshop.export.pdf.reference_sheets import reference_pages, reference_title

        for page in reference_pages(ctx):
            story.sheet(TEXT_TEMPLATE, page, group=reference_title(), name=page[0].getPlainText())
    return story


def key_indicator_tables(ctx, process, *, writable_rows: bool = True) -> list:
    """Key indicators and actions; ``writable_rows``: blank rows where nothing is entered."""
    from reportlab.platypus import Spacer

    from mot_workshop.export.pdf.sheet_parts import para, yes
    from mot_workshop.export.pdf.tables import blank_rows, table
    from mot_workshop.i18n.labels import field_name

    if ctx.blank or process is None:
        ki_rows, action_rows = blank_rows(5, 4), blank_rows(5, 4)
    else:
        ki_rows = [[k.name, k.definition, k.target, k.owner] for k in ctx.snapshot.where("key_indicator", process_id=process.id)]
        action_rows = [[a.description, a.owner, a.due, yes(a.done)] for a in ctx.snapshot.where("action", process_id=process.id)]
    from mot_workshop.export.pdf.table_sheets import writable

    ki_height = action_height = 26 if ctx.blank else None
    if writable_rows:
        ki_rows, ki_height = writable(ki_rows, 5, 4, 26)
        action_rows, action_height = writable(action_rows, 5, 4, 26)
    return [
        para(tr("Key management indicators"), "h2"),
        table([tr("Indicator"), field_name("definition"), field_name("target"), field_name("owner")], ki_rows,
              [2.0, 3.2, 1.2, 1.4], ctx.width, min_row_height=ki_height),
        Spacer(0, 10),
        para(tr("Key supplementary actions"), "h2"),
        table([tr("Action"), field_name("owner"), field_name("due"), field_name("done")], action_rows,
              [4.2, 1.6, 1.2, 0.6], ctx.width, min_row_height=action_height),
    ]


def export_worksheets(path: str | Path, *, snapshot: Snapshot | None = None, steps: Iterable[int] = ALL_STEPS,
                      lang: str | None = None, paper: str = "a4", progress: ProgressCallback | None = None,
                      cancel=None, touchpoints: int | None = None) -> Path:
    """Write the worksheets of ``steps`` (blank without ``snapshot``) to ``path``.

    ``touchpoints``: how many numbered touchpoints the blank cycle sheet has (default 12).
    ``progress(done, total, message)`` is called as sheets and pages are made; returning
    False, or setting the ``cancel`` event, raises ``ExportCancelled`` and writes nothing.
    """
    if paper not in PAPERS:
        raise ValueError(paper)
    tracker = Progress(progress, cancel)
    with language(lang or (snapshot.workshop.language if snapshot and snapshot.workshop else None)):
        story = worksheet_story(snapshot, steps, paper, tracker, touchpoints=touchpoints)
        title = tr("MOT workshop worksheets")
        running = title if snapshot is None or snapshot.workshop is None else f"{snapshot.workshop.title} · {title}"

        def build(target: str) -> None:
            w = snapshot.workshop if snapshot is not None else None
            doc = new_document(target, paper=paper, title=running, running=running, progress=tracker,
                               first=story.first_template, author=w.facilitator if w else "",
                               subject=tr("Worksheets for the eight steps of process redesign and the MOT cycle"))
            doc.build(story.items, canvasmaker=numbered_canvas_class())

        out = write_pdf(path, build)
        tracker.finish(tr("Done"))
    return out
