"""Control characters pasted from a word processor, lone surrogates and non-characters are
removed at the domain rule, flagged by `check` when another program wrote them, and never
reach an XLSX or BPMN file the app's own import would refuse."""

from __future__ import annotations

import sqlite3

import pytest

from mot_workshop.cli import main
from mot_workshop.domain.registry import KINDS
from mot_workshop.domain.rules import RuleError, normalise
from mot_workshop.editing.entities import CreateEntity
from mot_workshop.editing.history import History
from mot_workshop.persistence.store import Store


@pytest.mark.parametrize("raw, stored", [
    ("Bell\x07 ringing", "Bell ringing"),
    ("line\x0bbreak\x0cfeed", "line\nbreak\nfeed"),
    ("esc\x1b[0m", "esc[0m"),
    ("lone \ud83d surrogate", "lone \ufffd surrogate"),
    ("non\ufffe\uffffchar", "nonchar"),
    ("tab\tand\nnewline\r\n", "tab\tand\nnewline\r\n"),
    ("한글 ✓ 😀", "한글 ✓ 😀"),
])
def test_text_is_cleaned_at_the_rule(raw, stored):
    assert normalise(KINDS["team"], {"name": raw}) == {"name": stored}


def test_nul_is_still_refused():
    with pytest.raises(RuleError, match="NUL"):
        normalise(KINDS["team"], {"name": "a\x00b"})


def test_a_command_stores_the_clean_text(store):
    History(store).push(CreateEntity("team", {"name": "Sales\x07 team\x0b2"}))
    assert [t.name for t in store.select("team")] == ["Sales team\n2"]


def test_text_written_by_another_program_is_flagged_and_exported_cleanly(tmp_path, capsys):
    path = tmp_path / "pasted.motw"
    assert main(["demo", str(path), "--lang", "en"]) == 0
    conn = sqlite3.connect(path)
    conn.execute("UPDATE voc SET interviewee = 'Kim' || char(7) || 'Lee' WHERE id = (SELECT min(id) FROM voc)")
    conn.commit()
    conn.close()
    capsys.readouterr()
    assert main(["check", str(path)]) == 1
    assert "control characters" in capsys.readouterr().err
    out = tmp_path / "voc.xlsx"
    assert main(["export-table", str(path), "--table", "voc", "-o", str(out)]) == 0
    from openpyxl import load_workbook

    cells = [c.value for row in load_workbook(out).active.iter_rows() for c in row]
    assert "KimLee" in cells
