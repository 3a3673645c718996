"""A zoomable view of a diagram scene: Ctrl+wheel, zoom in / out / fit, rubber-band
selection. It fits the whole diagram (every item, labels and headers included) to the window
until the user zooms by hand; the user's zoom and scroll position can be remembered
(``memory``, see ui/view_memory.py) and come back when the diagram is opened again."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QFrame, QGraphicsView

ZOOM_MIN, ZOOM_MAX, ZOOM_STEP = 0.15, 5.0, 1.2


class DiagramView(QGraphicsView):
    zoom_changed = Signal(float)
    context_menu = Signal(object)       # global position; the editor shows its menu

    def __init__(self, scene, parent=None):
        super().__init__(scene, parent)
        self.auto_fit = True
        self.memory = None              # a ViewMemory slot: remembers zoom and scroll across runs
        self._pointer = None            # the mouse over the viewport (paste puts copies there)
        self.viewport().setMouseTracking(True)
        self._recalled = False
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
                            | QPainter.RenderHint.SmoothPixmapTransform)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        scene.sceneRectChanged.connect(self._scene_resized)

    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float, *, manual: bool = True) -> None:
        factor = max(ZOOM_MIN, min(ZOOM_MAX, factor))
        if manual:
            if self.auto_fit:           # leaving the fitted view: scroll over the whole scene
                self.setSceneRect(self.scene().sceneRect().united(self.content_rect()))
            self.auto_fit = False
        self.resetTransform()
        self.scale(factor, factor)
        self.zoom_changed.emit(factor)
        if manual:
            self._remember()

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom / ZOOM_STEP)

    def zoom_reset(self) -> None:
        self.set_zoom(1.0)

    def content_rect(self) -> QRectF:
        """What Fit must show: every visible item as painted (lane headers, the Output and
        problem rows, labels outside the ring), not only the scene's logical rect."""
        if getattr(self.scene(), "paints_inside_scene_rect", False):
            return self.scene().sceneRect()          # a 10,000-step map: no walk over 22,000 items
        rect = QRectF()
        for item in self.scene().items():       # children too: a node's name is its child item
            if item.isVisible():
                rect = rect.united(item.sceneBoundingRect())
        return rect if not rect.isEmpty() else self.sceneRect()

    def fit(self) -> None:
        """Show the whole diagram, and keep doing so when the window is resized."""
        if not self.auto_fit and self.memory is not None:
            self.memory.forget()          # fitted again: the next opening fits too
        self.auto_fit = True
        rect = self.content_rect()
        if rect.isEmpty() or self.viewport().width() < 10:
            return
        view = self.viewport().rect()
        factor = min(view.width() / rect.width(), view.height() / rect.height()) * 0.97
        self.set_zoom(min(factor, 1.6), manual=False)
        # the scroll range: every item, and no more than the fitted view shows (the scene's own
        # margins would put scroll bars on a diagram that is wholly in view)
        shown = QRectF(0, 0, (view.width() - 2) / self.zoom, (view.height() - 2) / self.zoom)
        shown.moveCenter(rect.center())
        self.setSceneRect(shown.united(rect))
        self.centerOn(rect.center())

    def visible_scene_rect(self) -> QRectF:
        return self.mapToScene(self.viewport().rect()).boundingRect()

    def recall(self) -> bool:
        """Zoom and scroll as the user left them last time (False: nothing remembered)."""
        saved = self.memory.load() if self.memory is not None else None
        if saved is None:
            return False
        zoom, cx, cy = saved
        self.setSceneRect(self.scene().sceneRect().united(self.content_rect()))
        self.set_zoom(zoom)
        self.centerOn(cx, cy)
        return True

    def _remember(self, *_args) -> None:
        if self.memory is not None and not self.auto_fit and self._recalled:
            centre = self.visible_scene_rect().center()
            self.memory.save(self.zoom, centre.x(), centre.y())

    def _scene_resized(self, _rect) -> None:
        if self.auto_fit:
            self.fit()
        else:           # the diagram grew: keep it reachable by scrolling
            self.setSceneRect(self.scene().sceneRect().united(self.content_rect()))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.auto_fit:
            self.fit()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._recalled:
            self._recalled = True
            self.horizontalScrollBar().valueChanged.connect(self._remember)
            self.verticalScrollBar().valueChanged.connect(self._remember)
            if self.recall():
                return
        if self.auto_fit:
            self.fit()

    def pointer_scene_pos(self):
        """Where the mouse is over the diagram (scene coordinates), or None when it is elsewhere."""
        if self._pointer is None or not self.viewport().rect().contains(self._pointer):
            return None
        return self.mapToScene(self._pointer)

    def mouseMoveEvent(self, event) -> None:
        self._pointer = event.position().toPoint()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event) -> None:
        self._pointer = None
        super().leaveEvent(event)

    def wheelEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.set_zoom(self.zoom * (ZOOM_STEP if delta > 0 else 1 / ZOOM_STEP))
            event.accept()
            return
        super().wheelEvent(event)

    def contextMenuEvent(self, event) -> None:
        item = self.itemAt(event.pos())
        while item is not None and item.parentItem() is not None:
            item = item.parentItem()
        if item is not None and item.flags() & item.GraphicsItemFlag.ItemIsSelectable and not item.isSelected():
            self.scene().clearSelection()
            item.setSelected(True)
        self.context_menu.emit(event.globalPos())
        event.accept()
