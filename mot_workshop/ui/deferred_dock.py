"""A dock whose content is built the first time it is needed.

Opening the app paints the window first (menus, tree, the workshop's overview) and fills the
side panels on the next turn of the event loop: their modules and widgets cost as much as the
rest of the window together. Code that needs a panel before that simply asks for it
(``content()``) and gets it built at once, so nothing depends on the order.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDockWidget, QWidget


class DeferredDock(QDockWidget):
    def __init__(self, parent: QWidget, name: str, build: Callable[[], QWidget]):
        super().__init__(parent)
        self.setObjectName(name)
        self._build: Callable[[], QWidget] | None = build
        self._content: QWidget | None = None
        self.setWidget(QWidget())            # an empty panel of the right colour until built

    @property
    def is_built(self) -> bool:
        return self._content is not None

    def content(self) -> QWidget:
        """The panel's widget, built now if it was not yet."""
        if self._content is None:
            build, self._build = self._build, None
            if build is None:                # asked again while building: a wiring mistake
                raise RuntimeError(f"{self.objectName()} asked for its content while building it")
            content = build()
            placeholder = self.widget()
            self.setWidget(content)
            self._content = content
            if placeholder is not None:
                placeholder.deleteLater()
        return self._content
