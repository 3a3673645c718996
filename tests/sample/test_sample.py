"""The sample workshop: built through commands, complete, consistent and the same every time."""

from __future__ import annotations

import re
from collections import deque

import pytest

from mot_workshop.cli import main
from mot_workshop.domain.audit import audit
from mot_workshop.domain.enums import LaneKind, MapKind, Shape, StepStatus, TargetKind
from mot_workshop.persistence.dump import to_json
from mot_workshop.persistence.store import Store
from mot_workshop.sample import build_sample
from mot_workshop.sample import builder as sample_builder
from mot_workshop.sample.builder import _build

HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

PARKING_KO = [
    "주차장 진입 간판을 본다", "주차 공간으로 진입한다", "주차 안내원의 안내를 받는다", "주차 티켓을 받는다",
    "주차 공간을 찾는다", "주차시킨다", "매장으로 이동한다", "쇼핑", "구매 후 주차 공간으로 이동한다",
    "출구로 이동한다", "주차요금을 계산한다", "주차 공간을 떠난다",
]
PARKING_EN = [
    "Sees the car-park entrance sign", "Drives into the car park", "Is guided by the parking attendant",
    "Takes a parking ticket", "Looks for a space", "Parks", "Walks to the store", "Shops",
    "Returns to the car after buying", "Drives to the exit", "Pays the parking fee", "Leaves the car park",
]


@pytest.fixture(scope="module", params=["ko", "en"])
def built(request, tmp_path_factory):
    lang = request.param
    path = build_sample(tmp_path_factory.mktemp(f"sample-{lang}") / "sample.motw", lang)
    with Store.open(path, read_only=True) as store:
        yield lang, store.snapshot(), store.integrity_problems()


@pytest.fixture
def snap(built):
    return built[1]


@pytest.fixture
def lang(built):
    return built[0]


# ---------------------------------------------------------------- helpers
def core_process(snap):
    [process] = [p for p in snap.all("process") if p.name in ("불만품을 교환한다", "Exchange defective goods")]
    return process


def the_map(snap, kind):
    # (Snapshot.where cannot match a field called "kind": its first parameter has that name.)
    [m] = [m for m in snap.where("process_map", process_id=core_process(snap).id) if m.kind == kind]
    return m


def parking_cycle(snap):
    return snap.all("cycle")[0]


def handoffs(snap, map_id):
    lane = {s.id: s.lane_id for s in snap.where("step", map_id=map_id)}
    return sum(1 for f in snap.where("flow", map_id=map_id) if lane[f.source_id] != lane[f.target_id])


def total_wait(snap, map_id):
    return sum(s.wait for s in snap.where("step", map_id=map_id))


def ends(snap, map_id):
    steps = snap.where("step", map_id=map_id)
    flows = snap.where("flow", map_id=map_id)
    has_in = {f.target_id for f in flows}
    has_out = {f.source_id for f in flows}
    starts = [s.id for s in steps if s.shape == Shape.START_END and s.id not in has_in]
    finals = [s.id for s in steps if s.shape == Shape.START_END and s.id not in has_out]
    return steps, flows, starts, finals


def reach(origins, edges):
    seen, queue = set(origins), deque(origins)
    while queue:
        node = queue.popleft()
        for nxt in edges.get(node, ()):
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return seen


def happy_path_minutes(snap, map_id, lang):
    """Duration and waiting along the 'yes' branches: an exchange from store stock."""
    yes = "예" if lang == "ko" else "Yes"
    steps, flows, [start], finals = ends(snap, map_id)
    by_id = {s.id: s for s in steps}
    node, total = start, 0.0
    while node not in finals:
        out = [f for f in flows if f.source_id == node]
        if len(out) > 1:
            out = [f for f in out if f.label == yes]
        [flow] = out
        node = flow.target_id
        total += by_id[node].duration + by_id[node].wait
    return total


def texts(snap):
    for entity in snap:
        for name, value in entity.values().items():
            if isinstance(value, str) and value:
                yield entity.KIND, name, value


# ---------------------------------------------------------------- the file as a whole
def test_the_sample_passes_the_audit_and_the_integrity_check(built):
    _, snap, integrity = built
    assert integrity == []
    assert audit(snap) == []


