"""The main window: start screen or workshop (tree, tabbed editors, properties, palette,
undo history), one undo stack, one change bus; every view re-reads what changed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QTabWidget,
    QUndoView,
    QWidget,
)

from mot_workshop.editing.changes import Changes
from mot_workshop.i18n import current_language, set_language, tr
from mot_workshop.ui import fonts, messages, open_tabs, view_memory
from mot_workshop.ui.actions import build_actions, retranslate as retranslate_actions
from mot_workshop.ui.change_bus import ChangeBus
from mot_workshop.ui.deferred_dock import DeferredDock
from mot_workshop.ui.edit_ops import EditOps
from mot_workshop.ui.file_ops import FileController
from mot_workshop.ui.menus import build_menus, build_toolbar
from mot_workshop.ui.overview import Overview
from mot_workshop.ui.session import Session
from mot_workshop.ui.settings import Settings
from mot_workshop.ui.workshop_tree import WorkshopTree

if TYPE_CHECKING:
    from mot_workshop.ui.cycle.editor import CycleEditor
    from mot_workshop.ui.start_screen import StartScreen

DEFAULT_SIZE = (1440, 900)


def first_size(screen) -> tuple[int, int]:
    """The window's size before the user sizes it: the default, but never larger than the
    screen's free area (a 1024×768 projector laptop got a window whose status bar and
    lower panels were off screen). The offscreen platform's "screen" is no real display."""
    from PySide6.QtGui import QGuiApplication

    if screen is None or QGuiApplication.platformName() == "offscreen":
        return DEFAULT_SIZE
    free = screen.availableGeometry()
    return min(DEFAULT_SIZE[0], free.width()), min(DEFAULT_SIZE[1], free.height())


