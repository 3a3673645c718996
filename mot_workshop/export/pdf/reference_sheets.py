"""Method reference pages to print and read out: the FACT process and the seven MOT
principles, the C = G complaint formula and the complaining customer types, and the
H/S/H diagnosis of a touchpoint with a blank diagnosis table."""

from __future__ import annotations

from mot_workshop.domain import reference
from mot_workshop.export.pdf.document import heading
from mot_workshop.export.pdf.tables import blank_rows, table
from mot_workshop.i18n import tr


def reference_title() -> str:
    return tr("Method reference")


def reference_pages(ctx) -> list[list]:
    """Three pages (each a list of flowables): MOT improvement, complaints, H/S/H."""
    from reportlab.platypus import Spacer

    from mot_workshop.export.pdf.sheet_parts import para

    section = reference_title()
    first = [heading(tr("MOT improvement: the FACT process and the seven principles"), "h1", section=section),
             para(tr("The FACT process"), "h3"),
             table([tr("Stage"), tr("What it means")], [[k, v] for k, v in reference.fact_process()], [1.2, 6.0],
                   ctx.width, bold_first=True),
             Spacer(0, 10), para(tr("Seven principles of MOT improvement"), "h3"),
             table(["#", tr("Principle")], [[str(i), p] for i, p in enumerate(reference.mot_principles(), 1)],
                   [0.3, 7.0], ctx.width)]
    second = [heading(tr("Complaint = Gift: handling a complaint"), "h1", section=section),
              para(tr("The eight steps of the C = G formula"), "h3"),
              table(["#", tr("Step")], [[str(i), s] for i, s in enumerate(reference.complaint_steps(), 1)],
                    [0.3, 7.0], ctx.width),
              Spacer(0, 10), para(tr("Types of complaining customers"), "h3"),
              table([tr("Type"), tr("How they behave")], [[k, v] for k, v in reference.complainer_types()],
                    [1.2, 6.0], ctx.width, bold_first=True)]
    third = [heading(tr("H/S/H diagnosis of a touchpoint"), "h1", section=section),
             table([tr("Element"), tr("What to look at")], [[k, v] for k, v in reference.hsh_elements()], [1.2, 6.0],
                   ctx.width, bold_first=True),
             Spacer(0, 10), para(tr("Diagnosis: mark each touchpoint's weak element and what the customer felt"), "h3"),
             table([tr("Touchpoint"), "H", "S", "H", tr("Satisfied / dissatisfied — what the customer felt")],
                   blank_rows(8, 5), [2.4, 0.4, 0.4, 0.4, 4.0], ctx.width, min_row_height=24)]
    return [first, second, third]