def test_the_workshop_record_is_complete(snap, lang):
    w = snap.workshop
    for name in ("title", "organisation", "facilitator", "place", "benchmark_a", "benchmark_b", "notes"):
        assert getattr(w, name).strip(), name
    assert w.language == lang
    assert w.held_on == "2026-11-22"
    teams = snap.all("team")
    assert 2 <= len(teams) <= 3
    for team in teams:
        assert 3 <= len(snap.where("participant", team_id=team.id)) <= 4


def test_korean_text_in_korean_and_none_in_english(snap, lang):
    if lang == "ko":
        assert HANGUL.search(snap.workshop.title)
        for kind in ("process", "touchpoint", "lane", "cycle"):
            for entity in snap.all(kind):
                assert HANGUL.search(entity.name), (kind, entity.name)
        assert all(HANGUL.search(s.label) for s in snap.all("step") if s.shape != Shape.CONNECTOR)
    else:
        korean = [(kind, name, value) for kind, name, value in texts(snap) if HANGUL.search(value)]
        assert korean == []


# ---------------------------------------------------------------- cycles
def test_the_parking_cycle_has_the_twelve_touchpoints_of_the_method(snap, lang):
    cycle = parking_cycle(snap)
    assert cycle.parent_id is None
    assert cycle.name == ("주차접점 CYCLE" if lang == "ko" else "Parking cycle")
    touchpoints = snap.where("touchpoint", cycle_id=cycle.id)
    assert [tp.name for tp in touchpoints] == (PARKING_KO if lang == "ko" else PARKING_EN)
    assert [tp.seq for tp in touchpoints] == list(range(12))
    for tp in touchpoints:
        assert tp.level is not None and tp.importance is not None
        assert tp.expectation and tp.problems and tp.improvement and tp.owner
    assert sum(tp.critical for tp in touchpoints) >= 3


def test_paying_the_parking_fee_is_the_one_weakest_critical_moment(snap, lang):
    touchpoints = snap.where("touchpoint", cycle_id=parking_cycle(snap).id)
    critical = [tp for tp in touchpoints if tp.critical]
    ranked = sorted(critical, key=lambda tp: (tp.level, -tp.importance))
    weakest = ranked[0]
    assert weakest.name == ("주차요금을 계산한다" if lang == "ko" else "Pays the parking fee")
    assert (weakest.level, weakest.importance) == (1, 5)
    assert (ranked[1].level, -ranked[1].importance) > (1, -5)          # clearly the weakest
    assert min(tp.level for tp in touchpoints) == 1
    assert [tp for tp in touchpoints if tp.level == 1] == [weakest]


def test_an_in_store_cycle_with_sub_cycles(snap):
    top = [c for c in snap.all("cycle") if c.parent_id is None]
    subs = [c for c in snap.all("cycle") if c.parent_id is not None]
    assert len(top) == 2 and len(subs) >= 1
    in_store = top[1]
    assert {c.parent_id for c in subs} == {in_store.id}
    assert len(snap.where("touchpoint", cycle_id=in_store.id)) >= 8
    for cycle in snap.all("cycle"):
        assert len(snap.where("touchpoint", cycle_id=cycle.id)) >= 4


def test_touchpoint_owners_are_the_teams(snap):
    teams = {t.name for t in snap.all("team")}
    assert {tp.owner for tp in snap.all("touchpoint")} <= teams


# ---------------------------------------------------------------- step 1
def test_the_process_inventory_and_the_vote(snap, lang):
    procs = snap.all("process")
    assert 6 <= len(procs) <= 8
    for p in procs:
        assert p.major and p.medium and p.mission and p.start_point and p.end_point and p.aspects
        assert p.viewpoint is not None and p.innovation and p.feasibility
        if lang == "ko":
            assert p.name.endswith("다"), p.name       # object + transitive verb
    core = core_process(snap)
    assert core.selected and core.role == "core"
    assert sum(p.selected for p in procs) in (2, 3)
    votes = snap.all("vote")
    assert all(v.target_kind == "process" and snap.get("process", v.target_id) for v in votes)
    per_voter: dict[int, int] = {}
    per_process: dict[int, int] = {}
    for v in votes:
        per_voter[v.participant_id] = per_voter.get(v.participant_id, 0) + v.dots
        per_process[v.target_id] = per_process.get(v.target_id, 0) + v.dots
    assert set(per_voter.values()) == {snap.workshop.dots_per_voter}
    assert len(per_voter) == len(snap.all("participant"))
    assert max(per_process, key=per_process.get) == core.id


