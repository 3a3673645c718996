"""Builders for big synthetic workshops, shared by the benchmarks.

Everything is deterministic (one seeded ``random.Random``) and goes through the editing
layer: the entities are made with their ids fixed in advance and written to a new file by
one ``History.push(InsertEntities(...))`` — one command, one transaction, like loading a
dump. Pushing one ``CreateEntity`` per row would be realistic too, but takes minutes for a
4,000-step workshop and measures nothing the command benchmark does not already measure.

Two shapes:

- ``map_entities`` / ``build_map_file``: one process with one big map — N steps spread over
  lanes and phases, M flows (a main path through every step plus branches and loops back).
- ``workshop_entities`` / ``build_workshop_file``: P processes × S steps each, every process
  with an As-Is and a To-Be map (lanes, phases, steps, flows ≈ 1.2 × steps), an MOT cycle
  with a sub-cycle and touchpoints (MOT steps point at them), a few rows of every worksheet
  table, teams and participants, dot votes, parking-lot notes and the wizard's progress.
"""

from __future__ import annotations

import random
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from mot_workshop.domain.base import Entity
from mot_workshop.domain.cycle import Cycle, Touchpoint
from mot_workshop.domain.enums import (
    Element,
    LaneKind,
    MapKind,
    ProcessRole,
    Qcds,
    Shape,
    StepStatus,
    SurveyMethod,
    TargetKind,
    ValueClass,
    VocDirection,
    VocType,
    VoteTarget,
)
from mot_workshop.domain.facilitation import Note, StepProgress, Vote
from mot_workshop.domain.process import Flow, Lane, Phase, Process, ProcessMap, Step
from mot_workshop.domain.workshop import Participant, Team
from mot_workshop.domain.worksheets import (
    Action,
    Benchmark,
    KeyIndicator,
    Obstacle,
    OutputAnalysis,
    Target,
    VocEntry,
)
from mot_workshop.editing.bulk import InsertEntities
from mot_workshop.editing.history import History
from mot_workshop.persistence.store import WORKSHOP_ID, Store

# A little Korean and English text, so rows have the size and the characters of real ones.
_VERBS = ("접수한다", "확인한다", "등록한다", "검토한다", "승인한다", "안내한다", "발송한다", "처리한다",
          "receives", "checks", "records", "reviews", "approves", "informs", "ships", "settles")
_NOUNS = ("고객 요청", "불만품", "교환 신청서", "주문 내역", "재고", "배송 일정", "견적", "청구서",
          "the request", "the claim", "the order", "the invoice", "the parcel", "the quote")
_LANES = ((LaneKind.CUSTOMER, "고객"), (LaneKind.CONTACT, "접점사원"), (LaneKind.DEPARTMENT, "영업부"),
          (LaneKind.DEPARTMENT, "물류팀"), (LaneKind.SYSTEM, "ERP"), (LaneKind.DEPARTMENT, "품질팀"),
          (LaneKind.OTHER, "협력사"), (LaneKind.DEPARTMENT, "재무팀"))
_PROBLEM = "대기 시간이 길고 같은 정보를 두 번 입력한다 — the same data is typed twice and waits a day."


def phrase(rng: random.Random) -> str:
    return f"{rng.choice(_NOUNS)} {rng.choice(_VERBS)}"


class Ids:
    """Ids handed out in advance, per kind, as the store would (1, 2, 3 …)."""

    def __init__(self) -> None:
        self._last: dict[str, int] = defaultdict(int)
        self._last["workshop"] = WORKSHOP_ID

    def next(self, kind: str) -> int:
        self._last[kind] += 1
        return self._last[kind]


@dataclass
class Built:
    """What a builder made: the entities, and the ids a benchmark wants to pick from."""

    entities: list[Entity] = field(default_factory=list)
    map_ids: list[int] = field(default_factory=list)

    def add(self, items: Iterable[Entity]) -> None:
        self.entities.extend(items)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = defaultdict(int)
        for entity in self.entities:
            out[entity.KIND] += 1
        return dict(out)


