"""Absurd geometry (x = 1e9 … 1e300, infinity, NaN, a 1 MB label) in a file or an import:
every geometry the app computes stays bounded, so render, export and report finish."""

from __future__ import annotations

import math
import sqlite3
import xml.etree.ElementTree as ET

import pytest

from mot_workshop.cli import main
from mot_workshop.domain.base import COORD_MAX
from mot_workshop.domain.process import Flow, Lane, Phase, Step
from mot_workshop.domain.rules import RuleError
from mot_workshop.editing.entities import CreateEntity
from mot_workshop.editing.history import History
from mot_workshop.export.bpmn import read_bpmn
from mot_workshop.layout.bounds import time_span
from mot_workshop.layout.swimlane import layout_map
from mot_workshop.persistence.store import Store


def _two_step_file(path, x=300.0):
    with Store.create(path) as store:
        history = History(store)

        def add(entity, **values):
            command = CreateEntity(entity, values)
            history.push(command)
            return command.id

        process = add("process", name="Pay")
        pmap = add("process_map", process_id=process, kind="as-is")
        lane = add("lane", map_id=pmap, name="Customer", kind="customer")
        add("phase", map_id=pmap, name="One")
        a = add("step", map_id=pmap, lane_id=lane, label="a", x=100)
        b = add("step", map_id=pmap, lane_id=lane, label="b", x=x)
        add("flow", map_id=pmap, source_id=a, target_id=b)
    return path


def _poke(path, sql, *params):
    """What another program may write into the file: values the app's rules refuse."""
    with sqlite3.connect(path) as db:
        db.execute(sql, params)


@pytest.mark.parametrize("value", [1e9, 1e300, math.inf, -math.inf, math.nan])
def test_layout_pulls_absurd_positions_and_widths_in(value):
    lanes = [Lane(id=1, map_id=1, name="L")]
    phases = [Phase(id=1, map_id=1, name="P", width=value), Phase(id=2, map_id=1, name="Q", width=value)]
    steps = [Step(id=1, map_id=1, lane_id=1, x=100), Step(id=2, map_id=1, lane_id=1, x=value, y=value)]
    layout = layout_map(lanes, phases, steps, [Flow(id=1, map_id=1, source_id=1, target_id=2)])
    limit = time_span(len(steps), len(phases)) + 1000
    assert 0 < layout.bounds.w <= limit and 0 < layout.bounds.h <= 30_000
    assert all(math.isfinite(v) for r in (b.rect for b in layout.steps.values()) for v in (r.x, r.y, r.w, r.h))
    assert all(math.isfinite(x) and math.isfinite(y) for points in layout.routes.values() for x, y in points)


def test_the_rules_refuse_absurd_positions_on_every_edit(store):
    history = History(store)
    process = CreateEntity("process", {"name": "P"})
    history.push(process)
    pmap = CreateEntity("process_map", {"process_id": process.id})
    history.push(pmap)
    lane = CreateEntity("lane", {"map_id": pmap.id, "name": "L"})
    history.push(lane)
    for values in ({"x": 1e9}, {"y": -1e12}, {"x": "nan"}):
        with pytest.raises(RuleError):
            history.push(CreateEntity("step", {"map_id": pmap.id, "lane_id": lane.id, **values}))
    with pytest.raises(RuleError):
        history.push(CreateEntity("phase", {"map_id": pmap.id, "name": "P", "width": 1e300}))


@pytest.mark.parametrize("value", ["1e9", "1e300", "9e999", "-9e999"])
def test_a_file_holding_absurd_positions_is_refused_or_drawn_bounded(tmp_path, value, capsys):
    # Another program wrote positions no version of the app writes. Every consumer either
    # refuses the file with one line (the file's values break the domain rules) or draws it
    # with bounded geometry; none hangs, none writes a broken file.
    path = _two_step_file(tmp_path / "w.motw")
    _poke(path, f"update step set x = {value}, y = {value} where label = 'b'")
    _poke(path, f"update phase set width = abs({value})")
    bpmn, svg, png, pdf = (tmp_path / f"w.{ext}" for ext in ("bpmn", "svg", "png", "pdf"))
    runs = {
        bpmn: ["export-bpmn", str(path), "--map", "Pay/as-is", "-o", str(bpmn)],
        svg: ["render", str(path), "--view", "map:Pay/as-is", "-o", str(svg)],
        png: ["render", str(path), "--view", "map:Pay/as-is", "-o", str(png), "--scale", "1"],
        pdf: ["report", str(path), "-o", str(pdf)],
    }
    for out, argv in runs.items():
        capsys.readouterr()
        code = main(argv)
        err = capsys.readouterr().err
        if code == 0:
            assert out.stat().st_size > 500
            if out == bpmn:
                numbers = [float(v) for el in ET.parse(bpmn).iter() for k, v in el.attrib.items()
                           if k in ("x", "y", "width", "height")]
                assert numbers and max(abs(n) for n in numbers) < 20_000
        else:
            assert code == 1 and len(err.strip().splitlines()) == 1 and "Traceback" not in err, err
            assert not out.exists()


