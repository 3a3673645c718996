"""The Edit and Insert commands of the window, routed to what has the focus: the open cycle
editor or the workshop tree. Also undo / redo actions whose text names the step."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from mot_workshop.i18n import tr
from mot_workshop.i18n.labels import kind_name

DELETABLE = ("cycle", "team", "process", "process_map")


class EditOps:
    def __init__(self, window):
        self.window = window
        self.stack = None

    # ------------------------------------------------------------------ undo / redo
    def undo_redo_actions(self, stack) -> tuple[QAction, QAction]:
        self.stack = stack
        w = self.window
        self.undo = QAction(w)
        self.redo = QAction(w)
        self.undo.setObjectName("action_undo")
        self.redo.setObjectName("action_redo")
        self.undo.setShortcuts(QKeySequence.StandardKey.Undo)
        # Ctrl+Y and Ctrl+Shift+Z on every platform, beside the platform's own redo key
        keys = [*QKeySequence.keyBindings(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Y"),
                QKeySequence("Ctrl+Shift+Z")]
        self.redo.setShortcuts(list(dict.fromkeys(keys)))
        from mot_workshop.ui.icons import action_icon

        self.undo.setIcon(action_icon("undo"))
        self.redo.setIcon(action_icon("redo"))
        self.undo.triggered.connect(stack.undo)
        self.redo.triggered.connect(stack.redo)
        stack.canUndoChanged.connect(lambda _b: self.retranslate_undo_redo())
        stack.canRedoChanged.connect(lambda _b: self.retranslate_undo_redo())
        stack.undoTextChanged.connect(lambda _t: self.retranslate_undo_redo())
        stack.redoTextChanged.connect(lambda _t: self.retranslate_undo_redo())
        self.retranslate_undo_redo()
        return self.undo, self.redo

    def retranslate_undo_redo(self) -> None:
        stack = self.stack
        for action, can, text, plain in ((self.undo, stack.canUndo(), stack.undoText(), tr("Undo")),
                                         (self.redo, stack.canRedo(), stack.redoText(), tr("Redo"))):
            action.setEnabled(can)
            action.setText(tr("{action} {step}", action=plain, step=text) if can and text else plain)
            action.setIconText(plain)
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{action.text()} ({shortcut})")

    # ------------------------------------------------------------------ wiring
    def connect(self, a) -> None:
        a.cut.triggered.connect(lambda: self._route("cut"))
        a.copy.triggered.connect(lambda: self._route("copy"))
        a.paste.triggered.connect(lambda: self._route("paste"))
        a.delete.triggered.connect(self.delete)
        a.select_all.triggered.connect(lambda: self._route("select_all"))
        a.rename.triggered.connect(self.rename)
        a.add_touchpoint.triggered.connect(lambda: self._route("add_blank"))
        a.new_cycle.triggered.connect(self.new_cycle)
        a.new_sub_cycle.triggered.connect(self.new_sub_cycle)
        a.new_process.triggered.connect(lambda: self.tree_action("new-process", "", 0))
        a.new_team.triggered.connect(lambda: self.tree_action("new-team", "", 0))
        a.new_map.triggered.connect(self.new_map)
        a.new_lane.triggered.connect(lambda: self._map_call("add_lane"))
        a.new_phase.triggered.connect(lambda: self._map_call("add_phase"))

    def _tree_has_focus(self) -> bool:
        focus = QApplication.focusWidget()
        tree = self.window.tree
        return focus is not None and (focus is tree or tree.isAncestorOf(focus))

    def _route(self, name: str) -> None:
        focus = QApplication.focusWidget()
        text_op = {"cut": "cut", "copy": "copy", "paste": "paste", "select_all": "selectAll"}.get(name)
        from PySide6.QtWidgets import QLineEdit, QPlainTextEdit     # not needed for the first paint

        if text_op and isinstance(focus, (QLineEdit, QPlainTextEdit)):
            getattr(focus, text_op)()
            return
        editor = self.window.current_edit_target()
        if editor is not None and hasattr(editor, name):
            getattr(editor, name)()

    def update_actions(self) -> None:
        w = self.window
        a = w.actions
        has_session = w.session is not None
        writable = has_session and not w.session.read_only
        editor = w.current_edit_target()
        selected = editor is not None and editor.has_selection()
        tree_key = w.tree.current_key() if has_session else None
        tree_delete = self._tree_has_focus() and tree_key is not None and tree_key[0] in DELETABLE
        a.save_as.setEnabled(has_session)
        a.close_workshop.setEnabled(has_session)
        a.close_tab.setEnabled(editor is not None)
        a.cut.setEnabled(writable and selected)
        a.copy.setEnabled(selected)
        a.paste.setEnabled(writable and editor is not None and editor.can_paste())
        a.delete.setEnabled(writable and (selected or tree_delete))
        a.select_all.setEnabled(editor is not None)
        a.rename.setEnabled(writable and (selected or tree_key is not None))
        a.add_touchpoint.setEnabled(writable and w.current_cycle_editor() is not None)
        a.new_cycle.setEnabled(writable)
        a.new_sub_cycle.setEnabled(writable and self._current_cycle_id() is not None)
        a.new_process.setEnabled(writable)
        a.new_team.setEnabled(writable)
        a.new_map.setEnabled(writable and self.current_process_id() is not None)
        on_map = getattr(w.current_editor(), "key", ("",))[0] == "process_map"
        a.new_lane.setEnabled(writable and on_map)
        a.new_phase.setEnabled(writable and on_map)
        zoomable = hasattr(w.current_editor(), "zoom_in")       # editors and the map compare view
        for name in ("zoom_in", "zoom_out", "zoom_fit", "zoom_reset"):
            a.items[name].setEnabled(zoomable)
        a.journey.setEnabled(w.current_cycle_editor() is not None)

    # ------------------------------------------------------------------ commands
    def delete(self) -> None:
        from mot_workshop.editing.entities import DeleteEntity

        w = self.window
        if self._tree_has_focus():
            key = w.tree.current_key()
            if key is not None and key[0] in DELETABLE:
                self.push(DeleteEntity(key[0], key[1]))
                w.statusBar().showMessage(tr("Deleted. Undo brings it back."), 5000)
            return
        self._route("delete_selected")

    def rename(self) -> None:
        w = self.window
        editor = w.current_edit_target()
        if editor is not None and editor.has_selection() and not self._tree_has_focus():
            editor.rename_selected()
            return
        form = w.properties.form
        if form is not None:
            for name in ("name", "title"):
                field = form.fields.get(name)
                if field is not None:
                    w.properties_dock.show()
                    field.widget.setFocus()
                    field.widget.selectAll()
                    return

    def push(self, command):
        session = self.window.session
        return session.push(command) if session is not None else None

    def _create(self, kind: str, values: dict):
        from mot_workshop.domain.rules import RuleError
        from mot_workshop.editing.entities import CreateEntity

        try:
            command = CreateEntity(kind, values)
        except RuleError as exc:
            self.window.report(tr("The change was not made."), exc)
            return None
        return command.id if self.push(command) is not None else None

    def _current_cycle_id(self) -> int | None:
        w = self.window
        editor = w.current_cycle_editor()
        if editor is not None:
            return editor.cycle_id
        key = w.tree.current_key() if w.session is not None else None
        return key[1] if key is not None and key[0] == "cycle" else None

    def new_cycle(self, parent_id: int | None = None) -> int | None:
        w = self.window
        if w.session is None:
            return None
        lang = w.session.content_language
        values = {"name": tr("New sub-cycle" if parent_id else "New MOT cycle", lang=lang)}
        key = w.tree.current_key()
        if parent_id:
            parent = w.session.store.get("cycle", parent_id)
            values.update(parent_id=parent_id, team_id=parent.team_id if parent else None)
        elif key is not None and key[0] == "team":
            values["team_id"] = key[1]
        cycle_id = self._create("cycle", values)
        if cycle_id is not None:
            w.open_cycle(cycle_id)
            w.tree.select_key("cycle", cycle_id)
            w.properties.show_selection(w.session, "cycle", [cycle_id])
            self.rename_in_properties()
        return cycle_id

    def current_process_id(self) -> int | None:
        """The process a new map is for: the one selected in the tree, the open map's, or the
        one the redesign steps work on."""
        w = self.window
        if w.session is None:
            return None
        key = w.tree.current_key()
        if key is not None and key[0] == "process":
            return key[1]
        editor = w.current_editor()
        if getattr(editor, "key", ("",))[0] == "process_map" and editor.map is not None:
            return editor.map.process_id
        if w.wizard_host.navigator_dock.is_built:
            return w.wizard_host.navigator.process_id
        processes = w.session.store.select("process")
        return processes[0].id if len(processes) == 1 else None

    def new_map(self) -> int | None:
        from mot_workshop.ui.swimlane.tree_actions import run_tree_action

        process_id = self.current_process_id()
        if process_id is None:
            self.window.statusBar().showMessage(tr("Select a process first."), 4000)
            return None
        return run_tree_action(self.window, "new-map", "process", process_id)

    def _map_call(self, name: str):
        editor = self.window.current_editor()
        if getattr(editor, "key", ("",))[0] == "process_map":
            return getattr(editor, name)()
        return None

    def new_sub_cycle(self) -> int | None:
        parent = self._current_cycle_id()
        return self.new_cycle(parent) if parent is not None else None

    def rename_in_properties(self) -> None:
        form = self.window.properties.form
        field = form.fields.get("name") if form is not None else None
        if field is not None:
            field.widget.setFocus()
            field.widget.selectAll()

    def tree_action(self, action: str, kind: str, id: int) -> None:
        w = self.window
        lang = w.session.content_language if w.session else "en"
        if action == "new-cycle":
            self.new_cycle()
        elif action == "new-sub-cycle":
            self.new_cycle(id)
        elif action == "new-team":
            new = self._create("team", {"name": tr("New team", lang=lang)})
            if new is not None:
                w.tree.select_key("team", new)
                w.properties.show_selection(w.session, "team", [new])
                self.rename_in_properties()
        elif action == "new-process":
            values = {"name": tr("New process", lang=lang)}
            if kind == "team":
                values["team_id"] = id
            new = self._create("process", values)
            if new is not None:
                w.tree.select_key("process", new)
                w.properties.show_selection(w.session, "process", [new])
                self.rename_in_properties()
        elif action == "delete" and kind in DELETABLE:
            from mot_workshop.editing.entities import DeleteEntity

            if self.push(DeleteEntity(kind, id)) is not None:
                w.statusBar().showMessage(tr("Deleted {kind}. Undo brings it back.", kind=kind_name(kind)), 5000)

    def insert_from_palette(self, items: list) -> None:
        editor = self.window.current_cycle_editor()
        if editor is None:
            self.window.statusBar().showMessage(tr("Open a MOT cycle first, then add touchpoints to it."), 5000)
            return
        editor.insert_items(items, editor.insertion_index())
