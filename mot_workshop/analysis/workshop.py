"""Everything `analyze`, the report and the wizard show: every map of every process, the
As-Is → To-Be → Redesign comparison, and every MOT cycle's scores."""

from __future__ import annotations

from dataclasses import dataclass, field

from mot_workshop.analysis.comparison import FigureChange, compare
from mot_workshop.analysis.cycle_scores import CycleScores, score
from mot_workshop.analysis.map_metrics import MapMetrics, analyse
from mot_workshop.domain.enums import MapKind
from mot_workshop.domain.snapshot import Snapshot

MAP_ORDER = (MapKind.AS_IS, MapKind.TO_BE, MapKind.REDESIGN)


@dataclass
class ProcessAnalysis:
    process_id: int
    name: str
    maps: dict[int, MapMetrics] = field(default_factory=dict)       # map id -> metrics
    map_kinds: dict[int, str] = field(default_factory=dict)         # map id -> kind
    comparison: list[FigureChange] = field(default_factory=list)    # first map of each kind, in order
    compared_maps: list[int] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "process_id": self.process_id, "name": self.name,
            "maps": [{"map_id": i, "kind": self.map_kinds[i], **m.as_dict()} for i, m in self.maps.items()],
            "compared_maps": self.compared_maps,
            "comparison": [c.as_dict() for c in self.comparison],
        }


@dataclass
class WorkshopAnalysis:
    processes: list[ProcessAnalysis] = field(default_factory=list)
    cycles: dict[int, CycleScores] = field(default_factory=dict)
    cycle_names: dict[int, str] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {
            "processes": [p.as_dict() for p in self.processes],
            "cycles": [{"cycle_id": i, "name": self.cycle_names[i], **s.as_dict()} for i, s in self.cycles.items()],
        }


def analyse_map(snapshot: Snapshot, map_id: int) -> MapMetrics:
    return analyse(snapshot.where("step", map_id=map_id), snapshot.where("flow", map_id=map_id),
                   snapshot.where("lane", map_id=map_id))


def analyse_process(snapshot: Snapshot, process_id: int) -> ProcessAnalysis:
    process = snapshot.get("process", process_id)
    result = ProcessAnalysis(process_id, process.name)
    maps = sorted(snapshot.where("process_map", process_id=process_id),
                  key=lambda m: (MAP_ORDER.index(m.kind), m.id))
    for pmap in maps:
        result.maps[pmap.id] = analyse_map(snapshot, pmap.id)
        result.map_kinds[pmap.id] = str(pmap.kind)
    firsts: dict[MapKind, int] = {}
    for pmap in maps:
        firsts.setdefault(pmap.kind, pmap.id)
    result.compared_maps = [firsts[k] for k in MAP_ORDER if k in firsts]
    if len(result.compared_maps) > 1:
        result.comparison = compare([result.maps[i] for i in result.compared_maps])
    return result


def analyse_workshop(snapshot: Snapshot) -> WorkshopAnalysis:
    out = WorkshopAnalysis()
    for process in snapshot.all("process"):
        if snapshot.where("process_map", process_id=process.id):
            out.processes.append(analyse_process(snapshot, process.id))
    for cycle in snapshot.all("cycle"):
        out.cycles[cycle.id] = score(snapshot.where("touchpoint", cycle_id=cycle.id))
        out.cycle_names[cycle.id] = cycle.name
    return out
