"""Sample-like workshops (Korean and English) and their PDFs, built once per test session."""

from __future__ import annotations

import pytest

from benchmarks import sample_like
from mot_workshop.persistence.store import Store


@pytest.fixture(scope="session")
def snapshots(tmp_path_factory):
    out = {}
    for lang in ("ko", "en"):
        path = sample_like.build(tmp_path_factory.mktemp(lang) / "sample.motw", lang)
        with Store.open(path, read_only=True) as store:
            out[lang] = store.snapshot()
    return out


@pytest.fixture(scope="session")
def report_pdfs(snapshots, tmp_path_factory):
    from mot_workshop.export.pdf.report import export_report

    folder = tmp_path_factory.mktemp("reports")
    return {(lang, paper): export_report(folder / f"report-{lang}-{paper}.pdf", snapshots[lang], lang=lang, paper=paper)
            for lang in ("ko", "en") for paper in ("a4", "a3")}


@pytest.fixture(scope="session")
def worksheet_pdfs(snapshots, tmp_path_factory):
    """Blank and filled worksheets in both languages and on both papers."""
    from mot_workshop.export.pdf.worksheets import export_worksheets

    folder = tmp_path_factory.mktemp("worksheets")
    out = {}
    for lang in ("ko", "en"):
        for paper in ("a4", "a3"):
            out[("blank", lang, paper)] = export_worksheets(folder / f"blank-{lang}-{paper}.pdf", lang=lang,
                                                            paper=paper)
            out[("filled", lang, paper)] = export_worksheets(folder / f"filled-{lang}-{paper}.pdf",
                                                             snapshot=snapshots[lang], lang=lang, paper=paper)
    return out


@pytest.fixture(scope="session")
def every_pdf(report_pdfs, worksheet_pdfs):
    """Every PDF kind: the report and the blank and filled worksheets, ko/en, A4/A3."""
    out = {("report", *key): path for key, path in report_pdfs.items()}
    out.update(worksheet_pdfs)
    return out
