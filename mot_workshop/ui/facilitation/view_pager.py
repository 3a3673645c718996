"""What every presented pager shares: one page of a view at a time at a readable zoom,
re-planned when the view is resized, PgDn / PgUp through the pages. A page plan (the zoom and
the scene rects) comes from the subclass; one page means the view is fitted whole."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF


class ViewPager(QObject):
    def __init__(self, editor, view):
        super().__init__(editor)
        self.editor = editor
        self.view = view
        self.index = 0
        self.changed = lambda: None      # the banner names the page

    def start(self) -> None:
        self.replan()
        self.view.viewport().installEventFilter(self)

    def plan_pages(self) -> tuple[float, list[QRectF]]:
        raise NotImplementedError

    def replan(self) -> None:
        self.zoom, self.pages = self.plan_pages()
        self.index = min(self.index, len(self.pages) - 1)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize and obj is self.view.viewport():
            self.replan()
            self.show()
            self.changed()
        return False

    def stop(self) -> None:
        self.view.viewport().removeEventFilter(self)

    def __len__(self) -> int:
        return len(self.pages)

    def show(self, index: int | None = None) -> None:
        if index is not None:
            self.index = max(0, min(len(self.pages) - 1, index))
        if len(self.pages) == 1:
            self.view.fit()
        else:
            self.view.set_zoom(self.zoom, manual=False)
            self.view.auto_fit = False
            self.view.centerOn(self.pages[self.index].center())
        self.shown(len(self.pages) > 1)

    def shown(self, paged: bool) -> None:
        """After a page is shown: what a subclass keeps beside it."""

    def step(self, delta: int) -> bool:
        if not 0 <= self.index + delta < len(self.pages):
            return False
        self.show(self.index + delta)
        return True

    def phase_name(self) -> str:
        return ""
