"""The step navigator: the eight steps with what each has filled and what is missing, the
process they work on, and the timer. Any step can be opened at any time."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from mot_workshop.analysis.completeness import completeness
from mot_workshop.domain.method import steps as method_steps
from mot_workshop.i18n import tr
from mot_workshop.ui.whole_text import show_whole_text


def default_process(store) -> int | None:
    """The process the steps work on: the one step progress names, else the first core one."""
    for progress in store.select("step_progress"):
        if progress.process_id is not None:
            return progress.process_id
    processes = store.select("process")
    chosen = [p for p in processes if p.selected] or processes
    return chosen[0].id if chosen else None


def first_open_step(store) -> int:
    """Where the wizard opens: the first step not marked done."""
    done = {p.step_no for p in store.select("step_progress") if str(p.status) == "done"}
    return next((n for n in range(1, 9) if n not in done), 1)


class _StepList(QListWidget):
    """Asks for little height and stretches into what the dock leaves, so the timer under
    the navigator stays in view in a short dock (the list scrolls instead)."""

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), 110)


class Navigator(QWidget):
    step_requested = Signal(int)
    process_requested = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("stepNavigator")
        self.session = None
        self.process_id: int | None = None
        self.current = 1
        self.process_caption = QLabel()
        self.process = QComboBox()
        self.process.setObjectName("navigatorProcess")
        self.process.setMinimumContentsLength(8)
        self.process.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.process.currentIndexChanged.connect(self._process_chosen)
        show_whole_text(self.process)
        self.list = _StepList()
        self.list.setObjectName("stepList")
        self.list.setWordWrap(True)
        self.list.setSpacing(1)
        self.list.currentRowChanged.connect(self._row_chosen)
        self.checks = QLabel()
        self.checks.setObjectName("stepChecks")
        self.checks.setWordWrap(True)
        self.checks.setTextFormat(Qt.TextFormat.RichText)
        self.checks.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._later = QTimer(self)            # edits come in bursts (typing): re-check once after them
        self._later.setSingleShot(True)
        self._later.setInterval(120)
        self._later.timeout.connect(self.refresh)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(6, 6, 6, 6)
        self.layout_.addWidget(self.process_caption)
        self.layout_.addWidget(self.process)
        self.layout_.addWidget(self.list, 3)
        self.layout_.addWidget(self.checks, 2)

    def add_widget(self, widget) -> None:
        self.layout_.addWidget(widget)

    def set_session(self, session) -> None:
        self.session = session
        self.process_id = default_process(session.store) if session else None
        self.current = first_open_step(session.store) if session else 1
        # Step titles now, completeness (which loads the graph library) once the window has
        # painted: opening a workshop must not wait for it.
        self.refresh(checks=False)
        self._later.start()

    def set_current(self, number: int) -> None:
        self.current = number
        self.refresh()

    def refresh(self, *, checks: bool = True) -> None:
        self.process_caption.setText(tr("Process the steps work on:"))
        self.process.blockSignals(True)
        self.process.clear()
        self.list.blockSignals(True)
        self.list.clear()
        if self.session is None or self.session.store.closed:
            self.process.blockSignals(False)
            self.list.blockSignals(False)
            self.checks.clear()
            return
        store = self.session.store
        processes = store.select("process")
        if self.process_id not in {p.id for p in processes}:     # none yet, or it was deleted: bind one now
            self.process_id = default_process(store)
            self.process_requested.emit(self.process_id)
        for p in sorted(processes, key=lambda p: (not p.selected, p.seq)):
            self.process.addItem(("★ " if p.selected else "") + p.name, p.id)
        self.process.setCurrentIndex(max(0, self.process.findData(self.process_id)))
        self.process.blockSignals(False)
        if not checks:
            for step in method_steps():
                self.list.addItem(QListWidgetItem(f"   {step.number}  {step.title}\n"))
            self.list.setCurrentRow(self.current - 1)
            self.list.blockSignals(False)
            return
        self._later.stop()
        results = completeness(store.snapshot(), self.process_id)
        spent = {p.step_no: p.seconds_spent for p in store.select("step_progress")}
        for step, result in zip(method_steps(), results):
            done = sum(c.done for c in result.checks)
            mark = "✓" if result.complete else ("◐" if done else "○")
            minutes = round(spent.get(step.number, 0) / 60)
            time_text = " · " + tr("{minutes} min spent", minutes=minutes) if minutes else ""
            item = QListWidgetItem(f"{mark}  {step.number}  {step.title}\n      "
                                   + tr("{done} of {total} filled", done=done, total=len(result.checks)) + time_text)
            item.setToolTip("\n".join(("✓ " if c.done else "✗ ") + c.label for c in result.checks))
            if result.complete:
                item.setForeground(Qt.GlobalColor.darkGreen)
            self.list.addItem(item)
        self.list.setCurrentRow(self.current - 1)
        self.list.blockSignals(False)
        current = results[self.current - 1]
        lines = "".join(
            f"<div style='color:{'#2e7d32' if c.done else '#b3261e'}'>{'✓' if c.done else '✗'} {c.label}</div>"
            for c in current.checks)
        self.checks.setText(f"<b>{tr('Step {number}: filled and missing', number=self.current)}</b>{lines}")

    def _row_chosen(self, row: int) -> None:
        if row >= 0:
            self.current = row + 1
            self.step_requested.emit(row + 1)
            self.refresh()

    def _process_chosen(self, _index: int) -> None:
        self.process_id = self.process.currentData()
        self.process_requested.emit(self.process_id)
        self.refresh()

    def on_changes(self, changes) -> None:
        self._later.start()
