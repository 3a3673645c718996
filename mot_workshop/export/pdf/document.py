"""The page machinery shared by the worksheets and the report: landscape page templates
(text pages on A4, map pages on the chosen paper), running header, "page n of N" footer,
PDF outline and table-of-contents entries, progress per page, and an atomic write."""

from __future__ import annotations

from pathlib import Path

from mot_workshop.export.pdf import fonts
from mot_workshop.export.pdf.markup import markup
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
                     first: str = TEXT_TEMPLATE, author: str = "", subject: str = "", lang: str | None = None) -> None:
            fonts.register()
            super().__init__(target, pagesize=page_size("a4"), title=title, author=author, subject=subject,
                             creator=creator(), lang=pdf_language(lang), initialFontName=fonts.REGULAR,
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
            half = (w - 2 * MARGIN) / 2 - 12        # a long title or name is cut, never overprinted
            canvas.drawString(MARGIN, y, fonts.clip(self.running, 8.5, half, bold=True))
            canvas.setFont(fonts.REGULAR, 8.5)
            canvas.setFillColor(COLOURS["muted"])
            canvas.drawRightString(w - MARGIN, y, fonts.clip(self.section, 8.5, half))
            canvas.setStrokeColor(COLOURS["rule"])
            canvas.setLineWidth(0.6)
            canvas.line(MARGIN, y - 5, w - MARGIN, y - 5)
            canvas.restoreState()

        def _cover(self, canvas, doc) -> None:
            w, h = canvas._pagesize
            canvas.is_cover = True          # no footer on the cover
            canvas.saveState()
            canvas.setFillColor(COLOURS["navy"])
            canvas.rect(0, h - 18, w, 18, stroke=0, fill=1)
            canvas.setFillColor(COLOURS["teal"])
            canvas.rect(0, h - 22, w, 4, stroke=0, fill=1)
            canvas.restoreState()

        def afterFlowable(self, flowable) -> None:
            entries = list(getattr(flowable, "toc_entries", ()))
            entry = getattr(flowable, "toc_entry", None)
            if entry is not None:
                entries.append(entry)
            for level, text, key in entries:
                # the destination is the heading itself: its page, scrolled to its top
                top = self.frame._y + flowable.height + flowable.getSpaceAfter() + flowable.getSpaceBefore()
                self.canv.bookmarkPage(key, fit="XYZ", left=0, top=min(top, self.canv._pagesize[1]))
                self.canv.addOutlineEntry(text, key, level=level, closed=level > 0)
                if entry is not None and key == entry[2]:
                    # the contents set the entry as paragraph markup: the user's text is escaped
                    self.notify("TOCEntry", (level, markup(text), self.page, key))
            section = getattr(flowable, "section_name", None)
            if section is not None:
                self.section = section

        def afterPage(self) -> None:
            self.progress.check(tr("Page {n}", n=self.page))

        # multiBuild lays the story out once to learn the contents' page numbers, then again
        # to print; that first pass is thrown away, so its flowables are placed, not drawn
        _passes = 0

        def build(self, flowables, *args, **kwargs):
            self._passes += 1
            self._dry = self._passes == 1 and bool(getattr(self, "_indexingFlowables", None))
            return super().build(flowables, *args, **kwargs)

        def _allSatisfied(self):
            return not self._dry and super()._allSatisfied()      # a placed-only pass is never the last

        def handle_flowable(self, flowables) -> None:
            first = flowables[0] if (self._dry and flowables) else None
            if first is None:
                return super().handle_flowable(flowables)
            first.drawOn = _place_only
            try:
                return super().handle_flowable(flowables)
            finally:
                first.__dict__.pop("drawOn", None)

        def handle_documentBegin(self) -> None:
            self.section = ""
            super().handle_documentBegin()

    return Document


def _place_only(*args, **kwargs) -> None:
    """A flowable's drawOn in the layout-only pass: its place is known, nothing is drawn."""


def numbered_canvas_class():
    """A canvas that holds its pages back to write "page n of N" once N is known."""
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self.is_cover = False
            self._startPage()

        def bookmarkPage(self, key, **kwargs):
            # The pages are written out only in save(), so the document's page counter still
            # stands at 1: name the page this one will become, or every link leads to page 1.
            doc = self._doc
            real, doc.pageCounter = doc.pageCounter, len(self._pages) + 1
            try:
                return super().bookmarkPage(key, **kwargs)
            finally:
                doc.pageCounter = real

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, 1):
                self.__dict__.update(state)
                if not state.get("is_cover"):
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


def creator() -> str:
    """The producing app and its version, for the PDF's metadata."""
    import mot_workshop

    version = getattr(mot_workshop, "__version__", "")
    if not version:
        from importlib.metadata import PackageNotFoundError, version as dist_version

        try:
            version = dist_version("mot-workshop")
        except PackageNotFoundError:
            version = ""
    return f"MOT Workshop {version}".strip()


def pdf_language(lang: str | None) -> str:
    """The document's /Lang: the given language, else the one the text is being written in."""
    if lang is None:
        from mot_workshop.i18n import current_language

        lang = current_language()
    return "ko-KR" if lang == "ko" else "en-US"


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
    from reportlab.platypus import Paragraph

    from mot_workshop.export.pdf.markup import markup
    from mot_workshop.export.pdf.styles import paragraph_styles

    para = Paragraph(markup(text), paragraph_styles()[style])
    if toc_level is not None:
        para.toc_entry = (toc_level, text, key or f"h{id(para)}")
    if section is not None:
        para.section_name = section
    return para
