"""`recover` of a file written by an older version reads it by that version's schema and
brings it up to date by the migrations: the recovered copy holds exactly what upgrading the
file holds (columns added since with their migration's values, step 5's ticks moved to
check-points), less the rows that break a rule — and a reference to a left-out row is
cleared where the app would clear it, the row kept and the clearing reported."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

import pytest

from mot_workshop.cli import main
from mot_workshop.persistence import migrate
from mot_workshop.persistence.marks import SCHEMA_VERSION
from mot_workshop.persistence.reading import COPY_PREFIX
from mot_workshop.persistence.recover import readable_snapshot, recover
from tests.persistence.test_migrations import schema_1_file

OLDER = range(1, SCHEMA_VERSION)


def older_file(path: Path, version: int) -> Path:
    """A file as ``version`` wrote it — a team, a process with an As-Is and a To-Be map, a
    cycle with two touchpoints, a step — then written into by another program: touchpoint 2's level
    is 99, and a second team's name is bytes, where a second cycle refers to it."""
    schema_1_file(path)
    migrate.upgrade(path, f"{version:04d}")
    raw = sqlite3.connect(path)
    raw.execute("INSERT INTO touchpoint (id, cycle_id, seq, name, element, expectation, level, importance, "
                "problems, improvement, owner, critical) VALUES (2, 1, 1, 'Pays', 'HUMAN', '', 99, 3, '', '', '', 0)")
    raw.execute("INSERT INTO team (id, seq, name, colour) VALUES (2, 1, x'00ff', '#cc3333')")
    raw.execute("INSERT INTO cycle (id, parent_id, seq, name, description, process_id, team_id) "
                "VALUES (2, NULL, 1, 'Returns', '', 1, 2)")
    raw.execute("INSERT INTO touchpoint (id, cycle_id, seq, name, element, expectation, level, importance, "
                "problems, improvement, owner, critical) VALUES (3, 2, 0, 'Brings it back', 'HARD', '', 3, 4, '', "
                "'', '', 0)")
    for map_id, kind in ((1, "as-is"), (2, "to-be")):
        raw.execute("INSERT INTO process_map (id, process_id, kind, title, derived_from_id, notes) "
                    "VALUES (?, 1, ?, '', NULL, '')", (map_id, kind))
    raw.execute("INSERT INTO lane (id, map_id, seq, kind, name) VALUES (1, 1, 0, 'customer', 'Customer')")
    raw.execute("INSERT INTO step (id, map_id, lane_id, phase_id, shape, label, x, y, duration, wait, value_class, "
                "output, measure, problems, is_mot, touchpoint_id, linked_process_id) "
                "VALUES (1, 1, 1, NULL, 'activity', 'Asks at the desk', 0, 0, 5, 0, NULL, '', '', '', 1, 1, NULL)")
    if version >= 2:
        raw.execute("INSERT INTO note (id, seq, text, author, wizard_step, done) "
                    "VALUES (1, 0, 'Parking lot', 'Kim', 3, 0)")
        raw.execute("INSERT INTO step_progress (id, step_no, status, process_id, seconds_spent, notes) "
                    "VALUES (1, 5, 'in-progress', 1, 60, 'Agreed\ncs-checked: 2, 5')")
    raw.commit()
    raw.close()
    return path


def table_rows(path: Path) -> dict[str, list[dict]]:
    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    raw.row_factory = sqlite3.Row
    try:
        names = [r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND "
                                            "name NOT LIKE 'sqlite_%' AND name != 'alembic_version'")]
        return {name: [dict(r) for r in raw.execute(f'SELECT * FROM "{name}" ORDER BY id')] for name in sorted(names)}
    finally:
        raw.close()


def upgraded(path: Path, folder: Path) -> dict[str, list[dict]]:
    """What the migrations make of the file (a copy: the file itself is only read)."""
    copy = folder / "upgraded.motw"
    shutil.copyfile(path, copy)
    migrate.upgrade(copy)
    return table_rows(copy)


@pytest.mark.parametrize("version", OLDER)
def test_an_older_file_is_recovered_as_its_upgrade_reads_it(version, tmp_path, capsys):
    (tmp_path / "reference").mkdir()
    path = older_file(tmp_path / f"v{version}.motw", version)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    expected = upgraded(path, tmp_path / "reference")
    # what the rules leave out, and what the app would clear
    expected["touchpoint"] = [r for r in expected["touchpoint"] if r["id"] != 2]
    expected["team"] = [r for r in expected["team"] if r["id"] != 2]
    for row in expected["cycle"]:
        if row["id"] == 2:
            row["team_id"] = None
    if 2 <= version <= 4:      # the upgrade moved step 5's ticks to the To-Be map's check-points
        assert [(r["map_id"], r["point"]) for r in expected["cs_check"]] == [(2, 2), (2, 5)]
        assert expected["step_progress"][0]["notes"] == "Agreed"

    assert main(["recover", str(path), "--lang", "en"]) == 0
    captured = capsys.readouterr()
    out = captured.out
    assert captured.err == "" and len(out.splitlines()) == 1
    assert not list(Path(tempfile.gettempdir()).glob(f"{COPY_PREFIX}{os.getpid()}-*")), "a copy was left behind"
    copy = path.with_name(f"v{version} (recovered).motw")
    assert "2 left out" in out and "1 reference to a left-out record was cleared: MOT cycle 'Returns': Team" in out
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert main(["check", str(copy)]) == 0
    capsys.readouterr()
    got = table_rows(copy)
    assert got.keys() == expected.keys()
    for table, rows in expected.items():
        if table == "workshop":      # a new file of its own: the identity is the copy's
            rows = [{k: v for k, v in r.items() if k != "identity"} for r in rows]
            got[table] = [{k: v for k, v in r.items() if k != "identity"} for r in got[table]]
        assert got[table] == rows, table


