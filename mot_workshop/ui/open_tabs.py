"""What was open in a workshop when it was closed — the editor tabs (a cycle as ring or
journey, a map, the wizard on its step), which one was active, the timer's minutes — kept
in the settings per file and brought back when the file is opened again."""

from __future__ import annotations

import hashlib
import json


def _key(path) -> str:
    return "open/" + hashlib.sha1(str(path).encode()).hexdigest()[:20]


def save(window) -> None:
    if not window.remember or window.session is None:
        return
    tabs, active = [], 0
    for index in range(window.tabs.count()):
        editor = window.tabs.widget(index)
        key = getattr(editor, "key", None)
        entry = None
        if key and key[0] == "cycle":
            entry = ["cycle", key[1], editor.mode]
        elif key and key[0] == "process_map":
            entry = ["process_map", key[1]]
        elif key and key[0] == "wizard":
            entry = ["wizard", editor.current]
        if entry is not None:
            if index == window.tabs.currentIndex():
                active = len(tabs) + 1          # 0: the overview
            tabs.append(entry)
    state = {"tabs": tabs, "active": active}
    host = window.wizard_host
    if host.navigator_dock.is_built:
        state["minutes"] = host.timer.minutes.value()
    window.settings.set_value(_key(window.session.path.absolute()), json.dumps(state))


def restore(window) -> None:
    if not window.remember or window.session is None:
        return
    try:
        state = json.loads(str(window.settings.value(_key(window.session.path.absolute()), "") or "{}"))
    except ValueError:
        return
    store = window.session.store
    opened = [window.tabs.widget(0)]
    for entry in state.get("tabs", []):
        try:
            kind, id = entry[0], int(entry[1])
        except (IndexError, TypeError, ValueError):
            continue
        if kind == "cycle" and store.get("cycle", id) is not None:
            opened.append(window.open_cycle(id, mode=entry[2] if len(entry) > 2 else None))
        elif kind == "process_map" and store.get("process_map", id) is not None:
            opened.append(window.open_map(id))
        elif kind == "wizard" and 1 <= id <= 8:
            window.wizard_host.open_step(id)
            opened.append(window.wizard_host.wizard())
    active = state.get("active", 0)
    if isinstance(active, int) and 0 <= active < len(opened):
        window.tabs.setCurrentWidget(opened[active])
    minutes = state.get("minutes")
    if isinstance(minutes, int):
        timer = window.wizard_host.timer
        timer.minutes.setValue(minutes)
