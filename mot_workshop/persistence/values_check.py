"""Values no version of MOT Workshop writes: a text where a number belongs, a blob, a
score of 99, a 1 MB name — put there by another program. Found with one query per table
on open (SQLite does the scanning), so no view, report or export meets them later."""

from __future__ import annotations

import functools
import sqlite3

from mot_workshop.domain.base import FieldInfo, field_infos
from mot_workshop.domain.registry import KINDS

_INF = "9e999"


def _allowed(info: FieldInfo) -> str:
    c = f'"{info.name}"'
    if info.type is bool:
        ok = f"typeof({c}) = 'integer' AND {c} IN (0, 1)"
    elif info.type is int:
        ok = f"typeof({c}) = 'integer'"
    elif info.type is float:
        ok = f"typeof({c}) IN ('integer', 'real') AND {c} NOT IN ({_INF}, -{_INF})"
    else:                                   # text and enum values
        ok = f"typeof({c}) = 'text'"
        if info.max_len is not None:
            ok += f" AND length({c}) <= {int(info.max_len)}"
    if info.range is not None and info.type in (int, float):
        low, high = info.range
        if low is not None:
            ok += f" AND {c} >= {low!r}"
        if high is not None:
            ok += f" AND {c} <= {high!r}"
    return f"({c} IS NULL OR ({ok}))" if info.optional else f"({ok})"


@functools.cache
def _queries() -> dict[str, tuple[str, tuple[FieldInfo, ...]]]:
    out = {}
    for kind, cls in KINDS.items():
        infos = field_infos(cls)
        if infos:
            where = " OR ".join(f"NOT {_allowed(i)}" for i in infos)
            out[kind] = (f'SELECT id FROM "{kind}" WHERE {where} LIMIT 1', infos)
    return out


def first_bad_value(conn: sqlite3.Connection) -> str | None:
    """"kind id: field" of the first value no version writes, or None."""
    for kind, (query, infos) in _queries().items():
        row = conn.execute(query).fetchone()
        if row is None:
            continue
        ident = row[0]
        for info in infos:
            one = conn.execute(f'SELECT 1 FROM "{kind}" WHERE id = ? AND NOT {_allowed(info)}', (ident,)).fetchone()
            if one is not None:
                return f"{kind} {ident}: {info.name}"
        return f"{kind} {ident}"
    loop = conn.execute(_LOOP).fetchone()
    if loop is not None:
        return f"cycle {loop[0]}: parent_id"
    return None


# a sub-cycle that is its own ancestor: every walk up the tree would go round for ever
_LOOP = """
WITH RECURSIVE up(start, node, depth) AS (
    SELECT id, parent_id, 1 FROM cycle WHERE parent_id IS NOT NULL
    UNION ALL
    SELECT up.start, c.parent_id, up.depth + 1 FROM up JOIN cycle c ON c.id = up.node
    WHERE c.parent_id IS NOT NULL AND up.depth < 10000
)
SELECT start FROM up WHERE node = start LIMIT 1
"""
