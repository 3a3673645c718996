"""The overview's list of processes: one line per process (its name in bold, its maps in grey),
names shown as typed, long names wrapping within the page rather than widening it."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel

from mot_workshop.editing.entities import CreateEntity
from mot_workshop.editing.history import History
from mot_workshop.persistence.store import Store

LONG = "Handle a complaint about a product bought online and returned in a store " * 3


def _workshop(path) -> None:
    store = Store.create(path, title="Processes", language="en")
    try:
        history = History(store)
        for name in ("Exchange <faulty> goods & refunds", LONG.strip(), "Train staff"):
            process = CreateEntity("process", {"name": name})
            history.push(process)
            if name == "Train staff":
                history.push(CreateEntity("process_map", {"process_id": process.id, "kind": "as-is"}))
                history.push(CreateEntity("process_map", {"process_id": process.id, "kind": "to-be"}))
    finally:
        store.close()


def _lines(label: QLabel) -> list[str]:
    doc = QTextDocument()
    doc.setHtml(label.text())
    return doc.toPlainText().split("\n")


def test_each_process_has_its_line_with_its_maps(window, tmp_path, qtbot):
    path = tmp_path / "processes.motw"
    _workshop(path)
    assert window.files.open_path(path, quick=True)
    overview = window.tabs.currentWidget()
    qtbot.waitUntil(lambda: overview.findChild(QLabel, "overviewProcesses") is not None)
    listing = overview.findChild(QLabel, "overviewProcesses")
    assert _lines(listing) == ["Exchange <faulty> goods & refunds", LONG.strip(), "Train staff As-Is, To-Be"]
    assert "color:#616e7c" in listing.text() and "<b>Train staff</b>" in listing.text()
    # the long name wraps inside the page: no horizontal scrolling, the list grows downwards
    assert listing.width() <= overview.viewport().width()
    assert listing.height() > 4 * listing.fontMetrics().height()
