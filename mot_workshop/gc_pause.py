"""Pausing Python's cycle collector around bulk work. Building thousands of objects that stay
alive (an XML tree of 160,000 elements, a map's items) makes the collector run full
collections over everything alive again and again: half the time of reading a 10,000-step
BPMN file. What bulk work builds holds no reference cycles worth collecting at once;
reference counting frees it as usual."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """No collection inside; the collector is on again afterwards (even after an error) if it
    was on before (nested pauses keep it off until the outermost ends)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
