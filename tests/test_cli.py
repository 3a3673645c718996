"""The headless command line: check, dump, load, and clear errors for user mistakes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from mot_workshop.cli import main
from mot_workshop.persistence.schema import SCHEMA_VERSION
from mot_workshop.persistence.store import Store
from tests.world import build_world


@pytest.fixture
def world_file(tmp_path):
    path = tmp_path / "world.motw"
    store = Store.create(path, title="고객접점 워크숍", organisation="S 백화점")
    from mot_workshop.editing.history import History

    build_world(History(store))
    store.close()
    return path


def test_dump_load_dump_is_identical(world_file, tmp_path):
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    rebuilt = tmp_path / "rebuilt.motw"
    assert main(["dump", str(world_file), "-o", str(first)]) == 0
    assert main(["load", str(first), str(rebuilt)]) == 0
    assert main(["dump", str(rebuilt), "-o", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()
    data = json.loads(first.read_text(encoding="utf-8"))
    assert data["format"] == "mot-workshop-dump" and data["version"] == 1
    assert data["entities"]["workshop"][0]["title"] == "고객접점 워크숍"
    assert len(data["entities"]["step"]) == 5


def test_dump_to_standard_output(world_file, capsys):
    assert main(["dump", str(world_file)]) == 0
    assert json.loads(capsys.readouterr().out)["entities"]["team"][0]["name"] == "Team A"


def test_check_reports_version_counts_and_integrity(world_file, capsys):
    assert main(["check", str(world_file), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert f"schema version: {SCHEMA_VERSION}" in out
    assert "integrity: ok" in out
    assert "touchpoint:" in out and " 4" in out


def test_check_fails_with_one_line_on_a_rule_breach(world_file, capsys):
    import sqlite3

    raw = sqlite3.connect(world_file)
    raw.execute("UPDATE touchpoint SET level = 9 WHERE id = 1")
    raw.commit()
    raw.close()
    assert main(["check", str(world_file), "--lang", "en"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "between 1 and 5" in err[0]


def test_load_refuses_to_overwrite_without_force(world_file, tmp_path, capsys):
    dumped = tmp_path / "w.json"
    main(["dump", str(world_file), "-o", str(dumped)])
    before = world_file.read_bytes()
    assert main(["load", str(dumped), str(world_file)]) == 1
    assert "already exists" in capsys.readouterr().err
    assert world_file.read_bytes() == before


def test_load_of_invalid_json_is_a_clear_error(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["load", str(bad), str(tmp_path / "out.motw")]) == 1
    assert "not valid JSON" in capsys.readouterr().err
    assert not (tmp_path / "out.motw").exists()


def test_missing_file_is_a_clear_error(tmp_path, capsys):
    assert main(["check", str(tmp_path / "nope.motw")]) == 1
    assert "no such file" in capsys.readouterr().err


def test_bad_arguments_exit_2_with_usage(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["dump"])
    assert exc.value.code == 2
    assert "usage: mot-workshop dump" in capsys.readouterr().err


def test_python_dash_m_runs_the_same_command():
    result = subprocess.run([sys.executable, "-m", "mot_workshop", "--help"], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0
    assert "check" in result.stdout and "dump" in result.stdout


def test_load_with_force_replaces_the_file(world_file, tmp_path):
    dumped = tmp_path / "w.json"
    main(["dump", str(world_file), "-o", str(dumped)])
    target = tmp_path / "other.motw"
    Store.create(target, title="Old").close()
    assert main(["load", str(dumped), str(target), "--force"]) == 0
    with Store.open(target) as store:
        assert store.workshop().title == "고객접점 워크숍"
