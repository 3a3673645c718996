"""The step navigator: the eight steps with what each has filled and what is missing, the
process they work on, and the timer. Any step can be opened at any time.

What is filled is worked out from a copy of the workshop kept here and brought up to date
from each edit's ``Changes`` (re-reading a 10,000-step workshop after every edit would cost
half a second), on a worker thread shortly after the edits stop; until it is back the list
shows the last result."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (QComboBox, QLabel, QListWidget, QListWidgetItem, QStyledItemDelegate, QVBoxLayout,
                               QWidget)

from mot_workshop.analysis.completeness import completeness
from mot_workshop.domain.method import steps as method_steps
from mot_workshop.domain.snapshot import Snapshot
from mot_workshop.i18n import current_language, tr
from mot_workshop.ui.background import Job
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


def _mark_icon(mark: str, colour, size: int) -> QIcon:
    """The step's ✓ / ◐ / ○ as the item's icon: a wrapped title or summary line then starts
    under the title, not under the mark (text marks put a wrapped line back at the margin)."""
    icon = QIcon()
    for mode, ink in ((QIcon.Mode.Normal, QColor(colour)), (QIcon.Mode.Selected, QColor("white"))):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        if mark:
            painter = QPainter(pixmap)
            painter.setPen(ink)
            painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, mark)
            painter.end()
        icon.addPixmap(pixmap, mode)
    return icon


class _MarkBesideTitle(QStyledItemDelegate):
    """The mark beside the step's title, not half-way down its lines."""

    def initStyleOption(self, option, index) -> None:  # noqa: N802 - Qt's name
        super().initStyleOption(option, index)
        option.decorationAlignment = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter


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
        self.list.setItemDelegate(_MarkBesideTitle(self.list))
        self.list.currentRowChanged.connect(self._row_chosen)
        self.checks = QLabel()
        self.checks.setObjectName("stepChecks")
        self.checks.setWordWrap(True)
        self.checks.setTextFormat(Qt.TextFormat.RichText)
        self.checks.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._later = QTimer(self)            # edits come in bursts (typing): re-check once after them
        self._later.setSingleShot(True)
        self._later.setInterval(120)
        self._later.timeout.connect(self._check_later)
        self._job = Job(self, name="step completeness check")
        self._job.done.connect(self._checked)
        self._copy: Snapshot | None = None     # the workshop as the store holds it now
        self._copy_of = None                   # ... read from this store
        self._version = 0                      # bumped by every change brought into the copy
        self._results: tuple | None = None     # ((process id, version, language), completeness)
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
        self._copy = self._copy_of = self._results = None
        self._job.cancel()
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
        mark_size = self.list.fontMetrics().height()
        self.list.setIconSize(QSize(mark_size, mark_size))
        ink = self.list.palette().text().color()
        if not checks:
            for step in method_steps():
                self.list.addItem(QListWidgetItem(_mark_icon("", ink, mark_size), f"{step.number}  {step.title}\n"))
            self.list.setCurrentRow(self.current - 1)
            self.list.blockSignals(False)
            return
        results = self._current_results(store)
        spent = {p.step_no: p.seconds_spent for p in store.select("step_progress")}
        for step, result in zip(method_steps(), results):
            done = sum(c.done for c in result.checks)
            mark = "✓" if result.complete else ("◐" if done else "○")
            minutes = round(spent.get(step.number, 0) / 60)
            time_text = " · " + tr("{minutes} min spent", minutes=minutes) if minutes else ""
            colour = QColor(Qt.GlobalColor.darkGreen) if result.complete else ink
            item = QListWidgetItem(_mark_icon(mark, colour, mark_size), f"{step.number}  {step.title}\n"
                                   + tr("{done} of {total} filled", done=done, total=len(result.checks)) + time_text)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{mark} {item.text()}")    # the mark, for a screen reader
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

    # ------------------------------------------------------------------ completeness
    def _snapshot(self, store) -> Snapshot:
        """The kept copy of the workshop (read in full only for a new store)."""
        if self._copy is None or self._copy_of is not store:
            self._copy = _copied(store.snapshot())
            self._copy_of = store
            self._version += 1
        return self._copy

    def _key(self) -> tuple:
        return (self.process_id, self._version, current_language())

    def _current_results(self, store) -> list:
        """The checks as of now; computed here only when none was worked out for this
        process and language yet (else the last ones, while the newer are on their way)."""
        snapshot = self._snapshot(store)
        key = self._key()
        if self._results is not None and self._results[0] == key:
            return self._results[1]
        newer_coming = self._later.isActive() or self._job.busy
        if self._results is not None and self._results[0][::2] == key[::2] and newer_coming:
            return self._results[1]
        self._later.stop()
        self._job.cancel()
        self._results = (key, completeness(snapshot, self.process_id, key[2]))
        return self._results[1]

    def _check_later(self) -> None:
        """After a burst of edits: work the checks out on a worker thread."""
        if self.session is None or self.session.store.closed:
            return
        snapshot = self._snapshot(self.session.store)
        key = self._key()
        if self._results is not None and self._results[0] == key:
            self.refresh()
            return
        self._job.submit(_checked_in_background, _copied(snapshot), key)

    def _checked(self, done: tuple) -> None:
        key, results = done
        if key != self._key() or self.session is None:
            return                              # worked out for another process, or out of date
        self._results = done
        self.refresh()

    def _bring_up_to_date(self, changes) -> None:
        """Re-read into the kept copy just what ``changes`` names."""
        if self._copy is None or self.session is None or self._copy_of is not self.session.store:
            self._copy = None                   # read in full when next needed
            return
        store = self.session.store
        for kind in changes.kinds:
            bucket = self._copy.by_kind.get(kind)
            if bucket is None:
                continue
            ids = changes.ids(kind)
            many = getattr(store, "get_many", None)
            found = many(kind, ids) if many is not None else {
                id: e for id in ids if (e := store.get(kind, id)) is not None}
            for id in ids:
                if id in found:
                    bucket[id] = found[id]
                else:
                    bucket.pop(id, None)
        self._version += 1

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
        if self.session is None or self.session.store.closed:
            return
        self._bring_up_to_date(changes)
        self._job.cancel()                      # a check under way reads the copy before this edit
        self._later.start()


def _copied(snapshot: Snapshot) -> Snapshot:
    """A copy whose buckets can change without touching ``snapshot`` (entities are frozen)."""
    return Snapshot({kind: dict(bucket) for kind, bucket in snapshot.by_kind.items()})


def _checked_in_background(snapshot: Snapshot, key: tuple) -> tuple:
    process_id, _version, lang = key
    return key, completeness(snapshot, process_id, lang)
