"""Every character drawn in every PDF kind is one the embedded font can show (NanumGothic
has no U+2212: "100 − 1 = 0" is printed with a dash it has)."""

from __future__ import annotations

from mot_workshop.export.pdf.fonts import known_codepoints, printable
from mot_workshop.export.pdf.markup import markup
from tests.export.pdfcheck import pdf_text


def test_no_drawn_character_is_missing_from_the_font(every_pdf):
    known = known_codepoints()
    for key, path in every_pdf.items():
        text = pdf_text(path)
        # a character the font lacks comes back as NUL (glyph 0) or as itself
        missing = {ch for ch in text if ch in "\x00\ufffd" or (not ch.isspace() and ord(ch) not in known)}
        assert not missing, (key, sorted(missing))


def test_the_multiplication_rule_keeps_its_minus(report_pdfs):
    for (lang, paper), path in report_pdfs.items():
        text = pdf_text(path)
        assert "100 \u2013 1 = 0" in text, (lang, paper)


def test_printable_and_markup():
    assert printable("100 \u2212 1 = 0") == "100 \u2013 1 = 0"
    assert printable("한글 and ASCII →") == "한글 and ASCII →"
    assert printable("\u26a0 check \u2713") == "! check \u221a"
    assert markup('<img src="x.png"/> & <b>') == '&lt;img src="x.png"/&gt; &amp; &lt;b&gt;'
    assert markup("a\nb") == "a<br/>b"


def test_table_headers_never_break_inside_a_word(worksheet_pdfs, report_pdfs, snapshots):
    from mot_workshop.export.pdf.cycle_sheet import touchpoint_headers
    from mot_workshop.export.pdf.table_sheets import benchmark_headers, target_headers, voc_headers
    from mot_workshop.i18n.switch import language

    for (kind, lang, paper), path in list(worksheet_pdfs.items()) + [(("report",) + k, p) for k, p in
                                                                      report_pdfs.items()]:
        if kind == "blank":
            continue
        text = pdf_text(path)
        with language(lang):
            headers = (touchpoint_headers() + benchmark_headers(snapshots[lang]) + voc_headers()
                       + target_headers())
        for header in headers:
            for word in header.split():
                if len(word) > 2:
                    assert word in text, (kind, lang, paper, word)