# ---------------------------------------------------------------- maps
def test_the_as_is_map_uses_every_shape_and_all_lanes(snap, lang):
    m = the_map(snap, MapKind.AS_IS)
    steps = snap.where("step", map_id=m.id)
    assert 12 <= len(steps) <= 16
    assert {s.shape for s in steps} == set(Shape)
    lanes = snap.where("lane", map_id=m.id)
    assert [l.kind for l in lanes] == [LaneKind.CUSTOMER, LaneKind.CONTACT, LaneKind.DEPARTMENT,
                                       LaneKind.DEPARTMENT, LaneKind.SYSTEM]
    assert 4 <= len(snap.where("phase", map_id=m.id)) <= 5
    assert sum(bool(s.output) for s in steps) >= 5
    assert sum(bool(s.measure) for s in steps) >= 4
    assert sum(bool(s.problems) for s in steps) >= 5
    assert {s.value_class for s in steps} >= {"VA", "BVA", "NVA"}
    lane_kind = {l.id: l.kind for l in lanes}
    mots = [s for s in steps if s.is_mot]
    assert mots and all(lane_kind[s.lane_id] in (LaneKind.CUSTOMER, LaneKind.CONTACT) for s in mots)
    linked = [s for s in steps if s.touchpoint_id is not None]
    assert linked and all(s.is_mot and snap.get("touchpoint", s.touchpoint_id) for s in linked)
    [other] = [s for s in steps if s.shape == Shape.OTHER_PROCESS]
    assert other.linked_process_id not in (None, m.process_id)
    assert snap.get("process", other.linked_process_id) is not None


def test_decisions_have_two_labelled_branches(snap):
    for m in snap.all("process_map"):
        flows = snap.where("flow", map_id=m.id)
        for step in snap.where("step", map_id=m.id, shape=Shape.DECISION):
            out = [f for f in flows if f.source_id == step.id]
            assert len(out) == 2
            assert all(f.label and f.condition for f in out)
            assert len({f.label for f in out}) == 2


def test_every_step_lies_on_a_path_from_start_to_end(snap):
    for m in snap.all("process_map"):
        steps, flows, starts, finals = ends(snap, m.id)
        assert len(starts) == 1 and len(finals) == 1
        forward, backward = {}, {}
        for f in flows:
            forward.setdefault(f.source_id, []).append(f.target_id)
            backward.setdefault(f.target_id, []).append(f.source_id)
        ids = {s.id for s in steps}
        assert reach(starts, forward) == ids, m.kind
        assert reach(finals, backward) == ids, m.kind


def test_steps_sit_in_their_phase_columns_and_flow_left_to_right(snap):
    for m in snap.all("process_map"):
        columns, start = {}, 0.0
        for phase in snap.where("phase", map_id=m.id):
            columns[phase.id] = (start, start + phase.width)
            start += phase.width
        steps = {s.id: s for s in snap.where("step", map_id=m.id)}
        for s in steps.values():
            low, high = columns[s.phase_id]
            assert low <= s.x <= high and s.y == 0, (m.kind, s.label)
        for f in snap.where("flow", map_id=m.id):
            assert steps[f.source_id].x < steps[f.target_id].x, (m.kind, f.id)


