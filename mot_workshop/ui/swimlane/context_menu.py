"""The right-click menu on a map: what the team does most — rename, mark a moment of truth,
classify the value, change the shape, add or remove lanes and phases."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu

from mot_workshop.domain.enums import LaneKind, Shape, ValueClass
from mot_workshop.i18n import tr
from mot_workshop.i18n.labels import enum_name
from mot_workshop.ui.swimlane import gestures


def show_menu(editor, global_pos) -> QMenu:
    kind, ids = editor.selection()
    menu = QMenu(editor)
    writable = not editor.session.read_only
    actions = []
    if kind == "step":
        chosen = [s for s in editor.data[2] if s.id in set(ids)]
        mot = menu.addAction(tr("Moment of truth"))
        mot.setCheckable(True)
        on = all(s.is_mot for s in chosen)
        mot.setChecked(on)
        mot.triggered.connect(lambda: _push(editor, gestures.set_field("step", ids, "is_mot", not on,
                                                                      tr("Moment of truth"))))
        value = menu.addMenu(tr("Value class"))
        for v in (*ValueClass, None):
            action = value.addAction(enum_name(v) if v else tr("Not classified"))
            action.setCheckable(True)
            action.setChecked(all(s.value_class == v for s in chosen))
            action.triggered.connect(lambda _=False, v=v: _push(editor,
                gestures.set_field("step", ids, "value_class", v, tr("Classify steps"))))
        shape = menu.addMenu(tr("Shape"))
        for s in Shape:
            action = shape.addAction(enum_name(s))
            action.setCheckable(True)
            action.setChecked(all(c.shape == s for c in chosen))
            action.triggered.connect(lambda _=False, s=s: _push(editor,
                gestures.set_field("step", ids, "shape", s, tr("Change shape"))))
        actions += [mot, value.menuAction(), shape.menuAction()]
        menu.addSeparator()
        actions.append(menu.addAction(tr("Rename")))
        actions[-1].triggered.connect(editor.rename_selected)
        actions.append(menu.addAction(tr("Duplicate")))
        actions[-1].triggered.connect(lambda: _push(editor, None, editor.duplicate))
        menu.addAction(tr("Copy")).triggered.connect(lambda: _push(editor, None, editor.copy))
        actions.append(menu.addAction(tr("Cut")))
        actions[-1].triggered.connect(editor.cut)
    elif kind == "flow":
        actions.append(menu.addAction(tr("Edit label")))
        actions[-1].triggered.connect(editor.rename_selected)
    elif kind == "lane":
        index = [lane.id for lane in editor.data[0]].index(ids[0])
        actions.append(menu.addAction(tr("Rename")))
        actions[-1].triggered.connect(editor.rename_selected)
        lane_kind = menu.addMenu(tr("Lane kind"))
        current = next(lane for lane in editor.data[0] if lane.id == ids[0]).kind
        for k in LaneKind:
            action = lane_kind.addAction(enum_name(k))
            action.setCheckable(True)
            action.setChecked(current == k)
            action.triggered.connect(lambda _=False, k=k: _push(editor,
                gestures.set_field("lane", ids, "kind", k, tr("Change lane kind"))))
        actions.append(lane_kind.menuAction())
        actions.append(menu.addAction(tr("Add lane above")))
        actions[-1].triggered.connect(lambda: _push(editor, None, lambda: editor.add_lane(LaneKind(current), index)))
        actions.append(menu.addAction(tr("Add lane below")))
        actions[-1].triggered.connect(
            lambda: _push(editor, None, lambda: editor.add_lane(LaneKind(current), index + 1)))
    elif kind == "phase":
        index = [p.id for p in editor.data[1]].index(ids[0])
        actions.append(menu.addAction(tr("Rename")))
        actions[-1].triggered.connect(editor.rename_selected)
        actions.append(menu.addAction(tr("Add phase before")))
        actions[-1].triggered.connect(lambda: _push(editor, None, lambda: editor.add_phase(index)))
        actions.append(menu.addAction(tr("Add phase after")))
        actions[-1].triggered.connect(lambda: _push(editor, None, lambda: editor.add_phase(index + 1)))
    paste = menu.addAction(tr("Paste"))
    paste.setEnabled(writable and editor.can_paste())
    paste.triggered.connect(lambda: _push(editor, None, editor.paste))
    if kind in ("step", "flow", "lane", "phase"):
        actions.append(menu.addAction(tr("Delete")))
        actions[-1].triggered.connect(editor.delete_selected)
    menu.addSeparator()
    actions.append(menu.addAction(tr("Auto-layout")))
    actions[-1].triggered.connect(editor.auto_layout)
    for action in actions:
        action.setEnabled(writable)
    if global_pos is not None:
        menu.popup(global_pos)
    return menu


def _push(editor, command, call=None) -> None:
    """Run a menu action; slots must return nothing to Qt."""
    if call is not None:
        call()
    elif command is not None:
        editor.push(command)
