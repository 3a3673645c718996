"""An import (CreateLinked) checks each entity once, and still every field: the values it
was given are normalised (text cleaned), the fields it was not given keep their rules (a step
needs its lane), and a bad item leaves nothing behind."""

from __future__ import annotations

import pytest

from mot_workshop.domain.rules import RuleError
from mot_workshop.editing.history import History
from mot_workshop.editing.linked import CreateLinked
from mot_workshop.persistence.store import Store


@pytest.fixture
def history(tmp_path):
    store = Store.create(tmp_path / "w.motw", title="Import test", language="en")
    yield History(store)
    store.close()


def base_items():
    return [("p", "process", {"name": "Exchange goods"}), ("m", "process_map", {"process_id": "p", "kind": "as-is"}),
            ("l", "lane", {"map_id": "m", "name": "Clerk"})]


def test_given_values_are_cleaned_and_stored(history):
    command = CreateLinked([*base_items(), ("s", "step", {"map_id": "m", "lane_id": "l", "label": "Take\x07 request",
                                                          "x": "120", "duration": 5})])
    history.push(command)
    step = history.store.get("step", command.id_of("s"))
    assert step.label == "Take request" and step.x == 120.0 and step.duration == 5.0


@pytest.mark.parametrize("values", [
    {"map_id": "m", "label": "No lane"},                         # a field it was not given keeps its rule
    {"map_id": "m", "lane_id": "l", "label": "x" * 100_000},     # a given value is still checked
    {"map_id": "m", "lane_id": "l", "duration": -4},
])
def test_a_bad_step_is_refused_and_nothing_is_written(history, values):
    with pytest.raises(RuleError):
        history.push(CreateLinked([*base_items(), ("s", "step", values)]))
    assert history.store.count("process") == 0 and history.store.count("step") == 0
