"""The editor's check after each edit (structure problems and lead time) gives what the full
analysis gives, on random maps with loops, self-loops, repeated flows, several starts or none,
and it never imports networkx (22 MB)."""

from __future__ import annotations

import random
import subprocess
import sys

import pytest

from mot_workshop.analysis.map_check import check
from mot_workshop.analysis.map_metrics import analyse
from mot_workshop.domain.process import Flow, Lane, Step

LANES = [Lane(id=1, map_id=1, kind="customer", name="C"), Lane(id=2, map_id=1, kind="department", name="D")]
SHAPES = ["activity"] * 6 + ["start-end"] * 2 + ["decision"] * 2 + ["other-process"]


def random_map(seed: int):
    rng = random.Random(seed)
    n = rng.randrange(0, 40)
    steps = [Step(id=i, map_id=1, lane_id=rng.choice((1, 2)), shape=rng.choice(SHAPES), label=f"s{i}",
                  duration=rng.choice((0.0, 1.5, 2.0, 7.25, rng.random() * 30)),
                  wait=rng.choice((0.0, 5.0, rng.random() * 60)), x=float(rng.randrange(0, 2000)))
             for i in range(1, n + 1)]
    flows = []
    for fid in range(1, rng.randrange(0, 2 * n + 2) + 1):
        a = rng.randrange(1, n + 2) if n else 1          # now and then a step that is not there
        b = a if rng.random() < 0.05 else (rng.randrange(1, n + 2) if n else 1)
        flows.append(Flow(id=fid, map_id=1, source_id=a, target_id=b))
    return steps, flows


@pytest.mark.parametrize("seed", range(300))
def test_the_check_gives_what_the_full_analysis_gives(seed):
    steps, flows = random_map(seed)
    full, quick = analyse(steps, flows, LANES), check(steps, flows, LANES)
    assert quick.steps == full.steps
    assert quick.structure == full.structure
    assert quick.lead_time == pytest.approx(full.lead_time, rel=1e-12, abs=1e-12)


def test_the_check_and_the_navigator_s_checks_never_import_networkx(tmp_path):
    code = (
        "import sys\n"
        "from mot_workshop.analysis.map_check import check\n"
        "from mot_workshop.analysis.completeness import completeness\n"
        "from mot_workshop.persistence.fast_read import quick_snapshot\n"
        "from mot_workshop.sample import build_sample\n"
        "from tests.analysis.test_map_check import random_map, LANES\n"
        "for seed in range(20):\n"
        "    check(*random_map(seed), LANES)\n"
        "snap = quick_snapshot(build_sample(sys.argv[1], 'en'))\n"
        "checked = [completeness(snap, process, 'en') for process in snap.by_kind['process']]\n"
        "assert checked and 'networkx' not in sys.modules, 'networkx was imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path / "sample.motw")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
