"""Fixtures for the window tests: isolated settings, no blocking message boxes, small
workshop files built through commands, and the main window on such a file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from mot_workshop.editing.entities import CreateEntity
from mot_workshop.editing.history import History
from mot_workshop.persistence.store import Store

# The offscreen platform says this once per top-level window with docks; it is not a
# problem of the app (under X it does not appear).
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints"


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path, monkeypatch):
    monkeypatch.setenv("MOT_WORKSHOP_SETTINGS", str(tmp_path / "settings.ini"))
    monkeypatch.setenv("MOT_WORKSHOP_DATA", str(tmp_path / "data"))


@pytest.fixture(autouse=True)
def _no_button_left_pressed():
    """A test that presses a mouse button and ends without releasing it leaves Qt believing
    the button is held: every later test in that process would see a drag under way (the
    map's structure check waits for its end). Release what a test left pressed."""
    yield
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QWidget

    held = QApplication.mouseButtons()
    if held == Qt.MouseButton.NoButton:
        return
    catcher = QWidget()
    catcher.resize(4, 4)
    catcher.show()
    for button in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton, Qt.MouseButton.MiddleButton):
        if held & button:
            QTest.mouseRelease(catcher, button, Qt.KeyboardModifier.NoModifier, QPoint(1, 1))
    catcher.close()
    catcher.deleteLater()


class Dialogs(list):
    """Message boxes shown (icon, text, informative text); ``answer`` picks the button
    with that role (e.g. AcceptRole for "Open read-only"), None closes with the default."""

    answer = None


@pytest.fixture(autouse=True)
def dialogs(monkeypatch) -> Dialogs:
    shown = Dialogs()

    def fake_exec(box):
        shown.append((box.icon(), box.text(), box.informativeText()))
        if shown.answer is not None:
            for button in box.buttons():
                if box.buttonRole(button) == shown.answer:
                    button.click()
                    break
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


PARKING = ("Sees the entrance sign", "Takes a ticket", "Looks for a space", "Parks", "Pays the fee")


def build_cycles_file(path: Path, *, count: int = len(PARKING)) -> dict:
    """A workshop with a 'Parking' cycle (levels, one critical), an empty 'Other' cycle and
    a 'Phone' sub-cycle of Parking."""
    store = Store.create(path, title="UI test workshop", language="en")
    try:
        history = History(store)
        team = CreateEntity("team", {"name": "Service team"})
        history.push(team)
        parking = CreateEntity("cycle", {"name": "Parking", "team_id": team.id})
        history.push(parking)
        other = CreateEntity("cycle", {"name": "Other"})
        history.push(other)
        phone = CreateEntity("cycle", {"name": "Phone", "parent_id": parking.id})
        history.push(phone)
        names = list(PARKING) if count == len(PARKING) else [f"Touchpoint {i + 1}" for i in range(count)]
        ids = []
        for i, name in enumerate(names):
            tp = CreateEntity("touchpoint", {"cycle_id": parking.id, "name": name, "level": (i % 5) + 1,
                                             "importance": 3, "critical": i == 4, "element": "SOFT"})
            history.push(tp)
            ids.append(tp.id)
        return {"parking": parking.id, "other": other.id, "phone": phone.id, "team": team.id, "touchpoints": ids}
    finally:
        store.close()


@pytest.fixture
def cycles_file(tmp_path) -> tuple[Path, dict]:
    path = tmp_path / "cycles.motw"
    return path, build_cycles_file(path)


@pytest.fixture
def window(qtbot):
    from mot_workshop.ui.app import create_app
    from mot_workshop.ui.main_window import MainWindow
    from mot_workshop.ui.settings import Settings

    create_app("en")
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


@pytest.fixture
def opened(window, cycles_file):
    path, ids = cycles_file
    assert window.files.open_path(path)
    return window, path, ids


@pytest.fixture
def editor(opened, qtbot):
    window, path, ids = opened
    ed = window.open_cycle(ids["parking"])
    qtbot.waitExposed(ed.ring_view)
    ed.ring_view.fit()
    return ed


def names_in_file(store_or_path, cycle_id: int) -> list[str]:
    if isinstance(store_or_path, Store):
        return [tp.name for tp in store_or_path.select("touchpoint", cycle_id=cycle_id)]
    with Store.open(store_or_path, read_only=True) as store:
        return [tp.name for tp in store.select("touchpoint", cycle_id=cycle_id)]


def scene_names(scene) -> list[str]:
    """Names in the order the ring shows them (by the order number on each item)."""
    items = sorted(scene.items_by_id.values(), key=lambda item: item.order)
    return [item.touchpoint.name for item in items]


def parking_library():
    from mot_workshop.ui.cycle.palette import libraries

    return next(lib for lib in libraries() if lib.key == "parking")


@pytest.fixture
def sample_in(window, tmp_path, request):
    """The window on a new copy of the sample in the language given as the test's parameter
    (``indirect=True``)."""
    from mot_workshop.sample.builder import build_sample

    lang = request.param
    window.set_language(lang)
    path = build_sample(tmp_path / "sample.motw", lang)
    assert window.files.open_path(path)
    return window
