"""The workshop's first tab: what the workshop is, its MOT cycles at a glance (with each
cycle's mean and weakest link) and its processes. Click a cycle to open it."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mot_workshop.ui.cycle.summary import score_cycle
from mot_workshop.editing.changes import Changes
from mot_workshop.i18n import tr
from mot_workshop.i18n.labels import enum_name
from mot_workshop.layout.cycle_ring import Point, layout_ring
from mot_workshop.ui.cycle import style


class _Text(QLabel):
    """A label that works out its height for a width once per width. Wrapped text is asked for
    it again and again while the page's nested layouts settle (hundreds of times before the
    first paint), and Qt lays the whole text out anew for each answer. Whatever changes how the
    text is laid out forgets the heights."""

    def __init__(self, text: str = ""):
        super().__init__(text)
        self._heights: dict[int, int] = {}

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = super().heightForWidth(width)
        return height

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name (font, style, direction)
        self._heights.clear()
        super().changeEvent(event)

    def setText(self, text: str) -> None:  # noqa: N802
        self._heights.clear()
        super().setText(text)

    def setWordWrap(self, on: bool) -> None:  # noqa: N802
        self._heights.clear()
        super().setWordWrap(on)

    def setContentsMargins(self, *margins) -> None:  # noqa: N802
        self._heights.clear()
        super().setContentsMargins(*margins)


class MiniRing(QWidget):
    def __init__(self, touchpoints, weakest_id, parent=None):
        super().__init__(parent)
        self.touchpoints = touchpoints
        self.weakest_id = weakest_id
        self.setFixedSize(QSize(112, 112))

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        lay = layout_ring([None] * len(self.touchpoints), center=Point(56, 56), radius=42)
        p.setPen(QPen(style.RING, 2))
        p.drawEllipse(QPointF(56, 56), 42, 42)
        r = max(3.0, min(8.0, 120 / max(1, len(self.touchpoints))))
        for tp, node in zip(self.touchpoints, lay.nodes):
            p.setPen(QPen(style.WEAKEST if tp.id == self.weakest_id else style.INK,
                          2.5 if tp.id == self.weakest_id else 1))
            p.setBrush(style.level_fill(tp.level))
            p.drawEllipse(QPointF(node.center.x, node.center.y), r, r)
        p.end()


class CycleCard(QFrame):
    clicked = Signal(int)

    def __init__(self, cycle, touchpoints, sub_count: int, parent=None):
        super().__init__(parent)
        self.cycle_id = cycle.id
        self.hovered = False
        self.setObjectName("cycleCard")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        score = score_cycle(touchpoints)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 10, 12, 10)
        row.addWidget(MiniRing(touchpoints, score.weakest.id if score.weakest else None))
        text = QVBoxLayout()
        name = _label(cycle.name, px=16, bold=True)
        name.setWordWrap(True)
        text.addWidget(name)
        facts = [tr("{count} touchpoints", count=score.total)]
        if sub_count:
            facts.append(tr("{count} sub-cycles", count=sub_count))
        text.addWidget(_muted(" · ".join(facts)))
        if score.mean is not None:
            text.addWidget(QLabel(tr("Mean level {mean} / 5", mean=f"{score.mean:.1f}")))
            weak = _label(tr("Weakest link {level} / 5", level=score.weakest.level) + "\n"
                          + f"{score.weakest_index + 1}. {score.weakest.name}", bold=True, colour="#c62828")
            weak.setWordWrap(True)
            text.addWidget(weak)
        else:
            text.addWidget(_muted(tr("Not rated yet")))
        text.addStretch(1)
        row.addLayout(text, 1)

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.cycle_id)

    def enterEvent(self, event) -> None:
        self.hovered = True
        self.update()

    def leaveEvent(self, event) -> None:
        self.hovered = False
        self.update()

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(QColor("#1e6ee8" if self.hovered else "#d9dee3"), 1))
        p.setBrush(QColor("#ffffff"))
        p.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)
        p.end()


class Overview(QScrollArea):
    open_cycle = Signal(int)
    new_cycle = Signal()
    new_process = Signal()

    key = ("overview", 0)

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setObjectName("overview")
        # Its own viewport, made here: the one Qt makes, first met in Python, has PySide make
        # the Python type of every widget class at once (a twentieth of the start).
        viewport = QWidget()
        self.setViewport(viewport)
        _fill(viewport, BACKGROUND)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._columns = 0
        self._grid: QGridLayout | None = None
        self._cards: list[CycleCard] = []
        self._dirty = True          # built when first shown, at its real width

    def _fitting_columns(self) -> int:
        return max(1, min(4, (self.viewport().width() - 64) // 330))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if not self._dirty and self._fitting_columns() != self._columns:
            self._arrange()

    def _arrange(self) -> None:
        """Lay the cycle cards out in as many columns as fit."""
        grid = self._grid
        if grid is None:
            return
        self._columns = columns = self._fitting_columns()
        for card in self._cards:
            grid.removeWidget(card)
        for i, card in enumerate(self._cards):
            grid.addWidget(card, i // columns, i % columns)
        for c in range(4):
            grid.setColumnStretch(c, 1 if c < columns else 0)

    def title(self) -> str:
        return tr("Overview")

    def reload(self) -> None:
        self._dirty = False
        snap = self.session.store.snapshot()
        body = QWidget()
        body.setObjectName("overviewBody")
        _fill(body, BACKGROUND)
        col = QVBoxLayout(body)
        col.setContentsMargins(32, 24, 32, 24)
        col.setSpacing(10)
        workshop = snap.workshop
        title = _label(workshop.title, px=26, bold=True)
        title.setWordWrap(True)
        col.addWidget(title)
        facts = [v for v in (workshop.organisation, workshop.facilitator, workshop.held_on, workshop.place) if v]
        if facts:
            col.addWidget(_muted("   ·   ".join(facts)))
        col.addSpacing(10)
        col.addWidget(_heading(tr("MOT cycles")))
        cycles = _tree_order(snap.all("cycle"))
        self._grid, self._cards = None, []
        if cycles:
            self._grid = QGridLayout()
            self._grid.setSpacing(12)
            for cycle in cycles:
                card = CycleCard(cycle, snap.where("touchpoint", cycle_id=cycle.id),
                                 len(snap.where("cycle", parent_id=cycle.id)))
                card.clicked.connect(self.open_cycle)
                self._cards.append(card)
            self._arrange()
            col.addLayout(self._grid)
        else:
            col.addWidget(_muted(tr("No MOT cycles yet.")))
        processes = snap.all("process")
        if not cycles or not processes:            # the first things to add, one click each
            row = QHBoxLayout()
            if not cycles:
                button = QPushButton(tr("New MOT cycle"))
                button.setObjectName("overviewNewCycle")
                button.clicked.connect(self.new_cycle)
                row.addWidget(button)
            if not processes:
                button = QPushButton(tr("Add a process"))
                button.setObjectName("overviewNewProcess")
                button.setToolTip(tr("A process to map (As-Is, To-Be) and redesign in the eight steps"))
                button.clicked.connect(self.new_process)
                row.addWidget(button)
            row.addStretch(1)
            col.addLayout(row)
        if processes:
            col.addSpacing(12)
            col.addWidget(_heading(tr("Processes")))
            # One text for the whole list: a label of rich text is laid out as a document of its
            # own each time the page's width changes (before the first paint, a line per process
            # cost as much as the rest of the page's text).
            rows = []
            for process in processes:
                maps = ", ".join(enum_name(m.kind) for m in snap.where("process_map", process_id=process.id))
                rows.append(f"<p style='margin:0 0 {PROCESS_GAP}px 0'><b>{_esc(process.name)}</b>"
                            + (f" <span style='color:#616e7c'>{_esc(maps)}</span>" if maps else "")
                            + "</p>")
            listing = _Text("".join(rows))
            listing.setObjectName("overviewProcesses")
            listing.setWordWrap(True)
            col.addWidget(listing)
        col.addStretch(1)
        old = self.takeWidget()
        self.setWidget(body)
        if old is not None:
            old.deleteLater()

    def on_changes(self, changes: Changes) -> None:
        if changes.touches("workshop", "cycle", "touchpoint", "process", "process_map", "team"):
            if self.isVisible():
                self.reload()
            else:
                self._dirty = True          # re-read when it is shown again

    def showEvent(self, event) -> None:
        if self._dirty:
            self.reload()
        super().showEvent(event)

    def retranslate(self) -> None:
        self.reload()


def _tree_order(cycles: list) -> list:
    """Cycles as the workshop tree lists them: each followed by its sub-cycles."""
    children: dict = {}
    for cycle in cycles:
        children.setdefault(cycle.parent_id, []).append(cycle)
    ordered: list = []

    def walk(parent_id) -> None:
        for cycle in children.get(parent_id, []):
            ordered.append(cycle)
            walk(cycle.id)

    walk(None)
    return ordered + [c for c in cycles if c not in ordered]     # orphans, if a file has any


BACKGROUND = "#f5f7fa"
PROCESS_GAP = 10          # below each line of the process list: the page's own spacing between rows


def _fill(widget: QWidget, colour: str) -> None:
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(colour))
    widget.setPalette(palette)
    widget.setAutoFillBackground(True)


def _label(text: str, *, px: int | None = None, bold: bool = False, colour: str = "#1f2933") -> QLabel:
    """A label with its look set directly (no style sheet: this page is in the first paint)."""
    label = _Text(text)
    if px is not None or bold:
        font = QFont(label.font())
        if px is not None:
            font.setPixelSize(px)
        font.setBold(bold)
        label.setFont(font)
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
    label.setPalette(palette)
    return label


def _heading(text: str) -> QLabel:
    label = _label(text, px=14, bold=True, colour="#3e4c59")
    label.setContentsMargins(0, 6, 0, 4)
    return label


def _muted(text: str) -> QLabel:
    label = _label(text, colour="#616e7c")
    label.setWordWrap(True)
    return label


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
