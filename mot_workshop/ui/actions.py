"""The window's actions with the platform's standard shortcuts (QKeySequence standard keys)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QActionGroup, QKeySequence

SK = QKeySequence.StandardKey

# name: (English text, shortcut (standard key, string or None), icon drawn by ui.icons)
ACTIONS: dict[str, tuple[str, object, object]] = {
    "new": ("&New workshop…", SK.New, "new"),
    "open": ("&Open…", SK.Open, "open"),
    "sample_ko": ("Sample workshop (Korean)", None, None),
    "sample_en": ("Sample workshop (English)", None, None),
    "save_as": ("Save &As…", SK.SaveAs, None),
    "close_tab": ("&Close tab", SK.Close, None),
    "close_workshop": ("Close &workshop", None, None),
    "quit": ("&Quit", SK.Quit, None),
    "cut": ("Cu&t", SK.Cut, None),
    "copy": ("&Copy", SK.Copy, None),
    "paste": ("&Paste", SK.Paste, None),
    "delete": ("&Delete", SK.Delete, None),
    "select_all": ("Select &all", SK.SelectAll, None),
    "rename": ("&Rename", "F2", None),
    "add_touchpoint": ("Add &touchpoint", "Ctrl+T", "add_touchpoint"),
    "new_cycle": ("New MOT &cycle", "Ctrl+Shift+N", "new_cycle"),
    "new_sub_cycle": ("New &sub-cycle", None, None),
    "new_process": ("New &process", "Ctrl+Shift+P", None),
    "new_map": ("New As-Is &map of the process", "Ctrl+Shift+M", None),
    "new_team": ("New t&eam", None, None),
    "new_lane": ("New &lane in the map", "Ctrl+Shift+L", None),
    "new_phase": ("New p&hase in the map", "Ctrl+Shift+H", None),
    "zoom_in": ("Zoom &in", SK.ZoomIn, "zoom_in"),
    "zoom_out": ("Zoom &out", SK.ZoomOut, "zoom_out"),
    "zoom_fit": ("Zoom to &fit", "Ctrl+0", "zoom_fit"),
    "zoom_reset": ("&Actual size", "Ctrl+1", None),
    "journey": ("&Journey line", "Ctrl+J", None),
    "full_screen": ("&Full screen", SK.FullScreen, None),
    "lang_ko": ("한국어", None, None),
    "lang_en": ("English", None, None),
    "steps": ("Redesign &steps", "Ctrl+Shift+R", None),
    "present": ("&Presentation mode", "F5", None),
    "guide": ("&Guide", SK.HelpContents, None),
    "shortcuts": ("&Keyboard shortcuts", None, None),
    "about": ("&About MOT Workshop", None, None),
}
CHECKABLE = {"journey", "full_screen", "lang_ko", "lang_en"}
UNTRANSLATED = {"lang_ko", "lang_en"}


@dataclass
class Actions:
    items: dict[str, QAction]

    def __getattr__(self, name: str) -> QAction:
        try:
            return self.__dict__["items"][name]
        except KeyError:
            raise AttributeError(name) from None


def build_actions(window) -> Actions:
    from mot_workshop.ui.icons import action_icon

    items = {}
    for name, (_text, key, icon) in ACTIONS.items():
        action = QAction(window)
        action.setObjectName(f"action_{name}")
        if isinstance(key, QKeySequence.StandardKey):
            action.setShortcuts(key)
        elif key:
            action.setShortcut(QKeySequence(key))
        if icon is not None:
            action.setIcon(action_icon(icon))
        action.setCheckable(name in CHECKABLE)
        items[name] = action
    group = QActionGroup(window)
    group.addAction(items["lang_ko"])
    group.addAction(items["lang_en"])
    actions = Actions(items)
    retranslate(actions)
    return actions


def retranslate(actions: Actions) -> None:
    from mot_workshop.i18n import tr

    for name, (text, _key, _icon) in ACTIONS.items():
        action = actions.items[name]
        action.setText(text if name in UNTRANSLATED else tr(text))
        action.setIconText(plain_text(action.text()))
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        plain = plain_text(action.text())
        action.setToolTip(f"{plain} ({shortcut})" if shortcut else plain)


def plain_text(text: str) -> str:
    """A menu text without its mnemonic: "Open(&O)…" and "&Open…" both become "Open…"."""
    import re

    return re.sub(r"\(&\w\)", "", text).replace("&", "").strip()
