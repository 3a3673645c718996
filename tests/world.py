"""A small workshop holding one or more of every kind, built through commands, for tests."""

from __future__ import annotations

from dataclasses import dataclass, field

from mot_workshop.editing.entities import CreateEntity
from mot_workshop.editing.history import History


@dataclass
class World:
    ids: dict[str, list[int]] = field(default_factory=dict)

    def add(self, history: History, entity_kind: str, **values) -> int:
        command = CreateEntity(entity_kind, values)
        history.push(command)
        self.ids.setdefault(entity_kind, []).append(command.id)
        return command.id

    def id(self, kind: str, index: int = 0) -> int:
        return self.ids[kind][index]


def build_world(history: History) -> World:
    w = World()
    team = w.add(history, "team", name="Team A", colour="#3366cc")
    member = w.add(history, "participant", team_id=team, name="Kim", role="facilitator")
    proc = w.add(history, "process", name="Exchange defective goods", major="Service", medium="Exchange",
                 innovation=4, feasibility=3, selected=True, team_id=team)
    other = w.add(history, "process", name="Sell gift certificates")
    cycle = w.add(history, "cycle", name="Parking", process_id=proc)
    w.add(history, "cycle", name="Delivery", parent_id=cycle)
    tp = [w.add(history, "touchpoint", cycle_id=cycle, name=f"TP {i}", element="SOFT", level=3 + (i % 2),
                importance=4, critical=i == 1) for i in range(4)]
    as_is = w.add(history, "process_map", process_id=proc, kind="as-is", title="As-Is")
    lanes = [w.add(history, "lane", map_id=as_is, name=n, kind=k)
             for n, k in (("Customer", "customer"), ("Contact", "contact"), ("Store", "department"))]
    phases = [w.add(history, "phase", map_id=as_is, name=n) for n in ("Receive", "Check", "Exchange")]
    steps = [w.add(history, "step", map_id=as_is, lane_id=lanes[i % 3], phase_id=phases[i % 3],
                   label=f"Step {i}", x=100.0 * i, duration=5, wait=10, touchpoint_id=tp[0] if i == 0 else None)
             for i in range(5)]
    for a, b in zip(steps, steps[1:]):
        w.add(history, "flow", map_id=as_is, source_id=a, target_id=b)
    w.add(history, "voc", process_id=proc, requirement="Fast exchange", characteristic="D")
    w.add(history, "output_analysis", process_id=proc, output="Exchanged goods", measure="Minutes")
    w.add(history, "benchmark", process_id=proc, problem="Slow exchange", us=40, company_a=20, top=10)
    w.add(history, "obstacle", process_id=proc, obstacle="Approval", source_step_id=steps[2])
    w.add(history, "target", process_id=proc, measure="Exchange time", current="40", target="15")
    w.add(history, "key_indicator", process_id=proc, name="Exchange lead time")
    w.add(history, "action", process_id=proc, description="Empower staff", owner="Store", due="2027-01-31")
    w.add(history, "vote", participant_id=member, target_kind="process", target_id=other, dots=2)
    w.add(history, "vote", participant_id=member, target_kind="touchpoint", target_id=tp[1], dots=1)
    w.add(history, "vote", team_id=team, target_kind="step", target_id=steps[1], dots=3)
    w.add(history, "note", text="Ask IT about the POS", wizard_step=3)
    w.add(history, "step_progress", step_no=1, status="done", process_id=proc)
    w.add(history, "room_score", touchpoint_id=tp[1], participant_id=member, voter="Kim", level=2, importance=5)
    w.add(history, "idea", touchpoint_id=tp[1], text="Pay at the exit by card", author="Kim")
    # the check-points belong to a To-Be map: an empty one of the other process
    redesign = w.add(history, "process_map", process_id=other, kind="to-be", title="To-Be")
    interview = w.add(history, "interview", process_id=proc, interviewee="Kim", target_customer="Store customers")
    w.add(history, "voc", process_id=proc, requirement="Exchange in one visit", interview_id=interview)
    w.add(history, "asis_answer", map_id=as_is, question=1, answer="Store customers")
    w.add(history, "cs_check", map_id=redesign, point=3, ticked=True, note="Two signatures become one")
    w.add(history, "qcds_score", process_id=proc, characteristic="D", us=40, company_a=20, top=10)
    w.add(history, "viewpoint_aspect", viewpoint="voc-topic", aspect="service", discussion="Long waits")
    return w
