"""The page machinery shared by the worksheets and the report: landscape page templates
(text pages on A4, map pages on the chosen paper), running header, "page n of N" footer,
PDF outline and table-of-contents entries, progress per page, and an atomic write."""

from __future__ import annotations

from pathlib import Path

from mot_workshop.export.pdf import fonts
from mot_workshop.export.pdf.progress import Progress
from mot_workshop.export.pdf.styles import COLOURS, FOOTER_BAND, HEADER_BAND, MARGIN, page_size
from mot_workshop.i18n import tr

TEXT_TEMPLATE = "page"
MAP_TEMPLATE = "map"
COVER_TEMPLATE = "cover"


def frame_size(paper: str) -> tuple[float, float]:
    w, h = page_size(paper)
    return w - 2 * MARGIN, h - 2 * MARGIN - HEADER_BAND - FOOTER_BAND


def _doc_class():
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    class Document(BaseDocTemplate):
        """``running`` is the header's left text; a ``Section`` flowable sets the right one."""

        def __init__(self, target, *, paper: str, title: str, running: str, progress: Progress,
                     first: str = TEXT_TEMPLATE, author: str = "") -> None:
            fonts.register()
            super().__init__(target, pagesize=page_size("a4"), title=title, author=author,
                             creator="MOT Workshop", initialFontName=fonts.REGULAR,
                             leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN)
            self.running, self.section, self.progress = running, "", progress
            templates = []
            for name, size in ((COVER_TEMPLATE, "a4"), (TEXT_TEMPLATE, "a4"), (MAP_TEMPLATE, paper)):
                pw, ph = page_size(size)
                fw, fh = frame_size(size)
                frame = Frame(MARGIN, MARGIN + FOOTER_BAND, fw, fh, id=name, leftPadding=0, rightPadding=0,
                              topPadding=0, bottomPadding=0, showBoundary=0)
                if name == COVER_TEMPLATE:
                    templates.append(PageTemplate(id=name, frames=[frame], pagesize=(pw, ph), onPage=self._cover))
                else:   # the header is drawn at the page's end, so it names the section on the page
                    templates.append(PageTemplate(id=name, frames=[frame], pagesize=(pw, ph),
                                                  onPageEnd=self._decorate))
            templates.sort(key=lambda t: t.id != first)
            self.addPageTemplates(templates)

        def _decorate(self, canvas, doc) -> None:
            w, h = canvas._pagesize
            canvas.saveState()
            y = h - MARGIN - 9
            canvas.setFont(fonts.BOLD, 8.5)
            canvas.setFillColor(COLOURS["navy"])
            canvas.drawString(MARGIN, y, self.running)
            canvas.setFont(fonts.REGULAR, 8.5)
            canvas.setFillColor(COLOURS["muted"])
            canvas.drawRightString(w - MARGIN, y, self.section)
            canvas.setStrokeColor(COLOURS["rule"])
            canvas.setLineWidth(0.6)
            canvas.line(MARGIN, y - 5, w - MARGIN, y - 5)
            canvas.restoreState()

        def _cover(self, canvas, doc) -> None:
            w, h = canvas._pagesize
            canvas.saveState()
            canvas.setFillColor(COLOURS["navy"])
            canvas.rect(0, h - 18, w, 18, stroke=0, fill=1)
            canvas.setFillColor(COLOURS["teal"])
            canvas.rect(0, h - 22, w, 4, stroke=0, fill=1)
            canvas.restoreState()

        def afterFlowable(self, flowable) -> None:
            entry = getattr(flowable, "toc_entry", None)
            if entry is not None:
                level, text, key = entry
                self.canv.bookmarkPage(key)
                self.canv.addOutlineEntry(text, key, level=level, closed=level > 0)
                self.notify("TOCEntry", (level, text, self.page, key))
            section = getattr(flowable, "section_name", None)
            if section is not None:
                self.section = section

        def afterPage(self) -> None:
            self.progress.check(tr("Page {n}", n=self.page))

        def handle_documentBegin(self) -> None:
            self.section = ""
            super().handle_documentBegin()

    return Document


def numbered_canvas_class():
    """A canvas that holds its pages back to write "page n of N" once N is known."""
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, 1):
                self.__dict__.update(state)
                if number > 1:
                    self._footer(number, total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _footer(self, number: int, total: int) -> None:
            w, _ = self._pagesize
            self.saveState()
            self.setStrokeColor(COLOURS["rule"])
            self.setLineWidth(0.6)
            self.line(MARGIN, MARGIN + 12, w - MARGIN, MARGIN + 12)
            self.setFont(fonts.REGULAR, 8)
            self.setFillColor(COLOURS["muted"])
            self.drawString(MARGIN, MARGIN, "MOT Workshop")
            self.drawRightString(w - MARGIN, MARGIN, tr("Page {n} of {total}", n=number, total=total))
            self.restoreState()

    return NumberedCanvas


def new_document(target, **kwargs):
    return _doc_class()(target, **kwargs)


def write_pdf(path: str | Path, build) -> Path:
    """Run ``build(target_path)`` into a temporary file beside ``path``, then move it into
    place: a cancelled or failed export leaves the old file (or nothing) behind."""
    from mot_workshop.durable import writing

    path = Path(path)
    with writing(path) as tmp:       # on the disk (fsync) before success is reported
        build(str(tmp))
    return path


def heading(text: str, style: str = "h2", *, toc_level: int | None = None, key: str = "",
            section: str | None = None):
    """A heading paragraph; with ``toc_level`` it enters the contents and the PDF outline,
    with ``section`` it becomes the running header's right-hand text from its page on."""
    from xml.sax.saxutils import escape

    from reportlab.platypus import Paragraph

    from mot_workshop.export.pdf.styles import paragraph_styles

    para = Paragraph(escape(text), paragraph_styles()[style])
    if toc_level is not None:
        para.toc_entry = (toc_level, text, key or f"h{id(para)}")
    if section is not None:
        para.section_name = section
    return para
