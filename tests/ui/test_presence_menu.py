"""The status bar's "N connected" menu of a shared workshop lists the people as plain text
in the window's normal text colour (greyed-out entries read as "unavailable"), one's own entry
in bold and marked, in Korean and English."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QTimer, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QMenu

from mot_workshop.persistence.server.presence import Person


class Present:
    """A shared workshop's store as the presence button reads it."""

    def __init__(self, people):
        self.people = people
        self.address = SimpleNamespace(user="motw_kim")

    def present(self):
        return self.people


def _distance(a: QColor, b: QColor) -> int:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue()))


def _darkest(label: QLabel) -> QColor:
    image = label.grab().toImage()
    darkest = QColor("#ffffff")
    for x in range(0, image.width(), 1):
        for y in range(0, image.height(), 1):
            colour = image.pixelColor(x, y)
            if colour.lightness() < darkest.lightness():
                darkest = colour
    return darkest


@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing", "propagateSizeHints")
@pytest.mark.parametrize("lang", ["en", "ko"])
def test_people_read_as_normal_text_and_the_own_entry_is_marked(window, qtbot, lang):
    from mot_workshop.ui.team_server.presence_button import PresenceButton

    window.set_language(lang)
    since = dt.datetime(2026, 11, 30, 9, 5, tzinfo=dt.timezone.utc)
    store = Present([Person("Kim", "Facilitators", since, "motw_kim"), Person("Lee", "Blue team", since, "motw_lee"),
                     Person("Park", "", since, "motw_park")])
    button = PresenceButton(window, store, me=("Kim", "Facilitators"))
    button.refresh()
    window.show()
    qtbot.waitExposed(window)
    assert button.text() == ("3 connected" if lang == "en" else "3명 접속 중")
    seen = {}

    def look():
        menu = button.menu()
        try:
            assert menu.isVisible()
            normal = menu.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)
            grey = menu.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
            for label in menu.findChildren(QLabel, "presencePerson"):
                assert label.isVisible() and label.isEnabled()
                assert label.palette().color(label.foregroundRole()) == normal
                ink = _darkest(label)                                   # what the eye gets: not grey
                assert _distance(ink, normal) < 40 and _distance(ink, grey) > 40, (label.text(), ink.name())
                seen[label.text()] = label.font().bold()
        finally:
            menu.close()

    QTimer.singleShot(300, look)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)            # the menu pops up on a click
    qtbot.waitUntil(lambda: len(seen) == 3, timeout=3000)
    if lang == "en":
        own, others = "Kim (Facilitators), since", ["Lee (Blue team), since", "Park, since"]
        mark = "(you)"
    else:
        own, others = "Kim (Facilitators),", ["Lee (Blue team),", "Park,"]
        mark = "(나)"
    mine = [text for text in seen if text.startswith(own)]
    assert len(mine) == 1 and mine[0].endswith(mark) and seen[mine[0]]          # marked, in bold
    for start in others:
        text = next(t for t in seen if t.startswith(start))
        assert mark not in text and not seen[text]
    people = button.menu().findChild(type(button.menu().actions()[-1]), "peopleAndRoles")
    assert people is not None and people.isEnabled()


def test_no_one_else_reads_as_text_too(window, qtbot):
    from mot_workshop.ui.team_server.presence_button import PresenceButton

    button = PresenceButton(window, Present([]), me=("Kim", ""))
    button.refresh()
    labels = button.menu().findChildren(QLabel, "presencePerson")
    assert [label.text() for label in labels] == ["(no one)"]
    assert all(label.isEnabled() for label in labels)
