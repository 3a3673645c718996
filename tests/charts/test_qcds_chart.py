"""Step 4's Q/C/D/S grid as a chart: one panel per characteristic in Q C D S order, us / A /
B / TOP bars with their values; company names under the bars are wrapped at word
boundaries, or — when a word cannot fit its bar — the bars say A and B and a legend under
the chart gives the whole names."""

from __future__ import annotations

from mot_workshop.charts.benchmark import benchmark_gaps
from mot_workshop.charts.qcds import qcds_chart
from mot_workshop.domain.enums import Qcds
from mot_workshop.domain.method_data import QcdsScore
from mot_workshop.domain.worksheets import Benchmark

SCORES = [QcdsScore(id=2, process_id=1, characteristic=Qcds.S, us=3.1, company_a=4.0, company_b=3.6, top=4.5),
          QcdsScore(id=1, process_id=1, characteristic=Qcds.Q, us=72, company_a=80, company_b=None, top=88,
                    note="Satisfaction after exchange"),
          QcdsScore(id=3, process_id=1, characteristic=Qcds.C)]          # no figures: no panel


def _ticks(ax) -> list[str]:
    return [t.get_text() for t in ax.get_xticklabels()]


def test_panels_in_qcds_order_with_their_values():
    fig = qcds_chart(SCORES, company_a="Mirae", company_b="Onnuri", width=10)
    assert [ax.get_title(loc="left") for ax in fig.axes] == ["Q · Quality", "S · Service"]
    quality = fig.axes[0]
    assert [b.get_height() for b in quality.patches] == [72, 80, 0, 88]
    assert [t.get_text() for t in quality.texts if t.get_text() in ("72", "80", "–", "88")] == ["72", "80", "–", "88"]
    assert any(t.get_text() == "Satisfaction after exchange" for t in quality.texts)
    assert _ticks(quality) == ["Us", "Mirae", "Onnuri", "TOP"] and not fig.legends


def test_long_company_names_wrap_at_words_or_move_to_a_legend():
    fig = qcds_chart(SCORES, company_a="Mirae Mall Gangnam", company_b="Onnuri", width=10)
    label = _ticks(fig.axes[0])[1]
    assert "\n" in label and label.replace("\n", " ") == "Mirae Mall Gangnam"      # wrapped, no word cut
    every = [QcdsScore(id=i, process_id=1, characteristic=c, us=1, company_a=2, company_b=3, top=4)
             for i, c in enumerate(Qcds)]
    fig = qcds_chart(every, company_a="Mirae Department Store, Gangnam", company_b="Onnuri Mall (online shop)",
                     width=10)
    assert _ticks(fig.axes[0]) == ["Us", "A", "B", "TOP"]
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert legend == ["Us", "A · Mirae Department Store, Gangnam", "B · Onnuri Mall (online shop)", "TOP"]
    for label in _ticks(fig.axes[0]):
        assert "…" not in label


def test_benchmark_bars_name_the_companies_whole():
    rows = [Benchmark(id=i, process_id=1, characteristic=Qcds.D, measure=f"Measure {i}", us=95, company_a=30,
                      company_b=45, top=20) for i in range(1, 5)]
    fig = benchmark_gaps(rows, company_a="Mirae Department Store, Gangnam", company_b="Onnuri", width=10)
    texts = [t.get_text() for t in fig.legends[0].get_texts()]
    assert "A · Mirae Department Store, Gangnam" in texts
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    ax = fig.axes[0]
    note = next(t for t in ax.texts if "better" in t.get_text())
    labels = [t.get_window_extent(renderer) for t in ax.get_xticklabels()]
    assert all(note.get_window_extent(renderer).y1 <= box.y0 for box in labels)      # the note sits under the names
    legend = fig.legends[0].get_window_extent(renderer)
    assert legend.y1 <= note.get_window_extent(renderer).y0


def test_journey_axis_names_wrap_whole():
    from mot_workshop.charts.journey import journey_curve
    from mot_workshop.domain.cycle import Touchpoint

    names = ["Looks at the show windows and POP at the entrance", "Gets a recommendation from a sales associate",
             "Asks to exchange a faulty item at the customer service desk on the third floor"]
    tps = [Touchpoint(id=i + 1, cycle_id=1, seq=i, name=n, level=3, importance=3) for i, n in enumerate(names * 4)]
    fig = journey_curve(tps, width=9.0, height=3.4)
    for tick, tp in zip(fig.axes[0].get_xticklabels(), tps):
        text = tick.get_text()
        assert "…" not in text and text.replace("\n", " ") == f"{tp.seq + 1}. {tp.name}"
    assert fig.get_size_inches()[1] > 3.4                   # taller for the lines the names need
