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
    titles = [ax.get_title(loc="left") for ax in fig.axes]
    assert titles == ["Q · Quality", "C · Cost", "D · Delivery", "S · Service"]
    delivery = fig.axes[2]
    assert [round(b.get_height()) for b in delivery.patches] == [95, 30, 45, 20]      # us, A, B, TOP
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(0).center())
    assert charts.currentIndex() == 0 and p4.chart.isVisible()
