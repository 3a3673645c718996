"""Pieces every worksheet page shares: the step titles, the sheet heading with its
fill-in line, bullet lists, and the context (frame size, snapshot, language) they need."""

from __future__ import annotations

from dataclasses import dataclass, field
from mot_workshop.domain.snapshot import Snapshot
from mot_workshop.export.pdf.document import frame_size, heading
from mot_workshop.export.pdf.markup import markup as escape
from mot_workshop.export.pdf.styles import paragraph_styles
from mot_workshop.i18n import tr


def step_title(n: int) -> str:
    return {
        1: tr("Process classification and selection"), 2: tr("VOC survey and analysis"),
        3: tr("As-Is mapping"), 4: tr("Benchmarking"), 5: tr("To-Be mapping"),
        6: tr("Obstacle analysis"), 7: tr("Target management"), 8: tr("Process redesign"),
    }[n]


def step_question(n: int) -> str:
    if n <= 2:
        return tr("Do we know the right things to do? — understand what customers expect")
    if n <= 5:
        return tr("Are we doing the right things? — process mapping")
    if n == 6:
        return tr("What can we reengineer or streamline? — remove waste, simplify, add services")
    return tr("How do we know if it is working? — measures and targets")


def step_heading(n: int) -> str:
    return tr("Step {n}. {title}", n=n, title=step_title(n))


@dataclass
class SheetContext:
    paper: str
    snapshot: Snapshot | None = None      # None: blank worksheets
    width: float = 0.0
    height: float = 0.0
    map_width: float = 0.0
    map_height: float = 0.0
    toc: bool = False
    analysis: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.width, self.height = frame_size("a4")
        self.map_width, self.map_height = frame_size(self.paper)

    @property
    def blank(self) -> bool:
        return self.snapshot is None


def sheet_heading(ctx: SheetContext, n: int, subject: str = "", *, key: str = "", compact: bool = False) -> list:
    """The top of a worksheet: step title, the question it answers, and who filled it in.
    ``compact`` (map sheets): the question follows the title on its line, leaving the map
    the height of a full-page part."""
    from reportlab.platypus import Paragraph, Spacer

    styles = paragraph_styles()
    title = step_heading(n)
    out = [heading(title, "h1", toc_level=0 if ctx.toc else None, key=key or f"step{n}-{id(ctx)}-{subject}",
                   section=title)]
    line = escape(step_question(n))
    if subject:
        line = f"<b>{escape(subject)}</b>  ·  " + line
    if compact:         # the same heading (outline entry, running header), the question on its line
        muted = styles["muted"]
        first = Paragraph(f'{escape(title)}&nbsp;&nbsp;&nbsp;<font name="{muted.fontName}" size="{muted.fontSize}" '
                          f'color="#{muted.textColor.hexval()[2:]}">{line}</font>', styles["h1_compact"])
        for name in ("toc_entry", "section_name"):
            if hasattr(out[0], name):
                setattr(first, name, getattr(out[0], name))
        out[0] = first
    else:
        out.append(Paragraph(line, styles["muted"]))
    if ctx.blank:
        out.append(Spacer(0, 4))
        out.append(Paragraph(escape(tr("Team")) + " ____________________   " + escape(tr("Date"))
                             + " ______________   " + escape(tr("Process")) + " ______________________________",
                             styles["small"]))
    out.append(Spacer(0, 2 if compact else 8))
    return out


def bullets(items: list[str], style: str = "body") -> list:
    from reportlab.platypus import Paragraph

    st = paragraph_styles()[style]
    return [Paragraph("•&nbsp;&nbsp;" + escape(item), st) for item in items]


def para(text: str, style: str = "body"):
    from reportlab.platypus import Paragraph

    return Paragraph(escape(text).replace("\n", "<br/>"), paragraph_styles()[style])


def yes(value: bool) -> str:
    return "●" if value else ""


def selected_processes(snapshot: Snapshot) -> list:
    """The processes the worksheets and the report cover: the selected core processes, or
    every process that has something on it when none is selected."""
    chosen = [p for p in snapshot.all("process") if p.selected]
    if chosen:
        return chosen
    kinds = ("process_map", "voc", "output_analysis", "benchmark", "obstacle", "target", "key_indicator", "action")
    return [p for p in snapshot.all("process") if any(snapshot.where(k, process_id=p.id) for k in kinds)]
