"""Broken and hostile workshop files, made here, for the tests that hand them to every way
in (the CLI matrix, `recover`, the window's open path) and for the fuzz tests' base file;
and the one check they all make of what the user is told."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from mot_workshop.editing.entities import CreateEntity
from mot_workshop.editing.history import History
from mot_workshop.persistence.store import Store


def small_workshop(path: Path, *, title: str, touchpoints: int = 5, level: int = 3,
                   notes: list[str] = ()) -> Path:
    """A team, a cycle "Parking" with touchpoints, and notes — every row through a command."""
    with Store.create(path, title=title, language="en") as store:
        history = History(store)
        team = CreateEntity("team", {"name": "Team"})
        history.push(team)
        cycle = CreateEntity("cycle", {"name": "Parking", "team_id": team.id})
        history.push(cycle)
        for i in range(touchpoints):
            history.push(CreateEntity("touchpoint", {"cycle_id": cycle.id, "name": f"tp {i}", "level": level}))
        for text in notes:
            history.push(CreateEntity("note", {"text": text}))
    return path


def _sql(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = OFF")
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()


def _flip_schema_name(path: Path) -> None:
    data = bytearray(path.read_bytes())
    at = data.find(b"CREATE TABLE team")
    data[at + 13] ^= 0x01            # 'team' -> 'tdam' in sqlite_master
    path.write_bytes(bytes(data))


def _zero_pages(path: Path) -> None:
    data = bytearray(path.read_bytes())
    pages = len(data) // 4096
    for page in (pages - 4, pages - 2):
        data[page * 4096:(page + 1) * 4096] = bytes(4096)
    path.write_bytes(bytes(data))


BROKEN = {
    "empty": lambda p: p.write_bytes(b""),
    "random": lambda p: p.write_bytes(bytes(range(256)) * 40),
    "truncated": lambda p: p.write_bytes(p.read_bytes()[:3000]),
    "zeroed-pages": _zero_pages,
    "schema-name-bit-flip": _flip_schema_name,
    "trigger": lambda p: _sql(p, "CREATE TRIGGER t AFTER INSERT ON note BEGIN DELETE FROM team; END"),
    "view": lambda p: _sql(p, "CREATE VIEW v AS SELECT 1"),
    "wrong-type": lambda p: _sql(p, "UPDATE team SET name = x'00ff'"),
    "out-of-range": lambda p: _sql(p, "UPDATE touchpoint SET level = 99"),
    "cyclic-parent": lambda p: _sql(p, "UPDATE cycle SET parent_id = id"),
    "unknown-revision": lambda p: _sql(p, "UPDATE alembic_version SET version_num = 'zzzz'",
                                       "PRAGMA user_version = 2"),
    "newer": lambda p: _sql(p, "PRAGMA user_version = 99"),
}


def broken_set(folder: Path) -> dict[str, Path]:
    """Every file of BROKEN made from one small workshop, plus ``good.motw`` (that workshop
    unharmed), ``in.csv`` and ``in.bpmn`` (inputs for the import commands), in ``folder``."""
    base = small_workshop(folder / "base.motw", title="Broken",
                          notes=[f"note {i} " + "x" * 800 for i in range(40)])
    files = {}
    for name, make in BROKEN.items():
        path = folder / f"{name}.motw"
        path.write_bytes(base.read_bytes())
        make(path)
        files[name] = path
    (folder / "in.csv").write_text("need\nquiet\n", encoding="utf-8")
    (folder / "in.bpmn").write_text('<?xml version="1.0"?><definitions xmlns="http://www.omg.org/spec/BPMN/'
                                    '20100524/MODEL"><process id="P"><task id="T" name="t"/></process>'
                                    '</definitions>', encoding="utf-8")
    (folder / "good.motw").write_bytes(base.read_bytes())
    return files


def message_lines(err: str) -> list[str]:
    """What the user was told on stderr, checked to be clean: no traceback, no SQLAlchemy
    page or SQL text; the non-blank lines."""
    assert "Traceback" not in err, err
    assert "sqlalche.me" not in err and "[SQL:" not in err, err
    return [line for line in err.splitlines() if line.strip()]
