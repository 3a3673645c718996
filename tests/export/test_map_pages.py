"""A map prints in as few pieces as its legible size allows: the legend above it moves under
its last part when it would cost the map a part, so the sample's As-Is map on A3 prints as
two full-page parts (it is too wide for one page at the legible minimum) instead of four
half pages, in the report and on the filled worksheet (whose map sheets keep their heading to
one line), and a map that fits the page whole beside its heading prints whole."""

from __future__ import annotations

import re

import pytest

from mot_workshop.domain.enums import MapKind
from mot_workshop.export.pdf.map_drawing import MIN_TEXT, MapTileFlowable, map_content
from mot_workshop.export.pdf.map_sheets import Legend, first_map, legend_and_map, map_sheet
from mot_workshop.export.pdf.sheet_parts import SheetContext, step_question
from mot_workshop.i18n import set_language


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    from mot_workshop.persistence.store import Store
    from mot_workshop.sample import build_sample

    out = {}
    for lang in ("ko", "en"):
        path = tmp_path_factory.mktemp(lang) / "sample.motw"
        build_sample(path, lang, overwrite=True)
        with Store.open(path, read_only=True) as store:
            out[lang] = store.snapshot()
    return out


def _process(snapshot):
    return next(p for p in snapshot.all("process") if p.selected)


def _content(snapshot, kind):
    return map_content(snapshot, first_map(snapshot, _process(snapshot).id, kind).id)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_samples_as_is_map_on_a3_prints_in_one_band_of_full_pages(sample, lang, tmp_path):
    from mot_workshop.export.pdf.report import export_report
    from mot_workshop.export.pdf.worksheets import export_worksheets

    set_language(lang)
    ctx = SheetContext(paper="a3", snapshot=sample[lang])
    flow = legend_and_map(_content(sample[lang], MapKind.AS_IS), ctx.map_width, ctx.map_height, 21.0, title="t")
    tiles = [f for f in flow if isinstance(f, MapTileFlowable)]
    assert len(tiles) == 2 and {t.tile.band for t in tiles} == {0}          # one band: the map's whole height
    for tile in tiles:
        assert tile.plan.smallest_text >= MIN_TEXT
        assert tile.height >= 0.9 * ctx.map_height                          # a full page, not half of one
    assert isinstance(flow[-1], Legend) and flow[-1].compact                  # under the last part

    report = export_report(tmp_path / "r.pdf", sample[lang], lang=lang, paper="a3")
    _assert_two_full_page_parts(report, lang, "As-Is map" if lang == "en" else "As-Is 맵")

    # the filled step 3 worksheet: its heading leaves the map the height of a full-page part too
    sheet = [f for f in map_sheet(ctx, 3, _process(sample[lang])) if isinstance(f, MapTileFlowable)]
    assert len(sheet) == 2 and {t.tile.band for t in sheet} == {0}
    for tile in sheet:
        assert tile.plan.smallest_text >= MIN_TEXT and tile.height >= 0.9 * ctx.map_height
    sheets = export_worksheets(tmp_path / "w.pdf", snapshot=sample[lang], steps=(3,), lang=lang, paper="a3")
    _assert_two_full_page_parts(sheets, lang, step_question(3).split(" — ")[0])     # the question: not in the running header


def _assert_two_full_page_parts(pdf, lang, heading):
    """The As-Is map's parts in ``pdf``: "part 1 of 2" on the heading's page, part 2 with the
    legend on the next page."""
    from pypdf import PdfReader

    pages = [p.extract_text() or "" for p in PdfReader(str(pdf)).pages]
    part = r"part (?P<n>\d) of (?P<of>\d)" if lang == "en" else r"(?P<of>\d)부 중 (?P<n>\d)부"
    legend = "Legend" if lang == "en" else "범례"
    as_is = [(i, [(m["n"], m["of"]) for m in re.finditer(part, t)]) for i, t in enumerate(pages)
             if "As-Is —" in t and re.search(part, t)]
    assert [found for _, found in as_is] == [[("1", "2")], [("2", "2")]], pdf
    first, second = (i for i, _ in as_is)
    assert heading in pages[first] and second == first + 1, pdf            # the heading stays with part 1
    assert legend in pages[second], pdf


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_map_that_fits_whole_beside_its_heading_prints_whole(sample, lang):
    set_language(lang)
    content = _content(sample[lang], MapKind.TO_BE)
    width = 1111.0
    scale = width / content.layout.bounds.w
    need = content.layout.bounds.h * scale + 22 + 21                       # caption and heading
    for height in (need + 25, need + Legend(width).height + 10):           # legend under it / above it
        flow = legend_and_map(content, width, height, 21.0, title="t")
        tiles = [f for f in flow if isinstance(f, MapTileFlowable)]
        assert len(tiles) == 1 and tiles[0].plan.smallest_text >= MIN_TEXT, height
        assert any(isinstance(f, Legend) for f in flow)
    # with room for neither the legend above nor the whole map: the parts keep the legend above
    flow = legend_and_map(content, width, need - 40, 21.0, title="t")
    assert isinstance(flow[0], Legend)


LONG = ("The associate takes the faulty coat back, checks the receipt against the membership purchase "
        "record, photographs the defect for the brand's quality team, fills in the exchange slip in "
        "triplicate and walks the customer to the stock room to choose a replacement of the same size")


def _long_label_workshop(tmp_path, lang):
    from mot_workshop.editing.entities import CreateEntity
    from mot_workshop.editing.history import History
    from mot_workshop.editing.map_edits import NewMap
    from mot_workshop.i18n import tr
    from mot_workshop.persistence.store import Store
    from mot_workshop.ui.swimlane.tree_actions import default_lanes

    with Store.create(tmp_path / f"long-{lang}.motw", title="New", language=lang) as store:
        h = History(store)
        process = CreateEntity("process", {"name": "Exchange goods", "selected": True})
        h.push(process)
        new = NewMap(process.id, "as-is", lanes=default_lanes(lang),
                     phases=[tr("Phase {n}", n=n, lang=lang) for n in (1, 2, 3)])
        h.push(new)
        lanes = store.select("lane", map_id=new.new_map_id)
        for i, label in enumerate(["Takes the request", LONG, "Hands over the replacement"]):
            h.push(CreateEntity("step", {"map_id": new.new_map_id, "lane_id": lanes[1].id, "label": label,
                                         "x": 40.0 + 180 * i, "y": 20.0}))
        return store.snapshot()


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_cut_step_label_is_printed_whole_as_a_note_on_its_page(tmp_path, lang):
    from pypdf import PdfReader

    from mot_workshop.export.pdf.report import export_report
    from mot_workshop.export.pdf.worksheets import export_worksheets
    from tests.export.pdfcheck import squash

    snap = _long_label_workshop(tmp_path, lang)
    content = map_content(snap, snap.all("process_map")[0].id)
    assert [n for n, _ in content.cut_labels.values()] == [1]              # only the long one is cut
    for paper in ("a4", "a3"):
        for path in (export_report(tmp_path / f"r-{paper}.pdf", snap, lang=lang, paper=paper),
                     export_worksheets(tmp_path / f"w-{paper}.pdf", snapshot=snap, lang=lang, paper=paper)):
            pages = [squash(p.extract_text() or "") for p in PdfReader(str(path)).pages]
            cut = [i for i, t in enumerate(pages)            # map pages: the box's text ends in "…"
                   if squash("The associate takes the faulty coat") in t and "…" in t]
            assert cut, (path.name, paper)
            for i in cut:                       # every page showing the cut label holds it whole
                assert squash("1. " + LONG) in pages[i], (path.name, i + 1)
