"""The window paints first and fills its side panels (palette, properties, step navigator with
the timer, parking lot) right after; anything that needs a panel earlier gets it built at once,
showing what is in the file and speaking the current language."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtWidgets import QLabel

from mot_workshop.editing.entities import CreateEntity, UpdateEntity
from mot_workshop.ui.deferred_dock import DeferredDock

PANEL_MODULES = ("mot_workshop.ui.cycle.palette", "mot_workshop.ui.properties.panel",
                 "mot_workshop.ui.wizard.navigator", "mot_workshop.ui.facilitation.timer_widget",
                 "mot_workshop.ui.facilitation.parking_lot", "mot_workshop.ui.facilitation.presentation")


@pytest.fixture
def unshown(qtbot):
    """A main window that has not been shown (so nothing was built after a paint)."""
    from mot_workshop.ui.app import create_app
    from mot_workshop.ui.main_window import MainWindow
    from mot_workshop.ui.settings import Settings

    create_app("en")
    win = MainWindow(Settings(), remember=False)
    qtbot.addWidget(win)
    yield win
    win.close()


def test_a_deferred_dock_builds_its_content_once_when_asked(qtbot):
    from PySide6.QtWidgets import QMainWindow

    host = QMainWindow()
    qtbot.addWidget(host)
    built = []

    def build():
        built.append(QLabel("panel"))
        return built[-1]

    dock = DeferredDock(host, "testDock", build)
    assert not dock.is_built and built == []
    placeholder = dock.widget()
    assert dock.content() is built[0] and dock.widget() is built[0]
    assert dock.content() is built[0] and len(built) == 1
    assert dock.is_built and placeholder is not dock.widget()


def test_a_panel_asking_for_itself_while_building_is_a_clear_error(qtbot):
    from PySide6.QtWidgets import QMainWindow

    host = QMainWindow()
    qtbot.addWidget(host)
    dock = DeferredDock(host, "loopDock", lambda: dock.content())
    with pytest.raises(RuntimeError, match="loopDock"):
        dock.content()


def test_opening_a_file_builds_no_side_panel_and_imports_none_of_their_modules(cycles_file):
    path, _ = cycles_file
    code = (
        "import sys\n"
        "from mot_workshop.ui.app import create_app\n"
        "from mot_workshop.ui.main_window import MainWindow\n"
        "from mot_workshop.ui.settings import Settings\n"
        "create_app('en')\n"
        "w = MainWindow(Settings(), remember=False)\n"
        f"assert w.files.open_path({str(path)!r}, quick=True)\n"
        f"print(w.panels_built, sorted(m for m in {PANEL_MODULES!r} if m in sys.modules))\n"
        "w.build_panels()\n"
        f"print(w.panels_built, len([m for m in {PANEL_MODULES!r} if m in sys.modules]))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\n")[:2] == ["False []", f"True {len(PANEL_MODULES) - 1}"]  # no presenting yet


def test_the_panels_fill_in_right_after_the_first_paint(cycles_file, qtbot, unshown):
    path, ids = cycles_file
    window = unshown
    window.files.open_path(path, quick=True)
    assert not window.panels_built
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.panels_built, timeout=5000)
    assert window.palette.tree.topLevelItemCount() > 1             # blank + template libraries
    assert window.wizard_host.navigator.list.count() == 8
    assert window.wizard_host.timer.isVisibleTo(window)
    for dock in window.docks():
        assert dock.isVisible() and dock.widget().isVisibleTo(window), dock.objectName()
    # the panels work as if they had been there from the start
    window.tree.select_key("cycle", ids["parking"])
    window.tree.selected.emit("cycle", [ids["parking"]])
    assert window.properties.form is not None


def test_the_docks_keep_their_place_when_the_panels_fill_in(cycles_file, qtbot, unshown):
    from mot_workshop.ui.main_window import DEFAULT_SIZE
    from mot_workshop.ui.screenshot import after_first_paint

    path, _ = cycles_file
    window = unshown
    window.resize(*DEFAULT_SIZE)
    window.files.open_path(path, quick=True)
    window.show()
    first = {}
    # registered after show(), so it runs before the window builds its panels
    after_first_paint(window, lambda: first.update(built=window.panels_built, places={
        d.objectName(): d.geometry() for d in window.docks()}), settle_ms=0)
    qtbot.waitUntil(lambda: window.panels_built and bool(first), timeout=5000)
    assert first["built"] is False
    assert {d.objectName(): d.geometry() for d in window.docks()} == first["places"]
    heights = {d.objectName(): d.height() for d in window.docks()}
    assert min(heights.values()) >= 150, heights          # no panel squeezed to its title


def test_what_happened_before_a_panel_was_built_shows_when_it_is(blank_file, unshown):
    path, ids = blank_file
    window = unshown
    window.files.open_path(path)
    note = CreateEntity("note", {"text": "Ask IT about the POS", "wizard_step": 2})
    window.session.push(note)
    window.session.push(UpdateEntity("workshop", 1, {"language": "ko"}))   # content language
    window.set_language("ko")
    assert not window.panels_built
    lot = window.wizard_host.parking
    assert [lot.list.item(i).text() for i in range(lot.list.count())] == ["Ask IT about the POS"]
    assert window.wizard_host.parking_dock.windowTitle() == "보류 안건 (파킹랏)"
    navigator = window.wizard_host.navigator
    assert navigator.process_id == ids["processes"][0] and window.wizard_host.current_step == 1
    assert "저해요인" in navigator.list.item(5).text()                    # Korean titles
    palette = window.palette
    assert palette.content_language == "ko"
    assert palette.find("빈 접점") is not None and palette.find("Blank touchpoint") is None


def test_a_screenshot_waits_for_nothing_deferred(blank_file, unshown):
    path, _ = blank_file
    window = unshown
    window.files.open_path(path)
    assert window.wizard_host.navigator.checks.text() == ""     # its check waits for the paint
    window.complete_now()
    assert window.panels_built
    assert "Step 1" in window.wizard_host.navigator.checks.text()


def test_the_timer_stays_in_view_under_the_filled_in_navigator(tmp_path, qtbot, unshown):
    """The sample at the default window size: the navigator shows a step's checks, and the
    timer's buttons are still on screen without scrolling the dock."""
    from mot_workshop.sample import build_sample
    from mot_workshop.ui.main_window import DEFAULT_SIZE

    path = tmp_path / "sample.motw"
    build_sample(path, "en")
    window = unshown
    window.resize(*DEFAULT_SIZE)
    window.files.open_path(path)
    window.complete_now()
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(200)                          # let the layout settle around the checks text
    navigator = window.wizard_host.navigator
    assert navigator.checks.text().count("✓") >= 2
    area = window.wizard_host.navigator_dock.widget()
    assert area.verticalScrollBar().maximum() == 0
    timer = window.wizard_host.timer
    bottom = timer.mapTo(area.viewport(), timer.rect().bottomLeft()).y()
    assert bottom <= area.viewport().height()