def map_entities(ids: Ids, rng: random.Random, *, process_id: int, steps: int, flows: int,
                 lanes: int = 6, phases: int = 10, kind: MapKind = MapKind.AS_IS,
                 touchpoint_ids: list[int] | None = None,
                 linked_process_ids: list[int] | None = None) -> list[Entity]:
    """One map of ``process_id``: lanes, phases, ``steps`` steps and ``flows`` flows.

    Steps walk left to right through the phases, each in a random lane; flows are the main
    path (step i → i+1), then branches forward and a few loops back (rework), never a step
    to itself and never the same pair twice.
    """
    if steps < 2 and flows:
        raise ValueError("flows need at least two steps")
    max_flows = steps * (steps - 1)
    if flows > max_flows:
        raise ValueError(f"{steps} steps hold at most {max_flows} flows")
    lanes = max(1, min(lanes, len(_LANES)))
    phases = max(1, phases)
    map_id = ids.next("process_map")
    out: list[Entity] = [ProcessMap(id=map_id, process_id=process_id, kind=kind,
                                    title=f"{kind.value} {process_id}")]
    lane_list = [Lane(id=ids.next("lane"), map_id=map_id, seq=i, kind=_LANES[i][0], name=_LANES[i][1])
                 for i in range(lanes)]
    phase_list = [Phase(id=ids.next("phase"), map_id=map_id, seq=i, name=f"단계 {i + 1}", width=240.0)
                  for i in range(phases)]
    out += lane_list + phase_list
    step_list: list[Step] = []
    touchpoints = list(touchpoint_ids or ())
    per_phase = max(1, -(-steps // phases))
    for i in range(steps):
        phase_index = min(i // per_phase, phases - 1)
        lane = rng.choice(lane_list)
        is_mot = lane.kind == LaneKind.CUSTOMER and rng.random() < 0.3
        shape = (Shape.START_END if i in (0, steps - 1) else
                 rng.choices((Shape.ACTIVITY, Shape.DECISION, Shape.COMPUTER, Shape.OTHER_PROCESS),
                             (70, 15, 12, 3))[0])
        linked = None
        if shape == Shape.OTHER_PROCESS and linked_process_ids:
            linked = rng.choice(linked_process_ids)
        step_list.append(Step(
            id=ids.next("step"), map_id=map_id, lane_id=lane.id, phase_id=phase_list[phase_index].id,
            shape=shape, label=phrase(rng),
            x=phase_index * 240.0 + 30.0 + (i % per_phase) * (200.0 / per_phase), y=rng.uniform(10.0, 70.0),
            duration=float(rng.randint(1, 60)), wait=float(rng.choice((0, 0, 5, 30, 240))),
            value_class=rng.choice((ValueClass.VA, ValueClass.BVA, ValueClass.NVA, None)),
            output=phrase(rng) if rng.random() < 0.5 else "",
            measure="처리 시간(분)" if rng.random() < 0.3 else "",
            problems=_PROBLEM if rng.random() < 0.3 else "",
            is_mot=is_mot,
            touchpoint_id=rng.choice(touchpoints) if is_mot and touchpoints else None,
            linked_process_id=linked,
        ))
    out += step_list
    pairs: set[tuple[int, int]] = set()
    flow_list: list[Flow] = []

    def add_flow(a: Step, b: Step, label: str = "") -> None:
        if a.id == b.id or (a.id, b.id) in pairs:
            return
        pairs.add((a.id, b.id))
        flow_list.append(Flow(id=ids.next("flow"), map_id=map_id, source_id=a.id, target_id=b.id,
                              label=label, condition="예" if label else ""))

    for a, b in zip(step_list, step_list[1:]):
        if len(flow_list) >= flows:
            break
        add_flow(a, b)
    while len(flow_list) < flows:
        i = rng.randrange(steps)
        if rng.random() < 0.8:       # a branch forward (a decision's other exit) …
            j = min(steps - 1, i + rng.randint(2, 12))
        else:                        # … or rework: back to an earlier step
            j = max(0, i - rng.randint(1, 8))
        if i == j:
            j = rng.randrange(steps)
        add_flow(step_list[i], step_list[j], "아니오" if rng.random() < 0.5 else "")
    out += flow_list
    return out


def map_workshop_entities(*, steps: int = 1000, flows: int = 1200, lanes: int = 8, phases: int = 12,
                          seed: int = 1) -> Built:
    """A workshop holding one process with one big As-Is map (and a small cycle its MOT steps
    point at, one obstacle and a few votes on steps, so deleting a step has work to do)."""
    rng = random.Random(seed)
    ids = Ids()
    built = Built()
    process = Process(id=ids.next("process"), seq=0, name="불만품을 교환한다", role=ProcessRole.CORE)
    cycle = Cycle(id=ids.next("cycle"), seq=0, name="교환 사이클", process_id=process.id)
    touchpoints = [Touchpoint(id=ids.next("touchpoint"), cycle_id=cycle.id, seq=i, name=phrase(rng),
                              element=rng.choice(list(Element))) for i in range(12)]
    team = Team(id=ids.next("team"), seq=0, name="1조")
    built.add([team, process, cycle, *touchpoints])
    items = map_entities(ids, rng, process_id=process.id, steps=steps, flows=flows, lanes=lanes,
                         phases=phases, touchpoint_ids=[t.id for t in touchpoints])
    built.map_ids.append(items[0].id)
    built.add(items)
    step_ids = [e.id for e in items if e.KIND == "step"]
    built.add(Obstacle(id=ids.next("obstacle"), process_id=process.id, seq=i, obstacle=_PROBLEM,
                       source_step_id=rng.choice(step_ids)) for i in range(min(10, len(step_ids))))
    built.add(Vote(id=ids.next("vote"), team_id=team.id, target_kind=VoteTarget.STEP,
                   target_id=rng.choice(step_ids), dots=1) for _ in range(min(20, len(step_ids))))
    return built


def workshop_entities(*, processes: int = 20, steps: int = 200, flow_ratio: float = 1.2,
                      maps_per_process: int = 2, lanes: int = 6, phases: int = 8,
                      touchpoints: int = 12, rows: int = 5, teams: int = 4, seed: int = 2) -> Built:
    """P processes × S steps each (split over As-Is / To-Be maps), with everything around them."""
    rng = random.Random(seed)
    ids = Ids()
    built = Built()
    team_list = [Team(id=ids.next("team"), seq=i, name=f"{i + 1}조", colour=f"#{rng.randrange(1 << 24):06x}")
                 for i in range(teams)]
    built.add(team_list)
    participants = [Participant(id=ids.next("participant"), team_id=t.id, seq=j, name=f"참가자 {t.id}-{j + 1}",
                                role="팀장" if j == 0 else "")
                    for t in team_list for j in range(5)]
    built.add(participants)
    process_list = [Process(id=ids.next("process"), seq=p, name=f"{phrase(rng)} ({p + 1})",
                            mission="고객이 기다리지 않게 한 번에 처리한다.", start_point="요청 접수",
                            end_point="고객 확인", major="영업", medium=f"주문 {p % 5 + 1}",
                            role=ProcessRole.CORE if p % 3 else ProcessRole.SUPPORT,
                            innovation=rng.randint(1, 5), feasibility=rng.randint(1, 5),
                            selected=p < 3, team_id=team_list[p % teams].id)
                    for p in range(processes)]
    built.add(process_list)
    process_ids = [p.id for p in process_list]
    map_kinds = (MapKind.AS_IS, MapKind.TO_BE, MapKind.REDESIGN)
    vote_targets: list[tuple[VoteTarget, int]] = [(VoteTarget.PROCESS, pid) for pid in process_ids]
    for process in process_list:
        cycle = Cycle(id=ids.next("cycle"), seq=process.seq, name=f"MOT 사이클 {process.seq + 1}",
                      description="고객이 처음 연락한 때부터 교환품을 받을 때까지.", process_id=process.id,
                      team_id=process.team_id)
        sub = Cycle(id=ids.next("cycle"), parent_id=cycle.id, seq=0, name="전화 문의", process_id=process.id)
        tps = [Touchpoint(id=ids.next("touchpoint"), cycle_id=c.id, seq=i, name=f"고객이 {phrase(rng)}",
                          element=rng.choice(list(Element)), expectation="빠르고 친절하게",
                          level=rng.randint(1, 5), importance=rng.randint(1, 5),
                          problems=_PROBLEM if rng.random() < 0.4 else "",
                          improvement="안내 문자를 보낸다" if rng.random() < 0.3 else "",
                          owner="영업부", critical=rng.random() < 0.2)
               for c, n in ((cycle, touchpoints), (sub, max(1, touchpoints // 3))) for i in range(n)]
        built.add([cycle, sub, *tps])
        vote_targets += [(VoteTarget.TOUCHPOINT, t.id) for t in tps[:3]]
        step_ids: list[int] = []
        count = max(1, maps_per_process)
        for m in range(count):
            share = steps // count + (1 if m < steps % count else 0)
            items = map_entities(ids, rng, process_id=process.id, steps=share, flows=round(share * flow_ratio),
                                 lanes=lanes, phases=phases, kind=map_kinds[m % len(map_kinds)],
                                 touchpoint_ids=[t.id for t in tps],
                                 linked_process_ids=[pid for pid in process_ids if pid != process.id])
            built.map_ids.append(items[0].id)
            built.add(items)
            step_ids += [e.id for e in items if e.KIND == "step"]
        vote_targets += [(VoteTarget.STEP, sid) for sid in rng.sample(step_ids, min(3, len(step_ids)))]
        built.add(_worksheet_rows(ids, rng, process.id, rows, step_ids))
    built.add(Vote(id=ids.next("vote"), participant_id=rng.choice(participants).id, target_kind=kind,
                   target_id=target, dots=rng.randint(1, 3))
              for kind, target in rng.sample(vote_targets, min(len(vote_targets), 100)))
    built.add(Note(id=ids.next("note"), seq=i, text=f"나중에 다룰 것: {phrase(rng)}", author="진행자",
                   wizard_step=rng.randint(1, 8)) for i in range(20))
    built.add(StepProgress(id=ids.next("step_progress"), step_no=n,
                           status=StepStatus.DONE if n < 4 else StepStatus.NOT_STARTED,
                           process_id=process_ids[0] if process_ids else None, seconds_spent=600.0 * (n < 4))
              for n in range(1, 9))
    return built


def _worksheet_rows(ids: Ids, rng: random.Random, process_id: int, rows: int,
                    step_ids: list[int]) -> list[Entity]:
    out: list[Entity] = []
    for i in range(rows * 2):
        out.append(VocEntry(id=ids.next("voc"), process_id=process_id, seq=i, target_customer="A사 구매팀",
                            interviewee=f"담당자 {i + 1}", method=rng.choice(list(SurveyMethod)),
                            voc_type=rng.choice(list(VocType)), direction=rng.choice(list(VocDirection)),
                            requirement="교환품을 이틀 안에 받고 싶다", characteristic=rng.choice(list(Qcds)),
                            indicator="CSI"))
    for i in range(rows):
        out.append(OutputAnalysis(id=ids.next("output_analysis"), process_id=process_id, seq=i,
                                  output=phrase(rng), characteristic="정확성", importance=rng.randint(1, 5),
                                  measure="오류율", current_level="3%", target_level="1%", priority=i == 0))
        out.append(Benchmark(id=ids.next("benchmark"), process_id=process_id, seq=i, problem=_PROBLEM[:40],
                             characteristic=rng.choice(list(Qcds)), measure="리드타임", unit="일",
                             higher_is_better=False, us=5.0, company_a=3.0, company_b=4.0, top=1.0,
                             nature="설계", gap_cause="승인 단계가 많다", ideas="전결 규정을 바꾼다"))
        out.append(Obstacle(id=ids.next("obstacle"), process_id=process_id, seq=i, current_features="수작업",
                            tobe_features="자동 접수", obstacle="부서 간 시스템이 다르다", solution="연동한다",
                            source_step_id=rng.choice(step_ids) if step_ids else None))
        out.append(Target(id=ids.next("target"), process_id=process_id, seq=i, measure="처리 시간",
                          kind=TargetKind.QUANTITATIVE, unit="시간", higher_is_better=False,
                          current="48", competitor="24", required_level="12", target="8"))
        out.append(KeyIndicator(id=ids.next("key_indicator"), process_id=process_id, seq=i,
                                name=f"지표 {i + 1}", definition="접수부터 발송까지 걸린 시간", target="8시간",
                                owner="물류팀"))
        out.append(Action(id=ids.next("action"), process_id=process_id, seq=i, description=phrase(rng),
                          owner="영업부", due="2026-12-31", done=i % 2 == 0))
    return out


def write_workshop(path: str | Path, built: Built, *, title: str = "Benchmark workshop") -> Path:
    """A new file holding ``built``: one ``InsertEntities`` pushed through the history."""
    path = Path(path)
    store = Store.create(path, overwrite=True, title=title, language="ko")
    try:
        History(store).push(InsertEntities(built.entities))
    finally:
        store.close()
    return path


def build_map_file(path: str | Path, *, steps: int = 1000, flows: int = 1200, lanes: int = 8,
                   phases: int = 12, seed: int = 1) -> Built:
    built = map_workshop_entities(steps=steps, flows=flows, lanes=lanes, phases=phases, seed=seed)
    write_workshop(path, built, title=f"Map of {steps} steps")
    return built


def build_workshop_file(path: str | Path, *, processes: int = 20, steps: int = 200, seed: int = 2,
                        **options) -> Built:
    built = workshop_entities(processes=processes, steps=steps, seed=seed, **options)
    write_workshop(path, built, title=f"{processes} processes x {steps} steps")
    return built


def main(argv: list[str] | None = None) -> int:
    """Write a generated workshop to a file, e.g. to open it in the app."""
    import argparse
    import time

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--map", action="store_true", help="one big map instead of a whole workshop")
    parser.add_argument("--processes", type=int, default=20)
    parser.add_argument("--steps", type=int, default=None, help="steps per process (or on the map)")
    parser.add_argument("--flows", type=int, default=None, help="flows on the map (--map)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    if args.map:
        steps = args.steps or 1000
        built = build_map_file(args.out, steps=steps, flows=args.flows or round(steps * 1.2))
    else:
        built = build_workshop_file(args.out, processes=args.processes, steps=args.steps or 200)
    elapsed = time.perf_counter() - started
    counts = built.counts()
    print(f"wrote {args.out} in {elapsed:.2f} s: {sum(counts.values()):,} entities "
          f"({', '.join(f'{k} {v:,}' for k, v in sorted(counts.items()))})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
