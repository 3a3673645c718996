"""The session report read back: cover, contents, every section, the maps' step labels as
text, Korean and English content, fonts embedded, page numbers, the CLI."""

from __future__ import annotations

from pypdf import PdfReader

from mot_workshop.cli import main
from tests.export.pdfcheck import fonts, page_sizes, page_texts, pdf_text, squash


def test_korean_report_content(report_pdfs, snapshots):
    path = report_pdfs[("ko", "a4")]
    text = squash(pdf_text(path))
    for word in ("워크숍결과보고서", "고객접점(MOT)개선워크숍", "한빛백화점강남점", "박휘섭전문위원", "목차", "워크숍개요",
                 "불만품을교환한다", "As-Is맵", "To-Be맵", "Redesign맵", "고객의소리(VOC)", "벤치마킹",
                 "저해요인과해결방안", "핵심관리지표", "보류안건(파킹랏)", "가장약한고리", "고객지원팀"):
        assert word in text, word
    # every step of the As-Is map is on the page as text
    snap = snapshots["ko"]
    as_is = next(m for m in snap.all("process_map") if m.kind == "as-is")
    for step in snap.where("step", map_id=as_is.id):
        assert squash(step.label)[:6] in text, step.label
    assert all(fonts(path).values())


def test_english_report_content(report_pdfs):
    text = squash(pdf_text(report_pdfs[("en", "a4")]))
    for word in ("Sessionreport", "Contents", "Workshopoverview", "Exchangedefectivegoods", "As-Ismap",
                 "AsIsvsToBe".replace("AsIs", "As-Is").replace("ToBe", "To-Be"), "Parkinglot", "Weakestlink",
                 "Keymanagementindicators"):
        assert word in text, word
    assert not any("\uac00" <= ch <= "\ud7a3" for ch in text), "Hangul in the English report"


def test_page_numbers_headers_and_outline(report_pdfs):
    path = report_pdfs[("en", "a4")]
    reader = PdfReader(str(path))
    count = len(reader.pages)
    last = reader.pages[-1].extract_text()
    assert f"Page {count} of {count}" in last
    assert "Parking lot" in last
    assert len(reader.outline) >= 3


def test_a3_report_puts_maps_on_a3_and_needs_fewer_pages(report_pdfs):
    a4, a3 = page_sizes(report_pdfs[("ko", "a4")]), page_sizes(report_pdfs[("ko", "a3")])
    assert (1191, 842) in a3 and (1191, 842) not in a4
    assert len(a3) < len(a4)


def test_report_cli(tmp_path, snapshots):
    from benchmarks import sample_like

    src = sample_like.build(tmp_path / "w.motw", "en")
    out = tmp_path / "r.pdf"
    assert main(["report", str(src), "-o", str(out), "--paper", "a3"]) == 0
    assert "Session report" in pdf_text(out)
    assert main(["report", str(tmp_path / "missing.motw"), "-o", str(out)]) == 1


def test_each_map_starts_on_the_page_of_its_heading(report_pdfs):
    """The map's first part shares the heading's page (no page holds a heading and a legend
    alone); the legend is above the map or, where it would cost the map a part, under the
    map's last part."""
    for key, path in report_pdfs.items():
        pages = [squash(text) for text in page_texts(path)]
        lang = key[0]
        heading, caption = ("As-Ismap", "MOT/VOCprocess") if lang == "en" else ("As-Is맵", "MOT/VOC프로세스")
        legend = "Legend" if lang == "en" else "범례"
        found = [i for i, text in enumerate(pages) if heading in text and caption in text]
        assert found, key
        for i in found:
            end = i
            while end + 1 < len(pages) and caption in pages[end + 1] and heading not in pages[end + 1]:
                end += 1
            assert legend in pages[i] or legend in pages[end], (key, i + 1)


