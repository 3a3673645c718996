"""The eight-step wizard: the navigator (free navigation, completeness, the process), and
each step's worksheet filled through the UI, saved, and still there after reopening."""

from __future__ import annotations

from PySide6.QtCore import Qt

from mot_workshop.editing.entities import CreateEntity
from mot_workshop.ui.wizard import step1, step2, step4, step6, step7
from tests.ui.wizard_fixtures import blank, page, reopen, sample, type_into  # noqa: F401


def test_navigator_lists_the_eight_steps_and_navigates_freely(sample, qtbot):
    window, _path = sample
    host = window.wizard_host
    nav = host.navigator
    assert host.navigator_dock.isVisible()
    assert nav.list.count() == 8
    assert "Process classification" in nav.list.item(0).text()
    nav.list.setCurrentRow(6)                        # jump to step 7, skipping nothing in between
    editor = host.wizard()
    assert window.tabs.currentWidget() is editor and editor.current == 7
    assert "Target management" in editor.pages[7].title_label.text()
    nav.list.setCurrentRow(1)
    assert editor.current == 2
    assert "Step 2" in nav.checks.text() and "Customer voices recorded" in nav.checks.text()


def test_completeness_follows_the_edits(blank, qtbot):
    window, _path, ids = blank
    nav = window.wizard_host.navigator
    nav.process.setCurrentIndex(nav.process.findData(ids["processes"][0]))
    # the counts come just after the window has painted (the completeness check is deferred)
    qtbot.waitUntil(lambda: "0 of 2" in nav.list.item(5).text(), timeout=2000)   # step 6: nothing yet
    p6 = page(window, 6)
    new = p6.table.add_row()
    p6.table.model.setData(p6.table.model.index(p6.table.model.row_of(new), 3), "Delegate approval")
    qtbot.waitUntil(lambda: "2 of 2" in nav.list.item(5).text(), timeout=2000)
    assert nav.list.item(5).data(Qt.ItemDataRole.AccessibleTextRole).startswith("✓")


def test_step1_hierarchy_scores_and_core_selection(blank, qtbot):
    window, path, ids = blank
    p1 = page(window, 1)
    table = p1.table
    row = table.model.row_of(ids["processes"][1])
    type_into(qtbot, table, row, step1.COLUMNS.index("innovation"), "4")
    type_into(qtbot, table, row, step1.COLUMNS.index("feasibility"), "5")
    type_into(qtbot, table, row, step1.COLUMNS.index("medium"), "Refunds")
    from PySide6.QtCore import Qt

    table.model.setData(table.model.index(row, step1.COLUMNS.index("selected")), Qt.CheckState.Checked.value,
                        Qt.ItemDataRole.CheckStateRole)
    p1.chart.refresh()
    assert p1.chart.canvas is not None
    store = reopen(window, path)
    p = store.get("process", ids["processes"][1])
    assert (p.innovation, p.feasibility, p.medium, p.selected) == (4, 5, "Refunds", True)


def test_step2_voc_every_field_and_filters(blank, qtbot):
    window, path, ids = blank
    pid = ids["processes"][0]
    window.wizard_host.navigator.process.setCurrentIndex(window.wizard_host.navigator.process.findData(pid))
    p2 = page(window, 2)
    assert p2.table.model.columnCount() == len(step2.COLUMNS) + 1         # and the interview each row belongs to
    first = p2.table.add_row()
    row = p2.table.model.row_of(first)
    type_into(qtbot, p2.table, row, step2.COLUMNS.index("requirement"), "Exchange on the spot")
    p2.table.model.setData(p2.table.model.index(row, step2.COLUMNS.index("characteristic")), "D")
    p2.table.model.setData(p2.table.model.index(row, step2.COLUMNS.index("method")), "Interview")
    second = p2.table.add_row()
    p2.table.model.setData(p2.table.model.index(p2.table.model.row_of(second),
                                                step2.COLUMNS.index("characteristic")), "Q")
    p2.qcds_filter.setCurrentIndex(p2.qcds_filter.findData("D"))
    assert [r.id for r in p2.table.model.rows] == [first]
    p2.qcds_filter.setCurrentIndex(0)
    assert len(p2.table.model.rows) == 2
    window.session.push(CreateEntity("voc", {"process_id": ids["processes"][1], "requirement": "Other"}))
    assert len(p2.table.model.rows) == 2
    p2.process_filter.setCurrentIndex(p2.process_filter.findData("*"))
    assert len(p2.table.model.rows) == 3
    store = reopen(window, path)
    voc = store.get("voc", first)
    assert (voc.requirement, str(voc.characteristic), voc.process_id) == ("Exchange on the spot", "D", pid)
    assert str(voc.method) != "None"


