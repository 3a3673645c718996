"""Every user-visible English source string has a Korean translation, and placeholders match."""

from __future__ import annotations

import ast
import json
import re
import string
from pathlib import Path

import pytest

from mot_workshop.i18n import catalog, set_language, tr
from mot_workshop.i18n.labels import ENUM_NAMES, FIELD_NAMES, KIND_NAMES

PACKAGE = Path(__file__).resolve().parents[2] / "mot_workshop"


def source_strings() -> dict[str, str]:
    """English sources passed literally to tr(...) anywhere in the package -> where."""
    found = {}
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("tr", "Phrase")
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                found.setdefault(node.args[0].value, f"{path.relative_to(PACKAGE)}:{node.lineno}")
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "plural"
                    and len(node.args) >= 3):
                for arg in node.args[1:3]:
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                        found.setdefault(arg.value, f"{path.relative_to(PACKAGE)}:{node.lineno}")
    for value in (*KIND_NAMES.values(), *ENUM_NAMES.values(), *FIELD_NAMES.values()):
        found.setdefault(value, "i18n/labels.py")
    return found


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_source_string_has_a_korean_translation():
    korean = catalog("ko")
    missing = {s: where for s, where in source_strings().items() if s not in korean}
    assert not missing, "untranslated:\n" + "\n".join(f"  {w}: {s!r}" for s, w in sorted(missing.items(), key=lambda i: i[1]))


def test_translations_keep_the_placeholders():
    bad = [(s, t) for s, t in catalog("ko").items() if fields(s) != fields(t)]
    assert not bad, bad


def test_translations_are_korean():
    hangul = re.compile("[\uac00-\ud7a3]")
    not_korean = [s for s, t in catalog("ko").items() if not hangul.search(t) and not re.fullmatch(r"[\W\d_A-Za-z/{}]*", s)]
    # Strings made only of letters that stay Latin (VOC, QCDS, As-Is …) are allowed to stay as they are.
    assert all(t for t in catalog("ko").values())
    assert len(not_korean) < 0.05 * max(1, len(catalog("ko"))), not_korean


def test_catalog_file_is_valid_json_object():
    data = json.loads((PACKAGE / "i18n" / "ko.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict) and all(isinstance(v, str) for v in data.values())


def test_language_switch_changes_tr():
    set_language("ko")
    assert tr("Delete {kind}", kind="x") != "Delete x"
    set_language("en")
    assert tr("Delete {kind}", kind="x") == "Delete x"
    with pytest.raises(ValueError):
        set_language("fr")
