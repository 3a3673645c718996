"""When Python's cycle collector runs. A 10,000-step map holds ~650,000 tracked objects; each
full collection walks them all (0.3–1.5 s), and allocation while a map is built or edited
triggers such collections at random moments — inside a drag's release, say. So the collector
is paused while a map is built, what is alive afterwards is frozen (full collections skip it;
memory freed by reference counting is freed as usual), and when a map or file is closed the
frozen objects are handed back and collected once, when the user expects a moment's work."""

from __future__ import annotations

import gc

from mot_workshop import heap
from mot_workshop.gc_pause import paused  # noqa: F401  (the map's build pauses through here)

BIG = 500          # steps of a map from which its objects are frozen once it is built


def keep_alive_objects(steps: int) -> None:
    """After a map of ``steps`` steps is built: everything alive now is long-lived, later
    collections stop walking it, and the memory building it used is handed back. Not for
    small maps: their objects cost collections little, and garbage frozen with them would
    stay until the map is closed."""
    if steps >= BIG:
        gc.freeze()
        heap.give_back()


def release() -> None:
    """Collect what closing left behind (cycles among frozen objects included), then freeze
    the survivors again (nothing to do when nothing was frozen)."""
    if gc.get_freeze_count():
        gc.unfreeze()
        gc.collect()
        gc.freeze()
