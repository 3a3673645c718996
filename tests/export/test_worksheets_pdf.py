"""Blank and filled worksheets read back with pypdf: pages, every step's title, content in
both languages, embedded subset fonts, landscape paper, the CLI and cancelling."""

from __future__ import annotations

import threading

import pytest

from mot_workshop.cli import main
from mot_workshop.export.pdf.progress import ExportCancelled
from mot_workshop.export.pdf.sheet_parts import step_title
from mot_workshop.export.pdf.worksheets import export_worksheets, parse_steps
from mot_workshop.i18n.switch import language
from tests.export.pdfcheck import fonts, page_sizes, pdf_text, squash

A4_LANDSCAPE, A3_LANDSCAPE = (842, 595), (1191, 842)


def titles(lang: str) -> list[str]:
    with language(lang):
        return [step_title(n) for n in range(1, 9)]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_blank_worksheets_have_every_step_and_the_cycle_sheet(tmp_path, lang):
    path = export_worksheets(tmp_path / "blank.pdf", lang=lang)
    text = squash(pdf_text(path))
    for title in titles(lang):
        assert squash(title) in text, title
    assert squash("MOT 사이클 워크시트" if lang == "ko" else "MOT cycle sheet") in text
    assert 10 <= len(page_sizes(path)) <= 24           # with the method reference pages and the hub sheet
    assert set(page_sizes(path)) == {A4_LANDSCAPE}
    embedded = fonts(path)
    assert any("NanumGothic" in name for name in embedded)
    assert all(embedded.values()), embedded                      # every font embedded (FontFile2)
    assert all(name.split("+")[0].strip("/").isupper() and "+" in name for name in embedded), embedded   # subsets


def test_blank_legend_and_fields_in_korean(tmp_path):
    text = squash(pdf_text(export_worksheets(tmp_path / "ko.pdf", lang="ko", steps=(2, 3))))
    for word in ("범례", "시작/종료", "의사결정", "전산처리", "행위", "다른프로세스", "측정지표", "문제점", "고객의기대수준"):
        assert word in text, word


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("paper", ["a4", "a3"])
def test_the_legend_stays_inside_its_box(lang, paper):
    """Every legend entry ends inside the box on the sheet's real width; names too long for
    one row flow onto a second one and the box grows to hold it."""
    from mot_workshop.export.pdf import fonts as pdf_fonts
    from mot_workshop.export.pdf.map_sheets import LEGEND_HEIGHT, Legend
    from mot_workshop.export.pdf.sheet_parts import SheetContext

    with language(lang):
        width = SheetContext(paper).map_width
        legend = Legend(width)
        entries = [e for row in legend.rows for e in row]
        assert len(entries) == len(Legend.ITEMS) + 4
        for x, glyph_w, _glyph, label in entries:
            assert x + glyph_w + 4 + pdf_fonts.string_width(label, Legend.FONT) <= width - 8, label
        assert legend.wrap(width, 1000) == (width, LEGEND_HEIGHT + (len(legend.rows) - 1) * Legend.ROW_HEIGHT)
        narrow = Legend(width / 2)
        assert len(narrow.rows) > len(legend.rows) and narrow.height > legend.height


def test_a3_puts_only_the_map_sheets_on_a3(tmp_path):
    sizes = page_sizes(export_worksheets(tmp_path / "a3.pdf", lang="en", paper="a3", steps=(2, 3)))
    assert A3_LANDSCAPE in sizes and A4_LANDSCAPE in sizes


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_filled_worksheets_carry_the_workshop(tmp_path, snapshots, lang):
    snap = snapshots[lang]
    path = export_worksheets(tmp_path / "filled.pdf", snapshot=snap, lang=lang)
    text = squash(pdf_text(path))
    for title in titles(lang):
        assert squash(title) in text
    expected = {"ko": ["불만품을교환한다", "주차요금을정산한다", "교환요청을접수하고", "판매사원전결규정개정", "A백화점"],
                "en": ["Exchangedefectivegoods", "Paystheparkingfee", "Takestherequest", "Store A".replace(" ", "")]}
    for word in expected[lang]:
        assert word in text, word


def test_steps_option_and_cli(tmp_path, snapshots):
    assert parse_steps("1-3,5") == (1, 2, 3, 5)
    for bad in ("0", "9", "3-1", "x", ""):
        with pytest.raises(ValueError):
            parse_steps(bad)
    out = tmp_path / "cli.pdf"
    assert main(["worksheets", "-o", str(out), "--steps", "4", "--lang", "en"]) == 0
    text = squash(pdf_text(out))
    assert "Benchmarking" in text and "Obstacleanalysis" not in text
    assert main(["worksheets", "-o", str(out), "--steps", "12"]) == 1


def test_progress_is_reported_and_cancel_leaves_no_file(tmp_path):
    calls = []
    export_worksheets(tmp_path / "ok.pdf", lang="en", progress=lambda d, t, m: calls.append((d, t)))
    assert calls and calls[-1][0] == calls[-1][1]
    assert all(d <= t for d, t in calls)
    target = tmp_path / "cancelled.pdf"
    with pytest.raises(ExportCancelled):
        export_worksheets(target, lang="en", progress=lambda d, t, m: d < 3)
    event = threading.Event()
    event.set()
    with pytest.raises(ExportCancelled):
        export_worksheets(target, lang="en", cancel=event)
    assert not target.exists()
    assert not list(tmp_path.glob(".*.tmp"))
