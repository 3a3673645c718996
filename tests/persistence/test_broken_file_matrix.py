"""Every sub-command, and the window's open path, against a set of broken and hostile
files made here: one line of message, a non-zero exit, the file's bytes unchanged, and
quickly (no hang). Point 9 of the reliability issue: no traceback where a message was
promised."""

from __future__ import annotations

import shlex
import time
from pathlib import Path

import pytest

from mot_workshop.cli import main
from tests.persistence.broken_files import BROKEN, broken_set, message_lines

LIMIT_S = 30          # generous on a loaded machine; a hang would take minutes
# Every refusal of a damaged file, or of one another program wrote into, names the command
# that saves what is readable (tests/persistence/test_recover_cli.py runs it); a file that is
# not a workshop file at all, or a newer one, has nothing a copy could save.
NOTHING_TO_RECOVER = {"empty", "random", "newer"}


@pytest.fixture(scope="module")
def broken(tmp_path_factory) -> dict[str, Path]:
    return broken_set(tmp_path_factory.mktemp("broken"))


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
        lines = message_lines(err)
        assert code != 0, f"{kind}: {name} succeeded"
        assert len(lines) == 1, f"{kind}: {name}:\n{err}"
        if kind not in NOTHING_TO_RECOVER:
            assert recover_argv(lines[0]) == ["recover", str(path)], f"{kind}: {name}: {lines[0]}"
        else:
            assert "mot-workshop recover" not in lines[0], f"{kind}: {name}: {lines[0]}"
        assert took < LIMIT_S, f"{kind}: {name} took {took:.1f} s"
        assert path.read_bytes() == before, f"{kind}: {name} changed the file"
        assert good.read_bytes() == good_before, f"{kind}: {name} changed the other file"
        assert not list(path.parent.glob(".*.motw.*")), f"{kind}: {name} left a temporary file"


def recover_argv(message: str) -> list[str] | None:
    """The command a message tells the user to run, as arguments after "mot-workshop"."""
    _, found, rest = message.partition("mot-workshop recover ")
    return ["recover", *shlex.split(rest)] if found else None