def test_the_window_s_read_only_view_of_an_older_file_is_its_upgrade_too(tmp_path):
    path = older_file(tmp_path / "v4.motw", 4)
    snapshot = readable_snapshot(path)
    assert [(c.map_id, c.point) for c in snapshot.all("cs_check")] == [(2, 2), (2, 5)]
    assert [c.team_id for c in snapshot.all("cycle")] == [None, None]
    assert sorted(t.id for t in snapshot.all("touchpoint")) == [1, 3]


def test_a_current_file_with_a_lost_team_keeps_its_cycle_and_touchpoints(tmp_path):
    from tests.persistence.broken_files import BROKEN, small_workshop

    path = small_workshop(tmp_path / "w.motw", title="Lost team")
    BROKEN["wrong-type"](path)
    result = recover(path)
    assert (result.kept, result.left_out) == (7, 1)          # workshop, cycle, 5 touchpoints; the team lost
    assert result.cleared == ("MOT cycle 'Parking': Team",)
    rows = table_rows(result.path)
    assert rows["team"] == [] and [r["team_id"] for r in rows["cycle"]] == [None]
    assert len(rows["touchpoint"]) == 5


def test_a_damaged_older_file_is_read_by_its_own_schema_too(tmp_path, capsys):
    from tests.persistence.broken_files import _zero_pages

    path = older_file(tmp_path / "v3.motw", 3)
    raw = sqlite3.connect(path)
    for i in range(2, 60):
        raw.execute("INSERT INTO note (id, seq, text, author, wizard_step, done) VALUES (?, ?, ?, '', 2, 0)",
                    (i, i, "n" * 900))
    raw.commit()
    raw.close()
    _zero_pages(path)                     # two pages of notes are lost
    assert main(["check", str(path)]) == 1
    assert main(["recover", str(path)]) == 0
    capsys.readouterr()
    rows = table_rows(path.with_name("v3 (recovered).motw"))
    assert [(r["map_id"], r["point"]) for r in rows["cs_check"]] == [(2, 2), (2, 5)]
    assert rows["step_progress"][0]["notes"] == "Agreed"
    assert 0 < len(rows["note"]) < 59 and [t["id"] for t in rows["touchpoint"]] == [1, 3]


def test_an_older_file_whose_damage_stops_its_upgrade_is_called_damaged(tmp_path, capsys):
    """The damage lies in the steps, which the upgrade copies: `check` (which may read a
    damaged file) cannot upgrade a copy of it to read. It says the file is damaged and names
    `recover` — never that a change could not be saved — and `recover` saves the rest."""
    path = older_file(tmp_path / "v2.motw", 2)
    raw = sqlite3.connect(path)
    for i in range(2, 400):
        raw.execute("INSERT INTO step (id, map_id, lane_id, phase_id, shape, label, x, y, duration, wait, "
                    "value_class, output, measure, problems, is_mot, touchpoint_id, linked_process_id) "
                    "VALUES (?, 1, 1, NULL, 'activity', ?, 0, 0, 5, 0, NULL, '', '', '', 0, NULL, NULL)", (i, "s" * 200))
    raw.commit()
    leaves = [r[0] for r in raw.execute("SELECT pageno FROM dbstat WHERE name = 'step' AND pagetype = 'leaf' "
                                        "ORDER BY pageno")]
    raw.close()
    data = bytearray(path.read_bytes())
    for page in (leaves[2], leaves[8]):
        data[(page - 1) * 4096:page * 4096] = bytes(4096)
    path.write_bytes(bytes(data))
    before = path.read_bytes()

    assert main(["check", str(path)]) == 1
    err = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert len(err) == 1 and "v2.motw is damaged" in err[0] and "could not be saved" not in err[0], err
    assert err[0].endswith(f"mot-workshop recover {path}")
    assert main(["recover", str(path)]) == 0
    capsys.readouterr()
    rows = table_rows(path.with_name("v2 (recovered).motw"))
    assert 300 < len(rows["step"]) < 399 and [(r["map_id"], r["point"]) for r in rows["cs_check"]] == [(2, 2), (2, 5)]
    assert path.read_bytes() == before
