"""What the start pays for before the window is ready, checked in a fresh process that starts
the way a user does (``mot-workshop FILE``, here with ``--quit-after-paint``): no work for
widgets the window does not show, and the look of what it does show unchanged."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtGui import QColor

START = textwrap.dedent("""
    import builtins, json, sys
    at_paint = []

    class Tap:                      # what exists when the window prints its first paint
        def __init__(self, out):
            self.out = out
        def write(self, text):
            if text.startswith("painted") and not at_paint:
                at_paint.extend(sorted(vars(sys.modules["PySide6.QtWidgets"])))
            return self.out.write(text)
        def __getattr__(self, name):
            return getattr(self.out, name)

    sys.stdout = Tap(sys.stdout)
    from mot_workshop.cli import main
    code = main([sys.argv[1], "--quit-after-paint"])
    sys.stdout = sys.stdout.out
    import PySide6.QtWidgets as widgets
    made = sorted(vars(widgets))
    gui = sorted(vars(sys.modules["PySide6.QtGui"]))
    plain = builtins.__import__ is not getattr(builtins, "__feature_import__", None)
    import linecache
    read = sorted(name for name in linecache.cache if "mot_workshop" in name)
    star = {}
    exec("from PySide6.QtWidgets import *", star)
    print(json.dumps({"code": code, "widget_types": made, "gui_types": gui, "at_paint": at_paint,
                      "plain_import": plain,
                      "sources_read": read,
                      "star_import_sees": sorted(n for n in ("QWizard", "QDial") if n in star)}))
""")


def _start(path, tmp_path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", MOT_WORKSHOP_SETTINGS=str(tmp_path / "settings.ini"))
    out = subprocess.run([sys.executable, "-c", START, str(path)], env=env, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_starting_makes_no_python_types_for_widgets_the_window_does_not_show(tmp_path):
    """PySide makes a widget class's Python type (and its enums) when first used. A widget
    made by Qt and first met in Python (a scroll area's own viewport) made it make every
    widget class at once: wizards, calendars, dials — a twentieth of the start."""
    probe = subprocess.run([sys.executable, "-c", "import PySide6.QtWidgets as w; print('QWizard' in vars(w))"],
                           capture_output=True, text=True, timeout=60)
    if probe.stdout.strip() != "False":
        pytest.skip("this PySide makes every widget type when QtWidgets is imported")
    from mot_workshop.sample import build_sample

    path = tmp_path / "sample.motw"
    build_sample(path, "ko")
    started = _start(path, tmp_path)
    assert started["code"] == 0
    made = set(started["widget_types"])
    assert {"QMainWindow", "QDockWidget", "QScrollArea", "QLabel"} <= made     # what it shows
    assert not made & {"QWizard", "QCalendarWidget", "QDial", "QMdiArea", "QFontDialog"}
    # dialogs load when one is first shown; text fields come with the panels, after the first paint
    assert not made & {"QMessageBox", "QFileDialog", "QInputDialog"}
    assert {"QLabel", "QDockWidget"} <= set(started["at_paint"])
    assert not set(started["at_paint"]) & {"QLineEdit", "QPlainTextEdit"}
    # the step navigator's process fits its chooser: Qt paints it, no style is asked (QStyle's
    # Python side, with its enums, is built only for a text that has to end in "…")
    assert "QStyle" not in made
    # the palette's template colours go to its items as colours: no QBrush made in Python, whose
    # overloads had PySide build QGradient (and its 180 presets)
    assert "QGradient" not in started["gui_types"]


def test_the_overview_keeps_its_background(window, cycles_file, qtbot):
    path, _ = cycles_file
    assert window.files.open_path(path, quick=True)
    overview = window.tabs.currentWidget()
    qtbot.waitUntil(lambda: overview.widget() is not None and overview.isVisible())
    shot = overview.grab().toImage()
    body = overview.widget()
    corner = body.mapTo(overview, body.rect().topLeft())
    assert QColor(shot.pixel(corner.x() + 4, corner.y() + 4)).name() == "#f5f7fa"
    below = overview.viewport().mapTo(overview, overview.viewport().rect().bottomLeft())
    assert QColor(shot.pixel(below.x() + 4, below.y() - 4)).name() == "#f5f7fa"   # the viewport's own


def test_python_imports_without_reading_every_module_s_source(tmp_path):
    """PySide's import layer for ``from __feature__ import …`` read the source of every module
    imported after PySide6 (a twentieth of the way to a ready window): the app takes it off
    once PySide has loaded. Star imports of PySide modules still see every class."""
    from mot_workshop.sample import build_sample

    path = tmp_path / "sample.motw"
    build_sample(path, "en")
    started = _start(path, tmp_path)
    assert started["code"] == 0
    assert started["plain_import"]
    assert started["sources_read"] == []            # nothing read the app's modules as text
    assert started["star_import_sees"] == ["QDial", "QWizard"]


def test_the_app_selects_no_pyside_feature():
    """Taking PySide's feature layer off is right only while no module asks for a feature."""
    import re
    from pathlib import Path

    import mot_workshop

    package = Path(mot_workshop.__file__).parent
    feature = re.compile(r"^\s*(from\s+__feature__\s+import|import\s+__feature__)", re.M)
    asking = [str(p.relative_to(package)) for p in package.rglob("*.py") if feature.search(p.read_text("utf-8"))]
    assert asking == []
    assert feature.search("import os\n    from __feature__ import snake_case\n")     # the check sees one


def test_the_first_layout_is_the_one_painted(cycles_file, qtbot):
    """The window is sized before its docks, so they get their widths at once: the overview is
    laid out at its real width when first shown, not first beside docks at their least widths
    and then again (which laid its cards and wrapped texts out twice)."""
    from PySide6.QtCore import QEvent, QObject

    from mot_workshop.ui.app import create_app
    from mot_workshop.ui.dock_room import default_widths
    from mot_workshop.ui.main_window import MainWindow
    from mot_workshop.ui.settings import Settings

    create_app("en")
    window = MainWindow(Settings(), remember=False)
    qtbot.addWidget(window)
    path, _ = cycles_file
    assert window.files.open_path(path, quick=True)
    overview = window.tabs.currentWidget()
    widths = []

    class Widths(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Resize and obj.widget() is not None:     # its page built
                widths.append(obj.width())
            return False

    watcher = Widths()
    overview.installEventFilter(watcher)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(50)
    left, right = default_widths(window.width())
    assert abs(window.tree_dock.width() - left) <= 2 and abs(window.properties_dock.width() - right) <= 2
    assert len(set(widths)) == 1, widths
    window.close()


def test_edit_commands_act_on_a_focused_text_field(window, cycles_file, qtbot):
    """Select all / Copy / Paste, routed by the window, act on the text field that has the focus
    (its classes are looked up when the command runs, not when the window is built)."""
    from PySide6.QtWidgets import QApplication

    path, _ = cycles_file
    assert window.files.open_path(path, quick=True)
    qtbot.waitUntil(lambda: window.panels_built)
    entry = window.wizard_host.parking.entry
    entry.setText("Ask the parking operator")
    entry.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is entry)
    window.edit._route("select_all")
    assert entry.selectedText() == "Ask the parking operator"
    window.edit._route("copy")
    assert QApplication.clipboard().text() == "Ask the parking operator"
    entry.setText("")
    window.edit._route("paste")
    assert entry.text() == "Ask the parking operator"
