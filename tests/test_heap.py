"""Handing memory back after a big map is built: the source-line cache is emptied, the C
heap is trimmed where the C library can, and elsewhere nothing happens (no error)."""

from __future__ import annotations

import linecache
import sys

import pytest

from mot_workshop import heap


@pytest.fixture(autouse=True)
def _fresh_lookup():
    heap._malloc_trim.cache_clear()
    yield
    heap._malloc_trim.cache_clear()


def test_the_source_line_cache_is_emptied():
    assert linecache.getline(heap.__file__, 1)
    assert heap.__file__ in linecache.cache
    heap.give_back()
    assert heap.__file__ not in linecache.cache
    assert linecache.getline(heap.__file__, 1)        # a traceback still reads its lines


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc only")
def test_glibc_s_heap_is_trimmed(monkeypatch):
    calls = []
    real = heap._malloc_trim()
    if real is None:
        pytest.skip("this C library has no malloc_trim (musl)")
    monkeypatch.setattr(heap, "_malloc_trim", lambda: lambda pad: calls.append(pad) or real(pad))
    assert heap.give_back() is True
    assert calls == [0]


@pytest.mark.parametrize("platform", ["darwin", "win32"])
def test_without_glibc_trimming_does_nothing(monkeypatch, platform):
    monkeypatch.setattr(sys, "platform", platform)
    assert heap._malloc_trim() is None
    assert heap.give_back() is False


def test_a_c_library_without_malloc_trim_does_nothing(monkeypatch):
    class NoTrim:            # musl: the library loads, the symbol is missing
        def __getattr__(self, name):
            raise AttributeError(name)

    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(heap.ctypes, "CDLL", lambda name: NoTrim())
    assert heap.give_back() is False
