"""Dot voting on touchpoints in the cycle editor: one command per dot, tallies on the items."""

from __future__ import annotations

from mot_workshop.analysis.votes import tally
from mot_workshop.editing.entities import CreateEntity
from mot_workshop.persistence.store import Store


def test_dots_on_a_touchpoint_show_on_the_ring_and_survive_reopening(editor, qtbot):
    window = editor.window()
    session = window.session
    session.push(CreateEntity("team", {"name": "Team A"}))
    editor.voting.reload()
    target = editor.touchpoints[1]
    editor.select([target.id])
    before = session.stack.count()
    editor.voting.cast_button.click()
    editor.voting.cast_button.click()
    assert session.stack.count() == before + 2
    assert tally(session.store.select("vote"), "touchpoint") == {target.id: 2}
    label = editor.ring_scene.items_by_id[target.id].label
    assert "●● 2" in label.text
    session.stack.undo()
    assert "● 1" in editor.ring_scene.items_by_id[target.id].label.text
    editor.voting.take_button.click()
    assert tally(session.store.select("vote"), "touchpoint") == {}
    assert "●" not in editor.ring_scene.items_by_id[target.id].label.text
    editor.voting.cast_button.click()
    with Store.open(session.path, read_only=True) as again:
        assert tally(again.select("vote"), "touchpoint") == {target.id: 1}


def test_voting_without_a_selection_says_what_to_do(editor):
    window = editor.window()
    window.session.push(CreateEntity("team", {"name": "Team A"}))
    editor.voting.reload()
    editor.select([])
    before = window.session.stack.count()
    editor.voting.cast_button.click()
    assert window.session.stack.count() == before
    assert editor.voting.message.text()
