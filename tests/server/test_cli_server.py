"""The headless sub-commands on a workshop on a team server: `URL --workshop TITLE`."""

from __future__ import annotations

import json

import pytest

from mot_workshop.cli import main
from mot_workshop.editing.history import History
from mot_workshop.persistence.server.server import Server
from mot_workshop.persistence.store import Store
from tests.world import build_world

TITLE = "고객접점 워크숍"


@pytest.fixture
def world_file(tmp_path):
    path = tmp_path / "world.motw"
    store = Store.create(path, title=TITLE, organisation="S 백화점", facilitator="Kim")
    build_world(History(store))
    store.close()
    return path


def test_load_then_dump_gives_exactly_the_files_dump(world_file, pg_url, tmp_path, capsys):
    from_file, from_server = tmp_path / "file.json", tmp_path / "server.json"
    assert main(["dump", str(world_file), "-o", str(from_file)]) == 0
    assert main(["load", str(from_file), pg_url, "--workshop", TITLE]) == 0
    assert main(["dump", pg_url, "--workshop", TITLE, "-o", str(from_server)]) == 0
    assert from_server.read_bytes() == from_file.read_bytes()
    # loading again is refused without --force, and replaces with it
    capsys.readouterr()
    assert main(["load", str(from_file), pg_url, "--workshop", TITLE, "--lang", "en"]) == 1
    assert "already exists" in capsys.readouterr().err
    assert main(["load", str(from_file), pg_url, "--workshop", TITLE, "--force"]) == 0
    assert [e.title for e in Server(pg_url).workshops()] == [TITLE]


def test_read_only_jobs_take_a_server_workshop(world_file, pg_url, tmp_path, capsys):
    dumped = tmp_path / "w.json"
    main(["dump", str(world_file), "-o", str(dumped)])
    assert main(["load", str(dumped), pg_url, "--workshop", TITLE]) == 0
    capsys.readouterr()
    assert main(["check", pg_url, "--workshop", TITLE, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "integrity: ok" in out and f"workshop: {TITLE}" in out
    assert main(["analyze", pg_url, "--workshop", TITLE, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)
    csv = tmp_path / "actions.csv"
    assert main(["export-table", pg_url, "--workshop", TITLE, "--table", "actions", "-o", str(csv)]) == 0
    assert csv.exists()


def test_writing_jobs_change_the_server_workshop(world_file, pg_url, tmp_path, capsys):
    assert main(["demo", pg_url, "--workshop", "Sample", "--lang", "en"]) == 0
    with Server(pg_url) as server, server.open("Sample") as store:
        teams = len(store.select("team"))
        assert teams and store.workshop().title == "Sample"
    # the team's file merges into the shared workshop, once: merging it twice adds nothing new
    assert main(["merge", pg_url, str(world_file), "--workshop", "Sample", "--label", "B"]) == 0
    with Server(pg_url) as server, server.open("Sample") as store:
        assert len(store.select("team")) == teams + 1


def test_mistakes_are_one_line_messages(world_file, pg_url, capsys):
    cases = [
        (["dump", str(world_file), "--workshop", "X", "--lang", "en"], "--workshop goes with a team server address"),
        (["dump", pg_url], "--workshop TITLE"),
        (["dump", pg_url, "--workshop", "Nowhere"], "no workshop called"),
        (["dump", pg_url.replace("motw_admin@", "motw_admin:secret@"), "--workshop", "X"], "password"),
        (["dump", "postgresql://motw_admin@127.0.0.1:1/x", "--workshop", "X"], "cannot be reached"),
    ]
    for argv, expected in cases:
        capsys.readouterr()
        assert main(argv) == 1, argv
        err = capsys.readouterr().err
        assert expected in err and len(err.strip().splitlines()) == 1, err
        assert "secret" not in err


def test_without_lang_the_server_workshop_s_language(world_file, pg_url, tmp_path, capsys, monkeypatch):
    """The CLI language rule reads a server workshop's language as it reads a file's: before
    the system's locale, for the command's messages and for argparse's own."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    dumped = tmp_path / "w.json"
    main(["dump", str(world_file), "-o", str(dumped)])
    assert main(["load", str(dumped), pg_url, "--workshop", TITLE]) == 0
    capsys.readouterr()
    assert main(["check", pg_url, "--workshop", TITLE]) == 0            # a Korean workshop
    out = capsys.readouterr().out
    assert "무결성: 정상" in out and f"워크숍: {TITLE}" in out and "integrity" not in out
    with pytest.raises(SystemExit):
        main(["render", pg_url, "--workshop", TITLE, "--view", "map:x", "-o", "x.png", "--scale", "big"])
    assert "mot-workshop render: 오류: 인수 --scale" in capsys.readouterr().err
    with Server(pg_url) as server, server.open(TITLE) as store:         # an English one: English
        from mot_workshop.editing.entities import UpdateEntity

        History(store).push(UpdateEntity("workshop", store.workshop().id, {"language": "en"}))
    assert main(["check", pg_url, "--workshop", TITLE]) == 0
    assert "integrity: ok" in capsys.readouterr().out
    # a workshop the server does not have: the system's language, and the server's own message
    assert main(["check", pg_url, "--workshop", "Nowhere"]) == 1
    assert "no workshop called" in capsys.readouterr().err
