"""The report draws its bar panels (benchmark, Q/C/D/S, targets, As-Is vs To-Be) from the
same description as the screen's matplotlib figure, without matplotlib: every text and
every bar lands where the figure puts it, and the report's pages carry them."""

from __future__ import annotations

from collections import defaultdict

import pytest

from mot_workshop.analysis.comparison import compare
from mot_workshop.analysis.map_metrics import MapMetrics
from mot_workshop.charts import benchmark, comparison, qcds, targets
from mot_workshop.charts.panels import panel_boxes, panel_figure
from mot_workshop.domain.enums import Qcds
from mot_workshop.domain.method_data import QcdsScore
from mot_workshop.domain.worksheets import Benchmark, Target
from mot_workshop.export.pdf.figure import record
from mot_workshop.export.pdf.panel_drawing import panel_ops
from mot_workshop.i18n import set_language


def _charts():
    changes = compare([MapMetrics(steps=14, handoffs=6, lead_time=137.0, total_wait=90, total_work=47, contact_steps=5,
                                  nva_share=0.4, cycle_efficiency=0.2),
                       MapMetrics(steps=11, handoffs=3, lead_time=43.0, total_wait=10, total_work=33, contact_steps=3,
                                  nva_share=0.2, cycle_efficiency=0.5)])
    every = [QcdsScore(id=i, process_id=1, characteristic=c, us=1.5 * i, company_a=2, company_b=None, top=4,
                       note="Satisfaction after exchange, asked after a week") for i, c in enumerate(Qcds)]
    rows = [Benchmark(id=i, process_id=1, characteristic=Qcds.D, measure=f"Exchange time at desk {i}", unit="min",
                      us=95, company_a=30, company_b=45, top=20, higher_is_better=i % 2 == 0) for i in range(1, 6)]
    tgt = [Target(id=1, process_id=1, measure="Exchange time", unit="min", current="95", competitor="40",
                  required_level="30", target="20")]
    return [comparison.asis_tobe_panels(changes, ["As-Is", "To-Be"], title="As-Is vs To-Be"),
            qcds.qcds_panels(every, company_a="Mirae Department Store, Gangnam", company_b="Onnuri"),
            qcds.qcds_panels(every[:2], company_a="Mirae Mall Gangnam", company_b="Onnuri"),
            benchmark.benchmark_panels(rows, company_a="Mirae Department Store, Gangnam", company_b="Onnuri",
                                       title="Benchmark gaps"),
            targets.targets_panels(tgt, title="Targets")]


def _texts(ops):
    found = defaultdict(list)
    for op in ops:
        if op[0] == "text" and op[3].strip():
            found[(op[3], op[4], round(op[5], 2))].append((float(op[1]), float(op[2])))
    return found


def _bars(ops, colours, floor):
    """Filled rectangles of the bars' colours above ``floor`` (the legend keys are below)."""
    out = []
    for op in ops:
        if op[0] == "path" and op[2] is not None and len(op[1]) >= 4 and op[3] is None:
            xs = [float(s[1]) for s in op[1] if s[0] in "ML"]
            ys = [float(s[2]) for s in op[1] if s[0] in "ML"]
            if op[2][:3] in colours and max(xs) - min(xs) < 200 and max(ys) - min(ys) > 0.1 and min(ys) >= floor:
                out.append((min(xs), min(ys), max(xs), max(ys)))
    return sorted(out)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_pdf_panels_put_every_text_and_bar_where_the_figure_does(lang):
    set_language(lang)
    for chart in _charts():
        w, h, drawn = record(panel_figure(chart))
        w2, h2, made = panel_ops(chart)
        assert (round(w2), round(h2)) == (round(w), round(h))
        expected, got = _texts(drawn), _texts(made)
        assert set(got) == set(expected), set(got) ^ set(expected)
        for key, places in expected.items():
            assert len(got[key]) == len(places), key
            for (x, y), (x2, y2) in zip(sorted(places), sorted(got[key])):
                assert abs(x - x2) <= 1.0 and abs(y - y2) <= 1.0, (key, (x, y), (x2, y2))
        from matplotlib.colors import to_rgb

        colours = {tuple(round(c, 3) for c in to_rgb(c)) for c in chart.colours}
        floor = min(box[1] for box in panel_boxes(chart)) * 72 - 1

        def bars(ops):
            return _bars([(o[0], o[1], tuple(round(c, 3) for c in o[2]) if o[2] else o[2], o[3])
                          for o in ops if o[0] == "path"], colours, floor)

        bars_mpl, bars_pdf = bars(drawn), bars(made)
        assert len(bars_pdf) == len(bars_mpl) > 0
        for a, b in zip(bars_mpl, bars_pdf):
            assert all(abs(p - q) <= 0.6 for p, q in zip(a, b)), (a, b)


def test_the_report_draws_its_bar_panels_with_their_titles_and_values(tmp_path):
    from pypdf import PdfReader

    from mot_workshop.export.pdf.report import export_report
    from mot_workshop.persistence.store import Store
    from mot_workshop.sample import build_sample

    src = tmp_path / "w.motw"
    build_sample(src, "en", overwrite=True)
    with Store.open(src, read_only=True) as store:
        snapshot = store.snapshot()
    out = export_report(tmp_path / "r.pdf", snapshot, lang="en", paper="a4")
    pages = [p.extract_text() for p in PdfReader(str(out)).pages]
    comparison_page = next(t for t in pages if "Lead time" in t and "-75%" in t)
    assert "As-Is" in comparison_page and "Redesign" in comparison_page and "137" in comparison_page
    assert any("gap to TOP" in t and "lower is better" in t and "(min)" in t for t in pages)
