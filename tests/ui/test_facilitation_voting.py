"""Dot voting in steps 1 and 3: choose the voter, cast on the selected item, live tallies on
the items, a voter's dot budget, undo."""

from __future__ import annotations

from mot_workshop.ui.wizard import step1
from tests.ui.wizard_fixtures import blank, page, reopen, sample  # noqa: F401


def test_vote_on_processes(blank, qtbot):
    window, path, ids = blank
    p1 = page(window, 1)
    bar = p1.voting
    bar.set_voter("participant", ids["anna"])
    target = ids["processes"][1]
    row = p1.table.model.row_of(target)
    p1.table.view.selectRow(row)
    bar.cast()
    bar.cast()
    dots_column = len(step1.COLUMNS)
    assert p1.table.model.data(p1.table.model.index(row, dots_column)) == "●● 2"
    assert "3 of 5" in bar.left.text()
    bar.take_back()
    assert p1.table.model.data(p1.table.model.index(row, dots_column)) == "● 1"
    window.stack.undo()
    assert p1.table.model.data(p1.table.model.index(row, dots_column)) == "●● 2"
    bar.set_voter("team", ids["team"])
    bar.cast()
    assert p1.table.model.data(p1.table.model.index(row, dots_column)) == "●●● 3"
    store = reopen(window, path)
    assert sum(v.dots for v in store.select("vote")) == 3


def test_dot_budget_is_enforced(blank, qtbot):
    window, _path, ids = blank
    p1 = page(window, 1)
    p1.voting.set_voter("participant", ids["anna"])
    p1.table.view.selectRow(0)
    for _ in range(5):
        p1.voting.cast()
    before = window.stack.count()
    p1.voting.cast()
    assert window.stack.count() == before
    assert "No dots left" in p1.voting.message.text()


def test_nothing_selected_says_so(blank, qtbot):
    window, _path, _ids = blank
    p1 = page(window, 1)
    p1.table.view.clearSelection()
    p1.table.view.setCurrentIndex(p1.table.model.index(-1, -1))
    p1.voting.cast()
    assert "Select the item" in p1.voting.message.text()


def test_vote_on_problems_in_step3(sample, qtbot):
    window, _path = sample
    p3 = page(window, 3)
    table = p3.problems
    table.view.selectRow(0)
    step_id = table.model.rows[0].id
    before = sum(v.dots for v in window.session.store.select("vote", target_kind="step", target_id=step_id))
    p3.voting.voter.setCurrentIndex(0)
    p3.voting.cast()
    after = sum(v.dots for v in window.session.store.select("vote", target_kind="step", target_id=step_id))
    assert after == before + 1
    assert str(after) in table.model.data(table.model.index(0, 2))
