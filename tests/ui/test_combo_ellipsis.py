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


def test_the_spare_room_is_more_than_any_style_takes(qtbot):
    """A text narrower than the combo box less SPARE is never cut by the style's arrow and
    frame, whatever the style and the font size, so Qt may paint it as it is."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QStyle, QStyleFactory, QStyleOptionComboBox

    from mot_workshop.ui.whole_text import SPARE, surely_fits

    for key in QStyleFactory.keys():
        style = QStyleFactory.create(key)
        for px in (11, 13, 16, 24):
            combo = QComboBox()
            qtbot.addWidget(combo)
            combo.setStyle(style)
            font = QFont(combo.font())
            font.setPixelSize(px)
            combo.setFont(font)
            combo.addItem("★ Exchange defective goods")
            combo.resize(260, combo.sizeHint().height())
            option = QStyleOptionComboBox()
            combo.initStyleOption(option)
            field = style.subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                         QStyle.SubControl.SC_ComboBoxEditField, combo)
            assert combo.width() - field.width() < SPARE, (key, px)
            if surely_fits(combo):
                assert shown_text(combo) == combo.currentText()


def test_a_text_that_fits_is_painted_by_qt_as_it_is(qtbot):
    from mot_workshop.ui.whole_text import show_whole_text, surely_fits

    combo = show_whole_text(QComboBox())
    qtbot.addWidget(combo)
    combo.addItem("★ Exchange goods")
    combo.resize(300, combo.sizeHint().height())
    combo.show()
    qtbot.waitExposed(combo)
    assert surely_fits(combo) and combo.toolTip() == "★ Exchange goods"
    painted = rgb(combo.grab().toImage())
    expected = rgb(plain_copy(combo, "★ Exchange goods", qtbot).grab().toImage())
    assert differing(painted, expected) == 0
