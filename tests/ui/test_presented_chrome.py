"""What surrounds a presented view on a 1024×768 projector: the dot-vote chooser shows the
whole team name (it was cut to "Team: Customer S…" with room to spare beside it), and the
tabs beside step 1's sheet fit their bar with short titles instead of scroll arrows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QStyle, QStyleOptionTab

from mot_workshop.ui.whole_text import shown_text
from tests.ui.test_presentation_room import open_tab

SIZE = (1024, 768)


def present(window, qtbot, lang, tmp_path, which):
    from mot_workshop.sample.builder import build_sample

    window.set_language(lang)
    assert window.files.open_path(build_sample(tmp_path / "sample.motw", lang))
    window.resize(*SIZE)
    page, _title = open_tab(window, which)
    QTest.keyClick(window, Qt.Key.Key_F5)
    window.showNormal()                  # the offscreen "screen" is 800×600: the window plays the projector
    window.resize(*SIZE)
    qtbot.waitUntil(lambda: window.width() == SIZE[0])
    qtbot.wait(50)
    return page


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("which", ["ring", "journey", "step1"])
def test_the_presented_vote_chooser_shows_the_whole_team_name(window, qtbot, tmp_path, lang, which):
    page = present(window, qtbot, lang, tmp_path, which)
    bar = page.voting if which != "step1" else page.pages[1].voting
    voter = bar.voter
    team = window.session.store.select("team")[0].name
    assert team in voter.currentText()
    assert voter.isVisible()
    assert shown_text(voter) == voter.currentText(), f"cut to {shown_text(voter)!r}"
    right = voter.mapTo(window, voter.rect().topRight()).x()
    assert right <= window.width()
    QTest.keyClick(window, Qt.Key.Key_Escape)
    qtbot.wait(50)
    assert voter.sizeAdjustPolicy() == voter.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_tabs_beside_presented_step_1_fit_without_scroll_arrows(window, qtbot, tmp_path, lang):
    wizard = present(window, qtbot, lang, tmp_path, "step1")
    page = wizard.pages[1]
    tabs = page.chart.parentWidget().parentWidget()
    bar = tabs.tabBar()
    whole = [tabs.tabToolTip(i) for i in range(tabs.count())]
    assert all(whole)
    arrows = [b for b in bar.children() if b.metaObject().className() == "QToolButton" and b.isVisible()]
    assert not arrows, "the tab bar shows scroll arrows"
    assert bar.tabRect(tabs.count() - 1).right() <= bar.width()
    for i in range(tabs.count()):
        option = QStyleOptionTab()
        bar.initStyleOption(option, i)
        text = bar.style().subElementRect(QStyle.SubElement.SE_TabBarTabText, option, bar)
        title = bar.tabText(i)
        assert "…" not in option.text and option.text == title, f"tab {i} shows {option.text!r}"
        assert bar.fontMetrics().horizontalAdvance(title) <= text.width() + 1, f"{title!r} is cut"
        assert bar.tabRect(i).left() >= 0 and bar.tabRect(i).right() <= bar.width()
    # a person clicks the short title and sees that tab
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    assert tabs.currentIndex() == 1
    QTest.keyClick(window, Qt.Key.Key_Escape)
    qtbot.wait(50)
    assert [tabs.tabText(i) for i in range(tabs.count())] == whole
    assert bar.usesScrollButtons()
