"""A big table chosen for import is read beside the window: the window keeps painting, a
dialog says which file is being read, and its Cancel gives the window back at once, stops
the reading and adds nothing; let through, the rows arrive as one undo step."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFileDialog, QInputDialog, QProgressDialog, QPushButton

from benchmarks.big_inputs import write_voc_xlsx
from mot_workshop.ui import interchange_menu as menu

ROWS = 10_000


@pytest.fixture
def workbook(tmp_path_factory):
    return write_voc_xlsx(tmp_path_factory.mktemp("big") / "voc.xlsx", ROWS)


@pytest.fixture
def chosen(monkeypatch, workbook):
    """The file dialog answers the workbook, the table question "VOC"; the reading dialog
    shows after 0.1 s (a quiet machine reads the table in about a second)."""
    from mot_workshop.ui import reading_file

    monkeypatch.setattr(reading_file, "SHOW_AFTER_MS", 100)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(workbook), "")))
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(
        lambda parent, title, label, items, *a, **k: (next(i for i in items if i.startswith("VOC")), True)))


@pytest.fixture
def settled(opened, qtbot):
    """The window as a user finds it when choosing a file: its panels built after the first
    paint and its background checks done. (Building them takes the window's thread; with the
    reading's thread running beside it each would get half the processor.)"""
    window = opened[0]
    qtbot.waitUntil(lambda: window.panels_built, timeout=30000)
    qtbot.wait(500)
    return opened


def reading_dialog(window) -> QProgressDialog | None:
    return next((d for d in window.findChildren(QProgressDialog)
                 if d.isVisible() and d.labelText().startswith("Reading ")), None)


class Watch:
    """What the window did while the file was read: its event loop's turns while the reading
    dialog showed (a 20 ms timer), what the dialog said; with ``cancel``, a real click on the
    dialog's Cancel once it has been up for a while."""

    def __init__(self, window, qtbot, *, cancel: bool):
        self.window, self.qtbot, self.cancel = window, qtbot, cancel
        self.ticks, self.label, self.title, self.seen = 0, None, None, None
        self.reading_at_click = None
        self.timer = QTimer()
        self.timer.timeout.connect(self.tick)
        self.timer.start(20)

    def tick(self) -> None:
        dialog = reading_dialog(self.window)
        if dialog is None:
            return
        self.ticks += 1
        if self.seen is None:
            self.seen, self.label, self.title = time.monotonic(), dialog.labelText(), dialog.windowTitle()
        elif self.cancel and time.monotonic() - self.seen > 0.15:
            self.cancel = False
            self.reading_at_click = bool(readers())
            self.qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)


def readers() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "reading an import" and t.is_alive()]


def test_cancel_gives_the_window_back_and_stops_the_reading(settled, chosen, dialogs, qtbot):
    window, _, _ = settled
    store, steps = window.session.store, window.session.stack.count()
    watch = Watch(window, qtbot, cancel=True)
    started = time.monotonic()
    menu.import_table(window)
    took = time.monotonic() - started
    watch.timer.stop()
    assert watch.label == "Reading voc.xlsx…" and watch.title == "Import a worksheet table"
    # the window took a real click while the file was still being read
    assert watch.reading_at_click is True
    assert store.count("voc") == 0 and window.session.stack.count() == steps
    assert window.statusBar().currentMessage() == "The import was cancelled; nothing was added."
    assert dialogs == []
    qtbot.waitUntil(lambda: not readers(), timeout=5000)       # told to stop, the reading ends early
    assert reading_dialog(window) is None
    assert took < 5


def test_let_through_the_rows_arrive_as_one_undo_step(settled, chosen, dialogs, qtbot):
    window, _, _ = settled
    store, steps = window.session.store, window.session.stack.count()
    watch = Watch(window, qtbot, cancel=False)
    menu.import_table(window)
    watch.timer.stop()
    assert watch.label == "Reading voc.xlsx…"
    assert watch.ticks >= 10
    assert store.count("voc") == ROWS and window.session.stack.count() == steps + 1
    assert reading_dialog(window) is None and not readers()
    window.session.stack.undo()
    assert store.count("voc") == 0