def test_steps_4_6_7_8_tables(blank, qtbot):
    window, path, ids = blank
    pid = window.wizard_host.navigator.process_id
    p4 = page(window, 4)
    b = p4.table.add_row()
    m = p4.table.model
    for name, value in (("problem", "Slow exchange"), ("us", "95"), ("top", "15"), ("gap_cause", "Sign-off")):
        assert m.setData(m.index(m.row_of(b), step4.COLUMNS.index(name)), value)
    p4.chart.refresh()
    p7 = page(window, 7)
    t = p7.table.add_row()
    m7 = p7.table.model
    for name, value in (("measure", "Exchange time"), ("current", "95"), ("target", "20")):
        assert m7.setData(m7.index(m7.row_of(t), step7.COLUMNS.index(name)), value)
    p7.chart.refresh()
    p8 = page(window, 8)
    k = p8.indicators.add_row()
    p8.indicators.model.setData(p8.indicators.model.index(0, 0), "Satisfaction")
    a = p8.actions.add_row()
    p8.actions.model.setData(p8.actions.model.index(0, 1), "Kim")
    p8.actions.model.setData(p8.actions.model.index(0, 2), "2026-12-01")
    p6 = page(window, 6)
    o = p6.table.add_row()
    p6.table.model.setData(p6.table.model.index(0, step6.COLUMNS.index("solution")), "Approval limit")
    store = reopen(window, path)
    assert store.get("benchmark", b).us == 95 and store.get("benchmark", b).gap_cause == "Sign-off"
    assert store.get("target", t).target == "20"
    assert store.get("key_indicator", k).name == "Satisfaction"
    assert (store.get("action", a).owner, store.get("action", a).due) == ("Kim", "2026-12-01")
    assert store.get("obstacle", o).solution == "Approval limit"
    assert all(x.process_id == pid for x in (store.get("target", t), store.get("obstacle", o)))


def test_step3_and_6_problems_from_the_map(sample, qtbot):
    window, path = sample
    p3 = page(window, 3)
    problems = p3.problems.model
    assert problems.rows and all(s.problems.strip() for s in problems.rows)
    step = problems.rows[0]
    assert problems.setData(problems.index(0, 1), "Waits for the manager\nNo seat")
    p3.outputs.add_row()
    p6 = page(window, 6)
    choice = p6.problem_choice
    choice.setCurrentIndex(choice.findData(step.id))
    before = len(p6.table.model.rows)
    p6.add_problem.click()
    rows = p6.table.model.rows
    assert len(rows) == before + 1
    added = [r for r in rows if r.source_step_id == step.id][-1]
    assert added.current_features == "Waits for the manager\nNo seat"
    store = reopen(window, path)
    assert store.get("obstacle", added.id).source_step_id == step.id


def test_step5_cs_checkpoints_belong_to_the_to_be_map_and_are_undoable(sample, qtbot):
    from PySide6.QtCore import Qt

    window, path = sample
    p5 = page(window, 5)
    store = window.session.store
    to_be = next(m for m in store.select("process_map") if m.kind == "to-be")
    before = p5.checklist.ticked()
    assert before == {n for n in range(1, 9) if any(c.ticked for c in store.select("cs_check", map_id=to_be.id,
                                                                                      point=n))}
    qtbot.mouseClick(p5.checklist.boxes[7], Qt.MouseButton.LeftButton)       # point 8: not ticked in the sample
    assert p5.checklist.ticked() == before | {8}
    assert f"{len(before) + 1} of 8" in p5.checklist.count.text()
    note = p5.checklist.notes[7]
    note.setFocus()
    qtbot.keyClicks(note, "Close the fax desk")
    qtbot.keyClick(note, Qt.Key.Key_Return)
    window.stack.undo()                                                       # the note
    assert p5.checklist.notes[7].text() == ""
    window.stack.redo()
    store = reopen(window, path)
    row = store.select("cs_check", map_id=to_be.id, point=8)[0]
    assert row.ticked and row.note == "Close the fax desk"
    assert page(window, 5).checklist.boxes[7].isChecked()


