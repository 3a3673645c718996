"""A zoomable view of a diagram scene: Ctrl+wheel, zoom in / out / fit, rubber-band
selection. It fits the diagram to the window until the user zooms by hand."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QFrame, QGraphicsView

ZOOM_MIN, ZOOM_MAX, ZOOM_STEP = 0.15, 5.0, 1.2


class DiagramView(QGraphicsView):
    zoom_changed = Signal(float)
    context_menu = Signal(object)       # global position; the editor shows its menu

    def __init__(self, scene, parent=None, *, fit_height: bool = False):
        super().__init__(scene, parent)
        self.auto_fit = True
        self.fit_height = fit_height    # long diagrams (the journey): fit the height, scroll sideways
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
            self.auto_fit = False
        self.resetTransform()
        self.scale(factor, factor)
        self.zoom_changed.emit(factor)

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom / ZOOM_STEP)

    def zoom_reset(self) -> None:
        self.set_zoom(1.0)

    def fit(self) -> None:
        """Show the whole diagram, and keep doing so when the window is resized."""
        self.auto_fit = True
        rect = self.sceneRect()
        if rect.isEmpty() or self.viewport().width() < 10:
            return
        view = self.viewport().rect()
        factor = min(view.width() / rect.width(), view.height() / rect.height()) * 0.98
        if self.fit_height:
            factor = max(factor, min(1.0, view.height() / rect.height() * 0.98))
        self.set_zoom(min(factor, 1.6), manual=False)
        if self.fit_height:
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().minimum())
            self.centerOn(self.mapToScene(self.viewport().rect().center()).x(), rect.center().y())
        else:
            self.centerOn(rect.center())

    def _scene_resized(self, _rect) -> None:
        if self.auto_fit:
            self.fit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.auto_fit:
            self.fit()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.auto_fit:
            self.fit()

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
