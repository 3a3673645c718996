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