def test_the_to_be_removes_hand_offs_and_waiting(snap, lang):
    as_is, to_be, redesign = (the_map(snap, k) for k in (MapKind.AS_IS, MapKind.TO_BE, MapKind.REDESIGN))
    assert to_be.derived_from_id == as_is.id and redesign.derived_from_id == to_be.id
    # The figures the workshop's notes and worksheets quote.
    assert len(snap.where("step", map_id=as_is.id)) == 16
    assert (handoffs(snap, as_is.id), total_wait(snap, as_is.id)) == (13, 120)
    assert happy_path_minutes(snap, as_is.id, lang) == 95
    assert (handoffs(snap, to_be.id), total_wait(snap, to_be.id)) == (9, 32)
    assert happy_path_minutes(snap, to_be.id, lang) == 20
    assert len(snap.where("step", map_id=to_be.id)) < 16
    assert len(snap.where("phase", map_id=to_be.id)) == len(snap.where("phase", map_id=as_is.id)) - 1
    assert not any(s.problems for s in snap.where("step", map_id=to_be.id))
    assert total_wait(snap, redesign.id) < total_wait(snap, as_is.id)
    assert handoffs(snap, redesign.id) < handoffs(snap, as_is.id)
    computer = [s for s in snap.where("step", map_id=redesign.id) if s.shape == Shape.COMPUTER]
    assert len(computer) > len([s for s in snap.where("step", map_id=as_is.id) if s.shape == Shape.COMPUTER])


# ---------------------------------------------------------------- worksheets
def test_the_worksheets_of_the_core_process(snap):
    core = core_process(snap).id
    voc = snap.where("voc", process_id=core)
    assert 4 <= len(voc) <= 6
    for row in voc:
        assert all(value not in (None, "") for value in row.values().values()), row
    assert len({row.characteristic for row in voc}) == 4                 # Q, C, D and S
    assert len(snap.where("output_analysis", process_id=core)) >= 3
    assert sum(r.priority for r in snap.where("output_analysis", process_id=core)) == 1
    benchmarks = snap.where("benchmark", process_id=core)
    assert 3 <= len(benchmarks) <= 4
    for b in benchmarks:
        assert None not in (b.us, b.company_a, b.company_b, b.top)
        assert b.size_class in "BMI" and b.design_or_execution in "DE"
        assert b.measure and b.unit and b.nature and b.gap_cause and b.ideas
    as_is = the_map(snap, MapKind.AS_IS).id
    obstacles = snap.where("obstacle", process_id=core)
    assert 3 <= len(obstacles) <= 4
    for o in obstacles:
        step = snap.get("step", o.source_step_id)
        assert step.map_id == as_is and step.problems
        assert o.current_features and o.tobe_features and o.obstacle and o.solution
    targets = snap.where("target", process_id=core)
    assert 4 <= len(targets) <= 5
    assert {t.kind for t in targets} == {TargetKind.QUANTITATIVE, TargetKind.QUALITATIVE}
    for t in targets:
        if t.kind == TargetKind.QUANTITATIVE:
            assert all(float(getattr(t, n)) >= 0 for n in ("current", "competitor", "required_level", "target"))
    assert len(snap.where("key_indicator", process_id=core)) == 3
    actions = snap.where("action", process_id=core)
    assert 3 <= len(actions) <= 4
    assert all(a.owner and ISO_DATE.match(a.due) for a in actions)


def test_parking_lot_and_progress(snap):
    assert len(snap.all("note")) == 3
    progress = sorted(snap.all("step_progress"), key=lambda p: p.step_no)
    assert [p.step_no for p in progress] == list(range(1, 9))
    assert {p.status for p in progress} == {StepStatus.DONE, StepStatus.IN_PROGRESS}
    assert {p.process_id for p in progress} == {core_process(snap).id}


# ---------------------------------------------------------------- building
def test_building_is_deterministic(tmp_path):
    import re

    dumps = []
    for name in ("a.motw", "b.motw"):
        path = build_sample(tmp_path / name, "ko")
        with Store.open(path, read_only=True) as store:
            dumps.append(to_json(store.snapshot()))
    # each file is a workshop of its own (its identity); everything else is the same
    identity = re.compile(r'"identity": "[0-9a-f-]{36}"')
    assert all(len(identity.findall(d)) == 1 for d in dumps) and dumps[0] != dumps[1]
    assert identity.sub("", dumps[0]) == identity.sub("", dumps[1])


