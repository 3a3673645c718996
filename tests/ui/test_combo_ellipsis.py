"""A combo box of names the user typed, narrower than its text, ends the text in "…" (the
whole as its tooltip) instead of cutting it mid-letter ("★ Exchange defective gc",
"Team: Customer Servi" at 1024 wide)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QComboBox

from mot_workshop.ui.whole_text import shown_text
from tests.ui.wizard_fixtures import page


def plain_copy(combo: QComboBox, text: str, qtbot) -> QComboBox:
    """A combo box painted by Qt alone, at the same size, showing ``text``."""
    plain = QComboBox()
    qtbot.addWidget(plain)
    plain.addItem(text)
    plain.setFont(combo.font())
    plain.resize(combo.size())
    plain.show()
    qtbot.waitExposed(plain)
    return plain


def rgb(image: QImage) -> QImage:
    return image.convertToFormat(QImage.Format.Format_RGB32)


def differing(a: QImage, b: QImage) -> float:
    """The share of pixels that differ between two images of one size."""
    assert a.size() == b.size()
    diff = sum(a.pixel(x, y) != b.pixel(x, y) for y in range(a.height()) for x in range(a.width()))
    return diff / (a.width() * a.height())


@pytest.mark.parametrize("sample_in", ["en", "ko"], indirect=True)
def test_narrow_combo_boxes_end_in_an_ellipsis(sample_in, qtbot):
    window = sample_in
    window.resize(1024, 768)
    cycle = window.session.store.select("cycle")[0]
    window.open_cycle(cycle.id)
    qtbot.wait(50)
    combos = [window.wizard_host.navigator.process]
    combos += [c for c in window.findChildren(QComboBox) if c.objectName() == "voter" and c.isVisible()]
    step6 = page(window, 6)
    qtbot.wait(50)
    combos.append(step6.problem_choice)
    cut = 0
    for combo in combos:
        if not combo.isVisible():
            continue
        text, shown = combo.currentText(), shown_text(combo)
        assert combo.toolTip() == text
        if shown == text:
            continue
        cut += 1
        assert shown.endswith("…") and text.startswith(shown[:-1]), (text, shown)
        # what is painted is the start and "…" (Qt alone paints the whole text, clipped)
        painted = rgb(combo.grab().toImage())
        expected = rgb(plain_copy(combo, shown, qtbot).grab().toImage())
        assert differing(painted, expected) < 0.002, (text, shown, differing(painted, expected))
    assert cut, "at 1024 wide the step-6 problem does not fit"
