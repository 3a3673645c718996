"""The real sample workshop's report and filled worksheets, read back in both languages."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from mot_workshop.domain.method import steps
from mot_workshop.export.pdf.report import export_report
from mot_workshop.export.pdf.worksheets import export_worksheets
from mot_workshop.i18n import set_language
from mot_workshop.persistence.store import Store
from mot_workshop.sample.builder import _build

EXPECTED = {
    "ko": ("불만품을 교환한다", "주차요금을 계산한다", "주차접점 CYCLE"),
    "en": ("Exchange defective goods", "Pays the parking fee", "Parking cycle"),
}


@pytest.fixture(scope="module", params=["ko", "en"])
def sample(request, tmp_path_factory):
    path = tmp_path_factory.mktemp(request.param) / "sample.motw"
    with Store.create(path) as store:
        _build(store, request.param)
        return request.param, store.snapshot(), path.parent


def text_of(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_the_report_carries_the_sample_content(sample):
    lang, snapshot, folder = sample
    out = export_report(folder / "report.pdf", snapshot, lang=lang)
    text = text_of(out)
    for phrase in EXPECTED[lang]:
        assert phrase in text, phrase
    fonts = {str(f.get_object().get("/BaseFont")) for page in PdfReader(out).pages
             for f in (page.get("/Resources", {}).get("/Font", {}) or {}).values()}
    assert any("NanumGothic" in name for name in fonts)


def test_the_filled_worksheets_have_every_step_title(sample):
    lang, snapshot, folder = sample
    out = export_worksheets(folder / "sheets.pdf", snapshot=snapshot, lang=lang)
    text = " ".join(text_of(out).split())
    set_language(lang)
    for step in steps():
        assert " ".join(step.title.split()) in text, step.title
    assert EXPECTED[lang][0] in text
