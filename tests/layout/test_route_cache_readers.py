"""The route cache's readers of a key, kept small (a 10,000-step map has ~150,000 keys): a
lone reader is the bare flow id, a few a tuple, a set only beyond that. They must answer
exactly as a set per key would, through any sequence of adds and discards."""

from __future__ import annotations

import random

from mot_workshop.layout.route_cache import FEW, _cell_key, _line_key, _Readers


def test_readers_answer_as_a_set_per_key_would():
    rng = random.Random(7)
    readers, truth = _Readers(), {}
    for _ in range(20_000):
        key, fid = rng.randrange(12), rng.randrange(3 * FEW)
        if rng.random() < 0.55:
            readers.add(key, fid)
            truth.setdefault(key, set()).add(fid)
        else:
            readers.discard(key, fid)
            truth.get(key, set()).discard(fid)
        assert sorted(readers.get(key)) == sorted(truth.get(key, ()))
    for key in range(12):
        assert sorted(readers.get(key)) == sorted(truth.get(key, ()))
        assert (key in readers.by) == bool(truth.get(key))          # nobody left: the key goes


def test_a_lone_reader_is_the_bare_id_and_a_few_a_tuple():
    readers = _Readers()
    readers.add("k", 5)
    readers.add("k", 5)
    assert readers.by["k"] == 5
    for fid in range(6, 5 + FEW):
        readers.add("k", fid)
    assert type(readers.by["k"]) is tuple and len(readers.by["k"]) == FEW
    readers.add("k", 99)
    assert type(readers.by["k"]) is set
    readers = _Readers()
    readers.add("k", 1)
    readers.add("k", 2)
    readers.discard("k", 1)
    assert readers.by["k"] == 2                           # back to the bare id


def test_keys_are_distinct_for_distinct_cells_and_runs():
    cells = [(cx, cy) for cx in range(-40, 40, 3) for cy in range(-40, 40, 7)] + [(2**22, -2**22), (-2**22, 2**22)]
    assert len({_cell_key(cx, cy) for cx, cy in cells}) == len(cells)
    runs = [(d, line, cell) for d in ("row", "column") for line in (-1201, -1, 0, 1, 37, 88_000)
            for cell in (-2**22, -3, 0, 5, 2**22)]
    assert len({_line_key(d, line) + cell for d, line, cell in runs}) == len(runs)