def test_presenting_before_the_panels_were_built(blank_file, unshown):
    path, _ = blank_file
    window = unshown
    window.files.open_path(path)
    host = window.wizard_host
    assert not host.presenting
    host.toggle_presentation(full_screen=False)
    # the tab showing (the overview) is presented, named by the workshop's title
    assert host.presenting and host.presentation.step_label.text() == window.session.store.workshop().title
    host.leave_presentation()
    assert not host.presenting


def test_quit_after_paint_reports_the_paint_then_the_complete_window(cycles_file, tmp_path):
    path, _ = cycles_file
    env = {**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen",
           "MOT_WORKSHOP_SETTINGS": str(tmp_path / "settings.ini"), "MOT_WORKSHOP_DATA": str(tmp_path / "data")}
    out = subprocess.run([sys.executable, "-m", "mot_workshop", str(path), "--quit-after-paint"],
                         capture_output=True, text=True, timeout=120, env=env)
    assert out.returncode == 0, out.stderr
    lines = [line.split() for line in out.stdout.splitlines() if line.startswith(("painted ", "ready "))]
    assert [name for name, _ in lines] == ["painted", "ready"]
    assert float(lines[0][1]) <= float(lines[1][1])


@pytest.fixture
def blank_file(tmp_path):
    from tests.ui.wizard_fixtures import build_blank

    path = tmp_path / "blank.motw"
    return path, build_blank(path)
