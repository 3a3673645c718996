"""The cycle collector around big maps: paused while a map is built and on again afterwards
(after an error too), the built map's objects frozen so later collections skip them, and
handed back and collected when the map's tab closes."""

from __future__ import annotations

import gc
import linecache
import weakref

import pytest

from mot_workshop.ui import collector
from tests.ui.test_map_incremental import big_map  # noqa: F401  (fixture)


@pytest.fixture(autouse=True)
def _thawed():
    """Each test starts and ends with nothing frozen (frozen garbage would outlive the test)."""
    gc.unfreeze()
    yield
    gc.unfreeze()
    assert gc.isenabled()


class Cycle:
    def __init__(self) -> None:
        self.me = self


def test_a_pause_turns_the_collector_back_on_after_an_error_and_nests():
    with pytest.raises(ValueError):
        with collector.paused():
            assert not gc.isenabled()
            with collector.paused():
                assert not gc.isenabled()
            assert not gc.isenabled()                  # the inner pause does not end the outer
            raise ValueError
    assert gc.isenabled()
    gc.disable()
    try:
        with collector.paused():
            pass
        assert not gc.isenabled()                      # off before: left off
    finally:
        gc.enable()


def test_frozen_garbage_waits_for_release():
    garbage = Cycle()
    gone = weakref.ref(garbage)
    collector.keep_alive_objects(collector.BIG)
    del garbage
    gc.collect()
    assert gone() is not None                           # frozen: collections skip it
    collector.release()
    assert gone() is None
    assert gc.get_freeze_count() > 0                    # the survivors are frozen again


def test_a_small_map_freezes_nothing():
    collector.keep_alive_objects(collector.BIG - 1)
    assert gc.get_freeze_count() == 0


def test_a_big_map_built_hands_memory_back(monkeypatch):
    handed = []
    monkeypatch.setattr(collector.heap, "give_back", lambda: handed.append(True))
    collector.keep_alive_objects(collector.BIG - 1)
    assert handed == []                                  # a small map: nothing to hand back
    collector.keep_alive_objects(collector.BIG)
    assert handed == [True]


def test_opening_a_big_map_freezes_it_and_closing_it_collects(window, big_map, qtbot, monkeypatch):  # noqa: F811
    path, map_id = big_map
    monkeypatch.setattr(collector, "BIG", 50)           # the fixture's 90-step map counts as big here
    pauses = []
    real = collector.paused
    monkeypatch.setattr(collector, "paused", lambda: pauses.append(gc.isenabled()) or real())
    leftover = Cycle()                                   # alive when the map is built: frozen with it
    gone = weakref.ref(leftover)
    assert window.files.open_path(path)
    linecache.getline(collector.__file__, 1)
    editor = window.open_map(map_id)
    assert pauses and gc.isenabled()
    assert collector.__file__ not in linecache.cache     # built: the source-line cache was emptied
    frozen = gc.get_freeze_count()
    assert frozen > len(editor.scene.items())            # the scene's items and everything alive with them

    scene = weakref.ref(editor.scene)
    del leftover, editor
    gc.collect()
    assert gone() is not None                           # garbage now, but frozen: left alone
    window.close_tab(window.tabs.currentIndex())
    qtbot.waitUntil(lambda: gone() is None, timeout=3000)
    qtbot.waitUntil(lambda: scene() is None, timeout=3000)
    assert gc.isenabled()
