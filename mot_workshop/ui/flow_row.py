"""A row of buttons that wraps onto a second line when the window is narrow (a 1024-wide
projector beside the side panels) instead of forcing the window wider. ``addStretch``
marks where the row splits: what follows sits at the right edge when it fits beside."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QSizePolicy, QSpacerItem


class FlowRow(QLayout):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._items = []
        self._stretch_at: int | None = None
        self.setSpacing(6)

    # the QHBoxLayout calls the editors make
    def addSpacing(self, size: int) -> None:
        self.addItem(QSpacerItem(size, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum))

    def addWidget(self, widget, _stretch: int = 0) -> None:
        super().addWidget(widget)

    def addStretch(self, _factor: int = 0) -> None:
        self._stretch_at = len(self._items)

    # QLayout
    def addItem(self, item) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self):
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, apply=True)

    def sizeHint(self) -> QSize:
        m = self.contentsMargins()
        shown = [i for i in self._items if not i.isEmpty()]
        width = sum(i.sizeHint().width() for i in shown) + self.spacing() * max(0, len(shown) - 1)
        height = max((i.sizeHint().height() for i in shown), default=0)
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:
        m = self.contentsMargins()
        width = max((i.minimumSize().width() for i in self._items if not i.isEmpty()), default=0)
        height = max((i.sizeHint().height() for i in self._items if not i.isEmpty()), default=0)
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def _place(self, rect: QRect, apply: bool) -> int:
        m = self.contentsMargins()
        left, right = rect.x() + m.left(), rect.right() - m.right()
        rows: list[list[tuple[int, object]]] = [[]]
        x = left
        for index, item in enumerate(self._items):
            if item.isEmpty():
                continue
            w = item.sizeHint().width()
            if rows[-1] and x + w > right + 1:
                rows.append([])
                x = left
            rows[-1].append((index, item))
            x += w + self.spacing()
        y = rect.y() + m.top()
        for row in rows:
            widths = [min(item.sizeHint().width(), right - left + 1) for _, item in row]
            heights = [item.heightForWidth(w) if item.hasHeightForWidth() else item.sizeHint().height()
                       for (_, item), w in zip(row, widths)]
            height = max(heights, default=0)
            if apply:
                xs, at = [], left
                for w in widths:
                    xs.append(at)
                    at += w + self.spacing()
                split = next((k for k, (index, _) in enumerate(row)
                              if self._stretch_at is not None and index >= self._stretch_at), None)
                if split is not None and split > 0 or (split == 0 and row is not rows[0]):
                    shift = right + 1 - (at - self.spacing())     # what follows the stretch goes right
                    xs = xs[:split] + [v + max(0, shift) for v in xs[split:]]
                for (_, item), px, w, h in zip(row, xs, widths, heights):
                    item.setGeometry(QRect(QPoint(px, y + (height - h) // 2), QSize(w, h)))
            y += height + self.spacing()
        return y - self.spacing() - rect.y() + m.bottom()