class MainWindow(QMainWindow):
    def __init__(self, settings: Settings | None = None, *, remember: bool = True):
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings or Settings()
        self.remember = remember            # False for screenshots and benchmarks
        self.session: Session | None = None
        self.bus = ChangeBus(self)
        self.stack = QUndoStack(self)
        from mot_workshop.editing.history import UNDO_LIMIT

        self.stack.setUndoLimit(UNDO_LIMIT)     # memory stays flat over a day-long session
        self.files = FileController(self)
        self.edit = EditOps(self)
        self.actions = build_actions(self)
        self.undo_action, self.redo_action = self.edit.undo_redo_actions(self.stack)
        self._workshop_state: QByteArray | None = None
        self._closing = False
        self._panels_scheduled = False

        self._start: StartScreen | None = None      # built when first needed
        self.tabs = QTabWidget()
        self.tabs.setObjectName("editorTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.central = QStackedWidget()
        self.central.addWidget(self.tabs)
        self.setCentralWidget(self.central)

        self.tree = WorkshopTree()
        self.history = QUndoView(self.stack)
        self.history.setObjectName("undoView")
        self.tree_dock = self._dock("treeDock", self.tree, Qt.DockWidgetArea.LeftDockWidgetArea)
        # built after the first paint, or when first asked for (see DeferredDock)
        self.palette_dock = self._dock("paletteDock", self._build_palette, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.properties_dock = self._dock("propertiesDock", self._build_properties,
                                          Qt.DockWidgetArea.RightDockWidgetArea)
        self.history_dock = self._dock("historyDock", self.history, Qt.DockWidgetArea.RightDockWidgetArea)
        from mot_workshop.ui.wizard.host import WizardHost

        self.wizard_host = WizardHost(self)      # step navigator, parking lot, presentation mode
        # Sized before the docks: their first widths follow the window's, so the first layout
        # is the one painted (not one at the docks' least widths, laid out again at once).
        self.resize(*first_size(self.screen()))
        self._default_dock_sizes()

        self.file_label = QLabel()
        self.saved_label = QLabel()
        self.statusBar().addPermanentWidget(self.saved_label)
        self.statusBar().addPermanentWidget(self.file_label)

        from mot_workshop.ui.file_watch import FileWatch

        self.file_watch = FileWatch(self)   # idle checkpoint; the file renamed or replaced outside
        self._connect()
        self.retranslate(panels=False)     # the panels were just built in the current language
        if remember:
            self.restore_layout()
        for dock in self.docks():
            dock.hide()
        self.toolbar.hide()

    @property
    def palette(self):
        return self.palette_dock.content()

    @property
    def properties(self):
        return self.properties_dock.content()

    def _build_palette(self):
        from mot_workshop.ui.cycle.palette import Palette

        palette = Palette()
        if self.session is not None:
            palette.set_content_language(self.session.content_language)
        palette.insert_requested.connect(self.edit.insert_from_palette)
        return palette

    def _build_properties(self):
        from mot_workshop.ui.properties.panel import PropertiesPanel

        return PropertiesPanel()

    def build_panels(self) -> None:
        """Build every panel not built yet (called just after the window's first paint)."""
        for dock in self.docks():
            if isinstance(dock, DeferredDock):
                dock.content()

    def _default_dock_sizes(self) -> None:
        """The docks' first layout, until the user's own is remembered. Every dock is sized
        here, empty panels too, so they keep their place when their contents arrive."""
        left = [self.tree_dock, self.palette_dock, self.wizard_host.navigator_dock]
        right = [self.properties_dock, self.history_dock, self.wizard_host.parking_dock]
        from mot_workshop.ui.dock_room import DockRoom

        self.dock_room = DockRoom(self)      # the canvas keeps ~63 % of the width, 1024 as 1440
        self.dock_room.apply()
        self.resizeDocks(left, [210, 230, 400], Qt.Orientation.Vertical)
        self.resizeDocks(right, [370, 210, 250], Qt.Orientation.Vertical)

    def complete_now(self) -> None:
        """Build every panel and run the checks that otherwise wait until after the first
        paint (the step navigator's completeness): a screenshot shows the finished window."""
        self.build_panels()
        if self.session is not None:
            self.wizard_host.navigator.refresh()
        for index in range(self.tabs.count()):      # a big map's connectors, drawn after its first paint
            finish = getattr(getattr(self.tabs.widget(index), "scene", None), "finish_connectors", None)
            if finish is not None:
                finish()

    @property
    def panels_built(self) -> bool:
        return all(dock.is_built for dock in self.docks() if isinstance(dock, DeferredDock))

    @property
    def start(self) -> StartScreen:
        """The start screen, built the first time it is needed (not when opening a file)."""
        if self._start is None:
            from mot_workshop.ui.start_screen import StartScreen

            start = self._start = StartScreen()
            start.new_requested.connect(self.files.new_workshop)
            start.open_requested.connect(self.files.open_dialog)
            start.sample_requested.connect(self.files.open_sample)
            start.recent_requested.connect(lambda path: self.files.open_path(path))
            start.recent_removed.connect(self._remove_recent)
            start.language_requested.connect(self.set_language)
            from mot_workshop.ui.team_server import opening

            opening.attach_start_panel(self, start.server_panel)
            self.central.insertWidget(0, start)
        return self._start

    def showEvent(self, event) -> None:
        if self.session is None and self.central.currentWidget() is not self._start:
            self.show_start()
        if not self._panels_scheduled:
            self._panels_scheduled = True
            from mot_workshop.ui.screenshot import after_first_paint

            after_first_paint(self, self._build_panels_if_open, settle_ms=0)
        super().showEvent(event)

    def _build_panels_if_open(self) -> None:
        if not self._closing:
            self.build_panels()

    # ------------------------------------------------------------------ building
    def _dock(self, name: str, widget, area) -> QDockWidget:
        """A dock holding ``widget``, or a deferred one when ``widget`` is its builder."""
        if isinstance(widget, QWidget):
            dock = QDockWidget(self)
            dock.setObjectName(name)
            dock.setWidget(widget)
        else:
            dock = DeferredDock(self, name, widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        return dock

    def docks(self) -> list[QDockWidget]:
        return [self.tree_dock, self.palette_dock, self.properties_dock, self.history_dock,
                *self.wizard_host.docks()]

    def _connect(self) -> None:
        a = self.actions
        self.bus.changed.connect(self.on_changes)
        self.bus.reset.connect(self.reset_views)
        a.new.triggered.connect(self.files.new_workshop)
        a.open.triggered.connect(self.files.open_dialog)
        a.sample_ko.triggered.connect(lambda: self.files.open_sample("ko"))
        a.sample_en.triggered.connect(lambda: self.files.open_sample("en"))
        a.save_as.triggered.connect(self.files.save_as)
        a.close_tab.triggered.connect(lambda: self.close_tab(self.tabs.currentIndex()))
        a.close_workshop.triggered.connect(lambda: self.set_store(None))
        a.quit.triggered.connect(self.close)
        a.zoom_in.triggered.connect(lambda: self._editor_call("zoom_in"))
        a.zoom_out.triggered.connect(lambda: self._editor_call("zoom_out"))
        a.zoom_fit.triggered.connect(lambda: self._editor_call("zoom_fit"))
        a.zoom_reset.triggered.connect(lambda: self._editor_call("zoom_reset"))
        a.journey.toggled.connect(self._journey_toggled)
        self.addAction(a.journey)            # Ctrl+J also while presenting, when the menus are hidden
        a.full_screen.toggled.connect(lambda on: self.showFullScreen() if on else self.showNormal())
        a.lang_ko.triggered.connect(lambda: self.set_language("ko"))
        a.lang_en.triggered.connect(lambda: self.set_language("en"))
        a.about.triggered.connect(self.about)
        a.guide.triggered.connect(lambda: self._help("guide"))
        a.shortcuts.triggered.connect(lambda: self._help("shortcuts"))
        a.present.triggered.connect(self.wizard_host.toggle_presentation)
        self.addAction(a.present)              # F5 also while the menus are hidden (presenting)
        a.steps.triggered.connect(lambda: self.wizard_host.open_step(self.wizard_host.current_step))
        self.edit.connect(a)
        self.tree.selected.connect(self._tree_selected)
        self.tree.activated_entity.connect(self.open_entity)
        self.tree.context_action.connect(self.edit.tree_action)
        self.tree.context_action.connect(self._map_tree_action)
        self.stack.indexChanged.connect(self._update_actions)
        QApplication.clipboard().dataChanged.connect(self._update_actions)
        QApplication.instance().focusChanged.connect(self._update_actions)

    def _update_actions(self, *_args) -> None:
        """Connected to application-wide signals (focus, clipboard); they may fire while the
        window is being torn down, when its actions are already gone."""
        if not self._closing:
            self.edit.update_actions()

    def _disconnect_app_signals(self) -> None:
        if self._closing:
            return
        self._closing = True
        for signal in (QApplication.clipboard().dataChanged, QApplication.instance().focusChanged):
            try:
                signal.disconnect(self._update_actions)
            except (RuntimeError, TypeError):
                pass

    # ------------------------------------------------------------------ language
    def set_language(self, lang: str) -> None:
        set_language(lang)
        if self.remember:
            self.settings.language = lang
        fonts.install(QApplication.instance(), lang)
        from mot_workshop.ui.qt_translations import install as install_qt_translations

        install_qt_translations(QApplication.instance(), lang)
        self.retranslate()
        self.bus.language_changed.emit(lang)

    def retranslate(self, *, panels: bool = True) -> None:
        retranslate_actions(self.actions)
        self._retranslate_history()
        self.edit.retranslate_undo_redo()
        self.actions.lang_ko.setChecked(current_language() == "ko")
        self.actions.lang_en.setChecked(current_language() == "en")
        build_menus(self)
        self.toolbar = build_toolbar(self)
        self.tree_dock.setWindowTitle(tr("Workshop"))
        self.palette_dock.setWindowTitle(tr("Touchpoint palette"))
        self.properties_dock.setWindowTitle(tr("Properties"))
        self.history_dock.setWindowTitle(tr("Undo history"))
        self.history.setEmptyLabel(tr("<opened>"))
        self.wizard_host.retranslate()
        if panels:
            if self._start is not None:
                self._start.retranslate()
            for dock in (self.palette_dock, self.properties_dock):
                if dock.is_built:
                    dock.content().retranslate()
        for index in range(self.tabs.count()):
            editor = self.tabs.widget(index)
            editor.retranslate()
            self.tabs.setTabText(index, editor.title())
        if self.session is not None:
            self.tree.rebuild()
        self.update_title()
        self.edit.update_actions()

    def _retranslate_history(self) -> None:
        """Undo history entries in the new language (those that remember their source)."""
        from mot_workshop.i18n import retranslate as again

        for index in range(self.stack.count()):
            adapter = self.stack.command(index)
            command = getattr(adapter, "command", None)
            if command is not None:
                command.text = again(command.text)
                adapter.setText(command.text)

    # ------------------------------------------------------------------ workshop
    def set_store(self, store) -> None:
        """Show ``store`` (None: back to the start screen). The old file is closed."""
        if self.properties_dock.is_built:
            self.properties.show_selection(None, None, [])
        open_tabs.save(self)
        closed = self.tabs.count()
        while self.tabs.count():
            widget = self.tabs.widget(0)
            self.tabs.removeTab(0)
            widget.deleteLater()
        if closed:
            self._collect_later()
        link, self.live_link = getattr(self, "live_link", None), None
        if link is not None:                 # a shared workshop's listener: stop hearing it
            link.stop()
        if self.session is not None:
            self.session.close()
            self.session = None
        self.stack.clear()
        if store is None:
            self.tree.set_store(None)
            self.wizard_host.opened(None)
            self.show_start()
            self.bus.reset.emit()
            return
        self.session = Session(store, self.bus, self.stack, self.report)
        self.wizard_host.opened(self.session)
        self.tree.set_store(store)
        if self.palette_dock.is_built:
            self.palette.set_content_language(self.session.content_language)
        overview = Overview(self.session)
        overview.open_cycle.connect(lambda id: self.open_entity("cycle", id))
        overview.new_cycle.connect(self.edit.new_cycle)
        overview.new_process.connect(lambda: self.edit.tree_action("new-process", "", 0))
        self.tabs.addTab(overview, overview.title())
        self.tabs.tabBar().setTabButton(0, self.tabs.tabBar().ButtonPosition.RightSide, None)
        self.show_workshop()
        open_tabs.restore(self)
        self._palette_follows_editor()
        if self.remember and not getattr(store, "is_server", False):   # a shared workshop is no file
            self.settings.add_recent(store.path)
            self.refresh_recent()
        self.update_title()
        self.edit.update_actions()

    def reset_views(self) -> None:
        """Everything may have changed (a quick-opened file changed meanwhile): re-read all."""
        if self.session is None:
            return
        self.tree.set_store(self.session.store)
        for index in range(self.tabs.count()):
            self.tabs.widget(index).reload()
        self.wizard_host.reset()
        if self.properties_dock.is_built:
            self.properties.retranslate()
        self.update_title()

    def store_ready(self) -> None:
        """The real store replaced the quick snapshot."""
        self.tree.store = self.session.store
        self.update_title()
        self.edit.update_actions()

    def store_replaced(self) -> None:
        """After Save As: the same workshop, now in another file."""
        if self.remember:
            self.settings.add_recent(self.session.path)
            self.refresh_recent()
        self.tree.set_store(self.session.store)
        self.update_title()
        self.statusBar().showMessage(tr("Saved a copy as {path}; you are now working on the copy.",
                                        path=str(self.session.path)), 8000)

    def store_moved(self) -> None:
        """The same workshop under another name (renamed outside, or kept as a copy)."""
        if self.remember:
            self.settings.add_recent(self.session.path)
            self.refresh_recent()
        self.tree.set_store(self.session.store)
        self.update_title()
        self.edit.update_actions()

    def show_start(self) -> None:
        if self.central.currentWidget() is self.tabs and self.tabs.count():
            self._workshop_state = self.saveState()
        self.start.set_recent(self.settings.recent_files())
        self.start.server_panel.refresh()       # a shared workshop just closed: its last change
        self.central.setCurrentWidget(self.start)
        for dock in self.docks():
            dock.hide()
        self.toolbar.hide()
        self.update_title()

    def show_workshop(self) -> None:
        self.central.setCurrentWidget(self.tabs)
        self.toolbar.show()
        if self._workshop_state is not None:
            self.restoreState(self._workshop_state)
        else:
            for dock in self.docks():
                dock.show()

    def refresh_recent(self) -> None:
        if self._start is not None:
            self._start.set_recent(self.settings.recent_files())

    def _remove_recent(self, path: str) -> None:
        self.settings.remove_recent(path)
        self.refresh_recent()

    def fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        paths = self.settings.recent_files()
        for path in paths:
            menu.addAction(path).triggered.connect(lambda _=False, p=path: self.files.open_path(p))
        if not paths:
            menu.addAction(tr("(none)")).setEnabled(False)
        else:
            menu.addSeparator()
            menu.addAction(tr("Clear the list")).triggered.connect(
                lambda: (self.settings.clear_recent(), self.refresh_recent()))

    def update_title(self) -> None:
        if self.session is None:
            self.setWindowTitle("MOT Workshop")
            self.setWindowFilePath("")
            self.file_label.setText("")
            self.saved_label.setText("")
            return
        workshop = self.session.store.workshop()
        path = self.session.path
        suffix = " " + tr("[read-only]") if self.session.read_only else ""
        # a shared workshop's "path" is its server and title: shown as written, not as a file name
        where = self.session.store.where if getattr(self.session.store, "is_server", False) else str(path)
        name = self.session.store.address.display() if getattr(self.session.store, "is_server", False) else path.name
        self.setWindowTitle(f"{name} — {workshop.title}{suffix} — MOT Workshop")
        self.setWindowFilePath(str(path))
        self.file_label.setText(where)
        self.saved_label.setText(tr("Read-only") if self.session.read_only else tr("Every change is saved"))

    # ------------------------------------------------------------------ tabs and editors
    def open_entity(self, kind: str, id: int) -> None:
        if kind == "cycle":
            self.open_cycle(id)
        elif kind == "touchpoint" and self.session is not None:
            tp = self.session.store.get("touchpoint", id)
            if tp is not None:
                self.open_cycle(tp.cycle_id).select([id])
        elif kind == "process_map" and self.session is not None:
            self.open_map(id)
        else:
            self._tree_selected(kind, [id])

    def open_cycle(self, cycle_id: int, *, mode: str | None = None) -> CycleEditor:
        for index in range(self.tabs.count()):
            editor = self.tabs.widget(index)
            if getattr(editor, "key", None) == ("cycle", cycle_id):
                self.tabs.setCurrentIndex(index)
                if mode:
                    editor.set_mode(mode)
                return editor
        from mot_workshop.ui.cycle.editor import CycleEditor

        editor = CycleEditor(self.session, cycle_id, mode=mode or "ring")
        view_memory.attach(self, editor)
        editor.selection_changed.connect(self._editor_selection_changed)
        editor.title_changed.connect(self._editor_title_changed)
        editor.close_requested.connect(lambda e=editor: self.close_tab(self.tabs.indexOf(e)))
        editor.status_message.connect(lambda text: self.statusBar().showMessage(text, 4000))
        self.tabs.setCurrentIndex(self.tabs.addTab(editor, editor.title()))
        return editor

    def open_map(self, map_id: int):
        """The swimlane editor of a process map, in its tab (opened if needed)."""
        for index in range(self.tabs.count()):
            editor = self.tabs.widget(index)
            if getattr(editor, "key", None) == ("process_map", map_id):
                self.tabs.setCurrentIndex(index)
                return editor
        from mot_workshop.ui.swimlane import MapEditor

        editor = MapEditor(self.session, map_id)
        view_memory.attach(self, editor)
        editor.selection_changed.connect(self._editor_selection_changed)
        editor.title_changed.connect(self._editor_title_changed)
        editor.close_requested.connect(lambda e=editor: self.close_tab(self.tabs.indexOf(e)))
        editor.status_message.connect(lambda text: self.statusBar().showMessage(text, 4000))
        editor.open_map_requested.connect(self._open_map_slot)     # slots return nothing to Qt
        editor.compare_requested.connect(self._open_compare_slot)
        self.tabs.setCurrentIndex(self.tabs.addTab(editor, editor.title()))
        return editor

    def open_map_compare(self, before_id: int, after_id: int):
        from mot_workshop.ui.swimlane import MapCompareView

        for index in range(self.tabs.count()):
            widget = self.tabs.widget(index)
            if getattr(widget, "key", None) == ("map_compare", before_id, after_id):
                self.tabs.setCurrentIndex(index)
                return widget
        view = MapCompareView(self.session, before_id, after_id)
        view.close_requested.connect(lambda v=view: self.close_tab(self.tabs.indexOf(v)))
        self.tabs.setCurrentIndex(self.tabs.addTab(view, view.title()))
        return view

    def _open_map_slot(self, map_id: int) -> None:
        self.open_map(map_id)

    def _open_compare_slot(self, before_id: int, after_id: int) -> None:
        self.open_map_compare(before_id, after_id)

    def _map_tree_action(self, action: str, kind: str, id: int) -> None:
        """The tree's process-map actions: a new map of a process, derive, compare."""
        from mot_workshop.ui.swimlane.tree_actions import run_tree_action

        run_tree_action(self, action, kind, id)

    def current_edit_target(self):
        """The open editor that takes Edit commands (cut, copy, paste, delete…): a cycle or a map."""
        editor = self.current_editor()
        return editor if getattr(editor, "key", ("",))[0] in ("cycle", "process_map") else None

    def current_editor(self):
        return self.tabs.currentWidget() if self.central.currentWidget() is self.tabs else None

    def current_cycle_editor(self):
        editor = self.current_editor()
        return editor if getattr(editor, "key", ("",))[0] == "cycle" else None

    def close_tab(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if widget is None or isinstance(widget, Overview):
            return
        self.tabs.removeTab(index)
        widget.deleteLater()
        self._collect_later()

    def _collect_later(self) -> None:
        """Once the closed tab is gone, collect what it left (its map's objects were frozen)."""
        from mot_workshop.ui import collector

        QTimer.singleShot(300, collector.release)

    def _palette_follows_editor(self) -> None:
        """The touchpoint palette serves the cycle editor: it shows beside it and nowhere else
        (unless the user closed it)."""
        if self.session is None or self.wizard_host.presenting or self.central.currentWidget() is not self.tabs:
            return
        dock = self.palette_dock
        on_cycle = self.current_cycle_editor() is not None
        if not on_cycle and dock.isVisible():
            self._palette_hidden_by_us = True
            dock.hide()
        elif on_cycle and getattr(self, "_palette_hidden_by_us", True) and dock.isHidden():
            self._palette_hidden_by_us = False
            dock.show()

    def _tab_changed(self, _index: int) -> None:
        self._palette_follows_editor()
        editor = self.current_cycle_editor()
        self.actions.journey.blockSignals(True)
        self.actions.journey.setChecked(editor is not None and editor.mode == "journey")
        self.actions.journey.blockSignals(False)
        if editor is not None:
            self._editor_selection_changed()
            self.tree.select_key("cycle", editor.cycle_id)
        elif self.current_edit_target() is not None:
            self._editor_selection_changed()
            self.tree.select_key(*self.current_edit_target().key)
        self.edit.update_actions()

    def _journey_toggled(self, on: bool) -> None:
        editor = self.current_cycle_editor()
        if editor is not None:
            editor.set_mode("journey" if on else "ring")
            self.wizard_host.present_again()        # presenting: the journey paged, the ring whole

    def _editor_call(self, name: str) -> None:
        editor = self.current_editor()
        if editor is not None and hasattr(editor, name):
            getattr(editor, name)()

    def _editor_selection_changed(self) -> None:
        editor = self.current_edit_target()
        if editor is not None and self.sender() in (editor, None, self.tabs):
            kind, ids = editor.selection()
            self.properties.show_selection(self.session, kind, ids)
            count = len(ids) if kind != "process_map" else 0
            if count > 1:
                self.statusBar().showMessage(tr("{count} selected", count=count)
                                             if kind != "touchpoint" else
                                             tr("{count} touchpoints selected", count=count), 3000)
        self.edit.update_actions()

    def _editor_title_changed(self) -> None:
        editor = self.sender()
        index = self.tabs.indexOf(editor)
        if index >= 0:
            self.tabs.setTabText(index, editor.title())

    def _tree_selected(self, kind: str, ids: list) -> None:
        if self.session is not None:
            self.properties.show_selection(self.session, kind, ids)
        self.edit.update_actions()

    # ------------------------------------------------------------------ changes
    def on_changes(self, changes: Changes) -> None:
        self.tree.on_changes(changes)
        for index in range(self.tabs.count()):
            self.tabs.widget(index).on_changes(changes)
        if self.properties_dock.is_built:
            self.properties.on_changes(changes)
        self.wizard_host.on_changes(changes)
        if ("workshop", 1) in changes.updated:
            self.update_title()
            if self.session is not None and self.palette_dock.is_built:
                self.palette.set_content_language(self.session.content_language)
        self.edit.update_actions()

    def report(self, text: str, exc: Exception) -> None:
        messages.warning(self, text, str(exc))

    # ------------------------------------------------------------------ window state
    def restore_layout(self) -> None:
        geometry, state = self.settings.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self._workshop_state = state
            self.dock_room.user_sized = True     # the user's remembered panel widths

    def closeEvent(self, event) -> None:
        if self.properties_dock.is_built and self.properties.form is not None:
            self.properties.form.flush()
        if self.remember:
            state = self.saveState() if self.central.currentWidget() is self.tabs else self._workshop_state
            self.settings.save_window_state(self.saveGeometry(), state or self.saveState())
        if self.session is not None:          # close the file; no start screen on the way out
            open_tabs.save(self)
            if self.properties_dock.is_built:
                self.properties.show_selection(None, None, [])
            self.session.close()
            self.session = None
        self._disconnect_app_signals()
        super().closeEvent(event)

    def _help(self, page: str) -> None:
        from mot_workshop.ui.help import show_help

        self.help_dialog = show_help(self, page)

    def about(self) -> None:
        from mot_workshop import __version__

        messages.info(self, tr("MOT Workshop {version}", version=__version__),
                      tr("Customer moments of truth (MOT) and process redesign workshops. "
                         "Works offline; every change is saved in the workshop file as you work."))
