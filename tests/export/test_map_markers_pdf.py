"""The printed map draws a step's kept BPMN type where the screen does: the badge of
``layout.step_markers`` (one geometry), read back from the PDF as pixels."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from mot_workshop.domain.process import Lane, ProcessMap, Step
from mot_workshop.domain.snapshot import Snapshot
from mot_workshop.layout.step_markers import badge

pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs poppler's pdftoppm")
SCALE = 4                                   # pixels per point


def printed(tmp_path, marked: bool):
    """The map drawn by the PDF renderer, as an image, and its layout."""
    from PIL import Image
    from reportlab.pdfgen import canvas

    from mot_workshop.export.pdf import fonts
    from mot_workshop.export.pdf.map_drawing import draw_map, map_content
    from mot_workshop.layout.geometry import Rect

    steps = [Step(id=1, map_id=1, lane_id=1, shape="decision", label="Both?", x=120.0, y=60.0,
                  marker="parallel" if marked else None),
             Step(id=2, map_id=1, lane_id=1, shape="connector", label="A", x=320.0, y=60.0,
                  marker="message" if marked else None, event_role="throw" if marked else None),
             Step(id=3, map_id=1, lane_id=1, shape="start-end", label="Every Monday", x=480.0, y=60.0,
                  marker="timer" if marked else None)]
    snap = Snapshot.of([ProcessMap(id=1, process_id=1), Lane(id=1, map_id=1, name="Desk"), *steps])
    content = map_content(snap, 1)
    bounds = content.layout.bounds
    fonts.register()
    pdf = tmp_path / f"map-{marked}.pdf"
    c = canvas.Canvas(str(pdf), pagesize=(bounds.w, bounds.h))
    c.translate(0, bounds.h)
    c.scale(1, -1)                                  # the map's y-down units
    draw_map(c, content, Rect(0, 0, bounds.w, bounds.h))
    c.save()
    subprocess.run(["pdftoppm", "-r", str(72 * SCALE), "-png", "-singlefile", str(pdf), str(pdf.with_suffix(""))],
                   check=True)
    return Image.open(pdf.with_suffix(".png")).convert("L"), content.layout


def dark(image, cx: float, cy: float, r: float) -> int:
    return sum(1 for x in range(int((cx - r) * SCALE), int((cx + r) * SCALE))
               for y in range(int((cy - r) * SCALE), int((cy + r) * SCALE)) if image.getpixel((x, y)) < 110)


def test_each_marker_is_printed_in_its_badge(tmp_path):
    plain, _ = printed(tmp_path, False)
    marked, layout = printed(tmp_path, True)
    for step_id in (1, 2, 3):
        box = layout.steps[step_id]
        r = box.rect
        cx, cy, radius = badge(str(box.shape), r.x, r.y, r.w, r.h)
        assert dark(marked, cx, cy, radius) > 2 * dark(plain, cx, cy, radius) + 40, step_id
    # the parallel gateway's plus: its bars cross the badge's centre, the corners stay light
    box = layout.steps[1].rect
    cx, cy, radius = badge("decision", box.x, box.y, box.w, box.h)
    assert marked.getpixel((int(cx * SCALE), int((cy - radius * 0.3) * SCALE))) < 110
    assert marked.getpixel((int((cx + radius * 0.35) * SCALE), int((cy - radius * 0.35) * SCALE))) > 200
    # a sent message is a dark envelope: its middle is ink, not paper
    box = layout.steps[2].rect
    cx, cy, radius = badge("connector", box.x, box.y, box.w, box.h)
    assert marked.getpixel((int((cx + radius * 0.3) * SCALE), int((cy + radius * 0.2) * SCALE))) < 110


@pytest.mark.parametrize("lang, names", [
    ("en", ["BPMN: Parallel (AND)", "BPMN: Timer, boundary, interrupting", "BPMN: Terminate"]),
    ("ko", ["BPMN: 병렬(AND)", "BPMN: 타이머, 경계, 중단", "BPMN: 종료"])])
def test_the_map_legends_name_the_types_the_map_uses(tmp_path, lang, names):
    """The session report's and the step 3 worksheet's legend: each BPMN type on the map, once."""
    from pathlib import Path

    from mot_workshop.cli import main
    from mot_workshop.editing.history import History
    from mot_workshop.editing.imports import import_map_command
    from mot_workshop.export.bpmn import read_bpmn
    from mot_workshop.persistence.store import Store
    from tests.export.pdfcheck import pdf_text, squash

    source = Path(__file__).resolve().parents[1] / "data" / "bpmn_made" / "markers-modeler.bpmn"
    path = tmp_path / "marked.motw"
    with Store.create(path, title="Markers", language=lang) as store:
        History(store).push(import_map_command(store, read_bpmn(source.read_bytes(), source=source.name)))
    for argv in (["report", str(path), "-o", str(tmp_path / "report.pdf")],
                 ["worksheets", "--steps", "3", "--from", str(path), "-o", str(tmp_path / "sheets.pdf")]):
        assert main(argv) == 0
    for pdf in ("report.pdf", "sheets.pdf"):
        text = squash(pdf_text(tmp_path / pdf))
        for name in names:
            assert text.count(squash(name)) == 1, (pdf, name)
