"""The method's new content read back from the PDFs in both languages: the executive
summary, objectives, step status and dot votes in the report; interview forms, As-Is
answers, the Q/C/D/S grid, CS check-point notes, discussion aspects, the blank selection
grid, the hub sheet and the reference pages on the worksheets."""

from __future__ import annotations

from pypdf import PdfReader

from tests.export.pdfcheck import outline_targets, page_texts, pdf_text, squash

REPORT = {
    "en": ("Executivesummary", "Objectives", "Finishtheexchangeoffaultygoodswithin20minutes", "Theeightsteps",
           "Dot-voteresults", "As-Is→To-Begains", "CScheck-points", "Onecounterfinishestheexchange",
           "QuantitativeresultsonQCDS", "Fill:experiencedlevel", "Scale1–5"),
    "ko": ("요약", "불량상품교환을20분안에끝낸다", "8단계진행현황", "스티커투표결과", "CS체크포인트",
           "고객이한곳에서교환을끝낸다", "관리자결재단계", "QCDS정량적결과", "색:체감수준"),
}
SHEETS = {
    "en": ("Interview1", "Customerswhoexchangedgoods", "As-Isanalysisquestion", "Within30minutes",
           "QuantitativeresultsonQCDS", "Stocklookupatthetill", "Discussionviewpoints", "Waitingforanexchangeisthetopcomplaint",
           "Sub-cyclehubsheet", "Paymentsub-cycle", "TheFACTprocess", "SevenprinciplesofMOTimprovement",
           "Voicers", "H/S/Hdiagnosisofatouchpoint"),
    "ko": ("인터뷰1", "교환경험고객", "As-Is분석질문", "30분이내", "QCDS정량적결과", "POS재고조회",
           "교환대기시간이가장큰불만", "하위사이클허브시트", "정산하위사이클", "MOT개선의7가지원칙",
           "8단계의선물공식", "고객접점의H/S/H진단"),
}


def test_report_says_what_was_decided(report_pdfs):
    for (lang, paper), path in report_pdfs.items():
        text = squash(pdf_text(path))
        for word in REPORT[lang]:
            assert word in text, (lang, paper, word)
        titles = [t for level, t, _ in outline_targets(PdfReader(str(path)))]
        # the eight steps' order: VOC (step 2) before the As-Is analysis (step 3)
        voc = "Voice of the customer" if lang == "en" else "고객의 소리 (VOC)"
        as_is = "As-Is map" if lang == "en" else "As-Is 맵"
        assert titles.index(voc) < titles.index(as_is), (lang, titles)


def test_worksheets_carry_the_method_complete(worksheet_pdfs):
    for (kind, lang, paper), path in worksheet_pdfs.items():
        text = squash(pdf_text(path))
        if kind == "filled":
            for word in SHEETS[lang]:
                assert word in text, (kind, lang, paper, word)
        else:
            for word in ("Feasibility", "Innovationeffect", "Interview2", "lineofinteraction", "lineofvisibility",
                         "Sub-cyclehubsheet", "TheFACTprocess") if lang == "en" else ("실행가능성", "인터뷰2",
                                                                                       "하위사이클허브시트"):
                assert word in text, (kind, lang, paper, word)


def test_cycle_sheet_with_the_touchpoints_asked_for(tmp_path):
    from mot_workshop.cli import main

    out = tmp_path / "ring.pdf"
    assert main(["worksheets", "-o", str(out), "--steps", "1", "--touchpoints", "18", "--lang", "en"]) == 0
    pages = [p.extract_text() for p in PdfReader(str(out)).pages]
    ring = next(p for p in pages if "MOT cycle sheet" in p and "IN" in p)
    assert "18" in ring.split()
    assert main(["worksheets", "-o", str(out), "--touchpoints", "99"]) != 0


def test_report_charts_the_qcds_grid_under_its_table(report_pdfs):
    heading = {"en": "QuantitativeresultsonQCDS", "ko": "QCDS정량적결과"}
    panels = {"en": ("Q·Quality", "C·Cost", "D·Delivery", "S·Service"), "ko": ("Q·품질", "C·비용", "D·납기", "S·서비스")}
    for (lang, paper), path in report_pdfs.items():
        pages = [squash(text) for text in page_texts(path)]
        at = next(i for i, text in enumerate(pages) if heading[lang] in text)
        text = pages[at] + pages[at + 1]           # the chart follows the table, on its page or the next
        for name in panels[lang]:
            assert text.count(name) >= 2, (lang, paper, name)        # a table row and a chart panel
