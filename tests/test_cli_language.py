"""Every sub-command speaks by one rule: --lang, else the workshop's language, else the
system's locale; counts are pluralised in English ("1 problem", "2 problems")."""

from __future__ import annotations

import sqlite3

import pytest

from mot_workshop.cli import main
from mot_workshop.jobs.language import system_language
from mot_workshop.sample import build_sample


@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    folder = tmp_path_factory.mktemp("samples")
    return {lang: build_sample(folder / f"{lang}.motw", lang) for lang in ("ko", "en")}


@pytest.fixture(autouse=True)
def english_system(monkeypatch):
    for variable in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")


def test_the_workshop_s_language_unless_lang_says_otherwise(samples, capsys, monkeypatch):
    assert main(["check", str(samples["ko"])]) == 0
    out = capsys.readouterr().out
    assert "무결성: 정상" in out and "스키마 버전" in out and "integrity" not in out
    assert main(["check", str(samples["ko"]), "--lang", "en"]) == 0
    assert "integrity: ok" in capsys.readouterr().out
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    assert main(["check", str(samples["en"])]) == 0
    assert "integrity: ok" in capsys.readouterr().out


@pytest.mark.parametrize("command", [
    ["export-table", "{file}", "--table", "nope", "-o", "{tmp}/x.csv"],
    ["import-table", "{file}", "{tmp}/x.csv", "--table", "nope"],
    ["export-bpmn", "{file}", "--map", "없는 프로세스/as-is", "-o", "{tmp}/x.bpmn"],
])
def test_every_sub_command_follows_the_same_rule(samples, tmp_path, capsys, monkeypatch, command):
    (tmp_path / "x.csv").write_text("a\n", encoding="utf-8")
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    args = [a.format(file=samples["ko"], tmp=tmp_path) for a in command]
    assert main(args) == 1
    korean = capsys.readouterr().err
    assert main(args + ["--lang", "en"]) == 1
    english = capsys.readouterr().err
    assert korean != english and not any("\uac00" <= ch <= "\ud7a3" for ch in english.split("'")[0])
    assert any("\uac00" <= ch <= "\ud7a3" for ch in korean)


def test_without_a_workshop_the_system_locale(tmp_path, capsys, monkeypatch):
    for variable in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(variable, raising=False)
    missing = str(tmp_path / "none.motw")
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    assert system_language() == "ko"
    assert main(["export-table", missing, "--table", "nope", "-o", str(tmp_path / "x.csv")]) == 1
    assert "알 수 없는 표 'nope'" in capsys.readouterr().err
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert main(["export-table", missing, "--table", "nope", "-o", str(tmp_path / "x.csv")]) == 1
    assert "Unknown table 'nope'" in capsys.readouterr().err
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert system_language() == "en"


def test_counts_are_pluralised(samples, tmp_path, capsys):
    path = tmp_path / "w.motw"
    path.write_bytes(samples["en"].read_bytes())
    raw = sqlite3.connect(path)
    raw.execute("UPDATE touchpoint SET level = 9 WHERE id = 1")
    raw.commit()
    assert main(["check", str(path)]) == 1
    assert ": 1 problem; first:" in capsys.readouterr().err
    raw.execute("UPDATE touchpoint SET level = 9 WHERE id = 2")
    raw.commit()
    raw.close()
    assert main(["check", str(path)]) == 1
    assert ": 2 problems; first:" in capsys.readouterr().err
