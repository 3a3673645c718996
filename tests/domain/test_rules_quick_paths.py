"""The quick answers of ``normalise_field`` (text that is fine as it is, values already of the
field's type) agree with the field's whole rule on every field of every kind."""

from __future__ import annotations

import math

from mot_workshop.domain.base import field_infos
from mot_workshop.domain.registry import KINDS
from mot_workshop.domain.rules import INT_MAX, INT_MIN, RuleError, _normalise_checked, normalise_field


def _outcome(rule, info, raw):
    try:
        value = rule(info, raw)
    except RuleError as exc:
        return ("refused", exc.field)
    return ("kept", type(value), "nan" if isinstance(value, float) and math.isnan(value) else value)


def _samples(info) -> list:
    out: list = [None, "", " ", "0", "1", "x", True, False, 0, 1, -1, 3, 5, 6, INT_MAX, INT_MAX + 1,
                 INT_MIN - 1, 0.0, -0.0, 1.5, -1.5, 2.0, 1e7, 1e7 + 1, -1e7 - 1, 1e300, math.inf, -math.inf,
                 math.nan, "a\x00b", "a\x01b", "x" * 600, "ok text", "  padded  "]
    if info.range is not None:
        for bound in info.range:
            if bound is not None:
                out += [bound, bound - 1, bound + 1, float(bound), float(bound) - 0.5, float(bound) + 0.5]
    if info.is_enum:
        out += list(info.type) + [m.value for m in info.type]
    if info.max_len is not None:
        out += ["y" * info.max_len, "y" * (info.max_len + 1)]
    return out


def test_quick_answers_agree_with_the_whole_rule():
    checked = 0
    for cls in KINDS.values():
        for info in field_infos(cls):
            for raw in _samples(info):
                assert _outcome(normalise_field, info, raw) == _outcome(_normalise_checked, info, raw), \
                    (cls.KIND, info.name, raw)
                checked += 1
    assert checked > 5000


def test_field_types_read_by_name_equal_the_evaluated_annotations():
    import dataclasses
    import typing

    from mot_workshop.domain.base import _unwrap_optional

    for cls in KINDS.values():
        hints = typing.get_type_hints(cls)
        expected = [(f.name, *_unwrap_optional(hints[f.name])) for f in dataclasses.fields(cls) if f.name != "id"]
        assert [(i.name, i.type, i.optional) for i in field_infos(cls)] == expected, cls.KIND