def test_a_one_megabyte_label_is_drawn_in_bounded_time(tmp_path):
    path = _two_step_file(tmp_path / "w.motw")
    _poke(path, "update step set label = ? where label = 'a'", "word " * 200_000)
    # longer than any label the app writes: refused with one line, or drawn (bounded either way)
    for argv in (["render", str(path), "--view", "map:Pay/as-is", "-o", str(tmp_path / "w.png"), "--scale", "1"],
                 ["export-bpmn", str(path), "--map", "Pay/as-is", "-o", str(tmp_path / "w.bpmn")]):
        assert main(argv) in (0, 1)


def test_a_png_too_large_for_one_image_is_refused_not_written_empty(tmp_path, capsys):
    path = _two_step_file(tmp_path / "w.motw", x=COORD_MAX)
    _poke(path, "update step set y = 1e6 where label = 'b'")
    out = tmp_path / "huge.png"
    assert main(["render", str(path), "--view", "map:Pay/as-is", "-o", str(out), "--scale", "8", "--lang", "en"]) == 1
    assert "more than one PNG image can hold" in capsys.readouterr().err
    assert not out.exists()
    assert main(["render", str(path), "--view", "map:Pay/as-is", "-o", str(tmp_path / "huge.svg")]) == 0


def test_render_and_export_bpmn_name_maps_by_one_rule(tmp_path, capsys):
    path = _two_step_file(tmp_path / "w.motw")
    with Store.open(path) as store:
        History(store).push(CreateEntity("process_map", {"process_id": 1, "kind": "as-is"}))
    png, bpmn = tmp_path / "m.png", tmp_path / "m.bpmn"
    for args in (["render", str(path), "--view", "map:Pay/as-is", "-o", str(png)],
                 ["export-bpmn", str(path), "--map", "Pay/as-is", "-o", str(bpmn)]):
        assert main(args + ["--lang", "en"]) == 1
        assert "has 2 as-is maps; give the map id instead: 1, 2." in capsys.readouterr().err
    assert main(["render", str(path), "--view", "map:1", "-o", str(png), "--scale", "1"]) == 0
    assert main(["export-bpmn", str(path), "--map", "1", "-o", str(bpmn)]) == 0
    assert b"Pay" in bpmn.read_bytes()


ABSURD_BPMN = """<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
    xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
    id="d" targetNamespace="urn:x">
  <bpmn:process id="p" name="Absurd">
    <bpmn:startEvent id="s"/><bpmn:task id="t" name="Task"/><bpmn:endEvent id="e"/>
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t"/><bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="e"/>
  </bpmn:process>
  <bpmndi:BPMNDiagram id="D"><bpmndi:BPMNPlane id="P" bpmnElement="p">
    <bpmndi:BPMNShape id="s_di" bpmnElement="s"><dc:Bounds x="100" y="100" width="36" height="36"/></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="t_di" bpmnElement="t"><dc:Bounds x="{x}" y="1e300" width="100" height="80"/></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="e_di" bpmnElement="e"><dc:Bounds x="NaN" y="100" width="36" height="36"/></bpmndi:BPMNShape>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>"""


@pytest.mark.parametrize("x", ["1e9", "INF", "-1e300"])
def test_an_import_with_absurd_geometry_is_normalised_and_says_so(x, tmp_path, capsys):
    plan = read_bpmn(ABSURD_BPMN.replace("{x}", x).encode(), source="absurd.bpmn")
    assert any("not usable numbers" in note for note in plan.report.notes)
    values = [v for _, kind, v in plan.items(1, "as-is") if kind == "step"]
    assert all(0 <= v["x"] <= COORD_MAX and 0 <= v["y"] <= COORD_MAX for v in values)
    path = _two_step_file(tmp_path / "w.motw")
    source = tmp_path / "absurd.bpmn"
    source.write_text(ABSURD_BPMN.replace("{x}", x), encoding="utf-8")
    assert main(["import-bpmn", str(path), str(source), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "not usable numbers" in out
    assert "Imported 3 steps, 2 flows and 1 lane as the As-Is map" in out        # counts pluralised
    assert main(["render", str(path), "--view", "map:Absurd", "-o", str(tmp_path / "a.png"), "--scale", "1"]) == 0


def test_fitting_a_huge_label_on_screen_measures_only_what_can_show(qapp):
    from mot_workshop.ui.swimlane import style

    lines = style.fit_lines("word " * 200_000, 11.0, 120.0, 4)
    assert len(lines) == 4 and lines[-1].endswith("…")


def test_the_editor_s_live_layout_is_bounded_the_same_way():
    from mot_workshop.layout.live_layout import LiveLayout

    lanes = [Lane(id=1, map_id=1, name="L")]
    phases = [Phase(id=1, map_id=1, name="P", width=1e300)]
    steps = [Step(id=1, map_id=1, lane_id=1, x=100), Step(id=2, map_id=1, lane_id=1, x=1e12, y=math.inf)]
    flows = [Flow(id=1, map_id=1, source_id=1, target_id=2)]
    live = LiveLayout()
    live.update(lanes, phases, steps, flows)
    assert live.layout.bounds == layout_map(lanes, phases, steps, flows).bounds
    assert live.layout.bounds.w <= time_span(2, 1) + 1000
