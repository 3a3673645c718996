"""The language of a sub-command's messages, by one rule for all of them: ``--lang``, else
the language of the workshop the command works on, else the system's locale (Korean when it
says Korean, English otherwise)."""

from __future__ import annotations

import argparse
import locale
import os
from pathlib import Path

from mot_workshop.i18n import LANGUAGES

# the arguments that name the workshop a command works on, in order of preference
WORKSHOP_ARGUMENTS = ("file", "master", "source")


def message_language(args: argparse.Namespace) -> str:
    chosen = getattr(args, "lang", None)
    if chosen in LANGUAGES:
        return chosen
    for name in WORKSHOP_ARGUMENTS:
        value = getattr(args, name, None)
        if isinstance(value, str) and value:
            found = workshop_language(Path(value))
            if found is not None:
                return found
    return system_language()


def workshop_language(path: Path) -> str | None:
    """The language recorded in a workshop file, or None when it cannot be read (the command
    itself then says what is wrong with the file)."""
    if not path.is_file():
        return None
    try:
        from mot_workshop.persistence.store import file_version, peek

        file_version(path)                       # ours, or nothing is read
        with peek(path) as conn:
            row = conn.execute("SELECT language FROM workshop ORDER BY id LIMIT 1").fetchone()
    except Exception:  # noqa: BLE001 - any unreadable file falls back to the next rule
        return None
    language = str(row[0]).lower() if row and row[0] else ""
    return language if language in LANGUAGES else None


def system_language() -> str:
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(variable, "")
        if value:
            return _language_of(value)
    try:
        name = locale.getlocale()[0] or ""
    except ValueError:
        name = ""
    return _language_of(name)


def _language_of(name: str) -> str:
    name = name.lower()
    return "ko" if name.startswith("ko") or name.startswith("korean") else "en"
