"""A map too big to print whole (here 160 steps spread along a 48,000-point time axis: about
fifty readable pages) is summarised in the session report: its size, a note naming the
exports that hold all of it, a table of where its steps are (lanes × phases, shaded, with
the moments of truth and problems) whose counts add up to the map, and only the readable
parts of its start. A map that fits keeps every part (tests/export/test_map_drawing.py)."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from mot_workshop.domain.process import Flow, Lane, Phase, Process, ProcessMap, Step
from mot_workshop.editing.bulk import InsertEntities
from mot_workshop.editing.history import History
from mot_workshop.export.pdf import map_drawing
from mot_workshop.export.pdf.map_overview import phase_grid
from mot_workshop.export.pdf.report import MAX_LISTED_ROWS, MAX_MAP_PARTS, export_report
from mot_workshop.persistence.store import Store
from tests.export.pdfcheck import squash

STEPS = 160
SPACING = 300.0


def wide_map(path, lang: str) -> dict:
    """Three lanes, four phases of equal width, a chain of steps (every third a moment of
    truth, every second with a problem) and a few hand-offs."""
    store = Store.create(path, title="Wide map", language=lang)
    width = STEPS * SPACING / 4
    entities = [Process(id=1, name="Exchange goods", selected=True), ProcessMap(id=1, process_id=1, kind="as-is")]
    entities += [Lane(id=n, map_id=1, seq=n, kind="department", name=f"Lane {n}") for n in (1, 2, 3)]
    entities += [Phase(id=n, map_id=1, seq=n, name=f"Phase {n}", width=width) for n in (1, 2, 3, 4)]
    for n in range(1, STEPS + 1):
        x = 60.0 + (n - 1) * SPACING
        entities.append(Step(id=n, map_id=1, lane_id=1 + (n // 7) % 3, phase_id=1 + int((x + 60) // width),
                             label=f"Step {n}", x=x, y=40.0, is_mot=n % 3 == 0,
                             problems="Waits a day" if n % 2 == 0 else ""))
    entities += [Flow(id=n, map_id=1, source_id=n, target_id=n + 1) for n in range(1, STEPS)]
    try:
        History(store).push(InsertEntities(entities))
        snapshot = store.snapshot()
    finally:
        store.close()
    return snapshot


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    folder = tmp_path_factory.mktemp("big-map")
    snapshot = wide_map(folder / "wide.motw", "en")
    return snapshot, export_report(folder / "report.pdf", snapshot, lang="en")


def test_the_grid_counts_every_step_once_in_the_phase_it_is_drawn_in(big):
    snapshot, _ = big
    content = map_drawing.map_content(snapshot, 1)
    grid = phase_grid(content)
    assert grid.phases == ["Phase 1", "Phase 2", "Phase 3", "Phase 4"]
    assert sum(grid.column_total(p) for p in range(4)) == STEPS
    phase_of = {box.phase_id: n for n, box in enumerate(sorted(content.layout.phases, key=lambda b: b.column.left))}
    for lane_row, lane in enumerate(content.layout.lanes):
        for p in range(4):
            in_cell = [s for s in snapshot.where("step", map_id=1) if s.lane_id == lane.lane_id
                       and phase_of[next(b.phase_id for b in content.layout.phases
                                         if b.column.left <= content.layout.steps[s.id].rect.cx < b.column.right)] == p]
            cell = grid.cells[lane_row][p]
            assert (cell.steps, cell.mots, cell.problems) == (
                len(in_cell), sum(s.is_mot for s in in_cell), sum(bool(s.problems) for s in in_cell))
    lanes = {s.id: s.lane_id for s in snapshot.where("step", map_id=1)}
    assert sum(grid.handoffs) == sum(1 for n in range(1, STEPS) if lanes[n] != lanes[n + 1])


def test_a_big_map_is_summarised_not_printed_as_dozens_of_tiles(big):
    snapshot, path = big
    content = map_drawing.map_content(snapshot, 1)
    reader = PdfReader(path)
    text = squash("\n".join(page.extract_text() for page in reader.pages))
    would = int(re.search(r"Thismapwouldtake(\d+)pages", text).group(1))
    assert would > MAX_MAP_PARTS
    assert squash(f"As-Is map: {STEPS} steps, {STEPS - 1} flows, 3 lanes, 4 phases") in text
    assert squash("File → Export → Process map as BPMN, or Image of this diagram (PNG, SVG)") in text
    parts = sorted(int(n) for n in re.findall(rf"part(\d+)of{would}(?!\d)", text))
    assert parts == list(range(1, map_drawing.BIG_MAP_PARTS + 1))          # the start only, each once
    assert len(reader.pages) < 30                                          # not fifty tile pages
    # the overview table: one column per phase, every phase's step count, the hand-offs row
    grid = phase_grid(content)
    for p, name in enumerate(grid.phases):
        assert squash(name) in text
    totals = "".join(str(grid.column_total(p)) for p in range(4))
    assert "Steps" + totals in text
    assert "Hand-offsbetweenlanes" + "".join(str(n) for n in grid.handoffs) in text
    first = grid.cells[0][0]
    assert f"Lane1{first.steps}MOT{first.mots}·problems{first.problems}" in text


def test_the_long_lists_of_a_big_map_stop_with_a_count(tmp_path):
    """Every second step has a problem: 80 rows fit the As-Is analysis; a map with more
    lists MAX_LISTED_ROWS and says how many more there are."""
    global STEPS
    before, STEPS = STEPS, 2 * MAX_LISTED_ROWS + 40
    try:
        snapshot = wide_map(tmp_path / "longer.motw", "ko")
    finally:
        STEPS = before
    path = export_report(tmp_path / "report.pdf", snapshot, lang="ko")
    text = squash("\n".join(page.extract_text() for page in PdfReader(path).pages))
    with_problems = (2 * MAX_LISTED_ROWS + 40) // 2
    assert squash(f"외 문제가 있는 단계 {with_problems - MAX_LISTED_ROWS}개") in text
    assert squash("이 맵을 읽을 수 있는 크기로 인쇄하면") in text and squash("레인 간 이관") in text
