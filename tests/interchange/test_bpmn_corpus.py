"""Every real-world BPMN file of the corpus imports: the counts SOURCES.md lists are found,
every element is accounted for (a step, a flow, collapsed into its sub-process, or reported
as not imported), and the map in the workshop file holds exactly what the report says."""

from __future__ import annotations

import re

import pytest

from mot_workshop.domain.audit import audit
from mot_workshop.editing.imports import import_map_command
from mot_workshop.export.bpmn import read_bpmn_file
from mot_workshop.layout.swimlane import layout_map
from tests.interchange.bpmn_support import CORPUS

COLUMNS = ("pool", "lane", "task", "gateway", "event", "sequence flow", "message flow", "sub-process",
           "call activity", "text annotation")
NODE_CATEGORIES = ("task", "gateway", "event", "sub-process", "call activity")

# Lanes of the imported map: innermost lanes, one per pool without lanes (a black-box pool
# too), one default lane when the file has neither.
EXPECTED_LANES = {
    "bpmnjs-collaboration-vertical-nested-lanes.bpmn": 3,   # 2 nested lanes + a pool without lanes
    "camunda-2.6-nested-lanes.bpmn": 4,                     # Lane_A's 3 children + Lane_B
    "camunda-5.16-kitchen-sink.bpmn": 3,
    "signavio-6.2-recruiting-collaboration-de.bpmn": 17,    # 9 one-lane pools + 8 black-box pools
    "signavio-15.4-collapsed-subprocesses.bpmn": 1,         # no pool, no lane
    "bpmnjs-demo-7.5-all-elements.bpmn": 4,                 # 2 lanes + a pool + a black-box pool
    "camunda-4.11-lanes-no-pool-conditions.bpmn": 3,
    "miwg-camunda-5.23-b2.0-export.bpmn": 3,
    "miwg-signavio-19.9-b1.0-export.bpmn": 3,
    "miwg-bizagi-2.8-b1.0-roundtrip.bpmn": 6,
    "miwg-ibm-blueworks-a2.0-no-di.bpmn": 1,                # an empty lane set
    "miwg-aris-10-c4.0-multi-diagram.bpmn": 5,
    "miwg-bonita-7.2-c1.0-export.bpmn": 5,
}


def sources_counts() -> dict[str, dict[str, int]]:
    """The coverage table of SOURCES.md: file -> leading number of each count column."""
    table = {}
    for line in (CORPUS / "SOURCES.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 11 and cells[0].endswith(".bpmn") and re.match(r"\d", cells[1]):
            numbers = [int(re.match(r"\d+", c.replace("*", "")).group()) for c in cells[1:11]]
            table[cells[0]] = dict(zip(COLUMNS, numbers))
    return table


SOURCES = sources_counts()


def test_the_sources_table_lists_every_corpus_file():
    assert len(SOURCES) == 13
    assert set(SOURCES) == {p.name for p in CORPUS.glob("*.bpmn")} == set(EXPECTED_LANES)


@pytest.mark.parametrize("name", sorted(EXPECTED_LANES))
def test_the_reader_finds_what_sources_md_counts(name):
    plan = read_bpmn_file(CORPUS / name)
    found = plan.report.found
    assert {c: found.get(c, 0) for c in COLUMNS} == SOURCES[name]


@pytest.mark.parametrize("name", sorted(EXPECTED_LANES))
def test_every_element_is_accounted_for(name):
    report = read_bpmn_file(CORPUS / name).report
    left_out = report.unsupported_counts()
    for category in NODE_CATEGORIES:
        assert report.found[category] == report.imported[category] + report.inside[category], category
    assert report.found["sequence flow"] == (report.imported["sequence flow"] + report.inside["sequence flow"]
                                             + left_out["sequenceFlow"])
    assert left_out["messageFlow"] == report.found["message flow"]        # reported, not dropped


@pytest.mark.parametrize("name", sorted(EXPECTED_LANES))
def test_each_file_imports_into_a_new_map(name, history):
    plan = read_bpmn_file(CORPUS / name)
    report = plan.report
    command = import_map_command(history.store, plan)
    history.push(command)
    store = history.store
    map_id = command.map_id
    steps = store.select("step", map_id=map_id)
    flows = store.select("flow", map_id=map_id)
    lanes = store.select("lane", map_id=map_id)
    assert len(lanes) == EXPECTED_LANES[name] == report.imported["lane"]
    assert len(steps) == sum(report.imported[c] for c in NODE_CATEGORIES)
    assert len(flows) == report.imported["sequence flow"] + report.imported["added link"]
    assert not audit(store.snapshot())
    layout = layout_map(lanes, store.select("phase", map_id=map_id), steps, flows)
    assert set(layout.steps) == {s.id for s in steps}
    assert all(s.x >= 0 for s in steps)


def test_shapes_and_conditions_of_the_camunda_file(history):
    plan = read_bpmn_file(CORPUS / "camunda-4.11-lanes-no-pool-conditions.bpmn")
    command = import_map_command(history.store, plan)
    history.push(command)
    steps = history.store.select("step", map_id=command.map_id)
    shapes = sorted(str(s.shape) for s in steps)
    assert shapes == sorted(["start-end", "start-end", "activity", "activity", "activity", "activity",
                             "computer", "decision", "other-process"])
    conditions = {f.label: f.condition for f in history.store.select("flow", map_id=command.map_id) if f.condition}
    assert conditions == {"yes": "#{approved}", "no": "#{!approved}"}
    names = [lane.name for lane in history.store.select("lane", map_id=command.map_id)]
    assert names == ["Automated", "Management", "HR"]


def test_a_file_without_diagram_is_ordered_by_the_flow():
    plan = read_bpmn_file(CORPUS / "miwg-ibm-blueworks-a2.0-no-di.bpmn")
    assert not plan.report.has_di
    x = {s.label: s.x for s in plan.steps}
    assert x["Start Event"] < x["Task 1"] < x["Gateway (Split Flow)"] < x["Gateway (Merge Flows)"] < x["End Event"]


def test_vertical_pools_are_turned_to_run_left_to_right():
    plan = read_bpmn_file(CORPUS / "bpmnjs-collaboration-vertical-nested-lanes.bpmn")
    assert [lane.name for lane in plan.lanes][:2] == ["V_Pool / V_Lane 1 / V_Lane 2", "V_Pool / V_Lane 1 / V_Lane 3"]
    assert all(s.x > 0 and s.y >= 0 for s in plan.steps)


def test_collapsed_sub_processes_keep_the_outer_flow():
    plan = read_bpmn_file(CORPUS / "signavio-15.4-collapsed-subprocesses.bpmn")
    report = plan.report
    assert report.imported["sub-process"] == 3 and report.inside["sub-process"] == 4
    assert report.inside["task"] == 4
