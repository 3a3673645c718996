"""A short worksheet shows its sentences whole: step 6's four obstacles were cut to three lines
and "…" above an empty half of the table at 1024 wide. Rows grow while every row has its
share of the view's height; a long sheet keeps rows of at most three lines."""

from __future__ import annotations

import pytest

from mot_workshop.editing.entities import CreateEntity
from mot_workshop.ui.worksheet_table.table import ROOMY_LINES
from tests.ui.wizard_fixtures import page


@pytest.mark.parametrize("sample_in", ["ko", "en"], indirect=True)
@pytest.mark.parametrize("size", [(1024, 768), (1440, 900)])
def test_a_short_sheet_shows_its_rows_whole(sample_in, qtbot, size):
    window = sample_in
    window.resize(*size)
    sheet = page(window, 6).table
    view = sheet.view
    qtbot.waitExposed(view)
    qtbot.wait(50)
    count = sheet.model.rowCount()
    assert 0 < count < 8
    for row in range(count):
        assert view.rowHeight(row) >= view.sizeHintForRow(row), (row, view.rowHeight(row), view.sizeHintForRow(row))
    used = sum(view.rowHeight(r) for r in range(count))
    assert used <= view.viewport().height()             # grown into room the view had, no scrolling

    # a long sheet: back to rows of at most three lines
    process = window.session.store.select("obstacle")[0].process_id
    text = " ".join(["A long obstacle that needs many words to say what stands in the way."] * 4)
    for _ in range(30):
        window.session.push(CreateEntity("obstacle", {"process_id": process, "current_features": text}))
    qtbot.waitUntil(lambda: sheet.model.rowCount() == count + 30, timeout=3000)
    qtbot.wait(50)
    lines = view.fontMetrics().height()
    assert max(view.rowHeight(r) for r in range(sheet.model.rowCount())) <= lines * view.max_lines + 12
    assert view.max_lines < ROOMY_LINES
