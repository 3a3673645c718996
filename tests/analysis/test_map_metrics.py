"""Map figures on small hand-made maps whose answers are worked out by hand."""

from __future__ import annotations

import pytest

from mot_workshop.analysis.comparison import compare, percent_change
from mot_workshop.analysis.map_metrics import analyse
from mot_workshop.analysis.structure import DEAD_END, NO_END, NO_START, ONE_EXIT_DECISION, UNREACHABLE
from mot_workshop.domain.process import Flow, Lane, Step

CUSTOMER, CONTACT, BACK = 1, 2, 3
LANES = [Lane(id=CUSTOMER, map_id=1, kind="customer", name="C"), Lane(id=CONTACT, map_id=1, kind="contact", name="E"),
         Lane(id=BACK, map_id=1, kind="department", name="D")]


def step(id, lane, shape="activity", duration=0.0, wait=0.0, value_class=None, is_mot=False, x=None):
    return Step(id=id, map_id=1, lane_id=lane, shape=shape, label=f"s{id}", duration=duration, wait=wait,
                value_class=value_class, is_mot=is_mot, x=float(id * 100 if x is None else x))


def flows(*pairs):
    return [Flow(id=i, map_id=1, source_id=a, target_id=b) for i, (a, b) in enumerate(pairs, start=1)]


# start → 2 → 3 → decision 4 → (no) 5 → back to 3; (yes) → end 6
REWORK_STEPS = [
    step(1, CUSTOMER, "start-end"),
    step(2, CUSTOMER, duration=5, value_class="VA", is_mot=True),
    step(3, CONTACT, duration=10, wait=20, value_class="BVA"),
    step(4, BACK, "decision", duration=2, wait=30, value_class="NVA"),
    step(5, CONTACT, duration=5, value_class="VA"),
    step(6, CUSTOMER, "start-end"),
]
REWORK_FLOWS = flows((1, 2), (2, 3), (3, 4), (4, 5), (5, 3), (4, 6))


def test_figures_of_a_map_with_a_rework_loop():
    m = analyse(REWORK_STEPS, REWORK_FLOWS, LANES)
    assert m.steps == 6 and m.flows == 6
    assert m.handoffs == 4            # 2→3, 3→4, 4→5, 4→6 cross lanes; 1→2 and 5→3 do not
    assert m.decisions == 1
    assert m.contact_steps == 3       # the customer lane's three steps (one also a MOT)
    assert m.total_work == 22 and m.total_wait == 50
    assert m.loops == 1 and m.loop_steps == [3, 4, 5]
    assert m.lead_time == 72          # 0 + 5 + (30 + 32 + 5) once around the loop + 0
    assert m.critical_path == [1, 2, 3, 4, 5, 6]
    assert m.va_share == pytest.approx(10 / 22)
    assert m.nva_share == pytest.approx(2 / 22)
    assert m.cycle_efficiency == pytest.approx(10 / 72)
    assert m.structure == []


def test_longest_path_takes_the_slower_branch():
    steps = [step(1, CUSTOMER, "start-end"), step(2, CONTACT, "decision", duration=1),
             step(3, CONTACT, duration=10), step(4, BACK, duration=3, wait=40), step(5, CUSTOMER, "start-end")]
    m = analyse(steps, flows((1, 2), (2, 3), (2, 4), (3, 5), (4, 5)), LANES)
    assert m.lead_time == 44 and m.critical_path == [1, 2, 4, 5]
    assert m.loops == 0


def test_structural_problems_name_their_steps():
    steps = [step(1, CUSTOMER, "start-end"), step(2, CONTACT), step(3, CONTACT, "decision"), step(4, BACK),
             step(9, BACK)]
    m = analyse(steps, flows((1, 2), (2, 3), (3, 4)), LANES)
    codes = {(p.code, p.step_id) for p in m.structure}
    assert (NO_END, None) in codes
    assert (DEAD_END, 4) in codes and (DEAD_END, 9) in codes
    assert (UNREACHABLE, 9) in codes
    assert (ONE_EXIT_DECISION, 3) in codes
    assert (NO_START, None) not in codes


def test_a_map_without_start_is_reported():
    m = analyse([step(1, CONTACT), step(2, CONTACT, "start-end")], flows((1, 2)), LANES)
    assert [p.code for p in m.structure] == [NO_START]


def test_an_empty_map_has_zero_figures_and_no_problems():
    m = analyse([], [], LANES)
    assert (m.steps, m.lead_time, m.structure, m.va_share) == (0, 0.0, [], None)


def test_comparison_reports_change_in_percent_and_direction():
    before = analyse(REWORK_STEPS, REWORK_FLOWS, LANES)
    simpler = [step(1, CUSTOMER, "start-end"), step(2, CUSTOMER, duration=5, value_class="VA", is_mot=True),
               step(3, CONTACT, duration=10, wait=5, value_class="VA"), step(6, CUSTOMER, "start-end")]
    after = analyse(simpler, flows((1, 2), (2, 3), (3, 6)), LANES)
    changes = {c.name: c for c in compare([before, after])}
    assert changes["lead_time"].values == (72, 20)
    assert changes["lead_time"].change_pct == pytest.approx((20 - 72) / 72 * 100)
    assert changes["lead_time"].improved is True
    assert changes["handoffs"].values == (4, 2) and changes["handoffs"].change_pct == pytest.approx(-50)
    assert changes["va_share"].improved is True
    assert changes["problems"].change_pct is None        # 0 → 0


def test_percent_change_of_zero_is_undefined():
    assert percent_change(0, 5) is None and percent_change(None, 1) is None
    assert percent_change(50, 25) == -50


def _graphs_holding_nodes() -> list:
    import gc

    import networkx as nx

    return [g for g in gc.get_objects() if isinstance(g, nx.Graph) and g.number_of_nodes()]


def test_a_finished_analysis_leaves_no_graph_holding_the_map():
    """networkx caches views of a graph on the graph (a reference cycle): a used graph is
    emptied, or a 10,000-step map's graph would wait for a full collection (~15 MB)."""
    import gc

    gc.collect()
    before = len(_graphs_holding_nodes())
    gc.disable()
    try:
        m = analyse(REWORK_STEPS, REWORK_FLOWS, LANES)
        assert m.lead_time > 0 and m.loops == 1           # the graph was used, then emptied
        assert len(_graphs_holding_nodes()) == before
    finally:
        gc.enable()
