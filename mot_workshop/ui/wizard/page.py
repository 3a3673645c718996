"""What every step page shares: the step's title, purpose and guiding questions above its
worksheet, and the plumbing that passes changes and language switches to its parts."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QFrame, QHBoxLayout, QLabel, QSizePolicy, QSplitter, QTabWidget,
                               QVBoxLayout, QWidget)

from mot_workshop.domain.method import step as method_step
from mot_workshop.domain.enums import StepStatus
from mot_workshop.editing.changes import Changes
from mot_workshop.editing.entities import CreateEntity, UpdateEntity
from mot_workshop.i18n import tr
from mot_workshop.i18n.labels import enum_name


class StepPage(QWidget):
    NUMBER = 0
    status_message = Signal(str)

    def __init__(self, session, process_id: int | None, parent=None):
        super().__init__(parent)
        self.session = session
        self.process_id = process_id
        self.parts: list = []                 # children with on_changes / retranslate / reload
        self._tab_titles: list = []           # (tab widget, index, text function, short text function)
        self._presented = False
        self._splits: list = []               # (splitter, shares) to apply when first shown
        self._captions: list = []             # (label, text function)
        self.title_label = QLabel()
        self.title_label.setObjectName("stepTitle")
        self.title_label.setWordWrap(True)      # a long title takes two lines on a 1024 screen
        self.process_label = QLabel()
        self.process_label.setObjectName("stepProcess")
        self.process_label.setWordWrap(True)
        self.purpose_label = QLabel()
        self.purpose_label.setObjectName("stepPurpose")
        self.purpose_label.setWordWrap(True)
        self.questions_label = QLabel()
        self.questions_label.setObjectName("stepQuestions")
        self.questions_label.setWordWrap(True)
        self.questions_label.setTextFormat(Qt.TextFormat.RichText)
        header = QFrame()
        header.setObjectName("stepHeader")
        header.setStyleSheet("#stepHeader { background: palette(alternate-base); border-radius: 6px; }"
                             "#stepTitle { font-size: 17pt; font-weight: 600; }"
                             "#stepProcess { color: #1f6fb2; font-weight: 600; }")
        self.status = QComboBox()
        self.status.setObjectName("stepStatus")
        self.status.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)   # never "Not sta…"
        self.status.activated.connect(self._status_chosen)
        title_row = QHBoxLayout()
        title_row.addWidget(self.title_label, 1)
        title_row.addWidget(self.status)
        left = QVBoxLayout()
        left.addLayout(title_row)
        left.addWidget(self.process_label)
        left.addWidget(self.purpose_label)
        left.addStretch(1)
        row = QHBoxLayout(header)
        row.setContentsMargins(12, 8, 12, 8)
        left_box = QWidget()            # a box, so the column keeps its half when the title row hides
        left_box.setLayout(left)
        left.setContentsMargins(0, 0, 0, 0)
        left_box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.questions_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        row.addWidget(left_box, 5)
        row.addWidget(self.questions_label, 5)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(8)
        layout.addWidget(header)
        self.body = QVBoxLayout()
        layout.addLayout(self.body, 1)
        self.build()
        self.retranslate_header()

    # ------------------------------------------------------------------ for the pages
    def build(self) -> None:
        """Add the step's worksheet, editors and charts to ``self.body``."""

    def part(self, widget):
        """Track a child that re-reads on changes (and returns it)."""
        self.parts.append(widget)
        return widget

    def tabs(self, items: list) -> QTabWidget:
        """[(text function, widget[, short text function])] as tabs whose titles follow the
        language; the short title is what a presented page shows in its larger type."""
        tabs = QTabWidget()
        tabs.setDocumentMode(True)
        for text, widget, *short in items:
            index = tabs.addTab(widget, text())
            self._tab_titles.append((tabs, index, text, short[0] if short else None))
        self._title_tabs()
        return tabs

    def _title_tabs(self) -> None:
        for tabs, index, text, short in self._tab_titles:
            tabs.setTabText(index, short() if self._presented and short else text())
            tabs.setTabToolTip(index, text())

    def set_presented(self, on: bool) -> None:
        """Presented, the tabs beside a sheet fit their bar: short titles, and where even those do
        not fit, titles ending in "…" (whole in the tooltip) rather than scroll arrows."""
        self._presented = on
        # the banner names the step: its title and the status chooser (an editing control) give
        # their height to the worksheet; the process, purpose and guiding questions stay
        self.title_label.setVisible(not on)
        self.status.setVisible(not on)
        for tabs in {t for t, *_ in self._tab_titles}:
            bar = tabs.tabBar()
            bar.setUsesScrollButtons(not on)
            bar.setElideMode(Qt.TextElideMode.ElideRight if on else Qt.TextElideMode.ElideNone)
        self._title_tabs()

    def titled(self, text, widget) -> QWidget:
        """``widget`` under a bold caption that follows the language."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 4, 0, 0)
        caption = QLabel(text())
        caption.setStyleSheet("font-weight: 600; font-size: 12pt;")
        column.addWidget(caption)
        column.addWidget(widget, 1)
        self._captions.append((caption, text))
        return box

    def split(self, *widgets, orientation=Qt.Orientation.Horizontal, sizes=None) -> QSplitter:
        splitter = QSplitter(orientation)
        splitter.setChildrenCollapsible(False)
        for widget in widgets:
            splitter.addWidget(widget)
        for index, share in enumerate(sizes or [1] * len(widgets)):
            splitter.setStretchFactor(index, share)       # kept while the page is not yet laid out
        if sizes:
            self._splits.append((splitter, sizes))
        return splitter

    def showEvent(self, event) -> None:
        super().showEvent(event)
        for splitter, sizes in self._splits:       # shares of the space the page really got
            total = sum(splitter.sizes()) or sum(sizes)
            splitter.setSizes([total * share // sum(sizes) for share in sizes])
        self._splits = []

    @property
    def store(self):
        return self.session.store

    def alive(self) -> bool:
        return not self.session.store.closed

    def process_scope(self) -> dict:
        return {"process_id": self.process_id}

    # ------------------------------------------------------------------ wizard calls
    def set_process(self, process_id: int | None) -> None:
        if process_id == self.process_id:
            return
        self.process_id = process_id
        self.process_changed()
        self.retranslate_header()

    def process_changed(self) -> None:
        """The process the step works on changed: re-scope the worksheet."""
        for part in self.parts:
            model = getattr(part, "model", None)
            if model is not None and hasattr(model, "set_scope") and "process_id" in model.scope:
                model.set_scope(self.process_scope())
            elif hasattr(part, "invalidate"):
                part.invalidate()

    def on_changes(self, changes: Changes) -> None:
        for part in self.parts:
            target = getattr(part, "model", part)
            if hasattr(target, "on_changes"):
                target.on_changes(changes)
        if changes.touches("process") or changes.touches("step_progress"):
            self.retranslate_header()

    def reload(self) -> None:
        for part in self.parts:
            target = getattr(part, "model", part)
            if hasattr(target, "reload"):
                target.reload()
        self.retranslate_header()

    def retranslate_header(self) -> None:
        step = method_step(self.NUMBER)
        self.title_label.setText(tr("Step {number} · {title}", number=self.NUMBER, title=step.title))
        process = self.store.get("process", self.process_id) if self.process_id else None
        self.process_label.setText(tr("Process: {name}", name=process.name) if process
                                   else no_process_text(self.store))
        self.process_label.setVisible(self.NUMBER != 1)
        self.purpose_label.setText(step.purpose)
        self.status.blockSignals(True)
        self.status.clear()
        for value in StepStatus:
            self.status.addItem(enum_name(value), value.value)
        progress = self.progress()
        current = str(progress.status) if progress else StepStatus.NOT_STARTED.value
        self.status.setCurrentIndex(max(0, self.status.findData(current)))
        self.status.setToolTip(tr("Where the room is with this step"))
        self.status.blockSignals(False)
        items = "".join(f"<li>{q}</li>" for q in step.guiding_questions)
        self.questions_label.setText(f"<b>{tr('Guiding questions')}</b><ul style='margin-left:-20px'>{items}</ul>")

    def progress(self):
        if self.session.store.closed:
            return None
        rows = self.store.select("step_progress", step_no=self.NUMBER)
        return rows[0] if rows else None

    def _status_chosen(self, _index: int) -> None:
        value = self.status.currentData()
        progress = self.progress()
        text = tr("Set the step's status")
        if progress is None:
            command = CreateEntity("step_progress", {"step_no": self.NUMBER, "status": value,
                                                     "process_id": self.process_id}, text=text)
        elif str(progress.status) != value:
            command = UpdateEntity("step_progress", progress.id, {"status": value}, text=text)
        else:
            return
        if self.session.push(command) is None:
            self.retranslate_header()

    def retranslate(self) -> None:
        self.retranslate_header()
        self._title_tabs()
        for label, text in self._captions:
            label.setText(text())
        for part in self.parts:
            if hasattr(part, "retranslate"):
                part.retranslate()
        self.retranslate_page()

    def retranslate_page(self) -> None:
        """Texts the page itself owns."""


def no_process_text(store) -> str:
    """What a step says without a process: a new workshop has none to pick yet."""
    if store.select("process"):
        return tr("No process chosen — pick one in the step navigator")
    return tr("No process yet — add one in step 1 (Insert ▸ New process)")
