"""The whole-map analyses that follow each edit — the map's structure check and the step
navigator's completeness — run on a worker thread: the window takes the next edit while one
runs, a result of data that changed meanwhile is never shown, and what is shown in the end
is what a fresh analysis of the file says. The navigator's copy of the workshop, kept up to
date edit by edit, equals a fresh read of the file."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from mot_workshop.analysis import map_check, map_metrics
from mot_workshop.analysis.completeness import completeness
from mot_workshop.editing.entities import CreateEntity, UpdateEntity
from mot_workshop.ui.background import Job
from mot_workshop.ui.wizard import navigator as navigator_module
from tests.ui.map_helpers import map_editor, map_file  # noqa: F401 (fixtures)


def test_a_job_shows_only_the_newest_result(qtbot):
    job = Job()
    shown: list = []
    job.done.connect(shown.append)
    release = threading.Event()
    job.submit(lambda: release.wait(5) and "old")
    job.submit(lambda: "newer")                 # waits for the first, which is then stale
    job.submit(lambda: "newest")                # replaces the waiting one
    release.set()
    qtbot.waitUntil(lambda: not job.busy)
    assert shown == ["newest"]
    job.submit(lambda: "cancelled")
    job.cancel()
    qtbot.waitUntil(lambda: not job.busy)
    assert shown == ["newest"]


def problem_text(editor) -> str:
    return editor.checks.text()


def test_the_structure_check_runs_beside_the_window_and_drops_stale_results(map_editor, map_file, qtbot,
                                                                             monkeypatch):
    editor = map_editor
    _, ids = map_file
    checks = editor.checks
    qtbot.waitUntil(lambda: checks.metrics is not None and not checks.pending)
    before = len(checks.problems)                   # the test map: no end, dead ends, a one-exit decision
    assert before and checks.text() == f"⚠ {before} structure problems"

    threads, gate, real = [], threading.Event(), map_metrics.analyse
    quick = map_check.check

    def slow_check(steps, flows, lanes):
        threads.append(threading.current_thread() is threading.main_thread())
        gate.wait(5)
        return quick(steps, flows, lanes)

    monkeypatch.setattr(map_check, "check", slow_check)
    shown: list[int] = []
    checks._job.done.connect(lambda metrics: shown.append(metrics.steps))
    # delete the decision: the check of the 3-step map starts and is held on its thread
    editor.select([ids["steps"][3]])
    editor.view.setFocus()
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_Delete)
    assert len(editor.scene.step_items) == 3
    qtbot.waitUntil(lambda: len(threads) == 1)
    assert threads == [False]                       # not the UI thread
    assert checks.text() == f"⚠ {before} structure problems"     # nothing new shown yet
    # the window takes the next edit meanwhile: undo brings the step back
    editor.window().stack.undo()
    assert len(editor.scene.step_items) == 4
    gate.set()
    qtbot.waitUntil(lambda: len(threads) == 2 and not checks.pending)
    assert shown == [4]                             # the 3-step result was dropped, never shown
    fresh = real(*(editor.data[i] for i in (2, 3, 0)))
    assert checks.problems == fresh.structure and checks.text() == f"⚠ {before} structure problems"
    # a real fix: connect the decision twice and end it; the count follows
    store = editor.session.store
    end = CreateEntity("step", {"map_id": ids["map"], "lane_id": ids["lanes"][2], "phase_id": ids["phases"][1],
                                "shape": "start-end", "label": "Done", "x": 900.0, "y": 65.0})
    editor.push(end)
    for source, target in ((ids["steps"][2], ids["steps"][3]), (ids["steps"][3], end.id),
                           (ids["steps"][3], ids["steps"][1])):
        editor.push(CreateEntity("flow", {"map_id": ids["map"], "source_id": source, "target_id": target}))
    qtbot.waitUntil(lambda: not checks.pending and checks.metrics.steps == 5)
    expected = real(store.select("step", map_id=ids["map"]), store.select("flow", map_id=ids["map"]),
                    store.select("lane", map_id=ids["map"])).structure
    assert checks.problems == expected and len(expected) < before
    assert all(not on_main for on_main in threads)


def test_the_navigator_checks_beside_the_window_from_a_copy_kept_edit_by_edit(map_editor, map_file, qtbot,
                                                                              monkeypatch):
    editor, window = map_editor, map_editor.window()
    _, ids = map_file
    window.complete_now()
    nav = window.wizard_host.navigator
    store = window.session.store
    threads: list[bool] = []
    real = navigator_module.completeness

    def recorded(snapshot, process_id, lang=None):
        threads.append(threading.current_thread() is threading.main_thread())
        return real(snapshot, process_id, lang)

    monkeypatch.setattr(navigator_module, "completeness", recorded)
    assert "0 of 3 filled" in nav.list.item(1).text()             # step 2: no customer voices yet
    voc = CreateEntity("voc", {"process_id": ids["process"], "requirement": "Exchange within a day",
                               "characteristic": "D", "expected_level": "same day"})
    editor.push(voc)
    qtbot.waitUntil(lambda: "3 of 3 filled" in nav.list.item(1).text())
    assert nav.list.item(1).data(Qt.ItemDataRole.AccessibleTextRole).startswith("✓")
    # more edits and undos of several kinds; the shown checks follow the file
    editor.push(UpdateEntity("voc", voc.id, {"expected_level": ""}))
    editor.select([ids["steps"][0]])
    editor.view.setFocus()
    QTest.keyClick(editor.view.viewport(), Qt.Key.Key_Delete)
    editor.push(UpdateEntity("process", ids["process"], {"major": "Sales"}))
    window.stack.undo()
    window.stack.undo()
    qtbot.waitUntil(lambda: not nav._later.isActive() and not nav._job.busy)
    assert threads and not any(threads)             # every check after an edit ran on the worker
    fresh = store.snapshot()
    assert {k: v for k, v in nav._copy.by_kind.items() if v} == {k: v for k, v in fresh.by_kind.items() if v}
    expected = real(fresh, nav.process_id, "en")
    assert nav._results[1] == expected
    assert "2 of 3 filled" in nav.list.item(1).text()              # the expected level was emptied
    nav.list.setCurrentRow(2)                                      # step 3: its checks, as the file says
    lines = nav.checks.text()
    for check in expected[2].checks:
        assert ("✓ " if check.done else "✗ ") + check.label in lines


def test_the_navigator_reads_the_new_file_in_full(map_editor, map_file, qtbot, tmp_path):
    """Another workshop opened in the window: the kept copy is not carried over."""
    window = map_editor.window()
    window.complete_now()
    nav = window.wizard_host.navigator
    first = nav._copy
    assert first is not None and first.by_kind["step"]
    from mot_workshop.persistence.store import Store

    empty = tmp_path / "empty.motw"
    Store.create(empty, title="Empty", language="en").close()
    assert window.files.open_path(empty)
    window.complete_now()
    assert nav._copy is not first and not nav._copy.by_kind["step"]
    assert "0 of" in nav.list.item(2).text()
    assert completeness(window.session.store.snapshot(), nav.process_id)[2].ratio == 0
