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
        missing = {ch for ch in text if not ch.isspace() and ord(ch) not in known}
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
