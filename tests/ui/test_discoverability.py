"""Everything can be found without the right mouse button: the Insert menu (and its toolbar
button) adds processes, maps, teams, cycles, lanes and phases; the empty overview offers
"Add a process"; a new workshop asks its title and content language; Help has a guide and the
shortcuts in both languages."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton, QToolButton

from mot_workshop.persistence.store import Store


@pytest.fixture
def empty(window, tmp_path):
    path = tmp_path / "empty.motw"
    Store.create(path, title="Empty", language="en").close()
    assert window.files.open_path(path)
    return window, path


def insert_action(window, name):
    menu = window.insert_menu
    action = window.actions.items[name]
    assert action in menu.actions()
    return action


def test_insert_menu_adds_everything(empty, qtbot):
    window, _path = empty
    store = window.session.store
    button = window.toolbar.findChild(QToolButton, "insertButton")
    assert button is not None and button.isVisible()
    assert {a.objectName() for a in button.menu().actions()} >= {
        "action_new_process", "action_new_map", "action_new_team", "action_new_cycle", "action_new_lane"}
    overview = window.tabs.widget(0)
    add = overview.findChild(QPushButton, "overviewNewProcess")
    assert add is not None and add.isVisible() and add.text() == "Add a process"
    assert overview.findChild(QPushButton, "overviewNewCycle").isVisible()
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    assert [p.name for p in store.select("process")] == ["New process"]
    window.edit.update_actions()
    assert insert_action(window, "new_map").isEnabled()
    insert_action(window, "new_map").trigger()
    editor = window.current_editor()
    assert editor.key[0] == "process_map"
    assert len(store.select("lane", map_id=editor.map_id)) == 4
    window.edit.update_actions()
    phases = store.count("phase")
    lanes = store.count("lane")
    QTest.keyClick(editor.view, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert store.count("phase") == phases + 1
    insert_action(window, "new_lane").trigger()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert store.count("lane") == lanes + 1
    insert_action(window, "new_team").trigger()
    assert [t.name for t in store.select("team")] == ["New team"]
    window.tabs.setCurrentIndex(0)
    qtbot.mouseClick(window.tabs.widget(0).findChild(QPushButton, "overviewNewCycle"), Qt.MouseButton.LeftButton)
    assert store.count("cycle") == 1


def test_a_new_workshop_asks_title_and_content_language(window, qtbot, tmp_path, monkeypatch):
    target = tmp_path / "room.motw"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    seen = {}

    def fill():
        dialog = QApplication.activeModalWidget()
        seen["dialog"] = dialog.objectName()
        QTest.keyClicks(dialog.title, "Refund clinic")
        dialog.language.setCurrentIndex(dialog.language.findData("ko"))
        QTest.keyClick(dialog.title, Qt.Key.Key_Return)

    QTimer.singleShot(0, fill)
    window.actions.new.trigger()
    assert seen["dialog"] == "newWorkshopDialog"
    workshop = window.session.store.workshop()
    assert workshop.title == "Refund clinic" and window.session.content_language == "ko"
    assert window.session.path == target.absolute()
    window.edit.tree_action("new-process", "", 0)
    assert window.session.store.select("process")[0].name == "새 프로세스"     # content in its language


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_help_guide_and_shortcuts_in_both_languages(window, lang):
    window.set_language(lang)
    window.actions.guide.trigger()
    dialog = window.help_dialog
    assert dialog.isVisible()
    guide = dialog.guide.toPlainText()
    keys = dialog.keys.toPlainText()
    if lang == "en":
        assert "Presentation mode" in guide and "F5" in guide
        assert "Keyboard shortcuts" in keys and "Shift+1" in keys and "Ctrl+Y" in keys
    else:
        assert "발표 모드" in guide and "F5" in guide
        assert "단축키" in keys and "Shift+1" in keys
    assert "http" not in dialog.guide.toHtml().replace("http://www.w3.org", "")
    dialog.close()
    window.actions.shortcuts.trigger()
    assert window.help_dialog.tabs.currentIndex() == 1
    window.help_dialog.close()


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_help_holds_the_method_reference_pages(window, qtbot, lang):
    """The printed reference pages can be read in Help too: FACT and the seven principles,
    C = G with the complainer types, H/S/H — in the UI language."""
    from mot_workshop.domain import reference

    window.set_language(lang)
    window.actions.guide.trigger()
    dialog = window.help_dialog
    bar = dialog.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(2).center())
    assert dialog.tabs.currentWidget() is dialog.reference and dialog.reference.isVisible()
    text = dialog.reference.toPlainText()
    expected = {"en": ("The FACT process", "Seven principles of MOT improvement", "See with the customer's eyes.",
                       "The eight steps of the C = G formula", "Voicers", "H/S/H diagnosis of a touchpoint"),
                "ko": ("FACT", "MOT 개선의 7가지 원칙", "Voicers")}[lang]
    for words in expected:
        assert words in text, words
    for words in [*reference.mot_principles(), *reference.complaint_steps(), *(v for _, v in reference.hsh_elements())]:
        assert words in text                              # every line of the printed pages, translated
    if lang == "ko":
        assert "See with the customer's eyes." not in text
    dialog.close()


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_shortcuts_list_only_keys_a_keyboard_has(window, qtbot, lang):
    """The list read "Ctrl+Shift+S / Shift+Save", "Ctrl+N / New", "Ctrl+Z / … / Undo": the
    platform's bindings for dedicated media keys. It names keys a person can press; the
    usual ones are all there."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeySequence

    window.set_language(lang)
    window.actions.shortcuts.trigger()
    dialog = window.help_dialog
    qtbot.waitExposed(dialog)
    shown = dialog.keys.toPlainText()
    for key in (Qt.Key.Key_New, Qt.Key.Key_Open, Qt.Key.Key_Save, Qt.Key.Key_Close, Qt.Key.Key_Cut,
                Qt.Key.Key_Copy, Qt.Key.Key_Paste, Qt.Key.Key_ZoomIn, Qt.Key.Key_ZoomOut, Qt.Key.Key_Help,
                Qt.Key.Key_Undo, Qt.Key.Key_Redo):
        for modifiers in ("", "Shift+"):
            name = QKeySequence(modifiers + QKeySequence(key).toString()).toString(QKeySequence.SequenceFormat.NativeText)
            assert f"/ {name}\n" not in shown + "\n" and f"/ {name} /" not in shown, name
    for keys in ("Ctrl+N", "Ctrl+O", "Ctrl+Shift+S", "Ctrl+C", "Ctrl+V", "Ctrl+Z", "Ctrl+Y", "Ctrl+0", "F1", "F5"):
        assert keys in shown, keys
    dialog.close()
