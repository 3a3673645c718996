"""Every sub-command, and the window's open path, against a set of broken and hostile
files made here: one line of message, a non-zero exit, the file's bytes unchanged, and
quickly (no hang). Point 9 of the reliability issue: no traceback where a message was
promised."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from mot_workshop.cli import main
from mot_workshop.persistence.store import Store

LIMIT_S = 30          # generous on a loaded machine; a hang would take minutes


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


@pytest.fixture(scope="module")
def broken(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("broken")
    base = folder / "base.motw"
    with Store.create(base, title="Broken", language="en") as store:
        from mot_workshop.editing.entities import CreateEntity
        from mot_workshop.editing.history import History

        history = History(store)
        team = CreateEntity("team", {"name": "Team"})
        history.push(team)
        cycle = CreateEntity("cycle", {"name": "Parking", "team_id": team.id})
        history.push(cycle)
        for i in range(5):
            history.push(CreateEntity("touchpoint", {"cycle_id": cycle.id, "name": f"tp {i}", "level": 3}))
        for i in range(40):
            history.push(CreateEntity("note", {"text": f"note {i} " + "x" * 800}))
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


def commands(path: Path, out: Path) -> dict[str, list[str]]:
    folder = path.parent
    return {
        "check": ["check", str(path)],
        "dump": ["dump", str(path), "-o", str(out / "d.json")],
        "analyze": ["analyze", str(path)],
        "report": ["report", str(path), "-o", str(out / "r.pdf")],
        "worksheets": ["worksheets", "--from", str(path), "-o", str(out / "w.pdf"), "--steps", "1"],
        "render": ["render", str(path), "--view", "cycle:Parking", "-o", str(out / "c.svg")],
        "export-bpmn": ["export-bpmn", str(path), "--map", "P/as-is", "-o", str(out / "m.bpmn")],
        "export-table": ["export-table", str(path), "--table", "voc", "-o", str(out / "t.xlsx")],
        "import-table": ["import-table", str(path), str(folder / "in.csv"), "--table", "voc"],
        "import-bpmn": ["import-bpmn", str(path), str(folder / "in.bpmn")],
        "merge-into": ["merge", str(path), str(folder / "good.motw")],
        "merge-from": ["merge", str(folder / "good.motw"), str(path)],
    }


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_every_sub_command_refuses_a_broken_file_in_one_line(kind, broken, tmp_path, capsys):
    path = broken[kind]
    good = path.parent / "good.motw"
    before, good_before = path.read_bytes(), good.read_bytes()
    for name, argv in commands(path, tmp_path).items():
        started = time.monotonic()
        code = main(argv)
        took = time.monotonic() - started
        err = capsys.readouterr().err
        lines = [line for line in err.splitlines() if line.strip()]
        assert code != 0, f"{kind}: {name} succeeded"
        assert len(lines) == 1 and "Traceback" not in err, f"{kind}: {name}:\n{err}"
        assert "sqlalche.me" not in err and "[SQL:" not in err, f"{kind}: {name}: {err}"
        assert took < LIMIT_S, f"{kind}: {name} took {took:.1f} s"
        assert path.read_bytes() == before, f"{kind}: {name} changed the file"
        assert good.read_bytes() == good_before, f"{kind}: {name} changed the other file"
        assert not list(path.parent.glob(".*.motw.*")), f"{kind}: {name} left a temporary file"
