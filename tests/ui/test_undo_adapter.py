"""The QUndoStack adapter: commands run through the foundation's run_execute/run_revert,
failing commands never enter the stack, mergeable edits merge, every change is published."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack

from mot_workshop.domain.rules import RuleError
from mot_workshop.editing.command import Command
from mot_workshop.editing.entities import CreateEntity, UpdateEntity
from mot_workshop.ui.undo import Undoer


class Boom(Command):
    text = "boom"

    def execute(self, store):
        store.insert("team", {"seq": 0, "name": "half-made", "colour": ""})
        raise RuleError("It went wrong.")

    def revert(self, store):  # pragma: no cover
        raise AssertionError


@pytest.fixture
def undoer(qtbot, store):
    stack = QUndoStack()
    published, reported = [], []
    u = Undoer(stack, lambda: store, published.append, lambda text, exc: reported.append((text, str(exc))))
    u.published, u.reported = published, reported
    return u


def test_push_executes_once_and_publishes(undoer, store):
    command = CreateEntity("team", {"name": "A"})
    changes = undoer.push(command)
    assert ("team", command.id) in changes.created
    assert undoer.stack.count() == 1
    assert [t.name for t in store.select("team")] == ["A"]        # Qt's first redo() did not run it again
    assert undoer.published == [changes]
    assert undoer.stack.undoText() == command.text


def test_undo_redo_go_through_the_store(undoer, store):
    command = CreateEntity("team", {"name": "A"})
    undoer.push(command)
    undoer.stack.undo()
    assert store.select("team") == []
    assert ("team", command.id) in undoer.published[-1].deleted
    undoer.stack.redo()
    assert [t.id for t in store.select("team")] == [command.id]
    assert ("team", command.id) in undoer.published[-1].created


def test_failing_command_never_enters_the_stack(undoer, store):
    assert undoer.push(Boom()) is None
    assert undoer.stack.count() == 0
    assert store.select("team") == []                            # rolled back
    assert undoer.reported and "It went wrong." in undoer.reported[0][1]
    assert undoer.published == []


def test_mergeable_edits_merge_until_broken(undoer, store):
    team = CreateEntity("team", {"name": "A"})
    undoer.push(team)
    for text in ("B", "Bo", "Bob"):
        undoer.push(UpdateEntity("team", team.id, {"name": text}, mergeable=True))
    assert undoer.stack.count() == 2
    undoer.break_merge()
    undoer.push(UpdateEntity("team", team.id, {"name": "Bobby"}, mergeable=True))
    assert undoer.stack.count() == 3
    undoer.stack.undo()
    assert store.get("team", team.id).name == "Bob"
    undoer.stack.undo()
    assert store.get("team", team.id).name == "A"


def test_edit_after_undo_is_a_new_step(undoer, store):
    team = CreateEntity("team", {"name": "A"})
    undoer.push(team)
    undoer.push(UpdateEntity("team", team.id, {"name": "B"}, mergeable=True))
    undoer.push(CreateEntity("team", {"name": "other"}))
    undoer.stack.undo()
    undoer.push(UpdateEntity("team", team.id, {"name": "C"}, mergeable=True))
    assert undoer.stack.count() == 3
    undoer.stack.undo()
    assert store.get("team", team.id).name == "B"


def test_read_only_store_refuses_with_a_message(qtbot, workshop_path, store):
    from mot_workshop.persistence.store import Store

    store.close()
    with Store.open(workshop_path, read_only=True) as ro:
        reported = []
        u = Undoer(QUndoStack(), lambda: ro, lambda c: None, lambda t, e: reported.append(str(e)))
        assert u.push(CreateEntity("team", {"name": "A"})) is None
        assert "reading only" in reported[0]


class Flaky(Command):
    """Creates a team; its undo (or redo) fails the first ``failures`` times, as a disk
    that is briefly unavailable would."""

    text = "flaky"

    def __init__(self, failures: int = 1):
        self.inner = CreateEntity("team", {"name": "F"})
        self.undo_failures = self.redo_failures = failures
        self.runs = 0

    @property
    def id(self):
        return self.inner.id

    def execute(self, store):
        self.runs += 1
        if self.runs > 1 and self.redo_failures:
            self.redo_failures -= 1
            raise OSError(5, "Input/output error")
        return self.inner.execute(store)

    def revert(self, store):
        if self.undo_failures:
            self.undo_failures -= 1
            raise OSError(5, "Input/output error")
        return self.inner.revert(store)


def test_a_failed_undo_stays_on_the_history_and_can_be_retried(undoer, store, qtbot):
    command = Flaky()
    undoer.push(command)
    undoer.stack.undo()                                          # the disk fails
    qtbot.waitUntil(lambda: undoer.stack.index() == 1)
    assert undoer.reported[-1][0] == "The change could not be undone."
    assert undoer.stack.count() == 1 and undoer.stack.canUndo()
    assert [t.name for t in store.select("team")] == ["F"]       # still done, as the stack says
    undoer.stack.undo()                                          # retried: works now
    assert undoer.stack.index() == 0 and store.select("team") == []
    undoer.stack.redo()                                          # the redo fails once
    qtbot.waitUntil(lambda: undoer.stack.index() == 0)
    assert undoer.reported[-1][0] == "The change could not be redone."
    assert store.select("team") == [] and undoer.stack.canRedo()
    undoer.stack.redo()
    assert undoer.stack.index() == 1 and [t.name for t in store.select("team")] == ["F"]
    undoer.stack.undo()
    assert store.select("team") == []


def test_the_window_stack_has_the_same_limit(qtbot):
    from mot_workshop.editing.history import UNDO_LIMIT

    from mot_workshop.ui.app import create_app
    from mot_workshop.ui.main_window import MainWindow
    from mot_workshop.ui.settings import Settings

    create_app("en")
    window = MainWindow(Settings(), remember=False)
    qtbot.addWidget(window)
    assert window.stack.undoLimit() == UNDO_LIMIT
