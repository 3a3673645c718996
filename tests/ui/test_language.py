"""Korean and English UI: switch at run time (menus, panels, diagrams retranslate), the
choice is remembered, Korean glyphs come from a registered font."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtGui import QFontDatabase, QFontMetricsF, QGuiApplication

from mot_workshop.i18n import current_language
from mot_workshop.ui import fonts
from mot_workshop.ui.settings import Settings


def _menu_titles(window) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def test_switch_language_at_run_time(editor):
    window = editor.window()
    assert "&File" in _menu_titles(window)
    window.actions.lang_ko.trigger()
    assert current_language() == "ko"
    assert "파일(&F)" in _menu_titles(window)
    assert window.properties_dock.windowTitle() == "속성"
    assert editor.ring_button.text() == "MOT 사이클"
    # the diagram speaks the workshop's language (English here), not the UI's
    assert any("Mean level" in line.text for line in editor.ring_scene.summary.lines)
    assert not any("평균" in line.text for line in editor.ring_scene.summary.lines)
    assert Settings().language == "ko"
    window.actions.lang_en.trigger()
    assert "&File" in _menu_titles(window)
    assert Settings().language == "en"


def test_start_screen_language_buttons(window):
    window.start.lang_buttons["ko"].click()
    assert window.start.new_button.text() == "새 워크숍…"
    assert window.start.lang_buttons["ko"].isChecked()
    window.start.lang_buttons["en"].click()
    assert window.start.new_button.text() == "New workshop…"


def test_undo_text_follows_the_language(editor):
    window = editor.window()
    editor.select([editor.ring_scene.touchpoints[0].id])
    window.actions.delete.trigger()
    assert window.undo_action.text() == "Undo Delete touchpoint"
    window.actions.lang_ko.trigger()
    assert window.undo_action.text().startswith("실행 취소")


def test_korean_font_is_registered(qtbot):
    family = fonts.korean_family()
    assert family is not None
    assert QFontDatabase.WritingSystem.Korean in QFontDatabase.writingSystems(family)
    fonts.install(QGuiApplication.instance(), "ko")
    font = QGuiApplication.font()
    assert font.families()[0] == family
    assert QFontMetricsF(font).inFontUcs4(ord("한"))


def test_bundled_font_found_without_importing_the_package(qtbot):
    import sys

    folder = fonts.bundled_font_dir()
    assert folder is not None and (folder / "NanumGothic.ttf").is_file()
    assert "koreanize_matplotlib" not in sys.modules


def test_every_ui_string_has_a_korean_entry():
    """Each literal passed to tr() in the window code has a Korean translation."""
    import ast

    import mot_workshop

    root = Path(mot_workshop.__file__).parent
    catalog = json.loads((root / "i18n" / "ko.json").read_text(encoding="utf-8"))
    missing = []
    for folder in ("ui", "layout"):
        for path in (root / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "tr" and node.args
                        and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                    if node.args[0].value not in catalog:
                        missing.append(f"{path.relative_to(root)}: {node.args[0].value!r}")
    from mot_workshop.ui.actions import ACTIONS, UNTRANSLATED
    from mot_workshop.ui.cycle.style import LEVEL_NAMES
    from mot_workshop.ui.properties.kinds import SCALE_NAMES, SPECS

    extra = [t for n, (t, _, _) in ACTIONS.items() if n not in UNTRANSLATED]
    extra += list(LEVEL_NAMES.values()) + list(SCALE_NAMES.values())
    extra += [s.label for specs in SPECS.values() for s in specs] + [s.hint for specs in SPECS.values()
                                                                      for s in specs if s.hint]
    missing += [f"(table) {t!r}" for t in extra if t not in catalog]
    assert not missing, "\n".join(missing)
