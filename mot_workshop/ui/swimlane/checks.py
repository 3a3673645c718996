"""The map's structure check in the editor bar (``analysis.map_metrics``): how many
problems (no start, dead ends, unreachable steps, decisions with one exit), listed in a
menu; choosing one selects the step it concerns. Computed shortly after the map changes,
not during a gesture."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QMenu, QToolButton

from mot_workshop.i18n import tr

DELAY_MS = 250


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
        self._timer = QTimer(self, singleShot=True, interval=DELAY_MS)
        self._timer.timeout.connect(self.check_now)

    def schedule(self, lanes, steps, flows) -> None:
        if (lanes, steps, flows) == self._data and self.metrics is not None:
            return
        self._data = (lanes, steps, flows)
        self._timer.start()

    def check_now(self) -> None:
        if self._data is None:
            return
        if self.busy():                    # never in the middle of a drag: after it
            self._timer.start()
            return
        from mot_workshop.analysis.map_metrics import analyse

        lanes, steps, flows = self._data
        self.metrics = analyse(steps, flows, lanes)
        self.problems = list(self.metrics.structure)
        self.retranslate()

    def retranslate(self) -> None:
        from mot_workshop.analysis.structure import message

        count = len(self.problems)
        self.setText(tr("✓ No structure problems") if not count
                     else tr("⚠ {count} structure problems", count=count))
        self.setStyleSheet("" if not count else "color: #c0392b; font-weight: bold;")
        self.menu_.clear()
        for problem in self.problems:
            text = message(problem.code) + (f" — {problem.label}" if problem.label else "")
            action = self.menu_.addAction(text)
            if problem.step_id is not None:
                action.triggered.connect(lambda _=False, id=problem.step_id: self.step_chosen.emit(id))
        if not count:
            self.menu_.addAction(tr("The map has a start and an end, and every step is on a path.")).setEnabled(False)
        if self.metrics is not None and self.metrics.lead_time:
            self.setToolTip(tr("Lead time {minutes} min", minutes=f"{self.metrics.lead_time:g}"))
