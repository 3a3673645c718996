"""What the app remembers between runs (QSettings, INI format): the UI language, the window
layout, recent files and the last folder. ``MOT_WORKSHOP_SETTINGS`` points to another INI
file (tests, benchmarks, a portable install)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from mot_workshop.i18n import LANGUAGES

ORGANISATION = "MOT Workshop"
APPLICATION = "mot-workshop"
RECENT_MAX = 10


def _qsettings() -> QSettings:
    path = os.environ.get("MOT_WORKSHOP_SETTINGS")
    if path:
        return QSettings(path, QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)


class Settings:
    def __init__(self, qsettings: QSettings | None = None):
        self.q = qsettings or _qsettings()

    # language
    @property
    def language(self) -> str | None:
        value = self.q.value("ui/language")
        return value if value in LANGUAGES else None

    @language.setter
    def language(self, lang: str) -> None:
        self.q.setValue("ui/language", lang)
        self.q.sync()

    # recent files
    def recent_files(self) -> list[str]:
        value = self.q.value("files/recent", [])
        if isinstance(value, str):
            value = [value] if value else []
        return [str(v) for v in (value or [])]

    def add_recent(self, path: str | Path) -> None:
        text = str(Path(path).absolute())
        items = [text] + [p for p in self.recent_files() if os.path.normcase(p) != os.path.normcase(text)]
        self.q.setValue("files/recent", items[:RECENT_MAX])
        self.q.sync()

    def remove_recent(self, path: str | Path) -> None:
        text = os.path.normcase(str(Path(path).absolute()))
        self.q.setValue("files/recent", [p for p in self.recent_files() if os.path.normcase(p) != text])
        self.q.sync()

    def clear_recent(self) -> None:
        self.q.setValue("files/recent", [])
        self.q.sync()

    @property
    def last_folder(self) -> str:
        return str(self.q.value("files/last_folder", "") or "")

    @last_folder.setter
    def last_folder(self, folder: str) -> None:
        self.q.setValue("files/last_folder", folder)

    # window layout
    def window_state(self) -> tuple[QByteArray | None, QByteArray | None]:
        geometry = self.q.value("window/geometry")
        state = self.q.value("window/state")
        return (geometry if isinstance(geometry, QByteArray) else None,
                state if isinstance(state, QByteArray) else None)

    def save_window_state(self, geometry: QByteArray, state: QByteArray) -> None:
        self.q.setValue("window/geometry", geometry)
        self.q.setValue("window/state", state)
        self.q.sync()

    def value(self, key: str, default=None):
        return self.q.value(key, default)

    def set_value(self, key: str, value) -> None:
        self.q.setValue(key, value)
