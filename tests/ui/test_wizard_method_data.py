"""The method's new answer sheets in the wizard, typed into like a person would: step 3's
As-Is questions per map, step 1's discussion aspects, step 4's every benchmark field and
the Q/C/D/S grid — saved, undoable and still there after reopening."""

from __future__ import annotations

from PySide6.QtCore import Qt

from mot_workshop.ui.wizard import step4
from tests.ui.wizard_fixtures import blank, page, reopen, sample, type_into  # noqa: F401


def _type(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_step3_as_is_questions_are_answered_per_map(sample, qtbot):
    window, path = sample
    p3 = page(window, 3)
    sheet = p3.answers
    assert sheet.edits[0][0].text()                       # the sample answered question 1
    _type(qtbot, sheet.edits[5][0], "The manager's sign-off")
    window.stack.undo()
    assert sheet.edits[5][0].text() != "The manager's sign-off"
    window.stack.redo()
    store = reopen(window, path)
    as_is = next(m for m in store.select("process_map") if m.kind == "as-is")
    assert store.select("asis_answer", map_id=as_is.id, question=6)[0].answer == "The manager's sign-off"
    assert page(window, 3).answers.edits[5][0].text() == "The manager's sign-off"


def test_step3_without_a_map_says_so(blank, qtbot):
    window, _path, _ids = blank
    sheet = page(window, 3).answers
    assert not sheet.edits[0][0].isEnabled() and "As-Is map" in sheet.note.text()


def test_step1_discussion_aspects(blank, qtbot):
    window, path, _ids = blank
    sheet = page(window, 1).aspects
    labels = [label.text() for label in sheet.labels]
    assert any("Product aspect" in text for text in labels) and any("Hiring issues" in text for text in labels)
    _type(qtbot, sheet.edits[1][0], "Exchanges take too long")
    store = reopen(window, path)
    rows = store.select("viewpoint_aspect")
    assert [(str(r.viewpoint), r.aspect, r.discussion) for r in rows] == [
        ("voc-topic", "product", "Exchanges take too long")]


def test_step4_every_benchmark_field_and_the_qcds_grid(blank, qtbot):
    window, path, ids = blank
    p4 = page(window, 4)
    row = p4.table.add_row()
    model = p4.table.model
    for name, value in (("problem", "Slow exchange"), ("size_class", "B"), ("major_process", "Service"),
                        ("medium_process", "Exchange"), ("page_no", "12"), ("nature", "Approval chain")):
        assert model.setData(model.index(model.row_of(row), step4.COLUMNS.index(name)), value)
    grid_row = p4.grid.add_row()
    grid = p4.grid.model
    for name, value in (("characteristic", "D"), ("us", "95"), ("company_a", "30"), ("top", "20")):
        assert grid.setData(grid.index(grid.row_of(grid_row), step4.QCDS_COLUMNS.index(name)), value)
    store = reopen(window, path)
    bench = store.select("benchmark")[0]
    assert (bench.size_class, bench.major_process, bench.page_no, bench.nature) == ("B", "Service", "12",
                                                                                       "Approval chain")
    score = store.select("qcds_score")[0]
    assert (str(score.characteristic), score.us, score.company_a, score.top) == ("D", 95, 30, 20)


def test_step4_qcds_grid_has_its_chart_in_front_with_its_table(sample, qtbot):
    window, _path = sample
    p4 = page(window, 4)
    tables = p4.grid.parentWidget().parentWidget()
    charts = p4.grid_chart.parentWidget().parentWidget()
    bar = tables.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    assert tables.currentIndex() == 1 and charts.currentIndex() == 1 and p4.grid_chart.isVisible()
    qtbot.waitUntil(lambda: p4.grid_chart.canvas is not None)
    fig = p4.grid_chart.canvas.figure
    shown = [ax for ax in fig.axes if ax.axison]           # the grid's spare cells are blank
    assert [ax.get_title(loc="left") for ax in shown] == ["Q · Quality", "C · Cost", "D · Delivery", "S · Service"]
    delivery = shown[2]
    assert [round(b.get_height()) for b in delivery.patches] == [95, 30, 45, 20]      # us, A, B, TOP
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(0).center())
    assert charts.currentIndex() == 0 and p4.chart.isVisible()


def test_step2_one_form_per_interview_with_its_requirement_rows(blank, qtbot):
    from mot_workshop.ui.wizard import step2

    window, path, ids = blank
    p2 = page(window, 2)
    forms, sheet = p2.forms, p2.table
    # a requirement heard outside any interview stays on the sheet
    qtbot.mouseClick(sheet.buttons["add"], Qt.MouseButton.LeftButton)
    loose = sheet.model.rows[0].id
    assert sheet.model.setData(sheet.model.index(0, step2.COLUMNS.index("requirement")), "Parking is full")
    # a form: its head typed in the interview table
    qtbot.mouseClick(forms.buttons["add"], Qt.MouseButton.LeftButton)
    im = forms.model
    for name, value in (("target_customer", "Customers who exchanged goods"), ("interviewee", "Ms Lee"),
                        ("interviewer", "Park"), ("held_at", "2025-03-04 14:00")):
        assert im.setData(im.index(0, step2.INTERVIEW_COLUMNS.index(name)), value)
    # the new form is chosen: the sheet shows its (no) rows and hides what the form holds
    assert p2.interview_id == im.rows[0].id and sheet.model.rows == []
    assert "Interview 1" in p2.requirements_title.text()
    assert sheet.view.isColumnHidden(step2.COLUMNS.index("interviewee"))
    for text in ("Exchange within 20 minutes", "No receipt needed"):
        qtbot.mouseClick(sheet.buttons["add"], Qt.MouseButton.LeftButton)
        assert sheet.model.setData(sheet.model.index(sheet.view.currentIndex().row(), 0), text)
    assert sorted(v.requirement for v in sheet.model.rows) == ["Exchange within 20 minutes", "No receipt needed"]
    # every interview: all rows, each naming its form
    p2.show_all.linkActivated.emit("all")                    # the "Show every interview" link
    assert p2.interview_id is None and len(sheet.model.rows) == 3
    named = {v.requirement: sheet.model.data(sheet.model.index(i, len(step2.COLUMNS)))
             for i, v in enumerate(sheet.model.rows)}
    assert named == {"Parking is full": "", "Exchange within 20 minutes": "Interview 1",
                     "No receipt needed": "Interview 1"}
    window.stack.undo()                                       # its text, then the last requirement goes
    window.stack.undo()
    assert len(sheet.model.rows) == 2
    window.stack.redo()
    window.stack.redo()
    store = reopen(window, path)
    interview = store.select("interview")[0]
    assert (interview.interviewee, interview.process_id) == ("Ms Lee", ids["processes"][0])
    assert sorted(v.requirement for v in store.select("voc", interview_id=interview.id)) == [
        "Exchange within 20 minutes", "No receipt needed"]
    assert store.get("voc", loose).interview_id is None
