"""How complete each of the eight steps is for a process: what is filled, what is missing.

The wizard's navigator shows it; each item is a check a facilitator can act on. It runs on a
worker thread after edits, so it reads only the snapshot it is given and names its checks in
the language it is given (the current one is switched while diagrams draw).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from mot_workshop.analysis import graph as map_graph
from mot_workshop.analysis.structure import problems
from mot_workshop.domain.enums import MapKind
from mot_workshop.domain.snapshot import Snapshot
from mot_workshop.i18n import current_language
from mot_workshop.i18n import tr as translate


@dataclass(frozen=True)
class Check:
    label: str
    done: bool


@dataclass(frozen=True)
class StepCompleteness:
    number: int
    checks: tuple[Check, ...]

    @property
    def ratio(self) -> float:
        return sum(c.done for c in self.checks) / len(self.checks) if self.checks else 0.0

    @property
    def complete(self) -> bool:
        return all(c.done for c in self.checks)

    @property
    def missing(self) -> list[str]:
        return [c.label for c in self.checks if not c.done]


def _map(snapshot: Snapshot, process_id: int | None, kind: MapKind):
    maps = [m for m in snapshot.where("process_map", process_id=process_id) if m.kind == kind]
    return maps[0] if maps else None


def _map_checks(snapshot: Snapshot, process_id: int | None, kind: MapKind, name: str, tr) -> list[Check]:
    pmap = _map(snapshot, process_id, kind)
    steps = snapshot.where("step", map_id=pmap.id) if pmap else []
    sound = False
    if steps:     # the structure alone: lead time and loops are not asked for here
        with map_graph.build(steps, snapshot.where("flow", map_id=pmap.id)) as mg:
            sound = not problems(mg)
    name = tr(name)                                  # the map kind in the UI's language too
    return [Check(tr("{map} map drawn", map=name), bool(steps)),
            Check(tr("{map} map runs from start to end without dead ends", map=name), sound)]


def _all(items, test: Callable) -> bool:
    return bool(items) and all(test(i) for i in items)


def completeness(snapshot: Snapshot, process_id: int | None, lang: str | None = None) -> list[StepCompleteness]:
    """The eight steps' checks for ``process_id`` (step 1 looks at every process), named in
    ``lang`` (default: the current language)."""
    tr = functools.partial(translate, lang=lang or current_language())
    s = snapshot
    processes = s.all("process")
    voc = s.where("voc", process_id=process_id)
    outputs = s.where("output_analysis", process_id=process_id)
    bench = s.where("benchmark", process_id=process_id)
    obstacles = s.where("obstacle", process_id=process_id)
    targets = s.where("target", process_id=process_id)
    indicators = s.where("key_indicator", process_id=process_id)
    actions = s.where("action", process_id=process_id)
    as_is = _map(s, process_id, MapKind.AS_IS)
    as_is_steps = s.where("step", map_id=as_is.id) if as_is else []
    steps = [
        [Check(tr("Processes listed"), bool(processes)),
         Check(tr("Hierarchy (major / medium) filled"), _all(processes, lambda p: p.major and p.medium)),
         Check(tr("Innovation effect and feasibility scored"),
               _all(processes, lambda p: p.innovation is not None and p.feasibility is not None)),
         Check(tr("Core process selected"), any(p.selected for p in processes)),
         Check(tr("Votes cast"), any(v.target_kind == "process" for v in s.all("vote")))],
        [Check(tr("Customer voices recorded"), bool(voc)),
         Check(tr("Each requirement has a Q/C/D/S characteristic"), _all(voc, lambda v: v.characteristic)),
         Check(tr("Expected levels noted"), _all(voc, lambda v: v.expected_level.strip()))],
        [*_map_checks(s, process_id, MapKind.AS_IS, "As-Is", tr),
         Check(tr("Outputs and measures noted on the map"), any(st.output or st.measure for st in as_is_steps)),
         Check(tr("Problems noted on the map"), any(st.problems.strip() for st in as_is_steps)),
         Check(tr("Output analysis filled"), _all(outputs, lambda o: o.measure and o.target_level))],
        [Check(tr("Benchmark rows entered"), bool(bench)),
         Check(tr("Us and TOP compared"), _all(bench, lambda b: b.us is not None and b.top is not None)),
         Check(tr("Causes of the gaps named"), _all(bench, lambda b: b.gap_cause.strip()))],
        _map_checks(s, process_id, MapKind.TO_BE, "To-Be", tr),
        [Check(tr("Obstacles listed"), bool(obstacles)),
         Check(tr("Each obstacle has a solution"), _all(obstacles, lambda o: o.solution.strip()))],
        [Check(tr("Measures listed"), bool(targets)),
         Check(tr("Current and target levels set"), _all(targets, lambda t: t.current.strip() and t.target.strip()))],
        [*_map_checks(s, process_id, MapKind.REDESIGN, "Redesign", tr),
         Check(tr("Key indicators set"), bool(indicators)),
         Check(tr("Actions have an owner and a due date"), _all(actions, lambda a: a.owner and a.due))],
    ]
    return [StepCompleteness(i + 1, tuple(checks)) for i, checks in enumerate(steps)]
