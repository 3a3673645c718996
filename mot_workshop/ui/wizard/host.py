"""Everything the wizard and the facilitation tools add to the main window: the step
navigator dock (with the timer), the parking-lot dock, the wizard tab and presentation mode.

The docks' contents are built after the window's first paint (or when first asked for), so
their modules are imported here only then."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from mot_workshop.domain.method import step as method_step
from mot_workshop.i18n import tr
from mot_workshop.ui.wizard.editor import KEY


def _scrolled(widget, below=None) -> QScrollArea:
    """A dock's content in a scroll area, so it never forces the window wider than the user
    made it (``below``: a part under it, the timer)."""
    if below is not None:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(widget, 1)
        column.addWidget(below)
        widget = box
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(widget)
    return area


class _LeaveOnClose(QObject):
    """Quitting while presenting: leave presentation mode first, so the window's saved
    layout is the working one (docks shown), not the projector's."""

    def __init__(self, host):
        super().__init__(host.window)
        self.host = host

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Close and self.host.presenting:
            self.host.leave_presentation()
        return False


class WizardHost:
    def __init__(self, window):
        self.window = window
        self._close_filter = _LeaveOnClose(self)
        window.installEventFilter(self._close_filter)
        self._step = 1
        self._navigator = self._timer = self._parking = self._presentation = None
        self.navigator_dock = window._dock("navigatorDock", self._build_navigator, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.parking_dock = window._dock("parkingDock", self._build_parking, Qt.DockWidgetArea.RightDockWidgetArea)
        self.escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), window)
        self.escape.setEnabled(False)
        self.escape.activated.connect(self.leave_presentation)
        # Keys that work with the docks hidden (presentation mode): step back and forth, run the timer.
        self.keys = {}
        for name, key, slot in (("next", "Alt+PgDown", lambda: self.step_by(1)),
                                ("previous", "Alt+PgUp", lambda: self.step_by(-1)),
                                ("timer", "Ctrl+Alt+T", lambda: self.timer.toggle()),
                                ("page_down", "PgDown", lambda: self.page_by(1)),
                                ("page_up", "PgUp", lambda: self.page_by(-1))):
            shortcut = QShortcut(QKeySequence(key), window)
            shortcut.activated.connect(slot)
            self.keys[name] = shortcut
        for name in ("page_down", "page_up"):       # a map's pages, only while presenting it
            self.keys[name].setEnabled(False)
        self.pager = None
        window.tabs.currentChanged.connect(self._tab_shown)

    def docks(self) -> list:
        return [self.navigator_dock, self.parking_dock]

    # ------------------------------------------------------------------ the parts, built when needed
    def _build_navigator(self) -> QWidget:
        from mot_workshop.ui.facilitation.timer_widget import TimerWidget
        from mot_workshop.ui.wizard.navigator import Navigator

        self._navigator = Navigator()
        self._timer = TimerWidget(book=self._book)
        self._navigator.step_requested.connect(self.open_step)
        self._navigator.process_requested.connect(self._process_chosen)
        self._timer.ticked.connect(self._clock_ticked)
        if self.window.session is not None:
            self._navigator.set_session(self.window.session)
            self._step = self._navigator.current
            self._update_banner()
        return _scrolled(self._navigator, below=self._timer)

    def _build_parking(self) -> QWidget:
        from mot_workshop.ui.facilitation.parking_lot import ParkingLot

        self._parking = ParkingLot(current_step=lambda: self.current_step)
        if self.window.session is not None:
            self._parking.set_session(self.window.session)
        return _scrolled(self._parking)

    @property
    def navigator(self):
        self.navigator_dock.content()
        return self._navigator

    @property
    def timer(self):
        self.navigator_dock.content()
        return self._timer

    @property
    def parking(self):
        self.parking_dock.content()
        return self._parking

    @property
    def presentation(self):
        if self._presentation is None:
            from mot_workshop.ui.facilitation.presentation import Presentation

            self._presentation = Presentation(self.window)
            self._update_banner()
        return self._presentation

    @property
    def presenting(self) -> bool:
        return self._presentation is not None and self._presentation.active

    @property
    def current_step(self) -> int:
        """The step the workshop is on (where the navigator opens: the first one not done)."""
        self.navigator_dock.content()
        return self._step

    @current_step.setter
    def current_step(self, number: int) -> None:
        self._step = number

    def _clock_ticked(self, text: str) -> None:
        if self._presentation is not None:
            self._presentation.set_clock(text)

    # ------------------------------------------------------------------ the workshop
    def opened(self, session) -> None:
        if self._navigator is None:      # not built yet: it reads the session when it is
            if self._parking is not None:
                self._parking.set_session(session)
            return
        self._timer.book_now()
        self._navigator.set_session(session)
        if self._parking is not None:
            self._parking.set_session(session)
        self._step = self._navigator.current
        self._update_banner()

    def on_changes(self, changes) -> None:
        if self._navigator is not None and self._navigator.session is not None:
            self._navigator.on_changes(changes)
        if self._parking is not None and self._parking.session is not None:
            self._parking.on_changes(changes)

    def reset(self) -> None:
        if self._navigator is not None:
            self._navigator.refresh()
        if self._parking is not None:
            self._parking.reload()

    def retranslate(self) -> None:
        self.navigator_dock.setWindowTitle(tr("Redesign steps"))
        self.parking_dock.setWindowTitle(tr("Parking lot"))
        if self._navigator is not None:
            self._navigator.refresh()
            self._timer.retranslate()
        if self._parking is not None:
            self._parking.retranslate()
        self._update_banner()

    # ------------------------------------------------------------------ the wizard tab
    def wizard(self, *, create: bool = True):
        tabs = self.window.tabs
        for index in range(tabs.count()):
            if getattr(tabs.widget(index), "key", None) == KEY:
                return tabs.widget(index)
        if not create or self.window.session is None:
            return None
        from mot_workshop.ui.wizard.editor import WizardEditor

        editor = WizardEditor(self.window.session, self.navigator.process_id, self.current_step)
        editor.status_message.connect(lambda text: self.window.statusBar().showMessage(text, 4000))
        editor.step_changed.connect(self._step_shown)
        tabs.addTab(editor, editor.title())
        return editor

    def open_step(self, number: int) -> None:
        if self.window.session is None:
            return
        if number != self.current_step:
            self.timer.book_now()          # the time so far belongs to the step we leave
        self.current_step = number
        editor = self.wizard()
        self._make_room()
        editor.show_step(number)
        if self.navigator.current != number:
            self.navigator.set_current(number)
        self.window.tabs.setCurrentWidget(editor)
        if self.presenting:                # the new step's tables, charts and map presented too
            self.presentation.show_content()
            self._page_map()
        self._update_banner()

    def step_by(self, delta: int) -> None:
        if self.window.session is not None:
            self.open_step(min(8, max(1, self.current_step + delta)))

    def _make_room(self) -> None:
        """The first time the wizard opens, the navigator takes the palette's place (the palette
        serves the cycle editor; it stays one tab away)."""
        w = self.window
        if getattr(self, "_roomy", False) or w.tabifiedDockWidgets(self.navigator_dock):
            return
        self._roomy = True
        if w.dockWidgetArea(w.palette_dock) == w.dockWidgetArea(self.navigator_dock) \
                and not w.palette_dock.isHidden():
            w.tabifyDockWidget(w.palette_dock, self.navigator_dock)
            self.navigator_dock.raise_()
            w.resizeDocks([w.tree_dock, self.navigator_dock], [260, 640], Qt.Orientation.Vertical)

    def _step_shown(self, number: int) -> None:
        if number != self.navigator.current:
            self.navigator.set_current(number)

    def _process_chosen(self, process_id) -> None:
        editor = self.wizard(create=False)
        if editor is not None:
            editor.set_process(process_id)

    def _book(self, seconds: float) -> None:
        from mot_workshop.ui.facilitation.time_record import book_time

        book_time(self.window.session, self.current_step, seconds, self.navigator.process_id)

    # ------------------------------------------------------------------ presentation mode
    def toggle_presentation(self, *, full_screen: bool = True) -> None:
        """Present what the current tab shows (the wizard only when nothing else is open)."""
        if self.presenting:
            self.leave_presentation()
            return
        if self.window.session is not None and self.window.current_editor() is None:
            self.open_step(self.current_step)
        self.timer.tick()                  # the banner shows the clock at once
        self.presentation.enter(full_screen=full_screen)
        self.escape.setEnabled(True)
        self._page_map()
        self._update_banner()

    def leave_presentation(self) -> None:
        self._set_pager(None)
        self.presentation.leave()
        self.escape.setEnabled(False)
        self.window.actions.full_screen.setChecked(self.window.isFullScreen())

    def _tab_shown(self, _index: int) -> None:
        self.present_again()

    def present_again(self) -> None:
        """What is shown changed while presenting (another tab, ring ↔ journey): present it."""
        if self.presenting:
            self.presentation.show_content()
            self._page_map()
            self._update_banner()

    def _page_map(self) -> None:
        """A map (or journey line) too large to read whole is shown page by page (PgDn / PgUp)."""
        editor = self.window.current_editor()
        key = getattr(editor, "key", ("",))
        target = editor if key[0] == "process_map" else self._step_map(editor) if key == KEY else None
        pager = None
        if target is not None:
            from mot_workshop.ui.facilitation.map_pages import MapPager

            pager = MapPager(target)
        elif key[0] == "cycle" and editor.mode == "journey":
            from mot_workshop.ui.facilitation.journey_pages import JourneyPager

            pager = JourneyPager(editor)
        elif key[0] == "cycle":
            from mot_workshop.ui.facilitation.journey_pages import RingPresenter

            pager = RingPresenter(editor)
        elif key == KEY:
            pager = self._chart_pager(editor)
        if pager is not None:
            pager.changed = self._update_banner
            pager.show(0)
        self._set_pager(pager)

    def _chart_pager(self, wizard):
        """Small multiples on the presented step, a page of panels at a time (steps 4 and 7)."""
        from mot_workshop.ui.charts.chart_view import ChartView

        page = wizard.pages.get(self.current_step)
        charts = [c for c in page.findChildren(ChartView) if c.panels is not None] if page is not None else []
        if not charts:
            return None
        from mot_workshop.ui.facilitation.chart_pages import ChartPager

        return ChartPager(charts)

    def _step_map(self, wizard):
        """The map editor the presented step shows (steps 3, 5 and 8), if one is in view."""
        from mot_workshop.ui.swimlane.editor import MapEditor

        page = wizard.pages.get(self.current_step)
        shown = [m for m in page.findChildren(MapEditor) if m.isVisibleTo(page)] if page is not None else []
        return shown[0] if shown else None

    def _set_pager(self, pager) -> None:
        if self.pager is not None and self.pager is not pager:
            self.pager.stop()
        self.pager = pager
        for name in ("page_down", "page_up"):
            self.keys[name].setEnabled(pager is not None)

    def page_by(self, delta: int) -> None:
        if self.pager is not None and self.pager.step(delta):
            self._update_banner()

    def shown_title(self) -> str:
        """What the room sees: the map's or cycle's title, the wizard's step, the workshop."""
        editor = self.window.current_editor()
        key = getattr(editor, "key", ("",))
        if key == KEY or editor is None:
            step = method_step(self._step)
            text = tr("Step {number} · {title}", number=step.number, title=step.title)
            if self.pager is not None and len(self.pager) > 1 and self.pager.view.isVisibleTo(self.window):
                phase = self.pager.phase_name()
                text = tr("{title} · {phase} (page {page} of {pages})", title=text, phase=phase,
                          page=self.pager.index + 1, pages=len(self.pager)) if phase else \
                    tr("{title} (page {page} of {pages})", title=text, page=self.pager.index + 1, pages=len(self.pager))
            return text
        if key[0] in ("cycle", "process_map", "map_compare") and hasattr(editor, "title"):
            text = editor.title()
            if self.pager is not None and len(self.pager) > 1:
                phase = self.pager.phase_name()
                text = tr("{title} · {phase} (page {page} of {pages})", title=text, phase=phase,
                          page=self.pager.index + 1, pages=len(self.pager)) if phase else \
                    tr("{title} (page {page} of {pages})", title=text, page=self.pager.index + 1, pages=len(self.pager))
            return text
        session = self.window.session
        return session.store.workshop().title if session is not None else ""

    def _update_banner(self) -> None:
        if self._presentation is None:       # built when presenting first; it asks then
            return
        self.presentation.set_step_text(self.shown_title())
        self.presentation.retranslate()
        self.presentation.banner.setToolTip(tr("Esc leaves · Alt+PgDown / Alt+PgUp: next / previous step · "
                                               "Ctrl+Alt+T: start or pause the timer"))
