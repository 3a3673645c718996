"""Cycle scores: the weakest critical moment dominates, priority = importance × gap to 5."""

from __future__ import annotations

import pytest

from mot_workshop.analysis.cycle_scores import priority, score
from mot_workshop.domain.cycle import Touchpoint


def tp(id, level, importance, element="SOFT", critical=False):
    return Touchpoint(id=id, cycle_id=1, seq=id - 1, name=f"t{id}", element=element, level=level,
                      importance=importance, critical=critical)


CYCLE = [tp(1, 5, 3, "HARD"), tp(2, 4, 5, "HUMAN", critical=True), tp(3, 1, 5, "SOFT", critical=True),
         tp(4, 2, 2, "HARD"), tp(5, None, 4, "HUMAN")]


def test_mean_and_weakest_critical():
    s = score(CYCLE)
    assert s.touchpoints == 5 and s.rated == 4
    assert s.mean_level == pytest.approx((5 + 4 + 1 + 2) / 4)
    assert s.weakest_critical_id == 3 and s.weakest_level == 1
    assert s.weakest_id == 3


def test_the_weakest_link_can_be_non_critical_when_none_is_flagged():
    s = score([tp(1, 4, 3), tp(2, 2, 1), tp(3, 2, 4)])
    assert s.weakest_critical_id is None
    assert s.weakest_id == 3            # level 2 twice: the more important one


def test_priorities_rank_importance_times_gap():
    assert priority(tp(9, 1, 5)) == 20 and priority(tp(9, None, 5)) is None
    s = score(CYCLE)
    assert s.priorities == [(3, 20.0), (4, 6.0), (2, 5.0), (1, 0.0)]


def test_breakdown_by_element():
    s = score(CYCLE)
    assert s.by_element["HARD"].count == 2 and s.by_element["HARD"].mean_level == pytest.approx(3.5)
    assert s.by_element["HUMAN"].mean_level == 4      # the unrated one is counted but not averaged
    assert s.by_element["SOFT"].mean_priority == 20


def test_an_empty_cycle():
    s = score([])
    assert s.mean_level is None and s.weakest_critical_id is None and s.priorities == []
