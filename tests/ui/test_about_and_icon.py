"""The About box names the app and its version (one source: mot_workshop.__version__, which
the package metadata reads too), and the window wears the icon designed for the app, whose
PNGs are its SVG as rendered by installer/make_icons.py."""

from __future__ import annotations

import importlib.metadata
import importlib.util
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QMenu

import mot_workshop
from mot_workshop.resources import resource

ROOT = Path(__file__).resolve().parents[2]


def make_icons():
    spec = importlib.util.spec_from_file_location("make_icons", ROOT / "installer" / "make_icons.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def difference(a: QImage, b: QImage) -> int:
    """The largest channel difference over a grid of sample points."""
    assert a.size() == b.size()
    step = max(1, a.width() // 32)
    worst = 0
    for x in range(0, a.width(), step):
        for y in range(0, a.height(), step):
            ca, cb = a.pixelColor(x, y), b.pixelColor(x, y)
            worst = max(worst, *(abs(u - v) for u, v in zip(ca.getRgb(), cb.getRgb())))
    return worst


def test_the_version_has_one_source():
    assert importlib.metadata.version("mot-workshop") == mot_workshop.__version__
    assert 'dynamic = ["version"]' in (ROOT / "pyproject.toml").read_text()


# A popup menu on the offscreen platform: it cannot raise windows or grab the keyboard.
@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard",
                          "does not support propagateSizeHints")
def test_help_about_shows_the_name_and_version(window, qtbot, dialogs):
    bar = window.menuBar()
    help_action = next(a for a in bar.actions() if a.text().replace("&", "") == "Help")
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(help_action).center())
    menu = help_action.menu()
    qtbot.waitUntil(menu.isVisible)
    about = next(a for a in menu.actions() if "About" in a.text())
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(about).center())
    qtbot.waitUntil(lambda: len(dialogs) == 1)
    assert dialogs[0][1] == f"MOT Workshop {mot_workshop.__version__}"


def test_the_window_wears_the_designed_icon(window):
    icon = QApplication.instance().windowIcon()
    sizes = {s.width() for s in icon.availableSizes()}
    assert {16, 32, 48, 256} <= sizes
    drawn = icon.pixmap(QSize(256, 256)).toImage()
    assert difference(drawn, QImage(str(resource("icons", "mot-workshop-256.png")))) <= 8


def test_the_committed_pngs_are_the_svg_rendered():
    tool = make_icons()
    for size in tool.APP_SIZES:
        committed = QImage(str(tool.app_png(size)))
        assert committed.size() == QSize(size, size)
        assert difference(committed, tool.render(size)) <= 8, \
            f"the {size}px icon is not its SVG any more: run installer/make_icons.py"


def test_no_menu_left_open(window):
    assert not any(isinstance(w, QMenu) and w.isVisible() for w in QApplication.topLevelWidgets())
