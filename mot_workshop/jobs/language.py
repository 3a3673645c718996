"""The language of a sub-command's messages, by one rule for all of them: ``--lang``, else
the language of the workshop the command works on (a file, or a team server's workshop named
by its address and ``--workshop``), else the system's locale (Korean when it says Korean,
English otherwise). ``argv_language`` applies the rule to the raw command line, before it is
parsed, so that argparse's usage, help and errors speak the same language."""

from __future__ import annotations

import argparse
import locale
import os
from collections.abc import Sequence
from pathlib import Path

from mot_workshop.i18n import LANGUAGES


def argv_language(argv: Sequence[str], parser: argparse.ArgumentParser) -> str:
    """The rule on a sub-command's command line, before it is parsed: ``--lang``, else the
    language of the workshop its first argument names (a file, or a server address with
    ``--workshop``), else the system's locale."""
    chosen = lang_option(argv)
    if chosen is not None:
        return chosen
    first = _first_positional(argv, parser)
    if first is not None:
        found = workshop_language(first, _option(argv, "--workshop"))
        if found is not None:
            return found
    return system_language()


def _first_positional(argv: Sequence[str], parser: argparse.ArgumentParser) -> str | None:
    words = iter(argv)
    for word in words:
        if word == "--":
            return next(words, None)
        if word.startswith("-") and len(word) > 1:
            action = parser._option_string_actions.get(word)
            if action is not None and action.nargs != 0 and "=" not in word:
                next(words, None)              # the option's value
            continue
        return word
    return None


def lang_option(argv: Sequence[str]) -> str | None:
    value = _option(argv, "--lang")
    return value if value in LANGUAGES else None


def _option(argv: Sequence[str], option: str) -> str | None:
    words = list(argv)
    for i, word in enumerate(words):
        if word.startswith(option + "="):
            return word.split("=", 1)[1]
        if word == option and i + 1 < len(words):
            return words[i + 1]
    return None


def workshop_language(target: str | Path, title: str | None = None) -> str | None:
    """The language recorded in a workshop, or None when it cannot be read (the command itself
    then says what is wrong)."""
    from mot_workshop.persistence.server.address import is_server_url

    if is_server_url(str(target)):
        return server_language(str(target), title) if title else None
    return file_language(Path(target))


def server_language(url: str, title: str) -> str | None:
    """The language of a team server's workshop; no password is asked for it (the command asks
    when it opens the workshop itself)."""
    try:
        from mot_workshop.persistence.server.opening import open_workshop

        with open_workshop(url, title, read_only=True) as store:
            language = str(store.workshop().language or "").lower()
    except Exception:  # noqa: BLE001 - unreachable, refused, no such workshop: the next rule
        return None
    return language if language in LANGUAGES else None


def file_language(path: Path) -> str | None:
    """The language recorded in a workshop file."""
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
