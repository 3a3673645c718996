"""Pages read back: no page ends with a heading, no map tile is only the overlap strip or
empty, empty sections are left out, and the worksheets of a process with nothing entered
print rows to write in."""

from __future__ import annotations

import re

from pypdf import PdfReader

from mot_workshop.editing.entities import CreateEntity
from mot_workshop.editing.history import History
from mot_workshop.export.pdf.document import frame_size
from mot_workshop.export.pdf.map_drawing import OVERLAP, map_content, plan_tiles
from mot_workshop.export.pdf.report import export_report
from mot_workshop.export.pdf.worksheets import export_worksheets
from mot_workshop.persistence.store import Store
from tests.export.pdfcheck import ends_with_heading, outline_targets, page_runs, page_texts, pdf_text, squash


def test_no_page_ends_with_a_heading(every_pdf):
    for key, path in every_pdf.items():
        for number, (text, runs) in enumerate(zip(page_texts(path), page_runs(path)), 1):
            if ".  .  ." in text:
                continue                      # the contents: its entries are bold, not headings
            assert ends_with_heading(runs) is None, (key, number, ends_with_heading(runs))


def test_no_tile_is_only_overlap_or_empty(snapshots):
    for lang, snap in snapshots.items():
        for pmap in snap.all("process_map"):
            content = map_content(snap, pmap.id)
            for paper in ("a4", "a3"):
                w, h = frame_size(paper)
                plan = plan_tiles(content.layout, w, h - 22)
                for tile in plan.tiles:
                    own = tile.x1 - tile.x0 - (OVERLAP if tile.column else 0)
                    assert own > 2 * OVERLAP, (lang, pmap.kind, paper, tile)
                    view_steps = [b for b in content.layout.steps.values()
                                  if b.rect.right > tile.x0 + (OVERLAP if tile.column else 0) and b.rect.left < tile.x1
                                  and b.rect.bottom > tile.y0 and b.rect.top < tile.y1]
                    cells = [c for row in content.layout.info_rows for c in row.cells if c.lines
                             and c.rect.right > tile.x0 and c.rect.left < tile.x1
                             and c.rect.bottom > tile.y0 and c.rect.top < tile.y1]
                    assert view_steps or cells, (lang, pmap.kind, paper, tile)
                # the sample's As-Is map on A4: 2 columns × 2 bands at most (it ran to 6 tiles)
                if paper == "a4":
                    assert len(plan.tiles) <= 4, (lang, pmap.kind, len(plan.tiles))


def _new_map_snapshot(tmp_path, lang):
    """A new workshop's map as the window makes it (the seed's four rows, three phases) with
    six steps whose Output / measure / problems are written in."""
    from mot_workshop.editing.map_edits import NewMap
    from mot_workshop.i18n import tr
    from mot_workshop.ui.swimlane.tree_actions import default_lanes

    path = tmp_path / f"new-map-{lang}.motw"
    with Store.create(path, title="New", language=lang) as store:
        h = History(store)
        process = CreateEntity("process", {"name": "Exchange goods"})
        h.push(process)
        new = NewMap(process.id, "as-is", lanes=default_lanes(lang),
                     phases=[tr("Phase {n}", n=n, lang=lang) for n in (1, 2, 3)])
        h.push(new)
        lanes = store.select("lane", map_id=new.new_map_id)
        for i in range(6):
            h.push(CreateEntity("step", {"map_id": new.new_map_id, "lane_id": lanes[i % len(lanes)].id,
                                         "label": f"Step {i + 1}", "x": 40.0 + 180 * i, "y": 20.0,
                                         "output": "Receipt " * 6, "measure": "Minutes per exchange",
                                         "problems": "Waits for the manager's signature " * 3}))
        return store.snapshot()


