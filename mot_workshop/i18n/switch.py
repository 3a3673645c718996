"""Run a block in another language and switch back afterwards (exports in a chosen language)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from mot_workshop.i18n import current_language, set_language


@contextmanager
def language(lang: str | None) -> Iterator[None]:
    previous = current_language()
    if lang:
        set_language(str(lang))
    try:
        yield
    finally:
        set_language(previous)
