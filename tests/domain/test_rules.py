"""Normalising raw input into typed values, and refusing what breaks the method's rules."""

from __future__ import annotations

import pytest

from mot_workshop.domain.cycle import Touchpoint
from mot_workshop.domain.enums import Element, TargetKind
from mot_workshop.domain.process import Step
from mot_workshop.domain.rules import RuleError, check_entity, normalise
from mot_workshop.domain.worksheets import Target


def test_text_numbers_become_numbers():
    assert normalise(Step, {"duration": " 12.5 ", "x": "1,200"}) == {"duration": 12.5, "x": 1200.0}
    assert normalise(Touchpoint, {"level": "4", "importance": 5.0}) == {"level": 4, "importance": 5}


def test_blank_optional_numbers_become_none():
    assert normalise(Touchpoint, {"level": "", "importance": None}) == {"level": None, "importance": None}


def test_enum_values_are_checked():
    assert normalise(Touchpoint, {"element": "HUMAN"})["element"] is Element.HUMAN
    with pytest.raises(RuleError, match=r"Hardware \(HARD\), Software \(SOFT\), Human\."):   # name (code)
        normalise(Touchpoint, {"element": "people"})


@pytest.mark.parametrize("values, message", [
    ({"level": 0}, "between 1 and 5"),
    ({"level": True}, "whole number"),
    ({"duration": -1}, "must not be below 0"),
    ({"duration": "nan"}, "not a number"),
    ({"duration": "inf"}, "too large"),
    ({"critical": "maybe"}, "not yes or no"),
    ({"name": "a\x00b"}, "NUL"),
    ({"name": 12}, "must be text"),
    ({"nonsense": 1}, "Unknown field"),
])
def test_bad_values_are_refused_with_a_message(values, message):
    cls = Step if "duration" in values else Touchpoint
    with pytest.raises(RuleError, match=message):
        normalise(cls, values)


def test_a_long_paste_names_its_length():
    with pytest.raises(RuleError, match="100,000 characters"):
        normalise(Touchpoint, {"name": "가" * 100_000})


def test_quantitative_targets_need_numbers_qualitative_do_not():
    check_entity(Target(id=1, process_id=1, measure="Wait", current="40", target="15%"))
    with pytest.raises(RuleError, match="not a number"):
        check_entity(Target(id=1, process_id=1, measure="Wait", current="slow"))
    check_entity(Target(id=1, process_id=1, measure="Mood", kind=TargetKind.QUALITATIVE, current="tense"))


def test_an_empty_required_name_is_refused():
    with pytest.raises(RuleError, match="must not be empty"):
        check_entity(Touchpoint(id=1, cycle_id=1, name=""))


def test_numbers_the_file_cannot_hold_are_refused():
    with pytest.raises(RuleError, match="too large"):
        normalise(Touchpoint, {"seq": 10**30})
    with pytest.raises(RuleError, match="too large"):
        normalise(Step, {"duration": 10**400})
    with pytest.raises(RuleError, match="too large"):
        normalise(Step, {"duration": "1e999"})
