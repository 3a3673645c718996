"""Export -> import -> export keeps what a map holds beyond its shapes: the steps' links to
touchpoints, the derivation (To-Be from As-Is, Redesign from To-Be: map, lanes and steps),
obstacles linked to steps, and the worksheet answers kept per map."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from mot_workshop.editing.history import History
from mot_workshop.editing.imports import import_map_command
from mot_workshop.export.bpmn import export_map, read_bpmn
from mot_workshop.export.bpmn.model import MOT
from mot_workshop.export.bpmn.report import report_lines
from mot_workshop.persistence.store import Store
from mot_workshop.sample import build_sample


def structure(xml: bytes, process_name: str) -> list[tuple]:
    """Every element of the document as (path, tag, attributes, text), with the process's
    name and id (which differ between processes) taken out."""
    root = ET.fromstring(xml)
    out = []

    def walk(el, path):
        attrs = {k: v for k, v in el.attrib.items() if v != process_name}
        for key in ("id", "processRef"):
            if attrs.get(key, "").startswith("Process_"):
                attrs[key] = "Process_N"
        out.append((path, el.tag, tuple(sorted(attrs.items())), (el.text or "").strip()))
        for i, child in enumerate(el):
            walk(child, f"{path}/{i}")

    walk(root, "")
    return out


def map_links(snapshot, map_id: int) -> dict:
    """A map's links out of itself, with every id replaced by what it names."""
    pmap = snapshot.get("process_map", map_id)
    steps = sorted(snapshot.where("step", map_id=map_id), key=lambda s: s.id)
    source = snapshot.get("process_map", pmap.derived_from_id)

    def position(kind, entity_id, in_map):
        items = sorted(snapshot.where(kind, map_id=in_map), key=lambda e: e.id)
        return [e.id for e in items].index(entity_id) if entity_id is not None else None

    def touchpoint(step):
        tp = snapshot.get("touchpoint", step.touchpoint_id)
        return (snapshot.get("cycle", tp.cycle_id).name, tp.name) if tp else None

    obstacles = [o for o in snapshot.where("obstacle", process_id=pmap.process_id)
                 if o.source_step_id in {s.id for s in steps}]
    return {
        "derived_from": str(source.kind) if source else None,
        "step origins": [position("step", s.origin_id, source.id) if source else None for s in steps],
        "lane origins": [position("lane", lane.origin_id, source.id) if source else None
                         for lane in snapshot.where("lane", map_id=map_id)],
        "touchpoints": [touchpoint(s) for s in steps],
        "obstacles": sorted((position("step", o.source_step_id, map_id), o.current_features, o.tobe_features,
                             o.obstacle, o.solution) for o in obstacles),
        "cs checks": sorted((c.point, c.ticked, c.note) for c in snapshot.where("cs_check", map_id=map_id)),
        "as-is answers": sorted((a.question, a.answer) for a in snapshot.where("asis_answer", map_id=map_id)),
    }


def test_a_process_s_maps_come_back_with_every_link_in_a_copy_of_the_process(tmp_path):
    path = build_sample(tmp_path / "s.motw", "ko")
    with Store.open(path) as store:
        snapshot = store.snapshot()
        process = snapshot.all("process")[0]
        maps = sorted(snapshot.where("process_map", process_id=process.id), key=lambda m: m.id)
        assert [str(m.kind) for m in maps] == ["as-is", "to-be", "redesign"]
        for source in maps:               # the As-Is first: the To-Be's file names its steps
            first = export_map(snapshot, source.id)
            plan = read_bpmn(first, source="map.bpmn")
            command = import_map_command(store, plan, process="사본")
            History(store).push(command)
            after = store.snapshot()
            second = export_map(after, command.map_id)
            assert structure(second, "사본") == structure(first, process.name)
            before_links, after_links = map_links(snapshot, source.id), map_links(after, command.map_id)
            assert after_links == before_links
            assert not [n for n in plan.report.notes if "left out" in n or "no longer" in n]
        copy_maps = {str(m.kind): m.id for m in after.where("process_map", process_id=command.process_id)}
        # the copy's To-Be comes from the copy's As-Is, not from the original's
        assert after.get("process_map", copy_maps["to-be"]).derived_from_id == copy_maps["as-is"]
        assert after.get("process_map", copy_maps["redesign"]).derived_from_id == copy_maps["to-be"]
    # the sample holds each kind of link, so the comparison above compares something
    as_is, to_be = map_links(snapshot, maps[0].id), map_links(snapshot, maps[1].id)
    assert len(as_is["obstacles"]) == 4 and any(as_is["touchpoints"]) and as_is["as-is answers"]
    assert to_be["derived_from"] == "as-is" and None not in to_be["step origins"] and to_be["cs checks"]


def test_the_links_are_written_in_the_file_in_our_namespace(tmp_path):
    path = build_sample(tmp_path / "s.motw", "en")
    with Store.open(path) as store:
        snapshot = store.snapshot()
        to_be = next(m for m in snapshot.all("process_map") if str(m.kind) == "to-be")
        root = ET.fromstring(export_map(snapshot, to_be.id))
    process = root.find("{http://www.omg.org/spec/BPMN/20100524/MODEL}process")
    assert process.get(f"{{{MOT}}}derivedFrom") == "as-is"
    origins = [el.get(f"{{{MOT}}}origin") for el in process.iter() if el.get(f"{{{MOT}}}origin")]
    assert any(o.startswith("Lane_") for o in origins) and any(o.startswith("Activity_") for o in origins)
    assert any(el.get(f"{{{MOT}}}touchpoint") for el in process.iter())
    assert process.find(f".//{{{MOT}}}csCheck") is not None


def test_into_its_own_process_the_obstacles_are_not_doubled_and_the_report_says_so(tmp_path):
    path = build_sample(tmp_path / "s.motw", "en")
    with Store.open(path) as store:
        snapshot = store.snapshot()
        as_is = next(m for m in snapshot.all("process_map") if str(m.kind) == "as-is")
        process = snapshot.get("process", as_is.process_id)
        plan = read_bpmn(export_map(snapshot, as_is.id), source="map.bpmn")
        History(store).push(import_map_command(store, plan, process=process.name))
        assert len(store.select("obstacle", process_id=process.id)) == 4
    assert any("4 obstacles of the file are already in the process's obstacle table" in line
               for line in report_lines(plan.report))


def test_in_another_workshop_what_cannot_be_found_is_reported_not_guessed(tmp_path):
    path = build_sample(tmp_path / "s.motw", "en")
    with Store.open(path) as store:
        snapshot = store.snapshot()
        to_be = next(m for m in snapshot.all("process_map") if str(m.kind) == "to-be")
        xml = export_map(snapshot, to_be.id)
    with Store.create(tmp_path / "other.motw") as other:
        plan = read_bpmn(xml, source="map.bpmn")
        command = import_map_command(other, plan, kind="to-be")
        History(other).push(command)
        pmap = other.get("process_map", command.map_id)
        assert pmap.derived_from_id is None
        assert all(s.touchpoint_id is None and s.origin_id is None
                   for s in other.select("step", map_id=pmap.id))
        assert len(other.select("cs_check", map_id=pmap.id)) == len(snapshot.where("cs_check", map_id=to_be.id))
    lines = "\n".join(report_lines(plan.report))
    assert "derived from the As-Is map of its process, which this process does not have" in lines
    assert "links to touchpoints were left out" in lines
