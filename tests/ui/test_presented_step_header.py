"""A presented step gives the worksheet the height its header repeated: the banner names the
step, so the page's own title and its status chooser (an editing control) hide; the process,
the purpose and the guiding questions stay, each at its full width; Esc brings them back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest


@pytest.mark.parametrize("sample_in", ["en", "ko"], indirect=True)
def test_a_presented_step_header_leaves_the_title_to_the_banner(sample_in, qtbot):
    window = sample_in
    window.resize(1024, 768)
    host = window.wizard_host
    host.open_step(4)
    page = host.wizard().pages[4]
    qtbot.waitUntil(lambda: page.isVisible())
    qtbot.wait(50)
    header = page.title_label.parentWidget()
    header_before = header.height()
    host.toggle_presentation(full_screen=False)          # the window stands in for the screen
    qtbot.waitUntil(lambda: host.presenting)
    qtbot.wait(50)
    assert page.title_label.text().split(" · ")[-1] in host.presentation.step_label.text()
    assert not page.title_label.isVisible() and not page.status.isVisible()
    for label in (page.process_label, page.purpose_label, page.questions_label):
        assert label.isVisible() and label.text()
    # the purpose keeps its half of the header (a lone narrow column made the header taller)
    assert page.purpose_label.width() >= 0.35 * header.width()
    assert header.height() <= header_before + 40      # the type is larger, the title row is gone
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert not host.presenting
    assert page.title_label.isVisible() and page.status.isVisible()
