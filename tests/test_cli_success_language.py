"""The line a sub-command prints when it succeeds ("wrote …") follows the same rule as its
errors: --lang, else the workshop's language, else the system's — on a Korean system,
`--lang en` gives English and a Korean workshop without --lang gives Korean."""

from __future__ import annotations

import pytest

from mot_workshop.cli import main
from mot_workshop.editing.entities import CreateEntity
from mot_workshop.editing.history import History
from mot_workshop.persistence.store import Store


def hangul(text: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for ch in text)


@pytest.fixture
def korean(tmp_path, monkeypatch):
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")
    path = tmp_path / "교환.motw"
    with Store.create(path, title="워크숍", language="ko") as store:
        history = History(store)
        process = CreateEntity("process", {"name": "교환"})
        history.push(process)
        history.push(CreateEntity("process_map", {"process_id": process.id}))
    return path


COMMANDS = {
    "export-table": ["export-table", "{file}", "--table", "voc", "-o", "{tmp}/v.csv"],
    "export-bpmn": ["export-bpmn", "{file}", "--map", "교환/as-is", "-o", "{tmp}/m.bpmn"],
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_the_success_line_speaks_the_language_asked_for(command, korean, tmp_path, capsys):
    argv = [a.format(file=korean, tmp=tmp_path) for a in COMMANDS[command]]
    assert main(argv + ["--lang", "en"]) == 0
    english = capsys.readouterr().out
    assert main(argv) == 0
    native = capsys.readouterr().out
    assert english.startswith("wrote ") and not hangul(english.replace(str(korean.stem), "")), english
    assert hangul(native.replace(str(korean.stem), "")), native


def test_recover_speaks_the_language_asked_for(korean, tmp_path, capsys):
    import sqlite3

    conn = sqlite3.connect(korean)
    conn.execute("UPDATE process SET name = x'00ff'")           # another program's bytes: work to do
    conn.commit()
    conn.close()
    assert main(["recover", str(korean), "-o", str(tmp_path / "r.motw"), "--lang", "en"]) == 0
    english = capsys.readouterr().out
    assert english.startswith("Wrote a recovered copy") and not hangul(english.replace(korean.name, "")), english
    assert main(["recover", str(korean), "-o", str(tmp_path / "r.motw"), "--force"]) == 0
    assert hangul(capsys.readouterr().out.replace(korean.name, ""))