def test_no_tile_holds_only_the_output_measure_problems_strip(snapshots, tmp_path):
    """Whatever room the heading leaves on the map's first page, every tile shows a lane:
    the Output / measure / problems rows never sit alone on a page (A3 printed them so)."""
    from mot_workshop.export.pdf.map_drawing import CAPTION

    from mot_workshop.domain.enums import MapKind
    from mot_workshop.export.pdf import report
    from mot_workshop.export.pdf.map_drawing import MapTileFlowable
    from mot_workshop.export.pdf.map_sheets import map_sheet
    from mot_workshop.export.pdf.sheet_parts import SheetContext
    from mot_workshop.i18n.switch import language

    class Collect:                                        # stands in for the report's section list
        def __init__(self):
            self.items = []

        def switch(self, *_):
            pass

        def h(self, text, *_, **__):
            from mot_workshop.export.pdf.document import heading

            self.items.append(heading(text, "h2"))
            return self.items[-1]

        def add(self, *items):
            self.items += items

    snaps = {**snapshots, **{f"new-{lang}": _new_map_snapshot(tmp_path, lang) for lang in ("ko", "en")}}
    for name, snap in snaps.items():
        with language(name[-2:]):
            for paper in ("a4", "a3"):
                ctx = SheetContext(paper=paper, snapshot=snap)
                printed = []
                for process in snap.all("process"):
                    for kind in MapKind:                  # the report's map pages, as it builds them
                        out = Collect()
                        report.map_part(out, snap, ctx, process, kind, "Map")
                        printed += out.items
                    for step in (3, 5, 8):                # the filled map sheets
                        printed += map_sheet(ctx, step, process)
                tiles = [f for f in printed if isinstance(f, MapTileFlowable)]
                assert tiles, (name, paper)
                for f in tiles:
                    layout, tile = f.content.layout, f.tile
                    if len(f.plan.tiles) == 1:
                        continue
                    assert any(lane.rect.top < tile.y1 - 1 and lane.rect.bottom > tile.y0 + 1
                               for lane in layout.lanes), (name, paper, tile)
                    own = tile.x1 - tile.x0 - (OVERLAP if tile.column else 0)
                    assert own > 2 * OVERLAP, (name, paper, tile)
    # and under headings of every height up to a third of the page
    for name, snap in snaps.items():
        for pmap in snap.all("process_map"):
            layout = map_content(snap, pmap.id).layout
            for paper in ("a4", "a3"):
                w, h = frame_size(paper)
                for heading_room in (0, 40, 80, 120, h / 3):
                    for tile in plan_tiles(layout, w, h - heading_room - CAPTION - 2).tiles:
                        assert any(lane.rect.top < tile.y1 - 1 and lane.rect.bottom > tile.y0 + 1
                                   for lane in layout.lanes), (name, paper, heading_room, tile)


def _new_workshop(tmp_path, lang):
    path = tmp_path / f"new-{lang}.motw"
    with Store.create(path, title="New", language=lang) as store:
        h = History(store)
        h.push(CreateEntity("process", {"name": "Exchange goods" if lang == "en" else "불만품을 교환한다",
                                        "selected": True}))
        h.push(CreateEntity("cycle", {"name": "Parking"}))
        return store.snapshot()


def test_empty_sections_are_left_out_of_the_report_and_contents(tmp_path):
    for lang, absent in (("en", ("As-Is analysis", "MOT cycle: Parking")), ("ko", ("As-Is 분석",))):
        snap = _new_workshop(tmp_path, lang)
        path = export_report(tmp_path / f"r-{lang}.pdf", snap, lang=lang)
        text = squash(pdf_text(path))
        titles = [t for _, t, _ in outline_targets(PdfReader(str(path)))]
        for word in absent:
            assert squash(word) not in text, (lang, word)
            assert word not in titles, (lang, word)


def test_worksheets_of_an_empty_process_have_rows_to_write_in(tmp_path):
    for lang in ("en", "ko"):
        snap = _new_workshop(tmp_path, lang)
        path = export_worksheets(tmp_path / f"s-{lang}.pdf", snapshot=snap, lang=lang)
        reader = PdfReader(str(path))
        for number, page in enumerate(reader.pages, 1):
            rules = _table_row_rules(page)
            text = page.extract_text() or ""
            if "OUT" in text.split():
                continue                      # the blank ring of the cycle sheet
            assert rules >= 4, (lang, number, text[:80])


def _table_row_rules(page) -> int:
    """Horizontal rules drawn across the page (row lines of tables, lines of a blank grid)."""
    content = page.get_contents().get_data().decode("latin-1")
    lines = re.findall(r"([\d.]+) ([\d.]+) m ([\d.]+) ([\d.]+) l", content)
    return sum(1 for x0, y0, x1, y1 in lines if abs(float(y0) - float(y1)) < 0.01 and abs(float(x1) - float(x0)) > 100)