def test_maps_embed_or_show_a_placeholder(sample, qtbot, monkeypatch):
    window, _path = sample
    p3 = page(window, 3)
    assert p3.map_slot.inner is not None
    import builtins

    real_import = builtins.__import__

    def broken(name, *args, **kwargs):
        if name.startswith("mot_workshop.ui.swimlane"):
            raise ImportError("not there")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", broken)
    p8 = page(window, 8)
    p8.map_slot.shown_key = None
    p8.map_slot.reload()
    assert p8.map_slot.inner.objectName() == "mapPlaceholder"


def test_derive_to_be_when_missing(blank, qtbot):
    window, _path, ids = blank
    pid = window.wizard_host.navigator.process_id
    from mot_workshop.domain.enums import MapKind

    window.session.push(CreateEntity("process_map", {"process_id": pid, "kind": MapKind.AS_IS}))
    p5 = page(window, 5)
    button = p5.map_slot.findChild(type(p5.map_slot).__mro__[0].__bases__[0], "deriveMap") or \
        p5.map_slot.inner.findChildren(object)[0]
    from PySide6.QtWidgets import QPushButton

    button = p5.map_slot.inner.findChild(QPushButton, "deriveMap")
    button.click()
    kinds = {str(m.kind) for m in window.session.store.select("process_map", process_id=pid)}
    assert kinds == {"as-is", "to-be"}
    assert p5.map_slot.shown_key[1] is not None


def test_language_switch_retranslates_pages(sample, qtbot):
    window, _path = sample
    p4 = page(window, 4)
    window.set_language("ko")
    try:
        assert "벤치마킹" in p4.title_label.text() or "Benchmarking" in p4.title_label.text()
        assert p4.table.buttons["add"].text() != "Add row"
        assert window.wizard_host.parking_dock.windowTitle() != "Parking lot"
    finally:
        window.set_language("en")


def test_screenshot_views_parse():
    import pytest

    from mot_workshop.ui.views import ViewError, parse_view

    assert parse_view("step:3").kind == "step" and parse_view("step:3").target == "3"
    assert parse_view("present").kind == "present"
    for bad in ("step:0", "step:9", "step:x"):
        with pytest.raises(ViewError):
            parse_view(bad)


def test_screenshot_of_a_step_and_presentation(tmp_path):
    import subprocess
    import sys

    from mot_workshop.sample.builder import build_sample

    path = build_sample(tmp_path / "s.motw", "ko")
    for view in ("step:4", "present"):
        out = tmp_path / f"{view.replace(':', '')}.png"
        result = subprocess.run([sys.executable, "-m", "mot_workshop", str(path), "--screenshot", str(out),
                                 "--view", view, "--lang", "ko"], capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        assert out.stat().st_size > 10_000


def test_step_status_is_an_undoable_edit(blank, qtbot):
    window, path, _ids = blank
    p3 = page(window, 3)
    p3.status.setCurrentIndex(p3.status.findData("in-progress"))
    p3.status.activated.emit(p3.status.currentIndex())
    assert str(window.session.store.select("step_progress", step_no=3)[0].status) == "in-progress"
    p3.status.setCurrentIndex(p3.status.findData("done"))
    p3.status.activated.emit(p3.status.currentIndex())
    window.stack.undo()
    assert p3.status.currentData() == "in-progress"
    store = reopen(window, path)
    assert str(store.select("step_progress", step_no=3)[0].status) == "in-progress"


def test_charts_rebuild_when_their_data_changes(sample, qtbot):
    window, _path = sample
    p7 = page(window, 7)
    qtbot.waitUntil(lambda: p7.chart.canvas is not None, timeout=5000)
    builds = p7.chart.builds
    m = p7.table.model
    assert m.setData(m.index(0, 4), "90")
    qtbot.waitUntil(lambda: p7.chart.builds > builds, timeout=5000)
    builds = p7.chart.builds
    window.session.push(CreateEntity("note", {"text": "unrelated"}))
    qtbot.wait(50)
    assert p7.chart.builds == builds           # other data: no rebuild
    window.set_language("ko")
    try:
        qtbot.waitUntil(lambda: p7.chart.builds > builds, timeout=5000)    # labels in the new language
    finally:
        window.set_language("en")
