"""Navigation read back from every PDF kind: each bookmark and each contents entry leads to
the page where its heading stands, worksheets have one bookmark per step and per sheet, and
the metadata names the document, its author, language and producing version."""

from __future__ import annotations

import re

from pypdf import PdfReader

import mot_workshop
from tests.export.pdfcheck import link_targets, outline_targets, page_texts, squash


def _pages(path) -> list[str]:
    return [squash(text) for text in page_texts(path)]


def test_every_bookmark_opens_the_page_of_its_heading(every_pdf):
    for key, path in every_pdf.items():
        reader = PdfReader(str(path))
        pages = _pages(path)
        targets = outline_targets(reader)
        assert len(targets) >= 8, key
        for level, title, page in targets:
            assert squash(title) in pages[page], (key, title, page + 1)
        # the first bookmark of a report is on page 3 (after cover and contents), not page 1
        assert len({page for _, _, page in targets}) > len(targets) // 2, key


def test_every_contents_entry_links_to_its_section(report_pdfs):
    for key, path in report_pdfs.items():
        reader = PdfReader(str(path))
        pages = _pages(path)
        contents = next(i for i, text in enumerate(pages) if "Contents" in text or "목차" in text)
        links = link_targets(reader, contents)
        titled = 0
        for text, page in links:
            lines = [line for line in text.splitlines() if re.search(r"[^\s.\d]", line)]
            if not lines:
                continue
            titled += 1
            assert squash(lines[-1]) in pages[page], (key, lines[-1], page + 1)
        assert titled >= 10, key


def test_worksheets_have_a_bookmark_per_step_and_sheet(worksheet_pdfs):
    for (kind, lang, paper), path in worksheet_pdfs.items():
        targets = outline_targets(PdfReader(str(path)))
        steps = [t for level, t, _ in targets if level == 0]
        assert len(steps) == 10, (kind, lang, paper, steps)   # eight steps, the cycle sheets, the method reference
        if kind == "filled":
            sheets = [t for level, t, _ in targets if level == 1]
            assert len(sheets) > 12, (lang, paper, sheets)


def test_metadata_names_title_author_subject_language_and_version(every_pdf, snapshots):
    for key, path in every_pdf.items():
        meta = PdfReader(str(path)).metadata
        root = PdfReader(str(path)).trailer["/Root"]
        lang = key[1] if key[0] == "report" else key[1]
        assert root["/Lang"] == ("ko-KR" if lang == "ko" else "en-US"), key
        assert meta.creator == f"MOT Workshop {mot_workshop.__version__}", key
        assert meta.title and meta.subject, key
        if key[0] in ("report", "filled"):
            assert meta.author == snapshots[lang].workshop.facilitator, key
            assert snapshots[lang].workshop.title in meta.title, key