def test_the_whole_build_undoes_to_an_empty_workshop_and_redoes(store):
    empty = to_json(store.snapshot())
    history = _build(store, "en")
    built = to_json(store.snapshot())
    assert store.snapshot().workshop.title.startswith("Hanbit")
    history.undo_all()
    assert to_json(store.snapshot()) == empty
    while history.can_redo:
        history.redo()
    assert to_json(store.snapshot()) == built
    assert store.integrity_problems() == []


def test_an_existing_file_is_kept_unless_overwrite(tmp_path):
    path = tmp_path / "sample.motw"
    path.write_bytes(b"not mine")
    with pytest.raises(Exception, match="already exists"):
        build_sample(path, "en")
    assert path.read_bytes() == b"not mine"
    build_sample(path, "en", overwrite=True)
    with Store.open(path, read_only=True) as store:
        assert store.snapshot().workshop.language == "en"


def test_a_failed_build_leaves_nothing_behind(tmp_path, monkeypatch):
    def broken(store, lang):
        raise RuntimeError("disk full")

    monkeypatch.setattr(sample_builder, "_build", broken)
    with pytest.raises(RuntimeError):
        build_sample(tmp_path / "new.motw", "ko")
    assert list(tmp_path.iterdir()) == []
    old = tmp_path / "old.motw"
    old.write_bytes(b"previous")
    with pytest.raises(RuntimeError):
        build_sample(old, "ko", overwrite=True)
    assert [p.name for p in tmp_path.iterdir()] == ["old.motw"]
    assert old.read_bytes() == b"previous"


def test_an_unknown_language_is_refused(tmp_path):
    with pytest.raises(ValueError):
        build_sample(tmp_path / "x.motw", "fr")
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------- the command line
def test_demo_writes_a_sound_file_and_never_clobbers(tmp_path, capsys, monkeypatch):
    for variable in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    out = tmp_path / "demo.motw"
    assert main(["demo", str(out), "--lang", "en"]) == 0
    assert main(["check", str(out)]) == 0
    before = out.read_bytes()
    assert main(["demo", str(out), "--lang", "ko"]) != 0
    assert out.read_bytes() == before
    assert "이미 있습니다" in capsys.readouterr().err         # the messages follow --lang too
    assert main(["demo", str(out)]) != 0
    assert "already exists" in capsys.readouterr().err        # the system's language
    assert main(["demo", str(out), "--lang", "ko", "--force"]) == 0
    with Store.open(out, read_only=True) as store:
        assert store.snapshot().workshop.language == "ko"


@pytest.mark.parametrize("kind", [MapKind.AS_IS, MapKind.TO_BE, MapKind.REDESIGN])
def test_every_map_is_drawn_cleanly(snap, kind):
    """No two shapes overlap and no connector cuts through a shape: the sample is what a
    client sees first, on screen and on paper."""
    from mot_workshop.layout.routing import STUB, crossings, shared_length
    from mot_workshop.layout.swimlane import layout_map

    pmap = the_map(snap, kind)
    flows = snap.where("flow", map_id=pmap.id)
    lay = layout_map(snap.where("lane", map_id=pmap.id), snap.where("phase", map_id=pmap.id),
                     snap.where("step", map_id=pmap.id), flows)
    boxes = list(lay.steps.values())
    overlapping = [(a.step_id, b.step_id) for i, a in enumerate(boxes) for b in boxes[i + 1:]
                   if a.rect.inflate(4).intersects(b.rect)]
    assert overlapping == []
    rects = {k: b.rect for k, b in lay.steps.items()}
    drawn = [f for f in flows if f.id not in lay.jumps]           # connector pairs have no line
    assert {f.id for f in drawn} == set(lay.routes)
    assert [f.id for f in drawn if crossings(lay.routes[f.id], rects, (f.source_id, f.target_id))] == []
    # no two routes run on one line, unless they leave the same step or join into the same one
    stacked = []
    for i, f in enumerate(drawn):
        for g in drawn[i + 1:]:
            if f.source_id == g.source_id or f.target_id == g.target_id:
                continue
            if shared_length(lay.routes[f.id], lay.routes[g.id]) > STUB:
                stacked.append((f.id, g.id))
    assert stacked == []
