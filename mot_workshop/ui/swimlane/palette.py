"""The map palette: the seed legend's shapes (start/end, activity, decision, computer
processing, in-process connector, other-process link) and an MOT step. Drag one into a
lane and phase; click one to add it after the selected step."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QDrag, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QScrollArea, QToolButton, QVBoxLayout, QWidget

from mot_workshop.domain.enums import Shape
from mot_workshop.i18n import tr
from mot_workshop.i18n.labels import enum_name
from mot_workshop.ui.swimlane import style
from mot_workshop.ui.swimlane.mime import shape_mime

ENTRIES = [(str(s), False) for s in (Shape.START_END, Shape.ACTIVITY, Shape.DECISION, Shape.COMPUTER,
                                     Shape.CONNECTOR, Shape.OTHER_PROCESS)] + [(str(Shape.ACTIVITY), True)]


def shape_icon(shape: str, is_mot: bool = False, size: int = 30) -> QIcon:
    ratio = 2
    pixmap = QPixmap(size * 2 * ratio, size * ratio)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    w, h = (size * 1.7, size * 0.72) if shape not in ("connector", "decision") else \
        ((size * 0.6, size * 0.6) if shape == "connector" else (size * 1.3, size * 0.9))
    rect = QRectF(size - w / 2, size / 2 - h / 2, w, h)
    style.draw_shape(painter, shape, rect, line=1.4)
    if is_mot:
        style.badge(painter, QPointF(rect.right() - 4, rect.top() + 3), 8, "M", style.COLOUR["navy"], 8)
    painter.end()
    return QIcon(pixmap)


class ShapeButton(QToolButton):
    def __init__(self, shape: str, is_mot: bool, parent=None):
        super().__init__(parent)
        self.shape, self.is_mot = shape, is_mot
        self.setIcon(shape_icon(shape, is_mot))
        self.setIconSize(QSize(60, 30))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        self.setAutoRaise(True)
        self.setObjectName(f"shape_{shape}{'_mot' if is_mot else ''}")
        self._down: QPointF | None = None

    def mime(self) -> QMimeData:
        return shape_mime(self.shape, self.is_mot)

    def mousePressEvent(self, event) -> None:
        self._down = event.position()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self._down is not None and (event.position() - self._down).manhattanLength() >= \
                QApplication.startDragDistance():
            self._down = None
            self.setDown(False)
            drag = QDrag(self)
            drag.setMimeData(self.mime())
            drag.setPixmap(self.icon().pixmap(QSize(60, 30)))
            drag.setHotSpot(drag.pixmap().rect().center() / drag.pixmap().devicePixelRatio())
            drag.exec(Qt.DropAction.CopyAction)
            return
        super().mouseMoveEvent(event)


class MapPalette(QScrollArea):
    """The shapes in a column that scrolls when the map is shorter than the column (a map
    inside a step's page): squeezed, the buttons cut their names in half."""

    add_requested = Signal(str, bool)        # shape, is_mot

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("mapPalette")
        inner = QWidget()
        inner.setObjectName("mapPaletteShapes")
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(4, 6, 4, 6)
        layout.setSpacing(2)
        self.title = QLabel()
        self.title.setObjectName("mapPaletteTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.title)
        inner.setMaximumWidth(124)
        self.buttons: list[ShapeButton] = []
        for shape, is_mot in ENTRIES:
            button = ShapeButton(shape, is_mot)
            button.clicked.connect(lambda _=False, s=shape, m=is_mot: self.add_requested.emit(s, m))
            layout.addWidget(button)
            self.buttons.append(button)
        layout.addStretch(1)
        self.setWidget(inner)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.viewport().setAutoFillBackground(False)
        inner.setAutoFillBackground(False)
        self.retranslate()

    def retranslate(self) -> None:
        self._retranslate()
        inner = self.widget()
        inner.adjustSize()
        # as wide as the shapes plus room for the scroll bar, so it never covers a name
        self.setFixedWidth(min(124, inner.sizeHint().width()) + self.verticalScrollBar().sizeHint().width())

    def _retranslate(self) -> None:
        self.title.setText(tr("Legend"))
        for button in self.buttons:
            name = tr("MOT step") if button.is_mot else enum_name(button.shape)
            button.setText(_two_lines(name, button.fontMetrics(), 100))
            button.setToolTip(tr("Drag into a lane, or click to add after the selected step: {shape}", shape=name))

    def button(self, shape: str, is_mot: bool = False) -> ShapeButton:
        return next(b for b in self.buttons if b.shape == shape and b.is_mot == is_mot)


def _two_lines(text: str, metrics, width: int) -> str:
    """A palette name in lines of about ``width`` pixels (tool buttons do not wrap), never cut:
    the longer English names take three lines."""
    if metrics.horizontalAdvance(text) <= width or " " not in text:
        return text
    lines: list[str] = []
    for word in text.split():
        if lines and metrics.horizontalAdvance(lines[-1] + " " + word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    if len(lines) == 2 or len(lines) > 3:          # two balanced lines read better than greedy ones
        words = text.split()
        best = min(range(1, len(words)), key=lambda i: max(metrics.horizontalAdvance(" ".join(words[:i])),
                                                             metrics.horizontalAdvance(" ".join(words[i:]))))
        if len(lines) == 2 or max(metrics.horizontalAdvance(" ".join(words[:best])),
                                  metrics.horizontalAdvance(" ".join(words[best:]))) <= width * 1.3:
            return " ".join(words[:best]) + "\n" + " ".join(words[best:])
        lines = lines[:2] + [" ".join(lines[2:])]
    return "\n".join(lines)
