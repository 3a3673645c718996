"""Importing another team's workshop file: everything comes across with new ids and every
reference remapped, clashing names get a suffix, teams of the same name are one team, and
the whole import is one undo step that survives reopening."""

from __future__ import annotations

import pytest

from mot_workshop.cli import main
from mot_workshop.domain.audit import audit
from mot_workshop.editing.entities import CreateEntity
from mot_workshop.editing.history import History
from mot_workshop.editing.merge import MergeWorkshop
from mot_workshop.persistence.dump import to_json
from mot_workshop.persistence.store import Store
from tests.world import build_world


@pytest.fixture
def team_file(tmp_path):
    path = tmp_path / "team-b.motw"
    with Store.create(path, title="B조 워크숍") as store:
        history = History(store)
        build_world(history)
        history.push(CreateEntity("process", {"name": "상품권을 판매한다"}))
        history.push(CreateEntity("team", {"name": "B조"}))
        snapshot = store.snapshot()
    return path, snapshot


@pytest.fixture
def master(history):
    build_world(history)
    return history


def test_everything_comes_across_with_remapped_ids(master, team_file):
    _, team = team_file
    store = master.store
    before = store.snapshot()
    command = MergeWorkshop(team, label="Team B")
    master.push(command)
    after = store.snapshot()
    assert not audit(after) and not store.integrity_problems()
    for kind in ("process", "cycle", "touchpoint", "process_map", "lane", "phase", "step", "flow", "voc",
                 "output_analysis", "benchmark", "obstacle", "target", "key_indicator", "action", "vote", "note"):
        assert len(after.by_kind[kind]) == len(before.by_kind[kind]) + len(team.by_kind[kind]), kind
    assert len(after.by_kind["step_progress"]) == len(before.by_kind["step_progress"])
    # new ids, and every reference points at a copy of what it pointed at in the team file
    for kind in ("process", "process_map", "step", "flow", "touchpoint"):
        for old in team.all(kind):
            new = after.get(kind, command.new_id(kind, old.id))
            assert new is not None and new.id not in before.by_kind[kind]
    for old in team.all("flow"):
        new = after.get("flow", command.new_id("flow", old.id))
        assert new.source_id == command.new_id("step", old.source_id)
        assert new.target_id == command.new_id("step", old.target_id)
        assert new.map_id == command.new_id("process_map", old.map_id)
    for old in team.all("step"):
        new = after.get("step", command.new_id("step", old.id))
        assert new.lane_id == command.new_id("lane", old.lane_id)
        assert new.phase_id == (command.new_id("phase", old.phase_id) if old.phase_id else None)
        assert new.touchpoint_id == (command.new_id("touchpoint", old.touchpoint_id) if old.touchpoint_id else None)
    for old in team.all("vote"):
        new = after.get("vote", command.new_id("vote", old.id))
        assert new.target_id == command.new_id(str(old.target_kind), old.target_id)
    obstacle = team.all("obstacle")[0]
    assert after.get("obstacle", command.new_id("obstacle", obstacle.id)).source_step_id == \
        command.new_id("step", obstacle.source_step_id)
    sub = next(c for c in team.all("cycle") if c.parent_id is not None)
    assert after.get("cycle", command.new_id("cycle", sub.id)).parent_id == command.new_id("cycle", sub.parent_id)


def test_name_clashes_get_the_team_suffix_and_teams_are_shared(master, team_file):
    _, team = team_file
    command = MergeWorkshop(team, label="Team B")
    master.push(command)
    names = [p.name for p in master.store.select("process")]
    assert names == ["Exchange defective goods", "Sell gift certificates", "Exchange defective goods (Team B)",
                     "Sell gift certificates (Team B)", "상품권을 판매한다"]
    cycles = [c.name for c in master.store.select("cycle", parent_id=None)]
    assert cycles == ["Parking", "Parking (Team B)"]
    assert [t.name for t in master.store.select("team")] == ["Team A", "B조"]
    assert len(master.store.select("participant")) == 1          # Kim of Team A is the same person
    assert ("process", "Sell gift certificates", "Sell gift certificates (Team B)") in command.renamed


def test_without_a_label_the_suffix_is_a_number(master, team_file, tmp_path):
    path, team = team_file                                       # two teams: no single label
    with Store.open(path, read_only=True) as store:              # a second team's copy of it
        store.copy_to(tmp_path / "team-c.motw")
    with Store.open(tmp_path / "team-c.motw", read_only=True) as store:
        other = store.snapshot()
    master.push(MergeWorkshop(team))
    master.push(MergeWorkshop(other))
    names = [p.name for p in master.store.select("process")]
    assert names.count("Exchange defective goods (2)") == 1 and names.count("Exchange defective goods (3)") == 1
    assert "상품권을 판매한다 (2)" in names


def test_one_undo_step_redo_and_reopen(master, team_file, workshop_path):
    _, team = team_file
    before = to_json(master.store.snapshot())
    master.push(MergeWorkshop(team, label="B조"))
    after = to_json(master.store.snapshot())
    assert after != before
    master.undo()
    assert to_json(master.store.snapshot()) == before
    assert not master.can_undo or master.undo_text != "Import from another workshop file"
    master.redo()
    assert to_json(master.store.snapshot()) == after
    master.store.close()
    with Store.open(workshop_path) as reopened:
        assert to_json(reopened.snapshot()) == after


