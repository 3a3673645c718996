"""The right-click menu on a cycle diagram: what the facilitator does most in the room —
rate the selected touchpoints, flag a critical moment, rename, copy, delete."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu

from mot_workshop.ui.cycle.scoring import score_command
from mot_workshop.i18n import tr
from mot_workshop.ui.cycle.style import LEVEL_NAMES


def show_menu(editor, global_pos) -> QMenu:
    ids = editor.selected_ids()
    menu = QMenu(editor)
    writable = not editor.session.read_only
    if ids:
        chosen = [tp for tp in editor.touchpoints if tp.id in set(ids)]
        level = menu.addMenu(tr("Experienced level"))
        for value in (1, 2, 3, 4, 5, None):
            text = f"{value} · {tr(LEVEL_NAMES[value])}\t{value}" if value else tr("Not rated")
            action = level.addAction(text)
            action.setCheckable(True)
            action.setChecked(all(tp.level == value for tp in chosen))
            action.triggered.connect(lambda _=False, v=value: _set(editor, chosen, "level", v))
        importance = menu.addMenu(tr("Importance"))
        for value in (1, 2, 3, 4, 5, None):
            action = importance.addAction(f"{value}\tShift+{value}" if value else tr("Not rated"))
            action.setCheckable(True)
            action.setChecked(all(tp.importance == value for tp in chosen))
            action.triggered.connect(lambda _=False, v=value: _set(editor, chosen, "importance", v))
        critical = menu.addAction(tr("Critical moment") + "\tC")
        critical.setCheckable(True)
        on = all(tp.critical for tp in chosen)
        critical.setChecked(on)
        critical.triggered.connect(lambda _=False: _set(editor, chosen, "critical", not on))
        for action in (level.menuAction(), importance.menuAction(), critical):
            action.setEnabled(writable)
        menu.addSeparator()
        menu.addAction(tr("Rename")).triggered.connect(editor.rename_selected)
        menu.addAction(tr("Copy")).triggered.connect(editor.copy)
        menu.addAction(tr("Cut")).triggered.connect(editor.cut)
    paste = menu.addAction(tr("Paste"))
    paste.setEnabled(writable and editor.can_paste())
    paste.triggered.connect(editor.paste)
    if ids:
        menu.addAction(tr("Delete")).triggered.connect(editor.delete_selected)
    menu.addSeparator()
    menu.addAction(tr("Add touchpoint")).triggered.connect(editor.add_blank)
    for action in menu.actions():
        if action.text() in (tr("Rename"), tr("Cut"), tr("Delete"), tr("Add touchpoint")):
            action.setEnabled(writable)
    if global_pos is not None:
        menu.popup(global_pos)
    return menu


def _set(editor, chosen, field: str, value) -> None:
    command = score_command(chosen, field, value)
    if command is not None:
        editor.push(command)
