"""The map's structure check in the editor bar (``analysis.map_check``): how many
problems (no start, dead ends, unreachable steps, decisions with one exit), listed in a
menu; choosing one selects the step it concerns. Computed shortly after the map changes, on
a worker thread (a 10,000-step map takes most of a second), and shown when ready unless the
map changed again meanwhile; never started during a gesture."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QMenu, QToolButton

from mot_workshop.i18n import tr
from mot_workshop.ui.background import Job

DELAY_MS = 250
MENU_LIMIT = 40        # entries in the menu; a longer list would run off the screen


class StructureButton(QToolButton):
    step_chosen = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("mapChecks")
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_ = QMenu(self)
        self.setMenu(self.menu_)
        self.problems: list = []
        self.metrics = None
        self._data = None
        self.busy = lambda: False          # the editor says when a gesture is under way
        self._menu_stale = True
        self.menu_.aboutToShow.connect(self._fill_menu)
        self._timer = QTimer(self, singleShot=True, interval=DELAY_MS)
        self._timer.timeout.connect(self._start_check)
        self._job = Job(self, name="map structure check")
        self._job.done.connect(self._show)

    def schedule(self, lanes, steps, flows) -> None:
        data = (lanes, steps, flows)
        if self._data is not None and all(a is b for a, b in zip(data, self._data)) and self.metrics is not None:
            return                         # the editor hands over new tuples whenever the map changed
        self._data = data
        self._job.cancel()                 # a check of the old data would be out of date
        self._timer.start()

    @property
    def pending(self) -> bool:
        """A check is scheduled or running: what the button shows may be out of date."""
        return self._timer.isActive() or self._job.busy

    def _start_check(self) -> None:
        if self._data is None:
            return
        if self.busy():                    # never in the middle of a drag: after it
            self._timer.start()
            return
        from mot_workshop.analysis.map_check import check

        lanes, steps, flows = self._data   # tuples of frozen entities: safe to read from a thread
        self._job.submit(check, steps, flows, lanes)

    def check_now(self) -> None:
        """Check at once, on this thread (tests, benchmarks)."""
        if self._data is None:
            return
        from mot_workshop.analysis.map_check import check

        self._timer.stop()
        self._job.cancel()
        lanes, steps, flows = self._data
        self._show(check(steps, flows, lanes))

    def _show(self, metrics) -> None:
        self.metrics = metrics
        self.problems = list(metrics.structure)
        self.retranslate()

    def retranslate(self) -> None:
        count = len(self.problems)
        self.setText(tr("✓ No structure problems") if not count
                     else tr("⚠ {count} structure problems", count=count))
        self.setStyleSheet("" if not count else "color: #c0392b; font-weight: bold;")
        if self.metrics is not None and self.metrics.lead_time:
            self.setToolTip(tr("Lead time {minutes} min", minutes=f"{self.metrics.lead_time:g}"))
        self._menu_stale = True

    def _fill_menu(self) -> None:
        """The problems as menu entries, made when the menu opens: a big imported map can
        have a thousand, and making their actions after every edit would cost more than the
        check itself."""
        if not self._menu_stale:
            return
        self._menu_stale = False
        from mot_workshop.analysis.structure import message

        count = len(self.problems)
        self.menu_.clear()
        for problem in self.problems[:MENU_LIMIT]:
            text = message(problem.code) + (f" — {problem.label}" if problem.label else "")
            action = self.menu_.addAction(text)
            if problem.step_id is not None:
                action.triggered.connect(lambda _=False, id=problem.step_id: self.step_chosen.emit(id))
        if count > MENU_LIMIT:
            self.menu_.addAction(tr("… and {count} more (the steps are listed left to right)",
                                    count=count - MENU_LIMIT)).setEnabled(False)
        if not count:
            self.menu_.addAction(tr("The map has a start and an end, and every step is on a path.")).setEnabled(False)

    def menu(self) -> QMenu:
        self._fill_menu()
        return super().menu()