def test_cli_merge_leaves_the_team_file_alone(master, team_file, workshop_path, capsys):
    path, _ = team_file
    master.store.close()
    team_bytes = path.read_bytes()
    assert main(["merge", str(workshop_path), str(path), "--label", "Team B", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Renamed process 'Exchange defective goods' to 'Exchange defective goods (Team B)'" in out
    assert path.read_bytes() == team_bytes
    assert main(["check", str(workshop_path), "--lang", "en"]) == 0
    assert main(["merge", str(workshop_path), str(workshop_path), "--lang", "en"]) == 1


def _counts(path):
    with Store.open(path, read_only=True) as store:
        snapshot = store.snapshot()
    return {kind: len(snapshot.by_kind[kind]) for kind in snapshot.by_kind}


@pytest.mark.parametrize("spelling", ["dotdot", "symlink", "hardlink", "copy"])
def test_a_file_merged_into_itself_is_refused_however_it_is_spelled(master, workshop_path, tmp_path,
                                                                    capsys, spelling):
    import os
    import shutil

    master.store.close()
    other = tmp_path / "elsewhere"
    other.mkdir()
    if spelling == "dotdot":
        team = other / ".." / workshop_path.name
    elif spelling == "symlink":
        team = other / "link.motw"
        team.symlink_to(workshop_path)
    elif spelling == "hardlink":
        team = other / "hard.motw"
        os.link(workshop_path, team)
    else:
        team = other / "copy.motw"
        shutil.copyfile(workshop_path, team)
    before = workshop_path.read_bytes()
    assert main(["merge", str(workshop_path), str(team), "--lang", "en"]) == 1
    assert "cannot be merged into itself" in capsys.readouterr().err
    assert workshop_path.read_bytes() == before


def test_a_save_as_copy_is_a_workshop_of_its_own(master, workshop_path, tmp_path):
    copy = tmp_path / "copy.motw"
    master.store.copy_to(copy)
    with Store.open(copy, read_only=True) as store:
        assert store.workshop().identity and store.workshop().identity != master.store.workshop().identity


def test_the_identity_travels_in_dump_and_load(master, workshop_path, tmp_path):
    identity = master.store.workshop().identity
    master.store.close()
    dump = tmp_path / "w.json"
    assert main(["dump", str(workshop_path), "-o", str(dump)]) == 0
    assert identity in dump.read_text(encoding="utf-8")
    assert main(["load", str(dump), str(tmp_path / "loaded.motw")]) == 0
    with Store.open(tmp_path / "loaded.motw", read_only=True) as store:
        assert store.workshop().identity == identity


def test_merging_the_same_team_file_twice_brings_only_what_is_new(master, team_file, workshop_path, capsys):
    path, _ = team_file
    master.store.close()
    assert main(["merge", str(workshop_path), str(path), "--label", "Team B"]) == 0
    once = _counts(workshop_path)
    capsys.readouterr()
    assert main(["merge", str(workshop_path), str(path), "--label", "Team B", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert _counts(workshop_path) == once              # no doubled votes, rows or processes
    assert "were merged before and were not brought in again" in out
    # the team works on: a new action, a changed one, a new vote on a merged step
    with Store.open(path) as team_store:
        history = History(team_store)
        process = team_store.select("process")[0].id
        history.push(CreateEntity("action", {"process_id": process, "description": "Call back within a day"}))
        from mot_workshop.editing.entities import UpdateEntity

        first = team_store.select("action")[0]
        history.push(UpdateEntity("action", first.id, {"owner": "Somebody else"}))
        step = team_store.select("step")[0].id
        history.push(CreateEntity("vote", {"team_id": team_store.select("team")[0].id,
                                           "target_kind": "step", "target_id": step, "dots": 2}))
    assert main(["merge", str(workshop_path), str(path), "--label", "Team B", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    thrice = _counts(workshop_path)
    assert thrice["action"] == once["action"] + 1 and thrice["vote"] == once["vote"] + 1
    assert thrice["process"] == once["process"] and thrice["step"] == once["step"]
    assert "1 of them changed in the team file since" in out
    with Store.open(workshop_path, read_only=True) as store:
        snapshot = store.snapshot()
        vote = max(snapshot.all("vote"), key=lambda v: v.id)
        assert snapshot.get("step", vote.target_id) is not None      # remapped onto the merged step
        assert "Call back within a day" in {a.description for a in snapshot.all("action")}
    assert main(["check", str(workshop_path)]) == 0


def test_what_was_deleted_after_a_merge_stays_deleted(master, team_file):
    _, team = team_file
    master.push(MergeWorkshop(team, label="B"))
    store = master.store
    command = MergeWorkshop(team, label="B")
    merged_map = store.get("process_map", max(m.id for m in store.select("process_map")))
    from mot_workshop.editing.entities import DeleteEntity

    master.push(DeleteEntity("process_map", merged_map.id))
    before = store.snapshot()
    master.push(command)
    after = store.snapshot()
    assert len(after.by_kind["process_map"]) == len(before.by_kind["process_map"])
    assert len(after.by_kind["step"]) == len(before.by_kind["step"])
    assert command.gone >= 1
    master.undo()
    assert store.snapshot().by_kind["merge_link"] == before.by_kind["merge_link"]
