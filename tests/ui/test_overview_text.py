"""The overview's wrapped texts work out their height for a width once per width (the page's
nested layouts ask again and again while the window settles), give Qt's own answer, and
forget it when the text, font, margins or wrapping change."""

from __future__ import annotations

from collections import Counter

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel

from mot_workshop.ui.overview import _Text

LONG = "가장 약한 고리 1 / 5\n11. 주차요금을 계산한다 — a long name that wraps over several lines at narrow widths"
WIDTHS = (40, 90, 160, 320, 900)


def _pair(text: str) -> tuple[QLabel, _Text]:
    plain, cached = QLabel(text), _Text(text)
    for label in (plain, cached):
        label.setWordWrap(True)
    return plain, cached


def _same(plain: QLabel, cached: _Text) -> None:
    for width in WIDTHS * 2:               # the second round answers from what was worked out
        assert cached.heightForWidth(width) == plain.heightForWidth(width), width


def test_heights_are_qt_s_own_and_follow_every_change(qtbot):
    plain, cached = _pair(LONG)
    qtbot.addWidget(plain)
    qtbot.addWidget(cached)
    _same(plain, cached)
    for label in (plain, cached):
        label.setText(LONG + " and more words to wrap")
    _same(plain, cached)
    font = QFont(cached.font())
    font.setPixelSize(26)
    font.setBold(True)
    for label in (plain, cached):
        label.setFont(font)
    _same(plain, cached)
    for label in (plain, cached):
        label.setContentsMargins(0, 6, 0, 4)
    _same(plain, cached)
    for label in (plain, cached):
        label.setWordWrap(False)
    _same(plain, cached)
    rich = "<p style='margin:0 0 10px 0'><b>Exchange goods</b> <span style='color:#616e7c'>As-Is</span></p>" * 3
    plain, cached = _pair(rich)
    qtbot.addWidget(plain)
    qtbot.addWidget(cached)
    _same(plain, cached)


def test_the_overview_lays_each_text_out_once_per_width(cycles_file, qtbot, monkeypatch):
    from mot_workshop.ui.app import create_app
    from mot_workshop.ui.main_window import MainWindow
    from mot_workshop.ui.settings import Settings

    laid_out = Counter()
    original = QLabel.heightForWidth

    def counting(label, width):
        if isinstance(label, _Text):
            laid_out[(id(label), width)] += 1
        return original(label, width)

    monkeypatch.setattr(QLabel, "heightForWidth", counting)
    create_app("en")
    window = MainWindow(Settings(), remember=False)
    qtbot.addWidget(window)
    path, _ = cycles_file
    assert window.files.open_path(path, quick=True)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(50)
    window.resize(1100, 800)                       # a new width is worked out once too
    qtbot.wait(50)
    assert laid_out, "the overview's texts were not asked for their heights"
    assert max(laid_out.values()) == 1, [k for k, n in laid_out.items() if n > 1][:5]
    window.close()
