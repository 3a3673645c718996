"""The wizard tab: one page per step (built when first shown), any step reachable."""

from __future__ import annotations

from importlib import import_module

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from mot_workshop.i18n import tr

KEY = ("wizard", 0)


class WizardEditor(QWidget):
    selection_changed = Signal()
    title_changed = Signal()
    close_requested = Signal()
    status_message = Signal(str)
    step_changed = Signal(int)

    def __init__(self, session, process_id: int | None, step: int = 1, parent=None):
        super().__init__(parent)
        self.setObjectName("wizardEditor")
        self.session = session
        self.process_id = process_id
        self.pages: dict[int, QWidget] = {}
        self.stack = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.current = 0
        self.show_step(step)

    @property
    def key(self):
        return KEY

    def title(self) -> str:
        return tr("Redesign steps")

    def page(self, number: int):
        if number not in self.pages:
            module = import_module(f"mot_workshop.ui.wizard.step{number}")
            page = getattr(module, f"Step{number}Page")(self.session, self.process_id)
            page.status_message.connect(self.status_message)
            self.pages[number] = page
            self.stack.addWidget(page)
        return self.pages[number]

    def show_step(self, number: int) -> None:
        number = min(8, max(1, number))
        page = self.page(number)
        page.set_process(self.process_id)
        self.stack.setCurrentWidget(page)
        for other in self.pages.values():    # only the page shown sets how narrow the window may be
            shown = QSizePolicy.Policy.Preferred if other is page else QSizePolicy.Policy.Ignored
            other.setSizePolicy(shown, shown)
        self.stack.updateGeometry()
        if number != self.current:
            self.current = number
            self.step_changed.emit(number)

    def set_process(self, process_id: int | None) -> None:
        self.process_id = process_id
        self.pages[self.current].set_process(process_id)     # the others follow when shown

    # ------------------------------------------------------------------ editor tab protocol
    def reload(self) -> None:
        for page in self.pages.values():
            page.reload()

    def on_changes(self, changes) -> None:
        for page in self.pages.values():
            page.on_changes(changes)

    def retranslate(self) -> None:
        for page in self.pages.values():
            page.retranslate()

    def selection(self):
        return None, []
