"""One translation mechanism for the UI, the CLI and the PDFs.

Source strings are English and are looked up in a JSON catalog per language
(``<lang>.json`` beside this file: {"English source": "translation"}). Missing entries fall
back to English, and a test fails when a string passed to ``tr`` has no Korean entry.
Plain Python, so the PDF exporter and the CLI use it without Qt.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

LANGUAGES = ("ko", "en")
DEFAULT_LANGUAGE = "ko"
_CATALOG_DIR = Path(__file__).resolve().parent
_current = DEFAULT_LANGUAGE


def set_language(lang: str) -> None:
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    _current = lang


def current_language() -> str:
    return _current


@functools.cache
def catalog(lang: str) -> dict[str, str]:
    if lang == "en":
        return {}
    path = _CATALOG_DIR / f"{lang}.json"
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


def tr(source: str, /, lang: str | None = None, **params: Any) -> str:
    """Translate ``source`` into ``lang`` (default: the current language) and fill ``{params}``."""
    text = catalog(lang or _current).get(source, source)
    return text.format(**params) if params else text


def plural(count: int, one: str, other: str, /, lang: str | None = None, **params: Any) -> str:
    """``one`` ("{count} lane") for a count of 1, else ``other`` ("{count} lanes"), translated
    and filled; Korean has one form for both."""
    return tr(one if count == 1 else other, lang, count=count, **params)


class Phrase(str):
    """A translated text that remembers its English source and parameters, so it can be
    translated again after a language switch (undo history entries)."""

    source: str
    params: dict

    def __new__(cls, source: str, /, **params: Any) -> Phrase:
        text = super().__new__(cls, tr(source, **params))
        text.source, text.params = source, params
        return text


def retranslate(text: str) -> str:
    """``text`` in the current language when it is a Phrase (its parameters too), else as is."""
    if not isinstance(text, Phrase):
        return text
    return Phrase(text.source, **{k: retranslate(v) if isinstance(v, str) else v for k, v in text.params.items()})


def merged_text(older: str, newer: str) -> str:
    """The text of two merged edits ("x: a → b" then "x: b → c" give "x: a → c")."""
    if isinstance(older, Phrase) and isinstance(newer, Phrase) and older.source == newer.source \
            and "new" in newer.params:
        return Phrase(older.source, **{**older.params, "new": newer.params["new"]})
    return older


class speaking:
    """``with speaking(lang):`` — tr() uses ``lang`` inside the block (None: no change).
    Diagrams draw their own labels in the workshop's language while the UI keeps its own."""

    def __init__(self, lang: str | None):
        self.lang = lang if lang in LANGUAGES else None
        self._before = None

    def __enter__(self):
        global _current
        self._before = _current
        if self.lang is not None:
            _current = self.lang
        return self

    def __exit__(self, *_exc):
        global _current
        _current = self._before
        return False
