"""Big maps: a readable scale or tiles with overlap and repeated headers — never text
smaller than 6 pt, never a clipped step."""

from __future__ import annotations

from benchmarks.bench_layout import big_map
from mot_workshop.export.pdf.map_drawing import MIN_TEXT, OVERLAP, plan_tiles
from mot_workshop.layout.swimlane import LANE_HEADER_WIDTH, layout_map


def test_small_map_fits_one_page():
    lay = layout_map(*big_map(8, 9, lanes=3))           # one 2,000-point phase: 2,150 points wide
    plan = plan_tiles(lay, 1800, 700)
    assert len(plan.tiles) == 1 and plan.smallest_text >= MIN_TEXT
    assert plan.scale == min(1800 / lay.bounds.w, 700 / lay.bounds.h, 1.0)


def test_big_map_is_tiled_with_overlap_and_every_step_shown():
    lay = layout_map(*big_map(200, 240, lanes=8))
    plan = plan_tiles(lay, 770, 480)
    assert plan.smallest_text >= MIN_TEXT - 1e-9
    assert len(plan.tiles) > 1 and plan.columns > 1
    columns = sorted({(t.x0, t.x1) for t in plan.tiles})
    # the columns reach the last step (an empty strip past it is not printed)
    assert columns[0][0] == LANE_HEADER_WIDTH and columns[-1][1] >= max(b.rect.right for b in lay.steps.values())
    for (a0, a1), (b0, b1) in zip(columns, columns[1:]):
        assert b0 == a1 - OVERLAP                         # neighbours share an overlap band
    for tile in plan.tiles:                               # every tile fits the frame
        assert tile.width * plan.scale <= 770 + 1e-6
        assert tile.height * plan.scale <= 480 + 1e-6
    for box in lay.steps.values():                        # each step lies whole inside some tile
        r = box.rect
        assert any(t.x0 <= r.left and r.right <= t.x1 and t.y0 <= r.top and r.bottom <= t.y1 for t in plan.tiles)


def test_map_steps_are_text_in_the_pdf(tmp_path):
    from reportlab.platypus import SimpleDocTemplate

    from mot_workshop.domain.snapshot import Snapshot
    from mot_workshop.export.pdf import fonts
    from mot_workshop.export.pdf.map_drawing import map_content, map_flowables
    from tests.export.pdfcheck import pdf_text, squash

    lanes, phases, steps, flows = big_map(60, 70, lanes=5)
    snap = Snapshot.of([*lanes, *phases, *steps, *flows])
    fonts.register()
    path = tmp_path / "map.pdf"
    doc = SimpleDocTemplate(str(path), pagesize=(842, 595), leftMargin=36, rightMargin=36, topMargin=36,
                            bottomMargin=36, initialFontName=fonts.REGULAR)
    doc.build(map_flowables(map_content(snap, 1), doc.width - 12, doc.height - 12, title="Big map"))
    text = squash(pdf_text(path))
    assert "Bigmap—part1of" in text
    for step in steps:
        assert squash(step.label) in text


def test_step_labels_wrap_whole_before_any_cut():
    from mot_workshop.export.pdf.map_drawing import fit_label
    from mot_workshop.layout.swimlane import SHAPE_SIZE, Shape

    w, h = SHAPE_SIZE[Shape.ACTIVITY]
    text = "Associate checks the receipt against the membership purchase record and signs the form"
    size, lines = fit_label(text, "activity", w, h)
    assert " ".join(lines) == text and len(lines) > 3          # once cut after three lines
    assert size >= 9.0
    size, lines = fit_label("Sees the car-park entrance sign", "activity", w, h)
    assert size == 11.0 and " ".join(lines) == "Sees the car-park entrance sign"
    huge = "word " * 80                                           # cannot fit: cut, and says so
    size, lines = fit_label(huge, "activity", w, h)
    assert lines[-1].endswith("…") and len(lines) * size * 1.2 <= h * 0.9
