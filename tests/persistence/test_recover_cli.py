"""`mot-workshop recover`: the command the messages for damaged and tampered files name.
Run on the broken-file set it writes a new file that passes `check` — or says in one line why
nothing could be saved — and never changes the file it reads."""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

import pytest

from mot_workshop.cli import main
from mot_workshop.persistence.recover import recover
from tests.persistence.broken_files import broken_set, message_lines
from tests.persistence.test_broken_file_matrix import LIMIT_S, NOTHING_TO_RECOVER, recover_argv

# kind -> what the copy holds of the 5 touchpoints and 40 notes of the broken files' workshop
SAVED = {
    "zeroed-pages": None,                   # what the zeroed pages held is lost; the rest is kept
    "trigger": (5, 40), "view": (5, 40), "unknown-revision": (5, 40),
    "wrong-type": (5, 40),                  # the team's name is unreadable: the team goes, its cycle stays
    "out-of-range": (0, 40),                # every touchpoint has level 99
    "cyclic-parent": (0, 40),               # the cycle is its own parent
}
NOTHING_READABLE = {"truncated", "schema-name-bit-flip"}   # the workshop record itself is gone


@pytest.fixture(scope="module")
def broken(tmp_path_factory) -> dict[str, Path]:
    return broken_set(tmp_path_factory.mktemp("broken"))


def run(argv: list[str], capsys) -> tuple[int, list[str], list[str]]:
    started = time.monotonic()
    code = main(argv)
    assert time.monotonic() - started < LIMIT_S, argv
    captured = capsys.readouterr()
    return code, message_lines(captured.out), message_lines(captured.err)


def made_files(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def counts(path: Path) -> tuple[int, int]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return tuple(conn.execute(f"SELECT count(*) FROM {kind}").fetchone()[0] for kind in ("touchpoint", "note"))
    finally:
        conn.close()


@pytest.mark.parametrize("kind", sorted(SAVED) + sorted(NOTHING_READABLE))
def test_the_command_a_refusal_names_saves_what_is_readable(kind, broken, capsys):
    path = broken[kind]
    before, files_before = path.read_bytes(), made_files(path.parent)
    code, _, err = run(["dump", str(path), "-o", str(path.parent / "out.json")], capsys)
    assert code == 1 and len(err) == 1
    argv = recover_argv(err[0])            # what the user is told to run, exactly
    assert argv == ["recover", str(path)]

    code, out, err = run(argv, capsys)
    assert path.read_bytes() == before, "recover changed the file it reads"
    assert not list(path.parent.glob(".*.motw.*")), "a temporary file was left"
    new = made_files(path.parent) - files_before
    if kind in NOTHING_READABLE:
        assert code == 1 and out == [] and len(err) == 1 and "could be made" in err[0], err
        assert new == set()
        return
    copy = path.with_name(f"{path.stem} (recovered).motw")
    assert code == 0 and err == [] and len(out) == 1, (out, err)
    assert str(copy) in out[0] and "left out" in out[0]
    assert new == {copy.name}
    try:
        assert main(["check", str(copy)]) == 0, capsys.readouterr()
        capsys.readouterr()
        saved = counts(copy)
        if SAVED[kind] is None:
            assert 0 < sum(saved) < 45
        else:
            assert saved == SAVED[kind]
        conn = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE type IN ('trigger', 'view')").fetchone() == (0,)
        conn.close()
        code, out, _ = run(argv, capsys)           # again: a second free name, never the first copy
        assert code == 0 and f"{path.stem} (recovered 2).motw" in out[0]
    finally:
        for made in path.parent.glob(f"{path.stem} (recovered*"):
            made.unlink()


@pytest.mark.parametrize("kind", sorted(NOTHING_TO_RECOVER))
def test_files_no_copy_can_help_are_refused_in_one_line(kind, broken, capsys):
    path = broken[kind]
    before, files_before = path.read_bytes(), made_files(path.parent)
    code, out, err = run(["recover", str(path)], capsys)
    assert code == 1 and out == [] and len(err) == 1, (out, err)
    assert "mot-workshop recover" not in err[0]
    assert path.read_bytes() == before and made_files(path.parent) == files_before


def test_the_command_line_and_the_window_make_the_same_copy(broken, tmp_path, capsys):
    path = broken["trigger"]
    assert main(["recover", str(path), "-o", str(tmp_path / "cli.motw")]) == 0
    recover(path, tmp_path / "window.motw")          # what "Make a recovered copy" calls
    for name in ("cli", "window"):
        assert main(["dump", str(tmp_path / f"{name}.motw"), "-o", str(tmp_path / f"{name}.json")]) == 0
    capsys.readouterr()
    cli, window = (json.loads((tmp_path / f"{n}.json").read_text(encoding="utf-8")) for n in ("cli", "window"))
    assert cli["entities"] == window["entities"]


def test_an_existing_output_is_replaced_only_when_asked_and_never_the_source(broken, tmp_path, capsys):
    path = broken["view"]
    before = path.read_bytes()
    out = tmp_path / "copy.motw"
    out.write_bytes(b"mine")
    code, _, err = run(["recover", str(path), "-o", str(out)], capsys)
    assert code == 1 and len(err) == 1 and "--force" in err[0]
    assert out.read_bytes() == b"mine"
    code, lines, err = run(["recover", str(path), "-o", str(out), "--force"], capsys)
    assert code == 0 and err == [] and str(out) in lines[0]
    assert main(["check", str(out)]) == 0
    capsys.readouterr()
    for target in (path, path.parent / "." / path.name):
        code, _, err = run(["recover", str(path), "-o", str(target), "--force"], capsys)
        assert code == 1 and len(err) == 1 and "never written" in err[0], err
    link = tmp_path / "link.motw"
    link.symlink_to(path)
    code, _, err = run(["recover", str(path), "-o", str(link), "--force"], capsys)
    assert code == 1 and len(err) == 1
    assert path.read_bytes() == before


def test_a_sound_file_is_left_alone(broken, tmp_path, capsys):
    good = broken["trigger"].parent / "good.motw"
    before, files_before = good.read_bytes(), made_files(good.parent)
    code, out, err = run(["recover", str(good)], capsys)
    assert code == 0 and err == [] and len(out) == 1 and "nothing to recover" in out[0]
    assert good.read_bytes() == before and made_files(good.parent) == files_before


def test_a_missing_file_and_a_missing_folder_are_one_line(tmp_path, broken, capsys):
    code, _, err = run(["recover", str(tmp_path / "nope.motw")], capsys)
    assert code == 1 and len(err) == 1 and "nope.motw" in err[0]
    code, _, err = run(["recover", str(broken["view"]), "-o", str(tmp_path / "no" / "x.motw")], capsys)
    assert code == 1 and len(err) == 1 and not (tmp_path / "no").exists()
