"""Scoring in front of the room: with touchpoints selected, keys 1–5 set the experienced
level, Shift+1–5 the importance, C toggles the critical flag — one undo step each, named
after what changed ("Level of 'Pay the fee': 2 → 4")."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt

from mot_workshop.editing.entities import UpdateEntities
from mot_workshop.i18n import Phrase

DIGITS = {Qt.Key.Key_1: 1, Qt.Key.Key_2: 2, Qt.Key.Key_3: 3, Qt.Key.Key_4: 4, Qt.Key.Key_5: 5}
# Shift+digit as keyboards report it (US and Korean layouts)
SHIFTED = {Qt.Key.Key_Exclam: 1, Qt.Key.Key_At: 2, Qt.Key.Key_NumberSign: 3, Qt.Key.Key_Dollar: 4,
           Qt.Key.Key_Percent: 5}


def score_command(touchpoints, field: str, value):
    """The command setting ``field`` of ``touchpoints`` to ``value`` (None: nothing changes)."""
    changing = [tp for tp in touchpoints if getattr(tp, field) != value]
    if not changing:
        return None
    return UpdateEntities("touchpoint", {tp.id: {field: value} for tp in changing},
                          text=describe(changing, field, value))


def describe(touchpoints, field: str, value) -> str:
    count, new = len(touchpoints), _value(value)
    if count > 1:
        if field == "critical":
            return Phrase("{count} touchpoints marked critical", count=count) if value else \
                Phrase("{count} touchpoints no longer critical", count=count)
        if field == "level":
            return Phrase("Level of {count} touchpoints: {new}", count=count, new=new)
        return Phrase("Importance of {count} touchpoints: {new}", count=count, new=new)
    tp = touchpoints[0]
    old = _value(getattr(tp, field))
    if field == "critical":
        return Phrase("'{name}' marked critical", name=tp.name) if value else \
            Phrase("'{name}' no longer critical", name=tp.name)
    if field == "level":
        return Phrase("Level of '{name}': {old} → {new}", name=tp.name, old=old, new=new)
    return Phrase("Importance of '{name}': {old} → {new}", name=tp.name, old=old, new=new)


def _value(value) -> str:
    return "–" if value is None else str(value)


def key_score(event) -> tuple[str, object] | None:
    """The (field, value) a key press asks for, or None."""
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    key = event.key()
    if mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
               | Qt.KeyboardModifier.MetaModifier):
        return None
    if key in SHIFTED:
        return "importance", SHIFTED[key]
    if key in DIGITS:
        return ("importance" if mods & Qt.KeyboardModifier.ShiftModifier else "level"), DIGITS[key]
    if key == Qt.Key.Key_C and not mods & Qt.KeyboardModifier.ShiftModifier:
        return "critical", None
    return None


def apply(editor, field: str, value) -> bool:
    """Score the editor's selected touchpoints; False when nothing is selected."""
    chosen = [tp for tp in editor.touchpoints if tp.id in set(editor.selected_ids())]
    if not chosen or editor.session.read_only:
        return False
    if field == "critical":
        value = not all(tp.critical for tp in chosen)
    command = score_command(chosen, field, value)
    if command is not None:
        editor.push(command)
    return True


class ScoringKeys(QObject):
    """Installed on the cycle's views: the scoring keys act on the selection."""

    def __init__(self, editor):
        super().__init__(editor)
        self.editor = editor

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and self.editor.renaming is None:
            asked = key_score(event)
            if asked is not None and apply(self.editor, *asked):
                event.accept()
                return True
        return False
