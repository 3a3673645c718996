"""Fuzzing the two ways a workshop arrives from outside — the .motw bytes and the JSON
dump: every outcome is a clean one-line refusal or a file that passes `check`; never a
traceback, never a change to the input."""

from __future__ import annotations

import copy
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mot_workshop.cli import main
from tests.persistence.broken_files import message_lines, small_workshop

FUZZ = settings(max_examples=30, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> tuple[bytes, dict]:
    folder = tmp_path_factory.mktemp("fuzz")
    path = small_workshop(folder / "base.motw", title="Fuzz", touchpoints=4, level=2, notes=["a note " * 50])
    dump = folder / "base.json"
    assert main(["dump", str(path), "-o", str(dump)]) == 0
    return path.read_bytes(), json.loads(dump.read_text(encoding="utf-8"))


def one_clean_line(code: int, err: str) -> None:
    lines = message_lines(err)
    if code != 0:
        assert len(lines) == 1, err


@FUZZ
@given(edits=st.lists(st.tuples(st.integers(0, 2**31), st.integers(0, 255)), min_size=1, max_size=6),
       cut=st.one_of(st.none(), st.integers(0, 2**31)))
def test_fuzzed_workshop_bytes(base, tmp_path, capsys, edits, cut):
    data = bytearray(base[0])
    for at, value in edits:
        data[at % len(data)] = value
    if cut is not None:
        data = data[: cut % len(data)]
    path = tmp_path / "fuzzed.motw"
    path.write_bytes(bytes(data))
    for argv in (["check", str(path)], ["dump", str(path), "-o", str(tmp_path / "out.json")]):
        code = main(argv)
        one_clean_line(code, capsys.readouterr().err)
        assert path.read_bytes() == bytes(data), f"{argv[0]} changed the input"
        assert not any(p.name.startswith("fuzzed.motw-") for p in tmp_path.iterdir())
    if code == 0:       # dumped: the dump loads back into a file that passes check
        rebuilt = tmp_path / "rebuilt.motw"
        rebuilt.unlink(missing_ok=True)
        code = main(["load", str(tmp_path / "out.json"), str(rebuilt)])
        one_clean_line(code, capsys.readouterr().err)
        if code == 0:
            assert main(["check", str(rebuilt)]) == 0, capsys.readouterr()
    capsys.readouterr()


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats(allow_nan=True)
    | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6)


@FUZZ
@given(changes=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 10**6), JSON_VALUES),
                        min_size=1, max_size=4))
def test_fuzzed_dumps(base, tmp_path, capsys, changes):
    data = copy.deepcopy(base[1])
    rows = [(kind, row) for kind, items in data["entities"].items() for row in items]
    for which, field, value in changes:
        kind, row = rows[which % len(rows)]
        keys = sorted(row)
        row[keys[field % len(keys)]] = value
    source = tmp_path / "fuzzed.json"
    text = json.dumps(data, ensure_ascii=False)
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "loaded.motw"
    out.unlink(missing_ok=True)
    code = main(["load", str(source), str(out)])
    one_clean_line(code, capsys.readouterr().err)
    assert source.read_text(encoding="utf-8") == text
    if code == 0:
        assert main(["check", str(out)]) == 0, capsys.readouterr()
    else:
        assert not out.exists() and not list(tmp_path.glob(".loaded.motw.*"))
    capsys.readouterr()
