"""Every chart builds a Figure from plain data, renders with Agg, carries Korean text, and
marks what the method asks for (the weakest link)."""

from __future__ import annotations

import io

import pytest

from mot_workshop.analysis.comparison import compare
from mot_workshop.analysis.cycle_scores import score
from mot_workshop.analysis.map_metrics import MapMetrics
from mot_workshop.charts import benchmark, comparison, cycle, journey, selection, targets
from mot_workshop.domain.cycle import Touchpoint
from mot_workshop.domain.process import Process
from mot_workshop.domain.worksheets import Benchmark, Target
from mot_workshop.i18n import set_language

TPS = [Touchpoint(id=i + 1, cycle_id=1, seq=i, name=name, level=level, importance=4, critical=i == 2)
       for i, (name, level) in enumerate([("주차장으로 진입한다", 4), ("주차 티켓을 받는다", 3),
                                          ("주차 요금을 정산한다", 1), ("주차장을 나간다", 4)])]


def texts(fig) -> str:
    fig.canvas.draw()
    return " ".join(t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text")))


def png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=50)
    return buf.getvalue()


@pytest.mark.parametrize("build", [cycle.cycle_wheel, cycle.cycle_bars, journey.journey_curve])
def test_cycle_charts_mark_the_weakest_link_and_render_korean(build, recwarn):
    set_language("ko")
    fig = build(TPS, score(TPS))
    text = texts(fig)
    assert "주차 요금을 정산한다" in text
    assert "가장 약한 고리" in text
    assert png(fig).startswith(b"\x89PNG")
    assert not [w for w in recwarn if "Glyph" in str(w.message)], "a glyph is missing from NanumGothic"


def test_charts_use_no_pyplot_state():
    import sys

    cycle.cycle_bars(TPS)
    assert "matplotlib.pyplot" not in sys.modules or not sys.modules["matplotlib.pyplot"].get_fignums()


def test_empty_inputs_give_a_quiet_message():
    for fig in (cycle.cycle_wheel([]), journey.journey_curve([]), selection.selection_matrix([]),
                benchmark.benchmark_gaps([]), targets.targets_chart([]), comparison.asis_tobe_bars([], ["As-Is"])):
        assert png(fig)


def test_selection_benchmark_targets_comparison():
    procs = [Process(id=1, name="불만품을 교환한다", innovation=5, feasibility=4, selected=True),
             Process(id=2, name="Sell gift certificates", innovation=2, feasibility=5)]
    assert "불만품을 교환한다" in texts(selection.selection_matrix(procs))
    rows = [Benchmark(id=1, process_id=1, problem="Slow", characteristic="D", measure="Exchange time", unit="min",
                      higher_is_better=False, us=95, company_a=40, company_b=30, top=15)]
    text = texts(benchmark.benchmark_gaps(rows, company_a="A백화점"))
    assert "A백화점" in text and "TOP" in text and "80" in text          # the gap to TOP
    tgt = [Target(id=1, process_id=1, measure="Exchange time", current="95", competitor="40", required_level="30",
                  target="20")]
    assert "Exchange time" in texts(targets.targets_chart(tgt))
    changes = compare([MapMetrics(steps=14, lead_time=137.0), MapMetrics(steps=11, lead_time=43.0)])
    text = texts(comparison.asis_tobe_bars(changes, ["As-Is", "To-Be"]))
    assert "-69%" in text or "-68%" in text


def test_no_unicode_minus_in_tick_labels():
    rows = [Benchmark(id=1, process_id=1, problem="p", us=-5, company_a=3, company_b=None, top=8)]
    fig = benchmark.benchmark_gaps(rows)
    assert "\u2212" not in texts(fig)
