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
