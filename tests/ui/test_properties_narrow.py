"""The properties panel of a 1024×768 window (about 200 px wide): a text field never
shrinks to a word or two beside its label ("Name (noun + verb)" left ~50 px for the
name) — it goes under the label — and no kind of item needs a sideways scroll bar."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from mot_workshop.ui.properties.form import FIELD_CHARS

KINDS = ("process", "touchpoint", "cycle", "process_map", "team")


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_narrow_properties_keep_fields_readable(window, qtbot, tmp_path, lang):
    from mot_workshop.sample.builder import build_sample

    window.set_language(lang)
    assert window.files.open_path(build_sample(tmp_path / "sample.motw", lang))
    window.resize(1024, 768)
    qtbot.waitUntil(lambda: window.width() == 1024)
    qtbot.wait(50)
    panel = window.properties
    assert panel.width() < 260                                # the case at stake: a narrow panel
    store = window.session.store
    for kind in KINDS:
        item = store.select(kind)[0]
        panel.show_selection(window.session, kind, [item.id])
        qtbot.wait(30)
        assert not panel.horizontalScrollBar().isVisible(), kind
        edits = [f.widget for f in panel.form.fields.values() if isinstance(f.widget, (QLineEdit, QPlainTextEdit))]
        assert edits, kind
        for edit in edits:
            assert edit.width() >= edit.fontMetrics().averageCharWidth() * FIELD_CHARS - 1, kind


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_new_untitled_map_is_named_as_its_tab(window, qtbot, tmp_path, lang):
    """A map made with Ctrl+Shift+M has no title yet: the properties header names it as its
    tab does ("Exchange goods · As-Is"), not "Process map: #1"."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from mot_workshop.editing.entities import CreateEntity
    from mot_workshop.persistence.store import Store

    window.set_language(lang)
    path = tmp_path / "new.motw"
    Store.create(path, title="Workshop", language=lang).close()
    assert window.files.open_path(path)
    window.session.push(CreateEntity("process", {"name": "Exchange goods"}))
    qtbot.wait(50)
    QTest.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    editor = window.current_editor()
    assert getattr(editor, "key", ("",))[0] == "process_map"
    qtbot.waitUntil(lambda: window.properties.kind == "process_map")
    header = window.properties.header.text()
    assert "#" not in header and header.endswith(editor.title()), header
    assert window.tabs.tabText(window.tabs.currentIndex()).startswith(editor.title()[:10])


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("size", [(1024, 768), (1440, 900)])
def test_sentences_get_the_panels_width(window, qtbot, tmp_path, lang, size):
    """A description or a map's notes (sentences) sits under its label across the panel's
    whole width: beside the label it was ~75 px wide at 1024, three words a line."""
    from mot_workshop.sample.builder import build_sample

    window.set_language(lang)
    assert window.files.open_path(build_sample(tmp_path / "sample.motw", lang))
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() == size[0])
    qtbot.wait(50)
    panel = window.properties
    store = window.session.store
    seen = 0
    for kind in KINDS:
        panel.show_selection(window.session, kind, [store.select(kind)[0].id])
        qtbot.wait(30)
        form = panel.form
        for field in form.fields.values():
            if isinstance(field.widget, QPlainTextEdit):
                seen += 1
                assert field.widget.width() >= form.width() * 0.85, (kind, field.name, field.widget.width(), form.width())
                assert not field.widget.horizontalScrollBar().isVisible()
    assert seen >= 2
